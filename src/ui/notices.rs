//! Notices: storage problems (with the unreadable data offered for download), results
//! of imports and share links, and undo after a delete.

use crate::app::{AppState, Notice};
use crate::browser;
use crate::persist::storage::{self, KeptAside, StorageProblem};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" aria-live="polite" data-testid="notices">
            {move || state.deleted.get().map(|deleted| view! {
                <div class="notice notice-info" data-testid="undo-notice">
                    <p>{format!("Deleted \u{201c}{}\u{201d}.", deleted.scenario.name)}</p>
                    <button type="button" class="button" data-testid="undo-delete"
                        on:click=move |_| state.undo_delete()>"Undo"</button>
                </div>
            })}
            {move || state.notices.get().into_iter().map(|notice| view! { <NoticeView notice=notice/> }).collect_view()}
            {move || (state.notices.with(|n| n.iter().filter(|x| x.is_message()).count()) > 1).then(|| view! {
                <button type="button" class="link-button" data-testid="dismiss-all"
                    on:click=move |_| state.dismiss_messages()>"Dismiss all messages"</button>
            })}
        </div>
    }
}

/// The storage problems that need no more than words.
const STORAGE_UNAVAILABLE: &str =
    "This browser is not letting the calculator save your work. Everything still works, but your \
    scenarios will be lost when you close this page: export them to files to keep them.";
const STORAGE_READ_ONLY: &str =
    "This browser is not letting the calculator save right now (its storage may be full). Your saved \
    scenarios are shown and nothing stored is lost; changes you make are tried again each time, but \
    until one is saved, export what you change to a file to keep it.";

/// A notice. Every one but unreadable data is one view told apart by data (its kind, test
/// id, words and whether it can be dismissed): a view per kind of notice would each add
/// its own code to the page.
#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (error, testid, text, dismissable) = match &notice {
        Notice::Storage(StorageProblem::Unreadable(aside)) => {
            return Either::Left(view! { <Unreadable aside=aside.clone()/> });
        }
        Notice::Info(text) => (false, "notice-info", text.clone(), true),
        Notice::Error(text) => (true, "notice-error", text.clone(), true),
        Notice::Storage(StorageProblem::Unavailable) => (
            true,
            "notice-storage-unavailable",
            STORAGE_UNAVAILABLE.to_owned(),
            false,
        ),
        Notice::Storage(StorageProblem::ReadOnly) => (
            true,
            "notice-storage-read-only",
            STORAGE_READ_ONLY.to_owned(),
            false,
        ),
        Notice::Storage(StorageProblem::SaveFailed(text)) => {
            (true, "notice-save-failed", text.clone(), false)
        }
    };
    let dismiss = move |_| state.dismiss(&notice);
    Either::Right(view! {
        <div class=if error { "notice notice-error" } else { "notice notice-info" }
            role=error.then_some("alert") data-testid=testid>
            <p>{text}</p>
            {dismissable.then(|| view! { <button type="button" class="link-button" on:click=dismiss>"Dismiss"</button> })}
        </div>
    })
}

#[component]
fn Unreadable(aside: KeptAside) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kept = !aside.key.is_empty();
    let filename = format!(
        "unreadable-{}.json",
        aside.key.trim_start_matches(storage::ASIDE_PREFIX)
    );
    let content = aside.content.clone();
    let key = aside.key.clone();
    let notice = Notice::Storage(StorageProblem::Unreadable(aside.clone()));
    // Kept aside, it can be removed; not kept, saving stays paused until the user resumes it.
    let remove_or_resume = move |_| {
        if kept {
            storage::discard_aside(&key);
            state.dismiss(&notice);
        } else {
            state.saving_allowed.set(true);
        }
    };
    view! {
        <div class="notice notice-error" role="alert" data-testid="notice-unreadable">
            <p>{format!("Some saved data could not be read: {}.", aside.reason)}</p>
            <p>{if kept {
                format!("Nothing has been deleted: it is kept aside in this browser under \u{201c}{}\u{201d}.", aside.key)
            } else {
                "It could not be kept aside either, so saving is paused to avoid overwriting it. Download it, then resume saving.".to_owned()
            }}</p>
            <button type="button" class="button" data-testid="download-unreadable" on:click=move |_| {
                if let Err(e) = browser::download(&filename, "application/json", &content) {
                    state.notify(Notice::Error(format!("The download failed: {e}")));
                }
            }>"Download it"</button>
            <button type="button" class="button button-secondary" on:click=remove_or_resume
                data-testid=if kept { "remove-unreadable" } else { "resume-saving" }>
                {if kept { "Remove it from this browser" } else { "Resume saving" }}
            </button>
        </div>
    }
}
