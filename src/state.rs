//! The app's state, shared through context: the scenario library (the only thing the
//! user edits) and what is derived from it. Derived values are memos, so an edit
//! re-renders only what depends on it.

use crate::library::{Deleted, Library};
use crate::model::{discretion_path, Form};
use crate::storage::{self, StorageProblem};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use yj_rating_engine::{score, DiscretionProblem, Framework, Scenario, ScenarioResult};

/// The built-in frameworks (the library adds the imported ones).
pub fn frameworks() -> [&'static Framework; 2] {
    Framework::builtins()
}

/// The framework a form names (the first built-in if it names none we know); the
/// library's [`crate::library::Library::framework_of`] also knows its imported ones.
pub fn framework_of(form: &Form) -> &'static Framework {
    crate::frameworks::find(&form.framework).unwrap_or(frameworks()[0])
}

/// A built-in or interned framework (`crate::frameworks`), compared by identity (cheap
/// for a memo to check).
#[derive(Clone, Copy, Debug)]
pub struct FrameworkRef(pub &'static Framework);

impl PartialEq for FrameworkRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for FrameworkRef {
    type Target = Framework;
    fn deref(&self) -> &Framework {
        self.0
    }
}

/// A message for the user, shown in the notices area.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(StorageProblem),
    Info(String),
    Error(String),
}

/// Shared state, `Copy` so closures can take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub library: RwSignal<Library>,
    pub framework: Memo<FrameworkRef>,
    /// The scenario the form makes, and messages for fields that cannot be read.
    pub scenario: Memo<(Scenario, BTreeMap<String, String>)>,
    pub result: Memo<ScenarioResult>,
    /// Every field message by path: unreadable text, and the engine's problems.
    pub errors: Memo<BTreeMap<String, String>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub deleted: RwSignal<Option<Deleted>>,
    pub presentation: RwSignal<bool>,
    /// Whether autosave may write (not while unreadable data could not be kept aside).
    pub saving_allowed: RwSignal<bool>,
    /// Standards whose missing discretion reason is reported: once the reason box is left,
    /// and all of them once a file or link is asked for. Until then a band chosen without
    /// a reason is said quietly, not as an error.
    pub reasons_due: RwSignal<BTreeSet<String>>,
    /// Set while adopting what another tab saved, so it is not written straight back.
    adopting: StoredValue<bool>,
}

impl AppState {
    /// Reports a missing discretion reason for `standard` from now on (its reason box
    /// was left).
    pub fn reason_due(&self, standard: &str) {
        if !self.reasons_due.with_untracked(|due| due.contains(standard)) {
            self.reasons_due.update(|due| {
                due.insert(standard.to_owned());
            });
        }
    }

    /// Reports every discretion reason missing now (a file or link was asked for);
    /// discretion chosen later is still said quietly until its reason box is left.
    pub fn all_reasons_due(&self) {
        let framework = self.framework_now();
        let missing: Vec<String> = self
            .result
            .with_untracked(|r| missing_reasons(framework, r).map(str::to_owned).collect());
        if !missing.is_empty() {
            self.reasons_due.update(|due| due.extend(missing));
        }
    }

    /// Loads the library from storage and derives everything from it.
    pub fn load() -> AppState {
        let (library, problems, saving_allowed) = storage::load(&frameworks());
        let library = RwSignal::new(library);
        let framework = Memo::new(move |_| FrameworkRef(library.with(|l| l.framework_of(&l.current().form))));
        let scenario = Memo::new(move |_| library.with(|l| l.current().form.to_scenario(framework.get().0)));
        let result = Memo::new(move |_| scenario.with(|(s, _)| score(framework.get().0, s)));
        let reasons_due = RwSignal::new(BTreeSet::new());
        let errors = Memo::new(move |_| {
            scenario.with(|(s, unreadable)| {
                let mut errors = unreadable.clone();
                let framework = framework.get().0;
                let (problems, awaiting) = result.with(|r| {
                    let awaiting = reasons_due.with(|due| awaiting_reason(framework, r, due));
                    (s.problems_given(framework, r), awaiting)
                });
                for problem in problems.into_iter().filter(|p| !awaiting.contains(&p.path)) {
                    errors.entry(problem.path).or_insert(problem.message);
                }
                errors
            })
        });
        AppState {
            library,
            framework,
            scenario,
            result,
            errors,
            notices: RwSignal::new(problems.into_iter().map(Notice::Storage).collect()),
            deleted: RwSignal::new(None),
            presentation: RwSignal::new(false),
            saving_allowed: RwSignal::new(saving_allowed),
            reasons_due,
            adopting: StoredValue::new(false),
        }
    }

