from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment import Installment


T = TypeVar("T", bound="PaymentPlan")


@_attrs_define
class PaymentPlan:
    """A payment plan.

    Example:
        {'id': 'plan_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_id': None,
            'installments': [{'due_date': '2026-07-01', 'amount_usd': 500}, {'due_date': '2026-08-01', 'amount_usd': 500}],
            'total_usd': 1000, 'paid_usd': 500, 'remaining_usd': 500, 'status': 'accepted', 'decided_at':
            '2026-06-20T10:00:00.000Z', 'created_at': '2026-06-18T10:00:00.000Z', 'updated_at': '2026-06-20T10:00:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        installments (list[Installment]): Installments stored as JSON text. Example: [{'due_date': '2026-07-01',
            'amount_usd': 500}].
        paid_usd (float): US dollars, at most two decimal places
        remaining_usd (float): US dollars, at most two decimal places
        status (PlanStatus):
        total_usd (float): US dollars, at most two decimal places
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        decided_at (datetime.datetime | None | Unset):
        lease_id (None | str | Unset): The lease whose balance the plan covers (or `tenant_id`).
        tenant_id (None | str | Unset): The tenant whose balance the plan covers (or `lease_id`).
    """

    created_at: datetime.datetime
    id: str
    installments: list[Installment]
    paid_usd: float
    remaining_usd: float
    status: PlanStatus
    total_usd: float
    updated_at: datetime.datetime
    decided_at: datetime.datetime | None | Unset = UNSET
    lease_id: None | str | Unset = UNSET
    tenant_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        installments = []
        for componentsschemas_installments_item_data in self.installments:
            componentsschemas_installments_item = componentsschemas_installments_item_data.to_dict()
            installments.append(componentsschemas_installments_item)

        paid_usd = self.paid_usd

        remaining_usd = self.remaining_usd

        status = self.status.value

        total_usd = self.total_usd

        updated_at = self.updated_at.isoformat()

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

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
                "created_at": created_at,
                "id": id,
                "installments": installments,
                "paid_usd": paid_usd,
                "remaining_usd": remaining_usd,
                "status": status,
                "total_usd": total_usd,
                "updated_at": updated_at,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if lease_id is not UNSET:
            field_dict["lease_id"] = lease_id
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment import Installment  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        installments = []
        _installments = d.pop("installments")
        for componentsschemas_installments_item_data in _installments:
            componentsschemas_installments_item = Installment.from_dict(componentsschemas_installments_item_data)

            installments.append(componentsschemas_installments_item)

        paid_usd = d.pop("paid_usd")

        remaining_usd = d.pop("remaining_usd")

        status = PlanStatus(d.pop("status"))

        total_usd = d.pop("total_usd")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

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

        payment_plan = cls(
            created_at=created_at,
            id=id,
            installments=installments,
            paid_usd=paid_usd,
            remaining_usd=remaining_usd,
            status=status,
            total_usd=total_usd,
            updated_at=updated_at,
            decided_at=decided_at,
            lease_id=lease_id,
            tenant_id=tenant_id,
        )

        payment_plan.additional_properties = d
        return payment_plan

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
