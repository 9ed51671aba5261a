//! Frameworks as data (rule book sections 1 and 5): the standards, key questions,
//! rating labels, band thresholds and score tables that the rules read.

use crate::error::{join, Error, Problem};
use crate::{Percentage, Rating, Rounding};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The `format` value of a framework file.
pub const FRAMEWORK_FORMAT: &str = "yj-rating-framework";

/// An inspection framework: everything the rules need to know, as data.
///
/// ```
/// use yj_rating_engine::{Framework, Rating};
/// let youth = Framework::youth_2018();
/// assert_eq!(youth.standards.len(), 12);
/// assert_eq!(youth.label(Rating::RequiresImprovement), "Requires improvement");
/// assert_eq!(youth.max_score(), 36);
/// assert_eq!(youth.overall_rating(16), Rating::RequiresImprovement);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Always [`FRAMEWORK_FORMAT`].
    pub format: String,
    /// Format version; 1.
    pub version: u32,
    /// Short identifier a scenario names, e.g. `youth-2018`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// A note shown with the framework (sources, what is not reproduced).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The label of each rating, lowest first.
    pub ratings: [String; 4],
    /// The key-question band of each rating, lowest first.
    pub key_question_bands: [KeyQuestionBand; 4],
    /// When the discretion flags of rule 1.3 fire.
    pub discretion: DiscretionRules,
    /// The score of each rating, lowest first.
    pub scores: [u32; 4],
    /// The overall rating of each score range, lowest first.
    pub overall_bands: [OverallBand; 4],
    /// Domains, in report order.
    pub domains: Vec<Domain>,
    /// Standards, in report order.
    pub standards: Vec<Standard>,
}

/// A key-question band: its name and the lowest percentage that reaches it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyQuestionBand {
    /// The inspectorate's name, e.g. `Reasonable majority`.
    pub name: String,
    /// Whole percentage at which the band starts (0 for the lowest band).
    pub from_percent: u32,
}

/// The thresholds of the discretion flags (rule 1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscretionRules {
    /// `near-boundary` fires within this many percentage points of a band boundary.
    pub near_boundary_points: u32,
    /// `small-sample` fires when a driver has this many relevant cases or fewer.
    pub small_sample_cases: u32,
}

/// An overall rating's score range: it starts at `from_score`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverallBand {
    /// Lowest total score with this overall rating.
    pub from_score: u32,
    /// The rating's label (must match `ratings` at the same position).
    pub rating: String,
}

/// A domain: a group of standards with a subtotal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Identifier, e.g. `2`.
    pub id: String,
    /// Name, e.g. `Court disposals`.
    pub name: String,
}

/// How a standard's rating arises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RatedBy {
    /// Inspectors propose the rating directly.
    Judgement,
    /// The rating is the band of the lowest key question over the case sample.
    Cases,
}

/// A standard of the framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Identifier, e.g. `3.2`.
    pub id: String,
    /// The id of its domain.
    pub domain: String,
    /// Name, e.g. `Planning`.
    pub name: String,
    /// Judgement or cases.
    pub rated_by: RatedBy,
    /// The standard as the inspectorate states it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// For judgement standards: the questions inspectors weigh.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// For case standards: the key questions, in report order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_questions: Vec<KeyQuestion>,
    /// Whether the standard's score adds to the overall score.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub counts_in_score: bool,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

/// A key question of a case standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyQuestion {
    /// Identifier within the standard, e.g. `safety`.
    pub id: String,
    /// The inspectorate's wording.
    pub wording: String,
    /// Which cases are relevant, where not every case is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub relevant_when: String,
}

impl Standard {
    /// The position of a key question by id.
    pub fn key_question(&self, id: &str) -> Option<usize> {
        self.key_questions.iter().position(|kq| kq.id == id)
    }
}

static YOUTH_2018: OnceLock<Framework> = OnceLock::new();

