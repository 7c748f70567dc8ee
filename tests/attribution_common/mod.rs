//! What the attribution test files share: the engine on a hand-made sentence, and its quotes as
//! (speaker name, quote text) pairs.
#![allow(dead_code)]

use rawi::attribution::{Extraction, Extractor};

/// The built-in engine on `text`; every quote's range is on character boundaries.
pub fn extract(text: &str) -> Extraction {
    let x = Extractor::builtin().extract(text);
    for q in &x.quotes {
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
    }
    x
}

/// (speaker name, quote text) pairs, in text order.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    pairs_of(&extract(text), text)
}

/// [`pairs`] of an extraction already made.
pub fn pairs_of(x: &Extraction, text: &str) -> Vec<(String, String)> {
    x.quotes
        .iter()
        .map(|q| {
            (
                x.speakers[q.speaker].name.clone(),
                text[q.range.clone()].to_string(),
            )
        })
        .collect()
}

pub fn assert_pairs(text: &str, expected: &[(&str, &str)]) {
    let got = pairs(text);
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, expected, "in: {text}");
}

/// The speaker of each quote, in text order.
pub fn speaker_names(text: &str) -> Vec<String> {
    let x = extract(text);
    x.quotes
        .iter()
        .map(|q| x.speakers[q.speaker].name.clone())
        .collect()
}
