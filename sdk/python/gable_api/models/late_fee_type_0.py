from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.late_fee_type_0_type import LateFeeType0Type
from ..types import UNSET, Unset

T = TypeVar("T", bound="LateFeeType0")


@_attrs_define
class LateFeeType0:
    """
    Attributes:
        amount (float): Dollars, at most two decimal places, not negative.
        type_ (LateFeeType0Type): `flat`: `amount` dollars.
        cap_usd (float | None | Unset): The most the fee can be, in dollars (not negative).
    """

    amount: float
    type_: LateFeeType0Type
    cap_usd: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        type_ = self.type_.value

        cap_usd: float | None | Unset
        if isinstance(self.cap_usd, Unset):
            cap_usd = UNSET
        else:
            cap_usd = self.cap_usd

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "type": type_,
            }
        )
        if cap_usd is not UNSET:
            field_dict["cap_usd"] = cap_usd

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        type_ = LateFeeType0Type(d.pop("type"))

        def _parse_cap_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cap_usd = _parse_cap_usd(d.pop("cap_usd", UNSET))

        late_fee_type_0 = cls(
            amount=amount,
            type_=type_,
            cap_usd=cap_usd,
        )

        return late_fee_type_0
