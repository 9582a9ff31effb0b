"""An offline fake of the cloud, for testing your own stop-and-wait code.

Everything here is derived from the bundled OpenAPI documents (the ``openapi.json`` each
installed ``huaweicloud_jobs_<service>`` package carries), never from per-service code:

- requests are routed by the documents' paths and methods; anything the documents do not
  allow gets what the API gateway would answer (404 for an unknown path or method, 400 for a
  missing required parameter or a body that breaks its schema, 401 without credentials),
  with an error body shaped like the service's documented error examples;
- which operation stops a job and which reads its state come from the ``x-waiters``
  declarations (the waiter sits on the read, ``after`` names the stop, ``state`` is the
  dotted path of the state field); read answers are the read's documented 200 example with
  the job's id and current state filled in, stop answers the stop's documented success
  example (one item per id for a batch stop such as DLI ``stop_jobs``);
- a job that does not exist is answered as the waiter declares the service says it: the
  documented error example carrying one of its ``not_found_codes`` (DRS: 400
  ``DRS.10000010``), else 404;
- a DELETE removes the job (404 afterwards).

::

    from huaweicloud_jobs.testing import FakeCloud, FakeTime   # Cloud: huaweicloud_jobs.Cloud

    fake = FakeCloud()
    fake.add_job("drs", "job-1", states=["INCRE_TRANSFER_STARTED"],
                 after_stop=["RELEASE_RESOURCE_STARTED", "RELEASE_RESOURCE_COMPLETE"])
    time = FakeTime()
    with Cloud(token="t", project_id="p" * 32, transport=fake.transport(),
               sleep=time.sleep, clock=time.clock) as cloud:
        cloud.drs.stop_job_and_wait("job-1")
    assert [r.operation for r in fake.requests] == ["stop_job", "show_job", "show_job"]

Two modes: :meth:`FakeCloud.transport` (an ``httpx.MockTransport``: no sockets, for
``Cloud`` and ``AsyncCloud``) and :meth:`FakeCloud.serve` (a real HTTP server on
127.0.0.1, for code that builds its own client; :meth:`FakeCloud.endpoints` is then the
``endpoints=`` mapping of a cloud).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import importlib
import json
import pkgutil
import re
import socket
import ssl
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from ._error_body import parse_error_body
from ._exceptions import InvalidParameterError
from ._fake_lists import answer as list_answer
from ._fake_lists import find_listings
from ._spec import JsonSchema, OperationSpec, load_document, operation_spec, resolve_refs
from ._validation import check_value

__all__ = [
    "VANISHED",
    "FakeCloud",
    "FakeJob",
    "FakeTime",
    "RecordedRequest",
    "WaiterRoute",
    "installed_services",
]

VANISHED = "<vanished>"
"""A state in a script meaning the job is gone: reads of it answer "not found" from then on (404, or the
documented error that carries one of the waiter's ``not_found_codes``, such as DRS's 400 DRS.10000010)."""

_METHODS = ("get", "put", "post", "delete", "patch")
_GATEWAY_NOT_FOUND = {
    "error_code": "APIGW.0101",
    "error_msg": "The API does not exist or has not been published in the environment",
}
_GATEWAY_UNAUTHORIZED = {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}
_MESSAGE_FIELDS = ("error_msg", "message", "error_message", "msg")
_CODE_FIELDS = ("error_code", "code", "errorCode")
_SERVICE_CODE = re.compile(r"([A-Za-z][A-Za-z0-9]*)\.(\d+)")


def _code_for(documented: str, status: int) -> str:
    """An error code of the documented one's form (``DRS.10000010``) that says only the status (``DRS.00000503``)."""
    match = _SERVICE_CODE.fullmatch(documented)
    if match is None:
        return f"FAKE.{status}"
    prefix, digits = match.groups()
    return f"{prefix}.{str(status).zfill(len(digits))}"


class FakeTime:
    """A clock that only moves when slept on: pass ``sleep=time.sleep, clock=time.clock`` to a cloud.

    ``sleeps`` lists every sleep asked for; :meth:`async_sleep` is the asyncio counterpart
    (it yields to the event loop once, so cancelling a waiting task works).
    """

    def __init__(self, start: float = 0.0) -> None:
        self.now = float(start)
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)

    def clock(self) -> float:
        return self.now


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the fake received it, and the status it answered (0: connection reset)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    service: str | None
    operation: str | None
    status: int


@dataclass(frozen=True, slots=True)
class WaiterRoute:
    """One ``x-waiters`` declaration: ``stop`` (its ``after``) is followed by polls of ``read``."""

    service: str
    waiter: str
    read: str
    stop: str | None
    state: tuple[str, ...]
    success: frozenset[str]
    failure: frozenset[str]
    not_found_codes: frozenset[str] = frozenset()


