//! The library as the browser keeps it (local storage holds it as JSON): every
//! scenario as a scenario file plus the texts that file cannot hold, and the imported
//! frameworks as framework files. Reading it back never loses anything: what cannot be
//! read is returned apart, with the reason, so the app can keep it aside.

use crate::form::{Form, StoredForm};
use crate::frameworks::{builtins, refs};
use crate::library::{Library, Named};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use yj_rating_engine::Framework;

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

/// Stored data that could not be read, and why: kept aside, never dropped.
pub type Unreadable = (StoredScenario, String);

impl StoredLibrary {
    /// Reads a library as saved, through the engine's one strict JSON reader (as every
    /// file and link is read), then its structure from that value: one JSON parser in
    /// the page, not a second one specialised for the library.
    ///
    /// # Errors
    /// Text that is not JSON, or not a stored library, in words.
    ///
    /// ```
    /// use yj_rating_workbook::{Library, StoredLibrary};
    /// let library = Library::new(yj_rating_engine::Framework::youth_2018());
    /// let text = serde_json::to_string(&StoredLibrary::from_library(&library)).unwrap();
    /// assert_eq!(StoredLibrary::from_json_str(&text).unwrap().into_library().0, library);
    /// assert_eq!(StoredLibrary::from_json_str("{}").unwrap_err(), "missing field `version`");
    /// ```
    pub fn from_json_str(text: &str) -> Result<StoredLibrary, String> {
        let value = yj_rating_engine::parse_json(text).map_err(|err| err.to_string())?;
        StoredLibrary::deserialize(&value).map_err(|err| err.to_string())
    }

    /// The library as stored.
    ///
    /// ```
    /// use yj_rating_workbook::{Library, StoredLibrary};
    /// let library = Library::new(yj_rating_engine::Framework::youth_2018());
    /// let (back, unreadable) = StoredLibrary::from_library(&library).into_library();
    /// assert_eq!((back, unreadable.len()), (library, 0));
    /// ```
    pub fn from_library(library: &Library) -> StoredLibrary {
        let scenarios = library
            .scenarios
            .iter()
            .map(|s| StoredScenario {
                id: s.id,
                name: s.name.clone(),
                form: StoredForm::from_form(&s.form, &library.framework_of(&s.form)),
                branch_of: s.branch_of,
            })
            .collect();
        StoredLibrary {
            version: 1,
            current: library.current,
            scenarios,
            frameworks: library
                .imported()
                .iter()
                .filter_map(|f| serde_json::to_value(&**f).ok())
                .collect(),
        }
    }

    /// Restores a stored library. Scenarios and frameworks that cannot be read are
    /// returned apart, with the reason, so they can be kept aside rather than lost.
    pub fn into_library(self) -> (Library, Vec<Unreadable>) {
        let mut library = Library::empty();
        library.current = self.current;
        let mut unreadable = Vec::new();
        for (i, value) in self.frameworks.into_iter().enumerate() {
            match Framework::from_value(&value) {
                Ok(framework) => {
                    library.add_framework(Arc::new(framework));
                }
                // Kept aside like a scenario, so the storage code needs no new case.
                Err(err) => unreadable.push((framework_aside(i, value), err.to_string())),
            }
        }
        for saved in self.scenarios {
            library.next_id = library.next_id.max(saved.id + 1);
            let known = library.known();
            match saved.form.to_form_and_framework(&refs(&known)) {
                Ok((form, carried)) => {
                    if let Some(framework) = carried {
                        library.add_framework(Arc::new(framework));
                    }
                    library.scenarios.push(Named {
                        id: saved.id,
                        name: saved.name,
                        form,
                        branch_of: saved.branch_of,
                    })
                }
                Err(err) => unreadable.push((saved, err.to_string())),
            }
        }
        if library.scenarios.is_empty() {
            let [first, _] = builtins();
            let name = library.unused_name("Scenario 1");
            library.add(name, Form::blank(&first));
        }
        if !library.scenarios.iter().any(|s| s.id == library.current) {
            library.current = library.scenarios[0].id;
        }
        library.forget_lost_originals();
        (library, unreadable)
    }
}

