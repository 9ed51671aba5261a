//! The rules of rule book section 1, one boundary at a time.
//!
//! Each test builds a small scenario with the helpers below, scores it with the public
//! API and compares the result with figures worked out by hand from the rule book.

use yj_rating_engine::{
    score, Answers, CaseEntry, Direction, Discretion, DiscretionDirection, DiscretionProblem, DomainResult,
    Entry, Flag, Framework, OneCaseChange, Percentage, Problem, Rating, Rounding, Scenario, ScenarioResult,
    StandardResult, StandardStatus, WhatIf,
};

use Direction::{OneFewerYes, OneMoreYes};
use DiscretionDirection::{Down, Up};
use Rating::{Good, Inadequate, Outstanding, RequiresImprovement};

/// The youth-2018 standard ids, in framework order.
const IDS: [&str; 12] = [
    "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4",
];

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

/// A case standard's entry: `(yes, relevant)` for its key questions in framework order
/// (fewer than all leaves the rest not entered); cases inspected = the largest relevant.
#[track_caller]
fn entry(standard: &str, answers: &[(u32, u32)]) -> CaseEntry {
    let (_, definition) = youth().standard(standard).expect("a youth-2018 standard");
    assert!(
        answers.len() <= definition.key_questions.len(),
        "too many key questions"
    );
    CaseEntry {
        cases: answers.iter().map(|&(_, relevant)| relevant).max().unwrap_or(0),
        key_questions: definition
            .key_questions
            .iter()
            .zip(answers)
            .map(|(kq, &(yes, relevant))| (kq.id.clone(), Answers { relevant, yes }))
            .collect(),
        discretion: None,
        by_case: false,
    }
}

/// A scenario with the given entries.
#[track_caller]
fn scenario(entries: Vec<(&str, Entry)>) -> Scenario {
    let mut scenario = Scenario::new("youth-2018");
    for (id, entry) in entries {
        assert!(
            scenario.standards.insert(id.to_owned(), entry).is_none(),
            "{id} twice"
        );
    }
    scenario
}

/// A scenario with standard 2.1 only.
#[track_caller]
fn s21(answers: &[(u32, u32)]) -> Scenario {
    scenario(vec![("2.1", Entry::Cases(entry("2.1", answers)))])
}

/// Standard 2.1 with one applicable key question at `yes/relevant` (the other two have
/// no relevant cases).
#[track_caller]
fn alone(yes: u32, relevant: u32) -> Scenario {
    s21(&[(yes, relevant), (0, 0), (0, 0)])
}

/// `scenario` read with `rounding`.
fn rounded(mut scenario: Scenario, rounding: Rounding) -> Scenario {
    scenario.rounding = rounding;
    scenario
}

/// `scenario` with discretion on standard `id`.
#[track_caller]
fn with_discretion(mut scenario: Scenario, id: &str, rating: Rating, reason: &str) -> Scenario {
    match scenario.standards.get_mut(id) {
        Some(Entry::Cases(entry)) => {
            entry.discretion = Some(Discretion {
                rating,
                reason: reason.to_owned(),
            })
        }
        _ => panic!("{id} is not an entered case standard"),
    }
    scenario
}

#[track_caller]
fn result(scenario: &Scenario) -> ScenarioResult {
    score(youth(), scenario)
}

/// The result of standard `id`.
#[track_caller]
fn standard(scenario: &Scenario, id: &str) -> StandardResult {
    let (index, _) = youth().standard(id).expect("a youth-2018 standard");
    result(scenario).standards.swap_remove(index)
}

/// The mechanical rating of 2.1 with one applicable key question at `yes/relevant`.
#[track_caller]
fn band(yes: u32, relevant: u32, rounding: Rounding) -> Option<Rating> {
    standard(&rounded(alone(yes, relevant), rounding), "2.1").mechanical_rating
}

#[track_caller]
fn flags(scenario: &Scenario) -> Vec<Flag> {
    standard(scenario, "2.1").flags
}

#[track_caller]
fn near_boundary(scenario: &Scenario) -> Option<(usize, u32, u32)> {
    flags(scenario).into_iter().find_map(|flag| match flag {
        Flag::NearBoundary {
            key_question,
            boundary,
            distance_tenths,
            ..
        } => Some((key_question, boundary, distance_tenths)),
        _ => None,
    })
}

/// The one-case changes of 2.1: (key questions, direction, rating).
#[track_caller]
fn one_case(scenario: &Scenario) -> Vec<(Vec<usize>, Direction, Rating)> {
    one_case_of(scenario, "2.1")
        .into_iter()
        .map(|c| (c.key_questions, c.direction, c.rating))
        .collect()
}

#[track_caller]
fn one_case_of(scenario: &Scenario, id: &str) -> Vec<OneCaseChange> {
    standard(scenario, id)
        .flags
        .into_iter()
        .find_map(|flag| match flag {
            Flag::OneCase { changes } => Some(changes),
            _ => None,
        })
        .unwrap_or_default()
}

#[track_caller]
fn small_sample(scenario: &Scenario) -> Vec<(usize, u32)> {
    flags(scenario)
        .into_iter()
        .find_map(|flag| match flag {
            Flag::SmallSample { key_questions } => Some(key_questions),
            _ => None,
        })
        .unwrap_or_default()
}

#[track_caller]
fn what_if(scenario: &Scenario, key_question: usize) -> WhatIf {
    standard(scenario, "2.1").key_questions[key_question].what_if
}

/// An entry that rates `id` as `rating`: a judgement, or one applicable key question
/// at 0/100, 57/100, 72/100 or 100/100 (no flags on any of them).
#[track_caller]
fn rated(id: &str, rating: Rating) -> Entry {
    let (_, definition) = youth().standard(id).expect("a youth-2018 standard");
    if definition.key_questions.is_empty() {
        return Entry::Judgement(rating);
    }
    let yes = [0, 57, 72, 100][rating.level()];
    let mut answers = vec![(yes, 100)];
    answers.resize(definition.key_questions.len(), (0, 0));
    Entry::Cases(entry(id, &answers))
}

/// Every standard rated as `ratings` says, in framework order.
#[track_caller]
fn full(ratings: [Rating; 12]) -> Scenario {
    scenario(
        IDS.iter()
            .zip(ratings)
            .map(|(&id, r)| (id, rated(id, r)))
            .collect(),
    )
}

