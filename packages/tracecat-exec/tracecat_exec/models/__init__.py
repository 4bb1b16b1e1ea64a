"""Contains all the data models used in inputs/outputs"""

from .access_level import AccessLevel
from .action_input import ActionInput
from .error_detail import ErrorDetail
from .event_failure import EventFailure
from .event_group import EventGroup
from .execution_context import ExecutionContext
from .execution_interaction import ExecutionInteraction
from .execution_type import ExecutionType
from .failure_cause import FailureCause
from .http_validation_error import HTTPValidationError
from .interaction_context import InteractionContext
from .interaction_states import InteractionStates
from .join_strategy import JoinStrategy
from .retry_policy import RetryPolicy
from .role import Role
from .role_type import RoleType
from .run_context import RunContext
from .scope_error import ScopeError
from .scope_error_info import ScopeErrorInfo
from .server_error import ServerError
from .service_id import ServiceId
from .task import Task
from .task_args import TaskArgs
from .task_interaction import TaskInteraction
from .trigger_type import TriggerType
from .validation_error import ValidationError
from .workflow_event_type import WorkflowEventType
from .workflow_execution import WorkflowExecution
from .workflow_execution_event import WorkflowExecutionEvent
from .workflow_execution_status import WorkflowExecutionStatus

__all__ = (
    "AccessLevel",
    "ActionInput",
    "ErrorDetail",
    "EventFailure",
    "EventGroup",
    "ExecutionContext",
    "ExecutionInteraction",
    "ExecutionType",
    "FailureCause",
    "HTTPValidationError",
    "InteractionContext",
    "InteractionStates",
    "JoinStrategy",
    "RetryPolicy",
    "Role",
    "RoleType",
    "RunContext",
    "ScopeError",
    "ScopeErrorInfo",
    "ServerError",
    "ServiceId",
    "Task",
    "TaskArgs",
    "TaskInteraction",
    "TriggerType",
    "ValidationError",
    "WorkflowEventType",
    "WorkflowExecution",
    "WorkflowExecutionEvent",
    "WorkflowExecutionStatus",
)
