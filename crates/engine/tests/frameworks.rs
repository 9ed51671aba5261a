//! Frameworks as files (rule book sections 3 and 5): the built-in frameworks, a
//! user-defined one, validation with paths, scenarios that carry their framework,
//! conversion, and a property over generated frameworks.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use yj_rating_engine::{
    convert, score, Answers, CaseEntry, Domain, Entry, Framework, RatedBy, Rating, Rounding, Scenario,
};

const THEME: &str = include_str!("../../../examples/frameworks/theme-inspection.json");
const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");

fn theme() -> Framework {
    Framework::from_json_str(THEME).unwrap()
}

fn theme_value() -> Value {
    serde_json::from_str(THEME).unwrap()
}

/// The problems of a framework file, as printed.
#[track_caller]
fn framework_errors(value: Value) -> Vec<String> {
    let err = Framework::from_json_str(&value.to_string()).unwrap_err();
    err.problems().iter().map(|p| p.to_string()).collect()
}

fn cases(pairs: &[(&str, u32, u32)], inspected: u32) -> Entry {
    Entry::Cases(CaseEntry {
        cases: inspected,
        key_questions: pairs
            .iter()
            .map(|(id, relevant, yes)| {
                (
                    id.to_string(),
                    Answers {
                        relevant: *relevant,
                        yes: *yes,
                    },
                )
            })
            .collect(),
        discretion: None,
        by_case: false,
    })
}

/// A youth-2021 scenario with every standard but 4.1 at `rating` (case standards by
/// counts that band there) and 4.1 as given.
fn youth_2021_all(rating: Rating, resettlement: Option<Rating>) -> Scenario {
    let framework = Framework::youth_2021();
    let yes = [0, 5, 7, 9][rating.level()]; // of 10: 0%, 50%, 70%, 90%
    let mut scenario = Scenario::new("youth-2021");
    for standard in &framework.standards {
        let entry = match standard.rated_by {
            RatedBy::Judgement if standard.id == "4.1" => match resettlement {
                Some(r) => Entry::Judgement(r),
                None => continue,
            },
            RatedBy::Judgement => Entry::Judgement(rating),
            RatedBy::Cases => {
                let kqs: Vec<(&str, u32, u32)> = standard
                    .key_questions
                    .iter()
                    .map(|kq| (kq.id.as_str(), 10, yes))
                    .collect();
                cases(&kqs, 10)
            }
        };
        scenario.standards.insert(standard.id.clone(), entry);
    }
    scenario
}

// ---- Built-in frameworks ----

#[test]
fn both_built_in_frameworks_validate_and_round_trip() {
    let ids: Vec<&str> = Framework::builtins().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["youth-2018", "youth-2021"]);
    for framework in Framework::builtins() {
        assert_eq!(framework.validate(), Ok(()), "{}", framework.id);
        assert!(framework.is_builtin());
        let text = serde_json::to_string(framework).unwrap();
        assert_eq!(&Framework::from_json_str(&text).unwrap(), framework);
    }
}

#[test]
fn youth_2021_differs_from_youth_2018_only_as_the_rule_book_says() {
    let (old, new) = (Framework::youth_2018(), Framework::youth_2021());
    assert_eq!(new.standards.len(), 13);
    let (_, odcs) = new.standard("3.4").unwrap();
    assert_eq!(odcs.name, "Out-of-court disposal policy and provision");
    assert_eq!(odcs.rated_by, RatedBy::Judgement);
    let (_, resettlement) = new.standard("4.1").unwrap();
    assert_eq!(resettlement.rated_by, RatedBy::Judgement);
    assert!(!resettlement.counts_in_score);
    assert!(resettlement.note.starts_with("Does not count in the score"));
    assert!(new.note.contains("not reproduced"));
    for standard in &old.standards[..11] {
        assert_eq!(new.standard(&standard.id).unwrap().1, standard);
    }
    assert_eq!(
        (
            &new.ratings,
            &new.key_question_bands,
            &new.scores,
            &new.overall_bands,
            new.discretion
        ),
        (
            &old.ratings,
            &old.key_question_bands,
            &old.scores,
            &old.overall_bands,
            old.discretion
        )
    );
}

