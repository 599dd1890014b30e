from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateProduct")


@_attrs_define
class UpdateProduct:
    """Only the fields sent change; `null` clears `description`.

    Example:
        {'price': 549, 'active': False}

    Attributes:
        active (bool | Unset):
        currency (str | Unset): ISO 4217, three uppercase letters.
        description (None | str | Unset):
        name (str | Unset):
        price (float | Unset): US dollars, at most two decimal places, not negative
    """

    active: bool | Unset = UNSET
    currency: str | Unset = UNSET
    description: None | str | Unset = UNSET
    name: str | Unset = UNSET
    price: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        currency = self.currency

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        name = self.name

        price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if price is not UNSET:
            field_dict["price"] = price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        currency = d.pop("currency", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        name = d.pop("name", UNSET)

        price = d.pop("price", UNSET)

        update_product = cls(
            active=active,
            currency=currency,
            description=description,
            name=name,
            price=price,
        )

        return update_product
