//! Arabic normalisation for matching and search, with a map back to the original text.
//!
//! Folding: harakat and other Arabic marks and tatweel are dropped; alef forms (أ إ آ ٱ) become ا;
//! alef maqsura ى becomes ي; taa marbuta ة becomes ه; Persian kaf/yeh fold to Arabic ones;
//! Latin letters are lowercased. Every folded char remembers the byte offset of the original
//! char it came from, so that a match in folded text maps back to an exact original range.

use std::ops::Range;

/// Folds one char for matching: `None` when it is ignored (a mark or tatweel).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    // Fast path: most Arabic letters and ASCII stay as they are.
    if matches!(c, '\u{0627}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}' | 'a'..='z' | '0'..='9')
    {
        return Some(c);
    }
    match c {
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => None,
        '\u{0640}' => None, // tatweel
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => {
            Some('\u{0627}')
        }
        '\u{0649}' | '\u{06CC}' | '\u{064A}' => Some('\u{064A}'),
        '\u{0629}' | '\u{06C0}' | '\u{06C1}' | '\u{06D5}' => Some('\u{0647}'),
        '\u{06A9}' => Some('\u{0643}'),
        '\u{0624}' => Some('\u{0648}'),
        '\u{0626}' => Some('\u{064A}'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        '\u{200B}'..='\u{200F}'
        | '\u{2066}'..='\u{2069}'
        | '\u{202A}'..='\u{202E}'
        | '\u{061C}' => None,
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        c => Some(c),
    }
}

/// Text folded with [`fold_char`], plus the original byte offset of every folded byte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` = byte offset in the original of the char that produced folded byte `i`;
    /// one extra entry at the end holds the original length.
    origin: Vec<u32>,
    /// `origin_end[i]` = end (exclusive) of that original char.
    origin_end: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut origin_end = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            if let Some(f) = fold_char(c) {
                let end = (i + c.len_utf8()) as u32;
                for _ in 0..f.len_utf8() {
                    origin.push(i as u32);
                    origin_end.push(end);
                }
                text.push(f);
            }
        }
        origin.push(original.len() as u32);
        Folded {
            text,
            origin,
            origin_end,
        }
    }

    /// Maps a byte range of the folded text back to the original text. Marks that follow the
    /// last matched letter in the original are not included; the range always starts and ends
    /// on char boundaries of the original.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin[folded.start.min(self.origin.len() - 1)] as usize;
        let end = if folded.end == 0 || folded.end <= folded.start {
            start
        } else {
            self.origin_end[folded.end - 1] as usize
        };
        start..end
    }
}

/// Folds a whole string (for queries and lexicon entries).
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// All non-overlapping matches of `needle` in `haystack`, as byte ranges of the original
/// haystack, matching insensitively to harakat, tatweel, alef forms, alef maqsura and taa marbuta.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = fold(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let folded = Folded::new(haystack);
    memchr::memmem::find_iter(folded.text.as_bytes(), needle.as_bytes())
        .map(|i| folded.original_range(i..i + needle.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamza_free_query_finds_hamzated_text() {
        let text = "قال إن الأمن مهم";
        let hits = find_all(text, "الامن");
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "الأمن");
    }

    #[test]
    fn harakat_and_tatweel_are_ignored_and_range_is_exact() {
        let text = "وقـــــال مُحَمَّدٌ";
        let hits = find_all(text, "وقال");
        assert_eq!(&text[hits[0].clone()], "وقـــــال");
        let hits = find_all(text, "محمد");
        assert_eq!(&text[hits[0].clone()], "مُحَمَّد");
    }

    #[test]
    fn taa_marbuta_and_alef_maqsura_fold() {
        assert_eq!(find_all("مدينة على", "مدينه علي").len(), 1);
    }
}
