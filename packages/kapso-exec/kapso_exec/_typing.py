"""Types read from the spec, for the type checker: the error models each status error carries
and the polled execution's model. `errors.py` is the same in every package and annotates with
these names; at run time they are `Any`, so importing the errors never imports the models.
For this spec:

    APIStatusErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    AuthenticationErrorParsed: Error | None
    BadRequestErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    ConflictErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    InternalServerErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    NotFoundErrorParsed: Error | None
    PermissionDeniedErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    RateLimitErrorParsed: Error | StartExecutionResponse422 | ResumeExecutionResponse422 | None
    UnprocessableEntityErrorParsed: StartExecutionResponse422 | ResumeExecutionResponse422 | None
    PolledExecution: FlowExecutionResponse
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from . import models

    APIStatusErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    AuthenticationErrorParsed: TypeAlias = models.Error | None

    BadRequestErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    ConflictErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    InternalServerErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    NotFoundErrorParsed: TypeAlias = models.Error | None

    PermissionDeniedErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    RateLimitErrorParsed: TypeAlias = (
        models.Error | models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

    UnprocessableEntityErrorParsed: TypeAlias = (
        models.StartExecutionResponse422 | models.ResumeExecutionResponse422 | None
    )

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
