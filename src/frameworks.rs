//! Frameworks the app knows: the built-in ones and those the user imports (rule book
//! section 5), and what the user does with them: import, remove, start a scenario
//! under one, convert a scenario to another.
//!
//! Imported frameworks are *interned*: each distinct framework is leaked once and
//! reused, so every part of the app keeps the `&'static Framework` the built-in ones
//! have, a memo compares frameworks by pointer, and no view needs a lifetime or a
//! reference count. The cost is bounded: one copy (a few kilobytes) per distinct
//! framework imported in a page's life; importing the same file again reuses it.

use crate::library::{Library, StoredScenario};
use crate::model::{Form, StoredForm};
use crate::state::{frameworks, AppState, Notice};
use leptos::prelude::*;
use serde_json::Value;
use std::cell::RefCell;
use yj_rating_engine::{convert, Framework};

thread_local! {
    static INTERNED: RefCell<Vec<&'static Framework>> = const { RefCell::new(Vec::new()) };
}

/// The one shared copy of a framework: a built-in one, or an imported one leaked once.
pub fn intern(framework: Framework) -> &'static Framework {
    if let Some(builtin) = Framework::builtins().into_iter().find(|b| **b == framework) {
        return builtin;
    }
    INTERNED.with_borrow_mut(|pool| {
        if let Some(found) = pool.iter().find(|f| ***f == framework) {
            return *found;
        }
        let leaked: &'static Framework = Box::leak(Box::new(framework));
        pool.push(leaked);
        leaked
    })
}

/// The framework with this id among the built-in and the most recently interned ones.
pub fn find(id: &str) -> Option<&'static Framework> {
    Framework::builtin(id)
        .or_else(|| INTERNED.with_borrow(|pool| pool.iter().rev().find(|f| f.id == id).copied()))
}

/// Reads a stored framework file, interned.
pub fn read_stored(value: &Value) -> Result<&'static Framework, String> {
    Framework::from_value(value)
        .map(intern)
        .map_err(|err| err.to_string())
}

/// An unreadable stored framework, wrapped so it is kept aside with the scenarios.
pub fn aside(index: usize, value: Value) -> StoredScenario {
    StoredScenario {
        id: 0,
        name: format!(
            "imported framework {} (a framework file, not a scenario)",
            index + 1
        ),
        form: StoredForm {
            scenario: value,
            unparsed: Default::default(),
        },
        branch_of: None,
    }
}

impl Library {
    /// Every framework a scenario may use: the built-in ones, then the imported ones.
    pub fn known(&self) -> Vec<&'static Framework> {
        frameworks()
            .into_iter()
            .chain(self.frameworks.iter().copied())
            .collect()
    }

    /// The framework a form names (the first built-in if it names none we know).
    pub fn framework_of(&self, form: &Form) -> &'static Framework {
        let known = self.frameworks.iter().copied().find(|f| f.id == form.framework);
        known.or_else(|| find(&form.framework)).unwrap_or(frameworks()[0])
    }

    /// Adds an imported framework, unless it is built in or already here.
    pub fn add_framework(&mut self, framework: &'static Framework) {
        if !framework.is_builtin() && !self.frameworks.iter().any(|f| std::ptr::eq(*f, framework)) {
            self.frameworks.push(framework);
        }
    }

    /// The names of the scenarios that use a framework.
    pub fn users_of(&self, id: &str) -> Vec<String> {
        self.scenarios
            .iter()
            .filter(|s| s.form.framework == id)
            .map(|s| s.name.clone())
            .collect()
    }
}

/// Why an imported framework cannot join the library, if it cannot.
fn clash(library: &Library, framework: &Framework) -> Option<String> {
    let same_id = library.known().into_iter().find(|f| f.id == framework.id)?;
    if same_id == framework {
        return Some(format!(
            "\u{201c}{}\u{201d} ({}) is already available: choose it below.",
            framework.name, framework.id
        ));
    }
    Some(if same_id.is_builtin() {
        format!(
            "its id \u{201c}{}\u{201d} is the id of a built-in framework: give it another id",
            framework.id
        )
    } else {
        format!(
            "a different framework with the id \u{201c}{}\u{201d} is already imported: remove that one first, \
             or give this one another id",
            framework.id
        )
    })
}

