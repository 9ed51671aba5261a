//! `yj-rating`: scores a scenario file and prints the ratings table as the
//! inspectorate's reports lay it out, or the full result as JSON, and can write every
//! key-question count and result as CSV.

use std::io::{self, Read};
use std::process::ExitCode;
use yj_rating_engine::{csv, report, score, Framework, Scenario};

mod plan;
mod table;
mod terminal;

use terminal::escape;

const USAGE: &str = "\
Usage: yj-rating score [--json] [--csv CSV_FILE] [--framework FRAMEWORK_FILE ...] FILE
       yj-rating plan --court N --out-of-court M [--json]
       yj-rating plan --margin SAMPLE [--population N] [--json]

Scores an inspection scenario file (format yj-rating-scenario, version 1 or 2) and
prints the ratings table: each standard's rating, marks for discretion and flags,
domain subtotals and the overall score and rating. FILE `-` reads standard input.
Built-in frameworks: youth-2018, youth-2021; a scenario file may also carry its own.

`plan --court N --out-of-court M` plans the sample an inspection would draw from N
eligible court and M eligible out-of-court disposals: the court sample for 80%
confidence and a margin of error of 5 points (finite-population correction, rounded
up), the out-of-court sample from the 60/40 split (capped by the eligible cases), their
margins of error and the working step by step. `plan --margin SAMPLE` prints the margin
of error of a sample at 80% and 95% confidence, within N eligible cases if
`--population N` is given.

Options:
  --json       print the full result (or plan) as JSON instead of the table
  --framework FRAMEWORK_FILE
               also know the framework in this file (format yj-rating-framework),
               so scenarios naming it can be scored; may be given more than once
  --csv CSV_FILE
               also write every key-question count and result as CSV (one row per
               key question, one per judgement standard) to CSV_FILE; `-` prints the
               CSV instead of the table (exactly as the file would be; on a
               terminal, control characters are shown escaped)
  -h, --help   print this help
  -V, --version

Exit status: 0 scored or planned, 1 the scenario is invalid (errors on stderr) or
the output cannot be written, 2 usage error.";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Score {
        file: String,
        json: bool,
        frameworks: Vec<String>,
        csv: Option<String>,
    },
    Plan(plan::Plan),
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    if let Some(("plan", rest)) = args.split_first().map(|(first, rest)| (first.as_str(), rest)) {
        return match rest
            .iter()
            .find(|a| ["-h", "--help", "-V", "--version"].contains(&a.as_str()))
        {
            Some(flag) if flag == "-V" || flag == "--version" => Ok(Command::Version),
            Some(_) => Ok(Command::Help),
            None => plan::parse(rest).map(Command::Plan),
        };
    }
    let mut json = false;
    let mut frameworks = Vec::new();
    let mut csv = None;
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--json" => json = true,
            "--framework" => match args.next() {
                Some(file) => frameworks.push(file.clone()),
                None => return Err("--framework needs a FRAMEWORK_FILE".into()),
            },
            "--csv" => match args.next() {
                Some(target) if target == "-" || !target.starts_with('-') => csv = Some(target.clone()),
                _ => return Err("--csv needs a file name (or - for standard output)".into()),
            },
            "-" => positional.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option '{flag}'")),
            _ => positional.push(arg.clone()),
        }
    }
    match positional.as_slice() {
        [] => Err("missing command (expected 'score' or 'plan')".into()),
        [command, ..] if command == "plan" => Err("put 'plan' first: yj-rating plan --court N ...".into()),
        [command, ..] if command != "score" => Err(format!(
            "unknown command '{command}' (expected 'score' or 'plan')"
        )),
        [_] => Err("missing FILE (use - for standard input)".into()),
        [_, _] if json && csv.as_deref() == Some("-") => {
            Err("--json and --csv - cannot both print to standard output".into())
        }
        [_, file] => Ok(Command::Score {
            file: file.clone(),
            json,
            frameworks,
            csv,
        }),
        [_, _, extra, ..] => Err(format!("unexpected argument '{extra}'")),
    }
}

