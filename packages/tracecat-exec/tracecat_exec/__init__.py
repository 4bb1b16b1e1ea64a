"""A client library for accessing Tracecat API

The client, every error, the result types and the models are importable from here:
`from tracecat_exec import AuthenticatedClient, NotFoundError`."""

from __future__ import annotations

import importlib

from ._vendor import __version__

# Not `from typing import TYPE_CHECKING`: loading `typing` alone would double the import time
# of this module. Type checkers take any `TYPE_CHECKING` as true.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from . import errors as errors
    from .client import AuthenticatedClient as AuthenticatedClient
    from .errors import APIConnectionError as APIConnectionError
    from .errors import APIError as APIError
    from .errors import APIResponseValidationError as APIResponseValidationError
    from .errors import APIStatusError as APIStatusError
    from .errors import APITimeoutError as APITimeoutError
    from .errors import AuthenticationError as AuthenticationError
    from .errors import BadRequestError as BadRequestError
    from .errors import ConflictError as ConflictError
    from .errors import InternalServerError as InternalServerError
    from .errors import InvalidParameterError as InvalidParameterError
    from .errors import MissingConfigurationError as MissingConfigurationError
    from .errors import MissingCredentialError as MissingCredentialError
    from .errors import NotFoundError as NotFoundError
    from .errors import PaginationError as PaginationError
    from .errors import PermissionDeniedError as PermissionDeniedError
    from .errors import RateLimitError as RateLimitError
    from .errors import UnexpectedStatus as UnexpectedStatus
    from .errors import UnprocessableEntityError as UnprocessableEntityError
    from .errors import WaitTimeoutError as WaitTimeoutError
    from .models import ActionInput as ActionInput
    from .models import AgentOutput as AgentOutput
    from .models import ApprovalRead as ApprovalRead
    from .models import ApprovalReadToolCallArgs as ApprovalReadToolCallArgs
    from .models import ApprovalStatus as ApprovalStatus
    from .models import AssistantMessage as AssistantMessage
    from .models import AssistantMessageError as AssistantMessageError
    from .models import AssistantMessageUsage as AssistantMessageUsage
    from .models import BooleanApprovalDecision as BooleanApprovalDecision
    from .models import BooleanApprovalDecisionMetadata as BooleanApprovalDecisionMetadata
    from .models import ChatMessage as ChatMessage
    from .models import ChatMessageCancelled as ChatMessageCancelled
    from .models import ChatMessageCompaction as ChatMessageCompaction
    from .models import CollectionObject as CollectionObject
    from .models import CollectionObjectElementKind as CollectionObjectElementKind
    from .models import DSLEnvironment as DSLEnvironment
    from .models import DSLEnvironmentVariables as DSLEnvironmentVariables
    from .models import DSLEnvironmentWorkflow as DSLEnvironmentWorkflow
    from .models import ErrorDetail as ErrorDetail
    from .models import EventFailure as EventFailure
    from .models import EventFailureCause as EventFailureCause
    from .models import EventGroup as EventGroup
    from .models import ExecutionContext as ExecutionContext
    from .models import ExecutionContextACTIONS as ExecutionContextACTIONS
    from .models import ExecutionContextSECRETS as ExecutionContextSECRETS
    from .models import ExecutionContextVar as ExecutionContextVar
    from .models import ExecutionContextVARS as ExecutionContextVARS
    from .models import ExecutionInteraction as ExecutionInteraction
    from .models import ExecutionInteractionRequestPayload as ExecutionInteractionRequestPayload
    from .models import ExecutionInteractionResponsePayload as ExecutionInteractionResponsePayload
    from .models import ExecutionType as ExecutionType
    from .models import ExternalObject as ExternalObject
    from .models import HTTPValidationError as HTTPValidationError
    from .models import InlineObject as InlineObject
    from .models import InteractionContext as InteractionContext
    from .models import InteractionStatus as InteractionStatus
    from .models import InteractionType as InteractionType
    from .models import JoinStrategy as JoinStrategy
    from .models import MessageKind as MessageKind
    from .models import ObjectRef as ObjectRef
    from .models import ObjectRefEncoding as ObjectRefEncoding
    from .models import RateLimitEvent as RateLimitEvent
    from .models import RateLimitInfo as RateLimitInfo
    from .models import RateLimitInfoOverageStatus as RateLimitInfoOverageStatus
    from .models import RateLimitInfoRateLimitType as RateLimitInfoRateLimitType
    from .models import RateLimitInfoRaw as RateLimitInfoRaw
    from .models import RateLimitInfoStatus as RateLimitInfoStatus
    from .models import RegistryLock as RegistryLock
    from .models import RegistryLockActions as RegistryLockActions
    from .models import RegistryLockOriginFingerprints as RegistryLockOriginFingerprints
    from .models import RegistryLockOrigins as RegistryLockOrigins
    from .models import ResultMessage as ResultMessage
    from .models import ResultMessageModelUsage as ResultMessageModelUsage
    from .models import ResultMessageUsage as ResultMessageUsage
    from .models import RetryPolicy as RetryPolicy
    from .models import Role as Role
    from .models import RoleServiceId as RoleServiceId
    from .models import RoleType as RoleType
    from .models import RunContext as RunContext
    from .models import RunUsage as RunUsage
    from .models import ScopeError as ScopeError
    from .models import ScopeErrorInfo as ScopeErrorInfo
    from .models import SearchExecutionsStatusItem as SearchExecutionsStatusItem
    from .models import ServerError as ServerError
    from .models import SessionAny as SessionAny
    from .models import SpecialUserID as SpecialUserID
    from .models import StreamEvent as StreamEvent
    from .models import StreamEventEvent as StreamEventEvent
    from .models import SystemMessage as SystemMessage
    from .models import SystemMessageData as SystemMessageData
    from .models import Task as Task
    from .models import TaskArgs as TaskArgs
    from .models import TaskInteraction as TaskInteraction
    from .models import TaskResult as TaskResult
    from .models import TextBlock as TextBlock
    from .models import ThinkingBlock as ThinkingBlock
    from .models import ToolApprovedDecision as ToolApprovedDecision
    from .models import ToolApprovedDecisionMetadata as ToolApprovedDecisionMetadata
    from .models import ToolApprovedDecisionOverrideArgs as ToolApprovedDecisionOverrideArgs
    from .models import ToolDeniedDecision as ToolDeniedDecision
    from .models import ToolDeniedDecisionMetadata as ToolDeniedDecisionMetadata
    from .models import ToolResultBlock as ToolResultBlock
    from .models import ToolResultBlockContentOption2Item as ToolResultBlockContentOption2Item
    from .models import ToolUseBlock as ToolUseBlock
    from .models import ToolUseBlockInput as ToolUseBlockInput
    from .models import TriggerType as TriggerType
    from .models import UnknownVariant as UnknownVariant
    from .models import UserMessage as UserMessage
    from .models import UserMessageToolUseResult as UserMessageToolUseResult
    from .models import ValidationError as ValidationError
    from .models import ValidationErrorCtx as ValidationErrorCtx
    from .models import WaitStrategy as WaitStrategy
    from .models import WorkflowEventType as WorkflowEventType
    from .models import WorkflowExecution as WorkflowExecution
    from .models import WorkflowExecutionCompact as WorkflowExecutionCompact
    from .models import WorkflowExecutionCompactStatus as WorkflowExecutionCompactStatus
    from .models import WorkflowExecutionCreate as WorkflowExecutionCreate
    from .models import WorkflowExecutionCreateResponse as WorkflowExecutionCreateResponse
    from .models import WorkflowExecutionEvent as WorkflowExecutionEvent
    from .models import WorkflowExecutionEventCompact as WorkflowExecutionEventCompact
    from .models import WorkflowExecutionEventStatus as WorkflowExecutionEventStatus
    from .models import WorkflowExecutionPage as WorkflowExecutionPage
    from .models import WorkflowExecutionRelationFilter as WorkflowExecutionRelationFilter
    from .models import WorkflowExecutionStatus as WorkflowExecutionStatus
    from .models import WorkflowExecutionStatusFilterMode as WorkflowExecutionStatusFilterMode
    from .models import WorkflowExecutionSummary as WorkflowExecutionSummary
    from .models import WorkflowExecutionSummaryStatus as WorkflowExecutionSummaryStatus
    from .models import WorkflowExecutionTerminate as WorkflowExecutionTerminate
    from .types import APIResponse as APIResponse
    from .wait import TerminalStatuses as TerminalStatuses
    from .wait import WaitOutcome as WaitOutcome
    from .wait import WaitResult as WaitResult
    from .wait import wait_for_execution as wait_for_execution
    from .wait import wait_for_execution_async as wait_for_execution_async
    from .wait import wait_for_executions as wait_for_executions
    from .wait import wait_for_executions_async as wait_for_executions_async

