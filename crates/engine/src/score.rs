//! The rules of rule book section 1: a standard's mechanical rating and drivers (1.2),
//! the discretion flags (1.3), applying discretion (1.4), scores and the overall rating
//! (1.5) and the what-if figures (1.6).

use crate::{
    min_yes_for, Answers, Entry, Framework, Percentage, RatedBy, Rating, Rounding, Scenario, Standard,
};

/// Everything a scenario adds up to under a framework.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioResult {
    /// One result per framework standard, in framework order.
    pub standards: Vec<StandardResult>,
    /// One subtotal per framework domain, in framework order.
    pub domains: Vec<DomainResult>,
    /// Sum of the scores of the rated standards that count.
    pub total: u32,
    /// Highest possible total.
    pub max: u32,
    /// How many of the standards that count are rated.
    pub rated: usize,
    /// How many standards count in the score.
    pub counted: usize,
    /// The overall rating; `None` until every standard that counts is rated.
    pub overall: Option<Rating>,
    /// The lowest and highest overall rating still reachable (equal once all are rated).
    pub reachable: (Rating, Rating),
}

/// A domain's subtotal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainResult {
    /// Sum of the scores of its rated standards that count.
    pub score: u32,
    /// Highest possible subtotal.
    pub max: u32,
    /// How many of its standards that count are rated.
    pub rated: usize,
    /// How many of its standards count.
    pub counted: usize,
}

/// Where a standard stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandardStatus {
    /// Nothing entered yet.
    NotEntered,
    /// Some key questions not yet entered (none of its counts are wrong).
    Incomplete,
    /// Some counts break the validity rule (yes above relevant, relevant above cases).
    InvalidCounts,
    /// Every key question has 0 relevant cases: not rated.
    NotApplicable,
    /// Rated.
    Rated,
}

/// A standard's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandardResult {
    /// Where the standard stands.
    pub status: StandardStatus,
    /// The rating before discretion (a judgement standard's proposed rating).
    pub mechanical_rating: Option<Rating>,
    /// The final rating: the mechanical rating, or the discretion rating where applied.
    pub rating: Option<Rating>,
    /// Whether discretion changed the rating.
    pub changed_by_discretion: bool,
    /// Why discretion entered for this standard does not apply, if it does not.
    pub discretion_problem: Option<DiscretionProblem>,
    /// Discretion flags (rule 1.3), at most one of each kind.
    pub flags: Vec<Flag>,
    /// The score, for a rated standard that counts.
    pub score: Option<u32>,
    /// One result per key question, in framework order (empty for judgement standards).
    pub key_questions: Vec<KeyQuestionResult>,
}

/// A key question's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyQuestionResult {
    /// The answers; `None` while not yet entered.
    pub answers: Option<Answers>,
    /// Yes over relevant; `None` when not entered, not applicable or impossible.
    pub percentage: Option<Percentage>,
    /// The band, as the rating it leads to.
    pub band: Option<Rating>,
    /// Whether the other reading of rule 1.1 (exact or whole-percent) gives another band.
    pub rounding_changes_band: bool,
    /// Whether it sets the standard's mechanical rating (its band is the lowest).
    pub driver: bool,
    /// The what-if figures (rule 1.6).
    pub what_if: WhatIf,
}

/// How far a key question is from the next band either way (rule 1.6).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WhatIf {
    /// How many more Yes answers lift it to the next band; `None` at the top band.
    pub more_yes_to_rise: Option<u32>,
    /// How many fewer Yes answers drop it a band; `None` at the bottom band.
    pub fewer_yes_to_fall: Option<u32>,
}

