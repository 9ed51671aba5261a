//! Plain words for what the engine found: flag reasons, statuses, field labels.
//! Presentation only: every figure comes from the engine's result.

use yj_rating_engine::plan::{self, points_text, Margins, SamplePlan};
use yj_rating_engine::published::{self, Placement};
use yj_rating_engine::{
    Direction, DiscretionDirection, Flag, Framework, KeyQuestionResult, OneCaseChange, Rating,
    ScenarioResult, Standard, StandardResult, StandardStatus,
};

/// A one-sentence reason for a flag, with the way it points, e.g. "A differing judgement
/// in one case would drop this to Good (one fewer Yes on desistance: 6 of 8 would become
/// 5 of 8)." `case_name` names a case of the domain's sample by its position.
pub fn flag_reason(
    framework: &Framework,
    standard: &Standard,
    result: &StandardResult,
    flag: &Flag,
    case_name: &dyn Fn(usize) -> String,
) -> String {
    let kq_name = |i: usize| standard.key_questions[i].id.as_str();
    match flag {
        Flag::NearBoundary {
            key_question,
            boundary,
            distance_tenths,
            direction,
        } => {
            let kq = &result.key_questions[*key_question];
            let percentage = kq.percentage.map(|p| p.to_string()).unwrap_or_default();
            let side = match direction {
                DiscretionDirection::Up => "below the boundary, it could justify one band up",
                DiscretionDirection::Down => "at or above the boundary, it could justify one band down",
            };
            format!(
                "The lowest percentage, {percentage} ({}), is {} points from the {boundary}% boundary: within {}; \
                 {side}.",
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
                let detail = one_case_detail(standard, result, change, case_name);
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
                "The rating rests on a small sample: {} ({} or fewer); it could justify one band either way.",
                parts.join(", "),
                framework.discretion.small_sample_cases
            )
        }
    }
}

/// One change of a `one-case` flag: "desistance: 6 of 8 would become 7 of 8", and for
/// several key questions at once, the case that would change them.
fn one_case_detail(
    standard: &Standard,
    result: &StandardResult,
    change: &OneCaseChange,
    case_name: &dyn Fn(usize) -> String,
) -> String {
    let each: Vec<String> = change
        .key_questions
        .iter()
        .map(|&k| {
            let (yes, relevant) = counts(&result.key_questions[k]);
            let after = match change.direction {
                Direction::OneMoreYes => yes.saturating_add(1),
                Direction::OneFewerYes => yes.saturating_sub(1),
            };
            let name = standard.key_questions.get(k).map_or("", |kq| kq.id.as_str());
            format!("{name}: {yes} of {relevant} would become {after} of {relevant}")
        })
        .collect();
    let who = match change.cases.as_slice() {
        [] if each.len() > 1 => ", the same case judged Yes on each".to_owned(),
        [] => String::new(),
        [only] => format!(", if {} were judged Yes", case_name(*only)),
        [first, rest @ ..] => format!(
            ", if {} (or one of {} other case{} answered the same) were judged Yes",
            case_name(*first),
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    };
    format!("{}{who}", each.join(" and "))
}

fn counts(kq: &KeyQuestionResult) -> (u32, u32) {
    kq.answers.map(|a| (a.yes, a.relevant)).unwrap_or((0, 0))
}

/// A discretion choice as the form names it: "One band up" or "One band down".
pub fn discretion_choice(way: DiscretionDirection) -> &'static str {
    match way {
        DiscretionDirection::Up => "One band up",
        DiscretionDirection::Down => "One band down",
    }
}

