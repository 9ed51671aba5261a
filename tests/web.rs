//! Component tests in a real browser: the whole calculator (`App`) is mounted on a fresh
//! element, driven the way a user drives it (typing fires `input`, choosing fires
//! `change`, buttons are clicked, arrow keys are pressed) and the page is read back by
//! `data-testid`. Run with `cargo test -p yj-rating-app --target wasm32-unknown-unknown
//! --test web` (headless Chromium through ChromeDriver; see scripts/env.sh).
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn typing_counts_updates_percentage_band_rating_and_domain_subtotal() {
    let page = Page::fresh().await;
    assert_eq!(page.words("rating-2.1"), "Not entered yet");
    assert_eq!(page.text("domain-2-subtotal"), "0/12");

    page.enter_cases("2.1", "8", &[("desistance", "8", "6")]).await;
    assert_eq!(cell(&page, "2.1", "desistance", "percentage"), "75.0%");
    assert_eq!(
        cell(&page, "2.1", "desistance", "band"),
        "Reasonable majority ● Good"
    );
    assert_eq!(page.words("rating-2.1"), "Incomplete: enter every key question");
    assert_eq!(page.text("domain-2-subtotal"), "0/12");

    page.enter_cases("2.1", "8", &[("safety", "8", "8"), ("others", "0", "0")])
        .await;
    assert_eq!(cell(&page, "2.1", "safety", "percentage"), "100.0%");
    assert_eq!(
        cell(&page, "2.1", "safety", "band"),
        "Large majority ★ Outstanding"
    );
    assert_eq!(cell(&page, "2.1", "others", "percentage"), "Not applicable");
    assert_eq!(cell(&page, "2.1", "others", "band"), "");
    // The standard takes the band of its weakest key question.
    assert_eq!(page.words("rating-2.1"), "● Good Score 2");
    assert_eq!(page.text("domain-2-subtotal"), "2/12");
    assert_eq!(page.text("overall-score"), "2/36");

    // One fewer Yes for desistance: 62.5%, too few.
    page.type_text(&count("2.1", "desistance", "yes"), "5");
    settle().await;
    assert_eq!(cell(&page, "2.1", "desistance", "percentage"), "62.5%");
    assert_eq!(
        cell(&page, "2.1", "desistance", "band"),
        "Too few ▲ Requires improvement"
    );
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
    assert_eq!(page.text("domain-2-subtotal"), "1/12");
}

#[wasm_bindgen_test]
async fn the_rows_that_drive_the_rating_are_marked() {
    let page = Page::fresh().await;
    page.enter_cases(
        "2.1",
        "8",
        &[
            ("desistance", "8", "6"),
            ("safety", "8", "8"),
            ("others", "0", "0"),
        ],
    )
    .await;
    assert!(page.has_class("kq-2.1-desistance", "driver"));
    assert!(page.text("kq-2.1-desistance").contains("Drives the rating"));
    for kq in ["kq-2.1-safety", "kq-2.1-others"] {
        assert!(!page.has_class(kq, "driver"), "{kq} marked as a driver");
        assert!(
            !page.text(kq).contains("Drives the rating"),
            "{kq} says it drives"
        );
    }

    // Safety falls to 50%: it now drives the rating alone.
    page.type_text(&count("2.1", "safety", "yes"), "4");
    settle().await;
    assert!(page.has_class("kq-2.1-safety", "driver"));
    assert!(!page.has_class("kq-2.1-desistance", "driver"));
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
}

