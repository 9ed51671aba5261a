//! The user's named scenarios and the frameworks they use: switch, rename, duplicate,
//! delete with undo, what-if branches, import and convert. Every change the app makes
//! to what the user has is one method here, tested natively; the app applies it and
//! says what happened.
//!
//! What-if branches: a copy of a scenario that remembers which scenario it was branched
//! from, so the two can be compared side by side. Keeping a branch makes it an ordinary
//! scenario; discarding it deletes it and returns to the original. A branch whose
//! original has been deleted is an ordinary scenario too (the link is forgotten on the
//! next load, and until then an undone delete brings the comparison back).

use crate::form::Form;
use crate::frameworks::{builtin_frameworks, refs};
use std::borrow::Cow;
use std::sync::Arc;
use yj_rating_engine::{convert, Framework, Scenario};

/// A named scenario being worked on.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: u64,
    pub name: String,
    pub form: Form,
    /// The scenario this one is a what-if branch of, if it is one.
    pub branch_of: Option<u64>,
}

/// All the user's scenarios, one of them current, and the frameworks they imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    pub scenarios: Vec<Named>,
    pub current: u64,
    pub(crate) next_id: u64,
    imported: Vec<Arc<Framework>>,
}

/// A deleted scenario and where it stood, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub scenario: Named,
    /// The imported framework it used, brought back with it if removed meanwhile.
    pub framework: Option<Arc<Framework>>,
}

/// What importing a framework file came to.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkImport {
    /// It is now available.
    Added(Arc<Framework>),
    /// The same framework is already available (built in or imported).
    AlreadyAvailable(Arc<Framework>),
    /// Refused: its id is a built-in framework's.
    IdOfBuiltin(String),
    /// Refused: a different framework with this id is already imported.
    IdTaken(String),
}

/// A scenario file opened as a new scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The new scenario's name.
    pub name: String,
    /// The framework the file carried, added because it was not known here.
    pub added_framework: Option<Arc<Framework>>,
}

/// A scenario converted to another framework, as a new scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    pub name: String,
    /// How many entries the other framework has no place for.
    pub dropped: usize,
}

impl Library {
    /// A library holding one blank scenario.
    ///
    /// ```
    /// use yj_rating_workbook::Library;
    /// let library = Library::new(yj_rating_engine::Framework::youth_2018());
    /// assert_eq!(library.current().name, "Scenario 1");
    /// ```
    pub fn new(framework: &Framework) -> Library {
        let mut library = Library::empty();
        library.add("Scenario 1".into(), Form::blank(framework));
        library
    }

