"""Templates read like the code they make: no template line longer than the project's Python lines.

The cap is ruff's ``line-length`` in the root ``pyproject.toml``. A template line is broken with
Jinja's whitespace control (``{%- -%}``, ``{{- }}``; ``trim_blocks`` and ``lstrip_blocks`` are on in
every environment: openapi-python-client's and ``tools/generate.py``'s), or inside brackets of the
Python it renders (ruff formats the output), so the generated code does not change. A line that
cannot be broken is listed in ``LONG_LINES`` with the reason. ``templates/umbrella/release.json`` is
not a template: the release writes it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from generate import jinja_environment

from conftest import ROOT

TEMPLATES = ROOT / "templates"
CAP: int = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["line-length"]
LONG_LINES: dict[tuple[str, str], str] = {}
"""(template, the line stripped) -> why it stays longer than the cap."""


def templates() -> list[Path]:
    return sorted([*TEMPLATES.rglob("*.jinja"), TEMPLATES / "config.yaml"])


def long_lines(path: Path, root: Path = TEMPLATES) -> list[tuple[str, str]]:
    """(template, the line stripped) of every line of ``path`` longer than the cap."""
    name = str(path.relative_to(root))
    return [(name, line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if len(line) > CAP]


def test_the_cap_is_ruffs_line_length() -> None:
    assert CAP == 120


def test_no_template_line_is_longer_than_the_cap() -> None:
    assert len(templates()) >= 10
    found = [line for path in templates() for line in long_lines(path)]
    unlisted = [
        f"{name}: {len(line)} characters: {line[:60]}..." for name, line in found if (name, line) not in LONG_LINES
    ]
    assert unlisted == [], f"template lines over {CAP} characters (break them, or list them with a reason)"


def test_every_listed_long_line_is_still_there_and_still_long() -> None:
    found = {line for path in templates() for line in long_lines(path)}
    assert sorted(set(LONG_LINES) - found) == []


def test_the_measure_can_fail(tmp_path: Path) -> None:
    template = tmp_path / "templates" / "long.py.jinja"
    template.parent.mkdir()
    template.write_text("short\n" + "x = 1  # " + "-" * CAP + "\n", encoding="utf-8")
    assert [(name, len(line)) for name, line in long_lines(template, template.parent)] == [("long.py.jinja", CAP + 9)]


def test_the_shared_macros_load_in_every_environment() -> None:
    # templates/_macros.jinja is imported by the fork (openapi-python-client's environment) and by the
    # project's own templates, which have none of openapi-python-client's filters: a filter of its in the
    # macros would fail to compile here.
    for source in ("service", "umbrella"):
        module = jinja_environment(TEMPLATES / source).get_template("_macros.jinja").module
        assert module.strings(["a", "b"]) == '("a", "b", )'  # type: ignore[attr-defined]
        parameters = [type("Parameter", (), {"python_name": name})() for name in ("job_id", "force")]
        assert module.keywords(parameters) == "job_id=job_id, force=force, "  # type: ignore[attr-defined]
