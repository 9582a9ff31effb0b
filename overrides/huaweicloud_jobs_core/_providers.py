"""Where credentials come from: small providers, and a chain in the official SDK's order.

Each source is a provider usable on its own, with one method, ``get_credentials()``:

* :class:`ArgumentsCredentialsProvider` -- ``ak=``/``sk=`` passed in code;
* :class:`EnvironmentCredentialsProvider` -- ``HUAWEICLOUD_SDK_AK``/``_SK`` (with
  ``_SECURITY_TOKEN``, ``_PROJECT_ID``, ``_DOMAIN_ID``), else ``CLOUD_SDK_AK``/``_SK``; or
  OIDC federation when ``HUAWEICLOUD_SDK_IDP_ID`` and ``HUAWEICLOUD_SDK_ID_TOKEN_FILE`` are
  both set (as in the official SDK, federation wins over an AK/SK pair of the same source);
* :class:`ProfileCredentialsProvider` -- ``~/.huaweicloud/credentials`` or
  ``HUAWEICLOUD_SDK_CREDENTIALS_FILE``, INI with ``[basic]`` (project-scoped) and
  ``[global]`` (domain-scoped) sections, read with :mod:`configparser` exactly as the
  official ``ProfileCredentialProvider`` reads it (same keys, same interpolation);
* :class:`~huaweicloud_jobs_core._federation.FederationCredentialsProvider` and
  :class:`~huaweicloud_jobs_core._metadata.MetadataCredentialsProvider` for temporary
  credentials.

:class:`CredentialProviderChain` asks its providers in order and keeps the first that
has credentials. A source that is simply absent raises :class:`CredentialsNotFoundError`
and the chain moves on; a source that is present but wrong (half an AK/SK pair, a
malformed file) raises :class:`CredentialsError` and stops the chain -- falling through to
another account's credentials would be worse than failing. :meth:`~CredentialProviderChain.explain`
tells which source was chosen and why the others were not (secrets masked).

:class:`ProviderAkSkAuth` signs each request with the provider's *current* credentials,
so that temporary credentials are replaced before they expire.
"""

from __future__ import annotations

import configparser
import os
import stat
import sys
import threading
import time
import warnings
from collections.abc import AsyncGenerator, Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import httpx

from ._credentials import (
    _DOC_AK,
    _DOC_SK,
    _HW_AK,
    _HW_DOMAIN_ID,
    _HW_PROJECT_ID,
    _HW_SK,
    Credentials,
    CredentialsNotFoundError,
    _mask,
)
from ._exceptions import CredentialsError, InvalidParameterError
from ._federation import FederationCredentialsProvider, IdTokenExchange
from ._metadata import DEFAULT_METADATA_BASE_URL, MetadataCredentialsProvider
from ._public import publish
from ._signing import AkSkAuth, Algorithm

__all__ = [
    "ArgumentsCredentialsProvider",
    "CredentialProvider",
    "CredentialProviderChain",
    "CredentialsNotFoundError",
    "EnvironmentCredentialsProvider",
    "ProfileCredentialsProvider",
    "ProviderAkSkAuth",
    "SourceReport",
    "StaticCredentialsProvider",
    "credentials_file_path",
    "default_credential_chain",
]

ENV_IDP_ID = "HUAWEICLOUD_SDK_IDP_ID"
ENV_ID_TOKEN_FILE = "HUAWEICLOUD_SDK_ID_TOKEN_FILE"  # noqa: S105 - a variable name
ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT"
ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"

Section = Literal["basic", "global"]


@runtime_checkable
class CredentialProvider(Protocol):
    """Anything with ``get_credentials()``; ``source`` names it in explanations and errors."""

    source: str

    def get_credentials(self) -> Credentials: ...


def _describe(credentials: Credentials) -> str:
    parts = [f"AK {_mask(credentials.ak)}"]
    if credentials.security_token:
        parts.append("with a security token")
    if credentials.project_id:
        parts.append(f"project {credentials.project_id}")
    if credentials.domain_id:
        parts.append(f"domain {credentials.domain_id}")
    return ", ".join(parts)


