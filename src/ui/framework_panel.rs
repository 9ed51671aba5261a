//! The framework panel: which framework the scenario is scored under (with its note),
//! choosing one for a new scenario, converting the scenario to another (after
//! confirming what would be left out), and importing or removing a framework file.

use crate::app::{AppState, Notice, PendingConversion};
use crate::browser;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use yj_rating_workbook::SharedFramework;

#[component]
pub fn FrameworkPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The frameworks in use change with the list of scenarios (an import, a removal), not
    // with typing.
    let known = Memo::new(move |_| {
        state.with_scenarios(|l| l.known().into_iter().map(SharedFramework).collect::<Vec<_>>())
    });
    // The framework chosen in the list; `None` follows the current scenario's.
    let chosen = RwSignal::new(None::<String>);
    let choice = Memo::new(move |_| {
        let current = state.framework.get();
        let id = chosen.get().unwrap_or_else(|| current.id.clone());
        known.with(|k| k.iter().find(|f| f.id == id).cloned().unwrap_or(current))
    });
    let pending = RwSignal::new(None::<PendingConversion>);
    let is_current = move || choice.get() == state.framework.get();

    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(file) = file else { return };
        spawn_local(async move {
            let name = file.name();
            match browser::file_text(&file).await {
                Ok(text) => {
                    if let Some(id) = state.import_framework_text(&text, &format!("\u{201c}{name}\u{201d}")) {
                        chosen.set(Some(id));
                    }
                }
                Err(e) => state.notify(Notice::Error(format!(
                    "\u{201c}{name}\u{201d} could not be read: {e}"
                ))),
            }
        });
    };
    let ask_to_convert = move |_| {
        pending.set(Some(state.prepare_conversion(choice.get_untracked().0)));
        request_animation_frame(|| browser::focus("convert-heading"));
    };

    view! {
        // Out of the way until wanted: most scenarios keep the framework they start with.
        <details class="framework-panel" data-testid="framework-panel">
            <summary data-testid="framework-toggle">
                <h2 id="framework-heading">"Framework"</h2>
                <span class="framework-summary">{move || format!(": {}", state.framework.get().name)}</span>
                " (change, convert or import)"
            </summary>
            <p data-testid="framework-current">
                "This scenario is scored under " <strong>{move || state.framework.get().name.clone()}</strong>
                {move || format!(" ({}).", state.framework.get().id)}
            </p>
            {move || {
                let note = state.framework.get().note.clone();
                (!note.is_empty()).then(|| view! { <p class="hint framework-note" data-testid="framework-note">{note}</p> })
            }}
            <div class="bar-row">
                <div class="field">
                    <label for="framework-choice">"Choose a framework"</label>
                    <select id="framework-choice" data-testid="framework-choice"
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {move || known.get().into_iter().map(|f| {
                            let id = f.id.clone();
                            let label = if f.is_builtin() { f.name.clone() } else { format!("{} (imported)", f.name) };
                            view! { <option value=id.clone() prop:selected=move || choice.get().id == id>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="bar-row buttons" role="group" aria-label="Framework actions">
                <button type="button" class="button" data-testid="new-under-framework"
                    on:click=move |_| { state.new_blank_under(&choice.get_untracked()); chosen.set(None); }>
                    "New blank scenario under it"
                </button>
                <button type="button" id="convert-framework" class="button" data-testid="convert-framework"
                    prop:disabled=is_current on:click=ask_to_convert>
                    "Convert this scenario to it\u{2026}"
                </button>
                <label class="button file-button" for="import-framework">"Import framework file"</label>
                <input id="import-framework" class="visually-hidden" type="file" accept=".json,application/json"
                    data-testid="import-framework" on:change=on_file/>
                {move || (!choice.get().is_builtin()).then(|| view! {
                    <button type="button" class="button button-warning" data-testid="remove-framework"
                        on:click=move |_| {
                            let id = choice.get_untracked().id.clone();
                            if state.remove_framework(&id) {
                                chosen.set(None);
                            }
                        }>
                        "Remove this imported framework"
                    </button>
                })}
            </div>
            {convert_panel(pending, chosen)}
        </details>
    }
}

/// The confirmation a conversion waits for: what would be left out, then Convert or
/// Cancel (Escape cancels too).
fn convert_panel(
    pending: RwSignal<Option<PendingConversion>>,
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let close = move || {
        pending.set(None);
        browser::focus("convert-framework");
    };
    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            state.convert_current(&p.to);
            chosen.set(None);
        }
        close();
    };
    move || {
        pending.get().map(|p| {
            let from = state.library.with_untracked(|l| l.current().name.clone());
            let dropped = p.dropped.clone();
            view! {
                <div class="confirm-panel" role="group" aria-labelledby="convert-heading" data-testid="convert-panel"
                    on:keydown=move |ev| if ev.key() == "Escape" { close(); }>
                    <h3 id="convert-heading" tabindex="-1" data-testid="convert-heading">
                        {format!("Convert \u{201c}{from}\u{201d} to {}?", p.to.name)}
                    </h3>
                    <p>"The converted scenario is a new one; this one stays as it is."</p>
                    {if dropped.is_empty() {
                        Either::Left(view! { <p data-testid="convert-nothing-dropped">"Every entry comes across: nothing is left out."</p> })
                    } else {
                        Either::Right(view! {
                            <p>"These entries exist only in this scenario's framework and will be left out of the new one:"</p>
                            <ul data-testid="convert-dropped">
                                {dropped.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                            </ul>
                        })
                    }}
                    <div class="bar-row buttons">
                        <button type="button" class="button" data-testid="convert-confirm" on:click=confirm>"Convert"</button>
                        <button type="button" class="button button-secondary" data-testid="convert-cancel"
                            on:click=move |_| close()>"Cancel"</button>
                    </div>
                </div>
            }
        })
    }
}
