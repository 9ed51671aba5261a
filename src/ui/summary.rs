//! The overall result, kept in view while scrolling and announced politely.

use super::presenter::Presenter;
use super::standard::RatingBadge;
use crate::app::{AppState, Outcome};
use crate::words;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sentence = Memo::new(move |_| {
        let framework = state.framework.get();
        state.with_outcome(Outcome::Overall, |r| words::overall_sentence(&framework, r))
    });
    let totals = Memo::new(move |_| {
        state.with_outcome(Outcome::Overall, |r| {
            (r.total, r.max, r.overall, r.reachable, r.rated, r.counted)
        })
    });
    // Which scenario the figures are of: on a projector, the room must know whether it
    // sees the original or a what-if branch of it.
    let showing = Memo::new(move |_| {
        state.with_scenarios(|l| {
            let current = l.current();
            match l.original_of_current() {
                Some(original) => (true, words::showing_branch(&current.name, &original.name)),
                None => {
                    let has_branches = l.scenarios.iter().any(|s| s.branch_of == Some(current.id));
                    (false, words::showing_scenario(&current.name, has_branches))
                }
            }
        })
    });
    // While a trainer hides the figures, the result is not read out either.
    let presenter = use_context::<Presenter>();
    let figures_hidden = move || presenter.is_some_and(|p| !p.shows(Presenter::OVERALL));
    // Rebuilt only when a subtotal changes, not on every edit.
    let subtotals = Memo::new(move |_| state.with_outcome(Outcome::Overall, |r| r.domains.clone()));
    let domains = move || {
        let framework = state.framework.get();
        subtotals.with(|subtotals| {
            framework
                .domains
                .iter()
                .zip(subtotals)
                .map(|(d, s)| view! { <li><span class="domain-name">{d.name.clone()}</span> " " <strong>{format!("{}/{}", s.score, s.max)}</strong></li> })
                .collect_view()
        })
    };
    view! {
        <section class="summary" aria-labelledby="summary-heading" data-testid="summary">
            <h2 id="summary-heading" class="visually-hidden">"Overall result"</h2>
            <p class="showing" class:showing-branch=move || showing.with(|s| s.0) data-testid="showing">
                {move || showing.with(|s| s.1.clone())}
            </p>
            {move || {
                let (total, max, overall, (lowest, highest), rated, counted) = totals.get();
                let framework = state.framework.get();
                view! {
                    <div class="overall" data-testid="overall">
                        <span class="overall-score">
                            {if overall.is_some() { "Score " } else { "Score so far " }}
                            <strong data-testid="overall-score">{format!("{total}/{max}")}</strong>
                        </span>
                        {match overall {
                            Some(rating) => Either::Left(view! { <span data-testid="overall-rating"><RatingBadge rating=Some(rating)/></span> }),
                            None => Either::Right(view! {
                                <span class="overall-partial" data-testid="overall-rating">
                                    {format!("{rated} of {counted} standards rated: overall between {} and {}",
                                        framework.label(lowest), framework.label(highest))}
                                </span>
                            }),
                        }}
                    </div>
                }
            }}
            <ul class="domain-totals">{domains}</ul>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live">{move || {
                if figures_hidden() {
                    "Figures hidden for the room to work out.".to_owned()
                } else {
                    sentence.get()
                }
            }}</p>
        </section>
    }
}
