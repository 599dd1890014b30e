from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateExpenseCategory")


@_attrs_define
class CreateExpenseCategory:
    """
    Example:
        {'name': 'Pest control'}

    Attributes:
        name (str): At most 100 characters.
        id (None | str | Unset): 2–50 of `a-z`, `0-9` and `_`, starting with a letter; made from the name when absent
            (`Pest control` → `pest_control`, `12 Main` → `c_12_main`).
    """

    name: str
    id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        create_expense_category = cls(
            name=name,
            id=id,
        )

        return create_expense_category