#[test]
fn youth_2021_scores_0_to_36_whatever_resettlement_is() {
    let framework = Framework::youth_2021();
    for resettlement in [None, Some(Rating::Inadequate), Some(Rating::Outstanding)] {
        for (rating, total, overall) in [
            (Rating::Inadequate, 0, Rating::Inadequate),
            (Rating::RequiresImprovement, 12, Rating::RequiresImprovement),
            (Rating::Good, 24, Rating::Good),
            (Rating::Outstanding, 36, Rating::Outstanding),
        ] {
            let result = score(framework, &youth_2021_all(rating, resettlement));
            assert_eq!(
                (result.total, result.max),
                (total, 36),
                "{rating:?} {resettlement:?}"
            );
            assert_eq!(result.overall, Some(overall), "{rating:?} {resettlement:?}");
            assert_eq!((result.rated, result.counted), (12, 12));
            let resettlement_result = &result.standards[12];
            assert_eq!(resettlement_result.rating, resettlement);
            assert_eq!(resettlement_result.score, None);
            assert_eq!(result.domains[3].max, 0);
        }
    }
    // The published boundaries: 18 Requires improvement, 19 Good.
    assert_eq!(framework.overall_rating(18), Rating::RequiresImprovement);
    assert_eq!(framework.overall_rating(19), Rating::Good);
    assert_eq!(framework.overall_rating(31), Rating::Outstanding);
}

// ---- A user-defined framework ----

#[test]
fn a_custom_framework_scores_as_its_data_says() {
    let theme = theme();
    assert_eq!(theme.max_score(), 16);
    let mut scenario = Scenario::new("theme-inspection");
    scenario
        .standards
        .insert("L1".into(), Entry::Judgement(Rating::Good));
    // 15 of 20 = 75%: "Most cases" -> Satisfactory (3 points); under youth it would be Good.
    scenario.standards.insert(
        "T1".into(),
        cases(&[("assessment", 20, 15), ("delivery", 20, 19)], 20),
    );
    // 59 of 100 is below 60%: Poor (0), where youth would say Requires improvement.
    scenario
        .standards
        .insert("T2".into(), cases(&[("risk", 100, 59)], 100));
    // 9 of 10 = 90%: Excellent (4).
    scenario
        .standards
        .insert("T3".into(), cases(&[("safety", 10, 9)], 10));
    let result = score(&theme, &scenario);
    let ratings: Vec<Option<Rating>> = result.standards.iter().map(|s| s.rating).collect();
    assert_eq!(
        ratings,
        [
            Some(Rating::Good),
            Some(Rating::Good),
            Some(Rating::Inadequate),
            Some(Rating::Outstanding)
        ]
    );
    let labels: Vec<&str> = ratings.iter().map(|r| theme.label(r.unwrap())).collect();
    assert_eq!(labels, ["Satisfactory", "Satisfactory", "Poor", "Excellent"]);
    assert_eq!((result.total, result.max), (10, 16)); // 3 + 3 + 0 + 4
    assert_eq!(result.overall.map(|r| theme.label(r)), Some("Satisfactory")); // 10: from 9
    assert_eq!(
        theme.band_name(result.standards[2].key_questions[0].band.unwrap()),
        "Few cases"
    );
    // Its own discretion thresholds: 59% is 1 point from 60 (within 3); 100 cases is not small.
    let kinds: Vec<&str> = result.standards[2]
        .flags
        .iter()
        .map(|f| f.kind().as_str())
        .collect();
    assert_eq!(kinds, ["near-boundary", "one-case"]);
    // A scenario file under it carries it, and reads back with it.
    let file = scenario.to_json_string_with(&theme);
    let value: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["framework_definition"]["ratings"][0], "Poor");
    assert_eq!(value["standards"]["L1"]["judgement"], "Satisfactory");
    let (back, framework) = Scenario::from_json_str_with(&file, &Framework::builtins()).unwrap();
    assert_eq!((back, framework.into_owned()), (scenario, theme));
}