#[wasm_bindgen_test]
async fn a_flagged_standard_explains_its_flags_and_takes_discretion_with_a_reason() {
    let page = Page::fresh().await;
    // 6 of 8 is 75%: five points under the 80% boundary, and one case either way moves it.
    page.enter_cases(
        "2.1",
        "8",
        &[
            ("desistance", "8", "6"),
            ("safety", "0", "0"),
            ("others", "0", "0"),
        ],
    )
    .await;
    assert_eq!(page.words("rating-2.1"), "● Good Score 2");
    // Each flag is a title and a sentence that names the key question, its counts and
    // where one case would take the rating (the exact wording is the words module's).
    let one_case = page.text("flag-2.1-one-case");
    assert!(one_case.starts_with("One case would change it: "), "{one_case}");
    for fact in [
        "desistance",
        "6 of 8",
        "7 of 8",
        "5 of 8",
        "lift this to Outstanding",
        "drop this to Requires improvement",
    ] {
        assert!(
            one_case.contains(fact),
            "the one-case reason does not say {fact:?}: {one_case}"
        );
    }
    let near = page.text("flag-2.1-near-boundary");
    assert!(near.starts_with("Near a boundary: "), "{near}");
    for fact in ["75.0%", "desistance", "5.0 points", "80% boundary"] {
        assert!(
            near.contains(fact),
            "the near-boundary reason does not say {fact:?}: {near}"
        );
    }
    assert!(page.find("flag-2.1-small-sample").is_none());

    // The discretion form offers the mechanical rating and one band either way.
    let labels = page.texts_in("standard-2.1", "fieldset.discretion .radio label");
    assert_eq!(
        labels,
        [
            "Keep the mechanical rating: Good",
            "One band up: Outstanding",
            "One band down: Requires improvement"
        ]
    );
    assert!(page.input("discretion-2.1-0").checked());

    // Choosing a band without a reason is not applied yet, and says so quietly: the
    // reason cannot have been typed yet, so no error until its box is left.
    page.click("discretion-2.1-1");
    settle().await;
    assert!(page.input("discretion-2.1-1").checked());
    assert_eq!(page.words("rating-2.1"), "● Good Score 2");
    assert_eq!(
        page.text("discretion-awaiting-2.1"),
        "Not applied until a reason is written below."
    );
    assert!(page
        .texts_in("standard-2.1", "fieldset.discretion .field-error")
        .is_empty());
    assert!(page.find("error-summary").is_none());
    fire(&page.get("standards.2.1.discretion.reason"), "blur");
    settle().await;
    assert!(page.find("discretion-awaiting-2.1").is_none());
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .field-error"),
        ["Error: a reason is required"]
    );
    assert_eq!(
        page.texts_in("error-summary", "li"),
        ["2.1 Assessment, professional discretion: a reason is required"]
    );

    page.type_text(
        "standards.2.1.discretion.reason",
        "Strong recent practice in the cases read",
    );
    settle().await;
    assert_eq!(
        page.words("rating-2.1"),
        "★ Outstanding Changed by discretion from Good Score 3"
    );
    assert_eq!(page.text("domain-2-subtotal"), "3/12");
    assert!(page.find("error-summary").is_none());
    assert_eq!(
        page.value("standards.2.1.discretion.reason"),
        "Strong recent practice in the cases read"
    );

    // Back to the mechanical rating.
    page.click("discretion-2.1-0");
    settle().await;
    assert_eq!(page.words("rating-2.1"), "● Good Score 2");
    assert_eq!(page.text("domain-2-subtotal"), "2/12");
}

#[wasm_bindgen_test]
async fn a_standard_without_flags_offers_no_discretion() {
    let page = Page::fresh().await;
    page.enter_cases(
        "2.2",
        "8",
        &[
            ("desistance", "8", "8"),
            ("safety", "8", "8"),
            ("others", "8", "8"),
        ],
    )
    .await;
    assert_eq!(page.words("rating-2.2"), "★ Outstanding Score 3");
    let standard = page.get("standard-2.2");
    assert!(standard.query_selector(".flags").unwrap().is_none());
    assert!(standard.query_selector("fieldset.discretion").unwrap().is_none());
    assert!(page.find("discretion-2.2-0").is_none());
}

#[wasm_bindgen_test]
async fn discretion_is_offered_only_where_a_flag_points_and_says_why() {
    let page = Page::fresh().await;
    // 62 of 100 is Too few, 3 points below the 65% boundary: the flag points up only.
    page.enter_cases(
        "2.1",
        "100",
        &[
            ("desistance", "100", "62"),
            ("safety", "0", "0"),
            ("others", "0", "0"),
        ],
    )
    .await;
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
    assert!(page
        .text("flag-2.1-near-boundary")
        .ends_with("below the boundary, it could justify one band up."));
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .radio label"),
        [
            "Keep the mechanical rating: Requires improvement",
            "One band up: Good"
        ]
    );
    assert_eq!(
        page.text("discretion-not-offered-2.1"),
        "One band down (Inadequate) is not offered: discretion goes only where a flag points, and no flag \
         here points down."
    );
    // 70 of 100 is Good, 5 points above the boundary: now only down.
    page.type_text(&count("2.1", "desistance", "yes"), "70");
    settle().await;
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .radio label"),
        [
            "Keep the mechanical rating: Good",
            "One band down: Requires improvement"
        ]
    );
    assert!(page
        .text("discretion-not-offered-2.1")
        .starts_with("One band up (Outstanding) is not offered"));
}

