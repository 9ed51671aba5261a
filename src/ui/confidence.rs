//! Sample confidence beside a case standard's key questions (issue #5): how sure each
//! band is given how few cases it rests on. Collapsed by default; information only, it
//! never changes a rating. The engine computes every figure (`yj_rating_engine::confidence`);
//! this view only words them.

use crate::app::{AppState, Part};
use leptos::either::Either;
use leptos::prelude::*;
use yj_rating_engine::{confidence, Confidence, ConfidenceLevel, Framework, KeyQuestionResult, Standard};

/// Where the browser keeps the confidence level: its own key, apart from the scenario
/// library, whose format it leaves alone.
pub const LEVEL_KEY: &str = "yj-rating.confidence-level";

/// The display preference shared by every standard's panel: which confidence level the
/// intervals use. Not part of the scenario: kept in this browser under [`LEVEL_KEY`].
#[derive(Clone, Copy)]
pub struct ConfidencePreference {
    pub level: RwSignal<ConfidenceLevel>,
}

impl ConfidencePreference {
    /// The preference at its default, 80%.
    pub fn new() -> ConfidencePreference {
        ConfidencePreference {
            level: RwSignal::new(ConfidenceLevel::default()),
        }
    }

    /// The preference as this browser last kept it (80% when it kept none, or cannot).
    pub fn load() -> ConfidencePreference {
        let stored = local_storage()
            .and_then(|s| s.get_item(LEVEL_KEY).ok().flatten())
            .and_then(|text| text.parse().ok())
            .and_then(ConfidenceLevel::from_percent);
        ConfidencePreference {
            level: RwSignal::new(stored.unwrap_or_default()),
        }
    }

    /// Switches every panel to `level` and keeps it in this browser (silently not,
    /// where storage is unavailable: it is only a display preference).
    pub fn set(&self, level: ConfidenceLevel) {
        self.level.set(level);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(LEVEL_KEY, &level.percent().to_string());
        }
    }
}

/// Local storage, if the browser offers it; never panics.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Default for ConfidencePreference {
    fn default() -> Self {
        ConfidencePreference::new()
    }
}

/// A probability as a whole percentage for people: never "0%" or "100%" for something
/// merely unlikely or likely.
///
/// ```
/// use yj_rating_app::ui::chance;
/// assert_eq!(chance(0.3437), "34%");
/// assert_eq!(chance(0.001), "under 1%");
/// assert_eq!(chance(0.9996), "over 99%");
/// assert_eq!(chance(0.0), "0%");
/// ```
pub fn chance(probability: f64) -> String {
    let percent = whole_percent(probability);
    match () {
        _ if probability <= 0.0 => "0%".to_owned(),
        _ if probability >= 1.0 => "100%".to_owned(),
        _ if percent < 1 => "under 1%".to_owned(),
        _ if percent > 99 => "over 99%".to_owned(),
        _ => format!("{}%", whole_percent(probability)),
    }
}

