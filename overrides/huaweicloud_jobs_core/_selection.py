"""Selecting listed items by what the service cannot filter on: done here, client-side, after they arrive.

Services filter some fields of a listing themselves (a list operation's parameters: DLI's ``status``
and ``tags``, DRS's ``status`` and ``name``); what they cannot -- a name glob, a tag where the
service has no tag filter, a set of states -- is selected here, from items already fetched, so every
item is still fetched and paid for. Use the service's own filters first; narrow with this.

``huaweicloud_jobs.select``::

    for task in select(cloud.drs.iter_list_jobs(job_type="sync", status="INCRE_TRANSFER_STARTED"), name="nightly-*"):
        cloud.drs.stop_job(task.id)

A :class:`Selection` matches an item when its name matches one of the globs (``fnmatch``,
case-sensitive), every ``key=value`` tag is among its tags, and its state is one of the states
(each part only when given). The command line's ``--select-name``, ``--select-tag`` and
``--select-state`` build the same :class:`Selection`. An item type that has no such field at
all raises :class:`InvalidParameterError`: selecting by a field a service never sends would
otherwise silently select nothing.
"""

from __future__ import annotations

import fnmatch
from collections.abc import AsyncIterable, AsyncIterator, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ._exceptions import InvalidParameterError
from ._public import publish
from .types import Unset

__all__ = ["Selection", "parse_tag", "select", "select_async", "tags_of"]

T = TypeVar("T")


def parse_tag(text: str) -> tuple[str, str]:
    """``"team=etl"`` → ``("team", "etl")``."""
    key, separator, value = text.partition("=")
    if not separator or not key.strip():
        raise InvalidParameterError("tag", f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def tags_of(value: object) -> dict[str, str] | None:
    """Tags as ``{key: value}``, from an object, a list of ``{key, value}`` or ``"k=v,k2=v2"``; None if not tags."""
    if hasattr(value, "additional_properties") and hasattr(value, "to_dict"):
        value = value.to_dict()  # a generated model of a key/value object
    if isinstance(value, Mapping):
        return {str(key): str(item) for key, item in value.items()}
    if isinstance(value, list):
        return {str(tag.get("key")): str(tag.get("value")) for tag in value if isinstance(tag, Mapping)}
    if isinstance(value, str):
        return dict(parse_tag(pair) for pair in value.split(",") if pair.strip())
    return None


def _field(item: object, name: str) -> tuple[bool, Any]:
    """(whether the item can have the field at all, its value or None)."""
    if isinstance(item, Mapping):
        return True, item.get(name)
    declared = {attribute.name for attribute in getattr(type(item), "__attrs_attrs__", ())}
    if name in declared or name + "_" in declared:
        value = getattr(item, name if name in declared else name + "_")
        return True, None if isinstance(value, Unset) else value
    extra = getattr(item, "additional_properties", None)
    if isinstance(extra, dict) and name in extra:
        return True, extra[name]
    if declared:
        return False, None
    value = getattr(item, name, None)
    return value is not None, value


@dataclass(frozen=True)
class Selection:
    """Which items to keep (client-side): name globs, tags that must all be present, states.

    ``name_field``, ``state_field`` and ``tags_field`` name the item's fields (``name``, ``status``
    and ``tags``, as in every listing of the specs).
    """

    names: tuple[str, ...] = ()
    tags: Mapping[str, str] = field(default_factory=dict)
    states: frozenset[str] = frozenset()
    name_field: str = "name"
    state_field: str = "status"
    tags_field: str = "tags"

    @classmethod
    def of(
        cls,
        *,
        name: str | Collection[str] | None = None,
        tags: Mapping[str, str] | Collection[str] | None = None,
        states: str | Collection[str] | None = None,
    ) -> Selection:
        """A selection from friendly arguments: one glob or several, ``{"k": "v"}`` or ``["k=v"]``, states."""
        names = (name,) if isinstance(name, str) else tuple(name or ())
        for glob in names:
            if not isinstance(glob, str) or not glob:
                raise InvalidParameterError("name", f"must be a non-empty glob, got {glob!r}")
        if isinstance(tags, Mapping):
            pairs = {str(key): str(value) for key, value in tags.items()}
        elif isinstance(tags, str):
            pairs = dict([parse_tag(tags)])
        else:
            pairs = dict(parse_tag(text) for text in tags or ())
        wanted = frozenset((states,) if isinstance(states, str) else states or ())
        return cls(names=names, tags=pairs, states=wanted)

    def __bool__(self) -> bool:
        return bool(self.names or self.tags or self.states)

    def _asked(self) -> list[tuple[str, str]]:
        return [
            (option, name)
            for option, name, given in (
                ("name", self.name_field, self.names),
                ("tags", self.tags_field, self.tags),
                ("states", self.state_field, self.states),
            )
            if given
        ]

    def check(self, item: object) -> None:
        """Raise InvalidParameterError if the item's type has no field this selection reads."""
        for option, name in self._asked():
            possible, _ = _field(item, name)
            if not possible:
                raise InvalidParameterError(
                    option,
                    f"{type(item).__name__} items have no field {name!r}, so they cannot be selected by it "
                    "client-side; use a filter of the list operation if it has one",
                )

    def matches(self, item: object) -> bool:
        if self.names:
            _, name = _field(item, self.name_field)
            if not isinstance(name, str) or not any(fnmatch.fnmatchcase(name, glob) for glob in self.names):
                return False
        if self.tags:
            _, raw = _field(item, self.tags_field)
            present = tags_of(raw) or {}
            if any(present.get(key) != value for key, value in self.tags.items()):
                return False
        if self.states:
            _, state = _field(item, self.state_field)
            if state is None or str(getattr(state, "value", state)) not in self.states:
                return False
        return True


def select(
    items: Iterable[T],
    selection: Selection | None = None,
    *,
    name: str | Collection[str] | None = None,
    tags: Mapping[str, str] | Collection[str] | None = None,
    states: str | Collection[str] | None = None,
) -> Iterator[T]:
    """The items that match (lazily, one at a time: an ``iter_<op>()`` stays at one page in memory)."""
    chosen = selection if selection is not None else Selection.of(name=name, tags=tags, states=states)
    checked = False
    for item in items:
        if not checked:
            chosen.check(item)
            checked = True
        if chosen.matches(item):
            yield item


async def select_async(
    items: AsyncIterable[T],
    selection: Selection | None = None,
    *,
    name: str | Collection[str] | None = None,
    tags: Mapping[str, str] | Collection[str] | None = None,
    states: str | Collection[str] | None = None,
) -> AsyncIterator[T]:
    """The asyncio counterpart of :func:`select` (``async for``)."""
    chosen = selection if selection is not None else Selection.of(name=name, tags=tags, states=states)
    checked = False
    async for item in items:
        if not checked:
            chosen.check(item)
            checked = True
        if chosen.matches(item):
            yield item


publish(Selection)
