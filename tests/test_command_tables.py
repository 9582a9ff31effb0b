"""Every service package's command table (``commands.json``) says what its generated methods take.

The command line and the spec-driven tests read these tables instead of reflecting on the classes,
so each entry must agree with the method the generator wrote: the same Python names in the same
order, the same positional/keyword split, the same required arguments, and the same waiters and
iterators. A new spec is checked with no edit here (tests/test_new_spec.py runs this file).
"""

from __future__ import annotations

import inspect
from typing import Any

import attrs
import pytest

import huaweicloud_jobs
from huaweicloud_jobs._cli_commands import read_table

SERVICES = list(huaweicloud_jobs.SERVICES)
PYTHON_ONLY = frozenset({"self", "options", "on_state"})  # WaitOptions objects and callbacks: not in a table


def table(service: str) -> dict[str, Any]:
    return read_table(f"huaweicloud_jobs_{service}")


def service_class(service: str) -> type:
    import importlib

    module = importlib.import_module(f"huaweicloud_jobs_{service}.api")
    service_type: type = module.Service
    return service_type


def signature(cls: type, method: str) -> list[tuple[str, bool, bool]]:
    """``(name, positional, required)`` of each argument a caller of the command line could give."""
    found = []
    for name, parameter in inspect.signature(getattr(cls, method)).parameters.items():
        if name in PYTHON_ONLY:
            continue
        positional = parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        found.append((name, positional, parameter.default is inspect.Parameter.empty))
    return found


def described(entries: list[dict[str, Any]]) -> list[tuple[str, bool, bool]]:
    return [(entry["name"], entry["positional"], entry["required"]) for entry in entries]


@pytest.mark.parametrize("service", SERVICES)
def test_the_table_agrees_with_the_generated_methods(service: str) -> None:
    commands = table(service)
    cls = service_class(service)
    waits = commands["wait_parameters"]
    for operation in commands["operations"]:
        method, parameters = operation["method"], operation["parameters"]
        assert signature(cls, method) == described(parameters), f"{service}.{method}"
        paginator = operation["paginator"]
        assert hasattr(cls, f"iter_{method}") == (paginator is not None), f"{service}.{method}"
        if paginator:
            expected = described(parameters + paginator["parameters"])
            assert signature(cls, paginator["iter"])[: len(expected)] == expected
        if operation["and_wait"]:
            assert signature(cls, operation["and_wait"]["method"]) == described(parameters + waits)
        else:
            assert not hasattr(cls, f"{method}_and_wait"), f"{service}.{method}_and_wait is not in the table"
        ids = [entry for entry in parameters if entry["in"] == "path"]
        for waiter in operation["waiters"]:
            assert signature(cls, waiter["method"]) == described(ids + waits)
            assert signature(cls, waiter["begin"]) == described(ids + waits)


@pytest.mark.parametrize("service", SERVICES)
def test_every_public_method_is_in_the_table(service: str) -> None:
    """What the command line offers is what the package has: no operation left out, none invented."""
    commands = table(service)
    named = {"with_raw_response", "resume_wait"}
    for operation in commands["operations"]:
        named.add(operation["method"])
        if operation["paginator"]:
            named |= {operation["paginator"]["iter"], operation["paginator"]["pages"]}
        if operation["and_wait"]:
            named.add(operation["and_wait"]["method"])
        named |= {name for waiter in operation["waiters"] for name in (waiter["method"], waiter["begin"])}
    public = {name for name in dir(service_class(service)) if not name.startswith("_")}
    assert public == named or public == named - {"resume_wait"}


@pytest.mark.parametrize("service", SERVICES)
def test_the_model_fields_are_the_generated_attributes(service: str) -> None:
    import importlib

    models = importlib.import_module(f"huaweicloud_jobs_{service}.models")
    for name, fields in table(service)["models"].items():
        attributes = {field.name for field in attrs.fields(getattr(models, name))}
        assert set(fields.values()) <= attributes, name


@pytest.mark.parametrize("service", SERVICES)
def test_every_documented_input_has_its_spec_name_and_location(service: str) -> None:
    from huaweicloud_jobs_core import _spec

    document = _spec.load_document(f"huaweicloud_jobs_{service}")
    for operation in table(service)["operations"]:
        item = _spec.resolve_refs(document, document["paths"][operation["path"]])
        source = item[operation["http_method"].lower()]
        assert source["operationId"] == operation["operation_id"]
        documented = {
            (parameter["in"], parameter["name"])
            for parameter in [*item.get("parameters", []), *source.get("parameters", [])]
            if parameter["name"] != "project_id" and parameter["name"].lower() != "content-type"
        }
        listed = {(entry["in"], entry["spec_name"]) for entry in operation["parameters"] if entry["in"] != "body"}
        assert listed - {("client", None)} == documented, operation["method"]
