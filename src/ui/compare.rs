//! What-if branches: the "What-if copy" button, and, while the current scenario is a
//! branch, the comparison with its original side by side, every difference marked with
//! a visible "Changed" (never by colour alone) and announced politely, with "Keep
//! branch" and "Discard branch". The engine finds the differences; this only shows them.

use crate::app::AppState;
use crate::browser;
use crate::words;
use leptos::prelude::*;
use yj_rating_engine::compare::{compare, Comparison, Difference};
use yj_rating_engine::{score, Framework, ScenarioResult, Standard, StandardResult};

/// Branches a what-if copy from the current scenario.
#[component]
pub fn BranchButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let branch = move |_| state.branch();
    view! {
        <button type="button" class="button" data-testid="branch" on:click=branch>"What-if copy"</button>
    }
}

/// The original's name and result, while the current scenario is a what-if branch of one
/// under the same framework: what the comparison and each standard's line compare with.
#[derive(Clone, Copy)]
pub struct Original(Memo<Option<(String, ScenarioResult)>>);

impl Original {
    /// Follows the list of scenarios (the original changes only when it is current).
    pub fn new(state: AppState) -> Original {
        Original(Memo::new(move |_| {
            state.with_scenarios(|l| {
                let original = l.original_of_current()?;
                if original.form.framework != l.current().form.framework {
                    return None;
                }
                let framework = l.framework_of(&original.form);
                let (scenario, _) = original.form.to_scenario(&framework);
                Some((original.name.clone(), score(&framework, &scenario)))
            })
        }))
    }
}

/// The comparison of the current what-if branch with its original (nothing otherwise).
#[component]
pub fn Comparison() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Original(original_result) = expect_context::<Original>();
    let original = move || original_result.get();
    let changed_only = RwSignal::new(false);
    let is_branch = move || original_result.with(Option::is_some);
    let summary = move || {
        let framework = state.framework.get().0;
        let (_, before) = original()?;
        Some(
            state
                .result
                .with(|after| summary_sentence(&framework, &compare(&framework, &before, after))),
        )
    };
    let keep = move |_| {
        state.keep_branch();
        browser::focus("scenario-select");
    };
    let discard = move |_| {
        state.discard_branch();
        browser::focus("scenario-select");
    };
    let table = move || {
        let framework = state.framework.get().0;
        let (_, before) = original()?;
        Some(state.result.with(|after| {
            let comparison = compare(&framework, &before, after);
            table_view(&framework, &before, after, &comparison, changed_only.get())
        }))
    };
    let names = move || {
        let branch = state.with_scenarios(|l| l.current().name.clone());
        let name = original_result.with(|o| o.as_ref().map(|(name, _)| name.clone()))?;
        Some(format!(
            "The original, \u{201c}{name}\u{201d}, beside this what-if branch, \u{201c}{branch}\u{201d}. \
             Edit the branch in the calculator below: the comparison follows, and each standard says \
             how it stands against the original."
        ))
    };
    view! {
        <Show when=is_branch>
            <section class="compare" aria-labelledby="compare-heading" data-testid="compare">
                <h2 id="compare-heading">"What-if comparison"</h2>
                <p data-testid="compare-names">{names}</p>
                <p class="compare-summary" aria-live="polite" aria-atomic="true" data-testid="compare-summary">{summary}</p>
                <div class="field checkbox">
                    <input type="checkbox" id="compare-changed-only" data-testid="compare-changed-only"
                        prop:checked=move || changed_only.get()
                        on:change=move |ev| changed_only.set(event_target_checked(&ev))/>
                    <label for="compare-changed-only">"Changed rows only"</label>
                </div>
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
    let s = words::plural(u32::try_from(n).unwrap_or(u32::MAX));
    if headline.is_empty() {
        format!("{n} difference{s} from the original, none in a rating or the score.")
    } else {
        format!("{n} difference{s} from the original. {}.", headline.join(". "))
    }
}

/// One line of a cell: its text, an icon beside it (hidden from screen readers), and
/// whether it differs from the original.
struct Item {
    icon: Option<&'static str>,
    text: String,
    changed: bool,
}

fn item(text: String, changed: bool) -> Item {
    Item {
        icon: None,
        text,
        changed,
    }
}

/// A row of the comparison: the original's items, the what-if's, and whether they differ.
struct Row {
    testid: String,
    key: String,
    label: String,
    original: Vec<Item>,
    branch: Vec<Item>,
    changed: bool,
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
) -> Vec<Item> {
    let differs =
        |test: &dyn Fn(&Difference) -> bool| changes.is_some_and(|(c, i)| c.for_standard(i).any(test));
    let mut items = vec![
        Item {
            icon: r.rating.map(words::rating_icon),
            text: rating_text(framework, r),
            changed: differs(&|d| {
                matches!(
                    d,
                    Difference::Rating { .. }
                        | Difference::MechanicalRating { .. }
                        | Difference::Discretion { .. }
                )
            }),
        },
        item(
            r.score.map_or("No score".to_owned(), |s| format!("Score {s}")),
            differs(&|d| matches!(d, Difference::Score { .. })),
        ),
    ];
    for (k, (kq, result)) in definition.key_questions.iter().zip(&r.key_questions).enumerate() {
        let band = result
            .band
            .map_or("–".to_owned(), |b| framework.band_name(b).to_owned());
        items.push(item(
            format!("{}: {band}", kq.id),
            changes.is_some_and(|(c, i)| c.band_changed(i, k)),
        ));
    }
    if !definition.key_questions.is_empty() {
        let flags: Vec<&str> = r.flags.iter().map(words::flag_title).collect();
        let text = if flags.is_empty() {
            "No flags".to_owned()
        } else {
            format!("Flags: {}", flags.join(", "))
        };
        items.push(item(
            text,
            differs(&|d| matches!(d, Difference::FlagAdded { .. } | Difference::FlagRemoved { .. })),
        ));
    }
    items
}

