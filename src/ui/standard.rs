//! A domain and its standards: judgement standards with their reminder questions, case
//! standards with their key questions, flags and discretion.

use super::case_grid::CaseGrid;
use super::compare::AgainstOriginal;
use super::count_input::{field_id, form_field_id, CountInput};
use super::presenter::{on_show, RevealButton};
use crate::app::{AppState, Outcome, Part};
use crate::words;
use leptos::either::Either;
use leptos::prelude::*;
use yj_rating_engine::{
    DiscretionDirection, DiscretionProblem, Domain, Entry, Framework, KeyQuestionResult, RatedBy, Rating,
    Rounding, ScenarioResult, Standard, StandardResult,
};
use yj_rating_workbook::form::{cases_path, count_path, discretion_path, reason_path, Count, FieldPath};

/// A part of the result for a view built for the current framework. When the scenario
/// switches to another framework, the views are rebuilt, but their memos may run once
/// more before they go: they then keep their last value rather than read a position
/// the other framework uses for something else (or does not have).
pub(super) fn follow<T: Clone + PartialEq + Send + Sync + 'static>(
    state: AppState,
    outcome: Outcome,
    part: impl Fn(&ScenarioResult) -> Option<T> + Send + Sync + 'static,
) -> Memo<T> {
    let built_for = state.framework_now();
    // Views are built for the current framework, so their part exists now.
    let initial = state
        .result
        .with_untracked(&part)
        .expect("a view's part of the result exists");
    Memo::new(move |previous: Option<&T>| {
        let same = state.framework.with(|f| std::sync::Arc::ptr_eq(&f.0, &built_for));
        match same.then(|| state.with_outcome(outcome, &part)).flatten() {
            Some(now) => now,
            None => previous.unwrap_or(&initial).clone(),
        }
    })
}

/// A standard's own result (rating, flags, score, discretion) without its key questions,
/// which are followed row by row: answering a key question that leaves the standard's
/// rating, flags and score as they were redraws none of the standard's own views.
pub(super) fn standard_outcome(state: AppState, index: usize) -> Memo<StandardResult> {
    follow(state, Outcome::Standard(index), move |r| {
        r.standards.get(index).map(|s| StandardResult {
            key_questions: Vec::new(),
            ..s.clone()
        })
    })
}

/// A rating as text with its icon, never colour alone.
#[component]
pub fn RatingBadge(rating: Option<Rating>, #[prop(optional)] empty: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    view! {
        <span class=words::rating_class(rating)>
            {rating.map(|r| view! { <span class="icon" aria-hidden="true">{words::rating_icon(r)}</span> })}
            {rating.map_or(empty.to_owned(), |r| framework.label(r).to_owned())}
        </span>
    }
}

#[component]
pub fn DomainSection(domain: Domain, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let subtotal = follow(state, Outcome::Domain(index), move |r| {
        r.domains.get(index).cloned()
    });
    let standards: Vec<(usize, Standard)> = framework
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.domain == domain.id)
        .map(|(i, s)| (i, s.clone()))
        .collect();
    let heading_id = format!("domain-{}", domain.id);
    view! {
        <section class="domain" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>
                {format!("{}. {}", domain.id, domain.name)}
                <span class="subtotal" data-testid=format!("domain-{}-subtotal", domain.id)>
                    {move || subtotal.with(|s| format!("{}/{}", s.score, s.max))}
                </span>
            </h2>
            <CaseGrid domain=domain.id.clone()/>
            {standards.into_iter().map(|(i, s)| match s.rated_by {
                RatedBy::Judgement => Either::Left(view! { <JudgementStandard standard=s index=i/> }),
                RatedBy::Cases => Either::Right(view! { <CaseStandard standard=s index=i/> }),
            }).collect_view()}
        </section>
    }
}

/// The id of a standard's heading, which the overview's rows link to.
pub fn heading_id(standard: &str) -> String {
    format!("standard-{}", standard.replace('.', "-"))
}

