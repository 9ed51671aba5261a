//! Sample confidence (issue #5) against published and independently computed values,
//! and its properties over generated counts.

mod common;

use proptest::prelude::*;
use yj_rating_engine::{
    band_edges, band_probabilities, confidence, regularized_incomplete_beta, wilson_interval, Answers,
    ConfidenceLevel, Framework, Rating, Rounding, MAX_CASES,
};

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}

// ---- Wilson score interval ----

/// Newcombe, R. G. (1998), "Two-sided confidence intervals for the single proportion:
/// comparison of seven methods", Statistics in Medicine 17:857-872, Table I, method 3
/// (score method without continuity correction), 95%, to four decimal places.
#[test]
fn wilson_matches_newcombe_1998_table_i() {
    let published = [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ];
    for (yes, relevant, lower, upper) in published {
        let interval = wilson_interval(yes, relevant, ConfidenceLevel::NinetyFive).unwrap();
        assert_close(interval.lower, lower, 0.00005);
        assert_close(interval.upper, upper, 0.00005);
    }
}

#[test]
fn wilson_at_80_percent_for_small_samples() {
    // Python: z = scipy.stats.norm.ppf(0.9); p = y / n; d = 1 + z*z/n
    //         c = (p + z*z/(2*n)) / d; h = z/d * math.sqrt(p*(1-p)/n + z*z/(4*n*n)); (c - h, c + h)
    let interval = wilson_interval(3, 5, ConfidenceLevel::Eighty).unwrap();
    assert_close(interval.lower, 0.3304211243962073, 1e-12);
    assert_close(interval.upper, 0.8201274501796575, 1e-12);
    assert_eq!((interval.lower_percent(), interval.upper_percent()), (33, 82));
}

#[test]
fn wilson_ends_are_exact_at_none_and_all_yes() {
    let none = wilson_interval(0, 7, ConfidenceLevel::Eighty).unwrap();
    assert_eq!(none.lower, 0.0);
    let all = wilson_interval(7, 7, ConfidenceLevel::NinetyFive).unwrap();
    assert_eq!(all.upper, 1.0);
}

#[test]
fn no_interval_without_relevant_cases_or_with_impossible_counts() {
    assert_eq!(wilson_interval(0, 0, ConfidenceLevel::Eighty), None);
    assert_eq!(wilson_interval(3, 2, ConfidenceLevel::Eighty), None);
    assert_eq!(band_probabilities(youth(), 0, 0, Rounding::Exact), None);
    assert_eq!(band_probabilities(youth(), 3, 2, Rounding::Exact), None);
}

// ---- The regularized incomplete beta function ----

/// (x, a, b, I_x(a, b)), from SciPy 1.17.1:
/// ```python
/// from scipy.special import betainc
/// for x, a, b in cases: print(x, a, b, repr(float(betainc(a, b, x))))
/// ```
const BETAINC: [(f64, u32, u32, f64); 17] = [
    (0.5, 1, 1, 0.5),
    (0.65, 2, 4, 0.9459775),
    (0.8, 5, 2, 0.65536),
    (0.5, 6, 6, 0.5),
    (0.495, 3, 3, 0.49062562498124995),
    (0.645, 10, 3, 0.14308399198282074),
    (0.795, 21, 6, 0.5520208552042413),
    (0.5, 101, 101, 0.5),
    (0.65, 651, 351, 0.5052872761703809),
    (0.8, 8001, 2001, 0.5039891285991291),
    (0.65, 6500, 3502, 0.5100350501895137),
    (0.5, 5001, 5001, 0.5000000000000003),
    (0.5, 1001, 9001, 1.0),
    (0.5, 1, 10001, 1.0),
    (0.8, 10001, 1, 0.0),
    (0.2, 3, 8, 0.32220047360000015),
    (0.05, 2, 40, 0.6144635303046906),
];

#[test]
fn incomplete_beta_matches_scipy() {
    for (x, a, b, expected) in BETAINC {
        let actual = regularized_incomplete_beta(x, a, b);
        assert!(
            (actual - expected).abs() <= 1e-12,
            "I_{x}({a}, {b}) = {actual}, SciPy says {expected}"
        );
    }
}

/// Tails, relative to their own size. SciPy 1.17.1:
/// ```python
/// from scipy.special import betainc, betaincc
/// for x, a, b in cases: print(x, a, b, repr(float(betainc(a, b, x))), repr(float(betaincc(a, b, x))))
/// ```
#[test]
fn incomplete_beta_keeps_small_tails_precise() {
    let tails = [
        (0.8, 9001, 1001, 9.655536921685943e-162, 1.0),
        (0.5, 30, 70, 0.9999769687851782, 2.303121482187372e-05),
        (0.65, 700, 301, 0.00045322440379716406, 0.9995467755962029),
        (0.2, 1, 50, 0.9999857275230729, 1.4272476927059589e-05),
        (0.8, 9, 1, 0.13421772800000006, 0.8657822719999999),
    ];
    for (x, a, b, cdf, complement) in tails {
        let actual = regularized_incomplete_beta(x, a, b);
        // The smaller of the two, relative to itself.
        let (value, expected) = if cdf < complement {
            (actual, cdf)
        } else {
            (1.0 - actual, complement)
        };
        let relative = ((value - expected) / expected).abs();
        assert!(relative < 1e-9, "I_{x}({a}, {b}): {value} against {expected}");
    }
}

