//! Cell width of one grapheme, exactly as ratatui paints it.
//!
//! ratatui's buffer splits a string into graphemes and gives each `CellWidth::cell_width()`
//! cells (unicode-width per grapheme, with its own adjustments). Measuring a whole string with
//! `str::width` (or `Line::width`) is wrong for Arabic: unicode-width counts the logical pair لا as
//! one column, because a shaping terminal draws one ligature, but the buffer paints ل and ا as two
//! graphemes in two cells. So the layout measures every grapheme on its own, with ratatui's
//! function, after shaping.

use ratatui::buffer::CellWidth;

/// Cells that ratatui paints for the grapheme `g` (not containing control characters).
#[inline]
pub fn grapheme_width(g: &str) -> u16 {
    if is_plain_narrow(g) {
        1
    } else {
        g.cell_width()
    }
}

/// Fast path: printable ASCII, or an Arabic letter or presentation form followed only by Arabic
/// marks, which ratatui always paints in one cell (checked exhaustively in the tests below).
#[inline]
fn is_plain_narrow(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    match first as u32 {
        0x20..=0x7E => g.len() == 1,
        0x0621..=0x064A | 0x0671..=0x06D3 | 0xFB50..=0xFBB1 | 0xFE70..=0xFEFC => {
            chars.all(is_arabic_mark)
        }
        _ => false,
    }
}

#[inline]
fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_ratatui() {
        let ranges = [0x20..0x7F, 0x0621..0x06D4, 0xFB50..0xFBB2, 0xFE70..0xFEFD];
        for range in ranges {
            for u in range {
                let Some(c) = char::from_u32(u) else { continue };
                let s = c.to_string();
                if is_plain_narrow(&s) {
                    assert_eq!(s.cell_width(), 1, "U+{u:04X}");
                    let with_marks = format!("{c}\u{064E}\u{0651}\u{0670}");
                    assert_eq!(grapheme_width(&with_marks), with_marks.cell_width());
                }
            }
        }
    }

    #[test]
    fn lam_alef_is_two_graphemes_of_one_cell() {
        use unicode_segmentation::UnicodeSegmentation;
        let cells: u16 = "لا".graphemes(true).map(grapheme_width).sum();
        assert_eq!(cells, 2);
        // ...whereas unicode-width on the whole string says 1: never measure strings that way.
        assert_eq!(unicode_width::UnicodeWidthStr::width("لا"), 1);
        assert_eq!(grapheme_width("\u{FEFB}"), 1);
    }

    #[test]
    fn wide_and_zero_width() {
        assert_eq!(grapheme_width("中"), 2);
        assert_eq!(grapheme_width("\u{064E}"), 0);
        assert_eq!(grapheme_width("e\u{301}"), 1);
    }
}
