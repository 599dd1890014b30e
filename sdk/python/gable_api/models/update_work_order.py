from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.work_order_priority import WorkOrderPriority
from ..models.work_order_status import WorkOrderStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateWorkOrder")


@_attrs_define
class UpdateWorkOrder:
    """Only the fields sent change; `null` clears an optional field.

    Example:
        {'status': 'in_progress', 'scheduled_for': '2026-03-05'}

    Attributes:
        cost_usd (float | None | Unset):
        description (None | str | Unset):
        priority (WorkOrderPriority | Unset):
        property_id (str | Unset):
        scheduled_for (datetime.date | None | Unset):
        status (WorkOrderStatus | Unset):
        title (str | Unset):
        unit_id (None | str | Unset):
        vendor_id (None | str | Unset):
    """

    cost_usd: float | None | Unset = UNSET
    description: None | str | Unset = UNSET
    priority: WorkOrderPriority | Unset = UNSET
    property_id: str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET
    status: WorkOrderStatus | Unset = UNSET
    title: str | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        property_id = self.property_id

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.date):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        title = self.title

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

        field_dict.update({})
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if property_id is not UNSET:
            field_dict["property_id"] = property_id
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        _priority = d.pop("priority", UNSET)
        priority: WorkOrderPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = WorkOrderPriority(_priority)

        property_id = d.pop("property_id", UNSET)

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

        _status = d.pop("status", UNSET)
        status: WorkOrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = WorkOrderStatus(_status)

        title = d.pop("title", UNSET)

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

        update_work_order = cls(
            cost_usd=cost_usd,
            description=description,
            priority=priority,
            property_id=property_id,
            scheduled_for=scheduled_for,
            status=status,
            title=title,
            unit_id=unit_id,
            vendor_id=vendor_id,
        )

        return update_work_order
