//! Where the scenario's score sits among published inspections (issue #14): a dot plot of
//! every published overall score on the 0-36 scale, the overall bands shaded and this
//! scenario's score (or the range a partial scenario can still reach) marked. The sentence
//! beside it carries the same facts for screen readers; the picture is hidden from them.

use crate::app::{AppState, Outcome};
use crate::words;
use leptos::prelude::*;
use yj_rating_engine::published;
use yj_rating_engine::{Framework, Rating};

/// Horizontal units per score point, and the left margin, in the strip's own units.
const STEP: u32 = 10;
const LEFT: u32 = 12;
/// The dots' spacing upwards, and the room above the dots for the marker's label.
const ROW: u32 = 9;
const TOP: u32 = 18;

fn x(score: u32) -> u32 {
    LEFT + score * STEP
}

#[component]
pub fn Placement() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reachable = Memo::new(move |_| state.with_outcome(Outcome::Overall, |r| r.reachable_total));
    // Built once per framework: an edit moves only the marker and the sentence.
    move || {
        let framework = state.framework.get();
        published::applies_to(&framework).then(|| {
            let sentence = move || {
                let (lowest, highest) = reachable.get();
                words::placement_sentence(&published::place(published::inspections(), lowest, highest))
            };
            view! {
                <section class="placement" aria-labelledby="placement-heading" data-testid="placement">
                    <h2 id="placement-heading">"Where this score sits"</h2>
                    <p data-testid="placement-sentence">{sentence}</p>
                    {strip(&framework, reachable)}
                    {band_key(&framework)}
                    <p class="placement-source">
                        {format!("One dot per service: its newest report's overall score. Source: {}. ", published::SOURCE)}
                        {noted()}
                    </p>
                </section>
            }
        })
    }
}

/// The picture: bands and one dot per published inspection stacked by score, written
/// once, and the marker over them, which follows the score. Both are SVG text (numbers
/// and fixed class names only, nothing typed or read from a file): a string costs the
/// page far less code than a view per shape.
fn strip(framework: &Framework, reachable: Memo<(u32, u32)>) -> impl IntoView {
    let Shapes { svg, height, base } = shapes(framework);
    let marker = move || {
        let (lowest, highest) = reachable.get();
        Marker::new(lowest, highest, base).svg()
    };
    view! {
        <svg class="strip" viewBox=format!("0 0 {} {height}", x(published::OUT_OF) + LEFT) aria-hidden="true"
            data-testid="placement-strip" data-lowest=move || reachable.get().0
            data-highest=move || reachable.get().1>
            <g inner_html=svg></g>
            <g inner_html=marker></g>
        </svg>
    }
}

/// The strip's fixed shapes as SVG text, its height and the baseline of its dots.
struct Shapes {
    svg: String,
    height: u32,
    base: u32,
}

fn shapes(framework: &Framework) -> Shapes {
    use std::fmt::Write;
    let column = |score: u32| score.min(published::OUT_OF) as usize;
    let mut stacked = [0u32; published::OUT_OF as usize + 1];
    for inspection in published::inspections() {
        stacked[column(inspection.score)] += 1;
    }
    let tallest = stacked.iter().copied().max().unwrap_or(0);
    let base = TOP + tallest * ROW + 4;
    let height = base + 16;
    let mut svg = String::new();
    for rating in Rating::ALL {
        let (from, to) = band_range(framework, rating);
        let _ = write!(
            svg,
            r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}"/><text class="axis" x="{}" y="{}">{from}</text>"#,
            band_class(rating),
            x(from) - STEP / 2,
            TOP - 4,
            (to - from + 1) * STEP,
            base - TOP + 4,
            x(from),
            height - 2
        );
    }
    let _ = write!(
        svg,
        r#"<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>"#,
        x(published::OUT_OF),
        height - 2,
        published::OUT_OF
    );
    let mut level = [0u32; published::OUT_OF as usize + 1];
    for inspection in published::inspections() {
        let up = &mut level[column(inspection.score)];
        *up += 1;
        let class = if inspection.note.is_some() {
            r#" class="noted""#
        } else {
            ""
        };
        let (cx, cy) = (x(inspection.score), base + ROW / 2 - 1 - *up * ROW);
        let _ = write!(svg, r#"<circle{class} cx="{cx}" cy="{cy}" r="3.6"/>"#);
    }
    Shapes { svg, height, base }
}

