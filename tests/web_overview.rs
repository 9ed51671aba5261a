//! The ratings at a glance (issue 11), in the browser: one row per standard with its
//! rating, score and flags, each domain's subtotal and the overall result, following
//! edits, each standard's name a link to its section. Run with
//! `cargo test -p yj-rating-app --target wasm32-unknown-unknown --test web_overview`.
#![cfg(target_arch = "wasm32")]

mod support;

use support::*;
use wasm_bindgen::JsCast;
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
        let link: web_sys::Element = links.item(i).unwrap().unchecked_into();
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

/// The app builds its page a part a task (the start is then no one long task): the first
/// domain at once, one more domain each task, then where the score sits; it says when all
/// are built, and a pre-rendered copy of the page gives way part by part behind it.
#[wasm_bindgen_test]
async fn the_page_is_built_a_domain_a_task_and_the_first_screen_gives_way() {
    clear_storage();
    // A stand-in for the release build's pre-rendered copy: its parts above the domains,
    // three domains, and what follows.
    let copy = document().create_element("div").unwrap();
    copy.set_id("prerender");
    copy.set_inner_html(
        "<div class=\"app\"><header>h</header><main><section class=\"overview\"></section>\
         <section class=\"domain\" id=\"copy-1\"></section><section class=\"domain\" id=\"copy-2\"></section>\
         <section class=\"domain\" id=\"copy-3\"></section><section class=\"placement\"></section></main>\
         <footer class=\"footer\"></footer></div>",
    );
    document().body().unwrap().append_child(&copy).unwrap();
    let shown = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = shown.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || seen.set(seen.get() + 1));
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("yj-rating-shown", listener.as_ref().unchecked_ref())
        .unwrap();

    let root = document().create_element("div").unwrap();
    root.set_class_name(ROOT_CLASS);
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), yj_rating_app::ui::App);
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
    let copy_ids = || {
        let nodes = document().query_selector_all("#prerender .domain").unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().unchecked_into::<web_sys::Element>().id())
            .collect::<Vec<_>>()
    };
    leptos::task::tick().await;
    assert_eq!(count(".app.starting"), 1, "still building");
    assert_eq!(count(".domain"), 1, "the first domain at once");
    assert_eq!(count(".placement"), 0);
    assert_eq!(
        copy_ids(),
        ["copy-2", "copy-3"],
        "the copy keeps what is not built yet"
    );
    assert!(
        document().query_selector("#prerender header").unwrap().is_none(),
        "and nothing above it"
    );

    settle().await;
    assert_eq!(count(".domain"), 2, "one more domain a task");
    assert_eq!(copy_ids(), ["copy-3"]);
    assert_eq!(shown.get(), 0);
    while count(".app.starting") > 0 {
        settle().await;
    }
    assert_eq!(count(".domain"), 3);
    assert_eq!(count(".placement"), 1);
    assert!(
        document().get_element_by_id("prerender").is_none(),
        "the copy is gone once all are built"
    );
    assert_eq!(shown.get(), 1, "all shown, said once");
    window
        .remove_event_listener_with_callback("yj-rating-shown", listener.as_ref().unchecked_ref())
        .unwrap();
    drop(handle);
    root.remove();
}
