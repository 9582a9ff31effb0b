from typing import Literal

TemporaryAccessKeyIdentityMethodsItem = Literal["token"]

TEMPORARY_ACCESS_KEY_IDENTITY_METHODS_ITEM_VALUES: set[TemporaryAccessKeyIdentityMethodsItem] = {
    "token",
}


def check_temporary_access_key_identity_methods_item(value: str) -> TemporaryAccessKeyIdentityMethodsItem:
    if value in TEMPORARY_ACCESS_KEY_IDENTITY_METHODS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TEMPORARY_ACCESS_KEY_IDENTITY_METHODS_ITEM_VALUES!r}"
    )
