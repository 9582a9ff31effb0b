"""``--wait --state-file PATH``: a stop-and-wait that a restarted pipeline step resumes instead of repeating.

The state file is JSON, one entry per input (the ids of one call; with ``--from-file``, per line or
batch), written atomically (a temporary file, then a rename):

- after the stop was answered: what it answered and one continuation token per wait (rewritten on
  every state change the waits see);
- when every wait has ended: the outcome (``done``).

Run again with the same file, a call whose entry holds tokens resumes those waits (``resume_wait``)
and sends no stop; one that is done prints its recorded outcome and sends nothing; one without an
entry stops and waits. A process killed between sending a stop and recording its answer has no
entry, so that one stop is sent again on restart (the stops are idempotent; see their
``x-idempotent``).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["StateFile", "accepted_ids", "resumable"]

WAIT_OPTIONS = ("timeout", "delay", "max_delay", "success", "failure")


class StateFileError(ValueError):
    """The state file cannot be read as one (a usage error)."""


class StateFile:
    """The entries of a state file, read once and written through on every change."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._entries: dict[str, Any] = {}
        if self.path.exists():
            try:
                document = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise StateFileError(f"argument --state-file: cannot read {path}: {error}") from None
            if not isinstance(document, dict) or not isinstance(document.get("calls"), dict):
                raise StateFileError(f"argument --state-file: {path} is not a state file of this command line")
            self._entries = document["calls"]

    def get(self, key: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._entries.get(key) or {})

    def put(self, key: str, entry: Mapping[str, Any]) -> None:
        with self._lock:
            self._entries[key] = dict(entry)
            text = json.dumps({"version": 1, "calls": self._entries}, ensure_ascii=False, indent=1)
            folder = self.path.parent if str(self.path.parent) else Path(".")
            handle, temporary = tempfile.mkstemp(prefix=".state-", dir=folder)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise


def accepted_ids(ids: Sequence[Any], stopped: Any) -> list[Any]:
    """The ids of a batch stop whose per-item outcome (in request order) is not a refusal."""
    field = getattr(stopped, "success_field", None)
    flags = [getattr(item, field, True) if field else True for item in stopped] if isinstance(stopped, list) else []
    if len(flags) != len(ids):
        return list(ids)
    return [job for job, accepted in zip(ids, flags, strict=True) if accepted is not False]


def resumable(
    stop: Callable[..., Any],
    begin: Callable[..., Any],
    resume: Callable[..., Any],
    state: StateFile,
    batch: bool,
    keywords: Mapping[str, Any],
) -> Callable[..., tuple[Any, list[dict[str, Any]]]]:
    """A call that stops and waits, recorded in ``state``; returns (the stop's answer, one outcome per wait)."""
    from ._cli import error_json, to_json

    options = {name: keywords[name] for name in WAIT_OPTIONS if name in keywords}

    def call(*positional: Any, **given: Any) -> tuple[Any, list[dict[str, Any]]]:
        key = json.dumps(to_json(list(positional)), sort_keys=True)
        entry = state.get(key)
        if "done" in entry:
            return entry["done"]["stopped"], entry["done"]["waited"]
        handles: list[Any] = []

        def save(*_: object) -> None:
            tokens = [handle.continuation_token() for handle in handles]
            state.put(key, {"stopped": answer, "ids": ids, "waits": tokens})

        if entry.get("waits"):
            answer, ids = entry["stopped"], entry["ids"]
            handles.extend(resume(token, on_state=save) for token in entry["waits"])
        else:
            stopped = stop(*positional, **given)
            answer = to_json(stopped)
            ids = [[job] for job in accepted_ids(positional[-1], stopped)] if batch else [list(positional)]
            handles.extend(begin(*arguments, on_state=save, **options) for arguments in ids)
            save()
        waited: list[dict[str, Any]] = []
        for arguments, handle in zip(ids, handles, strict=True):
            shown = arguments[-1] if batch or len(arguments) == 1 else arguments
            try:
                waited.append({"id": shown, "ok": True, "result": to_json(handle.result())})
            except Exception as error:  # reported per id; the others go on
                waited.append({"id": shown, "ok": False, "error": error_json(error)})
        state.put(key, {"done": {"stopped": answer, "waited": waited}})
        return answer, waited

    return call