/// A conversion waiting for the user to confirm it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingConversion {
    pub to: &'static Framework,
    pub dropped: Vec<String>,
}

impl AppState {
    /// Imports a framework file's text; returns the id of the framework now available.
    /// `source` names it for messages, e.g. "\u{201c}themes.json\u{201d}".
    pub fn import_framework_text(&self, text: &str, source: &str) -> Option<String> {
        let framework = match Framework::from_json_str(text) {
            Ok(framework) => framework,
            Err(err) => {
                self.notify(Notice::Error(format!(
                    "{source} could not be imported as a framework: {}.",
                    crate::words::problem_list(&err)
                )));
                return None;
            }
        };
        if let Some(reason) = self.library.with_untracked(|l| clash(l, &framework)) {
            if reason.ends_with("choose it below.") {
                self.notify(Notice::Info(reason));
                return Some(framework.id);
            }
            self.notify(Notice::Error(format!(
                "{source} could not be imported as a framework: {reason}."
            )));
            return None;
        }
        let framework = intern(framework);
        self.library.update(|l| l.add_framework(framework));
        self.notify(Notice::Info(format!(
            "Imported the framework \u{201c}{}\u{201d}. Start a scenario under it, or convert this one to it, below.",
            framework.name
        )));
        Some(framework.id.clone())
    }

    /// Removes an imported framework, unless a scenario uses it.
    pub fn remove_framework(&self, id: &str) {
        let users = self.library.with_untracked(|l| l.users_of(id));
        if !users.is_empty() {
            let names: Vec<String> = users.iter().map(|n| format!("\u{201c}{n}\u{201d}")).collect();
            self.notify(Notice::Error(format!(
                "The framework \u{201c}{id}\u{201d} cannot be removed while scenarios use it: {}. Convert or delete \
                 them first.",
                names.join(", ")
            )));
            return;
        }
        self.library.update(|l| l.frameworks.retain(|f| f.id != id));
        self.notify(Notice::Info(format!(
            "Removed the framework \u{201c}{id}\u{201d}. Import its file again to bring it back."
        )));
    }

    /// Starts a blank scenario under a framework.
    pub fn new_blank_under(&self, framework: &'static Framework) {
        self.library.update(|l| {
            let name = l.unused_name("Scenario 1");
            let mut form = Form::blank(framework);
            form.title = name.clone();
            l.add(name, form);
        });
    }

    /// What converting the current scenario to `to` would drop, for the user to confirm.
    pub fn prepare_conversion(&self, to: &'static Framework) -> PendingConversion {
        let from = self.framework_now();
        let dropped = self
            .scenario
            .with_untracked(|(scenario, _)| convert(scenario, from, to).dropped);
        PendingConversion { to, dropped }
    }

