//! Case samples (scenario file version 2): counts derived from a case-by-case grid, the
//! file format and its upgrade from version 1, and path-naming errors.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use yj_rating_engine::{
    score, Answers, CaseAnswer, CaseEntry, CaseSample, Direction, Entry, Flag, Framework, Rating,
    SampledCase, Scenario, StandardStatus,
};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");
const PEER_REVIEW: &str = include_str!("../../../examples/peer-review-cases.json");

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

/// A version 2 youth-2018 document.
fn doc(standards: Value, samples: Value) -> Value {
    json!({
        "format": "yj-rating-scenario",
        "version": 2,
        "framework": "youth-2018",
        "standards": standards,
        "case_samples": samples,
    })
}

#[track_caller]
fn errors(value: Value) -> Vec<String> {
    match Scenario::from_json_str(&value.to_string()) {
        Ok(scenario) => panic!("read without error: {scenario:?}"),
        Err(err) => err.problems().iter().map(ToString::to_string).collect(),
    }
}

#[track_caller]
fn read(value: Value) -> Scenario {
    Scenario::from_json_str(&value.to_string()).expect("a valid scenario")
}

#[track_caller]
fn case_entry<'s>(scenario: &'s Scenario, standard: &str) -> &'s CaseEntry {
    match scenario.standards.get(standard) {
        Some(Entry::Cases(entry)) => entry,
        other => panic!("{standard} is not a case entry: {other:?}"),
    }
}

/// A 2.1 case with answers for desistance, safety and others ("y", "n", "-", "" unanswered).
fn case(label: &str, answers: [&str; 3]) -> Value {
    let mut kqs = serde_json::Map::new();
    for (kq, answer) in ["desistance", "safety", "others"].into_iter().zip(answers) {
        let spelled = match answer {
            "y" => "yes",
            "n" => "no",
            "-" => "not-relevant",
            _ => continue,
        };
        kqs.insert(kq.into(), json!(spelled));
    }
    json!({ "label": label, "answers": { "2.1": kqs } })
}

#[test]
fn counts_come_from_the_grid() {
    let scenario = read(doc(
        json!({ "2.1": { "by_case": true } }),
        json!({ "2": { "cases": [
            case("C1", ["y", "y", "-"]),
            case("C2", ["y", "n", "y"]),
            case("C3", ["n", "-", "-"]),
            case("C4", ["y", "y", "n"]),
        ] } }),
    ));
    let entry = case_entry(&scenario, "2.1");
    assert!(entry.by_case);
    assert_eq!(entry.cases, 4);
    assert_eq!(entry.key_questions["desistance"], Answers { relevant: 4, yes: 3 });
    assert_eq!(entry.key_questions["safety"], Answers { relevant: 3, yes: 2 });
    assert_eq!(entry.key_questions["others"], Answers { relevant: 2, yes: 1 });
    let result = score(youth(), &scenario);
    // 1 of 2 = 50% on others is the lowest: Requires improvement.
    assert_eq!(result.standards[4].rating, Some(Rating::RequiresImprovement));
}

#[test]
fn a_key_question_is_entered_once_every_case_has_an_answer() {
    let scenario = read(doc(
        json!({ "2.1": { "by_case": true } }),
        json!({ "2": { "cases": [case("C1", ["y", "y", ""]), case("C2", ["y", "", ""])] } }),
    ));
    let entry = case_entry(&scenario, "2.1");
    assert_eq!(entry.cases, 2);
    assert_eq!(
        entry.key_questions.len(),
        1,
        "only desistance is answered for every case"
    );
    assert_eq!(scenario.case_samples["2"].answered("2.1", "safety"), 1);
    assert_eq!(
        score(youth(), &scenario).standards[4].status,
        StandardStatus::Incomplete
    );
}

#[test]
fn an_empty_sample_enters_no_key_question() {
    let scenario = read(doc(
        json!({ "2.1": { "by_case": true } }),
        json!({ "2": { "cases": [] } }),
    ));
    let entry = case_entry(&scenario, "2.1");
    assert_eq!((entry.cases, entry.key_questions.len()), (0, 0));
    // No sample at all reads the same way.
    let scenario = read(doc(json!({ "2.1": { "by_case": true } }), json!({})));
    assert_eq!(case_entry(&scenario, "2.1").cases, 0);
}

