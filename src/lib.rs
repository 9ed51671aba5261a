//! The rating calculator in the browser: a Leptos single-page app over the scoring
//! engine, and the engine exposed to JavaScript as `score(scenario)`.

pub mod actions;
pub mod branch;
pub mod browser;
pub mod components;
pub mod frameworks;
pub mod library;
pub mod model;
pub mod share;
pub mod state;
pub mod storage;
pub mod words;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yj_rating_engine::{report, Framework, Scenario};

/// Mounts the calculator on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(components::App);
}

/// Scores a scenario (an object in the rule book's scenario format) and returns the full
/// result object, as `yj-rating score --json` prints it. Throws an `Error` whose
/// message lists every problem, each with its path, when the scenario is invalid.
///
/// The object is checked before any of it reaches the engine (see [`json_text_of`]): a
/// cyclic object, one nested deeper than the engine reads, or one too large for a
/// scenario file is refused with an `Error`, never a trap, and the page keeps working.
#[wasm_bindgen]
pub fn score(scenario: JsValue) -> Result<JsValue, JsError> {
    let text = json_text_of(&scenario)?;
    // A scenario under a framework that is not built in carries its definition.
    let (scenario, framework) = Scenario::from_json_str_with(&text, &Framework::builtins())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let framework: &Framework = &framework;
    let result = yj_rating_engine::score(framework, &scenario);
    let json = report::to_json(framework, &scenario, &result);
    json.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The JSON text of an object handed to the JavaScript API, for the engine's one strict
/// reader (which refuses nesting deeper than 64 and duplicate keys, with their path).
/// The browser's `JSON.stringify` walks the object, so no recursion in WebAssembly can
/// exhaust its stack: a cycle (or anything else it cannot write) becomes a clear error,
/// and text longer than a scenario file may be is refused before it is copied in.
///
/// # Errors
/// A cyclic object, a value JSON cannot hold (`undefined`, a function, a `BigInt`), or a
/// text over [`yj_rating_engine::MAX_FILE_BYTES`].
pub fn json_text_of(value: &JsValue) -> Result<String, JsError> {
    let refused = |why: &str| JsError::new(&format!("not a scenario object: {why}"));
    let text = js_sys::JSON::stringify(value).map_err(|err| {
        let message = err.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
        refused(&message.unwrap_or_else(|| "it cannot be written as JSON".to_owned()))
    })?;
    if text.is_undefined() {
        return Err(refused("it cannot be written as JSON"));
    }
    // UTF-16 units: never more than the UTF-8 bytes the engine counts.
    let units = text.length() as usize;
    if units > yj_rating_engine::MAX_FILE_BYTES {
        return Err(refused(&format!(
            "as JSON it is {units} characters long, more than the {} a scenario file may have",
            yj_rating_engine::MAX_FILE_BYTES
        )));
    }
    Ok(String::from(text))
}
