//! What-if branches: the "What-if copy" button, and, while the current scenario is a
//! branch, the comparison with its original side by side, every difference marked with
//! a visible "Changed" (never by colour alone) and announced politely, with "Keep
//! branch" and "Discard branch". The engine finds the differences; this only shows them.

use crate::state::{framework_of, AppState, Notice};
use crate::words;
use leptos::prelude::*;
use yj_rating_engine::compare::{compare, Comparison, Difference};
use yj_rating_engine::{score, Framework, ScenarioResult, Standard, StandardResult};

/// Branches a what-if copy from the current scenario.
#[component]
pub fn BranchButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let branch = move |_| {
        let original = state.library.with_untracked(|l| l.current().name.clone());
        let mut name = String::new();
        state.library.update(|l| {
            l.branch_current();
            name = l.current().name.clone();
        });
        state.notify(Notice::Info(format!(
            "Made a what-if copy of \u{201c}{original}\u{201d}, called \u{201c}{name}\u{201d}. Change it freely: \
             the comparison with the original is shown above the standards."
        )));
    };
    view! {
        <button type="button" class="button" data-testid="branch" on:click=branch>"What-if copy"</button>
    }
}

fn focus_scenario_select() {
    use wasm_bindgen::JsCast;
    let select = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("scenario-select"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(select) = select {
        let _ = select.focus();
    }
}

/// The comparison of the current what-if branch with its original (nothing otherwise).
#[component]
pub fn Comparison() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The original's name and result, while the current scenario is a branch of one
    // under the same framework.
    let original = Memo::new(move |_| {
        state.library.with(|l| {
            let original = l.original_of_current()?;
            if original.form.framework != l.current().form.framework {
                return None;
            }
            let framework = framework_of(&original.form);
            let (scenario, _) = original.form.to_scenario(framework);
            Some((original.name.clone(), score(framework, &scenario)))
        })
    });
    let comparison = Memo::new(move |_| {
        original.with(|o| {
            o.as_ref().map(|(_, before)| {
                state
                    .result
                    .with(|after| compare(state.framework.get().0, before, after))
            })
        })
    });
    let summary = move || {
        comparison.with(|c| {
            c.as_ref()
                .map(|c| summary_sentence(state.framework.get().0, c))
                .unwrap_or_default()
        })
    };
    let keep = move |_| {
        let name = state.library.with_untracked(|l| l.current().name.clone());
        state.library.update(|l| l.keep_branch());
        state.notify(Notice::Info(format!(
            "Kept \u{201c}{name}\u{201d} as an ordinary scenario."
        )));
        focus_scenario_select();
    };
    let discard = move |_| {
        let mut deleted = None;
        state.library.update(|l| deleted = l.discard_branch());
        if deleted.is_some() {
            state.deleted.set(deleted);
        }
        focus_scenario_select();
    };
    let table = move || {
        let framework = state.framework.get().0;
        original.with(|o| {
            let (_, before) = o.as_ref()?;
            comparison.with(|c| {
                let c = c.as_ref()?;
                Some(state.result.with(|after| table_view(framework, before, after, c)))
            })
        })
    };
    let names = move || {
        let branch = state.library.with(|l| l.current().name.clone());
        original.with(|o| {
            o.as_ref().map(|(name, _)| {
                format!(
                    "The original, \u{201c}{name}\u{201d}, beside this what-if branch, \u{201c}{branch}\u{201d}. \
                     Edit the branch in the calculator below: the comparison follows."
                )
            })
        })
    };
    view! {
        <Show when=move || original.with(Option::is_some)>
            <section class="compare" aria-labelledby="compare-heading" data-testid="compare">
                <h2 id="compare-heading">"What-if comparison"</h2>
                <p data-testid="compare-names">{names}</p>
                <p class="compare-summary" aria-live="polite" aria-atomic="true" data-testid="compare-summary">{summary}</p>
                {table}
                <div class="bar-row buttons" role="group" aria-label="What-if branch">
                    <button type="button" class="button" data-testid="keep-branch" on:click=keep>"Keep branch"</button>
                    <button type="button" class="button button-warning" data-testid="discard-branch" on:click=discard>
                        "Discard branch"
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// "2 differences from the original: 3.4 Joint working: rating Inadequate, now Good; ..."
/// naming the ratings, total and overall rating (the table shows the rest).
fn summary_sentence(framework: &Framework, comparison: &Comparison) -> String {
    let n = comparison.differences.len();
    if n == 0 {
        return "No differences from the original yet.".into();
    }
    let headline: Vec<String> = comparison
        .differences
        .iter()
        .filter(|d| {
            matches!(
                d,
                Difference::Rating { .. }
                    | Difference::Total { .. }
                    | Difference::Overall { .. }
                    | Difference::Reachable { .. }
            )
        })
        .map(|d| d.describe(framework))
        .collect();
    let s = if n == 1 { "" } else { "s" };
    if headline.is_empty() {
        format!("{n} difference{s} from the original, none in a rating or the score.")
    } else {
        format!("{n} difference{s} from the original. {}.", headline.join(". "))
    }
}

fn changed_tag(changed: bool) -> impl IntoView {
    if changed {
        view! { <span class="tag tag-changed">"Changed"</span> }.into_any()
    } else {
        view! { <span class="muted">"Same"</span> }.into_any()
    }
}

/// A mark beside a changed item on the what-if side.
fn mark(changed: bool) -> impl IntoView {
    changed.then(|| view! { <span class="change-mark">" (changed)"</span> })
}

fn rating_text(framework: &Framework, r: &StandardResult) -> String {
    match (r.rating, r.mechanical_rating) {
        (Some(rating), Some(m)) if r.changed_by_discretion => format!(
            "{} (by discretion, from {})",
            framework.label(rating),
            framework.label(m)
        ),
        (Some(rating), _) => framework.label(rating).to_owned(),
        (None, _) => words::status_text(r.status).to_owned(),
    }
}

/// One side of a standard's row; `changes` marks what differs on the what-if side.
fn side(
    framework: &Framework,
    definition: &Standard,
    r: &StandardResult,
    changes: Option<(&Comparison, usize)>,
) -> impl IntoView {
    let differs =
        |test: &dyn Fn(&Difference) -> bool| changes.is_some_and(|(c, i)| c.for_standard(i).any(test));
    let rating_changed = differs(&|d| {
        matches!(
            d,
            Difference::Rating { .. } | Difference::MechanicalRating { .. } | Difference::Discretion { .. }
        )
    });
    let score_changed = differs(&|d| matches!(d, Difference::Score { .. }));
    let flags_changed =
        differs(&|d| matches!(d, Difference::FlagAdded { .. } | Difference::FlagRemoved { .. }));
    let bands = definition
        .key_questions
        .iter()
        .zip(&r.key_questions)
        .enumerate()
        .map(|(k, (kq, result))| {
            let changed = changes.is_some_and(|(c, i)| c.band_changed(i, k));
            let band = result
                .band
                .map_or("–".to_owned(), |b| framework.band_name(b).to_owned());
            view! { <li class:changed=changed>{format!("{}: {band}", kq.id)}{mark(changed)}</li> }
        })
        .collect_view();
    let flags: Vec<&str> = r.flags.iter().map(words::flag_title).collect();
    let flags = if flags.is_empty() {
        "No flags".to_owned()
    } else {
        format!("Flags: {}", flags.join(", "))
    };
    view! {
        <div class:changed=rating_changed class="compare-rating">
            <span class="icon" aria-hidden="true">{r.rating.map(words::rating_icon)}</span>
            " " {rating_text(framework, r)} {mark(rating_changed)}
        </div>
        <div class:changed=score_changed>
            {r.score.map_or("No score".to_owned(), |s| format!("Score {s}"))} {mark(score_changed)}
        </div>
        {(!definition.key_questions.is_empty()).then(|| view! { <ul class="plain compare-bands">{bands}</ul> })}
        {(!definition.key_questions.is_empty()).then(|| view! {
            <div class:changed=flags_changed>{flags} {mark(flags_changed)}</div>
        })}
    }
}

fn overall_text(framework: &Framework, r: &ScenarioResult) -> String {
    match r.overall {
        Some(o) => framework.label(o).to_owned(),
        None => format!(
            "Not named yet: between {} and {}",
            framework.label(r.reachable.0),
            framework.label(r.reachable.1)
        ),
    }
}

fn table_view(
    framework: &'static Framework,
    before: &ScenarioResult,
    after: &ScenarioResult,
    c: &Comparison,
) -> impl IntoView {
    let rows = framework
        .standards
        .iter()
        .enumerate()
        .filter_map(|(i, definition)| Some((i, definition, before.standards.get(i)?, after.standards.get(i)?)))
        .map(|(i, definition, b, a)| {
            let changed = c.standard_changed(i);
            view! {
                <tr class:changed=changed data-testid=format!("compare-row-{}", definition.id)>
                    <th scope="row">{format!("{} {}", definition.id, definition.name)}</th>
                    <td data-testid=format!("compare-original-{}", definition.id)>{side(framework, definition, b, None)}</td>
                    <td data-testid=format!("compare-branch-{}", definition.id)>{side(framework, definition, a, Some((c, i)))}</td>
                    <td data-testid=format!("compare-changed-{}", definition.id)>{changed_tag(changed)}</td>
                </tr>
            }
        })
        .collect_view();
    let domains = framework
        .domains
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d, before.domains.get(i)?, after.domains.get(i)?)))
        .map(|(i, d, b, a)| {
            let changed = c.domain_changed(i);
            view! {
                <tr class:changed=changed data-testid=format!("compare-domain-{}", d.id)>
                    <th scope="row">{format!("Domain {} {} subtotal", d.id, d.name)}</th>
                    <td>{format!("{}/{}", b.score, b.max)}</td>
                    <td>{format!("{}/{}", a.score, a.max)}{mark(changed)}</td>
                    <td>{changed_tag(changed)}</td>
                </tr>
            }
        })
        .collect_view();
    let total_changed = before.total != after.total;
    let overall_changed = c
        .differences
        .iter()
        .any(|d| matches!(d, Difference::Overall { .. } | Difference::Reachable { .. }));
    let overall_icon = |r: &ScenarioResult| r.overall.map(words::rating_icon);
    let differences = c
        .differences
        .iter()
        .map(|d| view! { <li>{d.describe(framework)}</li> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="compare-table" data-testid="compare-table">
                <caption class="visually-hidden">"The original and the what-if branch, standard by standard"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Standard"</th>
                        <th scope="col">"Original"</th>
                        <th scope="col">"What-if"</th>
                        <th scope="col">"Difference"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    {domains}
                    <tr class:changed=total_changed data-testid="compare-total">
                        <th scope="row">"Total score"</th>
                        <td>{format!("{}/{}", before.total, before.max)}</td>
                        <td>{format!("{}/{}", after.total, after.max)}{mark(total_changed)}</td>
                        <td>{changed_tag(total_changed)}</td>
                    </tr>
                    <tr class:changed=overall_changed data-testid="compare-overall">
                        <th scope="row">"Overall rating"</th>
                        <td><span aria-hidden="true">{overall_icon(before)}</span>" "{overall_text(framework, before)}</td>
                        <td><span aria-hidden="true">{overall_icon(after)}</span>" "{overall_text(framework, after)}{mark(overall_changed)}</td>
                        <td>{changed_tag(overall_changed)}</td>
                    </tr>
                </tbody>
            </table>
        </div>
        <details class="compare-list">
            <summary>"Every difference as a list"</summary>
            <ul data-testid="compare-differences">{differences}</ul>
        </details>
    }
}
