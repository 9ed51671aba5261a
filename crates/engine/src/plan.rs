//! Planning a sample (issue 14): how many cases an inspection would look at, and the
//! margin of error of a sample of a given size.
//!
//! The reports' methodology annex says the court-disposal (domain two) sample "was set
//! to achieve a confidence level of 80 per cent (with a margin of error of 5)", and the
//! out-of-court (domain three) sample "so that the combined case sample size comprises
//! 60 per cent domain two cases and 40 per cent domain three". The choices the text
//! leaves open are made here, once, and stated in the rule book's "Planning a sample":
//!
//! - Domain two: the standard sample size for a proportion, `n0 = z² p (1 − p) / e²`
//!   with `z` of 80% two-sided, the worst case `p = 0.5` and `e = 0.05` (164.24), with
//!   the finite-population correction `n = n0 / (1 + (n0 − 1) / N)`, rounded up and
//!   never more than the `N` eligible cases. With 13 or fewer eligible cases every one
//!   is taken.
//! - Domain three: the court sample × 40 / 60, rounded up, capped by the eligible
//!   out-of-court cases; the court sample is not topped up when the cap bites. With no
//!   eligible court cases the split gives nothing, so domain three uses the domain-two
//!   formula on its own eligible cases.
//! - Margins of error: `z √(0.25 / n)` in percentage points, times `√((N − n) / (N − 1))`
//!   when the population `N` is known (0 when the whole population is sampled).
//!
//! ```
//! use yj_rating_engine::plan::plan_sample;
//! let torbay = plan_sample(4, 20);
//! assert_eq!((torbay.court_sample, torbay.out_of_court_sample), (4, 3));
//! let large = plan_sample(10_000_000, 10_000_000);
//! assert_eq!((large.court_sample, large.out_of_court_sample), (165, 110));
//! ```

use crate::words::plural;
use crate::ConfidenceLevel;
use serde_json::{json, Value};

/// The confidence level the domain-two sample is set to achieve: 80%.
pub const PLAN_CONFIDENCE: ConfidenceLevel = ConfidenceLevel::Eighty;
/// The margin of error the domain-two sample is set to achieve, in percentage points.
pub const MARGIN_OF_ERROR_POINTS: u32 = 5;
/// The proportion assumed when sizing a sample: 0.5, the worst case (widest margin).
pub const WORST_CASE_PROPORTION: f64 = 0.5;
/// Domain two's share of the combined case sample, in percent.
pub const COURT_SHARE_PERCENT: u32 = 60;
/// Domain three's share of the combined case sample, in percent.
pub const OUT_OF_COURT_SHARE_PERCENT: u32 = 100 - COURT_SHARE_PERCENT;
/// The domain of the youth frameworks whose cases are court disposals: its grid records
/// the domain-two sample.
pub const COURT_DOMAIN: &str = "2";
/// The domain of the youth frameworks whose cases are out-of-court disposals.
pub const OUT_OF_COURT_DOMAIN: &str = "3";
/// Slack below a whole number before rounding up, so float error in the correction
/// (one eligible case giving 1.0000000000000002) does not add a case.
const ROUNDING_SLACK: f64 = 1e-9;

/// The sample size for an infinite population: `z² p (1 − p) / e²` at
/// [`PLAN_CONFIDENCE`], [`WORST_CASE_PROPORTION`] and [`MARGIN_OF_ERROR_POINTS`].
///
/// ```
/// use yj_rating_engine::plan::infinite_population_sample;
/// let n0 = infinite_population_sample();
/// assert!((n0 - 164.2374).abs() < 0.0001);
/// ```
pub fn infinite_population_sample() -> f64 {
    let z = PLAN_CONFIDENCE.z();
    let e = f64::from(MARGIN_OF_ERROR_POINTS) / 100.0;
    z * z * WORST_CASE_PROPORTION * (1.0 - WORST_CASE_PROPORTION) / (e * e)
}

/// The finite-population correction `n0 / (1 + (n0 − 1) / N)` before rounding; `None`
/// for no eligible cases.
fn corrected(population: u32) -> Option<f64> {
    let n0 = infinite_population_sample();
    (population > 0).then(|| n0 / (1.0 + (n0 - 1.0) / f64::from(population)))
}

