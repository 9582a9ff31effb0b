"""Where each service lives: base URLs from region and cloud, or explicit overrides.

Resolution order for one service:

1. an explicit endpoint passed for that service (``endpoints={"drs": "https://..."}``);
2. the environment variable ``HUAWEICLOUD_JOBS_<SERVICE>_ENDPOINT`` (e.g. ``HUAWEICLOUD_JOBS_DRS_ENDPOINT``);
3. the region and cloud profile: ``https://{service}.{region}.{domain}``.

Plain ``http://`` endpoints are refused unless ``allow_http=True`` (a local test server).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from ._exceptions import HuaweiCloudJobsError


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
class EndpointResolver:
    region: str | None = None
    cloud: str = "huaweicloud"
    endpoints: Mapping[str, str] = field(default_factory=dict)
    environ: Mapping[str, str] | None = None
    allow_http: bool = False

    def __post_init__(self) -> None:
        if self.cloud not in PROFILES:
            raise EndpointError(f"unknown cloud {self.cloud!r}; choose one of {', '.join(sorted(PROFILES))}")

    def base_url(self, service: str) -> str:
        explicit = self.endpoints.get(service)
        if explicit:
            return checked_url(explicit, f"endpoint for {service}", self.allow_http)
        environ = os.environ if self.environ is None else self.environ
        variable = env_variable(service)
        if environ.get(variable):
            return checked_url(environ[variable], variable, self.allow_http)
        if not self.region:
            raise EndpointError(
                f"no endpoint for {service}: pass region=... (or set HUAWEICLOUD_SDK_REGION), "
                f"endpoints={{{service!r}: ...}} or {variable}"
            )
        return f"https://{PROFILES[self.cloud].host(service, self.region)}"
