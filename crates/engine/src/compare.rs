//! Compare: every difference between two scored scenarios under one framework, for the
//! what-if branch shown beside its original.
//!
//! ```
//! use yj_rating_engine::{compare::{compare, Difference}, score, Answers, Entry, Framework, Rating, Scenario};
//! let youth = Framework::youth_2018();
//! let original = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
//! let mut branch = original.clone();
//! if let Some(Entry::Cases(entry)) = branch.standards.get_mut("3.4") {
//!     entry.key_questions.insert("recommendations".into(), Answers { relevant: 3, yes: 3 });
//! }
//! let comparison = compare(youth, &score(youth, &original), &score(youth, &branch));
//! assert!(comparison.differences.contains(&Difference::Rating {
//!     standard: 11, before: Some(Rating::Inadequate), after: Some(Rating::Outstanding) }));
//! assert!(comparison.differences.contains(&Difference::Total { before: 16, after: 19 }));
//! assert!(comparison.standard_changed(11));
//! assert!(!comparison.standard_changed(10));
//! ```

use crate::words::flag_name;
use crate::{FlagKind, Framework, Rating, ScenarioResult, StandardResult};

/// Every difference between two scored scenarios, in framework order: standards (their
/// key-question bands, mechanical rating, discretion, rating, flags, score), then domain
/// subtotals, the total and the overall rating.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The differences; empty when the two agree on everything compared.
    pub differences: Vec<Difference>,
}

/// One difference between the original (`before`) and the what-if (`after`). Standards,
/// key questions and domains are positions in the framework.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// A key question's band (`None`: not applicable, not entered or impossible).
    KeyQuestionBand {
        standard: usize,
        key_question: usize,
        before: Option<Rating>,
        after: Option<Rating>,
    },
    /// A standard's mechanical rating (before discretion).
    MechanicalRating {
        standard: usize,
        before: Option<Rating>,
        after: Option<Rating>,
    },
    /// Whether discretion changed the standard's rating.
    Discretion {
        standard: usize,
        before: bool,
        after: bool,
    },
    /// A standard's final rating.
    Rating {
        standard: usize,
        before: Option<Rating>,
        after: Option<Rating>,
    },
    /// A discretion flag of this kind (`near-boundary`, `one-case`, `small-sample`) fires
    /// in the what-if but not in the original.
    FlagAdded { standard: usize, kind: FlagKind },
    /// A discretion flag of this kind fires in the original but not in the what-if.
    FlagRemoved { standard: usize, kind: FlagKind },
    /// A standard's score (`None`: not rated, or does not count).
    Score {
        standard: usize,
        before: Option<u32>,
        after: Option<u32>,
    },
    /// A domain's subtotal.
    DomainSubtotal { domain: usize, before: u32, after: u32 },
    /// The total score (so far).
    Total { before: u32, after: u32 },
    /// The overall rating (`None` while some standards are not rated).
    Overall {
        before: Option<Rating>,
        after: Option<Rating>,
    },
    /// The range of overall ratings still reachable, while neither names one.
    Reachable {
        before: (Rating, Rating),
        after: (Rating, Rating),
    },
}

impl Difference {
    /// The standard it concerns, if any.
    ///
    /// ```
    /// use yj_rating_engine::compare::Difference;
    /// assert_eq!(Difference::Score { standard: 3, before: None, after: Some(2) }.standard(), Some(3));
    /// assert_eq!(Difference::Total { before: 1, after: 2 }.standard(), None);
    /// ```
    pub fn standard(&self) -> Option<usize> {
        match self {
            Difference::KeyQuestionBand { standard, .. }
            | Difference::MechanicalRating { standard, .. }
            | Difference::Discretion { standard, .. }
            | Difference::Rating { standard, .. }
            | Difference::FlagAdded { standard, .. }
            | Difference::FlagRemoved { standard, .. }
            | Difference::Score { standard, .. } => Some(*standard),
            _ => None,
        }
    }

