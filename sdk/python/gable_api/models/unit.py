from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unit_status import UnitStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Unit")


@_attrs_define
class Unit:
    """A rentable unit of a property.

    Example:
        {'id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'property_id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'label': '1B',
            'bedrooms': 2, 'bathrooms': 1, 'sqft': 850, 'market_rent_usd': 1825, 'status': 'vacant', 'created_at':
            '2026-03-01T10:30:00.000Z', 'updated_at': '2026-03-01T10:30:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        label (str): Unique within the property.
        property_id (str):
        status (UnitStatus):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        bathrooms (float | None | Unset):
        bedrooms (int | None | Unset):
        market_rent_usd (float | None | Unset):
        sqft (int | None | Unset):
    """

    created_at: datetime.datetime
    id: str
    label: str
    property_id: str
    status: UnitStatus
    updated_at: datetime.datetime
    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    market_rent_usd: float | None | Unset = UNSET
    sqft: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        label = self.label

        property_id = self.property_id

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        bathrooms: float | None | Unset
        if isinstance(self.bathrooms, Unset):
            bathrooms = UNSET
        else:
            bathrooms = self.bathrooms

        bedrooms: int | None | Unset
        if isinstance(self.bedrooms, Unset):
            bedrooms = UNSET
        else:
            bedrooms = self.bedrooms

        market_rent_usd: float | None | Unset
        if isinstance(self.market_rent_usd, Unset):
            market_rent_usd = UNSET
        else:
            market_rent_usd = self.market_rent_usd

        sqft: int | None | Unset
        if isinstance(self.sqft, Unset):
            sqft = UNSET
        else:
            sqft = self.sqft

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "label": label,
                "property_id": property_id,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if market_rent_usd is not UNSET:
            field_dict["market_rent_usd"] = market_rent_usd
        if sqft is not UNSET:
            field_dict["sqft"] = sqft

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        label = d.pop("label")

        property_id = d.pop("property_id")

        status = UnitStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_bathrooms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        bathrooms = _parse_bathrooms(d.pop("bathrooms", UNSET))

        def _parse_bedrooms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bedrooms = _parse_bedrooms(d.pop("bedrooms", UNSET))

        def _parse_market_rent_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        market_rent_usd = _parse_market_rent_usd(d.pop("market_rent_usd", UNSET))

        def _parse_sqft(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sqft = _parse_sqft(d.pop("sqft", UNSET))

        unit = cls(
            created_at=created_at,
            id=id,
            label=label,
            property_id=property_id,
            status=status,
            updated_at=updated_at,
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            market_rent_usd=market_rent_usd,
            sqft=sqft,
        )

        unit.additional_properties = d
        return unit

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
