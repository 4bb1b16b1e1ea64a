"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: ServerError | ErrorDetail | ScopeError | HTTPValidationError | None
    AuthenticationErrorParsed: ErrorDetail | None
    BadRequestErrorParsed: ServerError | None
    ConflictErrorParsed: ServerError | ErrorDetail | ScopeError | HTTPValidationError | None
    InternalServerErrorParsed: ServerError | None
    NotFoundErrorParsed: ErrorDetail | None
    PermissionDeniedErrorParsed: ScopeError | None
    RateLimitErrorParsed: ServerError | ErrorDetail | ScopeError | HTTPValidationError | None
    UnprocessableEntityErrorParsed: HTTPValidationError | None
    PolledExecution: WorkflowExecution
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = (
        models.ServerError | models.ErrorDetail | models.ScopeError | models.HTTPValidationError | None
    )

    AuthenticationErrorParsed: TypeAlias = models.ErrorDetail | None

    BadRequestErrorParsed: TypeAlias = models.ServerError | None

    ConflictErrorParsed: TypeAlias = (
        models.ServerError | models.ErrorDetail | models.ScopeError | models.HTTPValidationError | None
    )

    InternalServerErrorParsed: TypeAlias = models.ServerError | None

    NotFoundErrorParsed: TypeAlias = models.ErrorDetail | None

    PermissionDeniedErrorParsed: TypeAlias = models.ScopeError | None

    RateLimitErrorParsed: TypeAlias = (
        models.ServerError | models.ErrorDetail | models.ScopeError | models.HTTPValidationError | None
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
