"""Types the generated models share, defined once here and re-exported by each package's ``types``.

openapi-python-client's models import ``UNSET``/``Unset`` (a field the caller did not give,
or the response did not contain) and the file-upload types from their package's ``types``
module; every generated package re-exports these, so ``Unset`` is one class everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, BinaryIO, Literal

from attrs import define

__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Unset"]


class Unset:
    """A value that was not given (distinct from an explicit null)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
"""What ``httpx`` accepts for one multipart file: (filename, content, content type[, headers])."""
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload in a multipart body."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        return self.file_name, self.payload, self.mime_type
