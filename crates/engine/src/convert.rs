//! Converting a scenario to another framework (rule book section 5): every entry whose
//! standard and key question exist in both is kept; the rest is listed, by name.

use crate::{Entry, Framework, RatedBy, Scenario};

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
                    if !keep {
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
    Conversion {
        scenario: converted,
        dropped,
    }
}
