"""Credentials: where AK/SK come from, what counts as missing, and that secrets never show."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from huaweicloud_jobs import Credentials, CredentialsError

AK = "HPUAEXAMPLEAKEXAMPLE"
SK = "sk-Example-Secret-Key-0123456789abcdef"
TOKEN = "sts-token-Example-Secret-0123456789"

HW = {"HUAWEICLOUD_SDK_AK": "HW-AK-0000000000", "HUAWEICLOUD_SDK_SK": "HW-SK-secret-0000"}
DOC = {"CLOUD_SDK_AK": "DOC-AK-000000000", "CLOUD_SDK_SK": "DOC-SK-secret-000"}
EXPLICIT = {"ak": "ARG-AK-000000000", "sk": "ARG-SK-secret-000"}


# --------------------------------------------------------------------------- precedence


@pytest.mark.parametrize(
    ("environ", "explicit", "expected"),
    [
        (HW, {}, ("HW-AK-0000000000", "HW-SK-secret-0000")),
        (DOC, {}, ("DOC-AK-000000000", "DOC-SK-secret-000")),
        ({**HW, **DOC}, {}, ("HW-AK-0000000000", "HW-SK-secret-0000")),
        ({**HW, **DOC}, EXPLICIT, ("ARG-AK-000000000", "ARG-SK-secret-000")),
        ({}, EXPLICIT, ("ARG-AK-000000000", "ARG-SK-secret-000")),
        # Empty strings are unset: they neither win nor count as "half set".
        ({"HUAWEICLOUD_SDK_AK": "", "HUAWEICLOUD_SDK_SK": "", **DOC}, {}, ("DOC-AK-000000000", "DOC-SK-secret-000")),
        (HW, {"ak": "", "sk": ""}, ("HW-AK-0000000000", "HW-SK-secret-0000")),
    ],
)
def test_ak_sk_precedence(environ: dict[str, str], explicit: dict[str, str], expected: tuple[str, str]) -> None:
    credentials = Credentials.from_env(environ, **explicit)
    assert (credentials.ak, credentials.sk) == expected


@pytest.mark.parametrize(
    ("environ", "explicit", "expected"),
    [
        ({}, {}, (None, None)),
        ({"HUAWEICLOUD_SDK_PROJECT_ID": "p-env", "HUAWEICLOUD_SDK_DOMAIN_ID": "d-env"}, {}, ("p-env", "d-env")),
        (
            {"HUAWEICLOUD_SDK_PROJECT_ID": "p-env", "HUAWEICLOUD_SDK_DOMAIN_ID": "d-env"},
            {"project_id": "p-arg", "domain_id": "d-arg"},
            ("p-arg", "d-arg"),
        ),
        ({"HUAWEICLOUD_SDK_PROJECT_ID": "p-env"}, {"project_id": ""}, ("p-env", None)),
        ({"HUAWEICLOUD_SDK_PROJECT_ID": "", "HUAWEICLOUD_SDK_DOMAIN_ID": ""}, {}, (None, None)),
    ],
)
def test_id_precedence(
    environ: dict[str, str], explicit: dict[str, str], expected: tuple[str | None, str | None]
) -> None:
    credentials = Credentials.from_env({**DOC, **environ}, **explicit)
    assert (credentials.project_id, credentials.domain_id) == expected


@pytest.mark.parametrize(
    ("environ", "explicit", "expected"),
    [
        ({**HW, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "env-token"}, {}, "env-token"),
        ({**HW, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "env-token"}, {"security_token": "arg-token"}, "arg-token"),
        ({**HW, "HUAWEICLOUD_SDK_SECURITY_TOKEN": ""}, {}, None),
        # The env token belongs to the env pair: not attached to other keys.
        ({**HW, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "env-token"}, EXPLICIT, None),
        ({**DOC, "HUAWEICLOUD_SDK_SECURITY_TOKEN": "env-token"}, {}, None),
        ({}, {**EXPLICIT, "security_token": "arg-token"}, "arg-token"),
    ],
)
def test_security_token_goes_with_its_pair(
    environ: dict[str, str], explicit: dict[str, str], expected: str | None
) -> None:
    assert Credentials.from_env(environ, **explicit).security_token == expected


def test_defaults_to_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLOUD_SDK_AK", "OS-AK-0000000000")
    monkeypatch.setenv("CLOUD_SDK_SK", "OS-SK-secret-000")
    monkeypatch.setenv("HUAWEICLOUD_SDK_PROJECT_ID", "p-os")
    credentials = Credentials.from_env()
    assert (credentials.ak, credentials.sk, credentials.project_id) == ("OS-AK-0000000000", "OS-SK-secret-000", "p-os")


# --------------------------------------------------------------------------- missing and half-set


def test_nothing_set() -> None:
    with pytest.raises(CredentialsError) as info:
        Credentials.from_env({})
    assert str(info.value) == (
        "AK/SK credentials are missing: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK "
        "(or CLOUD_SDK_AK and CLOUD_SDK_SK), or pass ak=... and sk=..."
    )


@pytest.mark.parametrize(
    ("environ", "explicit", "message"),
    [
        (
            {"HUAWEICLOUD_SDK_AK": "HW-AK-0000000000"},
            {},
            "AK/SK credentials are incomplete: SK is missing "
            "(HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not; set HUAWEICLOUD_SDK_SK)",
        ),
        (
            {"HUAWEICLOUD_SDK_SK": "HW-SK-secret-0000"},
            {},
            "AK/SK credentials are incomplete: AK is missing "
            "(HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not; set HUAWEICLOUD_SDK_AK)",
        ),
        (
            {"CLOUD_SDK_AK": "DOC-AK-000000000"},
            {},
            "AK/SK credentials are incomplete: SK is missing (CLOUD_SDK_AK is set but CLOUD_SDK_SK is not; "
            "set CLOUD_SDK_SK)",
        ),
        (
            {},
            {"ak": "ARG-AK-000000000"},
            "AK/SK credentials are incomplete: SK is missing (ak= was passed but sk= was not; pass sk=...)",
        ),
        (
            {},
            {"sk": "ARG-SK-secret-000"},
            "AK/SK credentials are incomplete: AK is missing (sk= was passed but ak= was not; pass ak=...)",
        ),
        # Halves are never combined across sources; the message points at the ignored half.
        (
            {"HUAWEICLOUD_SDK_AK": "HW-AK-0000000000", "CLOUD_SDK_SK": "DOC-SK-secret-000"},
            {},
            "AK/SK credentials are incomplete: SK is missing "
            "(HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not; set HUAWEICLOUD_SDK_SK); "
            "CLOUD_SDK_SK is set but not used because AK and SK must come from the same source",
        ),
        (
            HW,
            {"ak": "ARG-AK-000000000"},
            "AK/SK credentials are incomplete: SK is missing (ak= was passed but sk= was not; pass sk=...); "
            "HUAWEICLOUD_SDK_SK is set but not used because AK and SK must come from the same source",
        ),
    ],
)
def test_half_set(environ: dict[str, str], explicit: dict[str, str], message: str) -> None:
    with pytest.raises(CredentialsError) as info:
        Credentials.from_env(environ, **explicit)
    assert str(info.value) == message
    for secret in ("HW-SK-secret-0000", "DOC-SK-secret-000", "ARG-SK-secret-000"):
        assert secret not in str(info.value)


def test_error_is_a_value_error() -> None:
    assert issubclass(CredentialsError, ValueError)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize("field", ["ak", "sk", "project_id", "domain_id", "security_token"])
@pytest.mark.parametrize("bad", ["with space", "trailing-newline\n", "tab\there", "nul\x00", "del\x7f", "héllo"])
def test_header_breaking_values_are_rejected(field: str, bad: str) -> None:
    values = {"ak": AK, "sk": SK, field: bad}
    with pytest.raises(CredentialsError, match=field) as info:
        Credentials(**values)
    assert bad not in str(info.value)
    with pytest.raises(CredentialsError, match=field):
        Credentials.from_env({}, **values)


def test_empty_direct_construction() -> None:
    with pytest.raises(CredentialsError, match="SK is empty"):
        Credentials(AK, "")
    with pytest.raises(CredentialsError, match="AK and SK are empty"):
        Credentials("", "")


def test_empty_optionals_become_none() -> None:
    credentials = Credentials(AK, SK, project_id="", domain_id="", security_token="")
    assert (credentials.project_id, credentials.domain_id, credentials.security_token) == (None, None, None)


def test_frozen_and_comparable() -> None:
    credentials = Credentials(AK, SK, project_id="p")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        credentials.sk = "other"  # type: ignore[misc]
    assert credentials == Credentials(AK, SK, project_id="p")
    assert credentials != Credentials(AK, SK + "x", project_id="p")
    assert hash(credentials) == hash(Credentials(AK, SK, project_id="p"))


# --------------------------------------------------------------------------- secrets stay secret


def test_repr_masks_ak_and_hides_secrets() -> None:
    credentials = Credentials(AK, SK, project_id="p1", domain_id="d1", security_token=TOKEN)
    expected = "Credentials(ak='HPUA****', sk='***', project_id='p1', domain_id='d1', security_token='***')"
    assert repr(credentials) == str(credentials) == expected
    assert repr(Credentials(AK, SK)).endswith("security_token=None)")
    assert repr(Credentials("SHORT", SK)).startswith("Credentials(ak='****'")


# Secrets contain '#', which no repr or message ever does, so any '#' found would be a leak.
secret_text = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#*'"), min_size=8).map(
    lambda s: "#" + s
)


@given(ak=secret_text, sk=secret_text, token=secret_text)
def test_no_secret_in_repr(ak: str, sk: str, token: str) -> None:
    credentials = Credentials(ak, sk, project_id="p", security_token=token)
    for text in (repr(credentials), str(credentials), f"{credentials}", repr([credentials])):
        assert sk not in text
        assert token not in text
        assert ak not in text  # only its first 4 characters
        assert text.count("#") == ak[:4].count("#")  # nothing of sk or token


@given(sk=secret_text, which=st.sampled_from(["HUAWEICLOUD_SDK_SK", "CLOUD_SDK_SK"]))
def test_no_secret_in_errors(sk: str, which: str) -> None:
    other = "CLOUD_SDK_AK" if which == "HUAWEICLOUD_SDK_SK" else "HUAWEICLOUD_SDK_AK"
    with pytest.raises(CredentialsError) as info:
        Credentials.from_env({which: sk, other: "AK-from-elsewhere"})
    assert "#" not in str(info.value)
    for bad in (sk + "\n", sk + " ", sk + "é"):
        with pytest.raises(CredentialsError) as info:
            Credentials(AK, bad)
        assert "#" not in str(info.value)
