//! Properties of explain mode and the comparison over generated scenarios, valid or not
//! (counts may break the validity rule, discretion may not apply): never a panic, every
//! step cites a rule, the steps follow the result, and the comparison finds exactly the
//! differences an independent check finds.

mod common;

use proptest::prelude::*;
use yj_rating_engine::compare::{compare, Difference};
use yj_rating_engine::explain::{explain, Topic};
use yj_rating_engine::{
    score, Answers, CaseEntry, Discretion, Entry, Framework, Rating, Rounding, Scenario, StandardStatus,
};

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

fn rating() -> impl Strategy<Value = Rating> {
    (0..4usize).prop_map(|l| Rating::from_level(l).unwrap())
}

/// A case entry with small counts that may break the validity rule, key questions
/// sometimes left out, and sometimes discretion.
fn case_entry(ids: Vec<String>) -> impl Strategy<Value = CaseEntry> {
    let n = ids.len();
    (
        0..8u32,
        prop::collection::vec(prop::option::weighted(0.9, (0..9u32, 0..9u32)), n),
        prop::option::weighted(
            0.2,
            (
                rating(),
                prop_oneof![Just(String::new()), Just("seen".to_owned())],
            ),
        ),
    )
        .prop_map(move |(cases, answers, discretion)| CaseEntry {
            cases,
            key_questions: ids
                .iter()
                .cloned()
                .zip(answers)
                .filter_map(|(id, a)| a.map(|(relevant, yes)| (id, Answers { relevant, yes })))
                .collect(),
            discretion: discretion.map(|(rating, reason)| Discretion { rating, reason }),
            by_case: false,
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let per_standard: Vec<BoxedStrategy<Option<Entry>>> = youth()
        .standards
        .iter()
        .map(|s| {
            let entry = if s.key_questions.is_empty() {
                rating().prop_map(Entry::Judgement).boxed()
            } else {
                case_entry(s.key_questions.iter().map(|k| k.id.clone()).collect())
                    .prop_map(Entry::Cases)
                    .boxed()
            };
            prop::option::weighted(0.85, entry).boxed()
        })
        .collect();
    (per_standard, any::<bool>()).prop_map(|(entries, whole)| {
        let mut scenario = Scenario::new("youth-2018");
        scenario.rounding = if whole {
            Rounding::WholePercent
        } else {
            Rounding::Exact
        };
        for (s, entry) in youth().standards.iter().zip(entries) {
            if let Some(entry) = entry {
                scenario.standards.insert(s.id.clone(), entry);
            }
        }
        scenario
    })
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn every_standard_explains_and_the_steps_follow_the_result(scenario in scenario()) {
        let result = score(youth(), &scenario);
        for (standard, outcome) in youth().standards.iter().zip(&result.standards) {
            let e = explain(youth(), &scenario, &result, &standard.id).unwrap();
            prop_assert_eq!(e.rating, outcome.rating);
            for step in &e.steps {
                prop_assert!(["1", "1.1", "1.2", "1.3", "1.4", "1.5"].contains(&step.rule), "{}", step.rule);
                prop_assert!(!step.text.is_empty());
            }
            let overall = e.steps.last().unwrap();
            prop_assert!(matches!(overall.topic, Topic::Overall { .. }), "last step: {:?}", overall);
            prop_assert_eq!(overall.rule, "1.5");
            let lowest: Vec<Rating> = e.steps.iter().filter_map(|s| match &s.topic {
                Topic::Lowest { rating, .. } => Some(*rating),
                _ => None,
            }).collect();
            let flags = e.steps.iter().filter(|s| matches!(s.topic, Topic::Flag(_))).count();
            let no_flags = e.steps.iter().filter(|s| matches!(s.topic, Topic::NoFlags)).count();
            if standard.key_questions.is_empty() {
                prop_assert!(matches!(e.steps[0].topic, Topic::Judgement(r) if r == outcome.rating));
            } else if outcome.status == StandardStatus::Rated {
                prop_assert_eq!(lowest, vec![outcome.mechanical_rating.unwrap()]);
                prop_assert_eq!(flags, outcome.flags.len());
                prop_assert_eq!(no_flags, usize::from(outcome.flags.is_empty()));
                let kq_steps = e.steps.iter().filter(|s| matches!(s.topic, Topic::KeyQuestion { .. })).count();
                prop_assert_eq!(kq_steps, standard.key_questions.len());
            } else {
                prop_assert!(lowest.is_empty());
                prop_assert!(e.steps.iter().any(|s| s.topic == Topic::NotRated(outcome.status)));
            }
            if outcome.changed_by_discretion {
                prop_assert!(
                    e.steps.iter().any(|s| matches!(s.topic, Topic::Discretion { applied: Some(_), .. })),
                    "no discretion step: {:?}", e.steps
                );
            }
        }
    }

    #[test]
    fn the_comparison_finds_exactly_the_differences(a in scenario(), b in scenario()) {
        let (ra, rb) = (score(youth(), &a), score(youth(), &b));
        prop_assert!(compare(youth(), &ra, &ra).differences.is_empty());
        let c = compare(youth(), &ra, &rb);
        let back = compare(youth(), &rb, &ra);
        prop_assert_eq!(c.differences.len(), back.differences.len());
        for (i, (x, y)) in ra.standards.iter().zip(&rb.standards).enumerate() {
            let kinds = |r: &yj_rating_engine::StandardResult| {
                let mut k: Vec<&str> = r.flags.iter().map(|f| f.kind().as_str()).collect();
                k.sort_unstable();
                k
            };
            // Bands by key question, a standard not entered having none.
            let n = x.key_questions.len().max(y.key_questions.len());
            let bands = |r: &yj_rating_engine::StandardResult| {
                (0..n).map(|k| r.key_questions.get(k).and_then(|kq| kq.band)).collect::<Vec<_>>()
            };
            let differs = x.rating != y.rating
                || x.mechanical_rating != y.mechanical_rating
                || x.changed_by_discretion != y.changed_by_discretion
                || x.score != y.score
                || kinds(x) != kinds(y)
                || bands(x) != bands(y);
            prop_assert_eq!(c.standard_changed(i), differs, "standard {}", i);
        }
        prop_assert_eq!(
            c.differences.iter().any(|d| matches!(d, Difference::Total { .. })),
            ra.total != rb.total
        );
        prop_assert_eq!(
            c.differences.iter().any(|d| matches!(d, Difference::Overall { .. })),
            ra.overall != rb.overall
        );
        for d in &c.differences {
            prop_assert!(!d.describe(youth()).is_empty());
        }
    }
}
