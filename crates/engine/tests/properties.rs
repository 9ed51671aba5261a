//! Properties of the rules over generated scenarios, each checked against an
//! independent reference written here (integer arithmetic, brute force, re-scoring).

mod common;

use proptest::prelude::*;
use std::collections::BTreeMap;
use yj_rating_engine::{
    report, score, Answers, CaseAnswer, CaseEntry, CaseSample, Direction, Discretion, DiscretionDirection,
    Entry, Flag, Framework, Percentage, Rating, Rounding, SampledCase, Scenario, StandardResult,
    StandardStatus, MAX_CASES,
};

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

// ---- References ----

/// The whole percentage nearest to `yes / relevant`, halves rounded up, found by trying
/// every whole percentage.
fn nearest_whole_percent(yes: u32, relevant: u32) -> u32 {
    let (yes, relevant) = (u128::from(yes), u128::from(relevant));
    let mut best = 0;
    for k in 0..=100u128 {
        // |100 yes / relevant - k| compared via |100 yes - k relevant|; on a tie the
        // later (higher) k wins.
        if (100 * yes).abs_diff(k * relevant) <= (100 * yes).abs_diff(best * relevant) {
            best = k;
        }
    }
    best as u32
}

/// Rule 1.1: whether `yes / relevant` reaches `threshold` percent.
fn reaches(yes: u32, relevant: u32, threshold: u32, rounding: Rounding) -> bool {
    match rounding {
        Rounding::Exact => u128::from(yes) * 100 >= u128::from(threshold) * u128::from(relevant),
        Rounding::WholePercent => nearest_whole_percent(yes, relevant) >= threshold,
    }
}

/// Rule 1.1's band table.
fn reference_band(yes: u32, relevant: u32, rounding: Rounding) -> Rating {
    match () {
        _ if reaches(yes, relevant, 80, rounding) => Rating::Outstanding,
        _ if reaches(yes, relevant, 65, rounding) => Rating::Good,
        _ if reaches(yes, relevant, 50, rounding) => Rating::RequiresImprovement,
        _ => Rating::Inadequate,
    }
}

/// Rule 1.5's overall table.
fn reference_overall(total: u32) -> Rating {
    match total {
        0..=6 => Rating::Inadequate,
        7..=18 => Rating::RequiresImprovement,
        19..=30 => Rating::Good,
        _ => Rating::Outstanding,
    }
}

fn points(rating: Rating) -> u32 {
    match rating {
        Rating::Inadequate => 0,
        Rating::RequiresImprovement => 1,
        Rating::Good => 2,
        Rating::Outstanding => 3,
    }
}

// ---- Strategies ----

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![Just(Rounding::Exact), Just(Rounding::WholePercent)]
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

/// Sample sizes: mostly small (where the flags and boundaries are), some large.
fn cases() -> impl Strategy<Value = u32> {
    prop_oneof![6 => 0..=12u32, 3 => 0..=200u32, 1 => 0..=MAX_CASES]
}

/// Valid answers among `cases`.
fn answers(cases: u32) -> impl Strategy<Value = Answers> {
    (0..=cases).prop_flat_map(|relevant| (0..=relevant).prop_map(move |yes| Answers { relevant, yes }))
}

/// A valid entry for case standard `index` with every key question entered.
fn complete_entry(index: usize) -> impl Strategy<Value = CaseEntry> {
    let ids: Vec<String> = youth().standards[index]
        .key_questions
        .iter()
        .map(|k| k.id.clone())
        .collect();
    cases().prop_flat_map(move |cases| {
        let ids = ids.clone();
        prop::collection::vec(answers(cases), ids.len()).prop_map(move |list| CaseEntry {
            cases,
            key_questions: ids.iter().cloned().zip(list).collect(),
            discretion: None,
            by_case: false,
        })
    })
}

/// A valid entry for case standard `index`, key questions sometimes left out.
fn entry(index: usize) -> impl Strategy<Value = CaseEntry> {
    (
        complete_entry(index),
        prop::collection::vec(prop::bool::weighted(0.9), 3),
    )
        .prop_map(|(mut e, keep)| {
            let mut i = 0;
            e.key_questions.retain(|_, _| {
                i += 1;
                keep[i - 1]
            });
            e
        })
}

