"""Upload what ``nox -s build`` put in dist/ to the package index named by the environment.

    export HUAWEICLOUD_JOBS_INDEX_URL=https://pypi.example.com       # the index root (<url>/simple/ is its simple API)
    export HUAWEICLOUD_JOBS_INDEX_USER=uploader
    export HUAWEICLOUD_JOBS_INDEX_PASSWORD=...                       # never on the command line
    python tools/publish.py [--dist DIR] [--dry-run]

Before anything is uploaded, the simple page ``<url>/simple/<name>/`` of every distribution is
read. A version that is already there is refused, naming the version to bump, and then nothing
at all is uploaded; the one exception is a distribution whose every file is already there
byte for byte (same sha256: builds are reproducible, so an unchanged package rebuilds
identically), which is skipped, so bumping one spec publishes that one package. If nothing new
is left, that is refused too. Then twine uploads the files, dependencies first (the
per-service packages, the glue, the umbrella), to ``<url>/`` or to
``HUAWEICLOUD_JOBS_INDEX_UPLOAD_URL`` when set. The credentials reach twine through its
TWINE_USERNAME / TWINE_PASSWORD environment variables and are never printed.
"""

from __future__ import annotations

import argparse
import base64
import graphlib
import hashlib
import os
import re
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.parser import HeaderParser
from html.parser import HTMLParser
from http.client import HTTPMessage
from pathlib import Path
from typing import IO

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    NormalizedName,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIST = ROOT / "dist"
ENV_URL = "HUAWEICLOUD_JOBS_INDEX_URL"
ENV_USER = "HUAWEICLOUD_JOBS_INDEX_USER"
ENV_PASSWORD = "HUAWEICLOUD_JOBS_INDEX_PASSWORD"  # noqa: S105 (the variable's name, not a password)
ENV_UPLOAD_URL = "HUAWEICLOUD_JOBS_INDEX_UPLOAD_URL"
DIST_PREFIX = "huaweicloud-jobs-"
TIMEOUT = 30.0


class PublishError(Exception):
    """Publishing cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Artifact:
    path: Path
    name: NormalizedName
    display_name: str
    version: Version
    requires: frozenset[NormalizedName]
    sha256: str


@dataclass(frozen=True)
class Index:
    url: str  # the root, no trailing slash, no credentials
    user: str | None
    password: str | None


# -- reading dist/ ----------------------------------------------------------------------------


def _metadata_text(path: Path) -> str:
    if path.name.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            member = next(
                (n for n in wheel.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")), None
            )
            if member is None:
                raise PublishError(f"{path.name}: no .dist-info/METADATA")
            return wheel.read(member).decode("utf-8")
    with tarfile.open(path, "r:gz") as sdist:
        member_info = next(
            (m for m in sdist.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")), None
        )
        handle: IO[bytes] | None = sdist.extractfile(member_info) if member_info is not None else None
        if handle is None:
            raise PublishError(f"{path.name}: no PKG-INFO")
        return handle.read().decode("utf-8")


def read_artifact(path: Path) -> Artifact:
    message = HeaderParser().parsestr(_metadata_text(path))
    name, version = str(message["Name"]), str(message["Version"])
    requires = set()
    for line in message.get_all("Requires-Dist") or []:
        try:
            requires.add(canonicalize_name(Requirement(str(line)).name))
        except InvalidRequirement as error:
            raise PublishError(f"{path.name}: bad Requires-Dist {line!r}: {error}") from error
    try:
        parsed = Version(version)
    except InvalidVersion as error:
        raise PublishError(f"{path.name}: bad version {version!r}") from error
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Artifact(path, canonicalize_name(name), name, parsed, frozenset(requires), digest)


def collect(dist: Path) -> list[Artifact]:
    files = sorted(p for p in dist.glob("*") if p.is_file() and p.name.endswith((".whl", ".tar.gz")))
    if not files:
        raise PublishError(f"nothing to publish in {dist}: run nox -s build first")
    artifacts = [read_artifact(p) for p in files]
    versions: dict[str, set[Version]] = {}
    for artifact in artifacts:
        versions.setdefault(artifact.name, set()).add(artifact.version)
    mixed = {name: found for name, found in versions.items() if len(found) > 1}
    if mixed:
        listed = "; ".join(f"{name}: {', '.join(map(str, sorted(found)))}" for name, found in sorted(mixed.items()))
        raise PublishError(f"{dist} holds several versions of one distribution ({listed}): run nox -s build again")
    return artifacts


def upload_layers(artifacts: Sequence[Artifact]) -> list[list[Artifact]]:
    """Dependencies before their dependents: the runtime, then the per-service packages, then the umbrella.

    Each layer is one twine call (twine sends all wheels of a call before its sdists).
    """
    names = {a.name for a in artifacts}
    graph = {a.name: {r for r in a.requires if r in names and r != a.name} for a in artifacts}
    sorter = graphlib.TopologicalSorter(graph)
    sorter.prepare()
    layers = []
    while sorter.is_active():
        ready = set(sorter.get_ready())
        layer = [a for a in artifacts if a.name in ready]
        layers.append(sorted(layer, key=lambda a: (a.name, not a.path.name.endswith(".whl"), a.path.name)))
        sorter.done(*ready)
    return layers


# -- the index ----------------------------------------------------------------------------------


def index_from_env(environ: Mapping[str, str]) -> Index:
    raw = environ.get(ENV_URL, "").strip()
    if not raw:
        raise PublishError(
            f"set {ENV_URL} to the index root (its simple API is <url>/simple/), plus {ENV_USER} and {ENV_PASSWORD}"
        )
    parts = urllib.parse.urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(f"{ENV_URL} must be an http(s) URL")
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    path = re.sub(r"/simple/?$", "", parts.path.rstrip("/"))
    url = urllib.parse.urlunsplit((parts.scheme, netloc, path, "", ""))
    user = environ.get(ENV_USER) or (urllib.parse.unquote(parts.username) if parts.username else None)
    password = environ.get(ENV_PASSWORD) or (urllib.parse.unquote(parts.password) if parts.password else None)
    return Index(url, user, password)


class _Links(HTMLParser):
    """The file links of a PEP 503 simple page: file name -> sha256 from the URL fragment, if given."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            parts = urllib.parse.urlsplit(href)
            filename = urllib.parse.unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
            digest = re.fullmatch(r"sha256=([0-9a-fA-F]{64})", parts.fragment)
            self.files[filename] = digest.group(1).lower() if digest else None


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects within the index only; elsewhere (a fallback to another index) means 'not here'."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            return None  # urllib then raises HTTPError with the redirect's status
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _auth_hint(index: Index, status: int, action: str) -> str:
    return f"authentication to {index.url} failed while {action} (HTTP {status}): check {ENV_USER} and {ENV_PASSWORD}"


