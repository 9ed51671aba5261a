//! The rating calculator in the browser: a Leptos single-page app over the scoring
//! engine, and the engine exposed to JavaScript as `score(scenario)`.

//!
//! Layers, each using only those below it: `ui` (the views) over `app` (the reactive
//! state and every command that changes it) over `persist` (local storage, share
//! links) over the workbook crate (the scenarios as typed, the library) over the
//! engine. `words` holds what the user reads; `browser` wraps the page's APIs.

pub mod app;
pub mod browser;
pub mod persist;
pub mod ui;
pub mod words;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use yj_rating_engine::{report, Framework, Scenario};

/// Mounts the calculator on the page's body. The first screen a release build writes
/// into the page (`scripts/prerender.mjs`) gives way to it part by part, in the tasks that
/// build each part (`ui::Calculator`), so the browser never paints the page without one or
/// the other.
pub fn start() {
    leptos::mount::mount_to_body(ui::App);
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
    to_js(&report::to_json(framework, &scenario, &result))
}

/// Plans the sample an inspection would draw from `court` and `outOfCourt` eligible
/// cases and returns the plan object, as `yj-rating plan --json` prints it. Throws an
/// `Error` when a count is not a whole number from 0 to 4294967295.
#[wasm_bindgen]
pub fn plan(court: JsValue, out_of_court: JsValue) -> Result<JsValue, JsError> {
    let plan = yj_rating_engine::plan::plan_sample(
        whole_number(&court, "court")?,
        whole_number(&out_of_court, "outOfCourt")?,
    );
    to_js(&plan.to_json())
}

/// The margins of error at 80% and 95% of a sample of `sample` cases, from `population`
/// eligible cases when given (`undefined` or `null` when not known), as `yj-rating plan
/// --margin --json` prints them. Throws an `Error` for a sample of 0, a sample larger
/// than the population, or a count that is not a whole number.
#[wasm_bindgen]
pub fn margins(sample: JsValue, population: JsValue) -> Result<JsValue, JsError> {
    let sample = whole_number(&sample, "sample")?;
    let population = if population.is_undefined() || population.is_null() {
        None
    } else {
        Some(whole_number(&population, "population")?)
    };
    let margins = yj_rating_engine::plan::margins(sample, population)
        .ok_or_else(|| JsError::new("sample: must be at least 1 and no more than the population"))?;
    to_js(&margins.to_json())
}

/// A count handed to the JavaScript API: a whole number from 0 to `u32::MAX`.
fn whole_number(value: &JsValue, name: &str) -> Result<u32, JsError> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
        .map(|n| n as u32)
        .ok_or_else(|| JsError::new(&format!("{name}: must be a whole number from 0 to {}", u32::MAX)))
}

fn to_js(json: &serde_json::Value) -> Result<JsValue, JsError> {
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