/// Ratings that add up to `total`: as many Outstanding as fit, then the remainder.
#[track_caller]
fn ratings_totalling(total: u32) -> [Rating; 12] {
    assert!(total <= 36);
    std::array::from_fn(|i| {
        let left = total.saturating_sub(3 * i as u32);
        Rating::from_level(left.min(3) as usize).unwrap()
    })
}

// ---- 1.1 Banding a key question ----

#[test]
fn zero_percent_is_inadequate() {
    assert_eq!(band(0, 10, Rounding::Exact), Some(Inadequate));
    assert_eq!(band(0, 1, Rounding::Exact), Some(Inadequate));
}

#[test]
fn fifty_percent_boundary() {
    assert_eq!(band(499, 1000, Rounding::Exact), Some(Inadequate)); // 49.9%
    assert_eq!(band(1, 2, Rounding::Exact), Some(RequiresImprovement)); // 50%
    assert_eq!(band(501, 1000, Rounding::Exact), Some(RequiresImprovement)); // 50.1%
}

#[test]
fn sixty_five_percent_boundary() {
    assert_eq!(band(129, 200, Rounding::Exact), Some(RequiresImprovement)); // 64.5%
    assert_eq!(band(649, 1000, Rounding::Exact), Some(RequiresImprovement)); // 64.9%
    assert_eq!(band(13, 20, Rounding::Exact), Some(Good)); // 65%
    assert_eq!(band(651, 1000, Rounding::Exact), Some(Good)); // 65.1%
}

#[test]
fn eighty_percent_boundary() {
    assert_eq!(band(799, 1000, Rounding::Exact), Some(Good)); // 79.9%
    assert_eq!(band(4, 5, Rounding::Exact), Some(Outstanding)); // 80%
    assert_eq!(band(801, 1000, Rounding::Exact), Some(Outstanding)); // 80.1%
}

#[test]
fn hundred_percent_is_outstanding() {
    assert_eq!(band(10, 10, Rounding::Exact), Some(Outstanding));
    assert_eq!(band(10_000, 10_000, Rounding::Exact), Some(Outstanding));
}

#[test]
fn a_third_and_two_thirds_are_banded_exactly() {
    // 2/3 = 66.66...% is Good; 1/3 = 33.33...% Inadequate.
    assert_eq!(band(2, 3, Rounding::Exact), Some(Good));
    assert_eq!(band(1, 3, Rounding::Exact), Some(Inadequate));
    // 6499/10000 = 64.99% stays below 65% even though it displays as 65.0%.
    assert_eq!(band(6499, 10_000, Rounding::Exact), Some(RequiresImprovement));
}

#[test]
fn key_question_band_names_and_ratings() {
    let kq = &standard(&alone(13, 20), "2.1").key_questions[0];
    assert_eq!(kq.band, Some(Good));
    assert_eq!(youth().band_name(Good), "Reasonable majority");
    assert_eq!(youth().band_name(Inadequate), "Minority");
    assert_eq!(youth().band_name(RequiresImprovement), "Too few");
    assert_eq!(youth().band_name(Outstanding), "Large majority");
}

#[test]
fn percentages_display_to_one_decimal_place_half_up() {
    let shown = |yes, relevant| Percentage::new(yes, relevant).unwrap().to_string();
    assert_eq!(shown(499, 1000), "49.9%");
    assert_eq!(shown(129, 200), "64.5%");
    assert_eq!(shown(2, 3), "66.7%");
    assert_eq!(shown(1, 3), "33.3%");
    assert_eq!(shown(1, 16), "6.3%"); // 6.25 rounds half up
    assert_eq!(shown(0, 7), "0.0%");
    assert_eq!(shown(7, 7), "100.0%");
    assert_eq!(Percentage::new(2, 3).unwrap().to_f64(), 66.7);
}

#[test]
fn no_percentage_without_relevant_cases_or_with_too_many_yes() {
    assert_eq!(Percentage::new(0, 0), None);
    assert_eq!(Percentage::new(3, 2), None);
    assert!(Percentage::new(2, 2).is_some());
}

// ---- Validity and not applicable ----

#[test]
fn zero_relevant_key_question_is_not_applicable_and_takes_no_part() {
    // Desistance 6/8 = 75% Good; the others have no relevant cases (they would be 0%).
    let s = standard(&s21(&[(6, 8), (0, 0), (0, 0)]), "2.1");
    assert_eq!(s.status, StandardStatus::Rated);
    assert_eq!(s.mechanical_rating, Some(Good));
    let safety = &s.key_questions[1];
    assert_eq!(safety.answers, Some(Answers { relevant: 0, yes: 0 }));
    assert_eq!(safety.percentage, None);
    assert_eq!(safety.band, None);
    assert!(!safety.driver);
    assert_eq!(safety.what_if, WhatIf::default());
    assert_eq!(
        s.key_questions.iter().map(|kq| kq.driver).collect::<Vec<_>>(),
        [true, false, false]
    );
}

#[test]
fn standard_with_every_key_question_not_applicable_is_not_rated() {
    let mut e = entry("3.4", &[(0, 0), (0, 0)]);
    e.cases = 3;
    let s = scenario(vec![("3.4", Entry::Cases(e))]);
    let r = standard(&s, "3.4");
    assert_eq!(r.status, StandardStatus::NotApplicable);
    assert_eq!(r.mechanical_rating, None);
    assert_eq!(r.rating, None);
    assert_eq!(r.score, None);
    assert!(r.flags.is_empty());
    assert!(s.problems(youth()).is_empty());
    assert_eq!(result(&s).rated, 0);
}

#[test]
fn a_not_applicable_standard_leaves_the_overall_rating_open() {
    let mut s = full([Good; 12]);
    s.standards
        .insert("3.4".into(), Entry::Cases(entry("3.4", &[(0, 0), (0, 0)])));
    let r = result(&s);
    assert_eq!((r.rated, r.total, r.overall), (11, 22, None));
    // 22 + 0 = 22 is Good; 22 + 3 = 25 is Good.
    assert_eq!(r.reachable, (Good, Good));
}

#[test]
fn missing_key_question_makes_the_standard_incomplete() {
    let s = standard(&s21(&[(4, 4), (4, 4)]), "2.1");
    assert_eq!(s.status, StandardStatus::Incomplete);
    assert_eq!((s.mechanical_rating, s.rating, s.score), (None, None, None));
    assert!(s.flags.is_empty());
    assert_eq!(s.key_questions[2].answers, None);
    // Entered key questions still show their figures.
    assert_eq!(s.key_questions[0].band, Some(Outstanding));

    let nothing = standard(&s21(&[]), "2.1");
    assert_eq!(nothing.status, StandardStatus::Incomplete);
    assert_eq!(
        standard(&Scenario::new("youth-2018"), "2.1").status,
        StandardStatus::NotEntered
    );
}

