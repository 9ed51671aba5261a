//! Notices: storage problems (with the unreadable data offered for download), results
//! of imports and share links, and undo after a delete.

use crate::app::{AppState, Notice};
use crate::browser;
use crate::persist::storage::{self, KeptAside, StorageProblem};
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

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dismiss = {
        let notice = notice.clone();
        move |_| state.notices.update(|n| n.retain(|x| *x != notice))
    };
    match notice {
        Notice::Info(text) => view! {
            <div class="notice notice-info" data-testid="notice-info"><p>{text}</p>
                <button type="button" class="link-button" on:click=dismiss>"Dismiss"</button></div>
        }
        .into_any(),
        Notice::Error(text) => view! {
            <div class="notice notice-error" role="alert" data-testid="notice-error"><p>{text}</p>
                <button type="button" class="link-button" on:click=dismiss>"Dismiss"</button></div>
        }
        .into_any(),
        Notice::Storage(StorageProblem::Unavailable) => view! {
            <div class="notice notice-error" role="alert" data-testid="notice-storage-unavailable">
                <p>"This browser is not letting the calculator save your work. Everything still works, but your \
                    scenarios will be lost when you close this page: export them to files to keep them."</p>
            </div>
        }
        .into_any(),
        Notice::Storage(StorageProblem::ReadOnly) => view! {
            <div class="notice notice-error" role="alert" data-testid="notice-storage-read-only">
                <p>"This browser is not letting the calculator save right now (its storage may be full). Your saved \
                    scenarios are shown and nothing stored is lost; changes you make are tried again each time, but \
                    until one is saved, export what you change to a file to keep it."</p>
            </div>
        }
        .into_any(),
        Notice::Storage(StorageProblem::SaveFailed(text)) => view! {
            <div class="notice notice-error" role="alert" data-testid="notice-save-failed"><p>{text}</p></div>
        }
        .into_any(),
        Notice::Storage(StorageProblem::Unreadable(aside)) => view! { <Unreadable aside=aside/> }.into_any(),
    }
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
    let remove = move |_| {
        storage::discard_aside(&key);
        let notice = notice.clone();
        state.notices.update(|n| n.retain(|x| *x != notice));
    };
    view! {
        <div class="notice notice-error" role="alert" data-testid="notice-unreadable">
            <p>{format!("Some saved data could not be read: {}.", aside.reason)}</p>
            {if kept {
                view! { <p>{format!("Nothing has been deleted: it is kept aside in this browser under \u{201c}{}\u{201d}.", aside.key)}</p> }.into_any()
            } else {
                view! { <p>"It could not be kept aside either, so saving is paused to avoid overwriting it. Download it, then resume saving."</p> }.into_any()
            }}
            <button type="button" class="button" data-testid="download-unreadable" on:click=move |_| {
                if let Err(e) = browser::download(&filename, "application/json", &content) {
                    state.notify(Notice::Error(format!("The download failed: {e}")));
                }
            }>"Download it"</button>
            {if kept {
                view! { <button type="button" class="button button-secondary" on:click=remove>"Remove it from this browser"</button> }.into_any()
            } else {
                view! { <button type="button" class="button button-secondary" on:click=move |_| state.saving_allowed.set(true)>"Resume saving"</button> }.into_any()
            }}
        </div>
    }
}
