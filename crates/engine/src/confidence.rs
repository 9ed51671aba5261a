//! Sample confidence (issue #5): how sure a key question's band is, given how few cases
//! it rests on. Information only: nothing here takes part in a rating, and no band is
//! decided by the floating point below (the bands stay the exact ones of rule 1.1).
//!
//! Two figures per applicable key question:
//! - the Wilson score interval for the true proportion of Yes answers, at the 80%
//!   confidence level the inspectorate samples to (or 95%);
//! - the probability that the true proportion lies in each key-question band, from the
//!   Beta posterior `Beta(yes + 1, relevant - yes + 1)` of a uniform prior.
//!
//! **Band edges under rounding.** With exact banding (the default) a true proportion is
//! in a band when it is at least the band's `from_percent`. With
//! [`Rounding::WholePercent`] a percentage bands as its whole-percent rounding (half up),
//! so 64.5% already bands as 65%: each edge above 0 moves down half a point (49.5%,
//! 64.5%, 79.5% for youth). The band probabilities use the same edges as the
//! scenario's own banding, so the observed figure always falls in the band it is rated.

use crate::{Answers, Framework, Rating, Rounding};

/// The confidence level of an interval. 80% is the level the inspectorate samples to.
///
/// ```
/// use yj_rating_engine::ConfidenceLevel;
/// assert_eq!(ConfidenceLevel::default(), ConfidenceLevel::Eighty);
/// assert_eq!(ConfidenceLevel::NinetyFive.percent(), 95);
/// assert!(ConfidenceLevel::NinetyFive.z() > ConfidenceLevel::Eighty.z());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConfidenceLevel {
    /// 80%, two-sided (the default).
    #[default]
    Eighty,
    /// 95%, two-sided.
    NinetyFive,
}

impl ConfidenceLevel {
    /// Both levels, the default first.
    pub const ALL: [ConfidenceLevel; 2] = [ConfidenceLevel::Eighty, ConfidenceLevel::NinetyFive];

    /// The level in percent: 80 or 95.
    ///
    /// ```
    /// use yj_rating_engine::ConfidenceLevel;
    /// let percents = ConfidenceLevel::ALL.map(ConfidenceLevel::percent);
    /// assert_eq!(percents, [80, 95]);
    /// ```
    pub fn percent(self) -> u32 {
        match self {
            ConfidenceLevel::Eighty => 80,
            ConfidenceLevel::NinetyFive => 95,
        }
    }

    /// The standard normal quantile of a two-sided interval at this level.
    ///
    /// ```
    /// use yj_rating_engine::ConfidenceLevel;
    /// assert_eq!(ConfidenceLevel::Eighty.z(), 1.2815515655446004);
    /// ```
    pub fn z(self) -> f64 {
        match self {
            ConfidenceLevel::Eighty => 1.2815515655446004,
            ConfidenceLevel::NinetyFive => 1.959963984540054,
        }
    }

    /// The level from its percent, 80 or 95.
    ///
    /// ```
    /// use yj_rating_engine::ConfidenceLevel;
    /// assert_eq!(ConfidenceLevel::from_percent(95), Some(ConfidenceLevel::NinetyFive));
    /// assert_eq!(ConfidenceLevel::from_percent(90), None);
    /// ```
    pub fn from_percent(percent: u32) -> Option<ConfidenceLevel> {
        ConfidenceLevel::ALL.into_iter().find(|l| l.percent() == percent)
    }
}

/// An interval for a true proportion, as fractions from 0 to 1.
///
/// ```
/// use yj_rating_engine::{wilson_interval, ConfidenceLevel};
/// let interval = wilson_interval(0, 20, ConfidenceLevel::NinetyFive).unwrap();
/// assert_eq!(interval.lower, 0.0);
/// assert!((interval.upper - 0.1611).abs() < 0.00005); // Newcombe (1998), Table I
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The lower end.
    pub lower: f64,
    /// The upper end.
    pub upper: f64,
}

