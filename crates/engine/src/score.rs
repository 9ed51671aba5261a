//! The rules of rule book section 1: a standard's mechanical rating and drivers (1.2),
//! the discretion flags (1.3), applying discretion (1.4), scores and the overall rating
//! (1.5) and the what-if figures (1.6).

use crate::{
    min_yes_for, Answers, CaseAnswer, CaseSample, Discretion, Entry, Framework, Percentage, RatedBy, Rating,
    Rounding, Scenario, Standard,
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
    /// The lowest and highest total still reachable (both `total` once all are rated).
    pub reachable_total: (u32, u32),
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

impl StandardResult {
    /// The directions its flags name (rule 1.3), up first; empty without a flag.
    pub fn flag_directions(&self) -> Vec<DiscretionDirection> {
        DiscretionDirection::BOTH
            .into_iter()
            .filter(|way| self.flags.iter().any(|f| f.directions().contains(way)))
            .collect()
    }

    /// The ratings discretion may give (rule 1.4), lowest first: one band from the
    /// mechanical rating, in a direction one of its flags names, within the scale.
    /// Empty exactly when the standard has no flag (or is not rated).
    ///
    /// ```
    /// use yj_rating_engine::{score, Framework, Rating, Scenario};
    /// let scenario = Scenario::from_json_str(r#"{
    ///     "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
    ///     "standards": { "2.1": { "cases": 100, "key_questions": {
    ///         "desistance": { "relevant": 100, "yes": 62 },
    ///         "safety": { "relevant": 0, "yes": 0 },
    ///         "others": { "relevant": 0, "yes": 0 } } } } }"#).unwrap();
    /// let assessment = &score(Framework::youth_2018(), &scenario).standards[4];
    /// // 62% is Too few, 3 points below the 65% boundary: only one band up.
    /// assert_eq!(assessment.mechanical_rating, Some(Rating::RequiresImprovement));
    /// assert_eq!(assessment.allowed_discretion(), [Rating::Good]);
    /// ```
    pub fn allowed_discretion(&self) -> Vec<Rating> {
        let Some(mechanical) = self.mechanical_rating else {
            return Vec::new();
        };
        let mut allowed: Vec<Rating> = self
            .flag_directions()
            .into_iter()
            .filter_map(|way| way.from(mechanical))
            .collect();
        allowed.sort();
        allowed
    }
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
    /// The standard's mechanical rating were this key question to rise a band, the others
    /// unchanged; `None` where it cannot rise or the standard is not rated.
    pub standard_if_rise: Option<Rating>,
    /// The standard's mechanical rating were this key question to drop a band.
    pub standard_if_fall: Option<Rating>,
}

/// A discretion flag (rule 1.3). Flags never change a rating by themselves; each names
/// the direction(s) in which it could justify discretion ([`Flag::directions`]).
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
        /// Towards the boundary's other side: up when the percentage (as it bands) is
        /// below the boundary, down when it is at or above it.
        direction: DiscretionDirection,
    },
    /// A differing judgement in one case would change the mechanical rating.
    OneCase {
        /// Every change that would: first the ways one case judged Yes could raise it,
        /// then each single Yes judged No that would lower it, in framework order.
        changes: Vec<OneCaseChange>,
    },
    /// A driver rests on a small sample.
    SmallSample {
        /// The drivers with that few relevant cases: (key question, relevant cases).
        key_questions: Vec<(usize, u32)>,
    },
}

/// What kind of flag it is, without its details.
///
/// ```
/// use yj_rating_engine::FlagKind;
/// assert_eq!(FlagKind::OneCase.as_str(), "one-case");
/// assert_eq!(FlagKind::NearBoundary.to_string(), "near-boundary");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagKind {
    NearBoundary,
    OneCase,
    SmallSample,
}

