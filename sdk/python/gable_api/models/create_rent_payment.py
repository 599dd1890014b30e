from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_method import PaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateRentPayment")


@_attrs_define
class CreateRentPayment:
    """
    Example:
        {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'amount_usd': 1825, 'paid_at': '2026-05-25T15:42:14Z',
            'method': 'ach'}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places, more than zero
        lease_id (str):
        method (PaymentMethod):
        paid_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        payment_plan_id (None | str | Unset): Counts the payment toward this payment plan (of this lease or one of its
            tenants).
    """

    amount_usd: float
    lease_id: str
    method: PaymentMethod
    paid_at: datetime.datetime
    payment_plan_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        lease_id = self.lease_id

        method = self.method.value

        paid_at = self.paid_at.isoformat()

        payment_plan_id: None | str | Unset
        if isinstance(self.payment_plan_id, Unset):
            payment_plan_id = UNSET
        else:
            payment_plan_id = self.payment_plan_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_usd": amount_usd,
                "lease_id": lease_id,
                "method": method,
                "paid_at": paid_at,
            }
        )
        if payment_plan_id is not UNSET:
            field_dict["payment_plan_id"] = payment_plan_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        lease_id = d.pop("lease_id")

        method = PaymentMethod(d.pop("method"))

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        def _parse_payment_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_plan_id = _parse_payment_plan_id(d.pop("payment_plan_id", UNSET))

        create_rent_payment = cls(
            amount_usd=amount_usd,
            lease_id=lease_id,
            method=method,
            paid_at=paid_at,
            payment_plan_id=payment_plan_id,
        )

        return create_rent_payment
