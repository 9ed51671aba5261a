//! Case-by-case entry: a domain's grid, one row per case and one column per key question
//! of each standard entered case by case. Typing y, n or - answers a cell and moves on;
//! arrow keys move between cells; a block copied from a spreadsheet pastes in. The counts
//! come from the engine (`CaseSample::counts`), never from here.

use crate::app::{AppState, Outcome, Part};
use crate::browser;
use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yj_rating_engine::{CaseAnswer, Entry, RatedBy, MAX_CASES};
use yj_rating_workbook::form::{group_thousands, parse_case_answer, CaseText, GridColumn, PasteProblem};

/// How a cell shows an answer (and reads back what is typed over it).
fn shown(answer: Option<CaseAnswer>) -> &'static str {
    match answer {
        Some(CaseAnswer::Yes) => "Y",
        Some(CaseAnswer::No) => "N",
        Some(CaseAnswer::NotRelevant) => "–",
        None => "",
    }
}

/// A cell's classes: shaded by its answer, outlined while invalid. One class list, so an
/// answer is one change to the page (a class per answer would be three effects per cell,
/// and a grid has thousands of cells).
fn cell_class(answer: Option<CaseAnswer>, invalid: bool) -> String {
    let shade = match answer {
        Some(CaseAnswer::Yes) => " answer-yes",
        Some(CaseAnswer::No) => " answer-no",
        Some(CaseAnswer::NotRelevant) => " answer-not-relevant",
        None => "",
    };
    let invalid = if invalid { " cell-invalid" } else { "" };
    format!("cell{shade}{invalid}")
}

/// Words for screen readers.
fn spoken(answer: Option<CaseAnswer>) -> &'static str {
    match answer {
        Some(CaseAnswer::Yes) => "Yes",
        Some(CaseAnswer::No) => "No",
        Some(CaseAnswer::NotRelevant) => "Not relevant",
        None => "Not answered",
    }
}

/// A DOM id safe for any domain id.
/// The id of a case's reference field in a domain's grid.
pub fn label_id(domain: &str, row: usize) -> String {
    format!("{}-{row}-label", grid_id(domain))
}

fn grid_id(domain: &str) -> String {
    let safe: String = domain
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("grid-{safe}")
}

fn cell_id(domain: &str, row: usize, column: usize) -> String {
    format!("{}-{row}-{column}", grid_id(domain))
}

fn add_button_id(domain: &str) -> String {
    format!("{}-add", grid_id(domain))
}

/// The box listing the grid's problems, which the cells they are about point to.
fn problems_id(domain: &str) -> String {
    format!("{}-problems", grid_id(domain))
}

/// The answer a key types into a cell, if it types one: a one-character answer as a
/// pasted cell reads it (y, n, -, x or /, in either case).
fn answer_key(key: &str) -> Option<CaseAnswer> {
    if key.chars().count() != 1 {
        return None;
    }
    parse_case_answer(key).ok().flatten()
}

/// The cell (row, column) typing goes to while a new case's row is not on the page yet:
/// it renders after the event that added it, and a fast typist (or a busy machine) can
/// get keys in before then. Those keys, arriving on "Add a case", answer the new row's
/// cells in turn, and focus lands on the next cell once the row is shown.
type Typing = StoredValue<Option<(usize, usize)>>;

/// Focuses the cell typing goes to, once the page shows it.
fn focus_cell_soon(domain: String, typing: Typing) {
    request_animation_frame(move || {
        if let Some((row, column)) = typing.get_value() {
            typing.set_value(None);
            browser::focus(&cell_id(&domain, row, column));
        }
    });
}

