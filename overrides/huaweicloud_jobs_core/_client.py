"""The client users build: credentials, project, region, retries and timeouts, given once.

``BaseCloud`` / ``BaseAsyncCloud`` hold the settings and one ``httpx`` client per
service (one connection pool each, reused across calls, closed with the cloud).
The generated ``huaweicloud_jobs.Cloud`` adds one typed attribute per service on
top; nothing here knows which services exist.
"""

from __future__ import annotations

import functools
import os
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

import httpx

from . import _audit, _defaults, _spec
from ._credentials import Credentials, TemporaryCredentials
from ._endpoints import EndpointResolver
from ._exceptions import CredentialsError, InvalidParameterError
from ._ratelimit import MIN_RATE, RateLimiter
from ._retry import RetryPolicy
from ._signing import AkSkAuth
from ._transport import AsyncHttpTransport, HttpTransport, LoopClients

if TYPE_CHECKING:  # the credential chain is imported by from_env(), its only user
    from ._federation import FederationScope, IdTokenExchange
    from ._providers import CredentialProviderChain

DEFAULT_TIMEOUT = _defaults.TIMEOUT
_METADATA_SETTING = "HUAWEICLOUD_JOBS_METADATA"


def _lazy_exchange(location: tuple[str, str] | None) -> IdTokenExchange | None:
    """The OIDC exchange the umbrella names, imported only when a federation source is used."""
    if location is None:
        return None
    module_name, function_name = location

    def exchange(id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
        import importlib

        function: IdTokenExchange = getattr(importlib.import_module(module_name), function_name)
        return function(id_token, idp_id, scope)

    return exchange


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidParameterError(
            "timeout", f"must be a positive number of seconds or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_TIMEOUT.connect or 5.0))


def _rate_limit(value: float | str | None) -> float | bool:
    """``rate_limit=``: True (adaptive), False (off) or a ceiling in requests per second."""
    if value is None:
        return False
    if value == "adaptive":
        return True
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= MIN_RATE:
        raise InvalidParameterError(
            "rate_limit",
            f"must be 'adaptive', None (off) or a number of requests per second >= {MIN_RATE}, got {value!r}",
        )
    return float(value)


def _verify(value: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    """TLS verification: on (the system's CAs, or ``SSL_CERT_FILE``), a CA file or folder, or your context."""
    if isinstance(value, bool | ssl.SSLContext):
        return value
    if isinstance(value, str) and value:
        path = Path(value)
        if path.is_dir():
            return ssl.create_default_context(capath=value)
        if path.is_file():
            return ssl.create_default_context(cafile=value)
        raise InvalidParameterError("verify", f"no CA file or folder at {value!r}")
    raise InvalidParameterError("verify", "must be True, False, a CA file or folder path, or an ssl.SSLContext")


def _expect(name: str, value: object, kind: type | tuple[type, ...], described: str) -> None:
    """A clear error for a setting of the wrong type, instead of a traceback from deep inside httpx."""
    if value is not None and not isinstance(value, kind):
        raise InvalidParameterError(name, f"must be {described}, got {type(value).__name__}")


def _choose_auth(credentials: Credentials | None, token: str | None, auth: httpx.Auth | None) -> httpx.Auth:
    _expect("credentials", credentials, Credentials, "a Credentials(ak=..., sk=...)")
    _expect("token", token, str, "a string")
    _expect("auth", auth, httpx.Auth, "an httpx.Auth")
    given = [name for name, value in (("credentials", credentials), ("token", token), ("auth", auth)) if value]
    if len(given) > 1:
        raise CredentialsError(f"pass only one way to authenticate, got {' and '.join(given)}")
    if auth is not None:
        return auth
    if credentials is not None:
        return AkSkAuth(credentials)
    if token:
        from ._tokens import StaticTokenAuth  # here: AK/SK users never load the token machinery

        return StaticTokenAuth(token)
    raise CredentialsError(
        "no authentication: pass credentials=Credentials(ak, sk) or token=..., "
        "or use from_env() with HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK/CLOUD_SDK_SK) set"
    )


class _CloudBase:
    """Settings shared by the sync and async clouds."""

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        token: str | None = None,
        auth: httpx.Auth | None = None,
        project_id: str | None = None,
        region: str | None = None,
        cloud: str = "huaweicloud",
        endpoints: Mapping[str, str | Sequence[str]] | None = None,
        allow_http: bool = False,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        verify: bool | str | ssl.SSLContext = True,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_response_bytes: int = _defaults.MAX_RESPONSE_BYTES,
        rate_limit: float | str | None = "adaptive",
    ) -> None:
        """The settings of both flavours (each declares its own typed signature and passes them here)."""
        _audit.configure_from_env()
        _expect("project_id", project_id, str, "a string")
        _expect("region", region, str, "a string such as 'cn-north-4'")
        _expect("retry", retry, RetryPolicy, "a RetryPolicy")
        _expect("endpoints", endpoints, Mapping, "a mapping of service name to URL")
        _expect("transport", transport, self._TRANSPORT_KIND, self._TRANSPORT_DESCRIBED)
        _expect("http_client", http_client, self._CLIENT_KIND, self._CLIENT_DESCRIBED)
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1024:
            raise InvalidParameterError(
                "max_response_bytes", f"must be an integer number of bytes >= 1024, got {max_response_bytes!r}"
            )
        self._max_response_bytes = max_response_bytes
        self._rate_limit = _rate_limit(rate_limit)
        self._limiters: dict[tuple[str, tuple[str, ...]], RateLimiter] = {}
        if transport is not None and http_client is not None:
            raise InvalidParameterError("transport", "pass either transport= or http_client=, not both")
        self._http_transport = transport
        self._http_client = http_client
        self._sleep = sleep
        self._clock = clock
        self._credential_chain: CredentialProviderChain | None = None
        self._auth = _choose_auth(credentials, token, auth)
        self._project_id = project_id or (credentials.project_id if credentials else None)
        self._resolver = EndpointResolver(
            region=region,
            cloud=cloud,
            endpoints=dict(endpoints or {}),
            environ=environ,
            allow_http=allow_http,
        )
        self._retry = retry if retry is not None else RetryPolicy()
        self._timeout = _timeout(timeout)
        self._verify = _verify(verify)
        self._lock = threading.Lock()
        self._clients: dict[str, Any] = {}
        self._transports: dict[str, Any] = {}
        self._owns_clients = True

    _TRANSPORT_KIND: ClassVar[type]
    _TRANSPORT_DESCRIBED: ClassVar[str]
    _CLIENT_KIND: ClassVar[type]
    _CLIENT_DESCRIBED: ClassVar[str]
    """What ``transport=`` and ``http_client=`` must be, checked when the cloud is built (each flavour says)."""
    _ID_TOKEN_EXCHANGE: ClassVar[tuple[str, str] | None] = None
    """Where the OIDC exchange lives, as (module, function): the umbrella names the IAM package's."""
    _SERVICE_NAMES: ClassVar[tuple[str, ...]] = ()
    """The services :meth:`explain` reports on (the umbrella sets them)."""

    @classmethod
    def from_env(
        cls,
        region: str | None = None,
        *,
        project_id: str | None = None,
        domain_id: str | None = None,
        ak: str | None = None,
        sk: str | None = None,
        security_token: str | None = None,
        environ: Mapping[str, str] | None = None,
        metadata: bool | None = None,
        **options: Any,
    ) -> Self:
        """Build from wherever the credentials are, as the official SDK looks for them.

        Credentials, unless ``credentials=``, ``token=`` or ``auth=`` is passed, from the first
        source that has them: arguments (``ak=``, ``sk=``...), the environment
        (``HUAWEICLOUD_SDK_AK``/``_SK``/``_SECURITY_TOKEN``, ``CLOUD_SDK_AK``/``_SK``, or OIDC
        federation with ``HUAWEICLOUD_SDK_IDP_ID`` + ``HUAWEICLOUD_SDK_ID_TOKEN_FILE``), the
        profile file (``~/.huaweicloud/credentials``), then the ECS metadata service
        (``metadata=False`` or ``HUAWEICLOUD_JOBS_METADATA=off`` leaves it out;
        ``HUAWEICLOUD_JOBS_METADATA=<url>`` points it elsewhere). Nothing found raises
        ``CredentialsError`` naming every source and why it did not apply. Temporary credentials
        are refreshed before they expire. Project: ``project_id=``, else
        ``HUAWEICLOUD_SDK_PROJECT_ID``, else the credentials'. Region: ``region=``, else
        ``HUAWEICLOUD_SDK_REGION``. :meth:`explain` says what was chosen and why.
        """
        env = os.environ if environ is None else environ
        region = region or env.get("HUAWEICLOUD_SDK_REGION") or None
        project_id = project_id or env.get("HUAWEICLOUD_SDK_PROJECT_ID") or None
        chain: CredentialProviderChain | None = None
        if "token" not in options and "auth" not in options and "credentials" not in options:
            from ._metadata import DEFAULT_METADATA_BASE_URL
            from ._providers import ProviderAkSkAuth, default_credential_chain

            setting = env.get(_METADATA_SETTING) or os.environ.get(_METADATA_SETTING) or ""
            use_metadata = metadata if metadata is not None else setting.lower() not in ("off", "0", "false", "no")
            chain = default_credential_chain(
                ak=ak,
                sk=sk,
                security_token=security_token,
                project_id=project_id,
                domain_id=domain_id,
                environ=environ,
                exchange=_lazy_exchange(cls._ID_TOKEN_EXCHANGE),
                metadata=use_metadata,
                metadata_base_url=setting if "://" in setting else DEFAULT_METADATA_BASE_URL,
            )
            found = chain.get_credentials()  # fails here, naming every source, not on the first call
            project_id = project_id or found.project_id
            options["auth"] = ProviderAkSkAuth(chain)
        cloud = cls(region=region, project_id=project_id, environ=environ, **options)
        cloud._credential_chain = chain
        return cloud

    def explain(self) -> list[str]:
        """How this client was set up: per service, the endpoints and their source; then the credential sources.

        One line each, secrets masked, e.g. ``drs: https://drs.cn-north-4.myhuaweicloud.com from built-in (...)``.
        """
        lines = [str(choice) for choice in self._resolver.explain(self._SERVICE_NAMES)]
        if self._credential_chain is not None:
            lines += [f"credentials: {report}" for report in self._credential_chain.explain()]
        else:
            lines.append(f"credentials: given as an argument ({self._auth!r})")
        return lines

    def with_options(self, *, retry: RetryPolicy | None = None, timeout: float | httpx.Timeout | None = None) -> Self:
        """A view with other retry/timeout settings that shares this cloud's connections.

        ``cloud.with_options(retry=RetryPolicy.disabled()).drs.stop_job(...)``. Closing the
        view does not close the shared connections; close the original.
        """
        view = object.__new__(type(self))
        view.__dict__.update(
            {key: value for key, value in self.__dict__.items() if key in _SHARED_ATTRIBUTES},
            _retry=retry if retry is not None else self._retry,
            _timeout=_timeout(timeout) if timeout is not None else self._timeout,
            _transports={},
            _owns_clients=False,
            _lock=threading.Lock(),
        )
        return view

    def base_url(self, service: str) -> str:
        """The endpoint a service's calls go to."""
        return self._resolver.base_url(service)

    def _client_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "auth": self._auth,
            "timeout": self._timeout,
            "verify": self._verify,
            "headers": {"User-Agent": _defaults.USER_AGENT},
            "limits": _defaults.LIMITS,
        }
        if self._http_transport is not None:
            options["transport"] = self._http_transport
        return options

    def _transport_for(self, package: str, client_class: type[Any], transport_class: type[Any]) -> Any:
        """The package's transport, creating its client (one connection pool per service) on first use."""
        with self._lock:
            transport = self._transports.get(package)
            if transport is None:
                base_url = self._resolver.base_urls(_spec.service_host_prefix(package))
                request_options: dict[str, Any] = {}
                client: Any  # an httpx.Client or AsyncClient (the flavour checked it when built), or LoopClients
                if self._http_client is not None:
                    client = self._http_client
                    request_options.update(auth=self._auth, timeout=self._timeout)
                else:
                    client = self._clients.get(package)
                    if client is None:
                        settings = self._client_options()
                        if client_class is httpx.AsyncClient:  # one client per event loop
                            factory = functools.partial(httpx.AsyncClient, **settings)
                            client = LoopClients(factory, timeout=settings["timeout"])
                        else:
                            client = client_class(**settings)
                        self._clients[package] = client
                    if client.timeout != self._timeout:  # a with_options view: override per request
                        request_options["timeout"] = self._timeout
                options: dict[str, Any] = {
                    "limiter": self._limiter_for(package, base_url),
                    "base_url": base_url,
                    "project_id": self._project_id,
                    "retry": self._retry,
                    "request_options": request_options,
                    "max_response_bytes": self._max_response_bytes,
                }
                if self._sleep is not None:
                    options["sleep"] = self._sleep
                if self._clock is not None:
                    options["clock"] = self._clock
                transport = self._transports[package] = transport_class(client, **options)
            return transport

    def _limiter_for(self, package: str, base_urls: Sequence[str]) -> RateLimiter | None:
        """The one rate limiter of a service endpoint (views made by ``with_options`` share it)."""
        if self._rate_limit is False:
            return None
        key = (package, tuple(base_urls))
        limiter = self._limiters.get(key)
        if limiter is None:
            ceiling = None if self._rate_limit is True else self._rate_limit
            limiter = self._limiters[key] = RateLimiter(ceiling=ceiling, clock=self._clock or time.monotonic)
        return limiter

    def _detach_clients(self) -> list[Any]:
        """Forget every client (for closing); a ``with_options`` view owns none."""
        if not self._owns_clients:
            return []
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
            self._transports.clear()
        return clients

    def __repr__(self) -> str:
        """Safe fields only: the kind of authentication (never its values), project, region and cloud.

        Not the resolver's repr (it holds the ``environ`` mapping the cloud was built from, where
        ``HUAWEICLOUD_SDK_SK`` lives), and not the auth object's: whatever a custom ``httpx.Auth``
        shows is unknown here.
        """
        resolver = self._resolver
        return (
            f"{type(self).__name__}(auth={type(self._auth).__name__}, project_id={self._project_id!r}, "
            f"region={resolver.region!r}, cloud={resolver.cloud!r})"
        )

    __str__ = __repr__


_SHARED_ATTRIBUTES = frozenset(
    {
        "_credential_chain",
        "_auth",
        "_project_id",
        "_resolver",
        "_verify",
        "_clients",
        "_sleep",
        "_clock",
        "_http_transport",
        "_http_client",
        "_max_response_bytes",
        "_rate_limit",
        "_limiters",
    }
)


class BaseCloud(_CloudBase):
    """Synchronous clients. Use as a context manager, or call :meth:`close`."""

    _TRANSPORT_KIND = httpx.BaseTransport
    _TRANSPORT_DESCRIBED = "an httpx transport (httpx.HTTPTransport, httpx.MockTransport); AsyncCloud takes async ones"
    _CLIENT_KIND = httpx.Client
    _CLIENT_DESCRIBED = "an httpx.Client (an httpx.AsyncClient goes with AsyncCloud)"

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        token: str | None = None,
        auth: httpx.Auth | None = None,
        project_id: str | None = None,
        region: str | None = None,
        cloud: str = "huaweicloud",
        endpoints: Mapping[str, str | Sequence[str]] | None = None,
        allow_http: bool = False,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        verify: bool | str | ssl.SSLContext = True,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        max_response_bytes: int = _defaults.MAX_RESPONSE_BYTES,
        rate_limit: float | str | None = "adaptive",
    ) -> None:
        """Settings given once for every service.

        ``sleep`` replaces the wait between retries (``time.sleep`` or ``asyncio.sleep``);
        tests pass a recorder to stay fast; ``clock`` (``time.monotonic``) is what waiters
        measure their deadline with, for tests that fake time. ``transport`` is an httpx transport every
        service's client sends through (``httpx.MockTransport(handler)`` runs without
        sockets); ``http_client`` is an ``httpx.Client`` of yours to send through instead of ours
        (yours to close; signing and retries still apply, per request).
        ``max_response_bytes`` caps one response body, counted after decompression
        (default 8 MiB): a larger success body raises ``ResponseTooLargeError``, a larger
        error body is cut to it.
        ``rate_limit`` is the client-side flow control of each service endpoint (service and
        region), shared by every thread and task of this cloud: ``"adaptive"`` (the default)
        sends freely until the service answers 429, then learns the rate it admits; a number is a
        ceiling in requests per second (adaptive below it); ``None`` turns it off.
        """
        super().__init__(
            credentials=credentials,
            token=token,
            auth=auth,
            project_id=project_id,
            region=region,
            cloud=cloud,
            endpoints=endpoints,
            allow_http=allow_http,
            retry=retry,
            timeout=timeout,
            verify=verify,
            environ=environ,
            sleep=sleep,
            clock=clock,
            transport=transport,
            http_client=http_client,
            max_response_bytes=max_response_bytes,
            rate_limit=rate_limit,
        )

    def _transport(self, package: str) -> HttpTransport:
        transport: HttpTransport = self._transport_for(package, httpx.Client, HttpTransport)
        return transport

    def close(self) -> None:
        for client in self._detach_clients():
            client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class BaseAsyncCloud(_CloudBase):
    """Asyncio clients. Use as an async context manager, or await :meth:`aclose`."""

    _TRANSPORT_KIND = httpx.AsyncBaseTransport
    _TRANSPORT_DESCRIBED = "an httpx transport for asyncio (httpx.AsyncHTTPTransport, httpx.MockTransport)"
    _CLIENT_KIND = httpx.AsyncClient
    _CLIENT_DESCRIBED = "an httpx.AsyncClient (an httpx.Client goes with Cloud)"

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        token: str | None = None,
        auth: httpx.Auth | None = None,
        project_id: str | None = None,
        region: str | None = None,
        cloud: str = "huaweicloud",
        endpoints: Mapping[str, str | Sequence[str]] | None = None,
        allow_http: bool = False,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout | None = None,
        verify: bool | str | ssl.SSLContext = True,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], Any] | None = None,
        clock: Callable[[], float] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_response_bytes: int = _defaults.MAX_RESPONSE_BYTES,
        rate_limit: float | str | None = "adaptive",
    ) -> None:
        """The settings of :class:`BaseCloud`, for asyncio: ``transport`` is an httpx transport for asyncio
        (``httpx.AsyncHTTPTransport``, or ``httpx.MockTransport(handler)``), ``http_client`` an
        ``httpx.AsyncClient`` of yours, and ``sleep`` an ``asyncio.sleep``.
        """
        super().__init__(
            credentials=credentials,
            token=token,
            auth=auth,
            project_id=project_id,
            region=region,
            cloud=cloud,
            endpoints=endpoints,
            allow_http=allow_http,
            retry=retry,
            timeout=timeout,
            verify=verify,
            environ=environ,
            sleep=sleep,
            clock=clock,
            transport=transport,
            http_client=http_client,
            max_response_bytes=max_response_bytes,
            rate_limit=rate_limit,
        )

    def _transport(self, package: str) -> AsyncHttpTransport:
        transport: AsyncHttpTransport = self._transport_for(package, httpx.AsyncClient, AsyncHttpTransport)
        return transport

    async def aclose(self) -> None:
        for client in self._detach_clients():
            await client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