impl Interval {
    /// The lower end as a whole percentage (rounded to nearest), for display.
    ///
    /// ```
    /// use yj_rating_engine::Interval;
    /// let interval = Interval { lower: 0.4149, upper: 0.7851 };
    /// assert_eq!((interval.lower_percent(), interval.upper_percent()), (41, 79));
    /// ```
    pub fn lower_percent(self) -> u32 {
        whole_percent(self.lower)
    }

    /// The upper end as a whole percentage (rounded to nearest), for display.
    ///
    /// ```
    /// use yj_rating_engine::Interval;
    /// assert_eq!(Interval { lower: 0.0, upper: 0.995 }.upper_percent(), 100);
    /// ```
    pub fn upper_percent(self) -> u32 {
        whole_percent(self.upper)
    }
}

/// A fraction from 0 to 1 as a whole percentage, rounded to nearest.
fn whole_percent(fraction: f64) -> u32 {
    // In 0..=100 after the clamp, so the cast is exact.
    (fraction.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The Wilson score interval for `yes` of `relevant`, or `None` when there are no
/// relevant cases or more Yes answers than relevant cases.
///
/// ```
/// use yj_rating_engine::{wilson_interval, ConfidenceLevel};
/// // Newcombe (1998), Table I: 81 of 263 at 95% is 0.2553 to 0.3662.
/// let i = wilson_interval(81, 263, ConfidenceLevel::NinetyFive).unwrap();
/// assert_eq!((format!("{:.4}", i.lower), format!("{:.4}", i.upper)), ("0.2553".into(), "0.3662".into()));
/// assert!(wilson_interval(1, 0, ConfidenceLevel::Eighty).is_none());
/// ```
pub fn wilson_interval(yes: u32, relevant: u32, level: ConfidenceLevel) -> Option<Interval> {
    if relevant == 0 || yes > relevant {
        return None;
    }
    let n = f64::from(relevant);
    let p = f64::from(yes) / n;
    let z = level.z();
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half_width = z / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // The ends are exact at 0 and all Yes; elsewhere rounding cannot leave p outside.
    let lower = if yes == 0 {
        0.0
    } else {
        (centre - half_width).clamp(0.0, p)
    };
    let upper = if yes == relevant {
        1.0
    } else {
        (centre + half_width).clamp(p, 1.0)
    };
    Some(Interval { lower, upper })
}

/// The regularized incomplete beta function `I_x(a, b)` for whole-number `a, b >= 1`:
/// the cumulative distribution function of `Beta(a, b)` at `x`. `x` outside 0 to 1 is
/// clamped; `a` or `b` of 0 gives the limiting point mass (1 for `a = 0`, else 0).
///
/// For whole numbers, `I_x(a, b) = P(Binomial(a + b - 1, x) >= a)`, a finite sum. The
/// binomial terms are built by recurrence outwards from the mode (the largest term,
/// taken as 1, so nothing overflows and no factorial is needed) and the smaller tail is
/// divided by the total, which keeps both tails accurate to a few units in the last
/// place of their own size. The work is at most `a + b` steps.
///
/// ```
/// use yj_rating_engine::regularized_incomplete_beta as beta;
/// assert!((beta(0.5, 3, 3) - 0.5).abs() < 1e-15);
/// assert!((beta(0.3, 1, 1) - 0.3).abs() < 1e-15); // uniform
/// // scipy.special.betainc(3, 8, 0.2) = 0.3222004736
/// assert!((beta(0.2, 3, 8) - 0.3222004736).abs() < 1e-10);
/// ```
pub fn regularized_incomplete_beta(x: f64, a: u32, b: u32) -> f64 {
    if a == 0 {
        return 1.0;
    }
    if b == 0 {
        return 0.0;
    }
    let x = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
    if x == 0.0 {
        return 0.0;
    }
    if x == 1.0 {
        return 1.0;
    }
    // P(X >= a) for X ~ Binomial(n, x).
    let n = u64::from(a) + u64::from(b) - 1;
    let a = u64::from(a);
    let nf = n as f64;
    // The mode, floor((n + 1) x), is the largest term.
    let mode = (((nf + 1.0) * x).floor() as u64).min(n);
    let odds = x / (1.0 - x);
    // Sums of the terms below a ([0], lower) and from a up ([1], upper), each relative
    // to the mode's term.
    let mut sums = [0.0_f64; 2];
    let part = |k: u64| usize::from(k >= a);
    sums[part(mode)] += 1.0;
    // Upwards: t(k + 1) = t(k) (n - k) / (k + 1) x / (1 - x).
    let mut term = 1.0;
    let mut k = mode;
    while k < n {
        term *= (nf - k as f64) / (k as f64 + 1.0) * odds;
        k += 1;
        sums[part(k)] += term;
        // Stop once the terms no longer count in the sum they feed (k >= a: upper).
        if term == 0.0 || (k >= a && term < NEGLIGIBLE * sums[1]) {
            break;
        }
    }
    // Downwards: t(k - 1) = t(k) k / (n - k + 1) (1 - x) / x.
    let mut term = 1.0;
    let mut k = mode;
    while k > 0 {
        term *= k as f64 / (nf - k as f64 + 1.0) / odds;
        k -= 1;
        sums[part(k)] += term;
        if term == 0.0 || (k < a && term < NEGLIGIBLE * sums[0]) {
            break;
        }
    }
    let [lower, upper] = sums;
    let total = lower + upper;
    // The smaller part divided by the total, so tiny tails keep their precision.
    if upper <= lower {
        upper / total
    } else {
        1.0 - lower / total
    }
}

/// A term this much smaller than its sum no longer changes it.
const NEGLIGIBLE: f64 = f64::EPSILON * 1e-3;

/// The lower edges of a framework's four key-question bands as fractions, lowest band
/// first, as a true proportion is banded under `rounding` (see the module notes:
/// whole-percent rounding moves every edge above 0 down half a point).
///
/// ```
/// use yj_rating_engine::{band_edges, Framework, Rounding};
/// let youth = Framework::youth_2018();
/// assert_eq!(band_edges(youth, Rounding::Exact), [0.0, 0.50, 0.65, 0.80]);
/// assert_eq!(band_edges(youth, Rounding::WholePercent), [0.0, 0.495, 0.645, 0.795]);
/// ```
pub fn band_edges(framework: &Framework, rounding: Rounding) -> [f64; 4] {
    framework.key_question_bands.each_ref().map(|band| {
        let from = f64::from(band.from_percent);
        let percent = match rounding {
            Rounding::Exact => from,
            Rounding::WholePercent if band.from_percent == 0 => 0.0,
            Rounding::WholePercent => from - 0.5,
        };
        percent / 100.0
    })
}

/// The probability that the true proportion lies in each of the framework's four
/// key-question bands (lowest first), from the posterior
/// `Beta(yes + 1, relevant - yes + 1)` of a uniform prior; `None` when there are no
/// relevant cases or more Yes answers than relevant cases. Each is in 0 to 1 and they
/// sum to 1.
///
/// ```
/// use yj_rating_engine::{band_probabilities, Framework, Rounding};
/// let youth = Framework::youth_2018();
/// // 4 of 5 (80%, Large majority): a 34.5% chance the true figure is 80% or more.
/// let p = band_probabilities(youth, 4, 5, Rounding::Exact).unwrap();
/// assert!((p[3] - 0.344_640).abs() < 1e-6); // 1 - scipy.stats.beta.cdf(0.8, 5, 2)
/// assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// assert!(band_probabilities(youth, 0, 0, Rounding::Exact).is_none());
/// ```
pub fn band_probabilities(
    framework: &Framework,
    yes: u32,
    relevant: u32,
    rounding: Rounding,
) -> Option<[f64; 4]> {
    if relevant == 0 || yes > relevant {
        return None;
    }
    let (a, b) = (yes + 1, relevant - yes + 1);
    let edges = band_edges(framework, rounding);
    let cdf = |i: usize| -> f64 {
        match edges.get(i) {
            Some(&edge) => regularized_incomplete_beta(edge, a, b),
            None => 1.0,
        }
    };
    let mut probabilities = [0.0; 4];
    let mut below = 0.0_f64;
    for (i, probability) in probabilities.iter_mut().enumerate() {
        // Cumulative values are clamped to be non-decreasing, so each part is >= 0 and
        // the parts add up to exactly the last cumulative value, 1.
        let upto = cdf(i + 1).max(below);
        *probability = upto - below;
        below = upto;
    }
    Some(probabilities)
}

/// A key question's sample confidence: the interval at a level and the band
/// probabilities, with the band the observed figure is in.
///
/// ```
/// use yj_rating_engine::{confidence, Answers, ConfidenceLevel, Framework, Rating, Rounding};
/// let answers = Some(Answers { relevant: 5, yes: 4 }); // 80%, Large majority
/// let c = confidence(Framework::youth_2018(), answers, Rounding::Exact, ConfidenceLevel::Eighty).unwrap();
/// assert_eq!(c.band, Rating::Outstanding);
/// // 1 - scipy.stats.beta.cdf(0.8, 5, 2): the chance it really is 80% or more.
/// assert!((c.same_band_probability() - 0.34464).abs() < 1e-9);
/// assert!((c.lower_band_probability() - 0.65536).abs() < 1e-9);
/// assert_eq!(c.higher_band_probability(), 0.0); // no band above the top
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Confidence {
    /// The level of `interval`.
    pub level: ConfidenceLevel,
    /// Relevant cases the figures rest on.
    pub relevant: u32,
    /// The Wilson score interval for the true proportion.
    pub interval: Interval,
    /// The probability of each band, lowest first.
    pub band_probabilities: [f64; 4],
    /// The band of the observed figure (rule 1.1, as the scenario rounds).
    pub band: Rating,
}

impl Confidence {
    /// The probability that the true figure is in a band below the observed band.
    pub fn lower_band_probability(&self) -> f64 {
        self.band_probabilities[..self.band.level()].iter().sum()
    }

    /// The probability that the true figure is in the observed band.
    pub fn same_band_probability(&self) -> f64 {
        self.band_probabilities[self.band.level()]
    }

    /// The probability that the true figure is in a band above the observed band.
    pub fn higher_band_probability(&self) -> f64 {
        self.band_probabilities[self.band.level() + 1..].iter().sum()
    }
}

/// A key question's sample confidence, or `None` when it has no confidence figures:
/// not entered, 0 relevant cases (not applicable), or impossible counts.
///
/// ```
/// use yj_rating_engine::{confidence, Answers, ConfidenceLevel, Framework, Rating, Rounding};
/// let youth = Framework::youth_2018();
/// let answers = Answers { relevant: 5, yes: 3 }; // 60%, Too few
/// let c = confidence(youth, Some(answers), Rounding::Exact, ConfidenceLevel::Eighty).unwrap();
/// assert_eq!(c.band, Rating::RequiresImprovement);
/// assert_eq!((c.interval.lower_percent(), c.interval.upper_percent()), (33, 82));
/// assert!(c.lower_band_probability() > 0.3 && c.higher_band_probability() > 0.3);
/// let none = Answers { relevant: 0, yes: 0 };
/// assert!(confidence(youth, Some(none), Rounding::Exact, ConfidenceLevel::Eighty).is_none());
/// ```
pub fn confidence(
    framework: &Framework,
    answers: Option<Answers>,
    rounding: Rounding,
    level: ConfidenceLevel,
) -> Option<Confidence> {
    let Answers { relevant, yes } = answers?;
    let percentage = crate::Percentage::new(yes, relevant)?;
    Some(Confidence {
        level,
        relevant,
        interval: wilson_interval(yes, relevant, level)?,
        band_probabilities: band_probabilities(framework, yes, relevant, rounding)?,
        band: framework.band(percentage, rounding),
    })
}
