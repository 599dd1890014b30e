from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.property_status import PropertyStatus
from ..models.property_type import PropertyType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Property")


@_attrs_define
class Property:
    """A property listing.

    Example:
        {'id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'title': 'Modern Villa in Beverly Hills', 'slug': 'modern-villa-in-
            beverly-hills', 'description': None, 'address': '123 Palm Dr', 'city': 'Beverly Hills', 'state': 'CA', 'zip':
            '90210', 'price': 4500000, 'bedrooms': 5, 'bathrooms': 4, 'sqft': 4200, 'propertyType': 'SINGLE_FAMILY',
            'status': 'ACTIVE', 'isFeatured': True, 'photos': [], 'createdAt': '2025-01-15T10:30:00.000Z', 'updatedAt':
            '2025-01-15T10:30:00.000Z'}

    Attributes:
        address (str):
        city (str):
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        is_featured (bool):
        photos (list[str]):
        slug (str): From the title; unique in the organization (`-2`, `-3` on clashes).
        state (str):
        status (PropertyStatus): Listing status.
        title (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        bathrooms (float | None | Unset): Halves allowed (2.5).
        bedrooms (int | None | Unset):
        description (None | str | Unset):
        price (float | None | Unset):
        property_type (None | PropertyType | Unset):
        sqft (int | None | Unset):
        zip_ (None | str | Unset):
    """

    address: str
    city: str
    created_at: datetime.datetime
    id: str
    is_featured: bool
    photos: list[str]
    slug: str
    state: str
    status: PropertyStatus
    title: str
    updated_at: datetime.datetime
    bathrooms: float | None | Unset = UNSET
    bedrooms: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    price: float | None | Unset = UNSET
    property_type: None | PropertyType | Unset = UNSET
    sqft: int | None | Unset = UNSET
    zip_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        city = self.city

        created_at = self.created_at.isoformat()

        id = self.id

        is_featured = self.is_featured

        photos = self.photos

        slug = self.slug

        state = self.state

        status = self.status.value

        title = self.title

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

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        zip_: None | str | Unset
        if isinstance(self.zip_, Unset):
            zip_ = UNSET
        else:
            zip_ = self.zip_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "city": city,
                "createdAt": created_at,
                "id": id,
                "isFeatured": is_featured,
                "photos": photos,
                "slug": slug,
                "state": state,
                "status": status,
                "title": title,
                "updatedAt": updated_at,
            }
        )
        if bathrooms is not UNSET:
            field_dict["bathrooms"] = bathrooms
        if bedrooms is not UNSET:
            field_dict["bedrooms"] = bedrooms
        if description is not UNSET:
            field_dict["description"] = description
        if price is not UNSET:
            field_dict["price"] = price
        if property_type is not UNSET:
            field_dict["propertyType"] = property_type
        if sqft is not UNSET:
            field_dict["sqft"] = sqft
        if zip_ is not UNSET:
            field_dict["zip"] = zip_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        city = d.pop("city")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = d.pop("id")

        is_featured = d.pop("isFeatured")

        photos = cast(list[str], d.pop("photos"))

        slug = d.pop("slug")

        state = d.pop("state")

        status = PropertyStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

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

        def _parse_zip_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zip_ = _parse_zip_(d.pop("zip", UNSET))

        property_ = cls(
            address=address,
            city=city,
            created_at=created_at,
            id=id,
            is_featured=is_featured,
            photos=photos,
            slug=slug,
            state=state,
            status=status,
            title=title,
            updated_at=updated_at,
            bathrooms=bathrooms,
            bedrooms=bedrooms,
            description=description,
            price=price,
            property_type=property_type,
            sqft=sqft,
            zip_=zip_,
        )

        property_.additional_properties = d
        return property_

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
