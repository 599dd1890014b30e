from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.condition import Condition
from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionItem")


@_attrs_define
class InspectionItem:
    """One line of the checklist.

    Example:
        {'area': 'Kitchen', 'condition': 'fair', 'notes': 'Scuffed cabinet doors'}

    Attributes:
        area (str): At most 100 characters.
        condition (Condition):
        notes (None | str | Unset): At most 2,000 characters.
    """

    area: str
    condition: Condition
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        condition = self.condition.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area": area,
                "condition": condition,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area = d.pop("area")

        condition = Condition(d.pop("condition"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        inspection_item = cls(
            area=area,
            condition=condition,
            notes=notes,
        )

        return inspection_item