#[test]
fn yes_above_relevant_is_invalid_counts() {
    let s = s21(&[(5, 4), (4, 4), (4, 4)]);
    let r = standard(&s, "2.1");
    assert_eq!(r.status, StandardStatus::InvalidCounts);
    assert_eq!((r.mechanical_rating, r.rating, r.score), (None, None, None));
    assert_eq!(r.key_questions[0].percentage, None);
    assert_eq!(
        s.problems(youth()),
        [Problem::new(
            "standards.2.1.key_questions.desistance.yes",
            "5 is more than relevant (4)"
        )]
    );
}

#[test]
fn relevant_above_cases_is_invalid_counts() {
    let mut e = entry("3.2", &[(2, 3), (0, 2), (0, 1)]);
    e.cases = 2;
    let s = scenario(vec![("3.2", Entry::Cases(e))]);
    assert_eq!(standard(&s, "3.2").status, StandardStatus::InvalidCounts);
    assert_eq!(standard(&s, "3.2").rating, None);
    assert_eq!(
        s.problems(youth()),
        [Problem::new(
            "standards.3.2.key_questions.desistance.relevant",
            "3 is more than the cases inspected (2)"
        )]
    );
}

#[test]
fn every_invalid_count_is_reported() {
    let mut e = entry("3.4", &[(3, 2), (1, 4)]);
    e.cases = 3;
    let s = scenario(vec![("3.4", Entry::Cases(e))]);
    let problems: Vec<String> = s.problems(youth()).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "standards.3.4.key_questions.police.relevant: 4 is more than the cases inspected (3)",
            "standards.3.4.key_questions.recommendations.yes: 3 is more than relevant (2)",
        ]
    );
}

#[test]
fn invalid_counts_win_over_missing_key_questions() {
    let r = standard(&s21(&[(5, 4)]), "2.1");
    assert_eq!(r.status, StandardStatus::InvalidCounts);
}

// ---- 1.2 Mechanical rating and drivers ----

#[test]
fn mechanical_rating_is_the_lowest_band() {
    // 100%, 75%, 55%: the lowest band is Too few.
    let r = standard(&s21(&[(20, 20), (15, 20), (11, 20)]), "2.1");
    assert_eq!(r.mechanical_rating, Some(RequiresImprovement));
    assert_eq!(r.rating, Some(RequiresImprovement));
    assert_eq!(r.score, Some(1));
    let drivers: Vec<bool> = r.key_questions.iter().map(|kq| kq.driver).collect();
    assert_eq!(drivers, [false, false, true]);
}

#[test]
fn every_key_question_in_the_lowest_band_is_a_driver() {
    // 60% and 55% are both Too few; 100% is not.
    let r = standard(&s21(&[(12, 20), (11, 20), (20, 20)]), "2.1");
    assert_eq!(r.mechanical_rating, Some(RequiresImprovement));
    let drivers: Vec<bool> = r.key_questions.iter().map(|kq| kq.driver).collect();
    assert_eq!(drivers, [true, true, false]);

    let all = standard(&s21(&[(4, 4), (3, 3), (1, 1)]), "2.1");
    assert!(all.key_questions.iter().all(|kq| kq.driver));
}

#[test]
fn judgement_standard_is_rated_as_proposed() {
    for rating in Rating::ALL {
        let s = scenario(vec![("1.2", Entry::Judgement(rating))]);
        let r = standard(&s, "1.2");
        assert_eq!(r.status, StandardStatus::Rated);
        assert_eq!((r.mechanical_rating, r.rating), (Some(rating), Some(rating)));
        assert_eq!(r.score, Some(rating.level() as u32));
        assert!(r.flags.is_empty() && r.key_questions.is_empty());
    }
}

// ---- 1.3 Flags: near-boundary ----

#[test]
fn near_boundary_at_exactly_five_points() {
    assert_eq!(flags(&alone(45, 100)), [nb(0, 50, 50)]);
    assert_eq!(flags(&alone(55, 100)), [nbd(0, 50, 50, Down)]);
    assert_eq!(flags(&alone(60, 100)), [nb(0, 65, 50)]);
    assert_eq!(flags(&alone(70, 100)), [nbd(0, 65, 50, Down)]);
    assert_eq!(flags(&alone(75, 100)), [nb(0, 80, 50)]);
    assert_eq!(flags(&alone(85, 100)), [nbd(0, 80, 50, Down)]);
}

/// A near-boundary flag; its direction follows from which side of the boundary the
/// test's percentage lies (the tests say which).
fn nb(key_question: usize, boundary: u32, distance_tenths: u32) -> Flag {
    nbd(key_question, boundary, distance_tenths, Up)
}

fn nbd(key_question: usize, boundary: u32, distance_tenths: u32, direction: DiscretionDirection) -> Flag {
    Flag::NearBoundary {
        key_question,
        boundary,
        distance_tenths,
        direction,
    }
}

#[test]
fn no_near_boundary_just_beyond_five_points() {
    for (yes, shown) in [(449, "44.9%"), (551, "55.1%"), (599, "59.9%"), (851, "85.1%")] {
        assert_eq!(Percentage::new(yes, 1000).unwrap().to_string(), shown);
        assert_eq!(flags(&alone(yes, 1000)), [], "{shown}");
    }
    // Far from every boundary.
    assert_eq!(flags(&alone(72, 100)), []);
    assert_eq!(flags(&alone(100, 100)), []);
    assert_eq!(flags(&alone(0, 100)), []);
}

#[test]
fn near_boundary_reports_the_nearest_boundary_and_distance_in_tenths() {
    assert_eq!(near_boundary(&alone(129, 200)), Some((0, 65, 5))); // 64.5%: 0.5 below 65
    assert_eq!(near_boundary(&alone(2, 3)), Some((0, 65, 17))); // 66.67%: 1.7 above 65
    assert_eq!(near_boundary(&alone(1, 2)), Some((0, 50, 0))); // on the boundary
    assert_eq!(near_boundary(&alone(4, 5)), Some((0, 80, 0)));
}