# Where each name is defined; loaded on first use, so that `import tracecat_exec` does not
# load the HTTP client, the errors or the models until one of them is needed.
_EXPORTS: dict[str, str] = {
    "AuthenticatedClient": "client",
    "APIConnectionError": "errors",
    "APIError": "errors",
    "APIResponseValidationError": "errors",
    "APIStatusError": "errors",
    "APITimeoutError": "errors",
    "AuthenticationError": "errors",
    "BadRequestError": "errors",
    "ConflictError": "errors",
    "InternalServerError": "errors",
    "InvalidParameterError": "errors",
    "MissingConfigurationError": "errors",
    "MissingCredentialError": "errors",
    "NotFoundError": "errors",
    "PaginationError": "errors",
    "PermissionDeniedError": "errors",
    "RateLimitError": "errors",
    "UnexpectedStatus": "errors",
    "UnprocessableEntityError": "errors",
    "WaitTimeoutError": "errors",
    "APIResponse": "types",
    "TerminalStatuses": "wait",
    "WaitOutcome": "wait",
    "WaitResult": "wait",
    "wait_for_execution": "wait",
    "wait_for_execution_async": "wait",
    "wait_for_executions": "wait",
    "wait_for_executions_async": "wait",
    "ActionInput": "models",
    "AgentOutput": "models",
    "ApprovalRead": "models",
    "ApprovalReadToolCallArgs": "models",
    "ApprovalStatus": "models",
    "AssistantMessage": "models",
    "AssistantMessageError": "models",
    "AssistantMessageUsage": "models",
    "BooleanApprovalDecision": "models",
    "BooleanApprovalDecisionMetadata": "models",
    "ChatMessage": "models",
    "ChatMessageCancelled": "models",
    "ChatMessageCompaction": "models",
    "CollectionObject": "models",
    "CollectionObjectElementKind": "models",
    "DSLEnvironment": "models",
    "DSLEnvironmentVariables": "models",
    "DSLEnvironmentWorkflow": "models",
    "ErrorDetail": "models",
    "EventFailure": "models",
    "EventFailureCause": "models",
    "EventGroup": "models",
    "ExecutionContext": "models",
    "ExecutionContextACTIONS": "models",
    "ExecutionContextSECRETS": "models",
    "ExecutionContextVar": "models",
    "ExecutionContextVARS": "models",
    "ExecutionInteraction": "models",
    "ExecutionInteractionRequestPayload": "models",
    "ExecutionInteractionResponsePayload": "models",
    "ExecutionType": "models",
    "ExternalObject": "models",
    "HTTPValidationError": "models",
    "InlineObject": "models",
    "InteractionContext": "models",
    "InteractionStatus": "models",
    "InteractionType": "models",
    "JoinStrategy": "models",
    "MessageKind": "models",
    "ObjectRef": "models",
    "ObjectRefEncoding": "models",
    "RateLimitEvent": "models",
    "RateLimitInfo": "models",
    "RateLimitInfoOverageStatus": "models",
    "RateLimitInfoRateLimitType": "models",
    "RateLimitInfoRaw": "models",
    "RateLimitInfoStatus": "models",
    "RegistryLock": "models",
    "RegistryLockActions": "models",
    "RegistryLockOriginFingerprints": "models",
    "RegistryLockOrigins": "models",
    "ResultMessage": "models",
    "ResultMessageModelUsage": "models",
    "ResultMessageUsage": "models",
    "RetryPolicy": "models",
    "Role": "models",
    "RoleServiceId": "models",
    "RoleType": "models",
    "RunContext": "models",
    "RunUsage": "models",
    "ScopeError": "models",
    "ScopeErrorInfo": "models",
    "SearchExecutionsStatusItem": "models",
    "ServerError": "models",
    "SessionAny": "models",
    "SpecialUserID": "models",
    "StreamEvent": "models",
    "StreamEventEvent": "models",
    "SystemMessage": "models",
    "SystemMessageData": "models",
    "Task": "models",
    "TaskArgs": "models",
    "TaskInteraction": "models",
    "TaskResult": "models",
    "TextBlock": "models",
    "ThinkingBlock": "models",
    "ToolApprovedDecision": "models",
    "ToolApprovedDecisionMetadata": "models",
    "ToolApprovedDecisionOverrideArgs": "models",
    "ToolDeniedDecision": "models",
    "ToolDeniedDecisionMetadata": "models",
    "ToolResultBlock": "models",
    "ToolResultBlockContentOption2Item": "models",
    "ToolUseBlock": "models",
    "ToolUseBlockInput": "models",
    "TriggerType": "models",
    "UnknownVariant": "models",
    "UserMessage": "models",
    "UserMessageToolUseResult": "models",
    "ValidationError": "models",
    "ValidationErrorCtx": "models",
    "WaitStrategy": "models",
    "WorkflowEventType": "models",
    "WorkflowExecution": "models",
    "WorkflowExecutionCompact": "models",
    "WorkflowExecutionCompactStatus": "models",
    "WorkflowExecutionCreate": "models",
    "WorkflowExecutionCreateResponse": "models",
    "WorkflowExecutionEvent": "models",
    "WorkflowExecutionEventCompact": "models",
    "WorkflowExecutionEventStatus": "models",
    "WorkflowExecutionPage": "models",
    "WorkflowExecutionRelationFilter": "models",
    "WorkflowExecutionStatus": "models",
    "WorkflowExecutionStatusFilterMode": "models",
    "WorkflowExecutionSummary": "models",
    "WorkflowExecutionSummaryStatus": "models",
    "WorkflowExecutionTerminate": "models",
}
_SUBMODULES = frozenset({"api", "client", "errors", "models", "types", "wait"})

