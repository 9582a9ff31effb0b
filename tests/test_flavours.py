"""The sync and asyncio flavours are one logic: each asyncio twin, unasync'ed, is its sync twin.

The runtime keeps its decisions in I/O-free helpers and each flavour only adds ``await`` (or
``async for`` / ``async with``). This is checked the way httpcore checks its unasync output: the
source of every asyncio member listed in :data:`TWINS` goes through a mechanical rewrite (drop
``async`` and ``await``, ``Awaitable[X]`` is ``X``, ``AsyncGenerator[Y, S]`` is
``Generator[Y, S, None]``, ``asyncio.sleep`` is ``time.sleep``, and the names in :data:`RENAMES`)
and must then equal the source of its sync twin, both normalised by ``ast.unparse`` without
docstrings. Where twins differ for a reason, the difference is written down beside the pair
(``replace``: the exact asyncio text and the sync text it stands for; ``differs``: a member of a
class pair that is compared by hand), with the reason.

Every asyncio member of the runtime (an ``async def``, a class or alias named ``Async...``, a
function named ``..._async``) must be in a pair, or in :data:`APART` with the reason it has no
twin, so a new pair cannot escape the check.
"""

from __future__ import annotations

import ast
import difflib
import importlib
import inspect
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"

# An asyncio name -> its sync twin's, for identifiers and attributes alike.
RENAMES: dict[str, str] = {
    # classes and aliases
    "AsyncBackend": "Backend",
    "AsyncClient": "Client",  # httpx
    "AsyncBaseTransport": "BaseTransport",  # httpx
    "AsyncFetch": "Fetch",
    "AsyncHttpTransport": "HttpTransport",
    "AsyncItemIterator": "ItemIterator",
    "AsyncIterable": "Iterable",
    "AsyncIterator": "Iterator",
    "AsyncNetworkBackend": "NetworkBackend",  # httpcore
    "AsyncNetworkStream": "NetworkStream",  # httpcore
    "AsyncPageIterator": "PageIterator",
    "AsyncRawServiceBase": "RawServiceBase",
    "AsyncService": "Service",
    "AsyncSleep": "Sleep",
    "AsyncServiceBase": "ServiceBase",
    "AsyncTransport": "Transport",
    "AsyncWait": "Wait",
    "BaseAsyncCloud": "BaseCloud",
    "StopAsyncIteration": "StopIteration",
    "_AsyncStream": "_Stream",
    # protocol methods
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "aclose": "close",
    "aiter_raw": "iter_raw",  # httpx
    "aread": "read",  # httpx
    "async_auth_flow": "sync_auth_flow",  # httpx.Auth
    "handle_async_request": "handle_request",  # httpx transports
    # ours
    "_afetch": "_fetch",
    "_aissue": "_issue",
    "_single_flight_async": "_single_flight",
    "aget_token": "get_token",
    "await_state": "wait",
    "begin_wait_async": "begin_wait",
    "iterate_items_async": "iterate_items",
    "iterate_pages_async": "iterate_pages",
    "resume_wait_async": "resume_wait",
    "select_async": "select",
}


@dataclass(frozen=True)
class Twin:
    """An asyncio member and its sync twin: ``module`` and dotted paths inside it (``Class.method``)."""

    module: str
    asyncio: str
    sync: str
    # (asyncio text after the rewrite, the sync text it stands for, why): differences kept on purpose,
    # each a piece of one line of the normalised source, found exactly once.
    replace: tuple[tuple[str, str, str], ...] = ()
    # Members of a class pair that differ on purpose: asyncio member name -> why. Asserted to differ.
    differs: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.module.rsplit('.', 1)[-1]}:{self.asyncio}"


CORE = "huaweicloud_jobs_core"
LAZY_ASYNCIO = "asyncio is imported only when an asyncio member is used, so `import huaweicloud_jobs` does not load it"

