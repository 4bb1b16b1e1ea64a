"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
    AuthenticationErrorParsed: ErrorDetail | None
    BadRequestErrorParsed: ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
    ConflictErrorParsed: ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
    InternalServerErrorParsed: ServerError | None
    NotFoundErrorParsed: ErrorDetail | None
    PermissionDeniedErrorParsed: ScopeError | None
    RateLimitErrorParsed: ErrorDetail | ScopeError | HTTPValidationError | ServerError | None
    UnprocessableEntityErrorParsed: HTTPValidationError | None
    PolledExecution: WorkflowExecution
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = (
        models.ErrorDetail | models.ScopeError | models.HTTPValidationError | models.ServerError | None
    )

    AuthenticationErrorParsed: TypeAlias = models.ErrorDetail | None

    BadRequestErrorParsed: TypeAlias = (
        models.ErrorDetail | models.ScopeError | models.HTTPValidationError | models.ServerError | None
    )

    ConflictErrorParsed: TypeAlias = (
        models.ErrorDetail | models.ScopeError | models.HTTPValidationError | models.ServerError | None
    )

    InternalServerErrorParsed: TypeAlias = models.ServerError | None

    NotFoundErrorParsed: TypeAlias = models.ErrorDetail | None

    PermissionDeniedErrorParsed: TypeAlias = models.ScopeError | None

    RateLimitErrorParsed: TypeAlias = (
        models.ErrorDetail | models.ScopeError | models.HTTPValidationError | models.ServerError | None
    )

    UnprocessableEntityErrorParsed: TypeAlias = models.HTTPValidationError | None

    PolledExecution: TypeAlias = models.WorkflowExecution
else:
    APIStatusErrorParsed = Any

    AuthenticationErrorParsed = Any

    BadRequestErrorParsed = Any

    ConflictErrorParsed = Any

    InternalServerErrorParsed = Any

    NotFoundErrorParsed = Any

    PermissionDeniedErrorParsed = Any

    RateLimitErrorParsed = Any

    UnprocessableEntityErrorParsed = Any

    PolledExecution = Any
