//! Sample confidence and the CSV export in the browser (issue #5): the interval and band
//! chances shown for a key question, the 80%/95% switch, nothing for a key question with
//! no relevant cases, and ratings untouched; "Export CSV" downloading what the engine
//! writes for the scenario on screen, and refusing while there are problems. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_confidence`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// 2.1 with 5 cases: desistance 3 of 5 (60%, Too few), safety 5 of 5, others not applicable.
async fn five_cases(page: &Page) {
    page.enter_cases(
        "2.1",
        "5",
        &[
            ("desistance", "5", "3"),
            ("safety", "5", "5"),
            ("others", "0", "0"),
        ],
    )
    .await;
}

async fn open(page: &Page, standard: &str) {
    page.click(&format!("confidence-toggle-{standard}"));
    settle().await;
}

#[wasm_bindgen_test]
async fn collapsed_until_asked_for() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    let toggle = page.get("confidence-toggle-2.1");
    assert_eq!(page.text("confidence-toggle-2.1"), "Show sample confidence");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(page.find("confidence-2.1-desistance-interval").is_none());

    open(&page, "2.1").await;
    assert_eq!(page.text("confidence-toggle-2.1"), "Hide sample confidence");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    let panel = toggle.get_attribute("aria-controls").unwrap();
    assert!(page.root.query_selector(&format!("#{panel}")).unwrap().is_some());

    open(&page, "2.1").await;
    assert!(page.find("confidence-2.1-desistance-interval").is_none());
}

#[wasm_bindgen_test]
async fn figures_shown_for_a_key_question() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    open(&page, "2.1").await;
    // Wilson at 80% for 3 of 5: 33.0% to 82.0%.
    assert_eq!(
        page.text("confidence-2.1-desistance-interval"),
        "80% sure: 33%\u{2013}82%"
    );
    assert_eq!(page.text("confidence-2.1-desistance-relevant"), "5");
    // Beta(4, 3): 34.4% Minority, 30.3% Too few, 25.4% Reasonable majority, 9.9% Large majority.
    let chances = page.texts_in("confidence-2.1-desistance", "td.band-chance .figure");
    assert_eq!(chances, ["34%", "30%", "25%", "10%"]);
    // The rated band is marked in words, not colour alone.
    let rated = page.texts_in("confidence-2.1-desistance", "td.rated-band .figure");
    assert_eq!(rated, ["30%"]);
    let marks = page.texts_in("confidence-2.1-desistance", "td .rated-mark");
    assert_eq!(marks, ["this figure's band"]);
    let sentences = page.texts_in("confidence-words-2.1", "li");
    assert_eq!(
        sentences[0],
        "desistance: With 5 relevant cases, there is a 34% chance the true figure is in a lower band \
         than Too few, 30% that it is in Too few and 35% that it is in a higher band."
    );
    // 5 of 5 at 80%: 75.3% to 100%.
    assert_eq!(
        page.text("confidence-2.1-safety-interval"),
        "80% sure: 75%\u{2013}100%"
    );
}

/// A key question's figures follow its own counts even when its standard's rating,
/// flags and score stay as they were (the standard's own views are then not redrawn).
#[wasm_bindgen_test]
async fn open_figures_follow_a_count_that_leaves_the_rating_alone() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    open(&page, "2.1").await;
    let rating = page.words("rating-2.1");
    // Safety 5 of 5 to 4 of 5: 80%, still above desistance's 60%, which drives the rating.
    page.type_text(&count("2.1", "safety", "yes"), "4");
    settle().await;
    assert_eq!(page.words("rating-2.1"), rating, "the rating stays");
    // Wilson at 80% for 4 of 5: 51.3% to 93.8% (it was 75%-100% at 5 of 5).
    assert_eq!(
        page.text("confidence-2.1-safety-interval"),
        "80% sure: 51%\u{2013}94%"
    );
}

#[wasm_bindgen_test]
async fn switching_to_95_percent_widens_the_interval_in_every_panel() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    page.enter_cases("2.2", "5", &[("desistance", "5", "4")]).await;
    open(&page, "2.1").await;
    open(&page, "2.2").await;
    assert_eq!(page.value("confidence-level-2.1"), "80");
    page.choose("confidence-level-2.1", "95");
    settle().await;
    // Wilson at 95% for 3 of 5: 23.1% to 88.2%; 4 of 5: 37.6% to 96.4%.
    assert_eq!(
        page.text("confidence-2.1-desistance-interval"),
        "95% sure: 23%\u{2013}88%"
    );
    // One preference for the page: the other panel follows.
    assert_eq!(page.value("confidence-level-2.2"), "95");
    assert_eq!(
        page.text("confidence-2.2-desistance-interval"),
        "95% sure: 38%\u{2013}96%"
    );
    // The band chances do not depend on the level.
    let chances = page.texts_in("confidence-2.1-desistance", "td.band-chance .figure");
    assert_eq!(chances, ["34%", "30%", "25%", "10%"]);
    page.choose("confidence-level-2.2", "80");
    settle().await;
    assert_eq!(
        page.text("confidence-2.1-desistance-interval"),
        "80% sure: 33%\u{2013}82%"
    );
}

