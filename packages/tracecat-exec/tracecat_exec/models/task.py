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
from ..models.join_strategy import JoinStrategy
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_Task: frozenset[str] = frozenset(
    {
        "ref",
        "action",
        "description",
        "args",
        "depends_on",
        "interaction",
        "run_if",
        "for_each",
        "retry_policy",
        "start_delay",
        "wait_until",
        "join_strategy",
    }
)


def _parse_Task_for_each(data: Any) -> Any:
    if type(data) is str:
        return data
    if type(data) is list:
        return [(_i0 if type(_i0) is str else invalid("Task.for_each[]", "a string", _i0)) for _i0 in data]
    if data is None:
        return data
    invalid("Task.for_each", "a string or an array or null", data)


@_attrs_define
class Task:
    """A task (action statement) of the workflow definition.

    Attributes:
        ref (str): Unique reference (slug) of the task in the workflow.
        action (str): The action type, equivalent to the UDF key (e.g. `core.http_request`).
        description (None | str | Unset): Description of the task (optional, default ""). Default: ''.
        args (None | TaskArgs | Unset): Arguments for the action (optional).
        depends_on (list[str] | None | Unset): Refs of the tasks this task depends on (optional).
        interaction (None | TaskInteraction | Unset): The interaction configuration when the task is interactive; may be
            omitted or null.
        run_if (None | str | Unset): Condition (expression) under which the task runs; may be omitted or null.
        for_each (list[str] | None | str | Unset): Expression(s) to iterate over, running the task once per item; a
            string, a list of strings, or null; may be omitted.
        retry_policy (None | RetryPolicy | Unset): Retry policy for the action (optional).
        start_delay (float | None | Unset): Delay in seconds before starting the action (optional); `wait_until` takes
            precedence.
        wait_until (None | str | Unset): Date/time (or expression) to wait for before starting; may be omitted or null.
            Plain string, not `date-time`: the page shows `"<string>"`.
        join_strategy (JoinStrategy | None | Unset): How the task joins on its upstream branches (optional).
    """

    ref: str
    action: str
    description: None | str | Unset = ""
    args: None | TaskArgs | Unset = UNSET
    depends_on: list[str] | None | Unset = UNSET
    interaction: None | TaskInteraction | Unset = UNSET
    run_if: None | str | Unset = UNSET
    for_each: list[str] | None | str | Unset = UNSET
    retry_policy: None | RetryPolicy | Unset = UNSET
    start_delay: float | None | Unset = UNSET
    wait_until: None | str | Unset = UNSET
    join_strategy: JoinStrategy | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["ref"] = self.ref
        field_dict["action"] = self.action
        _f_description = self.description
        if not isinstance(_f_description, Unset):
            field_dict["description"] = _f_description
        _f_args = self.args
        if not isinstance(_f_args, Unset):
            field_dict["args"] = None if _f_args is None else _f_args.to_dict()
        _f_depends_on = self.depends_on
        if not isinstance(_f_depends_on, Unset):
            field_dict["depends_on"] = _f_depends_on
        _f_interaction = self.interaction
        if not isinstance(_f_interaction, Unset):
            field_dict["interaction"] = None if _f_interaction is None else _f_interaction.to_dict()
        _f_run_if = self.run_if
        if not isinstance(_f_run_if, Unset):
            field_dict["run_if"] = _f_run_if
        _f_for_each = self.for_each
        if not isinstance(_f_for_each, Unset):
            field_dict["for_each"] = _f_for_each
        _f_retry_policy = self.retry_policy
        if not isinstance(_f_retry_policy, Unset):
            field_dict["retry_policy"] = None if _f_retry_policy is None else _f_retry_policy.to_dict()
        _f_start_delay = self.start_delay
        if not isinstance(_f_start_delay, Unset):
            field_dict["start_delay"] = _f_start_delay
        _f_wait_until = self.wait_until
        if not isinstance(_f_wait_until, Unset):
            field_dict["wait_until"] = _f_wait_until
        _f_join_strategy = self.join_strategy
        if not isinstance(_f_join_strategy, Unset):
            field_dict["join_strategy"] = None if _f_join_strategy is None else _f_join_strategy.value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "Task")
        _get = _src.get
        _f_ref = _get("ref", UNSET)
        if type(_f_ref) is not str:
            reject("Task.ref", "a string", _f_ref)

        _f_action = _get("action", UNSET)
        if type(_f_action) is not str:
            reject("Task.action", "a string", _f_action)

        _f_description = _get("description", UNSET)
        if type(_f_description) is not str and _f_description is not UNSET and _f_description is not None:
            reject("Task.description", "a string", _f_description)

        _f_args = _get("args", UNSET)
        if _f_args is not None and _f_args is not UNSET:
            _f_args = (
                TaskArgs.from_dict(_f_args) if type(_f_args) is dict else invalid("Task.args", "an object", _f_args)
            )

        _f_depends_on = _get("depends_on", UNSET)
        if _f_depends_on is not None and _f_depends_on is not UNSET:
            _f_depends_on = [
                (_i0 if type(_i0) is str else invalid("Task.depends_on[]", "a string", _i0))
                for _i0 in (
                    _f_depends_on if type(_f_depends_on) is list else check_list(_f_depends_on, "Task.depends_on")
                )
            ]

        _f_interaction = _get("interaction", UNSET)
        if _f_interaction is not None and _f_interaction is not UNSET:
            _f_interaction = (
                TaskInteraction.from_dict(_f_interaction)
                if type(_f_interaction) is dict
                else invalid("Task.interaction", "an object", _f_interaction)
            )

        _f_run_if = _get("run_if", UNSET)
        if type(_f_run_if) is not str and _f_run_if is not UNSET and _f_run_if is not None:
            reject("Task.run_if", "a string", _f_run_if)

        _f_for_each = _get("for_each", UNSET)
        if _f_for_each is not None and _f_for_each is not UNSET:
            _f_for_each = _parse_Task_for_each(_f_for_each)

        _f_retry_policy = _get("retry_policy", UNSET)
        if _f_retry_policy is not None and _f_retry_policy is not UNSET:
            _f_retry_policy = (
                RetryPolicy.from_dict(_f_retry_policy)
                if type(_f_retry_policy) is dict
                else invalid("Task.retry_policy", "an object", _f_retry_policy)
            )

        _f_start_delay = _get("start_delay", UNSET)
        if (
            type(_f_start_delay) is not float
            and type(_f_start_delay) is not int
            and _f_start_delay is not UNSET
            and _f_start_delay is not None
        ):
            reject("Task.start_delay", "a number", _f_start_delay)

        _f_wait_until = _get("wait_until", UNSET)
        if type(_f_wait_until) is not str and _f_wait_until is not UNSET and _f_wait_until is not None:
            reject("Task.wait_until", "a string", _f_wait_until)

        _f_join_strategy = _get("join_strategy", UNSET)
        if _f_join_strategy is not None and _f_join_strategy is not UNSET:
            _f_join_strategy = (
                (JoinStrategy._by_value.get(_f_join_strategy) or JoinStrategy(_f_join_strategy))
                if type(_f_join_strategy) is str
                else invalid("Task.join_strategy", "a string enum value", _f_join_strategy)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.ref = _f_ref
        _obj.action = _f_action
        _obj.description = _f_description
        _obj.args = _f_args
        _obj.depends_on = _f_depends_on
        _obj.interaction = _f_interaction
        _obj.run_if = _f_run_if
        _obj.for_each = _f_for_each
        _obj.retry_policy = _f_retry_policy
        _obj.start_delay = _f_start_delay
        _obj.wait_until = _f_wait_until
        _obj.join_strategy = _f_join_strategy
        _obj.additional_properties = (
            {} if _src.keys() <= _FIELDS_Task else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Task}
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
from ..models.retry_policy import RetryPolicy  # noqa: E402
from ..models.task_args import TaskArgs  # noqa: E402
from ..models.task_interaction import TaskInteraction  # noqa: E402
