from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """The body of every error response.

    Example:
        {'success': False, 'error': 'This feature needs the Grow plan or higher', 'code': 'PLAN_UPGRADE_REQUIRED',
            'requestId': 'req_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'upgrade': True, 'requiredPlan': 'Grow'}

    Attributes:
        code (str): What went wrong, for programs (UPPER_SNAKE_CASE). Example: VALIDATION_ERROR.
        error (str): What went wrong, for people. Example: Missing required field `title`.
        request_id (str): The `X-Request-Id` of this request: quote it when asking for help.
        success (bool): Always `false`.
        conflicting_id (None | str | Unset): For a 409: the id of the existing object the request conflicts with.
            Example: shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        field (None | str | Unset): The request field the error is about, when there is one.
        required_plan (None | str | Unset): The plan that allows the call: `Grow` or `Elite`.
        upgrade (bool | None | Unset): Present (true) when a higher plan would allow the call.
    """

    code: str
    error: str
    request_id: str
    success: bool
    conflicting_id: None | str | Unset = UNSET
    field: None | str | Unset = UNSET
    required_plan: None | str | Unset = UNSET
    upgrade: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        error = self.error

        request_id = self.request_id

        success = self.success

        conflicting_id: None | str | Unset
        if isinstance(self.conflicting_id, Unset):
            conflicting_id = UNSET
        else:
            conflicting_id = self.conflicting_id

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        required_plan: None | str | Unset
        if isinstance(self.required_plan, Unset):
            required_plan = UNSET
        else:
            required_plan = self.required_plan

        upgrade: bool | None | Unset
        if isinstance(self.upgrade, Unset):
            upgrade = UNSET
        else:
            upgrade = self.upgrade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "error": error,
                "requestId": request_id,
                "success": success,
            }
        )
        if conflicting_id is not UNSET:
            field_dict["conflictingId"] = conflicting_id
        if field is not UNSET:
            field_dict["field"] = field
        if required_plan is not UNSET:
            field_dict["requiredPlan"] = required_plan
        if upgrade is not UNSET:
            field_dict["upgrade"] = upgrade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        error = d.pop("error")

        request_id = d.pop("requestId")

        success = d.pop("success")

        def _parse_conflicting_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conflicting_id = _parse_conflicting_id(d.pop("conflictingId", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_required_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        required_plan = _parse_required_plan(d.pop("requiredPlan", UNSET))

        def _parse_upgrade(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        upgrade = _parse_upgrade(d.pop("upgrade", UNSET))

        error_body = cls(
            code=code,
            error=error,
            request_id=request_id,
            success=success,
            conflicting_id=conflicting_id,
            field=field,
            required_plan=required_plan,
            upgrade=upgrade,
        )

        error_body.additional_properties = d
        return error_body

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