#[wasm_bindgen_test]
async fn discretion_saved_against_the_flags_is_kept_and_reported() {
    // Saved before rule 1.4 asked discretion to follow its flags: 60/100 moved down.
    clear_storage();
    local_storage()
        .set_item(
            LIBRARY_KEY,
            r#"{"version":1,"current":1,"scenarios":[{"id":1,"name":"Saved before the revision","form":{
            "scenario":{"format":"yj-rating-scenario","version":1,"framework":"youth-2018","rounding":"exact",
            "standards":{"2.1":{"cases":100,"key_questions":{"desistance":{"relevant":100,"yes":60},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}},
            "discretion":{"rating":"Inadequate","reason":"The work was weak"}}}}}}]}"#,
        )
        .unwrap();
    let page = Page::mount().await;
    assert_eq!(page.value("scenario-name"), "Saved before the revision");
    // The mechanical rating scores meanwhile; the choice and its reason are kept.
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .radio label"),
        [
            "Keep the mechanical rating: Requires improvement",
            "One band up: Good",
            "Inadequate (entered earlier)"
        ]
    );
    assert!(page.input("discretion-2.1-2").checked());
    assert_eq!(page.value("standards.2.1.discretion.reason"), "The work was weak");
    let message = "no flag points down: discretion may only go one band up from the mechanical rating \
                   (Requires improvement), to Good";
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .field-error"),
        [format!("Error: {message}")]
    );
    assert_eq!(
        page.texts_in("error-summary", "li"),
        [format!("2.1 Assessment, professional discretion: {message}")]
    );
    // Choosing the way the flag points applies it with the reason kept.
    page.click("discretion-2.1-1");
    settle().await;
    assert_eq!(
        page.words("rating-2.1"),
        "● Good Changed by discretion from Requires improvement Score 2"
    );
    assert!(page.find("error-summary").is_none());
    assert_eq!(
        page.texts_in("standard-2.1", "fieldset.discretion .radio label"),
        [
            "Keep the mechanical rating: Requires improvement",
            "One band up: Good"
        ]
    );
}

#[wasm_bindgen_test]
async fn the_discretion_form_keeps_keyboard_focus() {
    let page = Page::fresh().await;
    page.enter_cases(
        "2.1",
        "8",
        &[
            ("desistance", "8", "6"),
            ("safety", "0", "0"),
            ("others", "0", "0"),
        ],
    )
    .await;

    // A keyboard user picks a band: focus must stay on the radio button they chose.
    page.get("discretion-2.1-1")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    page.click("discretion-2.1-1");
    settle().await;
    assert_eq!(
        page.focused().as_deref(),
        Some("discretion-2.1-1"),
        "choosing a discretion rating moved keyboard focus away"
    );

    // Then types the reason: the first letter must not throw them out of the field.
    let reason = "standards.2.1.discretion.reason";
    page.get(reason)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    page.type_text(reason, "S");
    settle().await;
    assert_eq!(
        page.focused().as_deref(),
        Some(reason),
        "typing the first letter of the reason moved keyboard focus away"
    );
}