/// The sample for `population` eligible cases at 80% confidence and a margin of error
/// of 5 points: the finite-population correction of [`infinite_population_sample`],
/// rounded up, never more than `population` (0 for none).
///
/// ```
/// use yj_rating_engine::plan::sample_size;
/// let sizes = [0, 1, 2, 4, 13, 14, 100, 1000, u32::MAX].map(sample_size);
/// assert_eq!(sizes, [0, 1, 2, 4, 13, 13, 63, 142, 165]);
/// ```
pub fn sample_size(population: u32) -> u32 {
    corrected(population).map_or(0, |n| {
        // n is at least 1 and at most the population, so the cast is exact.
        ((n - ROUNDING_SLACK).ceil() as u32).clamp(1, population)
    })
}

/// Domain three's share for a domain-two sample: `court_sample × 40 / 60`, rounded up.
fn split_share(court_sample: u32) -> u32 {
    let share = (u64::from(court_sample) * u64::from(OUT_OF_COURT_SHARE_PERCENT))
        .div_ceil(u64::from(COURT_SHARE_PERCENT));
    u32::try_from(share).unwrap_or(u32::MAX)
}

/// How the domain-three sample was set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfCourtBasis {
    /// From the 60/40 split of the combined sample (capped by the eligible cases).
    Split,
    /// No eligible court cases: the 80%/5-point formula on the out-of-court cases alone.
    OwnPopulation,
}

impl OutOfCourtBasis {
    /// The basis as written in JSON: `split` or `own-population`.
    ///
    /// ```
    /// use yj_rating_engine::plan::OutOfCourtBasis;
    /// assert_eq!(OutOfCourtBasis::OwnPopulation.as_str(), "own-population");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            OutOfCourtBasis::Split => "split",
            OutOfCourtBasis::OwnPopulation => "own-population",
        }
    }
}

/// The sample an inspection would draw, with the working: built by [`plan_sample`].
///
/// ```
/// use yj_rating_engine::plan::{plan_sample, OutOfCourtBasis};
/// let plan = plan_sample(100, 10);
/// assert_eq!(plan.court_sample, 63);
/// assert_eq!(plan.split_requested, Some(42));
/// assert_eq!(plan.out_of_court_sample, 10); // all of them: capped
/// assert!(plan.capped);
/// assert_eq!(plan.out_of_court_basis, OutOfCourtBasis::Split);
/// assert_eq!(plan.total_sample(), 73);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SamplePlan {
    /// Eligible court disposals (domain two) in the period.
    pub eligible_court: u32,
    /// Eligible out-of-court disposals (domain three) in the period.
    pub eligible_out_of_court: u32,
    /// The sample size for an infinite population, before correction (164.24).
    pub infinite_population_sample: f64,
    /// The domain-two sample.
    pub court_sample: u32,
    /// The domain-three sample.
    pub out_of_court_sample: u32,
    /// How the domain-three sample was set.
    pub out_of_court_basis: OutOfCourtBasis,
    /// What the 60/40 split asks for before the cap (`None` when not split).
    pub split_requested: Option<u32>,
    /// Whether the split asked for more out-of-court cases than are eligible.
    pub capped: bool,
    /// The working in plain words, with the figures, in order.
    pub steps: Vec<String>,
}

impl SamplePlan {
    /// Both samples together.
    ///
    /// ```
    /// use yj_rating_engine::plan::plan_sample;
    /// assert_eq!(plan_sample(4, 3).total_sample(), 7);
    /// ```
    pub fn total_sample(&self) -> u64 {
        u64::from(self.court_sample) + u64::from(self.out_of_court_sample)
    }

    /// The margins of error of the domain-two sample within its eligible cases.
    ///
    /// ```
    /// use yj_rating_engine::plan::plan_sample;
    /// assert!(plan_sample(100, 0).court_margins().unwrap().eighty <= 5.0);
    /// assert!(plan_sample(0, 10).court_margins().is_none());
    /// ```
    pub fn court_margins(&self) -> Option<Margins> {
        margins(self.court_sample, Some(self.eligible_court))
    }

    /// The margins of error of the domain-three sample within its eligible cases.
    ///
    /// ```
    /// use yj_rating_engine::plan::plan_sample;
    /// let plan = plan_sample(0, 50); // 39 drawn from 50
    /// assert!(plan.out_of_court_margins().unwrap().eighty <= 5.0);
    /// ```
    pub fn out_of_court_margins(&self) -> Option<Margins> {
        margins(self.out_of_court_sample, Some(self.eligible_out_of_court))
    }

