from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_application_answers import UpdateApplicationAnswers


T = TypeVar("T", bound="UpdateApplication")


@_attrs_define
class UpdateApplication:
    """Only the fields sent change, and only while the application is `submitted`.

    Example:
        {'monthly_income_usd': 6500}

    Attributes:
        answers (UpdateApplicationAnswers | Unset):
        applicant_email (None | str | Unset):
        applicant_name (str | Unset):
        applicant_phone (None | str | Unset):
        monthly_income_usd (float | None | Unset):
        unit_id (str | Unset):
    """

    answers: UpdateApplicationAnswers | Unset = UNSET
    applicant_email: None | str | Unset = UNSET
    applicant_name: str | Unset = UNSET
    applicant_phone: None | str | Unset = UNSET
    monthly_income_usd: float | None | Unset = UNSET
    unit_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        applicant_email: None | str | Unset
        if isinstance(self.applicant_email, Unset):
            applicant_email = UNSET
        else:
            applicant_email = self.applicant_email

        applicant_name = self.applicant_name

        applicant_phone: None | str | Unset
        if isinstance(self.applicant_phone, Unset):
            applicant_phone = UNSET
        else:
            applicant_phone = self.applicant_phone

        monthly_income_usd: float | None | Unset
        if isinstance(self.monthly_income_usd, Unset):
            monthly_income_usd = UNSET
        else:
            monthly_income_usd = self.monthly_income_usd

        unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answers is not UNSET:
            field_dict["answers"] = answers
        if applicant_email is not UNSET:
            field_dict["applicant_email"] = applicant_email
        if applicant_name is not UNSET:
            field_dict["applicant_name"] = applicant_name
        if applicant_phone is not UNSET:
            field_dict["applicant_phone"] = applicant_phone
        if monthly_income_usd is not UNSET:
            field_dict["monthly_income_usd"] = monthly_income_usd
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_application_answers import UpdateApplicationAnswers  # noqa: PLC0415

        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: UpdateApplicationAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = UpdateApplicationAnswers.from_dict(_answers)

        def _parse_applicant_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_email = _parse_applicant_email(d.pop("applicant_email", UNSET))

        applicant_name = d.pop("applicant_name", UNSET)

        def _parse_applicant_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_phone = _parse_applicant_phone(d.pop("applicant_phone", UNSET))

        def _parse_monthly_income_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        monthly_income_usd = _parse_monthly_income_usd(d.pop("monthly_income_usd", UNSET))

        unit_id = d.pop("unit_id", UNSET)

        update_application = cls(
            answers=answers,
            applicant_email=applicant_email,
            applicant_name=applicant_name,
            applicant_phone=applicant_phone,
            monthly_income_usd=monthly_income_usd,
            unit_id=unit_id,
        )

        return update_application