#[test]
fn incomplete_beta_limits() {
    assert_eq!(regularized_incomplete_beta(0.0, 3, 4), 0.0);
    assert_eq!(regularized_incomplete_beta(1.0, 3, 4), 1.0);
    assert_eq!(regularized_incomplete_beta(-0.5, 3, 4), 0.0);
    assert_eq!(regularized_incomplete_beta(1.5, 3, 4), 1.0);
    assert_eq!(regularized_incomplete_beta(f64::NAN, 3, 4), 0.0);
    assert_eq!(regularized_incomplete_beta(0.3, 0, 4), 1.0);
    assert_eq!(regularized_incomplete_beta(0.3, 4, 0), 0.0);
}

// ---- Band probabilities ----

/// The probability of each band, lowest first, from SciPy 1.17.1:
/// ```python
/// from scipy.stats import beta
/// def bands(y, n, edges):  # edges: [0.5, 0.65, 0.8] exact, [0.495, 0.645, 0.795] whole-percent
///     c = [beta.cdf(e, y + 1, n - y + 1) for e in edges] + [1.0]
///     return [float(v - u) for u, v in zip([0.0] + c[:-1], c)]
/// ```
#[allow(clippy::type_complexity)]
const BANDS: [(u32, u32, [f64; 4], [f64; 4]); 6] = [
    (
        3,
        5,
        [
            0.34375,
            0.30333515624999996,
            0.25403484375000007,
            0.09887999999999997,
        ],
        [
            0.3344224952939063,
            0.30254340020625,
            0.2579145138000001,
            0.10511959069984367,
        ],
    ),
    (
        4,
        5,
        [0.109375, 0.209704921875, 0.33628007812500005, 0.34463999999999995],
        [
            0.10475749768429689,
            0.205028340834375,
            0.3332877465375001,
            0.35692641494382804,
        ],
    ),
    (
        13,
        20,
        [
            0.09462356567382812,
            0.44186262369495977,
            0.420461177453032,
            0.04305263317818009,
        ],
        [
            0.08709180240075741,
            0.4300393293728435,
            0.4338163667684114,
            0.049052501457987674,
        ],
    ),
    (
        129,
        200,
        [
            1.9064622596850813e-05,
            0.570298844871109,
            0.42968195342361104,
            1.3708268309375882e-07,
        ],
        [
            1.0243488581425295e-05,
            0.5113589383391871,
            0.488630448174482,
            3.6999774943868857e-07,
        ],
    ),
    (
        650,
        1000,
        [
            6.199818363043353e-22,
            0.5052872761703809,
            0.49471272382961906,
            0.0,
        ],
        [
            2.8426094978192575e-23,
            0.37532123129145417,
            0.6246787687085458,
            0.0,
        ],
    ),
    (
        0,
        3,
        [0.9375, 0.04749375, 0.013406249999999953, 0.0016000000000000458],
        [
            0.9349622493749999,
            0.0491554500000001,
            0.014116199999999912,
            0.0017661006250000444,
        ],
    ),
];

#[test]
fn band_probabilities_match_scipy_under_both_readings() {
    for (yes, relevant, exact, whole) in BANDS {
        for (rounding, expected) in [(Rounding::Exact, exact), (Rounding::WholePercent, whole)] {
            let actual = band_probabilities(youth(), yes, relevant, rounding).unwrap();
            for band in 0..4 {
                assert!(
                    (actual[band] - expected[band]).abs() <= 1e-12,
                    "{yes}/{relevant} {rounding}: band {band} is {}, SciPy says {}",
                    actual[band],
                    expected[band]
                );
            }
        }
    }
}

#[test]
fn whole_percent_rounding_moves_every_edge_down_half_a_point() {
    assert_eq!(band_edges(youth(), Rounding::Exact), [0.0, 0.5, 0.65, 0.8]);
    assert_eq!(
        band_edges(youth(), Rounding::WholePercent),
        [0.0, 0.495, 0.645, 0.795]
    );
    // 129 of 200 is 64.5%: Too few read exactly, Good read to whole percentages; the
    // chance of the true figure being Good or better follows the reading.
    let good_or_better = |rounding| {
        let p = band_probabilities(youth(), 129, 200, rounding).unwrap();
        p[2] + p[3]
    };
    assert!(good_or_better(Rounding::WholePercent) > good_or_better(Rounding::Exact) + 0.05);
    let answers = Some(Answers {
        relevant: 200,
        yes: 129,
    });
    let exact = confidence(youth(), answers, Rounding::Exact, ConfidenceLevel::Eighty).unwrap();
    let whole = confidence(youth(), answers, Rounding::WholePercent, ConfidenceLevel::Eighty).unwrap();
    assert_eq!(exact.band, Rating::RequiresImprovement);
    assert_eq!(whole.band, Rating::Good);
}

