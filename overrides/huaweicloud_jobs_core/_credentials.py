"""AK/SK credentials and where they come from.

The secret key (SK) and the security token never appear in ``repr()``/``str()`` or in
any exception message: credentials objects end up in logs, tracebacks and bug reports.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import attrs

from ._exceptions import CredentialsError
from ._public import publish

__all__ = ["Credentials", "CredentialsError", "CredentialsNotFoundError", "TemporaryCredentials"]


# Environment variable names, as the official SDK (HUAWEICLOUD_SDK_*) and the API documents use them.
_HW_AK, _HW_SK = "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"
_DOC_AK, _DOC_SK = "CLOUD_SDK_AK", "CLOUD_SDK_SK"
_HW_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN"  # noqa: S105 - a variable name, not a secret
_HW_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID"
_HW_DOMAIN_ID = "HUAWEICLOUD_SDK_DOMAIN_ID"


def _none_if_empty(value: str | None) -> str | None:
    return value or None


def _check_header_safe(field: str, value: str | None) -> None:
    """Reject values that cannot go into an HTTP header / signature unchanged.

    Whitespace and control characters are almost always copy-paste accidents (a trailing
    newline from a file); sent as is they break the header or the signature.
    """
    if value is None:
        return
    if not value.isascii():
        raise CredentialsError(f"{field} contains non-ASCII characters")
    if not value.isprintable() or any(c.isspace() for c in value):
        raise CredentialsError(f"{field} contains whitespace or control characters (check for a trailing newline)")


_Source = tuple[str, str, str | None, str | None]


def _incomplete_message(chosen: _Source, sources: list[_Source]) -> str:
    """Name the half that is missing, where it was expected, and where the other half came from."""
    ak_name, sk_name, ak_value, _ = chosen
    if ak_value is not None:
        half, have, lack, index = "SK", ak_name, sk_name, 3
    else:
        half, have, lack, index = "AK", sk_name, ak_name, 2
    if lack.endswith("="):
        detail = f"{have} was passed but {lack} was not; pass {lack}..."
    else:
        detail = f"{have} is set but {lack} is not; set {lack}"
    message = f"AK/SK credentials are incomplete: {half} is missing ({detail})"
    ignored = [s[index - 2] for s in sources if s is not chosen and s[index] is not None]
    if ignored:
        message += f"; {ignored[0]} is set but not used because AK and SK must come from the same source"
    return message


def _mask(ak: str) -> str:
    return ak[:4] + "****" if len(ak) > 8 else "****"


@attrs.frozen(repr=False)
class Credentials:
    """An AK/SK pair plus the optional ids and STS token that go with it.

    Construct directly or with :meth:`from_env`. Values are validated on construction;
    empty optional values are normalised to ``None``.
    """

    ak: str
    sk: str
    project_id: str | None = attrs.field(default=None, converter=_none_if_empty)
    domain_id: str | None = attrs.field(default=None, converter=_none_if_empty)
    security_token: str | None = attrs.field(default=None, converter=_none_if_empty)

    def __attrs_post_init__(self) -> None:
        if not self.ak or not self.sk:
            missing = "AK and SK are" if not (self.ak or self.sk) else ("AK is" if not self.ak else "SK is")
            raise CredentialsError(f"AK/SK credentials are incomplete: {missing} empty")
        for field in ("ak", "sk", "project_id", "domain_id", "security_token"):
            _check_header_safe(field, getattr(self, field))

    def __repr__(self) -> str:
        token = None if self.security_token is None else "***"
        return (
            f"Credentials(ak={_mask(self.ak)!r}, sk='***', project_id={self.project_id!r}, "
            f"domain_id={self.domain_id!r}, security_token={token!r})"
        )

    __str__ = __repr__

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        domain_id: str | None = None,
        security_token: str | None = None,
    ) -> Credentials:
        """Resolve credentials from explicit arguments and the environment.

        Precedence, per value: explicit argument > ``HUAWEICLOUD_SDK_*`` (the official SDK's
        names) > ``CLOUD_SDK_AK``/``CLOUD_SDK_SK`` (the names used in the API documents).
        Empty strings count as unset.

        AK and SK are a pair: they are taken together from the highest-precedence source
        that sets either of them, and never mixed across sources (an AK of one account with
        the SK of another only fails later with an opaque signature error). Likewise the
        security token belongs to the pair: ``HUAWEICLOUD_SDK_SECURITY_TOKEN`` is only used
        with the ``HUAWEICLOUD_SDK_AK``/``SK`` pair; ``security_token=`` always wins.
        """
        env = os.environ if environ is None else environ
        sources = [
            ("ak=", "sk=", ak or None, sk or None),
            (_HW_AK, _HW_SK, env.get(_HW_AK) or None, env.get(_HW_SK) or None),
            (_DOC_AK, _DOC_SK, env.get(_DOC_AK) or None, env.get(_DOC_SK) or None),
        ]
        chosen = next((s for s in sources if s[2] is not None or s[3] is not None), None)
        if chosen is None:
            raise CredentialsError(
                f"AK/SK credentials are missing: set {_HW_AK} and {_HW_SK} (or {_DOC_AK} and {_DOC_SK}), "
                "or pass ak=... and sk=..."
            )
        ak_name, _, ak_value, sk_value = chosen
        if ak_value is None or sk_value is None:
            raise CredentialsError(_incomplete_message(chosen, sources))
        token = security_token or (env.get(_HW_TOKEN) if ak_name == _HW_AK else None)
        return cls(
            ak=ak_value,
            sk=sk_value,
            project_id=project_id or env.get(_HW_PROJECT_ID),
            domain_id=domain_id or env.get(_HW_DOMAIN_ID),
            security_token=token,
        )


@attrs.frozen(repr=False)
class TemporaryCredentials:
    """Credentials that stop working at ``expires_at`` (POSIX seconds), e.g. from ECS metadata or federation.

    Like :class:`Credentials`, ``repr()``/``str()`` show neither the SK nor the security token.
    """

    credentials: Credentials
    expires_at: float

    def __repr__(self) -> str:
        return f"TemporaryCredentials(credentials={self.credentials!r}, expires_at={self.expires_at!r})"

    __str__ = __repr__


class CredentialsNotFoundError(CredentialsError):
    """A credential source has nothing to offer (no variables set, no file, no metadata service).

    A provider chain moves on to its next source on this error; any other
    :class:`CredentialsError` (a half-set pair, a malformed file) stops the chain, since the
    user meant to configure that source.
    """


publish(Credentials, CredentialsNotFoundError, TemporaryCredentials)
