"""Contains all the data models used in inputs/outputs"""

from .action_input import ActionInput
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
from .object_ref import ObjectRef
from .object_ref_encoding import ObjectRefEncoding
from .registry_lock import RegistryLock
from .registry_lock_actions import RegistryLockActions
from .registry_lock_origin_fingerprints import RegistryLockOriginFingerprints
from .registry_lock_origins import RegistryLockOrigins
from .retry_policy import RetryPolicy
from .role import Role
from .role_service_id import RoleServiceId
from .role_type import RoleType
from .run_context import RunContext
from .scope_error import ScopeError
from .scope_error_info import ScopeErrorInfo
from .server_error import ServerError
from .task import Task
from .task_args import TaskArgs
from .task_interaction import TaskInteraction
from .task_result import TaskResult
from .trigger_type import TriggerType
from .unknown_variant import UnknownVariant
from .validation_error import ValidationError
from .validation_error_ctx import ValidationErrorCtx
from .workflow_event_type import WorkflowEventType
from .workflow_execution import WorkflowExecution
from .workflow_execution_event import WorkflowExecutionEvent
from .workflow_execution_status import WorkflowExecutionStatus

__all__ = (
    "ActionInput",
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
    "ObjectRef",
    "ObjectRefEncoding",
    "RegistryLock",
    "RegistryLockActions",
    "RegistryLockOriginFingerprints",
    "RegistryLockOrigins",
    "RetryPolicy",
    "Role",
    "RoleServiceId",
    "RoleType",
    "RunContext",
    "ScopeError",
    "ScopeErrorInfo",
    "ServerError",
    "Task",
    "TaskArgs",
    "TaskInteraction",
    "TaskResult",
    "TriggerType",
    "UnknownVariant",
    "ValidationError",
    "ValidationErrorCtx",
    "WorkflowEventType",
    "WorkflowExecution",
    "WorkflowExecutionEvent",
    "WorkflowExecutionStatus",
)
