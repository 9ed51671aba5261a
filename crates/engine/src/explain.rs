//! Explain mode: how one standard's rating arises, step by step, in plain words, each
//! step citing the rule-book rule it applies. For workshops: a trainer shows it on a
//! projector while changing the counts.
//!
//! Every figure comes from the scored result; this module only puts it into words with
//! the framework's labels and band names.
//!
//! ```
//! use yj_rating_engine::{explain::explain, score, Framework, Scenario};
//! let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
//! let youth = Framework::youth_2018();
//! let result = score(youth, &torbay);
//! let explanation = explain(youth, &torbay, &result, "3.4").unwrap();
//! let rules: Vec<&str> = explanation.steps.iter().map(|s| s.rule).collect();
//! assert_eq!(rules, ["1.1", "1.1", "1.2", "1.3", "1.3", "1.4", "1.4", "1.5", "1.5"]);
//! assert!(explanation.steps[2].text.contains("recommendations"));
//! ```

use crate::score::{
    Direction, DiscretionDirection, DiscretionProblem, Flag, KeyQuestionResult, OneCaseChange,
    StandardResult, StandardStatus,
};
use crate::words::{
    self, and_list, flag_points, flag_short_name, has_relevant_cases, plural, scale_end, tenths,
};
use crate::{
    CaseEntry, CaseSample, Entry, Framework, Percentage, RatedBy, Rating, Rounding, Scenario, ScenarioResult,
    Standard,
};

/// The rule-book section a step cites for the validity and judgement rules (section 1).
pub const RULE_FRAMEWORK: &str = "1";
/// Banding a key question.
pub const RULE_BANDING: &str = "1.1";
/// Rating a case standard: the lowest band.
pub const RULE_LOWEST: &str = "1.2";
/// The professional discretion flags.
pub const RULE_FLAGS: &str = "1.3";
/// Applying discretion.
pub const RULE_DISCRETION: &str = "1.4";
/// Scores and the overall rating.
pub const RULE_SCORES: &str = "1.5";

/// How one standard's rating arises: built by [`explain`].
///
/// ```
/// use yj_rating_engine::{explain::explain, score, Framework, Scenario};
/// let youth = Framework::youth_2018();
/// let blank = Scenario::new("youth-2018");
/// let e = explain(youth, &blank, &score(youth, &blank), "2.1").unwrap();
/// assert_eq!(e.heading, "2.1 Assessment");
/// assert_eq!(e.rating, None);
/// assert_eq!(e.steps[0].text, "Nothing has been entered for this standard yet, so it is not rated.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The standard's id, e.g. `3.4`.
    pub standard: String,
    /// The standard's id and name, e.g. `3.4 Joint working`.
    pub heading: String,
    /// The standard's final rating, if rated.
    pub rating: Option<Rating>,
    /// The steps, in the order the rules apply.
    pub steps: Vec<Step>,
}

/// One step of an explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The rule-book rule it applies: `1`, `1.1`, `1.2`, `1.3`, `1.4` or `1.5`.
    pub rule: &'static str,
    /// What the step is about, with its figures.
    pub topic: Topic,
    /// The step in plain words, with the framework's labels.
    pub text: String,
}

/// What a step is about, with the figures a view may want.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Topic {
    /// A judgement standard: the rating the inspectors propose (none yet: `None`).
    Judgement(Option<Rating>),
    /// A standard that is not rated, and why.
    NotRated(StandardStatus),
    /// A key question's figures (rule 1.1).
    KeyQuestion {
        /// Position among the standard's key questions.
        index: usize,
        /// Yes over relevant; `None` when not entered, not applicable or impossible.
        percentage: Option<Percentage>,
        /// The band, as the rating it leads to.
        band: Option<Rating>,
        /// The band under the other reading of rule 1.1, where that differs.
        other_reading_band: Option<Rating>,
    },
    /// The lowest band sets the mechanical rating (rule 1.2).
    Lowest {
        /// The key questions with the lowest band.
        drivers: Vec<usize>,
        /// The mechanical rating.
        rating: Rating,
    },
    /// A discretion flag that fires (rule 1.3).
    Flag(Flag),
    /// No flag fires, so discretion is not available (rule 1.3).
    NoFlags,
    /// Which ways discretion may go (rule 1.4): the ratings its flags allow.
    DiscretionWays {
        /// The ratings discretion may give, lowest first.
        allowed: Vec<Rating>,
    },
    /// Discretion (rule 1.4): the rating it gave, or `None` when not applied.
    Discretion {
        /// The final rating, when discretion applies.
        applied: Option<Rating>,
        /// Why discretion entered does not apply.
        problem: Option<DiscretionProblem>,
    },
    /// The standard's score (rule 1.5); `None` when not rated.
    Score(Option<u32>),
    /// The standard does not count in the score (rule 1.5).
    NotCounted,
    /// The effect on the overall rating (rule 1.5).
    Overall {
        /// The total so far.
        total: u32,
        /// The overall rating, once every standard that counts is rated.
        overall: Option<Rating>,
        /// The lowest and highest overall rating still reachable.
        reachable: (Rating, Rating),
        /// The overall rating were this standard one band higher (when rated and possible).
        if_higher: Option<Rating>,
        /// The overall rating were this standard one band lower (when rated and possible).
        if_lower: Option<Rating>,
    },
}

