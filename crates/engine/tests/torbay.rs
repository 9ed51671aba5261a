//! The worked example of rule book section 2: Torbay YOT, March 2021, published as
//! 16/36, Requires improvement.

use serde_json::Value;
use yj_rating_engine::{report, score, Framework, Rating, Scenario, ScenarioResult, StandardStatus};

use Rating::{Good, Inadequate, Outstanding, RequiresImprovement};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");

/// Each standard's rating as published (rule book section 2).
const PUBLISHED: [(&str, Rating); 12] = [
    ("1.1", Inadequate),
    ("1.2", RequiresImprovement),
    ("1.3", Good),
    ("1.4", RequiresImprovement),
    ("2.1", Outstanding),
    ("2.2", Outstanding),
    ("2.3", Outstanding),
    ("2.4", Outstanding),
    ("3.1", Inadequate),
    ("3.2", Inadequate),
    ("3.3", Inadequate),
    ("3.4", Inadequate),
];

fn torbay() -> Scenario {
    Scenario::from_json_str(TORBAY).expect("the Torbay example reads")
}

fn scored() -> ScenarioResult {
    score(Framework::youth_2018(), &torbay())
}

fn json() -> Value {
    let youth = Framework::youth_2018();
    let scenario = torbay();
    report::to_json(youth, &scenario, &score(youth, &scenario))
}

#[test]
fn total_max_and_overall_as_published() {
    let r = scored();
    assert_eq!((r.total, r.max), (16, 36));
    assert_eq!((r.rated, r.counted), (12, 12));
    assert_eq!(r.overall, Some(RequiresImprovement));
    assert_eq!(r.reachable, (RequiresImprovement, RequiresImprovement));
}

#[test]
fn every_standard_as_published() {
    let youth = Framework::youth_2018();
    let r = scored();
    for (i, (id, rating)) in PUBLISHED.into_iter().enumerate() {
        assert_eq!(youth.standards[i].id, id);
        let s = &r.standards[i];
        assert_eq!(s.status, StandardStatus::Rated, "{id}");
        assert_eq!(s.rating, Some(rating), "{id}");
        assert_eq!(s.mechanical_rating, Some(rating), "{id}");
        assert!(!s.changed_by_discretion, "{id}");
        assert_eq!(s.score, Some(rating.level() as u32), "{id}");
    }
}

#[test]
fn domain_subtotals() {
    let r = scored();
    let scores: Vec<(u32, u32)> = r.domains.iter().map(|d| (d.score, d.max)).collect();
    assert_eq!(scores, [(4, 12), (12, 12), (0, 12)]);
}

#[test]
fn out_of_court_lowest_percentages_drive() {
    let r = scored();
    let drivers = |i: usize| -> Vec<bool> { r.standards[i].key_questions.iter().map(|k| k.driver).collect() };
    // 3.1: 2/3, 0/3, 1/3 -> 0% and 33.3% are both Minority; 66.7% is not.
    assert_eq!(drivers(8), [false, true, true]);
    assert_eq!(
        r.standards[8].key_questions[1].percentage.unwrap().to_string(),
        "0.0%"
    );
    // 3.3: all 0%: every key question drives.
    assert_eq!(drivers(10), [true, true, true]);
    // 3.4: 1/3 = 33.3% drives; police 2/2 does not.
    assert_eq!(drivers(11), [true, false]);
    let p = r.standards[11].key_questions[0].percentage.unwrap();
    assert_eq!(p.to_string(), "33.3%");
}

#[test]
fn small_samples_are_flagged() {
    // Every case standard rests on samples of three or four.
    let r = scored();
    for (i, s) in r.standards.iter().enumerate().skip(4) {
        assert!(
            s.flags
                .iter()
                .any(|f| f.kind() == yj_rating_engine::FlagKind::SmallSample),
            "{}",
            PUBLISHED[i].0
        );
    }
    for s in &r.standards[..4] {
        assert!(s.flags.is_empty());
    }
}