/// The domain's grid, shown while any of its standards is entered case by case; and the
/// switch that enters every case standard of the domain case by case.
#[component]
pub fn CaseGrid(domain: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let columns = {
        let (domain, framework) = (domain.clone(), framework.clone());
        Memo::new(move |_| state.with_part(&Part::Shape, |f| f.grid_columns(&framework, &domain)))
    };
    let rows = {
        let domain = domain.clone();
        Memo::new(move |_| {
            state.with_part(&Part::Shape, |f| {
                f.samples.get(&domain).map_or(0, |s| s.cases.len())
            })
        })
    };
    let problems = RwSignal::new(Vec::<PasteProblem>::new());
    let typing: Typing = StoredValue::new(None);
    let add_case = {
        let domain = domain.clone();
        move |_| match state.add_case(&domain) {
            Some(row) => {
                problems.update(|p| p.retain(|problem| problem.cell.is_some()));
                typing.set_value(Some((row, 0)));
                focus_cell_soon(domain.clone(), typing);
            }
            None => problems.set(vec![PasteProblem {
                cell: None,
                message: format!("A grid holds at most {} cases", group_thousands(MAX_CASES)),
            }]),
        }
    };
    let type_ahead = type_ahead(domain.clone(), columns, typing);
    let hint_id = format!("{}-hint", grid_id(&domain));
    let caption = match framework.domains.iter().find(|d| d.id == domain) {
        Some(d) => format!("Cases of domain {}, {}: one row per case", d.id, d.name),
        None => format!("Cases of domain {domain}: one row per case"),
    };
    let domain_for_rows = domain.clone();
    view! {
        {enter_domain_by_case(domain.clone(), typing)}
        <Show when=move || !columns.with(Vec::is_empty)>
            <div class="case-grid">
                <p class="hint" id=hint_id.clone()>
                    "One row per case: use a reference, never a name. In a cell type y (Yes), n (No) or - (not relevant); \
                     the next cell is selected. Arrow keys move, Delete clears, and a block copied from a spreadsheet pastes in."
                </p>
                <div class="table-wrap">
                    <table class="grid" data-testid=format!("grid-{domain}")>
                        <caption class="visually-hidden">{caption.clone()}</caption>
                        <thead>{grid_header(columns)}</thead>
                        <tbody>
                            {
                                let (domain, hint_id) = (domain_for_rows.clone(), hint_id.clone());
                                view! {
                                    <For each=move || 0..rows.get() key=|row| *row
                                        children=move |row| view! {
                                            <CaseRow domain=domain.clone() row=row columns=columns problems=problems hint_id=hint_id.clone()/>
                                        }/>
                                }
                            }
                        </tbody>
                        <tfoot>{grid_totals(domain.clone(), columns, rows)}</tfoot>
                    </table>
                </div>
                <button type="button" class="button button-secondary" id=add_button_id(&domain) data-testid=format!("add-case-{domain}")
                    on:click=add_case.clone() on:keydown=type_ahead.clone()>"Add a case"</button>
                {grid_problems(domain.clone(), problems)}
            </div>
        </Show>
    }
}

/// Answers typed on "Add a case" before the new row is shown (see `Typing`).
fn type_ahead(
    domain: String,
    columns: Memo<Vec<GridColumn>>,
    typing: Typing,
) -> impl Fn(KeyboardEvent) + Clone + 'static {
    let state = expect_context::<AppState>();
    move |ev: KeyboardEvent| {
        let Some((row, col)) = typing.get_value() else {
            return;
        };
        let Some(value) = answer_key(&ev.key()).filter(|_| !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()))
        else {
            return;
        };
        ev.prevent_default();
        let columns = columns.get_untracked();
        if let Some(column) = columns.get(col) {
            state.set_case_answer(&domain, row, column, Some(value));
        }
        // Past the row's last cell, focus stays here, as it does from a cell.
        typing.set_value((col + 1 < columns.len()).then_some((row, col + 1)));
    }
}

/// "Record this domain case by case", and the confirmation it asks for when totals typed
/// for the domain's standards would be discarded.
fn enter_domain_by_case(domain: String, typing: Typing) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    let case_standards: Vec<String> = framework
        .standards
        .iter()
        .filter(|s| s.domain == domain && s.rated_by == RatedBy::Cases)
        .map(|s| s.id.clone())
        .collect();
    let all_by_case = {
        let ids = case_standards.clone();
        Memo::new(move |_| state.with_part(&Part::Shape, |f| ids.iter().all(|id| f.by_case.contains(id))))
    };
    // Standards whose typed totals entering the whole domain case by case would discard.
    let confirming = RwSignal::new(None::<Vec<String>>);
    let enter_all = {
        let (domain, ids) = (domain.clone(), case_standards.clone());
        move |confirmed: bool| {
            let with_totals: Vec<String> = state.with_form(|f| {
                framework
                    .standards
                    .iter()
                    .filter(|s| ids.contains(&s.id) && !f.by_case.contains(&s.id) && f.would_lose_totals(s))
                    .map(|s| s.id.clone())
                    .collect()
            });
            if !confirmed && !with_totals.is_empty() {
                confirming.set(Some(with_totals));
                return;
            }
            confirming.set(None);
            state.enter_by_case(&ids, &domain);
            typing.set_value(Some((0, 0)));
            focus_cell_soon(domain.clone(), typing);
        }
    };
    let enter_all_button = enter_all.clone();
    let button_testid = format!("enter-by-case-{domain}");
    (!case_standards.is_empty()).then(|| view! {
        <div class="case-entry">
            <Show when=move || !all_by_case.get()>
                <button type="button" class="button button-secondary" data-testid=button_testid.clone()
                    on:click={
                        let enter_all = enter_all_button.clone();
                        move |_| enter_all(false)
                    }>
                    "Record this domain case by case"
                </button>
            </Show>
            {
                let domain = domain.clone();
                move || confirming.get().map(|ids| {
                let enter_all = enter_all.clone();
                view! {
                    <div class="confirm" role="alert" data-testid=format!("confirm-enter-all-{domain}")>
                        <p>{format!(
                            "Entering case by case discards the totals typed for {}. The grid's counts take their place.",
                            ids.join(", ")
                        )}</p>
                        <button type="button" class="button button-warning" data-testid=format!("confirm-enter-all-yes-{domain}")
                            on:click=move |_| enter_all(true)>
                            "Discard the totals and record case by case"
                        </button>
                        <button type="button" class="button button-secondary" data-testid=format!("confirm-enter-all-no-{domain}")
                            on:click=move |_| confirming.set(None)>"Keep the totals"</button>
                    </div>
                }
            })}
        </div>
    })
}

