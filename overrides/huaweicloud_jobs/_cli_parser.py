"""The command line's parsers: global options, one sub-parser per service, one per command.

Only the service named on the command line gets its commands (from its command table, see
``_cli_commands``), so ``huaweicloud-jobs --help`` reads no table and imports no service.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from . import _cli_output
from ._cli_commands import Argument, Command, UsageError, commands_of
from ._cli_errors import EXIT_CODES

__all__ = ["ALLOW_HTTP_VARIABLE", "build_parser", "find_service", "settings_of"]

ALLOW_HTTP_VARIABLE = "HUAWEICLOUD_JOBS_ALLOW_HTTP"


_VALUE_OPTIONS = ("--region", "--project-id", "--endpoint", "--timeout", "--retries", "--output", "--query")


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


class _Parser(argparse.ArgumentParser):
    """argparse, raising instead of printing and exiting, so usage errors are JSON like all others."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage().strip())


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32, width=100)


def _add_global_options(parser: argparse.ArgumentParser, prefix: str) -> None:
    """The options of every command, accepted before the service and after the operation.

    Both copies use SUPPRESS defaults and their own ``dest`` prefix; :func:`settings_of` merges them.
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


_GLOBAL_FLAGS = frozenset("--" + name.replace("_", "-") for name in _GLOBAL_DEFAULTS)


def settings_of(namespace: argparse.Namespace) -> dict[str, Any]:
    merged = dict(_GLOBAL_DEFAULTS)
    for name in _GLOBAL_DEFAULTS:
        for prefix in ("g_", "s_"):
            if hasattr(namespace, prefix + name):
                value = getattr(namespace, prefix + name)
                merged[name] = merged[name] + value if name == "endpoint" else value
    return merged


def _add_command(subparsers: Any, command: Command) -> None:
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
                argument.dest, nargs=nargs, type=argument.convert, metavar=argument.metavar, help=help_text
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


def _add_option(parser: Any, argument: Argument, suffix: str = "") -> None:
    assert argument.flag is not None
    help_text = (argument.help + suffix).strip() or None
    if argument.is_bool:
        parser.add_argument(
            argument.flag,
            dest=argument.dest,
            action=argparse.BooleanOptionalAction,
            default=argparse.SUPPRESS,
            required=argument.required,
            help=help_text,
        )
    else:
        parser.add_argument(
            argument.flag,
            dest=argument.dest,
            type=argument.convert,
            action="append" if argument.is_list else "store",
            default=argparse.SUPPRESS,
            required=argument.required,
            metavar=argument.metavar,
            help=(help_text or "") + (" (repeatable)" if argument.is_list else "") or None,
        )


def find_service(argv: Sequence[str], services: Mapping[str, str]) -> str | None:
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
    argv: Sequence[str], services: Mapping[str, str], load_table: Callable[[str], Mapping[str, Any]]
) -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The parser of a command line: every service, and the commands of the one named (from its table)."""
    parser = _Parser(
        prog="huaweicloud-jobs",
        description="Stop, delete and terminate jobs on Huawei Cloud from a pipeline: "
        "huaweicloud-jobs <service> <operation> [arguments].",
        formatter_class=_formatter,
        epilog=_epilog(),
    )
    _add_global_options(parser, "g_")
    subparsers = parser.add_subparsers(dest="service", metavar="<service>", parser_class=_Parser)
    wanted = find_service(argv, services)
    commands: dict[str, Command] = {}
    for service, title in services.items():
        service_parser = subparsers.add_parser(
            service, help=title, description=title, formatter_class=_formatter, epilog=_epilog()
        )
        if service != wanted:
            continue
        commands = commands_of(load_table(service), _GLOBAL_FLAGS)
        operations = service_parser.add_subparsers(dest="operation", metavar="<operation>", parser_class=_Parser)
        for command in commands.values():
            _add_command(operations, command)
    return parser, commands