#[test]
fn built_in_scenarios_do_not_carry_their_framework() {
    let torbay = Scenario::from_json_str(TORBAY).unwrap();
    let value: Value = serde_json::from_str(&torbay.to_json_string().unwrap()).unwrap();
    assert!(value.get("framework_definition").is_none());
    let mut refreshed = Scenario::new("youth-2021");
    refreshed
        .standards
        .insert("4.1".into(), Entry::Judgement(Rating::Good));
    let value = refreshed.to_value_with(Framework::youth_2021());
    assert!(value.get("framework_definition").is_none());
    assert_eq!(
        Scenario::from_value_in(&value, &Framework::builtins()),
        Ok(refreshed)
    );
}

// ---- Invalid framework files ----

#[test]
fn overlapping_and_gapped_overall_bands_are_named() {
    let mut overlapping = theme_value();
    overlapping["overall_bands"][2]["from_score"] = json!(5);
    assert_eq!(
        framework_errors(overlapping),
        ["overall_bands.2.from_score: score bands must increase (overall_bands.1 starts at 5)"]
    );
    let mut gap_below = theme_value();
    gap_below["overall_bands"][0]["from_score"] = json!(2);
    assert_eq!(
        framework_errors(gap_below),
        ["overall_bands.0.from_score: the lowest band must start at 0, or scores below it would have no overall rating"]
    );
    let mut unreachable = theme_value();
    unreachable["overall_bands"][3]["from_score"] = json!(17);
    assert_eq!(
        framework_errors(unreachable),
        ["overall_bands.3.from_score: 17 is above the highest possible score (16): the band could never be reached"]
    );
    let mut swallowed = theme_value();
    swallowed["scores"] = json!([6, 7, 8, 9]);
    swallowed["overall_bands"][1]["from_score"] = json!(20);
    swallowed["overall_bands"][2]["from_score"] = json!(25);
    swallowed["overall_bands"][3]["from_score"] = json!(30);
    assert_eq!(
        framework_errors(swallowed),
        ["overall_bands.1.from_score: 20 is not above the lowest possible score (24): overall_bands.0 could never be reached"]
    );
}

#[test]
fn thresholds_and_scores_out_of_order_are_named() {
    let mut value = theme_value();
    value["key_question_bands"][2]["from_percent"] = json!(60);
    value["key_question_bands"][3]["from_percent"] = json!(101);
    value["scores"] = json!([0, 2, 2, 4]);
    value["discretion"]["near_boundary_points"] = json!(101);
    assert_eq!(
        framework_errors(value),
        [
            "key_question_bands.2.from_percent: thresholds must increase (key_question_bands.1 starts at 60)",
            "key_question_bands.3.from_percent: must be at most 100, found 101",
            "discretion.near_boundary_points: must be from 0 to 100, found 101",
            "scores.2: scores must increase, lowest rating first (2 is not more than scores.1 = 2)",
        ]
    );
    let mut lowest = theme_value();
    lowest["key_question_bands"][0]["from_percent"] = json!(10);
    assert_eq!(
        framework_errors(lowest),
        ["key_question_bands.0.from_percent: the lowest band must start at 0"]
    );
}

#[test]
fn scores_too_large_to_add_up_are_named() {
    // Two top ratings of 2^31 would wrap a 32-bit total to 0 (the lowest overall rating).
    let mut value = theme_value();
    value["scores"] = json!([0, 1, 3, 2_147_483_648u64]);
    assert_eq!(
        framework_errors(value),
        ["scores.3: the highest possible total (4 standards at 2147483648) is above 1000000: use smaller scores"]
    );
    // Right at the limit is fine, and the highest total is what it says.
    let mut value = theme_value();
    value["scores"] = json!([0, 1, 2, 250_000]);
    let framework = Framework::from_value(&value).expect("at the limit");
    assert_eq!(framework.max_score(), yj_rating_engine::MAX_TOTAL);
}