/// The grid's two header rows: standards over their key questions.
fn grid_header(columns: Memo<Vec<GridColumn>>) -> impl IntoView {
    let framework = expect_context::<AppState>().framework_now();
    move || {
        let columns = columns.get();
        let mut groups: Vec<(String, usize)> = Vec::new();
        for column in &columns {
            match groups.last_mut() {
                Some((standard, span)) if *standard == column.standard => *span += 1,
                _ => groups.push((column.standard.clone(), 1)),
            }
        }
        view! {
            <tr>
                <td colspan="2"></td>
                {groups.into_iter().map(|(standard, span)| {
                    let name = framework.standard(&standard).map(|(_, s)| s.name.clone()).unwrap_or_default();
                    view! { <th scope="colgroup" colspan=span.to_string()>{format!("{standard} {name}")}</th> }
                }).collect_view()}
                <td></td>
            </tr>
            <tr>
                <th scope="col">"Case"</th>
                <th scope="col">"Note (optional)"</th>
                {columns.iter().map(|c| {
                    let wording = framework
                        .standard(&c.standard)
                        .and_then(|(_, s)| s.key_question(&c.key_question).map(|k| s.key_questions[k].wording.clone()))
                        .unwrap_or_default();
                    view! { <th scope="col" title=wording>{c.key_question.clone()}</th> }
                }).collect_view()}
                <th scope="col"><span class="visually-hidden">"Remove"</span></th>
            </tr>
        }
    }
}

/// The grid's totals row: each key question's counts as the engine reads the grid.
fn grid_totals(domain: String, columns: Memo<Vec<GridColumn>>, rows: Memo<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework_now();
    move || {
        let cells = columns
            .get()
            .into_iter()
            .map(|c| {
                let domain = domain.clone();
                // Its counts change only with its key question's result.
                let outcome = framework
                    .standards
                    .iter()
                    .position(|s| s.id == c.standard)
                    .and_then(|i| {
                        let k = framework.standards[i]
                            .key_questions
                            .iter()
                            .position(|kq| kq.id == c.key_question)?;
                        Some(Outcome::KeyQuestion(i, k))
                    });
                let text = move || {
                    if let Some(outcome) = outcome {
                        state.track_outcome(outcome);
                    }
                    let counts = state
                        .scenario
                        .with_untracked(|(s, _)| match s.standards.get(&c.standard) {
                            Some(Entry::Cases(e)) => e.key_questions.get(&c.key_question).copied(),
                            _ => None,
                        });
                    match counts {
                        Some(a) if a.relevant == 0 => "Not applicable".to_owned(),
                        Some(a) => format!("{} Yes of {} relevant", a.yes, a.relevant),
                        None => {
                            let answered = state.with_form(|f| {
                                f.samples
                                    .get(&domain)
                                    .map_or(0, |s| s.answered(&c.standard, &c.key_question))
                            });
                            format!("{answered} of {} answered", rows.get())
                        }
                    }
                };
                view! { <td class="grid-total">{text}</td> }
            })
            .collect_view();
        view! {
            <tr>
                <th scope="row" colspan="2">"Totals"</th>
                {cells}
                <td></td>
            </tr>
        }
    }
}

