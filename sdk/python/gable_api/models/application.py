from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_text import JsonText


T = TypeVar("T", bound="Application")


@_attrs_define
class Application:
    """Someone applying to rent a unit.

    Example:
        {'id': 'appl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'applicant_name': 'Maya
            R.', 'applicant_email': 'maya@example.com', 'applicant_phone': '+1-555-0100', 'monthly_income_usd': 6200,
            'answers': {'pets': 'one cat', 'move_in': '2026-05-01'}, 'status': 'submitted', 'decision_reason': None,
            'decided_at': None, 'tenant_id': None, 'lease_id': None, 'created_at': '2026-04-10T09:00:00.000Z', 'updated_at':
            '2026-04-10T09:00:00.000Z'}

    Attributes:
        answers (JsonText):
        applicant_name (str):
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        status (ApplicationStatus):
        unit_id (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        applicant_email (None | str | Unset):
        applicant_phone (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
        decision_reason (None | str | Unset): Why it was denied (or a note on the approval).
        lease_id (None | str | Unset): The draft lease created on approval.
        monthly_income_usd (float | None | Unset):
        tenant_id (None | str | Unset): The tenant created on approval.
    """

    answers: JsonText
    applicant_name: str
    created_at: datetime.datetime
    id: str
    status: ApplicationStatus
    unit_id: str
    updated_at: datetime.datetime
    applicant_email: None | str | Unset = UNSET
    applicant_phone: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decision_reason: None | str | Unset = UNSET
    lease_id: None | str | Unset = UNSET
    monthly_income_usd: float | None | Unset = UNSET
    tenant_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        applicant_name = self.applicant_name

        created_at = self.created_at.isoformat()

        id = self.id

        status = self.status.value

        unit_id = self.unit_id

        updated_at = self.updated_at.isoformat()

        applicant_email: None | str | Unset
        if isinstance(self.applicant_email, Unset):
            applicant_email = UNSET
        else:
            applicant_email = self.applicant_email

        applicant_phone: None | str | Unset
        if isinstance(self.applicant_phone, Unset):
            applicant_phone = UNSET
        else:
            applicant_phone = self.applicant_phone

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason: None | str | Unset
        if isinstance(self.decision_reason, Unset):
            decision_reason = UNSET
        else:
            decision_reason = self.decision_reason

        lease_id: None | str | Unset
        if isinstance(self.lease_id, Unset):
            lease_id = UNSET
        else:
            lease_id = self.lease_id

        monthly_income_usd: float | None | Unset
        if isinstance(self.monthly_income_usd, Unset):
            monthly_income_usd = UNSET
        else:
            monthly_income_usd = self.monthly_income_usd

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "applicant_name": applicant_name,
                "created_at": created_at,
                "id": id,
                "status": status,
                "unit_id": unit_id,
                "updated_at": updated_at,
            }
        )
        if applicant_email is not UNSET:
            field_dict["applicant_email"] = applicant_email
        if applicant_phone is not UNSET:
            field_dict["applicant_phone"] = applicant_phone
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decision_reason is not UNSET:
            field_dict["decision_reason"] = decision_reason
        if lease_id is not UNSET:
            field_dict["lease_id"] = lease_id
        if monthly_income_usd is not UNSET:
            field_dict["monthly_income_usd"] = monthly_income_usd
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_text import JsonText  # noqa: PLC0415

        d = dict(src_dict)
        answers = JsonText.from_dict(d.pop("answers"))

        applicant_name = d.pop("applicant_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        status = ApplicationStatus(d.pop("status"))

        unit_id = d.pop("unit_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_applicant_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_email = _parse_applicant_email(d.pop("applicant_email", UNSET))

        def _parse_applicant_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_phone = _parse_applicant_phone(d.pop("applicant_phone", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason", UNSET))

        def _parse_lease_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_id = _parse_lease_id(d.pop("lease_id", UNSET))

        def _parse_monthly_income_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        monthly_income_usd = _parse_monthly_income_usd(d.pop("monthly_income_usd", UNSET))

        def _parse_tenant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        application = cls(
            answers=answers,
            applicant_name=applicant_name,
            created_at=created_at,
            id=id,
            status=status,
            unit_id=unit_id,
            updated_at=updated_at,
            applicant_email=applicant_email,
            applicant_phone=applicant_phone,
            decided_at=decided_at,
            decision_reason=decision_reason,
            lease_id=lease_id,
            monthly_income_usd=monthly_income_usd,
            tenant_id=tenant_id,
        )

        application.additional_properties = d
        return application

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
