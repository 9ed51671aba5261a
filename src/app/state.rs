//! The app's state, shared through context: the scenario library (the only thing the
//! user edits) and what is derived from it, and every command that changes it. Views
//! read the library and call these commands; none writes it. Each command applies a
//! change the workbook defines (and tests natively) and says what happened.

use crate::app::parts::{Keyed, Outcome, Part, Parts};
use crate::browser;
use crate::persist::share;
use crate::persist::storage::{self, StorageProblem};
use crate::words::{self, notices};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use yj_rating_engine::{
    csv, plan, score, CaseAnswer, DiscretionProblem, Framework, KeyQuestionResult, Rating, Rounding,
    Scenario, ScenarioResult, StandardResult,
};
use yj_rating_workbook::form::{discretion_path, CaseText, FieldPath, GridColumn, PasteProblem};
use yj_rating_workbook::{Deleted, Form, FrameworkImport, Library, SharedFramework};

/// The Torbay 2021 worked example of the rule book.
pub const TORBAY_EXAMPLE: &str = include_str!("../../examples/torbay-2021.json");

/// A message for the user, shown in the notices area.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Storage(StorageProblem),
    Info(String),
    Error(String),
}

/// A conversion waiting for the user to confirm it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingConversion {
    pub to: Arc<Framework>,
    pub dropped: Vec<String>,
}

/// Shared state, `Copy` so closures can take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The library, to read: it changes only through the commands below.
    pub library: ReadSignal<Library>,
    write_library: WriteSignal<Library>,
    /// What each change changed, for views that show one part of the form.
    parts: Parts,
    /// Which fields' messages changed, for views that show one field's message.
    messages: Keyed<String>,
    /// Which standards' and domains' results changed, for views that show one.
    outcomes: Keyed<Outcome>,
    pub framework: Memo<SharedFramework>,
    /// The scenario the form makes, and messages for fields that cannot be read.
    pub scenario: Memo<(Scenario, BTreeMap<String, String>)>,
    pub result: Memo<ScenarioResult>,
    /// Every field message by path: unreadable text, and the engine's problems.
    pub errors: Memo<BTreeMap<String, String>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub deleted: RwSignal<Option<Deleted>>,
    pub presentation: RwSignal<bool>,
    /// Whether autosave may write (not while unreadable data could not be kept aside).
    pub saving_allowed: RwSignal<bool>,
    /// Standards whose missing discretion reason is reported: once the reason box is left,
    /// and all of them once a file or link is asked for. Until then a band chosen without
    /// a reason is said quietly, not as an error.
    pub reasons_due: RwSignal<BTreeSet<String>>,
    /// Set while adopting what another tab saved, so it is not written straight back.
    pub(crate) adopting: StoredValue<bool>,
    /// The library as this tab last saved or adopted it: what another tab's save is
    /// merged against when this tab has changes not yet saved.
    saved: StoredValue<Library>,
}

impl AppState {
    /// Loads the library from storage and derives everything from it.
    pub fn load() -> AppState {
        let (library, problems, saving_allowed) = storage::load();
        let saved = StoredValue::new(library.clone());
        let (library, write_library) = signal(library);
        let parts = Parts::new();
        let framework = Memo::new(move |_| {
            parts.track(&Part::Framework);
            SharedFramework(library.with_untracked(|l| l.framework_of(&l.current().form)))
        });
        let scenario =
            Memo::new(move |_| framework.with(|f| library.with(|l| l.current().form.to_scenario(f))));
        let result = Memo::new(move |_| framework.with(|f| scenario.with(|(s, _)| score(f, s))));
        let reasons_due = RwSignal::new(BTreeSet::new());
        let errors = Memo::new(move |_| field_errors(framework, scenario, result, reasons_due));
        let (messages, outcomes) = (Keyed::new(), Keyed::new());
        tell_what_changed(errors, messages, result, outcomes);
        AppState {
            library,
            write_library,
            parts,
            messages,
            outcomes,
            framework,
            scenario,
            result,
            errors,
            notices: RwSignal::new(problems.into_iter().map(Notice::Storage).collect()),
            deleted: RwSignal::new(None),
            presentation: RwSignal::new(false),
            saving_allowed: RwSignal::new(saving_allowed),
            reasons_due,
            adopting: StoredValue::new(false),
            saved,
        }
    }