/// Reads a file (or standard input for `-`) as text, stopping past the size limit of
/// a file so that an oversized input is refused before it is all read.
fn read_input(file: &str) -> Result<String, String> {
    let name = escape(file);
    let limit = yj_rating_engine::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    let read = if file == "-" {
        io::stdin().take(limit as u64 + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
    };
    read.map_err(|err| format!("cannot read {name}: {}", escape(&err.to_string())))?;
    if bytes.len() > limit {
        return Err(format!(
            "cannot read {name}: it is more than the {limit} bytes a file may have"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("cannot read {name}: it is not UTF-8 text"))
}

/// Reads the `--framework` files: each must be valid, and its id new (neither built
/// in nor given twice), so a scenario always means one framework.
fn load_frameworks(files: &[String]) -> Result<Vec<Framework>, String> {
    let mut loaded: Vec<Framework> = Vec::new();
    for file in files {
        let text = read_input(file).map_err(|message| format!("yj-rating: {message}"))?;
        let framework = Framework::from_json_str(&text).map_err(|err| {
            let problems: Vec<String> = (err.problems().iter())
                .map(|p| format!("  {}", escape(&p.to_string())))
                .collect();
            format!(
                "yj-rating: {} is not a valid framework:\n{}",
                escape(file),
                problems.join("\n")
            )
        })?;
        if Framework::builtin(&framework.id).is_some() || loaded.iter().any(|f| f.id == framework.id) {
            return Err(format!(
                "yj-rating: {}: a framework with id \"{}\" is already known; give this one another id",
                escape(file),
                escape(&framework.id)
            ));
        }
        loaded.push(framework);
    }
    Ok(loaded)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, json, csv_target, framework_files) = match parse_args(&args) {
        Ok(Command::Help) => return print(&format!("{USAGE}\n")),
        Ok(Command::Version) => return print(&format!("yj-rating {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Score {
            file,
            json,
            csv,
            frameworks,
        }) => (file, json, csv, frameworks),
        Ok(Command::Plan(request)) => return print(&plan::render(&request)),
        Err(message) => {
            eprintln!("yj-rating: {}\n\n{USAGE}", escape(&message));
            return ExitCode::from(2);
        }
    };
    let text = match read_input(&file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("yj-rating: {message}");
            return ExitCode::from(1);
        }
    };
    let loaded = match load_frameworks(&framework_files) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let mut frameworks: Vec<&Framework> = Framework::builtins().to_vec();
    frameworks.extend(loaded.iter());
    let (scenario, framework) = match Scenario::from_json_str_with(&text, &frameworks) {
        Ok(read) => read,
        Err(err) => {
            let name = if file == "-" {
                "standard input"
            } else {
                file.as_str()
            };
            eprintln!("yj-rating: {} is not a valid scenario:", escape(name));
            for problem in err.problems() {
                eprintln!("  {}", escape(&problem.to_string()));
            }
            return ExitCode::from(1);
        }
    };
    let framework: &Framework = &framework;
    let result = score(framework, &scenario);
    if let Some(target) = csv_target.as_deref().filter(|t| *t != "-") {
        if let Err(err) = std::fs::write(target, csv::to_csv(framework, &scenario, &result)) {
            eprintln!(
                "yj-rating: cannot write {}: {}",
                escape(target),
                escape(&err.to_string())
            );
            return ExitCode::from(1);
        }
    }
    let output = if csv_target.as_deref() == Some("-") {
        terminal::csv_for_stdout(&csv::to_csv(framework, &scenario, &result)).into_owned()
    } else if json {
        let value = report::to_json(framework, &scenario, &result);
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        terminal::json(&text).into_owned() + "\n"
    } else {
        table::render(framework, &scenario, &result)
    };
    print(&output)
}

/// Prints `text` on standard output: exit status 0 once written, 1 when it cannot be
/// (with a message, except for a pipe its reader closed, e.g. `| head`).
fn print(text: &str) -> ExitCode {
    match terminal::print(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if let Some(message) = message {
                eprintln!("{message}");
            }
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_score_with_and_without_json() {
        let score = |file: &str, json: bool, frameworks: &[&str], csv: Option<&str>| Command::Score {
            file: file.into(),
            json,
            frameworks: frameworks.iter().map(|f| f.to_string()).collect(),
            csv: csv.map(String::from),
        };
        assert_eq!(
            parse_args(&args(&["score", "a.json"])),
            Ok(score("a.json", false, &[], None))
        );
        assert_eq!(
            parse_args(&args(&["score", "--json", "-"])),
            Ok(score("-", true, &[], None))
        );
        assert_eq!(
            parse_args(&args(&[
                "score",
                "--framework",
                "a.json",
                "--framework",
                "b.json",
                "s.json"
            ])),
            Ok(score("s.json", false, &["a.json", "b.json"], None))
        );
        assert_eq!(
            parse_args(&args(&["score", "s.json", "--framework"])),
            Err("--framework needs a FRAMEWORK_FILE".into())
        );
        assert_eq!(
            parse_args(&args(&[
                "score",
                "--csv",
                "out.csv",
                "--framework",
                "f.json",
                "a.json"
            ])),
            Ok(score("a.json", false, &["f.json"], Some("out.csv")))
        );
        assert_eq!(
            parse_args(&args(&["score", "--json", "--csv", "-", "-"])),
            Err("--json and --csv - cannot both print to standard output".into())
        );
        assert_eq!(parse_args(&args(&["--help"])), Ok(Command::Help));
    }

    #[test]
    fn rejects_bad_usage() {
        assert_eq!(
            parse_args(&args(&[])),
            Err("missing command (expected 'score' or 'plan')".into())
        );
        assert_eq!(
            parse_args(&args(&["rate", "x"])),
            Err("unknown command 'rate' (expected 'score' or 'plan')".into())
        );
        assert_eq!(
            parse_args(&args(&["score"])),
            Err("missing FILE (use - for standard input)".into())
        );
        assert_eq!(
            parse_args(&args(&["score", "--tsv", "x"])),
            Err("unknown option '--tsv'".into())
        );
        assert_eq!(
            parse_args(&args(&["score", "x", "--csv"])),
            Err("--csv needs a file name (or - for standard output)".into())
        );
        assert_eq!(
            parse_args(&args(&["score", "a", "b"])),
            Err("unexpected argument 'b'".into())
        );
    }
}