#[test]
fn near_boundary_looks_only_at_the_lowest_percentage() {
    // 85% is near 80 but 72% is the lowest, and 72% is far from every boundary.
    assert_eq!(near_boundary(&s21(&[(72, 100), (85, 100), (100, 100)])), None);
    // The lowest is the second key question.
    assert_eq!(
        near_boundary(&s21(&[(90, 100), (75, 100), (100, 100)])),
        Some((1, 80, 50))
    );
}

// ---- 1.3 Flags: one-case ----

#[test]
fn one_more_yes_raises_the_rating() {
    // 64/100 Too few; 65/100 would be Good.
    let s = alone(64, 100);
    assert_eq!(one_case(&s), [(vec![0], OneMoreYes, Good)]);
    assert_eq!(band(65, 100, Rounding::Exact), Some(Good));
}

#[test]
fn one_fewer_yes_lowers_the_rating() {
    // 50/100 Too few; 49/100 would be Inadequate.
    let s = alone(50, 100);
    assert_eq!(one_case(&s), [(vec![0], OneFewerYes, Inadequate)]);
    assert_eq!(band(49, 100, Rounding::Exact), Some(Inadequate));
    assert_eq!(
        flags(&s),
        [
            nbd(0, 50, 0, Down),
            Flag::OneCase {
                changes: vec![OneCaseChange {
                    key_questions: vec![0],
                    direction: OneFewerYes,
                    rating: Inadequate,
                    cases: vec![],
                }]
            }
        ]
    );
}

#[test]
fn one_case_both_directions() {
    // 2/3 Good: 3/3 Outstanding, 1/3 Inadequate.
    assert_eq!(
        one_case(&alone(2, 3)),
        [
            (vec![0], OneMoreYes, Outstanding),
            (vec![0], OneFewerYes, Inadequate)
        ]
    );
}

#[test]
fn no_one_case_when_one_answer_changes_nothing() {
    assert_eq!(one_case(&alone(60, 100)), []);
    // At the ends only one direction exists, and it changes nothing here.
    assert_eq!(one_case(&alone(0, 100)), []);
    assert_eq!(one_case(&alone(100, 100)), []);
}

#[test]
fn one_case_can_lift_tied_drivers_together() {
    // Both at 64%: one case judged Yes on both lifts both to 65%.
    assert_eq!(
        one_case(&s21(&[(64, 100), (64, 100), (100, 100)])),
        [(vec![0, 1], OneMoreYes, Good)]
    );
    // The rule book's example: 11/15 on two drivers is Good; 12/15 on each is 80%.
    assert_eq!(
        one_case(&s21(&[(11, 15), (11, 15), (15, 15)])),
        [(vec![0, 1], OneMoreYes, Outstanding)]
    );
    // Three drivers at 64% together.
    assert_eq!(
        one_case(&s21(&[(64, 100), (64, 100), (64, 100)])),
        [(vec![0, 1, 2], OneMoreYes, Good)]
    );
    // 64% and 60%: one more Yes on both leaves the 61% Too few, and no single fewer
    // Yes leaves Too few.
    assert_eq!(one_case(&s21(&[(64, 100), (60, 100), (100, 100)])), []);
    // Three drivers, one of them far from the boundary: no rise.
    assert_eq!(one_case(&s21(&[(64, 100), (64, 100), (55, 100)])), []);
}

#[test]
fn one_case_rise_leaves_non_drivers_alone() {
    // Desistance 64% drives; safety 70% is Good and not a driver: one more Yes on the
    // driver alone lifts the rating to Good (safety is not changed).
    assert_eq!(
        one_case(&s21(&[(64, 100), (70, 100), (0, 0)])),
        [(vec![0], OneMoreYes, Good)]
    );
    // A single applicable key question is its own only driver.
    assert_eq!(one_case(&alone(14, 20)), []); // 70%: 75% stays Good, 65% stays Good
    assert_eq!(one_case(&alone(15, 19)), [(vec![0], OneMoreYes, Outstanding)]); // 78.9%: 84.2% or 73.7%
}

#[test]
fn one_case_with_a_driver_already_at_a_hundred_percent() {
    // Every driver at 100%: Outstanding, nothing above; one fewer Yes on a small sample
    // drops it.
    assert_eq!(
        one_case(&s21(&[(4, 4), (4, 4), (0, 0)])),
        [(vec![0], OneFewerYes, Good), (vec![1], OneFewerYes, Good)]
    );
    assert_eq!(one_case(&s21(&[(20, 20), (20, 20), (20, 20)])), []);
}

#[test]
fn one_case_rise_under_rounding_reads_the_rounded_figure() {
    // 128/200 = 64% and 129/200 = 64.5%: exactly, both are Too few drivers, and one
    // more Yes on both gives 64.5% and 65%: still Too few.
    let s = s21(&[(128, 200), (129, 200), (0, 0)]);
    assert_eq!(one_case(&s), []);
    // Rounded, 64.5% reads as 65% (Good) and 64% alone drives: one more Yes on it
    // (64.5%, read as 65%) lifts the rating.
    let whole = rounded(s, Rounding::WholePercent);
    assert_eq!(one_case(&whole), [(vec![0], OneMoreYes, Good)]);
}

#[test]
fn one_case_on_a_non_driver_that_would_fall_below() {
    // 1/1 Outstanding is not a driver (72% Good is), but one fewer Yes makes it 0%.
    let s = s21(&[(1, 1), (72, 100), (0, 0)]);
    assert_eq!(flags(&s), [one(0, OneFewerYes, Inadequate)]);
}

fn one(key_question: usize, direction: Direction, rating: Rating) -> Flag {
    Flag::OneCase {
        changes: vec![OneCaseChange {
            key_questions: vec![key_question],
            direction,
            rating,
            cases: vec![],
        }],
    }
}

#[test]
fn one_case_lists_every_change_in_framework_order() {
    // 13/20 = 65% Good on both desistance and safety: one fewer on either drops it.
    assert_eq!(
        one_case(&s21(&[(13, 20), (13, 20), (20, 20)])),
        [
            (vec![0], OneFewerYes, RequiresImprovement),
            (vec![1], OneFewerYes, RequiresImprovement)
        ]
    );
}

// ---- 1.3 Flags: small-sample ----

#[test]
fn small_sample_at_five_relevant_cases_on_a_driver() {
    let s = s21(&[(5, 5), (20, 20), (20, 20)]);
    assert_eq!(
        flags(&s),
        [Flag::SmallSample {
            key_questions: vec![(0, 5)]
        }]
    );
}

