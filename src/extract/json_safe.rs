//! JSON written by `rawi extract` may end up in a terminal (`rawi extract a.txt | less`). JSON
//! escapes the C0 controls itself (`\u001b`), but DEL, the C1 controls and the bidi formatting
//! characters are valid in a JSON string as they are; this escapes those too, as `\u009b`, so
//! that the output is the same JSON value and safe to print.

use std::fmt::Write;

use crate::text::is_bidi_format;

/// Would act on a terminal (or reorder what is around it) if printed raw.
fn needs_escape(c: char) -> bool {
    c == '\u{7F}' || ('\u{80}'..='\u{9F}').contains(&c) || is_bidi_format(c)
}

/// Escapes, in serialised JSON (`json[from..]`), every character that [`needs_escape`]. Such
/// characters can only be inside strings (JSON's own syntax is ASCII), where `\uXXXX` means the
/// same character.
pub fn escape_terminal_controls(json: &mut Vec<u8>, from: usize) {
    let Ok(text) = std::str::from_utf8(&json[from..]) else {
        return; // serde_json writes UTF-8; nothing to do otherwise
    };
    if !text.chars().any(needs_escape) {
        return;
    }
    let mut escaped = String::with_capacity(text.len() + 32);
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(escaped, "\\u{:04x}", c as u32);
        } else {
            escaped.push(c);
        }
    }
    json.truncate(from);
    json.extend_from_slice(escaped.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_del_c1_and_bidi_controls_and_keeps_the_value() {
        let value = serde_json::json!({"text": "a\u{7f}b\u{9b}c\u{202e}d\u{2067}e\u{1b}f عربي"});
        let mut json = b"prefix ".to_vec();
        serde_json::to_writer(&mut json, &value).unwrap();
        escape_terminal_controls(&mut json, 7);
        let text = std::str::from_utf8(&json[7..]).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() || is_bidi_format(c)),
            "{text}"
        );
        assert!(
            text.contains("\\u202e") && text.contains("\\u001b"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, value);
        assert!(json.starts_with(b"prefix "));
    }
}
