from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.lead import Lead


T = TypeVar("T", bound="Conversion")


@_attrs_define
class Conversion:
    """A converted lead and the contact it now references.

    Example:
        {'lead': {'id': 'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Jane Doe', 'email': 'jane@example.com', 'phone':
            '+1-555-0200', 'source': 'website', 'status': 'converted', 'message': 'Interested in the Beverly Hills listing',
            'propertyId': None, 'contactId': 'cont_01JDQ9A1B2C3D4E5F6G7H8J9K0', 'assignedToId': None, 'createdAt':
            '2025-01-12T10:30:00.000Z', 'updatedAt': '2025-01-14T09:00:00.000Z'}, 'contact': {'id':
            'cont_01JDQ9A1B2C3D4E5F6G7H8J9K0', 'firstName': 'Jane', 'lastName': 'Doe', 'email': 'jane@example.com', 'phone':
            '+1-555-0200', 'type': 'BUYER', 'tags': [], 'score': None, 'notes': None, 'createdAt':
            '2025-01-14T09:00:00.000Z', 'updatedAt': '2025-01-14T09:00:00.000Z'}, 'contactCreated': True}

    Attributes:
        contact (Contact): A person the business deals with. Example: {'id': 'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'firstName': 'John', 'lastName': 'Smith', 'email': 'john@example.com', 'phone': '+1-555-0100', 'type': 'BUYER',
            'tags': ['vip', 'beverly-hills'], 'score': 85, 'notes': None, 'createdAt': '2025-01-10T09:00:00.000Z',
            'updatedAt': '2025-01-10T09:00:00.000Z'}.
        contact_created (bool): Whether this call created the contact (`false` when it linked an existing one).
        lead (Lead): Someone who showed interest: from a form, a booking page, or the API. Example: {'id':
            'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Jane Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200',
            'source': 'website', 'status': 'new', 'message': 'Interested in the Beverly Hills listing', 'propertyId': None,
            'contactId': None, 'assignedToId': None, 'createdAt': '2025-01-12T10:30:00.000Z', 'updatedAt':
            '2025-01-12T10:30:00.000Z'}.
    """

    contact: Contact
    contact_created: bool
    lead: Lead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact = self.contact.to_dict()

        contact_created = self.contact_created

        lead = self.lead.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "contactCreated": contact_created,
                "lead": lead,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.lead import Lead  # noqa: PLC0415

        d = dict(src_dict)
        contact = Contact.from_dict(d.pop("contact"))

        contact_created = d.pop("contactCreated")

        lead = Lead.from_dict(d.pop("lead"))

        conversion = cls(
            contact=contact,
            contact_created=contact_created,
            lead=lead,
        )

        conversion.additional_properties = d
        return conversion

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