def index_files(index: Index, name: str) -> dict[str, tuple[Version, str | None]]:
    """The files of ``name`` on the index's simple page: file name -> (version, sha256 or None).

    Empty when the index does not know the name (404, or a redirect to another index).
    """
    url = f"{index.url}/simple/{canonicalize_name(name)}/"
    request = urllib.request.Request(url, headers={"Accept": "text/html"})  # noqa: S310 (scheme checked above)
    if index.user is not None and index.password is not None:
        token = base64.b64encode(f"{index.user}:{index.password}".encode()).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
    opener = urllib.request.build_opener(_SameOriginRedirects())
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            body = response.read().decode(response.headers.get_content_charset() or "utf-8")
    except urllib.error.HTTPError as error:
        if error.code == 404 or 300 <= error.code < 400:  # unknown here, or a fallback to another index
            return {}
        if error.code in (401, 403):
            raise PublishError(_auth_hint(index, error.code, f"reading {url}")) from None
        raise PublishError(f"reading {url} failed: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PublishError(f"cannot reach {index.url}: {reason}") from None
    links = _Links()
    links.feed(body)
    files = {}
    for filename, digest in links.files.items():
        try:
            if filename.endswith(".whl"):
                found, version, _, _ = parse_wheel_filename(filename)
            elif filename.endswith((".tar.gz", ".zip")):
                found, version = parse_sdist_filename(filename)
            else:
                continue
        except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
            continue
        if found == canonicalize_name(name):
            files[filename] = (version, digest)
    return files


def bump_hint(name: str, root: Path = ROOT) -> str:
    """Where the version of ``name`` comes from, and how to change it."""
    service = name[len(DIST_PREFIX) :] if name.startswith(DIST_PREFIX) else None
    if service and (root / "openapi" / f"{service}.yaml").is_file():
        return f"bump info.version in openapi/{service}.yaml and run nox -s generate"
    if name == DIST_PREFIX.rstrip("-") and (root / "templates" / "umbrella" / "release.json").is_file():
        return (
            "its version follows its last release (templates/umbrella/release.json) and what it bundles: "
            "bump a spec's info.version or the runtime's version and run nox -s generate"
        )
    if name == "huaweicloud-jobs-core":
        return "bump __version__ in overrides/huaweicloud_jobs_core/_version.py"
    return "bump its version"


@dataclass(frozen=True)
class Plan:
    upload: list[Artifact]  # not on the index yet
    unchanged: list[Artifact]  # already there, byte for byte
    refused: list[str]  # the version is there with other content (or content the index does not hash)


def plan(index: Index, artifacts: Sequence[Artifact]) -> Plan:
    by_name: dict[NormalizedName, list[Artifact]] = {}
    for artifact in artifacts:
        by_name.setdefault(artifact.name, []).append(artifact)
    upload: list[Artifact] = []
    unchanged: list[Artifact] = []
    refused: list[str] = []
    for name, group in sorted(by_name.items()):
        first = group[0]
        present = index_files(index, name)
        if first.version not in {version for version, _ in present.values()}:
            upload.extend(group)
        elif all(present.get(a.path.name, (None, None))[1] == a.sha256 for a in group):
            unchanged.extend(group)
        else:
            refused.append(
                f"{first.display_name} {first.version} already exists on {index.url}: {bump_hint(first.display_name)}"
            )
    return Plan(upload, unchanged, refused)


def refusal_for_unchanged(index: Index, unchanged: Sequence[Artifact]) -> list[str]:
    seen = {a.name: a for a in unchanged}
    return [
        f"{a.display_name} {a.version} already exists on {index.url}: {bump_hint(a.display_name)}"
        for _, a in sorted(seen.items())
    ]


# -- uploading ----------------------------------------------------------------------------------


def _redact(text: str, secret: str | None) -> str:
    return text.replace(secret, "********") if secret else text


def twine_upload(index: Index, artifacts: Sequence[Artifact], upload_url: str) -> None:
    if not index.user or not index.password:
        raise PublishError(f"set {ENV_USER} and {ENV_PASSWORD} to upload to {index.url}")
    env = {
        **os.environ,
        "TWINE_USERNAME": index.user,
        "TWINE_PASSWORD": index.password,
        "TWINE_REPOSITORY_URL": upload_url,
        "TWINE_NON_INTERACTIVE": "1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("TWINE_REPOSITORY", None)  # a .pypirc section name would override the URL
    command = [
        sys.executable,
        "-m",
        "twine",
        "--no-color",
        "upload",
        "--disable-progress-bar",
        *(str(a.path) for a in artifacts),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    output = _redact(result.stdout + result.stderr, index.password).strip()
    if output:
        print(output, flush=True)
    if result.returncode != 0:
        status = re.search(r"\b(401|403)\b", output)
        if status or re.search(r"authenticat|credential|forbidden|unauthori", output, re.IGNORECASE):
            code = int(status.group(1)) if status else 403
            raise PublishError(_auth_hint(index, code, f"uploading to {upload_url}"))
        raise PublishError(f"twine upload to {upload_url} failed (exit {result.returncode})")


def publish(dist: Path, environ: Mapping[str, str], dry_run: bool = False) -> int:
    index = index_from_env(environ)
    decided = plan(index, collect(dist))
    refused = decided.refused or ([] if decided.upload else refusal_for_unchanged(index, decided.unchanged))
    if refused and not decided.refused:
        print(f"every file in {dist} is already on {index.url}: nothing new to publish", file=sys.stderr)
    if refused:
        for message in refused:
            print(message, file=sys.stderr)
        print(f"nothing was uploaded to {index.url}", file=sys.stderr)
        return 1
    if decided.unchanged:
        skipped = sorted({f"{a.display_name} {a.version}" for a in decided.unchanged})
        print(f"already on {index.url}, byte for byte (skipped): " + ", ".join(skipped))
    layers = upload_layers(decided.upload)
    artifacts = [a for layer in layers for a in layer]
    upload_url = environ.get(ENV_UPLOAD_URL) or f"{index.url}/"
    names = sorted({f"{a.display_name} {a.version}" for a in artifacts})
    if dry_run:
        print(f"would upload {len(artifacts)} files to {upload_url}: " + ", ".join(names))
        for artifact in artifacts:
            print(f"  {artifact.path.name}")
        return 0
    for layer in layers:
        twine_upload(index, layer, upload_url)
    listed = {name: index_files(index, name) for name in {a.name for a in artifacts}}
    missing = sorted(
        a.path.name
        for a in artifacts
        if a.path.name not in listed[a.name] or listed[a.name][a.path.name][1] not in (a.sha256, None)
    )
    if missing:
        raise PublishError(f"uploaded, but {index.url}/simple/ does not list {', '.join(missing)} as sent")
    print(f"published {len(artifacts)} files to {index.url}: " + ", ".join(names))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="folder of wheels and sdists (default: dist/)")
    parser.add_argument("--dry-run", action="store_true", help="check the index, upload nothing")
    args = parser.parse_args(argv)
    try:
        return publish(args.dist, os.environ, dry_run=args.dry_run)
    except PublishError as error:
        print(f"publish refused: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
