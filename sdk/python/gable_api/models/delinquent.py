from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_standing import PlanStanding


T = TypeVar("T", bound="Delinquent")


@_attrs_define
class Delinquent:
    """One delinquent lease (its tenants) and why it ranks where it does.

    Example:
        {'rank': 1, 'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_ids': ['ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'],
            'tenant_name': 'Maya R.', 'property_name': '127 Pine', 'unit_label': '1B', 'amount_usd': 3700, 'days_late': 54,
            'open_charges': 2, 'late_periods_12m': 2, 'payments_12m': 1, 'last_payment_at': '2026-03-02T00:00:00.000Z',
            'plan_status': 'none', 'plan': None, 'score': 11125.3, 'reasons': ['owes $3700.00', '54 days late', 'no payment
            in the last 60 days']}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places
        days_late (int): Days past due of the oldest open charge.
        late_periods_12m (int): Charges that became late in the last 12 months (payment history).
        lease_id (str):
        open_charges (int):
        payments_12m (int): Payments in the last 12 months.
        plan_status (str): `none`, or the latest plan's status.
        property_name (str):
        rank (int): 1 is the first to contact.
        reasons (list[str]):
        score (float):
        tenant_ids (list[str]):
        tenant_name (str): The lease's tenants, joined with ", ".
        unit_label (str):
        last_payment_at (datetime.datetime | None | Unset):
        plan (None | PlanStanding | Unset):
    """

    amount_usd: float
    days_late: int
    late_periods_12m: int
    lease_id: str
    open_charges: int
    payments_12m: int
    plan_status: str
    property_name: str
    rank: int
    reasons: list[str]
    score: float
    tenant_ids: list[str]
    tenant_name: str
    unit_label: str
    last_payment_at: datetime.datetime | None | Unset = UNSET
    plan: None | PlanStanding | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_standing import PlanStanding  # noqa: PLC0415

        amount_usd = self.amount_usd

        days_late = self.days_late

        late_periods_12m = self.late_periods_12m

        lease_id = self.lease_id

        open_charges = self.open_charges

        payments_12m = self.payments_12m

        plan_status = self.plan_status

        property_name = self.property_name

        rank = self.rank

        reasons = self.reasons

        score = self.score

        tenant_ids = self.tenant_ids

        tenant_name = self.tenant_name

        unit_label = self.unit_label

        last_payment_at: None | str | Unset
        if isinstance(self.last_payment_at, Unset):
            last_payment_at = UNSET
        elif isinstance(self.last_payment_at, datetime.datetime):
            last_payment_at = self.last_payment_at.isoformat()
        else:
            last_payment_at = self.last_payment_at

        plan: dict[str, Any] | None | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        elif isinstance(self.plan, PlanStanding):
            plan = self.plan.to_dict()
        else:
            plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_usd": amount_usd,
                "days_late": days_late,
                "late_periods_12m": late_periods_12m,
                "lease_id": lease_id,
                "open_charges": open_charges,
                "payments_12m": payments_12m,
                "plan_status": plan_status,
                "property_name": property_name,
                "rank": rank,
                "reasons": reasons,
                "score": score,
                "tenant_ids": tenant_ids,
                "tenant_name": tenant_name,
                "unit_label": unit_label,
            }
        )
        if last_payment_at is not UNSET:
            field_dict["last_payment_at"] = last_payment_at
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_standing import PlanStanding  # noqa: PLC0415

        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        days_late = d.pop("days_late")

        late_periods_12m = d.pop("late_periods_12m")

        lease_id = d.pop("lease_id")

        open_charges = d.pop("open_charges")

        payments_12m = d.pop("payments_12m")

        plan_status = d.pop("plan_status")

        property_name = d.pop("property_name")

        rank = d.pop("rank")

        reasons = cast(list[str], d.pop("reasons"))

        score = d.pop("score")

        tenant_ids = cast(list[str], d.pop("tenant_ids"))

        tenant_name = d.pop("tenant_name")

        unit_label = d.pop("unit_label")

        def _parse_last_payment_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_payment_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_payment_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_payment_at = _parse_last_payment_at(d.pop("last_payment_at", UNSET))

        def _parse_plan(data: object) -> None | PlanStanding | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                plan_type_0 = PlanStanding.from_dict(data)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanStanding | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        delinquent = cls(
            amount_usd=amount_usd,
            days_late=days_late,
            late_periods_12m=late_periods_12m,
            lease_id=lease_id,
            open_charges=open_charges,
            payments_12m=payments_12m,
            plan_status=plan_status,
            property_name=property_name,
            rank=rank,
            reasons=reasons,
            score=score,
            tenant_ids=tenant_ids,
            tenant_name=tenant_name,
            unit_label=unit_label,
            last_payment_at=last_payment_at,
            plan=plan,
        )

        delinquent.additional_properties = d
        return delinquent

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
