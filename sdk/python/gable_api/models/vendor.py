from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Vendor")


@_attrs_define
class Vendor:
    """A vendor: a plumber, an electrician, a snow-removal company…

    Example:
        {'id': 'v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Twin Cities Plow Co.', 'trade': 'snow_removal', 'contact_name':
            'Dana Berg', 'email': 'dispatch@tcplow.example', 'phone': '+1 612 555 0134', 'hourly_rate_usd': 85, 'notes':
            None, 'created_at': '2026-01-15T10:30:00.000Z', 'updated_at': '2026-01-15T10:30:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        name (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        contact_name (None | str | Unset):
        email (None | str | Unset):
        hourly_rate_usd (float | None | Unset):
        notes (None | str | Unset):
        phone (None | str | Unset):
        trade (None | str | Unset): Free text, e.g. `plumbing`, `electrical`, `snow_removal`.
    """

    created_at: datetime.datetime
    id: str
    name: str
    updated_at: datetime.datetime
    contact_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    hourly_rate_usd: float | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    trade: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        updated_at = self.updated_at.isoformat()

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        hourly_rate_usd: float | None | Unset
        if isinstance(self.hourly_rate_usd, Unset):
            hourly_rate_usd = UNSET
        else:
            hourly_rate_usd = self.hourly_rate_usd

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        trade: None | str | Unset
        if isinstance(self.trade, Unset):
            trade = UNSET
        else:
            trade = self.trade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "updated_at": updated_at,
            }
        )
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if email is not UNSET:
            field_dict["email"] = email
        if hourly_rate_usd is not UNSET:
            field_dict["hourly_rate_usd"] = hourly_rate_usd
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if trade is not UNSET:
            field_dict["trade"] = trade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_hourly_rate_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hourly_rate_usd = _parse_hourly_rate_usd(d.pop("hourly_rate_usd", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_trade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trade = _parse_trade(d.pop("trade", UNSET))

        vendor = cls(
            created_at=created_at,
            id=id,
            name=name,
            updated_at=updated_at,
            contact_name=contact_name,
            email=email,
            hourly_rate_usd=hourly_rate_usd,
            notes=notes,
            phone=phone,
            trade=trade,
        )

        vendor.additional_properties = d
        return vendor

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
