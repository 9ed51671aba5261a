//! A scored scenario as a spreadsheet (issue #5): every key-question count and result,
//! as RFC 4180 CSV with the framework's labels. The CLI's `--csv` output and the web
//! page's "Export CSV" share it.
//!
//! One row per key question of each case standard and one row per judgement standard,
//! in framework order. Standard-level columns (status, ratings, discretion, flags,
//! score) repeat on each of a standard's rows so that any row can be filtered alone.
//! Lines end in CRLF; fields holding a comma, a double quote or a line break are
//! quoted, quotes doubled. A text cell starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet never runs it as a formula.

use crate::score::{KeyQuestionResult, StandardResult};
use crate::words::{fraction_as_percent, tenths};
use crate::{
    wilson_interval, ConfidenceLevel, Entry, Framework, KeyQuestion, RatedBy, Rating, Scenario,
    ScenarioResult, Standard,
};

/// The header row, in column order.
///
/// ```
/// use yj_rating_engine::csv::COLUMNS;
/// assert_eq!(&COLUMNS[..3], ["Domain", "Standard id", "Standard"]);
/// assert_eq!(COLUMNS.last(), Some(&"80% interval to"));
/// ```
pub const COLUMNS: [&str; 23] = [
    "Domain",
    "Standard id",
    "Standard",
    "Rated by",
    "Key question id",
    "Key question",
    "Cases inspected",
    "Relevant cases",
    "Yes",
    "Percentage",
    "Band",
    "Drives the rating",
    "Rounding changes band",
    "Standard status",
    "Mechanical rating",
    "Rating",
    "Changed by discretion",
    "Discretion reason",
    "Flags",
    "Discretion allowed",
    "Score",
    "80% interval from",
    "80% interval to",
];

/// The scored scenario as CSV: a header row ([`COLUMNS`]), then one row per key
/// question of each case standard and one per judgement standard. Percentages and the
/// 80% Wilson interval ([`crate::wilson_interval`]) are in percent to one decimal place;
/// cells with nothing to say are empty.
///
/// ```
/// use yj_rating_engine::{csv, score, Framework, Scenario};
/// let torbay = Scenario::from_json_str(include_str!("../../../examples/torbay-2021.json")).unwrap();
/// let youth = Framework::youth_2018();
/// let text = csv::to_csv(youth, &torbay, &score(youth, &torbay));
/// let rows: Vec<&str> = text.split("\r\n").collect();
/// assert!(rows[0].starts_with("Domain,Standard id,Standard,Rated by,"));
/// assert!(rows[1].starts_with("Organisational delivery,1.1,Governance and leadership,judgement,"));
/// assert_eq!(rows.len(), 1 + 4 + 7 * 3 + 2 + 1); // header, rows, and the empty end
/// ```
pub fn to_csv(framework: &Framework, scenario: &Scenario, result: &ScenarioResult) -> String {
    let mut out = String::new();
    write_row(&mut out, COLUMNS.map(String::from));
    for (definition, standard) in framework.standards.iter().zip(&result.standards) {
        let shared = StandardCells::new(framework, scenario, definition, standard);
        match definition.rated_by {
            RatedBy::Judgement => write_row(&mut out, shared.row(KeyQuestionCells::default())),
            RatedBy::Cases => {
                for (i, kq) in definition.key_questions.iter().enumerate() {
                    let cells = KeyQuestionCells::new(framework, kq, standard.key_questions.get(i));
                    write_row(&mut out, shared.row(cells));
                }
            }
        }
    }
    out
}

/// The cells every row of a standard carries.
struct StandardCells {
    domain: String,
    id: String,
    name: String,
    rated_by: String,
    cases: String,
    status: String,
    mechanical: String,
    rating: String,
    changed: String,
    reason: String,
    flags: String,
    allowed: String,
    score: String,
}