    /// The difference in plain words with the framework's labels, e.g. `3.4 Joint
    /// working: rating Inadequate, now Good`.
    ///
    /// ```
    /// use yj_rating_engine::{compare::Difference, Framework, Rating};
    /// let d = Difference::Overall { before: Some(Rating::RequiresImprovement), after: Some(Rating::Good) };
    /// assert_eq!(d.describe(Framework::youth_2018()), "Overall rating: Requires improvement, now Good");
    /// ```
    pub fn describe(&self, framework: &Framework) -> String {
        let named =
            |r: &Option<Rating>| r.map_or("not yet named".to_owned(), |r| framework.label(r).to_owned());
        match self {
            Difference::DomainSubtotal {
                domain,
                before,
                after,
            } => format!(
                "Domain {}: subtotal {before}, now {after}",
                framework
                    .domains
                    .get(*domain)
                    .map_or(String::new(), |d| format!("{} {}", d.id, d.name))
            ),
            Difference::Total { before, after } => format!("Total score: {before}, now {after}"),
            Difference::Overall { before, after } => {
                format!("Overall rating: {}, now {}", named(before), named(after))
            }
            Difference::Reachable { before, after } => format!(
                "Overall rating still reachable: {} to {}, now {} to {}",
                framework.label(before.0),
                framework.label(before.1),
                framework.label(after.0),
                framework.label(after.1)
            ),
            on_a_standard => on_a_standard.describe_on_standard(framework),
        }
    }

    /// [`Difference::describe`] for a difference on one standard, headed by the standard's
    /// id and name; empty for the differences of the whole scenario, which `describe` words.
    fn describe_on_standard(&self, framework: &Framework) -> String {
        let rating = |r: &Option<Rating>| r.map_or("not rated".to_owned(), |r| framework.label(r).to_owned());
        let band = |r: &Option<Rating>| r.map_or("no band".to_owned(), |r| framework.band_name(r).to_owned());
        let score = |s: &Option<u32>| s.map_or("none".to_owned(), |s| s.to_string());
        let definition = self.standard().and_then(|i| framework.standards.get(i));
        let standard = definition.map_or(String::new(), |s| format!("{} {}", s.id, s.name));
        match self {
            Difference::KeyQuestionBand {
                key_question,
                before,
                after,
                ..
            } => {
                let kq = definition
                    .and_then(|d| d.key_questions.get(*key_question))
                    .map_or("", |k| k.id.as_str());
                format!("{standard}, {kq}: band {}, now {}", band(before), band(after))
            }
            Difference::MechanicalRating { before, after, .. } => format!(
                "{standard}: mechanical rating {}, now {}",
                rating(before),
                rating(after)
            ),
            Difference::Discretion { after: true, .. } => format!("{standard}: now changed by discretion"),
            Difference::Discretion { after: false, .. } => {
                format!("{standard}: no longer changed by discretion")
            }
            Difference::Rating { before, after, .. } => {
                format!("{standard}: rating {}, now {}", rating(before), rating(after))
            }
            Difference::FlagAdded { kind, .. } => format!("{standard}: new flag, {}", flag_name(*kind)),
            Difference::FlagRemoved { kind, .. } => format!("{standard}: flag gone, {}", flag_name(*kind)),
            Difference::Score { before, after, .. } => {
                format!("{standard}: score {}, now {}", score(before), score(after))
            }
            _ => String::new(),
        }
    }
}

impl Comparison {
    /// Whether anything about a standard differs.
    pub fn standard_changed(&self, standard: usize) -> bool {
        self.differences.iter().any(|d| d.standard() == Some(standard))
    }

    /// The differences that concern one standard.
    pub fn for_standard(&self, standard: usize) -> impl Iterator<Item = &Difference> {
        self.differences
            .iter()
            .filter(move |d| d.standard() == Some(standard))
    }

    /// Whether a key question's band differs.
    pub fn band_changed(&self, standard: usize, key_question: usize) -> bool {
        self.differences.iter().any(|d| {
            matches!(d, Difference::KeyQuestionBand { standard: s, key_question: k, .. }
                if *s == standard && *k == key_question)
        })
    }

    /// Whether a domain's subtotal differs.
    pub fn domain_changed(&self, domain: usize) -> bool {
        self.differences
            .iter()
            .any(|d| matches!(d, Difference::DomainSubtotal { domain: x, .. } if *x == domain))
    }
}

