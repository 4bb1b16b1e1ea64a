"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: ErrorEnvelope | None
    AuthenticationErrorParsed: ErrorEnvelope | None
    BadRequestErrorParsed: ErrorEnvelope | None
    ConflictErrorParsed: ErrorEnvelope | None
    InternalServerErrorParsed: ErrorEnvelope | None
    NotFoundErrorParsed: ErrorEnvelope | None
    PermissionDeniedErrorParsed: ErrorEnvelope | None
    RateLimitErrorParsed: ErrorEnvelope | None
    UnprocessableEntityErrorParsed: ErrorEnvelope | None
    PolledExecution: ExecutionResponse
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = models.ErrorEnvelope | None

    AuthenticationErrorParsed: TypeAlias = models.ErrorEnvelope | None

    BadRequestErrorParsed: TypeAlias = models.ErrorEnvelope | None

    ConflictErrorParsed: TypeAlias = models.ErrorEnvelope | None

    InternalServerErrorParsed: TypeAlias = models.ErrorEnvelope | None

    NotFoundErrorParsed: TypeAlias = models.ErrorEnvelope | None

    PermissionDeniedErrorParsed: TypeAlias = models.ErrorEnvelope | None

    RateLimitErrorParsed: TypeAlias = models.ErrorEnvelope | None

    UnprocessableEntityErrorParsed: TypeAlias = models.ErrorEnvelope | None

    PolledExecution: TypeAlias = models.ExecutionResponse
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