TWINS: list[Twin] = [
    Twin(f"{CORE}._retry", "AsyncSleep", "Sleep"),
    # _service: what generated services call
    Twin(f"{CORE}._service", "AsyncTransport", "Transport"),
    Twin(f"{CORE}._service", "AsyncServiceBase", "ServiceBase"),
    Twin(f"{CORE}._service", "AsyncRawServiceBase", "RawServiceBase"),
    # _transport: the send loop around the I/O-free _Base._steps
    Twin(
        f"{CORE}._transport",
        "AsyncHttpTransport",
        "HttpTransport",
        differs={"__init__": f"the default sleep is asyncio.sleep, looked up when made: {LAZY_ASYNCIO}"},
    ),
    # _deadline_sockets: httpcore's backends and streams, bounded by the deadline
    Twin(f"{CORE}._deadline_sockets", "_AsyncStream", "_Stream"),
    Twin(f"{CORE}._deadline_sockets", "AsyncBackend", "Backend"),
    # _waiters and _resumable: the polling loop around the I/O-free _Poll
    Twin(
        f"{CORE}._waiters",
        "await_state",
        "wait",
        replace=(
            (
                "sleep: Callable[[float], None], clock",
                "sleep: Callable[[float], None]=time.sleep, clock",
                f"no default sleep: {LAZY_ASYNCIO} (its callers pass the transport's)",
            ),
        ),
    ),
    Twin(f"{CORE}._resumable", "AsyncWait", "Wait"),
    Twin(f"{CORE}._resumable", "begin_wait_async", "begin_wait"),
    Twin(f"{CORE}._resumable", "resume_wait_async", "resume_wait"),
    # _paginators: the fetching around the I/O-free Walk
    Twin(f"{CORE}._paginators", "AsyncFetch", "Fetch"),
    Twin(f"{CORE}._paginators", "AsyncItemIterator", "ItemIterator"),
    Twin(f"{CORE}._paginators", "AsyncPageIterator", "PageIterator"),
    Twin(f"{CORE}._paginators", "iterate_items_async", "iterate_items"),
    Twin(f"{CORE}._paginators", "iterate_pages_async", "iterate_pages"),
    # _selection
    Twin(f"{CORE}._selection", "select_async", "select"),
    # _client: the clouds users hold
    Twin(
        f"{CORE}._client",
        "BaseAsyncCloud",
        "BaseCloud",
        differs={
            "_TRANSPORT_DESCRIBED": "the error for a wrong transport names the kinds this flavour takes",
            "_CLIENT_DESCRIBED": "the error for a wrong http_client names the client this flavour takes",
        },
    ),
    # _refresh and _tokens: one refresh for all callers
    Twin(
        f"{CORE}._refresh",
        "ExpiringCache._single_flight_async",
        "ExpiringCache._single_flight",
        replace=(
            (
                "with self._async_lock():",
                "with self._lock:",
                "an asyncio.Lock belongs to one event loop: one per loop, a threading.Lock for threads",
            ),
        ),
    ),
    Twin(f"{CORE}._tokens", "TokenSource.aget_token", "TokenSource.get_token"),
    Twin(f"{CORE}._tokens", "CachedTokenProvider._aissue", "CachedTokenProvider._issue"),
    Twin(f"{CORE}._tokens", "CachedTokenProvider.aget_token", "CachedTokenProvider.get_token"),
    Twin(f"{CORE}._tokens", "CachedTokenProvider._afetch", "CachedTokenProvider._fetch"),
    Twin(f"{CORE}._tokens", "CachedTokenProvider.__aenter__", "CachedTokenProvider.__enter__"),
    Twin(f"{CORE}._tokens", "CachedTokenProvider.__aexit__", "CachedTokenProvider.__exit__"),
    Twin(f"{CORE}._tokens", "TokenAuth.async_auth_flow", "TokenAuth.sync_auth_flow"),
    # testing: the fake's transport
    Twin(f"{CORE}.testing", "_FakeTransport.handle_async_request", "_FakeTransport.handle_request"),
    # per-service code
    Twin("huaweicloud_jobs_iam._patch", "AsyncService", "Service"),
]

