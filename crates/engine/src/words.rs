//! What the user reads, in one place: plurals, lists, tenths, and the names and reasons
//! of the discretion flags and bands. Explain mode ([`crate::explain`]), compare
//! ([`crate::compare`]), the planner, the CSV writer and the `yj-rating` command call
//! these helpers rather than each spelling the words their own way. [`flag_reason`],
//! [`flag_title`], [`discretion_choice`], [`discretion_not_offered`] and [`what_if_line`]
//! word things as the web app's views do, so that the app can call them too.
//!
//! Every figure comes from the scored result; these helpers only put it into words
//! with the framework's labels and band names.
//!
//! ```
//! use yj_rating_engine::words::{and_list, plural};
//! let relevant = 3;
//! assert_eq!(format!("{relevant} relevant case{}", plural(relevant)), "3 relevant cases");
//! assert_eq!(and_list(&["safety", "others"]), "safety and others");
//! ```

use crate::score::{Direction, DiscretionDirection, Flag, FlagKind, KeyQuestionResult, OneCaseChange};
use crate::{Framework, Rating, Standard, StandardResult};

/// The plural ending of a count: `""` for one, `"s"` otherwise.
///
/// ```
/// use yj_rating_engine::words::plural;
/// assert_eq!(plural(1), "");
/// assert_eq!(plural(0), "s");
/// assert_eq!(format!("2 case{}", plural(2)), "2 cases");
/// ```
pub fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Items joined as a sentence lists them: "a", "a and b", "a, b and c"; empty for none.
///
/// ```
/// use yj_rating_engine::words::and_list;
/// assert_eq!(and_list::<&str>(&[]), "");
/// assert_eq!(and_list(&["desistance"]), "desistance");
/// assert_eq!(and_list(&["desistance", "safety", "others"]), "desistance, safety and others");
/// assert_eq!(and_list(&["50%".to_owned(), "65%".to_owned()]), "50% and 65%");
/// ```
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// Tenths (of a percent or a percentage point) with one decimal place: 667 gives
/// `66.7`, 5 gives `0.5`.
///
/// ```
/// use yj_rating_engine::{words::tenths, Percentage};
/// assert_eq!(tenths(667), "66.7");
/// assert_eq!(tenths(5), "0.5");
/// assert_eq!(tenths(Percentage::new(2, 3).unwrap().tenths()), "66.7");
/// ```
pub fn tenths(value: u32) -> String {
    format!("{}.{}", value / 10, value % 10)
}

/// A key question's relevant cases in a phrase: "desistance has 3 relevant cases".
///
/// ```
/// use yj_rating_engine::words::has_relevant_cases;
/// assert_eq!(has_relevant_cases("safety", 1), "safety has 1 relevant case");
/// assert_eq!(has_relevant_cases("desistance", 3), "desistance has 3 relevant cases");
/// ```
pub fn has_relevant_cases(key_question: &str, relevant: u32) -> String {
    format!("{key_question} has {relevant} relevant case{}", plural(relevant))
}

/// A fraction from 0 to 1 as a percentage to one decimal place, without the `%` sign,
/// rounded to nearest: 0.41499 gives `41.5`. Fractions outside 0 to 1 are clamped.
///
/// ```
/// use yj_rating_engine::words::fraction_as_percent;
/// assert_eq!(fraction_as_percent(0.41499), "41.5");
/// assert_eq!(fraction_as_percent(1.0), "100.0");
/// assert_eq!(fraction_as_percent(-0.2), "0.0");
/// ```
pub fn fraction_as_percent(fraction: f64) -> String {
    // In 0..=1000 after the clamp; integer formatting keeps float formatting out of the wasm.
    tenths((fraction.clamp(0.0, 1.0) * 1000.0).round() as u32)
}

/// A flag's title: "Near a boundary", "One case would change it", "Small sample".
///
/// ```
/// use yj_rating_engine::{words::flag_title, Flag};
/// assert_eq!(flag_title(&Flag::SmallSample { key_questions: vec![(0, 4)] }), "Small sample");
/// ```
pub fn flag_title(flag: &Flag) -> &'static str {
    match flag {
        Flag::NearBoundary { .. } => "Near a boundary",
        Flag::OneCase { .. } => "One case would change it",
        Flag::SmallSample { .. } => "Small sample",
    }
}

