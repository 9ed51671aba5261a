//! Reading a scenario file: the constructors of [`Scenario`] and the reader behind
//! them.
//!
//! Why this reader walks a [`Value`] by hand while the framework reader
//! ([`Framework::from_value`]) derives its structure with serde: both start from the one
//! strict JSON reader ([`parse_json`]), but a scenario's meaning depends on its
//! framework, named inside the same file (its standard and key-question ids, its rating
//! labels, whether a standard is rated by judgement or from cases), and on its version
//! (the fields version 2 added are unknown in a version 1 file). The reader also reports
//! every problem at once, each with its path, and can keep a draft whose counts break the
//! rules. A serde derive stops at the first problem and cannot look the framework up
//! while it reads. A framework file stands alone with one fixed shape, so serde's derive
//! (with `deny_unknown_fields`) reads it and [`Framework::validate`] then checks every
//! rule.

use super::{
    Answers, CaseAnswer, CaseEntry, CaseSample, Discretion, Entry, SampledCase, Scenario, MAX_CASES,
    SCENARIO_FORMAT, SCENARIO_VERSION,
};
use crate::error::{join, Error, Problem};
use crate::json::parse_json;
use crate::{Framework, RatedBy, Rating, Rounding, Standard};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The constructors that read a scenario. Which to use:
///
/// | You have | You want | Call |
/// |---|---|---|
/// | text, built-in frameworks only | the scenario, strictly | [`Scenario::from_json_str`] |
/// | text, your list of frameworks | the scenario, strictly | [`Scenario::from_json_str_in`] |
/// | text, your list of frameworks | the scenario and its framework (perhaps carried in the file) | [`Scenario::from_json_str_with`] |
/// | text still being worked on | the scenario and its framework, keeping counts that break the rules | [`Scenario::draft_from_json_str`] |
///
/// Each has a twin that reads an already parsed JSON value: `from_value_in`,
/// `from_value_with`, `draft_from_value_in`. "Strictly" means the rule problems
/// ([`Scenario::problems`]) are errors too; a draft keeps them for the form to show.
/// `_in` takes the frameworks a scenario may name; `_with` also returns the one it names.
impl Scenario {
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
        let version = self.format_and_version(map);
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
        if let Some(rounding) = map.get("rounding").and_then(|value| self.rounding(value)) {
            scenario.rounding = rounding;
        }
        if let Some(value) = map.get("standards") {
            scenario.standards = self.standards(value, &framework);
        }
        if let Some(value) = map.get("case_samples").filter(|_| version >= 2) {
            scenario.case_samples = self.case_samples(value, &framework);
        }
        scenario.derive_case_counts(&framework);
        Some((scenario, framework))
    }

    /// Checks the file's `format` and `version`, and returns the version to read it as
    /// (the newest when it cannot be told).
    fn format_and_version(&mut self, map: &Map<String, Value>) -> u64 {
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
        version
    }

    /// How percentages are read: `exact` or `whole-percent`.
    fn rounding(&mut self, value: &Value) -> Option<Rounding> {
        let text = self.string(value, "rounding")?;
        let rounding = Rounding::parse(text);
        if rounding.is_none() {
            self.problem(
                "rounding",
                format!("expected \"exact\" or \"whole-percent\", found \"{text}\""),
            );
        }
        rounding
    }

    /// The entries of `standards`, by standard id: each a standard of the framework.
    fn standards(&mut self, value: &Value, framework: &Framework) -> BTreeMap<String, Entry> {
        let mut standards = BTreeMap::new();
        let Some(entries) = self.map(value, "standards") else {
            return standards;
        };
        for (id, entry) in entries {
            let path = join("standards", id);
            match framework.standard(id) {
                None => self.problem(&path, format!("unknown standard \"{id}\" in {}", framework.id)),
                Some((_, standard)) => {
                    if let Some(entry) = self.entry(entry, &path, standard, framework) {
                        standards.insert(id.clone(), entry);
                    }
                }
            }
        }
        standards
    }

    /// The samples of `case_samples`, by domain id (version 2).
    fn case_samples(&mut self, value: &Value, framework: &Framework) -> BTreeMap<String, CaseSample> {
        let mut case_samples = BTreeMap::new();
        let Some(samples) = self.map(value, "case_samples") else {
            return case_samples;
        };
        for (domain, sample) in samples {
            let path = join("case_samples", domain);
            if let Some(sample) = self.case_sample(sample, &path, domain, framework) {
                case_samples.insert(domain.clone(), sample);
            }
        }
        case_samples
    }

    /// One domain's sample: a list of at most [`MAX_CASES`] cases, for a domain with
    /// standards rated from cases.
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
            if let Some(case) = self.sampled_case(case, &path, &case_standards) {
                sample.cases.push(case);
            }
        }
        Some(sample)
    }

    /// One case of a sample: its label, note and answers. `None` when it is not an object
    /// or its answers are not one.
    fn sampled_case(
        &mut self,
        value: &Value,
        path: &str,
        case_standards: &[&Standard],
    ) -> Option<SampledCase> {
        let map = self.object(value, path, &["label", "note", "answers"])?;
        let mut case = SampledCase::default();
        if let Some(label) = map.get("label") {
            case.label = self
                .string(label, &join(path, "label"))
                .unwrap_or_default()
                .to_owned();
        }
        if let Some(note) = map.get("note") {
            case.note = self
                .string(note, &join(path, "note"))
                .unwrap_or_default()
                .to_owned();
        }
        if let Some(answers) = map.get("answers") {
            let answers_path = join(path, "answers");
            let by_standard = self.map(answers, &answers_path)?;
            for (standard_id, kqs) in by_standard {
                let path = join(&answers_path, standard_id);
                self.case_answers(&mut case, kqs, &path, standard_id, case_standards);
            }
        }
        Some(case)
    }

    /// A case's answers for one standard (at `path`): a case standard of the domain, each
    /// answer `yes`, `no` or `not-relevant` to one of its key questions.
    fn case_answers(
        &mut self,
        case: &mut SampledCase,
        kqs: &Value,
        path: &str,
        standard_id: &str,
        case_standards: &[&Standard],
    ) {
        let Some(standard) = case_standards.iter().find(|s| s.id == standard_id) else {
            let ids: Vec<&str> = case_standards.iter().map(|s| s.id.as_str()).collect();
            self.problem(
                path,
                format!(
                    "not a case standard of domain {} (expected one of {})",
                    // Every one of them is of the sample's domain.
                    case_standards.first().map_or("", |s| s.domain.as_str()),
                    ids.join(", ")
                ),
            );
            return;
        };
        let Some(kqs) = self.map(kqs, path) else {
            return;
        };
        for (kq, answer) in kqs {
            let path = join(path, kq);
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
            RatedBy::Judgement => self.judgement_entry(value, path, standard, framework),
            RatedBy::Cases => self.case_entry(value, path, standard, framework),
        }
    }

    /// A judgement standard's entry: its proposed rating, and nothing of cases.
    fn judgement_entry(
        &mut self,
        value: &Value,
        path: &str,
        standard: &Standard,
        framework: &Framework,
    ) -> Option<Entry> {
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

    /// A case standard's entry: the cases inspected and each key question's relevant
    /// cases and Yes answers, or (version 2) `by_case`, counted from the domain's sample;
    /// and any discretion applied.
    fn case_entry(
        &mut self,
        value: &Value,
        path: &str,
        standard: &Standard,
        framework: &Framework,
    ) -> Option<Entry> {
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
        let mut entry = CaseEntry {
            by_case: self.by_case(map, path, standard),
            ..CaseEntry::default()
        };
        let cases = if entry.by_case {
            Some(0) // derived from the sample once it is read
        } else {
            self.count(map, path, "cases")
        };
        if let Some(kqs) = map.get("key_questions") {
            entry.key_questions = self.key_question_answers(kqs, &join(path, "key_questions"), standard);
        }
        if let Some(discretion) = map.get("discretion") {
            entry.discretion = self.discretion(discretion, &join(path, "discretion"), framework);
        }
        entry.cases = cases?;
        Some(Entry::Cases(entry))
    }

    /// Whether a case standard is entered case by case (version 2): `by_case` true, and
    /// then no typed counts.
    fn by_case(&mut self, map: &Map<String, Value>, path: &str, standard: &Standard) -> bool {
        let mut by_case = false;
        if let Some(value) = map.get("by_case").filter(|_| self.version >= 2) {
            match value {
                Value::Bool(b) => by_case = *b,
                other => self.problem(
                    &join(path, "by_case"),
                    format!("expected true or false, found {}", describe(other)),
                ),
            }
        }
        if by_case {
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
        by_case
    }

    /// The answers of `key_questions` (at `path`), by key question id: relevant cases and
    /// Yes answers, each a count.
    fn key_question_answers(
        &mut self,
        value: &Value,
        path: &str,
        standard: &Standard,
    ) -> BTreeMap<String, Answers> {
        let mut key_questions = BTreeMap::new();
        let Some(kqs) = self.map(value, path) else {
            return key_questions;
        };
        for (id, answers) in kqs {
            let path = join(path, id);
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
                key_questions.insert(id.clone(), Answers { relevant, yes });
            }
        }
        key_questions
    }

    /// Discretion applied (rule 1.4, at `path`): the final rating and a reason, both
    /// required.
    fn discretion(&mut self, value: &Value, path: &str, framework: &Framework) -> Option<Discretion> {
        let d = self.object(value, path, &["rating", "reason"])?;
        let rating = match d.get("rating") {
            Some(r) => self.rating(r, &join(path, "rating"), framework),
            None => {
                self.problem(&join(path, "rating"), "missing");
                None
            }
        };
        let reason = match d.get("reason") {
            Some(r) => self.string(r, &join(path, "reason")).map(str::to_owned),
            None => {
                self.problem(&join(path, "reason"), "missing (a reason is required)");
                None
            }
        };
        Some(Discretion {
            rating: rating?,
            reason: reason?,
        })
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
