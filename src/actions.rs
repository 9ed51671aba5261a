//! What the scenario controls do: new, example, import, export, share links.

use crate::browser;
use crate::model::{Form, StoredForm};
use crate::share;
use crate::state::{framework_of, frameworks, AppState, Notice};
use leptos::prelude::*;
use yj_rating_engine::{Framework, Scenario};

/// The Torbay 2021 worked example of the rule book.
pub const TORBAY_EXAMPLE: &str = include_str!("../examples/torbay-2021.json");

impl AppState {
    /// Starts a blank scenario.
    pub fn new_blank(&self) {
        self.library.update(|l| {
            let name = l.unused_name("Scenario 1");
            let mut form = Form::blank(frameworks()[0]);
            form.title = name.clone();
            l.add(name, form);
        });
    }

    /// Opens a scenario file's text as a new scenario (never replacing one).
    /// `source` names where it came from, for messages.
    pub fn open_scenario_text(&self, text: &str, source: &str, name_suffix: &str) -> bool {
        match Scenario::draft_from_json_str(text, &frameworks()) {
            Ok((scenario, _)) => {
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
                    "Opened {source} as a new scenario, \u{201c}{name}\u{201d}. Your other scenarios are unchanged."
                )));
                true
            }
            Err(err) => {
                let problems: Vec<String> = err.problems().iter().take(5).map(|p| p.to_string()).collect();
                let more = err.problems().len().saturating_sub(5);
                let more = if more > 0 {
                    format!(" (and {more} more)")
                } else {
                    String::new()
                };
                self.notify(Notice::Error(format!(
                    "{source} could not be opened as a scenario: {}{more}.",
                    problems.join("; ")
                )));
                false
            }
        }
    }

    /// Opens the worked example as a new scenario.
    pub fn load_example(&self) {
        self.open_scenario_text(TORBAY_EXAMPLE, "The Torbay 2021 example", "");
    }

    /// The current scenario as a scenario file.
    pub fn scenario_file(&self) -> String {
        let form = self.form.get_untracked();
        let framework: &Framework = framework_of(&form);
        let (scenario, _) = form.to_scenario(framework);
        scenario.to_json_string_with(framework)
    }

    /// Downloads the current scenario as a file.
    pub fn export(&self) {
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
        let filename = format!("{}.json", safe.trim_matches('-'));
        if let Err(e) = browser::download(&filename, "application/json", &self.scenario_file()) {
            self.notify(Notice::Error(format!("The export failed: {e}")));
        }
    }

    /// The share link of the current scenario.
    pub fn share_link(&self) -> String {
        let form = self.form.get_untracked();
        let framework = framework_of(&form);
        let stored = StoredForm::from_form(&form, framework);
        let compact = serde_json::to_string(&stored.scenario).unwrap_or_default();
        format!("{}{}", browser::address_without_hash(), share::fragment(&compact))
    }

    /// Opens a share link in the page's address, if there is one, then removes it from
    /// the address so a reload does not open it again.
    pub fn open_share_fragment(&self) {
        let hash = browser::location_hash();
        match share::from_fragment(&hash) {
            None => {}
            Some(Ok(text)) => {
                self.open_scenario_text(&text, "The shared scenario", " (shared)");
                browser::clear_hash();
            }
            Some(Err(message)) => {
                self.notify(Notice::Error(message.to_owned()));
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

    /// Deletes the current scenario, keeping it for undo.
    pub fn delete_current(&self) {
        let mut deleted = None;
        self.library
            .update(|l| deleted = Some(l.delete_current(frameworks()[0])));
        self.deleted.set(deleted);
    }
}
