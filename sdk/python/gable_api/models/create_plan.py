from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment import Installment


T = TypeVar("T", bound="CreatePlan")


@_attrs_define
class CreatePlan:
    """
    Example:
        {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'installments': [{'due_date': '2026-07-01', 'amount_usd': 500},
            {'due_date': '2026-08-01', 'amount_usd': 500}]}

    Attributes:
        installments (list[Installment]): One to 60 installments, each more than 0.
        lease_id (None | str | Unset): The lease (or give `tenant_id`; exactly one of the two).
        tenant_id (None | str | Unset):
    """

    installments: list[Installment]
    lease_id: None | str | Unset = UNSET
    tenant_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        lease_id: None | str | Unset
        if isinstance(self.lease_id, Unset):
            lease_id = UNSET
        else:
            lease_id = self.lease_id

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "installments": installments,
            }
        )
        if lease_id is not UNSET:
            field_dict["lease_id"] = lease_id
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment import Installment  # noqa: PLC0415

        d = dict(src_dict)
        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = Installment.from_dict(installments_item_data)

            installments.append(installments_item)

        def _parse_lease_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_id = _parse_lease_id(d.pop("lease_id", UNSET))

        def _parse_tenant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        create_plan = cls(
            installments=installments,
            lease_id=lease_id,
            tenant_id=tenant_id,
        )

        create_plan.additional_properties = d
        return create_plan

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
