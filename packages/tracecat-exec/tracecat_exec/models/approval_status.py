from enum import StrEnum
from typing import Any, ClassVar, Self


class ApprovalStatus(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"

    # Known values to members: a dict lookup is ~10x cheaper than calling the class.
    _by_value: ClassVar[dict[Any, Self]]

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


ApprovalStatus._by_value = {member.value: member for member in ApprovalStatus}