/// Explains one standard of a scored scenario: `result` must be `score(framework,
/// scenario)`. `None` when the framework has no standard `standard_id`.
///
/// Steps, in order: for a case standard each key question's answers, percentage and band
/// (rule 1.1), the lowest band and so the mechanical rating (1.2), each flag that fires or
/// that none does (1.3), discretion applied or not (1.4), the score and the effect on the
/// overall rating (1.5). A judgement standard has the proposed rating (section 1), its
/// score and the overall effect; a standard not rated says why.
///
/// ```
/// use yj_rating_engine::{explain::{explain, Topic}, score, Framework, Scenario};
/// let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
/// let youth = Framework::youth_2018();
/// let result = score(youth, &torbay);
/// let explanation = explain(youth, &torbay, &result, "1.1").unwrap();
/// assert!(matches!(explanation.steps[0].topic, Topic::Judgement(Some(_))));
/// assert!(explain(youth, &torbay, &result, "9.9").is_none());
/// ```
pub fn explain(
    framework: &Framework,
    scenario: &Scenario,
    result: &ScenarioResult,
    standard_id: &str,
) -> Option<Explanation> {
    let (index, standard) = framework.standard(standard_id)?;
    let outcome = result.standards.get(index)?;
    let words = Words { framework, standard };
    let mut steps = Vec::new();
    match standard.rated_by {
        RatedBy::Judgement => steps.push(words.judgement(outcome)),
        RatedBy::Cases => words.case_steps(scenario, outcome, &mut steps),
    }
    steps.push(words.score(outcome));
    steps.push(words.overall(result, outcome));
    Some(Explanation {
        standard: standard.id.clone(),
        heading: format!("{} {}", standard.id, standard.name),
        rating: outcome.rating,
        steps,
    })
}

fn step(rule: &'static str, topic: Topic, text: String) -> Step {
    Step { rule, topic, text }
}

/// Puts one standard's figures into words.
struct Words<'a> {
    framework: &'a Framework,
    standard: &'a Standard,
}

