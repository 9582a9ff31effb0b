"""The specs against the official SDK 3.1.219, where they cite it (``x-source``).

``tests/data/sdk_models_3.1.219.json`` records, from the SDK packages themselves, each cited model's
fields (JSON name, SDK type) and the fields the SDK marks mandatory, and the route of each cited
client method. A spec may differ from the SDK (it then says so in a description: what was chosen
and why); what it may not do is disagree silently. The checks of the request bodies the SDK
requires fields of (IAM federation policies) are here too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from huaweicloud_jobs import Cloud, InvalidParameterError
from huaweicloud_jobs_core._coerce import SchemaMismatchError, coerce
from huaweicloud_jobs_core._request import build_request
from huaweicloud_jobs_core._spec import operation_spec
from huaweicloud_jobs_core.types import UNSET
from huaweicloud_jobs_iam.models import ServicePolicy, ServiceStatement, TemporaryAccessKeyAuth

from conftest import ROOT

FACTS: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "sdk_models_3.1.219.json").read_text(encoding="utf-8"))
SDK_VERSION = "3.1.219"
SDK_TYPES = {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}


def specs() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((ROOT / "openapi").glob("*.yaml")):
        yield path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


def cited_models() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(where, schema, recorded SDK model) of every component schema whose x-source names an SDK model."""
    for service, document in specs():
        for name, schema in document["components"]["schemas"].items():
            source = schema.get("x-source")
            if source:
                assert str(source["version"]) == SDK_VERSION, f"{service} {name}"
                model = FACTS["models"].get(f"{source['package']}.{source['model']}")
                assert model is not None, f"{service} {name}: {source['model']} is not in the recorded SDK facts"
                yield f"{service} {name}", schema, model


CITED = list(cited_models())


