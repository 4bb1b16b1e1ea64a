"""Contains all the data models used in inputs/outputs"""

from .edge_count_condition import EdgeCountCondition
from .edge_type import EdgeType
from .edge_validation import EdgeValidation
from .edge_validation_type import EdgeValidationType
from .edge_validation_value import EdgeValidationValue
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .execution_step import ExecutionStep
from .node_context import NodeContext
from .node_output import NodeOutput
from .node_property import NodeProperty
from .node_type import NodeType
from .node_validation import NodeValidation
from .output_data_type import OutputDataType
from .pagination import Pagination
from .property_condition import PropertyCondition
from .property_option import PropertyOption
from .property_type import PropertyType
from .workflow_edge import WorkflowEdge
from .workflow_execution import WorkflowExecution
from .workflow_execution_list import WorkflowExecutionList
from .workflow_execution_response import WorkflowExecutionResponse
from .workflow_execution_status import WorkflowExecutionStatus
from .workflow_node import WorkflowNode
from .workflow_version import WorkflowVersion

__all__ = (
    "EdgeCountCondition",
    "EdgeType",
    "EdgeValidation",
    "EdgeValidationType",
    "EdgeValidationValue",
    "ErrorDetail",
    "ErrorResponse",
    "ExecutionStep",
    "NodeContext",
    "NodeOutput",
    "NodeProperty",
    "NodeType",
    "NodeValidation",
    "OutputDataType",
    "Pagination",
    "PropertyCondition",
    "PropertyOption",
    "PropertyType",
    "WorkflowEdge",
    "WorkflowExecution",
    "WorkflowExecutionList",
    "WorkflowExecutionResponse",
    "WorkflowExecutionStatus",
    "WorkflowNode",
    "WorkflowVersion",
)
