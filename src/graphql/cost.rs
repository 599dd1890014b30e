//! What a GraphQL document costs against the rate limits, so that one `POST /graphql` cannot
//! do the work of many requests for the price of one: each root field of the operation that
//! runs is one request (every alias counts: `a: createLead(…) b: createLead(…)` is two;
//! `__typename` is free), and the fields it selects in all, fragments expanded, are counted
//! against `graphql_max_fields`.

use async_graphql::parser::parse_query;
use async_graphql::parser::types::{ExecutableDocument, FragmentDefinition, Selection, SelectionSet};
use async_graphql::{Name, Positioned};
use std::collections::HashMap;

/// Counting stops past this many fields: enough to know a document is over any sane limit,
/// and a bound on the work a document of nested fragment spreads can cause here.
pub const COUNT_CAP: u64 = 100_000;
/// Fragments nested deeper than this are not followed (the schema's depth limit refuses
/// such documents anyway).
const MAX_NESTING: usize = 64;

/// A document's price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    /// Root fields of the operation that runs (of every operation when none can be chosen).
    pub cost: u64,
    /// Fields selected in all, fragments expanded (at most [`COUNT_CAP`] + 1).
    pub fields: u64,
}

/// The price of `query` run as `operation_name`, or `None` when it does not parse (it is
/// then refused by the executor with a syntax error, as one request).
pub fn price(query: &str, operation_name: Option<&str>) -> Option<Price> {
    let document = parse_query(query).ok()?;
    let chosen: Vec<_> = document
        .operations
        .iter()
        .filter(|(name, _)| operation_name.is_none() || name.map(Name::as_str) == operation_name)
        .map(|(_, operation)| operation)
        .collect();
    let operations = if chosen.is_empty() { document.operations.iter().map(|(_, op)| op).collect() } else { chosen };
    let mut price = Price { cost: 0, fields: 0 };
    for operation in operations {
        let selection = &operation.node.selection_set;
        price.cost += root_fields(selection, &document, 0);
        price.fields += fields(selection, &document.fragments, 0, COUNT_CAP.saturating_sub(price.fields));
    }
    Some(price)
}

/// Root fields of a selection set, fragments at the root expanded.
fn root_fields(set: &Positioned<SelectionSet>, document: &ExecutableDocument, nesting: usize) -> u64 {
    if nesting > MAX_NESTING {
        return 0;
    }
    let mut count: u64 = 0;
    for selection in &set.node.items {
        count = count.saturating_add(match &selection.node {
            Selection::Field(field) => u64::from(field.node.name.node.as_str() != "__typename"),
            Selection::InlineFragment(inline) => root_fields(&inline.node.selection_set, document, nesting + 1),
            Selection::FragmentSpread(spread) => document
                .fragments
                .get(&spread.node.fragment_name.node)
                .map_or(0, |fragment| root_fields(&fragment.node.selection_set, document, nesting + 1)),
        });
        if count > COUNT_CAP {
            break;
        }
    }
    count
}

/// Fields selected at every depth, counting until `budget` is spent.
fn fields(
    set: &Positioned<SelectionSet>,
    fragments: &HashMap<Name, Positioned<FragmentDefinition>>,
    nesting: usize,
    budget: u64,
) -> u64 {
    if nesting > MAX_NESTING {
        return 0;
    }
    let mut count: u64 = 0;
    for selection in &set.node.items {
        if count > budget {
            break;
        }
        let left = budget - count;
        count += match &selection.node {
            Selection::Field(field) => 1 + fields(&field.node.selection_set, fragments, nesting + 1, left),
            Selection::InlineFragment(inline) => fields(&inline.node.selection_set, fragments, nesting + 1, left),
            Selection::FragmentSpread(spread) => fragments
                .get(&spread.node.fragment_name.node)
                .map_or(0, |fragment| fields(&fragment.node.selection_set, fragments, nesting + 1, left)),
        };
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(query: &str) -> Price {
        price(query, None).unwrap()
    }

    #[test]
    fn each_root_field_costs_one() {
        assert_eq!(of("{ properties { id title } }"), Price { cost: 1, fields: 3 });
        let aliased: Vec<String> =
            (0..240).map(|i| format!("l{i}: createLead(input: {{name: \"x\"}}) {{ id }}")).collect();
        assert_eq!(of(&format!("mutation {{ {} }}", aliased.join(" "))).cost, 240);
        assert_eq!(of("{ __typename a: leads { id } b: leads { id } }").cost, 2);
        let fragments =
            "query { ...Both ... on Query { units { id } } } fragment Both on Query { leads { id } tasks { id } }";
        assert_eq!(of(fragments), Price { cost: 3, fields: 6 });
    }

    #[test]
    fn the_named_operation_is_priced() {
        let document = "query A { leads { id } } query B { leads { id } tasks { id } units { id } }";
        assert_eq!(price(document, Some("A")).unwrap().cost, 1);
        assert_eq!(price(document, Some("B")).unwrap().cost, 3);
        assert_eq!(price(document, None).unwrap().cost, 4, "no choice made: every operation");
        assert_eq!(price("{ oops", None), None);
    }

    #[test]
    fn fragment_bombs_are_cut_short() {
        let mut document = String::from("{ ...F0 }");
        for i in 0..40 {
            document.push_str(&format!(" fragment F{i} on Query {{ ...F{next} ...F{next} }}", next = i + 1));
        }
        document.push_str(" fragment F40 on Query { leads { id } }");
        let price = of(&document);
        assert!(price.fields > COUNT_CAP, "{price:?}");
        assert!(price.cost > 50, "{price:?}");
    }
}
