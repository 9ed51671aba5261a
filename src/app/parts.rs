//! Change notification by part of the form, so that a keystroke tells only the views
//! that show what it changed. The library signal tells every reader of the library of
//! every change; a view showing one field (a count, one cell of a grid) reads the
//! library untracked and tracks its part here instead. A command that changes one part
//! says which; any other change tells every part.
//!
//! This is the keyed half of a store (as `reactive_stores` keeps one trigger per path),
//! kept beside the workbook's `Library` rather than derived over it: the library's
//! changes are methods that keep its invariants, and a derived store would write its
//! fields directly.

use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::marker::PhantomData;
use yj_rating_workbook::form::{CaseText, FieldPath, GridColumn};

/// A part of the current scenario's form (or of the library around it) that a view
/// shows on its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// A standard's typed or chosen field.
    Field(FieldPath),
    /// A case's reference or note in a domain's grid.
    CaseText {
        domain: String,
        row: usize,
        field: CaseText,
    },
    /// One answer of a domain's grid.
    Answer {
        domain: String,
        row: usize,
        column: GridColumn,
    },
    /// The form's shape: which standards are entered case by case and how many cases
    /// each grid has. Only a change to the whole form changes it.
    Shape,
    /// Whether percentages are rounded before banding.
    Rounding,
    /// The framework the scenario is scored under.
    Framework,
    /// The library's scenarios: their names, which is current and which branches which.
    Scenarios,
}

/// A part of the current scenario's result that a view shows on its own, by position
/// in the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Standard(usize),
    /// A key question of a standard, by their positions.
    KeyQuestion(usize, usize),
    Domain(usize),
    /// The scenario's own figures: subtotals, total, overall rating and what is still reachable.
    Overall,
}

/// One trigger per key read so far: readers of a key are told of changes to it alone.
/// Telling every key drops them all, so readers that re-run take fresh ones and readers
/// no longer on the page leave nothing behind.
///
/// Triggers are kept by the key's 64-bit hash, so one map serves every kind of key (a
/// map per key type costs the page several kilobytes). Two keys with the same hash
/// share a trigger: their readers re-run on each other's changes, which is harmless.
pub struct Keyed<K> {
    triggers: StoredValue<HashMap<u64, ArcTrigger>>,
    key: PhantomData<fn(&K)>,
}

impl<K> Clone for Keyed<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Keyed<K> {}

/// The parts of the form, told apart.
pub type Parts = Keyed<Part>;

impl<K: Hash> Keyed<K> {
    pub fn new() -> Keyed<K> {
        Keyed {
            triggers: StoredValue::new(HashMap::new()),
            key: PhantomData,
        }
    }

    /// Makes the running effect or memo re-run when `key` changes.
    pub fn track(&self, key: &K) {
        track(self.triggers, hash(key));
    }

    /// Tells the readers of one key that it changed.
    pub fn changed(&self, key: &K) {
        changed(self.triggers, hash(key));
    }

    /// Tells the readers of every key that it may have changed.
    pub fn all_changed(&self) {
        let Some(triggers) = self.triggers.try_update_value(std::mem::take) else {
            return;
        };
        for trigger in triggers.into_values() {
            trigger.notify();
        }
    }
}

impl<K: Hash> Default for Keyed<K> {
    fn default() -> Self {
        Keyed::new()
    }
}

fn hash(key: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

fn track(triggers: StoredValue<HashMap<u64, ArcTrigger>>, key: u64) {
    let trigger = triggers.try_update_value(|triggers| triggers.entry(key).or_default().clone());
    if let Some(trigger) = trigger {
        trigger.track();
    }
}

fn changed(triggers: StoredValue<HashMap<u64, ArcTrigger>>, key: u64) {
    if let Some(trigger) = triggers.try_with_value(|t| t.get(&key).cloned()).flatten() {
        trigger.notify();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// A memo reading one key, and how many times it has run.
    fn reader(keyed: Keyed<Part>, part: Part) -> (Memo<()>, Arc<AtomicUsize>) {
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        let memo = Memo::new(move |_| {
            keyed.track(&part);
            counted.fetch_add(1, Ordering::Relaxed);
        });
        (memo, runs)
    }

    #[test]
    fn a_reader_is_told_of_its_own_part_only_and_of_every_change_to_the_whole() {
        let owner = Owner::new();
        owner.set();
        let keyed = Parts::new();
        let (cell, cell_runs) = reader(
            keyed,
            Part::Answer {
                domain: "2".into(),
                row: 0,
                column: GridColumn {
                    standard: "2.1".into(),
                    key_question: "desistance".into(),
                },
            },
        );
        let (shape, shape_runs) = reader(keyed, Part::Shape);
        let read = || {
            cell.get();
            shape.get();
            (
                cell_runs.load(Ordering::Relaxed),
                shape_runs.load(Ordering::Relaxed),
            )
        };
        assert_eq!(read(), (1, 1));
        keyed.changed(&Part::Answer {
            domain: "2".into(),
            row: 1,
            column: GridColumn {
                standard: "2.1".into(),
                key_question: "desistance".into(),
            },
        });
        assert_eq!(read(), (1, 1), "another row's answer");
        keyed.changed(&Part::Answer {
            domain: "2".into(),
            row: 0,
            column: GridColumn {
                standard: "2.1".into(),
                key_question: "desistance".into(),
            },
        });
        assert_eq!(read(), (2, 1), "its own answer");
        keyed.changed(&Part::Rounding);
        assert_eq!(read(), (2, 1), "a part nobody reads");
        keyed.all_changed();
        assert_eq!(read(), (3, 2), "a change to the whole form");
        keyed.changed(&Part::Shape);
        assert_eq!(
            read(),
            (3, 3),
            "readers take fresh triggers after the whole changed"
        );
    }
}
