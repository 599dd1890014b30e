from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graphql_response_data_type_0 import GraphqlResponseDataType0
    from ..models.graphql_response_errors_type_0_item import GraphqlResponseErrorsType0Item


T = TypeVar("T", bound="GraphqlResponse")


@_attrs_define
class GraphqlResponse:
    """A GraphQL response: `data`, and `errors` when a field failed.

    Example:
        {'data': {'property': None}, 'errors': [{'message': 'This API key does not have the `read:properties` scope
            needed for this call', 'path': ['property'], 'extensions': {'code': 'INSUFFICIENT_SCOPE'}}]}

    Attributes:
        data (GraphqlResponseDataType0 | None | Unset):
        errors (list[GraphqlResponseErrorsType0Item] | None | Unset): Each with `message`, `path`, and `extensions.code`
            (and `extensions.field` when the
            error is about one input field): the same codes as the REST errors.
    """

    data: GraphqlResponseDataType0 | None | Unset = UNSET
    errors: list[GraphqlResponseErrorsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.graphql_response_data_type_0 import GraphqlResponseDataType0  # noqa: PLC0415

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, GraphqlResponseDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphql_response_data_type_0 import GraphqlResponseDataType0  # noqa: PLC0415
        from ..models.graphql_response_errors_type_0_item import GraphqlResponseErrorsType0Item  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_data(data: object) -> GraphqlResponseDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = GraphqlResponseDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GraphqlResponseDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_errors(data: object) -> list[GraphqlResponseErrorsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = GraphqlResponseErrorsType0Item.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GraphqlResponseErrorsType0Item] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        graphql_response = cls(
            data=data,
            errors=errors,
        )

        graphql_response.additional_properties = d
        return graphql_response

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
