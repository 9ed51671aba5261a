//! Scoring throughput: full twelve-standard scenarios per second.
//!
//! `cargo bench -p yj-rating-engine --bench score`. The target is at least one million
//! full scenarios a second on one core; criterion reports `thrpt` in scenarios (elem)
//! per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use yj_rating_engine::{
    report, score, Answers, CaseEntry, Discretion, Entry, Framework, Rating, Rounding, Scenario,
};

const TORBAY: &str = include_str!("../../../examples/torbay-2021.json");

/// Twelve standards rated, every case standard on large samples with all three flags:
/// a 50% driver (near-boundary, one-case down), a 3/5 driver (small-sample, one-case
/// down) and 64.99% (one-case up, blocked by the other drivers); discretion on some.
fn large_flagged(rounding: Rounding) -> Scenario {
    let youth = Framework::youth_2018();
    let mut scenario = Scenario::new("youth-2018");
    scenario.rounding = rounding;
    for (i, standard) in youth.standards.iter().enumerate() {
        let entry = if standard.key_questions.is_empty() {
            Entry::Judgement(Rating::ALL[i % 4])
        } else {
            let counts = [(10_000, 6_499), (10_000, 5_000), (5, 3)];
            let key_questions = standard
                .key_questions
                .iter()
                .zip(counts.iter().cycle().skip(i % 3))
                .map(|(kq, &(relevant, yes))| (kq.id.clone(), Answers { relevant, yes }))
                .collect();
            Entry::Cases(CaseEntry {
                cases: 10_000,
                key_questions,
                discretion: (i % 2 == 0).then(|| Discretion {
                    rating: Rating::Good,
                    reason: "the panel weighed the near misses".into(),
                }),
                by_case: false,
            })
        };
        scenario.standards.insert(standard.id.clone(), entry);
    }
    scenario
}

fn bench_score(c: &mut Criterion) {
    let youth = Framework::youth_2018();
    let torbay = Scenario::from_json_str(TORBAY).unwrap();
    let exact = large_flagged(Rounding::Exact);
    let whole = large_flagged(Rounding::WholePercent);
    // The benchmark scenarios are what they claim to be.
    for scenario in [&torbay, &exact, &whole] {
        let result = score(youth, scenario);
        assert_eq!(result.rated, 12);
        assert!(scenario.problems(youth).is_empty());
    }
    let flagged = score(youth, &exact);
    assert!(flagged.standards[4..].iter().all(|s| s.flags.len() == 3));
    assert!(flagged.standards.iter().any(|s| s.changed_by_discretion));

    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(1));
    group.bench_function("torbay", |b| b.iter(|| score(youth, black_box(&torbay))));
    group.bench_function("large_flagged_exact", |b| {
        b.iter(|| score(youth, black_box(&exact)))
    });
    group.bench_function("large_flagged_whole_percent", |b| {
        b.iter(|| score(youth, black_box(&whole)))
    });
    group.finish();

    // For scale: what a caller does around scoring.
    let mut group = c.benchmark_group("around_scoring");
    group.throughput(Throughput::Elements(1));
    group.bench_function("read_torbay", |b| {
        b.iter(|| Scenario::from_json_str(black_box(TORBAY)).unwrap())
    });
    let result = score(youth, &torbay);
    group.bench_function("report_torbay", |b| {
        b.iter(|| report::to_json(youth, black_box(&torbay), black_box(&result)))
    });
    group.finish();
}

criterion_group!(benches, bench_score);
criterion_main!(benches);