impl FlagKind {
    /// The kind as written in JSON: `near-boundary`, `one-case`, `small-sample`.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::NearBoundary => "near-boundary",
            FlagKind::OneCase => "one-case",
            FlagKind::SmallSample => "small-sample",
        }
    }
}

impl std::fmt::Display for FlagKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Flag {
    /// The flag's kind.
    pub fn kind(&self) -> FlagKind {
        match self {
            Flag::NearBoundary { .. } => FlagKind::NearBoundary,
            Flag::OneCase { .. } => FlagKind::OneCase,
            Flag::SmallSample { .. } => FlagKind::SmallSample,
        }
    }

    /// The directions in which the flag could justify discretion (rule 1.3), up first:
    /// `near-boundary` across its boundary, `one-case` where the one case would move the
    /// rating, `small-sample` either way.
    ///
    /// ```
    /// use yj_rating_engine::{DiscretionDirection::{Down, Up}, Flag};
    /// let small = Flag::SmallSample { key_questions: vec![(0, 4)] };
    /// assert_eq!(small.directions(), [Up, Down]);
    /// let near = Flag::NearBoundary { key_question: 0, boundary: 65, distance_tenths: 20, direction: Up };
    /// assert_eq!(near.directions(), [Up]);
    /// ```
    pub fn directions(&self) -> Vec<DiscretionDirection> {
        match self {
            Flag::NearBoundary { direction, .. } => vec![*direction],
            Flag::OneCase { changes } => DiscretionDirection::BOTH
                .into_iter()
                .filter(|&way| changes.iter().any(|c| c.direction.discretion() == way))
                .collect(),
            Flag::SmallSample { .. } => DiscretionDirection::BOTH.to_vec(),
        }
    }

    /// The kind and its directions, for tables: `near-boundary (up)`,
    /// `small-sample (up or down)`.
    ///
    /// ```
    /// use yj_rating_engine::Flag;
    /// let small = Flag::SmallSample { key_questions: vec![(0, 4)] };
    /// assert_eq!(small.summary(), "small-sample (up or down)");
    /// ```
    pub fn summary(&self) -> String {
        let ways: Vec<&str> = self.directions().into_iter().map(|d| d.as_str()).collect();
        format!("{} ({})", self.kind(), ways.join(" or "))
    }
}

/// A way discretion may move a rating: one band up or one band down (rules 1.3, 1.4).
///
/// ```
/// use yj_rating_engine::{DiscretionDirection, Rating};
/// assert_eq!(DiscretionDirection::Up.from(Rating::Good), Some(Rating::Outstanding));
/// assert_eq!(DiscretionDirection::Down.from(Rating::Inadequate), None);
/// assert_eq!(DiscretionDirection::Down.as_str(), "down");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiscretionDirection {
    /// One band above the mechanical rating.
    Up,
    /// One band below the mechanical rating.
    Down,
}

impl DiscretionDirection {
    /// Both directions, up first.
    pub const BOTH: [DiscretionDirection; 2] = [DiscretionDirection::Up, DiscretionDirection::Down];

