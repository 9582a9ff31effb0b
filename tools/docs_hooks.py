"""MkDocs hooks: the pages of the documentation that are generated, not written.

Two markers, each replaced when the page is built (mkdocs.yml ``hooks:``; ``nox -s docs``):

- ``<!-- generated: command-line reference -->`` (docs/command-line.md): every command of
  ``huaweicloud-jobs``, its arguments and options, the global options and the exit codes, read
  from the command line's own argparse parsers and ``EXIT_CODES`` table, so the page lists what
  ``--help`` prints and nothing else;
- ``<!-- generated: service reference -->`` (docs/reference/services.md): one section per
  installed service package (``huaweicloud_jobs.SERVICES``), rendered by mkdocstrings from the
  generated packages' docstrings.

A new spec in openapi/ is a new section of both after ``nox -s generate``, with no edit here.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CLI_MARKER = "<!-- generated: command-line reference -->"
SERVICES_MARKER = "<!-- generated: service reference -->"
PROGRAM = "huaweicloud-jobs"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if CLI_MARKER in markdown:
        markdown = markdown.replace(CLI_MARKER, command_line_reference())
    if SERVICES_MARKER in markdown:
        markdown = markdown.replace(SERVICES_MARKER, service_reference())
    return markdown


# -- the command line ---------------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def _names(action: argparse.Action) -> str:
    if action.option_strings:
        shown = [f"`{flag}`" for flag in action.option_strings]
        value = "" if action.nargs == 0 or isinstance(action, argparse.BooleanOptionalAction) else action.metavar
        if value is None and action.choices is not None:
            value = "{" + ",".join(str(choice) for choice in action.choices) + "}"
        return ", ".join(shown) + (f" `{value}`" if value else "")
    return f"`{action.metavar or action.dest}`"


def _rows(actions: list[argparse.Action]) -> Iterator[str]:
    for action in actions:
        if isinstance(action, argparse._HelpAction):
            continue
        yield f"| {_names(action)} | {_cell(action.help if action.help != argparse.SUPPRESS else '')} |"


def _groups(parser: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, list[argparse.Action]]]:
    for group in parser._action_groups:
        actions = [action for action in group._group_actions if not isinstance(action, argparse._HelpAction)]
        if actions and group.title not in skip:
            yield group.title or "", actions


def _table(actions: list[argparse.Action]) -> list[str]:
    return ["| argument | meaning |", "|---|---|", *_rows(actions), ""]


def command_line_reference() -> str:
    """Markdown for every service and command, built from the parsers ``huaweicloud-jobs`` itself uses."""
    from huaweicloud_jobs import SERVICES, _cli
    from huaweicloud_jobs.__main__ import SERVICE_HELP, _load_table

    services = {name: SERVICE_HELP[name] for name in SERVICES}
    top, _ = _cli.build_parser([], services, _load_table)
    lines = [
        "## Global options",
        "",
        "Accepted before the service or after the operation, by every command.",
        "",
    ]
    for _, actions in _groups(top, skip=("positional arguments", "options")):
        lines += _table(actions)
    lines += ["## Exit codes", "", "Stable across versions; also at the end of every `--help`.", ""]
    lines += [_cli.exit_code_table(), ""]
    lines += ["## Commands", ""]
    for service in services:
        parser, _ = _cli.build_parser([service], services, _load_table)
        service_parser = _subparsers(parser)[service]
        lines += [f"### {service}", "", _cell(service_parser.description), ""]
        for operation, command in _subparsers(service_parser).items():
            lines += [f"#### `{PROGRAM} {service} {operation}`", ""]
            lines += [paragraph.strip() for paragraph in (command.description or "").split("\n\n")]
            lines += ["", "```text", command.format_usage().strip().removeprefix("usage: "), "```", ""]
            for title, actions in _groups(command, skip=("global options",)):
                lines += [f"**{title.capitalize()}**", "", *_table(actions)]
    return "\n".join(lines)


# -- the generated packages ---------------------------------------------------------------------


def service_reference() -> str:
    """One section per service: its typed operations (sync, asyncio, raw) and its models."""
    from huaweicloud_jobs import SERVICES
    from huaweicloud_jobs.__main__ import SERVICE_HELP

    sections: list[str] = []
    for service in SERVICES:
        package = f"huaweicloud_jobs_{service}"
        sections += [
            f"## {service}",
            "",
            f"`cloud.{service}`: {SERVICE_HELP[service]}.",
            "",
            f"::: {package}",
            "    options:",
            "      show_root_heading: false",
            "      show_root_toc_entry: false",
            "      members: [Service, AsyncService, ServiceWithRawResponse, AsyncServiceWithRawResponse]",
            "",
            f"### {service} models",
            "",
            f"::: {package}.models",
            "    options:",
            "      show_root_heading: false",
            "      show_root_toc_entry: false",
            "",
        ]
    return "\n".join(sections)
