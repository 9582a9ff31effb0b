from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.domain_info import DomainInfo
    from ..models.federation_user import FederationUser
    from ..models.project_info import ProjectInfo
    from ..models.role_info import RoleInfo
    from ..models.scoped_token_info_catalog_item import ScopedTokenInfoCatalogItem


T = TypeVar("T", bound="ScopedTokenInfo")


@_attrs_define
class ScopedTokenInfo:
    """ScopedTokenInfo of the SDK. The SDK marks expires_at, methods, issued_at,
    user, roles and catalog mandatory (domain and project are optional); only
    expires_at, which a client needs, is enforced here, so a token is never
    refused for a field the client does not read.

        Attributes:
            expires_at (str): Expiry time.
            methods (list[str] | Unset): How the token was obtained; "mapped" for federated users.
            issued_at (str | Unset): Issue time.
            user (FederationUser | Unset): FederationUserBody of the SDK, which marks OS-FEDERATION and domain mandatory
                (id and name optional); none is enforced here, a client reads none of them.
            domain (DomainInfo | Unset): DomainInfo of the SDK (the account), which marks name mandatory; not enforced
                here, a client does not read it.
            project (ProjectInfo | Unset): ProjectInfo of the SDK, which marks name mandatory; not enforced here, a
                client does not read it.
            roles (list[RoleInfo] | Unset): Roles.
            catalog (list[ScopedTokenInfoCatalogItem] | Unset): Service catalog. (The SDK types the items as
                UnscopedTokenInfoEndpoints;
                they are not transcribed field by field.)
    """

    expires_at: str
    methods: list[str] | Unset = UNSET
    issued_at: str | Unset = UNSET
    user: FederationUser | Unset = UNSET
    domain: DomainInfo | Unset = UNSET
    project: ProjectInfo | Unset = UNSET
    roles: list[RoleInfo] | Unset = UNSET
    catalog: list[ScopedTokenInfoCatalogItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at

        methods: list[str] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = self.methods

        issued_at = self.issued_at

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        domain: dict[str, Any] | Unset = UNSET
        if not isinstance(self.domain, Unset):
            domain = self.domain.to_dict()

        project: dict[str, Any] | Unset = UNSET
        if not isinstance(self.project, Unset):
            project = self.project.to_dict()

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)

        catalog: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.catalog, Unset):
            catalog = []
            for catalog_item_data in self.catalog:
                catalog_item = catalog_item_data.to_dict()
                catalog.append(catalog_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_at": expires_at,
            }
        )
        if methods is not UNSET:
            field_dict["methods"] = methods
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if user is not UNSET:
            field_dict["user"] = user
        if domain is not UNSET:
            field_dict["domain"] = domain
        if project is not UNSET:
            field_dict["project"] = project
        if roles is not UNSET:
            field_dict["roles"] = roles
        if catalog is not UNSET:
            field_dict["catalog"] = catalog

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_info import DomainInfo  # noqa: PLC0415
        from ..models.federation_user import FederationUser  # noqa: PLC0415
        from ..models.project_info import ProjectInfo  # noqa: PLC0415
        from ..models.role_info import RoleInfo  # noqa: PLC0415
        from ..models.scoped_token_info_catalog_item import ScopedTokenInfoCatalogItem  # noqa: PLC0415

        d = dict(src_dict)
        expires_at = d.pop("expires_at")

        methods = cast(list[str], d.pop("methods", UNSET))

        issued_at = d.pop("issued_at", UNSET)

        _user = d.pop("user", UNSET)
        user: FederationUser | Unset
        if isinstance(_user, Unset):
            user = UNSET
        else:
            user = FederationUser.from_dict(_user)

        _domain = d.pop("domain", UNSET)
        domain: DomainInfo | Unset
        if isinstance(_domain, Unset):
            domain = UNSET
        else:
            domain = DomainInfo.from_dict(_domain)

        _project = d.pop("project", UNSET)
        project: ProjectInfo | Unset
        if isinstance(_project, Unset):
            project = UNSET
        else:
            project = ProjectInfo.from_dict(_project)

        _roles = d.pop("roles", UNSET)
        roles: list[RoleInfo] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RoleInfo.from_dict(roles_item_data)

                roles.append(roles_item)

        _catalog = d.pop("catalog", UNSET)
        catalog: list[ScopedTokenInfoCatalogItem] | Unset = UNSET
        if _catalog is not UNSET:
            catalog = []
            for catalog_item_data in _catalog:
                catalog_item = ScopedTokenInfoCatalogItem.from_dict(catalog_item_data)

                catalog.append(catalog_item)

        scoped_token_info = cls(
            expires_at=expires_at,
            methods=methods,
            issued_at=issued_at,
            user=user,
            domain=domain,
            project=project,
            roles=roles,
            catalog=catalog,
        )

        scoped_token_info.additional_properties = d
        return scoped_token_info

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
