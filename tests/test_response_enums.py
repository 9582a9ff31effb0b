"""Response enums are open: what the generator reads (tools/response_enums.py) and what the runtime keeps.

The models are generated from the spec with every ``enum`` a response reaches rewritten as
``x-known-values``; the package bundles the spec as written, so requests are still checked
against every ``enum`` before sending. End to end (a new spec, unlisted values through the
client, a waiter and the CLI): tests/test_new_spec.py.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from huaweicloud_jobs import InvalidParameterError
from huaweicloud_jobs_core._spec import resolve_refs
from huaweicloud_jobs_core._validation import check_value

from conftest import ROOT
from response_enums import open_response_enums, response_schemas

SPECS = sorted((ROOT / "openapi").glob("*.yaml"))

SHARED_AND_ANCHORED = """
openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /jobs/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      parameters:
        - {name: view, in: query, schema: {type: string, enum: [brief, full]}}
        - {name: mode, in: query, schema: &mode {type: string, enum: [fast, safe]}}
      responses:
        '200':
          description: ok
          headers:
            X-Phase: {schema: {type: string, enum: [one, two]}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  state: {type: string, enum: [running, done], x-known-values: [done, paused]}
                  level: {type: integer, enum: [1, 2]}
                  mode: *mode
                  priority: {$ref: '#/components/schemas/Priority'}
                  enum: {type: string}
                  history: {type: array, items: {$ref: '#/components/schemas/Step'}}
                  extra: {type: object, additionalProperties: {type: string, enum: [x]}}
                  either: {oneOf: [{type: string, enum: [a]}, {type: integer, enum: [9]}]}
        '404': {$ref: '#/components/responses/Missing'}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                priority: {$ref: '#/components/schemas/Priority'}
                color: {type: string, enum: [red, blue]}
      responses:
        '204': {description: done}
components:
  schemas:
    Priority: {type: string, enum: [low, high]}
    Step:
      type: object
      properties:
        kind: {type: string, enum: [load, save]}
        next: {$ref: '#/components/schemas/Step'}
  responses:
    Missing:
      description: no such job
      content:
        application/json:
          schema: {type: object, properties: {code: {type: string, enum: [E404]}}}
"""


@pytest.fixture
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SHARED_AND_ANCHORED)
    return loaded


def test_every_enum_a_response_reaches_becomes_known_values(document: dict[str, Any]) -> None:
    opened = open_response_enums(document)
    body = opened["paths"]["/jobs/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    fields = body["properties"]
    assert fields["level"] == {"type": "integer", "x-known-values": [1, 2]}  # integers too
    assert fields["mode"] == {"type": "string", "x-known-values": ["fast", "safe"]}
    assert fields["extra"]["additionalProperties"] == {"type": "string", "x-known-values": ["x"]}
    assert [option.get("x-known-values") for option in fields["either"]["oneOf"]] == [["a"], [9]]
    assert fields["enum"] == {"type": "string"}  # a property named "enum" is a name, not the keyword
    schemas = opened["components"]["schemas"]
    assert schemas["Step"]["properties"]["kind"] == {"type": "string", "x-known-values": ["load", "save"]}
    assert schemas["Priority"] == {"type": "string", "x-known-values": ["low", "high"]}
    missing = opened["components"]["responses"]["Missing"]["content"]["application/json"]["schema"]
    assert missing["properties"]["code"] == {"type": "string", "x-known-values": ["E404"]}  # error responses too
    header = opened["paths"]["/jobs/{id}"]["get"]["responses"]["200"]["headers"]["X-Phase"]["schema"]
    assert header == {"type": "string", "x-known-values": ["one", "two"]}
    assert not [where for where, schema in response_schemas(opened) if "enum" in schema]


def test_values_already_known_stay_first(document: dict[str, Any]) -> None:
    body = open_response_enums(document)["paths"]["/jobs/{id}"]["get"]["responses"]["200"]
    state = body["content"]["application/json"]["schema"]["properties"]["state"]
    assert state == {"type": "string", "x-known-values": ["done", "paused", "running"]}


def test_enums_only_requests_reach_stay_closed(document: dict[str, Any]) -> None:
    opened = open_response_enums(document)
    get, post = opened["paths"]["/jobs/{id}"]["get"], opened["paths"]["/jobs/{id}"]["post"]
    assert get["parameters"][0]["schema"] == {"type": "string", "enum": ["brief", "full"]}
    # The same YAML anchor in a response was opened there only: the query parameter keeps its enum.
    assert get["parameters"][1]["schema"] == {"type": "string", "enum": ["fast", "safe"]}
    color = post["requestBody"]["content"]["application/json"]["schema"]["properties"]["color"]
    assert color == {"type": "string", "enum": ["red", "blue"]}


def test_the_document_itself_is_not_changed(document: dict[str, Any]) -> None:
    before = json.dumps(document, sort_keys=True)
    open_response_enums(document)
    assert json.dumps(document, sort_keys=True) == before


def test_a_schema_shared_by_a_request_and_a_response_is_open_in_the_model_and_closed_on_the_wire(
    document: dict[str, Any],
) -> None:
    """The rule: the generator reads it open (a response with a new value parses); the runtime checks
    requests against the bundled spec as written, where the enum is still there."""
    opened = open_response_enums(document)
    assert opened["components"]["schemas"]["Priority"] == {"type": "string", "x-known-values": ["low", "high"]}
    request = resolve_refs(document, document["paths"]["/jobs/{id}"]["post"]["requestBody"])
    body_schema = request["content"]["application/json"]["schema"]
    check_value({"priority": "high"}, body_schema, "")
    with pytest.raises(InvalidParameterError, match=r"priority: must be one of 'low', 'high', got 'urgent'"):
        check_value({"priority": "urgent"}, body_schema, "")


def test_schemas_are_named_where_they_are(document: dict[str, Any]) -> None:
    places = [where for where, schema in response_schemas(document) if "enum" in schema]
    assert "#/components/schemas/Priority" in places
    assert "#/components/schemas/Step/properties/kind" in places
    assert "GET /jobs/{id} 200 application/json/properties/level" in places
    assert "GET /jobs/{id} 200 header X-Phase" in places
    assert "#/components/responses/Missing application/json/properties/code" in places
    assert len(places) == len(set(places))  # each schema once, the recursive Step included


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: path.stem)
def test_every_package_bundles_its_spec_as_written(spec: Path) -> None:
    """The runtime's request checks read the bundled spec: its request enums must be the spec's own."""
    package = importlib.import_module(f"huaweicloud_jobs_{spec.stem}")
    bundled = json.loads((Path(package.__file__ or "").parent / "openapi.json").read_text(encoding="utf-8"))
    assert bundled == json.loads(json.dumps(yaml.safe_load(spec.read_text(encoding="utf-8"))))
