"""Build a wheel and an sdist of the glue and of every generated package, then check them.

    python tools/build.py                       # every project into dist/
    python tools/build.py --out DIR             # somewhere else
    python tools/build.py --project generated/huaweicloud-jobs-drs   # one project (repeatable)

Projects: the repository root (``huaweicloud-jobs-core``) plus every folder of generated/
holding a pyproject.toml, so a new spec needs no change here. Each project is built as an
sdist, then the wheel is built from that sdist (which proves the sdist is complete), with
``uv build`` when uv is on hand and ``python -m build`` otherwise: both drive the same
pinned hatchling.

Builds are reproducible: SOURCE_DATE_EPOCH defaults to 315532800 (1980-01-01), so building
unchanged sources again gives byte-identical files. Versions come from the sources: a
generated package's version is its spec's ``info.version``.

Checks, any failure exits non-zero: ``twine check --strict`` on every file, then on every
wheel: each top-level package ships ``py.typed`` and says so (``Typing :: Typed``); it links its
documentation (``Project-URL``); every Requires-Dist carries a version specifier; a service package
bundles ``openapi.json`` and ``SPEC-SHA256``, the hash matches
``openapi/<service>.yaml`` (else generated/ is stale) and the wheel's version is the bundled
spec's ``info.version``. The output folder's previous wheels and sdists are replaced, since
``nox -s publish`` uploads everything in it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "dist"
DEFAULT_SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01T00:00:00Z, the earliest date a zip file can hold
DIST_PREFIX = "huaweicloud-jobs-"
ARTIFACT_SUFFIXES = (".whl", ".tar.gz")
REGENERATE_HINT = "run `nox -s generate` and commit generated/ together with the spec"


class BuildError(Exception):
    """A build or a check failed; the message says what to do."""


@dataclass(frozen=True)
class WheelReport:
    path: Path
    name: str
    version: str
    spec_sha256: str | None


def discover_projects(root: Path = ROOT) -> list[Path]:
    """The root project plus every folder of generated/ that holds a pyproject.toml."""
    generated = root / "generated"
    found = sorted(p for p in generated.iterdir() if (p / "pyproject.toml").is_file()) if generated.is_dir() else []
    return [root, *found]


def project_name(project: Path) -> str:
    with (project / "pyproject.toml").open("rb") as handle:
        name = tomllib.load(handle)["project"]["name"]
    assert isinstance(name, str)
    return name


def build_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH)
    env["PYTHONHASHSEED"] = "0"
    return env


def find_uv() -> str | None:
    """uv on PATH or next to this interpreter (a virtualenv with uv installed)."""
    beside = Path(sys.executable).parent / ("uv.exe" if os.name == "nt" else "uv")
    return shutil.which("uv") or (str(beside) if beside.is_file() else None)


def frontend_command(frontend: str, project: Path, out_dir: Path) -> list[str]:
    if frontend == "uv":
        uv = find_uv()
        if uv is None:
            raise BuildError("uv is not installed: pip install uv, or use --frontend build")
        return [uv, "build", "--quiet", "--out-dir", str(out_dir), str(project)]
    return [sys.executable, "-m", "build", "--outdir", str(out_dir), str(project)]


def build_project(project: Path, out_dir: Path, frontend: str) -> list[Path]:
    """sdist, then the wheel from that sdist; returns the two files."""
    out_dir.mkdir(parents=True)
    result = subprocess.run(
        frontend_command(frontend, project, out_dir),
        capture_output=True,
        text=True,
        env=build_environment(),
        cwd=project,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError(f"building {project} failed:\n{result.stdout}\n{result.stderr}")
    files = sorted(p for p in out_dir.iterdir() if p.name.endswith(ARTIFACT_SUFFIXES))
    if len(files) != 2:
        raise BuildError(f"building {project} produced {[p.name for p in files]}, expected one wheel and one sdist")
    return files


def twine_check(files: Sequence[Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        hint = (
            "\n(twine is missing: pip install twine, or run nox -s build)" if "No module named" in result.stderr else ""
        )
        raise BuildError(f"twine check failed:\n{result.stdout}\n{result.stderr}{hint}")


def wheel_metadata(wheel: zipfile.ZipFile) -> tuple[str, list[tuple[str, str]]]:
    """(the .dist-info folder, the METADATA headers in order)."""
    dist_info = next(
        (n.split("/")[0] for n in wheel.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")), None
    )
    if dist_info is None:
        raise BuildError(f"{wheel.filename}: no .dist-info/METADATA")
    message = HeaderParser().parsestr(wheel.read(f"{dist_info}/METADATA").decode("utf-8"))
    return dist_info, [(key, str(value)) for key, value in message.items()]


def check_wheel(path: Path, root: Path = ROOT) -> WheelReport:
    """Typed, pinned enough, and traceable to its spec."""
    problems: list[str] = []
    with zipfile.ZipFile(path) as wheel:
        names = set(wheel.namelist())
        _, headers = wheel_metadata(wheel)
        fields: dict[str, list[str]] = {}
        for key, value in headers:
            fields.setdefault(key.lower(), []).append(value)
        name, version = fields["name"][0], fields["version"][0]
        packages = sorted({n.split("/")[0] for n in names if n.count("/") == 1 and n.endswith("/__init__.py")})
        if not packages:
            problems.append("no top-level package")
        problems.extend(f"{pkg}/py.typed is missing" for pkg in packages if f"{pkg}/py.typed" not in names)
        if "Typing :: Typed" not in fields.get("classifier", []):
            problems.append("no classifier Typing :: Typed")
        if not any(url.startswith("Documentation, ") for url in fields.get("project-url", [])):
            problems.append("no Project-URL Documentation (the root pyproject.toml's [project.urls])")
        for requirement in fields.get("requires-dist", []):
            if not re.search(r"[<>=~!]", requirement.split(";")[0]):
                problems.append(f"dependency without a version specifier: {requirement}")
        spec_sha256 = None
        service = name[len(DIST_PREFIX) :] if name.startswith(DIST_PREFIX) else None
        spec_path = root / "openapi" / f"{service}.yaml" if service else None
        if spec_path is not None and spec_path.is_file():
            package = name.replace("-", "_")
            bundled = {f"{package}/openapi.json", f"{package}/SPEC-SHA256", f"{package}/commands.json"}
            missing = sorted(bundled - names)
            if missing:
                problems.append(f"does not bundle {', '.join(missing)}")
            else:
                spec_sha256 = wheel.read(f"{package}/SPEC-SHA256").decode("ascii").strip()
                actual = hashlib.sha256(spec_path.read_bytes()).hexdigest()
                if spec_sha256 != actual:
                    problems.append(
                        f"SPEC-SHA256 {spec_sha256[:12]} is not the hash of {spec_path.relative_to(root)} "
                        f"({actual[:12]}): generated/ is stale, {REGENERATE_HINT}"
                    )
                spec_version = str(json.loads(wheel.read(f"{package}/openapi.json"))["info"]["version"])
                if spec_version != version:
                    problems.append(f"version {version} is not the spec's info.version {spec_version}")
    if problems:
        raise BuildError(f"{path.name}: " + "; ".join(problems))
    return WheelReport(path, name, version, spec_sha256)


def replace_artifacts(files: Sequence[Path], out: Path) -> list[Path]:
    """Swap the output folder's wheels and sdists for ``files``; anything else there is left alone."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file() and old.name.endswith(ARTIFACT_SUFFIXES):
            old.unlink()
    placed = []
    for path in files:
        target = out / path.name
        shutil.copyfile(path, target)
        placed.append(target)
    return sorted(placed)


