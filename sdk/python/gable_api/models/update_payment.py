from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_status import PaymentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePayment")


@_attrs_define
class UpdatePayment:
    """Only the fields sent change; `null` clears an optional field. `commissionAmount` follows
    `amount` and `teamMemberId`.

        Example:
            {'status': 'refunded'}

        Attributes:
            amount (float | Unset): US dollars, at most two decimal places, more than zero
            contact_id (None | str | Unset):
            currency (str | Unset):
            description (None | str | Unset):
            paid_at (datetime.datetime | Unset): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a
                bare date (`2025-01-15`) is read as midnight UTC.
            product_id (None | str | Unset):
            status (PaymentStatus | Unset): Where the money is.
            team_member_id (None | str | Unset):
    """

    amount: float | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    description: None | str | Unset = UNSET
    paid_at: datetime.datetime | Unset = UNSET
    product_id: None | str | Unset = UNSET
    status: PaymentStatus | Unset = UNSET
    team_member_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        currency = self.currency

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        paid_at: str | Unset = UNSET
        if not isinstance(self.paid_at, Unset):
            paid_at = self.paid_at.isoformat()

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        team_member_id: None | str | Unset
        if isinstance(self.team_member_id, Unset):
            team_member_id = UNSET
        else:
            team_member_id = self.team_member_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if paid_at is not UNSET:
            field_dict["paidAt"] = paid_at
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if status is not UNSET:
            field_dict["status"] = status
        if team_member_id is not UNSET:
            field_dict["teamMemberId"] = team_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _paid_at = d.pop("paidAt", UNSET)
        paid_at: datetime.datetime | Unset
        if isinstance(_paid_at, Unset):
            paid_at = UNSET
        else:
            paid_at = datetime.datetime.fromisoformat(_paid_at)

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("productId", UNSET))

        _status = d.pop("status", UNSET)
        status: PaymentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PaymentStatus(_status)

        def _parse_team_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_member_id = _parse_team_member_id(d.pop("teamMemberId", UNSET))

        update_payment = cls(
            amount=amount,
            contact_id=contact_id,
            currency=currency,
            description=description,
            paid_at=paid_at,
            product_id=product_id,
            status=status,
            team_member_id=team_member_id,
        )

        update_payment.additional_properties = d
        return update_payment

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
