"""Region endpoints the official SDK's way: ``HUAWEICLOUD_SDK_REGION_*`` variables and ``regions.yaml``.

* ``HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION_ID>``: comma-separated endpoints; the region
  id upper-cased with ``-`` replaced by ``_`` (``HUAWEICLOUD_SDK_REGION_DRS_CN_NORTH_4``),
  as the official ``EnvRegionProvider`` builds the name.
* The regions file, ``HUAWEICLOUD_SDK_REGIONS_FILE`` or ``~/.huaweicloud/regions.yaml``, in
  the shape the official ``ProfileRegionCache`` reads::

      DRS:
        - id: cn-north-4
          endpoint: 'https://drs.cn-north-4.myhuaweicloud.com'
        - id: my-region-1
          endpoints:
            - 'https://drs.my-region-1.example.com'
            - 'https://drs-backup.my-region-1.example.com'

  (service keys in any case; ``endpoints`` first, then ``endpoint``; entries without an
  id or an endpoint are ignored).

PyYAML is not a dependency of this library, so :func:`parse_regions_yaml` is a small reader
for exactly that shape: block mappings and lists, plain/single-/double-quoted scalars,
``[a, b]`` flow lists and comments. Anything else (anchors, multi-line scalars, tabs) is an
:class:`~huaweicloud_jobs_core._endpoints.EndpointError` naming the file and line, never a
silent misreading. The tests check it against ``yaml.safe_load`` via the official reader.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from ._exceptions import HuaweiCloudJobsError
from ._public import publish

__all__ = [
    "ENV_REGIONS_FILE",
    "RegionsFileError",
    "is_region_id",
    "load_regions_file",
    "parse_regions_yaml",
    "region_env_variable",
    "regions_file_path",
]

ENV_REGION_PREFIX = "HUAWEICLOUD_SDK_REGION_"
ENV_REGIONS_FILE = "HUAWEICLOUD_SDK_REGIONS_FILE"

_REGION_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


class RegionsFileError(HuaweiCloudJobsError, ValueError):
    """The regions file cannot be read (wrapped in an ``EndpointError`` by the resolver)."""


def is_region_id(value: str) -> bool:
    """Could ``value`` be a region id (``cn-north-4``, ``eu-de``, ``my-region-101``)? Lower case, digits, dashes."""
    return isinstance(value, str) and len(value) <= 64 and _REGION_ID.match(value) is not None


def region_env_variable(service: str, region_id: str) -> str:
    """``HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION_ID>``, named as the official SDK names it."""
    return f"{ENV_REGION_PREFIX}{service.upper()}_{region_id.replace('-', '_').upper()}"


def split_endpoints(value: str) -> list[str]:
    """A comma-separated variable value as a list (blank parts dropped, spaces trimmed)."""
    return [part.strip() for part in value.split(",") if part.strip()]


def regions_file_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """``HUAWEICLOUD_SDK_REGIONS_FILE``, else ``$HOME/.huaweicloud/regions.yaml`` (``None`` without a home)."""
    env = os.environ if environ is None else environ
    explicit = env.get(ENV_REGIONS_FILE)
    if explicit:
        return Path(explicit)
    home = env.get("USERPROFILE") if sys.platform.startswith("win32") else env.get("HOME")
    return Path(home, ".huaweicloud", "regions.yaml") if home else None


# -- the minimal YAML reader ----------------------------------------------------------------


def _strip_comment(line: str) -> str:
    """Drop a ``#`` comment that starts the line or follows whitespace, outside quotes."""
    quote: str | None = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t:[,-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index].rstrip()
    return line.rstrip()


def _scalar(text: str, where: str) -> str:
    text = text.strip()
    if not text:
        raise RegionsFileError(f"{where}: empty value")
    if text[0] == "'":
        if len(text) < 2 or text[-1] != "'":
            raise RegionsFileError(f"{where}: unterminated quoted value")
        inner = text[1:-1]
        if re.search(r"(?<!')'(?!')", inner.replace("''", "")):
            raise RegionsFileError(f"{where}: unsupported quoting")
        return inner.replace("''", "'")
    if text[0] == '"':
        if len(text) < 2 or text[-1] != '"' or (text.endswith('\\"') and not text.endswith('\\\\"')):
            raise RegionsFileError(f"{where}: unterminated quoted value")
        inner = text[1:-1]
        if "\\" in inner.replace("\\\\", "").replace('\\"', ""):
            raise RegionsFileError(f"{where}: unsupported escape sequence in a double-quoted value")
        return inner.replace('\\"', '"').replace("\\\\", "\\")
    if text[0] in "&*!|>{[@`%" or text.startswith(("- ", "? ")):
        raise RegionsFileError(f"{where}: unsupported YAML syntax {text[0]!r} (only plain and quoted values)")
    if ": " in text or text.endswith(":"):
        raise RegionsFileError(f"{where}: unexpected ':' in a value (quote it)")
    return text


