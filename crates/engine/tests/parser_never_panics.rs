//! The scenario readers never panic, whatever the input, and whatever they accept
//! scores and writes back unchanged. The same check runs under libFuzzer in
//! `fuzz/fuzz_targets/scenario_parser.rs` (see `scripts/fuzz`).

mod common;

use proptest::prelude::*;
use serde_json::{Map, Value};
use yj_rating_engine::{report, score, Framework, Scenario};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");
const PEER_REVIEW: &str = include_str!("../../../examples/peer-review-cases.json");

/// Reads `text` both ways and checks everything that must hold of the outcome.
fn check(text: &str) -> Result<(), TestCaseError> {
    let frameworks = Framework::builtins();
    let strict = Scenario::from_json_str(text);
    match Scenario::draft_from_json_str(text, &frameworks) {
        Err(err) => {
            prop_assert!(!err.problems().is_empty());
            prop_assert!(err.problems().iter().all(|p| !p.message.is_empty()));
            // The strict reader fails the same way on structure.
            prop_assert_eq!(strict, Err(err));
        }
        Ok((draft, framework)) => {
            let framework = &*framework;
            let result = score(framework, &draft);
            prop_assert_eq!(result.standards.len(), framework.standards.len());
            let json = report::to_json(framework, &draft, &result);
            prop_assert_eq!(&json["total"], result.total);
            let written = draft.to_json_string_with(framework);
            let again = Scenario::draft_from_json_str(&written, &frameworks);
            prop_assert_eq!(again.map(|(s, _)| s), Ok(draft.clone()));
            let problems = draft.problems(framework);
            match strict {
                Ok(scenario) => {
                    prop_assert!(problems.is_empty());
                    prop_assert_eq!(Scenario::from_json_str(&written), Ok(scenario.clone()));
                    prop_assert_eq!(scenario, draft);
                }
                Err(err) => prop_assert_eq!(err.problems(), &problems[..]),
            }
        }
    }
    Ok(())
}

// ---- Strategies ----

/// Keys the reader knows, so that generated objects often reach deep into it.
const KEYS: &[&str] = &[
    "format",
    "version",
    "framework",
    "title",
    "rounding",
    "standards",
    "judgement",
    "cases",
    "key_questions",
    "discretion",
    "rating",
    "reason",
    "relevant",
    "yes",
    "desistance",
    "safety",
    "others",
    "recommendations",
    "police",
    "1.1",
    "1.4",
    "2.1",
    "3.2",
    "3.4",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(String::from),
        1 => ".{0,6}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "yj-rating-scenario",
        "youth-2018",
        "Inadequate",
        "Requires improvement",
        "Good",
        "Outstanding",
        "exact",
        "whole-percent",
        "",
        " ",
    ]);
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![-1i64, 0, 1, 2, 3, 5, 6, 9999, 10_000, 10_001]).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // not finite -> null
        words.prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ]
}

/// Any JSON value, nested up to four deep.
fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A document with a mostly right header and arbitrary standards.
fn scenario_shaped() -> impl Strategy<Value = Value> {
    let header = |right: &'static str| prop_oneof![4 => Just(Value::from(right)), 1 => leaf()];
    let version = prop_oneof![4 => Just(Value::from(1)), 1 => leaf()];
    let counts = prop::collection::btree_map(
        prop::sample::select(vec!["relevant", "yes", "no"]).prop_map(String::from),
        prop_oneof![4 => (0..12u32).prop_map(Value::from), 1 => leaf()],
        0..3,
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()));
    let key_questions = prop::collection::btree_map(
        prop::sample::select(vec![
            "desistance",
            "safety",
            "others",
            "recommendations",
            "police",
            "x",
        ])
        .prop_map(String::from),
        prop_oneof![4 => counts, 1 => json()],
        0..4,
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()));
    let entry = prop::collection::btree_map(
        prop::sample::select(vec!["judgement", "cases", "key_questions", "discretion"])
            .prop_map(String::from),
        prop_oneof![
            (0..12u32).prop_map(Value::from),
            key_questions,
            prop::sample::select(vec!["Good", "Inadequate", "bad"]).prop_map(Value::from),
            json(),
        ],
        0..4,
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()));
    let standards = prop::collection::btree_map(
        prop::sample::select(vec!["1.1", "1.3", "2.1", "2.2", "3.1", "3.4", "9.9"]).prop_map(String::from),
        entry,
        0..6,
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()));
    (
        header("yj-rating-scenario"),
        version,
        header("youth-2018"),
        header("exact"),
        standards,
    )
        .prop_map(|(format, version, framework, rounding, standards)| {
            serde_json::json!({
                "format": format, "version": version, "framework": framework,
                "rounding": rounding, "standards": standards,
            })
        })
}