#[test]
fn json_report_fields() {
    let json = json();
    assert_eq!(json["total"], 16);
    assert_eq!(json["max"], 36);
    assert_eq!(json["overall"], "Requires improvement");
    assert_eq!(json["rated"], 12);
    assert_eq!(json["framework"], "youth-2018");
    assert_eq!(json["title"], "Torbay YOT, March 2021");
    let standards = json["standards"].as_object().unwrap();
    let ids: Vec<&str> = standards.keys().map(String::as_str).collect();
    assert_eq!(ids, PUBLISHED.map(|(id, _)| id));
    let youth = Framework::youth_2018();
    for (id, rating) in PUBLISHED {
        let s = &standards[id];
        assert_eq!(s["rating"], youth.label(rating), "{id}");
        assert_eq!(s["mechanical_rating"], youth.label(rating), "{id}");
        assert_eq!(s["score"], rating.level(), "{id}");
        assert_eq!(s["status"], "rated", "{id}");
        assert!(s["flags"].is_array(), "{id}");
    }
}

#[test]
fn json_report_flag_kinds() {
    let json = json();
    let kinds = |id: &str| -> Vec<String> {
        json["standards"][id]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(kinds("1.1"), Vec::<String>::new());
    // 4/4 everywhere: one fewer is 75% (Good).
    assert_eq!(kinds("2.1"), ["one-case", "small-sample"]);
    // 2/3, 0/3, 1/3: one case judged Yes on both drivers gives 1/3 and 2/3, still
    // Inadequate; nothing near 50%.
    assert_eq!(kinds("3.1"), ["small-sample"]);
    // 2/3, 0/2, 0/1: one case judged Yes on both drivers gives 1/2 (50%) and 1/1:
    // Requires improvement.
    assert_eq!(kinds("3.2"), ["one-case", "small-sample"]);
    let change = &json["standards"]["3.2"]["flags"][0]["changes"][0];
    assert_eq!(change["key_questions"], serde_json::json!(["safety", "others"]));
    assert_eq!(change["rating"], "Requires improvement");
    // 1/3 and 2/2: one more recommendation is 66.7% -> Good.
    assert_eq!(kinds("3.4"), ["one-case", "small-sample"]);
    let change = &json["standards"]["3.4"]["flags"][0]["changes"][0];
    assert_eq!(change["key_questions"], serde_json::json!(["recommendations"]));
    assert_eq!(change["change"], "one-more-yes");
    assert_eq!(change["direction"], "up");
    assert_eq!(change["rating"], "Good");
    assert!(change.get("cases").is_none(), "entered as totals");
    // Each flag names its directions; the standard, the ratings discretion may give.
    let flags = &json["standards"]["3.4"]["flags"];
    assert_eq!(flags[0]["directions"], serde_json::json!(["up"]));
    assert_eq!(flags[1]["directions"], serde_json::json!(["up", "down"]));
    assert_eq!(
        json["standards"]["3.4"]["allowed_discretion"],
        serde_json::json!(["Requires improvement"])
    );
    assert_eq!(
        json["standards"]["2.1"]["allowed_discretion"],
        serde_json::json!(["Good"])
    );
    assert_eq!(
        json["standards"]["1.1"]["allowed_discretion"],
        serde_json::json!([])
    );
}

#[test]
fn json_report_domains_and_key_questions() {
    let json = json();
    let domains: Vec<(i64, i64)> = json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["score"].as_i64().unwrap(), d["max"].as_i64().unwrap()))
        .collect();
    assert_eq!(domains, [(4, 12), (12, 12), (0, 12)]);
    let recommendations = &json["standards"]["3.4"]["key_questions"]["recommendations"];
    assert_eq!(recommendations["percentage"], 33.3);
    assert_eq!(recommendations["band"], "Minority");
    assert_eq!(recommendations["band_rating"], "Inadequate");
    assert_eq!(recommendations["driver"], true);
    assert_eq!(recommendations["what_if"]["more_yes_to_rise"], 1);
    assert_eq!(recommendations["what_if"]["fewer_yes_to_fall"], Value::Null);
    assert_eq!(
        json["standards"]["3.4"]["drivers"],
        serde_json::json!(["recommendations"])
    );
}
