//! Planning a sample and placing a score (issue #14), in the browser: the sample planner's
//! figures, working and messages, "Record these cases" opening grids with that many rows,
//! and the strip of published scores with its sentence, shown only under the youth
//! frameworks. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_planning`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const THEME: &str = include_str!("../examples/frameworks/theme-inspection.json");

async fn plan(page: &Page, court: &str, out_of_court: &str) {
    page.get("planner").set_attribute("open", "").unwrap();
    page.type_text("plan-court", court);
    page.type_text("plan-out-of-court", out_of_court);
    settle().await;
}

fn strip_attribute(page: &Page, name: &str) -> String {
    page.get("placement-strip")
        .get_attribute(name)
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_planner_gives_both_samples_with_the_working() {
    let page = Page::fresh().await;
    assert_eq!(
        page.text("plan-result"),
        "",
        "nothing until both counts are typed"
    );
    plan(&page, "100", "50").await;
    assert_eq!(
        page.text("plan-result"),
        "Domain two: 63 court disposals. Domain three: 42 out-of-court disposals. 105 cases in all."
    );
    let steps = page.texts_in("plan-steps", "li");
    assert_eq!(steps.len(), 6);
    assert_eq!(
        steps[1],
        "Finite-population correction for 100 eligible court cases: 164.24 / (1 + 163.24 / 100) = 62.39, rounded up to 63."
    );
    assert_eq!(
        steps[4],
        "Margin of error of 63 of 100 court cases: \u{b1}4.9 points at 80% confidence, \u{b1}7.5 points at 95%."
    );

    // Capped by the eligible out-of-court cases: all 10, no top-up of the court sample.
    plan(&page, "100", "10").await;
    assert!(page
        .text("plan-result")
        .starts_with("Domain two: 63 court disposals. Domain three: 10 out-of-court"));
}

#[wasm_bindgen_test]
async fn a_count_that_is_not_a_number_is_reported_beside_it() {
    let page = Page::fresh().await;
    plan(&page, "4", "x").await;
    assert_eq!(
        page.text("plan-out-of-court-error"),
        "Enter a whole number, like 4"
    );
    assert_eq!(page.text("plan-result"), "");
    let described = page
        .get("plan-out-of-court")
        .get_attribute("aria-describedby")
        .unwrap();
    assert!(described.contains("plan-out-of-court-error"), "{described}");
    plan(&page, "4", "3").await;
    assert!(page.find("plan-out-of-court-error").is_none());
    assert!(page
        .text("plan-result")
        .starts_with("Domain two: 4 court disposals. Domain three: 3 out-of-court"));
}

#[wasm_bindgen_test]
async fn margins_of_a_sample_of_any_size() {
    let page = Page::fresh().await;
    page.get("planner").set_attribute("open", "").unwrap();
    page.type_text("plan-sample", "4");
    settle().await;
    assert_eq!(
        page.text("plan-margin"),
        "A sample of 4: \u{b1}32.0 points at 80% confidence, \u{b1}49.0 at 95%."
    );
    page.type_text("plan-population", "4");
    settle().await;
    assert_eq!(
        page.text("plan-margin"),
        "A sample of 4: \u{b1}0.0 points at 80% confidence, \u{b1}0.0 at 95%."
    );
    page.type_text("plan-population", "3");
    settle().await;
    assert_eq!(
        page.text("plan-margin"),
        "A sample of 4 cannot be drawn from 3 eligible cases."
    );
}

#[wasm_bindgen_test]
async fn record_these_cases_opens_grids_with_that_many_rows() {
    let page = Page::fresh().await;
    plan(&page, "4", "20").await;
    page.click("plan-record");
    settle().await;
    settle().await;
    for row in 0..4 {
        assert!(
            page.find(&format!("case-label-2-{row}")).is_some(),
            "domain two row {row}"
        );
    }
    assert!(page.find("case-label-2-4").is_none());
    assert!(page.find("case-label-3-2").is_some() && page.find("case-label-3-3").is_none());
    assert!(page
        .text("notices")
        .contains("Sample plan: 4 court, 3 out-of-court"));
    assert_eq!(page.focused().as_deref(), Some("case-label-2-0"));
}

/// With no eligible court cases there is no domain-two grid: focus goes to domain three's.
#[wasm_bindgen_test]
async fn with_no_court_cases_the_out_of_court_grid_is_opened() {
    let page = Page::fresh().await;
    plan(&page, "0", "5").await;
    assert!(page
        .text("plan-result")
        .starts_with("Domain two: 0 court disposals. Domain three: 5 out-of-court"));
    page.click("plan-record");
    settle().await;
    settle().await;
    assert!(page.find("case-label-2-0").is_none());
    assert!(page.find("case-label-3-4").is_some() && page.find("case-label-3-5").is_none());
    assert_eq!(page.focused().as_deref(), Some("case-label-3-0"));
}

#[wasm_bindgen_test]
async fn a_blank_scenario_is_placed_as_the_range_it_can_reach() {
    let page = Page::fresh().await;
    assert!(page
        .text("placement-sentence")
        .starts_with("Still between 0/36 and 36/36: from 0 to "));
    assert_eq!(
        (
            strip_attribute(&page, "data-lowest"),
            strip_attribute(&page, "data-highest")
        ),
        ("0".into(), "36".into())
    );
}

#[wasm_bindgen_test]
async fn torbay_sits_above_18_of_81_published_inspections() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    assert_eq!(
        page.text("placement-sentence"),
        "16/36: 18 of 81 published inspections scored lower, 3 the same and 60 higher."
    );
    assert_eq!(
        (
            strip_attribute(&page, "data-lowest"),
            strip_attribute(&page, "data-highest")
        ),
        ("16".into(), "16".into())
    );
    let strip = page.get("placement-strip");
    assert_eq!(strip.query_selector_all("circle").unwrap().length(), 81);
    assert_eq!(strip.query_selector_all("circle.noted").unwrap().length(), 2);
    assert_eq!(strip.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(page.text("placement").contains("West Sussex (2022-06), 26/36"));
}

#[wasm_bindgen_test]
async fn not_shown_under_an_imported_framework() {
    let page = Page::fresh().await;
    let mut scenario = serde_json::json!({ "format": "yj-rating-scenario", "version": 2,
        "framework": "theme-inspection", "title": "Themes", "standards": {} });
    scenario["framework_definition"] = serde_json::from_str(THEME).unwrap();
    let parts = js_sys::Array::of1(&JsValue::from_str(&scenario.to_string()));
    let file = web_sys::File::new_with_str_sequence(&parts, "themes.json").unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input = page.input("import-file");
    input.set_files(transfer.files().as_ref());
    fire(&input, "change");
    for _ in 0..50 {
        if page.text("framework").contains("Theme") {
            break;
        }
        settle().await;
    }
    assert!(page.text("framework").contains("Theme"));
    assert!(page.find("placement").is_none());
}