/// Every difference between two results of the same framework: `before` is the original,
/// `after` the what-if. Standards and domains are compared by position, so both must
/// come from `score(framework, _)` with the same `framework`.
///
/// ```
/// use yj_rating_engine::{compare::{compare, Difference}, score, Entry, Framework, Rating, Scenario};
/// let youth = Framework::youth_2018();
/// let mut before = Scenario::new("youth-2018");
/// before.standards.insert("1.1".into(), Entry::Judgement(Rating::Good));
/// let mut after = before.clone();
/// after.standards.insert("1.1".into(), Entry::Judgement(Rating::Outstanding));
/// let c = compare(youth, &score(youth, &before), &score(youth, &after));
/// assert_eq!(c.differences[0], Difference::MechanicalRating {
///     standard: 0, before: Some(Rating::Good), after: Some(Rating::Outstanding) });
/// assert!(c.differences.contains(&Difference::Total { before: 2, after: 3 }));
/// assert!(compare(youth, &score(youth, &before), &score(youth, &before)).differences.is_empty());
/// ```
pub fn compare(framework: &Framework, before: &ScenarioResult, after: &ScenarioResult) -> Comparison {
    let mut differences = Vec::new();
    let standards = before.standards.iter().zip(&after.standards).enumerate();
    for (standard, (b, a)) in standards.take(framework.standards.len()) {
        standard_differences(standard, b, a, &mut differences);
    }
    for (domain, (b, a)) in before.domains.iter().zip(&after.domains).enumerate() {
        if b.score != a.score {
            differences.push(Difference::DomainSubtotal {
                domain,
                before: b.score,
                after: a.score,
            });
        }
    }
    if before.total != after.total {
        differences.push(Difference::Total {
            before: before.total,
            after: after.total,
        });
    }
    if before.overall != after.overall {
        differences.push(Difference::Overall {
            before: before.overall,
            after: after.overall,
        });
    } else if before.overall.is_none() && before.reachable != after.reachable {
        differences.push(Difference::Reachable {
            before: before.reachable,
            after: after.reachable,
        });
    }
    Comparison { differences }
}

/// The differences of one standard, at position `standard`: its key-question bands,
/// mechanical rating, discretion, rating, flags and score, in that order.
fn standard_differences(
    standard: usize,
    b: &StandardResult,
    a: &StandardResult,
    differences: &mut Vec<Difference>,
) {
    key_question_differences(standard, b, a, differences);
    if b.mechanical_rating != a.mechanical_rating {
        differences.push(Difference::MechanicalRating {
            standard,
            before: b.mechanical_rating,
            after: a.mechanical_rating,
        });
    }
    if b.changed_by_discretion != a.changed_by_discretion {
        differences.push(Difference::Discretion {
            standard,
            before: b.changed_by_discretion,
            after: a.changed_by_discretion,
        });
    }
    if b.rating != a.rating {
        differences.push(Difference::Rating {
            standard,
            before: b.rating,
            after: a.rating,
        });
    }
    flag_differences(standard, b, a, differences);
    if b.score != a.score {
        differences.push(Difference::Score {
            standard,
            before: b.score,
            after: a.score,
        });
    }
}

/// The key questions whose band differs, including those of a standard entered on one
/// side only (its key questions appear on that side alone).
fn key_question_differences(
    standard: usize,
    b: &StandardResult,
    a: &StandardResult,
    differences: &mut Vec<Difference>,
) {
    for (key_question, (kb, ka)) in b.key_questions.iter().zip(&a.key_questions).enumerate() {
        if kb.band != ka.band {
            differences.push(Difference::KeyQuestionBand {
                standard,
                key_question,
                before: kb.band,
                after: ka.band,
            });
        }
    }
    if b.key_questions.len() == a.key_questions.len() {
        return;
    }
    let (longer, before_side) = if b.key_questions.len() > a.key_questions.len() {
        (&b.key_questions, true)
    } else {
        (&a.key_questions, false)
    };
    let shorter = b.key_questions.len().min(a.key_questions.len());
    for (key_question, kq) in longer.iter().enumerate().skip(shorter) {
        if kq.band.is_some() {
            let (before, after) = if before_side {
                (kq.band, None)
            } else {
                (None, kq.band)
            };
            differences.push(Difference::KeyQuestionBand {
                standard,
                key_question,
                before,
                after,
            });
        }
    }
}

