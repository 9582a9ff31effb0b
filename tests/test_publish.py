"""Build, publish and install for real: tools/build.py, a pypiserver on 127.0.0.1, tools/publish.py, a fresh venv.

The distributions are built twice (reproducibility), uploaded with twine to a password-protected
pypiserver running as a subprocess, refused when the version is already there or the password is
wrong, then installed by name into a brand-new virtual environment that cannot see this checkout,
where a DRS stop goes through ``huaweicloud_jobs.Cloud`` to the local test server.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import tomllib
import urllib.error
import urllib.request
import venv
import warnings
import zipfile
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from conftest import PROJECT_ID
from local_server import LocalServer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "tools" / "build.py"
PUBLISH = ROOT / "tools" / "publish.py"
USER = "uploader"
PASSWORD = "pw-" + os.urandom(8).hex()
BUMP_DRS = "bump info.version in openapi/drs.yaml and run nox -s generate"


# -- what the repository says should come out ------------------------------------------------


def project_metadata(project: Path) -> tuple[str, str]:
    with (project / "pyproject.toml").open("rb") as handle:
        table = tomllib.load(handle)["project"]
    if "version" in table["dynamic"] if "dynamic" in table else False:  # the runtime: overrides/.../_version.py
        version = (project / "overrides" / "huaweicloud_jobs_core" / "_version.py").read_text(encoding="utf-8")
        return str(table["name"]), version.split('__version__ = "', 1)[1].split('"', 1)[0]
    return str(table["name"]), str(table["version"])


def expected_versions() -> dict[str, str]:
    """name -> version for "." and every generated project; a service's version is its spec's info.version."""
    projects = [ROOT, *sorted(p for p in (ROOT / "generated").iterdir() if (p / "pyproject.toml").is_file())]
    versions = dict(project_metadata(p) for p in projects)
    for spec in sorted((ROOT / "openapi").glob("*.yaml")):
        info = yaml.safe_load(spec.read_text(encoding="utf-8"))["info"]
        assert versions[f"huaweicloud-jobs-{spec.stem}"] == str(info["version"]), spec.name
    return versions


VERSIONS = expected_versions()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wheel_fields(wheel: zipfile.ZipFile) -> dict[str, list[str]]:
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    fields: dict[str, list[str]] = {}
    for key, value in HeaderParser().parsestr(wheel.read(metadata).decode()).items():
        fields.setdefault(key.lower(), []).append(str(value))
    return fields


# -- builds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Builds:
    first: Path
    second: Path
    log: str


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """tools/build.py run twice at once, into two folders."""
    base = tmp_path_factory.mktemp("builds")
    outs = [base / "first", base / "second"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}
    runs = [
        subprocess.Popen(
            [sys.executable, str(BUILD), "--out", str(out), "--jobs", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for out in outs
    ]
    logs = [run.communicate(timeout=300)[0] for run in runs]
    for run, log in zip(runs, logs, strict=True):
        assert run.returncode == 0, log
    return Builds(outs[0], outs[1], logs[0])


def test_every_project_is_built_at_its_version(builds: Builds) -> None:
    expected = expected_versions()
    wheels = {}
    sdists = {}
    for path in builds.first.iterdir():
        if path.name.endswith(".whl"):
            name, version, _, _ = parse_wheel_filename(path.name)
            wheels[name] = str(version)
        elif path.name.endswith(".tar.gz"):
            name, version = parse_sdist_filename(path.name)
            sdists[name] = str(version)
    assert wheels == sdists == {canonicalize_name(name): version for name, version in expected.items()}
    assert "twine check passed" in builds.log


def test_builds_are_reproducible(builds: Builds) -> None:
    first = {p.name: sha256(p) for p in builds.first.iterdir()}
    second = {p.name: sha256(p) for p in builds.second.iterdir()}
    assert first == second
    assert len(first) == 2 * len(expected_versions())


def test_wheels_are_typed_pinned_and_traceable_to_their_spec(builds: Builds) -> None:
    own = {canonicalize_name(name) for name in expected_versions()}
    for path in sorted(builds.first.glob("*.whl")):
        with zipfile.ZipFile(path) as wheel:
            names = set(wheel.namelist())
            fields = wheel_fields(wheel)
            packages = {n.split("/")[0] for n in names if n.count("/") == 1 and n.endswith("/__init__.py")}
            assert packages, path.name
            for package in packages:
                assert f"{package}/py.typed" in names, path.name
            for line in fields.get("requires-dist", []):
                requirement = Requirement(line)
                assert requirement.specifier, f"{path.name}: {line} has no version specifier"
            name, version = fields["name"][0], fields["version"][0]
            service = name.removeprefix("huaweicloud-jobs-")
            spec = ROOT / "openapi" / f"{service}.yaml"
            if spec.is_file():
                package = name.replace("-", "_")
                assert wheel.read(f"{package}/SPEC-SHA256").decode().strip() == sha256(spec)
                assert json.loads(wheel.read(f"{package}/openapi.json"))["info"]["version"] == version
        if name == "huaweicloud-jobs":
            required = {canonicalize_name(Requirement(line).name) for line in fields["requires-dist"]}
            assert required == (own - {"huaweicloud-jobs"}) | {"jmespath"}  # jmespath: the CLI's --query


def wheel_description(wheel: zipfile.ZipFile) -> str:
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    payload = HeaderParser().parsestr(wheel.read(metadata).decode()).get_payload()
    assert isinstance(payload, str)
    return payload


def test_every_wheel_has_its_own_readme_and_the_shared_urls_and_classifiers(builds: Builds) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        root = tomllib.load(handle)["project"]
    descriptions: dict[str, str] = {}
    for path in sorted(builds.first.glob("*.whl")):
        with zipfile.ZipFile(path) as wheel:
            fields = wheel_fields(wheel)
            name = fields["name"][0]
            assert set(root["classifiers"]) <= set(fields["classifier"]), name
            assert "Typing :: Typed" in fields["classifier"], name
            urls = dict(line.split(", ", 1) for line in fields["project-url"])
            assert {key.lower(): value for key, value in urls.items()} == {
                key.lower(): value for key, value in root["urls"].items()
            }, name
            assert fields["description-content-type"] == ["text/markdown"], name
            descriptions[name] = wheel_description(wheel)
            assert descriptions[name].lstrip().startswith(f"# {name}\n"), f"{name}: not its own README"
            assert "README.md" not in {n.rsplit("/", 1)[-1] for n in wheel.namelist() if "dist-info" not in n}, name
    assert len(set(descriptions.values())) == len(descriptions) == len(expected_versions())


# -- a package index --------------------------------------------------------------------------


@dataclass(frozen=True)
class Index:
    url: str
    packages: Path
    log: Path

    def env(self, password: str = PASSWORD) -> dict[str, str]:
        return {
            **os.environ,
            "HUAWEICLOUD_JOBS_INDEX_URL": self.url,
            "HUAWEICLOUD_JOBS_INDEX_USER": USER,
            "HUAWEICLOUD_JOBS_INDEX_PASSWORD": password,
        }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def write_htpasswd(path: Path) -> None:
    """One user, sha256-crypt (few rounds: a throwaway test password), through passlib's apache module."""
    with warnings.catch_warnings():  # passlib imports the deprecated crypt module
        warnings.simplefilter("ignore", DeprecationWarning)
        apache = importlib.import_module("passlib.apache")
        hashes = importlib.import_module("passlib.hash")
    htpasswd = apache.HtpasswdFile(str(path), new=True)
    htpasswd.set_hash(USER, hashes.sha256_crypt.using(rounds=1000).hash(PASSWORD))
    htpasswd.save()