    /// The current framework, untracked: for views built once per framework.
    pub fn framework_now(&self) -> &'static Framework {
        self.framework.get_untracked().0
    }

    /// Reads the current scenario's form where it lies (tracked): a memo over it would
    /// copy every typed text on every keystroke.
    pub fn with_form<T>(&self, read: impl FnOnce(&Form) -> T) -> T {
        self.library.with(|l| read(&l.current().form))
    }

    /// Changes the current scenario's form.
    pub fn edit(&self, change: impl FnOnce(&mut Form)) {
        self.library.update(|l| change(&mut l.current_mut().form));
    }

    /// Sets a text field of the current form.
    pub fn set_text(&self, path: &str, text: String) {
        if self
            .library
            .with_untracked(|l| l.current().form.text(path) != text)
        {
            self.edit(|f| f.set_text(path, text));
        }
    }

    /// A reactive read of one text field.
    pub fn text(&self, path: String) -> Memo<String> {
        let state = *self;
        Memo::new(move |_| state.with_form(|f| f.text(&path).to_owned()))
    }

    /// A reactive read of one field's message.
    pub fn error(&self, path: String) -> Memo<Option<String>> {
        let errors = self.errors;
        Memo::new(move |_| errors.with(|e| e.get(&path).cloned()))
    }

    /// Shows a notice. Notices stack in one area without piling up: a message replaces the earlier ones
    /// of its kind (the latest import or share result is what matters), while storage
    /// problems stay until they are resolved.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            n.retain(|old| *old != notice && !same_kind_of_message(old, &notice));
            n.push(notice);
        });
    }

    /// Saves the library now, reporting a failed save (and clearing an earlier one).
    /// (Nothing happens once the app is unmounted and its state disposed.)
    pub fn save_now(&self) {
        let Some(saved) = self
            .library
            .try_with_untracked(|l| storage::save(l, &frameworks()))
        else {
            return;
        };
        self.notices.try_update(|notices| {
            notices.retain(|n| !matches!(n, Notice::Storage(StorageProblem::SaveFailed(_))));
            if let Err(problem) = saved {
                notices.retain(|n| *n != Notice::Storage(problem.clone()));
                notices.push(Notice::Storage(problem));
            }
        });
    }

    /// Autosaves after every change of the library.
    ///
    /// The save waits for a zero-delay timer, so serialising the library never holds up
    /// the result of a keystroke, and a burst of changes saves once; it is flushed when
    /// the page is hidden or left, so closing the tab loses nothing.
    ///
    /// It also keeps up with what other tabs save: each tab saves every edit as soon as it
    /// is idle, so adopting theirs loses nothing of ours, while writing ours over theirs
    /// would. (An edit of ours still waiting for its timer when theirs arrives gives way.)
    pub fn autosave(&self) {
        let state = *self;
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let cancel = move || {
            if let Some(handle) = pending.get_value() {
                handle.clear();
                pending.set_value(None);
            }
        };
        Effect::new(move |_| {
            state.library.track();
            if !state.saving_allowed.get() || state.adopting.get_value() {
                state.adopting.set_value(false);
                return;
            }
            if pending.with_value(Option::is_none) {
                let save = move || {
                    pending.set_value(None);
                    state.save_now();
                };
                pending.set_value(set_timeout_with_handle(save, Duration::ZERO).ok());
            }
        });
        let flush = move || {
            if pending.with_value(Option::is_some) {
                cancel();
                state.save_now();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        // `visibilitychange` is fired at the document and bubbles to the window.
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
        let on_storage = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(storage::KEY) {
                return;
            }
            if let Some(mut theirs) = storage::load_saved_by_another_tab(&frameworks()) {
                let current = state.library.with_untracked(|l| l.current);
                theirs.select(current);
                cancel();
                state.adopting.set_value(true);
                state.library.set(theirs);
            }
        });
        on_cleanup(move || {
            flush();
            on_hide.remove();
            on_hidden.remove();
            on_storage.remove();
        });
    }
}

/// The standards whose discretion waits only for its reason.
fn missing_reasons<'a>(
    framework: &'a Framework,
    result: &'a ScenarioResult,
) -> impl Iterator<Item = &'a str> {
    framework
        .standards
        .iter()
        .zip(&result.standards)
        .filter(|(_, outcome)| outcome.discretion_problem == Some(DiscretionProblem::NoReason))
        .map(|(standard, _)| standard.id.as_str())
}

/// The discretion paths whose only problem is a reason not yet typed, for standards whose
/// reason is not yet due: chosen a moment ago, not an error yet.
fn awaiting_reason(
    framework: &Framework,
    result: &ScenarioResult,
    due: &BTreeSet<String>,
) -> BTreeSet<String> {
    missing_reasons(framework, result)
        .filter(|id| !due.contains(*id))
        .map(discretion_path)
        .collect()
}

/// Whether two notices are messages of the same kind (information, or an error), the
/// later replacing the earlier.
fn same_kind_of_message(old: &Notice, new: &Notice) -> bool {
    matches!(
        (old, new),
        (Notice::Info(_), Notice::Info(_)) | (Notice::Error(_), Notice::Error(_))
    )
}
