//! A very long article, extracted a piece at a time.
//!
//! News articles are a few kilobytes; a text of many megabytes (a book, a dump, a hostile file)
//! would make the engine's per-article tables (tokens, entities, salience) grow with the whole
//! text, and some of its look-ups with the number of speakers met so far. So a text longer than
//! [`MAX_PIECE`] is cut at paragraph ends (else sentence ends, else spaces) into pieces of at
//! most that size, each extracted on its own; the pieces' speakers are joined by name. Memory
//! and time then stay in proportion to the text. Nothing that reaches across a cut (an implicit
//! subject, an alias) is lost in an article of normal size.

use std::ops::Range;

use super::{Extraction, Speaker};

/// The longest text extracted in one go, in bytes.
pub const MAX_PIECE: usize = 256 * 1024;

/// The byte ranges of `text`'s pieces: each at most `max` bytes (unless no cut can be made),
/// ending after a newline when there is one in the second half of the piece, else after a full
/// stop, else after a space.
pub fn pieces(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / max + 1);
    let mut start = 0;
    while text.len() - start > max {
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let limit = floor(start + max);
        let from = floor(start + max / 2);
        let window = &text[from..limit];
        let cut = [window.rfind('\n'), window.rfind(". "), window.rfind(' ')]
            .into_iter()
            .find_map(|found| found.map(|i| from + i + 1))
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Appends `piece`'s extraction (found in the text at `offset`) to `whole`: its ranges moved
/// by `offset`, its speakers joined to those of `whole` with the same name and kind.
pub fn append(whole: &mut Extraction, piece: Extraction, offset: usize) {
    let shift = |r: &Range<usize>| r.start + offset..r.end + offset;
    let mut number = Vec::with_capacity(piece.speakers.len());
    for speaker in piece.speakers {
        let same = whole
            .speakers
            .iter()
            .position(|s| s.name == speaker.name && s.kind == speaker.kind);
        let mentions = speaker.mentions.iter().map(shift);
        match same {
            Some(i) => {
                let joined = &mut whole.speakers[i];
                joined.mentions.extend(mentions);
                joined.quotes += speaker.quotes;
                joined.confidence = joined.confidence.max(speaker.confidence);
                for alias in speaker.aliases {
                    if !joined.aliases.contains(&alias) {
                        joined.aliases.push(alias);
                    }
                }
                if joined.role.is_none() {
                    joined.role = speaker.role;
                }
                number.push(i);
            }
            None => {
                whole.speakers.push(Speaker {
                    mentions: mentions.collect(),
                    ..speaker
                });
                number.push(whole.speakers.len() - 1);
            }
        }
    }
    for mut quote in piece.quotes {
        quote.speaker = number[quote.speaker];
        quote.range = shift(&quote.range);
        whole.quotes.push(quote);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_paragraphs_and_cover_the_text() {
        let text = "أ".repeat(30) + "\n" + &"ب ".repeat(40) + "\n" + &"ج".repeat(100);
        let pieces = pieces(&text, 64);
        assert_eq!(pieces.first().unwrap().start, 0);
        assert_eq!(pieces.last().unwrap().end, text.len());
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for piece in &pieces {
            assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
            assert!(piece.len() <= 64, "{piece:?}");
        }
        assert!(
            text[pieces[0].clone()].ends_with('\n'),
            "cut after a newline"
        );
    }

    #[test]
    fn a_long_text_gives_what_its_paragraphs_give_with_one_entry_per_speaker() {
        let paragraph =
            "قال الوزير سالم حداد إن العمل مستمر.\nوقالت الوزيرة ليلى نادر إن الخطة جاهزة.\n";
        let copies = 2 * MAX_PIECE / paragraph.len();
        let text = paragraph.repeat(copies);
        let whole = crate::attribution::Extractor::builtin().extract(&text);
        let names: Vec<&str> = whole.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.len(), 2, "one entry each: {names:?}");
        assert!(names[0].ends_with("سالم حداد") && names[1].ends_with("ليلى نادر"));
        assert_eq!(whole.quotes.len(), 2 * copies);
        assert_eq!(whole.speakers[0].quotes, copies);
        for q in &whole.quotes {
            let said = &text[q.range.clone()];
            assert!(said == "العمل مستمر" || said == "الخطة جاهزة", "{said}");
        }
    }
}
