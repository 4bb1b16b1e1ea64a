from enum import StrEnum
from typing import Any, ClassVar, Self


class RoleServiceId(StrEnum):
    TRACECAT_AGENT_EXECUTOR = "tracecat-agent-executor"
    TRACECAT_API = "tracecat-api"
    TRACECAT_BOOTSTRAP = "tracecat-bootstrap"
    TRACECAT_CASE_DURATION_SYNC = "tracecat-case-duration-sync"
    TRACECAT_CASE_TRIGGERS = "tracecat-case-triggers"
    TRACECAT_CLI = "tracecat-cli"
    TRACECAT_EXECUTOR = "tracecat-executor"
    TRACECAT_LLM_GATEWAY = "tracecat-llm-gateway"
    TRACECAT_MCP = "tracecat-mcp"
    TRACECAT_RUNNER = "tracecat-runner"
    TRACECAT_SCHEDULE_RUNNER = "tracecat-schedule-runner"
    TRACECAT_SERVICE = "tracecat-service"
    TRACECAT_UI = "tracecat-ui"

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


RoleServiceId._by_value = {member.value: member for member in RoleServiceId}
