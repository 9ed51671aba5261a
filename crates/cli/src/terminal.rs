//! Text from a file on a terminal: control characters (C0, DEL, C1) and invisible format
//! characters (bidirectional overrides and isolates, zero-width marks) are shown as Rust
//! escapes (`\u{1b}`), so that a title or name cannot move the cursor, set the window
//! title, clear the screen or reorder what is shown. And writing to standard output,
//! where a failure is an error.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

/// Whether `c` must not reach a terminal as it is (one rule for the CLI and the app).
fn unsafe_char(c: char) -> bool {
    yj_rating_engine::words::is_hidden_control(c)
}

/// `text` with every unsafe character (newlines and tabs included) written as `\u{..}`:
/// for one line of the table or one error message.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_except(text, |_| false)
}

/// `text` with unsafe characters escaped, except those `keep` allows.
fn escape_except(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    yj_rating_engine::words::show_hidden_controls_except(text, keep)
}

/// CSV for standard output. Into a file or a pipe it is data, written exactly as the
/// engine writes it (so `--csv - > out.csv` equals `--csv out.csv`); on a terminal,
/// where a person reads it, unsafe characters are escaped, keeping the line ends and tabs.
pub fn csv_for_stdout(csv: &str) -> Cow<'_, str> {
    if io::stdout().is_terminal() {
        escape_csv(csv)
    } else {
        Cow::Borrowed(csv)
    }
}

/// The CSV as a terminal shows it: line ends and tabs kept, other unsafe characters escaped.
fn escape_csv(csv: &str) -> Cow<'_, str> {
    escape_except(csv, |c| matches!(c, '\r' | '\n' | '\t'))
}

/// Whether serde_json leaves `c` raw in a string although it must not reach a terminal:
/// DEL, C1 controls and format characters (it escapes C0 controls itself).
fn raw_in_json(c: char) -> bool {
    c >= '\u{7f}' && unsafe_char(c)
}

/// JSON with the characters [`raw_in_json`] written as `\uXXXX` JSON escapes: the same
/// JSON value, safe on a terminal. Outside strings serde_json writes only ASCII, so every
/// such character is inside a string.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(raw_in_json) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if raw_in_json(c) {
            // Every unsafe character is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `text` to standard output and flushes it.
///
/// # Errors
/// The message to print on standard error when the output cannot be written (a full
/// disk, `> /dev/full`); `None` for a pipe closed by its reader (`| head`), which
/// needs no message.
pub fn print(text: &str) -> Result<(), Option<String>> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|err| {
            (err.kind() != io::ErrorKind::BrokenPipe)
                .then(|| format!("yj-rating: cannot write to standard output: {err}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_format_characters_are_escaped() {
        assert_eq!(escape("Torbay"), Cow::Borrowed("Torbay"));
        assert_eq!(escape("Née – ✓ 日本"), "Née – ✓ 日本");
        assert_eq!(
            escape("\u{1b}]0;owned\u{7}\u{1b}[2J"),
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(escape("a\nOverall 36/36\r\t"), "a\\u{a}Overall 36/36\\u{d}\\u{9}");
        assert_eq!(escape("\u{7f}\u{85}\u{9b}"), "\\u{7f}\\u{85}\\u{9b}");
        assert_eq!(escape("x\u{202e}gnp.exe"), "x\\u{202e}gnp.exe");
        assert_eq!(
            escape("\u{2066}a\u{2069}\u{200f}\u{feff}"),
            "\\u{2066}a\\u{2069}\\u{200f}\\u{feff}"
        );
    }

    #[test]
    fn csv_keeps_its_line_ends_and_tabs() {
        assert_eq!(
            escape_csv("a,\"b\r\nc\"\r\n\t"),
            Cow::Borrowed("a,\"b\r\nc\"\r\n\t")
        );
        assert_eq!(escape_csv("\u{1b}[2J,\u{202e}\r\n"), "\\u{1b}[2J,\\u{202e}\r\n");
    }

    #[test]
    fn json_stays_the_same_value() {
        let value = serde_json::json!({ "title": "\u{1b}[2J \u{7f}\u{85} \u{202e}x\u{2069} ok" });
        for text in [
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            let safe = json(&text);
            assert!(!safe.chars().any(|c| unsafe_char(c) && c != '\n'), "{safe}");
            assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), value);
        }
        assert_eq!(json("{\n  \"a\": 1\n}"), Cow::Borrowed("{\n  \"a\": 1\n}"));
    }
}
