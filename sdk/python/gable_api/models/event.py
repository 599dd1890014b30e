from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_data import EventData


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """An event as stored and listed.

    Example:
        {'id': 'evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'type': 'lead.created', 'orgId': 'org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'occurredAt': '2025-01-15T10:30:00.000Z', 'data': {'id': 'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Jane Doe',
            'status': 'new'}}

    Attributes:
        data (EventData): The object as the API returned it after the change.
        id (str):  Example: evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        occurred_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        org_id (str):  Example: org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        type_ (str):  Example: lead.created.
    """

    data: EventData
    id: str
    occurred_at: datetime.datetime
    org_id: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        org_id = self.org_id

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "occurredAt": occurred_at,
                "orgId": org_id,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData  # noqa: PLC0415

        d = dict(src_dict)
        data = EventData.from_dict(d.pop("data"))

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurredAt"))

        org_id = d.pop("orgId")

        type_ = d.pop("type")

        event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            org_id=org_id,
            type_=type_,
        )

        event.additional_properties = d
        return event

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
