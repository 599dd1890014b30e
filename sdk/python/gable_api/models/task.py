from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_priority import TaskPriority
from ..models.task_status import TaskStatus
from ..models.task_type import TaskType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A task for a team member, optionally about a contact, lead or property.

    Example:
        {'id': 'task_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'title': 'Follow up with John Smith', 'description': None, 'type':
            'call', 'priority': 'HIGH', 'status': 'pending', 'dueDate': '2025-01-20T17:00:00.000Z', 'assignedToId':
            'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'contactId': 'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'leadId': None, 'propertyId':
            None, 'completedAt': None, 'createdAt': '2025-01-15T10:30:00.000Z', 'updatedAt': '2025-01-15T10:30:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        priority (TaskPriority):
        status (TaskStatus):
        title (str):
        type_ (TaskType): What kind of work the task is.
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        assigned_to_id (None | str | Unset): The team member the task is assigned to. Example:
            tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        completed_at (datetime.datetime | None | Unset):
        contact_id (None | str | Unset):
        description (None | str | Unset):
        due_date (datetime.datetime | None | Unset):
        lead_id (None | str | Unset):
        property_id (None | str | Unset):
    """

    created_at: datetime.datetime
    id: str
    priority: TaskPriority
    status: TaskStatus
    title: str
    type_: TaskType
    updated_at: datetime.datetime
    assigned_to_id: None | str | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    due_date: datetime.datetime | None | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        priority = self.priority.value

        status = self.status.value

        title = self.title

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        assigned_to_id: None | str | Unset
        if isinstance(self.assigned_to_id, Unset):
            assigned_to_id = UNSET
        else:
            assigned_to_id = self.assigned_to_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.datetime):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        else:
            lead_id = self.lead_id

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
                "priority": priority,
                "status": status,
                "title": title,
                "type": type_,
                "updatedAt": updated_at,
            }
        )
        if assigned_to_id is not UNSET:
            field_dict["assignedToId"] = assigned_to_id
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["dueDate"] = due_date
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = d.pop("id")

        priority = TaskPriority(d.pop("priority"))

        status = TaskStatus(d.pop("status"))

        title = d.pop("title")

        type_ = TaskType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_assigned_to_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_to_id = _parse_assigned_to_id(d.pop("assignedToId", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completedAt", UNSET))

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_due_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.datetime.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_date = _parse_due_date(d.pop("dueDate", UNSET))

        def _parse_lead_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_id = _parse_lead_id(d.pop("leadId", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        task = cls(
            created_at=created_at,
            id=id,
            priority=priority,
            status=status,
            title=title,
            type_=type_,
            updated_at=updated_at,
            assigned_to_id=assigned_to_id,
            completed_at=completed_at,
            contact_id=contact_id,
            description=description,
            due_date=due_date,
            lead_id=lead_id,
            property_id=property_id,
        )

        task.additional_properties = d
        return task

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
