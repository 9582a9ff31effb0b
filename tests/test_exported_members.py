"""The public surface of ``huaweicloud_jobs`` (in the style of httpx's test of the same name)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import re
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import huaweicloud_jobs
import huaweicloud_jobs_core
import huaweicloud_jobs_core.seam
from huaweicloud_jobs_core._deprecations import DEPRECATED

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted(path.stem for path in (ROOT / "openapi").glob("*.yaml"))


# Public submodules, imported on demand (`import huaweicloud_jobs.testing`), so not in __all__.
PUBLIC_SUBMODULES = {"testing"}

# The surface users import, written out: adding or removing a name is a deliberate edit here, in
# CHANGELOG.md and (for a removal) a deprecation alias. Why each name is here: CONTRIBUTING.md,
# "The public surface". Codegen plumbing lives in huaweicloud_jobs_core.seam instead.
PUBLIC_NAMES = [
    "APIStatusError",
    "Acknowledgement",
    "AkSkAuth",
    "ArgumentsCredentialsProvider",
    "AsyncCloud",
    "AsyncItemIterator",
    "AsyncPageIterator",
    "AsyncWait",
    "AuthenticationError",
    "BadRequestError",
    "BatchFailedError",
    "BatchResult",
    "BulkOutcome",
    "CachedTokenProvider",
    "ClientClosedError",
    "ClientTimeoutError",
    "Cloud",
    "CloudProfile",
    "ConflictError",
    "ConnectionFailedError",
    "CredentialProvider",
    "CredentialProviderChain",
    "Credentials",
    "CredentialsError",
    "CredentialsNotFoundError",
    "DEFAULT_TIMEOUT",
    "EndpointError",
    "EnvironmentCredentialsProvider",
    "FederationCredentialsProvider",
    "FederationScope",
    "HUAWEI_CLOUD",
    "HuaweiCloudJobsError",
    "IamTokenProvider",
    "InvalidParameterError",
    "IssuedSecret",
    "IssuedToken",
    "ItemIterator",
    "MetadataCredentialsError",
    "MetadataCredentialsProvider",
    "NotFoundError",
    "OPEN_TELEKOM_CLOUD",
    "OperationFailedError",
    "PageIterator",
    "PaginatorSpecError",
    "PermissionDeniedError",
    "ProfileCredentialsProvider",
    "ProjectRequiredError",
    "ProviderAkSkAuth",
    "RateLimitError",
    "RawResponse",
    "RegionsFileError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "SERVICES",
    "Selection",
    "ServerError",
    "ServerTimeoutError",
    "Signer",
    "SigningError",
    "SourceReport",
    "StateCallback",
    "StaticCredentialsProvider",
    "StaticTokenAuth",
    "TemporaryCredentials",
    "TokenAuth",
    "TokenSource",
    "TransportError",
    "UnexpectedStatusError",
    "Wait",
    "WaitOptions",
    "WaiterFailedError",
    "WaiterTimeoutError",
    "__version__",
    "bulk_call",
    "bulk_call_async",
    "default_credential_chain",
    "exchange_id_token",
    "select",
    "select_async",
]

# Names removed from the surface, still resolving (with a DeprecationWarning) until the release that drops them.
REMOVED_NAMES = {
    "AsyncHttpTransport": "huaweicloud_jobs_core.seam.AsyncHttpTransport",
    "AsyncRawServiceBase": "huaweicloud_jobs_core.seam.AsyncRawServiceBase",
    "AsyncServiceBase": "huaweicloud_jobs_core.seam.AsyncServiceBase",
    "AsyncTransport": "no public replacement",
    "BaseAsyncCloud": "huaweicloud_jobs_core.seam.BaseAsyncCloud",
    "BaseCloud": "huaweicloud_jobs_core.seam.BaseCloud",
    "HttpTransport": "huaweicloud_jobs_core.seam.HttpTransport",
    "IamTokenAuth": "huaweicloud_jobs.TokenAuth",
    "Operation": "huaweicloud_jobs_core.seam.Operation",
    "RawServiceBase": "huaweicloud_jobs_core.seam.RawServiceBase",
    "ServiceBase": "huaweicloud_jobs_core.seam.ServiceBase",
    "Transport": "no public replacement",
    "begin_wait": "huaweicloud_jobs_core.seam.begin_wait",
    "begin_wait_async": "huaweicloud_jobs_core.seam.begin_wait_async",
    "iterate_items": "huaweicloud_jobs_core.seam.iterate_items",
    "iterate_items_async": "huaweicloud_jobs_core.seam.iterate_items_async",
    "iterate_pages": "huaweicloud_jobs_core.seam.iterate_pages",
    "iterate_pages_async": "huaweicloud_jobs_core.seam.iterate_pages_async",
    "resume_wait": "huaweicloud_jobs_core.seam.resume_wait",
    "resume_wait_async": "huaweicloud_jobs_core.seam.resume_wait_async",
}


def test_the_public_surface_is_exactly_the_pinned_list() -> None:
    assert sorted(huaweicloud_jobs.__all__) == PUBLIC_NAMES


def test_one_name_per_object() -> None:
    """No class or function under two public names (``IamTokenAuth`` was ``TokenAuth`` twice)."""
    names_of: dict[int, list[str]] = {}
    for name in huaweicloud_jobs.__all__:
        value = getattr(huaweicloud_jobs, name)
        if inspect.isclass(value) or inspect.isroutine(value):
            names_of.setdefault(id(value), []).append(name)
    assert [names for names in names_of.values() if len(names) > 1] == []


def test_the_runtime_surface_is_the_umbrellas_without_what_the_umbrella_adds() -> None:
    umbrella_only = {"AsyncCloud", "Cloud", "SERVICES", "IamTokenProvider", "IssuedToken", "exchange_id_token"}
    assert set(huaweicloud_jobs_core.__all__) == set(PUBLIC_NAMES) - umbrella_only
    assert not set(huaweicloud_jobs_core.seam.__all__) & set(PUBLIC_NAMES) - {"FederationScope", "TemporaryCredentials"}


def test_every_removed_name_has_an_alias_in_the_runtime_table() -> None:
    assert set(DEPRECATED) == set(REMOVED_NAMES)


@pytest.mark.parametrize("name", sorted(REMOVED_NAMES))
@pytest.mark.parametrize("package", [huaweicloud_jobs, huaweicloud_jobs_core], ids=lambda p: p.__name__)
def test_a_removed_name_still_resolves_with_a_warning_naming_its_replacement(package: ModuleType, name: str) -> None:
    module_name = package.__name__
    with pytest.warns(DeprecationWarning) as caught:
        value = getattr(package, name)
    (warning,) = caught
    message = str(warning.message)
    assert message.startswith(f"{module_name}.{name} is deprecated and goes in ")
    replacement = REMOVED_NAMES[name].replace("huaweicloud_jobs.", f"{module_name}.")
    assert replacement in message
    assert warning.filename == __file__  # it points at the code that used the name
    if REMOVED_NAMES[name].startswith("huaweicloud_jobs_core.seam."):
        assert value is getattr(huaweicloud_jobs_core.seam, name)
    elif name == "IamTokenAuth":
        assert value is huaweicloud_jobs.TokenAuth
    assert name not in dir(package) and name not in package.__all__


def test_from_import_of_a_removed_name_warns_too() -> None:
    with pytest.warns(DeprecationWarning, match=r"huaweicloud_jobs\.IamTokenAuth is deprecated .* 3\.0\.0"):
        from huaweicloud_jobs import IamTokenAuth  # type: ignore[attr-defined]
    assert IamTokenAuth is huaweicloud_jobs.TokenAuth


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for package in (huaweicloud_jobs, huaweicloud_jobs_core):
            with pytest.raises(AttributeError, match="no attribute 'NoSuchName'"):
                _ = package.NoSuchName


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
    found = 0
    for path in sorted(runtime.glob("_*.py")):
        module = importlib.import_module(f"huaweicloud_jobs_core.{path.stem}")
        defined = {
            node.name for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)
        }
        for name, value in vars(module).items():
            ours = (
                name in defined and inspect.isclass(value) and issubclass(value, huaweicloud_jobs.HuaweiCloudJobsError)
            )
            if ours and not name.startswith("_"):
                found += 1
                assert name in huaweicloud_jobs.__all__, name
    assert found >= 28


def exported_classes() -> list[str]:
    return [name for name in huaweicloud_jobs.__all__ if inspect.isclass(getattr(huaweicloud_jobs, name))]


@pytest.mark.parametrize("name", exported_classes())
def test_every_exported_class_names_the_package_users_import(name: str) -> None:
    """As httpx does: reprs, tracebacks, the docs and pickling say ``huaweicloud_jobs.X``, not a private module."""
    cls = getattr(huaweicloud_jobs, name)
    assert (cls.__module__, cls.__qualname__) == ("huaweicloud_jobs", name)
    assert repr(cls) == f"<class 'huaweicloud_jobs.{name}'>"
    assert pickle.loads(pickle.dumps(cls)) is cls  # noqa: S301 - our own bytes


def test_exceptions_pickle_by_their_public_path() -> None:
    error = huaweicloud_jobs.NotFoundError(404, service="drs", operation="show_job", error_code="DRS.404", message="m")
    data = pickle.dumps(error)
    assert b"huaweicloud_jobs\x94" in data and b"huaweicloud_jobs_core" not in data
    clone = pickle.loads(data)  # noqa: S301 - our own bytes
    assert type(clone) is huaweicloud_jobs.NotFoundError and vars(clone) == vars(error)


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


def user_documents() -> list[Path]:
    pages = [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").rglob("*.md"))]
    readmes = [ROOT / "overrides" / "huaweicloud_jobs_core" / "README.md", *sorted(ROOT.glob("templates/*/README.md*"))]
    return [*pages, *readmes]


def test_the_documentation_never_sends_users_to_a_private_module() -> None:
    private = re.compile(r"huaweicloud_jobs\w*[./]_[a-z]\w*|\b_providers\b|\b_defaults\b")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in user_documents()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if private.search(line)
    ]
    assert len(user_documents()) >= 15
    assert found == []