/// What a paste or "Add a case" could not do, announced politely.
fn grid_problems(domain: String, problems: RwSignal<Vec<PasteProblem>>) -> impl IntoView {
    view! {
        <div aria-live="polite" id=problems_id(&domain) data-testid=format!("grid-problems-{domain}")>
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="field-error">
                    <span class="visually-hidden">"Error: "</span>
                    {problems.with(|p| p.iter().any(|p| p.cell.is_some())).then_some(
                        "Some pasted cells were not answers and were left as they were (marked in the grid):"
                    )}
                    <ul>{problems.get().into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
                </div>
            })}
        </div>
    }
}

/// A case's reference or note, as typed.
fn case_text(state: AppState, domain: String, row: usize, field: CaseText) -> Memo<String> {
    let part = Part::CaseText {
        domain: domain.clone(),
        row,
        field,
    };
    Memo::new(move |_| {
        state.with_part(&part, |f| {
            let case = f.samples.get(&domain).and_then(|s| s.cases.get(row));
            case.map(|c| match field {
                CaseText::Reference => c.label.clone(),
                CaseText::Note => c.note.clone(),
            })
            .unwrap_or_default()
        })
    })
}

#[component]
fn CaseRow(
    domain: String,
    row: usize,
    columns: Memo<Vec<GridColumn>>,
    problems: RwSignal<Vec<PasteProblem>>,
    hint_id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = case_text(state, domain.clone(), row, CaseText::Reference);
    let note = case_text(state, domain.clone(), row, CaseText::Note);
    // What cells and buttons are called: the reference, or "Case 3" (the reference
    // field's placeholder) while it is blank.
    let placeholder = format!("Case {}", row + 1);
    let name = {
        let placeholder = placeholder.clone();
        Memo::new(move |_| {
            let label = label.get();
            if label.trim().is_empty() {
                placeholder.clone()
            } else {
                label
            }
        })
    };
    let set_text = {
        let domain = domain.clone();
        move |field: CaseText, text: String| state.set_case_text(&domain, row, field, text)
    };
    let (set_label, set_note) = (set_text.clone(), set_text);
    let remove = {
        let domain = domain.clone();
        move |_| {
            state.remove_case(&domain, row);
            // The rows below move up: problems no longer point at their cells.
            problems.update(|p| p.retain(|problem| problem.cell.is_none()));
            browser::focus(&add_button_id(&domain));
        }
    };
    let cells = {
        let domain = domain.clone();
        move || {
            let all = columns.get();
            let count = all.len();
            all.iter()
                .enumerate()
                .map(|(col, column)| {
                    view! {
                        <Cell domain=domain.clone() row=row col=col count=count column=column.clone() columns=columns
                            name=name problems=problems hint_id=hint_id.clone()/>
                    }
                })
                .collect_view()
        }
    };
    let label_id = label_id(&domain, row);
    view! {
        <tr>
            <th scope="row">
                <label class="visually-hidden" for=label_id.clone()>{format!("Reference of case {}", row + 1)}</label>
                <input id=label_id type="text" class="case-label" size="8" maxlength="40" autocomplete="off"
                    placeholder=placeholder
                    data-testid=format!("case-label-{domain}-{row}")
                    prop:value=move || label.get()
                    on:input=move |ev| set_label(CaseText::Reference, event_target_value(&ev))/>
            </th>
            <td>
                <input type="text" class="case-note" size="14" maxlength="200" autocomplete="off"
                    aria-label=move || format!("Note on {}", name.get())
                    data-testid=format!("case-note-{domain}-{row}")
                    prop:value=move || note.get()
                    on:input=move |ev| set_note(CaseText::Note, event_target_value(&ev))/>
            </td>
            {cells}
            <td>
                <button type="button" class="link-button" data-testid=format!("remove-case-{domain}-{row}")
                    aria-label=move || format!("Remove {}", name.get())
                    on:click=remove>"Remove"</button>
            </td>
        </tr>
    }
}

