from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.charge_status import ChargeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RentCharge")


@_attrs_define
class RentCharge:
    """One period's rent for a lease.

    Example:
        {'id': 'chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'period_label':
            '2026-04', 'due_date': '2026-04-01', 'amount_usd': 1825, 'late_fee_usd': 50, 'paid_usd': 1000, 'balance_usd':
            875, 'status': 'late', 'late_at': '2026-04-07T00:05:00.000Z', 'paid_at': None, 'created_at':
            '2026-04-01T00:05:00.000Z', 'updated_at': '2026-04-07T00:05:00.000Z'}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places
        balance_usd (float): US dollars, at most two decimal places
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        due_date (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        id (str):
        late_fee_usd (float): US dollars, at most two decimal places
        lease_id (str):
        paid_usd (float): US dollars, at most two decimal places
        period_label (str): The month charged, `YYYY-MM`.
        status (ChargeStatus):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        late_at (datetime.datetime | None | Unset):
        paid_at (datetime.datetime | None | Unset):
    """

    amount_usd: float
    balance_usd: float
    created_at: datetime.datetime
    due_date: datetime.date
    id: str
    late_fee_usd: float
    lease_id: str
    paid_usd: float
    period_label: str
    status: ChargeStatus
    updated_at: datetime.datetime
    late_at: datetime.datetime | None | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        balance_usd = self.balance_usd

        created_at = self.created_at.isoformat()

        due_date = self.due_date.isoformat()

        id = self.id

        late_fee_usd = self.late_fee_usd

        lease_id = self.lease_id

        paid_usd = self.paid_usd

        period_label = self.period_label

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        late_at: None | str | Unset
        if isinstance(self.late_at, Unset):
            late_at = UNSET
        elif isinstance(self.late_at, datetime.datetime):
            late_at = self.late_at.isoformat()
        else:
            late_at = self.late_at

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_usd": amount_usd,
                "balance_usd": balance_usd,
                "created_at": created_at,
                "due_date": due_date,
                "id": id,
                "late_fee_usd": late_fee_usd,
                "lease_id": lease_id,
                "paid_usd": paid_usd,
                "period_label": period_label,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if late_at is not UNSET:
            field_dict["late_at"] = late_at
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        balance_usd = d.pop("balance_usd")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        id = d.pop("id")

        late_fee_usd = d.pop("late_fee_usd")

        lease_id = d.pop("lease_id")

        paid_usd = d.pop("paid_usd")

        period_label = d.pop("period_label")

        status = ChargeStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_late_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                late_at_type_0 = datetime.datetime.fromisoformat(data)

                return late_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        late_at = _parse_late_at(d.pop("late_at", UNSET))

        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))

        rent_charge = cls(
            amount_usd=amount_usd,
            balance_usd=balance_usd,
            created_at=created_at,
            due_date=due_date,
            id=id,
            late_fee_usd=late_fee_usd,
            lease_id=lease_id,
            paid_usd=paid_usd,
            period_label=period_label,
            status=status,
            updated_at=updated_at,
            late_at=late_at,
            paid_at=paid_at,
        )

        rent_charge.additional_properties = d
        return rent_charge

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
