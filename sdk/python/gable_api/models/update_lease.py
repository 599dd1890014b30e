from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.late_fee_type_0 import LateFeeType0
    from ..models.late_fee_type_1 import LateFeeType1


T = TypeVar("T", bound="UpdateLease")


@_attrs_define
class UpdateLease:
    """Only the fields sent change (drafts only); `null` clears an optional field.

    Example:
        {'monthly_rent_usd': 1900, 'grace_days': 3}

    Attributes:
        deposit_usd (float | Unset): US dollars, at most two decimal places, not negative
        due_day (int | Unset):
        end_date (datetime.date | None | Unset):
        grace_days (int | Unset):
        late_fee (LateFeeType0 | LateFeeType1 | None | Unset):
        monthly_rent_usd (float | Unset): US dollars, at most two decimal places, more than zero
        start_date (datetime.date | Unset): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        tenant_ids (list[str] | Unset):
        unit_id (str | Unset):
    """

    deposit_usd: float | Unset = UNSET
    due_day: int | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    grace_days: int | Unset = UNSET
    late_fee: LateFeeType0 | LateFeeType1 | None | Unset = UNSET
    monthly_rent_usd: float | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    tenant_ids: list[str] | Unset = UNSET
    unit_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        deposit_usd = self.deposit_usd

        due_day = self.due_day

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        grace_days = self.grace_days

        late_fee: dict[str, Any] | None | Unset
        if isinstance(self.late_fee, Unset):
            late_fee = UNSET
        elif isinstance(self.late_fee, LateFeeType0):
            late_fee = self.late_fee.to_dict()
        elif isinstance(self.late_fee, LateFeeType1):
            late_fee = self.late_fee.to_dict()
        else:
            late_fee = self.late_fee

        monthly_rent_usd = self.monthly_rent_usd

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        tenant_ids: list[str] | Unset = UNSET
        if not isinstance(self.tenant_ids, Unset):
            tenant_ids = self.tenant_ids

        unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if deposit_usd is not UNSET:
            field_dict["deposit_usd"] = deposit_usd
        if due_day is not UNSET:
            field_dict["due_day"] = due_day
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if grace_days is not UNSET:
            field_dict["grace_days"] = grace_days
        if late_fee is not UNSET:
            field_dict["late_fee"] = late_fee
        if monthly_rent_usd is not UNSET:
            field_dict["monthly_rent_usd"] = monthly_rent_usd
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if tenant_ids is not UNSET:
            field_dict["tenant_ids"] = tenant_ids
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        d = dict(src_dict)
        deposit_usd = d.pop("deposit_usd", UNSET)

        due_day = d.pop("due_day", UNSET)

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        grace_days = d.pop("grace_days", UNSET)

        def _parse_late_fee(data: object) -> LateFeeType0 | LateFeeType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_late_fee_type_0 = LateFeeType0.from_dict(data)

                return componentsschemas_late_fee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_late_fee_type_1 = LateFeeType1.from_dict(data)

                return componentsschemas_late_fee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LateFeeType0 | LateFeeType1 | None | Unset, data)

        late_fee = _parse_late_fee(d.pop("late_fee", UNSET))

        monthly_rent_usd = d.pop("monthly_rent_usd", UNSET)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        tenant_ids = cast(list[str], d.pop("tenant_ids", UNSET))

        unit_id = d.pop("unit_id", UNSET)

        update_lease = cls(
            deposit_usd=deposit_usd,
            due_day=due_day,
            end_date=end_date,
            grace_days=grace_days,
            late_fee=late_fee,
            monthly_rent_usd=monthly_rent_usd,
            start_date=start_date,
            tenant_ids=tenant_ids,
            unit_id=unit_id,
        )

        return update_lease
