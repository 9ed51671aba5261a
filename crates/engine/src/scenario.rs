//! The scenario file of rule book section 4: types, reading with path-naming errors,
//! and writing with serde.

use crate::error::{join, Error, Problem};
use crate::json::parse_json;
use crate::{Framework, RatedBy, Rating, Rounding, Standard};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

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
    pub answers: BTreeMap<String, BTreeMap<String, CaseAnswer>>,
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
                self.answers
                    .entry(standard.to_owned())
                    .or_default()
                    .insert(key_question.to_owned(), answer);
            }
            None => {
                if let Some(answers) = self.answers.get_mut(standard) {
                    answers.remove(key_question);
                    if answers.is_empty() {
                        self.answers.remove(standard);
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
        let mut key_questions = BTreeMap::new();
        for kq in &standard.key_questions {
            if self.cases.is_empty() || self.answered(&standard.id, &kq.id) < self.cases.len() {
                continue;
            }
            let mut answers = Answers::default();
            for case in &self.cases {
                match case.answer(&standard.id, &kq.id) {
                    Some(CaseAnswer::Yes) => {
                        answers.relevant += 1;
                        answers.yes += 1;
                    }
                    Some(CaseAnswer::No) => answers.relevant += 1,
                    _ => {}
                }
            }
            key_questions.insert(kq.id.clone(), answers);
        }
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

    /// Reads a scenario file under a built-in framework, strictly: anything wrong,
    /// including counts that break the validity rule or discretion that breaks rule
    /// 1.4, is an error.
    ///
    /// # Errors
    /// Invalid JSON; a wrong `format`; a newer `version`; unknown fields or ids; values of
    /// the wrong type; counts that are not whole numbers from 0 to 10000; `yes` above
    /// `relevant` or `relevant` above `cases`; discretion without a flag, more than one
    /// band away, or without a reason. Every problem names its JSON path.
    ///
    /// ```
    /// let err = yj_rating_engine::Scenario::from_json_str(r#"{
    ///   "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
    ///   "standards": { "3.2": { "cases": 3, "key_questions": {
    ///     "safety": { "relevant": 2, "yes": 12 } } } } }"#).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "standards.3.2.key_questions.safety.yes: 12 is more than relevant (2)");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Scenario, Error> {
        Scenario::from_json_str_in(text, &Framework::builtins())
    }

    /// [`Scenario::from_json_str`] with the frameworks a scenario may name.
    ///
    /// # Errors
    /// As [`Scenario::from_json_str`], and a framework not among `frameworks`.
    pub fn from_json_str_in(text: &str, frameworks: &[&Framework]) -> Result<Scenario, Error> {
        let value = parse_json(text)?;
        Scenario::from_value_in(&value, frameworks)
    }

    /// Reads a scenario from a JSON value, strictly (see [`Scenario::from_json_str`]).
    ///
    /// # Errors
    /// As [`Scenario::from_json_str`].
    pub fn from_value_in(value: &Value, frameworks: &[&Framework]) -> Result<Scenario, Error> {
        Scenario::from_value_with(value, frameworks).map(|(scenario, _)| scenario)
    }

    /// Reads a scenario file strictly, with the framework it is scored under: one of
    /// `frameworks` (borrowed), or the `framework_definition` the file carries (owned)
    /// when it names a framework not among them.
    ///
    /// # Errors
    /// As [`Scenario::from_json_str`]; a `framework_definition` that is invalid (its
    /// problems pathed under `framework_definition.`), whose `id` is not the scenario's
    /// `framework`, or that differs from a known framework of the same id.
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Scenario};
    /// let mut mine = Framework::youth_2018().clone();
    /// mine.id = "training".into();
    /// let file = Scenario::new("training").to_json_string_with(&mine);
    /// assert!(file.contains("framework_definition"));
    /// let (_, framework) = Scenario::from_json_str_with(&file, &Framework::builtins()).unwrap();
    /// assert_eq!(*framework, mine);
    /// ```
    pub fn from_json_str_with<'f>(
        text: &str,
        frameworks: &[&'f Framework],
    ) -> Result<(Scenario, Cow<'f, Framework>), Error> {
        let value = parse_json(text)?;
        Scenario::from_value_with(&value, frameworks)
    }

    /// [`Scenario::from_json_str_with`] from a JSON value.
    ///
    /// # Errors
    /// As [`Scenario::from_json_str_with`].
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Scenario};
    /// let value = serde_json::json!({ "format": "yj-rating-scenario", "version": 2,
    ///     "framework": "youth-2021", "standards": { "4.1": { "judgement": "Good" } } });
    /// let (scenario, framework) = Scenario::from_value_with(&value, &Framework::builtins()).unwrap();
    /// assert_eq!((scenario.standards.len(), framework.id.as_str()), (1, "youth-2021"));
    /// ```
    pub fn from_value_with<'f>(
        value: &Value,
        frameworks: &[&'f Framework],
    ) -> Result<(Scenario, Cow<'f, Framework>), Error> {
        let (scenario, framework) = Scenario::draft_from_value_in(value, frameworks)?;
        let problems = scenario.problems(&framework);
        if problems.is_empty() {
            Ok((scenario, framework))
        } else {
            Err(Error::new(problems))
        }
    }

    /// Reads a scenario that is still being worked on: the structure must be right (the
    /// format, types, ids and labels), but counts that break the validity rule and
    /// discretion that no longer applies are kept, so that nothing typed is lost.
    /// [`Scenario::problems`] lists them, and scoring leaves such standards unrated.
    ///
    /// # Errors
    /// As [`Scenario::from_json_str`], less the rule problems.
    ///
    /// ```
    /// use yj_rating_engine::{Framework, Scenario};
    /// let text = r#"{ "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
    ///   "standards": { "2.1": { "cases": 4, "key_questions": { "desistance": { "relevant": 5, "yes": 1 } } } } }"#;
    /// let (draft, framework) = Scenario::draft_from_json_str(text, &Framework::builtins()).unwrap();
    /// assert_eq!(draft.problems(&framework)[0].to_string(),
    ///     "standards.2.1.key_questions.desistance.relevant: 5 is more than the cases inspected (4)");
    /// ```
    pub fn draft_from_json_str<'f>(
        text: &str,
        frameworks: &[&'f Framework],
    ) -> Result<(Scenario, Cow<'f, Framework>), Error> {
        let value = parse_json(text)?;
        Scenario::draft_from_value_in(&value, frameworks)
    }

    /// [`Scenario::draft_from_json_str`] from a JSON value.
    ///
    /// # Errors
    /// As [`Scenario::draft_from_json_str`].
    pub fn draft_from_value_in<'f>(
        value: &Value,
        frameworks: &[&'f Framework],
    ) -> Result<(Scenario, Cow<'f, Framework>), Error> {
        let mut reader = Reader::default();
        let result = reader.scenario(value, frameworks);
        match result {
            Some(pair) if reader.problems.is_empty() => Ok(pair),
            _ => Err(Error::new(reader.problems)),
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

    /// Writes the scenario file (pretty-printed JSON) with the labels of its framework.
    /// A scenario under a framework that is not built in carries the framework's whole
    /// definition as `framework_definition`, so the file can be read anywhere.
    ///
    /// # Errors
    /// The scenario names a framework that is not built in.
    pub fn to_json_string(&self) -> Result<String, Error> {
        let framework = Framework::builtin(&self.framework)
            .ok_or_else(|| Error::one("framework", format!("unknown framework \"{}\"", self.framework)))?;
        Ok(self.to_json_string_with(framework))
    }

    /// Writes the scenario file with the labels of `framework`.
    pub fn to_json_string_with(&self, framework: &Framework) -> String {
        let document = ScenarioDocument {
            scenario: self,
            framework,
        };
        serde_json::to_string_pretty(&document).unwrap_or_default()
    }

    /// The scenario file as a JSON value, with the labels of `framework`.
    pub fn to_value_with(&self, framework: &Framework) -> Value {
        serde_json::to_value(ScenarioDocument {
            scenario: self,
            framework,
        })
        .unwrap_or(Value::Null)
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

/// Walks a JSON value, collecting problems with their paths.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    /// The file's version, once read: the fields a version added are unknown in older files.
    version: u64,
}

impl Reader {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// The object at `path`, whatever its keys.
    fn map<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let map = value.as_object();
        if map.is_none() {
            self.problem(path, format!("expected an object, found {}", describe(value)));
        }
        map
    }

    /// The object at `path`, reporting any key not in `known`.
    fn object<'v>(&mut self, value: &'v Value, path: &str, known: &[&str]) -> Option<&'v Map<String, Value>> {
        let map = self.map(value, path)?;
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problem(&join(path, key), "unknown field");
        }
        Some(map)
    }

    fn string<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v str> {
        match value {
            Value::String(text) => Some(text),
            other => {
                self.problem(path, format!("expected a string, found {}", describe(other)));
                None
            }
        }
    }

    fn count(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        let path = join(path, key);
        let Some(value) = map.get(key) else {
            self.problem(&path, "missing");
            return None;
        };
        match value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n <= MAX_CASES)
        {
            Some(n) => Some(n),
            None => {
                self.problem(
                    &path,
                    format!(
                        "must be a whole number from 0 to {MAX_CASES}, found {}",
                        describe(value)
                    ),
                );
                None
            }
        }
    }

    fn rating(&mut self, value: &Value, path: &str, framework: &Framework) -> Option<Rating> {
        let label = self.string(value, path)?;
        let rating = framework.rating_named(label);
        if rating.is_none() {
            self.problem(
                path,
                format!(
                    "unknown rating \"{label}\" (expected one of {})",
                    framework.labels_list()
                ),
            );
        }
        rating
    }

    fn scenario<'f>(
        &mut self,
        value: &Value,
        frameworks: &[&'f Framework],
    ) -> Option<(Scenario, Cow<'f, Framework>)> {
        let map = self.map(value, "")?;
        match map.get("format") {
            None => self.problem("format", format!("missing (expected \"{SCENARIO_FORMAT}\")")),
            Some(Value::String(f)) if f == SCENARIO_FORMAT => {}
            Some(other) => self.problem(
                "format",
                format!("expected \"{SCENARIO_FORMAT}\", found {}", describe(other)),
            ),
        }
        let version = map
            .get("version")
            .and_then(Value::as_u64)
            .unwrap_or(SCENARIO_VERSION);
        match map.get("version").map(|v| (v, v.as_u64())) {
            None => self.problem("version", "missing"),
            Some((_, Some(1..=SCENARIO_VERSION))) => {}
            Some((_, Some(v))) if v > SCENARIO_VERSION => self.problem(
                "version",
                format!("this file is version {v}, newer than this calculator reads (up to {SCENARIO_VERSION}); use a newer calculator"),
            ),
            Some((v, _)) => self.problem(
                "version",
                format!("expected 1 to {SCENARIO_VERSION}, found {}", describe(v)),
            ),
        }
        self.version = version;
        if !self.problems.is_empty() {
            // Not a scenario file this engine understands: the rest (including fields a
            // newer version adds) would only add noise.
            return None;
        }
        let fields: &[&str] = if version >= 2 {
            &[
                "format",
                "version",
                "framework",
                "framework_definition",
                "title",
                "rounding",
                "standards",
                "case_samples",
            ]
        } else {
            &["format", "version", "framework", "title", "rounding", "standards"]
        };
        self.object(value, "", fields)?;
        let Some(id) = map.get("framework") else {
            self.problem("framework", "missing");
            return None;
        };
        let id = self.string(id, "framework")?;
        let framework = self.framework(
            id,
            map.get("framework_definition").filter(|_| version >= 2),
            frameworks,
        )?;
        let mut scenario = Scenario::new(&framework.id);
        if let Some(value) = map.get("title") {
            scenario.title = self.string(value, "title").unwrap_or_default().to_owned();
        }
        if let Some(value) = map.get("rounding") {
            if let Some(text) = self.string(value, "rounding") {
                match Rounding::parse(text) {
                    Some(rounding) => scenario.rounding = rounding,
                    None => self.problem(
                        "rounding",
                        format!("expected \"exact\" or \"whole-percent\", found \"{text}\""),
                    ),
                }
            }
        }
        if let Some(value) = map.get("standards") {
            if let Some(entries) = self.map(value, "standards") {
                for (id, entry) in entries {
                    let path = join("standards", id);
                    match framework.standard(id) {
                        None => self.problem(&path, format!("unknown standard \"{id}\" in {}", framework.id)),
                        Some((_, standard)) => {
                            if let Some(entry) = self.entry(entry, &path, standard, &framework) {
                                scenario.standards.insert(id.clone(), entry);
                            }
                        }
                    }
                }
            }
        }
        if let Some(value) = map.get("case_samples").filter(|_| version >= 2) {
            if let Some(samples) = self.map(value, "case_samples") {
                for (domain, sample) in samples {
                    let path = join("case_samples", domain);
                    if let Some(sample) = self.case_sample(sample, &path, domain, &framework) {
                        scenario.case_samples.insert(domain.clone(), sample);
                    }
                }
            }
        }
        scenario.derive_case_counts(&framework);
        Some((scenario, framework))
    }

    fn case_sample(
        &mut self,
        value: &Value,
        path: &str,
        domain: &str,
        framework: &Framework,
    ) -> Option<CaseSample> {
        let case_standards: Vec<&Standard> = framework
            .standards
            .iter()
            .filter(|s| s.domain == domain && s.rated_by == RatedBy::Cases)
            .collect();
        if case_standards.is_empty() {
            let message = if framework.domains.iter().any(|d| d.id == domain) {
                format!("domain \"{domain}\" has no standards rated from cases")
            } else {
                format!("unknown domain \"{domain}\" in {}", framework.id)
            };
            self.problem(path, message);
            return None;
        }
        let map = self.object(value, path, &["cases"])?;
        let cases_path = join(path, "cases");
        let Some(cases) = map.get("cases") else {
            self.problem(&cases_path, "missing");
            return None;
        };
        let Value::Array(cases) = cases else {
            self.problem(&cases_path, format!("expected a list, found {}", describe(cases)));
            return None;
        };
        if cases.len() > MAX_CASES as usize {
            self.problem(
                &cases_path,
                format!("at most {MAX_CASES} cases, found {}", cases.len()),
            );
            return None;
        }
        let mut sample = CaseSample::default();
        for (i, case) in cases.iter().enumerate() {
            let path = join(&cases_path, &i.to_string());
            let Some(map) = self.object(case, &path, &["label", "note", "answers"]) else {
                continue;
            };
            let mut case = SampledCase::default();
            if let Some(label) = map.get("label") {
                case.label = self
                    .string(label, &join(&path, "label"))
                    .unwrap_or_default()
                    .to_owned();
            }
            if let Some(note) = map.get("note") {
                case.note = self
                    .string(note, &join(&path, "note"))
                    .unwrap_or_default()
                    .to_owned();
            }
            if let Some(answers) = map.get("answers") {
                let answers_path = join(&path, "answers");
                let Some(by_standard) = self.map(answers, &answers_path) else {
                    continue;
                };
                for (standard_id, kqs) in by_standard {
                    let path = join(&answers_path, standard_id);
                    let Some(standard) = case_standards.iter().find(|s| s.id == *standard_id) else {
                        let ids: Vec<&str> = case_standards.iter().map(|s| s.id.as_str()).collect();
                        self.problem(
                            &path,
                            format!(
                                "not a case standard of domain {domain} (expected one of {})",
                                ids.join(", ")
                            ),
                        );
                        continue;
                    };
                    let Some(kqs) = self.map(kqs, &path) else {
                        continue;
                    };
                    for (kq, answer) in kqs {
                        let path = join(&path, kq);
                        if standard.key_question(kq).is_none() {
                            self.unknown_key_question(&path, kq, standard);
                            continue;
                        }
                        let Some(text) = self.string(answer, &path) else {
                            continue;
                        };
                        match CaseAnswer::parse(text) {
                            Some(answer) => case.set_answer(standard_id, kq, Some(answer)),
                            None => self.problem(
                                &path,
                                format!("expected \"yes\", \"no\" or \"not-relevant\", found \"{text}\""),
                            ),
                        }
                    }
                }
            }
            sample.cases.push(case);
        }
        Some(sample)
    }

    fn unknown_key_question(&mut self, path: &str, id: &str, standard: &Standard) {
        let known: Vec<&str> = standard.key_questions.iter().map(|k| k.id.as_str()).collect();
        self.problem(
            path,
            format!(
                "unknown key question \"{id}\" (standard {} has {})",
                standard.id,
                known.join(", ")
            ),
        );
    }

    /// The framework a scenario names: a known one, or the definition it carries.
    fn framework<'f>(
        &mut self,
        id: &str,
        definition: Option<&Value>,
        frameworks: &[&'f Framework],
    ) -> Option<Cow<'f, Framework>> {
        let known = frameworks.iter().copied().find(|f| f.id == id);
        let definition = match definition.map(|d| Framework::from_value_at(d, "framework_definition")) {
            None => None,
            Some(Ok(definition)) => Some(definition),
            Some(Err(err)) => {
                self.problems.extend(err.problems().iter().cloned());
                return None;
            }
        };
        match (known, definition) {
            (_, Some(definition)) if definition.id != id => {
                self.problem(
                    "framework_definition.id",
                    format!("\"{}\" is not the scenario's framework (\"{id}\")", definition.id),
                );
                None
            }
            (Some(known), Some(definition)) if *known != definition => {
                self.problem(
                    "framework_definition",
                    format!(
                        "differs from the framework \"{id}\" already known here; give one of them another id to use both"
                    ),
                );
                None
            }
            (Some(known), _) => Some(Cow::Borrowed(known)),
            (None, Some(definition)) => Some(Cow::Owned(definition)),
            (None, None) => {
                let known: Vec<&str> = frameworks.iter().map(|f| f.id.as_str()).collect();
                self.problem(
                    "framework",
                    format!("unknown framework \"{id}\" (known: {})", known.join(", ")),
                );
                None
            }
        }
    }

    fn entry(
        &mut self,
        value: &Value,
        path: &str,
        standard: &Standard,
        framework: &Framework,
    ) -> Option<Entry> {
        match standard.rated_by {
            RatedBy::Judgement => {
                let map = self.object(
                    value,
                    path,
                    &["judgement", "cases", "key_questions", "discretion", "by_case"],
                )?;
                if let Some(key) = ["cases", "key_questions", "discretion", "by_case"]
                    .into_iter()
                    .find(|k| map.contains_key(*k))
                {
                    self.problem(
                        &join(path, key),
                        format!("standard {} is rated by judgement, not from cases", standard.id),
                    );
                    return None;
                }
                let Some(rating) = map.get("judgement") else {
                    self.problem(
                        &join(path, "judgement"),
                        format!("missing ({} is rated by judgement)", standard.id),
                    );
                    return None;
                };
                Some(Entry::Judgement(self.rating(
                    rating,
                    &join(path, "judgement"),
                    framework,
                )?))
            }
            RatedBy::Cases => {
                let known: &[&str] = if self.version >= 2 {
                    &["cases", "key_questions", "discretion", "judgement", "by_case"]
                } else {
                    &["cases", "key_questions", "discretion", "judgement"]
                };
                let map = self.object(value, path, known)?;
                if map.contains_key("judgement") {
                    self.problem(
                        &join(path, "judgement"),
                        format!("standard {} is rated from cases, not by judgement", standard.id),
                    );
                    return None;
                }
                let mut entry = CaseEntry::default();
                if let Some(by_case) = map.get("by_case").filter(|_| self.version >= 2) {
                    match by_case {
                        Value::Bool(b) => entry.by_case = *b,
                        other => self.problem(
                            &join(path, "by_case"),
                            format!("expected true or false, found {}", describe(other)),
                        ),
                    }
                }
                if entry.by_case {
                    if let Some(key) = ["cases", "key_questions"]
                        .into_iter()
                        .find(|k| map.contains_key(*k))
                    {
                        self.problem(
                            &join(path, key),
                            format!(
                                "standard {} is entered case by case: its counts come from case_samples.{}",
                                standard.id, standard.domain
                            ),
                        );
                    }
                }
                let cases = if entry.by_case {
                    Some(0) // derived from the sample once it is read
                } else {
                    self.count(map, path, "cases")
                };
                if let Some(kqs) = map.get("key_questions") {
                    let kq_path = join(path, "key_questions");
                    if let Some(kqs) = self.map(kqs, &kq_path) {
                        for (id, answers) in kqs {
                            let path = join(&kq_path, id);
                            if standard.key_question(id).is_none() {
                                self.unknown_key_question(&path, id, standard);
                                continue;
                            }
                            let Some(counts) = self.object(answers, &path, &["relevant", "yes"]) else {
                                continue;
                            };
                            let relevant = self.count(counts, &path, "relevant");
                            let yes = self.count(counts, &path, "yes");
                            if let (Some(relevant), Some(yes)) = (relevant, yes) {
                                entry.key_questions.insert(id.clone(), Answers { relevant, yes });
                            }
                        }
                    }
                }
                if let Some(discretion) = map.get("discretion") {
                    let path = join(path, "discretion");
                    if let Some(d) = self.object(discretion, &path, &["rating", "reason"]) {
                        let rating = match d.get("rating") {
                            Some(r) => self.rating(r, &join(&path, "rating"), framework),
                            None => {
                                self.problem(&join(&path, "rating"), "missing");
                                None
                            }
                        };
                        let reason = match d.get("reason") {
                            Some(r) => self.string(r, &join(&path, "reason")).map(str::to_owned),
                            None => {
                                self.problem(&join(&path, "reason"), "missing (a reason is required)");
                                None
                            }
                        };
                        if let (Some(rating), Some(reason)) = (rating, reason) {
                            entry.discretion = Some(Discretion { rating, reason });
                        }
                    }
                }
                entry.cases = cases?;
                Some(Entry::Cases(entry))
            }
        }
    }
}

