"""The commands of one service, read from its generated command table (``<package>/commands.json``).

``tools/generate.py`` writes the table from what openapi-python-client produced (the Python name
of every argument, its location, kind, limits and description, the waiters and paginators), so the
command line never re-derives the generator's naming rule nor reflects on a class. Reading a table
imports nothing: ``huaweicloud-jobs <service> --help`` loads neither httpx, attrs nor the runtime.

One table entry (an operation) gives:

- the command ``<op>``: a required positional argument of the method is a positional argument;
  every other one is an option (``--kebab-name``); ``bool`` is ``--flag/--no-flag``; a list
  repeats; an enum lists its values; a model is a JSON document read from ``@FILE`` or ``@-``
  (stdin), never inline, since such bodies carry passwords and tokens. ``<op>`` gains ``--wait``
  when there is ``<op>_and_wait``, or, for a batch stop such as DLI ``stop_jobs``, a waiter that
  follows it (each id is waited for after the batch); a DELETE has ``--missing-ok``;
- ``<op>-and-wait`` and ``wait-until-<waiter>`` as commands of their own.

Values are converted leniently and checked by the library, so a bad value is rejected before
sending with the library's own message (``InvalidParameterError``, exit code 2).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Argument", "Command", "UsageError", "commands_of", "read_table"]

BEHAVIOUR_FLAGS = ("wait", "dry-run", "from-file", "concurrency", "rate", "state-file")
"""Options of the command line itself: a parameter of the same name becomes --param-<name>."""


class UsageError(Exception):
    """A command line that cannot be run (argparse's complaints included)."""

    def __init__(self, message: str, usage: str = "") -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class Argument:
    """One parameter of a method as the command line sees it."""

    name: str  # the Python parameter name, as the generator gave it
    flag: str | None  # "--kebab" for an option, None for a positional
    convert: Callable[[str], Any]
    is_list: bool
    is_bool: bool
    required: bool
    metavar: str
    help: str
    is_model: bool = False
    location: str = ""  # path, query, header, body (the spec's), or wait, paginator, client

    @property
    def dest(self) -> str:
        """The namespace attribute: prefixed, so no parameter name meets argparse's own (``service``, ``command``)."""
        return "arg_" + self.name


@dataclass
class Command:
    name: str  # kebab case
    method: str  # the Python method name
    summary: str
    description: str
    arguments: list[Argument]
    wait_method: str | None  # "<method>_and_wait" when the service has it
    wait_arguments: list[Argument]  # parameters only the waiting call takes
    list_limit: int | None  # maxItems of a list positional, for batches
    iter_method: str | None = None  # "iter_<method>" when the spec declares x-paginators: a listing
    listing: bool = False  # a listing, or a result that is a list of items: --select-* apply
    batch_waiter: str | None = None  # "wait_until_<w>" waited on per id after a batch stop (no _and_wait)
    resumable: str | None = None  # "begin_wait_until_<w>" of a command with --wait: --state-file

    @property
    def positionals(self) -> list[Argument]:
        return [argument for argument in self.arguments if argument.flag is None]

    @property
    def bulk(self) -> Argument | None:
        """The positional ``--from-file`` fills: the last id in the path, or a list of ids (a batch).

        Never a JSON document, nor another required value of the body (an enum, a name): those are
        given once on the command line, for every line of the file.
        """
        for argument in reversed(self.positionals):
            if not argument.is_model and (argument.location == "path" or argument.is_list):
                return argument
        return None


def read_table(package: str) -> dict[str, Any]:
    """The command table bundled in a service package, read beside its ``__init__`` without importing it."""
    import importlib.util

    found = importlib.util.find_spec(package)
    locations = list(found.submodule_search_locations or []) if found else []
    if not locations:
        raise UsageError(f"{package} is not installed")
    path = Path(locations[0]) / "commands.json"
    try:
        table: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{package} has no readable command table ({path}): {exc}") from None
    return table


def commands_of(table: Mapping[str, Any], global_flags: frozenset[str] = frozenset()) -> dict[str, Command]:
    """Every command of one service's table, by kebab-case name, in alphabetical order.

    A parameter named like one of ``global_flags`` (the options of every command) or of the command
    line's own options becomes ``--param-<name>`` (a waiter's ``timeout`` becomes ``--wait-timeout``).
    """
    package = str(table.get("package", ""))
    operations: list[Mapping[str, Any]] = list(table["operations"])
    wait_entries: list[Mapping[str, Any]] = list(table.get("wait_parameters", ()))
    waiters = {w["method"]: (operation, w) for operation in operations for w in operation["waiters"]}
    found: dict[str, Command] = {}

    def arguments(entries: list[Mapping[str, Any]], rename_timeout: bool) -> list[Argument]:
        return [_argument(entry, package, rename_timeout, global_flags) for entry in entries]

    for operation in operations:
        method = operation["method"]
        entries = list(operation["parameters"])
        paginator = operation.get("paginator")
        listed = arguments(entries + list(paginator["parameters"]) if paginator else entries, False)
        own = arguments(entries, False)
        and_wait = operation.get("and_wait")
        follower = next((f"wait_until_{w}" for w in operation["followed_by"] if f"wait_until_{w}" in waiters), None)
        waits_with = (and_wait and and_wait["method"]) or follower
        positionals = [argument for argument in own if argument.flag is None]
        last_is_list = bool(positionals) and positionals[-1].is_list
        limits = _entry_named(entries, positionals[-1].name)["limits"] if last_is_list else {}
        found[_kebab(method)] = Command(
            name=_kebab(method),
            method=method,
            summary=operation["summary"],
            description=operation["description"],
            arguments=listed,
            wait_method=and_wait["method"] if and_wait else None,
            wait_arguments=arguments(wait_entries, True) if waits_with else [],
            list_limit=int(limits["maxItems"]) if "maxItems" in limits else None,
            iter_method=paginator["iter"] if paginator else None,
            listing=paginator is not None or operation["result"] == "list",
            batch_waiter=follower if not and_wait and last_is_list else None,
            resumable=f"begin_{follower}" if follower else None,
        )
        if and_wait:
            name = and_wait["method"]
            found[_kebab(name)] = Command(
                name=_kebab(name),
                method=name,
                summary=f"{method}, then wait_until_{and_wait['waiter']} with the same ids and options.",
                description="A refused stop of a job already in a success state returns that state.",
                arguments=arguments(entries + wait_entries, True),
                wait_method=None,
                wait_arguments=[],
                list_limit=None,
            )
    for name, (operation, waiter) in waiters.items():
        ids = [entry for entry in operation["parameters"] if entry["in"] == "path"]
        found[_kebab(name)] = Command(
            name=_kebab(name),
            method=name,
            summary=waiter.get("description") or f"Wait until {waiter['name']}.",
            description=f"Polls {operation['method']} until the job is {waiter['name']}.",
            arguments=arguments(ids + wait_entries, True),
            wait_method=None,
            wait_arguments=[],
            list_limit=None,
        )
    return dict(sorted(found.items()))


def _entry_named(entries: list[Mapping[str, Any]], name: str) -> Mapping[str, Any]:
    return next(entry for entry in entries if entry["name"] == name)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _argument(entry: Mapping[str, Any], package: str, rename_timeout: bool, global_flags: frozenset[str]) -> Argument:
    name = str(entry["name"])
    kind, is_list, values = entry["kind"], bool(entry["list"]), entry.get("values")
    is_bool = kind == "bool"
    is_model = kind == "model"
    convert: Callable[[str], Any] = str
    metavar, extra = "TEXT", ""
    if is_bool:
        metavar = ""
    elif values:
        metavar = "{" + ",".join(str(value) for value in values) + "}"
        convert = _lenient(int) if all(isinstance(value, int) for value in values) else str
    elif is_model:
        metavar, extra = "@FILE", f"a JSON {entry['model']} from @FILE or @- (stdin)"
        convert = _json_document(name, package, str(entry["model"]))
    elif kind == "int":
        metavar, convert = "INT", _lenient(int)
    elif kind == "float":
        metavar, convert = "NUMBER", _lenient(float)
    required = bool(entry["required"])
    positional = required and bool(entry["positional"]) and not is_bool
    flag = None
    if not positional:
        kebab = name.rstrip("_").replace("_", "-")
        if "--" + kebab in global_flags or kebab in BEHAVIOUR_FLAGS:
            kebab = "wait-timeout" if kebab == "timeout" and rename_timeout else "param-" + kebab
        flag = "--" + kebab
    text = " ".join(part for part in (str(entry.get("description") or ""), extra) if part)
    if entry.get("default") not in (None, "") and not required:
        text += f" (default: {entry['default']!r})"
    if flag is None or not metavar:
        metavar = name.rstrip("_").upper()
    if flag is None and values:
        text += " (one of: " + ", ".join(str(value) for value in values) + ")"
    return Argument(name, flag, convert, is_list, is_bool, required, metavar, text.strip(), is_model, str(entry["in"]))


def _lenient(kind: type) -> Callable[[str], Any]:
    """Convert if it can; otherwise pass the text on for the library to reject with its own message."""

    def convert(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            return text

    return convert


def _json_document(name: str, package: str, model_name: str) -> Callable[[str], Any]:
    """A model argument: a JSON document from ``@FILE`` or ``@-``, built into the package's model class."""

    def convert(text: str) -> Any:
        if not text.startswith("@"):
            raise UsageError(f"argument {name}: pass a JSON document as @FILE or @- (stdin), never inline")
        source = text[1:]
        try:
            if source == "-":
                data = json.load(sys.stdin)
            else:
                with open(source, encoding="utf-8") as handle:
                    data = json.load(handle)
        except (OSError, ValueError) as exc:
            raise UsageError(f"argument {name}: cannot read a JSON document from {source}: {exc}") from None
        import importlib

        model = getattr(importlib.import_module(f"{package}.models"), model_name)
        try:
            return model.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(f"argument {name}: the document does not match {model_name}: {exc!r}") from None

    return convert
