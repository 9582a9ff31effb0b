"""OIDC federation for CI runners: exchange an ID token for temporary AK/SK/security token.

Configured as the official SDK reads it: ``HUAWEICLOUD_SDK_IDP_ID`` and
``HUAWEICLOUD_SDK_ID_TOKEN_FILE`` in the environment, or ``idp_id`` and ``id_token_file``
in a profile section (``iam_endpoint`` there too). The exchange itself -- IAM's
``create_token_with_id_token`` (``POST /v3.0/OS-AUTH/id-token/tokens`` with ``X-Idp-Id``)
followed by ``create_temporary_access_key_by_token`` (``POST
/v3.0/OS-CREDENTIAL/securitytokens``) -- is injected as ``exchange``, so this module does
no HTTP of its own and tests pass a fake.

The ID token file is read afresh on every refresh: CI runners rotate it, and an old ID
token is rejected by IAM. Its content is never put in a message or a ``repr()``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._credentials import Credentials, TemporaryCredentials
from ._exceptions import CredentialsError, HuaweiCloudJobsError
from ._public import publish
from ._refresh import RefreshingCredentialsProvider

__all__ = ["DEFAULT_FEDERATION_DURATION", "FederationCredentialsProvider", "FederationScope", "IdTokenExchange"]

DEFAULT_FEDERATION_DURATION = 6 * 60 * 60
"""Lifetime asked for the temporary AK/SK, as the official SDK's ``FederalAccessor`` asks (6 h)."""


@dataclass(frozen=True, slots=True)
class FederationScope:
    """What the exchange needs besides the ID token and the identity provider id."""

    iam_endpoint: str | None
    project_id: str | None
    domain_id: str | None
    duration_seconds: int = DEFAULT_FEDERATION_DURATION


IdTokenExchange = Callable[[str, str, FederationScope], TemporaryCredentials]
"""``exchange(id_token, idp_id, scope) -> TemporaryCredentials``: the two IAM calls."""


class FederationCredentialsProvider(RefreshingCredentialsProvider):
    """Temporary credentials from an OIDC ID token (a file a CI runner keeps up to date).

    ``refresh_margin`` defaults to 40 minutes, the official SDK's threshold; credentials
    living shorter than twice that are refreshed at half their lifetime.
    """

    source = "OIDC federation"

    def __init__(
        self,
        *,
        idp_id: str,
        id_token_file: str | os.PathLike[str],
        exchange: IdTokenExchange,
        iam_endpoint: str | None = None,
        project_id: str | None = None,
        domain_id: str | None = None,
        duration_seconds: int = DEFAULT_FEDERATION_DURATION,
        refresh_margin: float = 40 * 60,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        if not idp_id:
            raise CredentialsError("OIDC federation: idp_id is empty")
        if not id_token_file:
            raise CredentialsError("OIDC federation: id_token_file is empty")
        if not callable(exchange):
            raise CredentialsError("OIDC federation: exchange must be a callable (id_token, idp_id, scope)")
        self._idp_id = idp_id
        self._id_token_file = Path(id_token_file)
        self._exchange = exchange
        self._scope = FederationScope(iam_endpoint or None, project_id or None, domain_id or None, duration_seconds)

    def __repr__(self) -> str:
        return (
            f"FederationCredentialsProvider(idp_id={self._idp_id!r}, id_token_file={str(self._id_token_file)!r}, "
            f"iam_endpoint={self._scope.iam_endpoint!r}, project_id={self._scope.project_id!r}, "
            f"domain_id={self._scope.domain_id!r})"
        )

    @property
    def idp_id(self) -> str:
        return self._idp_id

    @property
    def id_token_file(self) -> Path:
        return self._id_token_file

    def _read_id_token(self) -> str:
        path = self._id_token_file
        try:
            content = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CredentialsError(f"OIDC federation: the ID token file {str(path)!r} does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CredentialsError(
                f"OIDC federation: cannot read the ID token file {str(path)!r} ({type(exc).__name__})"
            ) from None
        token = content.strip()
        if not token:
            raise CredentialsError(f"OIDC federation: the ID token file {str(path)!r} is empty")
        return token

    def _fetch(self) -> TemporaryCredentials:
        id_token = self._read_id_token()
        try:
            temporary = self._exchange(id_token, self._idp_id, self._scope)
        except HuaweiCloudJobsError:
            raise
        except Exception as exc:
            # Not the message: an exchange implementation may have put the ID token in it.
            raise CredentialsError(
                f"OIDC federation: exchanging the ID token with IAM failed ({type(exc).__name__})"
            ) from None
        if not isinstance(temporary, TemporaryCredentials):
            raise CredentialsError(
                f"OIDC federation: exchange returned {type(temporary).__name__}, not TemporaryCredentials"
            )
        creds = temporary.credentials
        if (creds.project_id is None and self._scope.project_id) or (creds.domain_id is None and self._scope.domain_id):
            creds = Credentials(
                ak=creds.ak,
                sk=creds.sk,
                security_token=creds.security_token,
                project_id=creds.project_id or self._scope.project_id,
                domain_id=creds.domain_id or self._scope.domain_id,
            )
            temporary = TemporaryCredentials(creds, temporary.expires_at)
        return temporary


publish(FederationCredentialsProvider, FederationScope)