/// A discretion flag (rule 1.3). Flags never change a rating by themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// The lowest percentage is within the framework's points of a band boundary.
    NearBoundary {
        /// The key question with the lowest percentage.
        key_question: usize,
        /// The boundary, in percent.
        boundary: u32,
        /// The distance from it, in tenths of a percentage point.
        distance_tenths: u32,
    },
    /// A differing judgement in one case would change the mechanical rating.
    OneCase {
        /// Every single-answer change that would, in framework order.
        changes: Vec<OneCaseChange>,
    },
    /// A driver rests on a small sample.
    SmallSample {
        /// The drivers with that few relevant cases: (key question, relevant cases).
        key_questions: Vec<(usize, u32)>,
    },
}

impl Flag {
    /// The flag's kind as written in JSON: `near-boundary`, `one-case`, `small-sample`.
    pub fn kind(&self) -> &'static str {
        match self {
            Flag::NearBoundary { .. } => "near-boundary",
            Flag::OneCase { .. } => "one-case",
            Flag::SmallSample { .. } => "small-sample",
        }
    }
}

/// One answer changed on one key question, and the mechanical rating it leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneCaseChange {
    /// The key question whose answer changes.
    pub key_question: usize,
    /// Which way.
    pub direction: Direction,
    /// The standard's mechanical rating after the change.
    pub rating: Rating,
}

/// One more or one fewer Yes answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A No becomes a Yes.
    OneMoreYes,
    /// A Yes becomes a No.
    OneFewerYes,
}

/// Why entered discretion does not apply (rule 1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscretionProblem {
    /// The standard is not rated (yet).
    NotRated,
    /// The standard has no discretion flag.
    NoFlag,
    /// The rating is not one band from the mechanical rating.
    NotOneBand {
        /// The mechanical rating.
        mechanical: Rating,
    },
    /// No reason given.
    NoReason,
}

impl DiscretionProblem {
    /// The problem in words, with the framework's labels.
    pub fn message(self, framework: &Framework) -> String {
        match self {
            DiscretionProblem::NotRated => "discretion applies only to a rated standard".into(),
            DiscretionProblem::NoFlag => {
                "discretion needs a flag (near a boundary, one case, or a small sample) and this standard has none".into()
            }
            DiscretionProblem::NotOneBand { mechanical } => format!(
                "must be one band above or below the mechanical rating ({})",
                framework.label(mechanical)
            ),
            DiscretionProblem::NoReason => "a reason is required".into(),
        }
    }
}

/// Scores a scenario under a framework. Total over every scenario value: standards with
/// invalid counts or inapplicable discretion are reported, never a panic.
///
/// ```
/// use yj_rating_engine::{score, Framework, Rating, Scenario};
/// let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
/// let result = score(Framework::youth_2018(), &torbay);
/// assert_eq!((result.total, result.max), (16, 36));
/// assert_eq!(result.overall, Some(Rating::RequiresImprovement));
/// ```
pub fn score(framework: &Framework, scenario: &Scenario) -> ScenarioResult {
    let standards: Vec<StandardResult> = framework
        .standards
        .iter()
        .map(|standard| {
            score_standard(
                framework,
                standard,
                scenario.standards.get(&standard.id),
                scenario.rounding,
            )
        })
        .collect();

    let (lowest_score, highest_score) = score_range(framework);
    let domains = framework
        .domains
        .iter()
        .map(|domain| {
            let mut subtotal = DomainResult {
                score: 0,
                max: 0,
                rated: 0,
                counted: 0,
            };
            for (definition, result) in framework.standards.iter().zip(&standards) {
                if definition.domain == domain.id && definition.counts_in_score {
                    subtotal.counted += 1;
                    subtotal.max += highest_score;
                    if let Some(score) = result.score {
                        subtotal.rated += 1;
                        subtotal.score += score;
                    }
                }
            }
            subtotal
        })
        .collect();

    let counted = framework.standards.iter().filter(|s| s.counts_in_score).count();
    let scores = standards.iter().filter_map(|s| s.score);
    let (rated, total) = scores.fold((0, 0), |(n, sum), score| (n + 1, sum + score));
    let unrated = (counted - rated) as u32;
    let reachable = (
        framework.overall_rating(total + lowest_score * unrated),
        framework.overall_rating(total + highest_score * unrated),
    );
    ScenarioResult {
        standards,
        domains,
        total,
        max: framework.max_score(),
        rated,
        counted,
        overall: (rated == counted).then(|| framework.overall_rating(total)),
        reachable,
    }
}

