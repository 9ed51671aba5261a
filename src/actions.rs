//! What the scenario controls do: new, example, import, export, share links.

use crate::browser;
use crate::model::Form;
use crate::share;
use crate::state::{AppState, Notice};
use leptos::prelude::*;
use yj_rating_engine::{csv, plan, Scenario};

/// The Torbay 2021 worked example of the rule book.
pub const TORBAY_EXAMPLE: &str = include_str!("../examples/torbay-2021.json");

impl AppState {
    /// Starts a blank scenario under the current scenario's framework (another
    /// framework is chosen in the framework panel).
    pub fn new_blank(&self) {
        self.new_blank_under(self.framework_now());
    }

    /// Opens a scenario file's text as a new scenario (never replacing one). The file
    /// must be valid as the rule book says; the app never writes one that is not.
    /// `source` names where it came from, in lower case, for messages.
    pub fn open_scenario_text(&self, text: &str, source: &str, name_suffix: &str) -> bool {
        let known = self.library.with_untracked(|l| l.known());
        match Scenario::from_json_str_with(text, &known) {
            Ok((scenario, framework)) => {
                // A scenario under a framework not known here carries it: keep it.
                let added = match framework {
                    std::borrow::Cow::Owned(framework) => {
                        let framework = crate::frameworks::intern(framework);
                        self.library.update(|l| l.add_framework(framework));
                        format!(" Its framework, \u{201c}{}\u{201d}, was added.", framework.name)
                    }
                    std::borrow::Cow::Borrowed(_) => String::new(),
                };
                let mut form = Form::from_scenario(&scenario);
                let base = if scenario.title.trim().is_empty() {
                    "Imported scenario"
                } else {
                    scenario.title.trim()
                };
                let name = self
                    .library
                    .with_untracked(|l| l.unused_name(&format!("{base}{name_suffix}")));
                form.title = name.clone();
                self.library.update(|l| {
                    l.add(name.clone(), form);
                });
                self.notify(Notice::Info(format!(
                    "Opened {source} as a new scenario, \u{201c}{name}\u{201d}. Your other scenarios are unchanged.{added}"
                )));
                true
            }
            Err(err) => {
                self.notify(Notice::Error(format!(
                    "{} could not be opened as a scenario: {}.",
                    sentence_case(source),
                    crate::words::problem_list(&err)
                )));
                false
            }
        }
    }

    /// Starts a new scenario to record a planned sample: domain two's grid with `court`
    /// blank cases and domain three's with `out_of_court`, under the current scenario's
    /// framework. Returns whether it was started.
    pub fn record_sample(&self, court: u32, out_of_court: u32) -> bool {
        let framework = self.framework_now();
        let samples = [
            (plan::COURT_DOMAIN, court),
            (plan::OUT_OF_COURT_DOMAIN, out_of_court),
        ];
        let Some(mut form) = Form::planned_sample(framework, &samples) else {
            self.notify(Notice::Error(format!(
                "The plan cannot be recorded under \u{201c}{}\u{201d}: it has no domains {} and {} rated from cases. \
                 Start a scenario under a youth framework first.",
                framework.name,
                plan::COURT_DOMAIN,
                plan::OUT_OF_COURT_DOMAIN
            )));
            return false;
        };
        let name = self.library.with_untracked(|l| {
            l.unused_name(&format!(
                "Sample plan: {court} court, {out_of_court} out-of-court"
            ))
        });
        form.title = name.clone();
        self.library.update(|l| {
            l.add(name.clone(), form);
        });
        self.notify(Notice::Info(format!(
            "Started \u{201c}{name}\u{201d}, entered case by case: {court} rows in domain {}'s grid and {out_of_court} in \
             domain {}'s, one per case to record. Your other scenarios are unchanged.",
            plan::COURT_DOMAIN,
            plan::OUT_OF_COURT_DOMAIN
        )));
        true
    }

    /// Opens the worked example as a new scenario.
    pub fn load_example(&self) {
        self.open_scenario_text(TORBAY_EXAMPLE, "the Torbay 2021 example", "");
    }

    /// The current scenario as a scenario file.
    pub fn scenario_file(&self) -> String {
        self.scenario_to_write().to_json_string_with(self.framework_now())
    }

    /// The current scenario as files and links carry it: its name is its title, so one
    /// never renamed still comes back under its name.
    fn scenario_to_write(&self) -> Scenario {
        let mut scenario = self.scenario.with_untracked(|(scenario, _)| scenario.clone());
        scenario.title = self.library.with_untracked(|l| l.current().name.clone());
        scenario
    }