# Asyncio members with no sync twin to compare with: "module:path" -> why.
APART: dict[str, str] = {
    f"{CORE}._transport:LoopClients.aclose": "closes this loop's client of LoopClients, which only asyncio needs",
    f"{CORE}._tokens:CachedTokenProvider.aclose": "calls close(): a provider's close() does no I/O to await",
    f"{CORE}._providers:ProviderAkSkAuth.async_auth_flow": (
        "a credential refresh is blocking I/O: the asyncio flow runs it in a worker thread unless the cached "
        "credentials are current, then signs with the same AkSkAuth flow as the sync one"
    ),
    f"{CORE}._bulk:bulk_call_async": (
        "drives the same I/O-free _BulkRun as bulk_call; tasks instead of a thread pool, and cancellation "
        "(in-flight calls cancelled) instead of Ctrl-C (in-flight calls awaited, a second one leaves)"
    ),
    f"{CORE}._bulk:_wait_async": "asyncio.wait on tasks; the sync _wait also wakes to let Ctrl-C through",
    f"{CORE}._bulk:_awaited": "refuses a plain result, where the sync _called refuses an awaitable",
    f"{CORE}.testing:FakeTime.async_sleep": "moves the same fake clock (FakeTime.sleep), then yields to the loop once",
    "huaweicloud_jobs_iam._patch:IamTokenProvider._aissue": (
        "an AsyncClient per refresh: refreshes are hours apart and an AsyncClient is tied to one event loop, "
        "where the sync one keeps its client"
    ),
}

# Modules whose asyncio members are not checked here yet.
NOT_SCANNED: set[str] = set()


# -- the rewrite --------------------------------------------------------------------------------------


