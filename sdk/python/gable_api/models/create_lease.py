from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.late_fee_type_0 import LateFeeType0
    from ..models.late_fee_type_1 import LateFeeType1


T = TypeVar("T", bound="CreateLease")


@_attrs_define
class CreateLease:
    """
    Example:
        {'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_ids': ['ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5'], 'start_date':
            '2026-03-15', 'end_date': '2027-03-14', 'monthly_rent_usd': 1825, 'due_day': 1, 'grace_days': 5, 'deposit_usd':
            1825, 'late_fee': {'type': 'percent', 'amount': 5, 'cap_usd': 100}}

    Attributes:
        monthly_rent_usd (float): US dollars, at most two decimal places, more than zero
        start_date (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        tenant_ids (list[str]): One to ten tenants.
        unit_id (str):
        deposit_usd (float | None | Unset):
        due_day (int | None | Unset): 1–31 (default 1).
        end_date (datetime.date | None | Unset):
        grace_days (int | None | Unset): 0–90 (default 0).
        late_fee (LateFeeType0 | LateFeeType1 | None | Unset):
    """

    monthly_rent_usd: float
    start_date: datetime.date
    tenant_ids: list[str]
    unit_id: str
    deposit_usd: float | None | Unset = UNSET
    due_day: int | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    grace_days: int | None | Unset = UNSET
    late_fee: LateFeeType0 | LateFeeType1 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        monthly_rent_usd = self.monthly_rent_usd

        start_date = self.start_date.isoformat()

        tenant_ids = self.tenant_ids

        unit_id = self.unit_id

        deposit_usd: float | None | Unset
        if isinstance(self.deposit_usd, Unset):
            deposit_usd = UNSET
        else:
            deposit_usd = self.deposit_usd

        due_day: int | None | Unset
        if isinstance(self.due_day, Unset):
            due_day = UNSET
        else:
            due_day = self.due_day

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        grace_days: int | None | Unset
        if isinstance(self.grace_days, Unset):
            grace_days = UNSET
        else:
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "monthly_rent_usd": monthly_rent_usd,
                "start_date": start_date,
                "tenant_ids": tenant_ids,
                "unit_id": unit_id,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.late_fee_type_0 import LateFeeType0  # noqa: PLC0415
        from ..models.late_fee_type_1 import LateFeeType1  # noqa: PLC0415

        d = dict(src_dict)
        monthly_rent_usd = d.pop("monthly_rent_usd")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        tenant_ids = cast(list[str], d.pop("tenant_ids"))

        unit_id = d.pop("unit_id")

        def _parse_deposit_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        deposit_usd = _parse_deposit_usd(d.pop("deposit_usd", UNSET))

        def _parse_due_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        due_day = _parse_due_day(d.pop("due_day", UNSET))

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

        def _parse_grace_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_days = _parse_grace_days(d.pop("grace_days", UNSET))

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

        create_lease = cls(
            monthly_rent_usd=monthly_rent_usd,
            start_date=start_date,
            tenant_ids=tenant_ids,
            unit_id=unit_id,
            deposit_usd=deposit_usd,
            due_day=due_day,
            end_date=end_date,
            grace_days=grace_days,
            late_fee=late_fee,
        )

        return create_lease
