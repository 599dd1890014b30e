from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lead_status import LeadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateLead")


@_attrs_define
class UpdateLead:
    """
    Example:
        {'status': 'contacted', 'assignedToId': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'}

    Attributes:
        assigned_to_id (None | str | Unset):
        contact_id (None | str | Unset):
        email (None | str | Unset):
        message (None | str | Unset):
        name (str | Unset):
        phone (None | str | Unset):
        property_id (None | str | Unset):
        source (str | Unset):
        status (LeadStatus | Unset):
    """

    assigned_to_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    name: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    source: str | Unset = UNSET
    status: LeadStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        name = self.name

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

        source = self.source

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assigned_to_id is not UNSET:
            field_dict["assignedToId"] = assigned_to_id
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if email is not UNSET:
            field_dict["email"] = email
        if message is not UNSET:
            field_dict["message"] = message
        if name is not UNSET:
            field_dict["name"] = name
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

        name = d.pop("name", UNSET)

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

        source = d.pop("source", UNSET)

        _status = d.pop("status", UNSET)
        status: LeadStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LeadStatus(_status)

        update_lead = cls(
            assigned_to_id=assigned_to_id,
            contact_id=contact_id,
            email=email,
            message=message,
            name=name,
            phone=phone,
            property_id=property_id,
            source=source,
            status=status,
        )

        return update_lead
