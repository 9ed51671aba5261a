//! What every component-test file shares: mounting the whole calculator on a fresh
//! element, driving it as a user does and reading the page back by `data-testid`.
#![allow(dead_code)] // each test file uses a different part

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    KeyboardEvent, KeyboardEventInit,
};
use yj_rating_app::ui::App;

/// Where the app keeps the scenario library (users' saved work: the key must not move).
pub const LIBRARY_KEY: &str = "yj-rating.library";
/// The class of the elements the tests mount on, so leftovers of a failed test can go.
pub const ROOT_CLASS: &str = "component-test-root";

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes everything the app keeps in local storage (the library and anything kept aside).
pub fn clear_storage() {
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("yj-rating."))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

/// Lets Leptos run its scheduled effects and re-renders. Leptos 0.8 updates the DOM in
/// tasks on the microtask queue, and an update can schedule further ones (a list inside a
/// `Show`, say), so after a tick this also waits for the next macrotask: by then every
/// chain of microtasks has run.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(0).await;
}

/// Waits `ms` milliseconds of the browser's clock.
pub async fn sleep(ms: i32) {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timeout).await.unwrap();
}

/// Dispatches an event of this kind at the window, as the browser does when the page is
/// hidden or left ("visibilitychange", "pagehide").
pub fn dispatch_on_window(kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

/// Saves what autosave has not saved yet, as leaving the page does: autosave waits up to
/// `SAVE_DELAY` after a change, and a test reading storage should not.
pub fn save_now() {
    dispatch_on_window("pagehide");
}

/// Waits for the browser's next animation frame (and what runs before it): the app moves
/// focus to what it has just shown in a frame callback, after the page shows it.
pub async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    settle().await;
}

/// From now on, files the page offers for download are caught instead of downloaded
/// (read them with [`caught_downloads`]); what was caught before is forgotten.
pub fn catch_downloads() {
    // The page offers a file by clicking a link to a blob URL it revokes at once: keep
    // each blob as it is made, and record the links clicked.
    let install = js_sys::Function::new_no_args(
        r#"
        if (!window.__caughtBlobs) {
          window.__caughtBlobs = new Map();
          const create = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob) => { const url = create(blob); window.__caughtBlobs.set(url, blob); return url; };
          HTMLAnchorElement.prototype.click = function () {
            if (this.download) window.__caught.push({ name: this.download, blob: window.__caughtBlobs.get(this.href) });
          };
        }
        window.__caught = [];
        "#,
    );
    install.call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

/// The files caught since [`catch_downloads`], as (file name, text), oldest first.
pub async fn caught_downloads() -> Vec<(String, String)> {
    let window = web_sys::window().unwrap();
    let caught: js_sys::Array = js_sys::Reflect::get(&window, &"__caught".into())
        .unwrap()
        .dyn_into()
        .expect("catch_downloads() first");
    let mut files = Vec::new();
    for item in caught.iter() {
        let name = js_sys::Reflect::get(&item, &"name".into())
            .unwrap()
            .as_string()
            .unwrap();
        let blob: web_sys::Blob = js_sys::Reflect::get(&item, &"blob".into())
            .unwrap()
            .dyn_into()
            .unwrap();
        let text = wasm_bindgen_futures::JsFuture::from(blob.text()).await.unwrap();
        files.push((name, text.as_string().unwrap()));
    }
    files
}

/// The calculator mounted on its own element; unmounted and removed when dropped.
pub struct Page {
    pub root: HtmlElement,
    unmount: Option<Box<dyn FnOnce()>>,
}

impl Page {
    /// Mounts the app with empty storage.
    pub async fn fresh() -> Page {
        clear_storage();
        Page::mount().await
    }

