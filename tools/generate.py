"""Regenerate generated/ from openapi/*.yaml, or check that generated/ is up to date.

One spec, one package: ``openapi/<service>.yaml`` becomes the distribution
``huaweicloud-jobs-<service>`` (import ``huaweicloud_jobs_<service>``):

- openapi-python-client (``--meta none``) writes the attrs models with its stock
  templates, and the rest with the four templates of ``templates/client`` (the fork):
  ``api_init.py.jinja`` (the typed ``Service`` classes), ``package_init.py.jinja`` (the
  package ``__init__``), ``types.py.jinja`` (``types``, the runtime's) and
  ``models_init.py.jinja`` (the models package ``__init__``, each model imported on first
  use), which may import ``templates/_macros.jinja``; it reads the spec with every
  ``enum`` a response reaches turned into ``x-known-values`` (``tools/response_enums.py``:
  a value the service adds later parses), while the package bundles the spec as written;
- this tool adds what the generator's project templates would: ``pyproject.toml`` and
  ``README.md`` (``templates/service``), the bundled spec (``openapi.json``, ``SPEC-SHA256``),
  ``py.typed``, the command table (``commands.json``, read from the generator's parsed endpoints by
  ``tools/command_table.py``: what the command line and the tests read), and ``_patch.py``: the
  handwritten code of that one service from ``overrides/<package>/_patch.py`` (the Azure SDK's
  convention), or an empty one;
- it drops the stock HTTP surface (``client.py``, ``errors.py``, ``api/<tag>/`` modules):
  requests are built by the runtime from the bundled spec, so there is one public surface.

The umbrella package ``huaweicloud-jobs`` (``templates/umbrella``) lists every service,
so a new spec file is the only change a new service needs. Its version is derived from its
last release and the versions of what it bundles (see :func:`umbrella_version`).

    python tools/generate.py            # rewrite generated/
    python tools/generate.py --check    # exit 1, naming stale packages, if generated/ differs
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import filecmp
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import jinja2
import yaml

from command_table import command_table
from response_enums import open_response_enums

ROOT = Path(__file__).resolve().parent.parent
DIST_PREFIX = "huaweicloud-jobs"
UMBRELLA = DIST_PREFIX
REGENERATE_HINT = "run `nox -s generate` and commit generated/ together with the spec"
OVERRIDES = ROOT / "overrides"
STOCK_SURFACE = ("client.py", "errors.py")
DEFAULT_PATCH = '''"""Handwritten code for this service: none (overrides/<package>/_patch.py would replace this)."""

__all__: list[str] = []
'''


def jinja_environment(source: Path) -> jinja2.Environment:
    """Templates from ``source``; ``{% from "_macros.jinja" import ... %}`` finds the shared macros."""
    return jinja2.Environment(  # noqa: S701 (renders Python, TOML and Markdown, not HTML)
        loader=jinja2.FileSystemLoader([source, source.parent]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def core_version() -> str:
    """The runtime's version, from its one source (overrides/huaweicloud_jobs_core/_version.py)."""
    text = (OVERRIDES / "huaweicloud_jobs_core" / "_version.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def shared_metadata() -> dict[str, Any]:
    """The classifiers and URLs every distribution carries: the root pyproject.toml's (one source)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    return {
        "requires_python": project["requires-python"],
        "classifiers": list(project["classifiers"]),
        "urls": dict(project["urls"]),
    }


def tool_environment() -> dict[str, str]:
    """The environment for openapi-python-client and its ruff post-hooks: this interpreter's tools first."""
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "PYTHONHASHSEED": "0"}


def distribution_name(service: str) -> str:
    return f"{DIST_PREFIX}-{service}"


def import_name(distribution: str) -> str:
    return distribution.replace("-", "_")


