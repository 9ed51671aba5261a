//! The `yj-rating` command as a user runs it: the built binary, its output, stderr and
//! exit status.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");

/// The published Torbay ratings, with the standards' names (rule book sections 1 and 2).
const TORBAY_LINES: [(&str, &str, &str); 12] = [
    ("1.1", "Governance and leadership", "Inadequate"),
    ("1.2", "Staff", "Requires improvement"),
    ("1.3", "Partnerships and services", "Good"),
    ("1.4", "Information and facilities", "Requires improvement"),
    ("2.1", "Assessment", "Outstanding"),
    ("2.2", "Planning", "Outstanding"),
    ("2.3", "Implementation and delivery", "Outstanding"),
    ("2.4", "Reviewing", "Outstanding"),
    ("3.1", "Assessment", "Inadequate"),
    ("3.2", "Planning", "Inadequate"),
    ("3.3", "Implementation and delivery", "Inadequate"),
    ("3.4", "Joint working", "Inadequate"),
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `yj-rating` with `args`, feeding `stdin` if given.
#[track_caller]
fn run(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yj-rating"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the yj-rating binary runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A successful run's standard output.
#[track_caller]
fn ok(args: &[&str], stdin: Option<&str>) -> String {
    let run = run(args, stdin);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// A successful `--json` run's output, parsed.
#[track_caller]
fn json(stdin: &str) -> Value {
    serde_json::from_str(&ok(&["score", "--json", "-"], Some(stdin))).expect("the output is JSON")
}

fn torbay_path() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/torbay-2021.json");
    path.to_str().unwrap().to_owned()
}

/// Writes `text` to a file of this name in the test scratch directory.
fn scratch(name: &str, text: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A youth-2018 scenario with these standards.
fn scenario(standards: Value) -> String {
    serde_json::json!({
        "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
        "standards": standards,
    })
    .to_string()
}

#[test]
fn torbay_table() {
    let out = ok(&["score", &torbay_path()], None);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Torbay YOT, March 2021");
    assert!(lines.contains(&"Score          16/36"), "{out}");
    assert!(lines.contains(&"Overall rating Requires improvement"), "{out}");
    for (id, name, rating) in TORBAY_LINES {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("  {id}  {name} ")))
            .unwrap_or_else(|| panic!("no line for {id} in\n{out}"));
        let after_name = line[format!("  {id}  {name}").len()..].trim_start();
        assert!(after_name.starts_with(rating), "{line}");
        if rating == "Requires improvement" || rating == "Inadequate" {
            // Not mistaken for the longer label.
            assert!(!after_name.starts_with("Outstanding"), "{line}");
        }
    }
    assert!(
        lines.contains(&"1. Organisational delivery          4/12"),
        "{out}"
    );
    assert!(
        lines.contains(&"2. Court disposals                  12/12"),
        "{out}"
    );
    assert!(
        lines.contains(&"3. Out-of-court disposals           0/12"),
        "{out}"
    );
    assert!(
        out.contains(
            "  3.4  Joint working                Inadequate            \
             [one-case (up), small-sample (up or down); discretion allowed: Requires improvement]\n"
        ),
        "{out}"
    );
    // One case judged Yes on both of 3.2's drivers (0/2 and 0/1) lifts it.
    assert!(
        out.contains(
            "  3.2  Planning                     Inadequate            \
             [one-case (up), small-sample (up or down); discretion allowed: Requires improvement]\n"
        ),
        "{out}"
    );
}

#[test]
fn torbay_json() {
    let value = json(TORBAY);
    assert_eq!(value["total"], 16);
    assert_eq!(value["max"], 36);
    assert_eq!(value["overall"], "Requires improvement");
    let standards = value["standards"].as_object().unwrap();
    assert_eq!(standards.len(), 12);
    for (id, _, rating) in TORBAY_LINES {
        let s = &standards[id];
        assert_eq!(s["rating"], rating, "{id}");
        assert_eq!(s["mechanical_rating"], rating, "{id}");
        let points = ["Inadequate", "Requires improvement", "Good", "Outstanding"]
            .iter()
            .position(|r| *r == rating)
            .unwrap();
        assert_eq!(s["score"], points, "{id}");
        assert!(
            s["flags"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["kind"].is_string()),
            "{id}"
        );
    }
    let kinds: Vec<&str> = standards["2.1"]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["one-case", "small-sample"]);
    assert_eq!(standards["1.1"]["flags"], serde_json::json!([]));
}