#[test]
fn standards_entered_as_totals_ignore_the_grid() {
    let scenario = read(doc(
        json!({ "2.1": { "cases": 9, "key_questions": { "desistance": { "relevant": 9, "yes": 9 } } } }),
        json!({ "2": { "cases": [case("C1", ["n", "n", "n"])] } }),
    ));
    let entry = case_entry(&scenario, "2.1");
    assert!(!entry.by_case);
    assert_eq!(entry.cases, 9);
    assert_eq!(entry.key_questions["desistance"], Answers { relevant: 9, yes: 9 });
    // The grid's answers are kept, to come back if the standard is entered by case again.
    assert_eq!(
        scenario.case_samples["2"].cases[0].answer("2.1", "safety"),
        Some(CaseAnswer::No)
    );
}

#[test]
fn the_peer_review_example_scores_from_its_18_cases() {
    let scenario = Scenario::from_json_str(PEER_REVIEW).expect("the example reads");
    assert_eq!(scenario.case_samples["2"].cases.len(), 10);
    assert_eq!(scenario.case_samples["3"].cases.len(), 8);
    for id in ["2.1", "2.2", "2.3", "2.4"] {
        assert_eq!(case_entry(&scenario, id).cases, 10);
    }
    for id in ["3.1", "3.2", "3.3", "3.4"] {
        assert_eq!(case_entry(&scenario, id).cases, 8);
    }
    // Counted from the example's answers independently (Python over the JSON).
    let counts = |id: &str, kq: &str| case_entry(&scenario, id).key_questions[kq];
    assert_eq!(counts("2.1", "others"), Answers { relevant: 4, yes: 3 });
    assert_eq!(counts("2.2", "others"), Answers { relevant: 6, yes: 2 });
    assert_eq!(counts("3.1", "safety"), Answers { relevant: 7, yes: 3 });
    assert_eq!(counts("3.4", "recommendations"), Answers { relevant: 8, yes: 8 });
    let result = score(youth(), &scenario);
    assert_eq!(result.rated, 8);
    // Lowest key questions: 2.1 75.0%, 2.2 33.3%, 2.3 83.3%, 2.4 66.7%, 3.1 42.9%,
    // 3.2 66.7%, 3.3 33.3%, 3.4 66.7%.
    let expected = [
        ("2.1", Rating::Good),
        ("2.2", Rating::Inadequate),
        ("2.3", Rating::Outstanding),
        ("2.4", Rating::Good),
        ("3.1", Rating::Inadequate),
        ("3.2", Rating::Good),
        ("3.3", Rating::Inadequate),
        ("3.4", Rating::Good),
    ];
    for (id, rating) in expected {
        let (index, _) = youth().standard(id).unwrap();
        assert_eq!(result.standards[index].rating, Some(rating), "{id}");
    }
    assert_eq!((result.domains[1].score, result.domains[2].score), (7, 4));
    assert_eq!(result.total, 11);
    assert_eq!(result.overall, None, "domain one is not rated");
    // The CSV export carries the derived counts.
    let csv = yj_rating_engine::csv::to_csv(youth(), &scenario, &result);
    let line = csv
        .lines()
        .find(|l| l.starts_with("Out-of-court disposals,3.1,Assessment,cases,safety,"))
        .unwrap();
    assert!(line.contains(",8,7,3,42.9,Minority,yes,"), "{line}");
}

#[test]
fn writing_and_reading_back_keeps_the_grid() {
    let scenario = Scenario::from_json_str(PEER_REVIEW).expect("the example reads");
    let text = scenario.to_json_string().expect("writes");
    assert_eq!(Scenario::from_json_str(&text).expect("reads back"), scenario);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 2);
    assert_eq!(value["standards"]["2.1"], json!({ "by_case": true }));
    assert_eq!(value["case_samples"]["2"]["cases"][0]["note"], "Referral order");
}

#[test]
fn version_1_files_still_read_and_are_written_as_version_1() {
    let torbay = Scenario::from_json_str(TORBAY).expect("Torbay reads");
    assert!(torbay.case_samples.is_empty());
    let value: Value = serde_json::from_str(&torbay.to_json_string().unwrap()).unwrap();
    assert_eq!(value["version"], 1, "nothing of version 2 is used");
    assert!(value.get("case_samples").is_none());
    let mut v2 = serde_json::from_str::<Value>(TORBAY).unwrap();
    v2["version"] = json!(2);
    assert_eq!(
        read(v2),
        torbay,
        "a version 2 file without samples reads the same"
    );
}

#[test]
fn version_1_files_know_nothing_of_case_by_case_entry() {
    let v1 = |standards: Value| json!({ "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018", "standards": standards });
    assert_eq!(
        errors(v1(json!({ "2.1": { "by_case": true } }))),
        [
            "standards.2.1.by_case: unknown field",
            "standards.2.1.cases: missing"
        ]
    );
    let mut with_sample = v1(json!({}));
    with_sample["case_samples"] = json!({ "2": { "cases": [] } });
    assert_eq!(errors(with_sample), ["case_samples: unknown field"]);
}