    /// The current framework, untracked: for views built once per framework.
    pub fn framework_now(&self) -> Arc<Framework> {
        self.framework.get_untracked().0
    }

    /// Reads the current scenario's form where it lies (tracked): a memo over it would
    /// copy every typed text on every keystroke.
    pub fn with_form<T>(&self, read: impl FnOnce(&Form) -> T) -> T {
        self.library.with(|l| read(&l.current().form))
    }

    /// Reads one part of the current scenario's form: the running effect or memo
    /// re-runs when that part changes, not on every change to the library.
    pub fn with_part<T>(&self, part: &Part, read: impl FnOnce(&Form) -> T) -> T {
        self.track_part(part);
        self.library.with_untracked(|l| read(&l.current().form))
    }

    /// Makes the running effect or memo re-run when one part of the form changes.
    pub fn track_part(&self, part: &Part) {
        self.parts.track(part);
    }

    /// Reads the library's list of scenarios (names, which is current, branches): the
    /// running effect or memo re-runs when that changes, not on every keystroke.
    pub fn with_scenarios<T>(&self, read: impl FnOnce(&Library) -> T) -> T {
        self.parts.track(&Part::Scenarios);
        self.library.with_untracked(read)
    }

    /// A reactive read of one text field.
    pub fn text(&self, path: FieldPath) -> Memo<String> {
        let state = *self;
        let part = Part::Field(path.clone());
        Memo::new(move |_| state.with_part(&part, |f| f.text(&path).to_owned()))
    }

    /// Reads one standard's or domain's part of the result: the running effect or memo
    /// re-runs when that part changes, not on every change to the result.
    pub fn with_outcome<T>(&self, outcome: Outcome, read: impl FnOnce(&ScenarioResult) -> T) -> T {
        self.track_outcome(outcome);
        self.result.with_untracked(read)
    }

    /// Makes the running effect or memo re-run when one standard's or domain's result changes.
    pub fn track_outcome(&self, outcome: Outcome) {
        self.outcomes.track(&outcome);
    }

    /// A reactive read of one field's message.
    pub fn error(&self, path: &FieldPath) -> Memo<Option<String>> {
        let (errors, messages, path) = (self.errors, self.messages, path.to_string());
        Memo::new(move |_| {
            messages.track(&path);
            errors.with_untracked(|e| e.get(&path).cloned())
        })
    }

    /// Changes the library (every command goes through here or `edit_part`, so autosave
    /// sees it), telling every part of the form it may have changed. `None` once the app
    /// is unmounted and its state disposed: nothing changes then.
    pub(crate) fn change<T>(&self, change: impl FnOnce(&mut Library) -> T) -> Option<T> {
        let mut out = None;
        self.write_library.try_update(|l| out = Some(change(l)));
        self.parts.all_changed();
        out
    }

    /// Changes the current scenario's form, telling every part.
    fn edit<T>(&self, change: impl FnOnce(&mut Form) -> T) -> Option<T> {
        self.change(|l| change(&mut l.current_mut().form))
    }

    /// Changes one part of the current scenario's form and nothing else: only the
    /// views of that part (and those of the whole library) are told.
    fn edit_part<T>(&self, part: Part, change: impl FnOnce(&mut Form) -> T) {
        self.write_library.try_update(|l| {
            change(&mut l.current_mut().form);
        });
        self.parts.changed(&part);
    }

    /// Takes what another tab saved, keeping our scenario current. Changes made here and
    /// not yet saved are carried onto theirs field by field and the merge is saved (both
    /// tabs then hold both edits); with none, theirs is adopted as it is and not written back.
    pub(crate) fn take_from_another_tab(&self, theirs: Library) {
        let mut next = theirs.clone();
        let unsaved = self.library.with_untracked(|ours| {
            self.saved.with_value(|base| {
                let unsaved = base != ours;
                if unsaved {
                    next.carry_changes(base, ours);
                } else {
                    next.select(ours.current);
                }
                unsaved
            })
        });
        // Theirs as it is need not be written back; a merge must be.
        self.adopting.set_value(!unsaved);
        self.saved.set_value(theirs);
        self.write_library.set(next);
        self.parts.all_changed();
    }

    // ---- Typing into the form ----

    /// Sets a text field of the current form.
    pub fn set_text(&self, path: &FieldPath, text: String) {
        if self
            .library
            .with_untracked(|l| l.current().form.text(path) != text)
        {
            self.edit_part(Part::Field(path.clone()), |f| f.set_text(path, text));
        }
    }

