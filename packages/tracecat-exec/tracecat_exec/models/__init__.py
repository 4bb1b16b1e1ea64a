"""Contains all the data models used in inputs/outputs"""

from .action_input import ActionInput
from .agent_output import AgentOutput
from .approval_read import ApprovalRead
from .approval_read_tool_call_args import ApprovalReadToolCallArgs
from .approval_status import ApprovalStatus
from .assistant_message import AssistantMessage
from .assistant_message_error import AssistantMessageError
from .assistant_message_usage import AssistantMessageUsage
from .boolean_approval_decision import BooleanApprovalDecision
from .boolean_approval_decision_metadata import BooleanApprovalDecisionMetadata
from .chat_message import ChatMessage
from .chat_message_cancelled import ChatMessageCancelled
from .chat_message_compaction import ChatMessageCompaction
from .collection_object import CollectionObject
from .collection_object_element_kind import CollectionObjectElementKind
from .dsl_environment import DSLEnvironment
from .dsl_environment_variables import DSLEnvironmentVariables
from .dsl_environment_workflow import DSLEnvironmentWorkflow
from .error_detail import ErrorDetail
from .event_failure import EventFailure
from .event_failure_cause import EventFailureCause
from .event_group import EventGroup
from .execution_context import ExecutionContext
from .execution_context_actions import ExecutionContextACTIONS
from .execution_context_secrets import ExecutionContextSECRETS
from .execution_context_var import ExecutionContextVar
from .execution_context_vars import ExecutionContextVARS
from .execution_interaction import ExecutionInteraction
from .execution_interaction_request_payload import ExecutionInteractionRequestPayload
from .execution_interaction_response_payload import ExecutionInteractionResponsePayload
from .execution_type import ExecutionType
from .external_object import ExternalObject
from .http_validation_error import HTTPValidationError
from .inline_object import InlineObject
from .interaction_context import InteractionContext
from .interaction_status import InteractionStatus
from .interaction_type import InteractionType
from .join_strategy import JoinStrategy
from .message_kind import MessageKind
from .object_ref import ObjectRef
from .object_ref_encoding import ObjectRefEncoding
from .rate_limit_event import RateLimitEvent
from .rate_limit_info import RateLimitInfo
from .rate_limit_info_overage_status import RateLimitInfoOverageStatus
from .rate_limit_info_rate_limit_type import RateLimitInfoRateLimitType
from .rate_limit_info_raw import RateLimitInfoRaw
from .rate_limit_info_status import RateLimitInfoStatus
from .registry_lock import RegistryLock
from .registry_lock_actions import RegistryLockActions
from .registry_lock_origin_fingerprints import RegistryLockOriginFingerprints
from .registry_lock_origins import RegistryLockOrigins
from .result_message import ResultMessage
from .result_message_model_usage import ResultMessageModelUsage
from .result_message_usage import ResultMessageUsage
from .retry_policy import RetryPolicy
from .role import Role
from .role_service_id import RoleServiceId
from .role_type import RoleType
from .run_context import RunContext
from .run_usage import RunUsage
from .scope_error import ScopeError
from .scope_error_info import ScopeErrorInfo
from .search_executions_status_item import SearchExecutionsStatusItem
from .server_error import ServerError
from .session_any import SessionAny
from .special_user_id import SpecialUserID
from .stream_event import StreamEvent
from .stream_event_event import StreamEventEvent
from .system_message import SystemMessage
from .system_message_data import SystemMessageData
from .task import Task
from .task_args import TaskArgs
from .task_interaction import TaskInteraction
from .task_result import TaskResult
from .text_block import TextBlock
from .thinking_block import ThinkingBlock
from .tool_approved_decision import ToolApprovedDecision
from .tool_approved_decision_metadata import ToolApprovedDecisionMetadata
from .tool_approved_decision_override_args import ToolApprovedDecisionOverrideArgs
from .tool_denied_decision import ToolDeniedDecision
from .tool_denied_decision_metadata import ToolDeniedDecisionMetadata
from .tool_result_block import ToolResultBlock
from .tool_result_block_content_option_2_item import ToolResultBlockContentOption2Item
from .tool_use_block import ToolUseBlock
from .tool_use_block_input import ToolUseBlockInput
from .trigger_type import TriggerType
from .unknown_variant import UnknownVariant
from .user_message import UserMessage
from .user_message_tool_use_result import UserMessageToolUseResult
from .validation_error import ValidationError
from .validation_error_ctx import ValidationErrorCtx
from .wait_strategy import WaitStrategy
from .workflow_event_type import WorkflowEventType
from .workflow_execution import WorkflowExecution
from .workflow_execution_compact import WorkflowExecutionCompact
from .workflow_execution_compact_status import WorkflowExecutionCompactStatus
from .workflow_execution_create import WorkflowExecutionCreate
from .workflow_execution_create_response import WorkflowExecutionCreateResponse
from .workflow_execution_event import WorkflowExecutionEvent
from .workflow_execution_event_compact import WorkflowExecutionEventCompact
from .workflow_execution_event_status import WorkflowExecutionEventStatus
from .workflow_execution_page import WorkflowExecutionPage
from .workflow_execution_relation_filter import WorkflowExecutionRelationFilter
from .workflow_execution_status import WorkflowExecutionStatus
from .workflow_execution_status_filter_mode import WorkflowExecutionStatusFilterMode
from .workflow_execution_summary import WorkflowExecutionSummary
from .workflow_execution_summary_status import WorkflowExecutionSummaryStatus
from .workflow_execution_terminate import WorkflowExecutionTerminate

__all__ = (
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
)
