//! Frameworks as data (rule book sections 1 and 5): the standards, key questions,
//! rating labels, band thresholds and score tables that the rules read.

use crate::error::{join, Error, Problem};
use crate::{Percentage, Rating, Rounding};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The `format` value of a framework file.
pub const FRAMEWORK_FORMAT: &str = "yj-rating-framework";

/// The highest possible total a framework may have (its top score times the standards
/// that count): far above any inspection's, and low enough that no sum of scores overflows.
///
/// ```
/// let mut huge = yj_rating_engine::Framework::youth_2018().clone();
/// huge.scores = [0, 1, 2, 100_000];
/// assert_eq!(huge.validate().unwrap_err().to_string(),
///     "scores.3: the highest possible total (12 standards at 100000) is above 1000000: use smaller scores");
/// ```
pub const MAX_TOTAL: u32 = 1_000_000;

/// The most standards a framework may have: eight times the youth frameworks', so that
/// every view of a scenario stays quick.
///
/// ```
/// let mut huge = yj_rating_engine::Framework::youth_2018().clone();
/// huge.standards = vec![huge.standards[0].clone(); 101];
/// assert_eq!(huge.validate().unwrap_err().to_string(),
///     "standards: at most 100 standards, found 101");
/// ```
pub const MAX_STANDARDS: usize = 100;

/// The most key questions a standard may have.
///
/// ```
/// let mut wide = yj_rating_engine::Framework::youth_2018().clone();
/// let question = wide.standards[4].key_questions[0].clone();
/// wide.standards[4].key_questions = vec![question; 21];
/// assert_eq!(wide.validate().unwrap_err().to_string(),
///     "standards.4.key_questions: at most 20 key questions, found 21");
/// ```
pub const MAX_KEY_QUESTIONS: usize = 20;

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
    /// A note shown with the standard, e.g. that it does not count in the score.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
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
static YOUTH_2021: OnceLock<Framework> = OnceLock::new();

/// Reads a built-in framework's file; the tests check every one validates.
fn builtin_from(text: &str) -> Framework {
    Framework::from_json_str(text).unwrap_or_else(|err| panic!("a built-in framework is invalid: {err}"))
}

