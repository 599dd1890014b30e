from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompleteWorkOrder")


@_attrs_define
class CompleteWorkOrder:
    """The optional body of `POST /api/work-orders/{id}/complete`.

    Example:
        {'cost_usd': 215.4}

    Attributes:
        cost_usd (float | None | Unset):
    """

    cost_usd: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cost_usd: float | None | Unset
        if isinstance(self.cost_usd, Unset):
            cost_usd = UNSET
        else:
            cost_usd = self.cost_usd

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cost_usd is not UNSET:
            field_dict["cost_usd"] = cost_usd

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

        complete_work_order = cls(
            cost_usd=cost_usd,
        )

        return complete_work_order
