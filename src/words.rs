//! Plain words for what the engine found: flag reasons, statuses, field labels.
//! Presentation only: every figure comes from the engine's result.

use yj_rating_engine::{
    Direction, Flag, Framework, KeyQuestionResult, Rating, ScenarioResult, Standard, StandardResult,
    StandardStatus,
};

/// A one-sentence reason for a flag, e.g. "A differing judgement in one case would
/// drop this to Good: desistance, 6 of 8 Yes, would become 5 of 8."
pub fn flag_reason(
    framework: &Framework,
    standard: &Standard,
    result: &StandardResult,
    flag: &Flag,
) -> String {
    let kq_name = |i: usize| standard.key_questions[i].id.as_str();
    let counts = |kq: &KeyQuestionResult| kq.answers.map(|a| (a.yes, a.relevant)).unwrap_or((0, 0));
    match flag {
        Flag::NearBoundary {
            key_question,
            boundary,
            distance_tenths,
        } => {
            let kq = &result.key_questions[*key_question];
            let percentage = kq.percentage.map(|p| p.to_string()).unwrap_or_default();
            format!(
                "The lowest percentage, {percentage} ({}), is {} points from the {boundary}% boundary: within {}.",
                kq_name(*key_question),
                tenths(*distance_tenths),
                framework.discretion.near_boundary_points
            )
        }
        Flag::OneCase { changes } => {
            // One clause per outcome: "drop this to Good (one fewer Yes on desistance: 6 of 8
            // would become 5 of 8; ...)".
            let mut outcomes: Vec<(Direction, Rating, Vec<String>)> = Vec::new();
            for change in changes {
                let (yes, relevant) = counts(&result.key_questions[change.key_question]);
                let after = match change.direction {
                    Direction::OneMoreYes => yes + 1,
                    Direction::OneFewerYes => yes.saturating_sub(1),
                };
                let detail = format!(
                    "{}: {yes} of {relevant} would become {after} of {relevant}",
                    kq_name(change.key_question)
                );
                match outcomes
                    .iter_mut()
                    .find(|(d, r, _)| *d == change.direction && *r == change.rating)
                {
                    Some((_, _, details)) => details.push(detail),
                    None => outcomes.push((change.direction, change.rating, vec![detail])),
                }
            }
            let clauses: Vec<String> = outcomes
                .into_iter()
                .map(|(direction, rating, details)| {
                    let (verb, change) = match direction {
                        Direction::OneMoreYes => ("lift", "one more Yes"),
                        Direction::OneFewerYes => ("drop", "one fewer Yes"),
                    };
                    format!(
                        "{verb} this to {} ({change} on {})",
                        framework.label(rating),
                        details.join("; ")
                    )
                })
                .collect();
            format!(
                "A differing judgement in one case would {}.",
                clauses.join(", or ")
            )
        }
        Flag::SmallSample { key_questions } => {
            let parts: Vec<String> = key_questions
                .iter()
                .map(|(kq, relevant)| {
                    format!(
                        "{} has {relevant} relevant case{}",
                        kq_name(*kq),
                        plural(*relevant)
                    )
                })
                .collect();
            format!(
                "The rating rests on a small sample: {} ({} or fewer).",
                parts.join(", "),
                framework.discretion.small_sample_cases
            )
        }
    }
}

/// A short title for a flag.
pub fn flag_title(flag: &Flag) -> &'static str {
    match flag {
        Flag::NearBoundary { .. } => "Near a boundary",
        Flag::OneCase { .. } => "One case would change it",
        Flag::SmallSample { .. } => "Small sample",
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Tenths as "2.5".
pub fn tenths(value: u32) -> String {
    format!("{}.{}", value / 10, value % 10)
}

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

/// Names a field by its path for the error summary, e.g. "2.1 Assessment, safety: Yes answers".
pub fn field_label(framework: &Framework, path: &str) -> String {
    for standard in &framework.standards {
        let Some(rest) = path.strip_prefix(&format!("standards.{}.", standard.id)) else {
            continue;
        };
        let name = format!("{} {}", standard.id, standard.name);
        let field = match rest.split('.').collect::<Vec<_>>().as_slice() {
            ["cases"] => "cases inspected".to_owned(),
            ["key_questions", kq, "relevant"] => format!("{kq}: relevant cases"),
            ["key_questions", kq, "yes"] => format!("{kq}: Yes answers"),
            ["discretion", ..] => "professional discretion".to_owned(),
            ["judgement"] => "rating".to_owned(),
            _ => rest.to_owned(),
        };
        return format!("{name}, {field}");
    }
    path.to_owned()
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

#[cfg(test)]
mod tests {
    use super::*;
    use yj_rating_engine::{score, Scenario};

    #[test]
    fn one_case_reason_reads_as_the_issue_asks() {
        let text = r#"{"format":"yj-rating-scenario","version":1,"framework":"youth-2018","standards":{
            "2.1":{"cases":8,"key_questions":{"desistance":{"relevant":8,"yes":6},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}}"#;
        let scenario = Scenario::from_json_str(text).unwrap();
        let youth = Framework::youth_2018();
        let result = score(youth, &scenario);
        let standard = &result.standards[4];
        let flag = standard
            .flags
            .iter()
            .find(|f| matches!(f, Flag::OneCase { .. }))
            .unwrap();
        assert_eq!(
            flag_reason(youth, &youth.standards[4], standard, flag),
            "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
             6 of 8 would become 7 of 8), or drop this to Requires improvement (one fewer Yes on desistance: \
             6 of 8 would become 5 of 8)."
        );
        assert_eq!(
            field_label(youth, "standards.3.2.key_questions.safety.yes"),
            "3.2 Planning, safety: Yes answers"
        );
        assert_eq!(
            field_label(youth, "standards.2.4.discretion"),
            "2.4 Reviewing, professional discretion"
        );
        assert_eq!(
            overall_sentence(youth, &result),
            "Score so far 2 out of 36, 1 of 12 standards rated: overall between Inadequate and Outstanding."
        );
    }
}
