//! The GOV.UK-style error summary: every field problem, linked to its field.

use super::count_input::field_id;
use crate::app::AppState;
use crate::browser;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = Memo::new(move |_| {
        let framework = state.framework.get();
        state.errors.with(|errors| {
            // Framework order, then field order, as the page shows them.
            let position = |path: &str| words::problem_standard(&framework, path).unwrap_or(usize::MAX);
            let mut list: Vec<(usize, String, String, String)> = errors
                .iter()
                .map(|(path, message)| {
                    (
                        position(path),
                        path.clone(),
                        words::problem_label(&framework, path),
                        message.clone(),
                    )
                })
                .collect();
            list.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
            list
        })
    });
    view! {
        <Show when=move || entries.with(|e| !e.is_empty())>
            <div class="error-summary" aria-labelledby="error-summary-title" data-testid="error-summary">
                <h2 id="error-summary-title">"There is a problem"</h2>
                <p>"A standard whose counts cannot be right is left out of the score until they are corrected, \
                    and discretion that does not apply is not used. Everything you typed is kept."</p>
                <ul>
                    {move || entries.get().into_iter().map(|(_, path, label, message)| {
                        let target = field_id(&path);
                        let href = format!("#{target}");
                        view! {
                            <li>
                                <a href=href on:click=move |ev| { ev.prevent_default(); browser::focus(&target); }>
                                    {format!("{label}: {message}")}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
