"""The fork of openapi-python-client's templates stays small, and nothing in it is a copy.

Upstream calls its template API "undocumented and unstable": every template we override is
rewritten by its releases. ``templates/client`` holds only the templates that must differ
(the typed services, the package ``__init__``, ``types`` re-exporting the runtime's, the models
package ``__init__``); the models come from the stock templates. The budget is stated in
CONTRIBUTING.md; the shared ``templates/_macros.jinja`` is the project's, not part of the fork.
"""

from __future__ import annotations

from pathlib import Path

import generate
import openapi_python_client

ROOT = Path(__file__).resolve().parent.parent
FORK = ROOT / "templates" / "client"
UPSTREAM = Path(openapi_python_client.__file__).parent / "templates"

MAX_FORKED_LINES = 340
"""All lines of all templates in templates/client together (each at most 120 characters: test_template_lines)."""
FORKED = ("api_init.py.jinja", "models_init.py.jinja", "package_init.py.jinja", "types.py.jinja")
MAX_COPIED_LINES = 5
"""Non-trivial lines (over 20 characters) of ours that appear verbatim in the upstream template they replace."""


def fork() -> dict[Path, list[str]]:
    return {path: path.read_text(encoding="utf-8").splitlines() for path in sorted(FORK.rglob("*.jinja"))}


def copied_lines(ours: list[str], upstream: list[str]) -> list[str]:
    theirs = {line.strip() for line in upstream}
    return [line for line in ours if len(line.strip()) > 20 and line.strip() in theirs]


def test_every_fork_template_replaces_an_upstream_one() -> None:
    # A template upstream does not have would never be rendered: a silent no-op.
    for path in fork():
        assert (UPSTREAM / path.relative_to(FORK)).is_file(), path


def test_the_fork_is_the_four_templates_the_documents_name() -> None:
    assert tuple(path.name for path in fork()) == FORKED
    for document in ((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), generate.__doc__ or ""):
        text = " ".join(document.split())
        assert "four templates" in text
        assert [name for name in FORKED if f"`{name}`" not in text] == []


def test_the_fork_is_within_its_line_budget() -> None:
    total = sum(len(lines) for lines in fork().values())
    assert 0 < total <= MAX_FORKED_LINES, f"{total} forked lines, budget {MAX_FORKED_LINES}"


def test_no_template_is_copied_from_upstream() -> None:
    copied = {
        path.name: copied_lines(lines, (UPSTREAM / path.relative_to(FORK)).read_text(encoding="utf-8").splitlines())
        for path, lines in fork().items()
    }
    assert sum(len(lines) for lines in copied.values()) <= MAX_COPIED_LINES, copied


def test_the_measure_can_fail() -> None:
    upstream = (UPSTREAM / "types.py.jinja").read_text(encoding="utf-8").splitlines()
    assert len(copied_lines(upstream, upstream)) > MAX_COPIED_LINES
