"""``--from-file``: one call per input line, a few at a time, one JSON line per input in input order.

Ctrl-C stops starting new calls; calls already sent are waited for (the server may act on them,
so their outcome is reported), the outcomes so far are printed, and the exit code is 130. A second
Ctrl-C leaves at once.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import IO, TYPE_CHECKING, Any

from ._cli_commands import UsageError
from ._cli_errors import INTERRUPTED, ITEMS_FAILED, OK, error_json, exit_code_for
from ._cli_output import Output, failed_items, to_json

if TYPE_CHECKING:
    from huaweicloud_jobs_core import BulkOutcome

__all__ = ["bulk", "read_items"]


def read_items(source: str) -> list[str]:
    if source == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            with open(source, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as exc:
            raise UsageError(f"argument --from-file: {exc}") from None
    return [line.strip() for line in lines if line.strip()]


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


def bulk(
    items: Sequence[Any],
    call: Callable[[Any], Any],
    concurrency: int,
    output: Output,
    service: str,
    operation: str,
) -> int:
    """Call for every item, ``concurrency`` at a time; print one JSON line per item, in input order.

    The runtime's ``bulk_call`` runs the calls. Ctrl-C stops starting new calls; calls already sent
    are waited for (the server may act on them, so their outcome is reported), the outcomes so far
    are printed, and the exit code is 130. A second Ctrl-C leaves at once.
    """
    from huaweicloud_jobs_core import bulk_call  # the runtime: loaded with the cloud already

    progress = _Progress(len(items), not output.quiet, sys.stderr)
    report = _Report(output, progress, service, operation)
    started = _Counter()

    def counted(numbered: tuple[int, Any]) -> Any:
        started.add()
        return call(numbered[1])

    forced = interrupted = False
    try:
        with _first_interrupt_explained(progress):
            bulk_call(
                list(enumerate(items)),  # keys that say where each outcome goes, whatever the items are
                counted,
                concurrency=concurrency,
                on_outcome=report.on_outcome,
                on_progress=report.on_progress,
            )
    except KeyboardInterrupt:
        interrupted = True
        forced = started.count > report.finished  # a second Ctrl-C left calls running
    finally:
        report.flush(everything=True)
        progress.close()
    if not output.quiet:
        summary = {
            "summary": {
                "total": len(items),
                "succeeded": report.finished - report.failed,
                "failed": report.failed,
                "not_started": len(items) - started.count,
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
    return ITEMS_FAILED if report.failed else OK


class _Report:
    """Each finished item as one JSON line, printed in input order as the items before it finish."""

    def __init__(self, output: Output, progress: _Progress, service: str, operation: str) -> None:
        self.output = output
        self.progress = progress
        self.service = service
        self.operation = operation
        self.finished = 0
        self.failed = 0
        self.waiting: dict[int, dict[str, Any]] = {}  # finished, not printed: an item before it is not
        self.printed = 0

    def on_outcome(self, outcome: BulkOutcome[tuple[int, Any], Any]) -> None:
        """``on_outcome`` of ``bulk_call``: its key is ``(index, item)``."""
        index, item = outcome.key
        document = self.document(item, outcome.result, outcome.error)
        self.finished += 1
        self.failed += not document["ok"]
        self.waiting[index] = document
        self.flush()

    def on_progress(self, done: int, total: int) -> None:
        self.progress.update(done, self.failed)

    def document(self, item: Any, result: Any, error: Exception | None) -> dict[str, Any]:
        key = to_json(item)
        if error is not None:
            return {
                "input": key,
                "ok": False,
                "exit_code": exit_code_for(error),
                "error": error_json(error, self.service, self.operation),
            }
        failures = failed_items(result)
        document = {"input": key, "ok": not failures, "result": to_json(result)}
        if failures:
            document["failed_items"] = failures
        return document

    def flush(self, everything: bool = False) -> None:
        """Print the items whose predecessors are all printed (``everything``: what finished, at the end)."""
        if everything:
            for index in sorted(self.waiting):
                self.output.line(self.waiting.pop(index))
            return
        while self.printed in self.waiting:
            self.output.line(self.waiting.pop(self.printed))
            self.printed += 1


class _Counter:
    """How many calls began, counted from the pool's threads."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.count += 1


@contextmanager
def _first_interrupt_explained(progress: _Progress) -> Iterator[None]:
    """While the calls run, the first Ctrl-C says what it does before interrupting as Python's own handler does.

    Left as it is when SIGINT is not Python's default handler (ignored, or the program's own).
    """
    in_main_thread = threading.current_thread() is threading.main_thread()
    if not in_main_thread or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    presses = 0

    def interrupt(number: int, frame: FrameType | None) -> None:
        nonlocal presses
        presses += 1
        if presses == 1:
            try:
                progress.close()
                sys.stderr.write(
                    "interrupted: no new calls; waiting for the calls already sent (Ctrl-C again to quit)\n"
                )
                sys.stderr.flush()
            except RuntimeError:  # the signal came while stderr was being written: the notice is only lost
                pass
        signal.default_int_handler(number, frame)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
