//! Plain words for what the engine found: flag reasons, statuses, field labels.
//! Presentation only: every figure comes from the engine's result.

use yj_rating_engine::path::{Count, FieldPath};
use yj_rating_engine::plan::{self, points_text, Margins, SamplePlan};
use yj_rating_engine::published::{self, Placement};
use yj_rating_engine::{Framework, Rating, ScenarioResult, StandardStatus};

// The wording the engine's explanations share (flags, discretion, what-if), in one home.
pub use yj_rating_engine::words::{
    discretion_choice, discretion_not_offered, flag_reason, flag_title, plural, tenths, what_if_line,
};

/// What a standard without a rating is waiting for.
pub fn status_text(status: StandardStatus) -> &'static str {
    match status {
        StandardStatus::NotEntered => "Not entered yet",
        StandardStatus::Incomplete => "Incomplete: enter every key question",
        StandardStatus::InvalidCounts => "Not rated: check the counts",
        StandardStatus::NotApplicable => "Not rated: no relevant cases",
        StandardStatus::Rated => "Rated",
    }
}

/// A rating's icon: text, so colour is never the only carrier.
pub fn rating_icon(rating: Rating) -> &'static str {
    match rating {
        Rating::Outstanding => "★",
        Rating::Good => "●",
        Rating::RequiresImprovement => "▲",
        Rating::Inadequate => "■",
    }
}

/// The class that colours a rating.
pub fn rating_class(rating: Option<Rating>) -> &'static str {
    match rating {
        Some(Rating::Outstanding) => "rating rating-outstanding",
        Some(Rating::Good) => "rating rating-good",
        Some(Rating::RequiresImprovement) => "rating rating-ri",
        Some(Rating::Inadequate) => "rating rating-inadequate",
        None => "rating rating-none",
    }
}

/// The overall result in one sentence, for the live region and the summary bar.
pub fn overall_sentence(framework: &Framework, result: &ScenarioResult) -> String {
    match result.overall {
        Some(overall) => format!(
            "Score {} out of {}: {}.",
            result.total,
            result.max,
            framework.label(overall)
        ),
        None if result.reachable.0 == result.reachable.1 => format!(
            "Score so far {} out of {}, {} of {} standards rated: {} whatever the rest.",
            result.total,
            result.max,
            result.rated,
            result.counted,
            framework.label(result.reachable.0)
        ),
        None => format!(
            "Score so far {} out of {}, {} of {} standards rated: overall between {} and {}.",
            result.total,
            result.max,
            result.rated,
            result.counted,
            framework.label(result.reachable.0),
            framework.label(result.reachable.1)
        ),
    }
}

/// Where a score sits among published inspections, in one sentence a screen reader reads
/// in place of the strip: "16/36: 18 of 81 published inspections scored lower, 3 the
/// same and 60 higher." A partial scenario gives the range it can still reach.
pub fn placement_sentence(placement: &Placement) -> String {
    let Placement {
        lowest,
        highest,
        lower,
        within,
        higher,
        lower_at_most,
    } = *placement;
    let total = placement.total();
    let out_of = published::OUT_OF;
    if lowest == highest {
        format!(
            "{lowest}/{out_of}: {lower} of {total} published inspections scored lower, \
             {within} the same and {higher} higher."
        )
    } else {
        format!(
            "Still between {lowest}/{out_of} and {highest}/{out_of}: from {lower} to {lower_at_most} of \
             {total} published inspections scored lower, {higher} scored above the range and {within} within it."
        )
    }
}

/// How the planner sizes a sample, from the engine's constants: "How many cases an
/// inspection would look at, as the reports' methodology says: ...".
pub fn plan_method() -> String {
    format!(
        "How many cases an inspection would look at, as the reports' methodology says: domain two's sample set \
         for {}% confidence with a margin of error of {} points, domain three's so that the two make {}% and {}% \
         of the combined sample.",
        plan::PLAN_CONFIDENCE.percent(),
        plan::MARGIN_OF_ERROR_POINTS,
        plan::COURT_SHARE_PERCENT,
        plan::OUT_OF_COURT_SHARE_PERCENT
    )
}