    /// Converts the current scenario to another framework as a new scenario, leaving
    /// the original as it was (so nothing is lost, even what is dropped).
    pub fn convert_current(&self, to: &'static Framework) {
        let from = self.framework_now();
        let converted = self
            .scenario
            .with_untracked(|(scenario, _)| convert(scenario, from, to));
        let mut form = Form::from_scenario(&converted.scenario);
        let name = self.library.with_untracked(|l| {
            let base = format!("{} ({})", l.current().name, to.id);
            l.unused_name(&base)
        });
        form.title = name.clone();
        self.library.update(|l| {
            l.add(name.clone(), form);
        });
        let dropped = converted.dropped.len();
        let note = match dropped {
            0 => "nothing was dropped".to_owned(),
            1 => "1 entry was left out".to_owned(),
            n => format!("{n} entries were left out"),
        };
        self.notify(Notice::Info(format!(
            "Converted to {} as a new scenario, \u{201c}{name}\u{201d} ({note}). The original is unchanged.",
            to.name
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cases_path;

    const THEME: &str = include_str!("../examples/frameworks/theme-inspection.json");

    fn theme() -> &'static Framework {
        intern(Framework::from_json_str(THEME).unwrap())
    }

    #[test]
    fn interning_keeps_one_copy_of_each_framework() {
        assert!(std::ptr::eq(theme(), theme()));
        assert!(std::ptr::eq(
            intern(Framework::youth_2021().clone()),
            Framework::youth_2021()
        ));
        let mut other = Framework::from_json_str(THEME).unwrap();
        other.name = "Another".into();
        assert!(!std::ptr::eq(intern(other), theme()));
        assert!(find("theme-inspection").is_some());
    }

    #[test]
    fn imported_frameworks_are_stored_and_read_back() {
        let mut library = Library::new(Framework::youth_2018());
        library.add_framework(theme());
        library.add_framework(theme());
        library.add_framework(Framework::youth_2021());
        assert_eq!(library.frameworks.len(), 1);
        let mut form = Form::blank(theme());
        form.set_text(&cases_path("T1"), "4".into());
        form.set_text(&cases_path("T2"), "x".into());
        library.add("Themes".into(), form.clone());
        assert_eq!(library.users_of("theme-inspection"), ["Themes"]);
        let stored = library.to_stored(&frameworks());
        assert_eq!(stored.frameworks.len(), 1);
        let text = serde_json::to_string(&stored).unwrap();
        let (back, unreadable) = Library::from_stored(serde_json::from_str(&text).unwrap(), &frameworks());
        assert!(unreadable.is_empty());
        assert_eq!(back, library);
        assert!(std::ptr::eq(back.framework_of(&form), theme()));
    }

    #[test]
    fn libraries_saved_before_frameworks_still_load_and_bad_frameworks_are_kept_aside() {
        let library = Library::new(Framework::youth_2018());
        let mut value = serde_json::to_value(library.to_stored(&frameworks())).unwrap();
        assert!(value.get("frameworks").is_none());
        let (back, unreadable) =
            Library::from_stored(serde_json::from_value(value.clone()).unwrap(), &frameworks());
        assert_eq!((back, unreadable.len()), (library, 0));
        value["frameworks"] = serde_json::json!([{ "format": "yj-rating-framework" }]);
        let (back, unreadable) = Library::from_stored(serde_json::from_value(value).unwrap(), &frameworks());
        assert!(back.frameworks.is_empty());
        assert_eq!(unreadable.len(), 1);
        assert!(unreadable[0].1.contains("missing field"), "{}", unreadable[0].1);
        assert_eq!(unreadable[0].0.form.scenario["format"], "yj-rating-framework");
    }

    #[test]
    fn a_stored_scenario_carrying_its_framework_brings_it_back() {
        let mut library = Library::new(Framework::youth_2018());
        library.add_framework(theme());
        library.add("Themes".into(), Form::blank(theme()));
        let mut stored = library.to_stored(&frameworks());
        stored.frameworks.clear();
        let (back, unreadable) = Library::from_stored(stored, &frameworks());
        assert!(unreadable.is_empty());
        assert_eq!(back.frameworks.len(), 1);
        assert_eq!(back.frameworks[0].id, "theme-inspection");
    }

    #[test]
    fn undoing_a_delete_brings_back_the_framework_removed_since() {
        let mut library = Library::new(Framework::youth_2018());
        library.add_framework(theme());
        let mut form = Form::blank(theme());
        form.set_text(&cases_path("T1"), "4".into());
        library.add("Themes".into(), form.clone());
        let deleted = library.delete_current(Framework::youth_2018());
        assert!(library.users_of("theme-inspection").is_empty());
        library.frameworks.retain(|f| f.id != "theme-inspection");
        library.restore(deleted);
        assert_eq!(library.current().name, "Themes");
        assert_eq!(library.frameworks.len(), 1);
        assert!(std::ptr::eq(library.framework_of(&form), theme()));
    }
}
