//! Component tests of autosave timing: the save waits up to `SAVE_DELAY` (so it never
//! holds up a keystroke's result, and a burst of typing saves once) and is flushed when
//! the page is hidden or left.
//! Run with `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_autosave`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yj_rating_app::app::SAVE_DELAY;

wasm_bindgen_test_configure!(run_in_browser);

/// The cases inspected of 2.1 as saved in this browser, if any.
fn saved_cases() -> Option<serde_json::Value> {
    let text = local_storage().get_item(LIBRARY_KEY).unwrap()?;
    let library: serde_json::Value = serde_json::from_str(&text).expect("the saved library is JSON");
    let cases = &library["scenarios"][0]["form"]["scenario"]["standards"]["2.1"]["cases"];
    (!cases.is_null()).then(|| cases.clone())
}

#[wasm_bindgen_test]
async fn an_edit_is_saved_within_the_save_delay_and_a_burst_saves_once() {
    let page = Page::fresh().await;
    page.type_text("standards.2.1.cases", "7");
    // The result is already up to date; the save has not run yet.
    leptos::task::tick().await;
    assert_eq!(saved_cases(), None);
    settle().await;
    assert_eq!(saved_cases(), None, "saved before the delay");
    // More typing before the save: nothing saved in between, then the last value.
    page.type_text("standards.2.1.cases", "71");
    settle().await;
    assert_eq!(saved_cases(), None, "saved before the delay");
    page.type_text("standards.2.1.cases", "72");
    sleep(SAVE_DELAY.as_millis() as i32 + 100).await;
    assert_eq!(saved_cases(), Some(72.into()));
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