#[wasm_bindgen_test]
async fn domain_one_ratings_are_picked_from_the_lists() {
    let page = Page::fresh().await;
    assert_eq!(page.words("rating-1.1"), "Not entered yet");
    assert_eq!(
        page.options("standards.1.1.judgement"),
        [
            "Not rated yet",
            "Inadequate",
            "Requires improvement",
            "Good",
            "Outstanding"
        ]
    );

    page.choose("standards.1.1.judgement", "Good");
    page.choose("standards.1.2.judgement", "Outstanding");
    page.choose("standards.1.3.judgement", "Requires improvement");
    page.choose("standards.1.4.judgement", "Inadequate");
    settle().await;
    assert_eq!(page.words("rating-1.1"), "● Good Score 2");
    assert_eq!(page.words("rating-1.2"), "★ Outstanding Score 3");
    assert_eq!(page.words("rating-1.3"), "▲ Requires improvement Score 1");
    assert_eq!(page.words("rating-1.4"), "■ Inadequate Score 0");
    assert_eq!(page.text("domain-1-subtotal"), "6/12");
    assert_eq!(page.text("overall-score"), "6/36");
    assert_eq!(
        page.words("overall-rating"),
        "4 of 12 standards rated: overall between Inadequate and Good"
    );

    page.choose("standards.1.2.judgement", "");
    settle().await;
    assert_eq!(page.words("rating-1.2"), "Not entered yet");
    assert_eq!(page.text("domain-1-subtotal"), "3/12");
}

#[wasm_bindgen_test]
async fn rating_lists_show_each_scenarios_own_rating_after_switching() {
    let page = Page::fresh().await;
    page.choose("standards.1.1.judgement", "Good");
    settle().await;
    let first = page.value("scenario-select");

    page.click("new-blank");
    settle().await;
    assert_eq!(page.shown_option("scenario-select"), "Scenario 1 (2)");
    assert_eq!(page.words("rating-1.1"), "Not entered yet");
    assert_eq!(page.shown_option("standards.1.1.judgement"), "Not rated yet");

    page.choose("scenario-select", &first);
    settle().await;
    assert_eq!(page.shown_option("scenario-select"), "Scenario 1");
    assert_eq!(page.words("rating-1.1"), "● Good Score 2");
    assert_eq!(
        page.shown_option("standards.1.1.judgement"),
        "Good",
        "the 1.1 list disagrees with the 1.1 rating after switching back to the first scenario"
    );
}

#[wasm_bindgen_test]
async fn the_torbay_example_scores_16_of_36_requires_improvement() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    assert_eq!(page.text("overall-score"), "16/36");
    assert_eq!(page.words("overall-rating"), "▲ Requires improvement");
    assert_eq!(page.text("live"), "Score 16 out of 36: Requires improvement.");
    assert_eq!(page.value("scenario-name"), "Torbay YOT, March 2021");
    assert_eq!(
        page.options("scenario-select"),
        ["Scenario 1", "Torbay YOT, March 2021"]
    );
    assert_eq!(page.shown_option("scenario-select"), "Torbay YOT, March 2021");
    assert_eq!(page.text("domain-1-subtotal"), "4/12");
    assert_eq!(page.words("rating-1.1"), "■ Inadequate Score 0");
    assert_eq!(page.value("standards.1.1.judgement"), "Inadequate");
    assert_eq!(page.value(&count("3.2", "safety", "relevant")), "2");
    assert!(page
        .text("notice-info")
        .contains("Opened the Torbay 2021 example as a new scenario"));
}

