from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_HTTPValidationError: frozenset[str] = frozenset(
    {
        "detail",
    }
)


@_attrs_define
class HTTPValidationError:
    """422 body when the request fails validation (FastAPI).

    Attributes:
        detail (list[ValidationError] | None | Unset): The validation errors.
    """

    detail: list[ValidationError] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_detail = self.detail
        if not isinstance(_f_detail, Unset):
            field_dict["detail"] = None if _f_detail is None else [_i0.to_dict() for _i0 in _f_detail]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "HTTPValidationError")
        _get = _src.get
        _f_detail = _get("detail", UNSET)
        if _f_detail is not None and _f_detail is not UNSET:
            _f_detail = list(map(ValidationError.from_dict, check_objects(_f_detail, "HTTPValidationError.detail")))

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.detail = _f_detail
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_HTTPValidationError
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_HTTPValidationError}
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
from ..models.validation_error import ValidationError  # noqa: E402