#[test]
fn no_small_sample_at_six_relevant_cases() {
    assert_eq!(flags(&s21(&[(6, 6), (20, 20), (20, 20)])), []);
}

#[test]
fn no_small_sample_on_a_non_driver() {
    // 5/5 is Outstanding; the driver is 72/100 Good.
    assert_eq!(flags(&s21(&[(5, 5), (72, 100), (20, 20)])), []);
}

#[test]
fn small_sample_lists_each_small_driver() {
    assert_eq!(small_sample(&s21(&[(5, 5), (4, 4), (20, 20)])), [(0, 5), (1, 4)]);
    assert_eq!(small_sample(&s21(&[(1, 1), (0, 0), (0, 0)])), [(0, 1)]);
}

#[test]
fn flags_come_in_a_fixed_order_and_change_nothing() {
    // 2/3: near 65, one-case both ways, and a sample of three.
    let r = standard(&alone(2, 3), "2.1");
    let kinds: Vec<&str> = r.flags.iter().map(|f| f.kind().as_str()).collect();
    assert_eq!(kinds, ["near-boundary", "one-case", "small-sample"]);
    assert_eq!((r.mechanical_rating, r.rating), (Some(Good), Some(Good)));
    assert!(!r.changed_by_discretion);
}

#[test]
fn unrated_standards_have_no_flags() {
    assert_eq!(flags(&s21(&[(1, 2)])), []); // incomplete, 50% on a sample of two
    assert_eq!(flags(&s21(&[(3, 2), (1, 2), (1, 2)])), []); // invalid counts
}

// ---- 1.4 Applying discretion ----

/// 60/100 on a lone key question: Too few, near the 65% boundary.
fn flagged() -> Scenario {
    alone(60, 100)
}

#[test]
fn discretion_one_band_up_with_a_flag_and_reason() {
    let s = with_discretion(
        flagged(),
        "2.1",
        Good,
        "strong evidence in the two cases nearly there",
    );
    let r = standard(&s, "2.1");
    assert_eq!(r.mechanical_rating, Some(RequiresImprovement));
    assert_eq!(r.rating, Some(Good));
    assert!(r.changed_by_discretion);
    assert_eq!(r.discretion_problem, None);
    assert_eq!(r.score, Some(2));
    assert!(s.problems(youth()).is_empty());
}

#[test]
fn discretion_one_band_down() {
    // 70/100 is Good, 5 points above the 65% boundary: the flag points down.
    let s = with_discretion(alone(70, 100), "2.1", RequiresImprovement, "the work was weak");
    let r = standard(&s, "2.1");
    assert_eq!(
        (r.mechanical_rating, r.rating, r.score),
        (Some(Good), Some(RequiresImprovement), Some(1))
    );
    assert!(r.changed_by_discretion);
}

#[test]
fn discretion_against_every_flag_is_refused() {
    // 60/100 is Too few, below the 65% boundary: only up.
    let s = with_discretion(flagged(), "2.1", Inadequate, "the work was weak");
    let message = "no flag points down: discretion may only go one band up from the mechanical rating \
                   (Requires improvement), to Good";
    assert_eq!(
        refused(&s),
        (
            DiscretionProblem::NotFlaggedDirection {
                mechanical: RequiresImprovement,
                allowed: Good
            },
            at_discretion(message)
        )
    );
    // 70/100 is Good, above the boundary: only down.
    let s = with_discretion(alone(70, 100), "2.1", Outstanding, "strong");
    assert_eq!(
        refused(&s).1,
        at_discretion(
            "no flag points up: discretion may only go one band down from the mechanical rating (Good), \
             to Requires improvement"
        )
    );
}

/// The problem discretion has on 2.1, its message, and that the standard keeps its
/// mechanical rating.
#[track_caller]
fn refused(s: &Scenario) -> (DiscretionProblem, Vec<Problem>) {
    let r = standard(s, "2.1");
    assert_eq!(r.rating, r.mechanical_rating);
    assert!(!r.changed_by_discretion);
    (
        r.discretion_problem.expect("a discretion problem"),
        s.problems(youth()),
    )
}

#[track_caller]
fn at_discretion(message: &str) -> Vec<Problem> {
    vec![Problem::new("standards.2.1.discretion", message)]
}

#[test]
fn discretion_needs_a_flag() {
    let s = with_discretion(alone(72, 100), "2.1", Outstanding, "reason");
    assert_eq!(
        refused(&s),
        (
            DiscretionProblem::NoFlag,
            at_discretion(
                "discretion needs a flag (near a boundary, one case, or a small sample) and this standard has none"
            )
        )
    );
    assert_eq!(standard(&s, "2.1").score, Some(2));
}

#[test]
fn discretion_must_be_exactly_one_band_away() {
    let message = "must be one band above or below the mechanical rating (Requires improvement)";
    let problem = DiscretionProblem::NotOneBand {
        mechanical: RequiresImprovement,
    };
    let two_up = with_discretion(flagged(), "2.1", Outstanding, "reason");
    assert_eq!(refused(&two_up), (problem, at_discretion(message)));
    let same = with_discretion(flagged(), "2.1", RequiresImprovement, "reason");
    assert_eq!(refused(&same), (problem, at_discretion(message)));
}

#[test]
fn discretion_needs_a_non_empty_reason() {
    for reason in ["", "   ", "\n\t"] {
        let s = with_discretion(flagged(), "2.1", Good, reason);
        assert_eq!(
            refused(&s),
            (DiscretionProblem::NoReason, at_discretion("a reason is required"))
        );
    }
}

#[test]
fn discretion_needs_a_rated_standard() {
    let incomplete = with_discretion(s21(&[(60, 100)]), "2.1", Good, "reason");
    let message = "discretion applies only to a rated standard";
    assert_eq!(
        refused(&incomplete),
        (DiscretionProblem::NotRated, at_discretion(message))
    );

    let invalid = with_discretion(s21(&[(6, 5), (1, 1), (1, 1)]), "2.1", Good, "reason");
    let r = standard(&invalid, "2.1");
    assert_eq!(r.discretion_problem, Some(DiscretionProblem::NotRated));
    assert_eq!(
        invalid.problems(youth()),
        [
            Problem::new(
                "standards.2.1.key_questions.desistance.yes",
                "6 is more than relevant (5)"
            ),
            Problem::new("standards.2.1.discretion", message),
        ]
    );
}

