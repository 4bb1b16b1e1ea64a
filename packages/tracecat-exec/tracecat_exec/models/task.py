from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
    missing,
)
from ..models.join_strategy import JoinStrategy
from ..types import UNSET, Unset

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
        return data if type(data) is str else invalid("Task.for_each", "a string", data)
    if type(data) is list:
        return [
            (_i0 if type(_i0) is str else invalid("Task.for_each[]", "a string", _i0))
            for _i0 in check_list(data, "Task.for_each")
        ]
    if data is None:
        return data if data is None else invalid("Task.for_each", "null", data)
    invalid("Task.for_each", "string or list or none", data)


def _dump_Task_for_each(value: Any) -> Any:
    if True:
        return value
    if isinstance(value, list):
        return [_i0 for _i0 in value]
    if value is None:
        return value
    return value


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
            field_dict["description"] = None if _f_description is None else _f_description
        _f_args = self.args
        if not isinstance(_f_args, Unset):
            field_dict["args"] = None if _f_args is None else _f_args.to_dict()
        _f_depends_on = self.depends_on
        if not isinstance(_f_depends_on, Unset):
            field_dict["depends_on"] = None if _f_depends_on is None else [_i0 for _i0 in _f_depends_on]
        _f_interaction = self.interaction
        if not isinstance(_f_interaction, Unset):
            field_dict["interaction"] = None if _f_interaction is None else _f_interaction.to_dict()
        _f_run_if = self.run_if
        if not isinstance(_f_run_if, Unset):
            field_dict["run_if"] = None if _f_run_if is None else _f_run_if
        _f_for_each = self.for_each
        if not isinstance(_f_for_each, Unset):
            field_dict["for_each"] = _dump_Task_for_each(_f_for_each)
        _f_retry_policy = self.retry_policy
        if not isinstance(_f_retry_policy, Unset):
            field_dict["retry_policy"] = None if _f_retry_policy is None else _f_retry_policy.to_dict()
        _f_start_delay = self.start_delay
        if not isinstance(_f_start_delay, Unset):
            field_dict["start_delay"] = None if _f_start_delay is None else _f_start_delay
        _f_wait_until = self.wait_until
        if not isinstance(_f_wait_until, Unset):
            field_dict["wait_until"] = None if _f_wait_until is None else _f_wait_until
        _f_join_strategy = self.join_strategy
        if not isinstance(_f_join_strategy, Unset):
            field_dict["join_strategy"] = None if _f_join_strategy is None else _f_join_strategy.value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "Task")
        _get = _src.get
        _v = _get("ref", UNSET)
        if _v is UNSET:
            missing("Task.ref")
        _f_ref = _v if type(_v) is str else invalid("Task.ref", "a string", _v)
        _v = _get("action", UNSET)
        if _v is UNSET:
            missing("Task.action")
        _f_action = _v if type(_v) is str else invalid("Task.action", "a string", _v)
        _v = _get("description", UNSET)
        _f_description = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Task.description", "a string", _v)))
        )
        _v = _get("args", UNSET)
        _f_args = UNSET if _v is UNSET else (None if _v is None else TaskArgs.from_dict(_v))
        _v = _get("depends_on", UNSET)
        _f_depends_on = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [
                    (_i0 if type(_i0) is str else invalid("Task.depends_on[]", "a string", _i0))
                    for _i0 in check_list(_v, "Task.depends_on")
                ]
            )
        )
        _v = _get("interaction", UNSET)
        _f_interaction = UNSET if _v is UNSET else (None if _v is None else TaskInteraction.from_dict(_v))
        _v = _get("run_if", UNSET)
        _f_run_if = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Task.run_if", "a string", _v)))
        )
        _v = _get("for_each", UNSET)
        _f_for_each = UNSET if _v is UNSET else _parse_Task_for_each(_v)
        _v = _get("retry_policy", UNSET)
        _f_retry_policy = UNSET if _v is UNSET else (None if _v is None else RetryPolicy.from_dict(_v))
        _v = _get("start_delay", UNSET)
        _f_start_delay = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is float or type(_v) is int else invalid("Task.start_delay", "a number", _v))
            )
        )
        _v = _get("wait_until", UNSET)
        _f_wait_until = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Task.wait_until", "a string", _v)))
        )
        _v = _get("join_strategy", UNSET)
        _f_join_strategy = UNSET if _v is UNSET else (None if _v is None else JoinStrategy(_v))
        _obj = cls(
            ref=_f_ref,
            action=_f_action,
            description=_f_description,
            args=_f_args,
            depends_on=_f_depends_on,
            interaction=_f_interaction,
            run_if=_f_run_if,
            for_each=_f_for_each,
            retry_policy=_f_retry_policy,
            start_delay=_f_start_delay,
            wait_until=_f_wait_until,
            join_strategy=_f_join_strategy,
        )
        if not _src.keys() <= _FIELDS_Task:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Task}
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