/// A standard's final rating with its icon (or its status while unrated), and where
/// discretion changed it, the rating it changed from: in its heading and the overview.
pub fn final_rating(framework: &Framework, result: &StandardResult) -> impl IntoView {
    let mechanical = result.mechanical_rating.filter(|_| result.changed_by_discretion);
    view! {
        <RatingBadge rating=result.rating empty=words::status_text(result.status)/>
        {mechanical.map(|m| view! {
            <span class="tag tag-discretion">"Changed by discretion from " {framework.label(m).to_owned()}</span>
        })}
    }
}

/// The heading line of a standard: id, name, final rating, discretion mark, score, and
/// any controls that go with it (a judgement standard's proposed rating, on a line below).
#[component]
fn StandardHeading(
    standard: Standard,
    result: Memo<StandardResult>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let id = standard.id.clone();
    view! {
        <div class="standard-head">
            <h3 id=heading_id(&id)>{format!("{} {}", standard.id, standard.name)}</h3>
            <div class="standard-rating" data-testid=format!("rating-{id}")>
                {move || result.with(|r| view! {
                    {final_rating(&framework, r)}
                    {r.score.map(|s| view! { <span class="score">{format!("Score {s}")}</span> })}
                })}
                {(!standard.counts_in_score).then(|| view! { <span class="tag">"Does not count in the score"</span> })}
            </div>
            <RevealButton of=id.clone() what=format!("the rating of {} {}", standard.id, standard.name)/>
            // Beside the heading, so a standard takes a line less; its panel opens full width.
            <super::explain::Explain standard=standard.clone()/>
            {children.map(|c| c())}
        </div>
    }
}

/// What a standard is about, in the framework's words.
fn description(standard: &Standard) -> impl IntoView {
    (!standard.description.is_empty())
        .then(|| view! { <p class="description">{standard.description.clone()}</p> })
}

/// The framework's note on a standard (how it is rated or counted), always in view.
fn standard_note(standard: &Standard) -> impl IntoView {
    (!standard.note.is_empty()).then(|| {
        view! {
            <p class="standard-note" data-testid=format!("note-{}", standard.id)>{standard.note.clone()}</p>
        }
    })
}

