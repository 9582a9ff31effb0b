"""The regenerate-and-diff check passes on the committed tree and fails, naming the package, on drift."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def run_check(specs: Path, generated: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "generate.py"),
            "--check",
            "--specs",
            str(specs),
            "--generated",
            str(generated),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    specs = tmp_path / "openapi"
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "openapi", specs)
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return specs, generated


def test_hand_edit_of_generated_code_is_reported(workspace: tuple[Path, Path]) -> None:
    specs, generated = workspace
    types_py = generated / "huaweicloud-jobs-drs" / "huaweicloud_jobs_drs" / "types.py"
    types_py.write_text(types_py.read_text() + "\n# a hand edit\n")
    result = run_check(specs, generated)
    assert result.returncode == 1
    assert "generated/huaweicloud-jobs-drs" in result.stderr
    assert "types.py" in result.stderr
    assert "nox -s generate" in result.stderr
    assert "huaweicloud-jobs-aom" not in result.stderr


def test_spec_edit_without_regeneration_is_reported(workspace: tuple[Path, Path]) -> None:
    specs, generated = workspace
    spec = specs / "aom.yaml"
    text = spec.read_text()
    edited = re.sub(r"(?m)^  version: .*$", "  version: 99.0.0", text, count=1)  # whatever the version is
    assert edited != text
    spec.write_text(edited)
    result = run_check(specs, generated)
    assert result.returncode == 1
    assert "generated/huaweicloud-jobs-aom" in result.stderr
    assert "nox -s generate" in result.stderr


def test_new_spec_without_package_is_reported(workspace: tuple[Path, Path]) -> None:
    specs, generated = workspace
    shutil.copy(specs / "drs.yaml", specs / "drs2.yaml")
    result = run_check(specs, generated)
    assert result.returncode == 1
    assert "huaweicloud-jobs-drs2" in result.stderr and "(package missing)" in result.stderr
