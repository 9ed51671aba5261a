//! Component tests of autosave timing: the save waits for the page to be idle (so it
//! never holds up a keystroke's result) and is flushed when the page is hidden or left.
//! Run with `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_autosave`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, EventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The cases inspected of 2.1 as saved in this browser, if any.
fn saved_cases() -> Option<serde_json::Value> {
    let text = local_storage().get_item(LIBRARY_KEY).unwrap()?;
    let library: serde_json::Value = serde_json::from_str(&text).expect("the saved library is JSON");
    let cases = &library["scenarios"][0]["form"]["scenario"]["standards"]["2.1"]["cases"];
    (!cases.is_null()).then(|| cases.clone())
}

fn dispatch_on_window(kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_is_saved_once_the_page_is_idle() {
    let page = Page::fresh().await;
    page.type_text("standards.2.1.cases", "7");
    // The result is already up to date; the save has not run yet.
    leptos::task::tick().await;
    assert_eq!(saved_cases(), None);
    settle().await;
    assert_eq!(saved_cases(), Some(7.into()));
    drop(page);
}

#[wasm_bindgen_test]
async fn leaving_or_hiding_the_page_saves_at_once() {
    let page = Page::fresh().await;
    for (kind, cases) in [("pagehide", 7), ("visibilitychange", 9)] {
        page.type_text("standards.2.1.cases", &cases.to_string());
        leptos::task::tick().await;
        dispatch_on_window(kind);
        assert_eq!(saved_cases(), Some(cases.into()), "saved on {kind}");
        settle().await;
        assert_eq!(saved_cases(), Some(cases.into()), "still saved after {kind}");
    }
    drop(page);
}
