"""Contains all the data models used in inputs/outputs"""

from .client_safe_metadata import ClientSafeMetadata
from .create_execution_params import CreateExecutionParams
from .create_execution_response import CreateExecutionResponse
from .created_execution import CreatedExecution
from .error_envelope import ErrorEnvelope
from .event_data import EventData
from .execution import Execution
from .execution_details import ExecutionDetails
from .execution_event import ExecutionEvent
from .execution_events_response import ExecutionEventsResponse
from .execution_list_response import ExecutionListResponse
from .execution_page import ExecutionPage
from .execution_response import ExecutionResponse
from .execution_status import ExecutionStatus
from .request_payload import RequestPayload
from .response_payload import ResponsePayload

__all__ = (
    "ClientSafeMetadata",
    "CreatedExecution",
    "CreateExecutionParams",
    "CreateExecutionResponse",
    "ErrorEnvelope",
    "EventData",
    "Execution",
    "ExecutionDetails",
    "ExecutionEvent",
    "ExecutionEventsResponse",
    "ExecutionListResponse",
    "ExecutionPage",
    "ExecutionResponse",
    "ExecutionStatus",
    "RequestPayload",
    "ResponsePayload",
)
