from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingRequest")


@_attrs_define
class BookingRequest:
    """A booking request from the public page.

    Example:
        {'name': 'Jane Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Is the garden south-
            facing?', 'startAt': '2025-01-20T10:30:00Z'}

    Attributes:
        email (str):
        name (str): At most 200 characters.
        start_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        message (None | str | Unset): At most 10,000 characters.
        phone (None | str | Unset): At most 50 characters; empty is the same as absent.
    """

    email: str
    name: str
    start_at: datetime.datetime
    message: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        start_at = self.start_at.isoformat()

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
                "startAt": start_at,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        start_at = datetime.datetime.fromisoformat(d.pop("startAt"))

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

        booking_request = cls(
            email=email,
            name=name,
            start_at=start_at,
            message=message,
            phone=phone,
        )

        return booking_request
