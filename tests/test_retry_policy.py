"""RetryPolicy validation, backoff bounds, Retry-After parsing and error classification."""

from __future__ import annotations

import dataclasses
import math
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huaweicloud_jobs_core._exceptions import (
    BadRequestError,
    ClientTimeoutError,
    ConnectionFailedError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    RateLimitError,
    ServerError,
    ServerTimeoutError,
)
from huaweicloud_jobs_core._retry import DEFAULT_RETRY_STATUSES, RetryPolicy, parse_retry_after

WHERE: dict[str, Any] = {"service": "drs", "operation": "batch_stop_jobs"}
# Wed, 21 Oct 2015 07:28:00 GMT
FIXED_NOW = 1445412480.0


def test_defaults() -> None:
    policy = RetryPolicy()
    assert (policy.max_attempts, policy.initial_backoff, policy.max_backoff, policy.max_retry_after) == (
        3,
        0.5,
        8.0,
        60.0,
    )
    assert policy.retry_statuses == frozenset({408, 429, 502, 503, 504}) == DEFAULT_RETRY_STATUSES
    assert policy.retry_connection_errors is True
    assert not DEFAULT_RETRY_STATUSES & {400, 401, 403, 404}


def test_disabled_and_attempt_budget() -> None:
    assert RetryPolicy.disabled().max_attempts == 1
    assert not RetryPolicy.disabled().has_attempts_left(1)
    policy = RetryPolicy(max_attempts=3)
    assert [policy.has_attempts_left(n) for n in (1, 2, 3)] == [True, True, False]


def test_frozen_and_hashable() -> None:
    policy = RetryPolicy()
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.max_attempts = 5  # type: ignore[misc]
    assert hash(policy) == hash(RetryPolicy())


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_attempts": 0}, "invalid max_attempts: must be >= 1"),
        ({"max_attempts": -3}, "invalid max_attempts: must be >= 1"),
        ({"max_attempts": 2.0}, "invalid max_attempts: must be an int"),
        ({"max_attempts": True}, "invalid max_attempts: must be an int"),
        ({"initial_backoff": -0.1}, "invalid initial_backoff: must be a finite number >= 0"),
        ({"max_backoff": -1}, "invalid max_backoff: must be a finite number >= 0"),
        ({"max_backoff": math.inf}, "invalid max_backoff: must be a finite number >= 0"),
        ({"initial_backoff": math.nan}, "invalid initial_backoff: must be a finite number >= 0"),
        ({"max_retry_after": -5}, "invalid max_retry_after: must be a finite number >= 0"),
        ({"initial_backoff": "1"}, "invalid initial_backoff: must be a number of seconds"),
        (
            {"retry_statuses": frozenset({200})},
            r"invalid retry_statuses: must be HTTP error statuses \(400-599\), got 200",
        ),
        ({"retry_statuses": {429, 700, "503"}}, "got '503', 700"),
        ({"retry_statuses": "503"}, "invalid retry_statuses: must be a collection of ints"),
        ({"retry_statuses": 503}, "invalid retry_statuses: must be a collection of ints"),
    ],
)
def test_validation(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidParameterError, match=match):
        RetryPolicy(**kwargs)


def test_retry_statuses_accepts_any_collection_and_configuration_wins() -> None:
    policy = RetryPolicy(retry_statuses=[404, 500])  # type: ignore[arg-type]
    assert policy.retry_statuses == frozenset({404, 500})
    assert policy.should_retry_status(404)  # configured explicitly, so retried
    assert not policy.should_retry_status(429)
    assert RetryPolicy(retry_statuses=frozenset()).retry_statuses == frozenset()
    assert RetryPolicy(initial_backoff=0, max_backoff=0, max_retry_after=0).backoff_delay(5) == 0.0


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, False),
        (401, False),
        (403, False),
        (404, False),
        (408, True),
        (409, False),
        (429, True),
        (500, False),
        (502, True),
        (503, True),
        (504, True),
        (520, False),
    ],
)
def test_should_retry_status_defaults(status: int, expected: bool) -> None:
    assert RetryPolicy().should_retry_status(status) is expected


