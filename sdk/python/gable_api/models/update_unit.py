from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.unit_status import UnitStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateUnit")


@_attrs_define
class UpdateUnit:
    """Only the fields sent change; `null` clears an optional field.

    Example:
        {'market_rent_usd': 1900}

    Attributes:
        bathrooms (float | None | Unset):
        bedrooms (int | None | Unset):
        label (str | Unset):
        market_rent_usd (float | None | Unset):
        property_id (str | Unset):
        sqft (int | None | Unset):
        status (UnitStatus | Unset):
    """

    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    label: str | Unset = UNSET
    market_rent_usd: float | None | Unset = UNSET
    property_id: str | Unset = UNSET
    sqft: int | None | Unset = UNSET
    status: UnitStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        label = self.label

        market_rent_usd: float | None | Unset
        if isinstance(self.market_rent_usd, Unset):
            market_rent_usd = UNSET
        else:
            market_rent_usd = self.market_rent_usd

        property_id = self.property_id

        sqft: int | None | Unset
        if isinstance(self.sqft, Unset):
            sqft = UNSET
        else:
            sqft = self.sqft

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if label is not UNSET:
            field_dict["label"] = label
        if market_rent_usd is not UNSET:
            field_dict["market_rent_usd"] = market_rent_usd
        if property_id is not UNSET:
            field_dict["property_id"] = property_id
        if sqft is not UNSET:
            field_dict["sqft"] = sqft
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        label = d.pop("label", UNSET)

        def _parse_market_rent_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        market_rent_usd = _parse_market_rent_usd(d.pop("market_rent_usd", UNSET))

        property_id = d.pop("property_id", UNSET)

        def _parse_sqft(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sqft = _parse_sqft(d.pop("sqft", UNSET))

        _status = d.pop("status", UNSET)
        status: UnitStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UnitStatus(_status)

        update_unit = cls(
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            label=label,
            market_rent_usd=market_rent_usd,
            property_id=property_id,
            sqft=sqft,
            status=status,
        )

        return update_unit