/// A probability from 0 to 1 as a whole percentage (integer formatting only).
fn whole_percent(probability: f64) -> u32 {
    // In 0..=100 after the clamp, so the cast is exact.
    (probability.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The interval in words: "80% sure: 33%–82%".
pub fn interval_text(c: &Confidence) -> String {
    format!(
        "{}% sure: {}%\u{2013}{}%",
        c.level.percent(),
        c.interval.lower_percent(),
        c.interval.upper_percent()
    )
}

/// The chance of several bands together, added up from the whole percentages the table
/// shows for each, so the sentence and the table always agree.
fn chance_of(bands: &[f64]) -> String {
    let shown: u32 = bands.iter().map(|&p| whole_percent(p)).sum();
    let probability: f64 = bands.iter().sum();
    match shown {
        0 if probability > 0.0 => "under 1%".to_owned(),
        _ if shown > 99 && probability < 1.0 => "over 99%".to_owned(),
        _ => format!("{shown}%"),
    }
}

/// "a" or "an" before a chance as it is read aloud: an 8%, an 11%, an 18%, an 80-89%,
/// an under 1%, an over 99%.
fn article(chance: &str) -> &'static str {
    let eleven_or_eighteen = chance.starts_with("11%") || chance.starts_with("18%");
    if eleven_or_eighteen || chance.starts_with(['8', 'u', 'o']) {
        "an"
    } else {
        "a"
    }
}

/// The band chances in a sentence for trainers, e.g. "With 5 relevant cases, there is a
/// 34% chance the true figure is in a lower band than Too few, 30% that it is in Too few
/// and 35% that it is in a higher band." Each figure is the table's, added up.
pub fn chances_sentence(framework: &Framework, c: &Confidence) -> String {
    let band = framework.band_name(c.band);
    let s = crate::words::plural(c.relevant);
    let level = c.band.level();
    let (lower, same, higher) = (
        &c.band_probabilities[..level],
        &c.band_probabilities[level..=level],
        &c.band_probabilities[level + 1..],
    );
    let mut parts = Vec::new();
    if !lower.is_empty() {
        parts.push(format!(
            "{} chance the true figure is in a lower band than {band}",
            chance_of(lower)
        ));
    }
    let same = chance_of(same);
    parts.push(if parts.is_empty() {
        format!("{same} chance the true figure is in {band}")
    } else {
        format!("{same} that it is in {band}")
    });
    if !higher.is_empty() {
        parts.push(format!("{} that it is in a higher band", chance_of(higher)));
    }
    let joined = match parts.as_slice() {
        [one] => one.clone(),
        [first, second] => format!("{first} and {second}"),
        [first, middle @ .., last] => format!("{first}, {} and {last}", middle.join(", ")),
        [] => String::new(),
    };
    format!(
        "With {} relevant case{s}, there is {} {joined}.",
        c.relevant,
        article(&joined)
    )
}

/// The "Show sample confidence" toggle and, when open, the figures of every key question
/// of a case standard.
#[component]
pub fn SampleConfidence(
    standard: Standard,
    key_questions: Vec<Memo<Option<KeyQuestionResult>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let preference = use_context::<ConfidencePreference>().unwrap_or_default();
    let framework = state.framework_now();
    let open = RwSignal::new(false);
    let id = standard.id.clone();
    let slug = id.replace('.', "-");
    let panel_id = format!("confidence-{slug}");
    let level_id = format!("confidence-level-{slug}");
    let rounding = Memo::new(move |_| state.with_part(&Part::Rounding, |f| f.rounding));
    let figures = figures(framework.clone(), open, preference, rounding, key_questions);
    let key_questions = standard.key_questions.clone();
    let rows = {
        let id = id.clone();
        move || {
            let figures = figures.get();
            key_questions
                .iter()
                .enumerate()
                .map(|(k, kq)| confidence_row(&id, &kq.id, figures.get(k).copied().flatten()))
                .collect_view()
        }
    };
    let sentences = {
        let (key_questions, framework) = (standard.key_questions.clone(), framework.clone());
        move || {
            figures
                .get()
                .iter()
                .zip(&key_questions)
                .filter_map(|(entry, kq)| {
                    entry.map(
                        |c| view! { <li>{format!("{}: {}", kq.id, chances_sentence(&framework, &c))}</li> },
                    )
                })
                .collect_view()
        }
    };
    let band_headers = framework
        .key_question_bands
        .iter()
        .map(|b| view! { <th scope="col">{format!("Chance: {}", b.name)}</th> })
        .collect_view();
    // Also the name of the table's scrolling region, which is focusable so that a table
    // wider than the page (presentation mode) can be scrolled by keyboard.
    let caption = format!("Sample confidence for {} {}", standard.id, standard.name);
    let level_testid = format!("confidence-level-{id}");
    let words_testid = format!("confidence-words-{id}");
    let panel = move || {
        open.get().then(|| {
            view! {
                    <p class="hint">"How sure each band is, given how few cases it rests on: an interval for the true \
                        figure and the chance that it lies in each band. Information only: it never changes a rating."</p>
                    {level_choice(level_id.clone(), level_testid.clone(), preference)}
                    <div class="table-wrap" tabindex="0" role="region" aria-label=caption.clone()>
                        <table class="confidence-table">
                            <caption class="visually-hidden">{caption.clone()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Key question"</th>
                                    <th scope="col">"Relevant cases"</th>
                                    <th scope="col">"The true figure is likely between"</th>
                                    {band_headers.clone()}
                                </tr>
                            </thead>
                            <tbody>{rows.clone()}</tbody>
                        </table>
                    </div>
                    <ul class="plain confidence-words" aria-live="polite" data-testid=words_testid.clone()>
                        {sentences.clone()}
                    </ul>
            }
        })
    };
    view! {
        <div class="sample-confidence" data-testid=format!("confidence-{id}")>
            <button type="button" class="link-button confidence-toggle" data-testid=format!("confidence-toggle-{id}")
                aria-expanded=move || open.get().to_string() aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide sample confidence" } else { "Show sample confidence" }}
            </button>
            <div id=panel_id class="confidence-panel" hidden=move || !open.get()>
                {panel}
            </div>
        </div>
    }
}

/// The figures of every key question of a standard while its panel is open: one entry
/// per key question, `None` where it has none (not entered, 0 relevant).
fn figures(
    framework: std::sync::Arc<Framework>,
    open: RwSignal<bool>,
    preference: ConfidencePreference,
    rounding: Memo<yj_rating_engine::Rounding>,
    key_questions: Vec<Memo<Option<KeyQuestionResult>>>,
) -> Memo<Vec<Option<Confidence>>> {
    Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let level = preference.level.get();
        let rounding = rounding.get();
        key_questions
            .iter()
            .map(|kq| {
                let answers = kq.with(|kq| kq.as_ref().and_then(|kq| kq.answers));
                confidence(&framework, answers, rounding, level)
            })
            .collect()
    })
}

