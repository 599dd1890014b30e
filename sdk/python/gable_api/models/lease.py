from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lease_status import LeaseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.late_fee_type_0 import LateFeeType0
    from ..models.late_fee_type_1 import LateFeeType1


T = TypeVar("T", bound="Lease")


@_attrs_define
class Lease:
    """A lease of a unit to one or more tenants.

    Example:
        {'id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_ids':
            ['ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'], 'start_date': '2026-03-15', 'end_date': '2027-03-14', 'monthly_rent_usd':
            1825, 'due_day': 1, 'grace_days': 5, 'deposit_usd': 1825, 'late_fee': {'type': 'percent', 'amount': 5,
            'cap_usd': 100}, 'status': 'active', 'signed_at': '2026-03-10T15:00:00.000Z', 'terminated_at': None,
            'terminated_on': None, 'credit_usd': 0, 'created_at': '2026-03-01T10:30:00.000Z', 'updated_at':
            '2026-03-10T15:00:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        credit_usd (float): US dollars, at most two decimal places
        deposit_usd (float): US dollars, at most two decimal places
        due_day (int): Day of the month rent is due (1–31; the last day in shorter months).
        grace_days (int): Days after the due date before an unpaid charge is late.
        id (str):
        monthly_rent_usd (float): US dollars, at most two decimal places
        start_date (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        status (LeaseStatus):
        tenant_ids (list[str]):
        unit_id (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        end_date (datetime.date | None | Unset):
        late_fee (LateFeeType0 | LateFeeType1 | None | Unset):
        signed_at (datetime.datetime | None | Unset):
        terminated_at (datetime.datetime | None | Unset):
        terminated_on (datetime.date | None | Unset):
    """

    created_at: datetime.datetime
    credit_usd: float
    deposit_usd: float
    due_day: int
    grace_days: int
    id: str
    monthly_rent_usd: float
    start_date: datetime.date
    status: LeaseStatus
    tenant_ids: list[str]
    unit_id: str
    updated_at: datetime.datetime
    end_date: datetime.date | None | Unset = UNSET
    late_fee: LateFeeType0 | LateFeeType1 | None | Unset = UNSET
    signed_at: datetime.datetime | None | Unset = UNSET
    terminated_at: datetime.datetime | None | Unset = UNSET
    terminated_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        credit_usd = self.credit_usd

        deposit_usd = self.deposit_usd

        due_day = self.due_day

        grace_days = self.grace_days

        id = self.id

        monthly_rent_usd = self.monthly_rent_usd

        start_date = self.start_date.isoformat()

        status = self.status.value

        tenant_ids = self.tenant_ids

        unit_id = self.unit_id

        updated_at = self.updated_at.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        late_fee: dict[str, Any] | None | Unset
        if isinstance(self.late_fee, Unset):
            late_fee = UNSET
        elif isinstance(self.late_fee, LateFeeType0):
            late_fee = self.late_fee.to_dict()
        elif isinstance(self.late_fee, LateFeeType1):
            late_fee = self.late_fee.to_dict()
        else:
            late_fee = self.late_fee

        signed_at: None | str | Unset
        if isinstance(self.signed_at, Unset):
            signed_at = UNSET
        elif isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        terminated_at: None | str | Unset
        if isinstance(self.terminated_at, Unset):
            terminated_at = UNSET
        elif isinstance(self.terminated_at, datetime.datetime):
            terminated_at = self.terminated_at.isoformat()
        else:
            terminated_at = self.terminated_at

        terminated_on: None | str | Unset
        if isinstance(self.terminated_on, Unset):
            terminated_on = UNSET
        elif isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "credit_usd": credit_usd,
                "deposit_usd": deposit_usd,
                "due_day": due_day,
                "grace_days": grace_days,
                "id": id,
                "monthly_rent_usd": monthly_rent_usd,
                "start_date": start_date,
                "status": status,
                "tenant_ids": tenant_ids,
                "unit_id": unit_id,
                "updated_at": updated_at,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if late_fee is not UNSET:
            field_dict["late_fee"] = late_fee
        if signed_at is not UNSET:
            field_dict["signed_at"] = signed_at
        if terminated_at is not UNSET:
            field_dict["terminated_at"] = terminated_at
        if terminated_on is not UNSET:
            field_dict["terminated_on"] = terminated_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credit_usd = d.pop("credit_usd")

        deposit_usd = d.pop("deposit_usd")

        due_day = d.pop("due_day")

        grace_days = d.pop("grace_days")

        id = d.pop("id")

        monthly_rent_usd = d.pop("monthly_rent_usd")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = LeaseStatus(d.pop("status"))

        tenant_ids = cast(list[str], d.pop("tenant_ids"))

        unit_id = d.pop("unit_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_late_fee(data: object) -> LateFeeType0 | LateFeeType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_late_fee_type_0 = LateFeeType0.from_dict(data)

                return componentsschemas_late_fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_late_fee_type_1 = LateFeeType1.from_dict(data)

                return componentsschemas_late_fee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LateFeeType0 | LateFeeType1 | None | Unset, data)

        late_fee = _parse_late_fee(d.pop("late_fee", UNSET))

        def _parse_signed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        signed_at = _parse_signed_at(d.pop("signed_at", UNSET))

        def _parse_terminated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_at_type_0 = datetime.datetime.fromisoformat(data)

                return terminated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        terminated_at = _parse_terminated_at(d.pop("terminated_at", UNSET))

        def _parse_terminated_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)

                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on", UNSET))

        lease = cls(
            created_at=created_at,
            credit_usd=credit_usd,
            deposit_usd=deposit_usd,
            due_day=due_day,
            grace_days=grace_days,
            id=id,
            monthly_rent_usd=monthly_rent_usd,
            start_date=start_date,
            status=status,
            tenant_ids=tenant_ids,
            unit_id=unit_id,
            updated_at=updated_at,
            end_date=end_date,
            late_fee=late_fee,
            signed_at=signed_at,
            terminated_at=terminated_at,
            terminated_on=terminated_on,
        )

        lease.additional_properties = d
        return lease

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
