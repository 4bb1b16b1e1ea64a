from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    missing,
    reject,
)
from ..models.execution_status import ExecutionStatus
from ..types import UNSET, Unset

_new_object = object.__new__

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
            field_dict["checkoutSessionId"] = _f_checkout_session_id
        _f_client_safe_metadata = self.client_safe_metadata
        if not isinstance(_f_client_safe_metadata, Unset):
            field_dict["clientSafeMetadata"] = (
                None if _f_client_safe_metadata is None else _f_client_safe_metadata.to_dict()
            )
        _f_created_at = self.created_at
        if not isinstance(_f_created_at, Unset):
            field_dict["createdAt"] = _f_created_at
        _f_external_ref = self.external_ref
        if not isinstance(_f_external_ref, Unset):
            field_dict["externalRef"] = _f_external_ref
        _f_finished_at = self.finished_at
        if not isinstance(_f_finished_at, Unset):
            field_dict["finishedAt"] = _f_finished_at
        _f_idempotency_key = self.idempotency_key
        if not isinstance(_f_idempotency_key, Unset):
            field_dict["idempotencyKey"] = _f_idempotency_key
        _f_initiated_by_id = self.initiated_by_id
        if not isinstance(_f_initiated_by_id, Unset):
            field_dict["initiatedById"] = _f_initiated_by_id
        _f_initiated_by_type = self.initiated_by_type
        if not isinstance(_f_initiated_by_type, Unset):
            field_dict["initiatedByType"] = _f_initiated_by_type
        _f_order_id = self.order_id
        if not isinstance(_f_order_id, Unset):
            field_dict["orderId"] = _f_order_id
        _f_organization_id = self.organization_id
        if not isinstance(_f_organization_id, Unset):
            field_dict["organizationId"] = _f_organization_id
        _f_payment_status = self.payment_status
        if not isinstance(_f_payment_status, Unset):
            field_dict["paymentStatus"] = _f_payment_status
        _f_request_payload = self.request_payload
        if not isinstance(_f_request_payload, Unset):
            field_dict["requestPayload"] = None if _f_request_payload is None else _f_request_payload.to_dict()
        _f_response_payload = self.response_payload
        if not isinstance(_f_response_payload, Unset):
            field_dict["responsePayload"] = None if _f_response_payload is None else _f_response_payload.to_dict()
        _f_run_id = self.run_id
        if not isinstance(_f_run_id, Unset):
            field_dict["runId"] = _f_run_id
        _f_source_entity_id = self.source_entity_id
        if not isinstance(_f_source_entity_id, Unset):
            field_dict["sourceEntityId"] = _f_source_entity_id
        _f_source_entity_type = self.source_entity_type
        if not isinstance(_f_source_entity_type, Unset):
            field_dict["sourceEntityType"] = _f_source_entity_type
        _f_source_system = self.source_system
        if not isinstance(_f_source_system, Unset):
            field_dict["sourceSystem"] = _f_source_system
        _f_started_at = self.started_at
        if not isinstance(_f_started_at, Unset):
            field_dict["startedAt"] = _f_started_at
        _f_status_reason = self.status_reason
        if not isinstance(_f_status_reason, Unset):
            field_dict["statusReason"] = _f_status_reason
        _f_updated_at = self.updated_at
        if not isinstance(_f_updated_at, Unset):
            field_dict["updatedAt"] = _f_updated_at
        _f_workflow_id = self.workflow_id
        if not isinstance(_f_workflow_id, Unset):
            field_dict["workflowId"] = _f_workflow_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "Execution")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str:
            reject("Execution.id", "a string", _f_id)

        _f_status = _get("status", UNSET)
        if _f_status is not None and _f_status is not UNSET:
            _f_status = (
                (ExecutionStatus._by_value.get(_f_status) or ExecutionStatus(_f_status))
                if type(_f_status) is str
                else invalid("Execution.status", "a string enum value", _f_status)
            )
        elif _f_status is UNSET:
            missing("Execution.status")
        elif _f_status is None:
            invalid("Execution.status", "a string enum value", None)

        _f_checkout_session_id = _get("checkoutSessionId", UNSET)
        if (
            type(_f_checkout_session_id) is not str
            and _f_checkout_session_id is not UNSET
            and _f_checkout_session_id is not None
        ):
            reject("Execution.checkoutSessionId", "a string", _f_checkout_session_id)

        _f_client_safe_metadata = _get("clientSafeMetadata", UNSET)
        if _f_client_safe_metadata is not None and _f_client_safe_metadata is not UNSET:
            _f_client_safe_metadata = (
                ClientSafeMetadata.from_dict(_f_client_safe_metadata)
                if type(_f_client_safe_metadata) is dict
                else invalid("Execution.clientSafeMetadata", "an object", _f_client_safe_metadata)
            )

        _f_created_at = _get("createdAt", UNSET)
        if type(_f_created_at) is not str and _f_created_at is not UNSET and _f_created_at is not None:
            reject("Execution.createdAt", "a string", _f_created_at)

        _f_external_ref = _get("externalRef", UNSET)
        if type(_f_external_ref) is not str and _f_external_ref is not UNSET and _f_external_ref is not None:
            reject("Execution.externalRef", "a string", _f_external_ref)

        _f_finished_at = _get("finishedAt", UNSET)
        if type(_f_finished_at) is not str and _f_finished_at is not UNSET and _f_finished_at is not None:
            reject("Execution.finishedAt", "a string", _f_finished_at)

        _f_idempotency_key = _get("idempotencyKey", UNSET)
        if type(_f_idempotency_key) is not str and _f_idempotency_key is not UNSET and _f_idempotency_key is not None:
            reject("Execution.idempotencyKey", "a string", _f_idempotency_key)

        _f_initiated_by_id = _get("initiatedById", UNSET)
        if type(_f_initiated_by_id) is not str and _f_initiated_by_id is not UNSET and _f_initiated_by_id is not None:
            reject("Execution.initiatedById", "a string", _f_initiated_by_id)

        _f_initiated_by_type = _get("initiatedByType", UNSET)
        if (
            type(_f_initiated_by_type) is not str
            and _f_initiated_by_type is not UNSET
            and _f_initiated_by_type is not None
        ):
            reject("Execution.initiatedByType", "a string", _f_initiated_by_type)

        _f_order_id = _get("orderId", UNSET)
        if type(_f_order_id) is not str and _f_order_id is not UNSET and _f_order_id is not None:
            reject("Execution.orderId", "a string", _f_order_id)

        _f_organization_id = _get("organizationId", UNSET)
        if type(_f_organization_id) is not str and _f_organization_id is not UNSET and _f_organization_id is not None:
            reject("Execution.organizationId", "a string", _f_organization_id)

        _f_payment_status = _get("paymentStatus", UNSET)
        if type(_f_payment_status) is not str and _f_payment_status is not UNSET and _f_payment_status is not None:
            reject("Execution.paymentStatus", "a string", _f_payment_status)

        _f_request_payload = _get("requestPayload", UNSET)
        if _f_request_payload is not None and _f_request_payload is not UNSET:
            _f_request_payload = (
                RequestPayload.from_dict(_f_request_payload)
                if type(_f_request_payload) is dict
                else invalid("Execution.requestPayload", "an object", _f_request_payload)
            )

        _f_response_payload = _get("responsePayload", UNSET)
        if _f_response_payload is not None and _f_response_payload is not UNSET:
            _f_response_payload = (
                ResponsePayload.from_dict(_f_response_payload)
                if type(_f_response_payload) is dict
                else invalid("Execution.responsePayload", "an object", _f_response_payload)
            )

        _f_run_id = _get("runId", UNSET)
        if type(_f_run_id) is not str and _f_run_id is not UNSET and _f_run_id is not None:
            reject("Execution.runId", "a string", _f_run_id)

        _f_source_entity_id = _get("sourceEntityId", UNSET)
        if (
            type(_f_source_entity_id) is not str
            and _f_source_entity_id is not UNSET
            and _f_source_entity_id is not None
        ):
            reject("Execution.sourceEntityId", "a string", _f_source_entity_id)

        _f_source_entity_type = _get("sourceEntityType", UNSET)
        if (
            type(_f_source_entity_type) is not str
            and _f_source_entity_type is not UNSET
            and _f_source_entity_type is not None
        ):
            reject("Execution.sourceEntityType", "a string", _f_source_entity_type)

        _f_source_system = _get("sourceSystem", UNSET)
        if type(_f_source_system) is not str and _f_source_system is not UNSET and _f_source_system is not None:
            reject("Execution.sourceSystem", "a string", _f_source_system)

        _f_started_at = _get("startedAt", UNSET)
        if type(_f_started_at) is not str and _f_started_at is not UNSET and _f_started_at is not None:
            reject("Execution.startedAt", "a string", _f_started_at)

        _f_status_reason = _get("statusReason", UNSET)
        if type(_f_status_reason) is not str and _f_status_reason is not UNSET and _f_status_reason is not None:
            reject("Execution.statusReason", "a string", _f_status_reason)

        _f_updated_at = _get("updatedAt", UNSET)
        if type(_f_updated_at) is not str and _f_updated_at is not UNSET and _f_updated_at is not None:
            reject("Execution.updatedAt", "a string", _f_updated_at)

        _f_workflow_id = _get("workflowId", UNSET)
        if type(_f_workflow_id) is not str and _f_workflow_id is not UNSET and _f_workflow_id is not None:
            reject("Execution.workflowId", "a string", _f_workflow_id)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.status = _f_status
        _obj.checkout_session_id = _f_checkout_session_id
        _obj.client_safe_metadata = _f_client_safe_metadata
        _obj.created_at = _f_created_at
        _obj.external_ref = _f_external_ref
        _obj.finished_at = _f_finished_at
        _obj.idempotency_key = _f_idempotency_key
        _obj.initiated_by_id = _f_initiated_by_id
        _obj.initiated_by_type = _f_initiated_by_type
        _obj.order_id = _f_order_id
        _obj.organization_id = _f_organization_id
        _obj.payment_status = _f_payment_status
        _obj.request_payload = _f_request_payload
        _obj.response_payload = _f_response_payload
        _obj.run_id = _f_run_id
        _obj.source_entity_id = _f_source_entity_id
        _obj.source_entity_type = _f_source_entity_type
        _obj.source_system = _f_source_system
        _obj.started_at = _f_started_at
        _obj.status_reason = _f_status_reason
        _obj.updated_at = _f_updated_at
        _obj.workflow_id = _f_workflow_id
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_Execution
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Execution}
        )
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
