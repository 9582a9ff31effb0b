"""Secret header values never reach logs, even through httpcore's DEBUG trace."""

from __future__ import annotations

import logging

import httpx
import pytest

import huaweicloud_jobs  # noqa: F401  (installs the filter)

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
