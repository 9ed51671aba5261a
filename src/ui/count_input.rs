//! A count field: typed freely (the text is kept exactly as typed), stepped with the
//! arrow keys or the buttons, its message shown beside it in the GOV.UK manner.

use crate::app::AppState;
use crate::browser;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use yj_rating_engine::MAX_CASES;
use yj_rating_workbook::form::{parse_count, FieldPath};

/// Every count field of the page, in order (the class only they carry).
const COUNT_FIELDS: &str = "main input.count-field";

/// The DOM id of a field, from its path.
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The DOM id of a field of the form.
pub fn form_field_id(path: &FieldPath) -> String {
    field_id(&path.to_string())
}

/// The text after stepping `delta` from `text`: a number clamped to 0..=10,000, or
/// `None` when the text is not a number to step from.
fn stepped(text: &str, delta: i64) -> Option<String> {
    let current = if text.trim().is_empty() {
        0
    } else {
        i64::from(parse_count(text).ok()?)
    };
    Some((current + delta).clamp(0, i64::from(MAX_CASES)).to_string())
}

#[component]
pub fn CountInput(
    /// The field.
    path: FieldPath,
    /// The visible label.
    label: String,
    /// Words for screen readers that place the field, e.g. "2.1 Assessment, desistance".
    context: String,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = state.text(path.clone());
    let error = state.error(&path);
    let id = form_field_id(&path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let step = {
        let path = path.clone();
        move |delta: i64| {
            if let Some(next) = stepped(&text.get_untracked(), delta) {
                state.set_text(&path, next);
            }
        }
    };
    let on_input = {
        let path = path.clone();
        move |ev| state.set_text(&path, event_target_value(&ev))
    };
    let on_keydown = {
        let (step, id) = (step.clone(), id.clone());
        move |ev: KeyboardEvent| {
            // Enter goes on to the next count (Shift+Enter back), past the other controls
            // of a standard and on into the next standard.
            if ev.key() == "Enter" {
                ev.prevent_default();
                browser::focus_along(&id, COUNT_FIELDS, ev.shift_key());
                return;
            }
            // Alt+Down and Alt+Up: straight to the next (or previous) standard's first count.
            if ev.alt_key() && matches!(ev.key().as_str(), "ArrowDown" | "ArrowUp") {
                ev.prevent_default();
                browser::focus_next_group(&id, COUNT_FIELDS, ".standard", ev.key() == "ArrowUp");
                return;
            }
            let delta = match ev.key().as_str() {
                "ArrowUp" => 1,
                "ArrowDown" => -1,
                "PageUp" => 10,
                "PageDown" => -10,
                _ => return,
            };
            ev.prevent_default();
            step(delta);
        }
    };
    let (down, up) = (step.clone(), step);
    view! {
        <div class="count" class:count-error=move || error.get().is_some()>
            <label for=id.clone()>{label.clone()}<span class="visually-hidden">{format!(", {context}")}</span></label>
            {hint.clone().map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            {move || error.get().map(|e| view! {
                <span class="field-error" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</span>
            })}
            <div class="count-row">
                <button type="button" class="step" tabindex="-1" aria-hidden="true" on:click=move |_| down(-1)>"−"</button>
                <input
                    id=id.clone()
                    class="count-field"
                    type="text"
                    aria-keyshortcuts="Enter Shift+Enter"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    size="5"
                    data-testid=path.to_string()
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=described_by
                    prop:value=move || text.get()
                    on:input=on_input
                    on:keydown=on_keydown
                />
                <button type="button" class="step" tabindex="-1" aria-hidden="true" on:click=move |_| up(1)>"+"</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_clamps_and_leaves_bad_text_alone() {
        assert_eq!(stepped("", 1).as_deref(), Some("1"));
        assert_eq!(stepped("0", -1).as_deref(), Some("0"));
        assert_eq!(stepped("9999", 10).as_deref(), Some("10000"));
        assert_eq!(stepped("abc", 1), None);
        assert_eq!(field_id("standards.2.1.cases"), "f-standards-2-1-cases");
    }
}