#[test]
fn duplicate_ids_and_labels_are_named() {
    let mut value = theme_value();
    value["standards"][2]["id"] = json!("T1");
    value["standards"][1]["key_questions"][1]["id"] = json!("assessment");
    value["domains"][1]["id"] = json!("L");
    value["ratings"][3] = json!("Poor");
    value["overall_bands"][3]["rating"] = json!("Poor");
    assert_eq!(
        framework_errors(value),
        [
            "ratings.3: duplicate label \"Poor\" (ratings.0)",
            "domains.1.id: duplicate id \"L\"",
            "standards.1.domain: unknown domain \"T\"",
            "standards.1.key_questions.1.id: duplicate id \"assessment\"",
            "standards.2.id: duplicate id \"T1\"",
            "standards.2.domain: unknown domain \"T\"",
            "standards.3.domain: unknown domain \"T\"",
        ]
    );
}

#[test]
fn structure_problems_are_named() {
    let mut value = theme_value();
    value["overall_bands"][1]["rating"] = json!("Fair");
    value["standards"][0]["domain"] = json!("X");
    value["standards"][3]["key_questions"] = json!([]);
    value["standards"][1]["key_questions"][0]["id"] = json!("a.b");
    assert_eq!(
        framework_errors(value),
        [
            "overall_bands.1.rating: expected \"Unsatisfactory\" (ratings.1), found \"Fair\"",
            "domains.0: domain \"L\" has no standards",
            "standards.0.domain: unknown domain \"X\"",
            "standards.1.key_questions.0.id: must be letters, digits, - or _ (no spaces or dots)",
            "standards.3.key_questions: a case standard needs at least one key question",
        ]
    );
    let mut none_count = theme_value();
    for standard in none_count["standards"].as_array_mut().unwrap() {
        standard["counts_in_score"] = json!(false);
    }
    let errors = framework_errors(none_count);
    assert!(errors.contains(&"standards: at least one standard must count in the score".to_owned()));
}

#[test]
fn serde_problems_name_their_path() {
    let mut unknown = theme_value();
    unknown["standards"][1]["key_questions"][0]["weight"] = json!(2);
    let errors = framework_errors(unknown);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("standards.1.key_questions.0.weight: unknown field \"weight\""),
        "{errors:?}"
    );
    let mut wrong_type = theme_value();
    wrong_type["scores"][2] = json!("three");
    let errors = framework_errors(wrong_type);
    assert!(
        errors[0].starts_with("scores.2: invalid type: string \"three\""),
        "{errors:?}"
    );
    let mut missing = theme_value();
    missing["standards"][2]
        .as_object_mut()
        .unwrap()
        .remove("rated_by");
    assert_eq!(
        framework_errors(missing),
        ["standards.2: missing field \"rated_by\""]
    );
    let mut short = theme_value();
    short["scores"] = json!([0, 1, 2]);
    assert_eq!(
        framework_errors(short),
        ["scores: expected 4 scores, lowest first, found 3"]
    );
    let mut rated_by = theme_value();
    rated_by["standards"][2]["rated_by"] = json!("vote");
    let errors = framework_errors(rated_by);
    assert!(
        errors[0].starts_with("standards.2.rated_by: unknown variant \"vote\""),
        "{errors:?}"
    );
    assert_eq!(
        Framework::from_json_str("{").unwrap_err().problems()[0].message,
        "not valid JSON: EOF while parsing an object at line 1 column 1"
    );
}

// ---- Scenarios naming frameworks ----

fn scenario_errors(value: Value) -> Vec<String> {
    let err = Scenario::from_json_str_with(&value.to_string(), &Framework::builtins()).unwrap_err();
    err.problems().iter().map(|p| p.to_string()).collect()
}

