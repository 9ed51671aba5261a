//! The one strict JSON reader behind every text the engine reads (scenario files, share
//! links, framework files, the JavaScript API): a byte-order mark at the start is skipped,
//! as browsers do; a text longer than [`MAX_FILE_BYTES`] is refused before it is parsed;
//! an object with the same key twice, or nesting deeper than [`MAX_DEPTH`], is refused
//! with its path, where `serde_json` alone would keep the last duplicate.

use crate::error::{Error, Problem};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// The longest text (in bytes, UTF-8) read as a scenario or framework file, refused
/// before any parsing. It holds the largest file the format's limits allow under the
/// built-in frameworks: two domains of [`crate::MAX_CASES`] cases, every answer given,
/// each case with a 40-character label and a 200-character note, is about 19 MB
/// pretty-printed (31 MB if every note character takes four bytes).
///
/// ```
/// let huge = " ".repeat(yj_rating_engine::MAX_FILE_BYTES + 1);
/// let err = yj_rating_engine::Scenario::from_json_str(&huge).unwrap_err();
/// assert_eq!(err.to_string(),
///     "the file is 32000001 bytes long, more than the 32000000 a file may have");
/// ```
pub const MAX_FILE_BYTES: usize = 32_000_000;

/// The deepest nesting of arrays and objects read: a scenario file needs 7 levels, a
/// framework file 4; deeper input is refused, so that no reader can exhaust its stack.
///
/// ```
/// let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
/// let err = yj_rating_engine::parse_json(&deep).unwrap_err();
/// assert!(err.to_string().ends_with(": nested more than 64 deep"));
/// ```
pub const MAX_DEPTH: usize = 64;

/// Parses `text` as JSON strictly: see the module notes. The scenario and framework
/// readers all start here.
///
/// # Errors
/// A text over [`MAX_FILE_BYTES`]; text that is not JSON; an object with a duplicate key
/// (named with the object's path); nesting deeper than [`MAX_DEPTH`].
///
/// ```
/// use yj_rating_engine::parse_json;
/// let err = parse_json(r#"{ "standards": { "3.2": { "key_questions": {
///     "safety": { "yes": 1 }, "safety": { "yes": 2 } } } } }"#).unwrap_err();
/// assert_eq!(err.to_string(), r#"standards.3.2.key_questions: duplicate key "safety""#);
/// assert_eq!(parse_json("\u{feff}[1]").unwrap(), serde_json::json!([1]));
/// ```
pub fn parse_json(text: &str) -> Result<Value, Error> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Error::one(
            "",
            format!(
                "the file is {} bytes long, more than the {MAX_FILE_BYTES} a file may have",
                text.len()
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let found = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let seed = Strict {
        path: &Path::Root,
        depth: 0,
        found: &found,
    };
    let parsed = seed
        .deserialize(&mut reader)
        .and_then(|value| reader.end().map(|()| value));
    parsed.map_err(|err| match found.take() {
        Some(problem) => Error::new(vec![problem]),
        None => Error::one("", format!("not valid JSON: {err}")),
    })
}

/// Where a value sits in the document, without allocating while all is well.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    segments.push((*key).to_owned());
                    at = parent;
                }
                Path::Index(parent, index) => {
                    segments.push(index.to_string());
                    at = parent;
                }
            }
        }
        segments.reverse();
        segments.join(".")
    }
}

/// Reads one value at `path`, `depth` levels down, reporting the first problem in `found`.
struct Strict<'a> {
    path: &'a Path<'a>,
    depth: usize,
    found: &'a RefCell<Option<Problem>>,
}

impl Strict<'_> {
    fn refuse<E: de::Error>(&self, path: String, message: String) -> E {
        let problem = Problem::new(path, message);
        let text = problem.to_string();
        *self.found.borrow_mut() = Some(problem);
        E::custom(text)
    }

    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.refuse(self.path.render(), format!("nested more than {MAX_DEPTH} deep")));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            let seed = Strict {
                path: &Path::Index(self.path, items.len()),
                depth: self.depth + 1,
                found: self.found,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(self.refuse(self.path.render(), format!("duplicate key \"{key}\"")));
            }
            let seed = Strict {
                path: &Path::Key(self.path, &key),
                depth: self.depth + 1,
                found: self.found,
            };
            let value = map.next_value_seed(seed)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn refused(text: &str) -> String {
        parse_json(text).unwrap_err().to_string()
    }

    #[test]
    fn duplicates_are_refused_with_their_path() {
        assert_eq!(refused(r#"{"a": 1, "a": 2}"#), r#"duplicate key "a""#);
        assert_eq!(
            refused(r#"{"case_samples": {"2": {"cases": [{}, {"label": "x", "label": "y"}]}}}"#),
            r#"case_samples.2.cases.1: duplicate key "label""#
        );
        // Escapes that spell the same key are the same key.
        assert_eq!(
            refused(r#"{"b": {"ab": 1, "a\u0062": 2}}"#),
            r#"b: duplicate key "ab""#
        );
        // The same key in different objects is not a duplicate.
        assert!(parse_json(r#"{"a": {"k": 1}, "b": {"k": 1}, "k": [{"k": 1}, {"k": 2}]}"#).is_ok());
    }

    #[test]
    fn depth_is_limited_with_its_path() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_json(&ok).is_ok());
        let deep = format!("{}{}", r#"{"a":"#.repeat(5_000), "}".repeat(5_000));
        let message = refused(&deep);
        assert!(message.starts_with(&"a.".repeat(63)), "{message}");
        assert!(message.ends_with("a: nested more than 64 deep"), "{message}");
    }

    #[test]
    fn byte_order_mark_and_errors() {
        assert_eq!(
            parse_json("\u{feff}{\"a\": null}").unwrap(),
            serde_json::json!({"a": null})
        );
        assert!(refused("\u{feff}\u{feff}{}").starts_with("not valid JSON: "));
        assert!(refused("{} x").starts_with("not valid JSON: trailing characters"));
        assert!(refused("").starts_with("not valid JSON: EOF"));
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(".{0,4}", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Without duplicate keys, the strict reader reads exactly what serde_json reads.
        #[test]
        fn agrees_with_serde_json(value in json_value(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            let plain: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(parse_json(&text), Ok(plain));
        }

        /// On any text, what the strict reader accepts serde_json accepts the same way, and
        /// what serde_json refuses the strict reader refuses.
        #[test]
        fn never_accepts_more_than_serde_json(text in r#"[\[\]{}",:0-9a-z \\]{0,40}"#) {
            let plain: Option<Value> = serde_json::from_str(&text).ok();
            match parse_json(&text) {
                Ok(value) => prop_assert_eq!(plain, Some(value)),
                Err(_) => prop_assert!(plain.is_none() || text.contains(':')),
            }
        }
    }
}