#[component]
fn JudgementStandard(standard: Standard, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let result = standard_outcome(state, index);
    let id = standard.id.clone();
    let judgement = FieldPath::judgement(&id);
    let select_id = form_field_id(&judgement);
    let chosen = {
        let id = id.clone();
        let part = Part::Field(judgement.clone());
        Memo::new(move |_| state.with_part(&part, |f| f.judgements.get(&id).copied()))
    };
    let on_change = {
        let framework = framework.clone();
        let id = id.clone();
        move |ev| {
            let value = event_target_value(&ev);
            let rating = framework.rating_named(&value);
            state.choose_judgement(&id, rating);
        }
    };
    let questions = standard.questions.clone();
    let note = standard_note(&standard);
    view! {
        <article class="standard standard-judgement" data-testid=format!("standard-{id}") class:revealed=on_show(id.clone())>
            // With the heading, on the line below it: the proposed rating, its select and what
            // inspectors weigh (with the standard's description), so the standard takes two lines.
            <StandardHeading standard=standard.clone() result=result>
            <div class="judgement-row">
            <label for=select_id.clone()>"Rating proposed"
                <span class="visually-hidden">{format!(" for {} {}", standard.id, standard.name)}</span></label>
            <select id=select_id data-testid=judgement.to_string() on:change=on_change>
                <option value="" prop:selected=move || chosen.get().is_none()>"Not rated yet"</option>
                {framework.ratings.iter().map(|label| {
                    let label = label.clone();
                    let this = framework.rating_named(&label);
                    view! { <option value=label.clone() prop:selected=move || chosen.get() == this>{label.clone()}</option> }
                }).collect_view()}
            </select>
            <details class="questions">
                <summary>"What inspectors weigh"</summary>
                {description(&standard)}
                <ul>{questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
            </details>
            </div>
            </StandardHeading>
            {note}
            <AgainstOriginal index=index id=id.clone() result=result/>
        </article>
    }
}

/// A standard's cases inspected as its grid gives them, while entered case by case: the
/// grid's number of cases, which changes with the form's shape, not with answers.
fn derived_cases(state: AppState, id: String) -> Memo<Option<u32>> {
    Memo::new(move |_| {
        state.track_part(&Part::Shape);
        state
            .scenario
            .with_untracked(|(s, _)| match s.standards.get(&id) {
                Some(Entry::Cases(e)) if e.by_case => Some(e.cases),
                _ => None,
            })
    })
}

#[component]
fn CaseStandard(standard: Standard, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let result = standard_outcome(state, index);
    let id = standard.id.clone();
    let by_case = {
        let id = id.clone();
        Memo::new(move |_| state.with_part(&Part::Shape, |f| f.by_case.contains(&id)))
    };
    let derived_cases = derived_cases(state, id.clone());
    let context = format!("{} {}", standard.id, standard.name);
    let mechanical = Memo::new(move |_| result.with(|r| r.mechanical_rating));
    // Told apart from the rest of the standard: answering one key question redraws its
    // row (and its confidence figures) alone.
    let kq_results: Vec<_> = (0..standard.key_questions.len())
        .map(|k| {
            follow(state, Outcome::KeyQuestion(index, k), move |r| {
                r.standards.get(index).map(|s| s.key_questions.get(k).cloned())
            })
        })
        .collect();
    let rows = standard
        .key_questions
        .iter()
        .zip(kq_results.clone())
        .map(|(kq, kq_result)| {
            let kq_context = format!("{context}, {}", kq.id);
            let relevant = count_path(&id, &kq.id, Count::Relevant);
            let yes = count_path(&id, &kq.id, Count::Yes);
            // Whether it drives the rating: its row and tag change only when that does.
            let driver = Memo::new(move |_| kq_result.with(|r| r.as_ref().is_some_and(|r| r.driver)));
            view! {
                <tr class:driver=driver data-testid=format!("kq-{id}-{}", kq.id)>
                    <th scope="row">
                        <span class="wording">{kq.wording.clone()}</span>
                        {(!kq.relevant_when.is_empty()).then(|| view! { <span class="hint">{kq.relevant_when.clone()}</span> })}
                        {move || driver.get().then(|| view! { <span class="tag tag-driver">"Drives the rating"</span> })}
                    </th>
                    {move || if by_case.get() {
                        Either::Left(view! { <DerivedCounts result=kq_result/> })
                    } else {
                        Either::Right(view! {
                            <td data-label="Relevant cases"><CountInput path=relevant.clone() label="Relevant".into() context=kq_context.clone()/></td>
                            <td data-label="Number Yes"><CountInput path=yes.clone() label="Yes".into() context=kq_context.clone()/></td>
                        })
                    }}
                    <KeyQuestionFigures result=kq_result standard_now=mechanical/>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="standard standard-cases" data-testid=format!("standard-{id}") class:revealed=on_show(id.clone())>
            <StandardHeading standard=standard.clone() result=result/>
            {description(&standard)}
            {standard_note(&standard)}
            <AgainstOriginal index=index id=id.clone() result=result/>
            // How it is entered and how many cases, on one line.
            <div class="cases-row">
            <EntryMode standard=standard.clone() by_case=by_case/>
            {
                let context = format!("{} {}", standard.id, standard.name);
                let cases = cases_path(&id);
                let testid = format!("cases-{id}");
                move || if by_case.get() {
                    Either::Left(view! {
                        <p class="derived-cases" data-testid=testid.clone()>
                            {move || derived_cases.get().map(|n| format!("Cases inspected: {n} (from the case grid)"))}
                        </p>
                    })
                } else {
                    Either::Right(view! { <CountInput path=cases.clone() label="Cases inspected".into() context=context.clone()/> })
                }
            }
            </div>
            <div class="table-wrap">
                <table class="kq-table">
                    <caption class="visually-hidden">{format!("Key questions for {} {}", standard.id, standard.name)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Key question"</th>
                            <th scope="col">"Relevant cases"</th>
                            <th scope="col">"Number Yes"</th>
                            <th scope="col">"%"</th>
                            <th scope="col">"Band"</th>
                            <th scope="col">"What if"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <super::confidence::SampleConfidence standard=standard.clone() key_questions=kq_results.clone()/>
            <Flags standard=standard.clone() result=result key_questions=kq_results.clone()/>
            <DiscretionForm standard=standard result=result/>
        </article>
    }
}

/// How a case standard is entered: totals typed, or case by case in the domain's grid.
/// Switching to case by case asks before discarding typed totals; switching back keeps
/// the totals the grid gave.
#[component]
fn EntryMode(standard: Standard, by_case: Memo<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = standard.id.clone();
    let confirming = RwSignal::new(false);
    let group = field_id(&format!("standards.{id}.by_case"));
    let to_cases = {
        let (id, domain, definition) = (id.clone(), standard.domain.clone(), standard.clone());
        move |confirmed: bool| {
            if !confirmed && state.with_form(|f| f.would_lose_totals(&definition)) {
                confirming.set(true);
                return;
            }
            confirming.set(false);
            state.enter_by_case(std::slice::from_ref(&id), &domain);
        }
    };
    let to_totals = {
        let id = id.clone();
        move || {
            confirming.set(false);
            let derived = state
                .scenario
                .with_untracked(|(s, _)| match s.standards.get(&id) {
                    Some(Entry::Cases(e)) => Some(e.clone()),
                    _ => None,
                });
            state.enter_as_totals(&id, derived.as_ref());
        }
    };
    let confirm = to_cases.clone();
    view! {
        <fieldset class="entry-mode">
            <legend class="visually-hidden">{format!("How {} {} is entered", standard.id, standard.name)}</legend>
            <div class="radio inline">
                <input type="radio" id=format!("{group}-totals") name=group.clone()
                    data-testid=format!("entry-totals-{id}")
                    prop:checked=move || !by_case.get()
                    on:change=move |_| to_totals()/>
                <label for=format!("{group}-totals")>"Totals"</label>
            </div>
            <div class="radio inline">
                <input type="radio" id=format!("{group}-cases") name=group.clone()
                    data-testid=format!("entry-cases-{id}")
                    prop:checked=move || by_case.get() || confirming.get()
                    on:change=move |_| to_cases(false)/>
                <label for=format!("{group}-cases")>"Case by case"</label>
            </div>
        </fieldset>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alert" data-testid=format!("confirm-by-case-{id}")>
                <p>{format!("Entering {id} case by case discards the totals typed for it. The grid's counts take their place.")}</p>
                <button type="button" class="button button-warning" data-testid=format!("confirm-by-case-yes-{id}")
                    on:click={
                        let confirm = confirm.clone();
                        move |_| confirm(true)
                    }>"Discard the totals and record case by case"</button>
                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>"Keep the totals"</button>
            </div>
        </Show>
    }
}

/// A key question's counts as the grid gives them, or how far the grid has got.
#[component]
fn DerivedCounts(result: Memo<Option<yj_rating_engine::KeyQuestionResult>>) -> impl IntoView {
    let answers = move || result.with(|r| r.as_ref().and_then(|r| r.answers));
    view! {
        <td class="derived" data-label="Relevant cases">{move || answers().map_or("–".to_owned(), |a| a.relevant.to_string())}</td>
        <td class="derived" data-label="Number Yes">{move || answers().map_or("–".to_owned(), |a| a.yes.to_string())}</td>
    }
}

#[component]
fn KeyQuestionFigures(
    result: Memo<Option<yj_rating_engine::KeyQuestionResult>>,
    /// The standard's mechanical rating, for what a move would do to it.
    standard_now: Memo<Option<Rating>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let labels = framework.clone();
    let rounding = Memo::new(move |_| state.with_part(&Part::Rounding, |f| f.rounding));
    let percentage = Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.percentage)));
    // What the percentage cell shows; a figure that changes updates its text and bar in
    // place (a key press in the grid redraws no more than it must).
    let shows_figure = Memo::new(move |_| percentage.with(Option::is_some));
    let not_applicable = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .and_then(|r| r.answers)
                .is_some_and(|a| a.relevant == 0)
        })
    });
    let band = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .and_then(|r| r.band.map(|band| (band, r.rounding_changes_band)))
        })
    });
    // The what-if lines, as words: redrawn only when their words change.
    let what_if = Memo::new(move |_| {
        let now = standard_now.get();
        result.with(|r| {
            let Some((band, w)) = r.as_ref().and_then(|r| r.band.map(|band| (band, r.what_if))) else {
                return (None, None);
            };
            let up = w
                .more_yes_to_rise
                .zip(band.raised())
                .map(|(n, next)| words::what_if_line(&framework, n, "more", next, w.standard_if_rise, now));
            let down = w.fewer_yes_to_fall.zip(band.lowered()).map(|(n, lower)| {
                words::what_if_line(&framework, n, "fewer", lower, w.standard_if_fall, now)
            });
            (up, down)
        })
    });
    view! {
        <td class="percentage" data-label="%">
            {move || if shows_figure.get() {
                Either::Left(view! {
                    <span class="figure">{move || percentage.get().map(|p| p.to_string())}</span>
                    <span class="bar" aria-hidden="true"><span class="bar-fill"
                        style:width=move || percentage.get().map(|p| p.to_string())></span></span>
                })
            } else {
                // One view for both words, so the branch is two-way.
                let words = if not_applicable.get() { "Not applicable" } else { "–" };
                Either::Right(view! { <span class="muted">{words}</span> })
            }}
        </td>
        <td class="band" data-label="Band">
            {move || band.get().map(|(band, changes)| {
                let other = match rounding.get() {
                    Rounding::Exact => "Rounded to whole percentages, this would be in another band.",
                    Rounding::WholePercent => "Read exactly, this would be in another band.",
                };
                view! {
                    <span class="band-name">{labels.band_name(band).to_owned()}</span>
                    <RatingBadge rating=Some(band)/>
                    {changes.then(|| view! { <span class="hint rounding-note">{other}</span> })}
                }
            })}
        </td>
        <td class="what-if" data-label="What if">
            <ul class="plain">
                {move || what_if.with(|(up, _)| up.clone().map(|t| view! { <li>{t}</li> }))}
                {move || what_if.with(|(_, down)| down.clone().map(|t| view! { <li>{t}</li> }))}
            </ul>
        </td>
    }
}

