"""Credential sources and the chain: environment, profile file, precedence, and the official SDK as oracle.

The oracle tests run ``huaweicloudsdkcore.auth.provider``'s Env and Profile providers and ours
on the same temp HOME / files / environment and compare AK, SK, security token, project and
domain. The official chain itself is not run: its metadata provider would contact
169.254.169.254; the loopback guard (conftest) fails any non-loopback connection.
"""

from __future__ import annotations

import os
import socket
import stat
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
from huaweicloudsdkcore.auth import provider as official  # type: ignore[import-untyped]
from huaweicloudsdkcore.exceptions.exceptions import SdkException  # type: ignore[import-untyped]

from huaweicloud_jobs import (
    AkSkAuth,
    Credentials,
    CredentialsError,
    CredentialsNotFoundError,
    FederationCredentialsProvider,
    FederationScope,
    TemporaryCredentials,
)
from huaweicloud_jobs_core._providers import (
    ArgumentsCredentialsProvider,
    EnvironmentCredentialsProvider,
    ProfileCredentialsProvider,
    ProviderAkSkAuth,
    StaticCredentialsProvider,
    default_credential_chain,
)

pytestmark = pytest.mark.usefixtures("loopback_only")  # no test reaches past 127.0.0.1

SK = "SKsecret0123456789abcdefSKsecret0123456789"
ENV_NAMES = [
    "HUAWEICLOUD_SDK_AK",
    "HUAWEICLOUD_SDK_SK",
    "HUAWEICLOUD_SDK_SECURITY_TOKEN",
    "HUAWEICLOUD_SDK_PROJECT_ID",
    "HUAWEICLOUD_SDK_DOMAIN_ID",
    "HUAWEICLOUD_SDK_IDP_ID",
    "HUAWEICLOUD_SDK_ID_TOKEN_FILE",
    "HUAWEICLOUD_SDK_IAM_ENDPOINT",
    "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
    "CLOUD_SDK_AK",
    "CLOUD_SDK_SK",
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean environment with a temp HOME."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    (home / ".huaweicloud").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home


def write_profile(home: Path, text: str, mode: int = 0o600) -> Path:
    path = home / ".huaweicloud" / "credentials"
    path.write_text(text)
    path.chmod(mode)
    return path


def fake_exchange(id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
    return TemporaryCredentials(Credentials(ak="FEDAK0001", sk=SK, security_token="t"), 4_000_000_000.0)


def dead_metadata_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- the oracle --------------------------------------------------------------------------------

PROFILES = {
    "basic only": "[basic]\nak = PROFAK0001\nsk = " + SK + "\nproject_id = p-basic\n",
    "both sections": (
        "[basic]\nak = BASICAK001\nsk = " + SK + "\nproject_id = p1\nsecurity_token = tok1\n\n"
        "[global]\nak = GLOBALAK01\nsk = " + SK + "x\ndomain_id = d1\n"
    ),
    "global only": "[global]\nak = GLOBALAK01\nsk = " + SK + "\ndomain_id = d1\n",
    "upper-case keys, comments, spaces": "# my creds\n[basic]\nAK=PROFAK0002\n  \nSK =   " + SK + "\n; more\n",
    "DEFAULT section inherited": "[DEFAULT]\nproject_id = p-default\n[basic]\nak = PROFAK0003\nsk = " + SK + "\n",
    "escaped percent": "[basic]\nak = PROFAK0004\nsk = abc%%def\n",
    "section without keys": "[basic]\nproject_id = p1\n",
    "empty file": "",
    "federation": (
        "[basic]\nidp_id = my-idp\nid_token_file = @TOKEN@\niam_endpoint = https://iam.test\nproject_id = p9\n"
    ),
    "federation beats ak/sk": "[basic]\nak = PROFAK0005\nsk = " + SK + "\nidp_id = my-idp\nid_token_file = @TOKEN@\n",
}
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "no environment": {},
    "HUAWEICLOUD_SDK pair": {"HUAWEICLOUD_SDK_AK": "ENVAK00001", "HUAWEICLOUD_SDK_SK": SK},
    "pair with token and ids": {
        "HUAWEICLOUD_SDK_AK": "ENVAK00002",
        "HUAWEICLOUD_SDK_SK": SK,
        "HUAWEICLOUD_SDK_SECURITY_TOKEN": "envtoken",
        "HUAWEICLOUD_SDK_PROJECT_ID": "env-p",
        "HUAWEICLOUD_SDK_DOMAIN_ID": "env-d",
    },
    "federation in environment": {"HUAWEICLOUD_SDK_IDP_ID": "env-idp", "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "@TOKEN@"},
    "federation and pair": {
        "HUAWEICLOUD_SDK_AK": "ENVAK00003",
        "HUAWEICLOUD_SDK_SK": SK,
        "HUAWEICLOUD_SDK_IDP_ID": "env-idp",
        "HUAWEICLOUD_SDK_ID_TOKEN_FILE": "@TOKEN@",
    },
    "project id only": {"HUAWEICLOUD_SDK_PROJECT_ID": "env-p"},
}


def official_view(source: Any) -> tuple[Any, ...] | None:
    """What the official provider returned: the fields a user sees, or None when it raised."""
    try:
        creds = source.get_credentials()
    except (SdkException, ValueError, TypeError):
        return None
    scoped = getattr(creds, "project_id", None) or getattr(creds, "domain_id", None)
    if creds.idp_id:
        return ("federation", creds.idp_id, creds.id_token_file, scoped)
    return (creds.ak, creds.sk, creds.security_token, scoped)


def our_view(
    provider: EnvironmentCredentialsProvider | ProfileCredentialsProvider, section: str
) -> tuple[Any, ...] | None:
    try:
        creds = provider.get_credentials()
    except CredentialsNotFoundError:
        return None
    scoped = creds.project_id if section == "basic" else creds.domain_id
    delegate = provider.delegate
    if isinstance(delegate, FederationCredentialsProvider):
        return ("federation", delegate.idp_id, str(delegate.id_token_file), scoped)
    return (creds.ak, creds.sk, creds.security_token, scoped)


@pytest.mark.parametrize("section", ["basic", "global"])
@pytest.mark.parametrize("env_case", sorted(ENVIRONMENTS))
@pytest.mark.parametrize("profile_case", sorted(PROFILES))
def test_oracle_same_credentials_as_the_official_providers(
    home: Path, monkeypatch: pytest.MonkeyPatch, profile_case: str, env_case: str, section: str, tmp_path: Path
) -> None:
    token_file = tmp_path / "id_token"
    token_file.write_text("id-token")
    write_profile(home, PROFILES[profile_case].replace("@TOKEN@", str(token_file)))
    for name, value in ENVIRONMENTS[env_case].items():
        monkeypatch.setenv(name, value.replace("@TOKEN@", str(token_file)))

    official_env = official.EnvCredentialProvider(section)
    official_profile = official.ProfileCredentialProvider(section)
    ours_env = EnvironmentCredentialsProvider(exchange=fake_exchange)
    ours_profile = ProfileCredentialsProvider(
        section="global" if section == "global" else "basic", exchange=fake_exchange
    )

    expected_env, expected_profile = official_view(official_env), official_view(official_profile)
    assert our_view(ours_env, section) == expected_env
    assert our_view(ours_profile, section) == expected_profile

    # The chain: the official one without its network sources (OIDC-STS unset, metadata, pod identity).
    expected_chain = expected_env if expected_env is not None else expected_profile
    chain = default_credential_chain(
        section="global" if section == "global" else "basic", exchange=fake_exchange, metadata=False
    )
    try:
        chain.get_credentials()
    except CredentialsNotFoundError:
        assert expected_chain is None
        return
    chosen = chain.chosen
    assert isinstance(chosen, EnvironmentCredentialsProvider | ProfileCredentialsProvider)
    assert our_view(chosen, section) == expected_chain


def test_oracle_profile_file_from_the_variable(home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    elsewhere = tmp_path / "creds.ini"
    elsewhere.write_text("[basic]\nak = FILEAK0001\nsk = " + SK + "\n")
    elsewhere.chmod(0o600)
    monkeypatch.setenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", str(elsewhere))
    write_profile(home, "[basic]\nak = HOMEAK0001\nsk = " + SK + "\n")
    assert official.ProfileCredentialProvider("basic").get_credentials().ak == "FILEAK0001"
    assert ProfileCredentialsProvider().get_credentials().ak == "FILEAK0001"


# -- precedence and the chain ------------------------------------------------------------------


def test_arguments_beat_environment_beat_profile_beat_metadata(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_profile(home, "[basic]\nak = PROFAK0001\nsk = " + SK + "\n")
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "ENVAK00001")
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", SK)
    url = dead_metadata_url()
    chain = default_credential_chain(ak="ARGAK00001", sk=SK, metadata_base_url=url)
    assert chain.get_credentials().ak == "ARGAK00001"
    assert default_credential_chain(metadata_base_url=url).get_credentials().ak == "ENVAK00001"
    monkeypatch.delenv("HUAWEICLOUD_SDK_AK")
    monkeypatch.delenv("HUAWEICLOUD_SDK_SK")
    chain = default_credential_chain(metadata_base_url=url)
    assert chain.get_credentials().ak == "PROFAK0001"
    report = chain.explain()
    assert [(r.source, r.outcome) for r in report] == [
        ("arguments", "skipped"),
        ("environment", "skipped"),
        ("profile file", "chosen"),
        ("ECS metadata", "not tried"),
    ]
    assert "PROF****" in report[2].reason and SK not in str(report)


def test_environ_mapping_instead_of_os_environ(home: Path) -> None:
    env = {"CLOUD_SDK_AK": "DOCAK00001", "CLOUD_SDK_SK": SK, "HUAWEICLOUD_SDK_PROJECT_ID": "p1"}
    chain = default_credential_chain(environ=env, metadata=False)
    credentials = chain.get_credentials()
    assert (credentials.ak, credentials.project_id) == ("DOCAK00001", "p1")
    assert "CLOUD_SDK_AK and CLOUD_SDK_SK are set" in chain.explain()[1].reason


def test_nothing_found_names_every_source(home: Path) -> None:
    chain = default_credential_chain(metadata_base_url=dead_metadata_url())
    with pytest.raises(CredentialsNotFoundError) as caught:
        chain.get_credentials()
    message = str(caught.value)
    assert "arguments: neither ak= nor sk= was passed" in message
    assert "environment: none of HUAWEICLOUD_SDK_AK" in message
    assert f"profile file: {str(home / '.huaweicloud' / 'credentials')!r} does not exist" in message
    assert "ECS metadata: ECS metadata at http://127.0.0.1:" in message
    assert [r.outcome for r in chain.explain()] == ["skipped"] * 4


def test_half_set_source_stops_the_chain(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_profile(home, "[basic]\nak = PROFAK0001\nsk = " + SK + "\n")
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "ENVAK00001")
    chain = default_credential_chain(metadata=False)
    with pytest.raises(CredentialsError, match="SK is missing") as caught:
        chain.get_credentials()
    assert not isinstance(caught.value, CredentialsNotFoundError)
    assert [r.outcome for r in chain.explain()] == ["skipped", "failed", "not tried"]
    with pytest.raises(CredentialsError, match="sk= was not"):
        ArgumentsCredentialsProvider(ak="AK")


def test_federation_without_exchange_is_a_clear_error(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_IDP_ID", "idp")
    monkeypatch.setenv("HUAWEICLOUD_SDK_ID_TOKEN_FILE", "/tmp/token")
    with pytest.raises(CredentialsError, match="no ID token exchange"):
        default_credential_chain(metadata=False).get_credentials()
    monkeypatch.delenv("HUAWEICLOUD_SDK_ID_TOKEN_FILE")
    with pytest.raises(CredentialsError, match="federation is incomplete: HUAWEICLOUD_SDK_IDP_ID is set"):
        EnvironmentCredentialsProvider().get_credentials()


def test_federation_from_profile_uses_iam_endpoint(home: Path, tmp_path: Path) -> None:
    token = tmp_path / "tok"
    token.write_text("id-token-1")
    write_profile(
        home, f"[basic]\nidp_id = idp1\nid_token_file = {token}\niam_endpoint = https://iam.x\nproject_id = p\n"
    )
    calls: list[tuple[str, str, FederationScope]] = []

    def exchange(id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
        calls.append((id_token, idp_id, scope))
        return fake_exchange(id_token, idp_id, scope)

    chain = default_credential_chain(exchange=exchange, metadata=False)
    credentials = chain.get_credentials()
    assert credentials.ak == "FEDAK0001" and credentials.project_id == "p"
    assert calls == [("id-token-1", "idp1", FederationScope("https://iam.x", "p", None, 6 * 3600))]
    assert "OIDC federation with identity provider idp1" in chain.explain()[2].reason


# -- malformed and exposed profile files ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ak = X\n[basic]\n", r"line 1: expected a section header"),
        ("[basic]\nak = X\nthis line has no equals " + SK + "\n", r"cannot parse line 3"),
        ("[basic]\nak = X\nak = Y\n", r"line 3: key 'ak' repeated in \[basic\]"),
        ("[basic]\nak = X\n[basic]\n", r"line 3: section \[basic\] repeated"),
        ("[basic]\nak = X\nsk = 50%" + SK + "\n", r"\[basic\] key 'sk': bad '%' interpolation"),
        ("[basic]\nak = X\n", r"\[basic\]: key 'sk' is missing"),
        ("[basic]\nidp_id = X\n", r"\[basic\]: key 'id_token_file' is missing"),
        ("[basic]\nak = AK X\nsk = " + SK + "\n", r"\[basic\]: ak contains whitespace"),
    ],
)
def test_malformed_profile_names_file_and_line_or_key(home: Path, text: str, expected: str) -> None:
    path = write_profile(home, text)
    with pytest.raises(CredentialsError, match=expected) as caught:
        ProfileCredentialsProvider().get_credentials()
    assert not isinstance(caught.value, CredentialsNotFoundError)
    assert str(path) in str(caught.value)
    assert SK not in str(caught.value)


def test_profile_readable_by_others_warns(home: Path) -> None:
    path = write_profile(home, "[basic]\nak = PROFAK0001\nsk = " + SK + "\n", mode=0o644)
    with pytest.warns(UserWarning, match=r"readable by other users \(mode 0644\)") as caught:
        ProfileCredentialsProvider().get_credentials()
    assert str(path) in str(caught[0].message)
    path.chmod(0o600)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ProfileCredentialsProvider().get_credentials()


def test_profile_not_utf8(home: Path) -> None:
    path = home / ".huaweicloud" / "credentials"
    path.write_bytes(b"[basic]\nak = \xff\n")
    path.chmod(0o600)
    with pytest.raises(CredentialsError, match="not UTF-8"):
        ProfileCredentialsProvider().get_credentials()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_profile_is_an_error(home: Path) -> None:
    path = write_profile(home, "[basic]\n")
    path.chmod(0)
    try:
        with pytest.raises(CredentialsError, match="cannot read it"):
            ProfileCredentialsProvider().get_credentials()
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


# -- secrets, auth and speed -------------------------------------------------------------------------


def test_reprs_show_no_secret(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", "ENVAK00001")
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", SK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sts-token-value")
    chain = default_credential_chain(metadata=False)
    chain.get_credentials()
    auth = ProviderAkSkAuth(chain)
    for text in (repr(chain), str(chain.explain()), repr(chain.providers), repr(auth)):
        assert SK not in text and "sts-token-value" not in text


def test_provider_auth_signs_like_static_auth(home: Path) -> None:
    credentials = Credentials(ak="STATICAK01", sk=SK, project_id="p1")
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200)

    for auth in (AkSkAuth(credentials), ProviderAkSkAuth(StaticCredentialsProvider(credentials))):
        with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
            client.get("https://drs.example.test/v3/p1/jobs", headers={"X-Sdk-Date": "20260101T000000Z"})
    assert requests[0].headers["Authorization"] == requests[1].headers["Authorization"]


def test_provider_signing_builds_one_signer_per_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """ProviderAkSkAuth adds one provider call per request; the keyed signer is built once per credentials.

    (Its cost beside AkSkAuth is a figure for ``nox -s bench``, not a unit test.)
    """
    import huaweicloud_jobs_core._providers as providers

    credentials = Credentials(ak="STATICAK01", sk=SK, project_id="p1")
    built: list[Credentials] = []
    real = providers.AkSkAuth  # type: ignore[attr-defined]

    def counting(given: Credentials, **options: Any) -> Any:
        built.append(given)
        return real(given, **options)

    monkeypatch.setattr(providers, "AkSkAuth", counting)
    static, dynamic = real(credentials), ProviderAkSkAuth(StaticCredentialsProvider(credentials))
    for _ in range(300):
        request = httpx.Request("GET", "https://drs.example.test/v3/p1/jobs?limit=10")
        next(dynamic.sync_auth_flow(request))
    assert built == [credentials]  # one signer for 300 requests
    signed = [httpx.Request("GET", "https://drs.example.test/v3/p1/jobs", headers={"X-Sdk-Date": "20261203T000000Z"})]
    signed.append(
        httpx.Request("GET", "https://drs.example.test/v3/p1/jobs", headers={"X-Sdk-Date": "20261203T000000Z"})
    )
    next(static.sync_auth_flow(signed[0]))
    next(dynamic.sync_auth_flow(signed[1]))
    assert signed[0].headers["Authorization"] == signed[1].headers["Authorization"]
