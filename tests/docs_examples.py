"""The code blocks of README.md and docs/, and how each one is run (tests/test_docs_examples.py runs them).

Every fenced block is one of:

- ``python``: written to a file and run as a script (a fresh interpreter of this environment);
- ``sh``: run by ``bash -e -o pipefail`` with this environment's ``huaweicloud-jobs`` first on PATH;
- ``yaml``: parsed; a GitHub Actions step list (``<!-- example: github-actions ... -->``) also has
  its ``huaweicloud-jobs`` command lines run, with ``${{ ... }}`` filled in and the step's ``env``;
- ``ini``: parsed, and read by the profile credentials provider (a credentials file);
- ``text``: not code (a diagram); ``<!-- example: exception tree ... -->`` has its names checked;
- marked ``<!-- example: not run — <reason> -->`` on the line before: not executed, and the reason
  is required (installing from an index, building every distribution).

A python block marked ``<!-- example: pytest ... -->`` is a test file: pytest runs it, and it must pass.

Everything runs against :class:`FakeCloud` served over HTTPS on 127.0.0.1 with a private CA, the way a
user's environment would point at a cloud: the official ``HUAWEICLOUD_SDK_REGION_<SVC>_CN_NORTH_4``
endpoint variables, ``SSL_CERT_FILE``, credentials in ``HUAWEICLOUD_SDK_AK``/``_SK``/``_PROJECT_ID``,
a home folder of its own, ECS metadata off, and a proxy on a closed loopback port for any other
address, so an example can reach nothing but the fake. The fake holds the jobs the examples name
(:func:`example_cloud`), fresh for every block.

    python tests/docs_examples.py      # list every block and what is done with it
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from huaweicloud_jobs.testing import FakeCloud

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
REGION = "cn-north-4"
PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
AK, SK = "AKEXAMPLEDOCS0000000", "docs-example-secret-key"

# Languages and what is done with them.
RUN = {"python": "python", "py": "python", "sh": "sh", "bash": "sh", "shell": "sh"}
PARSE = {"yaml": "yaml", "yml": "yaml", "ini": "ini"}
TEXT = {"text", ""}
DIRECTIVES = {
    "not run": "skip",
    "pytest": "pytest",
    "github-actions": "github-actions",
    "exception tree": "exception-tree",
    "profile file": "ini",
}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<language>[\w+-]*)[^\n]*$")
DIRECTIVE = re.compile(r"^\s*<!--\s*example:\s*(?P<kind>[\w -]+?)\s*(?:—\s*(?P<reason>.*?))?\s*-->\s*$")


@dataclass(frozen=True)
class CodeBlock:
    path: Path
    line: int  # of the opening fence, 1-based
    language: str
    code: str
    directive: str | None  # the kind named by an <!-- example: ... --> comment on the line before
    reason: str | None

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def action(self) -> str:
        """What the tests do with it: python, pytest, sh, yaml, github-actions, ini, exception-tree, text, skip."""
        if self.directive in DIRECTIVES:
            return DIRECTIVES[self.directive]
        if self.directive is not None:
            raise ValueError(f"{self.name}: unknown example directive {self.directive!r}")
        if self.language in RUN:
            return RUN[self.language]
        if self.language in PARSE:
            return PARSE[self.language]
        if self.language in TEXT:
            return "text"
        raise ValueError(f"{self.name}: a ```{self.language} block, and nothing knows how to check it")


def code_blocks(path: Path) -> Iterator[CodeBlock]:
    """Every fenced block of a Markdown file, with the directive comment on the line before it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not re.match(rf"^{indent}{re.escape(fence[0])}{{{len(fence)},}}\s*$", lines[end]):
            body.append(lines[end][len(indent) :] if lines[end].startswith(indent) else lines[end].lstrip())
            end += 1
        if end == len(lines):
            raise ValueError(f"{path}:{index + 1}: a code block that is never closed")
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        directive = DIRECTIVE.match(previous)
        yield CodeBlock(
            path,
            index + 1,
            opening["language"].lower(),
            "\n".join(body) + "\n",
            directive["kind"].strip() if directive else None,
            (directive["reason"] or "").strip() or None if directive else None,
        )
        index = end + 1


def all_code_blocks() -> list[CodeBlock]:
    return [block for path in SOURCES for block in code_blocks(path)]


# -- the world the examples run in --------------------------------------------------------------

