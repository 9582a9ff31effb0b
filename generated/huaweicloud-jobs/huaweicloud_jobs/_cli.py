"""The command line: every public method of every generated ``Service`` class is a command.

``huaweicloud-jobs <service> <operation> [arguments]``: ``<service>`` is a ``Cloud`` attribute
(``huaweicloud_jobs.SERVICES``), ``<operation>`` a method of its ``Service`` class in kebab case.
Nothing here names a service or an operation; the parser of a service is built from its class
when that service is named on the command line:

- a required positional parameter is a positional argument; every other parameter is an option
  (``--kebab-name``); ``bool`` is ``--flag/--no-flag``; ``list[...]`` repeats; a ``Literal`` lists
  its values; a model (``from_dict``) is a JSON document read from ``@FILE`` or ``@-`` (stdin),
  never inline, since such bodies carry passwords and tokens;
- values are converted leniently and checked by the library, so a bad value is rejected before
  sending with the library's own message (``InvalidParameterError``, exit code 2);
- help text comes from the method's docstring and the service's bundled OpenAPI document;
- ``<op>`` gains ``--wait`` when the class also has ``<op>_and_wait`` (or, for a batch stop such as
  DLI ``stop_jobs``, a ``wait_until_*`` whose waiter follows it: each id is waited for after the
  batch); ``missing_ok`` becomes ``--missing-ok`` like any other bool;
- an ``<op>`` with ``iter_<op>`` (its spec declares ``x-paginators``) is a *listing*: it streams
  every item across pages (``--max-items``, ``--starting-token``; the next token on stderr), and,
  like any operation whose result is a list, takes ``--select-name/--select-tag/--select-state``
  (client-side, ``huaweicloud_jobs.Selection``); ``iter_*`` and ``*_pages`` are not commands;
- ``--output json|ndjson|table|tsv`` and ``--query`` (JMESPath) are in ``_cli_output``.

Why argparse and a hand-written progress line: both are in the standard library and cost nothing
to import, and the whole CLI must start within 1.5x of ``import httpx``. ``huaweicloud-jobs --help``
imports neither httpx nor attrs nor any service: this module imports the runtime only when a
service is named (the umbrella resolves its names lazily for the same reason).

This module lives in the umbrella (copied from ``overrides/huaweicloud_jobs/`` by
``tools/generate.py``) rather than in ``huaweicloud_jobs_core``: importing any submodule of the
runtime imports the runtime's ``__init__``, which loads httpx and attrs.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NoReturn

from . import _cli_output

if TYPE_CHECKING:
    from huaweicloud_jobs_core import Acknowledgement, RawResponse
    from huaweicloud_jobs_core.types import Unset

__all__ = ["EXIT_CODES", "ExitCode", "exit_code_for", "run"]


@dataclass(frozen=True)
class ExitCode:
    code: int
    meaning: str
    errors: tuple[str, ...]


EXIT_CODES: tuple[ExitCode, ...] = (
    ExitCode(0, "success", ()),
    ExitCode(1, "some items failed: a bulk run (--from-file) or a batch operation reporting failed items", ()),
    ExitCode(
        2,
        "usage or invalid input, rejected before sending (or HTTP 400)",
        ("UsageError", "InvalidParameterError", "ProjectRequiredError", "EndpointError", "BadRequestError"),
    ),
    ExitCode(
        3,
        "credentials, authentication or permission",
        ("CredentialsError", "SigningError", "AuthenticationError", "PermissionDeniedError"),
    ),
    ExitCode(4, "not found (HTTP 404)", ("NotFoundError",)),
    ExitCode(
        5,
        "conflict or failed state (HTTP 409, failure inside a 2xx body, failed batch, waiter failure)",
        ("ConflictError", "OperationFailedError", "BatchFailedError", "WaiterFailedError"),
    ),
    ExitCode(
        6,
        "timeout (client or server side, including a waiter's timeout)",
        ("ClientTimeoutError", "ServerTimeoutError", "RequestTimeoutError"),
    ),
    ExitCode(7, "connection failed (refused, reset, DNS, TLS)", ("ConnectionFailedError", "TransportError")),
    ExitCode(
        8,
        "server error or anything unexpected",
        ("ServerError", "RateLimitError", "UnexpectedStatusError", "ResponseValidationError", "Exception"),
    ),
    ExitCode(130, "interrupted (Ctrl-C)", ("KeyboardInterrupt",)),
)
"""The exit codes, stable across versions: the ``--help`` epilog and the README table are this table.