#[component]
fn Flags(
    standard: Standard,
    result: Memo<StandardResult>,
    key_questions: Vec<Memo<Option<KeyQuestionResult>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    // Cases are named as the sample has them when the flags change (a label edited
    // later shows from the next change of the flags).
    let case_name = {
        let domain = standard.domain.clone();
        move |position: usize| {
            state.scenario.with_untracked(|(s, _)| {
                s.case_samples.get(&domain).map_or_else(
                    || format!("case {}", position + 1),
                    |sample| sample.case_name(position),
                )
            })
        }
    };
    view! {
        {move || result.with(|r| (!r.flags.is_empty()).then(|| {
            // The reasons quote the key questions' counts, so they follow those too.
            let r = StandardResult {
                key_questions: key_questions.iter().filter_map(|kq| kq.get()).collect(),
                ..r.clone()
            };
            let items = r.flags.iter().map(|flag| view! {
                <li data-testid=format!("flag-{}-{}", standard.id, flag.kind())>
                    <strong>{words::flag_title(flag)}": "</strong>
                    {words::flag_reason(&framework, &standard, &r, flag, &case_name)}
                </li>
            }).collect_view();
            view! {
                <div class="flags">
                    <h4>"Professional discretion may be considered"</h4>
                    <ul>{items}</ul>
                </div>
            }
        }))}
    }
}

