//! Component tests of frameworks as files (rule book sections 3 and 5): choosing
//! youth-2021, its resettlement standard, converting, importing a framework file,
//! keeping it across reloads, removing it, and bad framework files.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const THEME: &str = include_str!("../examples/frameworks/theme-inspection.json");

/// Chooses a file with this name and text in a file input, as the picker does.
fn choose_file(page: &Page, testid: &str, name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input = page.input(testid);
    input.set_files(transfer.files().as_ref());
    fire(&input, "change");
}

/// Waits (a few turns at most) until an element is shown: files are read asynchronously.
async fn wait_for(page: &Page, testid: &str) {
    for _ in 0..50 {
        if page.find(testid).is_some() {
            return;
        }
        settle().await;
    }
    panic!("{testid} never appeared");
}

fn all_yes(n: &'static str) -> [(&'static str, &'static str, &'static str); 3] {
    [("desistance", n, n), ("safety", n, n), ("others", n, n)]
}

#[wasm_bindgen_test]
async fn youth_2021_leaves_resettlement_unrated_and_still_names_the_overall_rating() {
    let page = Page::fresh().await;
    assert!(page.text("framework-current").contains("(youth-2018)"));
    assert_eq!(
        page.options("framework-choice"),
        [
            "Youth offending services inspection framework (2018-2021)",
            "Youth offending services inspection framework (refreshed, late 2021 to early 2025)"
        ]
    );
    page.choose("framework-choice", "youth-2021");
    settle().await;
    page.click("new-under-framework");
    settle().await;
    assert!(
        page.text("framework-current").contains("(youth-2021)"),
        "{}",
        page.text("framework-current")
    );
    assert!(page.text("framework-note").contains("not reproduced"));
    assert!(page.text("framework").contains("refreshed"));
    assert!(page.text("note-4.1").starts_with("Does not count in the score"));
    assert!(page.text("note-3.4").contains("Rated by judgement"));
    for id in ["1.1", "1.2", "1.3", "1.4", "3.4"] {
        page.choose(&format!("standards.{id}.judgement"), "Good");
    }
    for id in ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"] {
        page.enter_cases(id, "4", &all_yes("4")).await;
    }
    settle().await;
    // 5 judgements Good (10) + 7 case standards Outstanding (21) = 31 of 36, with 4.1 not rated.
    assert_eq!(
        page.words("rating-4.1"),
        "Not entered yet Does not count in the score"
    );
    assert_eq!(page.text("overall-score"), "31/36");
    assert_eq!(page.words("overall-rating"), "★ Outstanding");
    assert_eq!(page.text("domain-4-subtotal"), "0/0");
    // Rating 4.1 changes nothing in the score.
    page.choose("standards.4.1.judgement", "Inadequate");
    settle().await;
    assert_eq!(
        page.words("rating-4.1"),
        "■ Inadequate Does not count in the score"
    );
    assert_eq!(page.text("overall-score"), "31/36");
    assert_eq!(page.words("overall-rating"), "★ Outstanding");
    // A new blank scenario stays under the framework being worked in.
    page.click("new-blank");
    settle().await;
    assert!(page.text("framework-current").contains("(youth-2021)"));
    assert_eq!(
        page.words("rating-4.1"),
        "Not entered yet Does not count in the score"
    );
    // So does the blank one that takes the place of the last scenario deleted.
    page.choose("scenario-select", "1");
    settle().await;
    assert!(page.text("framework-current").contains("(youth-2018)"));
    for _ in 0..3 {
        page.click("delete");
        settle().await;
    }
    assert_eq!(page.options("scenario-select"), ["Scenario 1"]);
    assert!(page.text("framework-current").contains("(youth-2021)"));
}

#[wasm_bindgen_test]
async fn converting_lists_what_is_left_out_and_keeps_the_original() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    // The panel is a disclosure, closed until wanted.
    assert!(!page.get("framework-panel").has_attribute("open"));
    page.click("framework-toggle");
    settle().await;
    assert!(page.get("framework-panel").has_attribute("open"));
    assert!(page.get("convert-framework").has_attribute("disabled"));
    page.choose("framework-choice", "youth-2021");
    settle().await;
    assert!(!page.get("convert-framework").has_attribute("disabled"));
    page.click("convert-framework");
    next_frame().await;
    assert_eq!(
        page.texts_in("convert-dropped", "li"),
        ["3.4 Joint working: entered from cases, rated by judgement in youth-2021"]
    );
    assert_eq!(page.focused().as_deref(), Some("convert-heading"));
    // Escape cancels and gives focus back.
    page.press("convert-panel", "Escape");
    settle().await;
    assert!(page.find("convert-panel").is_none());
    assert_eq!(page.focused().as_deref(), Some("convert-framework"));
    assert_eq!(page.text("overall-score"), "16/36");
    page.click("convert-framework");
    settle().await;
    page.click("convert-confirm");
    settle().await;
    assert_eq!(
        page.shown_option("scenario-select"),
        "Torbay YOT, March 2021 (youth-2021)"
    );
    assert!(page.text("framework-current").contains("(youth-2021)"));
    // 3.4 is now rated by judgement and not yet rated: 16 less its 0.
    assert_eq!(page.text("overall-score"), "16/36");
    assert_eq!(
        page.text("overall-rating"),
        "11 of 12 standards rated: overall between Requires improvement and Good"
    );
    assert_eq!(page.words("rating-3.4"), "Not entered yet");
    assert!(
        page.text("notices").contains("1 entry was left out"),
        "{}",
        page.text("notices")
    );
    // The original is unchanged.
    assert_eq!(
        page.options("scenario-select"),
        [
            "Scenario 1",
            "Torbay YOT, March 2021",
            "Torbay YOT, March 2021 (youth-2021)"
        ]
    );
    page.choose("scenario-select", "2");
    settle().await;
    assert!(page.text("framework-current").contains("(youth-2018)"));
    assert_eq!(page.words("rating-3.4"), "■ Inadequate Score 0");
    assert_eq!(page.words("overall-rating"), "▲ Requires improvement");
}