#[wasm_bindgen_test]
async fn invalid_entries_are_shown_beside_their_fields_and_listed() {
    let page = Page::fresh().await;
    let (yes_over, not_number, negative) = (
        count("2.1", "desistance", "yes"),
        count("2.1", "safety", "relevant"),
        count("2.1", "others", "relevant"),
    );
    page.enter_cases(
        "2.1",
        "4",
        &[
            ("desistance", "3", "5"),
            ("safety", "abc", "1"),
            ("others", "-2", "0"),
        ],
    )
    .await;
    page.enter_cases(
        "2.2",
        "4",
        &[
            ("desistance", "4", "4"),
            ("safety", "4", "4"),
            ("others", "4", "4"),
        ],
    )
    .await;

    let expected = [
        (&yes_over, "5", "5 is more than relevant (3)"),
        (&not_number, "abc", "Enter a whole number, like 4"),
        (&negative, "-2", "Enter a number that is 0 or more"),
    ];
    for (path, typed, message) in expected {
        assert_eq!(page.value(path), typed, "{path}: the typed text was not kept");
        assert_eq!(
            page.field_error(path).as_deref(),
            Some(format!("Error: {message}").as_str())
        );
        let input = page.input(path);
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{path}"
        );
        let error_id = format!("{}-error", input.id());
        assert!(
            input
                .get_attribute("aria-describedby")
                .unwrap_or_default()
                .split(' ')
                .any(|id| id == error_id),
            "{path}: the message is not tied to the field"
        );
        assert!(
            document().get_element_by_id(&error_id).is_some(),
            "{path}: no element #{error_id}"
        );
    }
    for fine in [
        count("2.1", "desistance", "relevant"),
        count("2.1", "safety", "yes"),
    ] {
        assert_eq!(page.field_error(&fine), None, "{fine} shows an error");
        assert_eq!(page.input(&fine).get_attribute("aria-invalid"), None, "{fine}");
    }

    assert_eq!(
        page.texts_in("error-summary", "li"),
        [
            "2.1 Assessment, desistance: Yes answers: 5 is more than relevant (3)",
            "2.1 Assessment, others: relevant cases: Enter a number that is 0 or more",
            "2.1 Assessment, safety: relevant cases: Enter a whole number, like 4",
        ]
    );
    let first_link = page.get("error-summary").query_selector("li a").unwrap().unwrap();
    assert_eq!(
        first_link.get_attribute("href").as_deref(),
        Some(format!("#{}", page.input(&yes_over).id()).as_str())
    );
    first_link.dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(page.focused().as_deref(), Some(yes_over.as_str()));

    // 2.1 is left out; 2.2 still scores.
    assert_eq!(page.words("rating-2.1"), "Not rated: check the counts");
    assert_eq!(page.words("rating-2.2"), "★ Outstanding Score 3");
    assert_eq!(page.text("domain-2-subtotal"), "3/12");
    assert_eq!(page.text("overall-score"), "3/36");

    // Correcting a field clears its message and its listing only.
    page.type_text(&yes_over, "3");
    settle().await;
    assert_eq!(page.field_error(&yes_over), None);
    assert_eq!(page.input(&yes_over).get_attribute("aria-invalid"), None);
    assert_eq!(page.texts_in("error-summary", "li").len(), 2);
    assert_eq!(
        page.field_error(&not_number).as_deref(),
        Some("Error: Enter a whole number, like 4")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_step_a_count() {
    let page = Page::fresh().await;
    let field = "standards.2.1.cases";
    assert!(
        !page.press(field, "ArrowUp"),
        "ArrowUp was not taken by the field"
    );
    settle().await;
    assert_eq!(page.value(field), "1");
    page.press(field, "ArrowUp");
    settle().await;
    assert_eq!(page.value(field), "2");
    assert!(!page.press(field, "ArrowDown"));
    settle().await;
    assert_eq!(page.value(field), "1");
    page.press(field, "PageUp");
    settle().await;
    assert_eq!(page.value(field), "11");
    page.press(field, "PageDown");
    page.press(field, "PageDown");
    settle().await;
    assert_eq!(page.value(field), "0", "stepping went below 0");

    // Other keys are left to the browser; text that is not a number is not stepped.
    assert!(page.press(field, "a"));
    page.type_text(field, "abc");
    page.press(field, "ArrowUp");
    settle().await;
    assert_eq!(page.value(field), "abc");

    // Stepping counts as an entry: it scores.
    page.enter_cases("2.1", "3", &[("safety", "0", "0"), ("others", "0", "0")])
        .await;
    page.type_text(&count("2.1", "desistance", "relevant"), "3");
    for _ in 0..3 {
        page.press(&count("2.1", "desistance", "yes"), "ArrowUp");
    }
    settle().await;
    assert_eq!(page.value(&count("2.1", "desistance", "yes")), "3");
    assert_eq!(cell(&page, "2.1", "desistance", "percentage"), "100.0%");
    assert_eq!(page.words("rating-2.1"), "★ Outstanding Score 3");
}

#[wasm_bindgen_test]
async fn rounding_to_whole_percentages_lifts_64_5_percent_to_good() {
    let page = Page::fresh().await;
    page.enter_cases(
        "2.1",
        "200",
        &[
            ("desistance", "200", "129"),
            ("safety", "0", "0"),
            ("others", "0", "0"),
        ],
    )
    .await;
    assert!(!page.input("rounding").checked());
    assert_eq!(cell(&page, "2.1", "desistance", "percentage"), "64.5%");
    assert_eq!(
        cell(&page, "2.1", "desistance", "band"),
        "Too few ▲ Requires improvement Rounded to whole percentages, this would be in another band."
    );
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");

    page.check("rounding", true);
    settle().await;
    assert_eq!(
        cell(&page, "2.1", "desistance", "band"),
        "Reasonable majority ● Good Read exactly, this would be in another band."
    );
    assert_eq!(page.words("rating-2.1"), "● Good Score 2");
    assert_eq!(page.text("domain-2-subtotal"), "2/12");

    page.check("rounding", false);
    settle().await;
    assert_eq!(page.words("rating-2.1"), "▲ Requires improvement Score 1");
}

#[wasm_bindgen_test]
async fn the_live_region_announces_the_overall_result() {
    let page = Page::fresh().await;
    let live = page.get("live");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        page.text("live"),
        "Score so far 0 out of 36, 0 of 12 standards rated: overall between Inadequate and Outstanding."
    );

    page.choose("standards.1.1.judgement", "Outstanding");
    settle().await;
    assert_eq!(
        page.text("live"),
        "Score so far 3 out of 36, 1 of 12 standards rated: overall between Inadequate and Outstanding."
    );

    page.click("load-example");
    settle().await;
    assert_eq!(page.text("live"), "Score 16 out of 36: Requires improvement.");
}

