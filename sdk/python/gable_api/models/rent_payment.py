from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RentPayment")


@_attrs_define
class RentPayment:
    """A rent payment as recorded.

    Example:
        {'id': 'rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'amount_usd': 1825,
            'paid_at': '2026-05-25T15:42:14.000Z', 'method': 'ach', 'payment_plan_id': None, 'applied_usd': 1825,
            'credited_usd': 0, 'created_at': '2026-05-25T15:42:18.000Z', 'updated_at': '2026-05-25T15:42:18.000Z'}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places
        applied_usd (float): US dollars, at most two decimal places
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        credited_usd (float): US dollars, at most two decimal places
        id (str):
        lease_id (str):
        method (PaymentMethod):
        paid_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        payment_plan_id (None | str | Unset): The payment plan this payment counts toward, if any.
    """

    amount_usd: float
    applied_usd: float
    created_at: datetime.datetime
    credited_usd: float
    id: str
    lease_id: str
    method: PaymentMethod
    paid_at: datetime.datetime
    updated_at: datetime.datetime
    payment_plan_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        applied_usd = self.applied_usd

        created_at = self.created_at.isoformat()

        credited_usd = self.credited_usd

        id = self.id

        lease_id = self.lease_id

        method = self.method.value

        paid_at = self.paid_at.isoformat()

        updated_at = self.updated_at.isoformat()

        payment_plan_id: None | str | Unset
        if isinstance(self.payment_plan_id, Unset):
            payment_plan_id = UNSET
        else:
            payment_plan_id = self.payment_plan_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_usd": amount_usd,
                "applied_usd": applied_usd,
                "created_at": created_at,
                "credited_usd": credited_usd,
                "id": id,
                "lease_id": lease_id,
                "method": method,
                "paid_at": paid_at,
                "updated_at": updated_at,
            }
        )
        if payment_plan_id is not UNSET:
            field_dict["payment_plan_id"] = payment_plan_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        applied_usd = d.pop("applied_usd")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        credited_usd = d.pop("credited_usd")

        id = d.pop("id")

        lease_id = d.pop("lease_id")

        method = PaymentMethod(d.pop("method"))

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_payment_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_plan_id = _parse_payment_plan_id(d.pop("payment_plan_id", UNSET))

        rent_payment = cls(
            amount_usd=amount_usd,
            applied_usd=applied_usd,
            created_at=created_at,
            credited_usd=credited_usd,
            id=id,
            lease_id=lease_id,
            method=method,
            paid_at=paid_at,
            updated_at=updated_at,
            payment_plan_id=payment_plan_id,
        )

        rent_payment.additional_properties = d
        return rent_payment

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
