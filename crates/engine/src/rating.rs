//! The four-point rating scale and the rounding option of rule 1.1.

use std::fmt;

/// A rating on the inspectorate's four-point scale, lowest first.
///
/// A framework gives each level its label (the youth frameworks use these names:
/// `Inadequate`, `Requires improvement`, `Good`, `Outstanding`), its key-question band
/// and its score, so the rule code only ever compares levels.
///
/// ```
/// use yj_rating_engine::Rating;
/// assert!(Rating::Inadequate < Rating::Good);
/// assert_eq!(Rating::Good.raised(), Some(Rating::Outstanding));
/// assert_eq!(Rating::Inadequate.lowered(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Inadequate,
    RequiresImprovement,
    Good,
    Outstanding,
}

impl Rating {
    /// Every rating, lowest first.
    pub const ALL: [Rating; 4] = [
        Rating::Inadequate,
        Rating::RequiresImprovement,
        Rating::Good,
        Rating::Outstanding,
    ];

    /// Position on the scale: 0 for the lowest, 3 for the highest.
    ///
    /// ```
    /// assert_eq!(yj_rating_engine::Rating::Good.level(), 2);
    /// ```
    pub fn level(self) -> usize {
        self as usize
    }

    /// The rating at a position on the scale, if there is one.
    ///
    /// ```
    /// use yj_rating_engine::Rating;
    /// assert_eq!(Rating::from_level(1), Some(Rating::RequiresImprovement));
    /// assert_eq!(Rating::from_level(4), None);
    /// ```
    pub fn from_level(level: usize) -> Option<Rating> {
        Rating::ALL.get(level).copied()
    }

    /// One band higher, or `None` at the top.
    pub fn raised(self) -> Option<Rating> {
        Rating::from_level(self.level() + 1)
    }

    /// One band lower, or `None` at the bottom.
    pub fn lowered(self) -> Option<Rating> {
        self.level().checked_sub(1).and_then(Rating::from_level)
    }

    /// How many bands apart two ratings are.
    ///
    /// ```
    /// use yj_rating_engine::Rating;
    /// assert_eq!(Rating::Good.bands_from(Rating::Inadequate), 2);
    /// ```
    pub fn bands_from(self, other: Rating) -> usize {
        self.level().abs_diff(other.level())
    }
}

/// How a key question's percentage is read before banding (rule 1.1).
///
/// ```
/// use yj_rating_engine::Rounding;
/// assert_eq!(Rounding::default(), Rounding::Exact);
/// assert_eq!(Rounding::WholePercent.as_str(), "whole-percent");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Compare the exact fraction with the thresholds (the default).
    #[default]
    Exact,
    /// Round to a whole percentage, half up, then compare.
    WholePercent,
}

impl Rounding {
    /// The spelling used in scenario files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::Exact => "exact",
            Rounding::WholePercent => "whole-percent",
        }
    }

    /// Reads the spelling used in scenario files.
    ///
    /// ```
    /// use yj_rating_engine::Rounding;
    /// assert_eq!(Rounding::parse("exact"), Some(Rounding::Exact));
    /// assert_eq!(Rounding::parse("nearest"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Rounding> {
        match text {
            "exact" => Some(Rounding::Exact),
            "whole-percent" => Some(Rounding::WholePercent),
            _ => None,
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
