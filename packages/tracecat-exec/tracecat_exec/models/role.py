from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
    reject,
)
from ..models.access_level import AccessLevel
from ..models.role_type import RoleType
from ..models.service_id import ServiceId
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_Role: frozenset[str] = frozenset(
    {
        "type",
        "workspace_id",
        "user_id",
        "organization_id",
        "bound_workspace_id",
        "service_account_id",
        "scopes",
        "access_level",
        "service_id",
    }
)


@_attrs_define
class Role:
    """The identity (role) an event ran as. All fields optional.

    Attributes:
        type_ (None | RoleType | Unset): The kind of identity.
        workspace_id (None | str | Unset): Id of the workspace the role acts in; may be omitted or null.
        user_id (None | str | Unset): Id of the user the role acts for; may be omitted or null.
        organization_id (None | str | Unset): Id of the organization (newer servers only); may be omitted or null.
        bound_workspace_id (None | str | Unset): Id of the workspace the credential is bound to (newer servers only);
            may be omitted or null.
        service_account_id (None | str | Unset): Id of the service account (newer servers only); may be omitted or null.
        scopes (list[str] | None | Unset): The role's resolved scopes (newer servers only); may be omitted or null.
        access_level (AccessLevel | None | Unset): The role's access level (older servers only; removed in newer
            servers).
        service_id (None | ServiceId | Unset): The Tracecat service that acted.
    """

    type_: None | RoleType | Unset = UNSET
    workspace_id: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    bound_workspace_id: None | str | Unset = UNSET
    service_account_id: None | str | Unset = UNSET
    scopes: list[str] | None | Unset = UNSET
    access_level: AccessLevel | None | Unset = UNSET
    service_id: None | ServiceId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_workspace_id = self.workspace_id
        if not isinstance(_f_workspace_id, Unset):
            field_dict["workspace_id"] = _f_workspace_id
        _f_user_id = self.user_id
        if not isinstance(_f_user_id, Unset):
            field_dict["user_id"] = _f_user_id
        _f_organization_id = self.organization_id
        if not isinstance(_f_organization_id, Unset):
            field_dict["organization_id"] = _f_organization_id
        _f_bound_workspace_id = self.bound_workspace_id
        if not isinstance(_f_bound_workspace_id, Unset):
            field_dict["bound_workspace_id"] = _f_bound_workspace_id
        _f_service_account_id = self.service_account_id
        if not isinstance(_f_service_account_id, Unset):
            field_dict["service_account_id"] = _f_service_account_id
        _f_scopes = self.scopes
        if not isinstance(_f_scopes, Unset):
            field_dict["scopes"] = _f_scopes
        _f_access_level = self.access_level
        if not isinstance(_f_access_level, Unset):
            field_dict["access_level"] = None if _f_access_level is None else _f_access_level.value
        _f_service_id = self.service_id
        if not isinstance(_f_service_id, Unset):
            field_dict["service_id"] = None if _f_service_id is None else _f_service_id.value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "Role")
        _get = _src.get
        _f_type_ = _get("type", UNSET)
        if _f_type_ is not None and _f_type_ is not UNSET:
            _f_type_ = (
                (RoleType._by_value.get(_f_type_) or RoleType(_f_type_))
                if type(_f_type_) is str
                else invalid("Role.type", "a string enum value", _f_type_)
            )

        _f_workspace_id = _get("workspace_id", UNSET)
        if type(_f_workspace_id) is not str and _f_workspace_id is not UNSET and _f_workspace_id is not None:
            reject("Role.workspace_id", "a string", _f_workspace_id)

        _f_user_id = _get("user_id", UNSET)
        if type(_f_user_id) is not str and _f_user_id is not UNSET and _f_user_id is not None:
            reject("Role.user_id", "a string", _f_user_id)

        _f_organization_id = _get("organization_id", UNSET)
        if type(_f_organization_id) is not str and _f_organization_id is not UNSET and _f_organization_id is not None:
            reject("Role.organization_id", "a string", _f_organization_id)

        _f_bound_workspace_id = _get("bound_workspace_id", UNSET)
        if (
            type(_f_bound_workspace_id) is not str
            and _f_bound_workspace_id is not UNSET
            and _f_bound_workspace_id is not None
        ):
            reject("Role.bound_workspace_id", "a string", _f_bound_workspace_id)

        _f_service_account_id = _get("service_account_id", UNSET)
        if (
            type(_f_service_account_id) is not str
            and _f_service_account_id is not UNSET
            and _f_service_account_id is not None
        ):
            reject("Role.service_account_id", "a string", _f_service_account_id)

        _f_scopes = _get("scopes", UNSET)
        if _f_scopes is not None and _f_scopes is not UNSET:
            _f_scopes = [
                (_i0 if type(_i0) is str else invalid("Role.scopes[]", "a string", _i0))
                for _i0 in (_f_scopes if type(_f_scopes) is list else check_list(_f_scopes, "Role.scopes"))
            ]

        _f_access_level = _get("access_level", UNSET)
        if _f_access_level is not None and _f_access_level is not UNSET:
            _f_access_level = (
                (AccessLevel._by_value.get(_f_access_level) or AccessLevel(_f_access_level))
                if type(_f_access_level) is int
                else invalid("Role.access_level", "an integer enum value", _f_access_level)
            )

        _f_service_id = _get("service_id", UNSET)
        if _f_service_id is not None and _f_service_id is not UNSET:
            _f_service_id = (
                (ServiceId._by_value.get(_f_service_id) or ServiceId(_f_service_id))
                if type(_f_service_id) is str
                else invalid("Role.service_id", "a string enum value", _f_service_id)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.type_ = _f_type_
        _obj.workspace_id = _f_workspace_id
        _obj.user_id = _f_user_id
        _obj.organization_id = _f_organization_id
        _obj.bound_workspace_id = _f_bound_workspace_id
        _obj.service_account_id = _f_service_account_id
        _obj.scopes = _f_scopes
        _obj.access_level = _f_access_level
        _obj.service_id = _f_service_id
        _obj.additional_properties = (
            {} if _src.keys() <= _FIELDS_Role else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Role}
        )
        return _obj

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
