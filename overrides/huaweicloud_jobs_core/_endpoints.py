"""Where each service lives: base URLs from region and cloud, or explicit overrides.

Resolution order for one service:

1. an explicit endpoint passed for that service (``endpoints={"drs": "https://..."}``, or a
   list of URLs);
2. the environment variable ``HUAWEICLOUD_JOBS_<SERVICE>_ENDPOINT`` (e.g. ``HUAWEICLOUD_JOBS_DRS_ENDPOINT``);
3. the official SDK's ``HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION_ID>`` (comma-separated URLs);
4. the official SDK's regions file (``HUAWEICLOUD_SDK_REGIONS_FILE`` or ``~/.huaweicloud/regions.yaml``);
5. the region and cloud profile: ``https://{service}.{region}.{domain}`` (any well-formed
   region id, known or not).

Where several endpoints are given for a service, :meth:`EndpointResolver.base_urls` lists
them in order (the transport moves to the next on a connection failure).
:meth:`EndpointResolver.explain` tells, per service, which endpoints were chosen and from
which source.

Plain ``http://`` endpoints are refused unless ``allow_http=True`` (a local test server).

The resolver keeps only the environment variables it reads (the two families above, the
regions file variable and the home directory), never the whole mapping: ``repr()`` of a
resolver must not show ``HUAWEICLOUD_SDK_SK``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import httpx

from . import _regions
from ._exceptions import HuaweiCloudJobsError
from ._public import publish


class EndpointError(HuaweiCloudJobsError, ValueError):
    """No usable endpoint for a service (no region, bad URL, or http:// without opting in)."""


@dataclass(frozen=True, slots=True)
class CloudProfile:
    """The domain a cloud's regional endpoints live under, with per-region exceptions."""

    name: str
    domain: str
    region_domains: Mapping[str, str] = field(default_factory=dict)

    def host(self, service: str, region: str) -> str:
        return f"{service}.{region}.{self.region_domains.get(region, self.domain)}"


HUAWEI_CLOUD = CloudProfile(
    name="huaweicloud",
    domain="myhuaweicloud.com",
    # Regions operated under a separate domain.
    region_domains={"eu-west-101": "myhuaweicloud.eu"},
)
OPEN_TELEKOM_CLOUD = CloudProfile(
    name="otc",
    domain="otc.t-systems.com",
    # The Swiss region is served from the "sc" sub-domain.
    region_domains={"eu-ch2": "sc.otc.t-systems.com"},
)
PROFILES = {profile.name: profile for profile in (HUAWEI_CLOUD, OPEN_TELEKOM_CLOUD)}


def env_variable(service: str) -> str:
    return f"HUAWEICLOUD_JOBS_{service.upper()}_ENDPOINT"


def checked_url(url: str, source: str, allow_http: bool) -> str:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise EndpointError(f"{source}: {url!r} is not a valid URL") from exc
    if parsed.scheme not in ("https", "http") or not parsed.host:
        raise EndpointError(f"{source}: {url!r} must be an absolute https:// URL")
    if parsed.scheme == "http" and not allow_http:
        raise EndpointError(
            f"{source}: {url!r} uses plain http; pass allow_http=True to use it (only for a local or test server)"
        )
    return url.rstrip("/")


@dataclass(frozen=True, slots=True)
class EndpointChoice:
    """How one service's endpoints were chosen: the URLs in order, the source, and why."""

    service: str
    urls: tuple[str, ...]
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.service}: {', '.join(self.urls)} from {self.source} ({self.reason})"


def _relevant(name: str) -> bool:
    return (
        (name.startswith("HUAWEICLOUD_JOBS_") and name.endswith("_ENDPOINT"))
        or name.startswith(_regions.ENV_REGION_PREFIX)
        or name in (_regions.ENV_REGIONS_FILE, "HOME", "USERPROFILE")
    )


