//! The scenario file of rule book section 4: what has been entered for each standard,
//! and the small methods that keep it consistent. Reading a file is in `read.rs`
//! ([`Scenario::from_json_str`] and the other constructors, with path-naming errors);
//! writing one in `write.rs` ([`Scenario::to_json_string`] and the others, with serde).

mod read;
mod write;

use crate::error::{join, Problem};
use crate::{Framework, Rating, Rounding, Standard};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The `format` value of a scenario file.
pub const SCENARIO_FORMAT: &str = "yj-rating-scenario";
/// The newest scenario file version this engine reads and writes. Version 2 added case
/// samples (`case_samples`, `by_case`) and `framework_definition`; a file that uses none
/// of them is still written as version 1, so older calculators read it.
pub const SCENARIO_VERSION: u64 = 2;
/// The most cases inspected a standard may have (rule 1, validity).
pub const MAX_CASES: u32 = 10_000;

/// An inspection scenario: what has been entered so far for each standard.
///
/// Standards and key questions left out are not yet entered.
///
/// ```
/// use yj_rating_engine::{Entry, Rating, Scenario};
/// let mut scenario = Scenario::new("youth-2018");
/// scenario.standards.insert("1.1".into(), Entry::Judgement(Rating::Good));
/// let text = scenario.to_json_string().unwrap();
/// assert_eq!(Scenario::from_json_str(&text).unwrap(), scenario);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The id of the framework it is scored under.
    pub framework: String,
    /// A title for people; may be empty.
    pub title: String,
    /// How percentages are read before banding.
    pub rounding: Rounding,
    /// Entries by standard id.
    pub standards: BTreeMap<String, Entry>,
    /// Samples recorded case by case, by domain id (version 2). Standards entered
    /// [`CaseEntry::by_case`] take their counts from their domain's sample.
    pub case_samples: BTreeMap<String, CaseSample>,
}

/// What has been entered for one standard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A judgement standard's proposed rating.
    Judgement(Rating),
    /// A case standard's counts.
    Cases(CaseEntry),
}

/// A case standard's counts and any discretion applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseEntry {
    /// The number of cases inspected for the standard.
    pub cases: u32,
    /// Answers by key question id; a key question left out is not yet entered.
    pub key_questions: BTreeMap<String, Answers>,
    /// Professional discretion (rule 1.4), if applied.
    pub discretion: Option<Discretion>,
    /// Whether the counts come from the domain's case sample ([`Scenario::case_samples`])
    /// rather than typed totals. [`Scenario::derive_case_counts`] keeps them in step.
    pub by_case: bool,
}

/// A domain's sample recorded case by case: one row per case, one answer per key
/// question of each of the domain's case standards.
///
/// ```
/// use yj_rating_engine::{Answers, CaseAnswer, CaseSample, Framework, SampledCase};
/// let assessment = Framework::youth_2018().standard("2.1").unwrap().1;
/// let mut sample = CaseSample::default();
/// for answer in [CaseAnswer::Yes, CaseAnswer::No, CaseAnswer::NotRelevant] {
///     let mut case = SampledCase::default();
///     case.set_answer("2.1", "desistance", Some(answer));
///     sample.cases.push(case);
/// }
/// let (cases, key_questions) = sample.counts(assessment);
/// assert_eq!(cases, 3);
/// assert_eq!(key_questions["desistance"], Answers { relevant: 2, yes: 1 });
/// assert!(!key_questions.contains_key("safety")); // no case answered yet
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseSample {
    /// The cases, in the order they were recorded.
    pub cases: Vec<SampledCase>,
}

/// One case of a sample. No personal data: a label such as "C1" and a short note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SampledCase {
    /// A reference for the case, e.g. `C1`; may be empty.
    pub label: String,
    /// A short note; may be empty.
    pub note: String,
    /// Answers by standard id, then key question id; left out means not yet answered.
    /// Shared until changed, so copying a sample (as the app does on every keystroke to
    /// score it) copies no answers.
    pub answers: Arc<BTreeMap<String, BTreeMap<String, CaseAnswer>>>,
}

/// An inspector's answer to a key question for one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseAnswer {
    /// Relevant, answered Yes.
    Yes,
    /// Relevant, answered No.
    No,
    /// The key question is not relevant to this case.
    NotRelevant,
}

impl CaseAnswer {
    /// Every answer, in the order a grid offers them.
    pub const ALL: [CaseAnswer; 3] = [CaseAnswer::Yes, CaseAnswer::No, CaseAnswer::NotRelevant];