#[component]
fn DiscretionForm(standard: Standard, result: Memo<StandardResult>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let id = standard.id.clone();
    let chosen = {
        let id = id.clone();
        let part = Part::Field(FieldPath::discretion(&id));
        Memo::new(move |_| state.with_part(&part, |f| f.discretion.get(&id).copied()))
    };
    let reason_field = reason_path(&id);
    let reason = state.text(reason_field.clone());
    let problem = state.error(&discretion_path(&id));
    // A band chosen before its reason is typed: said quietly until the reason box is left.
    let awaiting_reason = Memo::new(move |_| {
        problem.get().is_none() && result.with(|r| r.discretion_problem == Some(DiscretionProblem::NoReason))
    });
    let visible = move || chosen.get().is_some() || result.with(|r| !r.flags.is_empty());
    let group = form_field_id(&discretion_path(&id));
    let reason_id = form_field_id(&reason_field);
    let not_offered = Memo::new({
        let framework = framework.clone();
        move |_| result.with(|r| words::discretion_not_offered(&framework, r))
    });
    let not_offered_testid = format!("discretion-not-offered-{id}");
    let awaiting_testid = format!("discretion-awaiting-{id}");
    let leave_reason = {
        let id = id.clone();
        move |_| state.reason_due(&id)
    };
    let fieldset_id = group.clone();
    view! {
        <Show when=visible>
            <fieldset class="discretion" id=fieldset_id.clone() tabindex="-1" class:has-error=move || problem.get().is_some()
                class:applied=move || chosen.get().is_some()>
                <legend>"Professional discretion"</legend>
                <p class="hint">"The ratings panel may move a flagged rating one band, in a direction one of its flags points, with a written reason."</p>
                {
                    let testid = not_offered_testid.clone();
                    move || not_offered.with(|lines| (!lines.is_empty()).then(|| view! {
                        <p class="hint" data-testid=testid.clone()>{lines.join(" ")}</p>
                    }))
                }
                {move || problem.get().map(|p| view! {
                    <span class="field-error"><span class="visually-hidden">"Error: "</span>{p}</span>
                })}
                {discretion_options(id.clone(), group.clone(), chosen, result)}
                {
                    let testid = awaiting_testid.clone();
                    move || awaiting_reason.get().then(|| view! {
                        <p class="hint" data-testid=testid.clone()>"Not applied until a reason is written below."</p>
                    })
                }
                <label for=reason_id.clone()>"Reason for applying discretion"</label>
                <textarea id=reason_id.clone() rows="2" data-testid=reason_field.to_string()
                    prop:value=move || reason.get()
                    on:input={
                        let reason_field = reason_field.clone();
                        move |ev| state.set_text(&reason_field, event_target_value(&ev))
                    }
                    on:blur=leave_reason.clone()></textarea>
            </fieldset>
        </Show>
    }
}

