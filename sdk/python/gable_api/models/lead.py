from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_status import LeadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Lead")


@_attrs_define
class Lead:
    """Someone who showed interest: from a form, a booking page, or the API.

    Example:
        {'id': 'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Jane Doe', 'email': 'jane@example.com', 'phone':
            '+1-555-0200', 'source': 'website', 'status': 'new', 'message': 'Interested in the Beverly Hills listing',
            'propertyId': None, 'contactId': None, 'assignedToId': None, 'createdAt': '2025-01-12T10:30:00.000Z',
            'updatedAt': '2025-01-12T10:30:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        name (str):
        source (str): Where the lead came from: `website`, `form`, `booking`, `api`, or your own label.
        status (LeadStatus):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        assigned_to_id (None | str | Unset): The team member the lead is assigned to. Example:
            tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        contact_id (None | str | Unset):
        email (None | str | Unset):
        message (None | str | Unset):
        phone (None | str | Unset):
        property_id (None | str | Unset):
    """

    created_at: datetime.datetime
    id: str
    name: str
    source: str
    status: LeadStatus
    updated_at: datetime.datetime
    assigned_to_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        source = self.source

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        assigned_to_id: None | str | Unset
        if isinstance(self.assigned_to_id, Unset):
            assigned_to_id = UNSET
        else:
            assigned_to_id = self.assigned_to_id

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "id": id,
                "name": name,
                "source": source,
                "status": status,
                "updatedAt": updated_at,
            }
        )
        if assigned_to_id is not UNSET:
            field_dict["assignedToId"] = assigned_to_id
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if email is not UNSET:
            field_dict["email"] = email
        if message is not UNSET:
            field_dict["message"] = message
        if phone is not UNSET:
            field_dict["phone"] = phone
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = d.pop("id")

        name = d.pop("name")

        source = d.pop("source")

        status = LeadStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_assigned_to_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assignedToId", UNSET))

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

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

        lead = cls(
            created_at=created_at,
            id=id,
            name=name,
            source=source,
            status=status,
            updated_at=updated_at,
            assigned_to_id=assigned_to_id,
            contact_id=contact_id,
            email=email,
            message=message,
            phone=phone,
            property_id=property_id,
        )

        lead.additional_properties = d
        return lead

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