    /// The spelling used in scenario files.
    ///
    /// ```
    /// assert_eq!(yj_rating_engine::CaseAnswer::NotRelevant.as_str(), "not-relevant");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CaseAnswer::Yes => "yes",
            CaseAnswer::No => "no",
            CaseAnswer::NotRelevant => "not-relevant",
        }
    }

    /// Reads the spelling used in scenario files.
    ///
    /// ```
    /// use yj_rating_engine::CaseAnswer;
    /// assert_eq!(CaseAnswer::parse("no"), Some(CaseAnswer::No));
    /// assert_eq!(CaseAnswer::parse("No"), None);
    /// ```
    pub fn parse(text: &str) -> Option<CaseAnswer> {
        CaseAnswer::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

impl SampledCase {
    /// The answer recorded for a key question, if any.
    pub fn answer(&self, standard: &str, key_question: &str) -> Option<CaseAnswer> {
        self.answers.get(standard)?.get(key_question).copied()
    }

    /// Records (or, with `None`, clears) the answer for a key question.
    pub fn set_answer(&mut self, standard: &str, key_question: &str, answer: Option<CaseAnswer>) {
        match answer {
            Some(answer) => {
                Arc::make_mut(&mut self.answers)
                    .entry(standard.to_owned())
                    .or_default()
                    .insert(key_question.to_owned(), answer);
            }
            None => {
                if self.answer(standard, key_question).is_none() {
                    return;
                }
                let all = Arc::make_mut(&mut self.answers);
                if let Some(answers) = all.get_mut(standard) {
                    answers.remove(key_question);
                    if answers.is_empty() {
                        all.remove(standard);
                    }
                }
            }
        }
    }
}

impl CaseSample {
    /// How a case is named to people: its label, or "case N" (counting from 1) when it
    /// has none.
    ///
    /// ```
    /// use yj_rating_engine::{CaseSample, SampledCase};
    /// let labelled = SampledCase { label: "C7".into(), ..SampledCase::default() };
    /// let sample = CaseSample { cases: vec![SampledCase::default(), labelled] };
    /// assert_eq!((sample.case_name(0), sample.case_name(1)), ("case 1".to_owned(), "C7".to_owned()));
    /// ```
    pub fn case_name(&self, position: usize) -> String {
        match self.cases.get(position).map(|c| c.label.trim()) {
            Some(label) if !label.is_empty() => label.to_owned(),
            _ => format!("case {}", position + 1),
        }
    }

    /// The counts a case standard takes from the sample: the cases inspected are the
    /// cases of the sample; a key question is entered once every case has an answer for
    /// it, with relevant = Yes + No and yes = Yes. Counts derived this way always obey
    /// the validity rule.
    pub fn counts(&self, standard: &Standard) -> (u32, BTreeMap<String, Answers>) {
        let cases = u32::try_from(self.cases.len()).unwrap_or(u32::MAX);
        // One pass over the cases (this runs on every grid key press): each case's answers
        // for the standard are found once, then tallied per key question; a key question
        // with any case unanswered is left out.
        let mut tally = vec![(Answers::default(), true); standard.key_questions.len()];
        for case in &self.cases {
            let answers = case.answers.get(&standard.id);
            for (kq, (counts, complete)) in standard.key_questions.iter().zip(&mut tally) {
                match answers.and_then(|a| a.get(&kq.id)) {
                    Some(CaseAnswer::Yes) => {
                        counts.relevant += 1;
                        counts.yes += 1;
                    }
                    Some(CaseAnswer::No) => counts.relevant += 1,
                    Some(CaseAnswer::NotRelevant) => {}
                    None => *complete = false,
                }
            }
        }
        let key_questions = if self.cases.is_empty() {
            BTreeMap::new()
        } else {
            standard
                .key_questions
                .iter()
                .zip(tally)
                .filter(|(_, (_, complete))| *complete)
                .map(|(kq, (counts, _))| (kq.id.clone(), counts))
                .collect()
        };
        (cases, key_questions)
    }

    /// How many cases have an answer for a key question.
    pub fn answered(&self, standard: &str, key_question: &str) -> usize {
        self.cases
            .iter()
            .filter(|c| c.answer(standard, key_question).is_some())
            .count()
    }
}

/// A key question's answers over the sample.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    /// Cases for which the key question is relevant; 0 makes it not applicable.
    pub relevant: u32,
    /// Relevant cases answered Yes.
    pub yes: u32,
}

/// Professional discretion applied to a standard (rule 1.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discretion {
    /// The final rating: one band above or below the mechanical rating.
    pub rating: Rating,
    /// Why; required.
    pub reason: String,
}

