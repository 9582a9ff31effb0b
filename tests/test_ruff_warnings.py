"""ruff prints no warning for any setting of ours: a deprecated option fails here, not in a later ruff.

ruff keeps going when a setting is deprecated and only says so on stderr (``warning: ...``); the
release that removes the setting then fails, or changes the generated code. Its settings live in
three places: the root ``pyproject.toml`` (``nox -s lint``), each generated distribution's
``pyproject.toml`` (``templates/service``, ``templates/umbrella``: what the generator's post-hooks
and the umbrella's formatting read) and the post-hooks' own options (``templates/config.yaml``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml
from generate import tool_environment

from conftest import ROOT

GENERATED = ROOT / "generated"
POST_HOOKS: list[str] = yaml.safe_load((ROOT / "templates" / "config.yaml").read_text(encoding="utf-8"))["post_hooks"]


def ruff_warnings(command: str, cwd: Path) -> list[str]:
    """Run one shell command (as the generator runs its post-hooks); the ``warning:`` lines it printed."""
    done = subprocess.run(command, cwd=cwd, shell=True, capture_output=True, text=True, env=tool_environment())  # noqa: S602
    assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
    return [line for line in (done.stdout + done.stderr).splitlines() if line.lower().startswith("warning")]


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_lint_settings_print_no_warning() -> None:
    for command in ("ruff check --no-cache noxfile.py", "ruff format --no-cache --check noxfile.py"):
        assert ruff_warnings(command, ROOT) == [], command


def test_the_post_hooks_print_no_warning_and_leave_generated_code_as_it_is(tmp_path: Path) -> None:
    assert any("ruff check" in hook for hook in POST_HOOKS) and any("ruff format" in hook for hook in POST_HOOKS)
    distribution = shutil.copytree(GENERATED / "huaweicloud-jobs-drs", tmp_path / "huaweicloud-jobs-drs")
    package = distribution / "huaweicloud_jobs_drs"  # the generator runs its hooks in the package (--meta none)
    before = tree(distribution)
    for hook in POST_HOOKS:
        assert ruff_warnings(hook, package) == [], hook
    assert tree(distribution) == before


def test_the_post_hooks_remove_an_unused_import_from_the_typed_facade(tmp_path: Path) -> None:
    distribution = shutil.copytree(GENERATED / "huaweicloud-jobs-drs", tmp_path / "huaweicloud-jobs-drs")
    package = distribution / "huaweicloud_jobs_drs"
    facade = package / "api" / "__init__.py"
    original = facade.read_text(encoding="utf-8")
    facade.write_text(original.replace("\nfrom typing import Any\n", "\nfrom typing import Any\nimport os\n"))
    for hook in POST_HOOKS:
        ruff_warnings(hook, package)
    assert facade.read_text(encoding="utf-8") == original
    assert not (package / "api" / "facade.py").exists()


def test_the_umbrella_formatting_prints_no_warning(tmp_path: Path) -> None:
    umbrella = shutil.copytree(GENERATED / "huaweicloud-jobs", tmp_path / "huaweicloud-jobs")
    assert ruff_warnings("ruff format --no-cache --check .", umbrella) == []


def test_a_deprecated_option_is_caught(tmp_path: Path) -> None:
    distribution = shutil.copytree(GENERATED / "huaweicloud-jobs-drs", tmp_path / "huaweicloud-jobs-drs")
    command = "ruff check --no-cache --fix-only --config lint.ignore-init-module-imports=false ."
    assert any("deprecated" in line for line in ruff_warnings(command, distribution))