/// A valid scenario (no discretion) under youth-2018: any standard may be left out.
fn scenario() -> impl Strategy<Value = Scenario> {
    let per_standard: Vec<BoxedStrategy<Option<Entry>>> = youth()
        .standards
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let entry = if s.key_questions.is_empty() {
                rating().prop_map(Entry::Judgement).boxed()
            } else {
                entry(i).prop_map(Entry::Cases).boxed()
            };
            prop::option::weighted(0.85, entry).boxed()
        })
        .collect();
    (per_standard, rounding(), any::<String>()).prop_map(|(entries, rounding, title)| {
        let mut scenario = Scenario::new("youth-2018");
        scenario.rounding = rounding;
        scenario.title = title;
        for (s, entry) in youth().standards.iter().zip(entries) {
            if let Some(entry) = entry {
                scenario.standards.insert(s.id.clone(), entry);
            }
        }
        scenario
    })
}

/// A scenario with one complete case standard (index 4..12) and the rounding.
fn one_case_standard() -> impl Strategy<Value = (usize, Scenario)> {
    (4..12usize, rounding()).prop_flat_map(|(index, rounding)| {
        complete_entry(index).prop_map(move |e| {
            let mut scenario = Scenario::new("youth-2018");
            scenario.rounding = rounding;
            scenario
                .standards
                .insert(youth().standards[index].id.clone(), Entry::Cases(e));
            (index, scenario)
        })
    })
}

/// Counts of any size, with the extremes likely.
fn any_count() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(MAX_CASES),
        Just(u32::MAX),
        Just(u32::MAX - 1),
        0..=12u32,
        any::<u32>(),
    ]
}

/// Any scenario value at all: unknown and mismatched ids, impossible counts, discretion
/// anywhere.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    let ids = prop::sample::select(vec![
        "1.1", "1.4", "2.1", "2.4", "3.1", "3.3", "3.4", "9.9", "", "2.1 ",
    ]);
    let kq_ids = prop::sample::select(vec![
        "desistance",
        "safety",
        "others",
        "recommendations",
        "police",
        "bogus",
    ]);
    let answers = (any_count(), any_count()).prop_map(|(relevant, yes)| Answers { relevant, yes });
    let discretion = (rating(), ".{0,8}").prop_map(|(rating, reason)| Discretion { rating, reason });
    let cases = (
        any_count(),
        prop::collection::btree_map(kq_ids.prop_map(String::from), answers, 0..6),
        prop::option::of(discretion),
    )
        .prop_map(|(cases, key_questions, discretion)| {
            Entry::Cases(CaseEntry {
                cases,
                key_questions,
                discretion,
                by_case: false,
            })
        });
    let entry = prop_oneof![rating().prop_map(Entry::Judgement), cases];
    (
        prop::collection::btree_map(ids.prop_map(String::from), entry, 0..12),
        rounding(),
        ".{0,5}",
    )
        .prop_map(|(standards, rounding, framework)| Scenario {
            framework,
            title: String::new(),
            rounding,
            standards,
            case_samples: Default::default(),
        })
}

/// `scenario` with discretion added on some flagged standards, to one of the ratings
/// the flags allow and with a reason: always valid under rule 1.4.
fn with_valid_discretion(scenario: Scenario, choices: &[(bool, bool, String)]) -> Scenario {
    let result = score(youth(), &scenario);
    let mut scenario = scenario;
    for ((s, r), (apply, up, reason)) in youth().standards.iter().zip(&result.standards).zip(choices) {
        let allowed = r.allowed_discretion();
        let pick = if *up { allowed.last() } else { allowed.first() };
        let (Some(&rating), true) = (pick, *apply) else {
            continue;
        };
        if let Some(Entry::Cases(e)) = scenario.standards.get_mut(&s.id) {
            e.discretion = Some(Discretion {
                rating,
                reason: format!("r{reason}"),
            });
        }
    }
    scenario
}

