"""Sessions: generate, lint, typecheck, tests, docs, demo (the main job), build, publish, contract, bench.

nox -s demo                               # regenerate, then call every operation against a local server
nox -s lint typecheck tests docs contract # all checks (the README's test command)
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import nox

ROOT = Path(__file__).parent
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "typecheck", "tests", "docs", "contract"]

PYTHON = "3.11"
SUPPORTED_PYTHONS = ["3.11", "3.12", "3.13"]  # requires-python = ">=3.11"; the newest three
SPECS = sorted(glob.glob("openapi/*.yaml"))


def _pyenv_interpreters_on_path() -> None:
    """Put the machine's pyenv interpreters (python3.12, ...) on PATH, so nox and uv find them.

    pyenv's shims only answer for the selected version; uv must not download one instead.
    A Python the machine does not have is skipped by nox, saying so.
    """
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin")))
    os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])
    os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")


_pyenv_interpreters_on_path()


def generated_projects() -> list[str]:
    """Every generated distribution folder (one per spec, plus the umbrella)."""
    return sorted(str(path) for path in (ROOT / "generated").iterdir() if (path / "pyproject.toml").exists())


def install_project(session: nox.Session, *groups: str) -> None:
    """The glue and every generated package, editable, plus dependency groups."""
    editable = [arg for project in [".", *generated_projects()] for arg in ("-e", project)]
    group_args = [arg for group in groups for arg in ("--group", group)]
    session.install(*editable, *group_args)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi/ (deterministic; run twice, no diff)."""
    session.install("--group", "generate")
    session.run("python", "tools/generate.py", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff on the handwritten code, openapi-spec-validator on every spec."""
    session.install("--group", "lint")
    session.run("ruff", "check", "overrides", "tests", "tools", "noxfile.py")
    session.run("ruff", "format", "--check", "overrides", "tests", "tools", "noxfile.py")
    session.run("openapi-spec-validator", *SPECS)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the glue, every generated package and the tests."""
    install_project(session, "typecheck", "test", "generate", "docs")
    packages = [arg for project in generated_projects() for arg in ("-p", Path(project).name.replace("-", "_"))]
    session.run("mypy", "--strict", "-p", "huaweicloud_jobs_core", *packages)
    session.run("mypy", "--strict", "tests", "tools")


@nox.session(python=SUPPORTED_PYTHONS)
def tests(session: nox.Session) -> None:
    """Drift check, then the test suite (real local servers, real subprocesses), on every supported Python.

    The whole suite on 3.11 (the tools' Python: generation, builds, the new-spec check); on the newer
    ones the tests not marked slow, which cover the runtime, the generated packages and the CLI
    engine (``nox -s tests-3.13 -- -m ""`` runs everything there too).
    """
    install_project(session, "test", "generate", "typecheck", "lint", "docs")
    session.run("python", "tools/generate.py", "--check")
    # The newer Pythons spread a test file per worker over every core: the tests not marked slow, whose time
    # bounds are only liveness bounds on hangs. 3.11 runs the whole suite serially.
    selection = [] if session.python == PYTHON else ["-m", "not slow", "-n", "auto", "--dist", "loadfile"]
    env = {"HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "ci")}
    session.run("pytest", *selection, *session.posargs, env=env)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The documentation site (mkdocs.yml, docs/) into site/, with every warning an error (strict mode).

    The command line's reference and the services' API reference are generated while building
    (tools/docs_hooks.py), so the installed packages are what is documented. Arguments after `--`
    go to `mkdocs build` (e.g. `-- --site-dir /tmp/site`).
    """
    install_project(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs, env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The main job: regenerate, then stop/delete/terminate through every client against a local server."""
    install_project(session, "generate")
    session.run("python", "tools/generate.py")
    install_project(session, "generate")
    session.run("python", "tools/demo.py")


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Wheels and sdists of the glue and every generated package into dist/, reproducible, twine-checked."""
    session.install("--group", "publish")
    session.run("python", "tools/build.py", *session.posargs)


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Upload dist/ to HUAWEICLOUD_JOBS_INDEX_URL (credentials from the environment); existing versions refused."""
    session.install("--group", "publish")
    session.run("python", "tools/publish.py", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Every operation through the public client against Prism mock servers (one per openapi/*.yaml).

    Prism is pinned in package.json/package-lock.json and installed with `npm ci` into ./node_modules;
    tests/contract starts it on free 127.0.0.1 ports. No npm, or no registry: the session fails.
    """
    import shutil  # here, not at the top: this section is appended

    if shutil.which("npm") is None:
        session.error("npm not found: the contract tests need Node.js (>= 18.20.1) and npm to install Prism")
    session.run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--engine-strict", external=True)
    install_project(session, "contract")
    prism = str(ROOT / "node_modules" / ".bin" / "prism")
    session.run("pytest", "tests/contract", *session.posargs, env={"PRISM_REQUIRED": "1", "PRISM_BIN": prism})


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks against a local server in its own process (bench/run.py): a table and bench/results.json.

    Every figure with its target and a pass/miss mark (bench/results.json, the README table): sync calls
    against bare httpx (with a cProfile split when the target is missed), asyncio at concurrency 64 and
    500, a 10,000-stop bulk run with slow answers, waiters polling 1,000 jobs, signing, import and the
    CLI's --help, generation time and the memory of a 100,000-id batch. About 5 minutes;
    `nox -s bench -- --quick` for a smoke run, `-- --help` for more.
    """
    install_project(session, "bench", "generate")
    session.run("python", "bench/run.py", *session.posargs)