def named(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def test_the_schemas_that_the_fixes_rest_on_cite_the_sdk() -> None:
    cited = {where for where, _, _ in CITED}
    assert {
        "drs StopJobResponse",
        "aom TerminateExecutionResponse",
        "iam ServicePolicy",
        "iam ServiceStatement",
        "iam ScopedTokenInfo",
        "iam IdTokenScope",
    } <= cited


@pytest.mark.parametrize(("where", "schema", "model"), CITED, ids=[where for where, _, _ in CITED])
def test_a_field_the_sdk_requires_is_required_or_said_not_to_be(
    where: str, schema: dict[str, Any], model: dict[str, Any]
) -> None:
    """Required in the spec too, or named in the schema's description (which says why it is not enforced)."""
    required = set(schema.get("required", ()))
    silent = [
        field
        for field in model["required"]
        if field not in required and not named(field, schema.get("description", ""))
    ]
    assert silent == [], f"{where}: the SDK marks {silent} mandatory; the spec neither requires them nor says why"


@pytest.mark.parametrize(("where", "schema", "model"), CITED, ids=[where for where, _, _ in CITED])
def test_the_spec_requires_only_fields_the_sdk_requires(
    where: str, schema: dict[str, Any], model: dict[str, Any]
) -> None:
    assert set(schema.get("required", ())) <= set(model["required"]), where


@pytest.mark.parametrize(("where", "schema", "model"), CITED, ids=[where for where, _, _ in CITED])
def test_a_type_other_than_the_sdks_is_explained(where: str, schema: dict[str, Any], model: dict[str, Any]) -> None:
    sdk = {field["json"]: field["type"] for field in model["fields"].values()}
    for name, prop in schema.get("properties", {}).items():
        if name not in sdk:
            assert named(name, schema.get("description", "")), f"{where}.{name} is not a field of the SDK model"
            continue
        expected = SDK_TYPES.get(sdk[name])
        if expected is not None and prop.get("type") != expected:
            assert "SDK" in prop.get("description", ""), f"{where}.{name}: {prop.get('type')}, the SDK has {sdk[name]}"


def test_the_operations_that_cite_the_sdk_are_its_routes_and_require_what_it_requires() -> None:
    checked = 0
    for service, document in specs():
        for path, item in document["paths"].items():
            for method, operation in item.items():
                source = operation.get("x-source") if isinstance(operation, dict) else None
                if not source:
                    continue
                checked += 1
                route = FACTS["routes"][f"{source['package']}.{source['method']}"]
                assert route == f"{method.upper()} {path}", f"{service} {operation['operationId']}"
                request = FACTS["models"].get(f"{source['package']}.{source['request']}")
                if request is None:
                    continue
                parameters = {parameter["name"]: parameter for parameter in operation.get("parameters", ())}
                for field in request["required"]:
                    if field in parameters:
                        parameter = parameters[field]
                        assert parameter.get("required"), f"{service} {operation['operationId']} {field}"
                        assert "not mark" not in parameter.get("description", ""), (
                            f"{service} {operation['operationId']} {field}: the SDK marks it mandatory"
                        )
    assert checked >= 5


def test_the_unscoped_id_token_variant_is_described_as_the_sdk_routes_it() -> None:
    """The unscoped variant is another operation on another path, not this body without a scope."""
    unscoped = FACTS["routes"]["huaweicloudsdkiam.IamClient.create_unscoped_token_with_id_token"].split(" ", 1)[1]
    document = dict(specs())["iam"]
    mentions = [
        (name, schema["description"])
        for name, schema in document["components"]["schemas"].items()
        if "unscoped" in schema.get("description", "").lower()
    ]
    assert mentions and all(unscoped in text for _, text in mentions), mentions
    assert "scope" not in document["components"]["schemas"]["IdTokenAuth"]["required"]


# -- request bodies the SDK requires fields of -------------------------------------------------------------------

STATEMENT = {"Action": ["obs:object:GetObject"], "Effect": "Allow", "Resource": ["obs:*:*:object:*"]}


def temporary_key_body(policy: dict[str, Any]) -> dict[str, Any]:
    return {"auth": {"identity": {"methods": ["token"], "policy": policy}}}


def temporary_key_spec() -> Any:
    return operation_spec("huaweicloud_jobs_iam", "POST", "/v3.0/OS-CREDENTIAL/securitytokens")


@pytest.mark.parametrize(
    ("policy", "named_field"),
    [
        ({"Version": "1.1"}, "auth.identity.policy.Statement"),
        ({"Statement": [STATEMENT]}, "auth.identity.policy.Version"),
        ({"Version": "1.1", "Statement": [{"Effect": "Allow"}]}, "auth.identity.policy.Statement[0].Action"),
        ({"Version": "1.1", "Statement": [{"Action": ["obs:*:*"]}]}, "auth.identity.policy.Statement[0].Effect"),
    ],
)
def test_a_policy_without_a_field_the_sdk_requires_is_refused_before_sending(
    policy: dict[str, Any], named_field: str
) -> None:
    with pytest.raises(InvalidParameterError) as refused:
        build_request(temporary_key_spec(), {}, temporary_key_body(policy))
    assert refused.value.parameter == named_field and "required" in str(refused.value)


def test_a_complete_policy_is_sent() -> None:
    request = build_request(temporary_key_spec(), {}, temporary_key_body({"Version": "1.1", "Statement": [STATEMENT]}))
    assert request["json"]["auth"]["identity"]["policy"]["Statement"] == [STATEMENT]


def test_the_policy_models_require_what_the_sdk_requires() -> None:
    with pytest.raises(TypeError):
        ServicePolicy(version="1.1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ServiceStatement(action=["obs:*:*"])  # type: ignore[call-arg]
    with pytest.raises(KeyError):
        TemporaryAccessKeyAuth.from_dict(temporary_key_body({"Version": "1.1"})["auth"])
    policy = ServicePolicy(version="1.1", statement=[ServiceStatement.from_dict(STATEMENT)])
    assert policy.to_dict() == {"Version": "1.1", "Statement": [STATEMENT]}


def test_a_policy_is_checked_through_the_client_before_anything_is_sent() -> None:
    """A model whose required field was unset after it was built is refused, naming it; nothing is sent."""
    import httpx

    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    auth = TemporaryAccessKeyAuth.from_dict(temporary_key_body({"Version": "1.1", "Statement": [STATEMENT]})["auth"])
    policy = auth.identity.policy
    assert isinstance(policy, ServicePolicy)
    policy.statement[0].effect = UNSET  # type: ignore[assignment]
    with (
        Cloud(token="t", region="cn-north-4", transport=httpx.MockTransport(answer)) as cloud,
        pytest.raises(InvalidParameterError) as refused,
    ):
        cloud.iam.create_temporary_access_key_by_token(auth)
    assert str(refused.value) == "invalid auth.identity.policy.Statement[0].Effect: is required"
    assert sent == []


# -- a field the documents type two ways ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1732354260000, 1732354260000),
        ("1732354260000", 1732354260000),
        ("2024-11-23T09:31:00Z", "2024-11-23T09:31:00Z"),
    ],
)
def test_one_of_reads_the_first_alternative_the_value_satisfies(value: object, expected: object) -> None:
    schema = {"oneOf": [{"type": "integer", "format": "int64"}, {"type": "string"}]}
    assert coerce({"t": value}, {"type": "object", "properties": {"t": schema}}) == {"t": expected}


@pytest.mark.parametrize("value", [True, 1.5, {"at": 1}, [1]])
def test_one_of_refuses_a_value_of_neither_type_naming_the_field(value: object) -> None:
    schema = {"oneOf": [{"type": "integer", "format": "int64"}, {"type": "string"}]}
    with pytest.raises(SchemaMismatchError, match="'t': expected an integer or a string"):
        coerce({"t": value}, {"type": "object", "properties": {"t": schema}})