    /// The plan as JSON: the CLI's `plan --json` output and the page's scripting API
    /// share it. Fields: `confidence_percent` (80), `margin_of_error_points` (5),
    /// `worst_case_percent` (50), `court_share_percent` (60),
    /// `out_of_court_share_percent` (40), `infinite_population_sample` (164.24…),
    /// `court` (`eligible`, `sample`, `margin_80`, `margin_95`), `out_of_court` (the
    /// same, with `basis` `split` or `own-population`, `split_requested` and `capped`),
    /// `total_sample` and `steps` (strings). Margins are in percentage points, null
    /// for a sample of 0.
    ///
    /// ```
    /// use yj_rating_engine::plan::plan_sample;
    /// let json = plan_sample(4, 20).to_json();
    /// assert_eq!(json["court"]["sample"], 4);
    /// assert_eq!(json["court"]["margin_80"], 0.0); // every eligible case
    /// assert_eq!(json["out_of_court"]["sample"], 3);
    /// assert_eq!(json["out_of_court"]["basis"], "split");
    /// assert_eq!(json["total_sample"], 7);
    /// ```
    pub fn to_json(&self) -> Value {
        let margin = |m: Option<Margins>, level| m.map_or(Value::Null, |m| m.at(level).into());
        let (court, out) = (self.court_margins(), self.out_of_court_margins());
        json!({
            "confidence_percent": PLAN_CONFIDENCE.percent(),
            "margin_of_error_points": MARGIN_OF_ERROR_POINTS,
            "worst_case_percent": WORST_CASE_PROPORTION * 100.0,
            "court_share_percent": COURT_SHARE_PERCENT,
            "out_of_court_share_percent": OUT_OF_COURT_SHARE_PERCENT,
            "infinite_population_sample": self.infinite_population_sample,
            "court": {
                "eligible": self.eligible_court,
                "sample": self.court_sample,
                "margin_80": margin(court, ConfidenceLevel::Eighty),
                "margin_95": margin(court, ConfidenceLevel::NinetyFive),
            },
            "out_of_court": {
                "eligible": self.eligible_out_of_court,
                "sample": self.out_of_court_sample,
                "basis": self.out_of_court_basis.as_str(),
                "split_requested": self.split_requested,
                "capped": self.capped,
                "margin_80": margin(out, ConfidenceLevel::Eighty),
                "margin_95": margin(out, ConfidenceLevel::NinetyFive),
            },
            "total_sample": self.total_sample(),
            "steps": self.steps,
        })
    }
}

/// Plans the sample for `eligible_court` court and `eligible_out_of_court` out-of-court
/// disposals (see the module notes for the rules), with the working step by step.
///
/// ```
/// use yj_rating_engine::plan::{plan_sample, OutOfCourtBasis};
/// let plan = plan_sample(100, 50);
/// assert_eq!((plan.court_sample, plan.out_of_court_sample), (63, 42));
/// assert_eq!(plan.steps[1], "Finite-population correction for 100 eligible court cases: \
///     164.24 / (1 + 163.24 / 100) = 62.39, rounded up to 63.");
/// let none_in_court = plan_sample(0, 50);
/// assert_eq!(none_in_court.out_of_court_basis, OutOfCourtBasis::OwnPopulation);
/// assert_eq!(none_in_court.out_of_court_sample, 39);
/// ```
pub fn plan_sample(eligible_court: u32, eligible_out_of_court: u32) -> SamplePlan {
    let n0 = infinite_population_sample();
    let mut steps = vec![infinite_step(n0)];
    let court_sample = sample_size(eligible_court);
    steps.push(correction_step(eligible_court, "court"));
    let (out_of_court_sample, basis, split_requested, capped);
    if eligible_court == 0 {
        out_of_court_sample = sample_size(eligible_out_of_court);
        (basis, split_requested, capped) = (OutOfCourtBasis::OwnPopulation, None, false);
        steps.push(format!(
            "Domain three: with no eligible court cases the {COURT_SHARE_PERCENT}/{OUT_OF_COURT_SHARE_PERCENT} \
             split gives nothing, so the out-of-court sample uses the same formula on its own."
        ));
        steps.push(correction_step(eligible_out_of_court, "out-of-court"));
    } else {
        let requested = split_share(court_sample);
        out_of_court_sample = requested.min(eligible_out_of_court);
        (basis, split_requested, capped) = (
            OutOfCourtBasis::Split,
            Some(requested),
            requested > out_of_court_sample,
        );
        steps.push(split_step(court_sample, requested, eligible_out_of_court));
    }
    let mut plan = SamplePlan {
        eligible_court,
        eligible_out_of_court,
        infinite_population_sample: n0,
        court_sample,
        out_of_court_sample,
        out_of_court_basis: basis,
        split_requested,
        capped,
        steps,
    };
    plan.steps.push(format!(
        "Combined sample: {court_sample} court + {out_of_court_sample} out-of-court = {} case{}.",
        plan.total_sample(),
        plural(u32::try_from(plan.total_sample()).unwrap_or(u32::MAX))
    ));
    plan.steps.push(margins_step(
        plan.court_margins(),
        court_sample,
        eligible_court,
        "court",
    ));
    plan.steps.push(margins_step(
        plan.out_of_court_margins(),
        out_of_court_sample,
        eligible_out_of_court,
        "out-of-court",
    ));
    plan
}