/// A flag's name in a sentence, from its kind ([`Flag::kind`]): "near a boundary", "one
/// case would change it", "small sample". A kind this engine does not know is given as
/// it is.
///
/// ```
/// use yj_rating_engine::words::flag_name;
/// use yj_rating_engine::FlagKind;
/// assert_eq!(flag_name(FlagKind::OneCase), "one case would change it");
/// assert_eq!(flag_name(FlagKind::NearBoundary), "near a boundary");
/// ```
pub fn flag_name(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::NearBoundary => "near a boundary",
        FlagKind::OneCase => "one case would change it",
        FlagKind::SmallSample => "small sample",
    }
}

/// A flag's short name, for listing the flags that point one way: "near a boundary",
/// "one case", "small sample".
///
/// ```
/// use yj_rating_engine::{words::flag_short_name, Flag};
/// assert_eq!(flag_short_name(&Flag::OneCase { changes: vec![] }), "one case");
/// ```
pub fn flag_short_name(flag: &Flag) -> &'static str {
    match flag {
        Flag::NearBoundary { .. } => "near a boundary",
        Flag::OneCase { .. } => "one case",
        Flag::SmallSample { .. } => "small sample",
    }
}

/// The ways a flag points, as a sentence: "It points up", "It points down", "It points
/// both ways".
///
/// ```
/// use yj_rating_engine::{words::flag_points, DiscretionDirection::{Down, Up}};
/// assert_eq!(flag_points(&[Down]), "It points down");
/// assert_eq!(flag_points(&[Up, Down]), "It points both ways");
/// ```
pub fn flag_points(directions: &[DiscretionDirection]) -> String {
    match directions {
        [one] => format!("It points {}", one.as_str()),
        _ => "It points both ways".to_owned(),
    }
}

/// A key-question band's name and range of percentages (rule 1.1): "Reasonable majority
/// (65% to below 80%)".
///
/// ```
/// use yj_rating_engine::{words::band_with_range, Framework, Rating};
/// let youth = Framework::youth_2018();
/// assert_eq!(band_with_range(youth, Rating::Good), "Reasonable majority (65% to below 80%)");
/// assert_eq!(band_with_range(youth, Rating::Inadequate), "Minority (below 50%)");
/// assert_eq!(band_with_range(youth, Rating::Outstanding), "Large majority (80% and above)");
/// ```
pub fn band_with_range(framework: &Framework, band: Rating) -> String {
    let bands = &framework.key_question_bands;
    let level = band.level();
    let from = bands[level].from_percent;
    let range = match bands.get(level + 1) {
        _ if level == 0 => format!("below {}%", bands[1].from_percent),
        Some(next) => format!("{from}% to below {}%", next.from_percent),
        None => format!("{from}% and above"),
    };
    format!("{} ({range})", framework.band_name(band))
}

/// The range of total scores of an overall rating (rule 1.5): "7 to 18".
///
/// ```
/// use yj_rating_engine::{words::overall_range, Framework, Rating};
/// let youth = Framework::youth_2018();
/// assert_eq!(overall_range(youth, Rating::RequiresImprovement), "7 to 18");
/// assert_eq!(overall_range(youth, Rating::Outstanding), "31 to 36");
/// ```
pub fn overall_range(framework: &Framework, rating: Rating) -> String {
    let bands = &framework.overall_bands;
    let from = bands[rating.level()].from_score;
    let to = bands
        .get(rating.level() + 1)
        .map_or(framework.max_score(), |next| next.from_score.saturating_sub(1));
    format!("{from} to {to}")
}

/// A discretion choice as a form names it: "One band up" or "One band down".
///
/// ```
/// use yj_rating_engine::{words::discretion_choice, DiscretionDirection};
/// assert_eq!(discretion_choice(DiscretionDirection::Down), "One band down");
/// ```
pub fn discretion_choice(way: DiscretionDirection) -> &'static str {
    match way {
        DiscretionDirection::Up => "One band up",
        DiscretionDirection::Down => "One band down",
    }
}

/// Why discretion is not offered one way (rule 1.4), one sentence per way that is not:
/// "One band down (Inadequate) is not offered: discretion goes only where a flag points,
/// and no flag here points down." Empty without a flag or when both ways are offered.
///
/// ```
/// use yj_rating_engine::{score, words::discretion_not_offered, Framework, Scenario};
/// let youth = Framework::youth_2018();
/// let scenario = Scenario::from_json_str(r#"{"format":"yj-rating-scenario","version":1,
///     "framework":"youth-2018","standards":{"2.1":{"cases":3,"key_questions":{
///     "desistance":{"relevant":3,"yes":3},"safety":{"relevant":0,"yes":0},
///     "others":{"relevant":0,"yes":0}}}}}"#).unwrap();
/// let assessment = &score(youth, &scenario).standards[4]; // 3 of 3 on a small sample
/// assert_eq!(discretion_not_offered(youth, assessment),
///     ["One band up is not possible: Outstanding is the highest rating."]);
/// ```
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
                    scale_end(way)
                )),
            }
        })
        .collect()
}

