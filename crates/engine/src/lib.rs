//! The scoring engine of the youth justice inspection rating calculator.
//!
//! It turns an inspection scenario (key-question counts per case standard, judgements
//! for the others) into ratings exactly as the rule book says: key-question bands from
//! exact fractions, each standard's mechanical rating and drivers, the discretion flags,
//! discretion applied, scores, domain subtotals and the overall rating. It knows nothing
//! of browsers or terminals: the web app, the `yj-rating` command and the tests share it.
//!
//! ```
//! use yj_rating_engine::{score, Framework, Rating, Scenario};
//! let scenario = Scenario::from_json_str(r#"{
//!     "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
//!     "standards": { "2.1": { "cases": 8, "key_questions": {
//!         "desistance": { "relevant": 8, "yes": 6 },
//!         "safety": { "relevant": 5, "yes": 5 },
//!         "others": { "relevant": 4, "yes": 4 } } } } }"#).unwrap();
//! let result = score(Framework::youth_2018(), &scenario);
//! let assessment = &result.standards[4];
//! assert_eq!(assessment.rating, Some(Rating::Good)); // 6 of 8 = 75%
//! assert_eq!(result.overall, None); // eleven standards still to rate
//! ```

pub mod compare;
mod confidence;
mod convert;
pub mod csv;
mod error;
pub mod explain;
mod framework;
mod json;
pub mod path;
mod percentage;
pub mod plan;
pub mod published;
mod rating;
pub mod report;
mod scenario;
mod score;
pub mod words;

pub use confidence::{
    band_edges, band_probabilities, confidence, regularized_incomplete_beta, wilson_interval, Confidence,
    ConfidenceLevel, Interval,
};
pub use convert::{convert, Conversion};
pub use error::{Error, Problem};
pub use framework::{
    DiscretionRules, Domain, Framework, KeyQuestion, KeyQuestionBand, OverallBand, RatedBy, Standard,
    FRAMEWORK_FORMAT, MAX_KEY_QUESTIONS, MAX_STANDARDS, MAX_TOTAL,
};
pub use json::{parse_json, MAX_DEPTH, MAX_FILE_BYTES};
pub use path::FieldPath;
pub use percentage::{min_yes_for, Percentage};
pub use rating::{Rating, Rounding};
pub use scenario::{
    Answers, CaseAnswer, CaseEntry, CaseSample, Discretion, Entry, SampledCase, Scenario, MAX_CASES,
    SCENARIO_FORMAT, SCENARIO_VERSION,
};
pub use score::{
    score, Direction, DiscretionDirection, DiscretionProblem, DomainResult, Flag, FlagKind,
    KeyQuestionResult, OneCaseChange, ScenarioResult, StandardResult, StandardStatus, WhatIf,
};
