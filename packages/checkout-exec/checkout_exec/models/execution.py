from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    missing,
)
from ..models.execution_status import ExecutionStatus
from ..types import UNSET, Unset

_FIELDS_Execution: frozenset[str] = frozenset(
    {
        "id",
        "status",
        "checkoutSessionId",
        "clientSafeMetadata",
        "createdAt",
        "externalRef",
        "finishedAt",
        "idempotencyKey",
        "initiatedById",
        "initiatedByType",
        "orderId",
        "organizationId",
        "paymentStatus",
        "requestPayload",
        "responsePayload",
        "runId",
        "sourceEntityId",
        "sourceEntityType",
        "sourceSystem",
        "startedAt",
        "statusReason",
        "updatedAt",
        "workflowId",
    }
)


@_attrs_define
class Execution:
    """A paid-workflow execution, from payment through the workflow run.

    Attributes:
        id (str): Id of the execution.
        status (ExecutionStatus): Status of an execution: waiting for payment, paid, then the workflow's progress.
            `workflow_succeeded` is terminal (success); `workflow_failed` and `workflow_cancelled` are terminal (failure);
            the other statuses are non-terminal. All eight documented values are listed; a server may add values over time
            and the SDK accepts them (treat an unknown value as non-terminal).
        checkout_session_id (None | str | Unset): Id of the checkout session that paid for the execution; absent or
            `null` when not set.
        client_safe_metadata (ClientSafeMetadata | None | Unset): Free-form metadata that is safe to show to the client.
        created_at (None | str | Unset): When the execution was created (ISO 8601 string; the page shows only
            `<string>`).
        external_ref (None | str | Unset): Caller-supplied external reference; absent or `null` when not set.
        finished_at (None | str | Unset): When the execution finished (ISO 8601 string; the page shows only `<string>`);
            absent or `null` while the execution is unfinished.
        idempotency_key (None | str | Unset): Idempotency key the execution was started with.
        initiated_by_id (None | str | Unset): Id of whoever started the execution.
        initiated_by_type (None | str | Unset): Kind of actor that started the execution.
        order_id (None | str | Unset): Id of the order linked to the execution; absent or `null` when not set.
        organization_id (None | str | Unset): Id of the organisation that owns the execution.
        payment_status (None | str | Unset): Payment status of the execution (values not documented).
        request_payload (None | RequestPayload | Unset): Free-form payload the execution was requested with.
        response_payload (None | ResponsePayload | Unset): Free-form payload the execution produced.
        run_id (None | str | Unset): Id of the workflow run.
        source_entity_id (None | str | Unset): Id of the entity that triggered the execution.
        source_entity_type (None | str | Unset): Type of the entity that triggered the execution.
        source_system (None | str | Unset): System the execution originated from.
        started_at (None | str | Unset): When the execution started (ISO 8601 string; the page shows only `<string>`).
        status_reason (None | str | Unset): Why the execution has its current status; absent or `null` when not set.
        updated_at (None | str | Unset): When the execution was last updated (ISO 8601 string; the page shows only
            `<string>`).
        workflow_id (None | str | Unset): Id of the workflow the execution runs.
    """

    id: str
    status: ExecutionStatus
    checkout_session_id: None | str | Unset = UNSET
    client_safe_metadata: ClientSafeMetadata | None | Unset = UNSET
    created_at: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    initiated_by_id: None | str | Unset = UNSET
    initiated_by_type: None | str | Unset = UNSET
    order_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    payment_status: None | str | Unset = UNSET
    request_payload: None | RequestPayload | Unset = UNSET
    response_payload: None | ResponsePayload | Unset = UNSET
    run_id: None | str | Unset = UNSET
    source_entity_id: None | str | Unset = UNSET
    source_entity_type: None | str | Unset = UNSET
    source_system: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    workflow_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["status"] = self.status.value
        _f_checkout_session_id = self.checkout_session_id
        if not isinstance(_f_checkout_session_id, Unset):
            field_dict["checkoutSessionId"] = None if _f_checkout_session_id is None else _f_checkout_session_id
        _f_client_safe_metadata = self.client_safe_metadata
        if not isinstance(_f_client_safe_metadata, Unset):
            field_dict["clientSafeMetadata"] = (
                None if _f_client_safe_metadata is None else _f_client_safe_metadata.to_dict()
            )
        _f_created_at = self.created_at
        if not isinstance(_f_created_at, Unset):
            field_dict["createdAt"] = None if _f_created_at is None else _f_created_at
        _f_external_ref = self.external_ref
        if not isinstance(_f_external_ref, Unset):
            field_dict["externalRef"] = None if _f_external_ref is None else _f_external_ref
        _f_finished_at = self.finished_at
        if not isinstance(_f_finished_at, Unset):
            field_dict["finishedAt"] = None if _f_finished_at is None else _f_finished_at
        _f_idempotency_key = self.idempotency_key
        if not isinstance(_f_idempotency_key, Unset):
            field_dict["idempotencyKey"] = None if _f_idempotency_key is None else _f_idempotency_key
        _f_initiated_by_id = self.initiated_by_id
        if not isinstance(_f_initiated_by_id, Unset):
            field_dict["initiatedById"] = None if _f_initiated_by_id is None else _f_initiated_by_id
        _f_initiated_by_type = self.initiated_by_type
        if not isinstance(_f_initiated_by_type, Unset):
            field_dict["initiatedByType"] = None if _f_initiated_by_type is None else _f_initiated_by_type
        _f_order_id = self.order_id
        if not isinstance(_f_order_id, Unset):
            field_dict["orderId"] = None if _f_order_id is None else _f_order_id
        _f_organization_id = self.organization_id
        if not isinstance(_f_organization_id, Unset):
            field_dict["organizationId"] = None if _f_organization_id is None else _f_organization_id
        _f_payment_status = self.payment_status
        if not isinstance(_f_payment_status, Unset):
            field_dict["paymentStatus"] = None if _f_payment_status is None else _f_payment_status
        _f_request_payload = self.request_payload
        if not isinstance(_f_request_payload, Unset):
            field_dict["requestPayload"] = None if _f_request_payload is None else _f_request_payload.to_dict()
        _f_response_payload = self.response_payload
        if not isinstance(_f_response_payload, Unset):
            field_dict["responsePayload"] = None if _f_response_payload is None else _f_response_payload.to_dict()
        _f_run_id = self.run_id
        if not isinstance(_f_run_id, Unset):
            field_dict["runId"] = None if _f_run_id is None else _f_run_id
        _f_source_entity_id = self.source_entity_id
        if not isinstance(_f_source_entity_id, Unset):
            field_dict["sourceEntityId"] = None if _f_source_entity_id is None else _f_source_entity_id
        _f_source_entity_type = self.source_entity_type
        if not isinstance(_f_source_entity_type, Unset):
            field_dict["sourceEntityType"] = None if _f_source_entity_type is None else _f_source_entity_type
        _f_source_system = self.source_system
        if not isinstance(_f_source_system, Unset):
            field_dict["sourceSystem"] = None if _f_source_system is None else _f_source_system
        _f_started_at = self.started_at
        if not isinstance(_f_started_at, Unset):
            field_dict["startedAt"] = None if _f_started_at is None else _f_started_at
        _f_status_reason = self.status_reason
        if not isinstance(_f_status_reason, Unset):
            field_dict["statusReason"] = None if _f_status_reason is None else _f_status_reason
        _f_updated_at = self.updated_at
        if not isinstance(_f_updated_at, Unset):
            field_dict["updatedAt"] = None if _f_updated_at is None else _f_updated_at
        _f_workflow_id = self.workflow_id
        if not isinstance(_f_workflow_id, Unset):
            field_dict["workflowId"] = None if _f_workflow_id is None else _f_workflow_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "Execution")
        _get = _src.get
        _v = _get("id", UNSET)
        if _v is UNSET:
            missing("Execution.id")
        _f_id = _v if type(_v) is str else invalid("Execution.id", "a string", _v)
        _v = _get("status", UNSET)
        if _v is UNSET:
            missing("Execution.status")
        _f_status = ExecutionStatus(_v)
        _v = _get("checkoutSessionId", UNSET)
        _f_checkout_session_id = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("Execution.checkoutSessionId", "a string", _v))
            )
        )
        _v = _get("clientSafeMetadata", UNSET)
        _f_client_safe_metadata = UNSET if _v is UNSET else (None if _v is None else ClientSafeMetadata.from_dict(_v))
        _v = _get("createdAt", UNSET)
        _f_created_at = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.createdAt", "a string", _v)))
        )
        _v = _get("externalRef", UNSET)
        _f_external_ref = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.externalRef", "a string", _v)))
        )
        _v = _get("finishedAt", UNSET)
        _f_finished_at = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.finishedAt", "a string", _v)))
        )
        _v = _get("idempotencyKey", UNSET)
        _f_idempotency_key = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.idempotencyKey", "a string", _v))
            )
        )
        _v = _get("initiatedById", UNSET)
        _f_initiated_by_id = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.initiatedById", "a string", _v))
            )
        )
        _v = _get("initiatedByType", UNSET)
        _f_initiated_by_type = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("Execution.initiatedByType", "a string", _v))
            )
        )
        _v = _get("orderId", UNSET)
        _f_order_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.orderId", "a string", _v)))
        )
        _v = _get("organizationId", UNSET)
        _f_organization_id = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.organizationId", "a string", _v))
            )
        )
        _v = _get("paymentStatus", UNSET)
        _f_payment_status = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.paymentStatus", "a string", _v))
            )
        )
        _v = _get("requestPayload", UNSET)
        _f_request_payload = UNSET if _v is UNSET else (None if _v is None else RequestPayload.from_dict(_v))
        _v = _get("responsePayload", UNSET)
        _f_response_payload = UNSET if _v is UNSET else (None if _v is None else ResponsePayload.from_dict(_v))
        _v = _get("runId", UNSET)
        _f_run_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.runId", "a string", _v)))
        )
        _v = _get("sourceEntityId", UNSET)
        _f_source_entity_id = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.sourceEntityId", "a string", _v))
            )
        )
        _v = _get("sourceEntityType", UNSET)
        _f_source_entity_type = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("Execution.sourceEntityType", "a string", _v))
            )
        )
        _v = _get("sourceSystem", UNSET)
        _f_source_system = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.sourceSystem", "a string", _v))
            )
        )
        _v = _get("startedAt", UNSET)
        _f_started_at = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.startedAt", "a string", _v)))
        )
        _v = _get("statusReason", UNSET)
        _f_status_reason = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("Execution.statusReason", "a string", _v))
            )
        )
        _v = _get("updatedAt", UNSET)
        _f_updated_at = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.updatedAt", "a string", _v)))
        )
        _v = _get("workflowId", UNSET)
        _f_workflow_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("Execution.workflowId", "a string", _v)))
        )
        _obj = cls(
            id=_f_id,
            status=_f_status,
            checkout_session_id=_f_checkout_session_id,
            client_safe_metadata=_f_client_safe_metadata,
            created_at=_f_created_at,
            external_ref=_f_external_ref,
            finished_at=_f_finished_at,
            idempotency_key=_f_idempotency_key,
            initiated_by_id=_f_initiated_by_id,
            initiated_by_type=_f_initiated_by_type,
            order_id=_f_order_id,
            organization_id=_f_organization_id,
            payment_status=_f_payment_status,
            request_payload=_f_request_payload,
            response_payload=_f_response_payload,
            run_id=_f_run_id,
            source_entity_id=_f_source_entity_id,
            source_entity_type=_f_source_entity_type,
            source_system=_f_source_system,
            started_at=_f_started_at,
            status_reason=_f_status_reason,
            updated_at=_f_updated_at,
            workflow_id=_f_workflow_id,
        )
        if not _src.keys() <= _FIELDS_Execution:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Execution}
        return _obj

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last so that models referring to each other import cleanly.
from ..models.client_safe_metadata import ClientSafeMetadata  # noqa: E402
from ..models.request_payload import RequestPayload  # noqa: E402
from ..models.response_payload import ResponsePayload  # noqa: E402
