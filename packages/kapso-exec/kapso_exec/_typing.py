"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: Error | None
    AuthenticationErrorParsed: Error | None
    BadRequestErrorParsed: Error | None
    ConflictErrorParsed: Error | None
    InternalServerErrorParsed: Error | None
    NotFoundErrorParsed: Error | None
    PermissionDeniedErrorParsed: Error | None
    RateLimitErrorParsed: Error | None
    UnprocessableEntityErrorParsed: Error | None
    PolledExecution: FlowExecutionResponse
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = models.Error | None

    AuthenticationErrorParsed: TypeAlias = models.Error | None

    BadRequestErrorParsed: TypeAlias = models.Error | None

    ConflictErrorParsed: TypeAlias = models.Error | None

    InternalServerErrorParsed: TypeAlias = models.Error | None

    NotFoundErrorParsed: TypeAlias = models.Error | None

    PermissionDeniedErrorParsed: TypeAlias = models.Error | None

    RateLimitErrorParsed: TypeAlias = models.Error | None

    UnprocessableEntityErrorParsed: TypeAlias = models.Error | None

    PolledExecution: TypeAlias = models.FlowExecutionResponse
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