@contextmanager
def pypiserver(base: Path, authenticate: str) -> Iterator[Index]:
    """pypiserver as a subprocess on 127.0.0.1; no fallback to any other index."""
    base.mkdir(parents=True)
    packages, log_path, htpasswd = base / "packages", base / "pypiserver.log", base / "htpasswd"
    packages.mkdir()
    write_htpasswd(htpasswd)
    port = free_port()
    command = [sys.executable, "-m", "pypiserver", "run", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--passwords", str(htpasswd), "--authenticate", authenticate, "--disable-fallback", str(packages)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):  # noqa: S310 (http on loopback)
                    break
            except urllib.error.HTTPError:
                break  # it answers, if only to ask for a password
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"pypiserver did not start:\n{log_path.read_text(errors='replace')}")
                time.sleep(0.1)
        yield Index(url, packages, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """A private index: listing, downloading and uploading all need the password."""
    with pypiserver(tmp_path_factory.mktemp("index") / "private", "update,download,list") as running:
        yield running


def run_publish(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PUBLISH), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def published(builds: Builds, index: Index) -> subprocess.CompletedProcess[str]:
    return run_publish(index.env(), "--dist", str(builds.first))


# -- publishing -------------------------------------------------------------------------------


def test_upload_with_the_right_password_succeeds(
    builds: Builds, index: Index, published: subprocess.CompletedProcess[str]
) -> None:
    assert published.returncode == 0, published.stdout + published.stderr
    assert {p.name for p in index.packages.iterdir()} == {p.name for p in builds.first.iterdir()}
    for path in builds.first.iterdir():
        assert sha256(index.packages / path.name) == sha256(path)
    assert PASSWORD not in published.stdout + published.stderr
    # Dependencies went up first: the runtime before the services, everything before the umbrella.
    uploads = [line for line in published.stdout.splitlines() if re.fullmatch(r"Uploading \S+\.(whl|tar\.gz)", line)]
    assert len(uploads) == 2 * len(expected_versions())
    position = {line.split()[1]: i for i, line in enumerate(uploads)}

    def last(distribution: str) -> int:
        return max(i for name, i in position.items() if name.startswith(f"{distribution}-"))

    def first(distribution: str) -> int:
        return min(i for name, i in position.items() if name.startswith(f"{distribution}-"))

    assert last("huaweicloud_jobs_core") < first("huaweicloud_jobs_iam") < first("huaweicloud_jobs"), uploads
    assert last("huaweicloud_jobs_core") < first("huaweicloud_jobs") == len(uploads) - 2, uploads


def test_a_second_upload_of_the_same_version_is_refused(
    builds: Builds, index: Index, published: subprocess.CompletedProcess[str]
) -> None:
    assert published.returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in index.packages.iterdir()}
    again = run_publish(index.env(), "--dist", str(builds.first))
    assert again.returncode != 0
    assert f"huaweicloud-jobs-drs {VERSIONS['huaweicloud-jobs-drs']} already exists on {index.url}: {BUMP_DRS}" in (
        again.stderr
    )
    assert "nothing was uploaded" in again.stderr
    assert "Uploading" not in again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in index.packages.iterdir()} == before


