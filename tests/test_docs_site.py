"""The documentation site: it builds in strict mode, fails on what strict mode must catch, and is complete.

The site is built as ``nox -s docs`` builds it (``mkdocs build --strict`` with mkdocs.yml), into a
temporary folder. The failure cases build a small copy of mkdocs.yml (same plugins, hooks, docstring
extension and validation settings) around one broken page or one broken docstring.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import huaweicloud_jobs
from huaweicloud_jobs._cli import EXIT_CODES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ENV_QUIET = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path


def mkdocs_build(config: Path, site: Path) -> Build:
    import os

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **ENV_QUIET},
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.output
    return build.site


def page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def anchors(text: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', text))


def visible(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


# -- complete -----------------------------------------------------------------------------------


def test_the_api_reference_lists_every_public_name(site: Path) -> None:
    found = anchors(page(site, "reference/huaweicloud_jobs"))
    missing = [name for name in huaweicloud_jobs.__all__ if f"huaweicloud_jobs.{name}" not in found]
    assert not missing, f"not in the API reference: {missing}"


def test_the_api_reference_documents_each_service_package(site: Path) -> None:
    found = anchors(page(site, "reference/services"))
    for service in huaweicloud_jobs.SERVICES:
        package = f"huaweicloud_jobs_{service}"
        for name in ("Service", "AsyncService", "ServiceWithRawResponse", "AsyncServiceWithRawResponse"):
            assert f"{package}.{name}" in found, f"{package}.{name}"
        assert any(anchor.startswith(f"{package}.models.") for anchor in found), package
    testing = anchors(page(site, "reference/testing"))
    for name in ("FakeCloud", "FakeTime", "VANISHED"):
        assert f"huaweicloud_jobs.testing.{name}" in testing, name


def help_text(*words: str) -> str:
    command = [sys.executable, "-m", "huaweicloud_jobs", *words, "--help"]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


def defined_options(help_output: str) -> set[str]:
    """The options a --help defines: the flags at the start of its argument lines (not those its prose names)."""
    heads = re.findall(r"^ {2}(-.*?)(?: {2,}|$)", help_output.split("exit codes:", 1)[0], re.MULTILINE)
    return {flag for head in heads for flag in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", head)} - {"--help"}


def documented(option: str, section_html: str) -> bool:
    """A row of the section's argument table names the option (the usage line alone does not count)."""
    return re.search(rf"<td>(?:<code>[^<]*</code>,? ?)*<code>{re.escape(option)}</code>", section_html) is not None


def test_the_command_line_page_has_every_command_option_and_exit_code(site: Path) -> None:
    """Compared with what `huaweicloud-jobs ... --help` prints, not with the page's generator."""
    document = page(site, "command-line")
    # The page cut at its headings: {heading id: the visible text up to the next heading}.
    parts = re.split(r'<h[2-4] id="([^"]+)"', document)
    sections = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    for entry in EXIT_CODES:
        assert re.search(rf"\b{entry.code}\s+{re.escape(entry.meaning)}", visible(sections["exit-codes"])), entry
    global_options = defined_options(help_text())
    assert {"--region", "--endpoint", "--retries"} <= global_options
    for option in global_options:
        assert documented(option, sections["global-options"]), option
    for service in huaweicloud_jobs.SERVICES:
        operations = re.findall(r"^    ([a-z][a-z-]+)\s", help_text(service), re.MULTILINE)
        assert operations, service
        for operation in operations:
            section = sections[f"huaweicloud-jobs-{service}-{operation}"]
            for option in defined_options(help_text(service, operation)) - global_options:
                assert documented(option, section), (service, operation, option)


def test_the_changelog_and_security_policy_are_pages(site: Path) -> None:
    assert "Unreleased" in visible(page(site, "changelog"))
    assert "Reporting a vulnerability" in visible(page(site, "security"))


# -- strict -------------------------------------------------------------------------------------

PROBE_MODULE = '''"""A module for the build checks.

It points at :class:`Probe` and at {reference}.
"""


class Probe:
    """Something to point at."""
'''


def small_site(tmp_path: Path, page_text: str, reference: str = ":func:`len`") -> Path:
    """A copy of mkdocs.yml with one page (``index.md``) and one module (``docs_probe``) of our own."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    source = tmp_path / "src"
    docs.mkdir()
    source.mkdir()
    (docs / "index.md").write_text(page_text, encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## A heading\n", encoding="utf-8")
    (source / "docs_probe.py").write_text(PROBE_MODULE.format(reference=reference), encoding="utf-8")
    config["docs_dir"] = str(docs)
    config["nav"] = ["index.md", "other.md"]
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    (plugin,) = [p["mkdocstrings"] for p in config["plugins"] if isinstance(p, dict) and "mkdocstrings" in p]
    python = plugin["handlers"]["python"]
    python["paths"] = [str(source)]
    python["options"]["extensions"] = [
        str(ROOT / extension) if isinstance(extension, str) else extension
        for extension in python["options"]["extensions"]
    ]
    python["options"]["preload_modules"] = []
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


GOOD_PAGE = "# Probe\n\nSee [the other page](other.md#a-heading).\n\n::: docs_probe\n"


def test_the_small_copy_builds_when_nothing_is_broken(tmp_path: Path) -> None:
    build = mkdocs_build(small_site(tmp_path, GOOD_PAGE), tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "docs_probe.Probe" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        (GOOD_PAGE.replace("other.md#a-heading", "missing.md"), "missing.md"),
        (GOOD_PAGE.replace("other.md#a-heading", "other.md#no-such-heading"), "no-such-heading"),
    ],
    ids=["missing page", "missing anchor"],
)
def test_a_broken_link_fails_the_build(tmp_path: Path, broken: str, named: str) -> None:
    build = mkdocs_build(small_site(tmp_path, broken), tmp_path / "site")
    assert build.returncode != 0
    assert named in build.output and "strict mode" in build.output, build.output


@pytest.mark.parametrize(
    ("reference", "named"),
    [
        (":class:`NoSuchName`", "NoSuchName"),  # the roles our docstrings use
        (":meth:`Probe.no_such_method`", "Probe.no_such_method"),
        ("[a probe][docs_probe.NoSuchProbe]", "docs_probe.NoSuchProbe"),  # mkdocstrings' own cross-reference
    ],
    ids=["role", "method role", "cross-reference"],
)
def test_a_docstring_reference_to_a_missing_name_fails_the_build(tmp_path: Path, reference: str, named: str) -> None:
    build = mkdocs_build(small_site(tmp_path, GOOD_PAGE, reference), tmp_path / "site")
    assert build.returncode != 0
    assert named in build.output and "strict mode" in build.output, build.output
