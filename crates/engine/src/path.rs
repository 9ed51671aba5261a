//! The fields of a scenario a user types or chooses, named as the scenario file names
//! them, so a form, its labels and the problems the engine reports agree on which field
//! is meant without taking strings apart.

use crate::Framework;
use std::fmt;

/// Which of a key question's two counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Count {
    /// The relevant cases.
    Relevant,
    /// The cases answered Yes.
    Yes,
}

/// A field of a standard, written as its path in the scenario file.
///
/// ```
/// use yj_rating_engine::{path::Count, FieldPath, Framework};
/// let safety_yes = FieldPath::count("2.1", "safety", Count::Yes);
/// assert_eq!(safety_yes.to_string(), "standards.2.1.key_questions.safety.yes");
/// let read = FieldPath::parse("standards.2.1.key_questions.safety.yes", Framework::youth_2018());
/// assert_eq!(read, Some(safety_yes));
/// assert_eq!(FieldPath::reason("3.4").standard(), "3.4");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldPath {
    /// A case standard's cases inspected.
    Cases(String),
    /// One of a key question's counts.
    Count {
        standard: String,
        key_question: String,
        count: Count,
    },
    /// A judgement standard's rating.
    Judgement(String),
    /// A standard's discretion: where its problems are reported.
    Discretion(String),
    /// The reason given for a standard's discretion.
    Reason(String),
}

impl FieldPath {
    /// A case standard's "cases inspected".
    pub fn cases(standard: &str) -> FieldPath {
        FieldPath::Cases(standard.to_owned())
    }

    /// A key question's relevant cases or Yes answers.
    pub fn count(standard: &str, key_question: &str, count: Count) -> FieldPath {
        FieldPath::Count {
            standard: standard.to_owned(),
            key_question: key_question.to_owned(),
            count,
        }
    }

    /// A judgement standard's rating.
    pub fn judgement(standard: &str) -> FieldPath {
        FieldPath::Judgement(standard.to_owned())
    }

    /// A standard's discretion.
    pub fn discretion(standard: &str) -> FieldPath {
        FieldPath::Discretion(standard.to_owned())
    }

    /// A standard's discretion reason.
    pub fn reason(standard: &str) -> FieldPath {
        FieldPath::Reason(standard.to_owned())
    }

    /// The standard the field belongs to.
    pub fn standard(&self) -> &str {
        match self {
            FieldPath::Cases(s)
            | FieldPath::Judgement(s)
            | FieldPath::Discretion(s)
            | FieldPath::Reason(s)
            | FieldPath::Count { standard: s, .. } => s,
        }
    }

    /// Reads a path in the scenario file (a problem's path, say) as a field of one of
    /// `framework`'s standards; `None` when it names no such field (a whole standard, a
    /// case of a grid, the file's format).
    pub fn parse(path: &str, framework: &Framework) -> Option<FieldPath> {
        framework.standards.iter().find_map(|standard| {
            let rest = path
                .strip_prefix("standards.")?
                .strip_prefix(standard.id.as_str())?
                .strip_prefix('.')?;
            let id = standard.id.as_str();
            match rest.split('.').collect::<Vec<_>>().as_slice() {
                ["cases"] => Some(FieldPath::cases(id)),
                ["judgement"] => Some(FieldPath::judgement(id)),
                ["discretion"] => Some(FieldPath::discretion(id)),
                ["discretion", "reason"] => Some(FieldPath::reason(id)),
                ["key_questions", kq, "relevant"] => Some(FieldPath::count(id, kq, Count::Relevant)),
                ["key_questions", kq, "yes"] => Some(FieldPath::count(id, kq, Count::Yes)),
                _ => None,
            }
        })
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Cases(s) => write!(f, "standards.{s}.cases"),
            FieldPath::Judgement(s) => write!(f, "standards.{s}.judgement"),
            FieldPath::Discretion(s) => write!(f, "standards.{s}.discretion"),
            FieldPath::Reason(s) => write!(f, "standards.{s}.discretion.reason"),
            FieldPath::Count {
                standard,
                key_question,
                count,
            } => {
                let which = match count {
                    Count::Relevant => "relevant",
                    Count::Yes => "yes",
                };
                write!(f, "standards.{standard}.key_questions.{key_question}.{which}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_from_its_path() {
        let youth = Framework::youth_2018();
        for standard in &youth.standards {
            let id = standard.id.as_str();
            let mut fields = vec![
                FieldPath::cases(id),
                FieldPath::judgement(id),
                FieldPath::discretion(id),
                FieldPath::reason(id),
            ];
            for kq in &standard.key_questions {
                fields.push(FieldPath::count(id, &kq.id, Count::Relevant));
                fields.push(FieldPath::count(id, &kq.id, Count::Yes));
            }
            for field in fields {
                assert_eq!(FieldPath::parse(&field.to_string(), youth), Some(field.clone()));
                assert_eq!(field.standard(), id);
            }
        }
    }

    #[test]
    fn paths_that_name_no_field_are_not_read_as_one() {
        let youth = Framework::youth_2018();
        for path in [
            "standards.2.1",
            "standards.2.1.key_questions.safety",
            "standards.9.9.cases",
            "case_samples.2.cases.0",
            "format",
            "standards.2.1.cases.extra",
        ] {
            assert_eq!(FieldPath::parse(path, youth), None, "{path}");
        }
    }
}
