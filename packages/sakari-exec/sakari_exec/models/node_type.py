from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
)
from ..types import UNSET, Unset

_FIELDS_NodeType: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "group",
        "name",
        "label",
        "description",
        "icon",
        "properties",
        "outputs",
        "validation",
        "supportsReenrollment",
        "color",
        "status",
        "supportLink",
    }
)


@_attrs_define
class NodeType:
    """The kind of node (action, trigger, condition, ...) and how it is configured.

    Attributes:
        id (None | str | Unset): Id of the node type.
        type_ (None | str | Unset): Kind of node type (documented only as a string).
        group (None | str | Unset): Group the node type belongs to in the workflow editor.
        name (None | str | Unset): Machine name of the node type.
        label (None | str | Unset): Display label of the node type.
        description (None | str | Unset): Description of what the node does.
        icon (None | str | Unset): Icon of the node type.
        properties (list[NodeProperty] | None | Unset): Configurable properties of the node type.
        outputs (list[NodeOutput] | None | Unset): Outputs the node produces.
        validation (NodeValidation | None | Unset): Rules for the node's outgoing edges.
        supports_reenrollment (bool | None | Unset): Whether a contact can be enrolled again at this node.
        color (None | str | Unset): Display colour of the node type.
        status (None | str | Unset): Status of the node type (documented only as a string).
        support_link (None | str | Unset): Link to support documentation for the node type.
    """

    id: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    group: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    properties: list[NodeProperty] | None | Unset = UNSET
    outputs: list[NodeOutput] | None | Unset = UNSET
    validation: NodeValidation | None | Unset = UNSET
    supports_reenrollment: bool | None | Unset = UNSET
    color: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    support_link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = None if _f_id is None else _f_id
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_
        _f_group = self.group
        if not isinstance(_f_group, Unset):
            field_dict["group"] = None if _f_group is None else _f_group
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = None if _f_name is None else _f_name
        _f_label = self.label
        if not isinstance(_f_label, Unset):
            field_dict["label"] = None if _f_label is None else _f_label
        _f_description = self.description
        if not isinstance(_f_description, Unset):
            field_dict["description"] = None if _f_description is None else _f_description
        _f_icon = self.icon
        if not isinstance(_f_icon, Unset):
            field_dict["icon"] = None if _f_icon is None else _f_icon
        _f_properties = self.properties
        if not isinstance(_f_properties, Unset):
            field_dict["properties"] = None if _f_properties is None else [_i0.to_dict() for _i0 in _f_properties]
        _f_outputs = self.outputs
        if not isinstance(_f_outputs, Unset):
            field_dict["outputs"] = None if _f_outputs is None else [_i0.to_dict() for _i0 in _f_outputs]
        _f_validation = self.validation
        if not isinstance(_f_validation, Unset):
            field_dict["validation"] = None if _f_validation is None else _f_validation.to_dict()
        _f_supports_reenrollment = self.supports_reenrollment
        if not isinstance(_f_supports_reenrollment, Unset):
            field_dict["supportsReenrollment"] = None if _f_supports_reenrollment is None else _f_supports_reenrollment
        _f_color = self.color
        if not isinstance(_f_color, Unset):
            field_dict["color"] = None if _f_color is None else _f_color
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = None if _f_status is None else _f_status
        _f_support_link = self.support_link
        if not isinstance(_f_support_link, Unset):
            field_dict["supportLink"] = None if _f_support_link is None else _f_support_link
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "NodeType")
        _get = _src.get
        _v = _get("id", UNSET)
        _f_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.id", "a string", _v)))
        )
        _v = _get("type", UNSET)
        _f_type_ = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.type", "a string", _v)))
        )
        _v = _get("group", UNSET)
        _f_group = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.group", "a string", _v)))
        )
        _v = _get("name", UNSET)
        _f_name = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.name", "a string", _v)))
        )
        _v = _get("label", UNSET)
        _f_label = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.label", "a string", _v)))
        )
        _v = _get("description", UNSET)
        _f_description = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.description", "a string", _v)))
        )
        _v = _get("icon", UNSET)
        _f_icon = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.icon", "a string", _v)))
        )
        _v = _get("properties", UNSET)
        _f_properties = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else [NodeProperty.from_dict(_i0) for _i0 in check_list(_v, "NodeType.properties")]
            )
        )
        _v = _get("outputs", UNSET)
        _f_outputs = (
            UNSET
            if _v is UNSET
            else (None if _v is None else [NodeOutput.from_dict(_i0) for _i0 in check_list(_v, "NodeType.outputs")])
        )
        _v = _get("validation", UNSET)
        _f_validation = UNSET if _v is UNSET else (None if _v is None else NodeValidation.from_dict(_v))
        _v = _get("supportsReenrollment", UNSET)
        _f_supports_reenrollment = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is bool else invalid("NodeType.supportsReenrollment", "a boolean", _v))
            )
        )
        _v = _get("color", UNSET)
        _f_color = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.color", "a string", _v)))
        )
        _v = _get("status", UNSET)
        _f_status = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.status", "a string", _v)))
        )
        _v = _get("supportLink", UNSET)
        _f_support_link = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeType.supportLink", "a string", _v)))
        )
        _obj = cls(
            id=_f_id,
            type_=_f_type_,
            group=_f_group,
            name=_f_name,
            label=_f_label,
            description=_f_description,
            icon=_f_icon,
            properties=_f_properties,
            outputs=_f_outputs,
            validation=_f_validation,
            supports_reenrollment=_f_supports_reenrollment,
            color=_f_color,
            status=_f_status,
            support_link=_f_support_link,
        )
        if not _src.keys() <= _FIELDS_NodeType:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeType}
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


# Imported last so that models referring to each other import cleanly.
from ..models.node_output import NodeOutput  # noqa: E402
from ..models.node_property import NodeProperty  # noqa: E402
from ..models.node_validation import NodeValidation  # noqa: E402
