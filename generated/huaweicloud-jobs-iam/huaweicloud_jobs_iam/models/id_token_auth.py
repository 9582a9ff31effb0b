from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.id_token_scope import IdTokenScope
    from ..models.id_token_value import IdTokenValue


T = TypeVar("T", bound="IdTokenAuth")


@_attrs_define
class IdTokenAuth:
    """GetIdTokenAuthParams of the SDK: `id_token` is mandatory, `scope` optional (the
    SDK assigns `scope` only when it is given).

        Attributes:
            id_token (IdTokenValue): GetIdTokenIdTokenBody of the SDK.
            scope (IdTokenScope | Unset): GetIdTokenIdScopeBody of the SDK: the scope of the token, a domain or a
                project; the SDK marks neither field mandatory. The SDK does not say what
                token this operation issues when `auth.scope` is absent (it is optional in
                GetIdTokenAuthParams); the request is the same one, sent to the same path.
                The SDK's unscoped variant, CreateUnscopedTokenWithIdToken, is a different
                operation (POST /v3/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/auth,
                with the ID token in the Authorization header), not this body without a scope;
                it is not modelled here.
    """

    id_token: IdTokenValue
    scope: IdTokenScope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id_token = self.id_token.to_dict()

        scope: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id_token": id_token,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_token_scope import IdTokenScope  # noqa: PLC0415
        from ..models.id_token_value import IdTokenValue  # noqa: PLC0415

        d = dict(src_dict)
        id_token = IdTokenValue.from_dict(d.pop("id_token"))

        _scope = d.pop("scope", UNSET)
        scope: IdTokenScope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = IdTokenScope.from_dict(_scope)

        id_token_auth = cls(
            id_token=id_token,
            scope=scope,
        )

        id_token_auth.additional_properties = d
        return id_token_auth

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
