from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
)
from ..types import UNSET, Unset

_FIELDS_ExecutionEvent: frozenset[str] = frozenset(
    {
        "createdAt",
        "data",
        "eventType",
        "executionId",
        "id",
        "level",
        "message",
        "nodeId",
        "organizationId",
        "requestId",
        "runId",
        "title",
        "workflowId",
    }
)


@_attrs_define
class ExecutionEvent:
    """One entry of an execution's event log. No field is guaranteed to be present.

    Attributes:
        created_at (None | str | Unset): When the event was logged (ISO 8601 string; the page shows only `<string>`).
        data (EventData | None | Unset): Free-form data attached to the event.
        event_type (None | str | Unset): Type of the event (values not documented).
        execution_id (None | str | Unset): Id of the execution the event belongs to.
        id (None | str | Unset): Id of the event.
        level (None | str | Unset): Log level of the event (values not documented).
        message (None | str | Unset): Message of the event.
        node_id (None | str | Unset): Id of the workflow node the event concerns.
        organization_id (None | str | Unset): Id of the organisation that owns the execution.
        request_id (None | str | Unset): Id of the request that produced the event.
        run_id (None | str | Unset): Id of the workflow run.
        title (None | str | Unset): Title of the event.
        workflow_id (None | str | Unset): Id of the workflow.
    """

    created_at: None | str | Unset = UNSET
    data: EventData | None | Unset = UNSET
    event_type: None | str | Unset = UNSET
    execution_id: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    level: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    node_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    run_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    workflow_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_created_at = self.created_at
        if not isinstance(_f_created_at, Unset):
            field_dict["createdAt"] = None if _f_created_at is None else _f_created_at
        _f_data = self.data
        if not isinstance(_f_data, Unset):
            field_dict["data"] = None if _f_data is None else _f_data.to_dict()
        _f_event_type = self.event_type
        if not isinstance(_f_event_type, Unset):
            field_dict["eventType"] = None if _f_event_type is None else _f_event_type
        _f_execution_id = self.execution_id
        if not isinstance(_f_execution_id, Unset):
            field_dict["executionId"] = None if _f_execution_id is None else _f_execution_id
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = None if _f_id is None else _f_id
        _f_level = self.level
        if not isinstance(_f_level, Unset):
            field_dict["level"] = None if _f_level is None else _f_level
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = None if _f_message is None else _f_message
        _f_node_id = self.node_id
        if not isinstance(_f_node_id, Unset):
            field_dict["nodeId"] = None if _f_node_id is None else _f_node_id
        _f_organization_id = self.organization_id
        if not isinstance(_f_organization_id, Unset):
            field_dict["organizationId"] = None if _f_organization_id is None else _f_organization_id
        _f_request_id = self.request_id
        if not isinstance(_f_request_id, Unset):
            field_dict["requestId"] = None if _f_request_id is None else _f_request_id
        _f_run_id = self.run_id
        if not isinstance(_f_run_id, Unset):
            field_dict["runId"] = None if _f_run_id is None else _f_run_id
        _f_title = self.title
        if not isinstance(_f_title, Unset):
            field_dict["title"] = None if _f_title is None else _f_title
        _f_workflow_id = self.workflow_id
        if not isinstance(_f_workflow_id, Unset):
            field_dict["workflowId"] = None if _f_workflow_id is None else _f_workflow_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "ExecutionEvent")
        _get = _src.get
        _v = _get("createdAt", UNSET)
        _f_created_at = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.createdAt", "a string", _v))
            )
        )
        _v = _get("data", UNSET)
        _f_data = UNSET if _v is UNSET else (None if _v is None else EventData.from_dict(_v))
        _v = _get("eventType", UNSET)
        _f_event_type = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.eventType", "a string", _v))
            )
        )
        _v = _get("executionId", UNSET)
        _f_execution_id = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("ExecutionEvent.executionId", "a string", _v))
            )
        )
        _v = _get("id", UNSET)
        _f_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.id", "a string", _v)))
        )
        _v = _get("level", UNSET)
        _f_level = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.level", "a string", _v)))
        )
        _v = _get("message", UNSET)
        _f_message = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.message", "a string", _v))
            )
        )
        _v = _get("nodeId", UNSET)
        _f_node_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.nodeId", "a string", _v)))
        )
        _v = _get("organizationId", UNSET)
        _f_organization_id = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("ExecutionEvent.organizationId", "a string", _v))
            )
        )
        _v = _get("requestId", UNSET)
        _f_request_id = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.requestId", "a string", _v))
            )
        )
        _v = _get("runId", UNSET)
        _f_run_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.runId", "a string", _v)))
        )
        _v = _get("title", UNSET)
        _f_title = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionEvent.title", "a string", _v)))
        )
        _v = _get("workflowId", UNSET)
        _f_workflow_id = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("ExecutionEvent.workflowId", "a string", _v))
            )
        )
        _obj = cls(
            created_at=_f_created_at,
            data=_f_data,
            event_type=_f_event_type,
            execution_id=_f_execution_id,
            id=_f_id,
            level=_f_level,
            message=_f_message,
            node_id=_f_node_id,
            organization_id=_f_organization_id,
            request_id=_f_request_id,
            run_id=_f_run_id,
            title=_f_title,
            workflow_id=_f_workflow_id,
        )
        if not _src.keys() <= _FIELDS_ExecutionEvent:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionEvent}
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
from ..models.event_data import EventData  # noqa: E402