fn score_range(framework: &Framework) -> (u32, u32) {
    let lowest = framework.scores.iter().copied().min().unwrap_or(0);
    let highest = framework.scores.iter().copied().max().unwrap_or(0);
    (lowest, highest)
}

fn score_standard(
    framework: &Framework,
    standard: &Standard,
    entry: Option<&Entry>,
    rounding: Rounding,
) -> StandardResult {
    let mut result = StandardResult {
        status: StandardStatus::NotEntered,
        mechanical_rating: None,
        rating: None,
        changed_by_discretion: false,
        discretion_problem: None,
        flags: Vec::new(),
        score: None,
        key_questions: Vec::new(),
    };
    let entry = match (standard.rated_by, entry) {
        (_, None) => return result,
        (RatedBy::Judgement, Some(Entry::Judgement(rating))) => {
            result.status = StandardStatus::Rated;
            result.mechanical_rating = Some(*rating);
            result.rating = Some(*rating);
            result.score = standard.counts_in_score.then(|| framework.score(*rating));
            return result;
        }
        (RatedBy::Cases, Some(Entry::Cases(entry))) => entry,
        // The reader never builds a mismatched entry; a hand-built one is not entered.
        _ => return result,
    };

    result.key_questions = standard
        .key_questions
        .iter()
        .map(|kq| key_question_result(framework, entry.key_questions.get(&kq.id).copied(), rounding))
        .collect();

    let kqs = &result.key_questions;
    result.status = if !entry.counts_valid() {
        StandardStatus::InvalidCounts
    } else if kqs.iter().any(|kq| kq.answers.is_none()) {
        StandardStatus::Incomplete
    } else if kqs.iter().all(|kq| kq.band.is_none()) {
        StandardStatus::NotApplicable
    } else {
        StandardStatus::Rated
    };

    if result.status == StandardStatus::Rated {
        let mechanical = mechanical_rating(kqs.iter().map(|kq| kq.band));
        for kq in &mut result.key_questions {
            kq.driver = kq.band == Some(mechanical);
        }
        result.flags = flags(framework, &result.key_questions, mechanical, rounding);
        result.mechanical_rating = Some(mechanical);
        result.rating = Some(mechanical);
    }

    if let Some(discretion) = &entry.discretion {
        let problem = match result.mechanical_rating {
            None => Some(DiscretionProblem::NotRated),
            Some(_) if result.flags.is_empty() => Some(DiscretionProblem::NoFlag),
            Some(mechanical) if discretion.rating.bands_from(mechanical) != 1 => {
                Some(DiscretionProblem::NotOneBand { mechanical })
            }
            Some(_) if discretion.reason.trim().is_empty() => Some(DiscretionProblem::NoReason),
            Some(_) => None,
        };
        result.discretion_problem = problem;
        if problem.is_none() {
            result.rating = Some(discretion.rating);
            result.changed_by_discretion = true;
        }
    }
    result.score = result
        .rating
        .filter(|_| standard.counts_in_score)
        .map(|r| framework.score(r));
    result
}

/// The rating of the lowest-banded applicable key question (rule 1.2).
fn mechanical_rating(bands: impl Iterator<Item = Option<Rating>>) -> Rating {
    bands.flatten().min().unwrap_or(Rating::Inadequate)
}