/// The end of the rating scale past which discretion cannot go this way: "highest" up,
/// "lowest" down.
///
/// ```
/// use yj_rating_engine::{words::scale_end, DiscretionDirection};
/// assert_eq!(scale_end(DiscretionDirection::Up), "highest");
/// ```
pub fn scale_end(way: DiscretionDirection) -> &'static str {
    match way {
        DiscretionDirection::Up => "highest",
        DiscretionDirection::Down => "lowest",
    }
}

/// A one-sentence reason for a flag, with the way it points, e.g. "A differing judgement
/// in one case would drop this to Good (one fewer Yes on desistance: 6 of 8 would become
/// 5 of 8)." `case_name` names a case of the domain's sample by its position.
///
/// ```
/// use yj_rating_engine::{score, words::flag_reason, Framework, Scenario};
/// let youth = Framework::youth_2018();
/// let scenario = Scenario::from_json_str(r#"{"format":"yj-rating-scenario","version":1,
///     "framework":"youth-2018","standards":{"2.1":{"cases":8,"key_questions":{
///     "desistance":{"relevant":8,"yes":6},"safety":{"relevant":0,"yes":0},
///     "others":{"relevant":0,"yes":0}}}}}"#).unwrap();
/// let assessment = &score(youth, &scenario).standards[4];
/// let one_case = assessment.flags.iter().find(|f| f.kind() == yj_rating_engine::FlagKind::OneCase).unwrap();
/// assert_eq!(
///     flag_reason(youth, &youth.standards[4], assessment, one_case, &|i| format!("case {}", i + 1)),
///     "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
///      6 of 8 would become 7 of 8), or drop this to Requires improvement (one fewer Yes on desistance: \
///      6 of 8 would become 5 of 8)."
/// );
/// ```
pub fn flag_reason(
    framework: &Framework,
    standard: &Standard,
    result: &StandardResult,
    flag: &Flag,
    case_name: &dyn Fn(usize) -> String,
) -> String {
    let kq_name = |i: usize| standard.key_questions.get(i).map_or("", |kq| kq.id.as_str());
    match flag {
        Flag::NearBoundary {
            key_question,
            boundary,
            distance_tenths,
            direction,
        } => {
            let percentage = (result.key_questions.get(*key_question))
                .and_then(|kq| kq.percentage)
                .map(|p| p.to_string())
                .unwrap_or_default();
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
        Flag::OneCase { changes } => one_case_reason(framework, standard, result, changes, case_name),
        Flag::SmallSample { key_questions } => {
            let parts: Vec<String> = key_questions
                .iter()
                .map(|(kq, relevant)| has_relevant_cases(kq_name(*kq), *relevant))
                .collect();
            format!(
                "The rating rests on a small sample: {} ({} or fewer); it could justify one band either way.",
                parts.join(", "),
                framework.discretion.small_sample_cases
            )
        }
    }
}

/// The reason of a `one-case` flag: one clause per outcome, "lift this to Outstanding (one
/// more Yes on desistance: 6 of 8 would become 7 of 8; ...)".
fn one_case_reason(
    framework: &Framework,
    standard: &Standard,
    result: &StandardResult,
    changes: &[OneCaseChange],
    case_name: &dyn Fn(usize) -> String,
) -> String {
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
            let (yes, relevant) = result.key_questions.get(k).map_or((0, 0), counts);
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
            plural(u32::try_from(rest.len()).unwrap_or(u32::MAX))
        ),
    };
    format!("{}{who}", each.join(" and "))
}

fn counts(kq: &KeyQuestionResult) -> (u32, u32) {
    kq.answers.map(|a| (a.yes, a.relevant)).unwrap_or((0, 0))
}