/// Why discretion is not offered one way (rule 1.4), one sentence per way that is not:
/// "One band down (Inadequate) is not offered: discretion goes only where a flag points,
/// and no flag here points down." Empty without a flag or when both ways are offered.
pub fn discretion_not_offered(framework: &Framework, result: &StandardResult) -> Vec<String> {
    let (Some(mechanical), false) = (result.mechanical_rating, result.flags.is_empty()) else {
        return Vec::new();
    };
    let allowed = result.allowed_discretion();
    DiscretionDirection::BOTH
        .into_iter()
        .filter_map(|way| {
            let name = discretion_choice(way);
            match way.from(mechanical) {
                Some(to) if allowed.contains(&to) => None,
                Some(to) => Some(format!(
                    "{name} ({}) is not offered: discretion goes only where a flag points, and no flag here \
                     points {}.",
                    framework.label(to),
                    way.as_str()
                )),
                None => Some(format!(
                    "{name} is not possible: {} is the {} rating.",
                    framework.label(mechanical),
                    if way == DiscretionDirection::Up {
                        "highest"
                    } else {
                        "lowest"
                    }
                )),
            }
        })
        .collect()
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

/// One what-if line of a key question (rule 1.6), saying what the move does to the
/// standard: "1 more Yes: standard becomes Good", or, where another key question holds
/// it, "2 fewer Yes: Reasonable majority; standard stays Inadequate". `way` is "more" or
/// "fewer"; `band` the key question's band after the move.
pub fn what_if_line(
    framework: &Framework,
    n: u32,
    way: &str,
    band: Rating,
    standard_after: Option<Rating>,
    standard_now: Option<Rating>,
) -> String {
    match standard_after {
        Some(after) if Some(after) != standard_now => {
            format!("{n} {way} Yes: standard becomes {}", framework.label(after))
        }
        Some(after) => format!(
            "{n} {way} Yes: {}; standard stays {}",
            framework.band_name(band),
            framework.label(after)
        ),
        None => format!("{n} {way} Yes: {}", framework.band_name(band)),
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
            flag_reason(youth, &youth.standards[4], standard, flag, &|i| format!(
                "case {}",
                i + 1
            )),
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

    /// 2.1 scored from `standards` (a JSON fragment), with its flags by kind.
    fn assessment(standards: &str) -> StandardResult {
        let text = format!(
            r#"{{"format":"yj-rating-scenario","version":2,"framework":"youth-2018","standards":{standards}}}"#
        );
        let scenario = Scenario::from_json_str(&text).unwrap();
        score(Framework::youth_2018(), &scenario).standards.swap_remove(4)
    }

    fn reason(result: &StandardResult, kind: &str) -> String {
        let youth = Framework::youth_2018();
        let flag = result.flags.iter().find(|f| f.kind() == kind).unwrap();
        flag_reason(youth, &youth.standards[4], result, flag, &|i| {
            format!("C{}", i + 1)
        })
    }

    #[test]
    fn one_case_on_several_key_questions_names_them_together() {
        let r = assessment(
            r#"{"2.1":{"cases":15,"key_questions":{"desistance":{"relevant":15,"yes":11},
            "safety":{"relevant":15,"yes":11},"others":{"relevant":15,"yes":15}}}}"#,
        );
        assert_eq!(
            reason(&r, "one-case"),
            "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
             11 of 15 would become 12 of 15 and safety: 11 of 15 would become 12 of 15, the same case judged \
             Yes on each)."
        );
        // Only up: the app says why down is not offered.
        assert_eq!(
            discretion_not_offered(Framework::youth_2018(), &r),
            ["One band down (Requires improvement) is not offered: discretion goes only where a flag points, \
              and no flag here points down."]
        );
    }

    #[test]
    fn case_by_case_one_case_names_the_case() {
        let r = assessment(
            r#"{"2.1":{"by_case":true}},"case_samples":{"2":{"cases":[
            {"answers":{"2.1":{"desistance":"yes","safety":"yes","others":"not-relevant"}}},
            {"answers":{"2.1":{"desistance":"no","safety":"no","others":"not-relevant"}}}]}}"#,
        );
        let text = reason(&r, "one-case");
        assert!(
            text.starts_with(
                "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
                 1 of 2 would become 2 of 2 and safety: 1 of 2 would become 2 of 2, if C2 were judged Yes)"
            ),
            "{text}"
        );
    }

    #[test]
    fn each_flag_says_which_way_it_points_and_the_ends_of_the_scale_are_named() {
        // 62/100: Too few, 3 points below 65%.
        let r = assessment(
            r#"{"2.1":{"cases":100,"key_questions":{"desistance":{"relevant":100,"yes":62},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}"#,
        );
        assert!(reason(&r, "near-boundary").ends_with("below the boundary, it could justify one band up."));
        // 3/3 on a small sample: Outstanding, nothing above.
        let r = assessment(
            r#"{"2.1":{"cases":3,"key_questions":{"desistance":{"relevant":3,"yes":3},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}"#,
        );
        assert!(reason(&r, "small-sample").ends_with("it could justify one band either way."));
        assert_eq!(
            discretion_not_offered(Framework::youth_2018(), &r),
            ["One band up is not possible: Outstanding is the highest rating."]
        );
    }
}