fn choices() -> impl Strategy<Value = Vec<(bool, bool, String)>> {
    prop::collection::vec((any::<bool>(), any::<bool>(), "\\PC{0,12}"), 12)
}

/// The answers of key question `k` of standard `index`, to change in place.
fn answers_mut(scenario: &mut Scenario, index: usize, k: usize) -> &mut Answers {
    let standard = &youth().standards[index];
    match scenario.standards.get_mut(&standard.id) {
        Some(Entry::Cases(e)) => e.key_questions.get_mut(&standard.key_questions[k].id).unwrap(),
        _ => unreachable!("a complete case standard"),
    }
}

/// Rule 1.4's allowed discretion: one band from the mechanical rating, within the scale,
/// each in a direction a flag names, and some exactly when a flag is set.
fn check_allowed_discretion(s: &StandardResult) -> Result<(), TestCaseError> {
    let allowed = s.allowed_discretion();
    prop_assert_eq!(
        allowed.is_empty(),
        s.flags.is_empty() || s.mechanical_rating.is_none()
    );
    for rating in &allowed {
        let mechanical = s.mechanical_rating.unwrap();
        prop_assert_eq!(rating.bands_from(mechanical), 1);
        let way = DiscretionDirection::between(mechanical, *rating).unwrap();
        prop_assert!(s.flags.iter().any(|f| f.directions().contains(&way)));
    }
    // Every direction a flag names is allowed unless the scale ends there.
    for flag in &s.flags {
        for way in flag.directions() {
            if let Some(to) = way.from(s.mechanical_rating.unwrap()) {
                prop_assert!(allowed.contains(&to));
            }
        }
    }
    Ok(())
}

/// The key questions of 2.1.
const KQS: [&str; 3] = ["desistance", "safety", "others"];

/// Small samples of 1 to 8 cases, each answering every key question of 2.1.
fn small_sample() -> impl Strategy<Value = CaseSample> {
    let answer = prop::sample::select(CaseAnswer::ALL.to_vec());
    prop::collection::vec(prop::collection::vec(answer, 3), 1..=8).prop_map(|rows| CaseSample {
        cases: rows
            .into_iter()
            .map(|answers| {
                let mut case = SampledCase::default();
                for (kq, answer) in KQS.iter().zip(answers) {
                    case.set_answer("2.1", kq, Some(answer));
                }
                case
            })
            .collect(),
    })
}

/// A scenario with 2.1 entered case by case from `sample`.
fn by_case_scenario(sample: &CaseSample, rounding: Rounding) -> Scenario {
    let mut scenario = Scenario::new("youth-2018");
    scenario.rounding = rounding;
    scenario.case_samples.insert("2".into(), sample.clone());
    scenario.standards.insert(
        "2.1".into(),
        Entry::Cases(CaseEntry {
            by_case: true,
            ..CaseEntry::default()
        }),
    );
    scenario.derive_case_counts(youth());
    scenario
}

