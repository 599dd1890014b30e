from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initial_payment_status import InitialPaymentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePayment")


@_attrs_define
class CreatePayment:
    """
    Example:
        {'amount': 1234.5, 'currency': 'USD', 'status': 'succeeded', 'description': 'Premium Listing Package',
            'productId': 'prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'contactId': 'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7', 'teamMemberId':
            'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D8'}

    Attributes:
        amount (float): US dollars, at most two decimal places, more than zero
        contact_id (None | str | Unset):
        currency (None | str | Unset): ISO 4217, three uppercase letters. Default `USD`.
        description (None | str | Unset): At most 10,000 characters.
        paid_at (datetime.datetime | None | Unset):
        product_id (None | str | Unset):
        status (InitialPaymentStatus | None | Unset):
        team_member_id (None | str | Unset): The member earning the commission.
    """

    amount: float
    contact_id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    product_id: None | str | Unset = UNSET
    status: InitialPaymentStatus | None | Unset = UNSET
    team_member_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, InitialPaymentStatus):
            status = self.status.value
        else:
            status = self.status

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
            }
        )
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
        amount = d.pop("amount")

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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

        def _parse_status(data: object) -> InitialPaymentStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = InitialPaymentStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InitialPaymentStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_team_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_member_id = _parse_team_member_id(d.pop("teamMemberId", UNSET))

        create_payment = cls(
            amount=amount,
            contact_id=contact_id,
            currency=currency,
            description=description,
            paid_at=paid_at,
            product_id=product_id,
            status=status,
            team_member_id=team_member_id,
        )

        create_payment.additional_properties = d
        return create_payment

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
