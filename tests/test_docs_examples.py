"""Every code block of README.md and docs/ runs (or is checked, or says why not): see tests/docs_examples.py.

A renamed argument, operation, option or exception in an example fails here. The blocks run
against a FakeCloud served over HTTPS on 127.0.0.1, as real interpreters and shells would run them.
"""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import huaweicloud_jobs
from huaweicloud_jobs import HuaweiCloudJobsError
from huaweicloud_jobs.testing import FakeCloud
from huaweicloud_jobs_core._providers import ProfileCredentialsProvider

from docs_examples import (
    ROOT,
    CodeBlock,
    all_code_blocks,
    environment,
    example_cloud,
    iam_request_examples,
    workflow_commands,
)
from loopback_tls import HAVE_OPENSSL, make_certificates, server_context

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not HAVE_OPENSSL, reason="the openssl command is not installed"),
]

BLOCKS = all_code_blocks()
TIMEOUT = 120


def blocks(*actions: str) -> list[CodeBlock]:
    return [block for block in BLOCKS if block.action in actions]


@dataclass
class World:
    fake: FakeCloud
    env: dict[str, str]
    folder: Path  # the working directory, with the files the examples read


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_certificates(tmp_path_factory.mktemp("docs-pki"))


@pytest.fixture
def world(pki: Path, tmp_path: Path) -> Iterator[World]:
    """A fresh fake with the examples' jobs, over HTTPS, and a user's environment pointed at it."""
    fake = example_cloud()
    home = tmp_path / "home"
    home.mkdir()
    for name, body in iam_request_examples().items():
        (tmp_path / name).write_text(json.dumps(body), encoding="utf-8")
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    with fake.serve(ssl_context=server_context(pki)) as url:
        yield World(fake, environment(url, list(fake.services), pki / "ca.pem", home, path), tmp_path)


def run(command: list[str], world: World, block: CodeBlock, **options: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=world.folder, env=world.env, capture_output=True, text=True, timeout=TIMEOUT, **options
    )  # type: ignore[call-overload]
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode == 0, (
        f"{block.name} failed (exit {result.returncode}):\n{block.code}\n--- stdout\n{result.stdout}"
        f"\n--- stderr\n{result.stderr}"
    )
    return result


@pytest.mark.parametrize("block", blocks("python"), ids=lambda block: block.name)
def test_python_example_runs(block: CodeBlock, world: World) -> None:
    script = world.folder / "example.py"
    script.write_text(block.code, encoding="utf-8")
    run([sys.executable, str(script)], world, block)


@pytest.mark.parametrize("block", blocks("pytest"), ids=lambda block: block.name)
def test_pytest_example_passes(block: CodeBlock, world: World) -> None:
    test_file = world.folder / "test_example.py"
    test_file.write_text(block.code, encoding="utf-8")
    result = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(world.folder),
            test_file.name,
        ],
        world,
        block,
    )
    assert " passed" in result.stdout and "failed" not in result.stdout, result.stdout


@pytest.mark.parametrize("block", blocks("sh"), ids=lambda block: block.name)
def test_shell_example_runs(block: CodeBlock, world: World) -> None:
    run(["bash", "-e", "-o", "pipefail", "-c", block.code], world, block)
    assert world.fake.requests, f"{block.name} sent no request to the fake"


@pytest.mark.parametrize("block", blocks("github-actions"), ids=lambda block: block.name)
def test_github_actions_example_parses_and_its_commands_run(block: CodeBlock, world: World) -> None:
    commands = workflow_commands(yaml.safe_load(block.code))
    assert commands, f"{block.name}: no huaweicloud-jobs command in its steps"
    for command, step_env in commands:
        world.env.update(step_env)
        run(["bash", "-e", "-c", command], world, block)
    assert world.fake.requests


@pytest.mark.parametrize("block", blocks("yaml", "github-actions"), ids=lambda block: block.name)
def test_yaml_example_parses(block: CodeBlock) -> None:
    assert yaml.safe_load(block.code) is not None


@pytest.mark.parametrize("block", blocks("ini"), ids=lambda block: block.name)
def test_credentials_file_example_is_read_by_the_profile_provider(block: CodeBlock, tmp_path: Path) -> None:
    parser = configparser.ConfigParser()
    parser.read_string(block.code)
    profile = tmp_path / "credentials"
    profile.write_text(block.code, encoding="utf-8")
    profile.chmod(0o600)
    credentials = ProfileCredentialsProvider(profile).get_credentials()
    section = parser["basic"] if parser.has_section("basic") else parser["global"]
    assert credentials.ak == section["ak"] and credentials.project_id == section.get("project_id")


@pytest.mark.parametrize("block", blocks("exception-tree"), ids=lambda block: block.name)
def test_exception_tree_names_exported_exceptions(block: CodeBlock) -> None:
    import re

    names = set(re.findall(r"\b[A-Z]\w*Error\b", block.code))
    assert len(names) >= 20
    for name in sorted(names):
        assert name in huaweicloud_jobs.__all__, f"{block.name}: {name} is not exported"
        assert issubclass(getattr(huaweicloud_jobs, name), HuaweiCloudJobsError), name


def test_every_block_is_run_checked_or_says_why_not() -> None:
    """Each block has an action; those not run give a reason; the count is what the docs promise."""
    actions = [block.action for block in BLOCKS]
    skipped = [block for block in BLOCKS if block.action == "skip"]
    assert all(block.reason for block in skipped), [block.name for block in skipped if not block.reason]
    executed = sum(action in ("python", "pytest", "sh", "github-actions") for action in actions)
    assert executed >= 25, executed
    assert len(skipped) <= 6, [block.name for block in skipped]
    sources = {block.path for block in BLOCKS}
    assert ROOT / "README.md" in sources and len(sources) >= 8
