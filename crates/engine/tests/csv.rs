//! The CSV export (issue #5): the exact Torbay output, quoting and formula defusing.

use yj_rating_engine::{csv, score, Framework, Scenario};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");

fn youth() -> &'static Framework {
    Framework::youth_2018()
}

fn csv_of(text: &str) -> String {
    let scenario = Scenario::from_json_str(text).unwrap();
    csv::to_csv(youth(), &scenario, &score(youth(), &scenario))
}

/// Every line of the Torbay CSV. Checked by hand against the rule book's worked example
/// (section 2) and the 80% Wilson intervals computed independently in Python:
/// `z = 1.2815515655446004; p = y/n; d = 1 + z*z/n; c = (p + z*z/(2*n))/d;
///  h = z/d*math.sqrt(p*(1-p)/n + z*z/(4*n*n)); round(100*(c - h), 1), round(100*(c + h), 1)`
/// gives 4/4: 70.9-100.0, 3/3: 64.6-100.0, 2/3: 32.1-89.4, 0/3: 0.0-35.4, 1/3: 10.6-67.9,
/// 0/2: 0.0-45.1, 0/1: 0.0-62.2, 2/2: 54.9-100.0.
const TORBAY_CSV: [&str; 28] = [
    r#"Domain,Standard id,Standard,Rated by,Key question id,Key question,Cases inspected,Relevant cases,Yes,Percentage,Band,Drives the rating,Rounding changes band,Standard status,Mechanical rating,Rating,Changed by discretion,Discretion reason,Flags,Discretion allowed,Score,80% interval from,80% interval to"#,
    r#"Organisational delivery,1.1,Governance and leadership,judgement,,,,,,,,,,rated,Inadequate,Inadequate,no,,,,0,,"#,
    r#"Organisational delivery,1.2,Staff,judgement,,,,,,,,,,rated,Requires improvement,Requires improvement,no,,,,1,,"#,
    r#"Organisational delivery,1.3,Partnerships and services,judgement,,,,,,,,,,rated,Good,Good,no,,,,2,,"#,
    r#"Organisational delivery,1.4,Information and facilities,judgement,,,,,,,,,,rated,Requires improvement,Requires improvement,no,,,,1,,"#,
    r#"Court disposals,2.1,Assessment,cases,desistance,Does assessment sufficiently analyse how to support the child's desistance?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.1,Assessment,cases,safety,Does assessment sufficiently analyse how to keep the child safe?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.1,Assessment,cases,others,Does assessment sufficiently analyse how to keep other people safe?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.2,Planning,cases,desistance,Does planning focus sufficiently on supporting the child's desistance?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.2,Planning,cases,safety,Does planning focus sufficiently on keeping the child safe?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.2,Planning,cases,others,Does planning focus sufficiently on keeping other people safe?,4,3,3,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,64.6,100.0"#,
    r#"Court disposals,2.3,Implementation and delivery,cases,desistance,Does the implementation and delivery of services effectively support the child's desistance?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.3,Implementation and delivery,cases,safety,Does the implementation and delivery of services effectively support the safety of the child?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.3,Implementation and delivery,cases,others,Does the implementation and delivery of services effectively support the safety of other people?,4,3,3,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,64.6,100.0"#,
    r#"Court disposals,2.4,Reviewing,cases,desistance,Does reviewing focus sufficiently on supporting the child's desistance?,4,3,3,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,64.6,100.0"#,
    r#"Court disposals,2.4,Reviewing,cases,safety,Does reviewing focus sufficiently on keeping the child safe?,4,4,4,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,70.9,100.0"#,
    r#"Court disposals,2.4,Reviewing,cases,others,Does reviewing focus sufficiently on keeping other people safe?,4,3,3,100.0,Large majority,yes,no,rated,Outstanding,Outstanding,no,,one-case (down); small-sample (up or down),Good,3,64.6,100.0"#,
    r#"Out-of-court disposals,3.1,Assessment,cases,desistance,Does assessment sufficiently analyse how to support the child's desistance?,3,3,2,66.7,Reasonable majority,no,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,32.1,89.4"#,
    r#"Out-of-court disposals,3.1,Assessment,cases,safety,Does assessment sufficiently analyse how to keep the child safe?,3,3,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,0.0,35.4"#,
    r#"Out-of-court disposals,3.1,Assessment,cases,others,Does assessment sufficiently analyse how to keep other people safe?,3,3,1,33.3,Minority,yes,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,10.6,67.9"#,
    r#"Out-of-court disposals,3.2,Planning,cases,desistance,Does planning focus on supporting the child's desistance?,3,3,2,66.7,Reasonable majority,no,no,rated,Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,32.1,89.4"#,
    r#"Out-of-court disposals,3.2,Planning,cases,safety,Does planning focus sufficiently on keeping the child safe?,3,2,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,0.0,45.1"#,
    r#"Out-of-court disposals,3.2,Planning,cases,others,Does planning focus sufficiently on keeping other people safe?,3,1,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,0.0,62.2"#,
    r#"Out-of-court disposals,3.3,Implementation and delivery,cases,desistance,Does service delivery effectively support the child's desistance?,3,3,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,0.0,35.4"#,
    r#"Out-of-court disposals,3.3,Implementation and delivery,cases,safety,Does service delivery effectively support the safety of the child?,3,2,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,0.0,45.1"#,
    r#"Out-of-court disposals,3.3,Implementation and delivery,cases,others,Does service delivery effectively support the safety of other people?,3,1,0,0.0,Minority,yes,no,rated,Inadequate,Inadequate,no,,small-sample (up or down),Requires improvement,0,0.0,62.2"#,
    r#"Out-of-court disposals,3.4,Joint working,cases,recommendations,"Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision making?",3,3,1,33.3,Minority,yes,no,rated,Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,10.6,67.9"#,
    r#"Out-of-court disposals,3.4,Joint working,cases,police,Does the YOT work effectively with the police in implementing the out-of-court disposal?,3,2,2,100.0,Large majority,no,no,rated,Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,54.9,100.0"#,
];