/// A plan's samples in one sentence: "Domain two: 63 court disposals. Domain three: 42
/// out-of-court disposals. 105 cases in all."
pub fn plan_result(plan: &SamplePlan) -> String {
    let (court, out_of_court) = (plan.court_sample, plan.out_of_court_sample);
    format!(
        "Domain two: {court} court disposal{}. Domain three: {out_of_court} out-of-court disposal{}. {} cases in all.",
        plural(court),
        plural(out_of_court),
        plan.total_sample()
    )
}

/// A sample's margins of error: "±5.0 points at 80% confidence, ±7.6 at 95%".
pub fn margins(margins: &Margins) -> String {
    format!(
        "\u{b1}{} points at 80% confidence, \u{b1}{} at 95%",
        points_text(margins.eighty),
        points_text(margins.ninety_five)
    )
}

/// Names what a problem's path points at for the error summary: a field as
/// [`field_label`] does, a whole standard by its id and name, anything else by its path.
pub fn problem_label(framework: &Framework, path: &str) -> String {
    if let Some(field) = FieldPath::parse(path, framework) {
        return field_label(framework, &field);
    }
    match problem_standard(framework, path) {
        Some(i) => format!("{} {}", framework.standards[i].id, framework.standards[i].name),
        None => path.to_owned(),
    }
}

/// The position of the standard a problem's path is about, if it is about one.
pub fn problem_standard(framework: &Framework, path: &str) -> Option<usize> {
    if let Some(field) = FieldPath::parse(path, framework) {
        return framework.standard(field.standard()).map(|(i, _)| i);
    }
    let standard = path.strip_prefix("standards.")?;
    framework
        .standards
        .iter()
        .position(|s| standard == s.id || standard.starts_with(&format!("{}.", s.id)))
}

/// Names a field for the error summary, e.g. "2.1 Assessment, safety: Yes answers".
pub fn field_label(framework: &Framework, path: &FieldPath) -> String {
    let name = match framework.standard(path.standard()) {
        Some((_, standard)) => format!("{} {}", standard.id, standard.name),
        None => path.standard().to_owned(),
    };
    let field = match path {
        FieldPath::Cases(_) => "cases inspected".to_owned(),
        FieldPath::Count {
            key_question,
            count: Count::Relevant,
            ..
        } => format!("{key_question}: relevant cases"),
        FieldPath::Count {
            key_question,
            count: Count::Yes,
            ..
        } => format!("{key_question}: Yes answers"),
        FieldPath::Discretion(_) | FieldPath::Reason(_) => "professional discretion".to_owned(),
        FieldPath::Judgement(_) => "rating".to_owned(),
    };
    format!("{name}, {field}")
}

/// The first few problems of an error, for a notice.
pub fn problem_list(err: &yj_rating_engine::Error) -> String {
    let problems: Vec<String> = err.problems().iter().take(5).map(|p| p.to_string()).collect();
    let more = err.problems().len().saturating_sub(5);
    let more = if more > 0 {
        format!(" (and {more} more)")
    } else {
        String::new()
    };
    format!("{}{more}", problems.join("; "))
}

/// What the pinned bar's figures are of, while a what-if branch is shown.
pub fn showing_branch(branch: &str, original: &str) -> String {
    format!("What-if branch \u{201c}{branch}\u{201d} of \u{201c}{original}\u{201d}")
}

/// What the pinned bar's figures are of otherwise: the original, when it has branches.
pub fn showing_scenario(name: &str, has_branches: bool) -> String {
    if has_branches {
        format!("Original \u{201c}{name}\u{201d}")
    } else {
        format!("Scenario \u{201c}{name}\u{201d}")
    }
}

/// A standard's rating in a what-if branch against its original's.
pub fn against_original(original: &str, was: &str, now: &str, changed: bool) -> String {
    if changed {
        format!("In the original \u{201c}{original}\u{201d}: {was}. In this what-if branch: {now}.")
    } else {
        format!("As in the original \u{201c}{original}\u{201d}: {now}.")
    }
}

/// The reason written for applying discretion, as a report notes it.
pub fn discretion_reason_note(reason: &str) -> String {
    match reason.trim() {
        "" => "No reason written yet.".to_owned(),
        reason => format!("Reason: {reason}"),
    }
}

