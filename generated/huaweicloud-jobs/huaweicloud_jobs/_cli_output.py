"""How the command line prints results: ``--output json|ndjson|table|tsv`` and ``--query`` (JMESPath).

A *listing* (a command whose operation declares ``x-paginators``, or one whose result is a list of
items) is a stream: each item is selected (``--select-*``, client-side), shaped by ``--query`` (the
expression is applied to each item, as ``jq`` to each line) and printed as it arrives, pages
fetched as they are needed:

- ``ndjson`` (the default when stdout is not a terminal): one JSON document per line;
- ``json``: one JSON array, written item by item (never held whole);
- ``tsv``: one line per item, tab-separated values (a scalar alone, a list's or an object's values
  in order), made to be piped into ``--from-file -``;
- ``table`` (the default on a terminal): aligned columns; the only form that holds every row.

Any other result is one document: ``--query`` applies to the whole of it, ``json``/``ndjson`` print it
on one line, ``tsv`` its values, ``table`` ``key  value`` rows.

JMESPath (the AWS CLI's ``--query``, KooCLI's ``--cli-query``) comes from the ``jmespath`` package,
imported only when ``--query`` is given.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from ._cli_commands import UsageError

if TYPE_CHECKING:
    from huaweicloud_jobs_core import Acknowledgement, RawResponse
    from huaweicloud_jobs_core.types import Unset

__all__ = [
    "FORMS",
    "BatchWait",
    "Output",
    "compile_query",
    "failed_items",
    "print_document",
    "print_stream",
    "to_json",
    "tsv_line",
]

FORMS = ("json", "ndjson", "table", "tsv")


class QueryError(Exception):
    """A ``--query`` that is not a JMESPath expression (a usage error)."""


def compile_query(expression: str | None) -> Callable[[Any], Any] | None:
    """The compiled JMESPath expression, or None for no ``--query``."""
    if expression is None:
        return None
    import importlib

    try:
        jmespath = importlib.import_module("jmespath")  # untyped: Any
    except ImportError:  # pragma: no cover - a dependency of the package; a broken installation
        raise QueryError("--query needs the jmespath package (pip install jmespath)") from None
    try:
        compiled = jmespath.compile(expression)
    except jmespath.exceptions.JMESPathError as error:
        raise QueryError(f"argument --query: not a JMESPath expression: {' '.join(str(error).split())}") from None
    return lambda value: compiled.search(value)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\n", " ")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def tsv_line(value: Any) -> str:
    """One item as a line of tab-separated values."""
    if isinstance(value, dict):
        return "\t".join(_scalar(item) for item in value.values())
    if isinstance(value, list):
        return "\t".join(_scalar(item) for item in value)
    return _scalar(value)


def _rows(values: list[Any]) -> str:
    if not values:
        return ""
    if all(isinstance(value, dict) for value in values):
        columns = list(dict.fromkeys(key for value in values for key in value))
        rows = [columns] + [[_scalar(value.get(column)) for column in columns] for value in values]
    else:
        rows = [[_scalar(item) for item in value] if isinstance(value, list) else [_scalar(value)] for value in values]
    widths = [max(len(row[index]) for row in rows if index < len(row)) for index in range(max(map(len, rows)))]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)


def print_stream(items: Iterable[Any], form: str, out: IO[str] | None = None) -> int:
    """Print a stream of JSON items as it arrives (``table`` collects them first); returns how many."""
    out = out or sys.stdout
    count = 0
    if form == "table":
        collected = list(items)
        text = _rows(collected)
        if text:
            out.write(text + "\n")
        out.flush()
        return len(collected)
    for item in items:  # "[" only once the first item is there: a listing that fails prints no half array
        if form == "tsv":
            out.write(tsv_line(item) + "\n")
        elif form == "json":
            out.write(("," if count else "[") + "\n" + json.dumps(item, ensure_ascii=False))
        else:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
        out.flush()
    if form == "json":
        out.write("\n]\n" if count else "[]\n")
        out.flush()
    return count


def print_document(value: Any, form: str, table: Callable[[Any], str], out: IO[str] | None = None) -> None:
    """Print one result (not a listing)."""
    out = out or sys.stdout
    if form == "table":
        text = table(value)
    elif form == "tsv":
        text = "\n".join(tsv_line(item) for item in value) if isinstance(value, list) else tsv_line(value)
    elif form == "ndjson" and isinstance(value, list):
        text = "\n".join(json.dumps(item, ensure_ascii=False) for item in value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    if text or not isinstance(value, list):  # an empty list prints no line in ndjson and tsv
        out.write(text + "\n")
    out.flush()


# ---------------------------------------------------------------------------------------------
# Results as JSON, and where they are printed


@functools.cache
def _result_types() -> tuple[type[Unset], type[Acknowledgement], type[RawResponse[Any]]]:
    """``Unset``, ``Acknowledgement`` and ``RawResponse``: imported when a command runs, never for ``--help``."""
    from huaweicloud_jobs_core import Acknowledgement, RawResponse
    from huaweicloud_jobs_core.types import Unset

    return Unset, Acknowledgement, RawResponse


def to_json(value: Any) -> Any:
    """A result as JSON: models by ``to_dict()`` (UNSET left out), result types by their fields."""
    import enum

    unset, acknowledgement, raw_response = _result_types()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items() if not isinstance(item, unset)}
    if hasattr(value, "to_dict"):
        return to_json(value.to_dict())
    if isinstance(value, acknowledgement):
        return {"status_code": value.status_code, "request_id": value.request_id, "accepted": value.accepted}
    if isinstance(value, raw_response):
        return {"status_code": value.status_code, "request_id": value.request_id, "result": to_json(value.parsed)}
    if hasattr(value, "__attrs_attrs__"):
        return {
            a.name: to_json(getattr(value, a.name))
            for a in value.__attrs_attrs__
            if a.repr and not isinstance(getattr(value, a.name), unset)
        }
    return str(value)


def failed_items(value: Any) -> int:
    """Items of a batch result that failed (``BatchResult.failures``), else 0."""
    failures = getattr(value, "failures", None)
    return len(failures) if isinstance(value, list | BatchWait) and isinstance(failures, list) else 0


def render_table(value: Any) -> str:
    """A small human table: ``key  value`` rows for an object, one row per item for a list."""
    rows: list[tuple[str, str]] = []

    def flatten(prefix: str, item: Any) -> None:
        if isinstance(item, dict) and item:
            for key, sub in item.items():
                flatten(f"{prefix}.{key}" if prefix else str(key), sub)
        elif isinstance(item, list) and item and all(isinstance(sub, dict) for sub in item):
            for index, sub in enumerate(item):
                flatten(f"{prefix}[{index}]", sub)
        else:
            rows.append((prefix or "value", item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)))

    flatten("", value)
    width = max((len(key) for key, _ in rows), default=0)
    return "\n".join(f"{key.ljust(width)}  {text}" for key, text in rows)


class BatchWait(dict[str, Any]):
    """What a batch stop with --wait prints: the stop's per-item results, then one outcome per waited id."""

    def __init__(self, stopped: Any, waited: list[dict[str, Any]]) -> None:
        super().__init__(stopped=to_json(stopped), waited=waited)
        failed = len(getattr(stopped, "failures", []) or []) + sum(not outcome["ok"] for outcome in waited)
        self.failures = [None] * failed


class Output:
    def __init__(self, settings: Mapping[str, Any], listing: bool = False) -> None:
        self.quiet = bool(settings["quiet"])
        chosen = settings["output"]
        self.form = chosen or ("table" if sys.stdout.isatty() else "ndjson" if listing else "json")
        try:
            self.query = compile_query(settings["query"])
        except QueryError as error:
            raise UsageError(str(error)) from None
        self._lock = threading.Lock()

    def result(self, value: Any) -> None:
        if self.quiet:
            return
        shaped = self.query(value) if self.query else value
        with self._lock:
            print_document(shaped, self.form, render_table)

    def stream(self, items: Iterable[Any]) -> int:
        """Print a listing's items as they come (each shaped by ``--query``); returns how many."""
        query = self.query
        shaped = (query(item) for item in items) if query else items
        if self.quiet:
            return sum(1 for _ in shaped)
        return print_stream(shaped, self.form)

    def line(self, value: Any) -> None:
        if not self.quiet:
            with self._lock:
                sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
                sys.stdout.flush()

    @staticmethod
    def error(document: Mapping[str, Any]) -> None:
        sys.stderr.write(json.dumps(document, ensure_ascii=False) + "\n")
        sys.stderr.flush()