#[test]
fn reading_standard_input() {
    let from_file = ok(&["score", &torbay_path()], None);
    assert_eq!(ok(&["score", "-"], Some(TORBAY)), from_file);
    let json_from_file = ok(&["score", "--json", &torbay_path()], None);
    assert_eq!(ok(&["score", "-", "--json"], Some(TORBAY)), json_from_file);
}

#[test]
fn invalid_scenario_on_standard_input() {
    let text = scenario(serde_json::json!({ "3.2": { "cases": 3, "key_questions": {
        "desistance": { "relevant": 3, "yes": 2 },
        "safety": { "relevant": 2, "yes": 12 },
        "others": { "relevant": 1, "yes": 0 } } } }));
    let run = run(&["score", "-"], Some(&text));
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "yj-rating: standard input is not a valid scenario:\n  \
         standards.3.2.key_questions.safety.yes: 12 is more than relevant (2)\n"
    );
}

#[test]
fn invalid_scenario_file_names_the_file_and_every_problem() {
    let text = scenario(serde_json::json!({
        "1.1": { "judgement": "Fine" },
        "2.1": { "cases": -1 },
    }));
    let path = scratch("two-problems.json", &text);
    let run = run(&["score", "--json", &path], None);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "yj-rating: {path} is not a valid scenario:\n  \
             standards.1.1.judgement: unknown rating \"Fine\" (expected one of \"Inadequate\", \"Requires improvement\", \"Good\", \"Outstanding\")\n  \
             standards.2.1.cases: must be a whole number from 0 to 10000, found -1\n"
        )
    );
}

#[test]
fn invalid_json_and_newer_versions() {
    let run1 = run(&["score", "-"], Some("{"));
    assert_eq!(run1.code, 1);
    assert_eq!(
        run1.stderr,
        "yj-rating: standard input is not a valid scenario:\n  \
         not valid JSON: EOF while parsing an object at line 1 column 1\n"
    );
    let newer = r#"{ "format": "yj-rating-scenario", "version": 3, "framework": "youth-2018" }"#;
    let run2 = run(&["score", "-"], Some(newer));
    assert_eq!(run2.code, 1);
    assert!(
        run2.stderr.contains(
            "  version: this file is version 3, newer than this calculator reads (up to 2); use a newer calculator\n"
        ),
        "{}",
        run2.stderr
    );
}

#[test]
fn unreadable_file() {
    let run = run(&["score", "/nonexistent/scenario.json"], None);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("yj-rating: cannot read /nonexistent/scenario.json: "),
        "{}",
        run.stderr
    );
}

