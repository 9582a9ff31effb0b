"""Secret header values never reach logs, even through httpcore's DEBUG trace."""

from __future__ import annotations

import logging

import httpx
import pytest

import huaweicloud_jobs_core  # noqa: F401  (importing the runtime installs the filter; the umbrella is lazy)

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
