"""Shared fixtures: the spec-driven local server, specs, and hypothesis profiles."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# Tests never ask an ECS metadata service: Cloud.from_env() leaves that source out (loopback fakes test it).
os.environ["HUAWEICLOUD_JOBS_METADATA"] = "off"
sys.path.insert(0, str(ROOT / "tools"))

from local_server import LocalServer  # noqa: E402

# CI draws the same 200 examples on every run (derandomize), so a run on a clean clone tests what was
# tested before the push; `deep` explores with fresh random examples (5,000 each) and is run by hand.
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("deep", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any TCP connection to an address that is not loopback (a cloud endpoint, the metadata service).

    Test files whose code under test could reach out (credential chains, metadata, proxies) use it
    with ``pytestmark = pytest.mark.usefixtures("loopback_only")``.
    """
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def checked(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            assert ipaddress.ip_address(address[0]).is_loopback, f"test tried to connect to {address}"

    def connect(self: socket.socket, address: Any) -> None:
        checked(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        checked(self, address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