#[wasm_bindgen_test]
async fn work_is_autosaved_and_restored_by_a_fresh_page() {
    let page = Page::fresh().await;
    page.type_and_commit("scenario-name", "Mock inspection");
    page.choose("standards.1.2.judgement", "Good");
    page.enter_cases("2.1", "8", &[("desistance", "8", "6")]).await;
    page.type_text(&count("2.1", "safety", "relevant"), "x");
    page.check("rounding", true);
    settle().await;
    save_now();

    let saved = local_storage()
        .get_item(LIBRARY_KEY)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing saved under {LIBRARY_KEY}"));
    let saved: serde_json::Value = serde_json::from_str(&saved).expect("the saved library is JSON");
    let scenario = &saved["scenarios"][0];
    assert_eq!(scenario["name"], "Mock inspection");
    let file = &scenario["form"]["scenario"];
    assert_eq!(file["standards"]["1.2"]["judgement"], "Good");
    assert_eq!(file["standards"]["2.1"]["cases"], 8);
    assert_eq!(file["standards"]["2.1"]["key_questions"]["desistance"]["yes"], 6);
    assert_eq!(file["rounding"], "whole-percent");
    drop(page);

    // A new page (as after closing the tab) opens with the same work, as typed.
    let page = Page::mount().await;
    assert_eq!(page.value("scenario-name"), "Mock inspection");
    assert_eq!(page.shown_option("scenario-select"), "Mock inspection");
    assert_eq!(page.value("standards.1.2.judgement"), "Good");
    assert_eq!(page.value("standards.2.1.cases"), "8");
    assert_eq!(page.value(&count("2.1", "desistance", "relevant")), "8");
    assert_eq!(page.value(&count("2.1", "desistance", "yes")), "6");
    assert_eq!(page.value(&count("2.1", "safety", "relevant")), "x");
    assert_eq!(
        page.field_error(&count("2.1", "safety", "relevant")).as_deref(),
        Some("Error: Enter a whole number, like 4")
    );
    assert!(page.input("rounding").checked());
    assert_eq!(page.text("overall-score"), "2/36");
    drop(page);

    // With storage cleared, a new page starts blank.
    let page = Page::fresh().await;
    assert_eq!(page.value("scenario-name"), "Scenario 1");
    assert_eq!(page.value("standards.2.1.cases"), "");
    assert_eq!(page.text("overall-score"), "0/36");
}

