from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.unit_status import UnitStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUnit")


@_attrs_define
class CreateUnit:
    """
    Example:
        {'property_id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'label': '1B', 'bedrooms': 2, 'bathrooms': 1, 'sqft': 850,
            'market_rent_usd': 1825, 'status': 'vacant'}

    Attributes:
        label (str): At most 50 characters, unique within the property.
        property_id (str):
        bathrooms (float | None | Unset):
        bedrooms (int | None | Unset):
        market_rent_usd (float | None | Unset):
        sqft (int | None | Unset):
        status (None | UnitStatus | Unset):
    """

    label: str
    property_id: str
    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    market_rent_usd: float | None | Unset = UNSET
    sqft: int | None | Unset = UNSET
    status: None | UnitStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        property_id = self.property_id

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, UnitStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "property_id": property_id,
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
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        property_id = d.pop("property_id")

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

        def _parse_status(data: object) -> None | UnitStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = UnitStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        create_unit = cls(
            label=label,
            property_id=property_id,
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            market_rent_usd=market_rent_usd,
            sqft=sqft,
            status=status,
        )

        return create_unit
