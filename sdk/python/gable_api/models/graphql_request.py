from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graphql_request_variables_type_0 import GraphqlRequestVariablesType0


T = TypeVar("T", bound="GraphqlRequest")


@_attrs_define
class GraphqlRequest:
    """A GraphQL request.

    Example:
        {'query': 'query($city: String) { properties(city: $city, limit: 5) { id title price } }', 'variables': {'city':
            'Austin'}}

    Attributes:
        query (str): The GraphQL document.
        operation_name (None | str | Unset): Which operation of the document to run, when it has several.
        variables (GraphqlRequestVariablesType0 | None | Unset): Values for the document's `$variables`: an object (or
            null).
    """

    query: str
    operation_name: None | str | Unset = UNSET
    variables: GraphqlRequestVariablesType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.graphql_request_variables_type_0 import GraphqlRequestVariablesType0  # noqa: PLC0415

        query = self.query

        operation_name: None | str | Unset
        if isinstance(self.operation_name, Unset):
            operation_name = UNSET
        else:
            operation_name = self.operation_name

        variables: dict[str, Any] | None | Unset
        if isinstance(self.variables, Unset):
            variables = UNSET
        elif isinstance(self.variables, GraphqlRequestVariablesType0):
            variables = self.variables.to_dict()
        else:
            variables = self.variables

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if operation_name is not UNSET:
            field_dict["operationName"] = operation_name
        if variables is not UNSET:
            field_dict["variables"] = variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphql_request_variables_type_0 import GraphqlRequestVariablesType0  # noqa: PLC0415

        d = dict(src_dict)
        query = d.pop("query")

        def _parse_operation_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation_name = _parse_operation_name(d.pop("operationName", UNSET))

        def _parse_variables(data: object) -> GraphqlRequestVariablesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                variables_type_0 = GraphqlRequestVariablesType0.from_dict(data)

                return variables_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GraphqlRequestVariablesType0 | None | Unset, data)

        variables = _parse_variables(d.pop("variables", UNSET))

        graphql_request = cls(
            query=query,
            operation_name=operation_name,
            variables=variables,
        )

        graphql_request.additional_properties = d
        return graphql_request

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