fn key_question_result(
    framework: &Framework,
    answers: Option<Answers>,
    rounding: Rounding,
) -> KeyQuestionResult {
    let percentage = answers.and_then(|a| Percentage::new(a.yes, a.relevant));
    let band = percentage.map(|p| framework.band(p, rounding));
    let other_reading = match rounding {
        Rounding::Exact => Rounding::WholePercent,
        Rounding::WholePercent => Rounding::Exact,
    };
    let what_if = match (percentage, band) {
        (Some(p), Some(band)) => what_if(framework, p, band, rounding),
        _ => WhatIf::default(),
    };
    KeyQuestionResult {
        answers,
        percentage,
        band,
        rounding_changes_band: percentage.is_some_and(|p| Some(framework.band(p, other_reading)) != band),
        driver: false,
        what_if,
    }
}

fn what_if(framework: &Framework, percentage: Percentage, band: Rating, rounding: Rounding) -> WhatIf {
    let (yes, relevant) = (percentage.yes(), percentage.relevant());
    let threshold = |rating: Rating| framework.key_question_bands[rating.level()].from_percent;
    WhatIf {
        more_yes_to_rise: band
            .raised()
            .and_then(|next| min_yes_for(threshold(next), relevant, rounding))
            .map(|needed| needed - yes),
        fewer_yes_to_fall: band
            .lowered()
            .and_then(|_| min_yes_for(threshold(band), relevant, rounding))
            // `needed <= yes` here; `yes + 1` first would overflow at u32::MAX.
            .map(|needed| yes - needed + 1),
    }
}

/// The discretion flags of a rated case standard (rule 1.3).
fn flags(
    framework: &Framework,
    kqs: &[KeyQuestionResult],
    mechanical: Rating,
    rounding: Rounding,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    let rules = framework.discretion;

    // near-boundary: the lowest percentage (first in order on a tie) near any boundary.
    let lowest = kqs
        .iter()
        .enumerate()
        .filter_map(|(i, kq)| kq.percentage.map(|p| (i, p)))
        .min_by(|a, b| a.1.cmp_read(b.1, rounding));
    if let Some((key_question, p)) = lowest {
        let nearest = framework
            .boundaries()
            .map(|boundary| {
                (
                    boundary,
                    p.distance_from(boundary, rules.near_boundary_points, rounding),
                )
            })
            .filter(|(_, (_, within))| *within)
            .min_by_key(|(_, (distance, _))| *distance);
        if let Some((boundary, (distance_tenths, _))) = nearest {
            flags.push(Flag::NearBoundary {
                key_question,
                boundary,
                distance_tenths,
            });
        }
    }

    // one-case: brute force over every single-answer change.
    let mut changes = Vec::new();
    for (i, kq) in kqs.iter().enumerate() {
        let Some(p) = kq.percentage else { continue };
        let (yes, relevant) = (p.yes(), p.relevant());
        let candidates = [
            (Direction::OneMoreYes, (yes < relevant).then(|| yes + 1)),
            (Direction::OneFewerYes, yes.checked_sub(1)),
        ];
        for (direction, changed_yes) in candidates {
            let Some(changed) = changed_yes.and_then(|y| Percentage::new(y, relevant)) else {
                continue;
            };
            let changed_band = framework.band(changed, rounding);
            let others = kqs
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, kq)| kq.band);
            let rating = mechanical_rating(others.chain([Some(changed_band)]));
            if rating != mechanical {
                changes.push(OneCaseChange {
                    key_question: i,
                    direction,
                    rating,
                });
            }
        }
    }
    if !changes.is_empty() {
        flags.push(Flag::OneCase { changes });
    }

    // small-sample: a driver with few relevant cases.
    let small: Vec<(usize, u32)> = kqs
        .iter()
        .enumerate()
        .filter(|(_, kq)| kq.driver)
        .filter_map(|(i, kq)| kq.percentage.map(|p| (i, p.relevant())))
        .filter(|(_, relevant)| *relevant <= rules.small_sample_cases)
        .collect();
    if !small.is_empty() {
        flags.push(Flag::SmallSample { key_questions: small });
    }
    flags
}
