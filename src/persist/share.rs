//! Share links: the whole scenario file in the URL fragment, base64url-encoded, so a
//! scenario travels with no server.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The fragment prefix of a share link.
pub const PREFIX: &str = "#scenario=";

/// Encodes bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes unpadded (or padded) base64url; `None` if it is not.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The fragment that carries a scenario file's text.
pub fn fragment(scenario_json: &str) -> String {
    format!("{PREFIX}{}", encode(scenario_json.as_bytes()))
}

/// The longest fragment data read: the base64url of a scenario file of
/// [`yj_rating_engine::MAX_FILE_BYTES`]. Longer is refused before it is decoded.
pub const MAX_FRAGMENT_DATA: usize = yj_rating_engine::MAX_FILE_BYTES.div_ceil(3) * 4;

/// The scenario file text a fragment carries: `None` when the fragment is not a share
/// link, `Some(Err)` when it is one but damaged or longer than any scenario file may be.
pub fn from_fragment(fragment: &str) -> Option<Result<String, String>> {
    let data = fragment.strip_prefix(PREFIX)?;
    if data.len() > MAX_FRAGMENT_DATA {
        return Some(Err(format!(
            "The share link is too long: it carries more than a scenario file may hold ({} bytes).",
            yj_rating_engine::MAX_FILE_BYTES
        )));
    }
    Some(
        decode(data)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| {
                "The share link is damaged: it may have been cut short when it was copied.".to_owned()
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg");
        assert_eq!(encode(b"fo"), "Zm8");
        assert_eq!(encode(b"foo"), "Zm9v");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zm9vYg").as_deref(), Some(&b"foob"[..]));
        assert_eq!(decode("Zm9vYg==").as_deref(), Some(&b"foob"[..]));
        assert_eq!(decode("Zm9v!"), None);
        assert_eq!(decode("Z"), None);
    }

    #[test]
    fn every_byte_string_round_trips() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            assert_eq!(decode(&encode(&bytes)), Some(bytes));
        }
    }

    #[test]
    fn fragments() {
        let text = r#"{"format":"yj-rating-scenario","title":"Née"}"#;
        assert_eq!(from_fragment(&fragment(text)), Some(Ok(text.to_owned())));
        assert_eq!(from_fragment("#other"), None);
        assert!(matches!(from_fragment("#scenario=%%%"), Some(Err(_))));
        let longest = format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT_DATA));
        assert!(matches!(from_fragment(&longest), Some(Ok(_))));
        let longer = format!("{longest}AAAA");
        assert_eq!(
            from_fragment(&longer),
            Some(Err(
                "The share link is too long: it carries more than a scenario file may hold (32000000 bytes)."
                    .to_owned()
            ))
        );
    }
}
