from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VendorSummaryRequest")


@_attrs_define
class VendorSummaryRequest:
    """
    Example:
        {'vendor_id': 'v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'}

    Attributes:
        vendor_id (str):
    """

    vendor_id: str

    def to_dict(self) -> dict[str, Any]:
        vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "vendor_id": vendor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vendor_id = d.pop("vendor_id")

        vendor_summary_request = cls(
            vendor_id=vendor_id,
        )

        return vendor_summary_request