fn theme_scenario() -> Value {
    json!({ "format": "yj-rating-scenario", "version": 2, "framework": "theme-inspection",
            "framework_definition": theme_value(),
            "standards": { "L1": { "judgement": "Excellent" } } })
}

#[test]
fn a_scenario_naming_an_unknown_framework_is_named() {
    let mut value = theme_scenario();
    value.as_object_mut().unwrap().remove("framework_definition");
    assert_eq!(
        scenario_errors(value),
        ["framework: unknown framework \"theme-inspection\" (known: youth-2018, youth-2021)"]
    );
    // With the framework known (as `--framework FILE` makes it), it reads.
    let mut value = theme_scenario();
    value.as_object_mut().unwrap().remove("framework_definition");
    let theme = theme();
    let (scenario, framework) = Scenario::from_json_str_with(&value.to_string(), &[&theme]).unwrap();
    assert_eq!(scenario.standards["L1"], Entry::Judgement(Rating::Outstanding));
    assert!(matches!(framework, std::borrow::Cow::Borrowed(_)));
}

#[test]
fn an_embedded_framework_is_validated_under_its_path() {
    let mut bad = theme_scenario();
    bad["framework_definition"]["scores"][3] = json!(1);
    bad["framework_definition"]["standards"][0]["colour"] = json!("red");
    let errors = scenario_errors(bad);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("framework_definition.standards.0.colour: unknown field"),
        "{errors:?}"
    );
    let mut bad = theme_scenario();
    bad["framework_definition"]["scores"][3] = json!(1);
    assert_eq!(
        scenario_errors(bad),
        [
            "framework_definition.scores.3: scores must increase, lowest rating first (1 is not more than scores.2 = 3)",
            "framework_definition.overall_bands.3.from_score: 14 is above the highest possible score (12): the band could never be reached",
        ]
    );
    let mut other_id = theme_scenario();
    other_id["framework"] = json!("themes");
    assert_eq!(
        scenario_errors(other_id),
        ["framework_definition.id: \"theme-inspection\" is not the scenario's framework (\"themes\")"]
    );
    let mut changed_builtin = theme_scenario();
    let mut youth: Value = serde_json::to_value(Framework::youth_2018()).unwrap();
    youth["scores"] = json!([0, 1, 2, 4]);
    changed_builtin["framework"] = json!("youth-2018");
    changed_builtin["framework_definition"] = youth;
    changed_builtin["standards"] = json!({});
    assert_eq!(
        scenario_errors(changed_builtin),
        ["framework_definition: differs from the framework \"youth-2018\" already known here; give one of them another id to use both"]
    );
    // Version 1 files never carried a definition.
    let mut v1 = theme_scenario();
    v1["version"] = json!(1);
    assert_eq!(
        scenario_errors(v1),
        [
            "framework_definition: unknown field",
            "framework: unknown framework \"theme-inspection\" (known: youth-2018, youth-2021)"
        ]
    );
}

#[test]
fn version_1_files_still_read() {
    let mut v1: Value = serde_json::from_str(TORBAY).unwrap();
    v1["version"] = json!(1);
    let scenario = Scenario::from_value_in(&v1, &Framework::builtins()).unwrap();
    assert_eq!(Ok(scenario), Scenario::from_json_str(TORBAY));
}

// ---- Conversion ----

