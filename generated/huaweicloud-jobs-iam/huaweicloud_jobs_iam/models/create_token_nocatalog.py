from typing import Literal

CreateTokenNocatalog = Literal["false", "true"]

CREATE_TOKEN_NOCATALOG_VALUES: set[CreateTokenNocatalog] = {
    "false",
    "true",
}


def check_create_token_nocatalog(value: str) -> CreateTokenNocatalog:
    if value in CREATE_TOKEN_NOCATALOG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_TOKEN_NOCATALOG_VALUES!r}")