/// Every JSON pointer in `value`, containers included.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(prop::sample::Index, Value),
    Remove(prop::sample::Index),
    Insert(prop::sample::Index, String, Value),
    /// A number replaced by a small count: often breaks a validity rule only.
    Count(prop::sample::Index, u32),
    /// Discretion added to an object (it applies only on a flagged case standard).
    Discretion(prop::sample::Index, &'static str, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), json()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Remove),
        1 => (any::<prop::sample::Index>(), key(), json()).prop_map(|(at, k, v)| Mutation::Insert(at, k, v)),
        3 => (any::<prop::sample::Index>(), 0..=6u32).prop_map(|(at, n)| Mutation::Count(at, n)),
        1 => (
            any::<prop::sample::Index>(),
            prop::sample::select(vec!["Inadequate", "Requires improvement", "Good", "Outstanding"]),
            prop::sample::select(vec!["", " ", "a reason"]),
        )
            .prop_map(|(at, rating, reason)| Mutation::Discretion(at, rating, reason)),
    ]
}

/// An example (Torbay, or the peer review's case samples) with some fields replaced,
/// removed or added.
fn mutated(example: &str, mutations: &[Mutation]) -> Value {
    let mut value: Value = serde_json::from_str(example).unwrap();
    for mutation in mutations {
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        match mutation {
            Mutation::Replace(at, new) => {
                if let Some(slot) = value.pointer_mut(at.get::<String>(&all)) {
                    *slot = new.clone();
                }
            }
            Mutation::Remove(at) => {
                let pointer = at.get::<String>(&all);
                if let Some((parent, last)) = pointer.rsplit_once('/') {
                    if let Some(Value::Object(map)) = value.pointer_mut(parent) {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                }
            }
            Mutation::Insert(at, key, new) => {
                if let Some(Value::Object(map)) = value.pointer_mut(at.get::<String>(&all)) {
                    map.insert(key.clone(), new.clone());
                }
            }
            Mutation::Count(at, n) => {
                if let Some(slot @ Value::Number(_)) = value.pointer_mut(at.get::<String>(&all)) {
                    *slot = Value::from(*n);
                }
            }
            Mutation::Discretion(at, rating, reason) => {
                if let Some(Value::Object(map)) = value.pointer_mut(at.get::<String>(&all)) {
                    let discretion = serde_json::json!({ "rating": rating, "reason": reason });
                    map.insert("discretion".into(), discretion);
                }
            }
        }
    }
    value
}

proptest! {
    #![proptest_config(common::proptest_config(1024))]

    #[test]
    fn any_json_value(value in json()) {
        check(&value.to_string())?;
    }

    #[test]
    fn scenario_shaped_values(value in scenario_shaped()) {
        check(&value.to_string())?;
        check(&serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn mutated_torbay_values(mutations in prop::collection::vec(mutation(), 1..4)) {
        check(&mutated(TORBAY, &mutations).to_string())?;
    }

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn torbay_text_with_edits(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), any::<char>()), 1..4),
    ) {
        let mut text: Vec<char> = TORBAY.chars().collect();
        for (at, insert, c) in edits {
            let i = at.index(text.len());
            if insert { text.insert(i, c) } else { text.remove(i); }
        }
        check(&text.into_iter().collect::<String>())?;
    }
}

#[test]
fn the_checks_accept_torbay_and_reject_garbage() {
    check(TORBAY).unwrap();
    check("").unwrap();
    check("[]").unwrap();
    assert!(Scenario::from_json_str(TORBAY).is_ok());
    // The mutations can reach every field, down to the counts, and the document itself.
    let value = mutated(TORBAY, &[]);
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    assert!(all.contains(&"/standards/3.4/key_questions/police/yes".to_owned()));
    assert_eq!(all.last().map(String::as_str), Some(""));
}

proptest! {
    // The peer review holds 18 cases: each case costs more, so fewer of them.
    #![proptest_config(common::proptest_config(64))]

    #[test]
    fn mutated_case_sample_values(mutations in prop::collection::vec(mutation(), 1..4)) {
        check(&mutated(PEER_REVIEW, &mutations).to_string())?;
    }
}
