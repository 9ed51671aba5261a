//! The ratings table as the inspectorate's reports lay it out.

use yj_rating_engine::{
    Entry, Flag, Framework, Scenario, ScenarioResult, Standard, StandardResult, StandardStatus,
};

/// The key to the marks, the table's last line.
const MARKS_KEY: &str =
    "Marks: * rating changed by professional discretion; [flags (the ways they point); the \
                         ratings discretion may give] where discretion may be considered";

/// Renders the table: a heading with the score and overall rating, then each domain
/// with its subtotal and each standard with its rating, marks and flags.
pub fn render(framework: &Framework, scenario: &Scenario, result: &ScenarioResult) -> String {
    let mut lines = heading(framework, scenario, result);
    let name_width = framework
        .standards
        .iter()
        .map(|s| s.id.len() + 2 + s.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut notes = Vec::new();
    for (domain, subtotal) in framework.domains.iter().zip(&result.domains) {
        lines.push(String::new());
        let heading = format!("{}. {}", domain.id, domain.name);
        lines.push(format!(
            "{heading:<width$}  {}/{}",
            subtotal.score,
            subtotal.max,
            width = name_width + 2
        ));
        for (standard, r) in framework.standards.iter().zip(&result.standards) {
            if standard.domain != domain.id {
                continue;
            }
            lines.push(standard_line(framework, standard, r, name_width));
            notes.extend(discretion_note(scenario, standard, r));
        }
    }
    lines.push(String::new());
    if !notes.is_empty() {
        lines.push("Discretion applied:".to_owned());
        lines.append(&mut notes);
        lines.push(String::new());
    }
    lines.push(MARKS_KEY.to_owned());
    let mut out = String::new();
    for line in lines {
        // Text from the file (title, names, reasons) is escaped: one line stays one line.
        out.push_str(&crate::terminal::escape(line.trim_end()));
        out.push('\n');
    }
    out
}

/// The title, the framework, its note, and the score and overall rating (or the ratings
/// still reachable).
fn heading(framework: &Framework, scenario: &Scenario, result: &ScenarioResult) -> Vec<String> {
    let title = if scenario.title.is_empty() {
        "Untitled scenario"
    } else {
        &scenario.title
    };
    let mut lines = vec![
        title.to_owned(),
        format!(
            "Framework: {} ({} percentages)",
            framework.name, scenario.rounding
        ),
    ];
    if !framework.note.is_empty() {
        lines.push(format!("Note: {}", framework.note));
    }
    lines.push(String::new());
    match result.overall {
        Some(overall) => {
            lines.push(format!("Score          {}/{}", result.total, result.max));
            lines.push(format!("Overall rating {}", framework.label(overall)));
        }
        None => {
            lines.push(format!(
                "Score so far   {}/{} ({} of {} standards rated)",
                result.total, result.max, result.rated, result.counted
            ));
            lines.push(format!(
                "Overall rating not yet known: between {} and {}",
                framework.label(result.reachable.0),
                framework.label(result.reachable.1)
            ));
        }
    }
    lines
}

/// One standard's line: its id and name, its rating (or why it has none) and its marks.
fn standard_line(
    framework: &Framework,
    standard: &Standard,
    r: &StandardResult,
    name_width: usize,
) -> String {
    let name = format!("{}  {}", standard.id, standard.name);
    let rating = match (r.rating, r.status) {
        (Some(rating), _) => framework.label(rating).to_owned(),
        (None, StandardStatus::NotEntered) => "not entered".to_owned(),
        (None, StandardStatus::Incomplete) => "incomplete".to_owned(),
        (None, StandardStatus::NotApplicable) => "not rated (no relevant cases)".to_owned(),
        (None, _) => "invalid counts".to_owned(),
    };
    let marks = marks(framework, standard, r);
    format!("  {name:<name_width$}  {rating:<22}{}", marks.join(" "))
}

/// A standard's marks: discretion applied, the flags with the ratings discretion may
/// give, and whether it counts in the score.
fn marks(framework: &Framework, standard: &Standard, r: &StandardResult) -> Vec<String> {
    let mut marks = Vec::new();
    if r.changed_by_discretion {
        if let Some(mechanical) = r.mechanical_rating {
            marks.push(format!(
                "* discretion, mechanically {}",
                framework.label(mechanical)
            ));
        }
    }
    let flags: Vec<String> = r.flags.iter().map(Flag::summary).collect();
    if !flags.is_empty() {
        let allowed: Vec<&str> = r
            .allowed_discretion()
            .into_iter()
            .map(|x| framework.label(x))
            .collect();
        marks.push(format!(
            "[{}; discretion allowed: {}]",
            flags.join(", "),
            allowed.join(" or ")
        ));
    }
    if !standard.counts_in_score {
        marks.push("(does not count in the score)".to_owned());
    }
    marks
}

/// The reason for discretion applied to a standard, as a note under the table.
fn discretion_note(scenario: &Scenario, standard: &Standard, r: &StandardResult) -> Option<String> {
    match (r.changed_by_discretion, scenario.standards.get(&standard.id)) {
        (true, Some(Entry::Cases(entry))) => {
            (entry.discretion.as_ref()).map(|discretion| format!("  {}: {}", standard.id, discretion.reason))
        }
        _ => None,
    }
}