/// A usage error: exit status 2, the reason then the usage on stderr, nothing on stdout.
#[track_caller]
fn usage_error(args: &[&str], reason: &str) {
    let run = run(args, None);
    assert_eq!(run.code, 2, "{args:?}");
    assert_eq!(run.stdout, "");
    let first = run.stderr.lines().next().unwrap_or_default();
    assert_eq!(first, format!("yj-rating: {reason}"));
    assert!(
        run.stderr.contains(
            "Usage: yj-rating score [--json] [--csv CSV_FILE] [--framework FRAMEWORK_FILE ...] FILE"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    usage_error(&[], "missing command (expected 'score' or 'plan')");
    usage_error(&["score", "--tsv", "x.json"], "unknown option '--tsv'");
    usage_error(
        &["score", "--csv", "x.csv"],
        "missing FILE (use - for standard input)",
    );
    usage_error(
        &["score", "x.json", "--csv"],
        "--csv needs a file name (or - for standard output)",
    );
    usage_error(
        &["score", "--csv", "--json", "x.json"],
        "--csv needs a file name (or - for standard output)",
    );
    usage_error(
        &["score", "--json", "--csv", "-", "x.json"],
        "--json and --csv - cannot both print to standard output",
    );
    usage_error(&["--quiet"], "unknown option '--quiet'");
    usage_error(
        &["rate", "x.json"],
        "unknown command 'rate' (expected 'score' or 'plan')",
    );
    usage_error(&["score"], "missing FILE (use - for standard input)");
    usage_error(&["score", "a.json", "b.json"], "unexpected argument 'b.json'");
}

#[test]
fn help_and_version() {
    let help = ok(&["--help"], None);
    assert!(
        help.starts_with(
            "Usage: yj-rating score [--json] [--csv CSV_FILE] [--framework FRAMEWORK_FILE ...] FILE\n"
        ),
        "{help}"
    );
    assert!(help.contains("Exit status: 0 scored or planned, 1 the scenario is invalid"));
    assert!(
        help.contains("       yj-rating plan --court N --out-of-court M [--json]\n"),
        "{help}"
    );
    assert!(
        help.contains("       yj-rating plan --margin SAMPLE [--population N] [--json]\n"),
        "{help}"
    );
    assert_eq!(ok(&["plan", "--court", "4", "--help"], None), help);
    assert_eq!(ok(&["plan", "-V"], None), ok(&["--version"], None));
    assert!(help.contains("  --csv CSV_FILE\n"), "{help}");
    assert!(help.contains("  --framework FRAMEWORK_FILE\n"), "{help}");
    assert_eq!(ok(&["-h"], None), help);
    assert_eq!(
        ok(&["--version"], None),
        format!("yj-rating {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(ok(&["-V"], None), ok(&["--version"], None));
}

#[test]
fn partial_scenario_table() {
    let text = scenario(serde_json::json!({
        "1.1": { "judgement": "Good" }, "1.2": { "judgement": "Good" },
        "1.3": { "judgement": "Good" }, "1.4": { "judgement": "Good" },
        "2.1": { "cases": 4, "key_questions": { "desistance": { "relevant": 4, "yes": 4 } } },
        "3.4": { "cases": 3, "key_questions": {
            "recommendations": { "relevant": 0, "yes": 0 }, "police": { "relevant": 0, "yes": 0 } } },
    }));
    let out = ok(&["score", "-"], Some(&text));
    assert!(
        out.contains("\nScore so far   8/36 (4 of 12 standards rated)\n"),
        "{out}"
    );
    assert!(
        out.contains("\nOverall rating not yet known: between Requires improvement and Outstanding\n"),
        "{out}"
    );
    assert!(!out.contains("\nScore          "), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("  2.1  Assessment") && l.ends_with("incomplete")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("  2.2  Planning") && l.ends_with("not entered")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("  3.4  Joint working") && l.ends_with("not rated (no relevant cases)")),
        "{out}"
    );
    assert!(out.starts_with("Untitled scenario\n"), "{out}");
}

#[test]
fn partial_scenario_json() {
    let value = json(&scenario(serde_json::json!({ "1.1": { "judgement": "Good" } })));
    assert_eq!(value["overall"], Value::Null);
    assert_eq!(value["total"], 2);
    assert_eq!(value["rated"], 1);
    assert_eq!(value["of"], 12);
    assert_eq!(value["reachable"]["lowest"], "Inadequate");
    assert_eq!(value["reachable"]["highest"], "Outstanding");
    assert_eq!(value["standards"]["2.1"]["rating"], Value::Null);
    assert_eq!(value["standards"]["2.1"]["status"], "not-entered");
    assert_eq!(value["standards"]["2.1"]["score"], Value::Null);
}

/// 2.3 at 60 of 100 (Too few, 5 points below the 65% boundary: the flag points up),
/// with discretion to `rating` for `reason`.
fn sixty_of_a_hundred_with_discretion(rating: &str, reason: &str) -> String {
    scenario(serde_json::json!({ "2.3": { "cases": 100, "key_questions": {
            "desistance": { "relevant": 100, "yes": 60 },
            "safety": { "relevant": 0, "yes": 0 },
            "others": { "relevant": 0, "yes": 0 } },
        "discretion": { "rating": rating, "reason": reason } } }))
}

#[test]
fn discretion_is_marked_in_the_table() {
    let text = sixty_of_a_hundred_with_discretion("Good", "Two cases were nearly there");
    let out = ok(&["score", "-"], Some(&text));
    let line = out.lines().find(|l| l.starts_with("  2.3  ")).unwrap();
    assert_eq!(
        line,
        "  2.3  Implementation and delivery  Good                  \
         * discretion, mechanically Requires improvement [near-boundary (up); discretion allowed: Good]"
    );
    assert!(
        out.contains("\nDiscretion applied:\n  2.3: Two cases were nearly there\n"),
        "{out}"
    );
    let value = json(&text);
    assert_eq!(value["standards"]["2.3"]["rating"], "Good");
    assert_eq!(
        value["standards"]["2.3"]["mechanical_rating"],
        "Requires improvement"
    );
    assert_eq!(value["standards"]["2.3"]["changed_by_discretion"], true);
    assert_eq!(value["standards"]["2.3"]["score"], 2);
    assert_eq!(
        value["standards"]["2.3"]["allowed_discretion"],
        serde_json::json!(["Good"])
    );
    assert_eq!(
        value["standards"]["2.3"]["flags"][0]["directions"],
        serde_json::json!(["up"])
    );
}

#[test]
fn discretion_against_the_flags_is_refused_with_its_path() {
    // 60% is below the 65% boundary: the flag points up, so one band down is refused.
    let text = sixty_of_a_hundred_with_discretion("Inadequate", "The work was weak");
    let run = run(&["score", "-"], Some(&text));
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "yj-rating: standard input is not a valid scenario:\n  \
         standards.2.3.discretion: no flag points down: discretion may only go one band up from the \
         mechanical rating (Requires improvement), to Good\n"
    );
}

// ---- Frameworks (rule book sections 3 and 5) ----

fn theme_path() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/frameworks/theme-inspection.json");
    path.to_str().unwrap().to_owned()
}

/// A theme-inspection scenario (no framework definition inside).
const THEME_SCENARIO: &str = r#"{ "format": "yj-rating-scenario", "version": 2, "framework": "theme-inspection",
  "standards": {
    "L1": { "judgement": "Satisfactory" },
    "T1": { "cases": 20, "key_questions": { "assessment": { "relevant": 20, "yes": 15 },
                                            "delivery": { "relevant": 20, "yes": 19 } } },
    "T2": { "cases": 100, "key_questions": { "risk": { "relevant": 100, "yes": 59 } } },
    "T3": { "cases": 10, "key_questions": { "safety": { "relevant": 10, "yes": 9 } } } } }"#;