class StaticCredentialsProvider:
    """Always the same :class:`Credentials`."""

    source = "static"

    def __init__(self, credentials: Credentials) -> None:
        if not isinstance(credentials, Credentials):
            raise InvalidParameterError("credentials", f"must be Credentials, got {type(credentials).__name__}")
        self._credentials = credentials
        self.reason = f"credentials given in code ({_describe(credentials)})"

    def __repr__(self) -> str:
        return f"StaticCredentialsProvider({self._credentials!r})"

    def get_credentials(self) -> Credentials:
        return self._credentials

    current = get_credentials


class ArgumentsCredentialsProvider:
    """``ak=``/``sk=`` (with ``security_token=``, ``project_id=``, ``domain_id=``) passed in code."""

    source = "arguments"

    def __init__(
        self,
        *,
        ak: str | None = None,
        sk: str | None = None,
        security_token: str | None = None,
        project_id: str | None = None,
        domain_id: str | None = None,
    ) -> None:
        self._credentials: Credentials | None = None
        self.reason = "neither ak= nor sk= was passed"
        if not ak and not sk:
            return
        if not ak or not sk:
            missing, given = ("sk=", "ak=") if ak else ("ak=", "sk=")
            raise CredentialsError(f"AK/SK credentials are incomplete: {given} was passed but {missing} was not")
        self._credentials = Credentials(
            ak=ak, sk=sk, security_token=security_token, project_id=project_id, domain_id=domain_id
        )
        self.reason = f"ak= and sk= were passed ({_describe(self._credentials)})"

    def __repr__(self) -> str:
        return f"ArgumentsCredentialsProvider({self._credentials!r})"

    def get_credentials(self) -> Credentials:
        if self._credentials is None:
            raise CredentialsNotFoundError(f"arguments: {self.reason}")
        return self._credentials


class _Resolving:
    """A provider that looks its source up once, on first use, then delegates to what it found."""

    source = "?"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._delegate: CredentialProvider | None = None
        self.reason = "not tried yet"

    def _resolve(self) -> CredentialProvider:
        raise NotImplementedError

    def get_credentials(self) -> Credentials:
        delegate = self._delegate
        if delegate is None:
            with self._lock:
                delegate = self._delegate
                if delegate is None:
                    delegate = self._delegate = self._resolve()
        return delegate.get_credentials()

    def current(self) -> Credentials | None:
        """The credentials if they can be had without I/O, else ``None``."""
        delegate = self._delegate
        if delegate is None:
            return None
        peek = getattr(delegate, "current", None)
        return peek() if callable(peek) else delegate.get_credentials()

    @property
    def delegate(self) -> CredentialProvider | None:
        """What the source resolved to (static credentials or a federation provider), once used."""
        return self._delegate