/// "Infinite-population sample: 1.2816² × 0.5 × 0.5 / 0.05² = 164.24 (…)."
fn infinite_step(n0: f64) -> String {
    let p = decimals(WORST_CASE_PROPORTION, 1);
    let q = decimals(1.0 - WORST_CASE_PROPORTION, 1);
    format!(
        "Infinite-population sample: {}² × {p} × {q} / {}² = {} ({}% confidence, margin of error \
         {MARGIN_OF_ERROR_POINTS} points, worst case {}%).",
        decimals(PLAN_CONFIDENCE.z(), 4),
        decimals(f64::from(MARGIN_OF_ERROR_POINTS) / 100.0, 2),
        decimals(n0, 2),
        PLAN_CONFIDENCE.percent(),
        decimals(WORST_CASE_PROPORTION * 100.0, 0),
    )
}

/// The finite-population correction for `population` eligible `kind` cases, in words.
fn correction_step(population: u32, kind: &str) -> String {
    let Some(n) = corrected(population) else {
        return format!("There are no eligible {kind} cases, so the {kind} sample is 0.");
    };
    let n0 = infinite_population_sample();
    let sample = sample_size(population);
    let rounded = if (n - f64::from(sample)).abs() < ROUNDING_SLACK {
        format!("so {sample}")
    } else {
        format!("rounded up to {sample}")
    };
    let all = if sample == population {
        format!(": every eligible {kind} case")
    } else {
        String::new()
    };
    format!(
        "Finite-population correction for {population} eligible {kind} case{}: {} / (1 + {} / {population}) \
         = {}, {rounded}{all}.",
        plural(population),
        decimals(n0, 2),
        decimals(n0 - 1.0, 2),
        decimals(n, 2),
    )
}

/// The 60/40 split in words: what it asks for and the cap.
fn split_step(court_sample: u32, requested: u32, eligible: u32) -> String {
    let numerator = u64::from(court_sample) * u64::from(OUT_OF_COURT_SHARE_PERCENT);
    let exact = numerator % u64::from(COURT_SHARE_PERCENT) == 0;
    let quotient = numerator as f64 / f64::from(COURT_SHARE_PERCENT);
    let asked = if exact {
        format!("{requested}")
    } else {
        format!("{}, rounded up to {requested}", decimals(quotient, 2))
    };
    let outcome = if requested <= eligible {
        format!(
            "{requested} out-of-court case{} of the {eligible} eligible",
            plural(requested)
        )
    } else if eligible == 0 {
        "but no out-of-court cases are eligible, so the out-of-court sample is 0; the court sample is not \
         topped up"
            .to_owned()
    } else {
        format!(
            "but only {eligible} out-of-court case{} {} eligible, so the sample is capped at all {eligible}; \
             the court sample is not topped up",
            plural(eligible),
            if eligible == 1 { "is" } else { "are" }
        )
    };
    format!(
        "Domain three ({COURT_SHARE_PERCENT}% court, {OUT_OF_COURT_SHARE_PERCENT}% out-of-court): \
         {court_sample} × {OUT_OF_COURT_SHARE_PERCENT} / {COURT_SHARE_PERCENT} = {asked}: {outcome}."
    )
}

/// A domain sample's margins of error, in words.
fn margins_step(margins: Option<Margins>, sample: u32, eligible: u32, kind: &str) -> String {
    match margins {
        None => format!("No {kind} cases are sampled, so the {kind} findings have no margin of error."),
        Some(m) => format!(
            "Margin of error of {sample} of {eligible} {kind} case{}: ±{} points at 80% confidence, \
             ±{} points at 95%.",
            plural(eligible),
            points_text(m.eighty),
            points_text(m.ninety_five),
        ),
    }
}

