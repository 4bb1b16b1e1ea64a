from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    invalid,
    missing,
    reject,
)
from ..models.join_strategy import JoinStrategy
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_EventGroup: frozenset[str] = frozenset(
    {
        "event_id",
        "udf_namespace",
        "udf_name",
        "udf_key",
        "action_input",
        "action_id",
        "action_ref",
        "action_title",
        "action_description",
        "action_result",
        "current_attempt",
        "retry_policy",
        "start_delay",
        "join_strategy",
        "related_wf_exec_id",
    }
)


@_attrs_define
class EventGroup:
    """The action (UDF) an event belongs to, with its input and result.

    Attributes:
        event_id (int): Id of the event that opened this group.
        udf_namespace (str): Namespace of the action (UDF), e.g. `core`.
        udf_name (str): Name of the action (UDF) within its namespace.
        udf_key (str): Full key of the action (UDF), e.g. `core.http_request`.
        action_input (ActionInput): The input of the action an event group belongs to. Usually the run-action input
            (`task`, `exec_context`, `run_context`, `interaction_context`), but for child-workflow and other events it is a
            different object (e.g. `{role, wf_id, dsl, trigger_inputs, ...}`, `{message, detail}` or `{error:
            "unreadable_temporal_payload", ...}`). All four properties are therefore optional and every other key is kept as
            an additional property, so these other shapes parse too.
        action_id (None | str | Unset): Id of the action; may be omitted or null.
        action_ref (None | str | Unset): Reference (slug) of the action in the workflow; may be omitted or null.
        action_title (None | str | Unset): Title of the action; may be omitted or null.
        action_description (None | str | Unset): Description of the action; may be omitted or null.
        action_result (Any | None | Unset): The action's result, any JSON value; may be omitted or null.
        current_attempt (int | None | Unset): The current attempt number; may be omitted or null.
        retry_policy (None | RetryPolicy | Unset): The action's retry policy (optional).
        start_delay (float | None | Unset): Delay in seconds before the action starts (optional, default 0). Default:
            0.0.
        join_strategy (JoinStrategy | None | Unset): How the action joins on its upstream branches (optional, default
            `all`).
        related_wf_exec_id (None | str | Unset): Id of a related (e.g. child) workflow execution; may be omitted or
            null.
    """

    event_id: int
    udf_namespace: str
    udf_name: str
    udf_key: str
    action_input: ActionInput
    action_id: None | str | Unset = UNSET
    action_ref: None | str | Unset = UNSET
    action_title: None | str | Unset = UNSET
    action_description: None | str | Unset = UNSET
    action_result: Any | None | Unset = UNSET
    current_attempt: int | None | Unset = UNSET
    retry_policy: None | RetryPolicy | Unset = UNSET
    start_delay: float | None | Unset = 0.0
    join_strategy: JoinStrategy | None | Unset = UNSET
    related_wf_exec_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["event_id"] = self.event_id
        field_dict["udf_namespace"] = self.udf_namespace
        field_dict["udf_name"] = self.udf_name
        field_dict["udf_key"] = self.udf_key
        field_dict["action_input"] = self.action_input.to_dict()
        _f_action_id = self.action_id
        if not isinstance(_f_action_id, Unset):
            field_dict["action_id"] = _f_action_id
        _f_action_ref = self.action_ref
        if not isinstance(_f_action_ref, Unset):
            field_dict["action_ref"] = _f_action_ref
        _f_action_title = self.action_title
        if not isinstance(_f_action_title, Unset):
            field_dict["action_title"] = _f_action_title
        _f_action_description = self.action_description
        if not isinstance(_f_action_description, Unset):
            field_dict["action_description"] = _f_action_description
        _f_action_result = self.action_result
        if not isinstance(_f_action_result, Unset):
            field_dict["action_result"] = _f_action_result
        _f_current_attempt = self.current_attempt
        if not isinstance(_f_current_attempt, Unset):
            field_dict["current_attempt"] = _f_current_attempt
        _f_retry_policy = self.retry_policy
        if not isinstance(_f_retry_policy, Unset):
            field_dict["retry_policy"] = None if _f_retry_policy is None else _f_retry_policy.to_dict()
        _f_start_delay = self.start_delay
        if not isinstance(_f_start_delay, Unset):
            field_dict["start_delay"] = _f_start_delay
        _f_join_strategy = self.join_strategy
        if not isinstance(_f_join_strategy, Unset):
            field_dict["join_strategy"] = None if _f_join_strategy is None else _f_join_strategy.value
        _f_related_wf_exec_id = self.related_wf_exec_id
        if not isinstance(_f_related_wf_exec_id, Unset):
            field_dict["related_wf_exec_id"] = _f_related_wf_exec_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "EventGroup")
        _get = _src.get
        _f_event_id = _get("event_id", UNSET)
        if type(_f_event_id) is not int:
            _f_event_id = integral("EventGroup.event_id", _f_event_id)  # 1.0 is an integer in JSON Schema

        _f_udf_namespace = _get("udf_namespace", UNSET)
        if type(_f_udf_namespace) is not str:
            reject("EventGroup.udf_namespace", "a string", _f_udf_namespace)

        _f_udf_name = _get("udf_name", UNSET)
        if type(_f_udf_name) is not str:
            reject("EventGroup.udf_name", "a string", _f_udf_name)

        _f_udf_key = _get("udf_key", UNSET)
        if type(_f_udf_key) is not str:
            reject("EventGroup.udf_key", "a string", _f_udf_key)

        _f_action_input = _get("action_input", UNSET)
        if _f_action_input is not None and _f_action_input is not UNSET:
            _f_action_input = (
                ActionInput.from_dict(_f_action_input)
                if type(_f_action_input) is dict
                else invalid("EventGroup.action_input", "an object", _f_action_input)
            )
        elif _f_action_input is UNSET:
            missing("EventGroup.action_input")
        elif _f_action_input is None:
            invalid("EventGroup.action_input", "an object", None)

        _f_action_id = _get("action_id", UNSET)
        if type(_f_action_id) is not str and _f_action_id is not UNSET and _f_action_id is not None:
            reject("EventGroup.action_id", "a string", _f_action_id)

        _f_action_ref = _get("action_ref", UNSET)
        if type(_f_action_ref) is not str and _f_action_ref is not UNSET and _f_action_ref is not None:
            reject("EventGroup.action_ref", "a string", _f_action_ref)

        _f_action_title = _get("action_title", UNSET)
        if type(_f_action_title) is not str and _f_action_title is not UNSET and _f_action_title is not None:
            reject("EventGroup.action_title", "a string", _f_action_title)

        _f_action_description = _get("action_description", UNSET)
        if (
            type(_f_action_description) is not str
            and _f_action_description is not UNSET
            and _f_action_description is not None
        ):
            reject("EventGroup.action_description", "a string", _f_action_description)

        _f_action_result = _get("action_result", UNSET)

        _f_current_attempt = _get("current_attempt", UNSET)
        if type(_f_current_attempt) is not int and _f_current_attempt is not UNSET and _f_current_attempt is not None:
            _f_current_attempt = integral(
                "EventGroup.current_attempt", _f_current_attempt
            )  # 1.0 is an integer in JSON Schema

        _f_retry_policy = _get("retry_policy", UNSET)
        if _f_retry_policy is not None and _f_retry_policy is not UNSET:
            _f_retry_policy = (
                RetryPolicy.from_dict(_f_retry_policy)
                if type(_f_retry_policy) is dict
                else invalid("EventGroup.retry_policy", "an object", _f_retry_policy)
            )

        _f_start_delay = _get("start_delay", UNSET)
        if (
            type(_f_start_delay) is not float
            and type(_f_start_delay) is not int
            and _f_start_delay is not UNSET
            and _f_start_delay is not None
        ):
            reject("EventGroup.start_delay", "a number", _f_start_delay)

        _f_join_strategy = _get("join_strategy", UNSET)
        if _f_join_strategy is not None and _f_join_strategy is not UNSET:
            _f_join_strategy = (
                (JoinStrategy._by_value.get(_f_join_strategy) or JoinStrategy(_f_join_strategy))
                if type(_f_join_strategy) is str
                else invalid("EventGroup.join_strategy", "a string enum value", _f_join_strategy)
            )

        _f_related_wf_exec_id = _get("related_wf_exec_id", UNSET)
        if (
            type(_f_related_wf_exec_id) is not str
            and _f_related_wf_exec_id is not UNSET
            and _f_related_wf_exec_id is not None
        ):
            reject("EventGroup.related_wf_exec_id", "a string", _f_related_wf_exec_id)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.event_id = _f_event_id
        _obj.udf_namespace = _f_udf_namespace
        _obj.udf_name = _f_udf_name
        _obj.udf_key = _f_udf_key
        _obj.action_input = _f_action_input
        _obj.action_id = _f_action_id
        _obj.action_ref = _f_action_ref
        _obj.action_title = _f_action_title
        _obj.action_description = _f_action_description
        _obj.action_result = _f_action_result
        _obj.current_attempt = _f_current_attempt
        _obj.retry_policy = _f_retry_policy
        _obj.start_delay = _f_start_delay
        _obj.join_strategy = _f_join_strategy
        _obj.related_wf_exec_id = _f_related_wf_exec_id
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_EventGroup
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EventGroup}
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
from ..models.action_input import ActionInput  # noqa: E402
from ..models.retry_policy import RetryPolicy  # noqa: E402