/// The choices of a standard's discretion: keep the mechanical rating, or each rating
/// discretion may give, and a choice entered earlier that no longer applies.
///
/// Only these depend on the result, and only through the ratings discretion may give:
/// the fieldset and the reason box around them are never rebuilt, so focus and typing
/// are never interrupted.
fn discretion_options(
    id: String,
    group: String,
    chosen: Memo<Option<Rating>>,
    result: Memo<StandardResult>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let choose = {
        let id = id.clone();
        move |rating: Option<Rating>| state.choose_discretion(&id, rating)
    };
    let mechanical = Memo::new(move |_| result.with(|r| r.mechanical_rating));
    let allowed = Memo::new(move |_| result.with(StandardResult::allowed_discretion));
    let earlier = Memo::new(move |_| chosen.get().filter(|c| !allowed.with(|a| a.contains(c))));
    move || {
        let mechanical = mechanical.get();
        let keep = match mechanical {
            Some(m) => format!("Keep the mechanical rating: {}", framework.label(m)),
            None => "No discretion".to_owned(),
        };
        let offered = allowed.get().into_iter().rev().map(|r| {
            let way = mechanical
                .and_then(|m| DiscretionDirection::between(m, r))
                .map_or("One band down", words::discretion_choice);
            (Some(r), format!("{way}: {}", framework.label(r)))
        });
        std::iter::once((None, keep))
            .chain(offered)
            .chain(
                earlier
                    .get()
                    .map(|c| (Some(c), format!("{} (entered earlier)", framework.label(c)))),
            )
            .enumerate()
            .map(|(i, (rating, text))| {
                let choose = choose.clone();
                let radio_id = format!("{group}-{i}");
                view! {
                    <div class="radio">
                        <input type="radio" id=radio_id.clone() name=group.clone()
                            data-testid=format!("discretion-{id}-{i}")
                            prop:checked=move || chosen.get() == rating
                            on:change=move |_| choose(rating)/>
                        <label for=radio_id>{text}</label>
                    </div>
                }
            })
            .collect_view()
    }
}