def test_should_retry_error_for_idempotent_operations() -> None:
    policy = RetryPolicy()
    assert policy.should_retry_error(ConnectionFailedError("reset", **WHERE), idempotent=True)
    assert policy.should_retry_error(ClientTimeoutError("read timeout", **WHERE), idempotent=True)
    assert policy.should_retry_error(ServerTimeoutError(408, **WHERE), idempotent=True)
    assert policy.should_retry_error(RateLimitError(429, **WHERE), idempotent=True)
    assert policy.should_retry_error(ServerError(503, **WHERE), idempotent=True)
    assert not policy.should_retry_error(ServerError(500, **WHERE), idempotent=True)


def test_undeclared_operations_are_resent_only_when_the_server_cannot_have_acted() -> None:
    policy = RetryPolicy()
    assert policy.should_retry_error(ConnectionFailedError("refused", **WHERE, sent=False))
    assert policy.should_retry_error(ClientTimeoutError("connect timeout", **WHERE, sent=False))
    assert policy.should_retry_error(RateLimitError(429, **WHERE))  # the server says it did not act
    assert not policy.should_retry_error(ConnectionFailedError("reset after sending", **WHERE))
    assert not policy.should_retry_error(ClientTimeoutError("read timeout", **WHERE))
    for status in (408, 502, 503, 504):
        error = ServerTimeoutError(408, **WHERE) if status == 408 else ServerError(status, **WHERE)
        assert not policy.should_retry_error(error), status


def test_retry_delay_is_bounded_by_the_attempts_and_the_total_wait() -> None:
    policy = RetryPolicy(max_attempts=10, max_total_wait=60.0)
    limited = RateLimitError(429, **WHERE)
    assert policy.retry_delay(1, limited, retry_after=999_999.0) == 60.0  # one wait, capped by max_retry_after
    assert policy.retry_delay(2, limited, retry_after=999_999.0, waited=60.0) is None  # the budget is spent
    assert policy.retry_delay(10, limited, retry_after=1.0) is None  # no attempts left
    assert policy.retry_delay(1, ServerError(500, **WHERE), idempotent=True) is None


def test_should_retry_error() -> None:
    policy = RetryPolicy()
    assert not policy.should_retry_error(BadRequestError(400, **WHERE))
    assert not policy.should_retry_error(NotFoundError(404, **WHERE), idempotent=True)
    assert not policy.should_retry_error(OperationFailedError(200, **WHERE, error_code="DRS.10000010"))
    assert not policy.should_retry_error(InvalidParameterError("x", "y"))
    assert not policy.should_retry_error(RuntimeError("boom"))
    no_conn = RetryPolicy(retry_connection_errors=False)
    assert not no_conn.should_retry_error(ConnectionFailedError("reset", sent=False), idempotent=True)
    assert not no_conn.should_retry_error(ClientTimeoutError("timeout", sent=False), idempotent=True)


# --- backoff ----------------------------------------------------------------------------------


def test_backoff_is_exponential_full_jitter() -> None:
    policy = RetryPolicy(initial_backoff=0.5, max_backoff=8.0)
    top = [policy.backoff_delay(attempt, None, lambda: 1.0) for attempt in range(1, 8)]
    assert top == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert policy.backoff_delay(3, None, lambda: 0.0) == 0.0
    assert policy.backoff_delay(3, None, lambda: 0.25) == 0.5


def test_backoff_with_seeded_random_is_reproducible() -> None:
    policy = RetryPolicy()
    first = [policy.backoff_delay(n, None, random.Random(7)) for n in range(1, 6)]
    second = [policy.backoff_delay(n, None, random.Random(7)) for n in range(1, 6)]
    assert first == second
    assert all(0.0 <= d <= 8.0 for d in first)
    assert 0.0 <= policy.backoff_delay(1) <= 0.5  # default rng