#[wasm_bindgen_test]
async fn a_deleted_scenario_comes_back_with_undo() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    assert_eq!(page.text("overall-score"), "16/36");
    assert!(page.find("undo-delete").is_none());

    page.click("delete");
    settle().await;
    assert_eq!(page.options("scenario-select"), ["Scenario 1"]);
    assert_eq!(page.shown_option("scenario-select"), "Scenario 1");
    assert_eq!(page.text("overall-score"), "0/36");
    assert_eq!(
        page.texts_in("undo-notice", "p"),
        ["Deleted \u{201c}Torbay YOT, March 2021\u{201d}."]
    );

    page.click("undo-delete");
    settle().await;
    assert!(page.find("undo-notice").is_none());
    assert_eq!(
        page.options("scenario-select"),
        ["Scenario 1", "Torbay YOT, March 2021"]
    );
    assert_eq!(page.shown_option("scenario-select"), "Torbay YOT, March 2021");
    assert_eq!(page.text("overall-score"), "16/36");
    save_now();
    let saved = local_storage().get_item(LIBRARY_KEY).unwrap().unwrap_or_default();
    assert!(
        saved.contains("Torbay YOT, March 2021"),
        "the restored scenario was not saved"
    );

    // Deleting the last scenario leaves a blank one in its place.
    page.click("delete");
    settle().await;
    page.click("delete");
    settle().await;
    assert_eq!(page.options("scenario-select"), ["Scenario 1"]);
    assert_eq!(page.text("overall-score"), "0/36");
    assert_eq!(
        page.texts_in("undo-notice", "p"),
        ["Deleted \u{201c}Scenario 1\u{201d}."]
    );
}

#[wasm_bindgen_test]
async fn duplicating_and_switching_scenarios() {
    let page = Page::fresh().await;
    page.enter_cases("2.1", "5", &[]).await;
    page.click("duplicate");
    settle().await;
    assert_eq!(
        page.options("scenario-select"),
        ["Scenario 1", "Copy of Scenario 1"]
    );
    assert_eq!(page.shown_option("scenario-select"), "Copy of Scenario 1");
    assert_eq!(page.value("standards.2.1.cases"), "5");

    // The copy is separate: editing it leaves the original alone.
    page.type_text("standards.2.1.cases", "7");
    settle().await;
    let options = page.get("scenario-select").query_selector_all("option").unwrap();
    let original = options
        .item(0)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .get_attribute("value")
        .unwrap();
    page.choose("scenario-select", &original);
    settle().await;
    assert_eq!(page.shown_option("scenario-select"), "Scenario 1");
    assert_eq!(page.value("standards.2.1.cases"), "5");
    assert_eq!(page.value("scenario-name"), "Scenario 1");
}

#[wasm_bindgen_test]
async fn the_scenario_list_shows_the_current_scenario_after_deleting_the_last_one() {
    let page = Page::fresh().await;
    page.click("new-blank");
    settle().await;
    page.click("new-blank");
    settle().await;
    assert_eq!(
        page.options("scenario-select"),
        ["Scenario 1", "Scenario 1 (2)", "Scenario 1 (3)"]
    );
    let ids: Vec<String> = {
        let options = page.get("scenario-select").query_selector_all("option").unwrap();
        (0..options.length())
            .map(|i| {
                options
                    .item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("value")
                    .unwrap()
            })
            .collect()
    };
    // The user moves through the list by hand, ending on the last scenario...
    page.choose("scenario-select", &ids[1]);
    settle().await;
    page.choose("scenario-select", &ids[2]);
    settle().await;
    assert_eq!(page.value("scenario-name"), "Scenario 1 (3)");

    // ...and deletes it: its neighbour becomes current, and the list must say so.
    page.click("delete");
    settle().await;
    assert_eq!(page.options("scenario-select"), ["Scenario 1", "Scenario 1 (2)"]);
    assert_eq!(page.value("scenario-name"), "Scenario 1 (2)");
    assert_eq!(
        page.shown_option("scenario-select"),
        "Scenario 1 (2)",
        "the scenario list shows another scenario than the one being edited"
    );
}

/// The What-if column says what a move does to the standard's rating (issue 11).
#[wasm_bindgen_test]
async fn what_if_says_what_happens_to_the_standard() {
    let page = Page::fresh().await;
    page.enter_cases(
        "2.1",
        "8",
        &[
            ("desistance", "8", "6"),
            ("safety", "8", "2"),
            ("others", "8", "8"),
        ],
    )
    .await;
    let what_if = |kq: &str| page.texts_in(&format!("kq-2.1-{kq}"), "td.what-if li");
    assert_eq!(
        what_if("safety"),
        ["2 more Yes: standard becomes Requires improvement"]
    );
    assert_eq!(
        what_if("desistance")[0],
        "1 more Yes: Large majority; standard stays Inadequate"
    );
    assert_eq!(
        what_if("others"),
        ["2 fewer Yes: Reasonable majority; standard stays Inadequate"]
    );
}

