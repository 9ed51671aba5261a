//! The user's named scenarios: switch, rename, duplicate, delete with undo.

use crate::model::{Form, StoredForm};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use yj_rating_engine::Framework;

/// A named scenario being worked on.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: u64,
    pub name: String,
    pub form: Form,
    /// The scenario this one is a what-if branch of, if it is one.
    pub branch_of: Option<u64>,
}

/// All the user's scenarios, one of them current.
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    pub scenarios: Vec<Named>,
    pub current: u64,
    next_id: u64,
    /// Frameworks the user imported (interned: see `crate::frameworks`).
    pub frameworks: Vec<&'static Framework>,
}

/// A deleted scenario and where it stood, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub scenario: Named,
    pub was_current: bool,
}

impl Library {
    /// A library holding one blank scenario.
    pub fn new(framework: &Framework) -> Library {
        let mut library = Library {
            scenarios: Vec::new(),
            current: 0,
            next_id: 1,
            frameworks: Vec::new(),
        };
        library.add("Scenario 1".into(), Form::blank(framework));
        library
    }

    /// Adds a scenario and makes it current; returns its id.
    pub fn add(&mut self, name: String, form: Form) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.scenarios.push(Named {
            id,
            name,
            form,
            branch_of: None,
        });
        self.current = id;
        id
    }

    /// A name not yet used, built from `base`: `base`, `base (2)`, ...
    pub fn unused_name(&self, base: &str) -> String {
        let taken = |name: &str| self.scenarios.iter().any(|s| s.name == name);
        if !taken(base) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !taken(name))
            .unwrap_or_default()
    }

    /// The current scenario. A library always has one.
    pub fn current(&self) -> &Named {
        let found = self.scenarios.iter().find(|s| s.id == self.current);
        found
            .or(self.scenarios.first())
            .expect("a library always holds a scenario")
    }

    /// The current scenario, to edit.
    pub fn current_mut(&mut self) -> &mut Named {
        let index = self
            .scenarios
            .iter()
            .position(|s| s.id == self.current)
            .unwrap_or(0);
        &mut self.scenarios[index]
    }

    /// Makes a scenario current, if it exists.
    pub fn select(&mut self, id: u64) {
        if self.scenarios.iter().any(|s| s.id == id) {
            self.current = id;
        }
    }

    /// Copies the current scenario under a new name and makes the copy current.
    pub fn duplicate_current(&mut self) -> u64 {
        let source = self.current().clone();
        let name = self.unused_name(&format!("Copy of {}", source.name));
        self.add(name, source.form)
    }

    /// Deletes the current scenario; a blank one takes its place if it was the last.
    pub fn delete_current(&mut self, framework: &Framework) -> Deleted {
        let index = self
            .scenarios
            .iter()
            .position(|s| s.id == self.current)
            .unwrap_or(0);
        let scenario = self.scenarios.remove(index);
        if self.scenarios.is_empty() {
            let name = self.unused_name("Scenario 1");
            self.add(name, Form::blank(framework));
        } else {
            self.current = self.scenarios[index.min(self.scenarios.len() - 1)].id;
        }
        Deleted {
            index,
            scenario,
            was_current: true,
        }
    }

    /// Puts a deleted scenario back where it was and makes it current.
    pub fn restore(&mut self, deleted: Deleted) {
        let index = deleted.index.min(self.scenarios.len());
        self.current = deleted.scenario.id;
        self.next_id = self.next_id.max(deleted.scenario.id + 1);
        // Its imported framework may have been removed since (nothing used it then); the
        // interned copy outlives the removal, so it comes back with the scenario.
        let framework = &deleted.scenario.form.framework;
        if !self.known().iter().any(|f| &f.id == framework) {
            if let Some(imported) = crate::frameworks::find(framework) {
                self.add_framework(imported);
            }
        }
        self.scenarios.insert(index, deleted.scenario);
    }

    /// The library as stored.
    pub fn to_stored(&self, frameworks: &[&Framework]) -> StoredLibrary {
        let frameworks: Vec<&Framework> = frameworks
            .iter()
            .copied()
            .chain(self.frameworks.iter().copied())
            .collect();
        let scenarios = self
            .scenarios
            .iter()
            .map(|s| {
                let framework = frameworks
                    .iter()
                    .find(|f| f.id == s.form.framework)
                    .unwrap_or(&frameworks[0]);
                StoredScenario {
                    id: s.id,
                    name: s.name.clone(),
                    form: StoredForm::from_form(&s.form, framework),
                    branch_of: s.branch_of,
                }
            })
            .collect();
        StoredLibrary {
            version: 1,
            current: self.current,
            scenarios,
            frameworks: self
                .frameworks
                .iter()
                .filter_map(|f| serde_json::to_value(f).ok())
                .collect(),
        }
    }

    /// Restores a stored library. Scenarios that cannot be read are returned apart,
    /// with the reason, so they can be kept aside rather than lost.
    pub fn from_stored(
        stored: StoredLibrary,
        frameworks: &[&Framework],
    ) -> (Library, Vec<(StoredScenario, String)>) {
        let mut library = Library {
            scenarios: Vec::new(),
            current: stored.current,
            next_id: 1,
            frameworks: Vec::new(),
        };
        let mut unreadable = Vec::new();
        for (i, value) in stored.frameworks.into_iter().enumerate() {
            match crate::frameworks::read_stored(&value) {
                Ok(framework) => library.add_framework(framework),
                // Kept aside like a scenario, so the storage code needs no new case.
                Err(reason) => unreadable.push((crate::frameworks::aside(i, value), reason)),
            }
        }
        for saved in stored.scenarios {
            library.next_id = library.next_id.max(saved.id + 1);
            let known: Vec<&Framework> = frameworks
                .iter()
                .copied()
                .chain(library.frameworks.iter().copied())
                .collect();
            match saved.form.to_form_and_framework(&known) {
                Ok((form, carried)) => {
                    if let Some(framework) = carried {
                        library.add_framework(crate::frameworks::intern(framework));
                    }
                    library.scenarios.push(Named {
                        id: saved.id,
                        name: saved.name,
                        form,
                        branch_of: saved.branch_of,
                    })
                }
                Err(err) => {
                    let reason = err.to_string();
                    unreadable.push((saved, reason));
                }
            }
        }
        if library.scenarios.is_empty() {
            let name = library.unused_name("Scenario 1");
            library.add(name, Form::blank(frameworks[0]));
        }
        if !library.scenarios.iter().any(|s| s.id == library.current) {
            library.current = library.scenarios[0].id;
        }
        library.forget_lost_originals();
        (library, unreadable)
    }
}