#[test]
fn strict_reader_rejects_each_discretion_problem_at_its_path() {
    let cases = [
        (
            with_discretion(alone(72, 100), "2.1", Outstanding, "reason"),
            "discretion needs a flag (near a boundary, one case, or a small sample) and this standard has none",
        ),
        (
            with_discretion(flagged(), "2.1", Outstanding, "reason"),
            "must be one band above or below the mechanical rating (Requires improvement)",
        ),
        (with_discretion(flagged(), "2.1", Good, " "), "a reason is required"),
        (
            with_discretion(flagged(), "2.1", Inadequate, "reason"),
            "no flag points down: discretion may only go one band up from the mechanical rating \
             (Requires improvement), to Good",
        ),
        (
            with_discretion(s21(&[(60, 100)]), "2.1", Good, "reason"),
            "discretion applies only to a rated standard",
        ),
    ];
    for (s, message) in cases {
        let text = s.to_json_string().unwrap();
        let err = Scenario::from_json_str(&text).unwrap_err();
        assert_eq!(err.problems(), at_discretion(message));
        // The draft reader keeps it, so that nothing typed is lost.
        let (draft, _) = Scenario::draft_from_json_str(&text, &Framework::builtins()).unwrap();
        assert_eq!(draft, s);
    }
    let fine = with_discretion(flagged(), "2.1", Good, "reason");
    assert_eq!(Scenario::from_json_str(&fine.to_json_string().unwrap()), Ok(fine));
}

#[test]
fn discretion_on_each_kind_of_flag() {
    // Small sample only: 5/5 among 20/20s is Outstanding; one band down is allowed.
    let small = with_discretion(s21(&[(5, 5), (20, 20), (20, 20)]), "2.1", Good, "sample of five");
    assert_eq!(standard(&small, "2.1").rating, Some(Good));
    // One-case only, pointing down: 1/1 as a non-driver beside 72/100 Good.
    let one = with_discretion(
        s21(&[(1, 1), (72, 100), (0, 0)]),
        "2.1",
        RequiresImprovement,
        "one case",
    );
    assert_eq!(standard(&one, "2.1").rating, Some(RequiresImprovement));
    let up = with_discretion(s21(&[(1, 1), (72, 100), (0, 0)]), "2.1", Outstanding, "one case");
    assert_eq!(standard(&up, "2.1").rating, Some(Good));
    // One-case only, pointing up: the rule book's 11/15 on two drivers.
    let both = with_discretion(
        s21(&[(11, 15), (11, 15), (15, 15)]),
        "2.1",
        Outstanding,
        "one case",
    );
    assert_eq!(standard(&both, "2.1").rating, Some(Outstanding));
}

// ---- 1.3 and 1.4: the directions flags name and the discretion they allow ----