#[test]
fn every_version_1_example_still_reads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut read_any = false;
    for entry in std::fs::read_dir(dir).expect("examples folder") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["format"] == "yj-rating-scenario" && value["version"] == 1 {
                Scenario::from_json_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                read_any = true;
            }
        }
    }
    assert!(read_any, "examples/ holds version 1 scenarios");
}

#[test]
fn discretion_applies_to_a_standard_entered_by_case() {
    // 4 of 5 Yes = 80%: one Yes fewer drops it a band, so one-case flags it.
    let cases: Vec<Value> = ["y", "y", "y", "y", "n"]
        .iter()
        .enumerate()
        .map(|(i, a)| case(&format!("C{i}"), [a, "-", "-"]))
        .collect();
    let with = |discretion: Value| {
        doc(
            json!({ "2.1": { "by_case": true, "discretion": discretion } }),
            json!({ "2": { "cases": cases } }),
        )
    };
    let scenario = read(with(
        json!({ "rating": "Good", "reason": "Case 5 was borderline" }),
    ));
    assert_eq!(score(youth(), &scenario).standards[4].rating, Some(Rating::Good));
    assert_eq!(
        errors(with(json!({ "rating": "Inadequate", "reason": "x" }))),
        ["standards.2.1.discretion: must be one band above or below the mechanical rating (Outstanding)"]
    );
}

/// 2.1 entered case by case from rows of answers, as a scenario and its 2.1 result.
fn by_case(rows: &[[&str; 3]]) -> (Scenario, yj_rating_engine::StandardResult) {
    let cases: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, answers)| case(&format!("C{}", i + 1), *answers))
        .collect();
    let scenario = read(doc(
        json!({ "2.1": { "by_case": true } }),
        json!({ "2": { "cases": cases } }),
    ));
    let result = score(youth(), &scenario).standards.swap_remove(4);
    (scenario, result)
}