/// Notices stack without piling up (issue 11): a new message replaces the earlier one of
/// its kind, and "Dismiss all messages" clears them together.
#[wasm_bindgen_test]
async fn notices_do_not_pile_up() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    page.click("load-example");
    settle().await;
    let infos = page.root.query_selector_all("[data-testid=notice-info]").unwrap();
    assert_eq!(
        infos.length(),
        1,
        "the second example's message replaced the first"
    );
    assert!(page.text("notices").contains("Torbay YOT, March 2021 (2)"));
    assert!(
        page.find("dismiss-all").is_none(),
        "one message needs no 'dismiss all'"
    );

    page.type_text("standards.2.1.cases", "x");
    settle().await;
    page.click("export");
    settle().await;
    assert!(page.find("notice-error").is_some());
    page.click("dismiss-all");
    settle().await;
    assert!(page.find("notice-info").is_none() && page.find("notice-error").is_none());
}

/// A missing reason is an error once a file is asked for, but an export made earlier
/// does not make later discretion shout before its reason can be typed (issue 11).
#[wasm_bindgen_test]
async fn an_earlier_export_does_not_make_later_discretion_shout() {
    catch_downloads();
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    page.click("export");
    settle().await;
    page.click("discretion-3.4-1");
    settle().await;
    assert!(page.find("discretion-awaiting-3.4").is_some());
    assert!(page
        .texts_in("standard-3.4", "fieldset.discretion .field-error")
        .is_empty());

    page.click("export");
    settle().await;
    assert_eq!(
        page.texts_in("standard-3.4", "fieldset.discretion .field-error"),
        ["Error: a reason is required"]
    );
    assert!(page.find("discretion-awaiting-3.4").is_none());
}

/// Enter in a count goes on to the next count, past a standard's other controls (Explain,
/// entry mode, confidence) and on into the next standard; the last count stays put.
#[wasm_bindgen_test]
async fn enter_goes_from_count_to_count_and_on_to_the_next_standard() {
    let page = Page::fresh().await;
    let enter_from = |testid: &str| {
        page.focus(testid);
        page.press(testid, "Enter");
        page.focused()
    };
    assert_eq!(
        enter_from("standards.2.1.cases").as_deref(),
        Some("standards.2.1.key_questions.desistance.relevant")
    );
    assert_eq!(
        enter_from(&count("2.1", "others", "yes")).as_deref(),
        Some("standards.2.2.cases")
    );
    let counts = page.root.query_selector_all("input.count-field").unwrap();
    let last = counts
        .item(counts.length() - 1)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("data-testid"))
        .unwrap();
    assert_eq!(
        enter_from(&last),
        Some(last.clone()),
        "the last count keeps focus"
    );
}

/// Alt+Down in a count goes straight to the next standard's first count, Alt+Up to the
/// previous standard's first count; each stays put at the ends.
#[wasm_bindgen_test]
async fn alt_arrows_jump_from_standard_to_standard() {
    let page = Page::fresh().await;
    let alt = |testid: &str, key: &str| {
        page.focus(testid);
        assert!(!page.press_alt(testid, key), "the page handles Alt+{key}");
        page.focused()
    };
    let down = |testid: &str| alt(testid, "ArrowDown");
    let up = |testid: &str| alt(testid, "ArrowUp");
    assert_eq!(
        down(&count("2.1", "safety", "yes")).as_deref(),
        Some("standards.2.2.cases")
    );
    assert_eq!(
        down("standards.2.4.cases").as_deref(),
        Some("standards.3.1.cases")
    );
    assert_eq!(
        up(&count("2.2", "others", "relevant")).as_deref(),
        Some("standards.2.1.cases")
    );
    assert_eq!(up("standards.2.2.cases").as_deref(), Some("standards.2.1.cases"));
    assert_eq!(
        up("standards.2.1.cases").as_deref(),
        Some("standards.2.1.cases"),
        "the first stays put"
    );
    assert_eq!(
        down("standards.3.4.cases").as_deref(),
        Some("standards.3.4.cases"),
        "the last stays put"
    );
}
