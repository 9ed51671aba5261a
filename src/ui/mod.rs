//! The views. They show what the engine computed and send edits to the state; no rule
//! lives here.

mod case_grid;
mod compare;
mod confidence;
mod count_input;
mod error_summary;
mod explain;
mod framework_panel;
mod notices;
mod overview;
mod placement;
mod planner;
mod presenter;
mod scenario_bar;
mod standard;
mod summary;

use crate::app::AppState;
use crate::browser;
use leptos::prelude::*;

pub use confidence::{chance, ConfidencePreference};
pub use count_input::field_id;
pub use presenter::Presenter;

/// The whole calculator.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    crate::app::autosave(state);
    state.open_share_fragment();
    // A share link pasted into this tab's address bar changes only the fragment.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| state.open_share_fragment());
    on_cleanup(move || handle.remove());
    browser::register_service_worker();
    view! { <Calculator/> }
}

/// What `shown_in_steps` counts once every part is built.
const ALL_BUILT: usize = usize::MAX;

/// How many of the page's parts are built so far: the domains, one a task, then where the
/// score sits. The app's start is then a few short tasks instead of one long one (a page
/// does not answer a tap during a long task), and what a release build pre-rendered stands
/// in for the parts not built yet (`browser::hand_over_first_screen`), so the page looks
/// the same throughout and keeps its height. Once all are built the app says it is ready.
fn shown_in_steps(state: AppState) -> RwSignal<usize> {
    let shown = RwSignal::new(1usize);
    Effect::new(move |_| {
        let built = shown.get();
        let parts = state.framework.with_untracked(|f| f.domains.len()) + 1;
        browser::hand_over_first_screen(built >= parts);
        if built < parts {
            let next = move || {
                shown.try_update(|n| *n += 1);
            };
            let _ = set_timeout_with_handle(next, std::time::Duration::ZERO);
        } else if built != ALL_BUILT {
            browser::announce("yj-rating-shown");
            // Later framework changes build every part at once.
            shown.set(ALL_BUILT);
        }
    });
    shown
}

/// The calculator's page, given state in context (component tests provide their own).
#[component]
pub fn Calculator() -> impl IntoView {
    let state = expect_context::<AppState>();
    provide_context(ConfidencePreference::load());
    let presenter = Presenter::new(state.presentation);
    provide_context(presenter);
    provide_context(compare::Original::new(state));
    // A printout says what it is and when it was printed (the date is taken again as the
    // print dialogue opens, for a page left open overnight).
    let printed_on = RwSignal::new(browser::today());
    let handle = leptos::prelude::window_event_listener_untyped("beforeprint", move |_| {
        printed_on.set(browser::today())
    });
    on_cleanup(move || handle.remove());
    let print_heading = move || {
        let name = state.with_scenarios(|l| l.current().name.clone());
        format!("{name} \u{2014} printed {}", printed_on.get())
    };
    let shown = shown_in_steps(state);
    // The overview and the standards, built again for another framework; where the score
    // sits among published inspections after them, so the first count is near the top.
    let domains = move || {
        let framework = state.framework.get();
        let sections = framework
            .domains
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let d = d.clone();
                let here = Memo::new(move |_| shown.get() > i);
                move || {
                    here.get()
                        .then(|| view! { <standard::DomainSection domain=d.clone() index=i/> })
                }
            })
            .collect_view();
        let count = framework.domains.len();
        let placement = Memo::new(move |_| shown.get() > count);
        view! {
            <overview::Overview framework=framework.0.clone()/>
            {sections}
            {move || placement.get().then(|| view! { <placement::Placement/> })}
        }
    };
    let starting = move || shown.get() != ALL_BUILT;
    view! {
        <div class="app" class:starting=starting class:presentation=move || state.presentation.get() class:figures-hidden=move || presenter.hiding()
            class:overall-revealed=move || presenter.shows(Presenter::OVERALL)>
            <a class="skip-link" href="#main">"Skip to the standards"</a>
            <header class="masthead">
                <p class="print-heading" data-testid="print-heading">{print_heading}</p>
                <h1>"Youth justice inspection rating calculator"</h1>
                <p class="lede">"What the case findings add up to, under HM Inspectorate of Probation's published rules. \
                    Everything stays in this browser."</p>
            </header>
            <scenario_bar::ScenarioBar/>
            // Side by side where they fit; either opens full width.
            <div class="tool-panels">
                <framework_panel::FrameworkPanel/>
                <planner::Planner/>
            </div>
            <notices::Notices/>
            <presenter::PresenterBar/>
            <summary::Summary/>
            <compare::Comparison/>
            <main id="main" tabindex="-1">
                <error_summary::ErrorSummary/>
                <p class="framework-name" data-testid="framework">{move || format!("Framework: {}", state.framework.get().name)}</p>
                {domains}
            </main>
            <footer class="footer">
                <p>"Ratings follow the rule book: each standard takes the band of its weakest key question; \
                    discretion may move a flagged rating one band. Case findings never leave this browser."</p>
            </footer>
        </div>
    }
}