def _env_or_os(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def _federation(
    where: str,
    exchange: IdTokenExchange | None,
    clock: Callable[[], float],
    *,
    idp_id: str,
    id_token_file: str,
    iam_endpoint: str | None,
    project_id: str | None,
    domain_id: str | None,
) -> FederationCredentialsProvider:
    if exchange is None:
        raise CredentialsError(
            f"{where} configures OIDC federation (idp_id and id_token_file), but no ID token exchange is available; "
            "pass exchange=... to use it"
        )
    return FederationCredentialsProvider(
        idp_id=idp_id,
        id_token_file=id_token_file,
        exchange=exchange,
        iam_endpoint=iam_endpoint,
        project_id=project_id,
        domain_id=domain_id,
        clock=clock,
    )


class EnvironmentCredentialsProvider(_Resolving):
    """Credentials from environment variables, read once on first use.

    ``HUAWEICLOUD_SDK_IDP_ID`` + ``HUAWEICLOUD_SDK_ID_TOKEN_FILE`` (both set) select OIDC
    federation through ``exchange`` (``HUAWEICLOUD_SDK_IAM_ENDPOINT`` is passed on).
    Otherwise AK/SK as :meth:`Credentials.from_env` reads them: ``HUAWEICLOUD_SDK_AK``/``SK``
    (with ``HUAWEICLOUD_SDK_SECURITY_TOKEN``), else ``CLOUD_SDK_AK``/``SK``.
    ``HUAWEICLOUD_SDK_PROJECT_ID`` and ``HUAWEICLOUD_SDK_DOMAIN_ID`` go with either.
    """

    source = "environment"

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        *,
        exchange: IdTokenExchange | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self._environ = environ
        self._exchange = exchange
        self._clock = clock

    def __repr__(self) -> str:
        return f"EnvironmentCredentialsProvider(delegate={self._delegate!r})"

    def _resolve(self) -> CredentialProvider:
        env = _env_or_os(self._environ)
        idp_id, token_file = env.get(ENV_IDP_ID) or None, env.get(ENV_ID_TOKEN_FILE) or None
        project_id, domain_id = env.get(_HW_PROJECT_ID) or None, env.get(_HW_DOMAIN_ID) or None
        if idp_id and token_file:
            provider = _federation(
                f"the environment ({ENV_IDP_ID}, {ENV_ID_TOKEN_FILE})",
                self._exchange,
                self._clock,
                idp_id=idp_id,
                id_token_file=token_file,
                iam_endpoint=env.get(ENV_IAM_ENDPOINT) or None,
                project_id=project_id,
                domain_id=domain_id,
            )
            self.reason = (
                f"{ENV_IDP_ID} and {ENV_ID_TOKEN_FILE} are set: OIDC federation with identity provider {idp_id}"
            )
            return provider
        if not any(env.get(name) for name in (_HW_AK, _HW_SK, _DOC_AK, _DOC_SK)):
            self.reason = f"none of {_HW_AK}, {_HW_SK}, {_DOC_AK}, {_DOC_SK} is set"
            if idp_id or token_file:
                have, lack = (ENV_IDP_ID, ENV_ID_TOKEN_FILE) if idp_id else (ENV_ID_TOKEN_FILE, ENV_IDP_ID)
                raise CredentialsError(f"OIDC federation is incomplete: {have} is set but {lack} is not")
            raise CredentialsNotFoundError(f"environment: {self.reason}")
        credentials = Credentials.from_env(env)
        names = f"{_HW_AK} and {_HW_SK}" if env.get(_HW_AK) or env.get(_HW_SK) else f"{_DOC_AK} and {_DOC_SK}"
        self.reason = f"{names} are set ({_describe(credentials)})"
        static = StaticCredentialsProvider(credentials)
        static.source = "environment"
        return static


def _home(env: Mapping[str, str]) -> str | None:
    """The home directory as the official SDK finds it: ``HOME`` (``USERPROFILE`` on Windows)."""
    home = env.get("USERPROFILE") if sys.platform.startswith("win32") else env.get("HOME")
    return home or None


def credentials_file_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """``HUAWEICLOUD_SDK_CREDENTIALS_FILE``, else ``$HOME/.huaweicloud/credentials`` (``None`` without a home)."""
    env = _env_or_os(environ)
    explicit = env.get(ENV_CREDENTIALS_FILE)
    if explicit:
        return Path(explicit)
    home = _home(env)
    return Path(home, ".huaweicloud", "credentials") if home else None


def _config_error(path: Path, exc: configparser.Error) -> CredentialsError:
    """Name the file and the line or key, never the line's text (it may hold the SK)."""
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return CredentialsError(
            f"credentials file {str(path)!r}: line {exc.lineno}: expected a section header such as [basic] first"
        )
    if isinstance(exc, configparser.ParsingError):
        lines = ", ".join(str(lineno) for lineno, _ in exc.errors)
        return CredentialsError(f"credentials file {str(path)!r}: cannot parse line {lines} (expected 'key = value')")
    if isinstance(exc, configparser.DuplicateOptionError):
        return CredentialsError(
            f"credentials file {str(path)!r}: line {exc.lineno}: key {exc.option!r} repeated in [{exc.section}]"
        )
    if isinstance(exc, configparser.DuplicateSectionError):
        return CredentialsError(f"credentials file {str(path)!r}: line {exc.lineno}: section [{exc.section}] repeated")
    if isinstance(exc, configparser.InterpolationError):
        return CredentialsError(
            f"credentials file {str(path)!r}: [{exc.section}] key {exc.option!r}: bad '%' interpolation "
            "(write a literal % as %%)"
        )
    return CredentialsError(f"credentials file {str(path)!r}: {type(exc).__name__}")


def _warn_if_exposed(path: Path, mode: int) -> None:
    if os.name == "posix" and mode & (stat.S_IRGRP | stat.S_IROTH):
        warnings.warn(
            f"credentials file {str(path)!r} is readable by other users (mode {stat.S_IMODE(mode):04o}); "
            f"run: chmod 600 {path}",
            UserWarning,
            stacklevel=4,
        )


class ProfileCredentialsProvider(_Resolving):
    """Credentials from the profile file, read once on first use.

    ``section="basic"`` (project-scoped, the default) or ``"global"`` (domain-scoped), with the
    official provider's keys: ``ak``, ``sk``, ``security_token``, ``project_id``, ``domain_id``,
    ``iam_endpoint``, ``idp_id``, ``id_token_file``. ``idp_id`` + ``id_token_file`` select OIDC
    federation (through ``exchange``), ahead of ``ak``/``sk``, as in the official SDK.

    ``path`` overrides the location (default :func:`credentials_file_path`). A file readable
    by other users triggers a :class:`UserWarning` naming the file and its mode.
    """

    source = "profile file"

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        section: Section = "basic",
        environ: Mapping[str, str] | None = None,
        exchange: IdTokenExchange | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        if section not in ("basic", "global"):
            raise InvalidParameterError("section", f"must be 'basic' or 'global', not {section!r}")
        self._path = Path(path) if path is not None else None
        self._section: Section = section
        self._environ = environ
        self._exchange = exchange
        self._clock = clock

    def __repr__(self) -> str:
        return f"ProfileCredentialsProvider(path={self._path_str()!r}, section={self._section!r})"

    def _path_str(self) -> str | None:
        path = self._path if self._path is not None else credentials_file_path(self._environ)
        return None if path is None else str(path)

    def _resolve(self) -> CredentialProvider:
        path = self._path if self._path is not None else credentials_file_path(self._environ)
        if path is None:
            self.reason = f"{ENV_CREDENTIALS_FILE} is not set and there is no home directory"
            raise CredentialsNotFoundError(f"profile file: {self.reason}")
        try:
            info = path.stat()
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            self.reason = f"{str(path)!r} does not exist"
            raise CredentialsNotFoundError(f"profile file: {self.reason}") from None
        except UnicodeDecodeError as exc:
            raise CredentialsError(f"credentials file {str(path)!r}: not UTF-8 (byte {exc.start})") from None
        except OSError as exc:
            raise CredentialsError(f"credentials file {str(path)!r}: cannot read it ({type(exc).__name__})") from None
        _warn_if_exposed(path, info.st_mode)

        parser = configparser.ConfigParser()  # the official provider's parser, interpolation included
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error as exc:
            raise _config_error(path, exc) from None
        where = f"credentials file {str(path)!r} [{self._section}]"
        if not parser.has_section(self._section):
            self.reason = f"{str(path)!r} has no [{self._section}] section"
            raise CredentialsNotFoundError(f"profile file: {self.reason}")
        try:
            values = dict(parser.items(self._section))
        except configparser.Error as exc:
            raise _config_error(path, exc) from None

        ak, sk = values.get("ak") or None, values.get("sk") or None
        idp_id, token_file = values.get("idp_id") or None, values.get("id_token_file") or None
        project_id, domain_id = values.get("project_id") or None, values.get("domain_id") or None
        if idp_id and token_file:
            provider = _federation(
                where,
                self._exchange,
                self._clock,
                idp_id=idp_id,
                id_token_file=token_file,
                iam_endpoint=values.get("iam_endpoint") or None,
                project_id=project_id,
                domain_id=domain_id,
            )
            self.reason = f"{where} sets idp_id and id_token_file: OIDC federation with identity provider {idp_id}"
            return provider
        if ak and sk:
            try:
                credentials = Credentials(
                    ak=ak,
                    sk=sk,
                    security_token=values.get("security_token"),
                    project_id=project_id,
                    domain_id=domain_id,
                )
            except CredentialsError as exc:
                raise CredentialsError(f"{where}: {exc}") from None
            self.reason = f"{where} sets ak and sk ({_describe(credentials)})"
            static = StaticCredentialsProvider(credentials)
            static.source = "profile file"
            return static
        if ak or sk:
            raise CredentialsError(f"{where}: key {'sk' if ak else 'ak'!r} is missing or empty (the other is set)")
        if idp_id or token_file:
            raise CredentialsError(
                f"{where}: key {'id_token_file' if idp_id else 'idp_id'!r} is missing or empty (the other is set)"
            )
        self.reason = f"{where} sets neither ak/sk nor idp_id/id_token_file"
        raise CredentialsNotFoundError(f"profile file: {self.reason}")


@dataclass(frozen=True, slots=True)
class SourceReport:
    """One line of :meth:`CredentialProviderChain.explain`: a source, what happened, and why."""

    source: str
    outcome: Literal["chosen", "skipped", "failed", "not tried"]
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.outcome} ({self.reason})"


