"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .execution_context import ExecutionContext
from .flow import Flow
from .flow_creator import FlowCreator
from .flow_execution import FlowExecution
from .flow_execution_response import FlowExecutionResponse
from .flow_execution_status import FlowExecutionStatus
from .flow_status import FlowStatus
from .flow_step import FlowStep
from .flow_variables import FlowVariables

__all__ = (
    "Error",
    "ExecutionContext",
    "Flow",
    "FlowCreator",
    "FlowExecution",
    "FlowExecutionResponse",
    "FlowExecutionStatus",
    "FlowStatus",
    "FlowStep",
    "FlowVariables",
)
