from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Installment")


@_attrs_define
class Installment:
    """One installment of a plan.

    Example:
        {'due_date': '2026-07-01', 'amount_usd': 500}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places, more than zero
        due_date (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
    """

    amount_usd: float
    due_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        due_date = self.due_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_usd": amount_usd,
                "due_date": due_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        installment = cls(
            amount_usd=amount_usd,
            due_date=due_date,
        )

        return installment
