"""A client library for accessing Kapso External API

The client, every error, the result types and the models are importable from here:
`from kapso_exec import AuthenticatedClient, NotFoundError`."""

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
    from .models import Error as Error
    from .models import ExecutionContext as ExecutionContext
    from .models import Flow as Flow
    from .models import FlowCreator as FlowCreator
    from .models import FlowExecution as FlowExecution
    from .models import FlowExecutionAccepted as FlowExecutionAccepted
    from .models import FlowExecutionList as FlowExecutionList
    from .models import FlowExecutionResponse as FlowExecutionResponse
    from .models import FlowExecutionStatus as FlowExecutionStatus
    from .models import FlowStatus as FlowStatus
    from .models import FlowStep as FlowStep
    from .models import FlowVariables as FlowVariables
    from .models import ListExecutionsQstatusEq as ListExecutionsQstatusEq
    from .models import ResumeExecutionBody as ResumeExecutionBody
    from .models import ResumeExecutionBodyMessage as ResumeExecutionBodyMessage
    from .models import ResumeExecutionResponse422 as ResumeExecutionResponse422
    from .models import StartExecutionBody as StartExecutionBody
    from .models import StartExecutionBodyContext as StartExecutionBodyContext
    from .models import StartExecutionBodyInitialData as StartExecutionBodyInitialData
    from .models import StartExecutionBodyVariables as StartExecutionBodyVariables
    from .models import StartExecutionResponse422 as StartExecutionResponse422
    from .types import APIResponse as APIResponse
    from .wait import TerminalStatuses as TerminalStatuses
    from .wait import WaitOutcome as WaitOutcome
    from .wait import WaitResult as WaitResult
    from .wait import wait_for_execution as wait_for_execution
    from .wait import wait_for_execution_async as wait_for_execution_async
    from .wait import wait_for_executions as wait_for_executions
    from .wait import wait_for_executions_async as wait_for_executions_async

# Where each name is defined; loaded on first use, so that `import kapso_exec` does not
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
    "Error": "models",
    "ExecutionContext": "models",
    "Flow": "models",
    "FlowCreator": "models",
    "FlowExecution": "models",
    "FlowExecutionAccepted": "models",
    "FlowExecutionList": "models",
    "FlowExecutionResponse": "models",
    "FlowExecutionStatus": "models",
    "FlowStatus": "models",
    "FlowStep": "models",
    "FlowVariables": "models",
    "ListExecutionsQstatusEq": "models",
    "ResumeExecutionBody": "models",
    "ResumeExecutionBodyMessage": "models",
    "ResumeExecutionResponse422": "models",
    "StartExecutionBody": "models",
    "StartExecutionBodyContext": "models",
    "StartExecutionBodyInitialData": "models",
    "StartExecutionBodyVariables": "models",
    "StartExecutionResponse422": "models",
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
