from enum import StrEnum
from typing import Self


class EdgeType(StrEnum):
    STANDARD = "standard"

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        # Servers add values over time: keep the value instead of failing.
        if type(value) is not str:
            return None
        member = str.__new__(cls, value)
        member._name_ = f"UNKNOWN({value!r})"
        member._value_ = value
        return member

    @property
    def is_unknown(self) -> bool:
        """True for a value this SDK version's spec does not list."""
        return self._value_ not in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