/// The margin of error, in percentage points, of a sample of `sample` cases at `level`
/// for the worst-case proportion: `z √(0.25 / n)`, times the finite-population factor
/// `√((N − n) / (N − 1))` when the `population` is known. 0 when the whole population is
/// sampled; `None` for a sample of 0 or one larger than the population.
///
/// ```
/// use yj_rating_engine::{plan::margin_of_error, ConfidenceLevel::*};
/// let infinite = margin_of_error(165, None, Eighty).unwrap();
/// assert!(infinite < 5.0 && infinite > 4.98);
/// assert!((margin_of_error(100, None, NinetyFive).unwrap() - 9.8).abs() < 0.001);
/// assert_eq!(margin_of_error(4, Some(4), Eighty), Some(0.0));
/// assert_eq!(margin_of_error(0, None, Eighty), None);
/// assert_eq!(margin_of_error(5, Some(4), Eighty), None);
/// ```
pub fn margin_of_error(sample: u32, population: Option<u32>, level: ConfidenceLevel) -> Option<f64> {
    if sample == 0 {
        return None;
    }
    let n = f64::from(sample);
    let spread = WORST_CASE_PROPORTION * (1.0 - WORST_CASE_PROPORTION);
    let infinite = level.z() * (spread / n).sqrt() * 100.0;
    match population {
        None => Some(infinite),
        Some(population) if sample > population => None,
        Some(population) if sample == population => Some(0.0),
        // population > sample >= 1, so population - 1 >= 1.
        Some(population) => {
            let big_n = f64::from(population);
            Some(infinite * ((big_n - n) / (big_n - 1.0)).sqrt())
        }
    }
}

/// A sample's margins of error at 80% and 95%, in percentage points: built by
/// [`margins`].
///
/// ```
/// use yj_rating_engine::{plan::margins, ConfidenceLevel};
/// let m = margins(63, Some(100)).unwrap();
/// assert!(m.eighty < 5.0 && m.ninety_five > m.eighty);
/// assert_eq!(m.at(ConfidenceLevel::NinetyFive), m.ninety_five);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    /// The sample size.
    pub sample: u32,
    /// The population it is drawn from, when known.
    pub population: Option<u32>,
    /// The margin of error at 80% confidence.
    pub eighty: f64,
    /// The margin of error at 95% confidence.
    pub ninety_five: f64,
}

impl Margins {
    /// The margin at `level`.
    pub fn at(&self, level: ConfidenceLevel) -> f64 {
        match level {
            ConfidenceLevel::Eighty => self.eighty,
            ConfidenceLevel::NinetyFive => self.ninety_five,
        }
    }

    /// The margins as JSON: `sample`, `population` (null when not known), `margin_80`
    /// and `margin_95` in percentage points. The CLI's `plan --margin --json` output.
    ///
    /// ```
    /// use yj_rating_engine::plan::margins;
    /// let json = margins(10, None).unwrap().to_json();
    /// assert_eq!(json["population"], serde_json::Value::Null);
    /// assert!(json["margin_95"].as_f64().unwrap() > json["margin_80"].as_f64().unwrap());
    /// ```
    pub fn to_json(&self) -> Value {
        json!({
            "sample": self.sample,
            "population": self.population,
            "margin_80": self.eighty,
            "margin_95": self.ninety_five,
        })
    }
}

/// The margins of error of a sample at 80% and 95% (see [`margin_of_error`]); `None`
/// for a sample of 0 or one larger than the population.
///
/// ```
/// use yj_rating_engine::plan::{margins, points_text};
/// let m = margins(4, None).unwrap();
/// assert_eq!((points_text(m.eighty), points_text(m.ninety_five)), ("32.0".into(), "49.0".into()));
/// assert!(margins(0, Some(3)).is_none());
/// ```
pub fn margins(sample: u32, population: Option<u32>) -> Option<Margins> {
    Some(Margins {
        sample,
        population,
        eighty: margin_of_error(sample, population, ConfidenceLevel::Eighty)?,
        ninety_five: margin_of_error(sample, population, ConfidenceLevel::NinetyFive)?,
    })
}

