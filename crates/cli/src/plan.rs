//! `yj-rating plan`: the sample an inspection would draw, or the margins of error of a
//! sample, as a plain-text table with the working or as JSON. The figures and the
//! working come from the engine's planner; this module only reads the arguments and
//! lays the figures out.

use yj_rating_engine::plan::{
    margins, plan_sample, points_text, Margins, SamplePlan, COURT_SHARE_PERCENT, MARGIN_OF_ERROR_POINTS,
    OUT_OF_COURT_SHARE_PERCENT, PLAN_CONFIDENCE, WORST_CASE_PROPORTION,
};
use yj_rating_engine::words::plural;

/// What `yj-rating plan` is asked for.
#[derive(Debug, PartialEq)]
pub enum Plan {
    /// The samples for the eligible court and out-of-court cases.
    Sample {
        court: u32,
        out_of_court: u32,
        json: bool,
    },
    /// The margins of error of a sample, from a population when known.
    Margin {
        sample: u32,
        population: Option<u32>,
        json: bool,
    },
}

/// Reads the arguments after `plan`.
pub fn parse(args: &[String]) -> Result<Plan, String> {
    let mut json = false;
    let [mut court, mut out_of_court, mut margin, mut population] = [None; 4];
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--json" => {
                json = true;
                continue;
            }
            "--court" => &mut court,
            "--out-of-court" => &mut out_of_court,
            "--margin" => &mut margin,
            "--population" => &mut population,
            flag if flag.starts_with('-') => return Err(format!("unknown option '{flag}'")),
            other => return Err(format!("unexpected argument '{other}'")),
        };
        if slot.is_some() {
            return Err(format!("{arg} is given twice"));
        }
        *slot = Some(count(arg, args.next())?);
    }
    match (court, out_of_court, margin, population) {
        (Some(court), Some(out_of_court), None, None) => Ok(Plan::Sample {
            court,
            out_of_court,
            json,
        }),
        (None, None, Some(sample), population) => margin_plan(sample, population, json),
        (_, _, Some(_), _) => Err("--margin cannot be combined with --court or --out-of-court".into()),
        (_, _, None, Some(_)) => Err("--population goes with --margin SAMPLE".into()),
        (Some(_), None, None, None) => Err("missing --out-of-court M (eligible out-of-court cases)".into()),
        (None, Some(_), None, None) => Err("missing --court N (eligible court cases)".into()),
        (None, None, None, None) => {
            Err("plan needs --court N and --out-of-court M, or --margin SAMPLE".into())
        }
    }
}

/// A margin request, once the sample and population are known to fit together.
fn margin_plan(sample: u32, population: Option<u32>, json: bool) -> Result<Plan, String> {
    if sample == 0 {
        return Err("--margin SAMPLE must be at least 1 case".into());
    }
    if let Some(population) = population.filter(|&p| p < sample) {
        return Err(format!(
            "--population ({population}) is smaller than the sample ({sample})"
        ));
    }
    Ok(Plan::Margin {
        sample,
        population,
        json,
    })
}

/// An option's value: a whole number of cases, 0 or more.
fn count(flag: &str, value: Option<&String>) -> Result<u32, String> {
    let Some(value) = value else {
        return Err(format!("{flag} needs a number of cases"));
    };
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{flag} must be a whole number of cases, 0 or more (got '{value}')"
        ));
    }
    value
        .parse()
        .map_err(|_| format!("{flag} is too large (got {value}; at most {})", u32::MAX))
}

/// The output of a plan request: JSON or the plain-text layout.
pub fn render(plan: &Plan) -> String {
    match *plan {
        Plan::Sample {
            court,
            out_of_court,
            json,
        } => {
            let plan = plan_sample(court, out_of_court);
            if json {
                pretty(&plan.to_json())
            } else {
                sample_text(&plan)
            }
        }
        Plan::Margin {
            sample,
            population,
            json,
        } => match margins(sample, population) {
            // The arguments were checked: a sample of 1 or more, within the population.
            None => String::new(),
            Some(m) if json => pretty(&m.to_json()),
            Some(m) => margin_text(&m),
        },
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// The two samples as a table, then the working.
fn sample_text(plan: &SamplePlan) -> String {
    let mut out = format!(
        "Sample plan: {}% confidence, margin of error {MARGIN_OF_ERROR_POINTS} points, \
         {COURT_SHARE_PERCENT}% court / {OUT_OF_COURT_SHARE_PERCENT}% out-of-court\n\n",
        PLAN_CONFIDENCE.percent()
    );
    let row = |name: &str, eligible: u64, sample: u64, [eighty, ninety_five]: [&str; 2]| {
        format!("{name:<27}{eligible:>10}{sample:>8}{eighty:>15}{ninety_five:>15}")
    };
    out += &format!(
        "{:<27}{:>10}{:>8}{:>15}{:>15}\n",
        "", "Eligible", "Sample", "Margin at 80%", "Margin at 95%"
    );
    let domains = [
        (
            "Domain two: court",
            plan.eligible_court,
            plan.court_sample,
            plan.court_margins(),
        ),
        (
            "Domain three: out-of-court",
            plan.eligible_out_of_court,
            plan.out_of_court_sample,
            plan.out_of_court_margins(),
        ),
    ];
    for (name, eligible, sample, m) in domains {
        let [eighty, ninety_five] = match m {
            Some(m) => [m.eighty, m.ninety_five].map(|p| format!("±{} points", points_text(p))),
            None => ["-".to_owned(), "-".to_owned()],
        };
        out += &row(name, eligible.into(), sample.into(), [&eighty, &ninety_five]);
        out += "\n";
    }
    let eligible = u64::from(plan.eligible_court) + u64::from(plan.eligible_out_of_court);
    out += row("Combined", eligible, plan.total_sample(), ["", ""]).trim_end();
    out += "\n\nWorking:\n";
    for (i, step) in plan.steps.iter().enumerate() {
        out += &format!("  {}. {step}\n", i + 1);
    }
    out
}

/// A sample's margins of error at both levels.
fn margin_text(m: &Margins) -> String {
    let from = m
        .population
        .map_or(String::new(), |p| format!(" drawn from {p} eligible"));
    format!(
        "Margin of error of a sample of {} case{}{from} (worst case {}%):\n  at 80% confidence: ±{} points\n  \
         at 95% confidence: ±{} points\n",
        m.sample,
        plural(m.sample),
        WORST_CASE_PROPORTION * 100.0,
        points_text(m.eighty),
        points_text(m.ninety_five),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(list: &[&str]) -> Result<Plan, String> {
        parse(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn reads_a_sample_and_a_margin_request() {
        assert_eq!(
            parsed(&["--court", "4", "--out-of-court", "3"]),
            Ok(Plan::Sample {
                court: 4,
                out_of_court: 3,
                json: false
            })
        );
        assert_eq!(
            parsed(&["--json", "--margin", "50", "--population", "100"]),
            Ok(Plan::Margin {
                sample: 50,
                population: Some(100),
                json: true
            })
        );
        assert_eq!(
            parsed(&["--margin", "1"]),
            Ok(Plan::Margin {
                sample: 1,
                population: None,
                json: false
            })
        );
    }
}