#[component]
fn Cell(
    domain: String,
    row: usize,
    col: usize,
    /// How many columns the grid has (for moving on from the last).
    count: usize,
    column: GridColumn,
    columns: Memo<Vec<GridColumn>>,
    /// The case as spoken: its reference, or "Case N" while that is blank.
    name: Memo<String>,
    problems: RwSignal<Vec<PasteProblem>>,
    hint_id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let answer = {
        let (domain, column) = (domain.clone(), column.clone());
        let part = Part::Answer {
            domain: domain.clone(),
            row,
            column: column.clone(),
        };
        Memo::new(move |_| {
            state.with_part(&part, |f| {
                f.samples
                    .get(&domain)
                    .and_then(|s| s.cases.get(row))
                    .and_then(|c| c.answer(&column.standard, &column.key_question))
            })
        })
    };
    // A pasted value that was not an answer: the cell says so until it is answered.
    let invalid = {
        let column = column.clone();
        Memo::new(move |_| problems.with(|p| p.iter().any(|p| p.is_at(row, &column))))
    };
    let set = {
        let (domain, column) = (domain.clone(), column.clone());
        move |value: Option<CaseAnswer>| {
            if invalid.get_untracked() {
                problems.update(|p| p.retain(|p| !p.is_at(row, &column)));
            }
            if answer.get_untracked() != value {
                state.set_case_answer(&domain, row, &column, value);
            }
        }
    };
    let go = mover(domain.clone(), count);
    let on_keydown = cell_keys(row, col, count, set.clone(), go);
    let on_input = cell_input(set, answer);
    let on_paste = {
        let (domain, problems) = (domain.clone(), problems);
        move |ev: ClipboardEvent| {
            let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else {
                return;
            };
            ev.prevent_default();
            let all = columns.get_untracked();
            problems.set(state.paste_cases(&domain, row, col, &all, &text));
        }
    };
    let testid = format!("cell-{domain}-{row}-{}-{}", column.standard, column.key_question);
    let class = move || cell_class(answer.get(), invalid.get());
    let described_by = {
        let problems_id = problems_id(&domain);
        move || {
            if invalid.get() {
                format!("{hint_id} {problems_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let aria = {
        let column = column.clone();
        move || {
            format!(
                "{}, {} {}: {}",
                name.get(),
                column.standard,
                column.key_question,
                spoken(answer.get())
            )
        }
    };
    view! {
        <td class=class>
            <input type="text" id=cell_id(&domain, row, col) data-testid=testid size="1" maxlength="3"
                autocomplete="off" autocapitalize="off" spellcheck="false"
                aria-label=aria aria-describedby=described_by
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || shown(answer.get())
                on:keydown=on_keydown on:input=on_input on:paste=on_paste/>
        </td>
    }
}

/// Moves focus by rows and columns of a grid with `count` columns; past the last cell of
/// a row, on to the next row; past the last row, to "Add a case".
fn mover(domain: String, count: usize) -> impl Fn(isize, isize) + Clone + 'static {
    let state = expect_context::<AppState>();
    move |to_row: isize, to_col: isize| {
        let (mut r, mut c) = (to_row, to_col);
        if c >= count as isize {
            r += 1;
            c = 0;
        }
        if c < 0 || r < 0 {
            return;
        }
        let rows = state.with_form(|f| f.samples.get(&domain).map_or(0, |s| s.cases.len()));
        if r as usize >= rows {
            browser::focus(&add_button_id(&domain));
        } else {
            browser::focus(&cell_id(&domain, r as usize, c as usize));
        }
    }
}

/// What a key does in a cell: an answer key answers and moves on; arrows, Enter, Home
/// and End move; Backspace and Delete clear; other characters are ignored.
fn cell_keys(
    row: usize,
    col: usize,
    count: usize,
    set: impl Fn(Option<CaseAnswer>) + 'static,
    go: impl Fn(isize, isize) + 'static,
) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return; // copy, paste and the browser's own shortcuts
        }
        let (r, c) = (row as isize, col as isize);
        let key = ev.key();
        if let Some(value) = answer_key(&key) {
            ev.prevent_default();
            set(Some(value));
            go(r, c + 1);
            return;
        }
        match key.as_str() {
            "Backspace" | "Delete" => set(None),
            "ArrowRight" => go(r, c + 1),
            "ArrowLeft" => go(r, c - 1),
            "ArrowDown" | "Enter" => go(r + 1, c),
            "ArrowUp" => go(r - 1, c),
            "Home" => go(r, 0),
            "End" => go(r, count as isize - 1),
            "Tab" => return,
            other if other.chars().count() == 1 => {} // not an answer: ignored
            _ => return,
        }
        ev.prevent_default();
    }
}

/// Touch keyboards may send no usable key: read what the field holds instead, then
/// show the answer as the grid shows it.
fn cell_input(
    set: impl Fn(Option<CaseAnswer>) + 'static,
    answer: Memo<Option<CaseAnswer>>,
) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let last = text.chars().last().map(String::from).unwrap_or_default();
        if let Ok(value) = parse_case_answer(&last) {
            set(value);
        }
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(shown(answer.get_untracked()));
        }
    }
}