/// The discretion flags (by kind) that fire on one side only: added first, then removed.
fn flag_differences(
    standard: usize,
    b: &StandardResult,
    a: &StandardResult,
    differences: &mut Vec<Difference>,
) {
    let kinds = |r: &StandardResult| r.flags.iter().map(|f| f.kind()).collect::<Vec<_>>();
    let (kb, ka) = (kinds(b), kinds(a));
    for kind in &ka {
        if !kb.contains(kind) {
            differences.push(Difference::FlagAdded {
                standard,
                kind: *kind,
            });
        }
    }
    for kind in &kb {
        if !ka.contains(kind) {
            differences.push(Difference::FlagRemoved {
                standard,
                kind: *kind,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{score, Answers, Discretion, Entry, Scenario};

    fn youth() -> &'static Framework {
        Framework::youth_2018()
    }

    fn torbay() -> Scenario {
        Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap()
    }

    fn set(s: &mut Scenario, standard: &str, kq: &str, relevant: u32, yes: u32) {
        match s.standards.get_mut(standard) {
            Some(Entry::Cases(entry)) => {
                entry.key_questions.insert(kq.into(), Answers { relevant, yes });
            }
            _ => panic!("{standard} is not a case entry"),
        }
    }

    fn diff(before: &Scenario, after: &Scenario) -> Comparison {
        compare(youth(), &score(youth(), before), &score(youth(), after))
    }

    #[test]
    fn identical_scenarios_have_no_differences() {
        assert_eq!(diff(&torbay(), &torbay()), Comparison::default());
        let blank = Scenario::new("youth-2018");
        assert!(diff(&blank, &blank).differences.is_empty());
    }

    #[test]
    fn a_count_change_that_moves_a_rating_the_total_and_the_overall() {
        let original = torbay();
        let mut branch = original.clone();
        // 3.4 recommendations 3 of 3: Outstanding; 3.4 goes from Inadequate to Outstanding (+3).
        set(&mut branch, "3.4", "recommendations", 3, 3);
        let c = diff(&original, &branch);
        let i = 11;
        assert_eq!(
            c.differences,
            vec![
                Difference::KeyQuestionBand {
                    standard: i,
                    key_question: 0,
                    before: Some(Rating::Inadequate),
                    after: Some(Rating::Outstanding)
                },
                Difference::MechanicalRating {
                    standard: i,
                    before: Some(Rating::Inadequate),
                    after: Some(Rating::Outstanding)
                },
                Difference::Rating {
                    standard: i,
                    before: Some(Rating::Inadequate),
                    after: Some(Rating::Outstanding)
                },
                Difference::Score {
                    standard: i,
                    before: Some(0),
                    after: Some(3)
                },
                Difference::DomainSubtotal {
                    domain: 2,
                    before: 0,
                    after: 3
                },
                Difference::Total {
                    before: 16,
                    after: 19
                },
                Difference::Overall {
                    before: Some(Rating::RequiresImprovement),
                    after: Some(Rating::Good)
                },
            ]
        );
        assert!(c.standard_changed(i));
        assert!(c.band_changed(i, 0));
        assert!(!c.band_changed(i, 1));
        assert!(c.domain_changed(2));
        assert!(!c.domain_changed(1));
        assert_eq!(c.for_standard(i).count(), 4);
        assert_eq!(
            c.differences[2].describe(youth()),
            "3.4 Joint working: rating Inadequate, now Outstanding"
        );
        assert_eq!(
            c.differences[0].describe(youth()),
            "3.4 Joint working, recommendations: band Minority, now Large majority"
        );
        assert_eq!(
            c.differences[4].describe(youth()),
            "Domain 3 Out-of-court disposals: subtotal 0, now 3"
        );
        assert_eq!(c.differences[5].describe(youth()), "Total score: 16, now 19");
    }

    #[test]
    fn flags_added_and_removed_by_kind() {
        let original = torbay();
        let mut branch = original.clone();
        // 2.1: 4 of 4 on each (small sample, Outstanding); with 20 of 20 on each, no small sample.
        if let Some(Entry::Cases(e)) = branch.standards.get_mut("2.1") {
            e.cases = 20;
        }
        set(&mut branch, "2.1", "desistance", 20, 20);
        set(&mut branch, "2.1", "safety", 20, 20);
        set(&mut branch, "2.1", "others", 20, 20);
        let c = diff(&original, &branch);
        assert!(c.differences.contains(&Difference::FlagRemoved {
            standard: 4,
            kind: FlagKind::SmallSample
        }));
        // 4 of 4 becoming 3 of 4 dropped it; 20 of 20 becoming 19 of 20 does not.
        assert!(c.differences.contains(&Difference::FlagRemoved {
            standard: 4,
            kind: FlagKind::OneCase
        }));
        assert!(!c
            .differences
            .iter()
            .any(|d| matches!(d, Difference::Rating { .. })));
        // 16 of 20 (80%): near a boundary, and one fewer Yes drops it again (as in the original).
        set(&mut branch, "2.1", "desistance", 20, 16);
        let c = diff(&original, &branch);
        assert!(c.differences.contains(&Difference::FlagAdded {
            standard: 4,
            kind: FlagKind::NearBoundary
        }));
        assert!(!c.differences.iter().any(|d| matches!(
            d,
            Difference::FlagAdded {
                kind: FlagKind::OneCase,
                ..
            } | Difference::FlagRemoved {
                kind: FlagKind::OneCase,
                ..
            }
        )));
        assert_eq!(
            Difference::FlagAdded {
                standard: 4,
                kind: FlagKind::OneCase
            }
            .describe(youth()),
            "2.1 Assessment: new flag, one case would change it"
        );
    }

    #[test]
    fn discretion_and_partial_scenarios() {
        let original = torbay();
        let mut branch = original.clone();
        if let Some(Entry::Cases(e)) = branch.standards.get_mut("3.4") {
            e.discretion = Some(Discretion {
                rating: Rating::RequiresImprovement,
                reason: "joint work seen".into(),
            });
        }
        let c = diff(&original, &branch);
        assert!(c.differences.contains(&Difference::Discretion {
            standard: 11,
            before: false,
            after: true
        }));
        assert!(!c
            .differences
            .iter()
            .any(|d| matches!(d, Difference::MechanicalRating { .. })));
        assert!(c.differences.contains(&Difference::Total {
            before: 16,
            after: 17
        }));
        assert!(!c
            .differences
            .iter()
            .any(|d| matches!(d, Difference::Overall { .. })));

        // Partial: a standard removed in the branch.
        let mut partial = original.clone();
        partial.standards.remove("3.4");
        let c = diff(&original, &partial);
        assert!(c.differences.contains(&Difference::Overall {
            before: Some(Rating::RequiresImprovement),
            after: None
        }));
        assert!(c.differences.contains(&Difference::KeyQuestionBand {
            standard: 11,
            key_question: 1,
            before: Some(Rating::Outstanding),
            after: None
        }));
        assert!(c.differences.contains(&Difference::Rating {
            standard: 11,
            before: Some(Rating::Inadequate),
            after: None
        }));
        // Both partial: the reachable range. 16 + 0..3 reaches Good; 14 + 0..3 does not.
        let mut more = partial.clone();
        more.standards
            .insert("1.3".into(), Entry::Judgement(Rating::Inadequate));
        let c = diff(&partial, &more);
        assert!(c.differences.contains(&Difference::Reachable {
            before: (Rating::RequiresImprovement, Rating::Good),
            after: (Rating::RequiresImprovement, Rating::RequiresImprovement)
        }));
        assert_eq!(
            c.differences.last().unwrap().describe(youth()),
            "Overall rating still reachable: Requires improvement to Good, now Requires improvement to \
             Requires improvement"
        );
    }
}
