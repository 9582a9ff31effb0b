"""Temporary AK/SK/security token from the ECS instance metadata service.

An ECS server with an agency attached gets temporary credentials from the metadata
service, as the official SDK's ``MetadataAccessor`` reads them:

1. ``PUT {base}/meta-data/latest/api/token`` with ``X-Metadata-Token-Ttl-Seconds: 21600``
   returns a session token (when the service answers 404/405/503 to this, the token is
   not required and the GET below goes without it);
2. ``GET {base}/openstack/latest/securitykey`` with ``X-Metadata-Token`` returns
   ``{"credential": {"access", "secret", "securitytoken", "expires_at"}}``; a 401 (other
   than "Please configure Cloud Service Agency first") means the session token expired:
   a new one is fetched and the GET retried once.

The credentials are refreshed ``refresh_margin`` seconds (default 40 minutes, the
official threshold) before ``expires_at``; one refresh serves all threads.

Bounded time: each request gets ``connect_timeout`` (default 1 s) to connect and
``read_timeout`` (default 2 s) per read, and a whole fetch (the handshake plus a retried GET)
is capped at ``total_timeout`` (default 5 s), inside the sockets (``_deadline``), so a service that
drips its answer is cut there too. A metadata service that is down fails within
that bound with :class:`MetadataCredentialsError` (a :class:`CredentialsNotFoundError`, so a
provider chain reports "no metadata service here" and moves on). Proxies are never used
(``trust_env=False``): the metadata address is link-local.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx

from . import _deadline
from ._credentials import Credentials, CredentialsNotFoundError, TemporaryCredentials
from ._exceptions import CredentialsError, InvalidParameterError
from ._public import publish
from ._refresh import RefreshingCredentialsProvider

__all__ = ["DEFAULT_METADATA_BASE_URL", "MetadataCredentialsError", "MetadataCredentialsProvider"]

DEFAULT_METADATA_BASE_URL = "http://169.254.169.254"
_TOKEN_PATH = "/meta-data/latest/api/token"  # noqa: S105 - a URL path, not a secret
_SECURITY_KEY_PATH = "/openstack/latest/securitykey"
_TOKEN_HEADER = "X-Metadata-Token"  # noqa: S105 - a header name
_TTL_HEADER = "X-Metadata-Token-Ttl-Seconds"
_AGENCY_ERROR = "Please configure Cloud Service Agency first"
_DEFAULT_TOKEN_TTL = 6 * 60 * 60
_DEFAULT_REFRESH_MARGIN = 40 * 60


class MetadataCredentialsError(CredentialsNotFoundError):
    """The ECS metadata service gave no credentials: unreachable, too slow, no agency, or an error status."""


def _positive(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidParameterError(name, f"must be a positive number of seconds, got {value!r}")
    return float(value)


def _first(mapping: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = mapping.get(key)
        if value:
            return value
    return None


def parse_expiry(text: str) -> float:
    """``2026-11-24T09:30:00.000000Z`` as POSIX seconds; a time without a zone is UTC."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def parse_credential_document(
    body: bytes, source: str, *, project_id: str | None = None, domain_id: str | None = None
) -> TemporaryCredentials:
    """Read the JSON the metadata service (and IAM's securitytokens API) return.

    The key spellings are the official SDK's. Error messages never quote the body: it
    holds the secret.
    """
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CredentialsError(f"{source}: the response is not JSON ({type(exc).__name__})") from None
    if not isinstance(document, dict):
        raise CredentialsError(f"{source}: the response is not a JSON object")
    inner = document.get("credential", document.get("credentials", document))
    if not isinstance(inner, dict):
        raise CredentialsError(f"{source}: 'credential' is not a JSON object")
    access = _first(inner, "access", "accessKeyId", "access_key_id")
    secret = _first(inner, "secret", "secretAccessKey", "secret_access_key")
    token = _first(inner, "securitytoken", "securityToken", "security_token")
    expiry = _first(inner, "expires_at", "expiration")
    missing = [name for name, value in (("access", access), ("secret", secret), ("expires_at", expiry)) if not value]
    if missing:
        raise CredentialsError(f"{source}: the response lacks {', '.join(missing)}")
    if not all(isinstance(value, str) for value in (access, secret, expiry)) or not isinstance(token, str | None):
        raise CredentialsError(f"{source}: access, secret, securitytoken and expires_at must be strings")
    try:
        expires_at = parse_expiry(expiry)
    except ValueError:
        raise CredentialsError(f"{source}: expires_at is not an ISO 8601 time: {expiry!r}") from None
    try:
        credentials = Credentials(
            ak=access, sk=secret, security_token=token, project_id=project_id, domain_id=domain_id
        )
    except CredentialsError as exc:
        raise CredentialsError(f"{source}: {exc}") from None
    return TemporaryCredentials(credentials, expires_at)