#[test]
fn a_framework_file_lets_its_scenarios_be_scored() {
    let file = scratch("theme-scenario.json", THEME_SCENARIO);
    let table = ok(&["score", "--framework", &theme_path(), &file], None);
    assert!(table.contains("Score          10/16\n"), "{table}");
    assert!(table.contains("Overall rating Satisfactory\n"), "{table}");
    assert!(table.contains("  T2  Protecting the public"), "{table}");
    let t2 = table
        .lines()
        .find(|l| l.contains("T2  Protecting the public"))
        .unwrap();
    assert!(t2.contains("Poor"), "{t2}");
    let value: Value = serde_json::from_str(&ok(
        &["score", "--json", "--framework", &theme_path(), &file],
        None,
    ))
    .unwrap();
    assert_eq!(value["overall"], "Satisfactory");
    assert_eq!(
        (value["total"].as_u64(), value["max"].as_u64()),
        (Some(10), Some(16))
    );
    // Without the framework file the scenario names an unknown framework.
    let run = run(&["score", &file], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "  framework: unknown framework \"theme-inspection\" (known: youth-2018, youth-2021)\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_scenario_carrying_its_framework_needs_no_framework_file() {
    let mut value: Value = serde_json::from_str(THEME_SCENARIO).unwrap();
    value["framework_definition"] =
        serde_json::from_str(include_str!("../../../examples/frameworks/theme-inspection.json")).unwrap();
    let scored = json(&value.to_string());
    assert_eq!(scored["overall"], "Satisfactory");
    assert_eq!(scored["standards"]["T3"]["rating"], "Excellent");
}

#[test]
fn an_invalid_framework_file_is_named_with_its_problems() {
    let mut framework: Value =
        serde_json::from_str(include_str!("../../../examples/frameworks/theme-inspection.json")).unwrap();
    framework["key_question_bands"][2]["from_percent"] = serde_json::json!(50);
    let bad = scratch("bad-framework.json", &framework.to_string());
    let run1 = run(&["score", "--framework", &bad, &torbay_path()], None);
    assert_eq!(run1.code, 1);
    assert_eq!(run1.stdout, "");
    assert_eq!(
        run1.stderr,
        format!(
            "yj-rating: {bad} is not a valid framework:\n  \
             key_question_bands.2.from_percent: thresholds must increase (key_question_bands.1 starts at 60)\n"
        )
    );
    let youth = serde_json::to_string(&serde_json::json!({})).unwrap();
    let empty = scratch("empty-framework.json", &youth);
    let run2 = run(&["score", "--framework", &empty, &torbay_path()], None);
    assert_eq!(run2.code, 1);
    assert!(
        run2.stderr
            .contains("is not a valid framework:\n  missing field \"format\""),
        "{}",
        run2.stderr
    );
    // The same id twice, or a built-in id, is refused: a scenario must mean one framework.
    let run3 = run(
        &[
            "score",
            "--framework",
            &theme_path(),
            "--framework",
            &theme_path(),
            &torbay_path(),
        ],
        None,
    );
    assert_eq!(run3.code, 1);
    assert!(
        run3.stderr
            .contains("a framework with id \"theme-inspection\" is already known"),
        "{}",
        run3.stderr
    );
    usage_error(
        &["score", "x.json", "--framework"],
        "--framework needs a FRAMEWORK_FILE",
    );
}

#[test]
fn youth_2021_resettlement_is_reported_but_not_scored() {
    let mut value: Value = serde_json::from_str(TORBAY).unwrap();
    value["framework"] = "youth-2021".into();
    value["standards"]["3.4"] = serde_json::json!({ "judgement": "Good" });
    let table = ok(&["score", "-"], Some(&value.to_string()));
    // 16 - 0 (3.4 Inadequate) + 2 (3.4 Good) = 18, still named with 4.1 not entered.
    assert!(table.contains("Score          18/36\n"), "{table}");
    assert!(table.contains("Overall rating Requires improvement\n"), "{table}");
    let resettlement = table.lines().find(|l| l.contains("4.1  Resettlement")).unwrap();
    assert!(
        resettlement.contains("not entered") && resettlement.contains("(does not count in the score)"),
        "{resettlement}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Note: ") && l.contains("refreshed wording is not reproduced")),
        "{table}"
    );
    value["standards"]["4.1"] = serde_json::json!({ "judgement": "Outstanding" });
    let scored = json(&value.to_string());
    assert_eq!(
        (scored["total"].as_u64(), scored["overall"].as_str()),
        (Some(18), Some("Requires improvement"))
    );
    assert_eq!(scored["standards"]["4.1"]["rating"], "Outstanding");
}

