"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .execution_context import ExecutionContext
from .flow import Flow
from .flow_creator import FlowCreator
from .flow_execution import FlowExecution
from .flow_execution_accepted import FlowExecutionAccepted
from .flow_execution_list import FlowExecutionList
from .flow_execution_response import FlowExecutionResponse
from .flow_execution_status import FlowExecutionStatus
from .flow_status import FlowStatus
from .flow_step import FlowStep
from .flow_variables import FlowVariables
from .list_executions_qstatus_eq import ListExecutionsQstatusEq
from .resume_execution_body import ResumeExecutionBody
from .resume_execution_body_message import ResumeExecutionBodyMessage
from .resume_execution_response_422 import ResumeExecutionResponse422
from .start_execution_body import StartExecutionBody
from .start_execution_body_context import StartExecutionBodyContext
from .start_execution_body_initial_data import StartExecutionBodyInitialData
from .start_execution_body_variables import StartExecutionBodyVariables
from .start_execution_response_422 import StartExecutionResponse422

__all__ = (
    "Error",
    "ExecutionContext",
    "Flow",
    "FlowCreator",
    "FlowExecution",
    "FlowExecutionAccepted",
    "FlowExecutionList",
    "FlowExecutionResponse",
    "FlowExecutionStatus",
    "FlowStatus",
    "FlowStep",
    "FlowVariables",
    "ListExecutionsQstatusEq",
    "ResumeExecutionBody",
    "ResumeExecutionBodyMessage",
    "ResumeExecutionResponse422",
    "StartExecutionBody",
    "StartExecutionBodyContext",
    "StartExecutionBodyInitialData",
    "StartExecutionBodyVariables",
    "StartExecutionResponse422",
)
