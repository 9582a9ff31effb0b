"""The command line: every operation of every generated service is a command.

``huaweicloud-jobs <service> <operation> [arguments]``: ``<service>`` is a ``Cloud`` attribute
(``huaweicloud_jobs.SERVICES``), ``<operation>`` a method of its ``Service`` class in kebab case.
Nothing here names a service or an operation, and nothing reflects on a class: the commands of a
service come from the command table ``nox -s generate`` writes into its package (``commands.json``,
read by ``_cli_commands`` when that service is named on the command line), with the Python names
the generator gave every argument. How a parameter becomes an argument or an option is told there.

- an ``<op>`` whose spec declares ``x-paginators`` is a *listing*: it streams every item across
  pages (``--max-items``, ``--starting-token``; the next token on stderr), and, like any operation
  whose result is a list, takes ``--select-name/--select-tag/--select-state`` (client-side,
  ``huaweicloud_jobs.Selection``); ``iter_*`` and ``*_pages`` are not commands;
- ``--output json|ndjson|table|tsv`` and ``--query`` (JMESPath) are in ``_cli_output``.

One module per concern: ``_cli_commands`` (the tables), ``_cli_parser`` (argparse), ``_cli_output``
(results as JSON and their forms), ``_cli_errors`` (exit codes), ``_cli_bulk`` (``--from-file``),
``_cli_dry_run``, ``_cli_state`` (``--state-file``); this module runs one command line.

Why argparse and a hand-written progress line: both are in the standard library and cost nothing
to import, and the whole CLI must start within 1.5x of ``import httpx``. ``huaweicloud-jobs --help``
imports neither httpx nor attrs nor any service, and ``huaweicloud-jobs <service> --help`` reads
one JSON file: this module imports the runtime only when a command runs (the umbrella resolves its
names lazily for the same reason).

This module lives in the umbrella (copied from ``overrides/huaweicloud_jobs/`` by
``tools/generate.py``) rather than in ``huaweicloud_jobs_core``: importing any submodule of the
runtime imports the runtime's ``__init__``, which loads httpx and attrs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ._cli_bulk import bulk, read_items
from ._cli_commands import Command, UsageError, read_table
from ._cli_dry_run import DryRunStop, dry_run_transport
from ._cli_errors import EXIT_CODES, INTERRUPTED, ITEMS_FAILED, OK, ExitCode, error_json, exit_code_for, exit_code_table
from ._cli_output import BatchWait, Output, failed_items, to_json
from ._cli_parser import ALLOW_HTTP_VARIABLE, build_parser, find_service, settings_of

__all__ = [
    "EXIT_CODES",
    "ExitCode",
    "UsageError",
    "build_parser",
    "error_json",
    "exit_code_for",
    "exit_code_table",
    "read_table",
    "run",
    "to_json",
]


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
        options["transport"] = dry_run_transport()
        from huaweicloud_jobs_core import RetryPolicy

        options["retry"] = RetryPolicy(max_attempts=1)
    return options


def _call_arguments(command: Command, namespace: argparse.Namespace, wait: bool) -> tuple[list[Any], dict[str, Any]]:
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for argument in command.arguments:
        if argument.flag is None:
            positional.append(getattr(namespace, argument.dest))
        elif hasattr(namespace, argument.dest):
            keywords[argument.name] = getattr(namespace, argument.dest)
    extras = {a.name: getattr(namespace, a.dest) for a in command.wait_arguments if hasattr(namespace, a.dest)}
    if extras and not wait:
        flags = ", ".join(a.flag or a.name for a in command.wait_arguments if a.name in extras)
        raise UsageError(f"{flags}: only with --wait")
    keywords.update(extras)
    return positional, keywords


def _invoke(function: Callable[..., Any], positional: Sequence[Any], keywords: Mapping[str, Any]) -> Any:
    try:
        return function(*positional, **keywords)
    except DryRunStop as stop:
        return stop.request


def run(
    argv: Sequence[str],
    *,
    services: Mapping[str, str],
    load_cloud: Callable[[], Any],
    load_table: Callable[[str], Mapping[str, Any]],
) -> int:
    """Run one command line; return the exit code (errors are printed as JSON on stderr).

    ``services`` maps each service to its one line of help; ``load_table(service)`` gives the
    command table generated for it (:func:`read_table` of its package); ``load_cloud()`` the
    ``Cloud`` class, imported only when a command runs.
    """
    service = find_service(argv, services)  # for error reports, before parsing succeeds
    operation: str | None = None
    try:
        parser, commands = build_parser(argv, services, load_table)
        if service is not None:
            following = list(argv)[list(argv).index(service) + 1 :]
            operation = next((commands[word].method for word in following if word in commands), None)
        try:
            namespace = parser.parse_args(argv)
        except SystemExit as exit_:  # --help (printed by argparse) and --version
            return int(exit_.code or 0)
        service = namespace.service
        command: Command | None = getattr(namespace, "command", None)
        if service is None or command is None:
            raise UsageError(
                "choose a service and an operation" if service is None else f"choose an operation of {service}",
                parser.format_usage().strip(),
            )
        operation = command.method
        settings = settings_of(namespace)
        if settings["verbose"]:
            import logging

            logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s %(levelname)s %(message)s")
            logging.getLogger("huaweicloud_jobs").setLevel(logging.DEBUG)
            logging.getLogger("httpx").setLevel(logging.INFO)
        return _run_command(service, command, namespace, settings, load_cloud)
    except KeyboardInterrupt as interrupted:
        Output.error(error_json(interrupted, service, operation))
        return INTERRUPTED
    except Exception as error:  # every failure is one JSON object and a documented exit code
        Output.error(error_json(error, service, operation))
        return exit_code_for(error)


def _run_command(
    service: str,
    command: Command,
    namespace: argparse.Namespace,
    settings: Mapping[str, Any],
    load_cloud: Callable[[], Any],
) -> int:
    wait = bool(getattr(namespace, "wait", False))
    dry_run = bool(namespace.dry_run)
    from_file: str | None = getattr(namespace, "from_file", None)
    last = command.bulk
    if last is not None:
        given = getattr(namespace, last.dest)
        if from_file is not None and given not in (None, []):
            raise UsageError(f"give {last.metavar} either on the command line or with --from-file, not both")
        if from_file is None and given in (None, []):
            raise UsageError(f"the following arguments are required: {last.metavar}")
    positional, keywords = _call_arguments(command, namespace, wait)
    output = Output(settings, listing=command.listing)
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
            return ITEMS_FAILED if failed_items(result) else OK
        items: list[Any] = [last.convert(text) for text in read_items(from_file)]
        if last.is_list:
            size = namespace.batch_size
            if size < 1:
                raise UsageError(f"argument --batch-size: must be a positive integer, got {size}")
            items = [items[start : start + size] for start in range(0, len(items), size)]
        concurrency = namespace.concurrency
        if concurrency < 1:
            raise UsageError(f"argument --concurrency: must be a positive integer, got {concurrency}")
        index = command.positionals.index(last)
        head, tail = positional[:index], positional[index + 1 :]
        return bulk(
            items,
            lambda item: _invoke(function, [*head, item, *tail], keywords),
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
    output: Output,
) -> int:
    """A listing: every item across pages, selected and printed as it arrives; the next token on stderr."""
    items = iterate(*positional, **keywords)
    try:
        output.stream(to_json(item) for item in _chosen(items, selection))
    except DryRunStop as stop:  # --dry-run: the first page's request, nothing sent
        output.result(stop.request)
        return OK
    token = items.resume_token
    if token is not None:
        Output.error({"next_token": token})
    return OK


def _batch_stop_and_wait(
    stop: Callable[..., Any], wait: Callable[..., Any], command: Command, keywords: Mapping[str, Any]
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
        return BatchWait(stopped, waited)

    return stop_and_wait


def _state_wait_result(call: Callable[..., tuple[Any, list[dict[str, Any]]]]) -> Callable[..., Any]:
    def run(*positional: Any, **given: Any) -> Any:
        stopped, waited = call(*positional, **given)
        return BatchWait(stopped, waited)

    return run
