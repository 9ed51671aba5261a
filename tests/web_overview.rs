//! The ratings at a glance (issue 11), in the browser: one row per standard with its
//! rating, score and flags, each domain's subtotal and the overall result, following
//! edits, each standard's name a link to its section. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_overview`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn torbay_at_a_glance_and_an_edit_redraws_its_row_and_totals() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    let rows = texts(&page.get("overview"), "tbody th a");
    assert_eq!(rows.len(), 12, "one row per standard: {rows:?}");
    assert_eq!(
        page.words("overview-2.1"),
        "2.1 Assessment ★ Outstanding 3 ⚑ One case would change it ⚑ Small sample"
    );
    let planning = page.words("overview-2.2");
    assert_eq!(page.words("overview-subtotal-2"), "Domain 2 subtotal 12/12");
    assert_eq!(
        page.words("overview-total"),
        "Overall ▲ Requires improvement 16/36"
    );

    page.type_text(&count("2.1", "desistance", "yes"), "0");
    settle().await;
    assert!(
        page.words("overview-2.1")
            .starts_with("2.1 Assessment ■ Inadequate 0"),
        "{}",
        page.words("overview-2.1")
    );
    assert!(
        page.text("overview-2.1").contains("Small sample"),
        "its flag, in words"
    );
    assert_eq!(page.words("overview-subtotal-2"), "Domain 2 subtotal 9/12");
    assert_eq!(
        page.words("overview-total"),
        "Overall ▲ Requires improvement 13/36"
    );
    assert_eq!(page.words("overview-2.2"), planning, "other rows as they were");
}

#[wasm_bindgen_test]
async fn each_name_jumps_to_its_standard() {
    let page = Page::fresh().await;
    let links = page.get("overview").query_selector_all("a").unwrap();
    assert_eq!(links.length(), 12);
    for i in 0..links.length() {
        let link: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(links.item(i).unwrap());
        let href = link.get_attribute("href").unwrap_or_default();
        let target = href.strip_prefix('#').expect("a link within the page");
        let heading = document()
            .get_element_by_id(target)
            .expect("the standard's heading");
        assert!(
            squash(&heading.text_content().unwrap_or_default())
                .starts_with(&squash(&link.text_content().unwrap_or_default())),
            "{href}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_blank_scenario_says_how_many_standards_are_rated() {
    let page = Page::fresh().await;
    assert_eq!(
        page.words("overview-total"),
        "Overall 0 of 12 standards rated 0/36"
    );
    assert!(
        page.words("overview-1.1").ends_with("–"),
        "{}",
        page.words("overview-1.1")
    );
}