impl Framework {
    /// The youth framework used in inspections from 2018 to 2021 (rule book section 1).
    pub fn youth_2018() -> &'static Framework {
        YOUTH_2018.get_or_init(|| {
            Framework::from_json_str(include_str!("../frameworks/youth-2018.json"))
                .unwrap_or_else(|err| panic!("built-in framework youth-2018 is invalid: {err}"))
        })
    }

    /// Every built-in framework.
    pub fn builtins() -> [&'static Framework; 1] {
        [Framework::youth_2018()]
    }

    /// A built-in framework by id.
    ///
    /// ```
    /// assert!(yj_rating_engine::Framework::builtin("youth-2018").is_some());
    /// assert!(yj_rating_engine::Framework::builtin("adult-2030").is_none());
    /// ```
    pub fn builtin(id: &str) -> Option<&'static Framework> {
        Framework::builtins().into_iter().find(|f| f.id == id)
    }

    /// Reads and validates a framework file.
    ///
    /// # Errors
    /// Invalid JSON, unknown or missing fields, and any rule of [`Framework::validate`].
    pub fn from_json_str(text: &str) -> Result<Framework, Error> {
        let framework: Framework =
            serde_json::from_str(text).map_err(|err| Error::one("", err.to_string()))?;
        framework.validate()?;
        Ok(framework)
    }

    /// Checks that the framework can be scored: unique ids, known domains, key
    /// questions only on case standards, thresholds increasing from 0 to at most 100,
    /// overall bands starting at 0 and increasing, labels consistent.
    ///
    /// # Errors
    /// Every rule broken, each with its path.
    pub fn validate(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
        if self.format != FRAMEWORK_FORMAT {
            problem("format".into(), format!("expected \"{FRAMEWORK_FORMAT}\""));
        }
        if self.version != 1 {
            problem(
                "version".into(),
                format!("version {} is not understood (expected 1)", self.version),
            );
        }
        if self.id.trim().is_empty() {
            problem("id".into(), "must not be empty".into());
        }
        for (i, band) in self.key_question_bands.iter().enumerate() {
            let path = format!("key_question_bands.{i}.from_percent");
            if i == 0 && band.from_percent != 0 {
                problem(path, "the lowest band must start at 0".into());
            } else if i > 0 && band.from_percent <= self.key_question_bands[i - 1].from_percent {
                problem(path, "thresholds must increase".into());
            } else if band.from_percent > 100 {
                problem(path, "must be at most 100".into());
            }
        }
        for (i, band) in self.overall_bands.iter().enumerate() {
            let path = format!("overall_bands.{i}");
            if i == 0 && band.from_score != 0 {
                problem(
                    join(&path, "from_score"),
                    "the lowest band must start at 0".into(),
                );
            } else if i > 0 && band.from_score <= self.overall_bands[i - 1].from_score {
                problem(join(&path, "from_score"), "score bands must increase".into());
            }
            if band.rating != self.ratings[i] {
                problem(
                    join(&path, "rating"),
                    format!("expected \"{}\" (ratings.{i})", self.ratings[i]),
                );
            }
        }
        if self.overall_bands[3].from_score > self.max_score() {
            problem(
                "overall_bands.3.from_score".into(),
                format!("is above the highest possible score ({})", self.max_score()),
            );
        }
        for (i, label) in self.ratings.iter().enumerate() {
            if label.trim().is_empty() || self.ratings[..i].contains(label) {
                problem(
                    format!("ratings.{i}"),
                    "labels must be non-empty and distinct".into(),
                );
            }
        }
        let mut domain_ids = HashSet::new();
        for (i, domain) in self.domains.iter().enumerate() {
            if !domain_ids.insert(domain.id.as_str()) {
                problem(
                    format!("domains.{i}.id"),
                    format!("duplicate id \"{}\"", domain.id),
                );
            }
        }
        let mut standard_ids = HashSet::new();
        for (i, standard) in self.standards.iter().enumerate() {
            let path = format!("standards.{i}");
            if !standard_ids.insert(standard.id.as_str()) {
                problem(join(&path, "id"), format!("duplicate id \"{}\"", standard.id));
            }
            if !domain_ids.contains(standard.domain.as_str()) {
                problem(
                    join(&path, "domain"),
                    format!("unknown domain \"{}\"", standard.domain),
                );
            }
            match standard.rated_by {
                RatedBy::Judgement if !standard.key_questions.is_empty() => problem(
                    join(&path, "key_questions"),
                    "a judgement standard has no key questions".into(),
                ),
                RatedBy::Cases if standard.key_questions.is_empty() => problem(
                    join(&path, "key_questions"),
                    "a case standard needs at least one key question".into(),
                ),
                _ => {}
            }
            let mut kq_ids = HashSet::new();
            for (k, kq) in standard.key_questions.iter().enumerate() {
                if !kq_ids.insert(kq.id.as_str()) {
                    problem(
                        format!("{path}.key_questions.{k}.id"),
                        format!("duplicate id \"{}\"", kq.id),
                    );
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::new(problems))
        }
    }

    /// The label of a rating in this framework.
    pub fn label(&self, rating: Rating) -> &str {
        &self.ratings[rating.level()]
    }

    /// The rating with this label, if any.
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Rating};
    /// assert_eq!(Framework::youth_2018().rating_named("Good"), Some(Rating::Good));
    /// assert_eq!(Framework::youth_2018().rating_named("good"), None);
    /// ```
    pub fn rating_named(&self, label: &str) -> Option<Rating> {
        self.ratings
            .iter()
            .position(|l| l == label)
            .and_then(Rating::from_level)
    }

    /// The ratings' labels joined for messages: `"Inadequate", "Requires improvement", ...`.
    pub(crate) fn labels_list(&self) -> String {
        let quoted: Vec<String> = self.ratings.iter().map(|l| format!("\"{l}\"")).collect();
        quoted.join(", ")
    }

    /// The name of the key-question band that goes with a rating, e.g. `Too few`.
    pub fn band_name(&self, rating: Rating) -> &str {
        &self.key_question_bands[rating.level()].name
    }

    /// The band (as its rating) of a key question's percentage (rule 1.1).
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Percentage, Rating, Rounding};
    /// let youth = Framework::youth_2018();
    /// let band = |yes, relevant| youth.band(Percentage::new(yes, relevant).unwrap(), Rounding::Exact);
    /// assert_eq!(band(1, 2), Rating::RequiresImprovement); // 50%
    /// assert_eq!(band(13, 20), Rating::Good); // 65%
    /// assert_eq!(band(4, 5), Rating::Outstanding); // 80%
    /// assert_eq!(band(0, 3), Rating::Inadequate);
    /// ```
    pub fn band(&self, percentage: Percentage, rounding: Rounding) -> Rating {
        Rating::ALL
            .into_iter()
            .rev()
            .find(|r| percentage.at_least(self.key_question_bands[r.level()].from_percent, rounding))
            .unwrap_or(Rating::Inadequate)
    }

    /// The percentages at which one band gives way to the next (50, 65, 80 for youth).
    pub fn boundaries(&self) -> impl Iterator<Item = u32> + '_ {
        self.key_question_bands[1..].iter().map(|b| b.from_percent)
    }

    /// The score of a rating (rule 1.5).
    pub fn score(&self, rating: Rating) -> u32 {
        self.scores[rating.level()]
    }

    /// The overall rating of a total score (rule 1.5).
    pub fn overall_rating(&self, total: u32) -> Rating {
        Rating::ALL
            .into_iter()
            .rev()
            .find(|r| total >= self.overall_bands[r.level()].from_score)
            .unwrap_or(Rating::Inadequate)
    }

    /// The highest possible total: the top score for every standard that counts.
    pub fn max_score(&self) -> u32 {
        let top = self.scores.iter().copied().max().unwrap_or(0);
        top * self.standards.iter().filter(|s| s.counts_in_score).count() as u32
    }

    /// A standard's position and definition by id.
    pub fn standard(&self, id: &str) -> Option<(usize, &Standard)> {
        self.standards.iter().enumerate().find(|(_, s)| s.id == id)
    }
}
