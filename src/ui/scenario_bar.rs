//! The scenario controls: switch, rename, new, example, duplicate, delete, import,
//! export, share, print, rounding and presentation mode.

use crate::app::{AppState, Notice, Part};
use crate::browser;
use leptos::ev::DragEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use yj_rating_engine::Rounding;

/// Imports the first file of a list (from the picker or a drop).
fn import_files(state: AppState, files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    spawn_local(async move {
        let name = file.name();
        match browser::file_text(&file).await {
            Ok(text) => {
                state.open_scenario_text(&text, &format!("\u{201c}{name}\u{201d}"), "");
            }
            Err(e) => state.notify(Notice::Error(format!(
                "\u{201c}{name}\u{201d} could not be read: {e}"
            ))),
        }
    });
}

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (share_text, set_share_text) = signal(None::<String>);
    let dragging = RwSignal::new(false);
    // On a phone the actions fold behind one button (a disclosure); wider, they are shown.
    let actions_open = RwSignal::new(false);

    let share = move |_| {
        let Some(link) = state.share_link() else { return };
        spawn_local(async move {
            match browser::copy_text(&link).await {
                Ok(()) => {
                    set_share_text.set(None);
                    state.notify(Notice::Info(
                        "Share link copied. It carries the whole scenario: anyone who opens it gets their own copy.".into(),
                    ));
                }
                // No clipboard (permissions, or an insecure page): show it to copy by hand.
                Err(_) => set_share_text.set(Some(link)),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            import_files(state, input.files());
            input.set_value("");
        }
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        import_files(state, ev.data_transfer().and_then(|d| d.files()));
    };

    view! {
        <section class="scenario-bar" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading" class="visually-hidden">"Scenario"</h2>
            {scenario_fields()}
            <button type="button" class="button button-secondary actions-toggle" data-testid="actions-toggle"
                aria-controls="scenario-actions" aria-expanded=move || actions_open.get().to_string()
                on:click=move |_| actions_open.update(|open| *open = !*open)>"Scenario and file actions"</button>
            // Compact, in two labelled groups, so the ratings are in the first screen.
            <div class="bar-row toolbar" id="scenario-actions" class:folded=move || !actions_open.get()>
                <div class="buttons" role="group" aria-label="Scenarios">
                    {action_button(state, BarAction::NewBlank)}
                    {action_button(state, BarAction::Example)}
                    {action_button(state, BarAction::Duplicate)}
                    <super::compare::BranchButton/>
                    {action_button(state, BarAction::Delete)}
                </div>
                <div class="buttons" role="group" aria-label="Files and sharing">
                    <label class="button file-button" for="import-file">"Import file"</label>
                    <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="import-file" on:change=on_file/>
                    <span class="drop-zone" class:dragging=move || dragging.get() data-testid="drop-zone"
                        on:dragover=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
                        on:dragleave=move |_| dragging.set(false)
                        on:drop=on_drop>
                        "or drop one here"
                    </span>
                    {action_button(state, BarAction::Export)}
                    {action_button(state, BarAction::ExportCsv)}
                    <button type="button" class="button" data-testid="share" on:click=share>"Copy share link"</button>
                    {action_button(state, BarAction::Print)}
                </div>
                // The bar gives way to the presenter's bar, where focus goes once it is shown.
                <button type="button" class="button" id="presentation-toggle" data-testid="presentation"
                    aria-pressed=move || state.presentation.get().to_string()
                    on:click=move |_| {
                        state.presentation.update(|p| *p = !*p);
                        request_animation_frame(|| browser::focus("hide-figures"));
                    }>"Presentation mode"</button>
            </div>
            {move || share_text.get().map(|link| view! {
                <div class="field share-fallback">
                    <label for="share-link">"Share link: copy it from here"</label>
                    <input id="share-link" type="text" readonly data-testid="share-link" prop:value=link/>
                </div>
            })}
        </section>
    }
}

/// The bar's plain commands: one button view for all of them.
#[derive(Clone, Copy)]
enum BarAction {
    NewBlank,
    Example,
    Duplicate,
    Delete,
    Export,
    ExportCsv,
    Print,
}

fn action_button(state: AppState, action: BarAction) -> impl IntoView {
    let (testid, label, class) = match action {
        BarAction::NewBlank => ("new-blank", "New blank", "button"),
        BarAction::Example => ("load-example", "Torbay 2021 example", "button"),
        BarAction::Duplicate => ("duplicate", "Duplicate", "button"),
        BarAction::Delete => ("delete", "Delete", "button button-warning"),
        BarAction::Export => ("export", "Export file", "button"),
        BarAction::ExportCsv => ("export-csv", "Export CSV", "button"),
        BarAction::Print => ("print", "Print", "button"),
    };
    let run = move |_| match action {
        BarAction::NewBlank => state.new_blank(),
        BarAction::Example => state.load_example(),
        BarAction::Duplicate => state.duplicate(),
        BarAction::Delete => state.delete_current(),
        BarAction::Export => state.export(),
        BarAction::ExportCsv => state.export_csv(),
        BarAction::Print => browser::print(),
    };
    view! { <button type="button" class=class data-testid=testid on:click=run>{label}</button> }
}

/// Which scenario is current, its name, and how it rounds percentages.
fn scenario_fields() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = Memo::new(move |_| {
        state.with_scenarios(|l| {
            l.scenarios
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let current = Memo::new(move |_| state.with_scenarios(|l| l.current().id));
    let name = Memo::new(move |_| state.with_scenarios(|l| l.current().name.clone()));
    let rounding = Memo::new(move |_| state.with_part(&Part::Rounding, |f| f.rounding));
    view! {
    <div class="bar-row">
        <div class="field">
            <label for="scenario-select">"Scenario"</label>
            <select id="scenario-select" data-testid="scenario-select"
                on:change=move |ev| {
                    if let Ok(id) = event_target_value(&ev).parse::<u64>() {
                        state.select(id);
                    }
                }>
                {move || scenarios.get().into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() prop:selected=move || current.get() == id>{name}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for="scenario-name">"Name"</label>
            // Saved as it is typed (a reload straight after keeps it); once entered, the
            // field shows the name kept: trimmed, or the one before if left blank.
            <input id="scenario-name" type="text" data-testid="scenario-name" autocomplete="off"
                prop:value=move || name.get()
                on:input=move |ev| state.rename_as_typed(&event_target_value(&ev))
                on:change=move |ev| {
                    state.rename(&event_target_value(&ev));
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.set_value(&name.get_untracked());
                    }
                }/>
        </div>
        <div class="field checkbox">
            <input id="rounding" type="checkbox" data-testid="rounding"
                prop:checked=move || rounding.get() == Rounding::WholePercent
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    state.set_rounding(if checked { Rounding::WholePercent } else { Rounding::Exact });
                }/>
            <label for="rounding">"Round to whole percentages before banding"</label>
        </div>
    </div>
    }
}