    /// Chooses a judgement standard's rating (`None`: not rated yet).
    pub fn choose_judgement(&self, standard: &str, rating: Option<Rating>) {
        let part = Part::Field(FieldPath::judgement(standard));
        self.edit_part(part, |f| match rating {
            Some(rating) => f.judgements.insert(standard.to_owned(), rating),
            None => f.judgements.remove(standard),
        });
    }

    /// Chooses a standard's rating by discretion (`None`: the mechanical rating stands).
    pub fn choose_discretion(&self, standard: &str, rating: Option<Rating>) {
        let part = Part::Field(FieldPath::discretion(standard));
        self.edit_part(part, |f| match rating {
            Some(rating) => f.discretion.insert(standard.to_owned(), rating),
            None => f.discretion.remove(standard),
        });
    }

    /// Sets whether percentages are rounded to whole numbers before banding.
    pub fn set_rounding(&self, rounding: Rounding) {
        self.edit(|f| f.rounding = rounding);
    }

    /// Enters standards of a domain case by case, in the domain's grid (given a first
    /// case if it has none).
    pub fn enter_by_case(&self, standards: &[String], domain: &str) {
        self.edit(|f| f.enter_all_by_case(standards, domain));
    }

    /// Enters a case standard as totals again, starting from what the grid gave.
    pub fn enter_as_totals(&self, standard: &str, derived: Option<&yj_rating_engine::CaseEntry>) {
        self.edit(|f| f.enter_as_totals(standard, derived));
    }

    /// Adds a blank case to a domain's grid; its row, if the grid had room.
    pub fn add_case(&self, domain: &str) -> Option<usize> {
        self.edit(|f| f.add_case(domain)).flatten()
    }

    /// Removes a case from a domain's grid.
    pub fn remove_case(&self, domain: &str, row: usize) {
        self.edit(|f| f.remove_case(domain, row));
    }

    /// Sets a case's reference or note.
    pub fn set_case_text(&self, domain: &str, row: usize, field: CaseText, text: String) {
        let part = Part::CaseText {
            domain: domain.to_owned(),
            row,
            field,
        };
        self.edit_part(part, |f| f.set_case_text(domain, row, field, text));
    }

    /// Answers one cell of a domain's grid (`None`: blank).
    pub fn set_case_answer(&self, domain: &str, row: usize, column: &GridColumn, answer: Option<CaseAnswer>) {
        let part = Part::Answer {
            domain: domain.to_owned(),
            row,
            column: column.clone(),
        };
        self.edit_part(part, |f| f.set_case_answer(domain, row, column, answer));
    }

    /// Pastes text from a spreadsheet into a domain's grid from a cell; what could not
    /// be read.
    pub fn paste_cases(
        &self,
        domain: &str,
        row: usize,
        column: usize,
        columns: &[GridColumn],
        text: &str,
    ) -> Vec<PasteProblem> {
        self.edit(|f| f.paste_cases(domain, row, column, columns, text))
            .unwrap_or_default()
    }

    // ---- Scenarios ----

    /// Makes a scenario current.
    pub fn select(&self, id: u64) {
        self.change(|l| l.select(id));
    }

    /// Renames the current scenario as the name is typed (its name is also its title in
    /// exported files), so a reload straight after keeps it; a blank name is ignored.
    pub fn rename_as_typed(&self, name: &str) {
        if self.library.with_untracked(|l| l.current().name != name) {
            self.write_library.try_update(|l| l.rename_current(name));
            self.parts.changed(&Part::Scenarios);
        }
    }

    /// Renames the current scenario once the name is entered: without the spaces around it.
    pub fn rename(&self, name: &str) {
        self.rename_as_typed(name.trim());
    }

    /// Starts a blank scenario under the current scenario's framework (another
    /// framework is chosen in the framework panel).
    pub fn new_blank(&self) {
        self.new_blank_under(&self.framework_now());
    }

    /// Starts a blank scenario under a framework.
    pub fn new_blank_under(&self, framework: &Framework) {
        self.change(|l| l.add_titled("Scenario 1", Form::blank(framework)));
    }

    /// Copies the current scenario under a new name and makes the copy current.
    pub fn duplicate(&self) {
        self.change(Library::duplicate_current);
    }

