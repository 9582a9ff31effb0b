"""Handwritten code of the IAM package: issued tokens and the token provider.

Copied into ``huaweicloud_jobs_iam/_patch.py`` by ``nox -s generate`` (the Azure SDK's
``_patch.py`` convention); the package's ``__init__`` exports these names over the
generated ones. Everything goes through the generated IAM operations and the runtime's
transport, like any other call: retries, error mapping and redaction included.

- :class:`Service` / :class:`AsyncService`: ``create_token`` returns an :class:`IssuedToken`,
  which carries the token itself (the ``X-Subject-Token`` response header the spec declares)
  beside the body.
- :class:`IamTokenProvider`: a project-scoped token, obtained with a password or with
  AK/SK (IAM's ``hw_ak_sk`` method), cached and refreshed by the runtime's
  :class:`~huaweicloud_jobs_core.CachedTokenProvider`.
- :func:`exchange_id_token`: OIDC federation for CI runners -- an ID token for a federated
  token (``create_token_with_id_token``), then that token for temporary AK/SK and a security
  token (``create_temporary_access_key_by_token``). ``Cloud.from_env()`` passes it to the
  runtime's credential chain.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx

from huaweicloud_jobs_core import (
    CachedTokenProvider,
    Credentials,
    CredentialsError,
    InvalidParameterError,
    IssuedSecret,
    RawResponse,
    ResponseValidationError,
    RetryPolicy,
    StaticTokenAuth,
)
from huaweicloud_jobs_core.seam import (
    IAM_TIMEOUT,
    TOKEN_REFRESH_MARGIN,
    AsyncHttpTransport,
    FederationScope,
    HttpTransport,
    TemporaryCredentials,
    checked_url,
)
from huaweicloud_jobs_core.types import UNSET, Unset

from . import api
from .models import (
    AkSkIdentity,
    Auth,
    CreateTokenNocatalog,
    Identity,
    IdentityToken,
    IdTokenAuth,
    IdTokenScope,
    IdTokenScopeTarget,
    IdTokenValue,
    NamedDomain,
    PasswordIdentity,
    ProjectScope,
    Scope,
    SecretValue,
    TemporaryAccessKeyAuth,
    TemporaryAccessKeyIdentity,
    TokenResponse,
    User,
)

__all__ = ["AsyncService", "IamTokenProvider", "IssuedToken", "Service", "exchange_id_token"]

DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com"
"""The global IAM endpoint (the official SDK's default for federation)."""

logger = logging.getLogger("huaweicloud_jobs")

SUBJECT_TOKEN_HEADER = "X-Subject-Token"  # noqa: S105 - a header name, not a secret


@attrs.define
class IssuedToken(TokenResponse):
    """IAM's answer to ``create_token``: the body (``token.expires_at``, ...) and the token itself.

    ``subject_token`` is what goes into ``X-Auth-Token``; it is never shown in the repr.
    """

    __module__ = "huaweicloud_jobs"  # where users import it from (reprs, docs, pickling)

    subject_token: str = attrs.field(default="", repr=False, kw_only=True)

    @property
    def expires_at(self) -> float:
        """When the token expires, as POSIX seconds (IAM documents UTC, so a naive time means UTC)."""
        moment = datetime.fromisoformat(self.token.expires_at)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()


def _issued(raw: RawResponse[TokenResponse]) -> IssuedToken:
    """The token from the response header, checked, with the body it came with."""
    token = (raw.header(SUBJECT_TOKEN_HEADER) or "").strip()

    def invalid(reason: str) -> ResponseValidationError:
        return ResponseValidationError(
            service="iam", operation="create_token", status_code=raw.status_code, reason=reason, body=raw.content
        )

    if not token:
        raise invalid(f"the {SUBJECT_TOKEN_HEADER} response header is missing or empty")
    if not token.isascii() or not token.isprintable() or any(c.isspace() for c in token):
        raise invalid(f"the {SUBJECT_TOKEN_HEADER} response header is not a usable header value")
    issued = IssuedToken(token=raw.parsed.token, subject_token=token)
    issued.additional_properties = raw.parsed.additional_properties
    try:
        issued.expires_at  # noqa: B018 - checked once here, so that callers can rely on it
    except ValueError as exc:
        raise invalid(f"token.expires_at is not an ISO 8601 time: {issued.token.expires_at!r}") from exc
    return issued


class Service(api.Service):
    """IAM operations; ``create_token`` returns the issued token with its body."""

    def create_token(self, auth: Auth, *, nocatalog: CreateTokenNocatalog | Unset = UNSET) -> IssuedToken:
        """Obtain a token: ``IssuedToken.subject_token`` is the token, ``token.expires_at`` its expiry."""
        return _issued(self.with_raw_response.create_token(auth, nocatalog=nocatalog))


class AsyncService(api.AsyncService):
    """Asyncio IAM operations; ``create_token`` returns the issued token with its body."""

    async def create_token(self, auth: Auth, *, nocatalog: CreateTokenNocatalog | Unset = UNSET) -> IssuedToken:
        return _issued(await self.with_raw_response.create_token(auth, nocatalog=nocatalog))


class IamTokenProvider(CachedTokenProvider):
    """Obtains, caches and refreshes a project-scoped IAM token.

    Identify with either ``credentials`` (IAM's ``hw_ak_sk`` method) or ``user_name`` +
    ``password`` + ``domain_name`` (the ``password`` method); scope with ``project_id``
    (default: ``credentials.project_id``) or ``project_name``. ``base_url`` is the IAM
    endpoint; plain ``http://`` is refused unless ``allow_http=True``, as the password or
    SK travels in the request body. Caching and single-flight refresh: see
    :class:`~huaweicloud_jobs_core.CachedTokenProvider`.
    """

    __module__ = "huaweicloud_jobs"  # where users import it from (reprs, docs, pickling)

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | None = None,
        user_name: str | None = None,
        password: str | None = None,
        domain_name: str | None = None,
        project_id: str | None = None,
        project_name: str | None = None,
        refresh_margin: float = TOKEN_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        timeout: float | httpx.Timeout = IAM_TIMEOUT,
        verify: ssl.SSLContext | str | bool = True,
        allow_http: bool = False,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        self._base_url = checked_url(base_url, "IAM base_url", allow_http)
        password_parts = {"user_name": user_name, "password": password, "domain_name": domain_name}
        if credentials is not None:
            if any(password_parts.values()):
                raise CredentialsError("pass either credentials=... or user_name/password/domain_name, not both")
            self._method = "hw_ak_sk"
        elif all(password_parts.values()):
            self._method = "password"
        else:
            missing = [name for name, value in password_parts.items() if not value]
            if len(missing) == len(password_parts):
                raise CredentialsError(
                    "no IAM identity: pass credentials=Credentials(ak, sk) or user_name=, password= and domain_name="
                )
            raise CredentialsError(f"password identity is incomplete: {', '.join(missing)} missing")
        if project_id and project_name:
            raise CredentialsError("pass either project_id=... or project_name=..., not both")
        project_id = project_id or (credentials.project_id if credentials is not None else None)
        if not project_id and not project_name:
            raise CredentialsError("a project-scoped token needs project_id=... or project_name=...")
        self._credentials = credentials
        self._user_name = user_name
        # Kept in a closure, not an attribute: vars(), debuggers and reprs never show it.
        self._password = (lambda: password) if password else None
        self._domain_name = domain_name
        self._project_id = project_id or None
        self._project_name = None if project_id else project_name
        self._timeout = _timeout(timeout)
        self._verify = verify
        self._retry = retry if retry is not None else RetryPolicy()
        self._client: httpx.Client | None = None

    def __repr__(self) -> str:
        if self._credentials is not None:
            identity = f"credentials={self._credentials!r}"
        else:
            identity = f"user_name={self._user_name!r}, password='***', domain_name={self._domain_name!r}"
        scope = f"project_id={self._project_id!r}" if self._project_id else f"project_name={self._project_name!r}"
        return (
            f"IamTokenProvider(base_url={self._base_url!r}, method={self._method!r}, {identity}, {scope}, "
            f"refresh_margin={self._refresh_margin!r})"
        )

    def close(self) -> None:
        """Close the HTTP client of :meth:`get_token` (a later call opens a new one)."""
        with self._state_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def _auth(self) -> Auth:
        if self._credentials is not None:
            identity = Identity(
                methods=["hw_ak_sk"],
                hw_ak_sk=AkSkIdentity(
                    access=SecretValue(key=self._credentials.ak), secret=SecretValue(key=self._credentials.sk)
                ),
            )
        else:
            assert self._user_name and self._password and self._domain_name  # checked in __init__
            identity = Identity(
                methods=["password"],
                password=PasswordIdentity(
                    user=User(
                        name=self._user_name, password=self._password(), domain=NamedDomain(name=self._domain_name)
                    )
                ),
            )
        project = ProjectScope(id=self._project_id or UNSET, name=self._project_name or UNSET)
        logger.debug("requesting an IAM token (%s) from %s", self._method, self._base_url)
        return Auth(identity=identity, scope=Scope(project=project))

    def _transport_options(self) -> dict[str, Any]:
        return {"base_url": self._base_url, "project_id": None, "retry": self._retry}

    def _issue(self) -> IssuedSecret:
        with self._state_lock:
            if self._client is None:
                self._client = httpx.Client(timeout=self._timeout, verify=self._verify)
            client = self._client
        service = Service(HttpTransport(client, **self._transport_options()))
        issued = service.create_token(self._auth(), nocatalog="true")
        return IssuedSecret(issued.subject_token, issued.expires_at)

    async def _aissue(self) -> IssuedSecret:
        # A client per refresh: refreshes are hours apart (no kept-alive connection would
        # survive in between) and an AsyncClient is tied to the event loop that first used it.
        async with httpx.AsyncClient(timeout=self._timeout, verify=self._verify) as client:
            service = AsyncService(AsyncHttpTransport(client, **self._transport_options()))
            issued = await service.create_token(self._auth(), nocatalog="true")
        return IssuedSecret(issued.subject_token, issued.expires_at)


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidParameterError(
            "timeout", f"must be a positive number of seconds or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value), connect=min(float(value), IAM_TIMEOUT.connect or 5.0))


def _posix(text: str) -> float:
    moment = datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def exchange_id_token(id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
    """Temporary AK/SK and security token for an OIDC ID token, in two IAM calls through the normal transport.

    The federated token is scoped to ``scope.project_id`` (else ``scope.domain_id``); the temporary
    credentials live ``scope.duration_seconds``. Nothing secret is logged or kept.
    """
    endpoint = scope.iam_endpoint or DEFAULT_IAM_ENDPOINT
    # The ID token travels in the body: http:// only to a server on this machine (a test double).
    loopback = httpx.URL(endpoint).host in ("127.0.0.1", "localhost", "::1")
    base_url = checked_url(endpoint, "IAM endpoint", allow_http=loopback)
    target = (
        IdTokenScope(project=IdTokenScopeTarget(id=scope.project_id))
        if scope.project_id
        else IdTokenScope(domain=IdTokenScopeTarget(id=scope.domain_id))
        if scope.domain_id
        else UNSET
    )
    with httpx.Client(timeout=IAM_TIMEOUT) as client:
        plain = Service(HttpTransport(client, base_url=base_url, project_id=None, retry=RetryPolicy()))
        federated = plain.with_raw_response.create_token_with_id_token(
            IdTokenAuth(id_token=IdTokenValue(id=id_token), scope=target), x_idp_id=idp_id
        )
        token = (federated.header(SUBJECT_TOKEN_HEADER) or "").strip()
        if not token:
            raise ResponseValidationError(
                service="iam",
                operation="create_token_with_id_token",
                status_code=federated.status_code,
                reason=f"the {SUBJECT_TOKEN_HEADER} response header is missing or empty",
            )
        with_token = HttpTransport(
            client,
            base_url=base_url,
            project_id=None,
            retry=RetryPolicy(),
            request_options={"auth": StaticTokenAuth(token)},
        )
        issued = Service(with_token).create_temporary_access_key_by_token(
            TemporaryAccessKeyAuth(
                identity=TemporaryAccessKeyIdentity(
                    methods=["token"], token=IdentityToken(duration_seconds=scope.duration_seconds)
                )
            )
        )
    credential = issued.credential
    if isinstance(credential, Unset):
        raise ResponseValidationError(
            service="iam",
            operation="create_temporary_access_key_by_token",
            status_code=200,
            reason="the response has no credential",
        )
    return TemporaryCredentials(
        Credentials(
            ak=credential.access,
            sk=credential.secret,
            security_token=credential.securitytoken,
            project_id=scope.project_id,
            domain_id=scope.domain_id,
        ),
        expires_at=_posix(credential.expires_at),
    )