/// The directions each flag of 2.1 names, by kind, and the ratings discretion may give.
#[track_caller]
fn ways(scenario: &Scenario) -> (Vec<(&'static str, Vec<DiscretionDirection>)>, Vec<Rating>) {
    let r = standard(scenario, "2.1");
    let flags = r
        .flags
        .iter()
        .map(|f| (f.kind().as_str(), f.directions()))
        .collect();
    (flags, r.allowed_discretion())
}

#[test]
fn near_boundary_points_across_its_boundary() {
    assert_eq!(
        ways(&alone(60, 100)),
        (vec![("near-boundary", vec![Up])], vec![Good])
    );
    assert_eq!(
        ways(&alone(70, 100)),
        (vec![("near-boundary", vec![Down])], vec![RequiresImprovement])
    );
    // On the boundary counts as at or above it: down.
    assert_eq!(ways(&alone(130, 200)).1, [RequiresImprovement]);
    assert_eq!(near_boundary(&alone(130, 200)), Some((0, 65, 0)));
}

#[test]
fn near_boundary_under_rounding_is_measured_on_the_rounded_figure() {
    // 19/27 = 70.4%: 5.4 points from 65% exactly (no flag), 5 points rounded (70%).
    assert_eq!(near_boundary(&alone(19, 27)), None);
    let whole = rounded(alone(19, 27), Rounding::WholePercent);
    assert_eq!(flags(&whole), [nbd(0, 65, 50, Down)]);
    // 129/200 = 64.5%: below 65% exactly (up, 0.5 points), 65% rounded (on it: down).
    assert_eq!(flags(&alone(129, 200))[0], nbd(0, 65, 5, Up));
    assert_eq!(
        flags(&rounded(alone(129, 200), Rounding::WholePercent))[0],
        nbd(0, 65, 0, Down)
    );
    // 599/1000 = 59.9% reads as 60% rounded: 5 points from 65%, flagged up.
    assert_eq!(near_boundary(&alone(599, 1000)), None);
    assert_eq!(
        flags(&rounded(alone(599, 1000), Rounding::WholePercent)),
        [nbd(0, 65, 50, Up)]
    );
}

#[test]
fn small_sample_points_either_way_within_the_scale() {
    // 3/3 everywhere: Outstanding on a small sample; nothing above it.
    let top = s21(&[(3, 3), (3, 3), (3, 3)]);
    let (flags, allowed) = ways(&top);
    assert!(flags.contains(&("small-sample", vec![Up, Down])));
    assert_eq!(allowed, [Good]);
    // 0/3: Inadequate on a small sample; nothing below it.
    let bottom = s21(&[(0, 3), (0, 0), (0, 0)]);
    assert_eq!(ways(&bottom).1, [RequiresImprovement]);
    // 2/3 Good: near 65 (down), one case either way, a small sample: both.
    assert_eq!(ways(&alone(2, 3)).1, [RequiresImprovement, Outstanding]);
}

#[test]
fn one_case_points_where_the_case_would_move_the_rating() {
    assert_eq!(
        ways(&s21(&[(11, 15), (11, 15), (15, 15)])),
        (vec![("one-case", vec![Up])], vec![Outstanding])
    );
    assert_eq!(ways(&s21(&[(1, 1), (72, 100), (0, 0)])).1, [RequiresImprovement]);
}

#[test]
fn no_flag_no_allowed_discretion() {
    assert_eq!(ways(&alone(72, 100)), (vec![], vec![]));
    // Not applicable, incomplete, judgement: nothing allowed.
    let mut e = entry("3.4", &[(0, 0), (0, 0)]);
    e.cases = 3;
    let s = scenario(vec![("3.4", Entry::Cases(e)), ("1.1", Entry::Judgement(Good))]);
    assert!(standard(&s, "3.4").allowed_discretion().is_empty());
    assert!(standard(&s, "1.1").allowed_discretion().is_empty());
    assert!(standard(&s21(&[(60, 100)]), "2.1")
        .allowed_discretion()
        .is_empty());
}

// ---- 1.1 option: whole-percent rounding ----

#[test]
fn whole_percent_rounding_changes_sixty_four_and_a_half() {
    let exact = standard(&alone(129, 200), "2.1");
    assert_eq!(exact.mechanical_rating, Some(RequiresImprovement));
    assert!(exact.key_questions[0].rounding_changes_band);

    let whole = standard(&rounded(alone(129, 200), Rounding::WholePercent), "2.1");
    assert_eq!(whole.mechanical_rating, Some(Good));
    assert!(whole.key_questions[0].rounding_changes_band);
}

#[test]
fn whole_percent_rounds_half_up_at_each_boundary() {
    let whole = Rounding::WholePercent;
    assert_eq!(band(99, 200, whole), Some(RequiresImprovement)); // 49.5% -> 50%
    assert_eq!(band(989, 2000, whole), Some(Inadequate)); // 49.45% -> 49%
    assert_eq!(band(159, 200, whole), Some(Outstanding)); // 79.5% -> 80%
    assert_eq!(band(1589, 2000, whole), Some(Good)); // 79.45% -> 79%
    assert_eq!(band(644, 1000, whole), Some(RequiresImprovement)); // 64.4% -> 64%
}

#[test]
fn rounding_changes_band_only_where_the_readings_differ() {
    for (yes, relevant) in [(644, 1000), (13, 20), (1, 2), (72, 100), (0, 3)] {
        for rounding in [Rounding::Exact, Rounding::WholePercent] {
            let kq = &standard(&rounded(alone(yes, relevant), rounding), "2.1").key_questions[0];
            assert!(!kq.rounding_changes_band, "{yes}/{relevant} {rounding}");
        }
    }
    for (yes, relevant) in [(99, 200), (159, 200), (129, 200)] {
        let kq = &standard(&alone(yes, relevant), "2.1").key_questions[0];
        assert!(kq.rounding_changes_band, "{yes}/{relevant}");
    }
}

#[test]
fn whole_percent_changes_which_key_question_drives() {
    // 64.5% and 64% are both Too few exactly; rounded, only 64% is.
    let s = s21(&[(129, 200), (64, 100), (100, 100)]);
    let drivers = |s: &Scenario| -> Vec<bool> {
        standard(s, "2.1")
            .key_questions
            .iter()
            .map(|kq| kq.driver)
            .collect()
    };
    assert_eq!(drivers(&s), [true, true, false]);
    assert_eq!(drivers(&rounded(s, Rounding::WholePercent)), [false, true, false]);
}

// ---- 1.6 What-if figures ----

#[test]
fn what_if_six_of_eight() {
    let w = what_if(&alone(6, 8), 0);
    assert_eq!(
        w,
        WhatIf {
            more_yes_to_rise: Some(1),
            fewer_yes_to_fall: Some(1),
            standard_if_rise: Some(Outstanding),
            standard_if_fall: Some(RequiresImprovement)
        }
    );
    assert_eq!(band(6, 8, Rounding::Exact), Some(Good)); // 75%
    assert_eq!(band(7, 8, Rounding::Exact), Some(Outstanding)); // 87.5%
    assert_eq!(band(5, 8, Rounding::Exact), Some(RequiresImprovement)); // 62.5%
}

/// What a key question's move does to the standard: only the weakest key question can
/// lift it, and a stronger one's drop may leave it where it is.
#[test]
fn what_if_says_what_the_standard_would_become() {
    // Desistance 6/8 (Good), safety 2/8 (Inadequate), others 8/8 (Outstanding).
    let s = s21(&[(6, 8), (2, 8), (8, 8)]);
    let standard = standard(&s, "2.1");
    let moves: Vec<(Option<Rating>, Option<Rating>)> = standard
        .key_questions
        .iter()
        .map(|kq| (kq.what_if.standard_if_rise, kq.what_if.standard_if_fall))
        .collect();
    assert_eq!(
        moves,
        [
            (Some(Inadequate), Some(Inadequate)), // held down by safety either way
            (Some(RequiresImprovement), None),    // safety lifts it; nothing below Inadequate
            (None, Some(Inadequate)),             // others at the top; its drop changes nothing
        ]
    );
    // A standard not rated has no standard-level what-if.
    let mut incomplete = s21(&[(6, 8), (2, 8), (8, 8)]);
    if let Some(Entry::Cases(entry)) = incomplete.standards.get_mut("2.1") {
        entry.key_questions.remove("others");
    }
    let kq = &self::standard(&incomplete, "2.1").key_questions[0];
    assert_eq!(kq.what_if.more_yes_to_rise, Some(1));
    assert_eq!(
        (kq.what_if.standard_if_rise, kq.what_if.standard_if_fall),
        (None, None)
    );
}

#[test]
fn what_if_at_the_top_and_bottom_bands() {
    // 8/8: nothing above; it takes 2 fewer (6/8 = 75%) to leave Large majority.
    assert_eq!(
        what_if(&alone(8, 8), 0),
        WhatIf {
            more_yes_to_rise: None,
            fewer_yes_to_fall: Some(2),
            standard_if_rise: None,
            standard_if_fall: Some(Good)
        }
    );
    // 0/8: nothing below; 4/8 = 50% is the next band.
    assert_eq!(
        what_if(&alone(0, 8), 0),
        WhatIf {
            more_yes_to_rise: Some(4),
            fewer_yes_to_fall: None,
            standard_if_rise: Some(RequiresImprovement),
            standard_if_fall: None
        }
    );
}

#[test]
fn what_if_needs_several_answers_on_large_samples() {
    // 500/1000 = 50%: 150 more for 65%, 1 fewer for 49.9%.
    assert_eq!(
        what_if(&alone(500, 1000), 0),
        WhatIf {
            more_yes_to_rise: Some(150),
            fewer_yes_to_fall: Some(1),
            standard_if_rise: Some(Good),
            standard_if_fall: Some(Inadequate)
        }
    );
    // 72/100: 8 more for 80%, 8 fewer for 64%.
    assert_eq!(
        what_if(&alone(72, 100), 0),
        WhatIf {
            more_yes_to_rise: Some(8),
            fewer_yes_to_fall: Some(8),
            standard_if_rise: Some(Outstanding),
            standard_if_fall: Some(RequiresImprovement)
        }
    );
}

#[test]
fn what_if_under_whole_percent_rounding() {
    let whole = |yes, relevant| what_if(&rounded(alone(yes, relevant), Rounding::WholePercent), 0);
    // 129/200 reads as 65% (Good): one fewer is 64%.
    assert_eq!(whole(129, 200).fewer_yes_to_fall, Some(1));
    // Exactly, 129/200 is Too few and one more (65%) lifts it.
    assert_eq!(what_if(&alone(129, 200), 0).more_yes_to_rise, Some(1));
    // 157/200 = 78.5% rounds to 79%: 159/200 = 79.5% rounds to 80%, so 2 more.
    assert_eq!(whole(157, 200).more_yes_to_rise, Some(2));
    assert_eq!(what_if(&alone(157, 200), 0).more_yes_to_rise, Some(3));
}

#[test]
fn what_if_is_per_key_question() {
    let s = s21(&[(6, 8), (1, 2), (0, 0)]);
    assert_eq!(what_if(&s, 1).more_yes_to_rise, Some(1)); // 2/2 = 100%
    assert_eq!(what_if(&s, 1).fewer_yes_to_fall, Some(1)); // 0/2
    assert_eq!(what_if(&s, 2), WhatIf::default());
}

// ---- 1.5 Scores and the overall rating ----

#[test]
fn each_rating_scores_its_points() {
    for rating in Rating::ALL {
        let r = result(&full([rating; 12]));
        let points = [0, 1, 2, 3][rating.level()];
        assert!(r.standards.iter().all(|s| s.score == Some(points)), "{rating:?}");
        assert!(r.standards.iter().all(|s| s.rating == Some(rating)), "{rating:?}");
        assert_eq!(r.total, 12 * points);
    }
}

#[test]
fn overall_bands_at_their_boundaries() {
    let cases = [
        (0, Inadequate),
        (6, Inadequate),
        (7, RequiresImprovement),
        (18, RequiresImprovement),
        (19, Good),
        (30, Good),
        (31, Outstanding),
        (36, Outstanding),
    ];
    for (total, overall) in cases {
        let r = result(&full(ratings_totalling(total)));
        assert_eq!((r.total, r.max, r.rated), (total, 36, 12));
        assert_eq!(r.overall, Some(overall), "{total}");
        assert_eq!(r.reachable, (overall, overall), "{total}");
    }
}

#[test]
fn domain_subtotals() {
    use Rating::{Good as G, Inadequate as I, Outstanding as O, RequiresImprovement as R};
    let r = result(&full([O, O, O, O, G, G, G, G, R, R, I, I]));
    let domain = |score, rated| DomainResult {
        score,
        max: 12,
        rated,
        counted: 4,
    };
    assert_eq!(r.domains, [domain(12, 4), domain(8, 4), domain(2, 4)]);
    assert_eq!(r.total, 22);
    assert_eq!(r.overall, Some(Good));
}

#[test]
fn discretion_changes_the_score() {
    // Eleven at 57/100 or Requires improvement, plus a flagged 2.1 raised to Good.
    let mut s = full([RequiresImprovement; 12]);
    s.standards
        .insert("2.1".into(), flagged().standards["2.1"].clone());
    assert_eq!(result(&s).total, 12);
    let s = with_discretion(s, "2.1", Good, "reason");
    assert_eq!(result(&s).total, 13);
    assert_eq!(result(&s).domains[1].score, 5);
}

// ---- 1.5 Partial scenarios ----

#[test]
fn empty_scenario() {
    let r = result(&Scenario::new("youth-2018"));
    assert_eq!(
        (r.total, r.max, r.rated, r.counted, r.overall),
        (0, 36, 0, 12, None)
    );
    assert_eq!(r.reachable, (Inadequate, Outstanding));
    assert!(r
        .domains
        .iter()
        .all(|d| d.score == 0 && d.max == 12 && d.rated == 0));
}

#[test]
fn partial_scenario_names_no_overall_rating() {
    // Domain one only, all Good: 8 so far, 8..32 reachable.
    let s = scenario(IDS[..4].iter().map(|&id| (id, Entry::Judgement(Good))).collect());
    let r = result(&s);
    assert_eq!((r.total, r.rated, r.overall), (8, 4, None));
    assert_eq!(r.reachable, (RequiresImprovement, Outstanding));
}

#[test]
fn eleven_rated_still_names_no_overall_rating() {
    let mut s = full([Good; 12]);
    s.standards.remove("3.3");
    let r = result(&s);
    assert_eq!((r.total, r.rated, r.overall), (22, 11, None));
    assert_eq!(r.reachable, (Good, Good));

    // 31 less an Outstanding: 28 so far, 28 (Good) to 31 (Outstanding) reachable.
    let mut s = full(ratings_totalling(31));
    s.standards.remove("1.1");
    let r = result(&s);
    assert_eq!((r.total, r.overall), (28, None));
    assert_eq!(r.reachable, (Good, Outstanding));
}

#[test]
fn peer_review_of_domains_two_and_three() {
    let s = scenario(IDS[4..].iter().map(|&id| (id, rated(id, Good))).collect());
    let r = result(&s);
    assert_eq!((r.total, r.rated, r.counted, r.overall), (16, 8, 12, None));
    assert_eq!(
        r.domains[0],
        DomainResult {
            score: 0,
            max: 12,
            rated: 0,
            counted: 4
        }
    );
    assert_eq!((r.domains[1].score, r.domains[1].rated), (8, 4));
    assert_eq!((r.domains[2].score, r.domains[2].rated), (8, 4));
    // 16 with domain one all Inadequate, 28 with it all Outstanding.
    assert_eq!(r.reachable, (RequiresImprovement, Good));
    assert!(s.problems(youth()).is_empty());
}

#[test]
fn unrated_case_standards_do_not_count_as_rated() {
    let mut s = full([Outstanding; 12]);
    s.standards
        .insert("2.2".into(), Entry::Cases(entry("2.2", &[(1, 1)])));
    s.standards.insert(
        "2.3".into(),
        Entry::Cases(entry("2.3", &[(2, 1), (1, 1), (1, 1)])),
    );
    let r = result(&s);
    assert_eq!((r.total, r.rated, r.overall), (30, 10, None));
    assert_eq!(r.domains[1].rated, 2);
    assert_eq!(r.reachable, (Good, Outstanding));
}
