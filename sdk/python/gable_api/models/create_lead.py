from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lead_status import LeadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateLead")


@_attrs_define
class CreateLead:
    """
    Example:
        {'name': 'Jane Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'source': 'website', 'message':
            'Interested in the Beverly Hills listing'}

    Attributes:
        name (str):
        assigned_to_id (None | str | Unset):
        contact_id (None | str | Unset):
        email (None | str | Unset):
        message (None | str | Unset):
        phone (None | str | Unset): Empty is the same as absent.
        property_id (None | str | Unset):
        source (None | str | Unset): Default `api` (also when empty).
        status (LeadStatus | None | Unset):
    """

    name: str
    assigned_to_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    status: LeadStatus | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LeadStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
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
        if source is not UNSET:
            field_dict["source"] = source
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

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

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_status(data: object) -> LeadStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LeadStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        create_lead = cls(
            name=name,
            assigned_to_id=assigned_to_id,
            contact_id=contact_id,
            email=email,
            message=message,
            phone=phone,
            property_id=property_id,
            source=source,
            status=status,
        )

        return create_lead