#[test]
fn csv_on_standard_output_is_the_engine_csv() {
    let out = ok(&["score", "--csv", "-", &torbay_path()], None);
    let scenario = yj_rating_engine::Scenario::from_json_str(TORBAY).unwrap();
    let youth = yj_rating_engine::Framework::youth_2018();
    let expected =
        yj_rating_engine::csv::to_csv(youth, &scenario, &yj_rating_engine::score(youth, &scenario));
    assert_eq!(out, expected);
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert!(lines[0].starts_with("Domain,Standard id,Standard,Rated by,Key question id,Key question,"));
    assert_eq!(lines.len(), 1 + 4 + 7 * 3 + 2 + 1);
    assert!(out.contains(
        "\r\nOut-of-court disposals,3.2,Planning,cases,safety,\
         Does planning focus sufficiently on keeping the child safe?,3,2,0,0.0,Minority,yes,no,rated,\
         Inadequate,Inadequate,no,,one-case (up); small-sample (up or down),Requires improvement,0,0.0,45.1\r\n"
    ));
    // From standard input too.
    assert_eq!(ok(&["score", "--csv", "-", "-"], Some(TORBAY)), expected);
}

#[test]
fn csv_to_a_file_keeps_the_table_on_standard_output() {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("torbay-out.csv");
    let _ = std::fs::remove_file(&target);
    let target = target.to_str().unwrap().to_owned();
    let out = ok(&["score", "--csv", &target, &torbay_path()], None);
    assert!(out.starts_with("Torbay YOT, March 2021\n"), "{out}");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written, ok(&["score", "--csv", "-", &torbay_path()], None));
    // With --json, the JSON goes to standard output and the CSV to the file.
    std::fs::remove_file(&target).unwrap();
    let out = ok(&["score", "--json", "--csv", &target, "-"], Some(TORBAY));
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["total"], 16);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("Domain,"));
}

