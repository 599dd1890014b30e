from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.work_order_priority import WorkOrderPriority
from ..models.work_order_status import WorkOrderStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkOrder")


@_attrs_define
class WorkOrder:
    """A job to be done at a property (and optionally one of its units).

    Example:
        {'id': 'wo_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'property_id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id':
            'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'title': 'Kitchen sink leaking', 'description': 'Drips under the sink',
            'priority': 'high', 'status': 'assigned', 'vendor_id': 'v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'cost_usd': 180,
            'scheduled_for': '2026-03-04', 'completed_at': None, 'created_at': '2026-03-02T14:00:00.000Z', 'updated_at':
            '2026-03-02T14:00:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        priority (WorkOrderPriority):
        property_id (str):
        status (WorkOrderStatus):
        title (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        completed_at (datetime.datetime | None | Unset):
        cost_usd (float | None | Unset):
        description (None | str | Unset):
        scheduled_for (datetime.date | None | Unset):
        unit_id (None | str | Unset):
        vendor_id (None | str | Unset):
    """

    created_at: datetime.datetime
    id: str
    priority: WorkOrderPriority
    property_id: str
    status: WorkOrderStatus
    title: str
    updated_at: datetime.datetime
    completed_at: datetime.datetime | None | Unset = UNSET
    cost_usd: float | None | Unset = UNSET
    description: None | str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        priority = self.priority.value

        property_id = self.property_id

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        cost_usd: float | None | Unset
        if isinstance(self.cost_usd, Unset):
            cost_usd = UNSET
        else:
            cost_usd = self.cost_usd

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.date):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        unit_id: None | str | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "priority": priority,
                "property_id": property_id,
                "status": status,
                "title": title,
                "updated_at": updated_at,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd
        if description is not UNSET:
            field_dict["description"] = description
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        priority = WorkOrderPriority(d.pop("priority"))

        property_id = d.pop("property_id")

        status = WorkOrderStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_cost_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cost_usd = _parse_cost_usd(d.pop("cost_usd", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_scheduled_for(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_for_type_0 = datetime.date.fromisoformat(data)

                return scheduled_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for", UNSET))

        def _parse_unit_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))

        work_order = cls(
            created_at=created_at,
            id=id,
            priority=priority,
            property_id=property_id,
            status=status,
            title=title,
            updated_at=updated_at,
            completed_at=completed_at,
            cost_usd=cost_usd,
            description=description,
            scheduled_for=scheduled_for,
            unit_id=unit_id,
            vendor_id=vendor_id,
        )

        work_order.additional_properties = d
        return work_order

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