    /// Deletes the current scenario, keeping it for undo. Deleting the last one leaves a
    /// blank one under the framework in use, as "New blank" does.
    pub fn delete_current(&self) {
        let deleted = self.change(Library::delete_current);
        self.deleted.set(deleted);
    }

    /// Brings back the scenario deleted last.
    pub fn undo_delete(&self) {
        if let Some(deleted) = self.deleted.get_untracked() {
            self.change(|l| l.restore(deleted));
            self.deleted.set(None);
        }
    }

    /// Branches a what-if copy from the current scenario.
    pub fn branch(&self) {
        let original = self.library.with_untracked(|l| l.current().name.clone());
        let Some(name) = self.change(|l| {
            l.branch_current();
            l.current().name.clone()
        }) else {
            return;
        };
        self.notify(Notice::Info(notices::branched(&original, &name)));
    }

    /// Keeps the current what-if branch as an ordinary scenario.
    pub fn keep_branch(&self) {
        let name = self.library.with_untracked(|l| l.current().name.clone());
        self.change(Library::keep_branch);
        self.notify(Notice::Info(notices::kept_branch(&name)));
    }

    /// Discards the current what-if branch (with undo) and returns to its original.
    pub fn discard_branch(&self) {
        if let Some(deleted) = self.change(Library::discard_branch).flatten() {
            self.deleted.set(Some(deleted));
        }
    }

    /// Opens a scenario file's text as a new scenario (never replacing one). The file
    /// must be valid as the rule book says; the app never writes one that is not.
    /// `source` names where it came from, in lower case, for messages.
    pub fn open_scenario_text(&self, text: &str, source: &str, name_suffix: &str) -> bool {
        match self.change(|l| l.open_scenario(text, name_suffix)) {
            None => false,
            Some(Ok(opened)) => {
                let added = opened.added_framework.as_ref().map(|f| f.name.as_str());
                self.notify(Notice::Info(notices::opened(source, &opened.name, added)));
                true
            }
            Some(Err(err)) => {
                self.notify(Notice::Error(notices::not_opened(source, &err)));
                false
            }
        }
    }

    /// Opens the worked example as a new scenario.
    pub fn load_example(&self) {
        self.open_scenario_text(TORBAY_EXAMPLE, "the Torbay 2021 example", "");
    }

    /// Starts a new scenario to record a planned sample: domain two's grid with `court`
    /// blank cases and domain three's with `out_of_court`, under the current scenario's
    /// framework. Returns whether it was started.
    pub fn record_sample(&self, court: u32, out_of_court: u32) -> bool {
        let framework = self.framework_now();
        let samples = [
            (plan::COURT_DOMAIN, court),
            (plan::OUT_OF_COURT_DOMAIN, out_of_court),
        ];
        let Some(form) = Form::planned_sample(&framework, &samples) else {
            self.notify(Notice::Error(notices::plan_not_recordable(&framework.name)));
            return false;
        };
        let base = notices::sample_plan_name(court, out_of_court);
        let Some(name) = self.change(|l| l.add_titled(&base, form)) else {
            return false;
        };
        self.notify(Notice::Info(notices::plan_recorded(&name, court, out_of_court)));
        true
    }

    // ---- Frameworks ----

    /// Imports a framework file's text; returns the id of the framework now available.
    /// `source` names it for messages, e.g. "\u{201c}themes.json\u{201d}".
    pub fn import_framework_text(&self, text: &str, source: &str) -> Option<String> {
        let refused = |reason: String| Notice::Error(notices::framework_refused(source, &reason));
        let framework = match Framework::from_json_str(text) {
            Ok(framework) => framework,
            Err(err) => {
                self.notify(refused(words::problem_list(&err)));
                return None;
            }
        };
        let outcome = self.change(|l| l.import_framework(framework))?;
        let (notice, available) = match outcome {
            FrameworkImport::Added(f) => (
                Notice::Info(notices::framework_imported(&f.name)),
                Some(f.id.clone()),
            ),
            FrameworkImport::AlreadyAvailable(f) => (
                Notice::Info(notices::framework_already_available(&f.name, &f.id)),
                Some(f.id.clone()),
            ),
            FrameworkImport::IdOfBuiltin(id) => (refused(notices::id_of_builtin(&id)), None),
            FrameworkImport::IdTaken(id) => (refused(notices::id_taken(&id)), None),
        };
        self.notify(notice);
        available
    }

