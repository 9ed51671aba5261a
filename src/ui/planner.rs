//! The sample planner (issue #14): how many cases an inspection would look at, from the
//! eligible court and out-of-court cases, with the engine's working step by step; the
//! margin of error of a sample of any size; and "Record these cases", which starts a
//! scenario whose grids have that many rows. Every figure and step comes from the
//! engine's `plan` module; this view only reads the fields and shows them.

use crate::app::AppState;
use crate::words;
use leptos::prelude::*;
use yj_rating_engine::plan::{self, margins, plan_sample};
use yj_rating_workbook::form::parse_count;

/// A number field of the planner, its text kept as typed and its message beside it. A
/// blank field has no message: the figures it feeds simply wait for it.
#[component]
fn PlanField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    text: RwSignal<String>,
) -> impl IntoView {
    let error = Memo::new(move |_| {
        let typed = text.get();
        (!typed.trim().is_empty())
            .then(|| parse_count(&typed).err())
            .flatten()
    });
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:count-error=move || error.get().is_some()>
            <label for=id>{label}<span class="hint" id=hint_id>{hint}</span></label>
            {move || error.get().map(|message| {
                view! { <span class="field-error" id=error_id.clone() data-testid=format!("{id}-error")>{message}</span> }
            })}
            <input id=id type="text" inputmode="numeric" autocomplete="off" size="6" data-testid=id
                aria-describedby=described
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))/>
        </div>
    }
}

#[component]
pub fn Planner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let court = RwSignal::new(String::new());
    let out_of_court = RwSignal::new(String::new());
    let sample = RwSignal::new(String::new());
    let population = RwSignal::new(String::new());
    let plan = Memo::new(move |_| {
        let court = parse_count(&court.get()).ok()?;
        let out_of_court = parse_count(&out_of_court.get()).ok()?;
        Some(plan_sample(court, out_of_court))
    });
    let result = move || plan.with(|plan| plan.as_ref().map(words::plan_result));
    let working = move || {
        plan.get().map(|plan| {
            let (c, o) = (plan.court_sample, plan.out_of_court_sample);
            let steps = plan.steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view();
            view! {
                <ol class="plan-steps" data-testid="plan-steps">{steps}</ol>
                <button type="button" class="button" data-testid="plan-record"
                    on:click=move |_| {
                        // Into the new grid at its first case, once it is drawn.
                        if state.record_sample(c, o) {
                            let domain = if c > 0 { plan::COURT_DOMAIN } else { plan::OUT_OF_COURT_DOMAIN };
                            let first = super::case_grid::label_id(domain, 0);
                            request_animation_frame(move || crate::browser::focus(&first));
                        }
                    }>"Record these cases"</button>
                <span class="hint">"Starts a new scenario, entered case by case, with that many rows in each domain's grid."</span>
            }
        })
    };
    let margin = move || {
        let n = parse_count(&sample.get()).ok()?;
        let typed = population.get();
        let population = if typed.trim().is_empty() {
            None
        } else {
            Some(parse_count(&typed).ok()?)
        };
        Some(match margins(n, population) {
            Some(m) => format!("A sample of {n}: {}.", words::margins(&m)),
            None if n == 0 => "A sample of no cases has no margin of error.".to_owned(),
            None => format!(
                "A sample of {n} cannot be drawn from {} eligible cases.",
                population.unwrap_or(0)
            ),
        })
    };
    view! {
        <details class="planner" data-testid="planner">
            <summary>"Plan a sample"</summary>
            <p class="hint">{words::plan_method()}</p>
            <div class="plan-fields">
                <PlanField id="plan-court" label="Eligible court disposals" hint="in the period" text=court/>
                <PlanField id="plan-out-of-court" label="Eligible out-of-court disposals" hint="in the period" text=out_of_court/>
            </div>
            <p class="plan-result" aria-live="polite" data-testid="plan-result">{result}</p>
            {working}
            <h3>"Margin of error of a sample"</h3>
            <div class="plan-fields">
                <PlanField id="plan-sample" label="Cases in the sample" hint="any size" text=sample/>
                <PlanField id="plan-population" label="Eligible cases" hint="leave blank if not known" text=population/>
            </div>
            <p aria-live="polite" data-testid="plan-margin">{margin}</p>
        </details>
    }
}