def fake_wheel(folder: Path, name: str, version: str) -> Path:
    """A minimal wheel: only its metadata matters to the publish checks."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{name.replace('-', '_')}-{version}"
    path = folder / f"{stem}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(f"{stem}.dist-info/METADATA", f"Metadata-Version: 2.4\nName: {name}\nVersion: {version}\n")
    return path


def test_only_the_bumped_package_is_uploaded_and_changed_content_needs_a_bump(
    builds: Builds, index: Index, published: subprocess.CompletedProcess[str], tmp_path: Path
) -> None:
    """One spec bumped: the rest rebuild byte for byte and are skipped; the same version with new bytes is refused."""
    assert published.returncode == 0
    bumped = tmp_path / "bumped"
    bumped.mkdir()
    for path in builds.first.iterdir():
        if not path.name.startswith("huaweicloud_jobs_drs-"):
            shutil.copyfile(path, bumped / path.name)
    drs = VERSIONS["huaweicloud-jobs-drs"]
    fake_wheel(bumped, "huaweicloud-jobs-drs", drs + ".1")
    result = run_publish(index.env(), "--dist", str(bumped), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "would upload 1 files" in result.stdout
    assert f"huaweicloud_jobs_drs-{drs}.1-py3-none-any.whl" in result.stdout
    umbrella, aom = VERSIONS["huaweicloud-jobs"], VERSIONS["huaweicloud-jobs-aom"]
    assert f"(skipped): huaweicloud-jobs {umbrella}, huaweicloud-jobs-aom {aom}" in result.stdout

    changed = tmp_path / "changed"
    fake_wheel(changed, "huaweicloud-jobs-drs", drs)
    result = run_publish(index.env(), "--dist", str(changed), "--dry-run")
    assert result.returncode != 0
    assert f"huaweicloud-jobs-drs {drs} already exists on {index.url}: {BUMP_DRS}" in result.stderr


def test_a_wrong_password_is_refused_by_a_private_index(builds: Builds, index: Index) -> None:
    wrong = "not-" + PASSWORD
    result = run_publish(index.env(password=wrong), "--dist", str(builds.first))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "authentication" in output
    assert "HUAWEICLOUD_JOBS_INDEX_PASSWORD" in output
    assert wrong not in output


def test_a_wrong_password_is_refused_on_upload(builds: Builds, tmp_path: Path) -> None:
    """An index that lists publicly: the check passes, twine's upload is refused, and we say why."""
    with pypiserver(tmp_path / "public", "update") as public:
        wrong = "not-" + PASSWORD
        result = run_publish(public.env(password=wrong), "--dist", str(builds.first))
        output = result.stdout + result.stderr
        assert result.returncode != 0
        assert "authentication" in output
        assert wrong not in output
        assert list(public.packages.iterdir()) == []