    /// Removes an imported framework, unless a scenario uses it; whether it was removed.
    pub fn remove_framework(&self, id: &str) -> bool {
        match self.change(|l| l.remove_framework(id)) {
            None => false,
            Some(Ok(())) => {
                self.notify(Notice::Info(notices::framework_removed(id)));
                true
            }
            Some(Err(users)) => {
                self.notify(Notice::Error(notices::framework_in_use(id, &users)));
                false
            }
        }
    }

    /// What converting the current scenario to `to` would drop, for the user to confirm.
    pub fn prepare_conversion(&self, to: Arc<Framework>) -> PendingConversion {
        let dropped = self.library.with_untracked(|l| l.conversion_drops(&to));
        PendingConversion { to, dropped }
    }

    /// Converts the current scenario to another framework as a new scenario, leaving
    /// the original as it was (so nothing is lost, even what is dropped).
    pub fn convert_current(&self, to: &Framework) {
        let Some(converted) = self.change(|l| l.convert_current(to)) else {
            return;
        };
        self.notify(Notice::Info(notices::converted(
            &to.name,
            &converted.name,
            converted.dropped,
        )));
    }

    // ---- Files and links ----

    /// The current scenario as a scenario file.
    pub fn scenario_file(&self) -> String {
        self.scenario_to_write()
            .to_json_string_with(&self.framework_now())
    }

    /// The current scenario as files and links carry it: its name is its title, so one
    /// never renamed still comes back under its name.
    fn scenario_to_write(&self) -> Scenario {
        let mut scenario = self.scenario.with_untracked(|(scenario, _)| scenario.clone());
        scenario.title = self.library.with_untracked(|l| l.current().name.clone());
        scenario
    }

    /// Whether the current scenario can be written as a file; says why not if not.
    fn ready_to_write(&self, what: &str) -> bool {
        self.all_reasons_due();
        let framework = self.framework_now();
        let half = self
            .library
            .with_untracked(|l| l.current().form.half_entered(&framework));
        if !half.is_empty() {
            let fields: Vec<String> = half
                .iter()
                .map(|path| words::field_label(&framework, path))
                .collect();
            self.notify(Notice::Error(notices::half_entered(&fields, what)));
            return false;
        }
        let problems = self.errors.with_untracked(|e| e.len());
        if problems > 0 {
            self.notify(Notice::Error(notices::problems_first(problems, what)));
        }
        problems == 0
    }

    /// Downloads the current scenario as a file.
    pub fn export(&self) {
        if !self.ready_to_write("exporting") {
            return;
        }
        let filename = format!("{}.json", self.file_stem());
        if let Err(e) = browser::download(&filename, "application/json", &self.scenario_file()) {
            self.notify(Notice::Error(format!("The export failed: {e}")));
        }
    }

    /// The current scenario's scored result as CSV (every key-question count and result).
    pub fn scenario_csv(&self) -> String {
        let framework = self.framework_now();
        self.scenario.with_untracked(|(scenario, _)| {
            self.result
                .with_untracked(|result| csv::to_csv(&framework, scenario, result))
        })
    }

    /// Downloads the current scenario's counts and results as `<scenario name>.csv`.
    /// Like the file export, it waits until the problems listed at the top are
    /// corrected, so the spreadsheet always holds what was typed.
    pub fn export_csv(&self) {
        if !self.ready_to_write("exporting CSV") {
            return;
        }
        let filename = format!("{}.csv", self.file_stem());
        if let Err(e) = browser::download(&filename, "text/csv;charset=utf-8", &self.scenario_csv()) {
            self.notify(Notice::Error(format!("The CSV export failed: {e}")));
        }
    }

    /// The current scenario's name as a file name without extension.
    fn file_stem(&self) -> String {
        self.library
            .with_untracked(|l| words::file_stem(&l.current().name))
    }

    /// The share link of the current scenario, if it can be written as a file.
    pub fn share_link(&self) -> Option<String> {
        if !self.ready_to_write("sharing") {
            return None;
        }
        let value = self.scenario_to_write().to_value_with(&self.framework_now());
        let compact = serde_json::to_string(&value).unwrap_or_default();
        Some(format!(
            "{}{}",
            browser::address_without_hash(),
            share::fragment(&compact)
        ))
    }