    /// Whether the current scenario can be written as a file; says why not if not.
    fn ready_to_write(&self, what: &str) -> bool {
        self.all_reasons_due();
        let framework = self.framework_now();
        let half = self
            .library
            .with_untracked(|l| l.current().form.half_entered(framework));
        if !half.is_empty() {
            let fields: Vec<String> = half
                .iter()
                .map(|path| crate::words::field_label(framework, path))
                .collect();
            self.notify(Notice::Error(format!(
                "Fill in or clear {} before {what}: a scenario file cannot hold a key question with only one \
                 of its two counts. Your work stays saved in this browser.",
                fields.join("; ")
            )));
            return false;
        }
        let problems = self.errors.with_untracked(|e| e.len());
        if problems > 0 {
            let s = if problems == 1 { "" } else { "s" };
            self.notify(Notice::Error(format!(
                "Correct the {problems} problem{s} listed at the top before {what}: a scenario file cannot \
                 hold them. Your work stays saved in this browser."
            )));
        }
        problems == 0
    }

    /// Downloads the current scenario as a file.
    pub fn export(&self) {
        if !self.ready_to_write("exporting") {
            return;
        }
        let filename = format!("{}.json", self.file_stem());
        if let Err(e) = browser::download(&filename, "application/json", &self.scenario_file()) {
            self.notify(Notice::Error(format!("The export failed: {e}")));
        }
    }

    /// The current scenario's scored result as CSV (every key-question count and result).
    pub fn scenario_csv(&self) -> String {
        let framework = self.framework_now();
        self.scenario.with_untracked(|(scenario, _)| {
            self.result
                .with_untracked(|result| csv::to_csv(framework, scenario, result))
        })
    }

    /// Downloads the current scenario's counts and results as `<scenario name>.csv`.
    /// Like the file export, it waits until the problems listed at the top are
    /// corrected, so the spreadsheet always holds what was typed.
    pub fn export_csv(&self) {
        if !self.ready_to_write("exporting CSV") {
            return;
        }
        let filename = format!("{}.csv", self.file_stem());
        if let Err(e) = browser::download(&filename, "text/csv;charset=utf-8", &self.scenario_csv()) {
            self.notify(Notice::Error(format!("The CSV export failed: {e}")));
        }
    }

    /// The current scenario's name as a file name without extension: lower-case letters,
    /// digits and single hyphens (`scenario` when nothing is left).
    fn file_stem(&self) -> String {
        let name = self.library.with_untracked(|l| l.current().name.clone());
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let words: Vec<&str> = safe.split('-').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            "scenario".to_owned()
        } else {
            words.join("-")
        }
    }

    /// The share link of the current scenario, if it can be written as a file.
    pub fn share_link(&self) -> Option<String> {
        if !self.ready_to_write("sharing") {
            return None;
        }
        let value = self.scenario_to_write().to_value_with(self.framework_now());
        let compact = serde_json::to_string(&value).unwrap_or_default();
        Some(format!(
            "{}{}",
            browser::address_without_hash(),
            share::fragment(&compact)
        ))
    }

    /// Opens a share link in the page's address, if there is one, then removes it from
    /// the address so a reload does not open it again.
    pub fn open_share_fragment(&self) {
        let hash = browser::location_hash();
        match share::from_fragment(&hash) {
            None => {}
            Some(Ok(text)) => {
                self.open_scenario_text(&text, "the shared scenario", " (shared)");
                browser::clear_hash();
            }
            Some(Err(message)) => {
                self.notify(Notice::Error(message));
                browser::clear_hash();
            }
        }
    }

    /// Renames the current scenario (its name is also its title in exported files).
    pub fn rename(&self, name: String) {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return;
        }
        self.library.update(|l| {
            let current = l.current_mut();
            current.name = name.clone();
            current.form.title = name;
        });
    }

    /// Deletes the current scenario, keeping it for undo. Deleting the last one leaves a
    /// blank one under the framework in use, as "New blank" does.
    pub fn delete_current(&self) {
        let mut deleted = None;
        let framework = self.framework_now();
        self.library
            .update(|l| deleted = Some(l.delete_current(framework)));
        self.deleted.set(deleted);
    }
}

/// "the shared scenario" as the start of a sentence.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
