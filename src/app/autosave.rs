//! Autosave: the library is written to local storage after every change, and what
//! other tabs save is adopted.

use super::AppState;
use super::Notice;
use crate::persist::storage::{self, SavedByAnotherTab, StorageProblem};
use leptos::prelude::*;
use std::time::Duration;

/// How long a change waits to be saved. Saving writes the whole library, so a burst of
/// keystrokes saves once instead of once per key (typing stays as quick with fifty
/// scenarios as with one), and the save never competes with the next keystroke's result.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Autosaves every change of the library, at most `SAVE_DELAY` after it is made.
///
/// The save runs on a timer started by the first change not yet saved, so
/// serialising the library never holds up the result of a keystroke, and a burst of
/// changes saves once; it is flushed when the page is hidden or left (and when the app
/// is unmounted), so closing the tab loses nothing.
///
/// It also keeps up with what other tabs save: each tab saves its edits as above and
/// takes what the others save; an edit of ours not yet saved when theirs arrives is
/// carried onto theirs field by field, and the merge saved.
pub fn autosave(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
    };
    let read_only_at_start = state
        .notices
        .with_untracked(|n| n.contains(&Notice::Storage(StorageProblem::ReadOnly)));
    Effect::new(move |ran_before: Option<()>| {
        state.library.track();
        if !state.saving_allowed.get() || state.adopting.get_value() {
            state.adopting.set_value(false);
            return;
        }
        // The library just read is written back at start (what could not be read is kept
        // aside by then), unless storage refuses writes: the notice says so until a
        // change is saved.
        if ran_before.is_none() && read_only_at_start {
            return;
        }
        if pending.with_value(Option::is_none) {
            let save = move || {
                pending.set_value(None);
                state.save_now();
            };
            pending.set_value(set_timeout_with_handle(save, SAVE_DELAY).ok());
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
        match storage::load_saved_by_another_tab() {
            SavedByAnotherTab::Nothing => {}
            SavedByAnotherTab::Readable(theirs) => {
                cancel();
                state.take_from_another_tab(theirs);
            }
            // Theirs is safe aside; this tab's next change saves its own library. (Not
            // written back at once: two tabs that cannot read each other would then
            // answer each other's saves for ever.) If it could not be kept aside, this
            // tab stops saving rather than write over it.
            SavedByAnotherTab::KeptAside(aside) => {
                if aside.key.is_empty() {
                    state.saving_allowed.set(false);
                }
                state.notify(Notice::Storage(StorageProblem::Unreadable(aside)));
            }
        }
    });
    on_cleanup(move || {
        flush();
        on_hide.remove();
        on_hidden.remove();
        on_storage.remove();
    });
}
