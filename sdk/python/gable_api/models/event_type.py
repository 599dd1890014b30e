from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_type_example import EventTypeExample
    from ..models.event_type_schema import EventTypeSchema


T = TypeVar("T", bound="EventType")


@_attrs_define
class EventType:
    """One kind of event.

    Attributes:
        area (str): The business area the event comes from: `platform`, `webhooks`, `crm`, `sales`,
            `operations` or `rentals`. Example: crm.
        description (str):  Example: A lead was created..
        example (EventTypeExample): An example of the event's `data`.
        schema (EventTypeSchema): The JSON Schema (draft 2020-12) of the event's `data`; the types it refers to are
            under its `$defs`. Made when the catalog is served, not kept: the schemas of every type
            would add about 4 MiB to an idle server's RSS (docs/benchmarks.md).
        type_ (str):  Example: lead.created.
    """

    area: str
    description: str
    example: EventTypeExample
    schema: EventTypeSchema
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        description = self.description

        example = self.example.to_dict()

        schema = self.schema.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area": area,
                "description": description,
                "example": example,
                "schema": schema,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_type_example import EventTypeExample  # noqa: PLC0415
        from ..models.event_type_schema import EventTypeSchema  # noqa: PLC0415

        d = dict(src_dict)
        area = d.pop("area")

        description = d.pop("description")

        example = EventTypeExample.from_dict(d.pop("example"))

        schema = EventTypeSchema.from_dict(d.pop("schema"))

        type_ = d.pop("type")

        event_type = cls(
            area=area,
            description=description,
            example=example,
            schema=schema,
            type_=type_,
        )

        event_type.additional_properties = d
        return event_type

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