/// The library as kept in local storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredLibrary {
    pub version: u32,
    pub current: u64,
    pub scenarios: Vec<StoredScenario>,
    /// Imported frameworks, as framework files (absent in libraries saved before them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Value>,
}

/// One scenario as kept in local storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredScenario {
    pub id: u64,
    pub name: String,
    pub form: StoredForm,
    /// The id of the scenario this one is a what-if branch of (absent: not a branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_of: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cases_path;

    fn youth() -> &'static Framework {
        Framework::youth_2018()
    }

    #[test]
    fn duplicate_delete_and_undo() {
        let mut library = Library::new(youth());
        library
            .current_mut()
            .form
            .set_text(&cases_path("2.1"), "4".into());
        let copy = library.duplicate_current();
        assert_eq!(library.current().name, "Copy of Scenario 1");
        assert_eq!(library.current().form.text(&cases_path("2.1")), "4");
        let deleted = library.delete_current(youth());
        assert_eq!(library.scenarios.len(), 1);
        assert_ne!(library.current, copy);
        library.restore(deleted);
        assert_eq!(library.current, copy);
        assert_eq!(library.scenarios.len(), 2);
    }

    #[test]
    fn deleting_the_last_scenario_leaves_a_blank_one() {
        let mut library = Library::new(youth());
        library.delete_current(youth());
        assert_eq!(library.scenarios.len(), 1);
        assert_eq!(library.current().form, Form::blank(youth()));
    }

    #[test]
    fn names_are_not_reused() {
        let mut library = Library::new(youth());
        assert_eq!(library.unused_name("Scenario 1"), "Scenario 1 (2)");
        library.add("Scenario 1 (2)".into(), Form::blank(youth()));
        assert_eq!(library.unused_name("Scenario 1"), "Scenario 1 (3)");
    }

    #[test]
    fn stored_library_round_trips_and_sets_aside_unreadable_scenarios() {
        let mut library = Library::new(youth());
        library.current_mut().form.title = "Kept".into();
        let mut stored = library.to_stored(&Framework::builtins());
        let mut broken = stored.scenarios[0].clone();
        broken.id = 7;
        broken.form.scenario = serde_json::json!({ "format": "something else" });
        stored.scenarios.push(broken);
        let (back, unreadable) = Library::from_stored(stored, &Framework::builtins());
        assert_eq!(back.scenarios, library.scenarios);
        assert_eq!(unreadable.len(), 1);
        assert_eq!(unreadable[0].0.id, 7);
        // Ids of unreadable scenarios are never handed out again.
        let mut back = back;
        assert_eq!(back.add("New".into(), Form::blank(youth())), 8);
    }

    /// A library stored before rule 1.4 asked discretion to follow its flags: 2.1 at
    /// 60/100 (Too few, below the 65% boundary: the flag points up) moved one band down.
    pub(crate) const STORED_AGAINST_THE_FLAGS: &str = r#"{"version":1,"current":1,"scenarios":[
        {"id":1,"name":"Saved before the revision","form":{"scenario":{
            "format":"yj-rating-scenario","version":1,"framework":"youth-2018","rounding":"exact",
            "standards":{"2.1":{"cases":100,"key_questions":{
                "desistance":{"relevant":100,"yes":60},"safety":{"relevant":0,"yes":0},
                "others":{"relevant":0,"yes":0}},
                "discretion":{"rating":"Inadequate","reason":"The work was weak"}}}}}}]}"#;

    #[test]
    fn discretion_stored_against_the_flags_loads_is_kept_and_reported() {
        let stored: StoredLibrary = serde_json::from_str(STORED_AGAINST_THE_FLAGS).unwrap();
        let (library, unreadable) = Library::from_stored(stored.clone(), &Framework::builtins());
        assert!(unreadable.is_empty(), "{unreadable:?}");
        let form = &library.current().form;
        assert_eq!(
            form.discretion.get("2.1"),
            Some(&yj_rating_engine::Rating::Inadequate)
        );
        assert_eq!(form.text(&crate::model::reason_path("2.1")), "The work was weak");
        // Reported, and the mechanical rating scores meanwhile.
        let (scenario, _) = form.to_scenario(youth());
        let result = yj_rating_engine::score(youth(), &scenario);
        let assessment = &result.standards[4];
        assert_eq!(
            assessment.rating,
            Some(yj_rating_engine::Rating::RequiresImprovement)
        );
        assert!(!assessment.changed_by_discretion);
        let problems: Vec<String> = scenario
            .problems(youth())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "standards.2.1.discretion: no flag points down: discretion may only go one band up from the \
              mechanical rating (Requires improvement), to Good"
            ]
        );
        // Nothing saved is lost or silently changed: stored again, it is as it was.
        assert_eq!(library.to_stored(&Framework::builtins()), stored);
    }
}
