"""Secret header values never reach logs, even through httpcore's DEBUG trace."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import httpx
import pytest

import huaweicloud_jobs_core  # noqa: F401  (importing the runtime installs the filter; the umbrella is lazy)
from huaweicloud_jobs_core import _redaction

from local_server import LocalServer, Reply


def test_httpcore_trace_of_secret_response_headers_is_blanked(
    server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.enqueue(Reply(201, b"{}", {"X-Subject-Token": "MIIsecret-token-value", "X-Other": "visible-value"}))
    with caplog.at_level(logging.DEBUG), httpx.Client() as client:
        client.post(server.base_url + "/v3/auth/tokens", json={})
    trace = "\n".join(record.getMessage() for record in caplog.records if record.name.startswith("httpcore"))
    assert "receive_response_headers" in trace
    assert "visible-value" in trace
    assert "MIIsecret-token-value" not in trace
    assert "(b'X-Subject-Token', b'***')" in trace


@pytest.mark.parametrize("logger_name", ["httpcore.http11", "httpcore2.http11", "httpx2"])
def test_trace_loggers_of_httpx_and_httpx2_mask_secret_headers(
    logger_name: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Under httpx2 (httpx2.alias_httpx()) the trace comes from httpcore2.*: without its loggers in the
    # list, an X-Subject-Token logged at DEBUG was shown in clear.
    secret = "SUBJ'SECRET\"odd"
    with caplog.at_level(logging.DEBUG, logger=logger_name):
        logging.getLogger(logger_name).debug(
            "receive_response_headers.complete return_value=%r", (b"HTTP/1.1", 201, [(b"X-Subject-Token", secret)])
        )
    assert caplog.records, "nothing was logged"
    assert "SUBJ" not in caplog.text and "X-Subject-Token" in caplog.text


# -- the order of imports and of the user's logging configuration does not matter -------------------

# Run in a fresh interpreter: logging is process-wide, and importing the runtime (which installs the
# filter) happens once per process. argv: the order, the local server's URL.
ORDER_SCRIPT = r"""
import importlib, json, logging, logging.config, sys

order, url = sys.argv[1], sys.argv[2]
SECRET = "SUBJSECRET-" + "x" * 20
kept = []


class Keep(logging.Handler):  # the user's own handler
    def emit(self, record):
        kept.append((record.name, self.format(record)))


def configure():
    if order.startswith("basicConfig"):
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(name)s %(message)s")
        logging.getLogger().addHandler(Keep())
    else:
        logging.config.dictConfig({
            "version": 1,
            "handlers": {
                "keep": {"()": Keep},
                "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
            },
            "loggers": {
                "httpcore": {"level": "DEBUG", "handlers": ["keep", "out"]},
                "huaweicloud_jobs": {"level": "DEBUG", "handlers": ["keep", "out"]},
            },
        })


def use_the_runtime():
    global _redaction
    import httpx
    import huaweicloud_jobs_core
    from huaweicloud_jobs_core import _redaction
    return httpx


if order.endswith("then import"):
    configure()
    httpx = use_the_runtime()
else:
    httpx = use_the_runtime()
    configure()
with httpx.Client() as client:
    client.post(url + "/v3/auth/tokens", json={})
logging.getLogger("huaweicloud_jobs").warning("refresh failed: token=%s", SECRET)

_redaction.install()  # a second time: still one filter per logger
_redaction = importlib.reload(_redaction)  # a reloaded copy installs nothing more either
_redaction.install()
logging.getLogger("huaweicloud_jobs").warning("again: token=%s", SECRET)
filters = {name: len(logging.getLogger(name).filters) for name in ("httpcore.http11", "httpx", "huaweicloud_jobs")}
print(json.dumps({"kept": kept, "filters": filters}))
"""

ORDERS = ["basicConfig, then import", "import, then basicConfig", "dictConfig, then import", "import, then dictConfig"]


@pytest.mark.parametrize("order", ORDERS)
def test_secrets_are_redacted_whatever_the_order_of_import_and_logging_setup(server: LocalServer, order: str) -> None:
    server.enqueue(Reply(201, b"{}", {"X-Subject-Token": "SUBJSECRET-" + "y" * 20, "X-Other": "visible-value"}))
    done = subprocess.run(
        [sys.executable, "-c", ORDER_SCRIPT, order, server.base_url], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "SUBJSECRET" not in done.stdout + done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    kept = [tuple(record) for record in report["kept"]]
    # The user's handler still gets the records, redacted: httpcore's trace and ours.
    trace = "\n".join(text for name, text in kept if name.startswith("httpcore"))
    assert "visible-value" in trace and "(b'X-Subject-Token', b'***')" in trace
    assert ("huaweicloud_jobs", "refresh failed: token=***") in kept
    assert ("huaweicloud_jobs", "again: token=***") in kept
    assert report["filters"] == {"httpcore.http11": 1, "httpx": 1, "huaweicloud_jobs": 1}
    printed = done.stdout.splitlines()[:-1]  # the stream handler's lines
    assert any("visible-value" in line for line in printed) and any("token=***" in line for line in printed)


def test_a_filter_the_user_added_is_not_doubled() -> None:
    logger = logging.getLogger("huaweicloud_jobs.test_redaction_own")
    mine = _redaction.SecretFilter()
    logger.addFilter(mine)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_redaction, "_FILTERED_LOGGERS", (logger.name,))
            _redaction.install()
        assert logger.filters == [mine]
    finally:
        logger.removeFilter(mine)
