from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.work_order_priority import WorkOrderPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWorkOrder")


@_attrs_define
class CreateWorkOrder:
    """
    Example:
        {'property_id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'title':
            'Kitchen sink leaking', 'description': 'Drips under the sink', 'priority': 'high', 'vendor_id':
            'v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'cost_usd': 180, 'scheduled_for': '2026-03-04'}

    Attributes:
        title (str): At most 200 characters.
        cost_usd (float | None | Unset):
        description (None | str | Unset):
        priority (None | Unset | WorkOrderPriority):
        property_id (None | str | Unset): Required unless `unit_id` is given (then it is the unit's property).
        scheduled_for (datetime.date | None | Unset):
        unit_id (None | str | Unset): A unit of `property_id`.
        vendor_id (None | str | Unset): Assigns the work order (status `assigned`).
    """

    title: str
    cost_usd: float | None | Unset = UNSET
    description: None | str | Unset = UNSET
    priority: None | Unset | WorkOrderPriority = UNSET
    property_id: None | str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

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

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, WorkOrderPriority):
            priority = self.priority.value
        else:
            priority = self.priority

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

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
                "title": title,
            }
        )
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
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

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

        def _parse_priority(data: object) -> None | Unset | WorkOrderPriority:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = WorkOrderPriority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkOrderPriority, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("property_id", UNSET))

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

        create_work_order = cls(
            title=title,
            cost_usd=cost_usd,
            description=description,
            priority=priority,
            property_id=property_id,
            scheduled_for=scheduled_for,
            unit_id=unit_id,
            vendor_id=vendor_id,
        )

        create_work_order.additional_properties = d
        return create_work_order

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