def build_all(out: Path, projects: Sequence[Path], frontend: str, jobs: int) -> list[Path]:
    names = [project_name(p) for p in projects]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise BuildError(f"two projects build the same distribution: {', '.join(duplicates)}")
    with tempfile.TemporaryDirectory(prefix="huaweicloud-jobs-build-") as tmp:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            built = list(
                pool.map(
                    lambda item: build_project(item[1], Path(tmp) / item[0], frontend),
                    zip(names, projects, strict=True),
                )
            )
        files = sorted(path for pair in built for path in pair)
        twine_check(files)
        reports = [check_wheel(path) for path in files if path.name.endswith(".whl")]
        placed = replace_artifacts(files, out)
    width = max(len(r.name) for r in reports)
    for report in sorted(reports, key=lambda r: r.name):
        size = (out / report.path.name).stat().st_size
        spec = f"spec sha256 {report.spec_sha256[:16]}" if report.spec_sha256 else ""
        print(f"  {report.name:<{width}}  {report.version:<8} {size:>8,} B  {spec}".rstrip())
    return placed


def default_jobs() -> int:
    return min(4, os.cpu_count() or 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: dist/)")
    parser.add_argument("--project", type=Path, action="append", help="build only this project folder (repeatable)")
    parser.add_argument("--frontend", choices=["auto", "uv", "build"], default="auto", help="default: uv if found")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="projects built at once")
    args = parser.parse_args(argv)
    frontend = args.frontend if args.frontend != "auto" else ("uv" if find_uv() else "build")
    projects = [p.resolve() for p in args.project] if args.project else discover_projects()
    started = time.monotonic()
    try:
        placed = build_all(args.out.resolve(), projects, frontend, args.jobs)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    epoch = build_environment()["SOURCE_DATE_EPOCH"]
    print(
        f"built {len(placed)} files for {len(projects)} projects into {args.out} with {frontend} "
        f"(SOURCE_DATE_EPOCH={epoch}, twine check passed) in {time.monotonic() - started:.1f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
