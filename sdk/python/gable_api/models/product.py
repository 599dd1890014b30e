from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """Something the business sells (a service package, a listing upgrade, a consultation); payments
    may name the product they paid for.

        Example:
            {'id': 'prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Premium Listing Package', 'description': 'Professional
                photos, a 3D tour and featured placement for 30 days', 'price': 499.99, 'currency': 'USD', 'active': True,
                'createdAt': '2025-01-05T09:00:00.000Z', 'updatedAt': '2025-01-05T09:00:00.000Z'}

        Attributes:
            active (bool):
            created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            currency (str): ISO 4217 code, e.g. `USD`.
            id (str):
            name (str):
            price (float): US dollars, at most two decimal places
            updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            description (None | str | Unset):
    """

    active: bool
    created_at: datetime.datetime
    currency: str
    id: str
    name: str
    price: float
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = self.id

        name = self.name

        price = self.price

        updated_at = self.updated_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "createdAt": created_at,
                "currency": currency,
                "id": id,
                "name": name,
                "price": price,
                "updatedAt": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        id = d.pop("id")

        name = d.pop("name")

        price = d.pop("price")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        product = cls(
            active=active,
            created_at=created_at,
            currency=currency,
            id=id,
            name=name,
            price=price,
            updated_at=updated_at,
            description=description,
        )

        product.additional_properties = d
        return product

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
