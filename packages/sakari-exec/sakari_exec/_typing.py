"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: ErrorResponse | None
    AuthenticationErrorParsed: ErrorResponse | None
    BadRequestErrorParsed: ErrorResponse | None
    ConflictErrorParsed: ErrorResponse | None
    InternalServerErrorParsed: ErrorResponse | None
    NotFoundErrorParsed: ErrorResponse | None
    PermissionDeniedErrorParsed: ErrorResponse | None
    RateLimitErrorParsed: ErrorResponse | None
    UnprocessableEntityErrorParsed: ErrorResponse | None
    PolledExecution: WorkflowExecutionResponse
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = models.ErrorResponse | None

    AuthenticationErrorParsed: TypeAlias = models.ErrorResponse | None

    BadRequestErrorParsed: TypeAlias = models.ErrorResponse | None

    ConflictErrorParsed: TypeAlias = models.ErrorResponse | None

    InternalServerErrorParsed: TypeAlias = models.ErrorResponse | None

    NotFoundErrorParsed: TypeAlias = models.ErrorResponse | None

    PermissionDeniedErrorParsed: TypeAlias = models.ErrorResponse | None

    RateLimitErrorParsed: TypeAlias = models.ErrorResponse | None

    UnprocessableEntityErrorParsed: TypeAlias = models.ErrorResponse | None

    PolledExecution: TypeAlias = models.WorkflowExecutionResponse
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
