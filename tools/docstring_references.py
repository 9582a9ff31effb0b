"""Griffe extension for the documentation build: the Sphinx roles of our docstrings become links.

The runtime's docstrings name other objects the Sphinx way (``:class:`RetryPolicy```,
``:meth:`FakeCloud.serve```, ``:data:`~._defaults.REQUEST_ID_HEADERS```). mkdocstrings reads
Markdown, so each role is looked up where Python would find the name (the enclosing classes,
the module, then an absolute path; a leading dot is relative to the package) and becomes an
optional cross-reference: a link when the target is on the site, plain code when it is not
(a private helper). A role naming nothing that exists is a warning, which ``strict: true``
turns into a failed build: a renamed or removed name cannot leave a stale reference behind.

RST literal-block markers (a line ending in ``::``) are rewritten to a single colon; the
indented block after them is already a Markdown code block.

Used by mkdocs.yml (``extensions:`` of the Python handler); ``nox -s docs`` builds with it.
"""

from __future__ import annotations

import importlib
import logging
import re
from typing import Any

import griffe

__all__ = ["DocstringReferences", "resolve", "rewrite"]

ROLE = re.compile(r":(?:py:)?(?:class|meth|func|data|attr|exc|mod|obj|const):`(?P<short>~?)(?P<target>[^`\s]+)`")
LITERAL_MARKER = re.compile(r"(?m)(\S)::$|^[ \t]*::$")

# A logger under "mkdocs": MkDocs counts its warnings, and strict mode fails the build on them.
log = logging.getLogger("mkdocs.plugins.docstring_references")


def _exists_at_runtime(path: str) -> bool:
    """Import the longest importable module prefix of ``path`` and look the rest up as attributes."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            if not hasattr(value, part):
                return False
            value = getattr(value, part)
        return True
    return False


def _exists(path: str, collection: griffe.ModulesCollection) -> bool:
    """Known to Python, or to griffe (fields declared by annotation only have no class attribute)."""
    try:
        collection.get_member(path)
    except (KeyError, ValueError, AttributeError):
        return _exists_at_runtime(path)
    return True


def _candidates(obj: griffe.Object, name: str) -> list[str]:
    module = obj.module
    if name.startswith("."):
        package = module.path if module.is_package else module.path.rpartition(".")[0]
        return [package + name]
    scopes: list[str] = []
    current: griffe.Object | None = obj if obj.is_class else obj.parent
    while current is not None and not current.is_module:
        if current.is_class:
            scopes.append(current.path)
        current = current.parent
    return [*(f"{scope}.{name}" for scope in [*scopes, module.path, "builtins"]), name]


def resolve(obj: griffe.Object, target: str, collection: griffe.ModulesCollection) -> str | None:
    """The full path a role's target names, seen from ``obj``'s docstring; None if it names nothing."""
    return next((path for path in _candidates(obj, target) if _exists(path, collection)), None)


def rewrite(obj: griffe.Object, text: str, collection: griffe.ModulesCollection) -> str:
    """``text`` with every role a cross-reference (or a warning) and every ``::`` marker a colon."""

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        shown = target.rpartition(".")[2] if match["short"] else target.lstrip(".")
        path = resolve(obj, target, collection)
        if path is None:
            log.warning(
                "%s:%s: the docstring of %s refers to %r, which does not exist",
                obj.filepath,
                obj.lineno,
                obj.path,
                target,
            )
            return f"`{shown}`"
        return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'

    text = ROLE.sub(replace, text)
    return LITERAL_MARKER.sub(lambda match: match[1] + ":" if match[1] else "", text)


class DocstringReferences(griffe.Extension):
    """Rewrites each docstring once the whole package is loaded (so names in sibling modules resolve)."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        self._walk(pkg, loader.modules_collection, set())

    def _walk(self, obj: griffe.Object, collection: griffe.ModulesCollection, seen: set[str]) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        if obj.docstring is not None:
            obj.docstring.value = rewrite(obj, obj.docstring.value, collection)
        for member in obj.members.values():
            if not member.is_alias:
                self._walk(member, collection, seen)  # type: ignore[arg-type]