#[test]
fn converting_keeps_what_exists_in_both_and_names_the_rest() {
    let torbay = Scenario::from_json_str(TORBAY).unwrap();
    let to_2021 = convert(&torbay, Framework::youth_2018(), Framework::youth_2021());
    assert_eq!(
        to_2021.dropped,
        ["3.4 Joint working: entered from cases, rated by judgement in youth-2021"]
    );
    let mut expected = torbay.standards.clone();
    expected.remove("3.4");
    assert_eq!(to_2021.scenario.standards, expected);
    assert_eq!(
        (
            to_2021.scenario.title.as_str(),
            to_2021.scenario.framework.as_str()
        ),
        (torbay.title.as_str(), "youth-2021")
    );
    let mut with_2021_only = to_2021.scenario.clone();
    with_2021_only
        .standards
        .insert("3.4".into(), Entry::Judgement(Rating::Good));
    with_2021_only
        .standards
        .insert("4.1".into(), Entry::Judgement(Rating::Good));
    let back = convert(&with_2021_only, Framework::youth_2021(), Framework::youth_2018());
    assert_eq!(
        back.dropped,
        [
            "3.4 Out-of-court disposal policy and provision: entered as a judgement, rated from cases in youth-2018",
            "4.1 Resettlement policy and provision: not in youth-2018",
        ]
    );
    assert_eq!(back.scenario.standards, expected);
    // Nothing to drop: an empty list.
    let empty = convert(
        &Scenario::new("youth-2018"),
        Framework::youth_2018(),
        Framework::youth_2021(),
    );
    assert!(empty.dropped.is_empty());
}

#[test]
fn converting_drops_key_questions_the_target_lacks() {
    let mut target = Framework::youth_2018().clone();
    target.id = "two-questions".into();
    for standard in &mut target.standards {
        standard.key_questions.retain(|kq| kq.id != "others");
    }
    let mut scenario = Scenario::new("youth-2018");
    scenario
        .standards
        .insert("2.1".into(), cases(&[("desistance", 4, 3), ("others", 2, 1)], 4));
    let converted = convert(&scenario, Framework::youth_2018(), &target);
    assert_eq!(
        converted.dropped,
        ["2.1 Assessment, key question others: not in two-questions"]
    );
    assert_eq!(
        converted.scenario.standards["2.1"],
        cases(&[("desistance", 4, 3)], 4)
    );
}

// ---- Property: any valid framework scores without panic, within its bands ----

/// A valid framework built from generated labels, numbers and layout.
fn framework_strategy() -> impl Strategy<Value = Framework> {
    (
        prop::collection::btree_set(1u32..=100, 3),
        prop_oneof![
            prop::collection::btree_set(0u32..=20, 4),
            prop::collection::btree_set(0u32..=250_000, 4),
        ],
        (0u32..=100, 0u32..=50),
        prop::collection::vec((prop::bool::ANY, 1usize..=3, prop::bool::ANY, 0usize..3), 1..=6),
        prop::collection::vec(0u32..=1000, 3),
        (
            prop::collection::btree_set("[A-Z][a-z]{1,8}( [a-z]{1,6})?", 4),
            prop::collection::vec("[A-Z][a-z ]{0,12}", 4),
        ),
    )
        .prop_map(
            |(thresholds, scores, (near, small), standards, cuts, (labels, band_names))| {
                let mut framework = theme();
                for (i, label) in labels.into_iter().enumerate() {
                    framework.ratings[i] = label.clone();
                    framework.overall_bands[i].rating = label;
                }
                for (band, name) in framework.key_question_bands.iter_mut().zip(band_names) {
                    band.name = name;
                }
                let used: std::collections::BTreeSet<usize> = standards.iter().map(|s| s.3).collect();
                framework.domains = used
                    .into_iter()
                    .map(|d| Domain {
                        id: format!("D{d}"),
                        name: format!("Domain {d}"),
                    })
                    .collect();
                let thresholds: Vec<u32> = thresholds.into_iter().collect();
                for (i, band) in framework.key_question_bands.iter_mut().enumerate() {
                    band.from_percent = if i == 0 { 0 } else { thresholds[i - 1] };
                }
                let scores: Vec<u32> = scores.into_iter().collect();
                framework.scores.copy_from_slice(&scores);
                framework.discretion.near_boundary_points = near;
                framework.discretion.small_sample_cases = small;
                framework.standards = standards
                    .iter()
                    .enumerate()
                    .map(|(i, (judgement, kqs, counts, domain))| {
                        let mut standard = theme().standards[1].clone();
                        standard.id = format!("S{i}");
                        standard.domain = format!("D{domain}");
                        standard.counts_in_score = *counts || i == 0;
                        if *judgement {
                            standard.rated_by = RatedBy::Judgement;
                            standard.key_questions.clear();
                        } else {
                            standard.key_questions.truncate(1);
                            for k in 1..*kqs {
                                let mut kq = standard.key_questions[0].clone();
                                kq.id = format!("q{k}");
                                standard.key_questions.push(kq);
                            }
                        }
                        standard
                    })
                    .collect();
                // Overall bands: three increasing cut points strictly between the lowest
                // and the highest possible totals, when the range allows.
                let counted = framework.standards.iter().filter(|s| s.counts_in_score).count() as u32;
                let (low, high) = (scores[0] * counted, scores[3] * counted);
                let span = high - low;
                let mut cut: Vec<u32> = cuts.iter().map(|c| low + 1 + c % span.max(1)).collect();
                cut.sort_unstable();
                if span >= 3 {
                    cut = vec![low + 1 + (cut[0] - low - 1) % (span - 2), 0, 0];
                    cut[1] = cut[0] + 1 + (cuts[1] % (high - cut[0] - 1).max(1));
                    cut[1] = cut[1].min(high - 1);
                    cut[2] = cut[1] + 1 + (cuts[2] % (high - cut[1]).max(1));
                    cut[2] = cut[2].min(high);
                }
                framework.overall_bands[0].from_score = 0;
                for i in 1..4 {
                    framework.overall_bands[i].from_score = cut[i - 1];
                }
                framework
            },
        )
        .prop_filter("a valid framework", |f| f.validate().is_ok())
}