class CredentialProviderChain:
    """Asks providers in order; the first with credentials is used from then on.

    The choice is made once, on the first ``get_credentials()`` (thread-safe); later calls
    go straight to the chosen provider, so temporary credentials keep being refreshed.
    """

    source = "credential chain"

    def __init__(self, providers: Sequence[CredentialProvider]) -> None:
        if not providers:
            raise InvalidParameterError("providers", "must not be empty")
        self._providers = tuple(providers)
        self._chosen: CredentialProvider | None = None
        self._reports: list[SourceReport] = [SourceReport(p.source, "not tried", "not tried yet") for p in providers]
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        chosen = "" if self._chosen is None else f", chosen={self._chosen.source!r}"
        return f"CredentialProviderChain([{', '.join(p.source for p in self._providers)}]{chosen})"

    @property
    def providers(self) -> tuple[CredentialProvider, ...]:
        return self._providers

    @property
    def chosen(self) -> CredentialProvider | None:
        """The provider in use, once :meth:`get_credentials` has succeeded."""
        return self._chosen

    def current(self) -> Credentials | None:
        """The chosen provider's credentials if they can be had without I/O, else ``None``."""
        chosen = self._chosen
        if chosen is None:
            return None
        peek = getattr(chosen, "current", None)
        return peek() if callable(peek) else chosen.get_credentials()

    def get_credentials(self) -> Credentials:
        chosen = self._chosen
        if chosen is not None:
            return chosen.get_credentials()
        with self._lock:
            if self._chosen is not None:
                return self._chosen.get_credentials()
            return self._choose()

    def explain(self) -> list[SourceReport]:
        """Per source, in order: chosen / skipped (and why) / failed / not tried. Secrets are masked."""
        return list(self._reports)

    def _choose(self) -> Credentials:
        reports: list[SourceReport] = []
        for index, provider in enumerate(self._providers):
            try:
                credentials = provider.get_credentials()
            except CredentialsNotFoundError as exc:
                reports.append(SourceReport(provider.source, "skipped", _strip_source(provider.source, str(exc))))
                continue
            except CredentialsError as exc:
                reports.append(SourceReport(provider.source, "failed", str(exc)))
                reports += [
                    SourceReport(p.source, "not tried", "an earlier source failed")
                    for p in self._providers[index + 1 :]
                ]
                self._reports = reports
                raise
            reason = getattr(provider, "reason", None) or _describe(credentials)
            reports.append(SourceReport(provider.source, "chosen", reason))
            reports += [
                SourceReport(p.source, "not tried", f"{provider.source} was chosen")
                for p in self._providers[index + 1 :]
            ]
            self._reports = reports
            self._chosen = provider
            return credentials
        self._reports = reports
        tried = "; ".join(f"{report.source}: {report.reason}" for report in reports)
        raise CredentialsNotFoundError(f"no credentials found. Tried, in order: {tried}")


