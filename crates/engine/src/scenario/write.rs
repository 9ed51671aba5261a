//! Writing a scenario file: [`Scenario::to_json_string`] and the others, with serde
//! documents that give ratings the labels of the framework.

use super::{CaseSample, Discretion, Entry, SampledCase, Scenario, SCENARIO_FORMAT};
use crate::error::Error;
use crate::Framework;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

impl Scenario {
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
