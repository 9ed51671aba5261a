//! Explain mode: an "Explain" button on each standard opens a panel with the engine's
//! step-by-step account of how the rating arises, each step beside the rule it applies.
//! Large type for a projector; focus moves to the panel and back to the button on close;
//! Escape closes it. It follows the counts live while open.

use crate::app::AppState;
use crate::browser;
use leptos::prelude::*;
use yj_rating_engine::explain::explain;
use yj_rating_engine::Standard;

#[component]
pub fn Explain(standard: Standard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let id = standard.id.clone();
    let slug = id.replace('.', "-");
    let panel_id = format!("explain-{slug}");
    let heading_id = format!("explain-heading-{slug}");
    let button_id = format!("explain-button-{slug}");
    // Focus the panel's heading once it is on the page (effects run after rendering).
    {
        let heading_id = heading_id.clone();
        Effect::new(move |_| {
            if open.get() {
                browser::focus(&heading_id);
            }
        });
    }
    let close = {
        let button_id = button_id.clone();
        move || {
            open.set(false);
            browser::focus(&button_id);
        }
    };
    // Rendered only while open (inside the `Show`), so closed panels cost nothing.
    let steps = {
        let id = id.clone();
        move || {
            let framework = state.framework.get().0;
            let explanation = state.scenario.with(|(scenario, _)| {
                state
                    .result
                    .with(|result| explain(&framework, scenario, result, &id))
            });
            explanation.map(|e| {
                e.steps
                    .into_iter()
                    .map(|step| {
                        view! {
                            <li class="explain-step">
                                <span class="rule-cite">"Rule " {step.rule}</span>
                                " "
                                <span class="step-text">{step.text}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let on_keydown = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                close();
            }
        }
    };
    let toggle = {
        let close = close.clone();
        move |_| {
            if open.get_untracked() {
                close()
            } else {
                open.set(true)
            }
        }
    };
    view! {
        <button type="button" class="button button-secondary explain-button" id=button_id
            data-testid=format!("explain-{id}") aria-expanded=move || open.get().to_string()
            aria-controls=panel_id.clone() on:click=toggle>
            "Explain" <span class="visually-hidden">{format!(" the rating of {} {}", standard.id, standard.name)}</span>
        </button>
        <Show when=move || open.get()>
            <div class="explain-panel" role="dialog" aria-labelledby=heading_id.clone() id=panel_id.clone()
                data-testid=format!("explain-panel-{id}") on:keydown=on_keydown.clone()>
                <h4 id=heading_id.clone() tabindex="-1" data-testid=format!("explain-heading-{id}")>
                    {format!("How the rating of {} {} arises", standard.id, standard.name)}
                </h4>
                <ol class="explain-steps" data-testid=format!("explain-steps-{id}")>{steps.clone()}</ol>
                <button type="button" class="button" data-testid=format!("explain-close-{id}")
                    on:click={
                        let close = close.clone();
                        move |_| close()
                    }>"Close explanation"</button>
            </div>
        </Show>
    }
}
