from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadForm")


@_attrs_define
class LeadForm:
    """An enquiry from a website's contact form.

    Example:
        {'name': 'Jane Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Interested in the Beverly
            Hills listing', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'website': ''}

    Attributes:
        email (str):
        name (str):
        message (None | str | Unset):
        phone (None | str | Unset): Empty is the same as absent.
        property_id (None | str | Unset): The listing the enquiry is about.
        website (None | str | Unset): A honeypot: render it hidden and leave it empty. Submissions that fill it in are
            answered like any other and dropped.
    """

    email: str
    name: str
    message: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if phone is not UNSET:
            field_dict["phone"] = phone
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        lead_form = cls(
            email=email,
            name=name,
            message=message,
            phone=phone,
            property_id=property_id,
            website=website,
        )

        return lead_form
