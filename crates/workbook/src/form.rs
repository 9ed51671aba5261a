//! What the user has typed, kept exactly as typed, and the scenario it makes.
//!
//! Fields are keyed by their JSON path in the scenario file (for example
//! `standards.2.1.key_questions.safety.yes`), so the engine's problems, which name the
//! same paths, land next to the right field. No rule lives here: the engine decides.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use yj_rating_engine::{
    Answers, CaseAnswer, CaseEntry, CaseSample, Discretion, Entry, Framework, RatedBy, Rating, Rounding,
    SampledCase, Scenario, Standard, MAX_CASES,
};

pub use yj_rating_engine::path::{Count, FieldPath};

/// A case standard's "cases inspected" field.
pub fn cases_path(standard: &str) -> FieldPath {
    FieldPath::cases(standard)
}

/// A key question's relevant cases or Yes answers.
pub fn count_path(standard: &str, key_question: &str, count: Count) -> FieldPath {
    FieldPath::count(standard, key_question, count)
}

/// A standard's discretion: where its problems are reported.
pub fn discretion_path(standard: &str) -> FieldPath {
    FieldPath::discretion(standard)
}

/// A standard's discretion reason.
pub fn reason_path(standard: &str) -> FieldPath {
    FieldPath::reason(standard)
}

/// Everything typed for one scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub framework: String,
    pub title: String,
    pub rounding: Rounding,
    /// Text fields: counts and discretion reasons, exactly as typed.
    pub texts: BTreeMap<FieldPath, String>,
    /// Judgement standards' chosen ratings.
    pub judgements: BTreeMap<String, Rating>,
    /// Discretion ratings chosen, by standard id.
    pub discretion: BTreeMap<String, Rating>,
    /// Case standards entered case by case rather than as totals.
    pub by_case: BTreeSet<String>,
    /// The case-by-case grids, by domain id.
    pub samples: BTreeMap<String, CaseSample>,
}

/// The two texts a case of a grid carries besides its answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseText {
    /// The case's reference (blank: the grid shows "Case n" as a placeholder).
    Reference,
    /// A note about the case.
    Note,
}

/// A cell of a case-by-case grid: which case, and which key question of which standard.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridColumn {
    pub standard: String,
    pub key_question: String,
}

/// A problem of a paste into a grid: the cell (row, and the key question it answers) it
/// is about, if any, and the message shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteProblem {
    pub cell: Option<(usize, GridColumn)>,
    pub message: String,
}

impl PasteProblem {
    /// Whether the problem is about this cell.
    pub fn is_at(&self, row: usize, column: &GridColumn) -> bool {
        self.cell.as_ref().is_some_and(|(r, c)| *r == row && c == column)
    }
}

/// Reads what was typed or pasted into a grid cell: `y`/`yes`, `n`/`no`, `-`/`x`/`/`/`n/a`/
/// `na`/`not relevant`, or nothing (not yet answered), in any case.
pub fn parse_case_answer(text: &str) -> Result<Option<CaseAnswer>, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "y" | "yes" => Ok(Some(CaseAnswer::Yes)),
        "n" | "no" => Ok(Some(CaseAnswer::No)),
        "-" | "–" | "x" | "/" | "n/a" | "na" | "not relevant" | "not-relevant" => {
            Ok(Some(CaseAnswer::NotRelevant))
        }
        _ => Err(format!(
            "\"{}\" is not an answer: type y (Yes), n (No) or - (not relevant)",
            text.trim().chars().take(20).collect::<String>()
        )),
    }
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

