"""What every distribution tells its users: URLs, classifiers, its own README; and the project's policy files.

The root pyproject.toml (``huaweicloud-jobs-core``) is the one source of the classifiers and URLs;
``tools/generate.py`` copies them into every generated pyproject.toml. The built wheels' metadata is
checked in ``test_publish.py`` (and by ``tools/build.py`` itself).
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [ROOT, *sorted(p for p in (ROOT / "generated").iterdir() if (p / "pyproject.toml").is_file())]


def project_table(project: Path) -> dict[str, Any]:
    with (project / "pyproject.toml").open("rb") as handle:
        table = tomllib.load(handle)["project"]
    assert isinstance(table, dict)
    return table


def supported_pythons() -> list[str]:
    """noxfile.SUPPORTED_PYTHONS, read without importing nox."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "SUPPORTED_PYTHONS" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(version) for version in value]
    raise AssertionError("noxfile.py defines no SUPPORTED_PYTHONS")


ROOT_PROJECT = project_table(ROOT)


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: path.name)
def test_classifiers_name_the_tested_pythons_and_typing(project: Path) -> None:
    table = project_table(project)
    classifiers = table["classifiers"]
    versions = sorted(
        match.group(1) for c in classifiers if (match := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c))
    )
    assert versions == supported_pythons()
    assert table["requires-python"] == f">={supported_pythons()[0]}"
    assert "Typing :: Typed" in classifiers
    assert set(ROOT_PROJECT["classifiers"]) <= set(classifiers)
    assert not [c for c in classifiers if c.startswith("License ::")], "the license is the SPDX expression"


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: path.name)
def test_urls_are_the_shared_ones(project: Path) -> None:
    urls = project_table(project)["urls"]
    assert urls == ROOT_PROJECT["urls"]
    assert {"Documentation", "Source", "Changelog", "Issues"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_every_distribution_has_a_readme_of_its_own() -> None:
    texts: dict[str, str] = {}
    for project in PROJECTS:
        table = project_table(project)
        readme = project / table["readme"]
        text = readme.read_text(encoding="utf-8")
        assert text.startswith(f"# {table['name']}\n"), f"{readme} is not {table['name']}'s README"
        texts[table["name"]] = text
    assert len(set(texts.values())) == len(PROJECTS)
    assert project_table(ROOT)["readme"] != "README.md", "the runtime's wheel would show the repository's README"


def test_the_changelog_has_unreleased_on_top_and_released_sections_below() -> None:
    headings = re.findall(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings[0].startswith("Unreleased")
    released = [h for h in headings[1:] if re.search(r"\d{4}-\d{2}-\d{2}$", h)]
    assert released and len(released) == len(headings) - 1, headings


def test_the_security_policy_says_how_to_report_and_what_is_promised() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for heading in ("## Reporting a vulnerability", "## Supported versions", "## What the library promises"):
        assert heading in text
    for secret in ("SK", "token", "Authorization", "password"):
        assert secret in text


def test_ci_runs_the_readme_test_command() -> None:
    """`.ci/run` ends with the README's "all checks" command, word for word."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(nox -s [^#\n]+?)\s+# all checks", readme, re.MULTILINE)
    assert len(commands) == 1, "README.md names its test command once, as `nox -s ...   # all checks ...`"
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert ci[-1] == commands[0]
