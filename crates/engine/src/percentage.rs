//! Exact key-question arithmetic (rule 1.1): the only place that decides whether a
//! percentage reaches a threshold. No floating point takes part in a decision.

use crate::Rounding;
use std::cmp::Ordering;
use std::fmt;

/// A key question's share of Yes answers among its relevant cases, kept as the exact
/// fraction `yes / relevant`.
///
/// ```
/// use yj_rating_engine::Percentage;
/// let p = Percentage::new(2, 3).unwrap();
/// assert_eq!(p.to_string(), "66.7%");
/// assert!(p.at_least(65, Default::default()));
/// assert!(Percentage::new(1, 0).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Percentage {
    yes: u32,
    relevant: u32,
}

impl Percentage {
    /// The percentage `yes / relevant`, or `None` when there are no relevant cases or
    /// more Yes answers than relevant cases.
    pub fn new(yes: u32, relevant: u32) -> Option<Percentage> {
        (relevant > 0 && yes <= relevant).then_some(Percentage { yes, relevant })
    }

    /// Number of Yes answers.
    pub fn yes(self) -> u32 {
        self.yes
    }

    /// Number of relevant cases.
    pub fn relevant(self) -> u32 {
        self.relevant
    }

    /// The value as read for banding: `(numerator, denominator)` of a percentage.
    /// Exact reading: `100 * yes / relevant`; whole-percent reading: the percentage
    /// rounded half up, over 1.
    fn reading(self, rounding: Rounding) -> (u64, u64) {
        let (yes, relevant) = (u64::from(self.yes), u64::from(self.relevant));
        match rounding {
            Rounding::Exact => (100 * yes, relevant),
            Rounding::WholePercent => ((200 * yes + relevant) / (2 * relevant), 1),
        }
    }

    /// Whether the percentage, read as `rounding` says, is at least `threshold` percent.
    ///
    /// ```
    /// use yj_rating_engine::{Percentage, Rounding};
    /// let p = Percentage::new(129, 200).unwrap(); // 64.5%
    /// assert!(!p.at_least(65, Rounding::Exact));
    /// assert!(p.at_least(65, Rounding::WholePercent)); // rounds half up to 65%
    /// ```
    pub fn at_least(self, threshold: u32, rounding: Rounding) -> bool {
        let (num, den) = self.reading(rounding);
        num >= u64::from(threshold) * den
    }

    /// Compares the percentage, read as `rounding` says, with another.
    pub fn cmp_read(self, other: Percentage, rounding: Rounding) -> Ordering {
        let (a, b) = (self.reading(rounding), other.reading(rounding));
        (u128::from(a.0) * u128::from(b.1)).cmp(&(u128::from(b.0) * u128::from(a.1)))
    }

    /// The distance from `boundary` percent, read as `rounding` says, in tenths of a
    /// percentage point rounded half up, and whether it is within `points` points.
    ///
    /// ```
    /// use yj_rating_engine::{Percentage, Rounding};
    /// let p = Percentage::new(6, 10).unwrap(); // 60%
    /// assert_eq!(p.distance_from(65, 5, Rounding::Exact), (50, true));
    /// assert_eq!(p.distance_from(50, 5, Rounding::Exact), (100, false));
    /// ```
    pub fn distance_from(self, boundary: u32, points: u32, rounding: Rounding) -> (u32, bool) {
        let (num, den) = self.reading(rounding);
        let gap = num.abs_diff(u64::from(boundary) * den);
        let within = gap <= u64::from(points) * den;
        (round_half_up(gap * 10, den), within)
    }

    /// The percentage to one decimal place, in tenths (rounded half up): 2/3 gives 667.
    pub fn tenths(self) -> u32 {
        round_half_up(1000 * u64::from(self.yes), u64::from(self.relevant))
    }

    /// The percentage as a number with one decimal place, for display and JSON.
    pub fn to_f64(self) -> f64 {
        f64::from(self.tenths()) / 10.0
    }
}

impl fmt::Display for Percentage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", crate::words::tenths(self.tenths()))
    }
}

fn round_half_up(num: u64, den: u64) -> u32 {
    u32::try_from((2 * num + den) / (2 * den)).unwrap_or(u32::MAX)
}

/// The fewest Yes answers out of `relevant` that reach `threshold` percent, read as
/// `rounding` says; `None` when even all of them do not.
///
/// ```
/// use yj_rating_engine::{min_yes_for, Rounding};
/// assert_eq!(min_yes_for(65, 8, Rounding::Exact), Some(6)); // 6/8 = 75%
/// assert_eq!(min_yes_for(80, 3, Rounding::Exact), Some(3));
/// assert_eq!(min_yes_for(0, 3, Rounding::Exact), Some(0));
/// ```
pub fn min_yes_for(threshold: u32, relevant: u32, rounding: Rounding) -> Option<u32> {
    let (t, r) = (u64::from(threshold), u64::from(relevant));
    let needed = match rounding {
        // yes * 100 >= t * r
        Rounding::Exact => (t * r).div_ceil(100),
        // round_half_up(100 yes / r) >= t  <=>  200 yes >= (2t - 1) r
        Rounding::WholePercent => (2 * t).saturating_sub(1).saturating_mul(r).div_ceil(200),
    };
    u32::try_from(needed).ok().filter(|&y| y <= relevant)
}