# -- installing by name into a fresh environment ----------------------------------------------

CLIENT_SCRIPT = textwrap.dedent(
    """
    import importlib.metadata
    import importlib.resources
    import json
    import sys

    import huaweicloud_jobs
    from huaweicloud_jobs import Cloud, Credentials

    base_url, project_id, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    credentials = Credentials(ak="AKPUBLISHTEST0000000", sk="publish-test-sk", project_id=project_id)
    with Cloud(credentials=credentials, endpoints={"drs": base_url}, allow_http=True) as cloud:
        result = cloud.drs.stop_job("job-1")
    print(json.dumps({
        "status": result.status,
        "module": huaweicloud_jobs.__file__,
        "versions": {name: importlib.metadata.version(name) for name in names},
        "spec_sha256": importlib.resources.files("huaweicloud_jobs_drs").joinpath("SPEC-SHA256").read_text().strip(),
    }))
    """
)


def third_party_requirements(dist: Path, own: Container[str]) -> list[str]:
    """Every Requires-Dist of the built wheels that is not one of ours (httpx, attrs)."""
    found = set()
    for path in dist.glob("*.whl"):
        with zipfile.ZipFile(path) as wheel:
            for line in wheel_fields(wheel).get("requires-dist", []):
                if canonicalize_name(Requirement(line).name) not in own:
                    found.add(line)
    return sorted(found)


def test_a_fresh_venv_installs_by_name_and_stops_a_drs_job(
    builds: Builds,
    index: Index,
    published: subprocess.CompletedProcess[str],
    server: LocalServer,
    tmp_path: Path,
) -> None:
    assert published.returncode == 0
    versions = expected_versions()
    own = {canonicalize_name(name) for name in versions}
    venv_dir, work = tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    python = str(venv_dir / "bin" / "python")
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    # Third-party dependencies from whatever index pip is configured with on this machine ...
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    step = subprocess.run(
        [*pip, *third_party_requirements(builds.first, own)],
        cwd=work,
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert step.returncode == 0, step.stdout + step.stderr
    # ... ours by name from the local index alone: no pip configuration, no other index, no cache.
    no_config = {k: v for k, v in clean.items() if not k.startswith("PIP_")}
    no_config["PIP_CONFIG_FILE"] = os.devnull
    private = index.url.replace("http://", f"http://{USER}:{PASSWORD}@") + "/simple/"
    step = subprocess.run(
        [*pip, "--no-cache-dir", "--index-url", private, "huaweicloud-jobs"],
        cwd=work,
        env=no_config,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert step.returncode == 0, step.stdout + step.stderr

    script = work / "stop_drs.py"
    script.write_text(CLIENT_SCRIPT, encoding="utf-8")
    run = subprocess.run(
        [python, "-I", str(script), server.base_url, PROJECT_ID, *sorted(versions)],
        cwd=work,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["status"] == "success"
    assert Path(report["module"]).is_relative_to(venv_dir), report["module"]
    assert report["versions"] == versions
    assert report["spec_sha256"] == sha256(ROOT / "openapi" / "drs.yaml")

    stops = [r for r in server.requests if r.operation == "stop_job"]
    assert len(stops) == 1
    request = stops[0]
    assert request.method == "POST"
    assert request.path.split("?")[0] == f"/v5/{PROJECT_ID}/jobs/job-1/stop"
    assert request.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=AKPUBLISHTEST0000000, SignedHeaders=")
    assert "publish-test-sk" not in json.dumps(request.headers)
