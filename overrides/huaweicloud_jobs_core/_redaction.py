"""What is secret, and how it is kept out of every text rendering: the one place that knows.

Secret **header names** (:data:`SECRET_HEADERS`): ``Authorization`` (the AK/SK signature),
``X-Auth-Token``, ``X-Security-Token``, ``X-Subject-Token`` (IAM's issued token), plus the
proxy/cookie headers. ``X-Sdk-Date`` and ``X-Project-Id`` are not secret.

Secret **body fields** (:data:`SECRET_FIELDS`): ``password``, ``secret``, ``securitytoken``,
``security_token``, ``id_token``, ``sk``, ``token`` values of IAM/STS bodies and the like.

Everything that renders text goes through here:

- :func:`redact_headers` -- a header mapping or list of pairs with secret values masked;
- :func:`redact_text` -- free text (a log message, an exception message, a repr) with the
  values following a secret header or field name masked, whatever quoting the value uses;
- :func:`is_secret_field` -- whether a parameter / body path names a secret (validation
  messages then never show the value);
- :func:`scrub_request` -- masks the secret headers of an ``httpx.Request`` *in place*; the
  transport calls it on every httpx exception before chaining it (see ``_transport``);
- :class:`SecretFilter` -- a logging filter attached to httpcore's trace loggers, httpx's
  logger and ``huaweicloud_jobs``: the fully formatted message is redacted.

The text redaction does not guess what a value looks like. It finds a secret *name* and then
masks the value that follows it: a Python ``bytes``/``str`` literal is consumed exactly as
``repr`` writes it (either quote, any escapes), and anything else up to the end of the
enclosing tuple, line, or comma. When a value cannot be delimited, the rest of the text is
masked: a lost log line is better than a leaked token.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

__all__ = [
    "MASK",
    "SECRET_FIELDS",
    "SECRET_HEADERS",
    "SecretFilter",
    "install",
    "is_secret_field",
    "is_secret_header",
    "redact_headers",
    "redact_text",
    "scrub_request",
]

MASK = "***"

SECRET_HEADERS: frozenset[str] = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-auth-token",
        "x-security-token",
        "x-subject-token",
        "cookie",
        "set-cookie",
    }
)
"""Lower-cased names of headers whose values are credentials."""

SECRET_FIELDS: frozenset[str] = frozenset(
    {
        "password",
        "secret",
        "secret_key",
        "secretkey",
        "sk",
        "securitytoken",
        "security_token",
        "id_token",
        "idtoken",
        "access_token",
        "token",
        "subject_token",
        "signature",
        "hw_ak_sk",
    }
)
"""Lower-cased names of JSON body fields / parameters whose values are credentials."""


def is_secret_header(name: str) -> bool:
    return name.strip().lower() in SECRET_HEADERS


def is_secret_field(path: str) -> bool:
    """Whether a parameter or body path (``auth.identity.password.user.password``) names a secret.

    Any component counts: every value below a secret object (IAM's ``secret: {key: SK}``) is secret.
    """
    return any(part.lower() in SECRET_FIELDS for part in re.split(r"[.\[\]]+", path) if part)


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[Any, Any]]) -> list[tuple[str, str]]:
    """``(name, value)`` pairs with the values of secret headers replaced by ``***``."""
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    shown: list[tuple[str, str]] = []
    for name, value in pairs:
        text_name = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        text_value = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        shown.append((text_name, MASK if is_secret_header(text_name) else text_value))
    return shown


def scrub_request(request: object) -> None:
    """Mask the secret header values of an ``httpx.Request`` in place (no-op for anything else)."""
    headers = getattr(request, "headers", None)
    if headers is None:
        return
    try:
        for name in list(headers.keys()):
            if is_secret_header(name):
                headers[name] = MASK
    except Exception:  # pragma: no cover - defensive: scrubbing must never hide the real error
        return


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of :func:`redact_text`, compiled on first use (about 0.7 ms: not paid at import).

    A secret name, quoted or not, as a whole word (``sk`` must not match ``task``), then a
    separator; a Python str/bytes literal exactly as repr() writes it, or a JSON string; an
    unquoted value, up to the end of the tuple / mapping entry / line.
    """
    names = sorted(SECRET_HEADERS | SECRET_FIELDS, key=len, reverse=True)
    name = re.compile(
        r"""(?<![A-Za-z0-9_-])(?P<name>[bu]?(?P<q>['"]?)(?:"""
        + "|".join(re.escape(name) for name in names)
        + r""")(?P=q))(?P<sep>\s*(?:,|:|=)\s*)""",
        re.IGNORECASE,
    )
    literal = re.compile(r"""[bu]?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")""")
    bare = re.compile(r"""[^,)}\]\n;&]*""")
    return name, literal, bare


def redact_text(text: str) -> str:
    """``text`` with the value after every secret header or field name masked.

    Handles ``(b'X-Auth-Token', b'...')`` (httpcore's trace), ``'x-auth-token': '...'``
    (dict and ``httpx.Headers`` reprs), ``"password": "..."`` (JSON), ``X-Auth-Token: ...``
    (HTTP lines) and ``password=...`` (query strings, keyword reprs). A value that opens a
    quote it never closes masks the rest of the text.
    """
    if not text:
        return text
    name_re, literal_re, bare_re = _patterns()
    out: list[str] = []
    position = 0
    while True:
        match = name_re.search(text, position)
        if match is None:
            out.append(text[position:])
            return "".join(out)
        start = match.end()
        if "," in match["sep"] and not match["q"]:  # "a token, which": prose, not a (name, value) pair
            out.append(text[position:start])
            position = start
            continue
        out.append(text[position:start])
        if start < len(text) and text[start] in "{[":  # an object/array value: masked whole, to its end
            end = _balanced_end(text, start)
        elif start < len(text) and (text[start] in "'\"" or text[start : start + 2] in ("b'", 'b"', "u'", 'u"')):
            literal = literal_re.match(text, start)
            end = literal.end() if literal is not None else len(text)
            prefix = text[start] if text[start] in "bu" else ""
            out.append(f"{prefix}'{MASK}'")
            position = end
            if position >= len(text):
                return "".join(out)
            continue
        else:
            bare = bare_re.match(text, start)
            end = bare.end() if bare is not None else len(text)
            if end == start:  # nothing after the separator: nothing to mask here
                position = max(start, match.start() + 1)
                continue
        out.append(MASK)
        position = end
        if position >= len(text):
            return "".join(out)


def _balanced_end(text: str, start: int) -> int:
    """The end of the bracketed value opening at ``start`` (or of the text, if it never closes)."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char in "'\"":
            literal = _patterns()[1].match(text, index)
            if literal is None:
                return len(text)
            index = literal.end()
            continue
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)


class SecretFilter(logging.Filter):
    """Redacts every record passing through: the fully formatted message, with its arguments."""

    _REDACTS_SECRETS: ClassVar[bool] = True  # also true of a reloaded copy of this class (see install)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let logging report it as usual
            return True
        redacted = redact_text(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, ()
        return True


SecretHeaderFilter = SecretFilter
"""The name earlier releases used."""

_FILTER = SecretFilter()
_FILTERED_LOGGERS = (
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.connection",
    "httpcore.proxy",
    "httpx",
    # The same loggers under httpx2 (pydantic's fork), for a process that runs httpx2.alias_httpx().
    "httpcore2.http11",
    "httpcore2.http2",
    "httpcore2.connection",
    "httpcore2.proxy",
    "httpx2",
    "huaweicloud_jobs",
)


def install() -> None:
    """Attach the filter to httpcore's trace loggers, httpx's and ours (idempotent).

    A logger that has a :class:`SecretFilter` already (this one, one a user added, or one of a
    reloaded copy of this module) keeps it alone, so a record is redacted once. Filters belong to
    loggers, not to handlers: logging configured before or after this runs (``basicConfig``,
    ``dictConfig``, a handler of one's own) receives records already redacted.
    """
    for name in _FILTERED_LOGGERS:
        target = logging.getLogger(name)
        if not any(getattr(existing, "_REDACTS_SECRETS", False) for existing in target.filters):
            target.addFilter(_FILTER)