impl StandardCells {
    fn new(framework: &Framework, scenario: &Scenario, definition: &Standard, r: &StandardResult) -> Self {
        let label = |rating: Option<Rating>| rating.map_or(String::new(), |x| framework.label(x).to_owned());
        let (cases, reason) = match scenario.standards.get(&definition.id) {
            Some(Entry::Cases(entry)) => (
                entry.cases.to_string(),
                entry
                    .discretion
                    .as_ref()
                    .filter(|_| r.changed_by_discretion)
                    .map_or(String::new(), |d| d.reason.clone()),
            ),
            _ => (String::new(), String::new()),
        };
        StandardCells {
            domain: framework
                .domains
                .iter()
                .find(|d| d.id == definition.domain)
                .map_or_else(|| definition.domain.clone(), |d| d.name.clone()),
            id: definition.id.clone(),
            name: definition.name.clone(),
            rated_by: match definition.rated_by {
                RatedBy::Judgement => "judgement",
                RatedBy::Cases => "cases",
            }
            .into(),
            cases,
            status: r.status.as_str().into(),
            mechanical: label(r.mechanical_rating),
            rating: label(r.rating),
            changed: yes_no(r.changed_by_discretion),
            reason,
            flags: r.flags.iter().map(|f| f.summary()).collect::<Vec<_>>().join("; "),
            allowed: r
                .allowed_discretion()
                .into_iter()
                .map(|x| framework.label(x))
                .collect::<Vec<_>>()
                .join("; "),
            score: r.score.map_or(String::new(), |s| s.to_string()),
        }
    }

    /// A full row, in [`COLUMNS`] order.
    fn row(&self, kq: KeyQuestionCells) -> [String; 23] {
        [
            self.domain.clone(),
            self.id.clone(),
            self.name.clone(),
            self.rated_by.clone(),
            kq.id,
            kq.wording,
            self.cases.clone(),
            kq.relevant,
            kq.yes,
            kq.percentage,
            kq.band,
            kq.driver,
            kq.rounding_changes_band,
            self.status.clone(),
            self.mechanical.clone(),
            self.rating.clone(),
            self.changed.clone(),
            self.reason.clone(),
            self.flags.clone(),
            self.allowed.clone(),
            self.score.clone(),
            kq.interval_from,
            kq.interval_to,
        ]
    }
}

/// A key question's own cells; all empty on a judgement standard's row.
#[derive(Default)]
struct KeyQuestionCells {
    id: String,
    wording: String,
    relevant: String,
    yes: String,
    percentage: String,
    band: String,
    driver: String,
    rounding_changes_band: String,
    interval_from: String,
    interval_to: String,
}

impl KeyQuestionCells {
    fn new(framework: &Framework, kq: &KeyQuestion, figures: Option<&KeyQuestionResult>) -> Self {
        let answers = figures.and_then(|f| f.answers);
        let count = |n: Option<u32>| n.map_or(String::new(), |n| n.to_string());
        let applicable = figures.filter(|f| f.percentage.is_some());
        let interval = answers.and_then(|a| wilson_interval(a.yes, a.relevant, ConfidenceLevel::Eighty));
        KeyQuestionCells {
            id: kq.id.clone(),
            wording: kq.wording.clone(),
            relevant: count(answers.map(|a| a.relevant)),
            yes: count(answers.map(|a| a.yes)),
            percentage: applicable
                .and_then(|f| f.percentage)
                .map_or(String::new(), |p| tenths(p.tenths())),
            band: applicable
                .and_then(|f| f.band)
                .map_or(String::new(), |b| framework.band_name(b).to_owned()),
            driver: applicable.map_or(String::new(), |f| yes_no(f.driver)),
            rounding_changes_band: applicable.map_or(String::new(), |f| yes_no(f.rounding_changes_band)),
            interval_from: interval.map_or(String::new(), |i| fraction_as_percent(i.lower)),
            interval_to: interval.map_or(String::new(), |i| fraction_as_percent(i.upper)),
        }
    }
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.into()
}

fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&cell));
    }
    out.push_str("\r\n");
}

/// One CSV field: formula-looking text defused with a leading `'`, then quoted if it
/// holds a comma, a quote or a line break (RFC 4180), quotes doubled.
///
/// ```
/// use yj_rating_engine::csv::field;
/// assert_eq!(field("Good"), "Good");
/// assert_eq!(field("Yes, mostly"), "\"Yes, mostly\"");
/// assert_eq!(field("the \"best\""), "\"the \"\"best\"\"\"");
/// assert_eq!(field("=SUM(A1:A9)"), "'=SUM(A1:A9)");
/// assert_eq!(field("-1+1,2"), "\"'-1+1,2\"");
/// ```
pub fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}