An exception gets the code of the first class of its MRO listed here, so a new subclass of a
listed error (a waiter's timeout under ``RequestTimeoutError``, say) gets its parent's code.
"""

_CODE_BY_NAME = {name: entry.code for entry in EXIT_CODES for name in entry.errors}
OK, ITEMS_FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130
SECRET_HEADERS = frozenset({"authorization", "x-auth-token", "x-security-token"})
ALLOW_HTTP_VARIABLE = "HUAWEICLOUD_JOBS_ALLOW_HTTP"
_VALUE_OPTIONS = ("--region", "--project-id", "--endpoint", "--timeout", "--retries", "--output", "--query")


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of an exception (see :data:`EXIT_CODES`)."""
    for cls in type(error).__mro__:
        if cls.__name__ in _CODE_BY_NAME:
            return _CODE_BY_NAME[cls.__name__]
    return 8


def exit_code_table() -> str:
    """The table of :data:`EXIT_CODES` in Markdown (the README has this exact text)."""
    lines = ["| code | meaning | errors |", "|---|---|---|"]
    for entry in EXIT_CODES:
        errors = ", ".join(f"`{name}`" for name in entry.errors if name != "Exception")
        if "Exception" in entry.errors:
            errors += ", any other error"
        lines.append(f"| {entry.code} | {entry.meaning} | {errors or '—'} |")
    return "\n".join(lines)


def _epilog() -> str:
    lines = ["exit codes:"]
    for entry in EXIT_CODES:
        lines.append(f"  {entry.code:>3}  {entry.meaning}")
    lines += [
        "",
        "Credentials come from the environment only (HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN or CLOUD_SDK_AK/SK,",
        "HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_REGION, HUAWEICLOUD_JOBS_<SERVICE>_ENDPOINT); the",
        "command line never takes a secret and never asks a question. Results are JSON on stdout, errors",
        "one JSON object on stderr.",
    ]
    return "\n".join(lines)


class UsageError(Exception):
    """A command line that cannot be run (argparse's complaints included)."""

    def __init__(self, message: str, usage: str = "") -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    """argparse, raising instead of printing and exiting, so usage errors are JSON like all others."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage().strip())


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32, width=100)


def _add_global_options(parser: argparse.ArgumentParser, prefix: str) -> None:
    """The options of every command, accepted before the service and after the operation.

    Both copies use SUPPRESS defaults and their own ``dest`` prefix; :func:`_settings` merges them.
    """
    group = parser.add_argument_group("global options")
    add = group.add_argument
    s = argparse.SUPPRESS
    add(
        "--region",
        dest=prefix + "region",
        default=s,
        metavar="REGION",
        help="e.g. cn-north-4 (else HUAWEICLOUD_SDK_REGION)",
    )
    add(
        "--project-id",
        dest=prefix + "project_id",
        default=s,
        metavar="ID",
        help="project (else HUAWEICLOUD_SDK_PROJECT_ID)",
    )
    add(
        "--endpoint",
        dest=prefix + "endpoint",
        action="append",
        default=s,
        metavar="SERVICE=URL",
        help="endpoint of one service (repeatable)",
    )
    add(
        "--timeout",
        dest=prefix + "timeout",
        type=float,
        default=s,
        metavar="SECONDS",
        help="read timeout; each attempt ends within twice this",
    )
    add("--retries", dest=prefix + "retries", type=int, default=s, metavar="N", help="max attempts (1: no retry)")
    add(
        "--allow-http",
        dest=prefix + "allow_http",
        action="store_true",
        default=s,
        help=f"allow http:// endpoints, a local server only (also {ALLOW_HTTP_VARIABLE}=1)",
    )
    add(
        "--output",
        dest=prefix + "output",
        choices=_cli_output.FORMS,
        default=s,
        help="result format (default: table on a terminal, else ndjson for a listing and json otherwise)",
    )
    add(
        "--query",
        dest=prefix + "query",
        default=s,
        metavar="JMESPATH",
        help="JMESPath expression applied to each item of a listing, else to the result (e.g. job_id)",
    )
    add("--quiet", "-q", dest=prefix + "quiet", action="store_true", default=s, help="print errors only")
    add("--verbose", "-v", dest=prefix + "verbose", action="store_true", default=s, help="log requests to stderr")


_GLOBAL_DEFAULTS: dict[str, Any] = {
    "region": None,
    "project_id": None,
    "endpoint": [],
    "timeout": None,
    "retries": None,
    "allow_http": False,
    "output": None,
    "query": None,
    "quiet": False,
    "verbose": False,
}
_GLOBAL_FLAGS = {"--" + name.replace("_", "-") for name in _GLOBAL_DEFAULTS}
_BEHAVIOUR_FLAGS = ("wait", "dry-run", "from-file", "concurrency", "rate", "state-file")
"""Options of the command line itself: a parameter of the same name becomes --param-<name>."""


def _settings(namespace: argparse.Namespace) -> dict[str, Any]:
    merged = dict(_GLOBAL_DEFAULTS)
    for name in _GLOBAL_DEFAULTS:
        for prefix in ("g_", "s_"):
            if hasattr(namespace, prefix + name):
                value = getattr(namespace, prefix + name)
                merged[name] = merged[name] + value if name == "endpoint" else value
    return merged


# ---------------------------------------------------------------------------------------------
# Reading a Service class


@dataclass
class _Argument:
    """One parameter of a method as the command line sees it."""

    name: str  # the Python parameter name
    flag: str | None  # "--kebab" for an option, None for a positional
    convert: Callable[[str], Any]
    is_list: bool
    is_bool: bool
    required: bool
    metavar: str
    help: str
    is_model: bool = False


@dataclass
class _Command:
    name: str  # kebab case
    method: str  # the Python method name
    summary: str
    description: str
    arguments: list[_Argument]
    wait_method: str | None  # "<method>_and_wait" when the class has it
    wait_arguments: list[_Argument]  # parameters only the _and_wait method takes
    list_limit: int | None  # maxItems of a list positional, for batches
    iter_method: str | None = None  # "iter_<method>" when the spec declares x-paginators: a listing
    listing: bool = False  # a listing, or a result that is a list of items: --select-* apply
    batch_waiter: str | None = None  # "wait_until_<w>" waited on per id after a batch stop (no _and_wait)
    resumable: str | None = None  # "begin_wait_until_<w>" of a command with --wait: --state-file

    @property
    def positionals(self) -> list[_Argument]:
        return [argument for argument in self.arguments if argument.flag is None]

    @property
    def bulk(self) -> _Argument | None:
        """The positional ``--from-file`` fills: the last one, when it holds ids (not a JSON document)."""
        positionals = self.positionals
        return positionals[-1] if positionals and not positionals[-1].is_model else None


def _service_class(cloud_class: type, service: str) -> tuple[type, str]:
    """The synchronous Service class behind ``Cloud.<service>``, and its package name."""
    import importlib
    import inspect
    import typing

    attribute = inspect.getattr_static(cloud_class, service)
    function = getattr(attribute, "func", None) or getattr(attribute, "fget", None)
    if function is None:
        raise UsageError(f"{cloud_class.__name__}.{service} is not a service")
    try:  # a class, or a name the function's module can resolve
        annotation = typing.get_type_hints(function).get("return")
    except NameError:  # the umbrella names "<package>.Service" under TYPE_CHECKING only: import it
        annotation = function.__annotations__.get("return")
    if isinstance(annotation, type):
        return annotation, annotation.__module__.split(".")[0]
    if not isinstance(annotation, str) or "." not in annotation:
        raise UsageError(f"{cloud_class.__name__}.{service} does not declare its service class")
    module_name, _, class_name = annotation.strip("'\"").rpartition(".")
    service_class = getattr(importlib.import_module(module_name), class_name)
    return service_class, module_name.split(".")[0]


def _python_name(name: str) -> str:
    """The argument name the generator gives a spec name: ``X-Language`` → ``x_language``."""
    import builtins
    import keyword
    import re

    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    identifier = re.sub(r"[^0-9A-Za-z]+", "_", snake).strip("_").lower()
    return identifier + "_" if keyword.iskeyword(identifier) or identifier in dir(builtins) else identifier


def _spec_inputs(package: str, method: str) -> tuple[dict[str, str], dict[str, int]]:
    """``{argument: description}`` and ``{argument: maxItems}`` for an operation of the bundled spec."""
    try:
        from huaweicloud_jobs_core.seam import load_document, resolve_refs

        document = load_document(package)
    except (ImportError, OSError, TypeError, ValueError):  # no bundled spec: the docstring is the help
        return {}, {}
    descriptions: dict[str, str] = {}
    limits: dict[str, int] = {}
    for path_item in document.get("paths", {}).values():
        item = resolve_refs(document, path_item)
        for operation in item.values():
            if not isinstance(operation, dict) or operation.get("operationId") != method:
                continue
            parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
            for parameter in parameters:
                schema = parameter.get("schema", {})
                text = parameter.get("description") or schema.get("description") or ""
                descriptions[_python_name(parameter["name"])] = text
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            for key, schema in body.get("schema", {}).get("properties", {}).items():
                descriptions[_python_name(key)] = schema.get("description", "")
                if "maxItems" in schema:
                    limits[_python_name(key)] = int(schema["maxItems"])
    return {key: " ".join(value.split()) for key, value in descriptions.items()}, limits


def _lenient(kind: type) -> Callable[[str], Any]:
    """Convert if it can; otherwise pass the text on for the library to reject with its own message."""

    def convert(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            return text

    return convert


def _json_document(name: str, model: Any) -> Callable[[str], Any]:
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
        try:
            return model.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(f"argument {name}: the document does not match {model.__name__}: {exc!r}") from None

    return convert


def _describe(hint: Any) -> tuple[Callable[[str], Any], bool, bool, str, str]:
    """(convert, is_list, is_bool, metavar, extra help) for a type hint."""
    import types
    import typing

    options = list(typing.get_args(hint)) if typing.get_origin(hint) in (typing.Union, types.UnionType) else [hint]
    options = [o for o in options if o is not type(None) and getattr(o, "__name__", "") != "Unset"]
    hint = options[0] if len(options) == 1 else str
    is_list = typing.get_origin(hint) is list
    if is_list:
        (hint,) = typing.get_args(hint) or (str,)
    if hint is bool:
        return (lambda text: text), is_list, True, "", ""
    if typing.get_origin(hint) is typing.Literal:
        values = [str(value) for value in typing.get_args(hint)]
        return str, is_list, False, "{" + ",".join(values) + "}", ""
    if isinstance(hint, type) and hasattr(hint, "from_dict"):
        return (lambda text: text), is_list, False, "@FILE", f"a JSON {hint.__name__} from @FILE or @- (stdin)"
    if hint is int:
        return _lenient(int), is_list, False, "INT", ""
    if hint is float:
        return _lenient(float), is_list, False, "NUMBER", ""
    return str, is_list, False, "TEXT", ""


def _is_wait_options(hint: Any) -> bool:
    """``WaitOptions | None``: the options object; the command line has their flags one by one.

    (Only asked of a generated method's hints: its module has already imported the runtime.)
    """
    import typing

    from huaweicloud_jobs_core import WaitOptions

    return any(member is WaitOptions for member in (*typing.get_args(hint), hint))


def _arguments(function: Any, descriptions: Mapping[str, str], rename_timeout: bool) -> list[_Argument]:
    import inspect
    import typing

    hints = typing.get_type_hints(function)
    arguments = []
    for name, parameter in inspect.signature(function).parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        hint = hints.get(name, str)
        if _is_callback(hint) or _is_wait_options(hint):
            continue  # progress callbacks (on_state) and WaitOptions objects are for Python callers
        convert, is_list, is_bool, metavar, extra = _describe(hint)
        if metavar == "@FILE":
            convert = _json_document(name, _model_of(hint))
        required = parameter.default is inspect.Parameter.empty
        positional = required and parameter.kind is parameter.POSITIONAL_OR_KEYWORD and not is_bool
        flag = None
        if not positional:
            kebab = name.rstrip("_").replace("_", "-")
            if "--" + kebab in _GLOBAL_FLAGS or kebab in _BEHAVIOUR_FLAGS:
                kebab = "wait-timeout" if kebab == "timeout" and rename_timeout else "param-" + kebab
            flag = "--" + kebab
        text = " ".join(part for part in (descriptions.get(name, ""), extra) if part)
        if not required and parameter.default not in (None, inspect.Parameter.empty) and not _is_unset(parameter):
            text += f" (default: {parameter.default!r})"
        is_model = metavar == "@FILE"
        if flag is None or not metavar:
            metavar = name.rstrip("_").upper()
        arguments.append(_Argument(name, flag, convert, is_list, is_bool, required, metavar, text.strip(), is_model))
    return arguments


def _is_callback(hint: Any) -> bool:
    import collections.abc
    import typing

    options = typing.get_args(hint) if typing.get_origin(hint) is not collections.abc.Callable else (hint,)
    return any(typing.get_origin(option) is collections.abc.Callable for option in (*options, hint))


def _is_unset(parameter: Any) -> bool:
    return isinstance(parameter.default, _result_types()[0])


@functools.cache
def _result_types() -> tuple[type[Unset], type[Acknowledgement], type[RawResponse[Any]]]:
    """``Unset``, ``Acknowledgement`` and ``RawResponse``: imported when a command runs, never for ``--help``."""
    from huaweicloud_jobs_core import Acknowledgement, RawResponse
    from huaweicloud_jobs_core.types import Unset

    return Unset, Acknowledgement, RawResponse


def _model_of(hint: Any) -> Any:
    import types
    import typing

    for option in typing.get_args(hint) or (hint,):
        if typing.get_origin(option) is list:
            option = typing.get_args(option)[0]
        if isinstance(option, type) and hasattr(option, "from_dict"):
            return option
    if isinstance(hint, types.UnionType | type):
        return hint
    raise TypeError(hint)


def _commands(service_class: type, package: str) -> dict[str, _Command]:
    import inspect

    commands: dict[str, _Command] = {}
    methods = {name for name in dir(service_class) if inspect.isfunction(getattr(service_class, name, None))}
    waiters_after = _waiters_after(package)
    for name in sorted(dir(service_class)):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(service_class, name)
        if not inspect.isfunction(static):  # properties (with_raw_response), class attributes
            continue
        if (name.startswith("iter_") and name[5:] in methods) or (name.endswith("_pages") and name[:-6] in methods):
            continue  # the listing command of the operation uses them
        if name.startswith("begin_wait_until_") or name == "resume_wait":
            continue  # --wait --state-file uses them
        function = getattr(service_class, name)
        is_waiter = name.startswith("wait_until_") or name.endswith("_and_wait")
        descriptions, limits = _spec_inputs(package, name)
        doc = inspect.getdoc(function) or ""
        summary, _, description = doc.partition("\n")
        iter_method = "iter_" + name if "iter_" + name in methods else None
        arguments = _arguments(getattr(service_class, iter_method or name), descriptions, rename_timeout=is_waiter)
        wait_method = name + "_and_wait" if name + "_and_wait" in methods else None
        batch_waiter = next(
            (f"wait_until_{w}" for w in waiters_after.get(name, ()) if f"wait_until_{w}" in methods), None
        )
        wait_arguments: list[_Argument] = []
        waits_with = wait_method or batch_waiter
        if waits_with:
            own = {argument.name for argument in arguments}
            waiting = _arguments(getattr(service_class, waits_with), descriptions, rename_timeout=True)
            wait_arguments = [a for a in waiting if a.name not in own and (wait_method or a.flag is not None)]
        positionals = [argument for argument in arguments if argument.flag is None]
        limit = limits.get(positionals[-1].name) if positionals and positionals[-1].is_list else None
        commands[name.replace("_", "-")] = _Command(
            name.replace("_", "-"),
            name,
            summary.strip(),
            description.strip(),
            arguments,
            wait_method,
            wait_arguments,
            limit,
            iter_method,
            iter_method is not None or _returns_items(function),
            batch_waiter if not wait_method and positionals and positionals[-1].is_list else None,
            next((f"begin_{w}" for w in [batch_waiter] if w and waits_with and f"begin_{w}" in methods), None),
        )
    return commands


def _returns_items(function: Any) -> bool:
    """Whether a method returns a plain list of items (not a batch's per-item outcomes)."""
    import typing

    try:
        hint = typing.get_type_hints(function).get("return")
    except NameError:
        return False
    return typing.get_origin(hint) is list


def _waiters_after(package: str) -> dict[str, list[str]]:
    """``{operation: [waiters that follow it]}`` from the bundled spec's ``x-waiters`` (``after``)."""
    try:
        from huaweicloud_jobs_core.seam import load_document

        document = load_document(package)
    except (ImportError, OSError, TypeError, ValueError):
        return {}
    found: dict[str, list[str]] = {}
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for code, response in operation.get("responses", {}).items():
                declared = response.get("x-waiters", {}) if str(code).startswith("2") else {}
                for waiter, spec in declared.items():
                    if spec.get("after"):
                        found.setdefault(str(spec["after"]), []).append(str(waiter))
    return found


def _add_command(subparsers: Any, command: _Command) -> None:
    parser = subparsers.add_parser(
        command.name,
        help=command.summary,
        description=f"{command.summary}\n\n{command.description}".strip(),
        formatter_class=_formatter,
        epilog=_epilog(),
    )
    bulk = command.bulk
    for argument in command.arguments:
        if argument.flag is None:
            last = argument is bulk
            nargs: Any = ("*" if argument.is_list else "?") if last else ("+" if argument.is_list else None)
            help_text = argument.help + (" (or one per line with --from-file)" if last else "")
            parser.add_argument(
                argument.name, nargs=nargs, type=argument.convert, metavar=argument.metavar, help=help_text
            )
        else:
            _add_option(parser, argument)
    behaviour = parser.add_argument_group("command options")
    if command.wait_method or command.batch_waiter:
        waits_with = (command.wait_method or f"{command.method}, then {command.batch_waiter} per id").replace("_", "-")
        behaviour.add_argument("--wait", action="store_true", help=f"wait until done (calls {waits_with})")
        for argument in command.wait_arguments:
            _add_option(behaviour, argument, suffix=" (with --wait)")
        if command.resumable:
            behaviour.add_argument(
                "--state-file",
                metavar="PATH",
                help="with --wait: record the stop and the wait in PATH; run again, it resumes the wait "
                "instead of stopping again (and reports a finished one without sending anything)",
            )
    if command.listing:
        selection = parser.add_argument_group("client-side selection (after the items arrive; all must match)")
        add = selection.add_argument
        add("--select-name", action="append", metavar="GLOB", help="name matches one of the globs (repeatable)")
        add("--select-tag", action="append", metavar="KEY=VALUE", help="tag present (repeatable: every one)")
        add("--select-state", action="append", metavar="STATE", help="state is one of these (repeatable)")
    behaviour.add_argument(
        "--dry-run", action="store_true", help="print the signed request (secrets masked) and send nothing"
    )
    if bulk is not None:
        behaviour.add_argument(
            "--from-file",
            metavar="FILE",
            help=f"read {bulk.metavar} values from FILE (- for stdin), one per line: one call each"
            + (" batch" if bulk.is_list else ""),
        )
        behaviour.add_argument(
            "--concurrency", type=int, default=4, metavar="N", help="calls at a time with --from-file (default 4)"
        )
        behaviour.add_argument(
            "--rate",
            type=float,
            metavar="N",
            help="at most N calls per second (default: adaptive, slower while the service answers 429)",
        )
        if bulk.is_list:
            behaviour.add_argument(
                "--batch-size",
                type=int,
                default=command.list_limit or 100,
                metavar="N",
                help=f"values per call with --from-file (default {command.list_limit or 100})",
            )
    _add_global_options(parser, "s_")
    parser.set_defaults(command=command)


def _add_option(parser: Any, argument: _Argument, suffix: str = "") -> None:
    assert argument.flag is not None
    help_text = (argument.help + suffix).strip() or None
    if argument.is_bool:
        parser.add_argument(
            argument.flag,
            dest=argument.name,
            action=argparse.BooleanOptionalAction,
            default=argparse.SUPPRESS,
            required=argument.required,
            help=help_text,
        )
    else:
        parser.add_argument(
            argument.flag,
            dest=argument.name,
            type=argument.convert,
            action="append" if argument.is_list else "store",
            default=argparse.SUPPRESS,
            required=argument.required,
            metavar=argument.metavar,
            help=(help_text or "") + (" (repeatable)" if argument.is_list else "") or None,
        )


def _find_service(argv: Sequence[str], services: Mapping[str, str]) -> str | None:
    """The service named on the command line, found before parsing (only its commands are built)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--":
            return None
        elif word.startswith("-"):
            skip = word in _VALUE_OPTIONS
        else:
            return word if word in services else None
    return None


def build_parser(
    argv: Sequence[str], services: Mapping[str, str], load_cloud: Callable[[], Any]
) -> tuple[argparse.ArgumentParser, dict[str, _Command]]:
    parser = _Parser(
        prog="huaweicloud-jobs",
        description="Stop, delete and terminate jobs on Huawei Cloud from a pipeline: "
        "huaweicloud-jobs <service> <operation> [arguments].",
        formatter_class=_formatter,
        epilog=_epilog(),
    )
    _add_global_options(parser, "g_")
    subparsers = parser.add_subparsers(dest="service", metavar="<service>", parser_class=_Parser)
    wanted = _find_service(argv, services)
    commands: dict[str, _Command] = {}
    for service, title in services.items():
        service_parser = subparsers.add_parser(
            service, help=title, description=title, formatter_class=_formatter, epilog=_epilog()
        )
        if service != wanted:
            continue
        service_class, package = _service_class(load_cloud(), service)
        commands = _commands(service_class, package)
        operations = service_parser.add_subparsers(dest="operation", metavar="<operation>", parser_class=_Parser)
        for command in commands.values():
            _add_command(operations, command)
    return parser, commands


# ---------------------------------------------------------------------------------------------
# Results and errors as JSON


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


def _failed_items(value: Any) -> int:
    """Items of a batch result that failed (``BatchResult.failures``), else 0."""
    failures = getattr(value, "failures", None)
    return len(failures) if isinstance(value, list | _BatchWait) and isinstance(failures, list) else 0


def error_json(error: BaseException, service: str | None = None, operation: str | None = None) -> dict[str, Any]:
    """The one JSON object printed on stderr for an error."""
    document: dict[str, Any] = {
        "error": type(error).__name__,
        "exit_code": exit_code_for(error),
        "message": str(error) or type(error).__name__,
        "status_code": getattr(error, "status_code", None),
        "error_code": getattr(error, "error_code", None),
        "request_id": getattr(error, "request_id", None),
        "service": getattr(error, "service", None) or service,
        "operation": getattr(error, "operation", None) or operation,
    }
    if hasattr(error, "parameter"):
        document["parameter"] = error.parameter
    if isinstance(error, UsageError) and error.usage:
        document["usage"] = error.usage
    return document


def _table(value: Any) -> str:
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


# ---------------------------------------------------------------------------------------------
# Dry run: a transport that records the signed request and sends nothing


class _DryRunStop(Exception):
    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.request = request


def _mask(name: str, value: str) -> str:
    if name.lower() not in SECRET_HEADERS:
        return value
    scheme, _, rest = value.partition(" ")
    if name.lower() == "authorization" and "SignedHeaders=" in rest:
        signed = next(part.strip() for part in rest.split(",") if part.strip().startswith("SignedHeaders="))
        return f"{scheme} Access=***, {signed}, Signature=***"
    return "***"


def _dry_run_transport() -> Any:
    import httpx

    class DryRunTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            names = {name.lower() for name in request.headers}
            content = request.read()
            try:
                body: Any = json.loads(content) if content else None
            except ValueError:
                body = content.decode("utf-8", "replace")
            raise _DryRunStop(
                {
                    "dry_run": True,
                    "signed": bool(names & {"authorization", "x-auth-token"}),
                    "method": request.method,
                    "url": str(request.url),
                    "headers": {name: _mask(name, value) for name, value in request.headers.items()},
                    "body": body,
                }
            )

    return DryRunTransport()


# ---------------------------------------------------------------------------------------------
# Running


class _Output:
    def __init__(self, settings: Mapping[str, Any], listing: bool = False) -> None:
        self.quiet = bool(settings["quiet"])
        chosen = settings["output"]
        self.form = chosen or ("table" if sys.stdout.isatty() else "ndjson" if listing else "json")
        try:
            self.query = _cli_output.compile_query(settings["query"])
        except _cli_output.QueryError as error:
            raise UsageError(str(error)) from None
        self._lock = threading.Lock()

    def result(self, value: Any) -> None:
        if self.quiet:
            return
        shaped = self.query(value) if self.query else value
        with self._lock:
            _cli_output.print_document(shaped, self.form, _table)

    def stream(self, items: Iterable[Any]) -> int:
        """Print a listing's items as they come (each shaped by ``--query``); returns how many."""
        query = self.query
        shaped = (query(item) for item in items) if query else items
        if self.quiet:
            return sum(1 for _ in shaped)
        return _cli_output.print_stream(shaped, self.form)

    def line(self, value: Any) -> None:
        if not self.quiet:
            with self._lock:
                sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
                sys.stdout.flush()

    @staticmethod
    def error(document: Mapping[str, Any]) -> None:
        sys.stderr.write(json.dumps(document, ensure_ascii=False) + "\n")
        sys.stderr.flush()


def _cloud_options(settings: Mapping[str, Any], dry_run: bool) -> dict[str, Any]:
    options: dict[str, Any] = {}
    endpoints: dict[str, str] = {}
    for entry in settings["endpoint"]:
        service, separator, url = entry.partition("=")
        if not separator or not service or not url:
            raise UsageError(f"argument --endpoint: expected SERVICE=URL, got {entry!r}")
        endpoints[service] = url
    if endpoints:
        options["endpoints"] = endpoints
    if settings["allow_http"] or os.environ.get(ALLOW_HTTP_VARIABLE, "").strip().lower() in ("1", "true", "yes"):
        options["allow_http"] = True
    if settings["timeout"] is not None:
        options["timeout"] = settings["timeout"]
    if settings["retries"] is not None:
        from huaweicloud_jobs_core import RetryPolicy

        options["retry"] = RetryPolicy(max_attempts=settings["retries"])
    if dry_run:
        options["transport"] = _dry_run_transport()
        from huaweicloud_jobs_core import RetryPolicy

        options["retry"] = RetryPolicy(max_attempts=1)
    return options


def _call_arguments(command: _Command, namespace: argparse.Namespace, wait: bool) -> tuple[list[Any], dict[str, Any]]:
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for argument in command.arguments:
        if argument.flag is None:
            positional.append(getattr(namespace, argument.name))
        elif hasattr(namespace, argument.name):
            keywords[argument.name] = getattr(namespace, argument.name)
    extras = {a.name: getattr(namespace, a.name) for a in command.wait_arguments if hasattr(namespace, a.name)}
    if extras and not wait:
        flags = ", ".join(a.flag or a.name for a in command.wait_arguments if a.name in extras)
        raise UsageError(f"{flags}: only with --wait")
    keywords.update(extras)
    return positional, keywords


def _invoke(function: Callable[..., Any], positional: Sequence[Any], keywords: Mapping[str, Any]) -> Any:
    try:
        return function(*positional, **keywords)
    except _DryRunStop as stop:
        return stop.request


def _read_items(source: str) -> list[str]:
    if source == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            with open(source, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as exc:
            raise UsageError(f"argument --from-file: {exc}") from None
    return [line.strip() for line in lines if line.strip()]


def run(argv: Sequence[str], *, services: Mapping[str, str], load_cloud: Callable[[], Any]) -> int:
    """Run one command line; return the exit code (errors are printed as JSON on stderr)."""
    service = _find_service(argv, services)  # for error reports, before parsing succeeds
    operation: str | None = None
    try:
        parser, commands = build_parser(argv, services, load_cloud)
        if service is not None:
            following = list(argv)[list(argv).index(service) + 1 :]
            operation = next((commands[word].method for word in following if word in commands), None)
        try:
            namespace = parser.parse_args(argv)
        except SystemExit as exit_:  # --help (printed by argparse) and --version
            return int(exit_.code or 0)
        service = namespace.service
        command: _Command | None = getattr(namespace, "command", None)
        if service is None or command is None:
            raise UsageError(
                "choose a service and an operation" if service is None else f"choose an operation of {service}",
                parser.format_usage().strip(),
            )
        operation = command.method
        settings = _settings(namespace)
        if settings["verbose"]:
            import logging

            logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s %(levelname)s %(message)s")
            logging.getLogger("huaweicloud_jobs").setLevel(logging.DEBUG)
            logging.getLogger("httpx").setLevel(logging.INFO)
        return _run_command(service, command, namespace, settings, load_cloud)
    except KeyboardInterrupt as interrupted:
        _Output.error(error_json(interrupted, service, operation))
        return INTERRUPTED
    except Exception as error:  # every failure is one JSON object and a documented exit code
        _Output.error(error_json(error, service, operation))
        return exit_code_for(error)


def _run_command(
    service: str,
    command: _Command,
    namespace: argparse.Namespace,
    settings: Mapping[str, Any],
    load_cloud: Callable[[], Any],
) -> int:
    wait = bool(getattr(namespace, "wait", False))
    dry_run = bool(namespace.dry_run)
    from_file: str | None = getattr(namespace, "from_file", None)
    last = command.bulk
    if last is not None:
        given = getattr(namespace, last.name)
        if from_file is not None and given not in (None, []):
            raise UsageError(f"give {last.metavar} either on the command line or with --from-file, not both")
        if from_file is None and given in (None, []):
            raise UsageError(f"the following arguments are required: {last.metavar}")
    positional, keywords = _call_arguments(command, namespace, wait)
    output = _Output(settings, listing=command.listing)
    selection = _selection(namespace) if command.listing else None
    cloud_class = load_cloud()
    options = _cloud_options(settings, dry_run)
    if getattr(namespace, "rate", None) is not None:
        options["rate_limit"] = namespace.rate
    with cloud_class.from_env(region=settings["region"], project_id=settings["project_id"], **options) as cloud:
        client = getattr(cloud, service)
        function = getattr(client, command.wait_method if wait and command.wait_method else command.method)
        state_file = getattr(namespace, "state_file", None)
        if state_file is not None and not wait:
            raise UsageError("--state-file: only with --wait")
        if wait and state_file is not None and command.resumable:
            from . import _cli_state

            stop = getattr(client, command.method)
            begin, resume = getattr(client, command.resumable), client.resume_wait
            batch = command.batch_waiter is not None
            try:
                record = _cli_state.StateFile(state_file)
            except _cli_state.StateFileError as error:
                raise UsageError(str(error)) from None
            function = _cli_state.resumable(stop, begin, resume, record, batch, keywords)
            function = _state_wait_result(function)
            keywords = {k: v for k, v in keywords.items() if k not in {a.name for a in command.wait_arguments}}
        elif wait and command.batch_waiter:
            function = _batch_stop_and_wait(function, getattr(client, command.batch_waiter), command, keywords)
            keywords = {k: v for k, v in keywords.items() if k not in {a.name for a in command.wait_arguments}}
        if command.iter_method is not None:
            return _list(getattr(client, command.iter_method), positional, keywords, selection, output)
        if from_file is None or last is None:
            result = _invoke(function, positional, keywords)
            if command.listing and isinstance(result, list):
                output.stream(to_json(item) for item in _chosen(result, selection))
                return OK
            output.result(to_json(result))
            return ITEMS_FAILED if _failed_items(result) else OK
        items: list[Any] = [last.convert(text) for text in _read_items(from_file)]
        if last.is_list:
            size = namespace.batch_size
            if size < 1:
                raise UsageError(f"argument --batch-size: must be a positive integer, got {size}")
            items = [items[start : start + size] for start in range(0, len(items), size)]
        concurrency = namespace.concurrency
        if concurrency < 1:
            raise UsageError(f"argument --concurrency: must be a positive integer, got {concurrency}")
        head = positional[:-1]
        return _bulk(
            items,
            lambda item: _invoke(function, [*head, item], keywords),
            concurrency,
            output,
            service,
            command.method,
        )


def _selection(namespace: argparse.Namespace) -> Any:
    """The client-side selection the ``--select-*`` options ask for (None when none is given)."""
    names, tags, states = namespace.select_name, namespace.select_tag, namespace.select_state
    if not (names or tags or states):
        return None
    from huaweicloud_jobs_core import Selection

    return Selection.of(name=names, tags=tags, states=states)


def _chosen(items: Iterable[Any], selection: Any) -> Iterable[Any]:
    if selection is None:
        return items
    from huaweicloud_jobs_core import select

    return select(items, selection)


def _list(
    iterate: Callable[..., Any],
    positional: Sequence[Any],
    keywords: Mapping[str, Any],
    selection: Any,
    output: _Output,
) -> int:
    """A listing: every item across pages, selected and printed as it arrives; the next token on stderr."""
    items = iterate(*positional, **keywords)
    try:
        output.stream(to_json(item) for item in _chosen(items, selection))
    except _DryRunStop as stop:  # --dry-run: the first page's request, nothing sent
        output.result(stop.request)
        return OK
    token = items.resume_token
    if token is not None:
        _Output.error({"next_token": token})
    return OK


def _batch_stop_and_wait(
    stop: Callable[..., Any], wait: Callable[..., Any], command: _Command, keywords: Mapping[str, Any]
) -> Callable[..., Any]:
    """A batch stop (ids in its last positional), then the waiter once per id whose stop was not refused."""
    options = {a.name: keywords[a.name] for a in command.wait_arguments if a.name in keywords}
    options = {("timeout" if name == "wait_timeout" else name): value for name, value in options.items()}

    def stop_and_wait(*positional: Any, **given: Any) -> Any:
        stopped = stop(*positional, **given)
        if isinstance(stopped, dict) and stopped.get("dry_run"):
            return stopped
        from ._cli_state import accepted_ids

        ids = accepted_ids(list(positional[-1]), stopped)  # a refused stop is not waited for
        waited = []
        for job in ids:
            try:
                final = wait(job, **options)
                waited.append({"id": job, "ok": True, "result": to_json(final)})
            except Exception as error:  # reported per id; the batch goes on
                waited.append({"id": job, "ok": False, "error": error_json(error)})
        return _BatchWait(stopped, waited)

    return stop_and_wait


def _state_wait_result(call: Callable[..., tuple[Any, list[dict[str, Any]]]]) -> Callable[..., Any]:
    def run(*positional: Any, **given: Any) -> Any:
        stopped, waited = call(*positional, **given)
        return _BatchWait(stopped, waited)

    return run


class _BatchWait(dict[str, Any]):
    """What a batch stop with --wait prints: the stop's per-item results, then one outcome per waited id."""

    def __init__(self, stopped: Any, waited: list[dict[str, Any]]) -> None:
        super().__init__(stopped=to_json(stopped), waited=waited)
        failed = len(getattr(stopped, "failures", []) or []) + sum(not outcome["ok"] for outcome in waited)
        self.failures = [None] * failed


class _Progress:
    """One self-rewriting line on stderr, only when stderr is a terminal (never in a log file)."""

    def __init__(self, total: int, enabled: bool, stream: IO[str]) -> None:
        self.total = total
        self.enabled = enabled and stream.isatty()
        self.stream = stream
        self.started = time.monotonic()

    def update(self, done: int, failed: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * done // max(self.total, 1)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} failed {failed} {elapsed:5.1f}s"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _bulk(
    items: Sequence[Any],
    call: Callable[[Any], Any],
    concurrency: int,
    output: _Output,
    service: str,
    operation: str,
) -> int:
    """Call for every item, ``concurrency`` at a time; print one JSON line per item, in input order.

    Ctrl-C stops starting new calls; calls already sent are waited for (the server may act on
    them, so their outcome is reported), the outcomes so far are printed, and the exit code is 130.
    A second Ctrl-C leaves at once.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

    outcomes: dict[int, dict[str, Any]] = {}
    failed = 0
    finished = 0
    printed = 0
    progress = _Progress(len(items), not output.quiet, sys.stderr)
    pending: dict[Future[Any], int] = {}
    upcoming: Iterator[tuple[int, Any]] = iter(enumerate(items))
    interrupted = False

    def outcome(index: int, future: Future[Any]) -> dict[str, Any]:
        key = to_json(items[index])
        error = future.exception()
        if error is not None:
            return {
                "input": key,
                "ok": False,
                "exit_code": exit_code_for(error),
                "error": error_json(error, service, operation),
            }
        result = future.result()
        failures = _failed_items(result)
        document = {"input": key, "ok": not failures, "result": to_json(result)}
        if failures:
            document["failed_items"] = failures
        return document

    def flush(everything: bool = False) -> None:
        nonlocal printed
        indexes = sorted(outcomes) if everything else []
        if not everything:
            while printed in outcomes:
                indexes.append(printed)
                printed += 1
        for index in indexes:
            output.line(outcomes.pop(index))

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="huaweicloud-jobs")
    forced = False
    try:
        try:
            while True:
                while not interrupted and len(pending) < concurrency:
                    try:
                        index, item = next(upcoming)
                    except StopIteration:
                        break
                    pending[pool.submit(call, item)] = index
                if not pending:
                    break
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    outcomes[index] = outcome(index, future)
                    finished += 1
                    failed += not outcomes[index]["ok"]
                    flush()
                    progress.update(finished, failed)
        except KeyboardInterrupt:
            interrupted = True
            progress.close()
            sys.stderr.write("interrupted: no new calls; waiting for the calls already sent (Ctrl-C again to quit)\n")
            sys.stderr.flush()
            wait(pending)
            for future, index in pending.items():
                outcomes[index] = outcome(index, future)
                finished += 1
                failed += not outcomes[index]["ok"]
            pending.clear()
    except KeyboardInterrupt:
        interrupted = forced = True
    finally:
        flush(everything=True)
        progress.close()
        pool.shutdown(wait=not interrupted, cancel_futures=True)
    if not output.quiet:
        summary = {
            "summary": {
                "total": len(items),
                "succeeded": finished - failed,
                "failed": failed,
                "not_started": len(items) - finished - len(pending),
                "interrupted": interrupted,
            }
        }
        sys.stderr.write(json.dumps(summary) + "\n")
        sys.stderr.flush()
    if forced:  # calls still running would keep the interpreter alive until they end
        sys.stdout.flush()
        os._exit(INTERRUPTED)
    if interrupted:
        return INTERRUPTED
    return ITEMS_FAILED if failed else OK
