from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.property_status import PropertyStatus
from ..models.property_type import PropertyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateProperty")


@_attrs_define
class UpdateProperty:
    """Only the fields sent change; `null` clears an optional field.

    Example:
        {'status': 'PENDING', 'price': 4350000}

    Attributes:
        address (str | Unset):
        bathrooms (float | None | Unset):
        bedrooms (int | None | Unset):
        city (str | Unset):
        description (None | str | Unset):
        is_featured (bool | Unset):
        photos (list[str] | Unset):
        price (float | None | Unset):
        property_type (None | PropertyType | Unset):
        sqft (int | None | Unset):
        state (str | Unset):
        status (PropertyStatus | Unset): Listing status.
        title (str | Unset):
        zip_ (None | str | Unset):
    """

    address: str | Unset = UNSET
    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    city: str | Unset = UNSET
    description: None | str | Unset = UNSET
    is_featured: bool | Unset = UNSET
    photos: list[str] | Unset = UNSET
    price: float | None | Unset = UNSET
    property_type: None | PropertyType | Unset = UNSET
    sqft: int | None | Unset = UNSET
    state: str | Unset = UNSET
    status: PropertyStatus | Unset = UNSET
    title: str | Unset = UNSET
    zip_: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address

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

        city = self.city

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        is_featured = self.is_featured

        photos: list[str] | Unset = UNSET
        if not isinstance(self.photos, Unset):
            photos = self.photos

        price: float | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        property_type: None | str | Unset
        if isinstance(self.property_type, Unset):
            property_type = UNSET
        elif isinstance(self.property_type, PropertyType):
            property_type = self.property_type.value
        else:
            property_type = self.property_type

        sqft: int | None | Unset
        if isinstance(self.sqft, Unset):
            sqft = UNSET
        else:
            sqft = self.sqft

        state = self.state

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        title = self.title

        zip_: None | str | Unset
        if isinstance(self.zip_, Unset):
            zip_ = UNSET
        else:
            zip_ = self.zip_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if city is not UNSET:
            field_dict["city"] = city
        if description is not UNSET:
            field_dict["description"] = description
        if is_featured is not UNSET:
            field_dict["isFeatured"] = is_featured
        if photos is not UNSET:
            field_dict["photos"] = photos
        if price is not UNSET:
            field_dict["price"] = price
        if property_type is not UNSET:
            field_dict["propertyType"] = property_type
        if sqft is not UNSET:
            field_dict["sqft"] = sqft
        if state is not UNSET:
            field_dict["state"] = state
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if zip_ is not UNSET:
            field_dict["zip"] = zip_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address", UNSET)

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

        city = d.pop("city", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        is_featured = d.pop("isFeatured", UNSET)

        photos = cast(list[str], d.pop("photos", UNSET))

        def _parse_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        def _parse_property_type(data: object) -> None | PropertyType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                property_type_type_0 = PropertyType(data)

                return property_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PropertyType | Unset, data)

        property_type = _parse_property_type(d.pop("propertyType", UNSET))

        def _parse_sqft(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sqft = _parse_sqft(d.pop("sqft", UNSET))

        state = d.pop("state", UNSET)

        _status = d.pop("status", UNSET)
        status: PropertyStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PropertyStatus(_status)

        title = d.pop("title", UNSET)

        def _parse_zip_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zip_ = _parse_zip_(d.pop("zip", UNSET))

        update_property = cls(
            address=address,
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            city=city,
            description=description,
            is_featured=is_featured,
            photos=photos,
            price=price,
            property_type=property_type,
            sqft=sqft,
            state=state,
            status=status,
            title=title,
            zip_=zip_,
        )

        return update_property