    /// A library with no scenario yet (only while one is being read).
    pub(crate) fn empty() -> Library {
        Library {
            scenarios: Vec::new(),
            current: 0,
            next_id: 1,
            imported: Vec::new(),
        }
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

    /// Adds a scenario under a name not yet used, built from `base`, which is also its
    /// title; makes it current and returns the name.
    pub fn add_titled(&mut self, base: &str, mut form: Form) -> String {
        let name = self.unused_name(base);
        form.title = name.clone();
        self.add(name.clone(), form);
        name
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
        let index = self.current_index();
        &mut self.scenarios[index]
    }

    fn current_index(&self) -> usize {
        self.scenarios
            .iter()
            .position(|s| s.id == self.current)
            .unwrap_or(0)
    }

    /// Makes a scenario current, if it exists.
    pub fn select(&mut self, id: u64) {
        if self.scenarios.iter().any(|s| s.id == id) {
            self.current = id;
        }
    }

    /// Renames the current scenario (its name is also its title in exported files),
    /// exactly as given (a name being typed keeps its spaces); a blank name changes
    /// nothing. Returns whether it changed.
    pub fn rename_current(&mut self, name: &str) -> bool {
        if name.trim().is_empty() || self.current().name == name {
            return false;
        }
        let current = self.current_mut();
        current.name = name.to_owned();
        current.form.title = name.to_owned();
        true
    }

    /// Copies the current scenario under a new name and makes the copy current.
    pub fn duplicate_current(&mut self) -> u64 {
        let source = self.current().clone();
        let name = self.unused_name(&format!("Copy of {}", source.name));
        self.add(name, source.form)
    }

    /// Deletes the current scenario; a blank one under the same framework takes its
    /// place if it was the last.
    pub fn delete_current(&mut self) -> Deleted {
        let deleted = self.remove_current();
        if self.scenarios.is_empty() {
            let framework = self.framework_of(&deleted.scenario.form);
            let name = self.unused_name("Scenario 1");
            self.add(name, Form::blank(&framework));
        } else {
            self.current = self.scenarios[deleted.index.min(self.scenarios.len() - 1)].id;
        }
        deleted
    }

    /// Takes the current scenario out, with where it stood and the imported framework
    /// it used, for undo; the caller makes another current.
    fn remove_current(&mut self) -> Deleted {
        let framework = self.framework_of(&self.current().form);
        let index = self.current_index();
        Deleted {
            index,
            scenario: self.scenarios.remove(index),
            framework: (!framework.is_builtin()).then_some(framework),
        }
    }

    /// Puts a deleted scenario back where it was and makes it current (with its
    /// imported framework, if that was removed meanwhile).
    pub fn restore(&mut self, deleted: Deleted) {
        let index = deleted.index.min(self.scenarios.len());
        self.current = deleted.scenario.id;
        self.next_id = self.next_id.max(deleted.scenario.id + 1);
        if let Some(framework) = deleted.framework {
            if !self.frameworks().any(|f| f.id == framework.id) {
                self.add_framework(framework);
            }
        }
        self.scenarios.insert(index, deleted.scenario);
    }

    /// Branches a what-if copy from the current scenario and makes it current; returns its
    /// id. It is named "What-if: " and the original's name.
    pub fn branch_current(&mut self) -> u64 {
        let source = self.current().clone();
        self.add_titled(&format!("What-if: {}", source.name), source.form);
        self.current_mut().branch_of = Some(source.id);
        self.current
    }

    /// The scenario the current one is a branch of, while it still exists.
    pub fn original_of_current(&self) -> Option<&Named> {
        let original = self.current().branch_of?;
        self.scenarios.iter().find(|s| s.id == original)
    }

    /// Keeps the current branch as an ordinary scenario (it stays current, with its name).
    pub fn keep_branch(&mut self) {
        self.current_mut().branch_of = None;
    }

    /// Deletes the current branch and returns to its original; what was deleted comes
    /// back for undo. `None` (and nothing changes) when the current scenario is not a
    /// branch of a scenario that still exists.
    pub fn discard_branch(&mut self) -> Option<Deleted> {
        let original = self.original_of_current()?.id;
        let deleted = self.remove_current();
        self.current = original;
        Some(deleted)
    }

    /// Another tab's library (`self`) with this tab's changes to its current scenario
    /// since `base` (the library both last had) carried over field by field, so an edit
    /// made here while theirs was being saved is not lost: the merge either tab saves
    /// next holds both. A scenario started here and not yet saved is added; everything
    /// else is theirs. Our current scenario stays current.
    pub fn carry_changes(&mut self, base: &Library, ours: &Library) {
        let current = ours.current();
        let before = base.scenarios.iter().find(|s| s.id == current.id);
        match (before, self.scenarios.iter_mut().find(|s| s.id == current.id)) {
            (Some(before), Some(theirs)) => {
                if current.name != before.name {
                    theirs.name = current.name.clone();
                }
                theirs.form.carry_changes(&before.form, &current.form);
            }
            (None, None) => {
                if let Some(framework) = ours.imported().iter().find(|f| f.id == current.form.framework) {
                    self.add_framework(framework.clone());
                }
                self.next_id = self.next_id.max(current.id + 1);
                self.scenarios.push(current.clone());
            }
            // Deleted there, or added there with our id: theirs stands.
            _ => {}
        }
        self.select(current.id);
    }

    /// Makes branches whose original no longer exists ordinary scenarios.
    pub(crate) fn forget_lost_originals(&mut self) {
        let ids: Vec<u64> = self.scenarios.iter().map(|s| s.id).collect();
        for scenario in &mut self.scenarios {
            if scenario.branch_of.is_some_and(|o| !ids.contains(&o)) {
                scenario.branch_of = None;
            }
        }
    }

    /// The frameworks the user imported.
    pub fn imported(&self) -> &[Arc<Framework>] {
        &self.imported
    }

    /// Every framework a scenario may use: the built-in ones, then the imported ones.
    pub fn known(&self) -> Vec<Arc<Framework>> {
        self.frameworks().cloned().collect()
    }

    /// [`Library::known`], borrowed: the framework memo asks on every keystroke.
    fn frameworks(&self) -> impl Iterator<Item = &Arc<Framework>> {
        builtin_frameworks().iter().chain(&self.imported)
    }

    /// The framework a form names (the first built-in if it names none we know).
    pub fn framework_of(&self, form: &Form) -> Arc<Framework> {
        self.frameworks()
            .find(|f| f.id == form.framework)
            .unwrap_or(&builtin_frameworks()[0])
            .clone()
    }

    /// Adds an imported framework, unless it is built in or already here; returns the
    /// copy the library holds.
    pub fn add_framework(&mut self, framework: Arc<Framework>) -> Arc<Framework> {
        if let Some(same) = self.frameworks().find(|f| ***f == *framework) {
            return same.clone();
        }
        self.imported.push(framework.clone());
        framework
    }

    /// Imports a framework read from a file, unless its id is taken.
    pub fn import_framework(&mut self, framework: Framework) -> FrameworkImport {
        let Some(same_id) = self.frameworks().find(|f| f.id == framework.id).cloned() else {
            return FrameworkImport::Added(self.add_framework(Arc::new(framework)));
        };
        if *same_id == framework {
            FrameworkImport::AlreadyAvailable(same_id)
        } else if same_id.is_builtin() {
            FrameworkImport::IdOfBuiltin(framework.id)
        } else {
            FrameworkImport::IdTaken(framework.id)
        }
    }

    /// Removes an imported framework unless scenarios use it: then their names.
    pub fn remove_framework(&mut self, id: &str) -> Result<(), Vec<String>> {
        let users = self.users_of(id);
        if !users.is_empty() {
            return Err(users);
        }
        self.imported.retain(|f| f.id != id);
        Ok(())
    }

    /// The names of the scenarios that use a framework.
    pub fn users_of(&self, id: &str) -> Vec<String> {
        self.scenarios
            .iter()
            .filter(|s| s.form.framework == id)
            .map(|s| s.name.clone())
            .collect()
    }

    /// Opens a scenario file's text as a new scenario (never replacing one), named by
    /// its title (or "Imported scenario") and `name_suffix`. A framework the file
    /// carries that is not known here is added.
    ///
    /// # Errors
    /// Everything that makes the file invalid, as the engine's reader says.
    pub fn open_scenario(
        &mut self,
        text: &str,
        name_suffix: &str,
    ) -> Result<Opened, yj_rating_engine::Error> {
        let known = self.known();
        let (scenario, framework) = Scenario::from_json_str_with(text, &refs(&known))?;
        let added_framework = match framework {
            Cow::Owned(framework) => Some(self.add_framework(Arc::new(framework))),
            Cow::Borrowed(_) => None,
        };
        // A name from a file or link shows any hidden control it carries (a right-to-left
        // override could make it read as another scenario's).
        let title = yj_rating_engine::words::show_hidden_controls(scenario.title.trim());
        let base = match title.as_ref() {
            "" => "Imported scenario",
            title => title,
        };
        let name = self.add_titled(&format!("{base}{name_suffix}"), Form::from_scenario(&scenario));
        Ok(Opened {
            name,
            added_framework,
        })
    }

    /// What converting the current scenario to `to` would leave out, for the user to
    /// confirm.
    pub fn conversion_drops(&self, to: &Framework) -> Vec<String> {
        let from = self.framework_of(&self.current().form);
        let (scenario, _) = self.current().form.to_scenario(&from);
        convert(&scenario, &from, to).dropped
    }

    /// Converts the current scenario to another framework as a new scenario, leaving
    /// the original as it was (so nothing is lost, even what is dropped).
    pub fn convert_current(&mut self, to: &Framework) -> Converted {
        let from = self.framework_of(&self.current().form);
        let (scenario, _) = self.current().form.to_scenario(&from);
        let converted = convert(&scenario, &from, to);
        let base = format!("{} ({})", self.current().name, to.id);
        let name = self.add_titled(&base, Form::from_scenario(&converted.scenario));
        Converted {
            name,
            dropped: converted.dropped.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::cases_path;
    use crate::stored::StoredLibrary;
    use crate::test_support::{theme, youth};

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
        let deleted = library.delete_current();
        assert_eq!(library.scenarios.len(), 1);
        assert_ne!(library.current, copy);
        library.restore(deleted);
        assert_eq!(library.current, copy);
        assert_eq!(library.scenarios.len(), 2);
    }

    #[test]
    fn deleting_the_last_scenario_leaves_a_blank_one_under_its_framework() {
        let mut library = Library::new(youth());
        library.delete_current();
        assert_eq!(library.scenarios.len(), 1);
        assert_eq!(library.current().form, Form::blank(youth()));
        library.current_mut().form = Form::blank(Framework::youth_2021());
        library.delete_current();
        assert_eq!(library.current().form, Form::blank(Framework::youth_2021()));
    }

    #[test]
    fn names_are_not_reused() {
        let mut library = Library::new(youth());
        assert_eq!(library.unused_name("Scenario 1"), "Scenario 1 (2)");
        library.add("Scenario 1 (2)".into(), Form::blank(youth()));
        assert_eq!(library.unused_name("Scenario 1"), "Scenario 1 (3)");
    }

    #[test]
    fn renaming_sets_the_title_as_given_and_ignores_blank_names() {
        let mut library = Library::new(youth());
        assert!(library.rename_current("Torbay "));
        assert_eq!(library.current().name, "Torbay ");
        assert_eq!(library.current().form.title, "Torbay ");
        assert!(library.rename_current("Torbay"));
        assert!(!library.rename_current("   "));
        assert!(!library.rename_current("Torbay"));
        assert_eq!(library.current().name, "Torbay");
    }

    #[test]
    fn branch_keep_and_discard() {
        let mut library = Library::new(youth());
        library
            .current_mut()
            .form
            .set_text(&cases_path("2.1"), "4".into());
        let original = library.current;
        let branch = library.branch_current();
        assert_eq!(library.current, branch);
        assert_eq!(library.current().name, "What-if: Scenario 1");
        assert_eq!(library.current().form.title, "What-if: Scenario 1");
        assert_eq!(library.current().form.text(&cases_path("2.1")), "4");
        assert_eq!(library.original_of_current().map(|o| o.id), Some(original));

        // Editing the branch leaves the original alone.
        library
            .current_mut()
            .form
            .set_text(&cases_path("2.1"), "9".into());
        let original_form = &library.original_of_current().unwrap().form;
        assert_eq!(original_form.text(&cases_path("2.1")), "4");

        // Discard: back to the original, with undo.
        let deleted = library.discard_branch().unwrap();
        assert_eq!(library.current, original);
        assert_eq!(library.scenarios.len(), 1);
        assert!(library.discard_branch().is_none(), "the original is not a branch");
        library.restore(deleted);
        assert_eq!(library.current, branch);
        assert!(library.original_of_current().is_some());

        // Keep: an ordinary scenario.
        library.keep_branch();
        assert!(library.original_of_current().is_none());
        assert!(library.discard_branch().is_none());
        assert_eq!(library.scenarios.len(), 2);
    }

    #[test]
    fn a_branch_whose_original_was_deleted_is_an_ordinary_scenario() {
        let mut library = Library::new(youth());
        let original = library.current;
        library.branch_current();
        library.select(original);
        library.delete_current();
        assert!(library.original_of_current().is_none());
        assert!(library.discard_branch().is_none());
        let stored = StoredLibrary::from_library(&library);
        assert_eq!(
            stored.scenarios[0].branch_of,
            Some(original),
            "kept until the next load, for undo"
        );
        let (back, _) = stored.into_library();
        assert_eq!(back.scenarios[0].branch_of, None);
    }

    #[test]
    fn changes_made_here_while_another_tab_saved_are_carried_field_by_field() {
        let mut base = Library::new(youth());
        base.current_mut().form.set_text(&cases_path("2.1"), "4".into());
        // They typed 2.2's cases and renamed nothing; we typed 2.1 again and 3.1, and chose a judgement.
        let mut theirs = base.clone();
        theirs.current_mut().form.set_text(&cases_path("2.2"), "5".into());
        let mut ours = base.clone();
        ours.current_mut().form.set_text(&cases_path("2.1"), "6".into());
        ours.current_mut().form.set_text(&cases_path("3.1"), "3".into());
        ours.current_mut()
            .form
            .judgements
            .insert("1.1".into(), yj_rating_engine::Rating::Good);
        ours.rename_current("Mock inspection");
        let mut merged = theirs.clone();
        merged.carry_changes(&base, &ours);
        let form = &merged.current().form;
        assert_eq!(form.text(&cases_path("2.1")), "6");
        assert_eq!(form.text(&cases_path("2.2")), "5", "theirs kept");
        assert_eq!(form.text(&cases_path("3.1")), "3");
        assert_eq!(form.judgements.get("1.1"), Some(&yj_rating_engine::Rating::Good));
        assert_eq!(merged.current().name, "Mock inspection");
        assert_eq!(form.title, "Mock inspection");

        // A field we cleared is cleared there too; one only they changed stays theirs.
        let mut ours = base.clone();
        ours.current_mut()
            .form
            .set_text(&cases_path("2.1"), String::new());
        let mut merged = theirs.clone();
        merged.carry_changes(&base, &ours);
        assert_eq!(merged.current().form.text(&cases_path("2.1")), "");
        assert_eq!(merged.current().form.text(&cases_path("2.2")), "5");

        // A scenario started here and not yet saved joins theirs, and stays current.
        let mut ours = base.clone();
        ours.add_titled("New here", Form::blank(youth()));
        let mut merged = theirs.clone();
        merged.carry_changes(&base, &ours);
        assert_eq!(merged.scenarios.len(), 2);
        assert_eq!(merged.current().name, "New here");
        assert_eq!(
            merged.add("Next".into(), Form::blank(youth())),
            3,
            "ids are not reused"
        );
    }

    #[test]
    fn importing_a_framework_adds_it_once_and_refuses_taken_ids() {
        let mut library = Library::new(youth());
        let FrameworkImport::Added(added) = library.import_framework(theme()) else {
            panic!("not added");
        };
        assert_eq!(
            library.import_framework(theme()),
            FrameworkImport::AlreadyAvailable(added.clone())
        );
        assert_eq!(library.imported().len(), 1);
        let mut other = theme();
        other.name = "Another".into();
        assert_eq!(
            library.import_framework(other),
            FrameworkImport::IdTaken("theme-inspection".into())
        );
        let mut youth_id = theme();
        youth_id.id = "youth-2021".into();
        assert_eq!(
            library.import_framework(youth_id),
            FrameworkImport::IdOfBuiltin("youth-2021".into())
        );
        assert!(matches!(
            library.import_framework(Framework::youth_2021().clone()),
            FrameworkImport::AlreadyAvailable(f) if f.is_builtin()
        ));
        assert!(Arc::ptr_eq(&library.framework_of(&Form::blank(&theme())), &added));
    }

    #[test]
    fn a_framework_in_use_is_not_removed_and_undo_brings_a_removed_one_back() {
        let mut library = Library::new(youth());
        library.import_framework(theme());
        let mut form = Form::blank(&theme());
        form.set_text(&cases_path("T1"), "4".into());
        library.add("Themes".into(), form.clone());
        assert_eq!(
            library.remove_framework("theme-inspection"),
            Err(vec!["Themes".to_owned()])
        );
        let deleted = library.delete_current();
        assert_eq!(library.remove_framework("theme-inspection"), Ok(()));
        assert!(library.imported().is_empty());
        library.restore(deleted);
        assert_eq!(library.current().name, "Themes");
        assert_eq!(library.imported().len(), 1);
        assert_eq!(library.framework_of(&form).id, "theme-inspection");
    }

    #[test]
    fn opening_a_file_adds_a_scenario_named_by_its_title() {
        let mut library = Library::new(youth());
        let text = r#"{"format":"yj-rating-scenario","version":1,"framework":"youth-2018","standards":{}}"#;
        let opened = library.open_scenario(text, " (shared)").unwrap();
        assert_eq!(opened.name, "Imported scenario (shared)");
        assert_eq!(library.current().form.title, "Imported scenario (shared)");
        assert!(opened.added_framework.is_none());
        assert_eq!(library.scenarios.len(), 2);
        let spoof = r#"{"format":"yj-rating-scenario","version":1,"framework":"youth-2018",
            "title":"Torbay\u202elanif\u0007","standards":{}}"#;
        assert_eq!(
            library.open_scenario(spoof, "").unwrap().name,
            "Torbay\\u{202e}lanif\\u{7}"
        );
        library.delete_current();
        assert!(library.open_scenario("{", "").is_err());
        assert_eq!(library.scenarios.len(), 2, "nothing added for a bad file");
    }

    #[test]
    fn converting_adds_a_new_scenario_and_keeps_the_original() {
        let mut library = Library::new(youth());
        library
            .current_mut()
            .form
            .set_text(&cases_path("2.1"), "4".into());
        let before = library.current().clone();
        assert!(library.conversion_drops(Framework::youth_2021()).is_empty());
        let converted = library.convert_current(Framework::youth_2021());
        assert_eq!(converted.name, "Scenario 1 (youth-2021)");
        assert_eq!(converted.dropped, 0);
        assert_eq!(library.current().form.framework, "youth-2021");
        assert_eq!(library.scenarios[0], before);
    }
}