/// "the shared scenario" as the start of a sentence.
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A scenario's name as a file name without extension: lower-case letters, digits and
/// single hyphens (`scenario` when nothing is left).
pub fn file_stem(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let words: Vec<&str> = safe.split('-').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        "scenario".to_owned()
    } else {
        words.join("-")
    }
}

/// What the app's notices say after a command.
pub mod notices {
    use super::{plural, problem_list, sentence_case};
    use yj_rating_engine::plan::{COURT_DOMAIN, OUT_OF_COURT_DOMAIN};

    /// After "What-if copy".
    pub fn branched(original: &str, name: &str) -> String {
        format!(
            "Made a what-if copy of \u{201c}{original}\u{201d}, called \u{201c}{name}\u{201d}. Change it freely: \
             the comparison with the original is shown above the standards."
        )
    }

    /// After "Keep branch".
    pub fn kept_branch(name: &str) -> String {
        format!("Kept \u{201c}{name}\u{201d} as an ordinary scenario.")
    }

    /// After a file, link or example opened as scenario `name` (`source` in lower case).
    pub fn opened(source: &str, name: &str, added_framework: Option<&str>) -> String {
        let added = added_framework
            .map(|f| format!(" Its framework, \u{201c}{f}\u{201d}, was added."))
            .unwrap_or_default();
        format!("Opened {source} as a new scenario, \u{201c}{name}\u{201d}. Your other scenarios are unchanged.{added}")
    }

    /// A file or link that is not a valid scenario.
    pub fn not_opened(source: &str, err: &yj_rating_engine::Error) -> String {
        format!(
            "{} could not be opened as a scenario: {}.",
            sentence_case(source),
            problem_list(err)
        )
    }

    /// A plan asked to be recorded under a framework without the youth domains.
    pub fn plan_not_recordable(framework: &str) -> String {
        format!(
            "The plan cannot be recorded under \u{201c}{framework}\u{201d}: it has no domains {COURT_DOMAIN} and \
             {OUT_OF_COURT_DOMAIN} rated from cases. Start a scenario under a youth framework first."
        )
    }

    /// The name of a scenario started from a plan.
    pub fn sample_plan_name(court: u32, out_of_court: u32) -> String {
        format!("Sample plan: {court} court, {out_of_court} out-of-court")
    }

    /// After "Record these cases".
    pub fn plan_recorded(name: &str, court: u32, out_of_court: u32) -> String {
        format!(
            "Started \u{201c}{name}\u{201d}, entered case by case: {court} rows in domain {COURT_DOMAIN}'s grid and \
             {out_of_court} in domain {OUT_OF_COURT_DOMAIN}'s, one per case to record. Your other scenarios are unchanged."
        )
    }

    /// A framework file refused, and why.
    pub fn framework_refused(source: &str, reason: &str) -> String {
        format!("{source} could not be imported as a framework: {reason}.")
    }

    /// Why: its id is a built-in framework's.
    pub fn id_of_builtin(id: &str) -> String {
        format!("its id \u{201c}{id}\u{201d} is the id of a built-in framework: give it another id")
    }

    /// Why: another framework with that id is imported.
    pub fn id_taken(id: &str) -> String {
        format!(
            "a different framework with the id \u{201c}{id}\u{201d} is already imported: remove that one first, \
             or give this one another id"
        )
    }

    /// After a framework imported.
    pub fn framework_imported(name: &str) -> String {
        format!("Imported the framework \u{201c}{name}\u{201d}. Start a scenario under it, or convert this one to it, below.")
    }

    /// A framework imported again.
    pub fn framework_already_available(name: &str, id: &str) -> String {
        format!("\u{201c}{name}\u{201d} ({id}) is already available: choose it below.")
    }

    /// After a framework removed.
    pub fn framework_removed(id: &str) -> String {
        format!("Removed the framework \u{201c}{id}\u{201d}. Import its file again to bring it back.")
    }

    /// A framework that scenarios still use.
    pub fn framework_in_use(id: &str, users: &[String]) -> String {
        let names: Vec<String> = users.iter().map(|n| format!("\u{201c}{n}\u{201d}")).collect();
        format!(
            "The framework \u{201c}{id}\u{201d} cannot be removed while scenarios use it: {}. Convert or delete \
             them first.",
            names.join(", ")
        )
    }

