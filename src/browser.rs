//! Small wrappers over browser APIs, each returning a message instead of panicking.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn js_message(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// Offers text as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_message)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_message)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_message)?
        .dyn_into()
        .map_err(|_| "no link element")?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(js_message)
}

/// Reads a file the user chose as text.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    // Refused before it is read: no file over the limit can be a scenario or framework.
    if file.size() > yj_rating_engine::MAX_FILE_BYTES as f64 {
        return Err(format!(
            "it is {} bytes long, more than the {} a file may have",
            file.size(),
            yj_rating_engine::MAX_FILE_BYTES
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(js_message)?;
    text.as_string().ok_or_else(|| "the file is not text".to_owned())
}

/// The page's fragment, e.g. `#scenario=...` (empty when none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without its fragment.
pub fn address_without_hash() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Removes the fragment without reloading or adding a history entry.
pub fn clear_hash() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address_without_hash()));
    }
}

/// Moves keyboard focus to an element by id.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Hands the page over from the first screen a release build pre-rendered (`#prerender`)
/// to the app, one step per part the app has built: the live app goes first, and the copy
/// keeps only what the app has not built yet (at each step its next domain goes, with
/// everything above it the first time); with `done`, the copy goes.
pub fn hand_over_first_screen(done: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(copy) = document.get_element_by_id("prerender") else {
        return;
    };
    if done {
        copy.remove();
        return;
    }
    // The first time, after the live app (which is mounted after it).
    if let (Some(body), Some(_)) = (document.body(), copy.next_element_sibling()) {
        let _ = body.append_child(&copy);
    }
    let above = ".app > :not(main, .footer), .app > main > :not(.domain, .placement)";
    let mut gone = Vec::new();
    if let Ok(nodes) = copy.query_selector_all(above) {
        gone.extend((0..nodes.length()).filter_map(|i| nodes.item(i)));
    }
    if let Ok(Some(next)) = copy.query_selector(".app > main > .domain") {
        gone.push(next.into());
    }
    for node in gone {
        if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
}

/// Dispatches an event of this name at the window, for the page's boot module.
pub fn announce(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Moves focus from the element with id `from` to the next (or, with `back`, the
/// previous) element matching `selector`, in page order; stays put at either end.
pub fn focus_along(from: &str, selector: &str, back: bool) {
    focus_among(from, selector, back, None);
}

/// Like [`focus_along`], but on to the first element of the next (or previous) `group`,
/// the closest ancestor matching that selector: a standard's first count, say.
pub fn focus_next_group(from: &str, selector: &str, group: &str, back: bool) {
    focus_among(from, selector, back, Some(group));
}

fn focus_among(from: &str, selector: &str, back: bool, group: Option<&str>) {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return;
    };
    let fields: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let Some(at) = fields.iter().position(|field| field.id() == from) else {
        return;
    };
    let to = match group {
        None if back => at.checked_sub(1),
        None => Some(at + 1),
        Some(group) => {
            let of = |i: usize| fields[i].closest(group).ok().flatten();
            if back {
                // Back past this group, then to the first field of the one before it.
                let before = (0..at).rev().find(|&i| of(i) != of(at));
                before.map(|end| {
                    (0..=end)
                        .rev()
                        .take_while(|&i| of(i) == of(end))
                        .last()
                        .unwrap_or(end)
                })
            } else {
                (at + 1..fields.len()).find(|&i| of(i) != of(at))
            }
        }
    };
    if let Some(field) = to.and_then(|i| fields.get(i)) {
        let _ = field.focus();
    }
}

/// Today's date as the inspectorate's reports write it: "5 December 2026".
pub fn today() -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let now = js_sys::Date::new_0();
    let month = MONTHS.get(now.get_month() as usize).copied().unwrap_or_default();
    format!("{} {month} {}", now.get_date(), now.get_full_year())
}

/// Opens the print dialogue.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Registers the service worker that keeps the page working offline. Silently does
/// nothing where service workers are unavailable (e.g. a `file:` page).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        let _ = navigator.service_worker().register("./sw.js");
    }
}
