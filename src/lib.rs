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
#[wasm_bindgen]
pub fn score(scenario: JsValue) -> Result<JsValue, JsError> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| JsError::new(&format!("not a scenario object: {e}")))?;
    // A scenario under a framework that is not built in carries its definition.
    let (scenario, framework) = Scenario::from_value_with(&value, &Framework::builtins())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let framework: &Framework = &framework;
    let result = yj_rating_engine::score(framework, &scenario);
    let json = report::to_json(framework, &scenario, &result);
    json.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