impl Words<'_> {
    fn label(&self, rating: Rating) -> &str {
        self.framework.label(rating)
    }

    fn kq(&self, index: usize) -> &str {
        self.standard
            .key_questions
            .get(index)
            .map_or("", |kq| kq.id.as_str())
    }

    /// "safety and others", "desistance, safety and others".
    fn kq_list(&self, indices: &[usize]) -> String {
        let names: Vec<&str> = indices.iter().map(|&i| self.kq(i)).collect();
        and_list(&names)
    }

    /// A band's name and range: "Reasonable majority (65% to below 80%)".
    fn band_with_range(&self, band: Rating) -> String {
        words::band_with_range(self.framework, band)
    }

    fn judgement(&self, outcome: &StandardResult) -> Step {
        let text = match outcome.rating {
            Some(rating) => format!(
                "{} {} is rated by judgement: it has no key questions, and the inspectors propose its rating \
                 directly. The rating proposed is {}.",
                self.standard.id,
                self.standard.name,
                self.label(rating)
            ),
            None => format!(
                "{} {} is rated by judgement: it has no key questions, and the inspectors propose its rating \
                 directly. No rating has been proposed yet, so it is not rated.",
                self.standard.id, self.standard.name
            ),
        };
        step(RULE_FRAMEWORK, Topic::Judgement(outcome.rating), text)
    }

    fn case_steps(&self, scenario: &Scenario, outcome: &StandardResult, steps: &mut Vec<Step>) {
        let entry = match scenario.standards.get(&self.standard.id) {
            Some(Entry::Cases(entry)) => Some(entry),
            _ => None,
        };
        if outcome.status == StandardStatus::NotEntered {
            steps.push(step(
                RULE_FRAMEWORK,
                Topic::NotRated(outcome.status),
                "Nothing has been entered for this standard yet, so it is not rated.".into(),
            ));
            return;
        }
        for (index, kq) in outcome.key_questions.iter().enumerate() {
            steps.push(self.key_question(index, kq, scenario.rounding, entry));
        }
        if let Some(not_rated) = self.why_not_rated(outcome, entry) {
            steps.push(not_rated);
        }
        if let Some(mechanical) = outcome.mechanical_rating {
            steps.push(self.lowest(outcome, mechanical));
            self.flag_steps(
                outcome,
                mechanical,
                scenario.case_samples.get(&self.standard.domain),
                steps,
            );
            if !outcome.flags.is_empty() {
                steps.push(self.discretion_ways(outcome, mechanical));
            }
        }
        if let Some(discretion_step) = self.discretion(entry.and_then(|e| e.discretion.as_ref()), outcome) {
            steps.push(discretion_step);
        }
    }

    /// One key question's answers, percentage and band (rule 1.1), and the band under the
    /// other reading of percentages where that differs.
    fn key_question(
        &self,
        index: usize,
        kq: &KeyQuestionResult,
        rounding: Rounding,
        entry: Option<&CaseEntry>,
    ) -> Step {
        let other = match rounding {
            Rounding::Exact => Rounding::WholePercent,
            Rounding::WholePercent => Rounding::Exact,
        };
        let other_reading_band = kq
            .percentage
            .filter(|_| kq.rounding_changes_band)
            .map(|p| self.framework.band(p, other));
        let wording = self
            .standard
            .key_questions
            .get(index)
            .map_or(String::new(), |k| format!(" \u{201c}{}\u{201d}", k.wording));
        let head = format!("Key question {} ({}){wording}:", index + 1, self.kq(index));
        let text = match (kq.answers, kq.percentage, kq.band) {
            (None, _, _) => format!("{head} not entered yet."),
            (Some(a), _, _) if a.relevant == 0 => {
                format!("{head} no relevant cases, so it is not applicable and takes no part in the rating.")
            }
            (Some(a), Some(p), Some(band)) => {
                let mut text = format!(
                    "{head} {} of {} relevant case{} answered Yes, {p}. That is in the band {}, which \
                     goes with {}.",
                    a.yes,
                    a.relevant,
                    plural(a.relevant),
                    self.band_with_range(band),
                    self.label(band)
                );
                if let Some(other_band) = other_reading_band {
                    text.push_str(&self.other_reading(rounding, other_band));
                }
                text
            }
            (Some(a), _, _) => format!(
                "{head} {} Yes of {} relevant, with {} cases inspected: these counts cannot be right.",
                a.yes,
                a.relevant,
                entry.map_or(0, |e| e.cases)
            ),
        };
        step(
            RULE_BANDING,
            Topic::KeyQuestion {
                index,
                percentage: kq.percentage,
                band: kq.band,
                other_reading_band,
            },
            text,
        )
    }

    /// " Rounded to a whole percentage first (half up), it would be in the band ... instead:
    /// this scenario reads percentages exactly."
    fn other_reading(&self, rounding: Rounding, other_band: Rating) -> String {
        let reading = match rounding {
            Rounding::Exact => "Rounded to a whole percentage first (half up)",
            Rounding::WholePercent => "Read exactly, without rounding",
        };
        format!(
            " {reading}, it would be in the band {} instead: this scenario {}.",
            self.framework.band_name(other_band),
            match rounding {
                Rounding::Exact => "reads percentages exactly",
                Rounding::WholePercent => "rounds to whole percentages before banding",
            }
        )
    }

    /// Why a standard that has been entered is not rated: key questions still to enter,
    /// counts that cannot be right, or no relevant cases. `None` when it is rated.
    fn why_not_rated(&self, outcome: &StandardResult, entry: Option<&CaseEntry>) -> Option<Step> {
        let text = match outcome.status {
            StandardStatus::Incomplete => {
                let missing: Vec<usize> = (0..outcome.key_questions.len())
                    .filter(|&i| outcome.key_questions[i].answers.is_none())
                    .collect();
                format!(
                    "Not every key question is entered yet ({} still to enter), so the standard is not rated.",
                    self.kq_list(&missing)
                )
            }
            StandardStatus::InvalidCounts => {
                let problems: Vec<String> = entry
                    .map(|e| e.count_problems(""))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| {
                        let parts: Vec<&str> = p.path.split('.').collect();
                        let field = match parts.as_slice() {
                            [.., kq, "yes"] => format!("{kq}: Yes answers"),
                            [.., kq, "relevant"] => format!("{kq}: relevant cases"),
                            _ => p.path.clone(),
                        };
                        format!("{field} {}", p.message)
                    })
                    .collect();
                format!(
                    "Some counts cannot be right ({}): every count must satisfy Yes \u{2264} relevant \u{2264} \
                     cases inspected. The standard is left out of the score until they are corrected.",
                    problems.join("; ")
                )
            }
            StandardStatus::NotApplicable => {
                "No key question has relevant cases, so the standard is not applicable and is not rated."
                    .into()
            }
            StandardStatus::NotEntered | StandardStatus::Rated => return None,
        };
        Some(step(RULE_FRAMEWORK, Topic::NotRated(outcome.status), text))
    }

    fn lowest(&self, outcome: &StandardResult, mechanical: Rating) -> Step {
        let drivers: Vec<usize> = (0..outcome.key_questions.len())
            .filter(|&i| outcome.key_questions[i].driver)
            .collect();
        let with_figures: Vec<String> = drivers
            .iter()
            .map(|&i| {
                let p = outcome.key_questions[i]
                    .percentage
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                format!("{} ({p})", self.kq(i))
            })
            .collect();
        let applicable = outcome
            .key_questions
            .iter()
            .filter(|kq| kq.band.is_some())
            .count();
        let text = if applicable == 1 {
            format!(
                "Only one key question is applicable, {}, so its band, {}, sets the mechanical rating: {}.",
                and_list(&with_figures),
                self.framework.band_name(mechanical),
                self.label(mechanical)
            )
        } else {
            format!(
                "The lowest band among the key questions is {}, on {}. A standard takes the band of its \
                 lowest key question, so the mechanical rating is {}.",
                self.framework.band_name(mechanical),
                and_list(&with_figures),
                self.label(mechanical)
            )
        };
        step(
            RULE_LOWEST,
            Topic::Lowest {
                drivers,
                rating: mechanical,
            },
            text,
        )
    }

    /// Each flag that fires (rule 1.3), or why none does.
    fn flag_steps(
        &self,
        outcome: &StandardResult,
        mechanical: Rating,
        sample: Option<&CaseSample>,
        steps: &mut Vec<Step>,
    ) {
        for flag in &outcome.flags {
            let text = self.flag(flag, outcome, mechanical, sample);
            steps.push(step(RULE_FLAGS, Topic::Flag(flag.clone()), text));
        }
        if outcome.flags.is_empty() {
            steps.push(self.no_flags(outcome));
        }
    }

    /// A flag that fires, with its figures and the way it points: "Flag, near a boundary:
    /// the lowest percentage, 64.5% (desistance), is 0.5 points from the 65% boundary, ...".
    fn flag(
        &self,
        flag: &Flag,
        outcome: &StandardResult,
        mechanical: Rating,
        sample: Option<&CaseSample>,
    ) -> String {
        let rules = self.framework.discretion;
        match flag {
            Flag::NearBoundary {
                key_question,
                boundary,
                distance_tenths,
                direction,
            } => {
                let p = outcome.key_questions[*key_question]
                    .percentage
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                let side = match direction {
                    DiscretionDirection::Up => "It is below the boundary, so it points up",
                    DiscretionDirection::Down => "It is at or above the boundary, so it points down",
                };
                format!(
                    "Flag, near a boundary: the lowest percentage, {p} ({}), is {} points from the {boundary}% \
                     boundary, within {} points. {side}.",
                    self.kq(*key_question),
                    tenths(*distance_tenths),
                    rules.near_boundary_points
                )
            }
            Flag::OneCase { changes } => {
                let each: Vec<String> = changes
                    .iter()
                    .map(|c| self.one_case_change(outcome, c, sample))
                    .collect();
                format!(
                    "Flag, one case would change it: a differing judgement in one case would change the \
                     rating from {}: {}. {}.",
                    self.label(mechanical),
                    each.join("; or "),
                    flag_points(&flag.directions())
                )
            }
            Flag::SmallSample { key_questions } => {
                let each: Vec<String> = key_questions
                    .iter()
                    .map(|(kq, relevant)| has_relevant_cases(self.kq(*kq), *relevant))
                    .collect();
                format!(
                    "Flag, small sample: the rating rests on a sample of {} or fewer cases: {}. It points \
                     either way.",
                    rules.small_sample_cases,
                    and_list(&each)
                )
            }
        }
    }

    /// Why no flag fires, so discretion is not available (rule 1.3).
    fn no_flags(&self, outcome: &StandardResult) -> Step {
        let rules = self.framework.discretion;
        let lowest = outcome
            .key_questions
            .iter()
            .enumerate()
            .filter(|(_, kq)| kq.driver)
            .find_map(|(i, kq)| kq.percentage.map(|p| format!("{p} ({})", self.kq(i))))
            .unwrap_or_default();
        let boundaries: Vec<String> = self.framework.boundaries().map(|b| format!("{b}%")).collect();
        step(
            RULE_FLAGS,
            Topic::NoFlags,
            format!(
                "No discretion flag fires: the lowest percentage, {lowest}, is more than {} points from \
                 every boundary ({}); no single answer, one more or one fewer Yes, would change the rating; \
                 and every key question that drives it has more than {} relevant cases. Without a flag, \
                 discretion is not available.",
                rules.near_boundary_points,
                and_list(&boundaries),
                rules.small_sample_cases
            ),
        )
    }

    /// One change of a `one-case` flag in words: "one more Yes on recommendations (1 of 3
    /// becoming 2 of 3) would make it Good".
    fn one_case_change(
        &self,
        outcome: &StandardResult,
        change: &OneCaseChange,
        sample: Option<&CaseSample>,
    ) -> String {
        let (what, step): (&str, i64) = match change.direction {
            Direction::OneMoreYes => ("one more Yes", 1),
            Direction::OneFewerYes => ("one fewer Yes", -1),
        };
        let each: Vec<String> = change
            .key_questions
            .iter()
            .map(|&k| {
                let (yes, relevant) = outcome.key_questions[k]
                    .answers
                    .map_or((0, 0), |a| (a.yes, a.relevant));
                let after = (i64::from(yes) + step).max(0);
                format!(
                    "{} ({yes} of {relevant} becoming {after} of {relevant})",
                    self.kq(k)
                )
            })
            .collect();
        let on = if each.len() > 1 { "on each of " } else { "on " };
        let from = match (sample, change.cases.as_slice()) {
            (Some(sample), [first, rest @ ..]) => {
                let others = match rest.len() {
                    0 => String::new(),
                    1 => format!(" (or {}, answered the same)", sample.case_name(rest[0])),
                    n => format!(" (or any of {n} other cases answered the same)"),
                };
                format!(
                    ", from {}{others} judged Yes where it was judged No,",
                    sample.case_name(*first)
                )
            }
            _ if each.len() > 1 => ", from one case judged Yes on all of them,".to_owned(),
            _ => String::new(),
        };
        format!(
            "{what} {on}{}{from} would make it {}",
            and_list(&each),
            self.label(change.rating)
        )
    }

    /// Which ways discretion may go, and why (rule 1.4).
    fn discretion_ways(&self, outcome: &StandardResult, mechanical: Rating) -> Step {
        let allowed = outcome.allowed_discretion();
        let named = outcome.flag_directions();
        let parts: Vec<String> = DiscretionDirection::BOTH
            .into_iter()
            .map(|way| {
                let word = way.as_str();
                let pointing: Vec<String> = outcome
                    .flags
                    .iter()
                    .filter(|f| f.directions().contains(&way))
                    .map(|f| flag_short_name(f).to_owned())
                    .collect();
                match way.from(mechanical) {
                    Some(to) if named.contains(&way) => format!(
                        "go one band {word}, to {} (flags pointing {word}: {})",
                        self.label(to),
                        pointing.join(", ")
                    ),
                    Some(_) => format!("not go {word}: no flag points {word}"),
                    None => format!(
                        "not go {word}: {} is the {} rating",
                        self.label(mechanical),
                        scale_end(way)
                    ),
                }
            })
            .collect();
        step(
            RULE_DISCRETION,
            Topic::DiscretionWays { allowed },
            format!(
                "Discretion goes only where a flag points: it may {}.",
                parts.join("; it may ")
            ),
        )
    }

    fn discretion(&self, entered: Option<&crate::Discretion>, outcome: &StandardResult) -> Option<Step> {
        let topic = Topic::Discretion {
            applied: outcome.rating.filter(|_| outcome.changed_by_discretion),
            problem: outcome.discretion_problem,
        };
        let text = match (entered, outcome.mechanical_rating) {
            (Some(d), _) if outcome.changed_by_discretion => format!(
                "Discretion applied: the ratings panel moved the rating one band, from the mechanical {} to {}. \
                 Reason given: \u{201c}{}\u{201d}.",
                outcome.mechanical_rating.map_or("", |m| self.label(m)),
                self.label(d.rating),
                d.reason.trim()
            ),
            (Some(d), mechanical) => {
                let stays = mechanical.map_or("The standard stays not rated.".to_owned(), |m| {
                    format!("The rating stays {}.", self.label(m))
                });
                format!(
                    "Discretion entered ({}) does not apply: {}. {stays}",
                    self.label(d.rating),
                    outcome.discretion_problem.map_or(String::new(), |p| p.message(self.framework))
                )
            }
            (None, Some(mechanical)) if !outcome.flags.is_empty() => {
                let options: Vec<&str> = outcome
                    .allowed_discretion()
                    .into_iter()
                    .rev()
                    .map(|r| self.label(r))
                    .collect();
                format!(
                    "Discretion not applied: the rating stays the mechanical rating, {}. Because a flag fires, \
                     the ratings panel could move it one band, to {}, with a written reason.",
                    self.label(mechanical),
                    options.join(" or ")
                )
            }
            _ => return None,
        };
        Some(step(RULE_DISCRETION, topic, text))
    }

    fn score(&self, outcome: &StandardResult) -> Step {
        if !self.standard.counts_in_score {
            return step(
                RULE_SCORES,
                Topic::NotCounted,
                "This standard does not count in the score: it is reported with the others but adds nothing \
                 to the overall score or rating."
                    .into(),
            );
        }
        let scale: Vec<String> = Rating::ALL
            .iter()
            .map(|&r| format!("{} {}", self.label(r), self.framework.score(r)))
            .collect();
        let text = match (outcome.rating, outcome.score) {
            (Some(rating), Some(score)) => format!(
                "{} scores {score} (the scores are {}).",
                self.label(rating),
                scale.join(", ")
            ),
            _ => "Not rated, so it adds nothing to the score yet.".into(),
        };
        step(RULE_SCORES, Topic::Score(outcome.score), text)
    }

    fn overall(&self, result: &ScenarioResult, outcome: &StandardResult) -> Step {
        let framework = self.framework;
        let counted = self.standard.counts_in_score;
        let rated = outcome.rating.filter(|_| counted);
        let moved = |to: Option<Rating>| -> Option<(Rating, u32, Rating)> {
            let (from, to) = (rated?, to?);
            let total = result.total.saturating_sub(framework.score(from)) + framework.score(to);
            Some((to, total, framework.overall_rating(total)))
        };
        let higher = moved(rated.and_then(Rating::raised));
        let lower = moved(rated.and_then(Rating::lowered));
        let topic = Topic::Overall {
            total: result.total,
            overall: result.overall,
            reachable: result.reachable,
            if_higher: higher.filter(|_| result.overall.is_some()).map(|(_, _, o)| o),
            if_lower: lower.filter(|_| result.overall.is_some()).map(|(_, _, o)| o),
        };
        let mut text = match result.overall {
            Some(overall) => format!(
                "The overall score is {} out of {}, in the band {}: {}.",
                result.total,
                result.max,
                words::overall_range(self.framework, overall),
                self.label(overall)
            ),
            None => {
                let reach = if result.reachable.0 == result.reachable.1 {
                    format!("it will be {} whatever the rest", self.label(result.reachable.0))
                } else {
                    format!(
                        "it can still be anything from {} to {}",
                        self.label(result.reachable.0),
                        self.label(result.reachable.1)
                    )
                };
                format!(
                    "The score so far is {} out of {}, with {} of {} standards rated. No overall rating is named \
                     until every standard is rated: {reach}.",
                    result.total, result.max, result.rated, result.counted
                )
            }
        };
        if !counted {
            text.push_str(" This standard does not change it.");
        } else if let (Some(overall), Some(rating)) = (result.overall, rated) {
            let effect = |change: Option<(Rating, u32, Rating)>, end: &str| match change {
                None => format!("is not possible: {} is the {end} rating", self.label(rating)),
                Some((to, total, o)) if o == overall => format!(
                    "({}, total {total}) would leave the overall rating {}",
                    self.label(to),
                    self.label(o)
                ),
                Some((to, total, o)) => format!(
                    "({}, total {total}) would change the overall rating to {}",
                    self.label(to),
                    self.label(o)
                ),
            };
            text.push_str(&format!(
                " On this standard, one band higher {}; one band lower {}.",
                effect(higher, "highest"),
                effect(lower, "lowest")
            ));
        }
        step(RULE_SCORES, topic, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score;

    fn youth() -> &'static Framework {
        Framework::youth_2018()
    }

    fn torbay() -> Scenario {
        Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap()
    }

    #[track_caller]
    fn explained(scenario: &Scenario, id: &str) -> Explanation {
        explain(youth(), scenario, &score(youth(), scenario), id).unwrap()
    }

    fn scenario(standards: &str) -> Scenario {
        Scenario::draft_from_json_str(
            &format!(
                r#"{{"format":"yj-rating-scenario","version":1,"framework":"youth-2018","standards":{{{standards}}}}}"#
            ),
            &Framework::builtins(),
        )
        .unwrap()
        .0
    }

    fn rules(e: &Explanation) -> Vec<&'static str> {
        e.steps.iter().map(|s| s.rule).collect()
    }

    #[test]
    fn torbay_3_4_names_its_lowest_key_question_and_its_flags() {
        let e = explained(&torbay(), "3.4");
        assert_eq!(e.heading, "3.4 Joint working");
        assert_eq!(e.rating, Some(Rating::Inadequate));
        assert_eq!(
            rules(&e),
            ["1.1", "1.1", "1.2", "1.3", "1.3", "1.4", "1.4", "1.5", "1.5"]
        );
        assert!(e.steps[0]
            .text
            .starts_with("Key question 1 (recommendations) \u{201c}Are the YOT's"));
        assert!(e.steps[0]
            .text
            .ends_with("1 of 3 relevant cases answered Yes, 33.3%. That is in the band Minority (below 50%), which goes with Inadequate."));
        assert!(e.steps[1]
            .text
            .contains("2 of 2 relevant cases answered Yes, 100.0%. That is in the band Large majority (80% and above), which goes with Outstanding."));
        assert_eq!(
            e.steps[2].text,
            "The lowest band among the key questions is Minority, on recommendations (33.3%). A standard takes \
             the band of its lowest key question, so the mechanical rating is Inadequate."
        );
        assert_eq!(
            e.steps[2].topic,
            Topic::Lowest {
                drivers: vec![0],
                rating: Rating::Inadequate
            }
        );
        assert_eq!(
            e.steps[3].text,
            "Flag, one case would change it: a differing judgement in one case would change the rating from \
             Inadequate: one more Yes on recommendations (1 of 3 becoming 2 of 3) would make it Good. It points up."
        );
        assert_eq!(
            e.steps[4].text,
            "Flag, small sample: the rating rests on a sample of 5 or fewer cases: recommendations has 3 relevant \
             cases. It points either way."
        );
        assert_eq!(
            e.steps[5].text,
            "Discretion goes only where a flag points: it may go one band up, to Requires improvement (flags \
             pointing up: one case, small sample); it may not go down: Inadequate is the lowest rating."
        );
        assert_eq!(
            e.steps[5].topic,
            Topic::DiscretionWays {
                allowed: vec![Rating::RequiresImprovement]
            }
        );
        assert_eq!(
            e.steps[6].text,
            "Discretion not applied: the rating stays the mechanical rating, Inadequate. Because a flag fires, the \
             ratings panel could move it one band, to Requires improvement, with a written reason."
        );
        assert_eq!(
            e.steps[7].text,
            "Inadequate scores 0 (the scores are Inadequate 0, Requires improvement 1, Good 2, Outstanding 3)."
        );
        assert_eq!(
            e.steps[8].text,
            "The overall score is 16 out of 36, in the band 7 to 18: Requires improvement. On this standard, one \
             band higher (Requires improvement, total 17) would leave the overall rating Requires improvement; \
             one band lower is not possible: Inadequate is the lowest rating."
        );
    }

    #[test]
    fn several_drivers_and_a_one_band_change_that_moves_the_overall_rating() {
        // Torbay 3.2: safety and others both 0%.
        let e = explained(&torbay(), "3.2");
        assert!(
            e.steps[3].text.contains("on safety (0.0%) and others (0.0%)"),
            "{}",
            e.steps[3].text
        );
        // 2.1 Outstanding at 16/36: one band lower gives 15, still Requires improvement.
        let e = explained(&torbay(), "2.1");
        let last = &e.steps.last().unwrap().text;
        assert!(
            last.contains("one band higher is not possible: Outstanding is the highest rating"),
            "{last}"
        );
        // A total on a boundary: 19 is Good, one band lower drops to 18, Requires improvement.
        let mut s19 = torbay();
        s19.standards
            .insert("1.1".into(), Entry::Judgement(Rating::Outstanding)); // 16 + 3 = 19
        let e = explained(&s19, "1.1");
        let last = e.steps.last().unwrap();
        assert_eq!(
            last.text,
            "The overall score is 19 out of 36, in the band 19 to 30: Good. On this standard, one band higher is \
             not possible: Outstanding is the highest rating; one band lower (Good, total 18) would change the \
             overall rating to Requires improvement."
        );
        assert!(matches!(
            last.topic,
            Topic::Overall {
                if_lower: Some(Rating::RequiresImprovement),
                if_higher: None,
                ..
            }
        ));
    }

    #[test]
    fn judgement_standard() {
        let e = explained(&torbay(), "1.2");
        assert_eq!(rules(&e), ["1", "1.5", "1.5"]);
        assert!(e.steps[0]
            .text
            .contains("rated by judgement: it has no key questions"));
        assert!(e.steps[0]
            .text
            .ends_with("The rating proposed is Requires improvement."));
        assert!(e.steps[1].text.starts_with("Requires improvement scores 1"));
        let e = explained(&Scenario::new("youth-2018"), "1.2");
        assert!(e.steps[0]
            .text
            .ends_with("No rating has been proposed yet, so it is not rated."));
        assert_eq!(e.steps[1].text, "Not rated, so it adds nothing to the score yet.");
        assert_eq!(
            e.steps[2].text,
            "The score so far is 0 out of 36, with 0 of 12 standards rated. No overall rating is named until \
             every standard is rated: it can still be anything from Inadequate to Outstanding."
        );
    }

    #[test]
    fn not_entered_incomplete_invalid_and_not_applicable() {
        let e = explained(&Scenario::new("youth-2018"), "2.1");
        assert_eq!(rules(&e), ["1", "1.5", "1.5"]);
        assert_eq!(e.steps[0].topic, Topic::NotRated(StandardStatus::NotEntered));

        let s = scenario(r#""2.1":{"cases":8,"key_questions":{"desistance":{"relevant":8,"yes":6}}}"#);
        let e = explained(&s, "2.1");
        assert_eq!(rules(&e), ["1.1", "1.1", "1.1", "1", "1.5", "1.5"]);
        assert!(e.steps[1].text.starts_with("Key question 2 (safety) \u{201c}"));
        assert!(
            e.steps[1].text.ends_with("\u{201d}: not entered yet."),
            "{}",
            e.steps[1].text
        );
        assert!(e.steps[3].text.contains("(safety and others still to enter)"));

        let s = scenario(
            r#""2.1":{"cases":2,"key_questions":{"desistance":{"relevant":3,"yes":1},
               "safety":{"relevant":2,"yes":4},"others":{"relevant":0,"yes":0}}}"#,
        );
        let e = explained(&s, "2.1");
        assert_eq!(e.steps[3].topic, Topic::NotRated(StandardStatus::InvalidCounts));
        assert!(e.steps[3].text.contains(
            "desistance: relevant cases 3 is more than the cases inspected (2); safety: Yes answers 4 is more than relevant (2)"
        ), "{}", e.steps[3].text);
        assert!(e.steps[1].text.ends_with("these counts cannot be right."));

        let s = scenario(
            r#""3.4":{"cases":2,"key_questions":{"recommendations":{"relevant":0,"yes":0},"police":{"relevant":0,"yes":0}}}"#,
        );
        let e = explained(&s, "3.4");
        assert_eq!(rules(&e), ["1.1", "1.1", "1", "1.5", "1.5"]);
        assert!(e.steps[0]
            .text
            .ends_with("no relevant cases, so it is not applicable and takes no part in the rating."));
        assert!(e.steps[2].text.contains("not applicable and is not rated"));
    }

    #[test]
    fn no_flags_means_no_discretion() {
        let s = scenario(
            r#""2.1":{"cases":20,"key_questions":{"desistance":{"relevant":20,"yes":20},
               "safety":{"relevant":0,"yes":0},"others":{"relevant":10,"yes":10}}}"#,
        );
        let e = explained(&s, "2.1");
        assert_eq!(rules(&e), ["1.1", "1.1", "1.1", "1.2", "1.3", "1.5", "1.5"]);
        assert_eq!(e.steps[4].topic, Topic::NoFlags);
        assert!(e.steps[4]
            .text
            .starts_with("No discretion flag fires: the lowest percentage, 100.0% (desistance)"));
        assert!(e.steps[4]
            .text
            .ends_with("Without a flag, discretion is not available."));
        assert!(e.steps[4].text.contains("(50%, 65% and 80%)"));
    }

    #[test]
    fn near_boundary_and_rounding_and_discretion_applied() {
        // 129 of 200 is 64.5%: Too few exactly, Reasonable majority rounded; 0.5 points from 65%.
        let s = scenario(
            r#""2.1":{"cases":200,"key_questions":{"desistance":{"relevant":200,"yes":129},
               "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}},
               "discretion":{"rating":"Good","reason":" Strong practice seen "}}"#,
        );
        let e = explained(&s, "2.1");
        assert!(e.steps[0].text.contains(
            "Rounded to a whole percentage first (half up), it would be in the band Reasonable majority instead"
        ));
        assert!(matches!(
            e.steps[0].topic,
            Topic::KeyQuestion {
                other_reading_band: Some(Rating::Good),
                ..
            }
        ));
        let flag = e
            .steps
            .iter()
            .find(|s| matches!(s.topic, Topic::Flag(Flag::NearBoundary { .. })))
            .unwrap();
        assert_eq!(
            flag.text,
            "Flag, near a boundary: the lowest percentage, 64.5% (desistance), is 0.5 points from the 65% \
             boundary, within 5 points. It is below the boundary, so it points up."
        );
        let discretion = e
            .steps
            .iter()
            .find(|s| matches!(s.topic, Topic::Discretion { .. }))
            .unwrap();
        assert_eq!(
            discretion.text,
            "Discretion applied: the ratings panel moved the rating one band, from the mechanical Requires \
             improvement to Good. Reason given: \u{201c}Strong practice seen\u{201d}."
        );
        assert_eq!(e.rating, Some(Rating::Good));
        let score_step = e
            .steps
            .iter()
            .find(|s| matches!(s.topic, Topic::Score(_)))
            .unwrap();
        assert!(score_step.text.starts_with("Good scores 2"));

        // Discretion entered but two bands away: does not apply.
        let s = scenario(
            r#""2.1":{"cases":200,"key_questions":{"desistance":{"relevant":200,"yes":129},
               "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}},
               "discretion":{"rating":"Outstanding","reason":"x"}}"#,
        );
        let e = explained(&s, "2.1");
        let discretion = e
            .steps
            .iter()
            .find(|s| matches!(s.topic, Topic::Discretion { .. }))
            .unwrap();
        assert_eq!(
            discretion.text,
            "Discretion entered (Outstanding) does not apply: must be one band above or below the mechanical \
             rating (Requires improvement). The rating stays Requires improvement."
        );
    }

    #[test]
    fn a_standard_that_does_not_count_in_the_score() {
        let mut framework = youth().clone();
        framework.standards[0].counts_in_score = false;
        let s = torbay();
        let result = score(&framework, &s);
        let e = explain(&framework, &s, &result, "1.1").unwrap();
        assert_eq!(e.steps[1].topic, Topic::NotCounted);
        assert!(e.steps[1]
            .text
            .starts_with("This standard does not count in the score"));
        assert!(
            e.steps[2].text.ends_with("This standard does not change it."),
            "{}",
            e.steps[2].text
        );
        assert!(e.steps[2].text.starts_with("The overall score is 16 out of 33"));
    }
}