/// Names a JSON value's kind and, for scalars, the value itself.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string \"{}\"", s.chars().take(40).collect::<String>()),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A scenario with the framework that gives its ratings their labels, for serde.
struct ScenarioDocument<'a> {
    scenario: &'a Scenario,
    framework: &'a Framework,
}

impl Serialize for ScenarioDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Scenario {
            framework,
            title,
            rounding,
            standards,
            case_samples,
        } = self.scenario;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", SCENARIO_FORMAT)?;
        map.serialize_entry("version", &self.scenario.version_needed(self.framework))?;
        map.serialize_entry("framework", framework)?;
        if !self.framework.is_builtin() {
            map.serialize_entry("framework_definition", self.framework)?;
        }
        if !title.is_empty() {
            map.serialize_entry("title", title)?;
        }
        map.serialize_entry("rounding", rounding.as_str())?;
        let entries: BTreeMap<&str, EntryDocument> = standards
            .iter()
            .map(|(id, entry)| {
                (
                    id.as_str(),
                    EntryDocument {
                        entry,
                        framework: self.framework,
                    },
                )
            })
            .collect();
        map.serialize_entry("standards", &entries)?;
        if !case_samples.is_empty() {
            let samples: BTreeMap<&str, SampleDocument> = case_samples
                .iter()
                .map(|(domain, sample)| (domain.as_str(), SampleDocument(sample)))
                .collect();
            map.serialize_entry("case_samples", &samples)?;
        }
        map.end()
    }
}

