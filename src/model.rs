//! What the user has typed, kept exactly as typed, and the scenario it makes.
//!
//! Fields are keyed by their JSON path in the scenario file (for example
//! `standards.2.1.key_questions.safety.yes`), so the engine's problems, which name the
//! same paths, land next to the right field. No rule lives here: the engine decides.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use yj_rating_engine::{
    Answers, CaseEntry, Discretion, Entry, Framework, RatedBy, Rating, Rounding, Scenario, MAX_CASES,
};

/// The path of a case standard's "cases inspected" field.
pub fn cases_path(standard: &str) -> String {
    format!("standards.{standard}.cases")
}

/// The path of a key question's "relevant" or "yes" field.
pub fn count_path(standard: &str, key_question: &str, which: &str) -> String {
    format!("standards.{standard}.key_questions.{key_question}.{which}")
}

/// The path of a standard's discretion reason.
pub fn reason_path(standard: &str) -> String {
    format!("standards.{standard}.discretion.reason")
}

/// Everything typed for one scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub framework: String,
    pub title: String,
    pub rounding: Rounding,
    /// Text fields by path: counts and discretion reasons, exactly as typed.
    pub texts: BTreeMap<String, String>,
    /// Judgement standards' chosen ratings.
    pub judgements: BTreeMap<String, Rating>,
    /// Discretion ratings chosen, by standard id.
    pub discretion: BTreeMap<String, Rating>,
}

/// Reads a count field: a whole number from 0 to 10,000, or a message saying what to type.
pub fn parse_count(text: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Enter a number".into());
    }
    if let Some(rest) = trimmed.strip_prefix('-') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
            return Err("Enter a number that is 0 or more".into());
        }
    }
    if !trimmed.chars().all(|c| c.is_ascii_digit()) {
        return Err("Enter a whole number, like 4".into());
    }
    match trimmed.parse::<u64>() {
        Ok(n) if n <= u64::from(MAX_CASES) => Ok(n as u32),
        _ => Err(format!(
            "Enter a number no more than {}",
            group_thousands(MAX_CASES)
        )),
    }
}

fn group_thousands(n: u32) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

impl Form {
    /// An empty form under a framework.
    pub fn blank(framework: &Framework) -> Form {
        Form {
            framework: framework.id.clone(),
            ..Form::default()
        }
    }

    /// The text of a field ("" when never typed).
    pub fn text(&self, path: &str) -> &str {
        self.texts.get(path).map_or("", String::as_str)
    }

    /// Sets a field's text; an empty text removes the field.
    pub fn set_text(&mut self, path: &str, text: String) {
        if text.is_empty() {
            self.texts.remove(path);
        } else {
            self.texts.insert(path.to_owned(), text);
        }
    }

    /// The scenario the form makes, and a message for each field that cannot be read.
    /// Key questions enter the scenario once both counts read; a standard once its
    /// cases inspected read. Counts that break the validity rule still enter it (the
    /// engine reports them), so nothing typed is dropped from the scenario's meaning.
    pub fn to_scenario(&self, framework: &Framework) -> (Scenario, BTreeMap<String, String>) {
        let mut scenario = Scenario::new(&self.framework);
        scenario.title = self.title.clone();
        scenario.rounding = self.rounding;
        let mut errors = BTreeMap::new();
        for standard in &framework.standards {
            let id = &standard.id;
            match standard.rated_by {
                RatedBy::Judgement => {
                    if let Some(rating) = self.judgements.get(id) {
                        scenario.standards.insert(id.clone(), Entry::Judgement(*rating));
                    }
                }
                RatedBy::Cases => {
                    let mut read = |path: String| -> Option<u32> {
                        let text = self.text(&path);
                        if text.trim().is_empty() {
                            return None;
                        }
                        parse_count(text)
                            .map_err(|message| errors.insert(path, message))
                            .ok()
                    };
                    let cases = read(cases_path(id));
                    let mut entry = CaseEntry::default();
                    let mut typed_any = false;
                    for kq in &standard.key_questions {
                        let relevant_path = count_path(id, &kq.id, "relevant");
                        let yes_path = count_path(id, &kq.id, "yes");
                        typed_any |=
                            !self.text(&relevant_path).is_empty() || !self.text(&yes_path).is_empty();
                        if let (Some(relevant), Some(yes)) = (read(relevant_path), read(yes_path)) {
                            entry
                                .key_questions
                                .insert(kq.id.clone(), Answers { relevant, yes });
                        }
                    }
                    entry.discretion = self.discretion.get(id).map(|rating| Discretion {
                        rating: *rating,
                        reason: self.text(&reason_path(id)).to_owned(),
                    });
                    match cases {
                        Some(cases) => {
                            entry.cases = cases;
                            scenario.standards.insert(id.clone(), Entry::Cases(entry));
                        }
                        None if typed_any && self.text(&cases_path(id)).trim().is_empty() => {
                            errors.insert(cases_path(id), "Enter the number of cases inspected".into());
                        }
                        None => {}
                    }
                }
            }
        }
        (scenario, errors)
    }

    /// The form that shows a scenario.
    pub fn from_scenario(scenario: &Scenario) -> Form {
        let mut form = Form {
            framework: scenario.framework.clone(),
            title: scenario.title.clone(),
            rounding: scenario.rounding,
            ..Form::default()
        };
        for (id, entry) in &scenario.standards {
            match entry {
                Entry::Judgement(rating) => {
                    form.judgements.insert(id.clone(), *rating);
                }
                Entry::Cases(entry) => {
                    form.set_text(&cases_path(id), entry.cases.to_string());
                    for (kq, answers) in &entry.key_questions {
                        form.set_text(&count_path(id, kq, "relevant"), answers.relevant.to_string());
                        form.set_text(&count_path(id, kq, "yes"), answers.yes.to_string());
                    }
                    if let Some(discretion) = &entry.discretion {
                        form.discretion.insert(id.clone(), discretion.rating);
                        form.set_text(&reason_path(id), discretion.reason.clone());
                    }
                }
            }
        }
        form
    }
}