def _strip_source(source: str, message: str) -> str:
    prefix = f"{source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def default_credential_chain(
    *,
    ak: str | None = None,
    sk: str | None = None,
    security_token: str | None = None,
    project_id: str | None = None,
    domain_id: str | None = None,
    environ: Mapping[str, str] | None = None,
    credentials_file: str | os.PathLike[str] | None = None,
    section: Section = "basic",
    exchange: IdTokenExchange | None = None,
    metadata: bool = True,
    metadata_base_url: str = DEFAULT_METADATA_BASE_URL,
    clock: Callable[[], float] = time.time,
) -> CredentialProviderChain:
    """Arguments > environment > profile file > ECS metadata (federation inside env/profile when configured).

    ``project_id``/``domain_id`` (else ``HUAWEICLOUD_SDK_PROJECT_ID``/``_DOMAIN_ID``) are
    attached to metadata credentials; arguments, environment and profile carry their own.
    ``metadata=False`` leaves the metadata service out (it costs up to 5 s where there is none).
    """
    env = _env_or_os(environ)
    providers: list[CredentialProvider] = [
        ArgumentsCredentialsProvider(
            ak=ak, sk=sk, security_token=security_token, project_id=project_id, domain_id=domain_id
        ),
        EnvironmentCredentialsProvider(environ, exchange=exchange, clock=clock),
        ProfileCredentialsProvider(credentials_file, section=section, environ=environ, exchange=exchange, clock=clock),
    ]
    if metadata:
        providers.append(
            MetadataCredentialsProvider(
                base_url=metadata_base_url,
                project_id=project_id or env.get(_HW_PROJECT_ID) or None,
                domain_id=domain_id or env.get(_HW_DOMAIN_ID) or None,
                clock=clock,
            )
        )
    return CredentialProviderChain(providers)


