from typing import Literal

ServiceStatementEffect = Literal["Allow", "Deny"]

SERVICE_STATEMENT_EFFECT_VALUES: set[ServiceStatementEffect] = {
    "Allow",
    "Deny",
}


def check_service_statement_effect(value: str) -> ServiceStatementEffect:
    if value in SERVICE_STATEMENT_EFFECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SERVICE_STATEMENT_EFFECT_VALUES!r}")
