"""The seams between distributions: what generated code may import of the runtime, how they pin each
other, and how the umbrella's version follows what it bundles."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from generate import _LEVELS, bumped, change_level, core_version

import huaweicloud_jobs_core
import huaweicloud_jobs_core.seam
import huaweicloud_jobs_core.types

from conftest import ROOT

GENERATED = ROOT / "generated"
PATCHES = sorted((ROOT / "overrides").glob("huaweicloud_jobs_*/_patch.py"))


def runtime_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from huaweicloud_jobs_core... import name`` in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("huaweicloud_jobs_core"):
            found += [(node.module or "", alias.name) for alias in node.names]
    return found


def generated_files() -> list[Path]:
    files = [path for path in GENERATED.rglob("*.py") if "huaweicloud_jobs_core" in path.read_text(encoding="utf-8")]
    assert len(files) >= 10
    return [*files, *PATCHES]


def test_generated_code_uses_only_the_public_api_and_the_seam() -> None:
    allowed = {
        "huaweicloud_jobs_core": set(huaweicloud_jobs_core.__all__) | {"*"},
        "huaweicloud_jobs_core.seam": set(huaweicloud_jobs_core.seam.__all__),
        "huaweicloud_jobs_core.types": set(huaweicloud_jobs_core.types.__all__),
        "huaweicloud_jobs_core.testing": {"*", "__all__"},
    }
    wrong = [
        f"{path.relative_to(ROOT)}: from {module} import {name}"
        for path in generated_files()
        for module, name in runtime_imports(path)
        if name not in allowed.get(module, set())
    ]
    assert wrong == [], (
        "generated code reaches past the seam (add the name to huaweicloud_jobs_core.seam):\n" + "\n".join(wrong)
    )


def test_every_seam_name_is_used_by_generated_code() -> None:
    used = {name for path in generated_files() for module, name in runtime_imports(path) if module.endswith(".seam")}
    assert used == set(huaweicloud_jobs_core.seam.__all__)


def test_distributions_pin_compatible_releases() -> None:
    for project in sorted(GENERATED.glob("*/pyproject.toml")):
        dependencies = tomllib.loads(project.read_text(encoding="utf-8"))["project"]["dependencies"]
        ours = [dependency for dependency in dependencies if dependency.startswith("huaweicloud-jobs")]
        assert f"huaweicloud-jobs-core~={core_version()}" in ours, project
        assert all("~=" in dependency for dependency in ours), (project, ours)


@pytest.mark.parametrize(
    ("before", "after", "level"),
    [
        ("1.0.0", "1.0.0", "none"),
        ("1.0.0", "1.0.1", "patch"),
        ("1.0.3", "1.1.0", "minor"),
        ("1.4.0", "2.0.0", "major"),
        ("0.1.0", "0.1.1", "patch"),
        ("0.1.0", "0.2.0", "major"),  # a 0.x minor may break
        (None, "1.0.0", "minor"),  # a new service
        ("1.0.0", None, "major"),  # a service dropped
    ],
)
def test_change_levels(before: str | None, after: str | None, level: str) -> None:
    assert _LEVELS[change_level(before, after)] == level


def test_a_major_anywhere_is_a_major_of_the_umbrella() -> None:
    """The old scheme summed versions, so 1.9.0 -> 2.0.0 of one service moved the umbrella like a minor."""
    assert bumped("1.4.2", change_level("1.9.0", "2.0.0")) == "2.0.0"
    assert bumped("1.4.2", change_level("1.9.0", "1.10.0")) == "1.5.0"
    assert bumped("1.4.2", change_level("1.9.0", "1.9.1")) == "1.4.3"
    assert bumped("1.4.2", 0) == "1.4.2"


def test_the_umbrella_version_follows_its_release_record() -> None:
    import json

    release = json.loads((ROOT / "templates" / "umbrella" / "release.json").read_text(encoding="utf-8"))
    umbrella = tomllib.loads((GENERATED / "huaweicloud-jobs" / "pyproject.toml").read_text(encoding="utf-8"))
    bundled = {"huaweicloud-jobs-core": core_version()}
    for project in sorted(GENERATED.glob("huaweicloud-jobs-*/pyproject.toml")):
        data = tomllib.loads(project.read_text(encoding="utf-8"))["project"]
        bundled[data["name"]] = data["version"]
    level = max(change_level(release["bundled"].get(n), bundled.get(n)) for n in {*release["bundled"], *bundled})
    assert umbrella["project"]["version"] == bumped(release["version"], level)