    /// The direction as written in JSON: `up` or `down`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiscretionDirection::Up => "up",
            DiscretionDirection::Down => "down",
        }
    }

    /// The rating one band this way from `rating`; `None` past either end of the scale.
    pub fn from(self, rating: Rating) -> Option<Rating> {
        match self {
            DiscretionDirection::Up => rating.raised(),
            DiscretionDirection::Down => rating.lowered(),
        }
    }

    /// The direction from `from` to `to`, if they differ.
    ///
    /// ```
    /// use yj_rating_engine::{DiscretionDirection, Rating};
    /// assert_eq!(DiscretionDirection::between(Rating::Good, Rating::Inadequate), Some(DiscretionDirection::Down));
    /// assert_eq!(DiscretionDirection::between(Rating::Good, Rating::Good), None);
    /// ```
    pub fn between(from: Rating, to: Rating) -> Option<DiscretionDirection> {
        match to.cmp(&from) {
            std::cmp::Ordering::Greater => Some(DiscretionDirection::Up),
            std::cmp::Ordering::Less => Some(DiscretionDirection::Down),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A differing judgement in one case, and the mechanical rating it leads to (rule 1.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneCaseChange {
    /// Which way the answers change.
    pub direction: Direction,
    /// The key questions that change together, one answer each, in framework order: a
    /// single one for a Yes judged No; for a No judged Yes, every driver that has a No
    /// (counts entered as totals) or every key question the case answered No (entered
    /// case by case).
    pub key_questions: Vec<usize>,
    /// The standard's mechanical rating after the change.
    pub rating: Rating,
    /// Entered case by case, a No judged Yes: the cases (positions in the domain's
    /// sample) whose No answers are exactly these key questions. Empty otherwise.
    pub cases: Vec<usize>,
}

/// One more or one fewer Yes answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A No becomes a Yes.
    OneMoreYes,
    /// A Yes becomes a No.
    OneFewerYes,
}

impl Direction {
    /// The way such a change moves a rating, and so the way it lets discretion go.
    ///
    /// ```
    /// use yj_rating_engine::{Direction, DiscretionDirection};
    /// assert_eq!(Direction::OneMoreYes.discretion(), DiscretionDirection::Up);
    /// ```
    pub fn discretion(self) -> DiscretionDirection {
        match self {
            Direction::OneMoreYes => DiscretionDirection::Up,
            Direction::OneFewerYes => DiscretionDirection::Down,
        }
    }
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
    /// One band away, but in a direction no flag names (rule 1.4).
    NotFlaggedDirection {
        /// The mechanical rating.
        mechanical: Rating,
        /// The one rating the flags allow.
        allowed: Rating,
    },
    /// No reason given.
    NoReason,
}

impl DiscretionProblem {
    /// The problem in words, with the framework's labels.
    ///
    /// ```
    /// use yj_rating_engine::{DiscretionProblem, Framework, Rating};
    /// let problem = DiscretionProblem::NotFlaggedDirection {
    ///     mechanical: Rating::RequiresImprovement,
    ///     allowed: Rating::Good,
    /// };
    /// assert_eq!(problem.message(Framework::youth_2018()),
    ///     "no flag points down: discretion may only go one band up from the mechanical rating \
    ///      (Requires improvement), to Good");
    /// ```
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
            DiscretionProblem::NotFlaggedDirection { mechanical, allowed } => {
                let (wrong, right) = match DiscretionDirection::between(mechanical, allowed) {
                    Some(DiscretionDirection::Down) => ("up", "down"),
                    _ => ("down", "up"),
                };
                format!(
                    "no flag points {wrong}: discretion may only go one band {right} from the mechanical rating ({}), to {}",
                    framework.label(mechanical),
                    framework.label(allowed)
                )
            }
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
                scenario.case_samples.get(&standard.domain),
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
    let reachable_total = (total + lowest_score * unrated, total + highest_score * unrated);
    let reachable = (
        framework.overall_rating(reachable_total.0),
        framework.overall_rating(reachable_total.1),
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
        reachable_total,
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
    sample: Option<&CaseSample>,
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
        standard_what_if(&mut result.key_questions);
        let cases = entry
            .by_case
            .then(|| SampleNos::new(standard, sample.unwrap_or(&CaseSample::default())));
        result.flags = flags(
            framework,
            &result.key_questions,
            mechanical,
            rounding,
            cases.as_ref(),
        );
        result.mechanical_rating = Some(mechanical);
        result.rating = Some(mechanical);
    }

    if let Some(discretion) = &entry.discretion {
        let problem = discretion_problem(&result, discretion);
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

/// Why the discretion entered cannot apply to a standard scored mechanically so far
/// (rule 1.4), or `None` when it applies: the standard must be rated, flagged, moved one
/// band in a direction a flag points, with a reason.
fn discretion_problem(result: &StandardResult, discretion: &Discretion) -> Option<DiscretionProblem> {
    let allowed = result.allowed_discretion();
    match result.mechanical_rating {
        None => Some(DiscretionProblem::NotRated),
        Some(_) if result.flags.is_empty() => Some(DiscretionProblem::NoFlag),
        Some(mechanical) if discretion.rating.bands_from(mechanical) != 1 => {
            Some(DiscretionProblem::NotOneBand { mechanical })
        }
        Some(mechanical) if !allowed.contains(&discretion.rating) => {
            // One band away and flagged: the flags name only the other direction.
            let allowed = allowed.first().copied().unwrap_or(mechanical);
            Some(DiscretionProblem::NotFlaggedDirection { mechanical, allowed })
        }
        Some(_) if discretion.reason.trim().is_empty() => Some(DiscretionProblem::NoReason),
        Some(_) => None,
    }
}

/// What each key question's next band up or down would make of the standard (rule 1.6
/// read with 1.2): the lowest band once that one key question has moved.
fn standard_what_if(kqs: &mut [KeyQuestionResult]) {
    let bands: Vec<Option<Rating>> = kqs.iter().map(|kq| kq.band).collect();
    let with = |moved: usize, band: Rating| {
        mechanical_rating(
            bands
                .iter()
                .enumerate()
                .map(|(k, b)| if k == moved { Some(band) } else { *b }),
        )
    };
    for (k, kq) in kqs.iter_mut().enumerate() {
        let rise = kq.what_if.more_yes_to_rise.and(kq.band).and_then(Rating::raised);
        let fall = kq
            .what_if
            .fewer_yes_to_fall
            .and(kq.band)
            .and_then(Rating::lowered);
        kq.what_if.standard_if_rise = rise.map(|band| with(k, band));
        kq.what_if.standard_if_fall = fall.map(|band| with(k, band));
    }
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
        standard_if_rise: None,
        standard_if_fall: None,
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

/// The discretion flags of a rated case standard (rule 1.3), in a fixed order:
/// near-boundary, one-case, small-sample.
fn flags(
    framework: &Framework,
    kqs: &[KeyQuestionResult],
    mechanical: Rating,
    rounding: Rounding,
    cases: Option<&SampleNos>,
) -> Vec<Flag> {
    [
        near_boundary(framework, kqs, rounding),
        one_case(framework, kqs, mechanical, rounding, cases),
        small_sample(framework, kqs),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `near-boundary`: the lowest percentage (first in order on a tie), as it bands, near a
/// boundary; the nearest one is reported.
fn near_boundary(framework: &Framework, kqs: &[KeyQuestionResult], rounding: Rounding) -> Option<Flag> {
    let points = framework.discretion.near_boundary_points;
    let (key_question, p) = kqs
        .iter()
        .enumerate()
        .filter_map(|(i, kq)| kq.percentage.map(|p| (i, p)))
        .min_by(|a, b| a.1.cmp_read(b.1, rounding))?;
    let (boundary, (distance_tenths, _)) = framework
        .boundaries()
        .map(|boundary| (boundary, p.distance_from(boundary, points, rounding)))
        .filter(|(_, (_, within))| *within)
        .min_by_key(|(_, (distance, _))| *distance)?;
    let direction = if p.at_least(boundary, rounding) {
        DiscretionDirection::Down
    } else {
        DiscretionDirection::Up
    };
    Some(Flag::NearBoundary {
        key_question,
        boundary,
        distance_tenths,
        direction,
    })
}

/// `one-case`: up, one case judged Yes where it was No (with totals, on every driver
/// that has a No; case by case, on each case's No answers); down, a single Yes judged No
/// on any one key question. Relevance is not re-judged.
fn one_case(
    framework: &Framework,
    kqs: &[KeyQuestionResult],
    mechanical: Rating,
    rounding: Rounding,
    cases: Option<&SampleNos>,
) -> Option<Flag> {
    let ups: Vec<(Vec<usize>, Vec<usize>)> = match cases {
        Some(sample) => sample.groups.clone(),
        None => {
            let with_a_no: Vec<usize> = (0..kqs.len())
                .filter(|&i| kqs[i].driver && kqs[i].percentage.is_some_and(|p| p.yes() < p.relevant()))
                .collect();
            vec![(with_a_no, Vec::new())]
        }
    };
    let up = ups
        .into_iter()
        .filter(|(set, _)| !set.is_empty())
        .map(|(key_questions, cases)| OneCaseChange {
            rating: rating_after(framework, kqs, rounding, &key_questions, Direction::OneMoreYes),
            direction: Direction::OneMoreYes,
            key_questions,
            cases,
        });
    let down = (0..kqs.len())
        .filter(|&i| kqs[i].percentage.is_some_and(|p| p.yes() > 0))
        .map(|i| OneCaseChange {
            rating: rating_after(framework, kqs, rounding, &[i], Direction::OneFewerYes),
            direction: Direction::OneFewerYes,
            key_questions: vec![i],
            cases: Vec::new(),
        });
    let changes: Vec<OneCaseChange> = up
        .filter(|c| c.rating > mechanical)
        .chain(down.filter(|c| c.rating < mechanical))
        .collect();
    (!changes.is_empty()).then_some(Flag::OneCase { changes })
}

/// The mechanical rating with one answer changed on each of `changed`.
fn rating_after(
    framework: &Framework,
    kqs: &[KeyQuestionResult],
    rounding: Rounding,
    changed: &[usize],
    direction: Direction,
) -> Rating {
    let bands = kqs.iter().enumerate().map(|(i, kq)| {
        if !changed.contains(&i) {
            return kq.band;
        }
        let p = kq.percentage?;
        let yes = match direction {
            Direction::OneMoreYes => p.yes().checked_add(1),
            Direction::OneFewerYes => p.yes().checked_sub(1),
        };
        // A change the counts cannot take (never for counts a sample gives) changes nothing.
        let moved = yes.and_then(|y| Percentage::new(y, p.relevant())).unwrap_or(p);
        Some(framework.band(moved, rounding))
    });
    mechanical_rating(bands)
}

/// `small-sample`: the drivers with few relevant cases.
fn small_sample(framework: &Framework, kqs: &[KeyQuestionResult]) -> Option<Flag> {
    let key_questions: Vec<(usize, u32)> = kqs
        .iter()
        .enumerate()
        .filter(|(_, kq)| kq.driver)
        .filter_map(|(i, kq)| kq.percentage.map(|p| (i, p.relevant())))
        .filter(|(_, relevant)| *relevant <= framework.discretion.small_sample_cases)
        .collect();
    (!key_questions.is_empty()).then_some(Flag::SmallSample { key_questions })
}

/// The cases of a domain's sample grouped by the key questions of one standard they
/// answered No, for the case-by-case `one-case` flag.
struct SampleNos {
    /// (key questions answered No, the cases that did so), in the order of their first
    /// case; cases with no No are left out.
    groups: Vec<(Vec<usize>, Vec<usize>)>,
}

impl SampleNos {
    fn new(standard: &Standard, sample: &CaseSample) -> SampleNos {
        let mut groups: std::collections::BTreeMap<Vec<usize>, Vec<usize>> = Default::default();
        for (position, case) in sample.cases.iter().enumerate() {
            let nos: Vec<usize> = (0..standard.key_questions.len())
                .filter(|&k| case.answer(&standard.id, &standard.key_questions[k].id) == Some(CaseAnswer::No))
                .collect();
            if !nos.is_empty() {
                groups.entry(nos).or_default().push(position);
            }
        }
        let mut groups: Vec<(Vec<usize>, Vec<usize>)> = groups.into_iter().collect();
        groups.sort_by_key(|(_, cases)| cases.first().copied());
        SampleNos { groups }
    }
}