    /// Mounts the app over whatever storage holds now.
    pub async fn mount() -> Page {
        // A test that failed part-way never ran its drop: take its page away.
        let leftovers = document().query_selector_all(&format!(".{ROOT_CLASS}")).unwrap();
        for i in 0..leftovers.length() {
            if let Some(node) = leftovers.item(i) {
                node.dyn_into::<Element>().unwrap().remove();
            }
        }
        let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
        root.set_class_name(ROOT_CLASS);
        document().body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), || view! { <App/> });
        let page = Page {
            root,
            unmount: Some(Box::new(move || drop(handle))),
        };
        // The app builds its page a part a task.
        while page.root.query_selector(".app.starting").unwrap().is_some() {
            settle().await;
        }
        page
    }

    /// The element with a `data-testid`, if shown.
    pub fn find(&self, testid: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .unwrap()
    }

    /// The element with a `data-testid`; fails the test when it is not shown.
    #[track_caller]
    pub fn get(&self, testid: &str) -> Element {
        self.find(testid)
            .unwrap_or_else(|| panic!("no element with data-testid=\"{testid}\" on the page"))
    }

    /// An element's text with runs of white space made single spaces.
    #[track_caller]
    pub fn text(&self, testid: &str) -> String {
        squash(&self.get(testid).text_content().unwrap_or_default())
    }

    /// An element's text nodes joined by single spaces: "● Good Score 2" where the page
    /// shows an icon, a rating and a score side by side.
    #[track_caller]
    pub fn words(&self, testid: &str) -> String {
        words(&self.get(testid))
    }

    #[track_caller]
    pub fn input(&self, testid: &str) -> HtmlInputElement {
        self.get(testid).dyn_into().expect("an <input>")
    }

    #[track_caller]
    pub fn value(&self, testid: &str) -> String {
        let element = self.get(testid);
        if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            return area.value();
        }
        if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            return select.value();
        }
        element
            .dyn_into::<HtmlInputElement>()
            .expect("a form field")
            .value()
    }

    /// Types into a text field or text area (sets its text and fires `input`, as typing does).
    #[track_caller]
    pub fn type_text(&self, testid: &str, text: &str) {
        let element = self.get(testid);
        if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(text);
        } else {
            element
                .dyn_ref::<HtmlInputElement>()
                .expect("a text field")
                .set_value(text);
        }
        fire(&element, "input");
    }

    /// Changes a field and commits it (fires `input` then `change`, as leaving the field does).
    #[track_caller]
    pub fn type_and_commit(&self, testid: &str, text: &str) {
        self.type_text(testid, text);
        fire(&self.get(testid), "change");
    }

    /// Chooses an option of a `<select>` by value.
    #[track_caller]
    pub fn choose(&self, testid: &str, value: &str) {
        let select: HtmlSelectElement = self.get(testid).dyn_into().expect("a <select>");
        assert!(
            (0..select.length()).any(|i| select
                .item(i)
                .and_then(|o| o.get_attribute("value"))
                .is_some_and(|v| v == value)),
            "{testid} has no option {value:?}"
        );
        select.set_value(value);
        fire(&select, "change");
    }

    /// The text of the option a `<select>` shows.
    #[track_caller]
    pub fn shown_option(&self, testid: &str) -> String {
        let option = self
            .get(testid)
            .query_selector("option:checked")
            .unwrap()
            .unwrap_or_else(|| panic!("{testid} shows no option"));
        squash(&option.text_content().unwrap_or_default())
    }

    /// The texts of all a `<select>`'s options.
    #[track_caller]
    pub fn options(&self, testid: &str) -> Vec<String> {
        texts(&self.get(testid), "option")
    }

    /// Sets a checkbox (fires `change` as clicking does).
    #[track_caller]
    pub fn check(&self, testid: &str, checked: bool) {
        let input = self.input(testid);
        input.set_checked(checked);
        fire(&input, "change");
    }

    #[track_caller]
    pub fn click(&self, testid: &str) {
        self.get(testid)
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
            .click();
    }

    /// Presses a key in a field; returns whether the page let the browser's own handling
    /// go ahead (false: the page called `preventDefault`).
    #[track_caller]
    pub fn press(&self, testid: &str, key: &str) -> bool {
        self.key_down(testid, key, false)
    }

    /// [`Page::press`] with Alt held.
    #[track_caller]
    pub fn press_alt(&self, testid: &str, key: &str) -> bool {
        self.key_down(testid, key, true)
    }

    #[track_caller]
    fn key_down(&self, testid: &str, key: &str, alt: bool) -> bool {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_alt_key(alt);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.get(testid).dispatch_event(&event).unwrap()
    }

    /// Gives an element keyboard focus, as a click or Tab would.
    #[track_caller]
    pub fn focus(&self, testid: &str) {
        self.get(testid)
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
            .focus()
            .unwrap();
    }

    /// Types a case standard: cases inspected, then relevant and Yes for each key question.
    pub async fn enter_cases(&self, standard: &str, cases: &str, key_questions: &[(&str, &str, &str)]) {
        self.type_text(&format!("standards.{standard}.cases"), cases);
        for (kq, relevant, yes) in key_questions {
            self.type_text(&count(standard, kq, "relevant"), relevant);
            self.type_text(&count(standard, kq, "yes"), yes);
        }
        settle().await;
    }

    /// Whether an element has a class.
    #[track_caller]
    pub fn has_class(&self, testid: &str, class: &str) -> bool {
        self.get(testid).class_list().contains(class)
    }

    /// The texts of the matching descendants of an element.
    #[track_caller]
    pub fn texts_in(&self, testid: &str, selector: &str) -> Vec<String> {
        texts(&self.get(testid), selector)
    }

    /// The message shown beside a count field, found from the field itself.
    #[track_caller]
    pub fn field_error(&self, testid: &str) -> Option<String> {
        let field = self
            .get(testid)
            .closest(".count")
            .unwrap()
            .expect("a count field");
        field
            .query_selector(".field-error")
            .unwrap()
            .map(|e| squash(&e.text_content().unwrap_or_default()))
    }

    /// The element that has keyboard focus, by `data-testid`.
    pub fn focused(&self) -> Option<String> {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid"))
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(unmount) = self.unmount.take() {
            unmount();
        }
        self.root.remove();
    }
}

pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn words(node: &web_sys::Node) -> String {
    pub fn collect(node: &web_sys::Node, out: &mut Vec<String>) {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let text = squash(&node.text_content().unwrap_or_default());
            if !text.is_empty() {
                out.push(text);
            }
            return;
        }
        let children = node.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                collect(&child, out);
            }
        }
    }
    let mut out = Vec::new();
    collect(node, &mut out);
    out.join(" ")
}

pub fn texts(within: &Element, selector: &str) -> Vec<String> {
    let nodes = within.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| squash(&n.text_content().unwrap_or_default()))
        .collect()
}

pub fn count(standard: &str, kq: &str, which: &str) -> String {
    format!("standards.{standard}.key_questions.{kq}.{which}")
}

/// A cell of a key question's row (`percentage`, `band` or `what-if`).
#[track_caller]
pub fn cell(page: &Page, standard: &str, kq: &str, class: &str) -> String {
    let row = page.get(&format!("kq-{standard}-{kq}"));
    let cell = row
        .query_selector(&format!("td.{class}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {class} cell in kq-{standard}-{kq}"));
    words(&cell)
}