fn scenario_strategy(framework: &Framework) -> impl Strategy<Value = Scenario> {
    let standards = framework.standards.clone();
    let id = framework.id.clone();
    prop::collection::vec((0u32..=40, 0u32..=40, 0usize..5, 0usize..4), standards.len()).prop_map(
        move |draws| {
            let mut scenario = Scenario::new(&id);
            for (standard, (relevant, yes, present, judgement)) in standards.iter().zip(draws) {
                if present == 0 {
                    continue;
                }
                let entry = match standard.rated_by {
                    RatedBy::Judgement => Entry::Judgement(Rating::ALL[judgement]),
                    RatedBy::Cases => Entry::Cases(CaseEntry {
                        cases: relevant,
                        key_questions: standard
                            .key_questions
                            .iter()
                            .enumerate()
                            .map(|(k, kq)| {
                                let relevant = relevant.saturating_sub(k as u32);
                                (
                                    kq.id.clone(),
                                    Answers {
                                        relevant,
                                        yes: yes.min(relevant),
                                    },
                                )
                            })
                            .collect::<BTreeMap<_, _>>(),
                        discretion: None,
                        by_case: false,
                    }),
                };
                scenario.standards.insert(standard.id.clone(), entry);
            }
            scenario
        },
    )
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    #[test]
    fn scoring_under_any_valid_framework_respects_its_bands(
        (framework, scenario) in framework_strategy()
            .prop_flat_map(|f| { let s = scenario_strategy(&f); (Just(f), s) }),
        rounding in prop::sample::select(vec![Rounding::Exact, Rounding::WholePercent]),
    ) {
        let mut scenario = scenario;
        scenario.rounding = rounding;
        let result = score(&framework, &scenario);
        prop_assert!(result.total <= result.max);
        prop_assert_eq!(result.max, framework.max_score());
        // Each key question's band is the highest whose threshold it reaches, worked out
        // here in whole numbers: yes/relevant >= from%, or its whole percentage rounded
        // half up, floor((200 yes + relevant) / (2 relevant)), >= from.
        let reaches = |yes: u32, relevant: u32, from: u32| {
            let (yes, relevant, from) = (u64::from(yes), u64::from(relevant), u64::from(from));
            match rounding {
                Rounding::Exact => yes * 100 >= from * relevant,
                Rounding::WholePercent => (200 * yes + relevant) / (2 * relevant) >= from,
            }
        };
        for (standard, outcome) in framework.standards.iter().zip(&result.standards) {
            for kq in &outcome.key_questions {
                if let (Some(answers), Some(band)) = (kq.answers, kq.band) {
                    let bands = &framework.key_question_bands;
                    let (yes, relevant) = (answers.yes, answers.relevant);
                    prop_assert!(reaches(yes, relevant, bands[band.level()].from_percent));
                    if band.level() < 3 {
                        prop_assert!(!reaches(yes, relevant, bands[band.level() + 1].from_percent));
                    }
                }
            }
            if !standard.counts_in_score {
                prop_assert_eq!(outcome.score, None);
            }
            if let (Some(rating), true) = (outcome.rating, standard.counts_in_score) {
                prop_assert_eq!(outcome.score, Some(framework.scores[rating.level()]));
            }
        }
        let sum: u32 = result.standards.iter().filter_map(|s| s.score).sum();
        prop_assert_eq!(result.total, sum);
        // The overall rating is the band whose range holds the total.
        let band_of = |total: u32| {
            (0..4).rev().find(|&i| total >= framework.overall_bands[i].from_score).unwrap()
        };
        if let Some(overall) = result.overall {
            prop_assert_eq!(overall.level(), band_of(result.total));
        }
        prop_assert!(result.reachable.0 <= result.reachable.1);
        if let Some(overall) = result.overall {
            prop_assert_eq!(result.reachable, (overall, overall));
        }
        // Domain subtotals add up to the total, each out of its counting standards' top scores.
        prop_assert_eq!(result.domains.iter().map(|d| d.score).sum::<u32>(), result.total);
        for (domain, subtotal) in framework.domains.iter().zip(&result.domains) {
            let counting = framework
                .standards
                .iter()
                .filter(|s| s.domain == domain.id && s.counts_in_score)
                .count() as u32;
            prop_assert_eq!(subtotal.max, counting * framework.scores[3]);
        }
        // Every framework file written can be read back as it was.
        let text = serde_json::to_string(&framework).unwrap();
        prop_assert_eq!(Framework::from_json_str(&text).unwrap(), framework.clone());
        let file = scenario.to_json_string_with(&framework);
        let (draft, read) = Scenario::draft_from_json_str(&file, &Framework::builtins()).unwrap();
        prop_assert_eq!(draft, scenario);
        prop_assert_eq!(&*read, &framework);
    }
}

