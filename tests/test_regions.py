"""Endpoint resolution: arguments, HUAWEICLOUD_JOBS_*, HUAWEICLOUD_SDK_REGION_*, regions.yaml, built-in.

The regions file reader is checked against the official SDK's reader (``ProfileRegionCache``,
which uses ``yaml.safe_load``) and the variable names against its ``EnvRegionProvider``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from huaweicloudsdkcore.region.cache import ProfileRegionCache  # type: ignore[import-untyped]
from huaweicloudsdkcore.region.provider import EnvRegionProvider  # type: ignore[import-untyped]

from huaweicloud_jobs_core._endpoints import EndpointError, EndpointResolver
from huaweicloud_jobs_core._regions import load_regions_file, parse_regions_yaml, region_env_variable

SK = "SKsecret0123456789abcdefSKsecret0123456789"

REGIONS_FILES = {
    "documented": """\
DRS:
  - id: 'cn-north-4'
    endpoint: 'https://drs.cn-north-4.myhuaweicloud.com'
  - id: 'my-region-1'
    endpoints:
      - 'https://drs.my-region-1.example.com'
      - 'https://drs-backup.my-region-1.example.com'
""",
    "plain, comments, flow lists, both keys": """\
# regions
---
ecs:   # lower case service
- id: cn-north-9  # inline comment
  endpoints: [https://a.example.com, "https://b.example.com"]
  endpoint: https://c.example.com
- id: no-endpoint
- endpoint: https://no-id.example.com
iam: []
""",
    "double quotes and nested indentation": """\
dli:
    -   id: "ap-southeast-1"
        endpoints:
        - "https://dli.ap-southeast-1.example.com"
""",
}


@pytest.mark.parametrize("case", sorted(REGIONS_FILES))
def test_regions_file_reads_as_the_official_reader(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regions.yaml"
    path.write_text(REGIONS_FILES[case])
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGIONS_FILE", str(path))
    official = {key: region.endpoints for key, region in ProfileRegionCache._resolve_profile().items()}
    assert load_regions_file(path) == official


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("DRS:\n\t- id: x\n", "line 2: tab in indentation"),
        ("DRS:\n  - id: &anchor x\n", "line 2: unsupported YAML syntax"),
        ("DRS:\n  - id: 'x\n", "line 2: unterminated quoted value"),
        ("  - id: x\n", "line 1: indented line before any service"),
        ("DRS: https://x\n", "line 1: a service ('DRS') must be followed by a list"),
        ("DRS:\n  id: x\n", "line 2: expected '- id: ...'"),
    ],
)
def test_malformed_regions_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_regions_yaml(text, "regions file 'r.yaml'")


def test_env_variable_names_match_the_official_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    for service, region in [("drsx", "cn-north-4"), ("dlix", "ap-southeast-1"), ("iamx", "eu-west-101")]:
        name = region_env_variable(service, region)
        monkeypatch.setenv(name, "https://one.example.com,https://two.example.com")
        found = EnvRegionProvider(service).get_region(region)
        assert found is not None and found.endpoints == ["https://one.example.com", "https://two.example.com"]
        resolver = EndpointResolver(region=region, environ={name: "https://one.example.com,https://two.example.com"})
        assert resolver.base_urls(service) == found.endpoints


def test_precedence_of_every_source(tmp_path: Path) -> None:
    regions = tmp_path / "regions.yaml"
    regions.write_text(
        "DRS:\n  - id: cn-north-4\n    endpoints: ['https://file-1.example.com', 'https://file-2.example.com']\n"
    )
    env = {
        "HUAWEICLOUD_SDK_REGIONS_FILE": str(regions),
        "HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4": "https://sdk-env.example.com",
        "HUAWEICLOUD_JOBS_DRS_ENDPOINT": "https://jobs-env.example.com",
    }
    explicit = EndpointResolver(region="cn-north-4", environ=env, endpoints={"drs": "https://arg.example.com"})
    assert explicit.base_urls("drs") == ["https://arg.example.com"]
    assert explicit.choose("drs").source == "endpoints={'drs': ...}"
    assert EndpointResolver(region="cn-north-4", environ=env).choose("drs").source == "HUAWEICLOUD_JOBS_DRS_ENDPOINT"
    del env["HUAWEICLOUD_JOBS_DRS_ENDPOINT"]
    choice = EndpointResolver(region="cn-north-4", environ=env).choose("drs")
    assert (choice.urls, choice.source) == (("https://sdk-env.example.com",), "HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4")
    del env["HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4"]
    resolver = EndpointResolver(region="cn-north-4", environ=env)
    assert resolver.base_urls("drs") == ["https://file-1.example.com", "https://file-2.example.com"]
    assert resolver.base_url("drs") == "https://file-1.example.com"
    assert resolver.choose("drs").source == f"regions file {regions}"
    builtin = resolver.choose("dli")
    assert (builtin.urls, builtin.source) == (("https://dli.cn-north-4.myhuaweicloud.com",), "built-in")
    lines = [str(choice) for choice in resolver.explain(["drs", "dli"])]
    assert lines[0].startswith("drs: https://file-1.example.com, https://file-2.example.com from regions file")
    assert "not in" in lines[1]


def test_regions_file_from_home(tmp_path: Path) -> None:
    (tmp_path / ".huaweicloud").mkdir()
    (tmp_path / ".huaweicloud" / "regions.yaml").write_text("IAM:\n  - id: eu-de\n    endpoint: https://iam.eu-de.x\n")
    resolver = EndpointResolver(region="eu-de", cloud="otc", environ={"HOME": str(tmp_path)})
    assert resolver.base_url("iam") == "https://iam.eu-de.x"
    assert resolver.base_url("drs") == "https://drs.eu-de.otc.t-systems.com"


def test_unknown_region_is_derived_and_bad_ids_are_refused() -> None:
    assert EndpointResolver(region="xx-new-77", environ={}).base_url("drs") == "https://drs.xx-new-77.myhuaweicloud.com"
    for bad in ("cn north 4", "cn/north", "CN-NORTH-4", "cn-north-4.evil.com", "-cn", "cn--4"):
        with pytest.raises(EndpointError, match="cannot be a region id"):
            EndpointResolver(region=bad)


def test_malformed_regions_file_is_an_endpoint_error(tmp_path: Path) -> None:
    regions = tmp_path / "regions.yaml"
    regions.write_text("DRS:\n  - id: x\n   bad\n")
    resolver = EndpointResolver(region="cn-north-4", environ={"HUAWEICLOUD_SDK_REGIONS_FILE": str(regions)})
    with pytest.raises(EndpointError, match=r"regions.yaml'?: line 3"):
        resolver.base_url("drs")


def test_http_endpoints_from_any_source_need_allow_http() -> None:
    env = {"HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4": "http://127.0.0.1:8080"}
    with pytest.raises(
        EndpointError, match=r"HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4: 'http://127\.0\.0\.1:8080' uses plain"
    ):
        EndpointResolver(region="cn-north-4", environ=env).base_url("drs")
    assert (
        EndpointResolver(region="cn-north-4", environ=env, allow_http=True).base_url("drs") == "http://127.0.0.1:8080"
    )


def test_resolver_keeps_no_secret_from_the_environment() -> None:
    env = {"HUAWEICLOUD_SDK_AK": "AKAKAKAKAK", "HUAWEICLOUD_SDK_SK": SK, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "tok"}
    resolver = EndpointResolver(region="cn-north-4", environ=env)
    assert SK not in repr(resolver) and "tok" not in repr(resolver)
    held = [getattr(resolver, name) for name in type(resolver).__slots__]
    assert SK not in repr(held)
    assert not hasattr(resolver, "environ")