/// An unreadable stored framework, wrapped so it is kept aside with the scenarios.
fn framework_aside(index: usize, value: Value) -> StoredScenario {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{cases_path, reason_path};
    use crate::test_support::{theme, youth};

    fn round_trip(library: &Library) -> (Library, Vec<Unreadable>) {
        let text = serde_json::to_string(&StoredLibrary::from_library(library)).unwrap();
        StoredLibrary::from_json_str(&text).unwrap().into_library()
    }

    #[test]
    fn stored_library_round_trips_and_sets_aside_unreadable_scenarios() {
        let mut library = Library::new(youth());
        library.current_mut().form.title = "Kept".into();
        let mut stored = StoredLibrary::from_library(&library);
        let mut broken = stored.scenarios[0].clone();
        broken.id = 7;
        broken.form.scenario = serde_json::json!({ "format": "something else" });
        stored.scenarios.push(broken);
        let (back, unreadable) = stored.into_library();
        assert_eq!(back.scenarios, library.scenarios);
        assert_eq!(unreadable.len(), 1);
        assert_eq!(unreadable[0].0.id, 7);
        // Ids of unreadable scenarios are never handed out again.
        let mut back = back;
        assert_eq!(back.add("New".into(), Form::blank(youth())), 8);
    }

    /// A library stored by the version before the workbook crate (2026-12-05): two
    /// scenarios, one a what-if branch with a discretion reason and text not yet a
    /// number, and an imported framework. It must load unchanged, and store back as it was.
    const STORED_BEFORE_THE_WORKBOOK: &str = include_str!("../tests/stored-2026-12-05.json");

    #[test]
    fn a_library_stored_by_the_previous_version_loads_unchanged() {
        let stored: StoredLibrary = StoredLibrary::from_json_str(STORED_BEFORE_THE_WORKBOOK).unwrap();
        let (library, unreadable) = stored.clone().into_library();
        assert!(unreadable.is_empty(), "{unreadable:?}");
        assert_eq!(library.scenarios.len(), 3);
        assert_eq!(library.imported().len(), 1);
        let branch = library.current();
        assert_eq!(branch.name, "What-if: Torbay");
        assert_eq!(
            library.original_of_current().map(|o| o.name.as_str()),
            Some("Torbay")
        );
        assert_eq!(branch.form.text(&cases_path("2.1")), "4x");
        assert_eq!(branch.form.text(&reason_path("1.1")), "Strong partnership work");
        let themes = library.scenarios.iter().find(|s| s.name == "Themes").unwrap();
        assert_eq!(library.framework_of(&themes.form).id, "theme-inspection");
        assert_eq!(StoredLibrary::from_library(&library), stored);
    }

    #[test]
    fn the_branch_link_is_stored_and_old_libraries_still_load() {
        let mut library = Library::new(youth());
        let original = library.current;
        library.branch_current();
        let text = serde_json::to_string(&StoredLibrary::from_library(&library)).unwrap();
        assert!(text.contains(&format!("\"branch_of\":{original}")));
        let (back, unreadable) = round_trip(&library);
        assert!(unreadable.is_empty());
        assert_eq!(back.original_of_current().map(|o| o.id), Some(original));

        // A library saved before branches existed has no "branch_of" field.
        let old = serde_json::to_string(&StoredLibrary::from_library(&Library::new(youth()))).unwrap();
        assert!(!old.contains("branch_of"));
        let (back, _) = StoredLibrary::from_json_str(&old).unwrap().into_library();
        assert_eq!(back.scenarios[0].branch_of, None);
        assert_eq!(back.scenarios[0].form, Form::blank(youth()));
    }

    #[test]
    fn imported_frameworks_are_stored_and_read_back() {
        let mut library = Library::new(youth());
        library.import_framework(theme());
        let mut form = Form::blank(&theme());
        form.set_text(&cases_path("T1"), "4".into());
        form.set_text(&cases_path("T2"), "x".into());
        library.add("Themes".into(), form.clone());
        assert_eq!(StoredLibrary::from_library(&library).frameworks.len(), 1);
        let (back, unreadable) = round_trip(&library);
        assert!(unreadable.is_empty());
        assert_eq!(back, library);
        assert_eq!(*back.framework_of(&form), theme());
    }

    #[test]
    fn libraries_saved_before_frameworks_still_load_and_bad_frameworks_are_kept_aside() {
        let library = Library::new(youth());
        let mut value = serde_json::to_value(StoredLibrary::from_library(&library)).unwrap();
        assert!(value.get("frameworks").is_none());
        let read = |value: &Value| {
            serde_json::from_value::<StoredLibrary>(value.clone())
                .unwrap()
                .into_library()
        };
        let (back, unreadable) = read(&value);
        assert_eq!((back, unreadable.len()), (library, 0));
        value["frameworks"] = serde_json::json!([{ "format": "yj-rating-framework" }]);
        let (back, unreadable) = read(&value);
        assert!(back.imported().is_empty());
        assert_eq!(unreadable.len(), 1);
        assert!(unreadable[0].1.contains("missing field"), "{}", unreadable[0].1);
        assert_eq!(unreadable[0].0.form.scenario["format"], "yj-rating-framework");
    }

    #[test]
    fn a_stored_scenario_carrying_its_framework_brings_it_back() {
        let mut library = Library::new(youth());
        library.import_framework(theme());
        library.add("Themes".into(), Form::blank(&theme()));
        let mut stored = StoredLibrary::from_library(&library);
        stored.frameworks.clear();
        let (back, unreadable) = stored.into_library();
        assert!(unreadable.is_empty());
        assert_eq!(back.imported().len(), 1);
        assert_eq!(back.imported()[0].id, "theme-inspection");
    }

    /// A library stored before rule 1.4 asked discretion to follow its flags: 2.1 at
    /// 60/100 (Too few, below the 65% boundary: the flag points up) moved one band down.
    const STORED_AGAINST_THE_FLAGS: &str = r#"{"version":1,"current":1,"scenarios":[
        {"id":1,"name":"Saved before the revision","form":{"scenario":{
            "format":"yj-rating-scenario","version":1,"framework":"youth-2018","rounding":"exact",
            "standards":{"2.1":{"cases":100,"key_questions":{
                "desistance":{"relevant":100,"yes":60},"safety":{"relevant":0,"yes":0},
                "others":{"relevant":0,"yes":0}},
                "discretion":{"rating":"Inadequate","reason":"The work was weak"}}}}}}]}"#;

    #[test]
    fn discretion_stored_against_the_flags_loads_is_kept_and_reported() {
        let stored: StoredLibrary = StoredLibrary::from_json_str(STORED_AGAINST_THE_FLAGS).unwrap();
        let (library, unreadable) = stored.clone().into_library();
        assert!(unreadable.is_empty(), "{unreadable:?}");
        let form = &library.current().form;
        assert_eq!(
            form.discretion.get("2.1"),
            Some(&yj_rating_engine::Rating::Inadequate)
        );
        assert_eq!(form.text(&reason_path("2.1")), "The work was weak");
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
        assert_eq!(StoredLibrary::from_library(&library), stored);
    }
}
