"""Tolerant extraction of error details from whatever an error response contains.

Error bodies come from the services, from API Gateway (APIG) and from proxies in
between, so they are not reliably JSON: the API documents show single-quoted
"JSON" (``{ "error_code": 'APIG.1002', ... }``), nested ``{"error": {...}}``
objects, and proxies send HTML or plain text.  :func:`parse_error_body` takes any
bytes and never raises; it examines only the first :data:`MAX_EXAMINED_BYTES` and
uses no backtracking-prone patterns, so it stays fast on hostile input.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any, TypeVar

from ._defaults import REQUEST_ID_HEADERS

__all__ = ["MAX_EXAMINED_BYTES", "ErrorDetails", "parse_error_body", "request_id_from_headers"]

MAX_EXAMINED_BYTES = 64 * 1024
_MAX_CODE_CHARS = 200
_MAX_TEXT_CHARS = 4096
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """What could be learnt from an error body; every field may be ``None``."""

    error_code: str | None = None
    message: str | None = None
    common_error_code: str | None = None
    solution_msg: str | None = None
    http_code: int | None = None


# Candidate keys in priority order: the most specific first.  "top" is the body
# object, "nested" is its "error" object if there is one.
_CODE_KEYS = ("error_code", "errorCode")
_MESSAGE_KEYS = ("error_msg", "errorMsg", "error_message", "errorMessage")
_GENERIC_CODE_KEYS = ("code",)
_GENERIC_MESSAGE_KEYS = ("message", "msg", "error_description", "detail")

# Keys the regex fallback looks for; anything else in a broken body is ignored.
_KNOWN_KEYS = (
    *_CODE_KEYS,
    *_MESSAGE_KEYS,
    *_GENERIC_CODE_KEYS,
    *_GENERIC_MESSAGE_KEYS,
    "common_error_code",
    "solution_msg",
    "http_code",
    "title",
)


# "key" or 'key', a colon, then a "double", 'single'-quoted, numeric or null value.
# The quoted-string bodies use the unrolled [^q\\]*(\\.[^q\\]*)* form: unambiguous, so no
# catastrophic backtracking.
@functools.cache
def _pair_re() -> re.Pattern[str]:
    """Compiled on the first error body that is not JSON (not at import: it costs about 0.4 ms)."""
    return re.compile(
        r"""(["'])(?P<key>""" + "|".join(_KNOWN_KEYS) + r""")\1\s*:\s*"""
        r"""(?:"(?P<dq>[^"\\]*(?:\\.[^"\\]*)*)"|'(?P<sq>[^'\\]*(?:\\.[^'\\]*)*)'|(?P<num>-?\d{1,20})\b|null\b)""",
        re.DOTALL,
    )


def parse_error_body(body: bytes, content_type: str | None = None) -> ErrorDetails:
    """Extract error code, message, etc. from an error response body.

    Never raises: any bytes in, an :class:`ErrorDetails` out (all ``None`` when
    nothing useful is found).  Tries, in order: JSON; for HTML, its ``<title>``;
    ``"key": 'value'`` pairs (single-quoted or truncated bodies); plain text.
    """
    try:
        return _parse(bytes(body[:MAX_EXAMINED_BYTES]), content_type)
    except Exception:  # defensive: the contract is "never raises"
        return ErrorDetails()


def request_id_from_headers(headers: Mapping[str, str], documented: tuple[str, ...] = ()) -> str | None:
    """The request id from response headers, matched case-insensitively.

    Looks at the headers an operation documents for it first (``documented``), then at
    :data:`~._defaults.REQUEST_ID_HEADERS`. The one place that knows where request ids are,
    for results and errors alike.
    """
    lowered: dict[str, str] = {}
    for name, value in headers.items():
        lowered.setdefault(name.lower(), value)
    for name in (*documented, *REQUEST_ID_HEADERS):
        value = lowered.get(name.lower(), "").strip()
        if value:
            return value
    return None


def _parse(body: bytes, content_type: str | None) -> ErrorDetails:
    text = _decode(body, content_type).strip()
    if not text:
        return ErrorDetails()
    try:
        parsed: Any = json.loads(text)
    except (ValueError, RecursionError):
        pass
    else:
        if isinstance(parsed, list):
            parsed = next((item for item in parsed[:1] if isinstance(item, dict)), None)
        if isinstance(parsed, dict):
            return _from_object(parsed)
        if isinstance(parsed, str):
            # A body that is a JSON string holding error text, e.g. a mock serving the gateway's
            # single-quoted 401 example as a string: read the text inside once more.
            pairs = _scan_pairs(parsed)
            return _from_object(pairs) if pairs else ErrorDetails(message=_text(parsed))
        return ErrorDetails()
    if text.startswith("<"):  # HTML from a proxy; don't pick "key": pairs out of its scripts
        return ErrorDetails(message=_html_title(text))
    pairs = _scan_pairs(text)
    if pairs:
        return _from_object(pairs)
    if _is_plain_text(text, content_type):
        return ErrorDetails(message=_text(text))
    return ErrorDetails()


def _decode(body: bytes, content_type: str | None) -> str:
    """Decode with the declared charset if it is a real text codec, else UTF-8."""
    charset = _charset(content_type)
    if charset:
        try:  # non-text codecs such as "base64" raise LookupError here too
            return body.decode(charset, errors="replace")
        except (LookupError, ValueError):
            pass
    return body.decode("utf-8-sig", errors="replace")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    try:
        msg = Message()
        msg["content-type"] = content_type
        charset = msg.get_content_charset()
    except Exception:  # a garbled header must not cost us the body
        return None
    return charset if isinstance(charset, str) else None


def _from_object(top: Mapping[str, Any]) -> ErrorDetails:
    nested = top.get("error")
    inner: Mapping[str, Any] = nested if isinstance(nested, dict) else {}
    objects = (top, inner)

    def first(keys: tuple[str, ...], convert: Callable[[object], _T | None]) -> _T | None:
        for obj in objects:
            for key in keys:
                value = convert(obj.get(key))
                if value is not None:
                    return value
        return None

    error_code = first(_CODE_KEYS, _code) or first(_GENERIC_CODE_KEYS, _code)
    if error_code is None and isinstance(nested, str):  # OAuth style {"error": "invalid_grant"}
        error_code = _code(nested)
    message = first(_MESSAGE_KEYS, _text) or first(_GENERIC_MESSAGE_KEYS, _text) or first(("title",), _text)
    return ErrorDetails(
        error_code=error_code,
        message=message,
        common_error_code=first(("common_error_code",), _code),
        solution_msg=first(("solution_msg",), _text),
        http_code=first(("http_code",), _http_code),
    )


def _code(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        return value.strip()[:_MAX_CODE_CHARS].rstrip() or None
    return None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        # Strip again after cutting: the cut can land just after whitespace.
        return value.strip()[:_MAX_TEXT_CHARS].rstrip() or None
    return None


def _http_code(value: object) -> int | None:
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit() and len(value) <= 3):
            return None
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 999:
        return value
    return None


def _scan_pairs(text: str) -> dict[str, Any]:
    """``"key": value`` pairs from a body that is not valid JSON; first non-null wins."""
    found: dict[str, Any] = {}
    for match in _pair_re().finditer(text):
        key = match["key"]
        if key in found:
            continue
        if match["dq"] is not None:
            found[key] = _unescape(match["dq"])
        elif match["sq"] is not None:
            found[key] = _unescape(match["sq"].replace("\\'", "'"))
        elif match["num"] is not None:
            found[key] = int(match["num"])
    return found


def _unescape(raw: str) -> str:
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return value if isinstance(value, str) else raw


@functools.cache
def _title_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The opening (bounded, so it stays linear) and closing ``<title>`` tags, compiled on first use."""
    return re.compile(r"<title\b[^>]{0,200}>", re.IGNORECASE), re.compile(r"</title", re.IGNORECASE)


def _html_title(text: str) -> str | None:
    """The ``<title>`` text of an HTML page, if it has one."""
    opening_re, closing_re = _title_res()
    opening = opening_re.search(text)
    if opening is None:
        return None
    closing = closing_re.search(text, opening.end())
    if closing is None:
        return None
    import html  # only proxies' error pages need it

    return _text(" ".join(html.unescape(text[opening.end() : closing.start()]).split()))


def _is_plain_text(text: str, content_type: str | None) -> bool:
    """Use a non-JSON, non-HTML body as the message when it plausibly is one."""
    if "\ufffd" in text or not all(ch.isprintable() or ch.isspace() for ch in text):
        return False  # binary or wrongly decoded: better no message than mojibake
    if content_type and content_type.split(";", 1)[0].strip().lower() == "text/plain":
        return True
    return text[0] not in "{["