DRS_RUNNING = ["c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r", "2f0a6a3e-5b1c-4d2e-9f3a-7b8c9d0e1f2a"]
DRS_STOPPED = ["9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e"]
DLI_RUNNING = [128, 137]
AOM_EXECUTION = ("5d1f7c3a9e2b4f6d8a0c1e3b5d7f9a2c", "e7b3a1c5d9f24b6a")
LAKEFORMATION_JOBS = ["6c0b9e7a-3d2f-4a1b-9c8d-7e6f5a4b3c2d", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"]
# ${{ expression }} of a GitHub Actions example -> the value it stands for here
WORKFLOW_VALUES = {
    "secrets.HUAWEICLOUD_SDK_AK": AK,
    "secrets.HUAWEICLOUD_SDK_SK": SK,
    "vars.HUAWEICLOUD_PROJECT_ID": PROJECT_ID,
    "vars.DRS_TASK_ID": DRS_RUNNING[0],
}
# Files a shell example reads, made from the request examples of openapi/iam.yaml.
IAM_REQUEST_FILES = {
    "auth.json": "create_token",
    "id-token-auth.json": "create_token_with_id_token",
    "token-auth.json": "create_temporary_access_key_by_token",
}


def example_cloud() -> FakeCloud:
    """A FakeCloud holding every job the examples name: running ones stop at once when asked."""
    fake = FakeCloud()
    for number, job in enumerate(DRS_RUNNING):
        fake.add_job(
            "drs",
            job,
            states=["INCRE_TRANSFER_STARTED"],
            after_stop=["RELEASE_RESOURCE_COMPLETE"],
            fields={"name": f"nightly-sync-{number}", "job_type": "sync"},
        )
    for job in DRS_STOPPED:
        fake.add_job("drs", job, states=["RELEASE_RESOURCE_COMPLETE"])
    for flink_job in DLI_RUNNING:
        fields = {"name": f"etl-{flink_job}", "tags": {"team": "etl"}}
        fake.add_job("dli", flink_job, states=["job_running"], after_stop=["job_cancel_success"], fields=fields)
    workflow_id, execution_id = AOM_EXECUTION
    fake.add_job("aom", execution_id, states=["executing"], after_stop=["cancel"], fields={"workflow_id": workflow_id})
    fake.add_items("aom", "list_workflow", [{"id": workflow_id, "name": "etl-nightly", "tags": {"team": "etl"}}])
    for job in LAKEFORMATION_JOBS:
        fake.add_job("lakeformation", job, states=["RUNNING"])
    return fake


def iam_request_examples() -> dict[str, object]:
    """File name -> the first documented request body of the IAM operation it feeds (what @FILE reads)."""
    document = yaml.safe_load((ROOT / "openapi" / "iam.yaml").read_text(encoding="utf-8"))
    bodies: dict[str, object] = {}
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "requestBody" in operation:
                examples = operation["requestBody"]["content"]["application/json"]["examples"]
                bodies[operation["operationId"]] = next(iter(examples.values()))["value"]
    # The command line takes the body's one member (``auth``) as a JSON document: the file holds that.
    unwrapped = {
        operation: next(iter(body.values())) if isinstance(body, dict) and len(body) == 1 else body
        for operation, body in bodies.items()
    }
    return {name: unwrapped[operation] for name, operation in IAM_REQUEST_FILES.items()}


def environment(base_url: str, services: list[str], ca_file: Path, home: Path, path: str) -> dict[str, str]:
    """The environment of every example: a user's, pointed at the fake."""
    region = REGION.upper().replace("-", "_")
    env = {
        "PATH": path,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "HUAWEICLOUD_SDK_AK": AK,
        "HUAWEICLOUD_SDK_SK": SK,
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT_ID,
        "HUAWEICLOUD_SDK_REGION": REGION,
        "HUAWEICLOUD_SDK_IAM_ENDPOINT": f"{base_url}/iam",
        "HUAWEICLOUD_JOBS_METADATA": "off",
        "SSL_CERT_FILE": str(ca_file),
        # Anything but the fake goes to a closed port: an example cannot reach a real cloud.
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "ALL_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    for service in services:
        env[f"HUAWEICLOUD_SDK_REGION_{service.upper()}_{region}"] = f"{base_url}/{service}"
    return env


def workflow_commands(document: object) -> list[tuple[str, dict[str, str]]]:
    """(command line, step env) of every ``huaweicloud-jobs`` line of a GitHub Actions step list or job."""
    steps = document.get("steps", []) if isinstance(document, dict) else document
    if not isinstance(steps, list):
        raise ValueError("not a GitHub Actions step list")
    found = []
    for step in steps:
        env = {str(key): fill(str(value)) for key, value in (step.get("env") or {}).items()}
        for line in str(step.get("run", "")).splitlines():
            if line.strip().startswith("huaweicloud-jobs "):
                found.append((fill(line.strip()), env))
    return found


def fill(text: str) -> str:
    """``${{ expression }}`` replaced by the value it stands for in the examples' world."""

    def value(match: re.Match[str]) -> str:
        expression = match[1].strip()
        if expression not in WORKFLOW_VALUES:
            raise KeyError(f"no value for ${{{{ {expression} }}}} (add it to WORKFLOW_VALUES)")
        return WORKFLOW_VALUES[expression]

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def main() -> int:
    counts: dict[str, int] = {}
    for block in all_code_blocks():
        action = block.action
        counts[action] = counts.get(action, 0) + 1
        print(f"{action:<15} {block.name}" + (f"  ({block.reason})" if block.reason else ""))
    print(", ".join(f"{count} {action}" for action, count in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
