from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment import Installment


T = TypeVar("T", bound="UpdatePlan")


@_attrs_define
class UpdatePlan:
    """A proposed plan's installments can be replaced.

    Example:
        {'installments': [{'due_date': '2026-07-15', 'amount_usd': 1000}]}

    Attributes:
        installments (list[Installment] | Unset): One to 60 installments, each more than 0.
    """

    installments: list[Installment] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        installments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.installments, Unset):
            installments = []
            for installments_item_data in self.installments:
                installments_item = installments_item_data.to_dict()
                installments.append(installments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if installments is not UNSET:
            field_dict["installments"] = installments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment import Installment  # noqa: PLC0415

        d = dict(src_dict)
        _installments = d.pop("installments", UNSET)
        installments: list[Installment] | Unset = UNSET
        if _installments is not UNSET:
            installments = []
            for installments_item_data in _installments:
                installments_item = Installment.from_dict(installments_item_data)

                installments.append(installments_item)

        update_plan = cls(
            installments=installments,
        )

        return update_plan
