from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.summary_source import SummarySource
from ..types import UNSET, Unset

T = TypeVar("T", bound="Written")


@_attrs_define
class Written:
    """The written part of an AI helper's response (flattened into it).

    Example:
        {'summary': 'Twin Cities Plow Co. has done 4 jobs, 3 on time (75%).', 'summary_source': 'built_in', 'ai_error':
            None}

    Attributes:
        summary (str):
        summary_source (SummarySource): Who wrote the summary.
        ai_error (None | str | Unset): Why the configured model's text was not used (`null` when it was, or when no
            model
            is configured).
    """

    summary: str
    summary_source: SummarySource
    ai_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        summary_source = self.summary_source.value

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
            }
        )
        if ai_error is not UNSET:
            field_dict["ai_error"] = ai_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        summary = d.pop("summary")

        summary_source = SummarySource(d.pop("summary_source"))

        def _parse_ai_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ai_error = _parse_ai_error(d.pop("ai_error", UNSET))

        written = cls(
            summary=summary,
            summary_source=summary_source,
            ai_error=ai_error,
        )

        written.additional_properties = d
        return written

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
