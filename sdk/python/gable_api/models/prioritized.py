from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.summary_source import SummarySource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delinquent import Delinquent


T = TypeVar("T", bound="Prioritized")


@_attrs_define
class Prioritized:
    """
    Example:
        {'as_of': '2026-05-25', 'delinquent_leases': 1, 'total_usd': 3700, 'tenants': [{'rank': 1, 'lease_id':
            'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_ids': ['ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'], 'tenant_name': 'Maya R.',
            'property_name': '127 Pine', 'unit_label': '1B', 'amount_usd': 3700, 'days_late': 54, 'open_charges': 2,
            'late_periods_12m': 2, 'payments_12m': 1, 'last_payment_at': '2026-03-02T00:00:00.000Z', 'plan_status': 'none',
            'plan': None, 'score': 11125.3, 'reasons': ['owes $3700.00', '54 days late', 'no payment in the last 60 days',
            '2 periods late in the last 12 months', 'no payment plan']}], 'summary': '1 lease owes $3700.00 in total. Call
            Maya R. (127 Pine 1B) first: $3700.00, 54 days late, no payment plan.', 'summary_source': 'built_in',
            'ai_error': None}

    Attributes:
        summary (str):
        summary_source (SummarySource): Who wrote the summary.
        as_of (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        delinquent_leases (int):
        tenants (list[Delinquent]): Ranked, first to contact first.
        total_usd (float): US dollars, at most two decimal places
        ai_error (None | str | Unset): Why the configured model's text was not used (`null` when it was, or when no
            model
            is configured).
    """

    summary: str
    summary_source: SummarySource
    as_of: datetime.date
    delinquent_leases: int
    tenants: list[Delinquent]
    total_usd: float
    ai_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        summary_source = self.summary_source.value

        as_of = self.as_of.isoformat()

        delinquent_leases = self.delinquent_leases

        tenants = []
        for tenants_item_data in self.tenants:
            tenants_item = tenants_item_data.to_dict()
            tenants.append(tenants_item)

        total_usd = self.total_usd

        ai_error: None | str | Unset
        if isinstance(self.ai_error, Unset):
            ai_error = UNSET
        else:
            ai_error = self.ai_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "summary": summary,
                "summary_source": summary_source,
                "as_of": as_of,
                "delinquent_leases": delinquent_leases,
                "tenants": tenants,
                "total_usd": total_usd,
            }
        )
        if ai_error is not UNSET:
            field_dict["ai_error"] = ai_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delinquent import Delinquent  # noqa: PLC0415

        d = dict(src_dict)
        summary = d.pop("summary")

        summary_source = SummarySource(d.pop("summary_source"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        delinquent_leases = d.pop("delinquent_leases")

        tenants = []
        _tenants = d.pop("tenants")
        for tenants_item_data in _tenants:
            tenants_item = Delinquent.from_dict(tenants_item_data)

            tenants.append(tenants_item)

        total_usd = d.pop("total_usd")

        def _parse_ai_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ai_error = _parse_ai_error(d.pop("ai_error", UNSET))

        prioritized = cls(
            summary=summary,
            summary_source=summary_source,
            as_of=as_of,
            delinquent_leases=delinquent_leases,
            tenants=tenants,
            total_usd=total_usd,
            ai_error=ai_error,
        )

        prioritized.additional_properties = d
        return prioritized

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