class MetadataCredentialsProvider(RefreshingCredentialsProvider):
    """Temporary credentials of the ECS server's agency, from the instance metadata service.

    ``base_url`` overrides the metadata address (tests use a loopback server);
    ``project_id``/``domain_id`` are attached to the credentials (the metadata service
    does not return them). ``clock`` returns POSIX seconds (inject one in tests).
    """

    source = "ECS metadata"

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_METADATA_BASE_URL,
        project_id: str | None = None,
        domain_id: str | None = None,
        refresh_margin: float = _DEFAULT_REFRESH_MARGIN,
        connect_timeout: float = 1.0,
        read_timeout: float = 2.0,
        total_timeout: float = 5.0,
        token_ttl: int = _DEFAULT_TOKEN_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        try:
            url = httpx.URL(base_url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise InvalidParameterError("base_url", f"{base_url!r} is not a valid URL") from exc
        if url.scheme not in ("http", "https") or not url.host:
            raise InvalidParameterError("base_url", f"{base_url!r} must be an absolute http:// URL")
        self._base_url = base_url.rstrip("/")
        self._project_id = project_id or None
        self._domain_id = domain_id or None
        self._connect_timeout = _positive("connect_timeout", connect_timeout)
        self._read_timeout = _positive("read_timeout", read_timeout)
        self._total_timeout = _positive("total_timeout", total_timeout)
        if isinstance(token_ttl, bool) or not isinstance(token_ttl, int) or token_ttl <= 0:
            raise InvalidParameterError("token_ttl", f"must be a positive whole number of seconds, got {token_ttl!r}")
        self._token_ttl = token_ttl
        self._api_token: str | None = None
        self._api_token_until = 0.0
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"MetadataCredentialsProvider(base_url={self._base_url!r}, project_id={self._project_id!r}, "
            f"domain_id={self._domain_id!r}, refresh_margin={self._refresh_margin!r})"
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    def close(self) -> None:
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    # -- fetching -------------------------------------------------------------------------------

    def _http(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                self._client = httpx.Client(base_url=self._base_url, trust_env=False, follow_redirects=False)
                _deadline.bind(self._client)
            return self._client

    def _send(self, method: str, path: str, headers: dict[str, str], deadline: float) -> httpx.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: no answer within {self._total_timeout:g} s in total"
            )
        timeout = httpx.Timeout(
            min(self._read_timeout, remaining), connect=min(self._connect_timeout, remaining), pool=remaining
        )
        try:
            return self._http().request(method, path, headers=headers, timeout=timeout)
        except httpx.TimeoutException as exc:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: {method} {path} timed out ({type(exc).__name__}; "
                f"bounds: connect {self._connect_timeout:g} s, read {self._read_timeout:g} s, "
                f"total {self._total_timeout:g} s)"
            ) from None
        except httpx.HTTPError as exc:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: {method} {path} failed ({type(exc).__name__}: {exc}); "
                "not running on an ECS server?"
            ) from None

    def _update_api_token(self, deadline: float, *, required: bool) -> None:
        now = self._clock()
        response = self._send("PUT", _TOKEN_PATH, {_TTL_HEADER: str(self._token_ttl)}, deadline)
        if response.status_code == 200:
            token = response.text.strip()
            if not token or not token.isascii() or not token.isprintable():
                raise MetadataCredentialsError(f"ECS metadata at {self._base_url}: the session token is unusable")
            self._api_token = token
            self._api_token_until = now + self._token_ttl - min(60.0, self._token_ttl / 2)
        elif response.status_code in (404, 405, 503) and not required:
            self._api_token = None  # an older metadata service: the GET goes without a session token
            self._api_token_until = now + self._token_ttl
        else:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: PUT {_TOKEN_PATH} answered HTTP {response.status_code}"
            )

    def _fetch(self) -> TemporaryCredentials:
        with _deadline.within(self._total_timeout, "the ECS metadata total timeout"):
            return self._fetch_within(time.monotonic() + self._total_timeout)

    def _fetch_within(self, deadline: float) -> TemporaryCredentials:
        if self._clock() >= self._api_token_until:
            self._update_api_token(deadline, required=False)
        headers = {_TOKEN_HEADER: self._api_token} if self._api_token else {}
        response = self._send("GET", _SECURITY_KEY_PATH, headers, deadline)
        if response.status_code == 401 and _AGENCY_ERROR not in response.text:
            self._update_api_token(deadline, required=True)
            headers = {_TOKEN_HEADER: self._api_token} if self._api_token else {}
            response = self._send("GET", _SECURITY_KEY_PATH, headers, deadline)
        if response.status_code == 401 and _AGENCY_ERROR in response.text:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: this server has no agency attached ({_AGENCY_ERROR})"
            )
        if response.status_code != 200:
            raise MetadataCredentialsError(
                f"ECS metadata at {self._base_url}: GET {_SECURITY_KEY_PATH} answered HTTP {response.status_code}"
            )
        return parse_credential_document(
            response.content,
            f"ECS metadata at {self._base_url}",
            project_id=self._project_id,
            domain_id=self._domain_id,
        )


publish(MetadataCredentialsError, MetadataCredentialsProvider)
