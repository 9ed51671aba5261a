//! Explain mode: an "Explain" button on each standard opens a panel with the engine's
//! step-by-step account of how the rating arises, each step beside the rule it applies.
//! Large type for a projector; focus moves to the panel and back to the button on close;
//! Escape closes it. It follows the counts live while open.

use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;
use yj_rating_engine::explain::explain;
use yj_rating_engine::Standard;

#[component]
pub fn Explain(standard: Standard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let heading = NodeRef::<html::H4>::new();
    let id = standard.id.clone();
    let slug = id.replace('.', "-");
    let panel_id = format!("explain-{slug}");
    let heading_id = format!("explain-heading-{slug}");
    let explanation = {
        let id = id.clone();
        Memo::new(move |_| {
            if !open.get() {
                return None;
            }
            let framework = state.framework.get().0;
            state.scenario.with(|(scenario, _)| {
                state
                    .result
                    .with(|result| explain(framework, scenario, result, &id))
            })
        })
    };
    // Focus the panel's heading once it is on the page.
    Effect::new(move |_| {
        if open.get() {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
    });
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let steps = move || {
        explanation.with(|e| {
            e.as_ref().map(|e| {
                e.steps
                    .iter()
                    .map(|step| {
                        view! {
                            <li class="explain-step">
                                <span class="rule-cite">{format!("Rule {}", step.rule)}</span>
                                " "
                                <span class="step-text">{step.text.clone()}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <button type="button" class="button button-secondary explain-button" node_ref=button
            data-testid=format!("explain-{id}") aria-expanded=move || open.get().to_string()
            aria-controls=panel_id.clone()
            on:click=move |_| {
                if open.get_untracked() { close() } else { open.set(true) }
            }>
            "Explain" <span class="visually-hidden">{format!(" the rating of {} {}", standard.id, standard.name)}</span>
        </button>
        <Show when=move || open.get()>
            <div class="explain-panel" role="dialog" aria-labelledby=heading_id.clone() id=panel_id.clone()
                data-testid=format!("explain-panel-{id}")
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close();
                    }
                }>
                <h4 id=heading_id.clone() tabindex="-1" node_ref=heading data-testid=format!("explain-heading-{id}")>
                    {format!("How the rating of {} {} arises", standard.id, standard.name)}
                </h4>
                <ol class="explain-steps" data-testid=format!("explain-steps-{id}")>{steps}</ol>
                <button type="button" class="button" data-testid=format!("explain-close-{id}")
                    on:click=move |_| close()>"Close explanation"</button>
            </div>
        </Show>
    }
}