class _Unasync(ast.NodeTransformer):
    """The mechanical asyncio -> sync rewrite of a syntax tree."""

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.FunctionDef:
        self.generic_visit(node)
        sync = ast.FunctionDef(**{name: getattr(node, name) for name in node._fields})
        sync.name = RENAMES.get(node.name, node.name)
        return ast.copy_location(sync, node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        self.generic_visit(node)
        node.name = RENAMES.get(node.name, node.name)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.ClassDef:
        self.generic_visit(node)
        node.name = RENAMES.get(node.name, node.name)
        return node

    def visit_AsyncFor(self, node: ast.AsyncFor) -> ast.For:
        self.generic_visit(node)
        return ast.copy_location(ast.For(**{name: getattr(node, name) for name in node._fields}), node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> ast.With:
        self.generic_visit(node)
        return ast.copy_location(ast.With(**{name: getattr(node, name) for name in node._fields}), node)

    def visit_Await(self, node: ast.Await) -> ast.expr:
        return self.visit(node.value)  # type: ignore[no-any-return]

    def visit_Subscript(self, node: ast.Subscript) -> ast.expr:
        self.generic_visit(node)
        if _named(node.value) == "Awaitable":
            return node.slice
        if _named(node.value) == "AsyncGenerator" and isinstance(node.slice, ast.Tuple):
            generator = ast.Name("Generator", ast.Load())
            return ast.Subscript(generator, ast.Tuple([*node.slice.elts, ast.Constant(None)], ast.Load()), ast.Load())
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.Attribute:
        self.generic_visit(node)
        if _named(node.value) == "asyncio" and node.attr == "sleep":
            return ast.Attribute(ast.Name("time", ast.Load()), "sleep", node.ctx)
        node.attr = RENAMES.get(node.attr, node.attr)
        return node

    def visit_Name(self, node: ast.Name) -> ast.Name:
        node.id = RENAMES.get(node.id, node.id)
        return node


def _named(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _without_docstrings(tree: ast.AST) -> ast.AST:
    """Docstrings say which flavour they document; they are not logic. An emptied body becomes ``pass``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
            body = node.body
            first = body[0].value if body and isinstance(body[0], ast.Expr) else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                node.body = body[1:] or [ast.Pass()]
    return tree


def _member(module_name: str, path: str) -> ast.stmt:
    """The definition of ``path`` (``name`` or ``Class.member``) in a module, as a syntax tree."""
    module = importlib.import_module(module_name)
    owner, _, member = path.rpartition(".")
    scope: list[ast.stmt] = ast.parse(inspect.getsource(module)).body
    if owner:
        scope = next(node.body for node in scope if isinstance(node, ast.ClassDef) and node.name == owner)
    for node in scope:
        if _defines(node) == member:
            return node
    raise LookupError(f"{module_name} defines no {path}")


def _defines(node: ast.stmt) -> str | None:
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return node.name
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id
    return None


def unasync(source: str) -> str:
    """The sync source an asyncio source stands for (normalised)."""
    tree = _without_docstrings(ast.parse(textwrap.dedent(source)))
    return ast.unparse(ast.fix_missing_locations(_Unasync().visit(tree)))


def normalised(source: str) -> str:
    return ast.unparse(_without_docstrings(ast.parse(textwrap.dedent(source))))


def _split(node: ast.stmt, differs: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A definition's source without the class members listed in ``differs``, and those members' sources."""
    if not isinstance(node, ast.ClassDef) or not differs:
        return ast.unparse(node), {}
    kept, apart = [], {}
    for member in node.body:
        name = _defines(member)
        if name is not None and RENAMES.get(name, name) in {RENAMES.get(key, key) for key in differs}:
            apart[RENAMES.get(name, name)] = ast.unparse(member)
        else:
            kept.append(member)
    node.body = kept
    return ast.unparse(node), apart


def _replaced(source: str, old: str, new: str) -> tuple[str, int]:
    """``source`` with ``old`` (a piece of one line) replaced by ``new``, and how often it was found."""
    return source.replace(old, new), source.count(old)


def compare(twin: Twin) -> tuple[str, str, dict[str, tuple[str, str]]]:
    """(asyncio rewritten, sync) normalised sources of a pair, and the members it lists as differing."""
    async_source, async_apart = _split(_member(twin.module, twin.asyncio), twin.differs)
    sync_source, sync_apart = _split(_member(twin.module, twin.sync), twin.differs)
    rewritten = unasync(async_source)
    for old, new, _ in twin.replace:
        rewritten, found = _replaced(rewritten, old, new)
        assert found == 1, f"{twin.id}: the difference {old!r} is found {found} times, not once: update the list"
    apart = {name: (unasync(async_apart[name]), normalised(sync_apart[name])) for name in async_apart}
    assert set(apart) == {RENAMES.get(key, key) for key in twin.differs}, f"{twin.id}: a listed member is missing"
    return rewritten, normalised(sync_source), apart


def _diff(rewritten: str, sync: str) -> str:
    lines = difflib.unified_diff(
        sync.splitlines(), rewritten.splitlines(), "sync twin", "asyncio twin, unasync'ed", lineterm=""
    )
    return "\n".join(lines)


@pytest.mark.parametrize("twin", TWINS, ids=lambda twin: twin.id)
def test_the_asyncio_twin_unasynced_is_the_sync_twin(twin: Twin) -> None:
    rewritten, sync, apart = compare(twin)
    assert rewritten == sync, f"{twin.id} and {twin.sync} differ in logic:\n{_diff(rewritten, sync)}"
    for name, (async_member, sync_member) in apart.items():
        assert async_member != sync_member, f"{twin.id}.{name} no longer differs: remove it from `differs`"


# -- every asyncio member is checked -----------------------------------------------------------------


def runtime_modules() -> list[str]:
    """The runtime's modules and each service's handwritten ``_patch``."""
    core = sorted(f"{CORE}.{path.stem}" for path in (OVERRIDES / CORE).glob("*.py") if path.stem != "__init__")
    patches = sorted(f"{path.parent.name}._patch" for path in OVERRIDES.glob("huaweicloud_jobs_*/_patch.py"))
    return [*core, *patches]


def asyncio_members(module_name: str) -> Iterator[str]:
    """Dotted paths of a module's asyncio members: ``async def``s, ``Async...`` classes and aliases, ``..._async``."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))

    def flavoured(name: str) -> bool:
        return name.startswith(("Async", "_Async")) or "Async" in name or name.endswith("_async")

    for node in tree.body:
        name = _defines(node)
        if name is None:
            continue
        if isinstance(node, ast.AsyncFunctionDef) or flavoured(name):
            yield name
        if isinstance(node, ast.ClassDef):
            for member in node.body:
                inner = _defines(member)
                if inner is not None and (isinstance(member, ast.AsyncFunctionDef) or flavoured(inner)):
                    yield f"{name}.{inner}"


def _covered(module_name: str, path: str) -> bool:
    for twin in TWINS:
        if twin.module == module_name and (path == twin.asyncio or path.startswith(twin.asyncio + ".")):
            return True
    return f"{module_name}:{path}" in APART


def test_every_asyncio_member_of_the_runtime_has_its_listed_twin() -> None:
    scanned = [name for name in runtime_modules() if name not in NOT_SCANNED]
    found = {f"{module}:{path}" for module in scanned for path in asyncio_members(module)}
    assert len(found) > 40, sorted(found)  # the scan sees the runtime's asyncio side
    unlisted = sorted(key for key in found if not _covered(*key.split(":")))
    assert not unlisted, f"asyncio members with no twin in TWINS and no reason in APART: {unlisted}"
    stale = sorted(key for key in APART if key not in found)
    assert not stale, f"APART lists members that are gone: {stale}"


def test_every_listed_pair_exists_and_is_one_flavour_each() -> None:
    for twin in TWINS:
        asyncio_side, sync_side = _member(twin.module, twin.asyncio), _member(twin.module, twin.sync)
        has_await = any(isinstance(node, ast.AsyncFunctionDef) for node in ast.walk(asyncio_side))
        assert has_await or "Async" in twin.asyncio or twin.asyncio.endswith("_async"), twin.id
        assert not any(isinstance(node, ast.AsyncFunctionDef | ast.Await) for node in ast.walk(sync_side)), twin.id


# -- the check itself ---------------------------------------------------------------------------------


def test_the_rewrite_catches_logic_in_one_twin_only() -> None:
    """An edit to one twin's logic (here: the asyncio waiter stops one poll early) shows as a difference."""
    twin = next(twin for twin in TWINS if twin.asyncio == "await_state")
    source = ast.unparse(_member(twin.module, twin.asyncio))
    edited = source.replace("if poll.done(reading.result):", "if poll.done(reading.result) or poll.polls > 9:")
    assert edited != source
    rewritten = unasync(edited)
    for old, new, _ in twin.replace:
        rewritten, _ = _replaced(rewritten, old, new)
    assert rewritten != normalised(ast.unparse(_member(twin.module, twin.sync)))


@pytest.mark.parametrize(
    ("asyncio_source", "sync_source"),
    [
        ("async def f(x: Awaitable[int]) -> None:\n    await g(x)", "def f(x: int) -> None:\n    g(x)"),
        ("async def f():\n    async for a in b:\n        pass", "def f():\n    for a in b:\n        pass"),
        ("async def f():\n    async with a() as b:\n        pass", "def f():\n    with a() as b:\n        pass"),
        ("async def f():\n    await asyncio.sleep(1)", "def f():\n    time.sleep(1)"),
        ("def f() -> AsyncGenerator[A, B]: ...", "def f() -> Generator[A, B, None]: ..."),
        ("class AsyncWait:\n    async def __aenter__(self): ...", "class Wait:\n    def __enter__(self): ..."),
        ('def f():\n    """asyncio."""\n    return 1', 'def f():\n    """sync."""\n    return 1'),
    ],
)
def test_the_rewrite(asyncio_source: str, sync_source: str) -> None:
    assert unasync(asyncio_source) == normalised(sync_source)


def test_a_difference_the_rewrite_keeps() -> None:
    assert unasync("async def f():\n    return await g(1)") != normalised("def f():\n    return g(2)")