proptest! {
    #![proptest_config(common::proptest_config(512))]

    #[test]
    fn one_more_yes_never_lowers_a_band_or_the_rating(
        (index, scenario) in one_case_standard(),
        k in 0..3usize,
    ) {
        let kqs = youth().standards[index].key_questions.len();
        let k = k % kqs;
        let mut scenario = scenario;
        if let Some(Entry::Cases(e)) = scenario.standards.values_mut().next() {
            e.cases = e.cases.max(1);
        }
        let answers = answers_mut(&mut scenario, index, k);
        // Compare yes with yes + 1: make the key question applicable, and step down
        // first where every case is Yes.
        answers.relevant = answers.relevant.max(1);
        answers.yes = answers.yes.min(answers.relevant - 1);
        let before = score(youth(), &scenario).standards.swap_remove(index);
        let mut raised = scenario.clone();
        answers_mut(&mut raised, index, k).yes += 1;
        let after = score(youth(), &raised).standards.swap_remove(index);
        prop_assert!(after.key_questions[k].band >= before.key_questions[k].band);
        prop_assert!(after.key_questions[k].band.is_some());
        prop_assert_eq!(before.status, StandardStatus::Rated);
        prop_assert_eq!(after.status, StandardStatus::Rated);
        prop_assert!(after.mechanical_rating >= before.mechanical_rating);
        // And no other key question moves.
        for j in (0..kqs).filter(|&j| j != k) {
            prop_assert_eq!(after.key_questions[j].band, before.key_questions[j].band);
        }
    }

    #[test]
    fn totals_add_up(scenario in scenario(), choices in choices()) {
        let scenario = with_valid_discretion(scenario, &choices);
        let r = score(youth(), &scenario);
        let scores: Vec<u32> = r.standards.iter().filter_map(|s| s.score).collect();
        prop_assert_eq!(r.total, scores.iter().sum::<u32>());
        prop_assert_eq!(r.domains.iter().map(|d| d.score).sum::<u32>(), r.total);
        prop_assert_eq!(r.domains.iter().map(|d| d.rated).sum::<usize>(), r.rated);
        prop_assert_eq!(r.rated, scores.len());
        prop_assert_eq!((r.max, r.counted), (36, 12));
        for (s, result) in youth().standards.iter().zip(&r.standards) {
            // A standard scores exactly when it is rated, by the points of its final rating.
            prop_assert_eq!(result.score, result.rating.map(points), "{}", s.id);
            prop_assert_eq!(result.rating.is_some(), result.status == StandardStatus::Rated);
        }
        for (d, result) in youth().domains.iter().zip(&r.domains) {
            let ids: Vec<&str> = youth().standards.iter().filter(|s| s.domain == d.id).map(|s| s.id.as_str()).collect();
            let expected: u32 = youth().standards.iter().zip(&r.standards)
                .filter(|(s, _)| ids.contains(&s.id.as_str()))
                .filter_map(|(_, r)| r.score)
                .sum();
            prop_assert_eq!(result.score, expected);
            prop_assert_eq!(result.max, 12);
        }
        let unrated = 12 - r.rated as u32;
        prop_assert_eq!(
            r.reachable,
            (reference_overall(r.total), reference_overall(r.total + 3 * unrated))
        );
        prop_assert_eq!(r.overall, (unrated == 0).then(|| reference_overall(r.total)));
        prop_assert!(scenario.problems(youth()).is_empty());
    }

    #[test]
    fn each_standard_follows_rules_1_1_to_1_3(scenario in scenario()) {
        let r = score(youth(), &scenario);
        for (s, result) in youth().standards.iter().zip(&r.standards) {
            let Some(Entry::Cases(e)) = scenario.standards.get(&s.id) else {
                continue;
            };
            let answers: Vec<Option<Answers>> =
                s.key_questions.iter().map(|kq| e.key_questions.get(&kq.id).copied()).collect();
            let bands: Vec<Option<Rating>> = answers
                .iter()
                .map(|a| a.filter(|a| a.relevant > 0).map(|a| reference_band(a.yes, a.relevant, scenario.rounding)))
                .collect();
            for (kq, band) in result.key_questions.iter().zip(&bands) {
                prop_assert_eq!(kq.band, *band);
            }
            if answers.iter().any(Option::is_none) {
                prop_assert_eq!(result.status, StandardStatus::Incomplete);
                prop_assert!(result.mechanical_rating.is_none() && result.flags.is_empty());
                continue;
            }
            let Some(lowest) = bands.iter().flatten().min().copied() else {
                prop_assert_eq!(result.status, StandardStatus::NotApplicable);
                prop_assert!(result.mechanical_rating.is_none() && result.flags.is_empty());
                continue;
            };
            // 1.2: the band of the lowest applicable key question, and its drivers.
            prop_assert_eq!(result.status, StandardStatus::Rated);
            prop_assert_eq!(result.mechanical_rating, Some(lowest));
            prop_assert_eq!(result.rating, Some(lowest));
            for (kq, band) in result.key_questions.iter().zip(&bands) {
                prop_assert_eq!(kq.driver, *band == Some(lowest));
            }
            // 1.3 near-boundary: the lowest percentage within 5 points of 50, 65 or 80.
            let reading = |a: &Answers| -> (u128, u128) {
                match scenario.rounding {
                    Rounding::Exact => (100 * u128::from(a.yes), u128::from(a.relevant)),
                    Rounding::WholePercent => (u128::from(nearest_whole_percent(a.yes, a.relevant)), 1),
                }
            };
            let lowest_reading = answers.iter().flatten().filter(|a| a.relevant > 0).map(reading)
                .min_by(|x, y| (x.0 * y.1).cmp(&(y.0 * x.1))).unwrap();
            let near = [50u128, 65, 80].iter().any(|&b| {
                let (num, den) = lowest_reading;
                num.abs_diff(b * den) <= 5 * den
            });
            prop_assert_eq!(near, result.flags.iter().any(|f| f.kind() == yj_rating_engine::FlagKind::NearBoundary));
            // 1.3 small-sample: a driver with five or fewer relevant cases.
            let small: Vec<(usize, u32)> = answers.iter().flatten().enumerate()
                .filter(|(i, a)| bands[*i] == Some(lowest) && a.relevant <= 5)
                .map(|(i, a)| (i, a.relevant))
                .collect();
            let flagged = result.flags.iter().find_map(|f| match f {
                Flag::SmallSample { key_questions } => Some(key_questions.clone()),
                _ => None,
            });
            prop_assert_eq!(flagged.unwrap_or_default(), small);
        }
    }

    #[test]
    fn one_case_flag_matches_rescoring((index, scenario) in one_case_standard()) {
        let before = score(youth(), &scenario).standards.swap_remove(index);
        let mut expected = Vec::new();
        if let Some(mechanical) = before.mechanical_rating {
            let kqs = youth().standards[index].key_questions.len();
            let rescored = |changed: &[usize], direction: Direction| -> Rating {
                let mut changed_scenario = scenario.clone();
                for &k in changed {
                    let a = answers_mut(&mut changed_scenario, index, k);
                    match direction {
                        Direction::OneMoreYes => a.yes += 1,
                        Direction::OneFewerYes => a.yes -= 1,
                    }
                }
                score(youth(), &changed_scenario).standards.swap_remove(index).mechanical_rating.unwrap()
            };
            // Up: one more Yes on every driver (band equal to the mechanical rating) with a No.
            let with_a_no: Vec<usize> = (0..kqs).filter(|&k| {
                let a = *answers_mut(&mut scenario.clone(), index, k);
                a.relevant > 0 && a.yes < a.relevant && before.key_questions[k].band == Some(mechanical)
            }).collect();
            if !with_a_no.is_empty() {
                let rating = rescored(&with_a_no, Direction::OneMoreYes);
                if rating > mechanical {
                    expected.push((with_a_no, Direction::OneMoreYes, rating));
                }
            }
            // Down: a single Yes judged No on any one key question.
            for k in 0..kqs {
                if answers_mut(&mut scenario.clone(), index, k).yes > 0 {
                    let rating = rescored(&[k], Direction::OneFewerYes);
                    if rating < mechanical {
                        expected.push((vec![k], Direction::OneFewerYes, rating));
                    }
                }
            }
        }
        let actual: Vec<(Vec<usize>, Direction, Rating)> = before.flags.iter().find_map(|f| match f {
            Flag::OneCase { changes } => {
                Some(changes.iter().map(|c| (c.key_questions.clone(), c.direction, c.rating)).collect())
            }
            _ => None,
        }).unwrap_or_default();
        prop_assert_eq!(actual, expected);
        // A flag never changes a rating by itself.
        prop_assert_eq!(before.rating, before.mechanical_rating);
    }

    #[test]
    fn allowed_discretion_is_one_band_within_the_scale_and_only_with_a_flag(scenario in scenario()) {
        let r = score(youth(), &scenario);
        for s in &r.standards {
            check_allowed_discretion(s)?;
        }
    }

    #[test]
    fn case_by_case_one_case_matches_rescoring_every_case(
        (sample, rounding) in (small_sample(), rounding()),
    ) {
        let scenario = by_case_scenario(&sample, rounding);
        let before = score(youth(), &scenario).standards.swap_remove(4);
        let mut expected: Vec<(Vec<usize>, Rating, Vec<usize>)> = Vec::new();
        if let Some(mechanical) = before.mechanical_rating {
            for (position, case) in sample.cases.iter().enumerate() {
                let nos: Vec<usize> = KQS.iter().enumerate()
                    .filter(|(_, kq)| case.answer("2.1", kq) == Some(CaseAnswer::No))
                    .map(|(k, _)| k)
                    .collect();
                // Brute force: that case's No answers all judged Yes, counts derived again.
                let mut changed = sample.clone();
                for &k in &nos {
                    changed.cases[position].set_answer("2.1", KQS[k], Some(CaseAnswer::Yes));
                }
                let after = score(youth(), &by_case_scenario(&changed, rounding)).standards.swap_remove(4);
                let rating = after.mechanical_rating.unwrap();
                if rating > mechanical {
                    match expected.iter_mut().find(|(set, _, _)| *set == nos) {
                        Some((_, r, cases)) => {
                            prop_assert_eq!(*r, rating);
                            cases.push(position);
                        }
                        None => expected.push((nos, rating, vec![position])),
                    }
                }
            }
        }
        let actual: Vec<(Vec<usize>, Rating, Vec<usize>)> = before.flags.iter().find_map(|f| match f {
            Flag::OneCase { changes } => Some(changes.iter()
                .filter(|c| c.direction == Direction::OneMoreYes)
                .map(|c| (c.key_questions.clone(), c.rating, c.cases.clone()))
                .collect()),
            _ => None,
        }).unwrap_or_default();
        prop_assert_eq!(actual, expected);
        check_allowed_discretion(&before)?;
    }

    #[test]
    fn write_then_read_is_the_identity(scenario in scenario(), choices in choices()) {
        let scenario = with_valid_discretion(scenario, &choices);
        let text = scenario.to_json_string().unwrap();
        prop_assert_eq!(Scenario::from_json_str(&text), Ok(scenario.clone()));
        let (draft, _) = Scenario::draft_from_json_str(&text, &Framework::builtins()).unwrap();
        prop_assert_eq!(draft, scenario);
    }

    #[test]
    fn drafts_round_trip_and_problems_match_the_strict_reader(
        scenario in scenario(),
        damage in prop::collection::vec((0..12usize, 0..3usize, 0..=2u32, any::<bool>()), 0..4),
        choices in choices(),
    ) {
        // Break some counts (still at most 10000, so the structure stays readable) and
        // add discretion that may or may not apply.
        let mut draft = scenario;
        for (index, k, by, on_yes) in damage {
            let standard = &youth().standards[index];
            if let Some(Entry::Cases(e)) = draft.standards.get_mut(&standard.id) {
                if let Some(id) = standard.key_questions.get(k).map(|kq| &kq.id) {
                    if let Some(a) = e.key_questions.get_mut(id) {
                        if on_yes {
                            a.yes = (a.relevant + by).min(MAX_CASES);
                        } else {
                            a.relevant = (e.cases + by).min(MAX_CASES);
                        }
                    }
                }
            }
        }
        for (s, (apply, up, reason)) in youth().standards.iter().zip(&choices) {
            if let (true, Some(Entry::Cases(e))) = (*apply, draft.standards.get_mut(&s.id)) {
                let rating = if *up { Rating::Good } else { Rating::RequiresImprovement };
                e.discretion = Some(Discretion { rating, reason: reason.clone() });
            }
        }
        let text = draft.to_json_string().unwrap();
        let (read, _) = Scenario::draft_from_json_str(&text, &Framework::builtins()).unwrap();
        prop_assert_eq!(&read, &draft);
        let problems = draft.problems(youth());
        match Scenario::from_json_str(&text) {
            Ok(strict) => {
                prop_assert!(problems.is_empty());
                prop_assert_eq!(strict, draft);
            }
            Err(err) => prop_assert_eq!(err.problems(), &problems[..]),
        }
    }

    #[test]
    fn what_if_figures_are_exact(
        relevant in prop_oneof![1..=12u32, 1..=300u32, 1..=MAX_CASES],
        fraction in 0.0..=1.0f64,
        rounding in rounding(),
    ) {
        let yes = ((f64::from(relevant) * fraction) as u32).min(relevant);
        let mut scenario = Scenario::new("youth-2018");
        scenario.rounding = rounding;
        let key_questions = BTreeMap::from([
            ("desistance".to_owned(), Answers { relevant, yes }),
            ("safety".to_owned(), Answers::default()),
            ("others".to_owned(), Answers::default()),
        ]);
        scenario.standards.insert("2.1".into(), Entry::Cases(CaseEntry { cases: relevant, key_questions, discretion: None, by_case: false  }));
        let kq = score(youth(), &scenario).standards.swap_remove(4).key_questions.swap_remove(0);
        let band = |yes| reference_band(yes, relevant, rounding);
        let now = band(yes);
        prop_assert_eq!(kq.band, Some(now));
        match kq.what_if.more_yes_to_rise {
            None => prop_assert_eq!(now, Rating::Outstanding),
            Some(m) => {
                prop_assert!(m >= 1 && yes + m <= relevant);
                prop_assert!(band(yes + m) > now, "{} more from {}/{}", m, yes, relevant);
                prop_assert_eq!(band(yes + m - 1), now);
            }
        }
        match kq.what_if.fewer_yes_to_fall {
            None => prop_assert_eq!(now, Rating::Inadequate),
            Some(f) => {
                prop_assert!(f >= 1 && f <= yes);
                prop_assert!(band(yes - f) < now, "{} fewer from {}/{}", f, yes, relevant);
                prop_assert_eq!(band(yes - f + 1), now);
            }
        }
        // The other reading is flagged exactly when it bands differently.
        let other = match rounding { Rounding::Exact => Rounding::WholePercent, Rounding::WholePercent => Rounding::Exact };
        prop_assert_eq!(kq.rounding_changes_band, reference_band(yes, relevant, other) != now);
    }

    #[test]
    fn at_least_agrees_with_brute_force(
        relevant in prop_oneof![1..=20u32, 1..=MAX_CASES, 1..=u32::MAX, Just(u32::MAX)],
        fraction in 0.0..=1.0f64,
        threshold in prop_oneof![0..=100u32, Just(50), Just(65), Just(80)],
        rounding in rounding(),
    ) {
        let yes = ((f64::from(relevant) * fraction) as u32).min(relevant);
        let p = Percentage::new(yes, relevant).unwrap();
        prop_assert_eq!(p.at_least(threshold, rounding), reaches(yes, relevant, threshold, rounding));
        prop_assert_eq!((p.yes(), p.relevant()), (yes, relevant));
    }

    #[test]
    fn at_least_agrees_with_brute_force_on_small_fractions(
        relevant in 1..=40u32,
        yes in 0..=40u32,
        threshold in 0..=100u32,
        rounding in rounding(),
    ) {
        let yes = yes.min(relevant);
        let p = Percentage::new(yes, relevant).unwrap();
        prop_assert_eq!(p.at_least(threshold, rounding), reaches(yes, relevant, threshold, rounding));
    }

    #[test]
    fn scoring_never_panics(scenario in any_scenario()) {
        let r = score(youth(), &scenario);
        prop_assert_eq!(r.standards.len(), 12);
        prop_assert!(r.total <= 36);
        let _ = scenario.problems(youth());
        let json = report::to_json(youth(), &scenario, &r);
        prop_assert_eq!(&json["total"], r.total);
        let _ = scenario.to_json_string_with(youth());
        for result in &r.standards {
            prop_assert_eq!(result.score.is_some(), result.status == StandardStatus::Rated);
        }
    }
}
