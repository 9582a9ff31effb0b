"""A new ``openapi/<svc>.yaml`` is the only edit a new service needs.

The repository is copied (its tracked files) to a temporary folder, ``tests/data/newservice.yaml``
is added there as ``openapi/newservice.yaml`` (a paginated GET with query parameters, a POST
action with a header and a body, hyphenated response properties, int64/float/enum fields, nested
arrays of objects, and no ``x-paginators``), and so is ``tests/data/pagedservice.yaml`` as
``openapi/pagedservice.yaml`` (a listing that declares ``x-paginators``, paged by marker, with a
waiter); ``tools/generate.py`` regenerates, and in the copy, with no other file edited:
the lint and type checks of the new package, the drift check, the tests that derive their services,
operations and examples from ``openapi/``, the Prism contract tests when Prism is installed, and
the demo (which calls every operation of every spec) all pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
NEW_SPECS = ("newservice", "pagedservice")


def run(arguments: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(arguments, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{' '.join(arguments)}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("repo") / "repo"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in NEW_SPECS:
        shutil.copyfile(ROOT / "tests" / "data" / f"{name}.yaml", target / "openapi" / f"{name}.yaml")
    return target


@pytest.fixture(scope="module")
def env(copy: Path) -> dict[str, str]:
    """This interpreter, with the copy's runtime and generated packages ahead of the installed ones."""
    run([sys.executable, "tools/generate.py"], copy, dict(os.environ))
    paths = [copy / "overrides", *sorted(p for p in (copy / "generated").iterdir() if p.is_dir())]
    environ = dict(os.environ)
    environ["PYTHONPATH"] = os.pathsep.join(str(path) for path in paths)
    environ["MYPYPATH"] = environ["PYTHONPATH"]
    environ["HYPOTHESIS_PROFILE"] = "dev"  # the property tests with fewer examples: this run checks wiring
    return environ


def test_the_new_service_is_generated_and_wired(copy: Path, env: dict[str, str]) -> None:
    probe = "import huaweicloud_jobs as h, huaweicloud_jobs_newservice as n; print(h.SERVICES, n.__file__)"
    result = run([sys.executable, "-c", probe], copy, env)
    assert "'newservice'" in result.stdout and "'pagedservice'" in result.stdout and str(copy) in result.stdout
    probe = (
        "import huaweicloud_jobs_newservice as n; print([m for m in dir(n.Service) if 'iter_' in m or 'pages' in m])"
    )
    assert run([sys.executable, "-c", probe], copy, env).stdout.strip() == "[]"  # no x-paginators: no iterator
    run([sys.executable, "tools/generate.py", "--check"], copy, env)


def test_lint_and_types_of_the_new_package(copy: Path, env: dict[str, str]) -> None:
    run(
        [sys.executable, "-m", "openapi_spec_validator", "openapi/newservice.yaml", "openapi/pagedservice.yaml"],
        copy,
        env,
    )
    run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            *[f"-phuaweicloud_jobs_{name}" for name in NEW_SPECS],
            "-phuaweicloud_jobs",
        ],
        copy,
        env,
    )


def test_the_spec_driven_tests_pass_with_the_new_spec(copy: Path, env: dict[str, str]) -> None:
    """The tests that derive services, operations and examples from ``openapi/``, on the copy.

    Whole files where they are quick; in the slower per-operation files, the new service's cases
    (their ids name it). The rest of the suite does not iterate specs, so a new one cannot change it.
    """
    quick = [
        "tests/test_spec_examples.py",
        "tests/test_exported_members.py",
        "tests/test_testing_kit.py",
        "tests/test_public_surface.py",
    ]
    per_operation = [
        "tests/test_faults.py",
        "tests/test_fuzz_models.py",
        "tests/test_fuzz_requests.py",
        "tests/test_cli.py",
    ]
    pytest_args = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    result = run([*pytest_args, *quick], copy, env)
    assert " passed" in result.stdout
    result = run([*pytest_args, *per_operation, "-k", " or ".join(NEW_SPECS)], copy, env)
    assert " passed" in result.stdout


def test_the_contract_tests_pass_with_the_new_spec(copy: Path, env: dict[str, str]) -> None:
    prism = ROOT / "node_modules" / ".bin" / "prism"
    if not prism.exists():
        pytest.skip("Prism is not installed here (nox -s contract installs it)")
    contract = {**env, "PRISM_REQUIRED": "1", "PRISM_BIN": str(prism)}
    result = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "tests/contract",
            "-k",
            " or ".join(NEW_SPECS),
        ],
        copy,
        contract,
    )
    assert "passed" in result.stdout


def test_the_demo_calls_the_new_operations(copy: Path, env: dict[str, str]) -> None:
    result = run([sys.executable, "tools/demo.py"], copy, env)
    assert "newservice list_queued_jobs" in result.stdout and "newservice cancel_queued_job" in result.stdout
    assert "pagedservice list_runs" in result.stdout and "pagedservice wait_until_run_cancelled" in result.stdout


ITERATE = """
from huaweicloud_jobs import Cloud
from huaweicloud_jobs.testing import FakeCloud

fake = FakeCloud(["pagedservice"])
fake.add_items("pagedservice", "list_runs", [{"run_id": f"r-{i}", "state": "running"} for i in range(30)])
with Cloud(token="t", project_id="0" * 32, region="cn-north-4", transport=fake.transport()) as cloud:
    first = cloud.pagedservice.iter_list_runs(limit=7, max_items=10)
    head = [run.run_id for run in first]
    rest = [run.run_id for run in cloud.pagedservice.iter_list_runs(limit=7, starting_token=first.resume_token)]
print(len(head + rest), len(set(head + rest)), [r.query.get("marker") for r in fake.requests])
"""


def test_the_new_paginator_iterates_with_no_other_edit(copy: Path, env: dict[str, str]) -> None:
    result = run([sys.executable, "-c", ITERATE], copy, env)
    assert result.stdout.strip() == "30 30 [None, '7', '7', '14', '21', '28']", result.stdout