def load_spec(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    if not isinstance(spec, dict):
        raise SystemExit(f"{path}: not an OpenAPI document")
    return spec


def generate_service(spec_path: Path, templates: Path, out_dir: Path) -> dict[str, Any]:
    """Run openapi-python-client for one spec into ``out_dir/<distribution>``."""
    service = spec_path.stem
    distribution = distribution_name(service)
    package = import_name(distribution)
    spec = load_spec(spec_path)
    config = yaml.safe_load((templates / "config.yaml").read_text(encoding="utf-8"))
    config.update(project_name_override=distribution, package_name_override=package)
    target = out_dir / distribution
    package_dir = target / package
    patch = OVERRIDES / package / "_patch.py"
    patch_text = patch.read_text(encoding="utf-8") if patch.exists() else DEFAULT_PATCH
    info = spec["info"]
    assert isinstance(info, dict)
    details = {
        "service": service,
        "distribution": distribution,
        "package": package,
        "version": str(info["version"]),
        "title": str(info["title"]),
        "core_version": core_version(),
        "patch_exports": patch_exports(patch_text),
        "operations": spec_operations(spec),
        **shared_metadata(),
    }
    # Written first: the generator's ruff post-hooks read their settings from this pyproject.toml,
    # so the output is the same wherever it is generated (the drift check generates in a temp folder).
    target.mkdir(parents=True, exist_ok=True)
    env = jinja_environment(templates / "service")
    for name in ("pyproject.toml", "README.md"):
        (target / name).write_text(env.get_template(f"{name}.jinja").render(**details), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        config_path = Path(tmp) / "config.json"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        # The generator parses JSON much faster than YAML. It reads the spec with its response enums
        # open (tools/response_enums.py); the package bundles the spec as written.
        json_path = Path(tmp) / f"{service}.json"
        json_path.write_text(json.dumps(open_response_enums(spec)), encoding="utf-8")
        table = run_generator(json_path, config_path, templates / "client", package_dir, spec_path.name, spec)
    raw = spec_path.read_bytes()
    for name in STOCK_SURFACE:
        (package_dir / name).unlink()
    for tag_dir in (package_dir / "api").iterdir():
        if tag_dir.is_dir():
            shutil.rmtree(tag_dir)
    (package_dir / "_patch.py").write_text(patch_text, encoding="utf-8")
    (package_dir / "openapi.json").write_text(
        json.dumps(spec, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    (package_dir / "commands.json").write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (package_dir / "SPEC-SHA256").write_text(hashlib.sha256(raw).hexdigest() + "\n", encoding="utf-8")
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    shutil.copyfile(ROOT / "LICENSE", target / "LICENSE")
    return details


def spec_operations(spec: dict[str, Any]) -> list[dict[str, str]]:
    """Every operation of a spec, in document order: its method name and one-line summary (for the README)."""
    found = []
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                summary = " ".join(str(operation.get("summary", "")).split())
                found.append({"name": str(operation["operationId"]), "summary": summary})
    return found


GENERATED_NAMES = frozenset({"AsyncService", "AsyncServiceWithRawResponse", "Service", "ServiceWithRawResponse"})


def patch_exports(source: str) -> list[str]:
    """The names a ``_patch.py`` adds in ``__all__`` (the umbrella re-exports them; not the Service classes)."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
                names = ast.literal_eval(node.value)
                return sorted(str(name) for name in names if name not in GENERATED_NAMES)
    return []


_LEVELS = ("none", "patch", "minor", "major")


def change_level(before: str | None, after: str | None) -> int:
    """How far a bundled distribution moved, as an index of ``_LEVELS`` (semantic versioning).

    A new major, or a new minor of a 0.x version (where a minor may break), is ``major``; a new minor
    or a newly bundled distribution is ``minor``; a new patch is ``patch``; a removed one is ``major``.
    """
    if before == after:
        return 0
    if before is None:
        return 2
    if after is None:
        return 3
    old, new = ([int(part) for part in [*version.split("."), "0", "0"][:3]] for version in (before, after))
    if new[0] != old[0] or (new[0] == 0 and new[1] != old[1]):
        return 3
    return 2 if new[1] != old[1] else 1


def bumped(version: str, level: int) -> str:
    major, minor, patch = (int(part) for part in [*version.split("."), "0", "0"][:3])
    if level == 3:
        return f"{major + 1}.0.0"
    if level == 2:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}" if level == 1 else f"{major}.{minor}.{patch}"


def umbrella_version(services: list[dict[str, Any]], templates: Path) -> str:
    """The last release's version (``templates/umbrella/release.json``), bumped by the largest change since
    in what the umbrella bundles: a new major anywhere is a new major of the umbrella, never a minor."""
    release = json.loads((templates / "umbrella" / "release.json").read_text(encoding="utf-8"))
    current = {"huaweicloud-jobs-core": core_version(), **{s["distribution"]: s["version"] for s in services}}
    bundled: dict[str, str] = release["bundled"]
    level = max(change_level(bundled.get(name), current.get(name)) for name in {*bundled, *current})
    return bumped(str(release["version"]), level)


def core_exports() -> list[str]:
    """The runtime's ``__all__`` (read, not imported): the umbrella re-exports each name on first use."""
    source = (OVERRIDES / "huaweicloud_jobs_core" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return sorted(str(name) for name in ast.literal_eval(node.value))
    raise SystemExit("overrides/huaweicloud_jobs_core/__init__.py defines no __all__")


def deprecated_names() -> list[str]:
    """The runtime's deprecated names (``_deprecations.DEPRECATED``, read, not imported): the umbrella keeps
    resolving each, with a warning, for one release."""
    source = (OVERRIDES / "huaweicloud_jobs_core" / "_deprecations.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        named = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DEPRECATED" for t in node.targets
        )
        if named and isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            return sorted(str(ast.literal_eval(key)) for key in node.value.keys if key is not None)
    raise SystemExit("overrides/huaweicloud_jobs_core/_deprecations.py defines no DEPRECATED table")


def run_generator(
    document: Path, config_path: Path, templates: Path, output: Path, name: str, spec: dict[str, Any]
) -> dict[str, Any]:
    """openapi-python-client's ``generate --meta none --overwrite --fail-on-warning``, in this process.

    The generator is imported once per run (its start-up is most of the time of one spec), and
    :func:`generate_all` forks one process per spec after that import. Returns the package's command
    table (``tools/command_table.py``), read from the endpoints the generator parsed and rendered.
    """
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    config = Config.from_sources(
        ConfigFile.load_from_path(config_path),
        MetaType.NONE,
        document,
        "utf-8",
        overwrite=True,
        output_path=output,
    )
    openapi = GeneratorData.from_dict(json.loads(document.read_text(encoding="utf-8")), config=config)
    if not isinstance(openapi, GeneratorData):
        raise SystemExit(f"openapi-python-client cannot read {name}: {openapi.header}: {openapi.detail}")
    project = Project(openapi=openapi, custom_template_path=templates, config=config)
    # The fork's templates import the project's shared macros (templates/_macros.jinja), after the fork
    # and upstream's own templates (the loader Project gave its environment).
    upstream = project.env.loader
    assert upstream is not None
    project.env.loader = jinja2.ChoiceLoader([upstream, jinja2.FileSystemLoader(templates.parent)])
    with contextlib.redirect_stdout(io.StringIO()):  # its progress lines
        errors = project.build()
    if errors:
        details = "\n".join(f"{error.level}: {error.header}: {error.detail}" for error in errors)
        raise SystemExit(f"openapi-python-client failed for {name} (warnings count as failures):\n{details}")
    return command_table(openapi, spec, output.name, project.env.globals["python_identifier"])


def generate_umbrella(services: list[dict[str, Any]], templates: Path, out_dir: Path) -> None:
    """Render the umbrella package that wires every service into one ``Cloud`` entry point.

    Handwritten modules of the umbrella (``overrides/huaweicloud_jobs/*.py``: the command-line
    engine) are copied in as they are, like a service's ``_patch.py``.
    """
    source = templates / "umbrella"
    env = jinja_environment(source)
    version = umbrella_version(services, templates)
    target = out_dir / UMBRELLA
    package_dir = target / import_name(UMBRELLA)
    package_dir.mkdir(parents=True, exist_ok=True)
    for module in sorted((OVERRIDES / import_name(UMBRELLA)).glob("*.py")):
        shutil.copyfile(module, package_dir / module.name)
    for template_path in sorted(source.rglob("*.jinja")):
        relative = template_path.relative_to(source).with_suffix("")
        destination = target / str(relative).replace("PACKAGE", import_name(UMBRELLA))
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = env.get_template(str(template_path.relative_to(source))).render(
            services=services,
            version=version,
            core_version=core_version(),
            core_exports=core_exports(),
            deprecated=deprecated_names(),
            deprecated_until=bumped(version, 3),  # removing the aliases is the next major
            **shared_metadata(),
        )
        destination.write_text(text, encoding="utf-8")
    shutil.copyfile(ROOT / "LICENSE", target / "LICENSE")
    subprocess.run(["ruff", "format", "--no-cache", "--quiet", str(target)], check=True, env=tool_environment())


def generate_all(specs_dir: Path, templates: Path, out_dir: Path) -> list[str]:
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = sorted(specs_dir.glob("*.yaml"))
    import openapi_python_client  # noqa: F401 - imported once, before forking: each spec's process has it

    # One forked process per spec, side by side: each is independent (and the generator keeps state).
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=min(len(specs), os.cpu_count() or 2) or 1) as pool:
        services = pool.starmap(generate_service, [(path, templates, out_dir) for path in specs])
    generate_umbrella(services, templates, out_dir)
    return [service["distribution"] for service in services] + [UMBRELLA]


def differing_files(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (missing, extra or changed)."""
    differences: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        for name in comparison.left_only + comparison.right_only + comparison.funny_files:
            differences.append(prefix + name)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__", ".ruff_cache"]), "")
    return sorted(differences)


def check(specs_dir: Path, templates: Path, generated: Path) -> int:
    """Regenerate into a scratch folder and compare with ``generated``, package by package."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        expected = generate_all(specs_dir, templates, fresh)
        present = sorted(p.name for p in generated.iterdir() if p.is_dir()) if generated.exists() else []
        stale: dict[str, list[str]] = {}
        for name in sorted(set(expected) | set(present)):
            if name not in present:
                stale[name] = ["(package missing)"]
            elif name not in expected:
                stale[name] = ["(no spec generates this package)"]
            else:
                files = differing_files(fresh / name, generated / name)
                if files:
                    stale[name] = files
    if not stale:
        print(f"generated/ is up to date ({len(expected)} packages)")
        return 0
    for name, files in stale.items():
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        print(f"STALE: generated/{name} differs from what openapi/ generates: {shown}", file=sys.stderr)
    print(f"generated/ is out of date: {REGENERATE_HINT}.", file=sys.stderr)
    return 1


def _reexec_deterministically() -> None:
    """Run under PYTHONHASHSEED=0 with this interpreter's tools first on PATH (the generator iterates sets,
    and its ruff post-hooks are found on PATH): the output must not depend on the process."""
    tools_first = os.environ.get("PATH", "").startswith(str(Path(sys.executable).parent))
    if os.environ.get("PYTHONHASHSEED") != "0" or not tools_first:
        os.execve(sys.executable, [sys.executable, *sys.argv], tool_environment())  # noqa: S606 - this script again


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--specs", type=Path, default=ROOT / "openapi")
    parser.add_argument("--templates", type=Path, default=ROOT / "templates")
    parser.add_argument("--generated", type=Path, default=ROOT / "generated")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.specs, args.templates, args.generated)
    with tempfile.TemporaryDirectory(dir=args.generated.parent) as tmp:
        fresh = Path(tmp) / "generated"
        names = generate_all(args.specs, args.templates, fresh)
        shutil.rmtree(args.generated, ignore_errors=True)
        fresh.rename(args.generated)
    print(f"generated {len(names)} packages: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    _reexec_deterministically()
    raise SystemExit(main())
