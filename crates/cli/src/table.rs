//! The ratings table as the inspectorate's reports lay it out.

use yj_rating_engine::{Flag, Framework, Scenario, ScenarioResult, StandardStatus};

/// Renders the table: a heading with the score and overall rating, then each domain
/// with its subtotal and each standard with its rating, marks and flags.
pub fn render(framework: &Framework, scenario: &Scenario, result: &ScenarioResult) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        // Text from the file (title, names, reasons) is escaped: one line stays one line.
        out.push_str(&crate::terminal::escape(text.trim_end()));
        out.push('\n');
    };
    let title = if scenario.title.is_empty() {
        "Untitled scenario"
    } else {
        &scenario.title
    };
    line(title.to_owned());
    line(format!(
        "Framework: {} ({} percentages)",
        framework.name, scenario.rounding
    ));
    if !framework.note.is_empty() {
        line(format!("Note: {}", framework.note));
    }
    line(String::new());
    match result.overall {
        Some(overall) => {
            line(format!("Score          {}/{}", result.total, result.max));
            line(format!("Overall rating {}", framework.label(overall)));
        }
        None => {
            line(format!(
                "Score so far   {}/{} ({} of {} standards rated)",
                result.total, result.max, result.rated, result.counted
            ));
            line(format!(
                "Overall rating not yet known: between {} and {}",
                framework.label(result.reachable.0),
                framework.label(result.reachable.1)
            ));
        }
    }
    let name_width = framework
        .standards
        .iter()
        .map(|s| s.id.len() + 2 + s.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut notes = Vec::new();
    for (domain, subtotal) in framework.domains.iter().zip(&result.domains) {
        line(String::new());
        let heading = format!("{}. {}", domain.id, domain.name);
        line(format!(
            "{heading:<width$}  {}/{}",
            subtotal.score,
            subtotal.max,
            width = name_width + 2
        ));
        for (standard, r) in framework.standards.iter().zip(&result.standards) {
            if standard.domain != domain.id {
                continue;
            }
            let name = format!("{}  {}", standard.id, standard.name);
            let rating = match (r.rating, r.status) {
                (Some(rating), _) => framework.label(rating).to_owned(),
                (None, StandardStatus::NotEntered) => "not entered".to_owned(),
                (None, StandardStatus::Incomplete) => "incomplete".to_owned(),
                (None, StandardStatus::NotApplicable) => "not rated (no relevant cases)".to_owned(),
                (None, _) => "invalid counts".to_owned(),
            };
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
            line(format!("  {name:<name_width$}  {rating:<22}{}", marks.join(" ")));
            if let (true, Some(yj_rating_engine::Entry::Cases(entry))) =
                (r.changed_by_discretion, scenario.standards.get(&standard.id))
            {
                if let Some(discretion) = &entry.discretion {
                    notes.push(format!("  {}: {}", standard.id, discretion.reason));
                }
            }
        }
    }
    line(String::new());
    if !notes.is_empty() {
        line("Discretion applied:".to_owned());
        for note in notes {
            line(note);
        }
        line(String::new());
    }
    line(
        "Marks: * rating changed by professional discretion; [flags (the ways they point); the ratings discretion may give] where discretion may be considered"
            .to_owned(),
    );
    out
}
