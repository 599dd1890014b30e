from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.property_status import PropertyStatus
from ..models.property_type import PropertyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateProperty")


@_attrs_define
class CreateProperty:
    """
    Example:
        {'title': 'Modern Villa in Beverly Hills', 'address': '123 Palm Dr', 'city': 'Beverly Hills', 'state': 'CA',
            'zip': '90210', 'price': 4500000, 'bedrooms': 5, 'bathrooms': 4, 'sqft': 4200, 'propertyType': 'SINGLE_FAMILY',
            'status': 'ACTIVE'}

    Attributes:
        address (str): Street address.
        city (str):
        state (str):
        title (str): Property title (at most 200 characters).
        bathrooms (float | None | Unset): 0–1000, in halves (2.5).
        bedrooms (int | None | Unset):
        description (None | str | Unset):
        is_featured (bool | None | Unset): Default `false`.
        photos (list[str] | None | Unset): Photo URLs (at most 50), each `http(s)://` and at most 2,048 characters.
        price (float | None | Unset):
        property_type (None | PropertyType | Unset):
        sqft (int | None | Unset): Square footage.
        status (None | PropertyStatus | Unset):
        zip_ (None | str | Unset): ZIP code.
    """

    address: str
    city: str
    state: str
    title: str
    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    is_featured: bool | None | Unset = UNSET
    photos: list[str] | None | Unset = UNSET
    price: float | None | Unset = UNSET
    property_type: None | PropertyType | Unset = UNSET
    sqft: int | None | Unset = UNSET
    status: None | PropertyStatus | Unset = UNSET
    zip_: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        city = self.city

        state = self.state

        title = self.title

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

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        is_featured: bool | None | Unset
        if isinstance(self.is_featured, Unset):
            is_featured = UNSET
        else:
            is_featured = self.is_featured

        photos: list[str] | None | Unset
        if isinstance(self.photos, Unset):
            photos = UNSET
        elif isinstance(self.photos, list):
            photos = self.photos

        else:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PropertyStatus):
            status = self.status.value
        else:
            status = self.status

        zip_: None | str | Unset
        if isinstance(self.zip_, Unset):
            zip_ = UNSET
        else:
            zip_ = self.zip_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "address": address,
                "city": city,
                "state": state,
                "title": title,
            }
        )
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
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
        if status is not UNSET:
            field_dict["status"] = status
        if zip_ is not UNSET:
            field_dict["zip"] = zip_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        city = d.pop("city")

        state = d.pop("state")

        title = d.pop("title")

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

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_is_featured(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_featured = _parse_is_featured(d.pop("isFeatured", UNSET))

        def _parse_photos(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                photos_type_0 = cast(list[str], data)

                return photos_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        photos = _parse_photos(d.pop("photos", UNSET))

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

        def _parse_status(data: object) -> None | PropertyStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PropertyStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PropertyStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_zip_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zip_ = _parse_zip_(d.pop("zip", UNSET))

        create_property = cls(
            address=address,
            city=city,
            state=state,
            title=title,
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            description=description,
            is_featured=is_featured,
            photos=photos,
            price=price,
            property_type=property_type,
            sqft=sqft,
            status=status,
            zip_=zip_,
        )

        return create_property