/// One key question's row of the confidence table: its relevant cases, interval and the
/// chance of each band (or a note that it has no figures).
fn confidence_row(standard: &str, key_question: &str, entry: Option<Confidence>) -> impl IntoView {
    let testid = format!("confidence-{standard}-{key_question}");
    let cells = match entry {
        Some(c) => {
            let bands = c
                .band_probabilities
                .iter()
                .enumerate()
                .map(|(b, p)| {
                    let rated = b == c.band.level();
                    view! {
                        <td class="band-chance" class:rated-band=rated>
                            <span class="figure">{chance(*p)}</span>
                            <span class="bar" aria-hidden="true">
                                <span class="bar-fill" style:width=format!("{}%", whole_percent(*p))></span>
                            </span>
                            {rated.then(|| view! { <span class="rated-mark">"this figure's band"</span> })}
                        </td>
                    }
                })
                .collect_view();
            Either::Left(view! {
                <td data-testid=format!("{testid}-relevant")>{c.relevant}</td>
                <td class="interval" data-testid=format!("{testid}-interval")>{interval_text(&c)}</td>
                {bands}
            })
        }
        None => Either::Right(view! {
            <td colspan="6" class="muted" data-testid=format!("{testid}-none")>
                "No figures: no relevant cases entered"
            </td>
        }),
    };
    view! {
        <tr data-testid=testid>
            <th scope="row">{key_question.to_owned()}</th>
            {cells}
        </tr>
    }
}