pub fn group_thousands(n: u32) -> String {
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
    pub fn text(&self, path: &FieldPath) -> &str {
        self.texts.get(path).map_or("", String::as_str)
    }

    /// Sets a field's text; an empty text removes the field.
    pub fn set_text(&mut self, path: &FieldPath, text: String) {
        if text.is_empty() {
            self.texts.remove(path);
        } else {
            self.texts.insert(path.clone(), text);
        }
    }

    /// Carries onto `self` (another tab's copy of this form) every field `ours` changed
    /// since `base` (the copy both started from), field by field: a count or reason,
    /// a judgement, a discretion, the rounding, the title, the standards entered case by
    /// case and each domain's grid. What only they changed stays theirs.
    pub fn carry_changes(&mut self, base: &Form, ours: &Form) {
        fn carry<K: Ord + Clone, V: Clone + PartialEq>(
            theirs: &mut BTreeMap<K, V>,
            base: &BTreeMap<K, V>,
            ours: &BTreeMap<K, V>,
        ) {
            for key in base.keys().chain(ours.keys()) {
                if base.get(key) != ours.get(key) {
                    match ours.get(key) {
                        Some(value) => theirs.insert(key.clone(), value.clone()),
                        None => theirs.remove(key),
                    };
                }
            }
        }
        carry(&mut self.texts, &base.texts, &ours.texts);
        carry(&mut self.judgements, &base.judgements, &ours.judgements);
        carry(&mut self.discretion, &base.discretion, &ours.discretion);
        carry(&mut self.samples, &base.samples, &ours.samples);
        if ours.rounding != base.rounding {
            self.rounding = ours.rounding;
        }
        if ours.title != base.title {
            self.title = ours.title.clone();
        }
        if ours.by_case != base.by_case {
            self.by_case = ours.by_case.clone();
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
            if self.by_case.contains(id) && standard.rated_by == RatedBy::Cases {
                let entry = CaseEntry {
                    by_case: true,
                    discretion: self.discretion_of(id),
                    ..CaseEntry::default()
                };
                scenario.standards.insert(id.clone(), Entry::Cases(entry));
                continue;
            }
            match standard.rated_by {
                RatedBy::Judgement => {
                    if let Some(rating) = self.judgements.get(id) {
                        scenario.standards.insert(id.clone(), Entry::Judgement(*rating));
                    }
                }
                RatedBy::Cases => {
                    let mut read = |path: FieldPath| -> Option<u32> {
                        let text = self.text(&path);
                        if text.trim().is_empty() {
                            return None;
                        }
                        parse_count(text)
                            .map_err(|message| errors.insert(path.to_string(), message))
                            .ok()
                    };
                    let cases = read(cases_path(id));
                    let mut entry = CaseEntry::default();
                    let mut typed_any = false;
                    let mut early = Vec::new();
                    for kq in &standard.key_questions {
                        let relevant_path = count_path(id, &kq.id, Count::Relevant);
                        let yes_path = count_path(id, &kq.id, Count::Yes);
                        typed_any |=
                            !self.text(&relevant_path).is_empty() || !self.text(&yes_path).is_empty();
                        match (read(relevant_path), read(yes_path)) {
                            (Some(relevant), Some(yes)) => {
                                entry
                                    .key_questions
                                    .insert(kq.id.clone(), Answers { relevant, yes });
                            }
                            // Relevant above cases inspected is wrong whatever Yes will be:
                            // say so as soon as it is typed, in the engine's words.
                            (Some(relevant), None) => {
                                let half = CaseEntry {
                                    cases: cases.unwrap_or(u32::MAX),
                                    key_questions: BTreeMap::from([(
                                        kq.id.clone(),
                                        Answers { relevant, yes: 0 },
                                    )]),
                                    ..CaseEntry::default()
                                };
                                early.extend(half.count_problems(&format!("standards.{id}")));
                            }
                            _ => {}
                        }
                    }
                    for problem in early {
                        errors.insert(problem.path, problem.message);
                    }
                    entry.discretion = self.discretion_of(id);
                    match cases {
                        Some(cases) => {
                            entry.cases = cases;
                            scenario.standards.insert(id.clone(), Entry::Cases(entry));
                        }
                        None if typed_any && self.text(&cases_path(id)).trim().is_empty() => {
                            errors.insert(
                                cases_path(id).to_string(),
                                "Enter the number of cases inspected".into(),
                            );
                        }
                        None => {}
                    }
                }
            }
        }
        scenario.case_samples = self.samples.clone();
        scenario.derive_case_counts(framework);
        (scenario, errors)
    }

    /// The blank half of each key question typed halfway (relevant cases without the
    /// number answered Yes, or the other way round), by path. A scenario file cannot hold
    /// such a key question, so exporting and sharing wait for it rather than drop it.
    pub fn half_entered(&self, framework: &Framework) -> Vec<FieldPath> {
        let mut blank = Vec::new();
        for standard in &framework.standards {
            if standard.rated_by != RatedBy::Cases || self.by_case.contains(&standard.id) {
                continue;
            }
            for kq in &standard.key_questions {
                let relevant = count_path(&standard.id, &kq.id, Count::Relevant);
                let yes = count_path(&standard.id, &kq.id, Count::Yes);
                match (
                    self.text(&relevant).trim().is_empty(),
                    self.text(&yes).trim().is_empty(),
                ) {
                    (false, true) => blank.push(yes),
                    (true, false) => blank.push(relevant),
                    _ => {}
                }
            }
        }
        blank
    }

    fn discretion_of(&self, standard: &str) -> Option<Discretion> {
        self.discretion.get(standard).map(|rating| Discretion {
            rating: *rating,
            reason: self.text(&reason_path(standard)).to_owned(),
        })
    }

    /// Whether entering a case standard case by case would discard typed totals: any
    /// count typed that differs from what the domain's grid gives (totals kept from the
    /// grid are not lost by going back to it).
    pub fn would_lose_totals(&self, standard: &Standard) -> bool {
        let empty = CaseSample::default();
        let sample = self.samples.get(&standard.domain).unwrap_or(&empty);
        let (cases, key_questions) = sample.counts(standard);
        let id = &standard.id;
        let mut grid = BTreeMap::from([(cases_path(id), cases.to_string())]);
        for (kq, answers) in key_questions {
            grid.insert(count_path(id, &kq, Count::Relevant), answers.relevant.to_string());
            grid.insert(count_path(id, &kq, Count::Yes), answers.yes.to_string());
        }
        self.texts
            .iter()
            .filter(|(path, _)| path.standard() == id && !matches!(path, FieldPath::Reason(_)))
            .any(|(path, text)| grid.get(path) != Some(text))
    }

    /// Enters a case standard case by case, discarding any totals typed for it. The
    /// domain gets a grid if it had none.
    pub fn enter_by_case(&mut self, standard: &str, domain: &str) {
        self.texts
            .retain(|path, _| path.standard() != standard || matches!(path, FieldPath::Reason(_)));
        self.by_case.insert(standard.to_owned());
        self.samples.entry(domain.to_owned()).or_default();
    }

    /// Enters standards of a domain case by case (those not already), and gives the
    /// domain's grid a first case if it has none, ready to answer.
    pub fn enter_all_by_case(&mut self, standards: &[String], domain: &str) {
        for standard in standards {
            if !self.by_case.contains(standard) {
                self.enter_by_case(standard, domain);
            }
        }
        if self.samples.get(domain).is_none_or(|s| s.cases.is_empty()) {
            self.add_case(domain);
        }
    }

    /// Sets a case's reference or note, as typed.
    pub fn set_case_text(&mut self, domain: &str, row: usize, field: CaseText, text: String) {
        if let Some(case) = self.sample_mut(domain).cases.get_mut(row) {
            match field {
                CaseText::Reference => case.label = text,
                CaseText::Note => case.note = text,
            }
        }
    }

    /// Enters a case standard as totals again, keeping the totals its grid gives
    /// (`derived`: its entry in the scenario this form makes). The grid's answers stay,
    /// in case it is entered case by case again.
    pub fn enter_as_totals(&mut self, standard: &str, derived: Option<&CaseEntry>) {
        self.by_case.remove(standard);
        if let Some(entry) = derived {
            self.set_text(&cases_path(standard), entry.cases.to_string());
            for (kq, answers) in &entry.key_questions {
                self.set_text(
                    &count_path(standard, kq, Count::Relevant),
                    answers.relevant.to_string(),
                );
                self.set_text(&count_path(standard, kq, Count::Yes), answers.yes.to_string());
            }
        }
    }

    /// The columns of a domain's grid: every key question of its standards entered case
    /// by case, in framework order.
    pub fn grid_columns(&self, framework: &Framework, domain: &str) -> Vec<GridColumn> {
        framework
            .standards
            .iter()
            .filter(|s| s.domain == domain && self.by_case.contains(&s.id))
            .flat_map(|s| {
                s.key_questions.iter().map(|kq| GridColumn {
                    standard: s.id.clone(),
                    key_question: kq.id.clone(),
                })
            })
            .collect()
    }

    /// The grid of a domain, to change (made if missing).
    pub fn sample_mut(&mut self, domain: &str) -> &mut CaseSample {
        self.samples.entry(domain.to_owned()).or_default()
    }

    /// Adds a case to a domain's grid with a blank reference (the grid shows `Case n` as
    /// a placeholder, never as a value one could type after); returns its row.
    pub fn add_case(&mut self, domain: &str) -> Option<usize> {
        let sample = self.sample_mut(domain);
        if sample.cases.len() >= MAX_CASES as usize {
            return None;
        }
        sample.cases.push(SampledCase::default());
        Some(sample.cases.len() - 1)
    }

    /// A blank form ready to record a planned sample: for each `(domain, rows)` asked
    /// for, the domain's case standards entered case by case and its grid given `rows`
    /// blank cases. `None` when a domain asked for rows has no standard rated from cases
    /// under this framework (an imported one may not).
    pub fn planned_sample(framework: &Framework, samples: &[(&str, u32)]) -> Option<Form> {
        let mut form = Form::blank(framework);
        for &(domain, rows) in samples.iter().filter(|(_, rows)| *rows > 0) {
            let standards: Vec<&str> = framework
                .standards
                .iter()
                .filter(|s| s.domain == domain && s.rated_by == RatedBy::Cases)
                .map(|s| s.id.as_str())
                .collect();
            if standards.is_empty() {
                return None;
            }
            for standard in standards {
                form.enter_by_case(standard, domain);
            }
            for _ in 0..rows {
                form.add_case(domain)?;
            }
        }
        Some(form)
    }

    /// Records (or clears) one answer of a domain's grid.
    pub fn set_case_answer(
        &mut self,
        domain: &str,
        row: usize,
        column: &GridColumn,
        answer: Option<CaseAnswer>,
    ) {
        if let Some(case) = self.sample_mut(domain).cases.get_mut(row) {
            case.set_answer(&column.standard, &column.key_question, answer);
        }
    }

    /// Fills a domain's grid from text copied from a spreadsheet (rows by line, cells by
    /// tab), starting at `row` and `column` of `columns`. Rows past the end are added;
    /// cells past the last column are ignored. Every cell that cannot be read is left as
    /// it was and reported, with its cell, as "Row 3, 2.1 safety: ...". Returns the problems.
    pub fn paste_cases(
        &mut self,
        domain: &str,
        row: usize,
        column: usize,
        columns: &[GridColumn],
        text: &str,
    ) -> Vec<PasteProblem> {
        let mut problems = Vec::new();
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        for (r, line) in text.split('\n').enumerate() {
            let target = row + r;
            while self.sample_mut(domain).cases.len() <= target {
                if self.add_case(domain).is_none() {
                    problems.push(PasteProblem {
                        cell: None,
                        message: format!(
                            "A grid holds at most {} cases: the rest was not pasted",
                            group_thousands(MAX_CASES)
                        ),
                    });
                    return problems;
                }
            }
            let cells = line.trim_end_matches('\r').split('\t');
            for (c, cell) in cells.enumerate() {
                let Some(col) = columns.get(column + c) else {
                    break;
                };
                match parse_case_answer(cell) {
                    Ok(answer) => self.set_case_answer(domain, target, col, answer),
                    Err(message) => problems.push(PasteProblem {
                        cell: Some((target, col.clone())),
                        message: format!(
                            "Row {}, {} {}: {message}",
                            target + 1,
                            col.standard,
                            col.key_question
                        ),
                    }),
                }
            }
        }
        problems
    }

    /// Removes a case from a domain's grid.
    pub fn remove_case(&mut self, domain: &str, row: usize) {
        let sample = self.sample_mut(domain);
        if row < sample.cases.len() {
            sample.cases.remove(row);
        }
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
                    if entry.by_case {
                        form.by_case.insert(id.clone());
                    } else {
                        form.set_text(&cases_path(id), entry.cases.to_string());
                        for (kq, answers) in &entry.key_questions {
                            form.set_text(&count_path(id, kq, Count::Relevant), answers.relevant.to_string());
                            form.set_text(&count_path(id, kq, Count::Yes), answers.yes.to_string());
                        }
                    }
                    if let Some(discretion) = &entry.discretion {
                        form.discretion.insert(id.clone(), discretion.rating);
                        form.set_text(&reason_path(id), discretion.reason.clone());
                    }
                }
            }
        }
        form.samples = scenario.case_samples.clone();
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
            .map(|(path, text)| (path.to_string(), text.clone()))
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
        // Only this app writes these texts, always at a field's path.
        for (path, text) in &self.unparsed {
            if let Some(path) = FieldPath::parse(path, &framework) {
                form.set_text(&path, text.clone());
            }
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
        form.set_text(&count_path("2.1", "desistance", Count::Relevant), "4".into());
        form.set_text(&count_path("2.1", "desistance", Count::Yes), "3".into());
        form.set_text(&count_path("2.1", "safety", Count::Relevant), "x".into());
        form.set_text(&count_path("3.1", "safety", Count::Yes), "1".into());
        let (scenario, errors) = form.to_scenario(youth());
        let Some(Entry::Cases(entry)) = scenario.standards.get("2.1") else {
            panic!("2.1 missing")
        };
        assert_eq!(entry.cases, 4);
        assert_eq!(entry.key_questions.len(), 1);
        assert_eq!(
            errors[&count_path("2.1", "safety", Count::Relevant).to_string()],
            "Enter a whole number, like 4"
        );
        assert_eq!(
            errors[&cases_path("3.1").to_string()],
            "Enter the number of cases inspected"
        );
        assert!(!scenario.standards.contains_key("3.1"));
    }

    #[test]
    fn a_planned_sample_has_a_grid_row_per_case_in_each_domain() {
        let form = Form::planned_sample(youth(), &[("2", 4), ("3", 3)]).expect("youth has both domains");
        assert_eq!(form.samples["2"].cases.len(), 4);
        assert_eq!(form.samples["3"].cases.len(), 3);
        let by_case: Vec<&str> = form.by_case.iter().map(String::as_str).collect();
        assert_eq!(by_case, ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]);
        assert!(form.samples["2"]
            .cases
            .iter()
            .all(|c| c.label.is_empty() && c.answers.is_empty()));
        // Nothing answered yet: the scenario it makes has no ratings and no problems.
        let (scenario, errors) = form.to_scenario(youth());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(yj_rating_engine::score(youth(), &scenario).rated, 0);
    }

    #[test]
    fn a_domain_with_no_cases_planned_stays_as_totals() {
        let form = Form::planned_sample(youth(), &[("2", 4), ("3", 0)]).expect("youth");
        assert!(!form.samples.contains_key("3"));
        assert!(!form.by_case.contains("3.1"));
    }

    #[test]
    fn a_plan_cannot_be_recorded_where_the_domain_has_no_case_standards() {
        assert!(Form::planned_sample(youth(), &[("1", 2)]).is_none());
        assert!(Form::planned_sample(youth(), &[("9", 2)]).is_none());
    }

    #[test]
    fn relevant_above_cases_is_reported_before_yes_is_typed() {
        let mut form = Form::blank(youth());
        form.set_text(&cases_path("2.1"), "4".into());
        form.set_text(&count_path("2.1", "desistance", Count::Relevant), "5".into());
        let (_, errors) = form.to_scenario(youth());
        assert_eq!(
            errors[&count_path("2.1", "desistance", Count::Relevant).to_string()],
            "5 is more than the cases inspected (4)"
        );
        form.set_text(&count_path("2.1", "desistance", Count::Relevant), "4".into());
        assert!(form.to_scenario(youth()).1.is_empty(), "4 of 4 is fine");
    }

    #[test]
    fn key_questions_typed_halfway_are_named_for_export() {
        let mut form = Form::blank(youth());
        assert!(form.half_entered(youth()).is_empty());
        form.set_text(&cases_path("2.1"), "4".into());
        form.set_text(&count_path("2.1", "desistance", Count::Relevant), "4".into());
        form.set_text(&count_path("2.1", "desistance", Count::Yes), "3".into());
        form.set_text(&count_path("2.1", "safety", Count::Relevant), "2".into());
        form.set_text(&count_path("3.2", "others", Count::Yes), "1".into());
        assert_eq!(
            form.half_entered(youth()),
            [
                count_path("2.1", "safety", Count::Yes),
                count_path("3.2", "others", Count::Relevant)
            ]
        );
        form.set_text(&count_path("2.1", "safety", Count::Yes), "2".into());
        form.set_text(&count_path("3.2", "others", Count::Yes), " ".into());
        assert!(form.half_entered(youth()).is_empty());
    }

    #[test]
    fn storing_keeps_every_text_even_when_not_a_number() {
        let mut form = Form::blank(youth());
        form.title = "Mock inspection".into();
        form.rounding = Rounding::WholePercent;
        form.judgements.insert("1.2".into(), Rating::Good);
        form.set_text(&cases_path("2.2"), "5".into());
        form.set_text(&count_path("2.2", "others", Count::Relevant), "3".into());
        form.set_text(&count_path("2.2", "others", Count::Yes), "4".into()); // more than relevant: kept
        form.set_text(&count_path("2.2", "safety", Count::Relevant), "2".into()); // yes still blank
        form.set_text(&count_path("2.2", "desistance", Count::Yes), "three".into());
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
        form.set_text(&count_path("2.1", "desistance", Count::Relevant), "4".into());
        form.set_text(&count_path("2.1", "desistance", Count::Yes), "4".into());
        form.set_text(&cases_path("2.1"), String::new());
        let stored = StoredForm::from_form(&form, youth());
        assert_eq!(stored.to_form(&Framework::builtins()).unwrap(), form);
    }

    fn grid_columns(standard: &str) -> Vec<GridColumn> {
        ["desistance", "safety", "others"]
            .into_iter()
            .map(|kq| GridColumn {
                standard: standard.into(),
                key_question: kq.into(),
            })
            .collect()
    }

    #[test]
    fn answers_read_as_typed_or_pasted() {
        assert_eq!(parse_case_answer("Y"), Ok(Some(CaseAnswer::Yes)));
        assert_eq!(parse_case_answer(" no "), Ok(Some(CaseAnswer::No)));
        assert_eq!(parse_case_answer("N/A"), Ok(Some(CaseAnswer::NotRelevant)));
        for not_relevant in ["-", "x", "X", "/", "na"] {
            assert_eq!(parse_case_answer(not_relevant), Ok(Some(CaseAnswer::NotRelevant)));
        }
        assert_eq!(parse_case_answer(""), Ok(None));
        assert_eq!(
            parse_case_answer("maybe"),
            Err("\"maybe\" is not an answer: type y (Yes), n (No) or - (not relevant)".into())
        );
    }

    #[test]
    fn a_grid_makes_the_counts_and_is_stored_losslessly() {
        let mut form = Form::blank(youth());
        form.enter_by_case("2.1", "2");
        let columns = grid_columns("2.1");
        let problems = form.paste_cases("2", 0, 0, &columns, "y\ty\t-\r\ny\tn\ty\r\nn\tmaybe\t-\r\n");
        assert_eq!(
            problems,
            [PasteProblem {
                cell: Some((2, columns[1].clone())),
                message:
                    "Row 3, 2.1 safety: \"maybe\" is not an answer: type y (Yes), n (No) or - (not relevant)"
                        .into()
            }]
        );
        assert_eq!(
            form.samples["2"].cases.len(),
            3,
            "pasting three rows adds three cases"
        );
        assert_eq!(
            form.samples["2"].cases[2].label, "",
            "a new case's reference is blank (the grid shows a placeholder)"
        );
        form.set_case_answer("2", 2, &columns[1], Some(CaseAnswer::NotRelevant));
        let (scenario, errors) = form.to_scenario(youth());
        assert!(errors.is_empty());
        let Some(Entry::Cases(entry)) = scenario.standards.get("2.1") else {
            panic!("2.1 missing")
        };
        assert_eq!(entry.cases, 3);
        assert_eq!(entry.key_questions["desistance"], Answers { relevant: 3, yes: 2 });
        assert_eq!(entry.key_questions["safety"], Answers { relevant: 2, yes: 1 });
        let stored = StoredForm::from_form(&form, youth());
        assert_eq!(stored.to_form(&Framework::builtins()).unwrap(), form);
    }

    #[test]
    fn switching_to_totals_keeps_the_derived_totals_and_back_discards_them() {
        let mut form = Form::blank(youth());
        let planning = youth().standard("2.2").unwrap().1;
        form.set_text(&cases_path("2.2"), "7".into());
        assert!(form.would_lose_totals(planning));
        form.enter_by_case("2.2", "2");
        assert!(form.texts.is_empty(), "the typed totals are discarded");
        let columns = grid_columns("2.2");
        form.paste_cases("2", 0, 0, &columns, "y\tn\t-\nn\tn\t-");
        let (scenario, _) = form.to_scenario(youth());
        let Some(Entry::Cases(derived)) = scenario.standards.get("2.2") else {
            panic!("2.2 missing")
        };
        form.enter_as_totals("2.2", Some(derived));
        assert_eq!(form.text(&cases_path("2.2")), "2");
        assert_eq!(form.text(&count_path("2.2", "desistance", Count::Yes)), "1");
        assert_eq!(form.text(&count_path("2.2", "others", Count::Relevant)), "0");
        assert_eq!(
            form.to_scenario(youth()).0.standards.get("2.2"),
            Some(&Entry::Cases(CaseEntry {
                by_case: false,
                ..derived.clone()
            }))
        );
        assert_eq!(form.samples["2"].cases.len(), 2, "the grid stays");
        assert!(!form.would_lose_totals(planning), "the totals are the grid's own");
        form.set_text(&count_path("2.2", "safety", Count::Yes), "1".into());
        assert!(form.would_lose_totals(planning), "a changed total would be lost");
    }

    #[test]
    fn removing_a_case_recounts() {
        let mut form = Form::blank(youth());
        form.enter_by_case("2.1", "2");
        form.paste_cases("2", 0, 0, &grid_columns("2.1"), "y\ty\ty\nn\tn\tn");
        form.remove_case("2", 1);
        form.remove_case("2", 5); // no such row: nothing happens
        let (scenario, _) = form.to_scenario(youth());
        let Some(Entry::Cases(entry)) = scenario.standards.get("2.1") else {
            panic!("2.1 missing")
        };
        assert_eq!(
            (entry.cases, entry.key_questions["others"]),
            (1, Answers { relevant: 1, yes: 1 })
        );
    }
}