#[wasm_bindgen_test]
async fn an_imported_framework_scores_with_its_own_labels_and_survives_a_reload() {
    let page = Page::fresh().await;
    choose_file(&page, "import-framework", "theme-inspection.json", THEME);
    wait_for(&page, "remove-framework").await;
    assert!(
        page.text("notices").contains("Imported the framework"),
        "{}",
        page.text("notices")
    );
    assert_eq!(
        page.shown_option("framework-choice"),
        "Theme-based inspection (training example) (imported)"
    );
    page.click("new-under-framework");
    settle().await;
    assert!(page.text("framework-current").contains("(theme-inspection)"));
    assert_eq!(
        page.options("standards.L1.judgement"),
        [
            "Not rated yet",
            "Poor",
            "Unsatisfactory",
            "Satisfactory",
            "Excellent"
        ]
    );
    page.choose("standards.L1.judgement", "Satisfactory");
    page.enter_cases(
        "T1",
        "20",
        &[("assessment", "20", "15"), ("delivery", "20", "19")],
    )
    .await;
    page.enter_cases("T2", "100", &[("risk", "100", "59")]).await;
    page.enter_cases("T3", "10", &[("safety", "10", "9")]).await;
    settle().await;
    assert_eq!(
        cell(&page, "T1", "assessment", "band"),
        "Most cases ● Satisfactory"
    );
    assert_eq!(page.words("rating-T2"), "■ Poor Score 0");
    assert_eq!(page.text("overall-score"), "10/16");
    assert_eq!(page.words("overall-rating"), "● Satisfactory");
    // Removing it while a scenario uses it is refused, saying why.
    page.click("remove-framework");
    settle().await;
    assert!(page
        .text("notices")
        .contains("cannot be removed while scenarios use it"));
    drop(page);

    let page = Page::mount().await;
    assert!(page.text("framework-current").contains("(theme-inspection)"));
    assert_eq!(page.text("overall-score"), "10/16");
    assert_eq!(page.words("overall-rating"), "● Satisfactory");
    // Once no scenario uses it, it can be removed.
    page.click("delete");
    settle().await;
    page.choose("framework-choice", "theme-inspection");
    settle().await;
    page.click("remove-framework");
    settle().await;
    assert_eq!(page.options("framework-choice").len(), 2);
}

#[wasm_bindgen_test]
async fn a_bad_framework_file_is_refused_with_its_paths() {
    let page = Page::fresh().await;
    let mut value: serde_json::Value = serde_json::from_str(THEME).unwrap();
    value["overall_bands"][2]["from_score"] = serde_json::json!(5);
    value["standards"][1]["id"] = serde_json::json!("L1");
    choose_file(&page, "import-framework", "bad.json", &value.to_string());
    wait_for(&page, "notice-error").await;
    assert_eq!(
        page.texts_in("notice-error", "p"),
        ["\u{201c}bad.json\u{201d} could not be imported as a framework: overall_bands.2.from_score: score bands \
          must increase (overall_bands.1 starts at 5); standards.1.id: duplicate id \"L1\"."]
    );
    assert_eq!(page.options("framework-choice").len(), 2);
}

#[wasm_bindgen_test]
async fn a_scenario_file_carrying_its_framework_adds_it() {
    let page = Page::fresh().await;
    let mut scenario = serde_json::json!({ "format": "yj-rating-scenario", "version": 2,
        "framework": "theme-inspection", "title": "Themes",
        "standards": { "L1": { "judgement": "Excellent" } } });
    scenario["framework_definition"] = serde_json::from_str(THEME).unwrap();
    choose_file(&page, "import-file", "themes.json", &scenario.to_string());
    wait_for(&page, "remove-framework").await;
    assert!(page
        .text("notices")
        .contains("Its framework, \u{201c}Theme-based inspection (training example)\u{201d}, was added."));
    assert!(page.text("framework-current").contains("(theme-inspection)"));
    assert_eq!(page.words("rating-L1"), "★ Excellent Score 4");
}
