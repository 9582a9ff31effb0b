from typing import Literal

IdentityMethodsItem = Literal["hw_ak_sk", "password"]

IDENTITY_METHODS_ITEM_VALUES: set[IdentityMethodsItem] = {
    "hw_ak_sk",
    "password",
}


def check_identity_methods_item(value: str) -> IdentityMethodsItem:
    if value in IDENTITY_METHODS_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IDENTITY_METHODS_ITEM_VALUES!r}")