/// The one-case changes that raise 2.1: (key questions, rating, cases).
fn ups(result: &yj_rating_engine::StandardResult) -> Vec<(Vec<usize>, Rating, Vec<usize>)> {
    result
        .flags
        .iter()
        .find_map(|f| match f {
            Flag::OneCase { changes } => Some(
                changes
                    .iter()
                    .filter(|c| c.direction == Direction::OneMoreYes)
                    .map(|c| (c.key_questions.clone(), c.rating, c.cases.clone()))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// Fifteen cases: 11 Yes on desistance and on safety, 15 on others; `both` of the
/// No cases answered No on both desistance and safety.
fn eleven_of_fifteen(both: usize) -> Vec<[&'static str; 3]> {
    let mut rows = vec![["y", "y", "y"]; 15];
    for (i, row) in rows.iter_mut().enumerate().take(4) {
        row[0] = "n";
        if i < both {
            row[1] = "n";
        }
    }
    let mut left = 4 - both;
    for row in rows.iter_mut().skip(4) {
        if left == 0 {
            break;
        }
        row[1] = "n";
        left -= 1;
    }
    rows
}

#[test]
fn case_by_case_one_case_uses_the_actual_cases() {
    // The rule book's example, 11/15 on desistance and safety: with totals, one case
    // could be the No on both, so the flag fires up.
    let (scenario, result) = by_case(&eleven_of_fifteen(1));
    let counts = case_entry(&scenario, "2.1").key_questions.clone();
    assert_eq!(
        counts["desistance"],
        Answers {
            relevant: 15,
            yes: 11
        }
    );
    assert_eq!(
        counts["safety"],
        Answers {
            relevant: 15,
            yes: 11
        }
    );
    assert_eq!(result.mechanical_rating, Some(Rating::Good));
    // Case by case, only C1 answered No on both: judged Yes, it gives 12/15 on each.
    assert_eq!(ups(&result), [(vec![0, 1], Rating::Outstanding, vec![0])]);
    assert_eq!(result.allowed_discretion(), [Rating::Outstanding]);
    // Two such cases: both listed, one change.
    let (_, result) = by_case(&eleven_of_fifteen(2));
    assert_eq!(ups(&result), [(vec![0, 1], Rating::Outstanding, vec![0, 1])]);
    // No case answered No on both: no single case lifts the rating, and no flag fires.
    let (scenario, result) = by_case(&eleven_of_fifteen(0));
    assert_eq!(case_entry(&scenario, "2.1").key_questions["safety"].yes, 11);
    assert!(ups(&result).is_empty());
    assert!(result.flags.is_empty());
    assert!(result.allowed_discretion().is_empty());
    // The same counts as totals do fire (one case could be the No on both).
    let mut totals = scenario.clone();
    if let Some(Entry::Cases(e)) = totals.standards.get_mut("2.1") {
        e.by_case = false;
    }
    totals.case_samples.clear();
    let as_totals = score(youth(), &totals).standards.swap_remove(4);
    assert_eq!(as_totals.allowed_discretion(), [Rating::Outstanding]);
}

#[test]
fn case_by_case_one_case_turns_every_no_of_the_case_including_non_drivers() {
    // 2 cases. Desistance 1/2 (50%, Requires improvement) drives; safety 1/2 too; the
    // case C2 answered No on both: judged Yes, 2/2 on each: Outstanding. C1 answered
    // Yes on both.
    let (_, result) = by_case(&[["y", "y", "-"], ["n", "n", "-"]]);
    assert_eq!(result.mechanical_rating, Some(Rating::RequiresImprovement));
    assert_eq!(ups(&result), [(vec![0, 1], Rating::Outstanding, vec![1])]);
    // Relevance is not re-judged: a not-relevant answer never moves a figure.
    let (_, result) = by_case(&[["y", "-", "-"], ["n", "-", "-"], ["-", "n", "-"], ["-", "y", "-"]]);
    assert_eq!(
        ups(&result),
        [] as [(Vec<usize>, Rating, Vec<usize>); 0],
        "each case lifts only one of the two 50% drivers"
    );
    // Its JSON names the cases by position in the sample.
    let (scenario, result) = by_case(&[["y", "y", "-"], ["n", "n", "-"]]);
    let json = yj_rating_engine::report::to_json(youth(), &scenario, &score(youth(), &scenario));
    let change = &json["standards"]["2.1"]["flags"][1]["changes"][0];
    assert_eq!(json["standards"]["2.1"]["flags"][1]["kind"], "one-case");
    assert_eq!(change["cases"], json!([1]));
    assert_eq!(change["key_questions"], json!(["desistance", "safety"]));
    assert!(result.flags.len() >= 2);
}

#[test]
fn problems_name_their_paths() {
    assert_eq!(
        errors(doc(
            json!({ "2.1": { "by_case": true, "cases": 4 } }),
            json!({ "2": { "cases": [] } })
        )),
        ["standards.2.1.cases: standard 2.1 is entered case by case: its counts come from case_samples.2"]
    );
    assert_eq!(
        errors(doc(json!({ "1.1": { "by_case": true } }), json!({}))),
        ["standards.1.1.by_case: standard 1.1 is rated by judgement, not from cases"]
    );
    assert_eq!(
        errors(doc(json!({ "2.1": { "by_case": "yes" } }), json!({}))),
        [
            "standards.2.1.by_case: expected true or false, found the string \"yes\"",
            "standards.2.1.cases: missing", // read as totals, as without by_case
        ]
    );
    assert_eq!(
        errors(doc(json!({}), json!({ "9": { "cases": [] } }))),
        ["case_samples.9: unknown domain \"9\" in youth-2018"]
    );
    assert_eq!(
        errors(doc(json!({}), json!({ "1": { "cases": [] } }))),
        ["case_samples.1: domain \"1\" has no standards rated from cases"]
    );
    assert_eq!(
        errors(doc(json!({}), json!({ "2": { "cases": {} } }))),
        ["case_samples.2.cases: expected a list, found an object"]
    );
    assert_eq!(
        errors(doc(json!({}), json!({ "2": {} }))),
        ["case_samples.2.cases: missing"]
    );
    assert_eq!(
        errors(doc(
            json!({}),
            json!({ "2": { "cases": [
                { "label": 7, "name": "Jo", "answers": {
                    "3.1": { "safety": "yes" },
                    "2.1": { "safety": "maybe", "risk": "no" } } }
            ] } })
        )),
        [
            "case_samples.2.cases.0.name: unknown field",
            "case_samples.2.cases.0.label: expected a string, found 7",
            "case_samples.2.cases.0.answers.2.1.risk: unknown key question \"risk\" (standard 2.1 has desistance, safety, others)",
            "case_samples.2.cases.0.answers.2.1.safety: expected \"yes\", \"no\" or \"not-relevant\", found \"maybe\"",
            "case_samples.2.cases.0.answers.3.1: not a case standard of domain 2 (expected one of 2.1, 2.2, 2.3, 2.4)",
        ]
    );
}

#[test]
fn the_draft_reader_keeps_the_grid_too() {
    let (draft, _) = Scenario::draft_from_json_str(PEER_REVIEW, &Framework::builtins()).expect("reads");
    assert_eq!(draft, Scenario::from_json_str(PEER_REVIEW).unwrap());
}

fn answer() -> impl Strategy<Value = Option<CaseAnswer>> {
    prop_oneof![
        Just(None),
        Just(Some(CaseAnswer::Yes)),
        Just(Some(CaseAnswer::No)),
        Just(Some(CaseAnswer::NotRelevant)),
    ]
}

/// A sample of up to 30 cases for domain 3, every key question of 3.1 and 3.4 answered
/// or left blank at random.
fn sample() -> impl Strategy<Value = CaseSample> {
    let ids = [
        ("3.1", "desistance"),
        ("3.1", "safety"),
        ("3.1", "others"),
        ("3.4", "recommendations"),
        ("3.4", "police"),
    ];
    prop::collection::vec(prop::collection::vec(answer(), ids.len()), 0..30).prop_map(move |rows| {
        let cases = rows
            .into_iter()
            .enumerate()
            .map(|(i, answers)| {
                let mut case = SampledCase {
                    label: format!("C{i}"),
                    ..SampledCase::default()
                };
                for ((standard, kq), answer) in ids.iter().zip(answers) {
                    case.set_answer(standard, kq, answer);
                }
                case
            })
            .collect();
        CaseSample { cases }
    })
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    /// Whatever the grid holds, the counts derived from it obey the validity rule, and the
    /// file written from it reads back the same.
    #[test]
    fn counts_derived_from_any_grid_are_valid(sample in sample()) {
        let mut scenario = Scenario::new("youth-2018");
        for id in ["3.1", "3.4"] {
            scenario.standards.insert(id.into(), Entry::Cases(CaseEntry { by_case: true, ..CaseEntry::default() }));
        }
        scenario.case_samples.insert("3".into(), sample.clone());
        scenario.derive_case_counts(youth());
        for id in ["3.1", "3.4"] {
            let entry = case_entry(&scenario, id);
            prop_assert!(entry.counts_valid());
            prop_assert_eq!(entry.cases as usize, sample.cases.len());
            for (kq, answers) in &entry.key_questions {
                prop_assert_eq!(sample.answered(id, kq), sample.cases.len());
                let with = |a| sample.cases.iter().filter(|c| c.answer(id, kq) == Some(a)).count();
                prop_assert_eq!(answers.yes as usize, with(CaseAnswer::Yes));
                prop_assert_eq!(answers.relevant as usize, with(CaseAnswer::Yes) + with(CaseAnswer::No));
            }
            // A key question is entered once every case (of at least one) has answered it.
            let (_, standard) = youth().standard(id).unwrap();
            for kq in &standard.key_questions {
                let complete = !sample.cases.is_empty() && sample.answered(id, &kq.id) == sample.cases.len();
                prop_assert_eq!(entry.key_questions.contains_key(&kq.id), complete, "{}", kq.id);
            }
        }
        prop_assert!(scenario.problems(youth()).is_empty());
        let text = scenario.to_json_string().unwrap();
        prop_assert_eq!(Scenario::from_json_str(&text).unwrap(), scenario);
    }
}

#[test]
fn converting_keeps_the_grid_where_the_other_framework_has_the_key_questions() {
    let scenario = Scenario::from_json_str(PEER_REVIEW).unwrap();
    let converted = yj_rating_engine::convert(&scenario, youth(), Framework::youth_2021());
    // youth-2021 rates 3.4 by judgement: its entry and its grid answers stay behind, named.
    assert_eq!(
        converted.dropped,
        [
            "3.4 Joint working: entered from cases, rated by judgement in youth-2021",
            "the case-by-case answers for 3.4: not a case standard of domain 3 in youth-2021",
        ]
    );
    let after = &converted.scenario;
    assert_eq!(after.case_samples["2"], scenario.case_samples["2"]);
    assert_eq!(after.case_samples["3"].cases.len(), 8);
    assert!(after.case_samples["3"]
        .cases
        .iter()
        .all(|c| !c.answers.contains_key("3.4")));
    for id in ["2.1", "3.1", "3.3"] {
        assert_eq!(
            case_entry(after, id),
            case_entry(&scenario, id),
            "{id} keeps its derived counts"
        );
    }
    // The converted scenario is a valid file under youth-2021, and reads back the same.
    let text = after.to_json_string_with(Framework::youth_2021());
    assert_eq!(&Scenario::from_json_str(&text).unwrap(), after);
}
