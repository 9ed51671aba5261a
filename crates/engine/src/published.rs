//! Published inspections: the overall score and rating of the newest published youth
//! justice inspection of each service (October 2021 to February 2025), embedded at build
//! time from `data/published-youth-inspections-2021-2025.tsv`, and where a score sits
//! among them.
//!
//! ```
//! use yj_rating_engine::published::{inspections, place};
//! let torbay = place(inspections(), 16, 16);
//! assert_eq!((torbay.lower, torbay.within, torbay.higher), (18, 3, 60));
//! ```

use crate::{Error, Framework, Problem, Rating};
use std::sync::OnceLock;

/// Where the figures come from, to cite wherever they are shown.
pub const SOURCE: &str = "HM Inspectorate of Probation's youth justice inspection reports, October 2021 \
     to February 2025, as collected by the data-to-insight project";

/// The highest overall score of the frameworks the published inspections were rated under.
pub const OUT_OF: u32 = 36;

const TSV: &str = include_str!("../data/published-youth-inspections-2021-2025.tsv");
const COLUMNS: [&str; 5] = ["service", "published", "score", "rating", "note"];

/// One service's newest published inspection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedInspection {
    /// The service, e.g. `Torbay`.
    pub service: String,
    /// Year and month of the report, e.g. `2022-06`.
    pub published: String,
    /// The overall score out of 36.
    pub score: u32,
    /// The overall rating as read from the source; `None` where it could not be read.
    pub rating: Option<Rating>,
    /// What is doubtful about this row, as the source data says; shown, never corrected.
    pub note: Option<String>,
}

/// The published inspections, newest first, as embedded at build time.
///
/// ```
/// let all = yj_rating_engine::published::inspections();
/// assert_eq!(all.len(), 81);
/// assert_eq!(all.iter().filter(|i| i.note.is_some()).count(), 2);
/// ```
pub fn inspections() -> &'static [PublishedInspection] {
    static INSPECTIONS: OnceLock<Vec<PublishedInspection>> = OnceLock::new();
    // The embedded file is checked by this module's tests, so it always reads.
    INSPECTIONS.get_or_init(|| read(TSV).unwrap_or_default())
}

/// Reads the published inspections' table: a header of `service`, `published`, `score`,
/// `rating` and `note`, then one tab-separated row per service.
///
/// # Errors
/// Every row that does not read, by line, e.g. `line 3.score: must be a whole number
/// from 0 to 36, found "x"`.
///
/// ```
/// use yj_rating_engine::published::read;
/// let rows = read("service\tpublished\tscore\trating\tnote\nTorbay\t2021-02\t16\tRequires improvement\t\n").unwrap();
/// assert_eq!(rows[0].score, 16);
/// assert!(read("service\tpublished\tscore\trating\tnote\nTorbay\t2021-02\t37\tGood\t\n").is_err());
/// ```
pub fn read(tsv: &str) -> Result<Vec<PublishedInspection>, Error> {
    let mut lines = tsv.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').collect())
        .unwrap_or_default();
    if header != COLUMNS {
        return Err(Error::one(
            "line 1",
            format!("the columns must be {}", COLUMNS.join(", ")),
        ));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        match read_row(line) {
            Ok(row) => rows.push(row),
            Err((column, message)) => {
                problems.push(Problem::new(format!("line {}.{column}", index + 1), message))
            }
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Error::new(problems))
    }
}

fn read_row(line: &str) -> Result<PublishedInspection, (&'static str, String)> {
    let cells: Vec<&str> = line.split('\t').collect();
    let [service, published, score, rating, note] = cells[..] else {
        return Err((
            "columns",
            format!("must have {} columns, found {}", COLUMNS.len(), cells.len()),
        ));
    };
    let score = score
        .parse::<u32>()
        .ok()
        .filter(|&s| s <= OUT_OF)
        .ok_or_else(|| {
            (
                "score",
                format!("must be a whole number from 0 to {OUT_OF}, found \"{score}\""),
            )
        })?;
    let labels = Framework::youth_2018();
    let rating = match rating {
        "" => None,
        label => Some(labels.rating_named(label).ok_or_else(|| {
            (
                "rating",
                format!("must be one of {}, found \"{label}\"", labels.labels_list()),
            )
        })?),
    };
    let note = (!note.trim().is_empty()).then(|| note.trim().to_owned());
    if rating.is_none() && note.is_none() {
        return Err((
            "note",
            "a row without a rating must say why in its note".to_owned(),
        ));
    }
    Ok(PublishedInspection {
        service: service.trim().to_owned(),
        published: published.trim().to_owned(),
        score,
        rating,
        note,
    })
}

/// Whether a framework's scores can be placed among the published inspections: only the
/// built-in youth frameworks, whose overall scores run from 0 to 36 as the reports' did.
///
/// ```
/// use yj_rating_engine::{published, Framework};
/// assert!(published::applies_to(Framework::youth_2021()));
/// let mut training = Framework::youth_2018().clone();
/// training.id = "training".into();
/// assert!(!published::applies_to(&training));
/// ```
pub fn applies_to(framework: &Framework) -> bool {
    framework.is_builtin() && framework.max_score() == OUT_OF
}