struct SampleDocument<'a>(&'a CaseSample);

impl Serialize for SampleDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cases: Vec<CaseDocument> = self.0.cases.iter().map(CaseDocument).collect();
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("cases", &cases)?;
        map.end()
    }
}

struct CaseDocument<'a>(&'a SampledCase);

impl Serialize for CaseDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let case = self.0;
        let mut map = serializer.serialize_map(None)?;
        if !case.label.is_empty() {
            map.serialize_entry("label", &case.label)?;
        }
        if !case.note.is_empty() {
            map.serialize_entry("note", &case.note)?;
        }
        let answers: BTreeMap<&str, BTreeMap<&str, &str>> = case
            .answers
            .iter()
            .map(|(standard, kqs)| {
                let kqs = kqs.iter().map(|(kq, a)| (kq.as_str(), a.as_str())).collect();
                (standard.as_str(), kqs)
            })
            .collect();
        map.serialize_entry("answers", &answers)?;
        map.end()
    }
}

struct EntryDocument<'a> {
    entry: &'a Entry,
    framework: &'a Framework,
}

impl Serialize for EntryDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self.entry {
            Entry::Judgement(rating) => map.serialize_entry("judgement", self.framework.label(*rating))?,
            Entry::Cases(entry) if entry.by_case => {
                map.serialize_entry("by_case", &true)?;
                if let Some(d) = &entry.discretion {
                    map.serialize_entry("discretion", &DiscretionDocument(d, self.framework))?;
                }
            }
            Entry::Cases(entry) => {
                map.serialize_entry("cases", &entry.cases)?;
                let kqs: BTreeMap<&str, BTreeMap<&str, u32>> = entry
                    .key_questions
                    .iter()
                    .map(|(id, a)| {
                        (
                            id.as_str(),
                            BTreeMap::from([("relevant", a.relevant), ("yes", a.yes)]),
                        )
                    })
                    .collect();
                map.serialize_entry("key_questions", &kqs)?;
                if let Some(d) = &entry.discretion {
                    map.serialize_entry("discretion", &DiscretionDocument(d, self.framework))?;
                }
            }
        }
        map.end()
    }
}

struct DiscretionDocument<'a>(&'a Discretion, &'a Framework);

impl Serialize for DiscretionDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let DiscretionDocument(discretion, framework) = self;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("rating", framework.label(discretion.rating))?;
        map.serialize_entry("reason", &discretion.reason)?;
        map.end()
    }
}
