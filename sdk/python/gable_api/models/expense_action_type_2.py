from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.expense_action_type_2_action import ExpenseActionType2Action

T = TypeVar("T", bound="ExpenseActionType2")


@_attrs_define
class ExpenseActionType2:
    """Deletes the entry: 200 with `{"id", "deleted": true}`

    Attributes:
        action (ExpenseActionType2Action):
        id (str): The entry (`exp_…`)
    """

    action: ExpenseActionType2Action
    id: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ExpenseActionType2Action(d.pop("action"))

        id = d.pop("id")

        expense_action_type_2 = cls(
            action=action,
            id=id,
        )

        return expense_action_type_2
