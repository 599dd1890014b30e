from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lease_terms import LeaseTerms


T = TypeVar("T", bound="Approve")


@_attrs_define
class Approve:
    """The optional body of `POST /api/applications/{id}/approve`.

    Example:
        {'create_lease': {'start_date': '2026-05-01', 'monthly_rent_usd': 1825}}

    Attributes:
        create_lease (bool | LeaseTerms | None | Unset):
        reason (None | str | Unset): A note on the decision (at most 2,000 characters).
    """

    create_lease: bool | LeaseTerms | None | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lease_terms import LeaseTerms  # noqa: PLC0415

        create_lease: bool | dict[str, Any] | None | Unset
        if isinstance(self.create_lease, Unset):
            create_lease = UNSET
        elif isinstance(self.create_lease, LeaseTerms):
            create_lease = self.create_lease.to_dict()
        else:
            create_lease = self.create_lease

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if create_lease is not UNSET:
            field_dict["create_lease"] = create_lease
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lease_terms import LeaseTerms  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_create_lease(data: object) -> bool | LeaseTerms | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_approval_lease_type_0 = LeaseTerms.from_dict(data)

                return componentsschemas_approval_lease_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | LeaseTerms | None | Unset, data)

        create_lease = _parse_create_lease(d.pop("create_lease", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        approve = cls(
            create_lease=create_lease,
            reason=reason,
        )

        return approve
