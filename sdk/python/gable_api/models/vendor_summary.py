from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.summary_source import SummarySource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vendor_facts import VendorFacts


T = TypeVar("T", bound="VendorSummary")


@_attrs_define
class VendorSummary:
    """The vendor summary: the facts and their written summary.

    Example:
        {'vendor_id': 'v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'facts': {'vendor_name': 'Pipe Dreams', 'trade': 'plumbing',
            'jobs': 5, 'completed_jobs': 3, 'open_jobs': 1, 'cancelled_jobs': 1, 'scheduled_completed_jobs': 3,
            'on_time_jobs': 2, 'on_time_rate': 0.667, 'average_cost_usd': 215.4, 'total_cost_usd': 646.2,
            'average_days_to_complete': 2.5}, 'summary': 'Pipe Dreams (plumbing) has had 5 work orders: 3 completed, 1 open,
            1 cancelled. 2 of 3 scheduled jobs were completed on time (67%). Average cost $215.40 per completed job; 2.5
            days on average from request to completion.', 'summary_source': 'built_in', 'ai_error': None}

    Attributes:
        summary (str):
        summary_source (SummarySource): Who wrote the summary.
        facts (VendorFacts): What the work orders say about a vendor. Example: {'vendor_name': 'Pipe Dreams', 'trade':
            'plumbing', 'jobs': 5, 'completed_jobs': 3, 'open_jobs': 1, 'cancelled_jobs': 1, 'scheduled_completed_jobs': 3,
            'on_time_jobs': 2, 'on_time_rate': 0.667, 'average_cost_usd': 215.4, 'total_cost_usd': 646.2,
            'average_days_to_complete': 2.5}.
        vendor_id (str):
        ai_error (None | str | Unset): Why the configured model's text was not used (`null` when it was, or when no
            model
            is configured).
    """

    summary: str
    summary_source: SummarySource
    facts: VendorFacts
    vendor_id: str
    ai_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        summary_source = self.summary_source.value

        facts = self.facts.to_dict()

        vendor_id = self.vendor_id

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
                "facts": facts,
                "vendor_id": vendor_id,
            }
        )
        if ai_error is not UNSET:
            field_dict["ai_error"] = ai_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vendor_facts import VendorFacts  # noqa: PLC0415

        d = dict(src_dict)
        summary = d.pop("summary")

        summary_source = SummarySource(d.pop("summary_source"))

        facts = VendorFacts.from_dict(d.pop("facts"))

        vendor_id = d.pop("vendor_id")

        def _parse_ai_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ai_error = _parse_ai_error(d.pop("ai_error", UNSET))

        vendor_summary = cls(
            summary=summary,
            summary_source=summary_source,
            facts=facts,
            vendor_id=vendor_id,
            ai_error=ai_error,
        )

        vendor_summary.additional_properties = d
        return vendor_summary

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