#[wasm_bindgen_test]
async fn nothing_shown_for_a_key_question_with_no_relevant_cases() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    open(&page, "2.1").await;
    assert!(page.find("confidence-2.1-others-interval").is_none());
    assert!(page
        .texts_in("confidence-2.1-others", "td.band-chance")
        .is_empty());
    assert_eq!(
        page.text("confidence-2.1-others-none"),
        "No figures: no relevant cases entered"
    );
    // Two sentences: desistance and safety, none for others.
    let sentences = page.texts_in("confidence-words-2.1", "li");
    assert_eq!(sentences.len(), 2);
    assert!(sentences.iter().all(|s| !s.starts_with("others")));
    // Typing relevant cases brings its figures (Wilson at 80% for 1 of 2: 16.4% to 83.6%).
    page.type_text(&count("2.1", "others", "relevant"), "2");
    page.type_text(&count("2.1", "others", "yes"), "1");
    settle().await;
    assert_eq!(
        page.text("confidence-2.1-others-interval"),
        "80% sure: 16%\u{2013}84%"
    );
}

#[wasm_bindgen_test]
async fn ratings_are_unchanged_by_the_confidence_figures() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    let before = (
        page.words("rating-2.1"),
        page.text("overall-score"),
        cell(&page, "2.1", "desistance", "band"),
    );
    assert_eq!(before.0, "▲ Requires improvement Score 1");
    open(&page, "2.1").await;
    page.choose("confidence-level-2.1", "95");
    settle().await;
    // A 34% chance of a lower band is shown, but the rating stays where rule 1.2 puts it.
    assert_eq!(
        (
            page.words("rating-2.1"),
            page.text("overall-score"),
            cell(&page, "2.1", "desistance", "band"),
        ),
        before
    );
}

#[wasm_bindgen_test]
async fn the_level_is_kept_in_this_browser_apart_from_the_scenarios() {
    let page = Page::fresh().await;
    five_cases(&page).await;
    open(&page, "2.1").await;
    page.choose("confidence-level-2.1", "95");
    settle().await;
    drop(page);
    assert_eq!(
        local_storage()
            .get_item("yj-rating.confidence-level")
            .unwrap()
            .as_deref(),
        Some("95")
    );
    // The scenario library does not hold it.
    let library = local_storage().get_item(LIBRARY_KEY).unwrap().unwrap();
    assert!(!library.contains("confidence"), "{library}");

    let page = Page::mount().await;
    open(&page, "2.1").await;
    assert_eq!(page.value("confidence-level-2.1"), "95");
    assert_eq!(
        page.text("confidence-2.1-desistance-interval"),
        "95% sure: 23%\u{2013}88%"
    );
}

const TORBAY: &str = include_str!("../examples/torbay-2021.json");

#[wasm_bindgen_test]
async fn export_csv_downloads_the_counts_and_results_on_screen() {
    let page = Page::fresh().await;
    page.click("load-example");
    settle().await;
    catch_downloads();
    page.click("export-csv");
    let files = caught_downloads().await;
    assert_eq!(files.len(), 1, "one file offered");
    let (name, text) = &files[0];
    assert_eq!(name, "torbay-yot-march-2021.csv");
    // Exactly what the engine writes for the example (its lines are checked one by one
    // in crates/engine/tests/csv.rs).
    let framework = yj_rating_engine::Framework::youth_2018();
    let torbay = yj_rating_engine::Scenario::from_json_str(TORBAY).unwrap();
    let expected =
        yj_rating_engine::csv::to_csv(framework, &torbay, &yj_rating_engine::score(framework, &torbay));
    assert_eq!(text, &expected);
    assert!(text.starts_with("Domain,Standard id,Standard,"));
    assert_eq!(
        text.lines().count(),
        28,
        "a header, 4 judgement rows and 23 key questions"
    );

    // An edit shows in the next export: 3.1 safety 0 of 3 becomes 3 of 3.
    page.type_text(&count("3.1", "safety", "yes"), "3");
    settle().await;
    catch_downloads();
    page.click("export-csv");
    let files = caught_downloads().await;
    let line = files[0]
        .1
        .lines()
        .find(|l| l.starts_with("Out-of-court disposals,3.1,Assessment,cases,safety,"))
        .unwrap()
        .to_owned();
    assert!(line.contains(",3,3,3,100.0,Large majority,no,"), "{line}");

    // While a count cannot be right, nothing is downloaded and the notice says why.
    page.type_text(&count("3.1", "safety", "yes"), "9");
    settle().await;
    catch_downloads();
    page.click("export-csv");
    settle().await;
    assert!(caught_downloads().await.is_empty());
    assert!(
        page.text("notices")
            .contains("Correct the 1 problem listed at the top before exporting CSV"),
        "{}",
        page.text("notices")
    );
}