/// Where the marker of a score (or of the range a partial scenario can reach) is drawn,
/// over dots whose baseline is `base`.
#[derive(Debug, PartialEq)]
struct Marker {
    x: u32,
    y: u32,
    width: u32,
    height: u32,
    label_x: u32,
    label_y: u32,
    label: String,
}

impl Marker {
    fn new(lowest: u32, highest: u32, base: u32) -> Marker {
        let highest = highest.max(lowest);
        Marker {
            x: x(lowest) - STEP / 2,
            y: TOP - 3,
            width: (highest - lowest + 1) * STEP,
            height: base - TOP + 3,
            label_x: (x(lowest) + x(highest)) / 2,
            label_y: TOP - 6,
            label: if lowest == highest {
                lowest.to_string()
            } else {
                format!("{lowest}\u{2013}{highest}")
            },
        }
    }

    /// As SVG text (numbers only).
    fn svg(&self) -> String {
        let Marker {
            x,
            y,
            width,
            height,
            label_x,
            label_y,
            label,
        } = self;
        format!(
            r#"<rect class="marker" x="{x}" y="{y}" width="{width}" height="{height}"/><text class="marker-label" x="{label_x}" y="{label_y}" text-anchor="middle">{label}</text>"#
        )
    }
}

/// The scores of an overall band under a framework: from its lowest score to one below
/// the next band's.
fn band_range(framework: &Framework, rating: Rating) -> (u32, u32) {
    let from = framework.overall_bands[rating.level()].from_score;
    let to = rating.raised().map_or(framework.max_score(), |next| {
        framework.overall_bands[next.level()].from_score.saturating_sub(1)
    });
    (from, to.max(from))
}

fn band_class(rating: Rating) -> &'static str {
    match rating {
        Rating::Outstanding => "band band-outstanding",
        Rating::Good => "band band-good",
        Rating::RequiresImprovement => "band band-ri",
        Rating::Inadequate => "band band-inadequate",
    }
}

/// The bands in words, so the shading never carries meaning by colour alone.
fn band_key(framework: &Framework) -> impl IntoView {
    let items = Rating::ALL.map(|rating| {
        let (from, to) = band_range(framework, rating);
        view! { <li><span class=band_class(rating)></span>{format!("{} {from}\u{2013}{to}", framework.label(rating))}</li> }
    });
    view! { <ul class="band-key" aria-label="Overall bands">{items}</ul> }
}

/// The rows the source data doubts, drawn hollow, with their note.
fn noted() -> String {
    let rows: Vec<String> = published::inspections()
        .iter()
        .filter_map(|i| {
            let note = i.note.as_deref()?;
            Some(format!(
                "{} ({}), {}/{}: {note}",
                i.service,
                i.published,
                i.score,
                published::OUT_OF
            ))
        })
        .collect();
    format!(
        "Drawn hollow, as the source data doubts them: {}.",
        rows.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use yj_rating_engine::published::{inspections, place};

    #[test]
    fn the_marker_sits_on_the_score_at_every_band_edge() {
        let base = shapes(Framework::youth_2018()).base;
        for score in [0, 6, 7, 18, 19, 30, 31, 36] {
            let marker = Marker::new(score, score, base);
            assert_eq!(
                (marker.x, marker.width),
                (LEFT + score * STEP - STEP / 2, STEP),
                "score {score}"
            );
            assert_eq!(marker.label, score.to_string());
            let sentence = words::placement_sentence(&place(inspections(), score, score));
            assert!(sentence.starts_with(&format!("{score}/36: ")), "{sentence}");
        }
    }

    #[test]
    fn a_partial_scenario_is_marked_as_the_span_it_can_reach() {
        let marker = Marker::new(10, 28, shapes(Framework::youth_2018()).base);
        assert_eq!((marker.x, marker.width), (LEFT + 10 * STEP - STEP / 2, 19 * STEP));
        assert_eq!(marker.label, "10\u{2013}28");
    }

    #[test]
    fn one_dot_per_published_inspection_and_the_doubted_ones_hollow() {
        let svg = shapes(Framework::youth_2018()).svg;
        assert_eq!(svg.matches("<circle").count(), 81);
        assert_eq!(svg.matches(r#"<circle class="noted""#).count(), 2);
    }

    #[test]
    fn bands_are_shaded_from_the_framework() {
        let youth = Framework::youth_2018();
        let ranges = Rating::ALL.map(|r| band_range(youth, r));
        assert_eq!(ranges, [(0, 6), (7, 18), (19, 30), (31, 36)]);
    }
}