#[test]
fn csv_file_that_cannot_be_written_is_an_error() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-folder/out.csv");
    let run = run(&["score", "--csv", dir.to_str().unwrap(), &torbay_path()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("yj-rating: cannot write "),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn invalid_scenario_writes_no_csv() {
    let target = scratch("invalid-out.csv", "untouched");
    let bad = scenario(
        serde_json::json!({ "2.1": { "cases": 1, "key_questions": { "safety": { "relevant": 2, "yes": 0 } } } }),
    );
    let run = run(&["score", "--csv", &target, "-"], Some(&bad));
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "untouched");
}

// Hostile text, failed writes, byte-order marks and duplicate keys (issue 15).

/// A title that would set the window title, clear the screen and print a fake score
/// line, and one that reverses what follows it.
const HOSTILE_TITLE: &str =
    "\u{1b}]0;owned\u{7}\u{1b}[2J\nOverall rating Outstanding \u{202e}gnp.exe\u{2066}";

#[test]
fn control_characters_from_the_file_are_escaped_in_the_table() {
    let text = serde_json::json!({
        "format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
        "title": HOSTILE_TITLE, "standards": {},
    })
    .to_string();
    let out = ok(&["score", "-"], Some(&text));
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{a}Overall rating Outstanding \\u{202e}gnp.exe\\u{2066}"
    );
    assert!(!out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{2066}'));
    assert!(
        !out.lines().any(|l| l.starts_with("Overall rating Outstanding")),
        "{out}"
    );
}

#[test]
fn control_characters_in_a_framework_are_escaped_in_the_table_and_json() {
    let mut framework = theme_value();
    framework["name"] = "Themes\u{1b}[31m \u{9b}2J \u{7f}\u{202d}".into();
    let file = scratch("hostile-framework.json", &framework.to_string());
    let id = framework["id"].as_str().unwrap();
    let text = serde_json::json!({
        "format": "yj-rating-scenario", "version": 1, "framework": id, "standards": {},
    })
    .to_string();
    let table = ok(&["score", "--framework", &file, "-"], Some(&text));
    assert!(
        table.contains("Framework: Themes\\u{1b}[31m \\u{9b}2J \\u{7f}\\u{202d} ("),
        "{table}"
    );
    let json = ok(&["score", "--json", "--framework", &file, "-"], Some(&text));
    assert!(!json.contains('\u{202d}') && !json.contains('\u{1b}'), "{json}");
    // Still JSON, with the same value.
    let value: Value = serde_json::from_str(&json).unwrap();
    assert!(value.is_object());
}

#[test]
fn control_characters_in_errors_are_escaped() {
    let text = scenario(serde_json::json!({ "9.9\u{1b}[2J\u{202e}": { "judgement": "Good" } }));
    let run = run(&["score", "-"], Some(&text));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("standards.9.9\\u{1b}[2J\\u{202e}: "),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{202e}'));
    // A file name is escaped too.
    let run = self::run(&["score", "no-such-\u{1b}[2J.json"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("yj-rating: cannot read no-such-\\u{1b}[2J.json: "),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_on_standard_output_is_exactly_the_csv_file() {
    let mut framework = theme_value();
    framework["standards"][0]["name"] = "Vision\u{1b}[2J\u{202e}".into();
    let file = scratch("hostile-csv-framework.json", &framework.to_string());
    let id = framework["id"].as_str().unwrap();
    let text = serde_json::json!({
        "format": "yj-rating-scenario", "version": 1, "framework": id, "standards": {},
    })
    .to_string();
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile.csv");
    let target = target.to_str().unwrap();
    ok(
        &["score", "--framework", &file, "--csv", target, "-"],
        Some(&text),
    );
    let piped = ok(&["score", "--framework", &file, "--csv", "-", "-"], Some(&text));
    let written = std::fs::read_to_string(target).unwrap();
    assert!(written.contains("Vision\u{1b}[2J\u{202e}"), "{written}");
    assert_eq!(piped, written);
}

/// Runs `yj-rating` with standard output going to /dev/full (Linux).
fn run_into_full_device(args: &[&str], stdin: &str) -> Option<Run> {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").ok()?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_yj-rating"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `--help` and `--version` read nothing: their standard input may be closed already.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let output = child.wait_with_output().unwrap();
    Some(Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::new(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    })
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    for args in [
        &["score", "-"][..],
        &["score", "--json", "-"],
        &["score", "--csv", "-", "-"],
        &["--help"],
        &["--version"],
    ] {
        let Some(run) = run_into_full_device(args, TORBAY) else {
            eprintln!("no /dev/full here: skipped");
            return;
        };
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with("yj-rating: cannot write to standard output: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_mark = format!("\u{feff}{TORBAY}");
    let out = ok(&["score", "-"], Some(&with_mark));
    assert!(out.contains("Score          16/36"), "{out}");
    let file = scratch("torbay-bom.json", &with_mark);
    assert_eq!(ok(&["score", &file], None), out);
    let theme = format!("\u{feff}{}", std::fs::read_to_string(theme_path()).unwrap());
    let framework = scratch("theme-bom.json", &theme);
    ok(
        &["score", "--framework", &framework, "-"],
        Some(&scenario(serde_json::json!({}))),
    );
}

/// The problems of an invalid run, on standard error.
#[track_caller]
fn refused(args: &[&str], stdin: &str) -> String {
    let run = run(args, Some(stdin));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(run.stdout, "");
    run.stderr
}

/// The theme-inspection framework file, parsed.
fn theme_value() -> Value {
    serde_json::from_str(&std::fs::read_to_string(theme_path()).unwrap()).unwrap()
}

/// Standard error of a run given the framework `text` (written to `name`).
#[track_caller]
fn framework_refused(name: &str, text: &str) -> String {
    let file = scratch(name, text);
    refused(
        &["score", "--framework", &file, "-"],
        &scenario(serde_json::json!({})),
    )
}

#[test]
fn duplicate_keys_are_refused_with_their_path() {
    let top = r#"{"format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
        "framework": "youth-2021", "standards": {}}"#;
    assert_eq!(
        refused(&["score", "-"], top),
        "yj-rating: standard input is not a valid scenario:\n  duplicate key \"framework\"\n"
    );
    let nested = r#"{"format": "yj-rating-scenario", "version": 1, "framework": "youth-2018",
        "standards": {"3.2": {"cases": 3, "key_questions": {
            "safety": {"relevant": 2, "yes": 0}, "safety": {"relevant": 2, "yes": 2}}}}}"#;
    assert!(refused(&["score", "-"], nested)
        .contains("\n  standards.3.2.key_questions: duplicate key \"safety\"\n"));
    let cases = r#"{"format": "yj-rating-scenario", "version": 2, "framework": "youth-2018",
        "standards": {"2.1": {"by_case": true}},
        "case_samples": {"2": {"cases": [{"answers": {"2.1": {"desistance": "yes", "desistance": "no"}}}]}}}"#;
    assert!(refused(&["score", "-"], cases)
        .contains("  case_samples.2.cases.0.answers.2.1: duplicate key \"desistance\"\n"));
    let theme = std::fs::read_to_string(theme_path()).unwrap();
    let doubled = theme.replacen("\"name\"", "\"name\": \"Twice\", \"name\"", 1);
    let err = framework_refused("theme-duplicate.json", &doubled);
    assert!(
        err.ends_with(" is not a valid framework:\n  duplicate key \"name\"\n"),
        "{err}"
    );
}

#[test]
fn a_framework_over_the_limits_is_refused_by_path() {
    let mut framework = theme_value();
    let standard = framework["standards"][0].clone();
    framework["standards"] = Value::Array(vec![standard; 101]);
    let err = framework_refused("theme-huge.json", &framework.to_string());
    assert!(
        err.ends_with(" is not a valid framework:\n  standards: at most 100 standards, found 101\n"),
        "{err}"
    );
}

#[test]
fn an_oversized_input_is_refused_before_it_is_all_read() {
    let huge = " ".repeat(yj_rating_engine::MAX_FILE_BYTES + 10);
    let run = run(&["score", "-"], Some(&huge));
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "yj-rating: cannot read -: it is more than the 32000000 bytes a file may have\n"
    );
}

/// `yj-rating plan ... --json`, parsed.
#[track_caller]
fn plan_json(args: &[&str]) -> Value {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    all.push("--json");
    serde_json::from_str(&ok(&all, None)).expect("plan --json prints JSON")
}

#[test]
fn plan_prints_the_samples_and_the_working() {
    let text = ok(&["plan", "--court", "100", "--out-of-court", "50"], None);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Sample plan: 80% confidence, margin of error 5 points, 60% court / 40% out-of-court"
    );
    let cells = |line: &str| line.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        cells(lines[3]),
        ["Domain", "two:", "court", "100", "63", "±4.9", "points", "±7.5", "points"]
    );
    assert_eq!(
        cells(lines[4]),
        [
            "Domain",
            "three:",
            "out-of-court",
            "50",
            "42",
            "±4.0",
            "points",
            "±6.1",
            "points"
        ]
    );
    assert_eq!(cells(lines[5]), ["Combined", "150", "105"]);
    assert_eq!(lines[7], "Working:");
    assert_eq!(
        lines[9],
        "  2. Finite-population correction for 100 eligible court cases: 164.24 / (1 + 163.24 / 100) \
         = 62.39, rounded up to 63."
    );
    assert!(text.ends_with("±6.1 points at 95%.\n"), "{text}");
}

