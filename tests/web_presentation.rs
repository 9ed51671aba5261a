//! Presentation mode (issue 11), in the browser: the presenter's bar, figures hidden and
//! revealed a standard at a time, Explain step by step, and a what-if branch named in
//! the pinned bar and compared where the edit happens. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_presentation`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn app_has_class(class: &str) -> bool {
    document()
        .query_selector(".app")
        .unwrap()
        .expect("the app")
        .class_list()
        .contains(class)
}

async fn torbay_presented() -> Page {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    page.click("presentation");
    next_frame().await;
    assert!(app_has_class("presentation"));
    assert_eq!(
        page.focused().as_deref(),
        Some("hide-figures"),
        "focus goes to the presenter's bar"
    );
    page
}

#[wasm_bindgen_test]
async fn figures_hidden_then_revealed_one_standard_at_a_time() {
    let page = torbay_presented().await;
    assert!(!app_has_class("figures-hidden"));
    assert!(
        page.find("reveal-2.1").is_none(),
        "nothing to reveal while figures show"
    );
    assert!(page.text("live").contains("16"), "{}", page.text("live"));

    page.click("hide-figures");
    settle().await;
    assert!(app_has_class("figures-hidden"));
    assert!(!app_has_class("overall-revealed"));
    assert_eq!(
        page.get("hide-figures").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(page.text("live"), "Figures hidden for the room to work out.");
    assert!(!page.has_class("overview-2.1", "revealed"));
    assert!(!page.has_class("standard-2.1", "revealed"));
    assert!(page.find("reveal-2.1").is_some() && page.find("reveal-overall").is_some());

    // The room has answered for 2.1: its row and its section show, the rest stay hidden.
    page.click("reveal-2.1");
    settle().await;
    assert!(page.has_class("overview-2.1", "revealed"));
    assert!(page.has_class("standard-2.1", "revealed"));
    assert!(!page.has_class("overview-2.2", "revealed"));
    assert!(page.find("reveal-2.1").is_none() && page.find("reveal-2.2").is_some());
    page.click("reveal-overall");
    settle().await;
    assert!(app_has_class("overall-revealed"));
    assert!(
        page.text("live").contains("16"),
        "the result is read out once revealed"
    );

    // Showing all ends it; hiding again forgets what was revealed.
    page.click("hide-figures");
    settle().await;
    assert!(!app_has_class("figures-hidden") && page.find("reveal-2.2").is_none());
    assert_eq!(page.text("hide-figures"), "Hide figures");
    page.click("hide-figures");
    settle().await;
    assert!(app_has_class("figures-hidden"));
    assert!(!page.has_class("overview-2.1", "revealed"));
    assert!(page.find("reveal-2.1").is_some());

    // Leaving presentation mode shows everything and gives focus back to its switch.
    page.click("leave-presentation");
    next_frame().await;
    assert!(!app_has_class("presentation") && !app_has_class("figures-hidden"));
    assert_eq!(page.focused().as_deref(), Some("presentation"));
    page.click("presentation");
    next_frame().await;
    assert!(
        !app_has_class("figures-hidden"),
        "a new presentation starts with figures showing"
    );
}

#[wasm_bindgen_test]
async fn explain_reveals_its_steps_one_at_a_time_by_button_and_keyboard() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    page.click("explain-3.4");
    settle().await;
    let all = page.texts_in("explain-steps-3.4", "li");
    assert!(all.len() > 3, "{all:?}");
    assert!(
        page.find("explain-next-3.4").is_none(),
        "all steps at once outside presentation mode"
    );
    page.click("explain-close-3.4");
    settle().await;

    page.click("presentation");
    next_frame().await;
    page.click("explain-3.4");
    settle().await;
    assert_eq!(page.texts_in("explain-steps-3.4", "li"), all[..1]);
    assert_eq!(page.text("explain-count-3.4"), format!("Step 1 of {}", all.len()));
    assert_eq!(
        page.get("explain-previous-3.4")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );

    page.click("explain-next-3.4");
    settle().await;
    assert_eq!(page.texts_in("explain-steps-3.4", "li"), all[..2]);
    assert!(
        !page.press("explain-panel-3.4", "ArrowRight"),
        "the arrow key is the panel's"
    );
    settle().await;
    assert_eq!(page.texts_in("explain-steps-3.4", "li"), all[..3]);
    page.press("explain-panel-3.4", "ArrowLeft");
    settle().await;
    assert_eq!(page.text("explain-count-3.4"), format!("Step 2 of {}", all.len()));
    for _ in 0..all.len() + 2 {
        page.press("explain-panel-3.4", "PageDown");
    }
    settle().await;
    assert_eq!(
        page.texts_in("explain-steps-3.4", "li"),
        all,
        "stops at the last step"
    );
    assert_eq!(
        page.get("explain-next-3.4")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    page.click("explain-next-3.4");
    settle().await;
    assert_eq!(
        page.texts_in("explain-steps-3.4", "li"),
        all,
        "Next at the end does nothing"
    );

    // Opened again, it starts from the first step.
    page.press("explain-panel-3.4", "Escape");
    settle().await;
    page.click("explain-3.4");
    settle().await;
    assert_eq!(page.texts_in("explain-steps-3.4", "li").len(), 1);
}

#[wasm_bindgen_test]
async fn a_branch_is_named_in_the_bar_and_compared_in_each_standard() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    assert!(!page.has_class("showing", "showing-branch"));
    assert!(
        page.find("against-original-3.4").is_none(),
        "no comparison without a branch"
    );
    page.click("branch");
    settle().await;
    assert!(page.has_class("showing", "showing-branch"));
    let showing = page.text("showing");
    assert!(
        showing.starts_with("What-if branch")
            && showing.ends_with("of \u{201c}Torbay YOT, March 2021\u{201d}"),
        "{showing}"
    );
    assert_eq!(
        page.words("against-original-3.4"),
        "Same As in the original \u{201c}Torbay YOT, March 2021\u{201d}: Inadequate."
    );

    page.type_text(&count("3.4", "recommendations", "yes"), "3");
    settle().await;
    assert_eq!(
        page.words("against-original-3.4"),
        "Changed In the original \u{201c}Torbay YOT, March 2021\u{201d}: Inadequate. In this what-if branch: Outstanding."
    );
    assert!(page.words("against-original-3.3").starts_with("Same"));

    // Changed rows only: 3.4, its domain, the total and the overall rating.
    assert!(page.find("compare-row-3.3").is_some());
    page.check("compare-changed-only", true);
    settle().await;
    assert!(page.find("compare-row-3.3").is_none());
    for row in [
        "compare-row-3.4",
        "compare-domain-3",
        "compare-total",
        "compare-overall",
    ] {
        assert!(page.find(row).is_some(), "{row} changed and shown");
    }
    page.check("compare-changed-only", false);
    settle().await;
    assert!(page.find("compare-row-3.3").is_some());

    // Back on the original, the bar says so.
    page.click("keep-branch");
    settle().await;
    assert!(!page.has_class("showing", "showing-branch"));
    assert!(page.find("against-original-3.4").is_none());
}