class ProviderAkSkAuth(httpx.Auth):
    """Like :class:`~huaweicloud_jobs_core._signing.AkSkAuth`, with the provider's current credentials.

    Each request asks ``provider.get_credentials()`` (cheap while cached) and signs with an
    :class:`AkSkAuth` built once per credentials object, so refreshed temporary credentials
    take effect on the next request. For static credentials use :class:`AkSkAuth` directly:
    it skips the lookup. In ``httpx.AsyncClient``, a refresh (network I/O) runs in a worker
    thread so that it does not block the event loop.
    """

    requires_request_body = True

    def __init__(
        self,
        provider: CredentialProvider,
        *,
        algorithm: Algorithm = "SDK-HMAC-SHA256",
        scope: Literal["project", "global"] = "project",
    ) -> None:
        if scope not in ("project", "global"):
            raise InvalidParameterError("scope", f"must be 'project' or 'global', not {scope!r}")
        self._provider = provider
        self._algorithm: Algorithm = algorithm
        self._scope: Literal["project", "global"] = scope
        self._cached: tuple[Credentials, AkSkAuth] | None = None

    def __repr__(self) -> str:
        return f"ProviderAkSkAuth(provider={self._provider!r}, algorithm={self._algorithm!r}, scope={self._scope!r})"

    @property
    def provider(self) -> CredentialProvider:
        return self._provider

    def _auth_for(self, credentials: Credentials) -> AkSkAuth:
        cached = self._cached  # one tuple: read and replaced atomically
        if cached is not None and cached[0] is credentials:
            return cached[1]
        auth = AkSkAuth(credentials, algorithm=self._algorithm, scope=self._scope)
        self._cached = (credentials, auth)
        return auth

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        auth = self._auth_for(self._provider.get_credentials())
        yield from auth.auth_flow(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        peek = getattr(self._provider, "current", None)
        peeked = peek() if callable(peek) else None
        credentials = peeked if isinstance(peeked, Credentials) else None
        if credentials is None:
            import asyncio  # only async callers pay for it

            credentials = await asyncio.to_thread(self._provider.get_credentials)
        flow = self._auth_for(credentials).auth_flow(request)
        outgoing = next(flow)
        while True:
            response = yield outgoing
            try:
                outgoing = flow.send(response)
            except StopIteration:
                break


publish(
    ArgumentsCredentialsProvider,
    CredentialProvider,
    CredentialProviderChain,
    EnvironmentCredentialsProvider,
    ProfileCredentialsProvider,
    ProviderAkSkAuth,
    SourceReport,
    StaticCredentialsProvider,
)
