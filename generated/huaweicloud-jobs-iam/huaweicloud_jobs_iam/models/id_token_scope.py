from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.id_token_scope_target import IdTokenScopeTarget


T = TypeVar("T", bound="IdTokenScope")


@_attrs_define
class IdTokenScope:
    """GetIdTokenIdScopeBody of the SDK: the scope of the token, a domain or a
    project; the SDK marks neither field mandatory. The SDK does not say what
    token this operation issues when `auth.scope` is absent (it is optional in
    GetIdTokenAuthParams); the request is the same one, sent to the same path.
    The SDK's unscoped variant, CreateUnscopedTokenWithIdToken, is a different
    operation (POST /v3/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}/auth,
    with the ID token in the Authorization header), not this body without a scope;
    it is not modelled here.

        Attributes:
            domain (IdTokenScopeTarget | Unset): GetIdTokenScopeDomainOrProjectBody of the SDK: a domain or project, by ID
                or
                name; at least one of the two must be present.
            project (IdTokenScopeTarget | Unset): GetIdTokenScopeDomainOrProjectBody of the SDK: a domain or project, by ID
                or
                name; at least one of the two must be present.
    """

    domain: IdTokenScopeTarget | Unset = UNSET
    project: IdTokenScopeTarget | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain: dict[str, Any] | Unset = UNSET
        if not isinstance(self.domain, Unset):
            domain = self.domain.to_dict()

        project: dict[str, Any] | Unset = UNSET
        if not isinstance(self.project, Unset):
            project = self.project.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if domain is not UNSET:
            field_dict["domain"] = domain
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_token_scope_target import IdTokenScopeTarget  # noqa: PLC0415

        d = dict(src_dict)
        _domain = d.pop("domain", UNSET)
        domain: IdTokenScopeTarget | Unset
        if isinstance(_domain, Unset):
            domain = UNSET
        else:
            domain = IdTokenScopeTarget.from_dict(_domain)

        _project = d.pop("project", UNSET)
        project: IdTokenScopeTarget | Unset
        if isinstance(_project, Unset):
            project = UNSET
        else:
            project = IdTokenScopeTarget.from_dict(_project)

        id_token_scope = cls(
            domain=domain,
            project=project,
        )

        id_token_scope.additional_properties = d
        return id_token_scope

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
