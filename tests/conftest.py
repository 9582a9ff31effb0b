"""Shared fixtures: the spec-driven local server, specs, and hypothesis profiles."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

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
