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

_new_object = object.__new__

_FIELDS_ActionInput: frozenset[str] = frozenset(
    {
        "task",
        "exec_context",
        "run_context",
        "interaction_context",
    }
)


@_attrs_define
class ActionInput:
    """The input of the action an event group belongs to. Usually the run-action input (`task`, `exec_context`,
    `run_context`, `interaction_context`), but for child-workflow and other events it is a different object (e.g.
    `{role, wf_id, dsl, trigger_inputs, ...}`, `{message, detail}` or `{error: "unreadable_temporal_payload", ...}`).
    All four properties are therefore optional and every other key is kept as an additional property, so these other
    shapes parse too.

        Attributes:
            task (None | Task | Unset): The task (action statement) being run; present for run-action input.
            exec_context (ExecutionContext | None | Unset): The execution context (results of earlier actions etc.); present
                for run-action input.
            run_context (None | RunContext | Unset): The workflow run context; present for run-action input.
            interaction_context (InteractionContext | None | Unset): The interaction context when the action is interactive;
                may be omitted or null.
    """

    task: None | Task | Unset = UNSET
    exec_context: ExecutionContext | None | Unset = UNSET
    run_context: None | RunContext | Unset = UNSET
    interaction_context: InteractionContext | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_task = self.task
        if not isinstance(_f_task, Unset):
            field_dict["task"] = None if _f_task is None else _f_task.to_dict()
        _f_exec_context = self.exec_context
        if not isinstance(_f_exec_context, Unset):
            field_dict["exec_context"] = None if _f_exec_context is None else _f_exec_context.to_dict()
        _f_run_context = self.run_context
        if not isinstance(_f_run_context, Unset):
            field_dict["run_context"] = None if _f_run_context is None else _f_run_context.to_dict()
        _f_interaction_context = self.interaction_context
        if not isinstance(_f_interaction_context, Unset):
            field_dict["interaction_context"] = (
                None if _f_interaction_context is None else _f_interaction_context.to_dict()
            )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ActionInput")
        _get = _src.get
        _f_task = _get("task", UNSET)
        if _f_task is not None and _f_task is not UNSET:
            _f_task = (
                Task.from_dict(_f_task) if type(_f_task) is dict else invalid("ActionInput.task", "an object", _f_task)
            )

        _f_exec_context = _get("exec_context", UNSET)
        if _f_exec_context is not None and _f_exec_context is not UNSET:
            _f_exec_context = (
                ExecutionContext.from_dict(_f_exec_context)
                if type(_f_exec_context) is dict
                else invalid("ActionInput.exec_context", "an object", _f_exec_context)
            )

        _f_run_context = _get("run_context", UNSET)
        if _f_run_context is not None and _f_run_context is not UNSET:
            _f_run_context = (
                RunContext.from_dict(_f_run_context)
                if type(_f_run_context) is dict
                else invalid("ActionInput.run_context", "an object", _f_run_context)
            )

        _f_interaction_context = _get("interaction_context", UNSET)
        if _f_interaction_context is not None and _f_interaction_context is not UNSET:
            _f_interaction_context = (
                InteractionContext.from_dict(_f_interaction_context)
                if type(_f_interaction_context) is dict
                else invalid("ActionInput.interaction_context", "an object", _f_interaction_context)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.task = _f_task
        _obj.exec_context = _f_exec_context
        _obj.run_context = _f_run_context
        _obj.interaction_context = _f_interaction_context
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ActionInput
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ActionInput}
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
from ..models.execution_context import ExecutionContext  # noqa: E402
from ..models.interaction_context import InteractionContext  # noqa: E402
from ..models.run_context import RunContext  # noqa: E402
from ..models.task import Task  # noqa: E402
