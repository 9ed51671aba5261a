//! Errors that name the JSON path of what is wrong.

use std::fmt;

/// One thing wrong with an input, at a JSON path such as
/// `standards.3.2.key_questions.safety.yes`.
///
/// ```
/// use yj_rating_engine::Problem;
/// let p = Problem::new("standards.3.2.cases", "must be a whole number from 0 to 10000");
/// assert_eq!(p.to_string(), "standards.3.2.cases: must be a whole number from 0 to 10000");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Dotted path from the top of the document; empty for the document itself.
    pub path: String,
    /// What is wrong, in lower case, without a full stop.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// An input that cannot be used, with every problem found in it (at least one).
///
/// ```
/// let err = yj_rating_engine::Scenario::from_json_str("{}").unwrap_err();
/// assert_eq!(err.problems()[0].to_string(), "format: missing (expected \"yj-rating-scenario\")");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    problems: Vec<Problem>,
}

impl Error {
    pub(crate) fn new(problems: Vec<Problem>) -> Error {
        debug_assert!(!problems.is_empty());
        Error { problems }
    }

    pub(crate) fn one(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(vec![Problem::new(path, message)])
    }

    /// Every problem found, in document order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Joins a path and a key the way errors print them.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