__all__ = [
    "__version__",
    "errors",
    "AuthenticatedClient",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingConfigurationError",
    "MissingCredentialError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "APIResponse",
    "TerminalStatuses",
    "WaitOutcome",
    "WaitResult",
    "wait_for_execution",
    "wait_for_execution_async",
    "wait_for_executions",
    "wait_for_executions_async",
    "ActionInput",
    "AgentOutput",
    "ApprovalRead",
    "ApprovalReadToolCallArgs",
    "ApprovalStatus",
    "AssistantMessage",
    "AssistantMessageError",
    "AssistantMessageUsage",
    "BooleanApprovalDecision",
    "BooleanApprovalDecisionMetadata",
    "ChatMessage",
    "ChatMessageCancelled",
    "ChatMessageCompaction",
    "CollectionObject",
    "CollectionObjectElementKind",
    "DSLEnvironment",
    "DSLEnvironmentVariables",
    "DSLEnvironmentWorkflow",
    "ErrorDetail",
    "EventFailure",
    "EventFailureCause",
    "EventGroup",
    "ExecutionContext",
    "ExecutionContextACTIONS",
    "ExecutionContextSECRETS",
    "ExecutionContextVar",
    "ExecutionContextVARS",
    "ExecutionInteraction",
    "ExecutionInteractionRequestPayload",
    "ExecutionInteractionResponsePayload",
    "ExecutionType",
    "ExternalObject",
    "HTTPValidationError",
    "InlineObject",
    "InteractionContext",
    "InteractionStatus",
    "InteractionType",
    "JoinStrategy",
    "MessageKind",
    "ObjectRef",
    "ObjectRefEncoding",
    "RateLimitEvent",
    "RateLimitInfo",
    "RateLimitInfoOverageStatus",
    "RateLimitInfoRateLimitType",
    "RateLimitInfoRaw",
    "RateLimitInfoStatus",
    "RegistryLock",
    "RegistryLockActions",
    "RegistryLockOriginFingerprints",
    "RegistryLockOrigins",
    "ResultMessage",
    "ResultMessageModelUsage",
    "ResultMessageUsage",
    "RetryPolicy",
    "Role",
    "RoleServiceId",
    "RoleType",
    "RunContext",
    "RunUsage",
    "ScopeError",
    "ScopeErrorInfo",
    "SearchExecutionsStatusItem",
    "ServerError",
    "SessionAny",
    "SpecialUserID",
    "StreamEvent",
    "StreamEventEvent",
    "SystemMessage",
    "SystemMessageData",
    "Task",
    "TaskArgs",
    "TaskInteraction",
    "TaskResult",
    "TextBlock",
    "ThinkingBlock",
    "ToolApprovedDecision",
    "ToolApprovedDecisionMetadata",
    "ToolApprovedDecisionOverrideArgs",
    "ToolDeniedDecision",
    "ToolDeniedDecisionMetadata",
    "ToolResultBlock",
    "ToolResultBlockContentOption2Item",
    "ToolUseBlock",
    "ToolUseBlockInput",
    "TriggerType",
    "UnknownVariant",
    "UserMessage",
    "UserMessageToolUseResult",
    "ValidationError",
    "ValidationErrorCtx",
    "WaitStrategy",
    "WorkflowEventType",
    "WorkflowExecution",
    "WorkflowExecutionCompact",
    "WorkflowExecutionCompactStatus",
    "WorkflowExecutionCreate",
    "WorkflowExecutionCreateResponse",
    "WorkflowExecutionEvent",
    "WorkflowExecutionEventCompact",
    "WorkflowExecutionEventStatus",
    "WorkflowExecutionPage",
    "WorkflowExecutionRelationFilter",
    "WorkflowExecutionStatus",
    "WorkflowExecutionStatusFilterMode",
    "WorkflowExecutionSummary",
    "WorkflowExecutionSummaryStatus",
    "WorkflowExecutionTerminate",
]

if not TYPE_CHECKING:  # the type checker reads the imports above; a __getattr__ would hide typos

    def __getattr__(name: str) -> object:
        if name in _SUBMODULES:
            return importlib.import_module(f"{__name__}.{name}")
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # found directly from now on
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