#[test]
fn plan_json_for_torbay_and_the_edges() {
    let torbay = plan_json(&["--court", "4", "--out-of-court", "20"]);
    assert_eq!(torbay["court"]["sample"], 4);
    assert_eq!(torbay["court"]["margin_80"], 0.0);
    assert_eq!(torbay["out_of_court"]["sample"], 3);
    assert_eq!(torbay["out_of_court"]["basis"], "split");
    assert_eq!(torbay["out_of_court"]["capped"], false);
    assert_eq!(torbay["total_sample"], 7);
    assert_eq!(torbay["confidence_percent"], 80);
    assert_eq!(torbay["margin_of_error_points"], 5);
    let n0 = torbay["infinite_population_sample"].as_f64().unwrap();
    assert!((n0 - 164.2374).abs() < 0.0001, "{n0}");
    let steps = torbay["steps"].as_array().unwrap();
    assert!(steps[2]
        .as_str()
        .unwrap()
        .contains("4 × 40 / 60 = 2.67, rounded up to 3"));
    let margin_95 = torbay["out_of_court"]["margin_95"].as_f64().unwrap();
    assert!(margin_95 > torbay["out_of_court"]["margin_80"].as_f64().unwrap());

    let capped = plan_json(&["--court", "100", "--out-of-court", "10"]);
    assert_eq!(capped["court"]["sample"], 63);
    assert_eq!(capped["out_of_court"]["split_requested"], 42);
    assert_eq!(capped["out_of_court"]["sample"], 10);
    assert_eq!(capped["out_of_court"]["capped"], true);

    let no_court = plan_json(&["--court", "0", "--out-of-court", "50"]);
    assert_eq!(no_court["court"]["sample"], 0);
    assert_eq!(no_court["court"]["margin_80"], Value::Null);
    assert_eq!(no_court["out_of_court"]["basis"], "own-population");
    assert_eq!(no_court["out_of_court"]["split_requested"], Value::Null);
    assert_eq!(no_court["out_of_court"]["sample"], 39);

    let largest = plan_json(&["--court", "4294967295", "--out-of-court", "4294967295"]);
    assert_eq!(largest["court"]["sample"], 165);
    assert_eq!(largest["out_of_court"]["sample"], 110);
}