/// One what-if line of a key question (rule 1.6), saying what the move does to the
/// standard: "1 more Yes: standard becomes Good", or, where another key question holds
/// it, "2 fewer Yes: Reasonable majority; standard stays Inadequate". `way` is "more" or
/// "fewer"; `band` the key question's band after the move.
///
/// ```
/// use yj_rating_engine::{words::what_if_line, Framework, Rating::*};
/// let youth = Framework::youth_2018();
/// assert_eq!(what_if_line(youth, 1, "more", Outstanding, Some(Outstanding), Some(Good)),
///     "1 more Yes: standard becomes Outstanding");
/// assert_eq!(what_if_line(youth, 1, "more", Outstanding, Some(Inadequate), Some(Inadequate)),
///     "1 more Yes: Large majority; standard stays Inadequate");
/// assert_eq!(what_if_line(youth, 1, "fewer", Good, None, None), "1 fewer Yes: Reasonable majority");
/// ```
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

/// Whether `c` is a control character (C0, DEL, C1) or an invisible format character
/// that changes how the text around it is shown (bidirectional overrides and isolates,
/// zero-width marks): text from a file must not carry one unseen to a terminal or a
/// page, where it could move the cursor or make a name read as another.
///
/// ```
/// use yj_rating_engine::words::is_hidden_control;
/// assert!(is_hidden_control('\u{202e}') && is_hidden_control('\u{1b}'));
/// assert!(!is_hidden_control('é'));
/// ```
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}'                 // Arabic letter mark
            | '\u{200b}'               // zero-width space
            | '\u{200e}'..='\u{200f}'  // left-to-right and right-to-left marks
            | '\u{2028}'..='\u{2029}'  // line and paragraph separators
            | '\u{202a}'..='\u{202e}'  // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}'  // word joiner, invisible operators
            | '\u{2066}'..='\u{206f}'  // bidirectional isolates, deprecated format characters
            | '\u{feff}'               // zero-width no-break space (byte-order mark)
            | '\u{fff9}'..='\u{fffb}') // interlinear annotation
}

/// `text` with every [`is_hidden_control`] character written as a visible escape
/// (`\u{202e}`), so it shows what it holds.
///
/// ```
/// use yj_rating_engine::words::show_hidden_controls;
/// assert_eq!(show_hidden_controls("Torbay\u{202e}lanif"), "Torbay\\u{202e}lanif");
/// assert_eq!(show_hidden_controls("Torbay"), "Torbay");
/// ```
pub fn show_hidden_controls(text: &str) -> std::borrow::Cow<'_, str> {
    show_hidden_controls_except(text, |_| false)
}

/// [`show_hidden_controls`], leaving alone the characters `keep` allows (a CSV's line ends).
pub fn show_hidden_controls_except(text: &str, keep: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !text.chars().any(|c| is_hidden_control(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_control(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{score, Scenario};

    /// 2.1 scored from `standards` (a JSON fragment).
    fn assessment(standards: &str) -> StandardResult {
        let text = format!(
            r#"{{"format":"yj-rating-scenario","version":2,"framework":"youth-2018","standards":{standards}}}"#
        );
        let scenario = Scenario::from_json_str(&text).unwrap();
        score(Framework::youth_2018(), &scenario).standards.swap_remove(4)
    }

    fn reason(result: &StandardResult, kind: FlagKind) -> String {
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
            reason(&r, FlagKind::OneCase),
            "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
             11 of 15 would become 12 of 15 and safety: 11 of 15 would become 12 of 15, the same case judged \
             Yes on each)."
        );
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
        let text = reason(&r, FlagKind::OneCase);
        assert!(
            text.starts_with(
                "A differing judgement in one case would lift this to Outstanding (one more Yes on desistance: \
                 1 of 2 would become 2 of 2 and safety: 1 of 2 would become 2 of 2, if C2 were judged Yes)"
            ),
            "{text}"
        );
    }

    #[test]
    fn near_boundary_and_small_sample_say_which_way_they_point() {
        // 62/100: Too few, 3 points below 65%.
        let r = assessment(
            r#"{"2.1":{"cases":100,"key_questions":{"desistance":{"relevant":100,"yes":62},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}"#,
        );
        assert_eq!(
            reason(&r, FlagKind::NearBoundary),
            "The lowest percentage, 62.0% (desistance), is 3.0 points from the 65% boundary: within 5; below \
             the boundary, it could justify one band up."
        );
        let r = assessment(
            r#"{"2.1":{"cases":3,"key_questions":{"desistance":{"relevant":3,"yes":3},
            "safety":{"relevant":0,"yes":0},"others":{"relevant":0,"yes":0}}}}"#,
        );
        assert_eq!(
            reason(&r, FlagKind::SmallSample),
            "The rating rests on a small sample: desistance has 3 relevant cases (5 or fewer); it could justify \
             one band either way."
        );
    }
}