/// Where a score, or the range a partial scenario can still reach, sits among published
/// inspections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The lowest score still reachable (the score, once every standard is rated).
    pub lowest: u32,
    /// The highest score still reachable.
    pub highest: u32,
    /// How many published inspections scored below `lowest`.
    pub lower: usize,
    /// How many scored from `lowest` to `highest` (the same score, once complete).
    pub within: usize,
    /// How many scored below `highest`: the most that could end up below this scenario.
    pub lower_at_most: usize,
    /// How many scored above `highest`.
    pub higher: usize,
}

impl Placement {
    /// How many published inspections were placed against.
    ///
    /// ```
    /// use yj_rating_engine::published::{inspections, place};
    /// assert_eq!(place(inspections(), 0, 36).total(), 81);
    /// ```
    pub fn total(&self) -> usize {
        self.lower + self.within + self.higher
    }
}

/// Places a score range (`lowest == highest` for a complete scenario) among inspections.
///
/// ```
/// use yj_rating_engine::published::{inspections, place};
/// let complete = place(inspections(), 36, 36);
/// assert_eq!(complete.higher, 0);
/// ```
pub fn place(inspections: &[PublishedInspection], lowest: u32, highest: u32) -> Placement {
    let (lowest, highest) = (lowest.min(highest), lowest.max(highest));
    let count = |keep: &dyn Fn(u32) -> bool| inspections.iter().filter(|i| keep(i.score)).count();
    Placement {
        lowest,
        highest,
        lower: count(&|s| s < lowest),
        within: count(&|s| (lowest..=highest).contains(&s)),
        higher: count(&|s| s > highest),
        lower_at_most: count(&|s| s < highest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_embedded_table_reads_every_row() {
        let rows = read(TSV).expect("the embedded table reads");
        assert_eq!(rows.len(), 81);
        assert_eq!(inspections(), rows.as_slice());
    }

    #[test]
    fn rows_with_a_note_are_kept_as_the_source_gives_them() {
        let noted: Vec<_> = inspections().iter().filter(|i| i.note.is_some()).collect();
        let names: Vec<(&str, &str, u32, Option<Rating>)> = noted
            .iter()
            .map(|i| (i.service.as_str(), i.published.as_str(), i.score, i.rating))
            .collect();
        assert_eq!(
            names,
            [
                ("West Sussex", "2022-06", 26, Some(Rating::RequiresImprovement)),
                ("Portsmouth", "2022-06", 22, None)
            ]
        );
    }

    #[test]
    fn every_other_rating_agrees_with_the_overall_bands() {
        let youth = Framework::youth_2018();
        for row in inspections().iter().filter(|i| i.note.is_none()) {
            assert_eq!(
                row.rating,
                Some(youth.overall_rating(row.score)),
                "{}",
                row.service
            );
        }
    }

    /// The counts the app's sentence gives, worked out by hand from the table (sorted
    /// scores: 18 below 16, three at 16 (Newcastle, Southend-on-Sea and one more)).
    #[test]
    fn placements_at_the_band_edges() {
        let at = |score| {
            let p = place(inspections(), score, score);
            (p.lower, p.within, p.higher)
        };
        let scores: Vec<u32> = inspections().iter().map(|i| i.score).collect();
        for score in [0, 6, 7, 16, 18, 19, 30, 31, 36] {
            let lower = scores.iter().filter(|&&s| s < score).count();
            let same = scores.iter().filter(|&&s| s == score).count();
            assert_eq!(at(score), (lower, same, 81 - lower - same), "score {score}");
        }
        assert_eq!(at(0).0, 0);
        assert_eq!(at(36).2, 0);
        assert_eq!(at(16), (18, 3, 60));
    }

    #[test]
    fn a_range_counts_the_inspections_it_spans() {
        let p = place(inspections(), 20, 10);
        assert_eq!((p.lowest, p.highest), (10, 20));
        assert_eq!(p.lower, place(inspections(), 10, 10).lower);
        assert_eq!(p.lower_at_most, place(inspections(), 20, 20).lower);
        assert_eq!(p.total(), 81);
    }

    #[test]
    fn bad_rows_are_reported_by_line() {
        let header = COLUMNS.join("\t");
        let err = read(&format!(
            "{header}\nA\t2022-01\tx\tGood\t\nB\t2022-01\t3\tFine\t\nC\t2022\t3\n"
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2.score: must be a whole number from 0 to 36, found \"x\"\n\
             line 3.rating: must be one of \"Inadequate\", \"Requires improvement\", \"Good\", \"Outstanding\", found \"Fine\"\n\
             line 4.columns: must have 5 columns, found 3"
        );
        assert!(read("name\tscore\n").is_err());
        assert!(
            read(&format!("{header}\nA\t2022-01\t3\t\t\n")).is_err(),
            "no rating and no note"
        );
    }

    #[test]
    fn only_the_built_in_youth_frameworks_are_placed() {
        assert!(Framework::builtins().iter().all(|f| applies_to(f)));
        let mut changed = Framework::youth_2021().clone();
        changed.scores = [0, 1, 2, 4];
        assert!(!applies_to(&changed));
    }

    proptest! {
        #[test]
        fn every_inspection_is_placed_once(a in 0u32..=40, b in 0u32..=40) {
            let p = place(inspections(), a, b);
            prop_assert_eq!(p.total(), 81);
            prop_assert!(p.lower <= p.lower_at_most);
            prop_assert!(p.lower_at_most <= p.lower + p.within);
        }
    }
}