/// A margin of error in percentage points to one decimal place, for display: `4.9`.
///
/// ```
/// use yj_rating_engine::plan::points_text;
/// assert_eq!(points_text(4.93), "4.9");
/// assert_eq!(points_text(0.0), "0.0");
/// ```
pub fn points_text(points: f64) -> String {
    decimals(points, 1)
}

/// A non-negative figure to `places` decimal places, rounded to nearest. Integer
/// formatting keeps float formatting out of the wasm.
fn decimals(value: f64, places: u32) -> String {
    let scale = 10_u64.pow(places);
    // Saturating cast: every figure here is far below u64::MAX / 10^4.
    let scaled = (value.max(0.0) * scale as f64).round() as u64;
    if places == 0 {
        return scaled.to_string();
    }
    format!(
        "{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = places as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hand_worked_court_samples() {
        let cases = [
            (0, 0),
            (1, 1),
            (2, 2),
            (3, 3),
            (4, 4),
            (13, 13),
            (14, 13),
            (100, 63),
            (1000, 142),
            (1_000_000, 165),
            (u32::MAX, 165),
        ];
        for (population, sample) in cases {
            assert_eq!(sample_size(population), sample, "{population} eligible");
        }
    }

    #[test]
    fn the_infinite_population_sample_is_164_24_so_165() {
        let n0 = infinite_population_sample();
        assert_eq!(decimals(n0, 2), "164.24");
        assert_eq!(n0.ceil(), 165.0);
    }

    #[test]
    fn every_case_is_taken_up_to_13_eligible_and_not_from_14() {
        // n < N exactly when (N − 1)² ≥ n0 = 164.24, i.e. N ≥ 14.
        for population in 1..=13 {
            assert_eq!(sample_size(population), population);
        }
        for population in 14..=2000 {
            assert!(sample_size(population) < population, "{population}");
        }
    }

    #[test]
    fn torbay_4_court_cases_come_only_from_4_eligible_and_give_3_out_of_court() {
        let fours: Vec<u32> = (0..=1000).filter(|&n| sample_size(n) == 4).collect();
        assert_eq!(fours, [4]);
        let torbay = plan_sample(4, 3);
        assert_eq!((torbay.court_sample, torbay.out_of_court_sample), (4, 3));
        assert_eq!(torbay.split_requested, Some(3));
        assert!(!torbay.capped);
        assert_eq!(
            torbay.steps[2],
            "Domain three (60% court, 40% out-of-court): 4 × 40 / 60 = 2.67, rounded up to 3: \
             3 out-of-court cases of the 3 eligible."
        );
    }

    #[test]
    fn the_split_rounds_up_in_whole_numbers() {
        let shares: Vec<u32> = (0..=6).map(split_share).collect();
        assert_eq!(shares, [0, 1, 2, 2, 3, 4, 4]);
        assert_eq!(split_share(63), 42);
        assert_eq!(split_share(165), 110);
        assert_eq!(split_share(u32::MAX), 2_863_311_530);
    }

    #[test]
    fn the_working_of_100_court_and_50_out_of_court() {
        let plan = plan_sample(100, 50);
        assert_eq!(
            plan.steps,
            [
                "Infinite-population sample: 1.2816² × 0.5 × 0.5 / 0.05² = 164.24 (80% confidence, \
                 margin of error 5 points, worst case 50%).",
                "Finite-population correction for 100 eligible court cases: 164.24 / (1 + 163.24 / 100) \
                 = 62.39, rounded up to 63.",
                "Domain three (60% court, 40% out-of-court): 63 × 40 / 60 = 42: 42 out-of-court cases \
                 of the 50 eligible.",
                "Combined sample: 63 court + 42 out-of-court = 105 cases.",
                "Margin of error of 63 of 100 court cases: ±4.9 points at 80% confidence, ±7.5 points \
                 at 95%.",
                "Margin of error of 42 of 50 out-of-court cases: ±4.0 points at 80% confidence, ±6.1 \
                 points at 95%.",
            ]
        );
    }

    #[test]
    fn the_cap_takes_every_out_of_court_case_and_does_not_top_up() {
        let plan = plan_sample(100, 10);
        assert_eq!((plan.court_sample, plan.out_of_court_sample), (63, 10));
        assert_eq!(plan.split_requested, Some(42));
        assert!(plan.capped);
        assert!(plan.steps[2].ends_with(
            "= 42: but only 10 out-of-court cases are eligible, so the sample is capped at all 10; \
             the court sample is not topped up."
        ));
        assert_eq!(plan.out_of_court_margins().map(|m| m.eighty), Some(0.0));
        let one = plan_sample(100, 1);
        assert!(one.steps[2].contains("but only 1 out-of-court case is eligible"));
        let none = plan_sample(100, 0);
        assert_eq!((none.out_of_court_sample, none.capped), (0, true));
        assert!(none.steps[2].contains("no out-of-court cases are eligible"));
        assert_eq!(
            none.steps[5],
            "No out-of-court cases are sampled, so the out-of-court findings have no margin of error."
        );
        assert_eq!(none.to_json()["out_of_court"]["margin_80"], Value::Null);
    }

    #[test]
    fn no_court_cases_sizes_domain_three_on_its_own() {
        let plan = plan_sample(0, 50);
        assert_eq!(plan.court_sample, 0);
        assert_eq!(plan.out_of_court_sample, 39); // 164.24 / (1 + 163.24 / 50) = 38.51
        assert_eq!(plan.out_of_court_basis, OutOfCourtBasis::OwnPopulation);
        assert_eq!((plan.split_requested, plan.capped), (None, false));
        assert_eq!(
            plan.steps[1],
            "There are no eligible court cases, so the court sample is 0."
        );
        assert!(plan.steps[3].contains("= 38.51, rounded up to 39."));
        let empty = plan_sample(0, 0);
        assert_eq!(
            (
                empty.court_sample,
                empty.out_of_court_sample,
                empty.total_sample()
            ),
            (0, 0, 0)
        );
        assert_eq!(
            empty.steps[4],
            "Combined sample: 0 court + 0 out-of-court = 0 cases."
        );
    }

    #[test]
    fn one_eligible_case_is_one_without_float_error() {
        let plan = plan_sample(1, 1);
        assert_eq!((plan.court_sample, plan.out_of_court_sample), (1, 1));
        assert_eq!(
            plan.steps[1],
            "Finite-population correction for 1 eligible court case: 164.24 / (1 + 163.24 / 1) = 1.00, \
             so 1: every eligible court case."
        );
    }

    #[test]
    fn the_largest_populations_do_not_overflow() {
        let plan = plan_sample(u32::MAX, u32::MAX);
        assert_eq!(
            (plan.court_sample, plan.out_of_court_sample, plan.total_sample()),
            (165, 110, 275)
        );
        let json = plan.to_json();
        assert_eq!(json["court"]["eligible"], u32::MAX);
        assert!(plan.steps[1].contains(&format!("/ {})", u32::MAX)));
        let own = plan_sample(0, u32::MAX);
        assert_eq!(own.out_of_court_sample, 165);
        assert!(margin_of_error(u32::MAX, Some(u32::MAX), ConfidenceLevel::Eighty) == Some(0.0));
        assert!(margin_of_error(u32::MAX - 1, Some(u32::MAX), ConfidenceLevel::NinetyFive).is_some());
    }

    #[test]
    fn margins_hand_worked() {
        let at = |n, population, level| margin_of_error(n, population, level).map(|m| decimals(m, 2));
        use ConfidenceLevel::*;
        // 1.2816 × √(0.25 / 1) × 100 = 64.08; 1.96 × 0.5 × 100 = 98.00.
        assert_eq!(at(1, None, Eighty).as_deref(), Some("64.08"));
        assert_eq!(at(1, None, NinetyFive).as_deref(), Some("98.00"));
        // 63 of 100: 1.2816 × 0.0630 × √(37 / 99) × 100 = 4.94.
        assert_eq!(at(63, Some(100), Eighty).as_deref(), Some("4.94"));
        // 1 of 2: 64.08 × √(1 / 1) = 64.08.
        assert_eq!(at(1, Some(2), Eighty).as_deref(), Some("64.08"));
        assert_eq!(at(1, Some(1), Eighty).as_deref(), Some("0.00"));
        assert_eq!(at(0, Some(0), Eighty), None);
        assert_eq!(at(2, Some(1), Eighty), None);
        let m = margins(3, Some(7)).unwrap();
        assert_eq!(m.to_json()["population"], 7);
    }

    #[test]
    fn the_plan_json_names_every_figure() {
        let json = plan_sample(100, 10).to_json();
        assert_eq!(json["confidence_percent"], 80);
        assert_eq!(json["margin_of_error_points"], 5);
        assert_eq!(json["worst_case_percent"], 50.0);
        assert_eq!(json["court_share_percent"], 60);
        assert_eq!(json["out_of_court_share_percent"], 40);
        assert_eq!(json["court"]["eligible"], 100);
        assert_eq!(json["court"]["sample"], 63);
        assert_eq!(json["out_of_court"]["split_requested"], 42);
        assert_eq!(json["out_of_court"]["capped"], true);
        assert_eq!(json["total_sample"], 73);
        assert_eq!(json["steps"].as_array().map(Vec::len), Some(6));
        let n0 = json["infinite_population_sample"].as_f64().unwrap();
        assert_eq!(decimals(n0, 2), "164.24");
        let court_80 = json["court"]["margin_80"].as_f64().unwrap();
        assert!(court_80 > 4.9 && court_80 < 5.0);
        assert_eq!(
            plan_sample(0, 3).to_json()["out_of_court"]["split_requested"],
            Value::Null
        );
    }

    #[test]
    fn decimals_rounds_with_integers() {
        assert_eq!(decimals(164.2374, 2), "164.24");
        assert_eq!(decimals(1.2815515655446004, 4), "1.2816");
        assert_eq!(decimals(0.05, 2), "0.05");
        assert_eq!(decimals(50.0, 0), "50");
        assert_eq!(decimals(2.995, 1), "3.0");
    }

    proptest! {
        #[test]
        fn court_sample_is_monotone_and_bounded(population in 0u32..=u32::MAX, step in 0u32..1000) {
            let sample = sample_size(population);
            prop_assert!(sample <= population);
            prop_assert!(sample <= 165);
            prop_assert!(population == 0 || sample >= 1);
            let larger = population.saturating_add(step);
            prop_assert!(sample_size(larger) >= sample);
        }

        #[test]
        fn small_populations_are_monotone_step_by_step(population in 0u32..5000) {
            prop_assert!(sample_size(population + 1) >= sample_size(population));
            prop_assert!(sample_size(population + 1) <= sample_size(population) + 1);
        }

        #[test]
        fn the_planned_court_sample_meets_the_margin(population in 1u32..=u32::MAX) {
            let sample = sample_size(population);
            let margin = margin_of_error(sample, Some(population), PLAN_CONFIDENCE).unwrap();
            prop_assert!(margin <= f64::from(MARGIN_OF_ERROR_POINTS) + 1e-9, "{margin}");
            // And one case fewer would not (where there is one fewer to take).
            if sample > 1 {
                let fewer = margin_of_error(sample - 1, Some(population), PLAN_CONFIDENCE).unwrap();
                prop_assert!(fewer > f64::from(MARGIN_OF_ERROR_POINTS) - 1e-9, "{fewer}");
            }
        }

        #[test]
        fn domain_three_never_exceeds_its_eligible_cases(court in 0u32..=u32::MAX, out in 0u32..=u32::MAX) {
            let plan = plan_sample(court, out);
            prop_assert!(plan.out_of_court_sample <= out);
            prop_assert!(plan.court_sample <= court);
            prop_assert_eq!(plan.capped, plan.split_requested.is_some_and(|r| r > out));
            if court > 0 {
                // 40/60 of the court sample, rounded up, unless capped.
                let requested = plan.split_requested.unwrap();
                prop_assert!(u64::from(requested) * 60 >= u64::from(plan.court_sample) * 40);
                prop_assert!(u64::from(requested) * 60 < u64::from(plan.court_sample) * 40 + 60);
            } else {
                prop_assert_eq!(plan.out_of_court_sample, sample_size(out));
            }
        }

        #[test]
        fn margins_shrink_as_the_sample_grows(
            sample in 1u32..100_000,
            extra in 1u32..1000,
            population in proptest::option::of(200_000u32..=u32::MAX),
        ) {
            for level in ConfidenceLevel::ALL {
                let smaller = margin_of_error(sample, population, level).unwrap();
                let larger = margin_of_error(sample + extra, population, level).unwrap();
                prop_assert!(larger < smaller);
            }
            let m = margins(sample, population).unwrap();
            prop_assert!(m.ninety_five > m.eighty);
        }

        #[test]
        fn margin_is_zero_for_the_whole_population(population in 1u32..=u32::MAX) {
            prop_assert_eq!(margin_of_error(population, Some(population), PLAN_CONFIDENCE), Some(0.0));
            if let Some(more) = population.checked_add(1) {
                prop_assert_eq!(margin_of_error(more, Some(population), PLAN_CONFIDENCE), None);
            }
        }
    }
}