class EndpointResolver:
    """Base URLs per service; see the module docstring for the order of sources.

    ``environ`` (default: ``os.environ``, read when a service is resolved) is consulted only
    for endpoint variables; when a mapping is passed, just those variables are copied from it.
    """

    __slots__ = ("_allow_http", "_cloud", "_endpoints", "_env", "_lock", "_region", "_regions_table")

    def __init__(
        self,
        region: str | None = None,
        cloud: str = "huaweicloud",
        endpoints: Mapping[str, str | Sequence[str]] | None = None,
        environ: Mapping[str, str] | None = None,
        allow_http: bool = False,
    ) -> None:
        if cloud not in PROFILES:
            raise EndpointError(f"unknown cloud {cloud!r}; choose one of {', '.join(sorted(PROFILES))}")
        if region is not None and region != "" and not _regions.is_region_id(region):
            raise EndpointError(
                f"{region!r} cannot be a region id: use lower-case letters, digits and dashes, such as 'cn-north-4'"
            )
        self._region = region or None
        self._cloud = cloud
        self._endpoints = dict(endpoints or {})
        self._allow_http = allow_http
        # Only the variables endpoint resolution reads; None means "read os.environ when needed".
        self._env: dict[str, str] | None = (
            None if environ is None else {k: v for k, v in environ.items() if _relevant(k)}
        )
        self._lock = threading.Lock()
        self._regions_table: tuple[str | None, dict[str, list[str]]] | None = None

    @property
    def region(self) -> str | None:
        return self._region

    @property
    def cloud(self) -> str:
        return self._cloud

    @property
    def endpoints(self) -> Mapping[str, str | Sequence[str]]:
        return dict(self._endpoints)

    @property
    def allow_http(self) -> bool:
        return self._allow_http

    def __repr__(self) -> str:
        return (
            f"EndpointResolver(region={self._region!r}, cloud={self._cloud!r}, "
            f"endpoints={self._endpoints!r}, allow_http={self._allow_http!r})"
        )

    def base_url(self, service: str) -> str:
        """The first (preferred) endpoint of ``service``."""
        return self.choose(service).urls[0]

    def base_urls(self, service: str) -> list[str]:
        """Every endpoint of ``service``, in the order to try them."""
        return list(self.choose(service).urls)

    def explain(self, services: Iterable[str]) -> list[EndpointChoice]:
        """Per service: the endpoints, the source (argument, variable name, file path, built-in) and why."""
        return [self.choose(service) for service in services]

    def choose(self, service: str) -> EndpointChoice:
        explicit = self._endpoints.get(service)
        if explicit:
            source = f"endpoints={{{service!r}: ...}}"
            urls = [explicit] if isinstance(explicit, str) else list(explicit)
            return self._choice(service, urls, source, "passed as an argument")
        environ = os.environ if self._env is None else self._env
        variable = env_variable(service)
        if environ.get(variable):
            return self._choice(service, [environ[variable]], variable, "environment variable is set")
        if not self._region:
            raise EndpointError(
                f"no endpoint for {service}: pass region=... (or set HUAWEICLOUD_SDK_REGION), "
                f"endpoints={{{service!r}: ...}} or {variable}"
            )
        region_variable = _regions.region_env_variable(service, self._region)
        if environ.get(region_variable):
            urls = _regions.split_endpoints(environ[region_variable])
            if urls:
                return self._choice(
                    service, urls, region_variable, f"environment variable is set for region {self._region}"
                )
        path, table = self._regions_file(environ)
        listed = table.get(service.upper() + self._region)
        if listed:
            return self._choice(
                service, listed, f"regions file {path}", f"lists {service.upper()} in region {self._region}"
            )
        profile = PROFILES[self._cloud]
        url = f"https://{profile.host(service, self._region)}"
        known = "" if path is None else f", not in {path}"
        return EndpointChoice(
            service, (url,), "built-in", f"https://{{service}}.{{region}}.{{domain}} of cloud {self._cloud!r}{known}"
        )

    def _choice(self, service: str, urls: list[str], source: str, reason: str) -> EndpointChoice:
        if not urls:
            raise EndpointError(f"{source}: no endpoint for {service}")
        checked = tuple(checked_url(url, source, self._allow_http) for url in urls)
        return EndpointChoice(service, checked, source, reason)

    def _regions_file(self, environ: Mapping[str, str]) -> tuple[str | None, dict[str, list[str]]]:
        path = _regions.regions_file_path(environ)
        key = None if path is None else str(path)
        cached = self._regions_table
        if cached is not None and cached[0] == key:
            return cached
        with self._lock:
            if path is None:
                loaded: tuple[str | None, dict[str, list[str]]] = (None, {})
            else:
                try:
                    table = _regions.load_regions_file(path)
                except _regions.RegionsFileError as exc:
                    raise EndpointError(str(exc)) from None
                loaded = (key if path.exists() else None, table)
            self._regions_table = loaded
        return loaded


publish(CloudProfile, EndpointError)