fn overall_item(framework: &Framework, r: &ScenarioResult, changed: bool) -> Item {
    Item {
        icon: r.overall.map(words::rating_icon),
        text: match r.overall {
            Some(o) => framework.label(o).to_owned(),
            None => format!(
                "Not named yet: between {} and {}",
                framework.label(r.reachable.0),
                framework.label(r.reachable.1)
            ),
        },
        changed,
    }
}

fn rows(framework: &Framework, before: &ScenarioResult, after: &ScenarioResult, c: &Comparison) -> Vec<Row> {
    let mut rows: Vec<Row> = framework
        .standards
        .iter()
        .enumerate()
        .filter_map(|(i, definition)| {
            Some((i, definition, before.standards.get(i)?, after.standards.get(i)?))
        })
        .map(|(i, definition, b, a)| Row {
            testid: format!("compare-row-{}", definition.id),
            key: definition.id.clone(),
            label: format!("{} {}", definition.id, definition.name),
            original: side(framework, definition, b, None),
            branch: side(framework, definition, a, Some((c, i))),
            changed: c.standard_changed(i),
        })
        .collect();
    for (i, d) in framework.domains.iter().enumerate() {
        let (Some(b), Some(a)) = (before.domains.get(i), after.domains.get(i)) else {
            continue;
        };
        let changed = c.domain_changed(i);
        rows.push(Row {
            testid: format!("compare-domain-{}", d.id),
            key: format!("domain-{}", d.id),
            label: format!("Domain {} {} subtotal", d.id, d.name),
            original: vec![item(format!("{}/{}", b.score, b.max), false)],
            branch: vec![item(format!("{}/{}", a.score, a.max), changed)],
            changed,
        });
    }
    let total_changed = before.total != after.total;
    rows.push(Row {
        testid: "compare-total".into(),
        key: "total".into(),
        label: "Total score".into(),
        original: vec![item(format!("{}/{}", before.total, before.max), false)],
        branch: vec![item(format!("{}/{}", after.total, after.max), total_changed)],
        changed: total_changed,
    });
    let overall_changed = c
        .differences
        .iter()
        .any(|d| matches!(d, Difference::Overall { .. } | Difference::Reachable { .. }));
    rows.push(Row {
        testid: "compare-overall".into(),
        key: "overall".into(),
        label: "Overall rating".into(),
        original: vec![overall_item(framework, before, false)],
        branch: vec![overall_item(framework, after, overall_changed)],
        changed: overall_changed,
    });
    rows
}

fn cell(items: Vec<Item>, testid: String) -> impl IntoView {
    view! {
        <td data-testid=testid>
            <ul class="plain">
                {items.into_iter().map(|i| view! {
                    <li class:changed=i.changed>
                        {i.icon.map(|icon| view! { <span class="icon" aria-hidden="true">{icon}" "</span> })}
                        {i.text}
                        {i.changed.then(|| view! { <span class="change-mark">" (changed)"</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </td>
    }
}

fn table_view(
    framework: &Framework,
    before: &ScenarioResult,
    after: &ScenarioResult,
    c: &Comparison,
    changed_only: bool,
) -> impl IntoView {
    let rows = rows(framework, before, after, c)
        .into_iter()
        .filter(|row| row.changed || !changed_only)
        .map(|row| {
            view! {
                <tr class:changed=row.changed data-testid=row.testid>
                    <th scope="row">{row.label}</th>
                    {cell(row.original, format!("compare-original-{}", row.key))}
                    {cell(row.branch, format!("compare-branch-{}", row.key))}
                    <td data-testid=format!("compare-changed-{}", row.key)>
                        {if row.changed {
                            view! { <span class="tag tag-changed">"Changed"</span> }.into_any()
                        } else {
                            view! { <span class="muted">"Same"</span> }.into_any()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
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
                <tbody>{rows}</tbody>
            </table>
        </div>
        <details class="compare-list">
            <summary>"Every difference as a list"</summary>
            <ul data-testid="compare-differences">{differences}</ul>
        </details>
    }
}

/// A standard's rating against the original's, in the standard itself while a what-if
/// branch is shown: the comparison sits where the edit happens.
#[component]
pub fn AgainstOriginal(index: usize, id: String, result: Memo<StandardResult>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Original(original) = expect_context::<Original>();
    let framework = state.framework_now();
    let line = move || {
        original.with(|o| {
            let (name, before) = o.as_ref()?;
            let before = before.standards.get(index)?;
            let (was, now) = result.with(|r| (rating_text(&framework, before), rating_text(&framework, r)));
            let changed = result.with(|r| (r.rating, r.score, r.mechanical_rating) != (before.rating, before.score, before.mechanical_rating));
            Some(view! {
                <p class="against-original" class:changed=changed data-testid=format!("against-original-{id}")>
                    {if changed {
                        view! { <span class="tag tag-changed">"Changed"</span> }.into_any()
                    } else {
                        view! { <span class="muted">"Same"</span> }.into_any()
                    }}
                    " "
                    {words::against_original(name, &was, &now, changed)}
                </p>
            })
        })
    };
    view! { {line} }
}
