from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

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
            field_dict["createdAt"] = _f_created_at
        _f_data = self.data
        if not isinstance(_f_data, Unset):
            field_dict["data"] = None if _f_data is None else _f_data.to_dict()
        _f_event_type = self.event_type
        if not isinstance(_f_event_type, Unset):
            field_dict["eventType"] = _f_event_type
        _f_execution_id = self.execution_id
        if not isinstance(_f_execution_id, Unset):
            field_dict["executionId"] = _f_execution_id
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_level = self.level
        if not isinstance(_f_level, Unset):
            field_dict["level"] = _f_level
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = _f_message
        _f_node_id = self.node_id
        if not isinstance(_f_node_id, Unset):
            field_dict["nodeId"] = _f_node_id
        _f_organization_id = self.organization_id
        if not isinstance(_f_organization_id, Unset):
            field_dict["organizationId"] = _f_organization_id
        _f_request_id = self.request_id
        if not isinstance(_f_request_id, Unset):
            field_dict["requestId"] = _f_request_id
        _f_run_id = self.run_id
        if not isinstance(_f_run_id, Unset):
            field_dict["runId"] = _f_run_id
        _f_title = self.title
        if not isinstance(_f_title, Unset):
            field_dict["title"] = _f_title
        _f_workflow_id = self.workflow_id
        if not isinstance(_f_workflow_id, Unset):
            field_dict["workflowId"] = _f_workflow_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ExecutionEvent")
        _get = _src.get
        _f_created_at = _get("createdAt", UNSET)
        if type(_f_created_at) is not str and _f_created_at is not UNSET and _f_created_at is not None:
            reject("ExecutionEvent.createdAt", "a string", _f_created_at)

        _f_data = _get("data", UNSET)
        if _f_data is not None and _f_data is not UNSET:
            _f_data = (
                EventData.from_dict(_f_data)
                if type(_f_data) is dict
                else invalid("ExecutionEvent.data", "an object", _f_data)
            )

        _f_event_type = _get("eventType", UNSET)
        if type(_f_event_type) is not str and _f_event_type is not UNSET and _f_event_type is not None:
            reject("ExecutionEvent.eventType", "a string", _f_event_type)

        _f_execution_id = _get("executionId", UNSET)
        if type(_f_execution_id) is not str and _f_execution_id is not UNSET and _f_execution_id is not None:
            reject("ExecutionEvent.executionId", "a string", _f_execution_id)

        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("ExecutionEvent.id", "a string", _f_id)

        _f_level = _get("level", UNSET)
        if type(_f_level) is not str and _f_level is not UNSET and _f_level is not None:
            reject("ExecutionEvent.level", "a string", _f_level)

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("ExecutionEvent.message", "a string", _f_message)

        _f_node_id = _get("nodeId", UNSET)
        if type(_f_node_id) is not str and _f_node_id is not UNSET and _f_node_id is not None:
            reject("ExecutionEvent.nodeId", "a string", _f_node_id)

        _f_organization_id = _get("organizationId", UNSET)
        if type(_f_organization_id) is not str and _f_organization_id is not UNSET and _f_organization_id is not None:
            reject("ExecutionEvent.organizationId", "a string", _f_organization_id)

        _f_request_id = _get("requestId", UNSET)
        if type(_f_request_id) is not str and _f_request_id is not UNSET and _f_request_id is not None:
            reject("ExecutionEvent.requestId", "a string", _f_request_id)

        _f_run_id = _get("runId", UNSET)
        if type(_f_run_id) is not str and _f_run_id is not UNSET and _f_run_id is not None:
            reject("ExecutionEvent.runId", "a string", _f_run_id)

        _f_title = _get("title", UNSET)
        if type(_f_title) is not str and _f_title is not UNSET and _f_title is not None:
            reject("ExecutionEvent.title", "a string", _f_title)

        _f_workflow_id = _get("workflowId", UNSET)
        if type(_f_workflow_id) is not str and _f_workflow_id is not UNSET and _f_workflow_id is not None:
            reject("ExecutionEvent.workflowId", "a string", _f_workflow_id)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.created_at = _f_created_at
        _obj.data = _f_data
        _obj.event_type = _f_event_type
        _obj.execution_id = _f_execution_id
        _obj.id = _f_id
        _obj.level = _f_level
        _obj.message = _f_message
        _obj.node_id = _f_node_id
        _obj.organization_id = _f_organization_id
        _obj.request_id = _f_request_id
        _obj.run_id = _f_run_id
        _obj.title = _f_title
        _obj.workflow_id = _f_workflow_id
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ExecutionEvent
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionEvent}
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
from ..models.event_data import EventData  # noqa: E402