impl Scenario {
    /// An empty scenario under a framework.
    pub fn new(framework: &str) -> Scenario {
        Scenario {
            framework: framework.to_owned(),
            title: String::new(),
            rounding: Rounding::Exact,
            standards: BTreeMap::new(),
            case_samples: BTreeMap::new(),
        }
    }

    /// Sets the counts of every standard entered [`CaseEntry::by_case`] from its domain's
    /// sample (no sample: no cases). Readers call it; call it after changing a sample.
    ///
    /// ```
    /// use yj_rating_engine::{CaseEntry, CaseSample, Entry, Framework, SampledCase, Scenario};
    /// let mut scenario = Scenario::new("youth-2018");
    /// scenario.case_samples.insert("2".into(), CaseSample { cases: vec![SampledCase::default(); 10] });
    /// scenario.standards.insert("2.1".into(), Entry::Cases(CaseEntry { by_case: true, ..CaseEntry::default() }));
    /// scenario.derive_case_counts(Framework::youth_2018());
    /// let Some(Entry::Cases(entry)) = scenario.standards.get("2.1") else { unreachable!() };
    /// assert_eq!(entry.cases, 10);
    /// ```
    pub fn derive_case_counts(&mut self, framework: &Framework) {
        let empty = CaseSample::default();
        for standard in &framework.standards {
            if let Some(Entry::Cases(entry)) = self.standards.get_mut(&standard.id) {
                if entry.by_case {
                    let sample = self.case_samples.get(&standard.domain).unwrap_or(&empty);
                    (entry.cases, entry.key_questions) = sample.counts(standard);
                }
            }
        }
    }

    /// The file version needed to hold this scenario under `framework`: 1 unless it uses
    /// case samples or a framework that is not built in (version 2).
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Scenario};
    /// assert_eq!(Scenario::new("youth-2018").version_needed(Framework::youth_2018()), 1);
    /// ```
    pub fn version_needed(&self, framework: &Framework) -> u64 {
        let by_case = self
            .standards
            .values()
            .any(|e| matches!(e, Entry::Cases(entry) if entry.by_case));
        if by_case || !self.case_samples.is_empty() || !framework.is_builtin() {
            2
        } else {
            1
        }
    }

    /// Problems with the entered counts and discretion (rule 1 validity and rule 1.4),
    /// each with its path. An empty list means the scenario can be saved as a file.
    pub fn problems(&self, framework: &Framework) -> Vec<Problem> {
        self.problems_given(framework, &crate::score(framework, self))
    }

    /// [`Scenario::problems`] for a scenario already scored: `result` must be
    /// `score(framework, self)`.
    ///
    /// ```
    /// use yj_rating_engine::{score, Framework, Scenario};
    /// let youth = Framework::youth_2018();
    /// let scenario = Scenario::new("youth-2018");
    /// assert!(scenario.problems_given(youth, &score(youth, &scenario)).is_empty());
    /// ```
    pub fn problems_given(&self, framework: &Framework, result: &crate::ScenarioResult) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (standard, outcome) in framework.standards.iter().zip(&result.standards) {
            let Some(Entry::Cases(entry)) = self.standards.get(&standard.id) else {
                continue;
            };
            let path = format!("standards.{}", standard.id);
            problems.extend(entry.count_problems(&path));
            if let Some(problem) = &outcome.discretion_problem {
                problems.push(Problem::new(
                    join(&path, "discretion"),
                    problem.message(framework),
                ));
            }
        }
        problems
    }
}

impl CaseEntry {
    /// Problems with the counts of the validity rule: `relevant` above `cases`, `yes`
    /// above `relevant`.
    pub fn count_problems(&self, path: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (id, answers) in &self.key_questions {
            let kq_path = format!("{path}.key_questions.{id}");
            if answers.relevant > self.cases {
                problems.push(Problem::new(
                    join(&kq_path, "relevant"),
                    format!(
                        "{} is more than the cases inspected ({})",
                        answers.relevant, self.cases
                    ),
                ));
            }
            if answers.yes > answers.relevant {
                problems.push(Problem::new(
                    join(&kq_path, "yes"),
                    format!("{} is more than relevant ({})", answers.yes, answers.relevant),
                ));
            }
        }
        problems
    }

    /// Whether every count obeys the validity rule.
    pub fn counts_valid(&self) -> bool {
        self.key_questions
            .values()
            .all(|a| a.yes <= a.relevant && a.relevant <= self.cases)
    }
}
