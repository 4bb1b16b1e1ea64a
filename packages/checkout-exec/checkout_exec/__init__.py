"""A client library for accessing B3OS API

The client, every error, the result types and the models are importable from here:
`from checkout_exec import AuthenticatedClient, NotFoundError`."""

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
    from .models import ClientSafeMetadata as ClientSafeMetadata
    from .models import CreatedExecution as CreatedExecution
    from .models import CreateExecutionParams as CreateExecutionParams
    from .models import CreateExecutionResponse as CreateExecutionResponse
    from .models import ErrorEnvelope as ErrorEnvelope
    from .models import EventData as EventData
    from .models import Execution as Execution
    from .models import ExecutionDetails as ExecutionDetails
    from .models import ExecutionEvent as ExecutionEvent
    from .models import ExecutionEventsResponse as ExecutionEventsResponse
    from .models import ExecutionListResponse as ExecutionListResponse
    from .models import ExecutionPage as ExecutionPage
    from .models import ExecutionResponse as ExecutionResponse
    from .models import ExecutionStatus as ExecutionStatus
    from .models import RequestPayload as RequestPayload
    from .models import ResponsePayload as ResponsePayload
    from .types import APIResponse as APIResponse
    from .wait import TerminalStatuses as TerminalStatuses
    from .wait import WaitOutcome as WaitOutcome
    from .wait import WaitResult as WaitResult
    from .wait import wait_for_execution as wait_for_execution
    from .wait import wait_for_execution_async as wait_for_execution_async
    from .wait import wait_for_executions as wait_for_executions
    from .wait import wait_for_executions_async as wait_for_executions_async

# Where each name is defined; loaded on first use, so that `import checkout_exec` does not
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
    "ClientSafeMetadata": "models",
    "CreatedExecution": "models",
    "CreateExecutionParams": "models",
    "CreateExecutionResponse": "models",
    "ErrorEnvelope": "models",
    "EventData": "models",
    "Execution": "models",
    "ExecutionDetails": "models",
    "ExecutionEvent": "models",
    "ExecutionEventsResponse": "models",
    "ExecutionListResponse": "models",
    "ExecutionPage": "models",
    "ExecutionResponse": "models",
    "ExecutionStatus": "models",
    "RequestPayload": "models",
    "ResponsePayload": "models",
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
