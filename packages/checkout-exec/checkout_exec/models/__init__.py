"""Contains all the data models used in inputs/outputs"""

from .client_safe_metadata import ClientSafeMetadata
from .error_envelope import ErrorEnvelope
from .event_data import EventData
from .execution import Execution
from .execution_details import ExecutionDetails
from .execution_event import ExecutionEvent
from .execution_response import ExecutionResponse
from .execution_status import ExecutionStatus
from .request_payload import RequestPayload
from .response_payload import ResponsePayload

__all__ = (
    "ClientSafeMetadata",
    "ErrorEnvelope",
    "EventData",
    "Execution",
    "ExecutionDetails",
    "ExecutionEvent",
    "ExecutionResponse",
    "ExecutionStatus",
    "RequestPayload",
    "ResponsePayload",
)