#[test]
fn plan_margin_at_80_and_95() {
    let text = ok(&["plan", "--margin", "50", "--population", "100"], None);
    assert_eq!(
        text,
        "Margin of error of a sample of 50 cases drawn from 100 eligible (worst case 50%):\n  \
         at 80% confidence: ±6.4 points\n  at 95% confidence: ±9.8 points\n"
    );
    let one = plan_json(&["--margin", "1"]);
    assert_eq!(one["sample"], 1);
    assert_eq!(one["population"], Value::Null);
    // 1.2816 × √0.25 × 100 and 1.9600 × √0.25 × 100.
    assert!((one["margin_80"].as_f64().unwrap() - 64.0776).abs() < 0.0001);
    assert!((one["margin_95"].as_f64().unwrap() - 97.9982).abs() < 0.0001);
    let whole = plan_json(&["--margin", "7", "--population", "7"]);
    assert_eq!(
        (whole["margin_80"].as_f64(), whole["margin_95"].as_f64()),
        (Some(0.0), Some(0.0))
    );
}

#[test]
fn plan_usage_errors_exit_2() {
    let refused: [(&[&str], &str); 16] = [
        (
            &["plan"],
            "plan needs --court N and --out-of-court M, or --margin SAMPLE",
        ),
        (
            &["plan", "--court", "4"],
            "missing --out-of-court M (eligible out-of-court cases)",
        ),
        (
            &["plan", "--out-of-court", "4"],
            "missing --court N (eligible court cases)",
        ),
        (
            &["plan", "--out-of-court", "4", "--court"],
            "--court needs a number of cases",
        ),
        (
            &["plan", "--court", "four", "--out-of-court", "3"],
            "--court must be a whole number of cases, 0 or more (got 'four')",
        ),
        (
            &["plan", "--court", "2.5", "--out-of-court", "3"],
            "--court must be a whole number of cases, 0 or more (got '2.5')",
        ),
        (
            &["plan", "--court", "4", "--out-of-court", "-3"],
            "--out-of-court must be a whole number of cases, 0 or more (got '-3')",
        ),
        (
            &["plan", "--court", "4294967296", "--out-of-court", "3"],
            "--court is too large (got 4294967296; at most 4294967295)",
        ),
        (
            &["plan", "--court", "1", "--court", "2"],
            "--court is given twice",
        ),
        (
            &["plan", "--margin", "0"],
            "--margin SAMPLE must be at least 1 case",
        ),
        (
            &["plan", "--margin", "8", "--population", "7"],
            "--population (7) is smaller than the sample (8)",
        ),
        (
            &["plan", "--population", "7"],
            "--population goes with --margin SAMPLE",
        ),
        (
            &["plan", "--margin", "8", "--court", "7", "--out-of-court", "1"],
            "--margin cannot be combined with --court or --out-of-court",
        ),
        (&["plan", "--csv", "x"], "unknown option '--csv'"),
        (
            &["plan", "--court", "1", "--out-of-court", "1", "x"],
            "unexpected argument 'x'",
        ),
        (
            &["--json", "plan"],
            "put 'plan' first: yj-rating plan --court N ...",
        ),
    ];
    for (args, reason) in refused {
        usage_error(args, reason);
    }
}