#[test]
fn torbay_csv_is_exactly_as_expected() {
    let expected: String = TORBAY_CSV.iter().map(|line| format!("{line}\r\n")).collect();
    let actual = csv_of(TORBAY);
    for (number, (a, e)) in actual.split("\r\n").zip(expected.split("\r\n")).enumerate() {
        assert_eq!(a, e, "line {}", number + 1);
    }
    assert_eq!(actual, expected);
}

/// A strict RFC 4180 reader written here: records of fields, CRLF between records,
/// quoted fields with doubled quotes.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a CR not followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record has no CRLF"
    );
    records
}

/// Torbay with discretion on 3.1 (flagged small-sample) whose reason is `reason`.
fn torbay_with_reason(reason: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(TORBAY).unwrap();
    value["standards"]["3.1"]["discretion"] =
        serde_json::json!({ "rating": "Requires improvement", "reason": reason });
    value.to_string()
}

fn column(name: &str) -> usize {
    csv::COLUMNS.iter().position(|c| *c == name).unwrap()
}

#[test]
fn every_record_has_every_column_and_text_round_trips() {
    let reason = "Case 2, the \"safety\" one,\nwas misread";
    let records = parse(&csv_of(&torbay_with_reason(reason)));
    assert_eq!(records.len(), 1 + 4 + 7 * 3 + 2);
    assert!(records.iter().all(|r| r.len() == csv::COLUMNS.len()));
    assert_eq!(records[0], csv::COLUMNS.map(String::from));
    let rows_31: Vec<&Vec<String>> = records
        .iter()
        .filter(|r| r[column("Standard id")] == "3.1")
        .collect();
    assert_eq!(rows_31.len(), 3);
    for row in rows_31 {
        assert_eq!(row[column("Discretion reason")], reason);
        assert_eq!(row[column("Changed by discretion")], "yes");
        assert_eq!(row[column("Mechanical rating")], "Inadequate");
        assert_eq!(row[column("Rating")], "Requires improvement");
        assert_eq!(row[column("Score")], "1");
    }
}

#[test]
fn quotes_fields_with_commas_quotes_and_line_breaks() {
    let text = csv_of(&torbay_with_reason("Case 2, the \"safety\" one,\nwas misread"));
    assert!(text.contains(",\"Case 2, the \"\"safety\"\" one,\nwas misread\","));
    // The key question with a comma in its wording is quoted; plain fields are not.
    assert!(text.contains(",\"Are the YOT's recommendations sufficiently well-informed, analytical"));
    assert!(text.contains("\r\nOut-of-court disposals,3.1,Assessment,cases,desistance,"));
}

#[test]
fn defuses_cells_a_spreadsheet_would_run_as_formulas() {
    for (reason, cell) in [
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "'=HYPERLINK(\"http://x\",\"y\")",
        ),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Safe = fine", "Safe = fine"),
    ] {
        let records = parse(&csv_of(&torbay_with_reason(reason)));
        let row = records
            .iter()
            .find(|r| r[column("Standard id")] == "3.1")
            .unwrap();
        assert_eq!(row[column("Discretion reason")], cell, "reason {reason:?}");
    }
    assert_eq!(csv::field("=1"), "'=1");
    assert_eq!(csv::field("a\"b"), "\"a\"\"b\"");
    assert_eq!(csv::field("line\r\nbreak"), "\"line\r\nbreak\"");
    assert_eq!(csv::field(""), "");
}

#[test]
fn partial_and_not_applicable_rows_leave_cells_empty() {
    let text = csv_of(
        r#"{ "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
        "standards": { "2.1": { "cases": 5, "key_questions": {
            "desistance": { "relevant": 5, "yes": 3 },
            "safety": { "relevant": 0, "yes": 0 } } } } }"#,
    );
    let records = parse(&text);
    let judgement = &records[1];
    assert_eq!(judgement[column("Standard status")], "not-entered");
    assert_eq!(judgement[column("Rating")], "");
    assert_eq!(judgement[column("Score")], "");
    let rows: Vec<&Vec<String>> = records
        .iter()
        .filter(|r| r[column("Standard id")] == "2.1")
        .collect();
    let cells =
        |row: &Vec<String>, names: &[&str]| names.iter().map(|n| row[column(n)].clone()).collect::<Vec<_>>();
    let names = [
        "Relevant cases",
        "Yes",
        "Percentage",
        "Band",
        "Drives the rating",
        "80% interval from",
        "80% interval to",
        "Standard status",
    ];
    assert_eq!(
        cells(rows[0], &names),
        ["5", "3", "60.0", "Too few", "no", "33.0", "82.0", "incomplete"]
    );
    assert_eq!(
        cells(rows[1], &names),
        ["0", "0", "", "", "", "", "", "incomplete"]
    );
    assert_eq!(cells(rows[2], &names), ["", "", "", "", "", "", "", "incomplete"]);
    assert_eq!(rows[0][column("Cases inspected")], "5");
}
