//! Converting a scenario to another framework (rule book section 5): every entry whose
//! standard and key question exist in both is kept; the rest is listed, by name.

use crate::{CaseSample, Entry, Framework, RatedBy, Scenario};
use std::collections::BTreeSet;

/// A scenario converted to another framework, and what could not come across.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// The scenario under the target framework.
    pub scenario: Scenario,
    /// Each entry left behind, named, e.g. `3.4 Joint working: entered from cases,
    /// rated by judgement in youth-2021`. Empty when nothing is lost.
    pub dropped: Vec<String>,
}

/// Converts `scenario`, entered under `from`, to the framework `to`.
///
/// An entry is kept when its standard exists in `to` with the same id and is rated the
/// same way (judgement or cases); a key question's counts are kept when the standard
/// in `to` has a key question of the same id. Ratings keep their level (the lowest
/// rating stays the lowest, whatever the labels). Discretion is kept with its
/// standard; if it no longer applies under `to`, it is reported as a problem like any
/// other, never dropped silently.
///
/// ```
/// use yj_rating_engine::{convert, Entry, Framework, Rating, Scenario};
/// let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
/// let converted = convert(&torbay, Framework::youth_2018(), Framework::youth_2021());
/// assert_eq!(converted.scenario.framework, "youth-2021");
/// assert_eq!(converted.dropped,
///     ["3.4 Joint working: entered from cases, rated by judgement in youth-2021"]);
/// assert_eq!(converted.scenario.standards["1.1"], Entry::Judgement(Rating::Inadequate));
/// ```
pub fn convert(scenario: &Scenario, from: &Framework, to: &Framework) -> Conversion {
    let mut converted = Scenario::new(&to.id);
    converted.title = scenario.title.clone();
    converted.rounding = scenario.rounding;
    let mut dropped = Vec::new();
    // Framework order, so the list reads like the form; entries `from` does not know
    // (a reader never makes them) come last.
    let mut ids: Vec<&String> = from
        .standards
        .iter()
        .filter_map(|s| scenario.standards.get_key_value(&s.id).map(|(id, _)| id))
        .collect();
    ids.extend(scenario.standards.keys().filter(|id| from.standard(id).is_none()));
    for id in ids {
        let entry = &scenario.standards[id];
        let name = from
            .standard(id)
            .map_or_else(|| id.clone(), |(_, s)| format!("{} {}", s.id, s.name));
        let Some((_, target)) = to.standard(id) else {
            dropped.push(format!("{name}: not in {}", to.id));
            continue;
        };
        match (entry, target.rated_by) {
            (Entry::Judgement(_), RatedBy::Judgement) => {
                converted.standards.insert(id.clone(), entry.clone());
            }
            (Entry::Cases(cases), RatedBy::Cases) => {
                let mut kept = cases.clone();
                kept.key_questions.retain(|kq, _| {
                    let keep = target.key_question(kq).is_some();
                    // Counts entered case by case are derived again below; the case
                    // samples say what was lost.
                    if !keep && !cases.by_case {
                        dropped.push(format!("{name}, key question {kq}: not in {}", to.id));
                    }
                    keep
                });
                converted.standards.insert(id.clone(), Entry::Cases(kept));
            }
            (Entry::Judgement(_), RatedBy::Cases) => {
                dropped.push(format!(
                    "{name}: entered as a judgement, rated from cases in {}",
                    to.id
                ));
            }
            (Entry::Cases(_), RatedBy::Judgement) => {
                dropped.push(format!(
                    "{name}: entered from cases, rated by judgement in {}",
                    to.id
                ));
            }
        }
    }
    for (domain, sample) in &scenario.case_samples {
        match convert_sample(sample, domain, to) {
            Ok((kept, lost)) => {
                dropped.extend(lost);
                converted.case_samples.insert(domain.clone(), kept);
            }
            Err(lost) => dropped.push(lost),
        }
    }
    converted.derive_case_counts(to);
    Conversion {
        scenario: converted,
        dropped,
    }
}

/// A domain's case sample under `to`: the answers for key questions of `to`'s case
/// standards of that domain are kept, and each standard or key question left behind is
/// named once. A domain with no case standard in `to` loses the whole sample.
fn convert_sample(
    sample: &CaseSample,
    domain: &str,
    to: &Framework,
) -> Result<(CaseSample, Vec<String>), String> {
    let in_domain = |id: &str| {
        to.standard(id)
            .map(|(_, s)| s)
            .filter(|s| s.domain == domain && s.rated_by == RatedBy::Cases)
    };
    if !to.standards.iter().any(|s| in_domain(&s.id).is_some()) {
        return Err(format!(
            "the case-by-case answers of domain {domain} ({} cases): no standard of domain {domain} is rated from cases in {}",
            sample.cases.len(),
            to.id
        ));
    }
    let mut lost = BTreeSet::new();
    let mut kept = sample.clone();
    for case in &mut kept.cases {
        std::sync::Arc::make_mut(&mut case.answers).retain(|standard, answers| match in_domain(standard) {
            None => {
                lost.insert(format!(
                    "the case-by-case answers for {standard}: not a case standard of domain {domain} in {}",
                    to.id
                ));
                false
            }
            Some(target) => {
                answers.retain(|kq, _| {
                    let keep = target.key_question(kq).is_some();
                    if !keep {
                        lost.insert(format!(
                            "the case-by-case answers for {standard}, key question {kq}: not in {}",
                            to.id
                        ));
                    }
                    keep
                });
                !answers.is_empty()
            }
        });
    }
    Ok((kept, lost.into_iter().collect()))
}