/// Changes one value somewhere in a framework file, picked by `at`.
fn mutate(value: &mut Value, at: usize, replacement: &Value) {
    fn visit(value: &mut Value, counter: &mut usize, at: usize, replacement: &Value) -> bool {
        if *counter == at {
            *value = replacement.clone();
            return true;
        }
        *counter += 1;
        match value {
            Value::Array(items) => items.iter_mut().any(|v| visit(v, counter, at, replacement)),
            Value::Object(map) => map.values_mut().any(|v| visit(v, counter, at, replacement)),
            _ => false,
        }
    }
    visit(value, &mut 0, at, replacement);
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    /// Any one value of a framework file replaced by anything: the reader never panics,
    /// and every problem has a message; what it accepts validates and scores.
    #[test]
    fn the_framework_reader_never_panics(
        at in 0usize..400,
        replacement in prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::from),
            any::<u32>().prop_map(Value::from),
            "[a-zA-Z0-9 .]{0,8}".prop_map(Value::from),
            Just(json!([])),
            Just(json!({})),
            Just(json!([0, 1, 2, 3])),
        ],
    ) {
        let mut value = theme_value();
        mutate(&mut value, at, &replacement);
        match Framework::from_json_str(&value.to_string()) {
            Ok(framework) => {
                prop_assert_eq!(framework.validate(), Ok(()));
                let result = score(&framework, &Scenario::new(&framework.id));
                prop_assert_eq!(result.max, framework.max_score());
            }
            Err(err) => prop_assert!(err.problems().iter().all(|p| !p.message.is_empty())),
        }
    }
}