    /// After a conversion to framework `to` as scenario `name`.
    pub fn converted(to: &str, name: &str, dropped: usize) -> String {
        let note = match dropped {
            0 => "nothing was dropped".to_owned(),
            1 => "1 entry was left out".to_owned(),
            n => format!("{n} entries were left out"),
        };
        format!("Converted to {to} as a new scenario, \u{201c}{name}\u{201d} ({note}). The original is unchanged.")
    }

    /// Export or sharing (`what`) waiting for key questions typed halfway.
    pub fn half_entered(fields: &[String], what: &str) -> String {
        format!(
            "Fill in or clear {} before {what}: a scenario file cannot hold a key question with only one \
             of its two counts. Your work stays saved in this browser.",
            fields.join("; ")
        )
    }

    /// Export or sharing (`what`) waiting for the problems listed at the top.
    pub fn problems_first(problems: usize, what: &str) -> String {
        let s = plural(u32::try_from(problems).unwrap_or(u32::MAX));
        format!(
            "Correct the {problems} problem{s} listed at the top before {what}: a scenario file cannot \
             hold them. Your work stays saved in this browser."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yj_rating_engine::{score, Scenario};

    #[test]
    fn what_if_lines_say_what_happens_to_the_standard() {
        let youth = Framework::youth_2018();
        use Rating::*;
        let line = |way, band, after, now| what_if_line(youth, 1, way, band, after, now);
        assert_eq!(
            line("more", Outstanding, Some(Outstanding), Some(Good)),
            "1 more Yes: standard becomes Outstanding"
        );
        assert_eq!(
            line("more", Outstanding, Some(Inadequate), Some(Inadequate)),
            "1 more Yes: Large majority; standard stays Inadequate"
        );
        assert_eq!(
            line("fewer", Good, None, None),
            "1 fewer Yes: Reasonable majority"
        );
    }

    #[test]
    fn the_planner_says_how_it_sizes_a_sample() {
        let method = plan_method();
        assert!(
            method.contains("for 80% confidence with a margin of error of 5 points"),
            "{method}"
        );
        assert!(
            method.contains("make 60% and 40% of the combined sample"),
            "{method}"
        );
    }

    #[test]
    fn placement_sentences_for_a_score_and_a_range() {
        use yj_rating_engine::published::{inspections, place};
        assert_eq!(
            placement_sentence(&place(inspections(), 16, 16)),
            "16/36: 18 of 81 published inspections scored lower, 3 the same and 60 higher."
        );
        assert_eq!(
            placement_sentence(&place(inspections(), 0, 0)),
            "0/36: 0 of 81 published inspections scored lower, 0 the same and 81 higher."
        );
        // Counted by hand from the table: 6 below 10, 34 below 20, 31 from 10 to 20, 44 above.
        assert_eq!(
            placement_sentence(&place(inspections(), 10, 20)),
            "Still between 10/36 and 20/36: from 6 to 34 of 81 published inspections scored lower, \
             44 scored above the range and 31 within it."
        );
    }

    #[test]
    fn fields_problems_and_the_overall_result_are_named() {
        let text = r#"{"format":"yj-rating-scenario","version":1,"framework":"youth-2018","standards":{
            "2.1":{"cases":8,"key_questions":{"desistance":{"relevant":8,"yes":6},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}}"#;
        let scenario = Scenario::from_json_str(text).unwrap();
        let youth = Framework::youth_2018();
        let result = score(youth, &scenario);
        assert_eq!(
            problem_label(youth, "standards.3.2.key_questions.safety.yes"),
            "3.2 Planning, safety: Yes answers"
        );
        assert_eq!(
            field_label(youth, &FieldPath::discretion("2.4")),
            "2.4 Reviewing, professional discretion"
        );
        assert_eq!(problem_label(youth, "standards.2.1"), "2.1 Assessment");
        assert_eq!(problem_label(youth, "format"), "format");
        assert_eq!(
            overall_sentence(youth, &result),
            "Score so far 2 out of 36, 1 of 12 standards rated: overall between Inadequate and Outstanding."
        );
    }
}