/// A form as stored: the scenario file it makes, plus the texts that the file cannot
/// carry (anything not yet a number, or typed where the rest is still blank).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredForm {
    pub scenario: Value,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
}

impl StoredForm {
    /// Stores a form losslessly.
    pub fn from_form(form: &Form, framework: &Framework) -> StoredForm {
        let (scenario, _) = form.to_scenario(framework);
        let shown = Form::from_scenario(&scenario);
        // Every scenario value comes from a typed text, so only texts can differ.
        let unparsed: BTreeMap<String, String> = form
            .texts
            .iter()
            .filter(|(path, text)| shown.text(path) != text.as_str())
            .map(|(path, text)| (path.clone(), text.clone()))
            .collect();
        StoredForm {
            scenario: scenario.to_value_with(framework),
            unparsed,
        }
    }

    /// Restores the form, or says why the stored scenario cannot be read.
    pub fn to_form(&self, frameworks: &[&Framework]) -> Result<Form, yj_rating_engine::Error> {
        self.to_form_and_framework(frameworks).map(|(form, _)| form)
    }

    /// [`StoredForm::to_form`], with the framework the stored scenario carries when it
    /// is not among `frameworks`.
    pub fn to_form_and_framework(
        &self,
        frameworks: &[&Framework],
    ) -> Result<(Form, Option<Framework>), yj_rating_engine::Error> {
        let (scenario, framework) = Scenario::draft_from_value_in(&self.scenario, frameworks)?;
        let mut form = Form::from_scenario(&scenario);
        for (path, text) in &self.unparsed {
            form.set_text(path, text.clone());
        }
        let carried = match framework {
            std::borrow::Cow::Owned(framework) => Some(framework),
            std::borrow::Cow::Borrowed(_) => None,
        };
        Ok((form, carried))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn youth() -> &'static Framework {
        Framework::youth_2018()
    }

    #[test]
    fn counts_read_only_whole_numbers_in_range() {
        assert_eq!(parse_count(" 12 "), Ok(12));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count("10000"), Ok(10_000));
        assert_eq!(
            parse_count("10001"),
            Err("Enter a number no more than 10,000".into())
        );
        assert_eq!(parse_count("-3"), Err("Enter a number that is 0 or more".into()));
        assert_eq!(parse_count("2.5"), Err("Enter a whole number, like 4".into()));
        assert_eq!(parse_count("four"), Err("Enter a whole number, like 4".into()));
        assert_eq!(parse_count(""), Err("Enter a number".into()));
    }

    #[test]
    fn form_makes_the_scenario_and_reports_unreadable_fields() {
        let mut form = Form::blank(youth());
        form.set_text(&cases_path("2.1"), "4".into());
        form.set_text(&count_path("2.1", "desistance", "relevant"), "4".into());
        form.set_text(&count_path("2.1", "desistance", "yes"), "3".into());
        form.set_text(&count_path("2.1", "safety", "relevant"), "x".into());
        form.set_text(&count_path("3.1", "safety", "yes"), "1".into());
        let (scenario, errors) = form.to_scenario(youth());
        let Some(Entry::Cases(entry)) = scenario.standards.get("2.1") else {
            panic!("2.1 missing")
        };
        assert_eq!(entry.cases, 4);
        assert_eq!(entry.key_questions.len(), 1);
        assert_eq!(
            errors[&count_path("2.1", "safety", "relevant")],
            "Enter a whole number, like 4"
        );
        assert_eq!(errors[&cases_path("3.1")], "Enter the number of cases inspected");
        assert!(!scenario.standards.contains_key("3.1"));
    }

    #[test]
    fn storing_keeps_every_text_even_when_not_a_number() {
        let mut form = Form::blank(youth());
        form.title = "Mock inspection".into();
        form.rounding = Rounding::WholePercent;
        form.judgements.insert("1.2".into(), Rating::Good);
        form.set_text(&cases_path("2.2"), "5".into());
        form.set_text(&count_path("2.2", "others", "relevant"), "3".into());
        form.set_text(&count_path("2.2", "others", "yes"), "4".into()); // more than relevant: kept
        form.set_text(&count_path("2.2", "safety", "relevant"), "2".into()); // yes still blank
        form.set_text(&count_path("2.2", "desistance", "yes"), "three".into());
        form.discretion.insert("2.2".into(), Rating::Outstanding);
        let stored = StoredForm::from_form(&form, youth());
        let text = serde_json::to_string(&stored).unwrap();
        let back: StoredForm = serde_json::from_str(&text).unwrap();
        assert_eq!(back.to_form(&Framework::builtins()).unwrap(), form);
        assert_eq!(stored.unparsed.len(), 2);
    }

    #[test]
    fn a_cleared_field_stays_cleared() {
        let mut form = Form::blank(youth());
        form.set_text(&cases_path("2.1"), "4".into());
        form.set_text(&count_path("2.1", "desistance", "relevant"), "4".into());
        form.set_text(&count_path("2.1", "desistance", "yes"), "4".into());
        form.set_text(&cases_path("2.1"), String::new());
        let stored = StoredForm::from_form(&form, youth());
        assert_eq!(stored.to_form(&Framework::builtins()).unwrap(), form);
    }
}
