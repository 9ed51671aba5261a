//! Presentation mode's own bar (issue 11). On a projector the scenario, file and
//! framework tools give way to what a trainer needs in front of a room: hide the ratings,
//! bands and scores so the room can work them out, reveal them one standard at a time or
//! all at once, and leave presentation mode. Hiding is presentation-only and on screen
//! only: a printout always shows every figure.

use crate::app::AppState;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What the room may see: whether figures are hidden, and what has been revealed since.
/// Hiding applies in presentation mode only, so every view asks here and nowhere else.
#[derive(Clone, Copy)]
pub struct Presenter {
    /// Presentation mode (the app state's switch).
    presentation: RwSignal<bool>,
    hidden: RwSignal<bool>,
    /// Standards revealed while hidden, by id; [`Presenter::OVERALL`] for the totals.
    revealed: RwSignal<BTreeSet<String>>,
}

impl Presenter {
    /// The key of the subtotals, total and overall rating among what is revealed.
    pub const OVERALL: &'static str = "overall";

    /// Hides figures only while `presentation` is on.
    pub fn new(presentation: RwSignal<bool>) -> Presenter {
        Presenter {
            presentation,
            hidden: RwSignal::new(false),
            revealed: RwSignal::new(BTreeSet::new()),
        }
    }

    /// Whether figures are hidden at all (tracked): in presentation mode, once asked.
    pub fn hiding(&self) -> bool {
        self.presentation.get() && self.hidden.get()
    }

    /// Hides every figure again, forgetting what was revealed.
    pub fn hide_all(&self) {
        self.revealed.set(BTreeSet::new());
        self.hidden.set(true);
    }

    pub fn show_all(&self) {
        self.hidden.set(false);
        self.revealed.set(BTreeSet::new());
    }

    /// Reveals one standard's figures (or, with [`Presenter::OVERALL`], the totals).
    pub fn reveal(&self, key: &str) {
        self.revealed.update(|r| {
            r.insert(key.to_owned());
        });
    }

    /// Whether `key`'s figures are on show (tracked): not hidden, or revealed.
    pub fn shows(&self, key: &str) -> bool {
        !self.hiding() || self.revealed.with(|r| r.contains(key))
    }
}

/// Whether `of`'s figures are on show, for a class on the view that holds them (tracked).
pub fn on_show(of: String) -> impl Fn() -> bool + Send + Sync + 'static {
    let presenter = expect_context::<Presenter>();
    move || presenter.shows(&of)
}

/// The presenter's bar, shown in presentation mode only.
#[component]
pub fn PresenterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let presenter = expect_context::<Presenter>();
    let toggle = move |_| {
        if presenter.hidden.get_untracked() {
            presenter.show_all()
        } else {
            presenter.hide_all()
        }
    };
    let leave = move |_| {
        presenter.show_all();
        state.presentation.set(false);
        // The scenario bar is back once the page has redrawn.
        request_animation_frame(|| crate::browser::focus("presentation-toggle"));
    };
    view! {
        // Shown by the style sheet in presentation mode only.
        <section class="presenter-bar" aria-label="Presentation" data-testid="presenter-bar">
            <button type="button" class="button" id="hide-figures" data-testid="hide-figures"
                aria-pressed=move || presenter.hiding().to_string() on:click=toggle>
                {move || if presenter.hiding() { "Show all figures" } else { "Hide figures" }}
            </button>
            <button type="button" class="button button-secondary" data-testid="leave-presentation" on:click=leave>
                "Leave presentation mode"
            </button>
            <p class="hint presenter-hint">
                {move || if presenter.hiding() {
                    "Ratings, bands and scores are hidden: reveal them one standard at a time with its Reveal button."
                } else {
                    "Hide figures to ask the room what the ratings will be before revealing them."
                }}
            </p>
        </section>
    }
}

/// A standard's (or the totals') "Reveal" button, shown while its figures are hidden.
#[component]
pub fn RevealButton(
    /// A standard's id, or [`Presenter::OVERALL`].
    of: String,
    /// What is revealed, for screen readers: "the rating of 2.1 Assessment".
    what: String,
) -> impl IntoView {
    let presenter = expect_context::<Presenter>();
    move || {
        (!presenter.shows(&of)).then(|| {
            view! {
                <button type="button" class="button button-secondary reveal-button"
                    data-testid=format!("reveal-{of}")
                    on:click={
                        let of = of.clone();
                        move |_| presenter.reveal(&of)
                    }>
                    "Reveal" <span class="visually-hidden">{format!(" {what}")}</span>
                </button>
            }
        })
    }
}
