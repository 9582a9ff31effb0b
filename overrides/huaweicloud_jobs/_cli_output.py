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

import json
import sys
from collections.abc import Callable, Iterable
from typing import IO, Any

__all__ = ["FORMS", "compile_query", "print_document", "print_stream", "tsv_line"]

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
