//! A scored scenario as JSON, with the framework's labels: the CLI's `--json` output
//! and the web page's scripting API share it.

use crate::score::{Direction, Flag, KeyQuestionResult, StandardResult, StandardStatus};
use crate::{Framework, Scenario, ScenarioResult, Standard};
use serde_json::{json, Map, Value};

impl StandardStatus {
    /// The status as written in JSON, e.g. `not-entered`.
    pub fn as_str(self) -> &'static str {
        match self {
            StandardStatus::NotEntered => "not-entered",
            StandardStatus::Incomplete => "incomplete",
            StandardStatus::InvalidCounts => "invalid-counts",
            StandardStatus::NotApplicable => "not-applicable",
            StandardStatus::Rated => "rated",
        }
    }
}

impl Direction {
    /// The change as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::OneMoreYes => "one-more-yes",
            Direction::OneFewerYes => "one-fewer-yes",
        }
    }
}

/// The full result as JSON: `total`, `max`, `overall` (a label, or null while partial),
/// `reachable`, `domains`, and `standards` keyed by id, each with `rating`,
/// `mechanical_rating`, `score`, `flags` (objects with a `kind` and the `directions`
/// discretion may take from them), `allowed_discretion` (the ratings discretion may
/// give), drivers and key questions with their percentage, band and what-if figures.
///
/// ```
/// use yj_rating_engine::{report, score, Framework, Scenario};
/// let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
/// let youth = Framework::youth_2018();
/// let json = report::to_json(youth, &torbay, &score(youth, &torbay));
/// assert_eq!(json["total"], 16);
/// assert_eq!(json["overall"], "Requires improvement");
/// assert_eq!(json["standards"]["3.4"]["rating"], "Inadequate");
/// assert_eq!(json["standards"]["3.4"]["flags"][0]["directions"], serde_json::json!(["up"]));
/// assert_eq!(json["standards"]["3.4"]["allowed_discretion"], serde_json::json!(["Requires improvement"]));
/// ```
pub fn to_json(framework: &Framework, scenario: &Scenario, result: &ScenarioResult) -> Value {
    let label = |r: Option<crate::Rating>| r.map_or(Value::Null, |r| framework.label(r).into());
    let domains: Vec<Value> = framework
        .domains
        .iter()
        .zip(&result.domains)
        .map(|(d, r)| json!({ "id": d.id, "name": d.name, "score": r.score, "max": r.max, "rated": r.rated, "of": r.counted }))
        .collect();
    let standards: Map<String, Value> = framework
        .standards
        .iter()
        .zip(&result.standards)
        .map(|(definition, r)| {
            (
                definition.id.clone(),
                standard_json(framework, scenario, definition, r),
            )
        })
        .collect();
    json!({
        "framework": framework.id,
        "title": scenario.title,
        "rounding": scenario.rounding.as_str(),
        "total": result.total,
        "max": result.max,
        "rated": result.rated,
        "of": result.counted,
        "overall": label(result.overall),
        "reachable": { "lowest": label(Some(result.reachable.0)), "highest": label(Some(result.reachable.1)) },
        "domains": domains,
        "standards": standards,
    })
}

fn standard_json(
    framework: &Framework,
    scenario: &Scenario,
    definition: &Standard,
    r: &StandardResult,
) -> Value {
    let label = |rating: Option<crate::Rating>| rating.map_or(Value::Null, |x| framework.label(x).into());
    let kq_id = |i: usize| definition.key_questions[i].id.clone();
    let flags: Vec<Value> = r
        .flags
        .iter()
        .map(|flag| match flag {
            Flag::NearBoundary {
                key_question,
                boundary,
                distance_tenths,
                ..
            } => json!({
                "kind": flag.kind().as_str(),
                "directions": directions(flag),
                "key_question": kq_id(*key_question),
                "percentage": r.key_questions[*key_question].percentage.map(|p| p.to_f64()),
                "boundary": boundary,
                "distance": f64::from(*distance_tenths) / 10.0,
            }),
            Flag::OneCase { changes } => json!({
                "kind": flag.kind().as_str(),
                "directions": directions(flag),
                "changes": changes.iter().map(|c| {
                    let mut change = json!({
                        "change": c.direction.as_str(),
                        "direction": c.direction.discretion().as_str(),
                        "key_questions": c.key_questions.iter().map(|&k| kq_id(k)).collect::<Vec<_>>(),
                        "rating": framework.label(c.rating),
                    });
                    if !c.cases.is_empty() {
                        change["cases"] = json!(c.cases);
                    }
                    change
                }).collect::<Vec<_>>(),
            }),
            Flag::SmallSample { key_questions } => json!({
                "kind": flag.kind().as_str(),
                "directions": directions(flag),
                "key_questions": key_questions.iter().map(|(kq, relevant)| json!({
                    "key_question": kq_id(*kq),
                    "relevant": relevant,
                })).collect::<Vec<_>>(),
            }),
        })
        .collect();
    let key_questions: Map<String, Value> = definition
        .key_questions
        .iter()
        .zip(&r.key_questions)
        .map(|(kq, kr)| (kq.id.clone(), key_question_json(framework, kr)))
        .collect();
    let drivers: Vec<String> = (0..r.key_questions.len())
        .filter(|&i| r.key_questions[i].driver)
        .map(kq_id)
        .collect();
    let discretion = match scenario.standards.get(&definition.id) {
        Some(crate::Entry::Cases(entry)) => entry.discretion.as_ref().map_or(
            Value::Null,
            |d| json!({ "rating": framework.label(d.rating), "reason": d.reason }),
        ),
        _ => Value::Null,
    };
    json!({
        "name": definition.name,
        "domain": definition.domain,
        "rated_by": match definition.rated_by { crate::RatedBy::Judgement => "judgement", crate::RatedBy::Cases => "cases" },
        "status": r.status.as_str(),
        "rating": label(r.rating),
        "mechanical_rating": label(r.mechanical_rating),
        "changed_by_discretion": r.changed_by_discretion,
        "discretion": discretion,
        "discretion_problem": r.discretion_problem.map(|p| p.message(framework)),
        "score": r.score,
        "counts_in_score": definition.counts_in_score,
        "drivers": drivers,
        "flags": flags,
        "allowed_discretion": r.allowed_discretion().into_iter().map(|x| framework.label(x)).collect::<Vec<_>>(),
        "key_questions": key_questions,
    })
}

/// A flag's directions as JSON: `["up"]`, `["down"]` or `["up", "down"]`.
fn directions(flag: &Flag) -> Value {
    flag.directions().into_iter().map(|d| d.as_str()).collect()
}

fn key_question_json(framework: &Framework, kq: &KeyQuestionResult) -> Value {
    json!({
        "relevant": kq.answers.map(|a| a.relevant),
        "yes": kq.answers.map(|a| a.yes),
        "applicable": kq.answers.map(|a| a.relevant > 0),
        "percentage": kq.percentage.map(|p| p.to_f64()),
        "band": kq.band.map(|b| framework.band_name(b)),
        "band_rating": kq.band.map(|b| framework.label(b)),
        "driver": kq.driver,
        "rounding_changes_band": kq.rounding_changes_band,
        "what_if": {
            "more_yes_to_rise": kq.what_if.more_yes_to_rise,
            "fewer_yes_to_fall": kq.what_if.fewer_yes_to_fall,
            "standard_if_rise": kq.what_if.standard_if_rise.map(|r| framework.label(r)),
            "standard_if_fall": kq.what_if.standard_if_fall.map(|r| framework.label(r)),
        },
    })
}
