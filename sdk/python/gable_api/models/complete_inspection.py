from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspection_item import InspectionItem


T = TypeVar("T", bound="CompleteInspection")


@_attrs_define
class CompleteInspection:
    """The optional body of `POST /api/inspections/{id}/complete`.

    Example:
        {'items': [{'area': 'Kitchen', 'condition': 'fair', 'notes': 'Scuffed cabinet doors'}, {'area': 'Bathroom',
            'condition': 'good', 'notes': None}], 'notes': 'Deposit deduction for cabinets'}

    Attributes:
        items (list[InspectionItem] | None | Unset): The final checklist (replaces the one stored): one to 200 items.
        notes (None | str | Unset):
    """

    items: list[InspectionItem] | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = self.items

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspection_item import InspectionItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_items(data: object) -> list[InspectionItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = InspectionItem.from_dict(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InspectionItem] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        complete_inspection = cls(
            items=items,
            notes=notes,
        )

        return complete_inspection
