"""``--from-file``: one call per input line, a few at a time, one JSON line per input in input order.

Ctrl-C stops starting new calls; calls already sent are waited for (the server may act on them,
so their outcome is reported), the outcomes so far are printed, and the exit code is 130. A second
Ctrl-C leaves at once.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from ._cli_commands import UsageError
from ._cli_errors import INTERRUPTED, ITEMS_FAILED, OK, error_json, exit_code_for
from ._cli_output import Output, failed_items, to_json

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
        failures = failed_items(result)
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
