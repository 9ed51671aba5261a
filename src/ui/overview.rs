//! The ratings at a glance (issue 11): every standard's rating, score and flags in one
//! compact table, with each domain's subtotal, the total and the overall rating. Each
//! standard's name jumps to its section. Each row follows its own standard's result, so
//! an edit redraws the row it changes.

use super::presenter::{on_show, Presenter, RevealButton};
use super::standard::{final_rating, heading_id, standard_outcome, RatingBadge};
use crate::app::{AppState, Outcome};
use crate::words;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use yj_rating_engine::{Framework, Standard};
use yj_rating_workbook::form::reason_path;

#[component]
pub fn Overview(framework: Arc<Framework>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let totals = Memo::new(move |_| {
        state.with_outcome(Outcome::Overall, |r| {
            (r.total, r.max, r.overall, r.rated, r.counted)
        })
    });
    let domains = framework
        .domains
        .iter()
        .enumerate()
        .map(|(d, domain)| {
            let rows = framework
                .standards
                .iter()
                .enumerate()
                .filter(|(_, s)| s.domain == domain.id)
                .map(|(i, s)| standard_row(state, &framework, i, s))
                .collect_view();
            let subtotal = move || {
                state.with_outcome(Outcome::Domain(d), |r| {
                    r.domains.get(d).map(|s| format!("{}/{}", s.score, s.max))
                })
            };
            view! {
                <tbody>
                    <tr class="overview-domain">
                        <th scope="colgroup" colspan="4">{format!("Domain {}: {}", domain.id, domain.name)}</th>
                    </tr>
                    {rows}
                    <tr class="overview-subtotal" data-testid=format!("overview-subtotal-{}", domain.id)>
                        <th scope="row">{format!("Domain {} subtotal", domain.id)}</th>
                        <td></td>
                        <td class="overview-score">{subtotal}</td>
                        <td></td>
                    </tr>
                </tbody>
            }
        })
        .collect_view();
    let overall = move || {
        let (_, _, overall, rated, counted) = totals.get();
        match overall {
            Some(rating) => Either::Left(view! { <RatingBadge rating=Some(rating)/> }),
            None => Either::Right(
                view! { <span class="muted">{format!("{rated} of {counted} standards rated")}</span> },
            ),
        }
    };
    view! {
        <section class="overview" aria-labelledby="overview-heading" data-testid="overview">
            <h2 id="overview-heading">"Ratings at a glance"</h2>
            <div class="table-wrap">
                <table class="overview-table">
                    <thead>
                        <tr>
                            <th scope="col">"Standard"</th>
                            <th scope="col">"Rating"</th>
                            <th scope="col">"Score"</th>
                            <th scope="col">"Flags"</th>
                        </tr>
                    </thead>
                    {domains}
                    <tfoot>
                        <tr class="overview-total" data-testid="overview-total">
                            <th scope="row">"Overall"</th>
                            <td class="overview-rating">
                                <RevealButton of=Presenter::OVERALL.to_owned() what="the subtotals, total and overall rating".to_owned()/>
                                {overall}
                            </td>
                            <td class="overview-score">{move || totals.with(|(total, max, ..)| format!("{total}/{max}"))}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

/// One standard's row: its name as a link to its section, its rating (and the rating
/// discretion changed, if it did), its score and its flags in words.
fn standard_row(state: AppState, framework: &Framework, index: usize, standard: &Standard) -> impl IntoView {
    let result = standard_outcome(state, index);
    let labels = framework.clone();
    let rating = move || result.with(|r| final_rating(&labels, r));
    let counts = standard.counts_in_score;
    let score = move || {
        result.with(|r| match r.score {
            Some(score) if counts => score.to_string(),
            Some(_) => "Not counted".to_owned(),
            None => "–".to_owned(),
        })
    };
    let flags = move || {
        result.with(|r| {
            r.flags
                .iter()
                .map(|flag| view! { <span class="tag tag-flag"><span aria-hidden="true">"⚑ "</span>{words::flag_title(flag)}</span> })
                .collect_view()
        })
    };
    let id = standard.id.clone();
    // A printout is a report: where discretion moved a rating, page one gives the reason.
    let reason = state.text(reason_path(&id));
    let reason_note = move || {
        result.with(|r| r.changed_by_discretion).then(|| {
            view! { <span class="print-only discretion-note">{move || words::discretion_reason_note(&reason.get())}</span> }
        })
    };
    view! {
        <tr data-testid=format!("overview-{id}") class:revealed=on_show(id.clone())>
            <th scope="row">
                <a href=format!("#{}", heading_id(&id))>{format!("{} {}", standard.id, standard.name)}</a>
            </th>
            <td class="overview-rating">
                <RevealButton of=id.clone() what=format!("the rating of {} {}", standard.id, standard.name)/>
                {rating}
                {reason_note}
            </td>
            <td class="overview-score">{score}</td>
            <td class="overview-flags">{flags}</td>
        </tr>
    }
}
