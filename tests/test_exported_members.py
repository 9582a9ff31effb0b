"""The public surface of ``huaweicloud_jobs`` (in the style of httpx's test of the same name)."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import huaweicloud_jobs
import huaweicloud_jobs_core

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted(path.stem for path in (ROOT / "openapi").glob("*.yaml"))


# Public submodules, imported on demand (`import huaweicloud_jobs.testing`), so not in __all__.
PUBLIC_SUBMODULES = {"testing"}


def test_all_is_exactly_the_public_names() -> None:
    names = {name for name in dir(huaweicloud_jobs) if not name.startswith("_")} - PUBLIC_SUBMODULES
    assert names == set(huaweicloud_jobs.__all__) - {"__version__"}
    assert "__version__" in huaweicloud_jobs.__all__
    assert len(huaweicloud_jobs.__all__) == len(set(huaweicloud_jobs.__all__))


def test_every_exported_name_resolves() -> None:
    for name in huaweicloud_jobs.__all__:
        assert getattr(huaweicloud_jobs, name) is not None, name


def test_every_exception_reachable_from_the_package_derives_from_the_base() -> None:
    exceptions = [
        value
        for name in huaweicloud_jobs.__all__
        if inspect.isclass(value := getattr(huaweicloud_jobs, name)) and issubclass(value, BaseException)
    ]
    assert len(exceptions) >= 20
    for exception in exceptions:
        assert issubclass(exception, huaweicloud_jobs.HuaweiCloudJobsError), exception


def test_every_exception_the_runtime_defines_is_exported() -> None:
    runtime = ROOT / "overrides" / "huaweicloud_jobs_core"
    for path in sorted(runtime.glob("_*.py")):
        module = importlib.import_module(f"huaweicloud_jobs_core.{path.stem}")
        for name, value in vars(module).items():
            defined_here = inspect.isclass(value) and value.__module__ == module.__name__
            ours = defined_here and issubclass(value, huaweicloud_jobs.HuaweiCloudJobsError)
            if ours and not name.startswith("_"):
                assert name in huaweicloud_jobs.__all__, name


def test_result_types_users_receive_are_exported() -> None:
    for name in ("Acknowledgement", "BatchResult", "RawResponse", "BulkOutcome", "WaitOptions", "IssuedToken"):
        assert name in huaweicloud_jobs.__all__, name


def test_versions() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", huaweicloud_jobs.__version__)  # semantic (tests/test_seams.py: how it moves)
    core = (ROOT / "overrides" / "huaweicloud_jobs_core" / "_version.py").read_text(encoding="utf-8")
    assert f'__version__ = "{huaweicloud_jobs_core.__version__}"' in core
    for service in SPECS:
        package = importlib.import_module(f"huaweicloud_jobs_{service}")
        assert package.__version__, service


def test_every_spec_is_a_service_attribute() -> None:
    assert set(huaweicloud_jobs.SERVICES) == set(SPECS)
    for service in SPECS:
        assert hasattr(huaweicloud_jobs.Cloud, service) and hasattr(huaweicloud_jobs.AsyncCloud, service), service


def test_the_runtime_imports_no_generated_package() -> None:
    for path in (ROOT / "overrides" / "huaweicloud_jobs_core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for service in SPECS:
            assert f"import huaweicloud_jobs_{service}" not in text, path
            assert f"from huaweicloud_jobs_{service}" not in text, path
        assert "from huaweicloud_jobs import" not in text and "import huaweicloud_jobs\n" not in text, path