/// The confidence level the figures are given at, shared by every standard.
fn level_choice(id: String, testid: String, preference: ConfidencePreference) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"Confidence level"</label>
            <select id=id data-testid=testid
                on:change=move |ev| {
                    let level = event_target_value(&ev).parse().ok().and_then(ConfidenceLevel::from_percent);
                    if let Some(level) = level {
                        preference.set(level);
                    }
                }>
                {ConfidenceLevel::ALL.map(|level| view! {
                    <option value=level.percent().to_string()
                        prop:selected=move || preference.level.get() == level>
                        {match level {
                            ConfidenceLevel::Eighty => "80% (the level inspections sample to)",
                            ConfidenceLevel::NinetyFive => "95%",
                        }}
                    </option>
                })}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yj_rating_engine::{Answers, Rating, Rounding};

    fn figures(yes: u32, relevant: u32) -> Confidence {
        let answers = Some(Answers { relevant, yes });
        confidence(
            Framework::youth_2018(),
            answers,
            Rounding::Exact,
            ConfidenceLevel::Eighty,
        )
        .unwrap()
    }

    #[test]
    fn interval_in_words() {
        assert_eq!(interval_text(&figures(3, 5)), "80% sure: 33%\u{2013}82%");
    }

    #[test]
    fn chances_in_a_sentence_for_a_middle_band() {
        let c = figures(3, 5);
        assert_eq!(c.band, Rating::RequiresImprovement);
        assert_eq!(
            chances_sentence(Framework::youth_2018(), &c),
            "With 5 relevant cases, there is a 34% chance the true figure is in a lower band than Too few, \
             30% that it is in Too few and 35% that it is in a higher band."
        );
    }

    #[test]
    fn chances_in_a_sentence_at_the_ends() {
        let youth = Framework::youth_2018();
        assert_eq!(
            chances_sentence(youth, &figures(0, 1)),
            "With 1 relevant case, there is a 75% chance the true figure is in Minority and 25% that it is \
             in a higher band."
        );
        assert_eq!(
            chances_sentence(youth, &figures(5, 5)),
            "With 5 relevant cases, there is a 27% chance the true figure is in a lower band than Large \
             majority and 74% that it is in Large majority."
        );
    }

    #[test]
    fn the_sentence_adds_up_the_figures_the_table_shows() {
        let youth = Framework::youth_2018();
        for relevant in 1..=40 {
            for yes in 0..=relevant {
                let c = figures(yes, relevant);
                let sentence = chances_sentence(youth, &c);
                let level = c.band.level();
                let table: Vec<u32> = c.band_probabilities.iter().map(|&p| whole_percent(p)).collect();
                let lower: u32 = table[..level].iter().sum();
                let higher: u32 = table[level + 1..].iter().sum();
                if level > 0 && lower > 0 && lower <= 99 {
                    assert!(
                        sentence.contains(&format!(" {lower}% chance the true figure is in a lower band")),
                        "{sentence} vs {table:?}"
                    );
                }
                if level < 3 && higher > 0 && higher <= 99 {
                    assert!(
                        sentence.contains(&format!(" {higher}% that it is in a higher band")),
                        "{sentence} vs {table:?}"
                    );
                }
                assert!(
                    !sentence.contains(" a 8")
                        && !sentence.contains(" a 11%")
                        && !sentence.contains(" a 18%"),
                    "{sentence}"
                );
            }
        }
    }

    #[test]
    fn an_before_figures_read_with_a_vowel() {
        assert_eq!(article("88%"), "an");
        assert_eq!(article("8%"), "an");
        assert_eq!(article("11%"), "an");
        assert_eq!(article("18%"), "an");
        assert_eq!(article("under 1%"), "an");
        assert_eq!(article("over 99%"), "an");
        assert_eq!(article("1%"), "a");
        assert_eq!(article("110%"), "a");
        assert_eq!(article("34%"), "a");
    }

    #[test]
    fn chances_never_round_to_certainty() {
        assert_eq!(chance(0.004), "under 1%");
        assert_eq!(chance(0.996), "over 99%");
        assert_eq!(chance(1.0), "100%");
        assert_eq!(chance(0.5), "50%");
    }
}