def _value(text: str, where: str) -> str | list[str]:
    text = text.strip()
    if text.startswith("["):
        if not text.endswith("]"):
            raise RegionsFileError(f"{where}: unterminated [ list")
        inner = text[1:-1].strip()
        return [_scalar(part, where) for part in inner.split(",")] if inner else []
    return _scalar(text, where)


def _key_value(text: str, where: str) -> tuple[str, str]:
    key, sep, rest = text.partition(":")
    if not sep or (rest and not rest.startswith(" ")):
        raise RegionsFileError(f"{where}: expected 'key: value'")
    return _scalar(key, where), rest.strip()


def parse_regions_yaml(text: str, source: str = "regions file") -> dict[str, list[dict[str, str | list[str]]]]:
    """Parse the regions file's shape: ``{service: [{id, endpoint, endpoints}, ...]}``."""
    result: dict[str, list[dict[str, str | list[str]]]] = {}
    items: list[dict[str, str | list[str]]] | None = None
    item: dict[str, str | list[str]] | None = None
    item_indent = -1
    list_key: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{source}: line {number}"
        if raw.strip() in ("---", "...") and not raw.startswith(" "):
            continue
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise RegionsFileError(f"{where}: tab in indentation")
        line = _strip_comment(raw)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        content = line.strip()
        is_dash = content == "-" or content.startswith("- ")
        if indent == 0 and not is_dash:
            key, rest = _key_value(content, where)
            if rest not in ("", "[]"):
                raise RegionsFileError(f"{where}: a service ({key!r}) must be followed by a list of regions")
            if key in result:
                raise RegionsFileError(f"{where}: service {key!r} repeated")
            items = result[key] = []
            item, item_indent, list_key = None, -1, None
            continue
        if items is None:
            raise RegionsFileError(f"{where}: indented line before any service")
        if is_dash:
            element = content[1:].strip()
            if list_key is not None and item is not None and indent > item_indent:
                values = item[list_key]
                assert isinstance(values, list)
                values.append(_scalar(element, where))
                continue
            if item_indent not in (-1, indent):
                raise RegionsFileError(f"{where}: inconsistent indentation of the region list")
            item, item_indent, list_key = {}, indent, None
            items.append(item)
            if element:
                key, rest = _key_value(element, where)
                if not rest:
                    raise RegionsFileError(f"{where}: expected a value for {key!r}")
                item[key] = _value(rest, where)
            continue
        if item is None or indent <= item_indent:
            raise RegionsFileError(f"{where}: expected '- id: ...' (a region entry)")
        key, rest = _key_value(content, where)
        if key in item:
            raise RegionsFileError(f"{where}: key {key!r} repeated")
        if rest:
            item[key], list_key = _value(rest, where), None
        else:
            item[key], list_key = [], key
    return result


def load_regions_file(path: Path) -> dict[str, list[str]]:
    """``{SERVICE + region_id: [endpoints]}`` from the file, as the official ``ProfileRegionCache`` keys it.

    A missing file gives ``{}``; an unreadable or malformed one raises :class:`RegionsFileError`.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise RegionsFileError(f"regions file {str(path)!r}: cannot read it ({type(exc).__name__})") from None
    document = parse_regions_yaml(text, f"regions file {str(path)!r}")
    table: dict[str, list[str]] = {}
    for service, regions in document.items():
        for region in regions:
            region_id = region.get("id")
            if not region_id or not isinstance(region_id, str):
                continue
            listed = region.get("endpoints") or []
            endpoints = [listed] if isinstance(listed, str) else list(listed)
            single = region.get("endpoint")
            if isinstance(single, str) and single:
                endpoints.append(single)
            if endpoints:
                table[service.upper() + region_id] = endpoints
    return table


publish(RegionsFileError)