impl Framework {
    /// The youth framework used in inspections from 2018 to 2021 (rule book section 1).
    pub fn youth_2018() -> &'static Framework {
        YOUTH_2018.get_or_init(|| builtin_from(include_str!("../frameworks/youth-2018.json")))
    }

    /// The refreshed youth framework, late 2021 to early 2025 (rule book section 3.1):
    /// 3.4 rated by judgement and a resettlement standard, 4.1, that does not count.
    ///
    /// ```
    /// use yj_rating_engine::Framework;
    /// let refreshed = Framework::youth_2021();
    /// assert_eq!(refreshed.standards.len(), 13);
    /// assert_eq!(refreshed.max_score(), 36);
    /// assert!(!refreshed.standard("4.1").unwrap().1.counts_in_score);
    /// ```
    pub fn youth_2021() -> &'static Framework {
        YOUTH_2021.get_or_init(|| builtin_from(include_str!("../frameworks/youth-2021.json")))
    }

    /// Every built-in framework, the default (youth-2018) first.
    ///
    /// ```
    /// let ids: Vec<&str> = yj_rating_engine::Framework::builtins().iter().map(|f| f.id.as_str()).collect();
    /// assert_eq!(ids, ["youth-2018", "youth-2021"]);
    /// ```
    pub fn builtins() -> [&'static Framework; 2] {
        [Framework::youth_2018(), Framework::youth_2021()]
    }

    /// Whether this framework is one of the built-in ones (same id and content).
    ///
    /// ```
    /// use yj_rating_engine::Framework;
    /// assert!(Framework::youth_2021().is_builtin());
    /// let mut mine = Framework::youth_2018().clone();
    /// mine.id = "training".into();
    /// assert!(!mine.is_builtin());
    /// ```
    pub fn is_builtin(&self) -> bool {
        Framework::builtin(&self.id).is_some_and(|b| b == self)
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
    /// Invalid JSON, unknown or missing fields and values of the wrong type (each named
    /// by its path), and any rule of [`Framework::validate`].
    ///
    /// ```
    /// let err = yj_rating_engine::Framework::from_json_str(r#"{ "format": "yj-rating-framework",
    ///     "version": 1, "id": "x", "name": "X", "ratings": ["A", "B", "C"] }"#).unwrap_err();
    /// assert_eq!(err.to_string(), "ratings: expected 4 ratings, lowest first, found 3");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Framework, Error> {
        Framework::from_value(&crate::json::parse_json(text)?)
    }

    /// Reads and validates a framework from a JSON value (see [`Framework::from_json_str`]).
    ///
    /// # Errors
    /// As [`Framework::from_json_str`].
    ///
    /// ```
    /// use yj_rating_engine::Framework;
    /// let mut value = serde_json::to_value(Framework::youth_2021()).unwrap();
    /// assert_eq!(Framework::from_value(&value).as_ref(), Ok(Framework::youth_2021()));
    /// value["standards"][12]["domain"] = "9".into();
    /// let err = Framework::from_value(&value).unwrap_err();
    /// assert_eq!(err.problems()[1].to_string(), "standards.12.domain: unknown domain \"9\"");
    /// ```
    pub fn from_value(value: &serde_json::Value) -> Result<Framework, Error> {
        Framework::from_value_at(value, "")
    }

    /// [`Framework::from_value`] for a framework found at `path` in a larger document:
    /// every problem's path starts with it.
    ///
    /// Why this reader uses serde's derive while the scenario reader walks the JSON value
    /// by hand: a framework file stands alone, with one fixed shape, so the derive (with
    /// `deny_unknown_fields`, paths from `serde_path_to_error`) reads its structure,
    /// stopping at the first problem, and [`Framework::validate`] then reports every rule
    /// broken; the same derive writes it. A scenario's fields depend on the framework it
    /// names and on its version, and its reader reports every problem at once, so it
    /// cannot be a derive. Both start from the one strict JSON reader, `parse_json`.
    pub(crate) fn from_value_at(value: &serde_json::Value, path: &str) -> Result<Framework, Error> {
        let framework: Framework = serde_path_to_error::deserialize(value).map_err(|err| {
            let segments: Vec<String> = err
                .path()
                .iter()
                .map(|segment| match segment {
                    serde_path_to_error::Segment::Seq { index } => index.to_string(),
                    serde_path_to_error::Segment::Map { key } => key.clone(),
                    serde_path_to_error::Segment::Enum { variant } => variant.clone(),
                    serde_path_to_error::Segment::Unknown => "?".into(),
                })
                .collect();
            let at = segments.join(".");
            Error::one(join(path, &at), serde_message(err.inner(), value, &at))
        })?;
        framework.validate().map_err(|err| {
            let problems = err
                .problems()
                .iter()
                .map(|p| Problem::new(join(path, &p.path), p.message.clone()));
            Error::new(problems.collect())
        })?;
        Ok(framework)
    }

    /// Checks the size limits ([`MAX_STANDARDS`], [`MAX_KEY_QUESTIONS`]) before any other
    /// rule, so that an oversized framework costs nothing more.
    fn check_size(&self) -> Result<(), Error> {
        if self.standards.len() > MAX_STANDARDS {
            return Err(Error::one(
                "standards",
                format!(
                    "at most {MAX_STANDARDS} standards, found {}",
                    self.standards.len()
                ),
            ));
        }
        let problems: Vec<Problem> = (self.standards.iter().enumerate())
            .filter(|(_, s)| s.key_questions.len() > MAX_KEY_QUESTIONS)
            .map(|(i, s)| {
                Problem::new(
                    format!("standards.{i}.key_questions"),
                    format!(
                        "at most {MAX_KEY_QUESTIONS} key questions, found {}",
                        s.key_questions.len()
                    ),
                )
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::new(problems))
        }
    }

    /// Checks that the framework can be scored (rule book section 5): unique,
    /// non-empty ids; every domain with standards and every standard in a known
    /// domain; key questions only, and at least one, on case standards; at least one
    /// standard that counts; key-question thresholds increasing from 0 to at most 100;
    /// scores increasing, with a highest possible total of at most [`MAX_TOTAL`]; overall
    /// bands starting at 0, increasing and each reachable; labels non-empty, distinct and
    /// consistent; discretion thresholds in range; at most [`MAX_STANDARDS`] standards and
    /// [`MAX_KEY_QUESTIONS`] key questions a standard (checked first, alone).
    ///
    /// # Errors
    /// Every rule broken, each with its path, e.g. `overall_bands.2.from_score: score
    /// bands must increase (overall_bands.1 starts at 19)`.
    ///
    /// ```
    /// let mut training = yj_rating_engine::Framework::youth_2018().clone();
    /// training.key_question_bands[2].from_percent = 40;
    /// assert_eq!(training.validate().unwrap_err().to_string(),
    ///     "key_question_bands.2.from_percent: thresholds must increase (key_question_bands.1 starts at 50)");
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        self.check_size()?;
        let mut problems = Vec::new();
        self.check_identity(&mut problems);
        self.check_rating_labels(&mut problems);
        self.check_key_question_bands(&mut problems);
        self.check_discretion_rules(&mut problems);
        self.check_scores(&mut problems);
        self.check_overall_bands(&mut problems);
        let domain_ids = self.check_domains(&mut problems);
        self.check_standards(&domain_ids, &mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::new(problems))
        }
    }

    /// The file's `format` and `version`, and the framework's `id` and `name`.
    fn check_identity(&self, problems: &mut Vec<Problem>) {
        let mut problem = |path: &str, message: String| problems.push(Problem::new(path, message));
        if self.format != FRAMEWORK_FORMAT {
            problem(
                "format",
                format!("expected \"{FRAMEWORK_FORMAT}\", found \"{}\"", self.format),
            );
        }
        if self.version != 1 {
            problem(
                "version",
                format!("version {} is not understood (expected 1)", self.version),
            );
        }
        if !is_id(&self.id) {
            problem("id", ID_RULE.into());
        }
        if self.name.trim().is_empty() {
            problem("name", "must not be empty".into());
        }
    }

    /// The rating labels: non-empty and distinct.
    fn check_rating_labels(&self, problems: &mut Vec<Problem>) {
        for (i, label) in self.ratings.iter().enumerate() {
            if label.trim().is_empty() {
                problems.push(Problem::new(format!("ratings.{i}"), "must not be empty"));
            } else if let Some(j) = self.ratings[..i].iter().position(|l| l == label) {
                problems.push(Problem::new(
                    format!("ratings.{i}"),
                    format!("duplicate label \"{label}\" (ratings.{j})"),
                ));
            }
        }
    }

    /// The key-question bands (rule 1.1): named, starting at 0 and increasing to at most 100%.
    fn check_key_question_bands(&self, problems: &mut Vec<Problem>) {
        let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
        for (i, band) in self.key_question_bands.iter().enumerate() {
            let path = format!("key_question_bands.{i}");
            if band.name.trim().is_empty() {
                problem(join(&path, "name"), "must not be empty".into());
            }
            let path = join(&path, "from_percent");
            if i == 0 && band.from_percent != 0 {
                problem(path, "the lowest band must start at 0".into());
            } else if i > 0 && band.from_percent <= self.key_question_bands[i - 1].from_percent {
                problem(
                    path,
                    format!(
                        "thresholds must increase (key_question_bands.{} starts at {})",
                        i - 1,
                        self.key_question_bands[i - 1].from_percent
                    ),
                );
            } else if band.from_percent > 100 {
                problem(path, format!("must be at most 100, found {}", band.from_percent));
            }
        }
    }

    /// The discretion flags' thresholds (rule 1.3): points near a boundary and cases in a
    /// small sample, each in range.
    fn check_discretion_rules(&self, problems: &mut Vec<Problem>) {
        if self.discretion.near_boundary_points > 100 {
            problems.push(Problem::new(
                "discretion.near_boundary_points",
                format!(
                    "must be from 0 to 100, found {}",
                    self.discretion.near_boundary_points
                ),
            ));
        }
        if self.discretion.small_sample_cases > crate::MAX_CASES {
            problems.push(Problem::new(
                "discretion.small_sample_cases",
                format!(
                    "must be from 0 to {}, found {}",
                    crate::MAX_CASES,
                    self.discretion.small_sample_cases
                ),
            ));
        }
    }

    /// The scores of the ratings (rule 1.5): increasing, with a highest possible total of
    /// at most [`MAX_TOTAL`].
    fn check_scores(&self, problems: &mut Vec<Problem>) {
        for i in 1..4 {
            if self.scores[i] <= self.scores[i - 1] {
                problems.push(Problem::new(
                    format!("scores.{i}"),
                    format!(
                        "scores must increase, lowest rating first ({} is not more than scores.{} = {})",
                        self.scores[i],
                        i - 1,
                        self.scores[i - 1]
                    ),
                ));
            }
        }
        let counted = self.counting_standards();
        let top = self.scores.iter().copied().max().unwrap_or(0);
        if u64::from(top) * u64::from(counted) > u64::from(MAX_TOTAL) {
            problems.push(Problem::new(
                "scores.3",
                format!(
                    "the highest possible total ({counted} standards at {top}) is above {MAX_TOTAL}: use smaller scores"
                ),
            ));
        }
    }

    /// The overall bands (rule 1.5): labelled as the ratings, starting at 0, increasing,
    /// and each reachable from the possible totals.
    fn check_overall_bands(&self, problems: &mut Vec<Problem>) {
        let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
        let (lowest, highest) = self.score_range();
        for (i, band) in self.overall_bands.iter().enumerate() {
            let path = format!("overall_bands.{i}");
            if band.rating != self.ratings[i] {
                problem(
                    join(&path, "rating"),
                    format!(
                        "expected \"{}\" (ratings.{i}), found \"{}\"",
                        self.ratings[i], band.rating
                    ),
                );
            }
            let path = join(&path, "from_score");
            if i == 0 {
                if band.from_score != 0 {
                    problem(
                        path,
                        "the lowest band must start at 0, or scores below it would have no overall rating"
                            .into(),
                    );
                }
                continue;
            }
            let previous = self.overall_bands[i - 1].from_score;
            if band.from_score <= previous {
                problem(
                    path,
                    format!(
                        "score bands must increase (overall_bands.{} starts at {previous})",
                        i - 1
                    ),
                );
            } else if band.from_score > highest {
                problem(
                    path,
                    format!(
                        "{} is above the highest possible score ({highest}): the band could never be reached",
                        band.from_score
                    ),
                );
            } else if band.from_score <= lowest {
                problem(
                    path,
                    format!(
                        "{} is not above the lowest possible score ({lowest}): overall_bands.{} could never be reached",
                        band.from_score,
                        i - 1
                    ),
                );
            }
        }
    }

    /// The domains: unique ids, names, each with standards; at least one. Returns the
    /// valid domain ids, for the standards' check.
    fn check_domains(&self, problems: &mut Vec<Problem>) -> HashSet<&str> {
        let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
        let mut domain_ids = HashSet::new();
        for (i, domain) in self.domains.iter().enumerate() {
            let path = format!("domains.{i}");
            if !is_id(&domain.id) {
                problem(join(&path, "id"), ID_RULE.into());
            } else if !domain_ids.insert(domain.id.as_str()) {
                problem(join(&path, "id"), format!("duplicate id \"{}\"", domain.id));
            }
            if domain.name.trim().is_empty() {
                problem(join(&path, "name"), "must not be empty".into());
            }
            if !self.standards.iter().any(|s| s.domain == domain.id) {
                problem(path, format!("domain \"{}\" has no standards", domain.id));
            }
        }
        if self.domains.is_empty() {
            problem("domains".into(), "at least one domain is needed".into());
        }
        domain_ids
    }

    /// The standards: at least one, and one that counts in the score; each with a unique
    /// id, a name and a known domain, and key questions only (and at least one) when
    /// rated from cases.
    fn check_standards(&self, domain_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
        if self.standards.is_empty() {
            problems.push(Problem::new("standards", "at least one standard is needed"));
        } else if !self.standards.iter().any(|s| s.counts_in_score) {
            problems.push(Problem::new(
                "standards",
                "at least one standard must count in the score",
            ));
        }
        let mut standard_ids = HashSet::new();
        for (i, standard) in self.standards.iter().enumerate() {
            let path = format!("standards.{i}");
            let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
            if !is_id(&standard.id) {
                problem(join(&path, "id"), ID_RULE.into());
            } else if !standard_ids.insert(standard.id.as_str()) {
                problem(join(&path, "id"), format!("duplicate id \"{}\"", standard.id));
            }
            if standard.name.trim().is_empty() {
                problem(join(&path, "name"), "must not be empty".into());
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
            check_key_questions(standard, &path, problems);
        }
    }

    /// How many standards count in the score.
    fn counting_standards(&self) -> u32 {
        self.standards.iter().filter(|s| s.counts_in_score).count() as u32
    }

    /// The lowest and highest possible totals: every counting standard at the lowest
    /// score, and at the highest.
    fn score_range(&self) -> (u32, u32) {
        let counted = self.counting_standards();
        let low = self.scores.iter().copied().min().unwrap_or(0);
        let high = self.scores.iter().copied().max().unwrap_or(0);
        (low.saturating_mul(counted), high.saturating_mul(counted))
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
        self.score_range().1
    }

    /// A standard's position and definition by id.
    pub fn standard(&self, id: &str) -> Option<(usize, &Standard)> {
        self.standards.iter().enumerate().find(|(_, s)| s.id == id)
    }
}

