//! Component tests of explain mode and what-if branches, in headless Chromium. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_explain_compare`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

async fn torbay() -> Page {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    assert_eq!(page.text("overall-score"), "16/36");
    page
}

#[wasm_bindgen_test]
async fn explain_a_flagged_standard_steps_cite_rules_and_follow_the_counts() {
    let page = torbay().await;
    assert!(page.find("explain-panel-3.4").is_none());
    assert_eq!(
        page.get("explain-3.4").get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    page.click("explain-3.4");
    settle().await;
    assert_eq!(
        page.get("explain-3.4").get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    // Focus moves to the panel.
    assert_eq!(page.focused().as_deref(), Some("explain-heading-3.4"));
    let steps = page.texts_in("explain-steps-3.4", "li");
    let rules: Vec<&str> = steps.iter().map(|s| s.split(' ').nth(1).unwrap_or("")).collect();
    assert_eq!(
        rules,
        ["1.1", "1.1", "1.2", "1.3", "1.3", "1.4", "1.4", "1.5", "1.5"]
    );
    assert!(
        steps[0].starts_with("Rule 1.1 Key question 1 (recommendations)"),
        "{}",
        steps[0]
    );
    assert!(steps[0].contains("1 of 3 relevant cases answered Yes, 33.3%"));
    assert!(
        steps[2].contains("The lowest band among the key questions is Minority, on recommendations (33.3%)"),
        "{}",
        steps[2]
    );
    assert!(steps[3].starts_with("Rule 1.3 Flag, one case would change it"));
    assert!(steps[4].starts_with("Rule 1.3 Flag, small sample"));
    // Which ways discretion may go, and why.
    assert!(
        steps[5].starts_with(
            "Rule 1.4 Discretion goes only where a flag points: it may go one band up, to Requires improvement"
        ),
        "{}",
        steps[5]
    );
    assert!(steps[5].ends_with("it may not go down: Inadequate is the lowest rating."));
    assert!(
        steps[8].contains("The overall score is 16 out of 36, in the band 7 to 18: Requires improvement.")
    );

    // Live: change the counts while the panel is open.
    page.type_text(&count("3.4", "recommendations", "yes"), "3");
    settle().await;
    let steps = page.texts_in("explain-steps-3.4", "li");
    assert!(
        steps[0].contains("3 of 3 relevant cases answered Yes, 100.0%"),
        "{}",
        steps[0]
    );
    assert!(
        steps[2].contains("so the mechanical rating is Outstanding"),
        "{}",
        steps[2]
    );
    assert!(steps
        .last()
        .unwrap()
        .contains("The overall score is 19 out of 36, in the band 19 to 30: Good."));

    // Escape closes it and focus goes back to the button.
    let allowed = page.press("explain-steps-3.4", "Escape");
    assert!(!allowed, "Escape is handled by the panel");
    settle().await;
    assert!(page.find("explain-panel-3.4").is_none());
    assert_eq!(page.focused().as_deref(), Some("explain-3.4"));
}

#[wasm_bindgen_test]
async fn explain_a_judgement_standard_and_close_with_the_button() {
    let page = torbay().await;
    page.click("explain-1.1");
    settle().await;
    let steps = page.texts_in("explain-steps-1.1", "li");
    assert_eq!(steps.len(), 3);
    assert!(
        steps[0].starts_with("Rule 1 1.1 Governance and leadership is rated by judgement"),
        "{}",
        steps[0]
    );
    assert!(steps[0].ends_with("The rating proposed is Inadequate."));
    assert!(steps[1].starts_with("Rule 1.5 Inadequate scores 0"));
    assert!(page
        .text("explain-heading-1.1")
        .contains("How the rating of 1.1 Governance and leadership arises"));
    // Only the one panel is open.
    assert!(page.find("explain-panel-3.4").is_none());
    page.click("explain-close-1.1");
    settle().await;
    assert!(page.find("explain-panel-1.1").is_none());
    assert_eq!(page.focused().as_deref(), Some("explain-1.1"));
    // The button toggles it too.
    page.click("explain-1.1");
    settle().await;
    assert!(page.find("explain-panel-1.1").is_some());
    page.click("explain-1.1");
    settle().await;
    assert!(page.find("explain-panel-1.1").is_none());
}

#[wasm_bindgen_test]
async fn branch_change_a_count_and_the_difference_is_marked_then_keep() {
    let page = torbay().await;
    assert!(page.find("compare").is_none());
    page.click("branch");
    settle().await;
    assert_eq!(page.value("scenario-name"), "What-if: Torbay YOT, March 2021");
    assert_eq!(
        page.text("compare-summary"),
        "No differences from the original yet."
    );
    assert_eq!(page.text("compare-changed-3.4"), "Same");

    page.type_text(&count("3.4", "recommendations", "yes"), "3");
    settle().await;
    assert!(page.has_class("compare-row-3.4", "changed"));
    assert_eq!(page.text("compare-changed-3.4"), "Changed");
    assert!(
        page.words("compare-original-3.4")
            .starts_with("■ Inadequate Score 0"),
        "{}",
        page.words("compare-original-3.4")
    );
    let branch = page.words("compare-branch-3.4");
    assert!(branch.starts_with("★ Outstanding (changed) Score 3 (changed) recommendations: Large majority (changed) police: Large majority"), "{branch}");
    assert!(!page.has_class("compare-row-3.3", "changed"));
    assert_eq!(page.text("compare-changed-3.3"), "Same");
    assert_eq!(
        page.words("compare-total"),
        "Total score 16/36 19/36 (changed) Changed"
    );
    assert_eq!(
        page.words("compare-overall"),
        "Overall rating ▲ Requires improvement ● Good (changed) Changed"
    );
    assert_eq!(
        page.words("compare-domain-3"),
        "Domain 3 Out-of-court disposals subtotal 0/12 3/12 (changed) Changed"
    );
    assert_eq!(
        page.words("compare-domain-2"),
        "Domain 2 Court disposals subtotal 12/12 12/12 Same"
    );
    assert_eq!(
        page.text("compare-summary"),
        "7 differences from the original. 3.4 Joint working: rating Inadequate, now Outstanding. \
         Total score: 16, now 19. Overall rating: Requires improvement, now Good."
    );
    assert_eq!(
        page.get("compare-summary").get_attribute("aria-live").as_deref(),
        Some("polite")
    );

    // Keep: an ordinary scenario, no comparison.
    page.click("keep-branch");
    settle().await;
    assert!(page.find("compare").is_none());
    assert_eq!(page.value("scenario-name"), "What-if: Torbay YOT, March 2021");
    assert_eq!(page.text("overall-score"), "19/36");
    assert_eq!(page.focused().as_deref(), Some("scenario-select"));
}

#[wasm_bindgen_test]
async fn discard_returns_to_the_original_unchanged() {
    let page = torbay().await;
    page.click("branch");
    settle().await;
    page.type_text(&count("3.1", "safety", "yes"), "3");
    settle().await;
    assert!(page.has_class("compare-row-3.1", "changed"));
    page.click("discard-branch");
    settle().await;
    assert!(page.find("compare").is_none());
    assert_eq!(page.value("scenario-name"), "Torbay YOT, March 2021");
    assert_eq!(page.value(&count("3.1", "safety", "yes")), "0");
    assert_eq!(page.text("overall-score"), "16/36");
    assert!(!page
        .options("scenario-select")
        .iter()
        .any(|o| o.starts_with("What-if")));
    // Undo brings the branch and its comparison back.
    page.click("undo-delete");
    settle().await;
    assert_eq!(page.value("scenario-name"), "What-if: Torbay YOT, March 2021");
    assert!(page.has_class("compare-row-3.1", "changed"));
}
