from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_status import PaymentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """A payment received (or expected) for a product or service, and the commission it earns the
    team member who made the sale.

        Example:
            {'id': 'pay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'amount': 1234.5, 'currency': 'USD', 'status': 'succeeded',
                'description': 'Premium Listing Package', 'productId': 'prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'contactId':
                'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7', 'teamMemberId': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D8', 'commissionAmount': 30.86,
                'paidAt': '2025-01-15T10:30:00.000Z', 'createdAt': '2025-01-15T10:29:00.000Z', 'updatedAt':
                '2025-01-15T10:30:00.000Z'}

        Attributes:
            amount (float): US dollars, at most two decimal places
            created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            currency (str): ISO 4217 code, e.g. `USD`.
            id (str):
            status (PaymentStatus): Where the money is.
            updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            commission_amount (float | None | Unset):
            contact_id (None | str | Unset): Who paid.
            description (None | str | Unset):
            paid_at (datetime.datetime | None | Unset):
            product_id (None | str | Unset):
            team_member_id (None | str | Unset): Who made the sale and earns the commission.
    """

    amount: float
    created_at: datetime.datetime
    currency: str
    id: str
    status: PaymentStatus
    updated_at: datetime.datetime
    commission_amount: float | None | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    product_id: None | str | Unset = UNSET
    team_member_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        commission_amount: float | None | Unset
        if isinstance(self.commission_amount, Unset):
            commission_amount = UNSET
        else:
            commission_amount = self.commission_amount

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        team_member_id: None | str | Unset
        if isinstance(self.team_member_id, Unset):
            team_member_id = UNSET
        else:
            team_member_id = self.team_member_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "createdAt": created_at,
                "currency": currency,
                "id": id,
                "status": status,
                "updatedAt": updated_at,
            }
        )
        if commission_amount is not UNSET:
            field_dict["commissionAmount"] = commission_amount
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if description is not UNSET:
            field_dict["description"] = description
        if paid_at is not UNSET:
            field_dict["paidAt"] = paid_at
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if team_member_id is not UNSET:
            field_dict["teamMemberId"] = team_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        id = d.pop("id")

        status = PaymentStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_commission_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        commission_amount = _parse_commission_amount(d.pop("commissionAmount", UNSET))

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        paid_at = _parse_paid_at(d.pop("paidAt", UNSET))

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("productId", UNSET))

        def _parse_team_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_member_id = _parse_team_member_id(d.pop("teamMemberId", UNSET))

        payment = cls(
            amount=amount,
            created_at=created_at,
            currency=currency,
            id=id,
            status=status,
            updated_at=updated_at,
            commission_amount=commission_amount,
            contact_id=contact_id,
            description=description,
            paid_at=paid_at,
            product_id=product_id,
            team_member_id=team_member_id,
        )

        payment.additional_properties = d
        return payment

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