const ID_RULE: &str = "must be non-empty, without spaces";

/// Standard and domain ids appear in paths (`standards.3.2.cases`): no spaces.
fn is_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace)
}

/// Key-question ids are one path segment: no dots either.
fn is_key_question_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// A case standard's key questions (at `path`): ids that fit in a path and are unique
/// within the standard, and wording.
fn check_key_questions(standard: &Standard, path: &str, problems: &mut Vec<Problem>) {
    let mut problem = |path: String, message: String| problems.push(Problem::new(path, message));
    let mut kq_ids = HashSet::new();
    for (k, kq) in standard.key_questions.iter().enumerate() {
        let kq_path = format!("{path}.key_questions.{k}");
        if !is_key_question_id(&kq.id) {
            problem(
                join(&kq_path, "id"),
                "must be letters, digits, - or _ (no spaces or dots)".into(),
            );
        } else if !kq_ids.insert(kq.id.as_str()) {
            problem(join(&kq_path, "id"), format!("duplicate id \"{}\"", kq.id));
        }
        if kq.wording.trim().is_empty() {
            problem(join(&kq_path, "wording"), "must not be empty".into());
        }
    }
}

/// serde's message for a framework file, in the rule book's words where it helps.
fn serde_message(err: &serde_json::Error, document: &serde_json::Value, path: &str) -> String {
    let message = err.to_string().replace('`', "\"");
    let found = path
        .split('.')
        .filter(|s| !s.is_empty())
        .try_fold(document, |v, key| match v {
            serde_json::Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            serde_json::Value::Object(map) => map.get(key),
            _ => None,
        });
    if let (Some(serde_json::Value::Array(items)), Some(last)) = (found, path.rsplit('.').next()) {
        if message.starts_with("invalid length") {
            return format!(
                "expected 4 {}, lowest first, found {}",
                last.replace('_', " "),
                items.len()
            );
        }
    }
    message
}
