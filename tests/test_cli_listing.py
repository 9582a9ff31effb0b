"""Listings on the command line, as real subprocesses against the testing kit's loopback server.

``<svc> list-...`` streams every item across pages; ``--query`` (JMESPath), ``--output
json|ndjson|table|tsv``, ``--max-items``/``--starting-token`` and the client-side ``--select-*``;
and the pipe ``list-jobs ... --query job_id --output tsv | stop-jobs --from-file - --wait``.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from test_cli import command_line, environment

from huaweicloud_jobs.testing import FakeCloud

pytestmark = pytest.mark.slow

RUNNING = [200 + index for index in range(10) if index % 3]
IDLE = [200 + index for index in range(10) if not index % 3]


@pytest.fixture
def fake() -> Iterator[FakeCloud]:
    fake = FakeCloud(["dli", "drs", "aom"])
    for index in range(10):
        fake.add_job(
            "dli",
            200 + index,
            states=["job_running" if index % 3 else "job_idle"],
            after_stop=["job_canceling", "job_cancel_success"],
            fields={"name": f"etl-{index}", "tags": {"team": "etl"}},
        )
    fake.add_items(
        "aom",
        "list_workflow",
        [{"id": f"wf-{i}", "name": f"nightly-{i}", "tags": {"team": "etl" if i % 2 else "ml"}} for i in range(5)],
    )
    with fake.serve():
        yield fake


def options(fake: FakeCloud) -> list[str]:
    endpoints = [word for service, url in fake.endpoints().items() for word in ("--endpoint", f"{service}={url}")]
    return ["--allow-http", *endpoints]


def cli(fake: FakeCloud, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command_line(), *options(fake), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=environment(HUAWEICLOUD_SDK_REGION="cn-north-4"),
        timeout=60,
    )


def lines(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_a_listing_streams_ndjson_across_pages(fake: FakeCloud) -> None:
    result = cli(fake, "dli", "list-jobs", "--limit", "3")
    assert result.returncode == 0, result.stderr
    items = lines(result.stdout)
    assert [item["job_id"] for item in items] == [200 + index for index in range(10)]
    assert [request.query["offset"] for request in fake.requests_for("list_jobs")] == ["0", "3", "6", "9"]
    assert result.stderr == ""  # complete: no next token


def test_server_filters_query_and_every_output_form(fake: FakeCloud) -> None:
    base = ["dli", "list-jobs", "--status", "job_running", "--query", "job_id"]
    ndjson = cli(fake, *base)
    assert lines(ndjson.stdout) == RUNNING
    assert cli(fake, *base, "--output", "json").stdout.replace("\n", "") == json.dumps(RUNNING).replace(" ", "")
    assert cli(fake, *base, "--output", "tsv").stdout.split() == [str(job) for job in RUNNING]
    table = cli(fake, "dli", "list-jobs", "--query", "{id: job_id, state: status}", "--output", "table")
    rows = table.stdout.splitlines()
    assert rows[0].split() == ["id", "state"] and rows[1].split() == ["200", "job_idle"] and len(rows) == 11
    tsv = cli(fake, "dli", "list-jobs", "--query", "[job_id, name]", "--output", "tsv", "--max-items", "2")
    assert tsv.stdout.splitlines() == ["200\tetl-0", "201\tetl-1"]
    # Not a listing: the query applies to the whole result.
    shown = cli(fake, "dli", "show-job", "201", "--query", "job_detail.status", "--output", "json")
    assert shown.returncode == 0 and json.loads(shown.stdout) == "job_running"


def test_max_items_prints_the_next_token_and_starting_token_continues(fake: FakeCloud) -> None:
    first = cli(fake, "dli", "list-jobs", "--limit", "4", "--max-items", "6", "--query", "job_id")
    (token_line,) = lines(first.stderr)
    rest = cli(
        fake, "dli", "list-jobs", "--limit", "4", "--starting-token", token_line["next_token"], "--query", "job_id"
    )
    assert lines(first.stdout) + lines(rest.stdout) == [200 + i for i in range(10)]
    assert len(lines(first.stdout)) == 6 and rest.stderr == ""
    bad = cli(fake, "dli", "list-jobs", "--starting-token", "nonsense")
    assert bad.returncode == 2 and json.loads(bad.stderr)["parameter"] == "starting_token"


def test_client_side_selection(fake: FakeCloud) -> None:
    chosen = cli(fake, "dli", "list-jobs", "--select-name", "etl-[1-4]", "--select-state", "job_running")
    assert [item["job_id"] for item in lines(chosen.stdout)] == [201, 202, 204]
    tagged = cli(fake, "aom", "list-workflow", "--select-tag", "team=etl", "--query", "id")
    assert lines(tagged.stdout) == ["wf-1", "wf-3"]
    # DLI items carry no tags: an error, not an empty result (its own --tags filter is the way).
    refused = cli(fake, "dli", "list-jobs", "--select-tag", "team=etl")
    assert refused.returncode == 2 and "have no field 'tags'" in json.loads(refused.stderr)["message"]
    bad_query = cli(fake, "dli", "list-jobs", "--query", "job_id[")
    assert bad_query.returncode == 2 and "not a JMESPath expression" in json.loads(bad_query.stderr)["message"]


def test_an_unpaged_list_is_a_listing_too(fake: FakeCloud) -> None:
    # AOM executions are the kit's AOM jobs; the path's workflow_id filters them like any input.
    for execution, workflow, state in (
        ("e-1", "wf-a", "executing"),
        ("e-2", "wf-b", "success"),
        ("e-3", "wf-a", "cancel"),
    ):
        fake.add_job("aom", execution, states=[state], fields={"workflow_id": workflow})
    result = cli(
        fake, "aom", "list-workflow-executions", "wf-a", "--query", "[execution_id, status]", "--output", "tsv"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["e-1\texecuting", "e-3\tcancel"]
    selected = cli(
        fake, "aom", "list-workflow-executions", "wf-a", "--select-state", "cancel", "--query", "execution_id"
    )
    assert lines(selected.stdout) == ["e-3"]


def pipe(fake: FakeCloud, *stop_args: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """``list-jobs --status job_running --query job_id --output tsv | stop-jobs --from-file - <stop_args>``."""
    env = environment(HUAWEICLOUD_SDK_REGION="cn-north-4")
    listing = [*command_line(), *options(fake), "dli", "list-jobs", "--status", "job_running"]
    stopping = [*command_line(), *options(fake), "dli", "stop-jobs", "--from-file", "-", *stop_args]
    with subprocess.Popen(
        [*listing, "--query", "job_id", "--output", "tsv"], stdout=subprocess.PIPE, env=env
    ) as lister:
        assert lister.stdout is not None
        stopped = subprocess.run(stopping, stdin=lister.stdout, capture_output=True, text=True, env=env, timeout=60)
        lister.stdout.close()
        assert lister.wait(timeout=30) == 0
    return stopped, stopped.stdout


def test_the_pipe_lists_stops_and_waits(fake: FakeCloud) -> None:
    result, out = pipe(fake, "--wait", "--delay", "0.01", "--max-delay", "0.02")
    assert result.returncode == 0, result.stderr
    (outcome,) = lines(out)
    assert outcome["ok"] and outcome["input"] == RUNNING
    assert [waited["id"] for waited in outcome["result"]["waited"]] == RUNNING
    assert {w["result"]["job_detail"]["status"] for w in outcome["result"]["waited"]} == {"job_cancel_success"}
    assert [r.json["job_ids"] for r in fake.requests_for("stop_jobs")] == [RUNNING]  # one batch
    assert all(fake.job("dli", job).stopped for job in RUNNING)
    assert not any(fake.job("dli", job).stopped for job in IDLE)


def test_the_pipe_with_dry_run_lists_what_it_would_stop_and_sends_no_stop(fake: FakeCloud) -> None:
    result, out = pipe(fake, "--wait", "--dry-run")
    assert result.returncode == 0, result.stderr
    (outcome,) = lines(out)
    request = outcome["result"]
    assert request["dry_run"] and request["method"] == "POST" and request["body"]["job_ids"] == RUNNING
    assert fake.requests_for("stop_jobs") == [] and fake.requests_for("show_job") == []
    assert {r.operation for r in fake.requests} == {"list_jobs"}
    assert not any(job.stopped for job in fake.jobs)


def test_json_output_of_a_listing_is_one_array_written_as_items_arrive() -> None:
    from io import StringIO

    from huaweicloud_jobs._cli_output import print_stream

    def failing() -> Iterator[int]:
        raise RuntimeError("the first page failed")
        yield 1

    for items, expected in (([], "[]\n"), ([1, {"a": None}], '[\n1,\n{"a": null}\n]\n')):
        out = StringIO()
        assert print_stream(items, "json", out) == len(items) and out.getvalue() == expected
        assert json.loads(out.getvalue()) == items
    out = StringIO()
    with pytest.raises(RuntimeError):
        print_stream(failing(), "json", out)
    assert out.getvalue() == ""  # no half-written array before the error