    /// Opens a share link in the page's address, if there is one, then removes it from
    /// the address so a reload does not open it again.
    pub fn open_share_fragment(&self) {
        let hash = browser::location_hash();
        match share::from_fragment(&hash) {
            None => {}
            Some(Ok(text)) => {
                self.open_scenario_text(&text, "the shared scenario", " (shared)");
                browser::clear_hash();
            }
            Some(Err(message)) => {
                self.notify(Notice::Error(message));
                browser::clear_hash();
            }
        }
    }

    // ---- Discretion reasons ----

    /// Reports a missing discretion reason for `standard` from now on (its reason box
    /// was left).
    pub fn reason_due(&self, standard: &str) {
        if !self.reasons_due.with_untracked(|due| due.contains(standard)) {
            self.reasons_due.update(|due| {
                due.insert(standard.to_owned());
            });
        }
    }

    /// Reports every discretion reason missing now (a file or link was asked for);
    /// discretion chosen later is still said quietly until its reason box is left.
    pub fn all_reasons_due(&self) {
        let framework = self.framework_now();
        let missing: Vec<String> = self
            .result
            .with_untracked(|r| missing_reasons(&framework, r).map(str::to_owned).collect());
        if !missing.is_empty() {
            self.reasons_due.update(|due| due.extend(missing));
        }
    }

    // ---- Notices and saving ----

    /// Shows a notice. Notices stack in one area without piling up: a message replaces the earlier ones
    /// of its kind (the latest import or share result is what matters), while storage
    /// problems stay until they are resolved.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            n.retain(|old| *old != notice && !same_kind_of_message(old, &notice));
            n.push(notice);
        });
    }

    /// Dismisses one notice (a message, or unreadable data once removed from the browser).
    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|n| n.retain(|x| x != notice));
    }

    /// Dismisses every message the user may dismiss (storage problems stay).
    pub fn dismiss_messages(&self) {
        self.notices.update(|n| n.retain(|x| !x.is_message()));
    }

    /// Saves the library now, reporting a failed save (and clearing an earlier one).
    /// (Nothing happens once the app is unmounted and its state disposed.)
    pub fn save_now(&self) {
        let Some(saved) = self.library.try_with_untracked(|library| {
            storage::save(library).map(|()| self.saved.set_value(library.clone()))
        }) else {
            return;
        };
        let ends = |n: &Notice| {
            // A save that works ends a failed save's notice and a read-only start's.
            matches!(
                n,
                Notice::Storage(StorageProblem::SaveFailed(_) | StorageProblem::ReadOnly)
            )
        };
        // Most saves change no notice: the list is left alone then, so its views are not
        // rebuilt after every keystroke.
        if saved.is_ok() && self.notices.try_with_untracked(|n| n.iter().any(ends)) != Some(true) {
            return;
        }
        self.notices.try_update(|notices| {
            notices.retain(|n| !ends(n));
            if let Err(problem) = saved {
                notices.retain(|n| *n != Notice::Storage(problem.clone()));
                notices.push(Notice::Storage(problem));
            }
        });
    }
}

impl Notice {
    /// A message the user may dismiss; storage problems stay until resolved.
    pub fn is_message(&self) -> bool {
        matches!(self, Notice::Info(_) | Notice::Error(_))
    }
}

/// Tells the views of one field's message, or of one standard's or domain's result,
/// when theirs changes: a keystroke usually changes one standard, its domain and the
/// totals, and one message or none. Compared at first with what the views were built
/// from, so a change before the effect first runs is told too.
fn tell_what_changed(
    errors: Memo<BTreeMap<String, String>>,
    messages: Keyed<String>,
    result: Memo<ScenarioResult>,
    outcomes: Keyed<Outcome>,
) {
    let first = (errors.get_untracked(), result.get_untracked());
    Effect::new(
        move |before: Option<(BTreeMap<String, String>, ScenarioResult)>| {
            let (was, was_result) = before.unwrap_or_else(|| first.clone());
            let (now, now_result) = (errors.get(), result.get());
            for (path, message) in &now {
                if was.get(path) != Some(message) {
                    messages.changed(path);
                }
            }
            for path in was.keys().filter(|path| !now.contains_key(*path)) {
                messages.changed(path);
            }
            for i in changed_positions(&was_result.standards, &now_result.standards) {
                let (was, now) = (was_result.standards.get(i), now_result.standards.get(i));
                if was.map(own_result) != now.map(own_result) {
                    outcomes.changed(&Outcome::Standard(i));
                }
                for k in changed_positions(key_questions(&was_result, i), key_questions(&now_result, i)) {
                    outcomes.changed(&Outcome::KeyQuestion(i, k));
                }
            }
            for i in changed_positions(&was_result.domains, &now_result.domains) {
                outcomes.changed(&Outcome::Domain(i));
            }
            if overall(&was_result) != overall(&now_result) {
                outcomes.changed(&Outcome::Overall);
            }
            (now, now_result)
        },
    );
}

