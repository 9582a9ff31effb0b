"""Prism mock servers for the contract tests: one per spec in ``openapi/``, on free 127.0.0.1 ports.

These tests need Prism (``@stoplight/prism-cli``, pinned in package.json/package-lock.json and
installed into ./node_modules by ``npm ci``; ``nox -s contract`` does both and then runs
``pytest tests/contract`` with ``PRISM_REQUIRED=1``). So that the plain ``pytest`` run does
not depend on Node.js, this folder is collected only when asked for:

* a path inside ``tests/contract`` is given on the command line, or
* ``PRISM_REQUIRED=1`` is set.

Prism is ``$PRISM_BIN`` or ``<repo>/node_modules/.bin/prism``. When it is missing the tests
are skipped, except under ``PRISM_REQUIRED=1``, where that is an error: CI never skips silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .prism import PrismServer, prism_executable, start_all
from spec_operations import SPECS

CONTRACT_DIR = Path(__file__).resolve().parent


def prism_required() -> bool:
    return os.environ.get("PRISM_REQUIRED") == "1"


def _requested(arg: str, config: pytest.Config) -> bool:
    path = Path(arg.split("::", 1)[0])
    if not path.is_absolute():
        path = Path(config.invocation_params.dir) / path
    return path.resolve().is_relative_to(CONTRACT_DIR)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave this folder out of runs that did not ask for it (see the module docstring)."""
    if prism_required() or not collection_path.resolve().is_relative_to(CONTRACT_DIR):
        return None
    if any(_requested(arg, config) for arg in config.args):
        return None
    return True


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    """``{service: PrismServer}`` for every ``openapi/*.yaml``."""
    executable = prism_executable()
    if executable is None:
        message = "Prism is not installed (run `npm ci` at the repository root, or `nox -s contract`)"
        if prism_required():
            pytest.fail(f"PRISM_REQUIRED=1: {message}", pytrace=False)
        pytest.skip(message)
    specs = sorted(SPECS.glob("*.yaml"))
    servers = start_all(executable, specs, tmp_path_factory.mktemp("prism"))
    try:
        yield {server.service: server for server in servers}
    finally:
        for server in servers:
            server.stop()