def test_retry_after_wins_and_is_capped() -> None:
    policy = RetryPolicy(max_retry_after=60.0)
    assert policy.backoff_delay(1, 3.0, lambda: 0.0) == 3.0
    assert policy.backoff_delay(1, 0.0, lambda: 1.0) == 0.0
    assert policy.backoff_delay(1, 3600.0, lambda: 0.0) == 60.0
    assert policy.backoff_delay(1, math.inf, lambda: 0.0) == 60.0
    assert policy.backoff_delay(1, -4.0, lambda: 1.0) == 0.0
    assert policy.backoff_delay(1, math.nan, lambda: 1.0) == 0.5  # ignored


@pytest.mark.parametrize("attempt", [0, -1, True, 1.0])
def test_backoff_rejects_bad_attempt(attempt: Any) -> None:
    with pytest.raises(ValueError, match="invalid attempt: must be an int >= 1"):
        RetryPolicy().backoff_delay(attempt)


@pytest.mark.parametrize("fraction", [-0.5, 1.5, math.nan, math.inf])
def test_misbehaving_rng_is_clamped(fraction: float) -> None:
    delay = RetryPolicy().backoff_delay(2, None, lambda: fraction)
    assert 0.0 <= delay <= 1.0


finite = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(
    initial=finite,
    maximum=finite,
    max_retry_after=finite,
    attempt=st.integers(min_value=1, max_value=10**6),
    fraction=st.floats(min_value=0.0, max_value=1.0, exclude_max=True),
    retry_after=st.none() | st.floats(allow_nan=True, allow_infinity=True),
)
def test_delay_is_always_within_bounds(
    initial: float,
    maximum: float,
    max_retry_after: float,
    attempt: int,
    fraction: float,
    retry_after: float | None,
) -> None:
    policy = RetryPolicy(initial_backoff=initial, max_backoff=maximum, max_retry_after=max_retry_after)
    delay = policy.backoff_delay(attempt, retry_after, lambda: fraction)
    assert math.isfinite(delay) and delay >= 0.0
    if retry_after is None or math.isnan(retry_after):
        try:
            exponential = initial * 2 ** (attempt - 1)  # exact int arithmetic, then float
        except OverflowError:
            exponential = math.inf
        assert delay <= min(maximum, exponential)
    else:
        assert delay <= max_retry_after


@given(st.integers(min_value=1, max_value=50), st.randoms(use_true_random=False))
def test_delay_with_random_instances(attempt: int, rng: random.Random) -> None:
    assert 0.0 <= RetryPolicy().backoff_delay(attempt, None, rng) <= 8.0


# --- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3.0),
        ("1.5", 1.5),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("-5", 0.0),
        (".5", 0.5),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:29:00 +0000", 60.0),
        ("Wed, 21 Oct 2015 07:28:10 -0000", 10.0),
        ("Wed, 21 Oct 2015 09:28:05 +0200", 5.0),
        ("Wed, 21 Oct 2015 07:00:00 GMT", 0.0),  # in the past
        (None, None),
        ("", None),
        ("   ", None),
        ("soon", None),
        ("1e3", None),
        ("nan", None),
        ("inf", None),
        ("0x10", None),
        ("3 seconds", None),
        ("Wed, 21 Oct 99999 07:28:00 GMT", None),
        ("Wed, 32 Oct 2015 07:28:00 GMT", None),
        ("Wed, 21 Oct 2015 25:28:00 GMT", None),
        ("9" * 100, None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=lambda: FIXED_NOW) == expected


def test_parse_retry_after_uses_the_clock() -> None:
    value = "Wed, 21 Oct 2015 07:28:30 GMT"
    assert parse_retry_after(value, now=lambda: FIXED_NOW - 10) == 40.0
    assert parse_retry_after(value, now=lambda: math.nan) is None
    assert parse_retry_after("2") == 2.0  # delta-seconds never consults the clock


@given(st.text(max_size=80))
def test_parse_retry_after_never_raises(value: str) -> None:
    result = parse_retry_after(value, now=lambda: FIXED_NOW)
    assert result is None or (math.isfinite(result) and result >= 0.0)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda f: round(f, 3)))
def test_parse_retry_after_seconds_round_trip(seconds: float) -> None:
    assert parse_retry_after(repr(seconds)) == seconds
