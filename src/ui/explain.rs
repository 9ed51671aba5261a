//! Explain mode: an "Explain" button on each standard opens a panel with the engine's
//! step-by-step account of how the rating arises, each step beside the rule it applies.
//! Large type for a projector; focus moves to the panel and back to the button on close;
//! Escape closes it. It follows the counts live while open. In presentation mode it
//! reveals its steps one at a time (Next and Previous, or the arrow keys).

use crate::app::AppState;
use crate::browser;
use leptos::prelude::*;
use yj_rating_engine::explain::{explain, Step};
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
    focus_when_open(open, heading_id.clone());
    let close = {
        let button_id = button_id.clone();
        move || {
            open.set(false);
            browser::focus(&button_id);
        }
    };
    let steps = explanation_steps(state, open, id.clone());
    // In presentation mode the steps come one at a time, for a trainer to talk through;
    // elsewhere all at once. Counted from 1: the first step shows on opening.
    let shown = RwSignal::new(1usize);
    let stepping = move || state.presentation.get();
    let last = move || steps.with(Vec::len).max(1);
    let visible = move || {
        if stepping() {
            shown.get().min(last())
        } else {
            last()
        }
    };
    let step_list = move || {
        steps.with(|steps| {
            steps
                .iter()
                .take(visible())
                .map(|step| {
                    view! {
                        <li class="explain-step">
                            <span class="rule-cite">"Rule " {step.rule}</span>
                            " "
                            <span class="step-text">{step.text.clone()}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let next = move || shown.set((shown.get_untracked() + 1).min(last()));
    let previous = move || shown.set(shown.get_untracked().saturating_sub(1).max(1));
    let on_keydown = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            match ev.key().as_str() {
                "Escape" => close(),
                "ArrowRight" | "ArrowDown" | "PageDown" if stepping() => next(),
                "ArrowLeft" | "ArrowUp" | "PageUp" if stepping() => previous(),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let toggle = {
        let close = close.clone();
        move |_| {
            if open.get_untracked() {
                close()
            } else {
                shown.set(1);
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
                // Stepping, each step is read out as it is revealed.
                <ol class="explain-steps" data-testid=format!("explain-steps-{id}")
                    aria-live=move || stepping().then_some("polite")>{step_list}</ol>
                {stepper(id.clone(), stepping, visible, last, next, previous)}
                <button type="button" class="button" data-testid=format!("explain-close-{id}")
                    on:click={
                        let close = close.clone();
                        move |_| close()
                    }>"Close explanation"</button>
            </div>
        </Show>
    }
}

/// Focuses the panel's heading once it is on the page (effects run after rendering).
fn focus_when_open(open: RwSignal<bool>, heading_id: String) {
    Effect::new(move |_| {
        if open.get() {
            browser::focus(&heading_id);
        }
    });
}

/// The explanation's steps, worked out only while open, so closed panels cost nothing.
fn explanation_steps(state: AppState, open: RwSignal<bool>, id: String) -> Memo<Vec<Step>> {
    Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let framework = state.framework.get().0;
        state.scenario.with(|(scenario, _)| {
            state
                .result
                .with(|result| explain(&framework, scenario, result, &id).map_or_else(Vec::new, |e| e.steps))
        })
    })
}

/// Next and Previous for an explanation shown step by step, and where it has got to.
fn stepper(
    id: String,
    stepping: impl Fn() -> bool + Send + Sync + 'static,
    visible: impl Fn() -> usize + Copy + Send + Sync + 'static,
    last: impl Fn() -> usize + Copy + Send + Sync + 'static,
    forward: impl Fn() + Copy + Send + Sync + 'static,
    back: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        stepping().then(|| view! {
            <div class="explain-stepper" role="group" aria-label="Steps">
                // aria-disabled, not disabled: a button pressed to the end keeps focus.
                <button type="button" class="button button-secondary" data-testid=format!("explain-previous-{id}")
                    aria-disabled=move || { (visible() <= 1).to_string() } on:click=move |_| back()>"Previous step"</button>
                <button type="button" class="button" data-testid=format!("explain-next-{id}")
                    aria-disabled=move || { (visible() >= last()).to_string() } on:click=move |_| forward()>"Next step"</button>
                <span class="step-count" data-testid=format!("explain-count-{id}")>
                    {move || format!("Step {} of {}", visible(), last())}
                </span>
                <span class="hint">"Arrow keys step through too."</span>
            </div>
        })
    }
}