@dataclass(eq=False)
class FakeJob:
    """A fake job: its scripted states before and after a stop, and what happened to it."""

    service: str
    job_id: str
    states: list[str]
    after_stop: list[str]
    stopped: bool = False
    deleted: bool = False
    reads: int = 0
    stops: int = 0
    fields: dict[str, Any] = field(default_factory=dict)  # more fields of the job as listings show it
    hold: float | None = None  # seconds each scripted state lasts (None: one read each)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _script: list[str] = field(default_factory=list, repr=False)
    _position: int = field(default=0, repr=False)
    _since: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self._script = list(self.states)
        self._since = self.clock()

    @property
    def state(self) -> str:
        """The state the next read answers."""
        if self.hold is not None:  # moves with time: a state lasts ``hold`` seconds, the last one stays
            elapsed = max(self.clock() - self._since, 0.0)
            return self._script[min(int(elapsed // self.hold), len(self._script) - 1)]
        return self._script[self._position]

    @property
    def gone(self) -> bool:
        return self.deleted or self.state == VANISHED

    def _read(self) -> str:
        self.reads += 1
        state = self.state
        self._position = min(self._position + 1, len(self._script) - 1)
        return state

    def _stop(self) -> None:
        self.stops += 1
        if not self.stopped:
            self.stopped = True
            if self.after_stop:
                self._script, self._position, self._since = list(self.after_stop), 0, self.clock()


@dataclass(frozen=True, slots=True)
class _Route:
    service: str
    operation: str
    method: str
    path: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class _Fault:
    status: int
    body: Any
    headers: dict[str, str]
    reset: bool
    delay: float


class _Service:
    """What one bundled document says, in the form the fake needs."""

    def __init__(self, package: str) -> None:
        self.package = package
        self.document = load_document(package)
        info = self.document.get("info", {})
        server = self.document["servers"][0]
        self.host_prefix = str(server.get("variables", {}).get("service", {}).get("default", ""))
        self.name = str(info.get("x-service") or self.host_prefix)
        self.routes: list[_Route] = []
        self.specs: dict[str, OperationSpec] = {}
        self.raw: dict[str, dict[str, Any]] = {}
        self.waiters: list[WaiterRoute] = []
        for path, item in self.document["paths"].items():
            names = tuple(re.findall(r"\{([^}]+)\}", path))
            regex = "^" + re.sub(r"\\\{[^}]+\\\}", "([^/]+)", re.escape(path)) + "/?$"
            for method, operation in item.items():
                if method not in _METHODS or not isinstance(operation, dict):
                    continue
                spec = operation_spec(package, method, path)
                self.specs[spec.name] = spec
                self.raw[spec.name] = operation
                self.routes.append(_Route(self.name, spec.name, method.upper(), path, re.compile(regex), names))
                for waiter, declared in spec.waiters.items():
                    self.waiters.append(
                        WaiterRoute(
                            service=self.name,
                            waiter=waiter,
                            read=spec.name,
                            stop=declared.get("after"),
                            state=tuple(str(declared["state"]).split(".")),
                            success=frozenset(declared.get("success", ())),
                            failure=frozenset(declared.get("failure", ())),
                            not_found_codes=frozenset(str(code) for code in declared.get("not_found_codes", ())),
                        )
                    )
        self.reads = {route.read: route for route in self.waiters}
        self.stops = {route.stop for route in self.waiters if route.stop}
        self.listings = find_listings(package, self.specs, self.examples)
        self.state_field = next((route.state[-1] for route in self.waiters), None)

    def id_parameter(self, operation: str) -> str | None:
        """The path parameter that names the job: the last one other than the project."""
        names = [name for name in re.findall(r"\{([^}]+)\}", self.specs[operation].path) if name != "project_id"]
        return names[-1] if names else None

    def requires_auth(self, operation: str) -> bool:
        security = self.raw[operation].get("security", self.document.get("security", []))
        return bool(security)

    def examples(self, operation: str, status: int) -> list[Any]:
        """The documented example values of one response of one operation."""
        response = self.raw[operation].get("responses", {}).get(str(status))
        if response is None:
            return []
        response = resolve_refs(self.document, response)
        media = response.get("content", {}).get("application/json", {})
        values = [example.get("value") for example in media.get("examples", {}).values() if "value" in example]
        if "example" in media:
            values.append(media["example"])
        return values

    def required_headers(self, operation: str, status: int) -> dict[str, str]:
        """The response headers the document marks required (IAM's ``X-Subject-Token``): its example, or a stand-in."""
        response = self.raw[operation].get("responses", {}).get(str(status))
        if response is None:
            return {}
        headers = resolve_refs(self.document, response).get("headers", {})
        return {
            name: str(header.get("example", header.get("schema", {}).get("example", f"fake-{name.lower()}")))
            for name, header in headers.items()
            if isinstance(header, dict) and header.get("required")
        }

    def gone_answer(self, operation: str) -> tuple[int, Any] | None:
        """The documented error answer that says a job does not exist, where a waiter declares its code."""
        codes = frozenset().union(
            *(route.not_found_codes for route in self.waiters if operation in (route.read, route.stop))
        )
        if not codes:
            return None
        for code in self.raw[operation].get("responses", {}):
            if code.isdigit() and int(code) >= 400:
                for value in self.examples(operation, int(code)):
                    reported = parse_error_body(json.dumps(value).encode(), "application/json").error_code
                    if reported in codes:
                        return int(code), value
        return None

    def documents(self, operation: str, status: int) -> bool:
        return str(status) in self.raw[operation].get("responses", {})

    def error_body(self, operation: str | None, status: int, message: str | None) -> Any:
        """An error body shaped like the service's documented examples (verbatim when ``message`` is None).

        A shaped body keeps the fields of the example but not its error code, which has a documented
        meaning (DRS.10000010: the task does not exist) that this answer does not have: the code
        becomes one of the same form made of the status (DRS.00000503).
        """
        candidates: list[Any] = []
        if operation is not None:
            candidates += self.examples(operation, status)
        for other in self.specs:
            candidates += self.examples(other, status)
        for other in self.specs:
            for code in self.raw[other].get("responses", {}):
                if code.isdigit() and int(code) >= 400:
                    candidates += self.examples(other, int(code))
        shaped = next((value for value in candidates if isinstance(value, dict)), None)
        if shaped is None:
            shaped = {"error_code": f"{self.name.upper()}.{status}", "error_msg": message or "error"}
            return shaped
        body = copy.deepcopy(shaped)
        if message is not None:
            for key in _MESSAGE_FIELDS:
                if key in body:
                    body[key] = message
                    break
            if "http_code" in body:
                body["http_code"] = status
            for key in _CODE_FIELDS:
                if isinstance(body.get(key), str):
                    body[key] = _code_for(body[key], status)
                    break
        return body


def installed_services() -> dict[str, str]:
    """Every installed generated package with a bundled document: service name -> package."""
    found: dict[str, str] = {}
    for module in pkgutil.iter_modules():
        name = module.name
        if not name.startswith("huaweicloud_jobs_") or name == "huaweicloud_jobs_core":
            continue
        try:
            importlib.import_module(name)
            document = load_document(name)
        except (ImportError, FileNotFoundError, OSError, ValueError):
            continue
        info = document.get("info", {})
        service = info.get("x-service") or document["servers"][0]["variables"]["service"]["default"]
        found[str(service)] = name
    return dict(sorted(found.items()))


def _minimal(schema: JsonSchema) -> Any:
    """The smallest value that satisfies ``schema`` (the keywords the specs use)."""
    kind = schema.get("type")
    if "default" in schema:
        return copy.deepcopy(schema["default"])
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object" or "properties" in schema:
        return {name: _minimal(schema["properties"].get(name, {})) for name in schema.get("required", ())}
    if kind == "array":
        return []
    if kind == "integer" or kind == "number":
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    if kind == "string":
        return "x" * int(schema.get("minLength", 0))
    return None


def _typed(value: str, schema: JsonSchema) -> Any:
    """A path/query/header string as the type its schema declares (ValueError when it is not)."""
    kind = schema.get("type")
    if kind == "array":  # one comma-separated value (explode: false)
        return [_typed(item, schema.get("items", {})) for item in value.split(",")] if value else []
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError(f"must be an integer, got {value!r}")
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"must be true or false, got {value!r}")
        return value == "true"
    return value


def _child_schema(schema: JsonSchema | None, name: str) -> JsonSchema | None:
    if not schema:
        return None
    child = schema.get("properties", {}).get(name)
    return child if isinstance(child, dict) else None


def _set_id(target: dict[str, Any], schema: JsonSchema | None, names: Iterable[str], value: str) -> None:
    """Put the job id into the first of ``names`` the schema declares, as its declared type."""
    for name in names:
        declared = _child_schema(schema, name)
        if declared is not None:
            try:
                target[name] = _typed(value, declared)
            except ValueError:
                target[name] = value
            return


_ANY: Any = object()
"""An expectation's body left unchecked."""


@dataclass(frozen=True, slots=True)
class _Expectation:
    service: str
    operation: str
    path: dict[str, str]
    query: dict[str, str]
    json: Any

    def describe(self) -> str:
        given = {key: value for key, value in (("path", self.path), ("query", self.query)) if value}
        if self.json is not _ANY:
            given["json"] = self.json
        return f"{self.service} {self.operation}" + (f" {given}" if given else "")


class FakeCloud:
    """Fake jobs behind the documented API of every installed service (or of ``services``).

    ``require_auth``: answer 401, as the gateway does, to a request without ``X-Auth-Token`` or
    ``Authorization`` (for operations whose document requires either). ``latency``: seconds
    every answer is delayed (real time; leave 0 with a :class:`FakeTime`).
    """

    def __init__(
        self,
        services: Iterable[str] | None = None,
        *,
        require_auth: bool = True,
        latency: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        available = installed_services()
        wanted = list(available) if services is None else list(services)
        unknown = [name for name in wanted if name not in available]
        if unknown:
            raise ValueError(f"no installed package documents the service(s) {unknown}; installed: {list(available)}")
        self._services = {name: _Service(available[name]) for name in wanted}
        self.require_auth = require_auth
        self.latency = latency
        self.requests: list[RecordedRequest] = []
        self._jobs: dict[tuple[str, str], FakeJob] = {}
        self._faults: dict[tuple[str, str], deque[_Fault]] = {}
        self._records: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._lock = threading.RLock()
        self._base_url: str | None = None
        self._clock = clock
        self._expected: deque[_Expectation] = deque()
        self._unmet: list[str] = []

    # -- what the documents declare -------------------------------------------------------

    @property
    def services(self) -> tuple[str, ...]:
        """The services this fake answers for."""
        return tuple(self._services)

    def waiters(self, service: str | None = None) -> list[WaiterRoute]:
        """The waiter declarations (of one service, or all), each with its read and stop operation."""
        return [route for name, model in self._services.items() if service in (None, name) for route in model.waiters]

    def listings(self, service: str) -> dict[str, bool]:
        """The list operations of one service's document: ``{operation: paged}`` (paged: it declares x-paginators)."""
        return {name: listing.paginator is not None for name, listing in self._service(service).listings.items()}

    def operations(self, service: str) -> list[str]:
        """The operation ids of one service's document."""
        return list(self._service(service).specs)

    # -- scripting --------------------------------------------------------------------------

    def add_job(
        self,
        service: str,
        job_id: str | int,
        *,
        states: Sequence[str],
        after_stop: Sequence[str] = (),
        fields: Mapping[str, Any] | None = None,
        hold: float | None = None,
    ) -> FakeJob:
        """A job answering ``states`` (one per read, the last repeated) until it is stopped, then ``after_stop``.

        Transitions as moto's: immediate (``after_stop=["stopped"]``), after N reads (a state
        written N times), or after a duration (``hold=30``: each state lasts 30 s of the fake's
        ``clock``, pass ``FakeCloud(clock=fake_time.clock)`` to drive it with a :class:`FakeTime`).

        Put :data:`VANISHED` in a script for a job that disappears ("not found" on reads from then on).
        ``fields`` (``{"name": "etl-1", "tags": {"team": "etl"}}``) are what listings show of it
        beside its id and current state, and what their filters match.
        """
        self._service(service)
        if isinstance(states, str) or isinstance(after_stop, str):
            raise TypeError("states and after_stop are sequences of states, not one string")
        if not states:
            raise ValueError("states must name at least the job's current state")
        if hold is not None and not hold > 0:
            raise ValueError(f"hold must be a positive number of seconds, got {hold!r}")
        job = FakeJob(
            service,
            str(job_id),
            list(states),
            list(after_stop),
            fields=dict(fields or {}),
            hold=hold,
            clock=self._clock,
        )
        with self._lock:
            self._jobs[(service, str(job_id))] = job
        return job

    def add_items(self, service: str, operation: str, items: Iterable[Mapping[str, Any]]) -> None:
        """Records that the list ``operation`` answers instead of the service's jobs (in this order).

        For listings of things that are not jobs (AOM workflows), or many records at little cost.
        """
        model = self._service(service)
        if operation not in model.listings:
            raise ValueError(f"{service} {operation} is not a listing; the listings are {sorted(model.listings)}")
        with self._lock:
            self._records.setdefault((service, operation), []).extend(dict(item) for item in items)

    def job(self, service: str, job_id: str | int) -> FakeJob:
        return self._jobs[(service, str(job_id))]

    @property
    def jobs(self) -> list[FakeJob]:
        return list(self._jobs.values())

    def remove_job(self, service: str, job_id: str | int) -> None:
        """The job vanishes now ("not found" on every request about it, as for :data:`VANISHED`)."""
        with self._lock:
            self._jobs.pop((service, str(job_id)), None)

    def fail_next(
        self,
        service: str,
        operation: str,
        *,
        status: int = 503,
        times: int = 1,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        reset: bool = False,
        delay: float = 0.0,
    ) -> None:
        """The next ``times`` requests of ``operation`` answer ``status`` (with ``body``, or the documented error
        shape) without acting. ``reset=True`` instead acts on the request and then resets the connection: the
        answer is lost after the request took effect. ``delay``: seconds (real time) before answering."""
        model = self._service(service)
        if operation not in model.specs:
            raise ValueError(f"{service} documents no operation {operation!r}; it has {list(model.specs)}")
        fault = _Fault(status, body, dict(headers or {}), reset, delay)
        with self._lock:
            self._faults.setdefault((service, operation), deque()).extend([fault] * times)

    def expect(
        self,
        service: str,
        operation: str,
        *,
        path: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        json: Any = _ANY,
    ) -> None:
        """The next request must be ``operation`` of ``service``, with these values (botocore's Stubber).

        ``path`` and ``query``: the values those parameters must have (others may be sent too);
        ``json``: the whole body. Expectations are met in the order given; a request that does not
        meet the next one is answered 400 (``FAKE.EXPECTATION``) and reported by
        :meth:`assert_no_pending`. Requests arriving when none is pending are not checked.
        """
        model = self._service(service)
        if operation not in model.specs:
            raise ValueError(f"{service} documents no operation {operation!r}; it has {list(model.specs)}")
        with self._lock:
            self._expected.append(_Expectation(service, operation, dict(path or {}), dict(query or {}), json))

    def assert_no_pending(self) -> None:
        """Raise ``AssertionError`` naming every expectation not met, and every request that did not meet one."""
        with self._lock:
            problems = [*self._unmet, *(f"expected {e.describe()}, not sent" for e in self._expected)]
        if problems:
            raise AssertionError("; ".join(problems))

    def reset(self) -> None:
        """Forget the recorded requests, pending faults and expectations (jobs stay)."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()
            self._expected.clear()
            self._unmet.clear()

    def requests_for(self, operation: str, service: str | None = None) -> list[RecordedRequest]:
        return [r for r in self.requests if r.operation == operation and service in (None, r.service)]

    # -- the two modes ------------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        """An ``httpx.MockTransport`` answering from this fake: ``Cloud(transport=fake.transport())``."""
        return _FakeTransport(self)

    @contextlib.contextmanager
    def serve(self, ssl_context: ssl.SSLContext | None = None) -> Iterator[str]:
        """A real HTTP server on 127.0.0.1 (a thread) while the block runs; yields its base URL.

        With ``ssl_context`` (a server context holding a certificate for 127.0.0.1) it serves HTTPS,
        for code that refuses plain ``http://``: ``Cloud.from_env()`` with the endpoint variables
        pointed at it and ``SSL_CERT_FILE`` naming the CA, or the command line.
        """
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        if ssl_context is not None:
            server.socket = ssl_context.wrap_socket(server.socket, server_side=True)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        thread.start()
        scheme = "https" if ssl_context is not None else "http"
        self._base_url = f"{scheme}://127.0.0.1:{server.server_address[1]}"
        try:
            yield self._base_url
        finally:
            self._base_url = None
            server.shutdown()
            server.server_close()
            thread.join()

    def endpoints(self) -> dict[str, str]:
        """The ``endpoints=`` of a cloud pointed at :meth:`serve` (with ``allow_http=True`` unless it serves HTTPS)."""
        if self._base_url is None:
            raise RuntimeError("endpoints() is the address of fake.serve(): call it inside `with fake.serve():`")
        return {name: f"{self._base_url}/{name}" for name in self._services}

    # -- answering ------------------------------------------------------------------------------

    def _service(self, name: str) -> _Service:
        try:
            return self._services[name]
        except KeyError:
            raise ValueError(f"unknown service {name!r}; this fake has {list(self._services)}") from None

    def _route(self, host: str, raw_path: str, method: str) -> tuple[_Service | None, _Route | None, list[str]]:
        """The service and operation a request is for (None when the documents have no such route)."""
        candidates = list(self._services.values())
        first, _, rest = raw_path.lstrip("/").partition("/")
        if first in self._services:  # the per-service prefix of endpoints()
            candidates, raw_path = [self._services[first]], "/" + rest
        else:
            by_host = [model for model in candidates if host.split(".", 1)[0] == model.host_prefix]
            candidates = by_host or candidates
        for model in candidates:
            for route in model.routes:
                match = route.pattern.match(raw_path)
                if match and route.method == method:
                    return model, route, [unquote(value) for value in match.groups()]
        return (candidates[0] if len(candidates) == 1 else None), None, []

    def handle(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes, bool]:
        """Answer one request: (status, headers, body, reset). Both modes call this."""
        answer = self._answer(method.upper(), url, {k.lower(): v for k, v in headers.items()}, body)
        return answer.status, answer.headers, answer.body, answer.reset

    def _answer(self, method: str, url: str, headers: dict[str, str], body: bytes) -> _Answer:
        parts = urlsplit(url)
        query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
        model, route, values = self._route(parts.hostname or "", parts.path, method)
        parsed: Any = None
        if body:
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = body.decode("utf-8", "replace")
        with self._lock:
            answer = self._dispatch(model, route, values, query, headers, body, parsed)
            self.requests.append(
                RecordedRequest(
                    method=method,
                    path=parts.path + (f"?{parts.query}" if parts.query else ""),
                    query=query,
                    headers=dict(headers),
                    json=parsed,
                    service=model.name if model and route else None,
                    operation=route.operation if route else None,
                    status=0 if answer.reset else answer.status,
                )
            )
        if self.latency and not answer.delay:
            return _Answer(answer.status, answer.body, answer.headers, answer.reset, self.latency)
        return answer

    def _dispatch(
        self,
        model: _Service | None,
        route: _Route | None,
        values: list[str],
        query: dict[str, str],
        headers: dict[str, str],
        raw_body: bytes,
        body: Any,
    ) -> _Answer:
        if model is None or route is None:
            return _json(404, _GATEWAY_NOT_FOUND)
        operation = route.operation
        mismatch = self._unexpected(model.name, operation, dict(zip(route.names, values, strict=True)), query, body)
        if mismatch is not None:
            self._unmet.append(mismatch)
            return _json(400, {"error_code": "FAKE.EXPECTATION", "error_msg": mismatch})
        signed = "x-auth-token" in headers or "authorization" in headers
        if self.require_auth and model.requires_auth(operation) and not signed:
            documented = model.examples(operation, 401)
            return _json(401, documented[0] if documented else _GATEWAY_UNAUTHORIZED)
        faults = self._faults.get((model.name, operation))
        fault = faults.popleft() if faults else None
        if fault is not None and not fault.reset:
            payload = fault.body if fault.body is not None else model.error_body(operation, fault.status, "injected")
            return _json(fault.status, payload, fault.headers, fault.delay)
        arguments = dict(zip(route.names, values, strict=True))
        problem = _violation(model.specs[operation], arguments, query, headers, raw_body, body)
        answer = (
            _json(400, model.error_body(operation, 400, problem))
            if problem
            else self._act(model, operation, arguments, body, query)
        )
        if fault is not None:  # acted, then the connection is reset: the answer is lost
            return _Answer(answer.status, reset=True, delay=fault.delay)
        return answer

    def _unexpected(
        self, service: str, operation: str, path: Mapping[str, str], query: Mapping[str, str], body: Any
    ) -> str | None:
        """None when the request meets the next expectation (or none is pending); else what is wrong."""
        if not self._expected:
            return None
        expected = self._expected.popleft()
        got = f"{service} {operation}"
        if (expected.service, expected.operation) != (service, operation):
            return f"expected {expected.describe()}, got {got}"
        for where, wanted, sent in (("path", expected.path, path), ("query", expected.query, query)):
            wrong = {name: sent.get(name) for name, value in wanted.items() if sent.get(name) != str(value)}
            if wrong:
                return f"{got}: {where} {wrong} sent, {dict(wanted)} expected"
        if expected.json is not _ANY and body != expected.json:
            return f"{got}: body {body!r} sent, {expected.json!r} expected"
        return None

    def _act(
        self, model: _Service, operation: str, arguments: dict[str, str], body: Any, query: Mapping[str, str]
    ) -> _Answer:
        spec = model.specs[operation]
        id_name = model.id_parameter(operation)
        if operation in model.listings:
            inputs = {**(body if isinstance(body, dict) else {}), **query, **arguments}
            status, payload = list_answer(model.listings[operation], self._listed(model, operation), inputs)
            return _json(status, payload)
        if operation in model.reads:
            return self._read(model, operation, arguments, id_name)
        is_stop = operation in model.stops or (spec.method == "POST" and id_name is not None)
        if is_stop and id_name is None:
            return self._batch_stop(model, operation, body)
        if id_name is None:
            return self._documented(model, operation, arguments, None)
        job = self._jobs.get((model.name, arguments[id_name]))
        if job is None or job.gone:
            return self._missing(model, operation, arguments[id_name], stop=is_stop)
        if spec.method == "DELETE":
            job.deleted = True
            return self._documented(model, operation, arguments, id_name)
        if is_stop:
            if job.state in self._success_states(model, operation):
                status = 409 if model.documents(operation, 409) else 400
                message = f"the job's state {job.state} does not allow this operation"
                return _json(status, model.error_body(operation, status, message))
            job._stop()
        return self._documented(model, operation, arguments, id_name)

    def _listed(self, model: _Service, operation: str) -> list[dict[str, Any]]:
        """The records a listing shows: those given for it, else the service's jobs that are not gone."""
        given = self._records.get((model.name, operation))
        if given is not None:
            return given
        properties = model.listings[operation].item_schema.get("properties", {})
        read_id = next((model.id_parameter(read) for read in model.reads), None)
        id_field = next((name for name in (read_id, "id", "job_id") if name and name in properties), None)
        records = []
        for job in self._jobs.values():
            if job.service != model.name or job.gone or id_field is None:
                continue
            record: dict[str, Any] = dict(job.fields)
            try:
                record[id_field] = _typed(job.job_id, properties[id_field])
            except ValueError:
                record[id_field] = job.job_id
            if model.state_field:
                record[model.state_field] = job.state
            records.append(record)
        return records

    def _success_states(self, model: _Service, stop: str) -> frozenset[str]:
        return frozenset().union(*(route.success for route in model.waiters if route.stop == stop))

    def _missing(self, model: _Service, operation: str, job_id: str, *, stop: bool) -> _Answer:
        declared = model.gone_answer(operation)
        if declared is not None:
            return _json(*declared)
        status = 404
        if stop and not model.documents(operation, 404) and model.documents(operation, 400):
            status = 400  # e.g. DRS answers an unknown task ID to a stop with 400 DRS.10000010
        documented = [value for value in model.examples(operation, status) if isinstance(value, dict)]
        if documented:
            return _json(status, documented[0])
        return _json(status, model.error_body(operation, status, f"the job {job_id} does not exist"))

    def _read(self, model: _Service, operation: str, arguments: dict[str, str], id_name: str | None) -> _Answer:
        route = model.reads[operation]
        job = self._jobs.get((model.name, arguments[id_name])) if id_name else None
        if job is None or job.gone:
            return self._missing(model, operation, arguments.get(id_name or "", "?"), stop=False)
        state = job._read()
        if state == VANISHED:
            return self._missing(model, operation, job.job_id, stop=False)
        spec = model.specs[operation]
        success = spec.first_success
        schema = success.schema if success else None
        documented = model.examples(operation, success.status if success else 200)
        result = copy.deepcopy(documented[0]) if documented else _minimal(schema or {})
        _fill_path_parameters(result, schema, arguments)
        parent, parent_schema = result, schema
        for part in route.state[:-1]:
            parent_schema = _child_schema(parent_schema, part)
            child = parent.get(part)
            if not isinstance(child, dict):
                child = parent[part] = {}
            parent = child
        parent[route.state[-1]] = state
        if id_name:
            _set_id(parent, parent_schema, (id_name, "id"), job.job_id)
        return _json(success.status if success else 200, result)

    def _batch_stop(self, model: _Service, operation: str, body: Any) -> _Answer:
        """A stop whose path names no job: the ids are the body's array (DLI ``stop_jobs``); one item per id."""
        spec = model.specs[operation]
        success = spec.first_success
        schema = success.schema if success else None
        request_schema = spec.inputs.body or {}
        arrays = [name for name, prop in request_schema.get("properties", {}).items() if prop.get("type") == "array"]
        ids = [str(value) for value in (body or {}).get(arrays[0], [])] if arrays and isinstance(body, dict) else []
        documented = model.examples(operation, success.status if success else 200)
        template: Any = documented[0][0] if documented and isinstance(documented[0], list) and documented[0] else None
        item_schema = (schema or {}).get("items", {})
        if template is None:
            template = _minimal(item_schema)
        flag = success.item_success if success else None
        items = []
        for job_id in ids:
            item = copy.deepcopy(template)
            job = self._jobs.get((model.name, job_id))
            refused = job is None or job.gone or job.state in self._success_states(model, operation)
            if job is not None and not refused:
                job._stop()
            if isinstance(item, dict):
                _set_id(item, item_schema, ("job_id", "id"), job_id)
                if refused and flag:
                    item[flag] = False
                    for key in _MESSAGE_FIELDS:
                        if key in item:
                            reason = "does not exist" if job is None or job.gone else f"is {job.state}"
                            item[key] = f"the job {job_id} {reason}"
                            break
            items.append(item)
        return _json(success.status if success else 200, items)

    def _documented(self, model: _Service, operation: str, arguments: dict[str, str], id_name: str | None) -> _Answer:
        spec = model.specs[operation]
        success = spec.first_success
        if success is None:
            return _json(200, {})
        headers = model.required_headers(operation, success.status)
        if success.schema is None:
            headers.update({name: f"fake-{name.lower()}" for name in success.request_id_headers})
            return _Answer(success.status, headers=headers)
        documented = model.examples(operation, success.status)
        result = copy.deepcopy(documented[0]) if documented else _minimal(success.schema)
        if isinstance(result, dict):
            _fill_path_parameters(result, success.schema, arguments)
            if id_name:
                _set_id(result, success.schema, (id_name, "id"), arguments[id_name])
        return _json(success.status, result, headers)


def _fill_path_parameters(result: Any, schema: JsonSchema | None, arguments: Mapping[str, str]) -> None:
    if isinstance(result, dict):
        for name, value in arguments.items():
            if name in result or _child_schema(schema, name) is not None:
                _set_id(result, schema, (name,), value)


def _violation(
    spec: OperationSpec,
    path: Mapping[str, str],
    query: Mapping[str, str],
    headers: Mapping[str, str],
    raw_body: bytes,
    body: Any,
) -> str | None:
    """What the gateway would refuse in this request (None: nothing)."""
    for parameter in spec.inputs.parameters:
        if parameter.location == "path":
            value = path.get(parameter.name)
        elif parameter.location == "query":
            value = query.get(parameter.name)
        elif parameter.location == "header":
            value = headers.get(parameter.name.lower())
        else:
            continue
        if value is None:
            if parameter.required:
                return f"the {parameter.location} parameter {parameter.name} is required"
            continue
        if parameter.location == "header" and parameter.name.lower() == "content-type":
            continue
        try:
            check_value(_typed(value, parameter.schema), parameter.schema, parameter.name)
        except ValueError as exc:
            return f"invalid {parameter.name}: {exc}"
        except InvalidParameterError as exc:
            return str(exc)
    if spec.inputs.body is not None:
        if not raw_body:
            return "the request body is required" if spec.inputs.body_required else None
        if isinstance(body, str):
            return "the request body is not valid JSON"
        try:
            check_value(body, spec.inputs.body, "")
        except InvalidParameterError as exc:
            return str(exc)
    return None


def _json(status: int, payload: Any, headers: Mapping[str, str] | None = None, delay: float = 0.0) -> _Answer:
    encoded = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
    return _Answer(status, encoded, {"Content-Type": "application/json", **(headers or {})}, delay=delay)


class _FakeTransport(httpx.MockTransport):
    """A MockTransport whose handler is the fake; a lost answer is a ``ReadError`` after the request arrived."""

    def __init__(self, fake: FakeCloud) -> None:
        super().__init__(self._unused)
        self._fake = fake
        self._count = 0

    @staticmethod
    def _unused(request: httpx.Request) -> httpx.Response:  # pragma: no cover - both entry points are overridden
        raise NotImplementedError

    def _respond(self, request: httpx.Request) -> tuple[httpx.Response | None, float]:
        answer = self._fake._answer(
            request.method, str(request.url), {k.lower(): v for k, v in request.headers.items()}, request.content
        )
        if answer.reset:
            return None, answer.delay
        self._count += 1
        headers = dict(answer.headers)
        if not any(name.lower() == "x-request-id" for name in headers):
            headers["X-Request-Id"] = f"fake-{self._count}"
        return httpx.Response(answer.status, headers=headers, content=answer.body, request=request), answer.delay

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        response, delay = self._respond(request)
        if delay:
            time.sleep(delay)
        if response is None:
            raise httpx.ReadError("connection reset by peer (fake: the request was received)", request=request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        response, delay = self._respond(request)
        if delay:
            await asyncio.sleep(delay)
        if response is None:
            raise httpx.ReadError("connection reset by peer (fake: the request was received)", request=request)
        return response


def _handler(fake: FakeCloud) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def handle_one_request(self) -> None:
            try:
                super().handle_one_request()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            host = self.headers.get("Host", "127.0.0.1")
            answer = fake._answer(
                self.command, f"http://{host}{self.path}", {k.lower(): v for k, v in self.headers.items()}, body
            )
            if answer.delay:
                time.sleep(answer.delay)
            if answer.reset:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            self.send_response(answer.status)
            headers = dict(answer.headers)
            if not any(name.lower() == "x-request-id" for name in headers):
                headers["X-Request-Id"] = "fake-served"
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

    return Handler
