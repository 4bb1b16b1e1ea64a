from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    invalid,
    parse_datetime,
    reject,
)
from ..models.flow_status import FlowStatus
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_Flow: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "description",
        "status",
        "project_id",
        "created_at",
        "updated_at",
        "created_by",
        "last_executed_at",
        "execution_count",
    }
)


@_attrs_define
class Flow:
    """The flow an execution runs.

    Attributes:
        id (None | str | Unset): Flow ID.
        name (None | str | Unset): Flow name.
        description (None | str | Unset): Flow description.
        status (FlowStatus | None | Unset):
        project_id (None | str | Unset): ID of the project the flow belongs to.
        created_at (datetime.datetime | None | Unset): When the flow was created.
        updated_at (datetime.datetime | None | Unset): When the flow was last updated.
        created_by (FlowCreator | None | Unset): Who created the flow.
        last_executed_at (datetime.datetime | None | Unset): When the flow last ran.
        execution_count (int | None | Unset): How many times the flow has run.
    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    status: FlowStatus | None | Unset = UNSET
    project_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_by: FlowCreator | None | Unset = UNSET
    last_executed_at: datetime.datetime | None | Unset = UNSET
    execution_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = _f_name
        _f_description = self.description
        if not isinstance(_f_description, Unset):
            field_dict["description"] = _f_description
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = None if _f_status is None else _f_status.value
        _f_project_id = self.project_id
        if not isinstance(_f_project_id, Unset):
            field_dict["project_id"] = _f_project_id
        _f_created_at = self.created_at
        if not isinstance(_f_created_at, Unset):
            field_dict["created_at"] = None if _f_created_at is None else _f_created_at.isoformat()
        _f_updated_at = self.updated_at
        if not isinstance(_f_updated_at, Unset):
            field_dict["updated_at"] = None if _f_updated_at is None else _f_updated_at.isoformat()
        _f_created_by = self.created_by
        if not isinstance(_f_created_by, Unset):
            field_dict["created_by"] = None if _f_created_by is None else _f_created_by.to_dict()
        _f_last_executed_at = self.last_executed_at
        if not isinstance(_f_last_executed_at, Unset):
            field_dict["last_executed_at"] = None if _f_last_executed_at is None else _f_last_executed_at.isoformat()
        _f_execution_count = self.execution_count
        if not isinstance(_f_execution_count, Unset):
            field_dict["execution_count"] = _f_execution_count
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "Flow")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("Flow.id", "a string", _f_id)

        _f_name = _get("name", UNSET)
        if type(_f_name) is not str and _f_name is not UNSET and _f_name is not None:
            reject("Flow.name", "a string", _f_name)

        _f_description = _get("description", UNSET)
        if type(_f_description) is not str and _f_description is not UNSET and _f_description is not None:
            reject("Flow.description", "a string", _f_description)

        _f_status = _get("status", UNSET)
        if _f_status is not None and _f_status is not UNSET:
            _f_status = (
                (FlowStatus._by_value.get(_f_status) or FlowStatus(_f_status))
                if type(_f_status) is str
                else invalid("Flow.status", "a string enum value", _f_status)
            )

        _f_project_id = _get("project_id", UNSET)
        if type(_f_project_id) is not str and _f_project_id is not UNSET and _f_project_id is not None:
            reject("Flow.project_id", "a string", _f_project_id)

        _f_created_at = _get("created_at", UNSET)
        if _f_created_at is not None and _f_created_at is not UNSET:
            _f_created_at = parse_datetime(_f_created_at, "Flow.created_at")

        _f_updated_at = _get("updated_at", UNSET)
        if _f_updated_at is not None and _f_updated_at is not UNSET:
            _f_updated_at = parse_datetime(_f_updated_at, "Flow.updated_at")

        _f_created_by = _get("created_by", UNSET)
        if _f_created_by is not None and _f_created_by is not UNSET:
            _f_created_by = (
                FlowCreator.from_dict(_f_created_by)
                if type(_f_created_by) is dict
                else invalid("Flow.created_by", "an object", _f_created_by)
            )

        _f_last_executed_at = _get("last_executed_at", UNSET)
        if _f_last_executed_at is not None and _f_last_executed_at is not UNSET:
            _f_last_executed_at = parse_datetime(_f_last_executed_at, "Flow.last_executed_at")

        _f_execution_count = _get("execution_count", UNSET)
        if type(_f_execution_count) is not int and _f_execution_count is not UNSET and _f_execution_count is not None:
            _f_execution_count = integral(
                "Flow.execution_count", _f_execution_count
            )  # 1.0 is an integer in JSON Schema

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.name = _f_name
        _obj.description = _f_description
        _obj.status = _f_status
        _obj.project_id = _f_project_id
        _obj.created_at = _f_created_at
        _obj.updated_at = _f_updated_at
        _obj.created_by = _f_created_by
        _obj.last_executed_at = _f_last_executed_at
        _obj.execution_count = _f_execution_count
        _obj.additional_properties = (
            {} if _src.keys() <= _FIELDS_Flow else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Flow}
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


# Imported last so that models referring to each other import cleanly.
from ..models.flow_creator import FlowCreator  # noqa: E402
