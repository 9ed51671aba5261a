//! Component tests of case-by-case entry: the domain grid typed into with y / n / -,
//! moved around with the arrow keys, pasted into, and switched to and from totals.
//! Run with `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_case_grid`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{ClipboardEvent, ClipboardEventInit, DataTransfer};

wasm_bindgen_test_configure!(run_in_browser);

fn cell(domain: &str, row: usize, standard: &str, kq: &str) -> String {
    format!("cell-{domain}-{row}-{standard}-{kq}")
}

/// Types an answer into a cell as the keyboard does; returns whether the browser's own
/// handling went ahead (it must not: the cell shows the answer, not the key).
#[track_caller]
fn answer(page: &Page, testid: &str, key: &str) -> bool {
    page.press(testid, key)
}

/// Pastes text into a cell, as Ctrl+V does with a block copied from a spreadsheet.
fn paste(page: &Page, testid: &str, text: &str) {
    let data = DataTransfer::new().unwrap();
    data.set_data("text/plain", text).unwrap();
    let init = ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    page.get(testid).dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn typing_y_n_and_dash_answers_cells_and_derives_the_counts() {
    let page = Page::fresh().await;
    assert!(
        page.find("grid-2").is_none(),
        "no grid until a standard is entered case by case"
    );
    page.check("entry-cases-2.1", true);
    settle().await;
    page.click("add-case-2");
    settle().await;
    // Case 1: y y -   Case 2: y n y
    for (row, keys) in [(0, ["y", "y", "-"]), (1, ["Y", "N", "x"])] {
        for (kq, key) in ["desistance", "safety", "others"].into_iter().zip(keys) {
            assert!(
                !answer(&page, &cell("2", row, "2.1", kq), key),
                "the key is the page's, not the field's"
            );
        }
    }
    page.press(&cell("2", 1, "2.1", "others"), "Delete");
    page.press(&cell("2", 1, "2.1", "others"), "y");
    settle().await;
    assert_eq!(page.value(&cell("2", 0, "2.1", "others")), "–");
    assert_eq!(page.value(&cell("2", 1, "2.1", "safety")), "N");
    assert_eq!(page.text("cases-2.1"), "Cases inspected: 2 (from the case grid)");
    // desistance 2 of 2, safety 1 of 2 = 50%, others 1 of 1: Requires improvement.
    assert_eq!(cell_text(&page, "2.1", "safety", "percentage"), "50.0%");
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
    assert!(page.text("grid-2").contains("1 Yes of 2 relevant"));
    // The typed counts' fields are gone: the grid is the only way in.
    assert!(page.find("standards.2.1.cases").is_none());
    assert!(page.find("standards.2.1.key_questions.safety.yes").is_none());
}

#[wasm_bindgen_test]
async fn a_case_whose_reference_is_cleared_is_still_named_to_screen_readers() {
    let page = Page::fresh().await;
    page.check("entry-cases-2.1", true);
    settle().await;
    page.click("add-case-2");
    page.click("add-case-2");
    settle().await;
    page.type_text("case-label-2-1", "PR-07");
    page.type_text("case-label-2-0", "  ");
    settle().await;
    let aria = |testid: &str| page.get(testid).get_attribute("aria-label").unwrap_or_default();
    assert_eq!(aria("remove-case-2-0"), "Remove Case 1");
    assert_eq!(aria("case-note-2-0"), "Note on Case 1");
    assert!(aria(&cell("2", 0, "2.1", "safety")).starts_with("Case 1, 2.1 "));
    assert_eq!(aria("remove-case-2-1"), "Remove PR-07");
    assert!(aria(&cell("2", 1, "2.1", "safety")).starts_with("PR-07, 2.1 "));
    assert_eq!(
        texts(&page.get("grid-2"), "caption"),
        ["Cases of domain 2, Court disposals: one row per case"]
    );
    // The field itself keeps what was typed.
    assert_eq!(page.value("case-label-2-0"), "  ");
}

fn cell_text(page: &Page, standard: &str, kq: &str, class: &str) -> String {
    let row = page.get(&format!("kq-{standard}-{kq}"));
    let cell = row
        .query_selector(&format!("td.{class} .figure"))
        .unwrap()
        .unwrap();
    cell.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn keys_move_focus_row_by_row_and_on_to_add_a_case() {
    let page = Page::fresh().await;
    page.click("enter-by-case-3");
    settle().await;
    let first = cell("3", 0, "3.1", "desistance");
    page.get(&first)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    page.press(&first, "ArrowRight");
    assert_eq!(
        page.focused().as_deref(),
        Some(cell("3", 0, "3.1", "safety").as_str())
    );
    page.press(&cell("3", 0, "3.1", "safety"), "End");
    assert_eq!(
        page.focused().as_deref(),
        Some(cell("3", 0, "3.4", "police").as_str())
    );
    // The last cell of the last case: answering it moves on to "Add a case".
    page.press(&cell("3", 0, "3.4", "police"), "n");
    assert_eq!(page.focused().as_deref(), Some("add-case-3"));
    page.click("add-case-3");
    settle().await;
    page.press(&cell("3", 1, "3.1", "others"), "ArrowUp");
    assert_eq!(
        page.focused().as_deref(),
        Some(cell("3", 0, "3.1", "others").as_str())
    );
    page.press(&cell("3", 0, "3.1", "others"), "Home");
    assert_eq!(page.focused().as_deref(), Some(first.as_str()));
}

#[wasm_bindgen_test]
async fn keys_typed_before_a_new_case_is_shown_answer_its_cells() {
    let page = Page::fresh().await;
    page.click("enter-by-case-2");
    settle().await;
    next_frame().await;
    // Enter on "Add a case", then y n straight away, before the new row is on the page.
    page.click("add-case-2");
    assert!(page.find(&cell("2", 1, "2.1", "desistance")).is_none());
    assert!(!page.press("add-case-2", "y"));
    assert!(!page.press("add-case-2", "n"));
    next_frame().await;
    assert_eq!(page.value(&cell("2", 1, "2.1", "desistance")), "Y");
    assert_eq!(page.value(&cell("2", 1, "2.1", "safety")), "N");
    assert_eq!(page.value(&cell("2", 1, "2.1", "others")), "");
    assert_eq!(
        page.focused().as_deref(),
        Some(cell("2", 1, "2.1", "others").as_str())
    );
    // Once the row is shown, a key on "Add a case" is the button's own again.
    assert!(page.press("add-case-2", "y"));
    settle().await;
    assert_eq!(page.value(&cell("2", 1, "2.1", "others")), "");
}

#[wasm_bindgen_test]
async fn a_pasted_block_fills_cells_adds_cases_and_reports_what_it_cannot_read() {
    let page = Page::fresh().await;
    page.check("entry-cases-3.4", true);
    settle().await;
    paste(
        &page,
        &cell("3", 0, "3.4", "recommendations"),
        "yes\tn/a\nno\tYes\ny\tperhaps\n",
    );
    settle().await;
    assert_eq!(page.text("cases-3.4"), "Cases inspected: 3 (from the case grid)");
    assert_eq!(page.value(&cell("3", 2, "3.4", "recommendations")), "Y");
    assert_eq!(page.value(&cell("3", 2, "3.4", "police")), "");
    assert_eq!(
        page.texts_in("grid-problems-3", "li"),
        ["Row 3, 3.4 police: \"perhaps\" is not an answer: type y (Yes), n (No) or - (not relevant)"]
    );
    assert_eq!(page.words("rating-3.4"), "Incomplete: enter every key question");
    assert!(page.text("grid-3").contains("2 of 3 answered"));
    // The cell that could not be read says so, and points to the message.
    let bad = cell("3", 2, "3.4", "police");
    assert_eq!(
        page.get(&bad).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described_by = page
        .get(&bad)
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    let problems_id = page.get("grid-problems-3").id();
    assert!(
        described_by.split(' ').any(|id| id == problems_id),
        "{described_by}"
    );
    assert!(page
        .get(&bad)
        .closest("td")
        .unwrap()
        .unwrap()
        .class_list()
        .contains("cell-invalid"));
    let good = cell("3", 2, "3.4", "recommendations");
    assert_eq!(page.get(&good).get_attribute("aria-invalid"), None);
    // Answering it clears its problem, and with it the list.
    page.press(&bad, "/");
    settle().await;
    assert_eq!(page.value(&bad), "–");
    assert_eq!(page.get(&bad).get_attribute("aria-invalid"), None);
    let classes = page.get(&bad).closest("td").unwrap().unwrap().class_name();
    assert_eq!(
        classes.split(' ').collect::<Vec<_>>(),
        ["cell", "answer-not-relevant"]
    );
    assert!(page
        .find("grid-problems-3")
        .is_some_and(|e| e.text_content().unwrap_or_default().is_empty()));
    // recommendations 2 of 3 = 66.7%, police 1 of 1: Good.
    assert_eq!(page.words("rating-3.4"), "● Good Score 2");
    // Removing the third case leaves two complete cases.
    page.click("remove-case-3-2");
    settle().await;
    assert_eq!(page.text("cases-3.4"), "Cases inspected: 2 (from the case grid)");
    // recommendations 1 of 2 = 50%, police 1 of 1: Requires improvement.
    assert_eq!(page.words("rating-3.4"), "▲ Requires improvement Score 1");
}

#[wasm_bindgen_test]
async fn recording_a_whole_domain_case_by_case_asks_before_discarding_typed_totals() {
    let page = Page::fresh().await;
    page.type_text("standards.2.1.cases", "5");
    page.type_text("standards.2.3.cases", "4");
    settle().await;
    page.click("enter-by-case-2");
    settle().await;
    assert!(
        page.text("confirm-enter-all-2")
            .contains("discards the totals typed for 2.1, 2.3"),
        "{}",
        page.text("confirm-enter-all-2")
    );
    assert!(page.find("grid-2").is_none(), "nothing changes before the answer");
    // Keeping the totals changes nothing.
    page.click("confirm-enter-all-no-2");
    settle().await;
    assert!(page.find("confirm-enter-all-2").is_none());
    assert!(page.find("grid-2").is_none());
    assert_eq!(page.value("standards.2.1.cases"), "5");
    // Asked again and confirmed: the whole domain is recorded case by case, from one case.
    page.click("enter-by-case-2");
    settle().await;
    page.click("confirm-enter-all-yes-2");
    next_frame().await;
    assert!(page.find("confirm-enter-all-2").is_none());
    assert!(
        page.find("enter-by-case-2").is_none(),
        "every standard of the domain is by case"
    );
    for standard in ["2.1", "2.2", "2.3", "2.4"] {
        assert_eq!(
            page.text(&format!("cases-{standard}")),
            "Cases inspected: 1 (from the case grid)"
        );
    }
    assert_eq!(
        page.focused().as_deref(),
        Some(cell("2", 0, "2.1", "desistance").as_str())
    );
}

#[wasm_bindgen_test]
async fn switching_between_totals_and_cases_never_loses_counts_silently() {
    let page = Page::fresh().await;
    page.type_text("standards.2.4.cases", "6");
    settle().await;
    page.check("entry-cases-2.4", true);
    settle().await;
    assert!(page
        .text("confirm-by-case-2.4")
        .contains("discards the totals typed for it"));
    assert!(page.find("grid-2").is_none(), "nothing changes before the answer");
    assert_eq!(page.value("standards.2.4.cases"), "6");
    page.click("confirm-by-case-yes-2.4");
    settle().await;
    assert!(page.find("confirm-by-case-2.4").is_none());
    paste(&page, &cell("2", 0, "2.4", "desistance"), "y\ty\ty\ny\tn\t-");
    settle().await;
    page.check("entry-totals-2.4", true);
    settle().await;
    assert_eq!(page.value("standards.2.4.cases"), "2");
    assert_eq!(page.value("standards.2.4.key_questions.safety.relevant"), "2");
    assert_eq!(page.value("standards.2.4.key_questions.safety.yes"), "1");
    assert_eq!(page.value("standards.2.4.key_questions.others.relevant"), "1");
    assert!(
        page.find("grid-2").is_none(),
        "no standard of domain 2 is entered case by case now"
    );
    // Back to case by case without typing anything new: nothing to discard, no question.
    page.check("entry-cases-2.4", true);
    settle().await;
    assert!(page.find("confirm-by-case-2.4").is_none());
    assert_eq!(
        page.value(&cell("2", 1, "2.4", "safety")),
        "N",
        "the grid kept its answers"
    );
}
