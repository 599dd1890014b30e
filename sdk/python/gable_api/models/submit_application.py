from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submit_application_answers_type_0 import SubmitApplicationAnswersType0


T = TypeVar("T", bound="SubmitApplication")


@_attrs_define
class SubmitApplication:
    """
    Example:
        {'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'applicant_name': 'Maya R.', 'applicant_email':
            'maya@example.com', 'applicant_phone': '+1-555-0100', 'monthly_income_usd': 6200, 'answers': {'pets': 'one cat',
            'move_in': '2026-05-01'}}

    Attributes:
        applicant_name (str): At most 200 characters.
        unit_id (str):
        answers (None | SubmitApplicationAnswersType0 | Unset): A JSON object (default `{}`), at most 50 kB.
        applicant_email (None | str | Unset):
        applicant_phone (None | str | Unset):
        monthly_income_usd (float | None | Unset):
    """

    applicant_name: str
    unit_id: str
    answers: None | SubmitApplicationAnswersType0 | Unset = UNSET
    applicant_email: None | str | Unset = UNSET
    applicant_phone: None | str | Unset = UNSET
    monthly_income_usd: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.submit_application_answers_type_0 import SubmitApplicationAnswersType0  # noqa: PLC0415

        applicant_name = self.applicant_name

        unit_id = self.unit_id

        answers: dict[str, Any] | None | Unset
        if isinstance(self.answers, Unset):
            answers = UNSET
        elif isinstance(self.answers, SubmitApplicationAnswersType0):
            answers = self.answers.to_dict()
        else:
            answers = self.answers

        applicant_email: None | str | Unset
        if isinstance(self.applicant_email, Unset):
            applicant_email = UNSET
        else:
            applicant_email = self.applicant_email

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applicant_name": applicant_name,
                "unit_id": unit_id,
            }
        )
        if answers is not UNSET:
            field_dict["answers"] = answers
        if applicant_email is not UNSET:
            field_dict["applicant_email"] = applicant_email
        if applicant_phone is not UNSET:
            field_dict["applicant_phone"] = applicant_phone
        if monthly_income_usd is not UNSET:
            field_dict["monthly_income_usd"] = monthly_income_usd

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submit_application_answers_type_0 import SubmitApplicationAnswersType0  # noqa: PLC0415

        d = dict(src_dict)
        applicant_name = d.pop("applicant_name")

        unit_id = d.pop("unit_id")

        def _parse_answers(data: object) -> None | SubmitApplicationAnswersType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answers_type_0 = SubmitApplicationAnswersType0.from_dict(data)

                return answers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubmitApplicationAnswersType0 | Unset, data)

        answers = _parse_answers(d.pop("answers", UNSET))

        def _parse_applicant_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_email = _parse_applicant_email(d.pop("applicant_email", UNSET))

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

        submit_application = cls(
            applicant_name=applicant_name,
            unit_id=unit_id,
            answers=answers,
            applicant_email=applicant_email,
            applicant_phone=applicant_phone,
            monthly_income_usd=monthly_income_usd,
        )

        return submit_application