#[test]
fn confidence_splits_the_chances_around_the_observed_band() {
    // 3 of 5 is 60%, Too few: the trainer's "ratings from five cases" example.
    let answers = Some(Answers { relevant: 5, yes: 3 });
    let c = confidence(youth(), answers, Rounding::Exact, ConfidenceLevel::Eighty).unwrap();
    assert_eq!(c.band, Rating::RequiresImprovement);
    assert_eq!(c.relevant, 5);
    assert_close(c.lower_band_probability(), 0.34375, 1e-12);
    assert_close(c.same_band_probability(), 0.30333515624999996, 1e-12);
    assert_close(
        c.higher_band_probability(),
        0.25403484375000007 + 0.09887999999999997,
        1e-12,
    );
    assert_eq!(c.level, ConfidenceLevel::Eighty);
}

#[test]
fn key_questions_without_relevant_cases_have_no_confidence_figures() {
    for answers in [
        None,
        Some(Answers { relevant: 0, yes: 0 }),
        Some(Answers { relevant: 2, yes: 3 }),
    ] {
        assert_eq!(
            confidence(youth(), answers, Rounding::Exact, ConfidenceLevel::Eighty),
            None
        );
    }
}

// ---- Properties ----

fn counts() -> impl Strategy<Value = (u32, u32)> {
    (1..=MAX_CASES).prop_flat_map(|relevant| (0..=relevant, Just(relevant)))
}

fn small_counts() -> impl Strategy<Value = (u32, u32)> {
    (1..=40u32).prop_flat_map(|relevant| (0..=relevant, Just(relevant)))
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![Just(Rounding::Exact), Just(Rounding::WholePercent)]
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn interval_is_within_0_and_1_and_contains_the_observed_figure(
        (yes, relevant) in prop_oneof![counts(), small_counts()],
    ) {
        let p = f64::from(yes) / f64::from(relevant);
        for level in ConfidenceLevel::ALL {
            let i = wilson_interval(yes, relevant, level).unwrap();
            prop_assert!(0.0 <= i.lower && i.lower <= p && p <= i.upper && i.upper <= 1.0,
                "{yes}/{relevant} at {}%: {i:?}", level.percent());
        }
    }

    #[test]
    fn the_95_percent_interval_is_wider_than_the_80_percent(
        (yes, relevant) in prop_oneof![counts(), small_counts()],
    ) {
        let eighty = wilson_interval(yes, relevant, ConfidenceLevel::Eighty).unwrap();
        let ninety_five = wilson_interval(yes, relevant, ConfidenceLevel::NinetyFive).unwrap();
        prop_assert!(ninety_five.lower <= eighty.lower && eighty.upper <= ninety_five.upper);
        prop_assert!(ninety_five.upper - ninety_five.lower > eighty.upper - eighty.lower);
    }

    #[test]
    fn band_probabilities_are_probabilities_summing_to_1(
        (yes, relevant) in prop_oneof![counts(), small_counts()],
        rounding in rounding(),
    ) {
        let p = band_probabilities(youth(), yes, relevant, rounding).unwrap();
        for value in p {
            prop_assert!((0.0..=1.0).contains(&value), "{p:?}");
        }
        prop_assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{p:?}");
    }

    /// Against the definition: for small whole parameters the incomplete beta function is
    /// a binomial tail, summed here term by term with exact binomial coefficients.
    #[test]
    fn incomplete_beta_is_the_binomial_tail(
        a in 1u32..=30, b in 1u32..=30, x in 0.001f64..0.999,
    ) {
        let n = a + b - 1;
        let choose = |k: u32| (0..k).fold(1.0f64, |c, i| c * f64::from(n - i) / f64::from(i + 1));
        let tail: f64 = (a..=n)
            .map(|k| choose(k) * x.powi(k as i32) * (1.0 - x).powi((n - k) as i32))
            .sum();
        let actual = regularized_incomplete_beta(x, a, b);
        prop_assert!((actual - tail).abs() < 1e-12, "I_{x}({a}, {b}) = {actual}, sum {tail}");
    }

    /// The observed figure's own band is the most likely one or close to it: the
    /// posterior mode yes/relevant always lies in it, so its band never has a zero chance.
    #[test]
    fn the_observed_band_has_a_positive_chance(
        (yes, relevant) in prop_oneof![counts(), small_counts()],
        rounding in rounding(),
    ) {
        let answers = Some(Answers { relevant, yes });
        let c = confidence(youth(), answers, rounding, ConfidenceLevel::Eighty).unwrap();
        prop_assert!(c.same_band_probability() > 0.0);
        let sum = c.lower_band_probability() + c.same_band_probability() + c.higher_band_probability();
        prop_assert!((sum - 1.0).abs() < 1e-9);
    }
}
