//! What-if branches: a copy of a scenario that remembers which scenario it was branched
//! from, so the two can be compared side by side. Keeping a branch makes it an ordinary
//! scenario; discarding it deletes it and returns to the original. A branch whose original
//! has been deleted is an ordinary scenario too (the link is forgotten on the next load,
//! and until then an undone delete brings the comparison back).

use crate::library::{Deleted, Library, Named};

impl Library {
    /// Branches a what-if copy from the current scenario and makes it current; returns its
    /// id. It is named "What-if: " and the original's name.
    pub fn branch_current(&mut self) -> u64 {
        let source = self.current().clone();
        let name = self.unused_name(&format!("What-if: {}", source.name));
        let mut form = source.form;
        form.title = name.clone();
        let id = self.add(name, form);
        self.current_mut().branch_of = Some(source.id);
        id
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
        let index = self.scenarios.iter().position(|s| s.id == self.current)?;
        let scenario = self.scenarios.remove(index);
        self.current = original;
        Some(Deleted {
            index,
            scenario,
            was_current: true,
        })
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
}

#[cfg(test)]
mod tests {
    use crate::library::{Library, StoredLibrary};
    use crate::model::{cases_path, Form};
    use yj_rating_engine::Framework;

    fn youth() -> &'static Framework {
        Framework::youth_2018()
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
        assert_eq!(
            library
                .original_of_current()
                .unwrap()
                .form
                .text(&cases_path("2.1")),
            "4"
        );

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
        library.delete_current(youth());
        assert!(library.original_of_current().is_none());
        assert!(library.discard_branch().is_none());
        let stored = library.to_stored(&Framework::builtins());
        assert_eq!(
            stored.scenarios[0].branch_of,
            Some(original),
            "kept until the next load, for undo"
        );
        let (back, _) = Library::from_stored(stored, &Framework::builtins());
        assert_eq!(back.scenarios[0].branch_of, None);
    }

    #[test]
    fn the_link_is_stored_and_old_libraries_still_load() {
        let mut library = Library::new(youth());
        let original = library.current;
        library.branch_current();
        let stored = library.to_stored(&Framework::builtins());
        let text = serde_json::to_string(&stored).unwrap();
        assert!(text.contains(&format!("\"branch_of\":{original}")));
        let (back, unreadable) =
            Library::from_stored(serde_json::from_str(&text).unwrap(), &Framework::builtins());
        assert!(unreadable.is_empty());
        assert_eq!(back.original_of_current().map(|o| o.id), Some(original));

        // A library saved before branches existed has no "branch_of" field.
        let plain = Library::new(youth()).to_stored(&Framework::builtins());
        let old = serde_json::to_string(&plain).unwrap();
        assert!(!old.contains("branch_of"));
        let read: StoredLibrary = serde_json::from_str(&old).unwrap();
        let (back, _) = Library::from_stored(read, &Framework::builtins());
        assert_eq!(back.scenarios[0].branch_of, None);
        assert_eq!(back.scenarios[0].form, Form::blank(youth()));
    }
}
