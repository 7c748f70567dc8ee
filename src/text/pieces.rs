//! Cutting a giant paragraph into pieces that are laid out one at a time.
//!
//! Laying a paragraph out costs memory in proportion to its length (levels, glyphs, maps: about
//! 40 bytes per character), so a 50 MB line without a newline would need 2 GB at once. News
//! paragraphs are a few kilobytes; a line longer than [`MAX_PIECE`] is cut, preferably at a
//! space, else between grapheme clusters, and each piece is laid out as a paragraph of its own
//! (the bidi algorithm then sees one piece at a time, which only matters to text that is not
//! prose anyway).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The longest piece laid out at once, in bytes.
pub const MAX_PIECE: usize = 64 * 1024;

/// How far back from the limit a space is looked for.
const SPACE_WINDOW: usize = MAX_PIECE / 4;

/// The byte ranges of the pieces of `paragraph`, each at most `max` bytes unless a single
/// grapheme cluster is longer: one range, the whole paragraph, when it is short enough.
pub fn paragraph_pieces(paragraph: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(4);
    let mut pieces = Vec::with_capacity(paragraph.len() / max + 1);
    let mut start = 0;
    while paragraph.len() - start > max {
        let cut = cut_before(paragraph, start, start + max);
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..paragraph.len());
    pieces
}

/// Where to end a piece that starts at `start` and may not reach past `limit`: after the last
/// space in the window before `limit`, else at the last grapheme boundary before it.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let window_start = floor_char_boundary(text, limit.saturating_sub(SPACE_WINDOW).max(start));
    let limit_char = floor_char_boundary(text, limit);
    // (A mark after the space belongs to it: then that space is no place to cut.)
    let after_space = text[window_start..limit_char]
        .rmatch_indices(' ')
        .map(|(i, _)| window_start + i + 1)
        .find(|&cut| cut > start && is_cluster_start(text, cut));
    if let Some(cut) = after_space {
        return cut;
    }
    // No space: the last grapheme boundary at or before the limit, judged with some context
    // before it (a cluster is at most a few dozen bytes in real text).
    let context = floor_char_boundary(text, limit_char.saturating_sub(256).max(start));
    let boundary = text[context..limit_char]
        .grapheme_indices(true)
        .map(|(i, _)| context + i)
        .chain([limit_char])
        .rfind(|&i| i > start && is_cluster_start(text, i));
    match boundary {
        Some(cut) => cut,
        // A single cluster longer than the limit: keep it whole.
        None => text[start..]
            .grapheme_indices(true)
            .nth(1)
            .map_or(text.len(), |(i, _)| start + i),
    }
}

/// Whether a cluster really starts at `i` (the context window may begin inside a cluster, and
/// then its first boundaries are wrong; the real cluster that contains `i` tells).
fn is_cluster_start(text: &str, i: usize) -> bool {
    let before = floor_char_boundary(text, i.saturating_sub(64));
    text[before..]
        .grapheme_indices(true)
        .map(|(j, _)| before + j)
        .take_while(|&j| j <= i)
        .last()
        == Some(i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_short_paragraph_is_one_piece() {
        assert_eq!(paragraph_pieces("قال الوزير", 100), vec![0..19]);
        assert_eq!(paragraph_pieces("", 100), vec![0..0]);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_space() {
        let text = "كلمة ".repeat(100);
        let pieces = paragraph_pieces(&text, 64);
        assert!(pieces.len() > 1);
        for piece in &pieces[..pieces.len() - 1] {
            assert!(text[piece.clone()].ends_with(' '), "{piece:?}");
            assert!(piece.len() <= 64);
        }
    }

    #[test]
    fn without_spaces_harakat_stay_on_their_letter() {
        let text = "بَِّ".repeat(1000);
        for piece in paragraph_pieces(&text, 100) {
            assert!(text[piece.clone()].starts_with('ب'), "{piece:?}");
        }
    }

    proptest! {
        #![proptest_config(crate::text::proptest_config(256))]
        #[test]
        fn pieces_tile_the_paragraph_on_cluster_boundaries(
            text in "[ a\u{0628}\u{064E}\u{0651}\u{200D}\u{1F468}]{0,400}",
            max in 4usize..80,
        ) {
            let pieces = paragraph_pieces(&text, max);
            let mut end = 0;
            let clusters: Vec<usize> =
                text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
            for piece in &pieces {
                prop_assert_eq!(piece.start, end);
                prop_assert!(clusters.contains(&piece.end));
                let longest = text[piece.clone()].graphemes(true).map(str::len).max().unwrap_or(0);
                prop_assert!(piece.len() <= max || piece.len() == longest);
                end = piece.end;
            }
            prop_assert_eq!(end, text.len());
        }
    }
}