/// What the scenario's own views show (`Outcome::Overall`): everything but its standards,
/// which are told apart one by one. Named field by field, so a field added is not missed.
fn overall(r: &ScenarioResult) -> impl PartialEq + '_ {
    let ScenarioResult {
        standards: _,
        domains,
        total,
        max,
        rated,
        counted,
        overall,
        reachable,
        reachable_total,
    } = r;
    (
        domains,
        total,
        max,
        rated,
        counted,
        overall,
        reachable,
        reachable_total,
    )
}

/// What a standard's own views show (`Outcome::Standard`): everything but its key
/// questions, which are told apart one by one. Named field by field, so a field added to
/// the result is not missed.
fn own_result(r: &StandardResult) -> impl PartialEq + '_ {
    let StandardResult {
        status,
        mechanical_rating,
        rating,
        changed_by_discretion,
        discretion_problem,
        flags,
        score,
        key_questions: _,
    } = r;
    (
        status,
        mechanical_rating,
        rating,
        changed_by_discretion,
        discretion_problem,
        flags,
        score,
    )
}

/// A standard's key questions' results, by the standard's position (none past the end).
fn key_questions(result: &ScenarioResult, standard: usize) -> &[KeyQuestionResult] {
    result.standards.get(standard).map_or(&[], |s| &s.key_questions)
}

/// The positions at which two lists differ.
fn changed_positions<'a, T: PartialEq>(before: &'a [T], now: &'a [T]) -> impl Iterator<Item = usize> + 'a {
    (0..before.len().max(now.len())).filter(|&i| before.get(i) != now.get(i))
}

/// Every field message by path: text that cannot be read, and the engine's problems
/// (a discretion reason not yet due is said quietly elsewhere, not here).
fn field_errors(
    framework: Memo<SharedFramework>,
    scenario: Memo<(Scenario, BTreeMap<String, String>)>,
    result: Memo<ScenarioResult>,
    reasons_due: RwSignal<BTreeSet<String>>,
) -> BTreeMap<String, String> {
    framework.with(|framework| {
        scenario.with(|(s, unreadable)| {
            let mut errors = unreadable.clone();
            let (problems, awaiting) = result.with(|r| {
                let awaiting = reasons_due.with(|due| awaiting_reason(framework, r, due));
                (s.problems_given(framework, r), awaiting)
            });
            for problem in problems.into_iter().filter(|p| !awaiting.contains(&p.path)) {
                errors.entry(problem.path).or_insert(problem.message);
            }
            errors
        })
    })
}

/// The standards whose discretion waits only for its reason.
fn missing_reasons<'a>(
    framework: &'a Framework,
    result: &'a ScenarioResult,
) -> impl Iterator<Item = &'a str> {
    framework
        .standards
        .iter()
        .zip(&result.standards)
        .filter(|(_, outcome)| outcome.discretion_problem == Some(DiscretionProblem::NoReason))
        .map(|(standard, _)| standard.id.as_str())
}

/// The discretion paths whose only problem is a reason not yet typed, for standards whose
/// reason is not yet due: chosen a moment ago, not an error yet.
fn awaiting_reason(
    framework: &Framework,
    result: &ScenarioResult,
    due: &BTreeSet<String>,
) -> BTreeSet<String> {
    missing_reasons(framework, result)
        .filter(|id| !due.contains(*id))
        .map(|id| discretion_path(id).to_string())
        .collect()
}

/// Whether two notices are messages of the same kind (information, or an error), the
/// later replacing the earlier.
fn same_kind_of_message(old: &Notice, new: &Notice) -> bool {
    matches!(
        (old, new),
        (Notice::Info(_), Notice::Info(_)) | (Notice::Error(_), Notice::Error(_))
    )
}
