//! Per-char properties the layout needs, looked up once per char: the bidi class and a few
//! flags. ASCII and the Arabic block (nearly every char of an Arabic article) come from a table.

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, bidi_class};

use super::cluster::is_simple_for_segmentation;
use super::sanitize::is_invisible_format;

/// A set of the flags below.
pub(crate) type Flags = u16;

/// Consumed by the layout: bidi formatting and other invisible format characters.
pub(crate) const INVISIBLE: Flags = 1;
/// ZWJ or ZWNJ: part of the grapheme before it; consumed only when alone.
pub(crate) const JOINER: Flags = 2;
/// Painted in one cell, before and after shaping: printable ASCII, Arabic letters.
pub(crate) const NARROW: Flags = 4;
/// An Arabic nonspacing mark (harakat): zero cells, extends the grapheme before it.
pub(crate) const MARK: Flags = 8;
/// May be Bidi_Mirrored (class ON): worth a look-up in a right-to-left run.
pub(crate) const MAYBE_MIRRORED: Flags = 16;
/// Stands for a dropped char (CR): consumed even when format characters are revealed.
pub(crate) const DROPPED: Flags = 32;
/// Extends the grapheme before it, among the chars of a paragraph segmented with the shortcut
/// (see `cluster::is_simple_for_segmentation`): the Arabic-block nonspacing marks.
pub(crate) const EXTEND: Flags = 64;
/// Ends a grapheme whatever follows (UAX #29 GB4): the ASCII controls (tab) and ALM.
pub(crate) const CONTROL: Flags = 128;
/// May be segmented with the shortcut (see `cluster::is_simple_for_segmentation`).
pub(crate) const SIMPLE: Flags = 256;

pub(crate) struct CharTable {
    ascii: [(BidiClass, Flags); 128],
    arabic: [(BidiClass, Flags); 256],
}

impl CharTable {
    #[inline]
    pub(crate) fn class(&self, c: char) -> BidiClass {
        self.get(c).0
    }

    /// Bidi class and flags of `c`.
    #[inline]
    pub(crate) fn get(&self, c: char) -> (BidiClass, Flags) {
        let u = c as u32;
        if u < 128 {
            self.ascii[u as usize]
        } else if (0x600..0x700).contains(&u) {
            self.arabic[(u - 0x600) as usize]
        } else {
            compute(c)
        }
    }
}

fn compute(c: char) -> (BidiClass, Flags) {
    let class = bidi_class(c);
    let u = c as u32;
    let mut flags = 0;
    if is_invisible_format(c) {
        flags |= INVISIBLE;
    }
    if matches!(c, '\u{200C}' | '\u{200D}') {
        flags |= JOINER;
    }
    // Not the space: it is a cluster of its own kind (it may hang at the end of a line).
    if matches!(u, 0x21..=0x7E | 0x0621..=0x064A | 0x0671..=0x06D3) {
        flags |= NARROW;
    }
    if matches!(u, 0x064B..=0x065F | 0x0670) {
        flags |= MARK;
    }
    if class == BidiClass::ON {
        flags |= MAYBE_MIRRORED;
    }
    if matches!(u, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED)
    {
        flags |= EXTEND;
    }
    if u < 0x20 || u == 0x7F || u == 0x061C {
        flags |= CONTROL;
    }
    if is_simple_for_segmentation(c) {
        flags |= SIMPLE;
    }
    (class, flags)
}

pub(crate) fn char_table() -> &'static CharTable {
    static TABLE: OnceLock<CharTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let at = |u: u32| compute(char::from_u32(u).unwrap_or('\0'));
        CharTable {
            ascii: std::array::from_fn(|i| at(i as u32)),
            arabic: std::array::from_fn(|i| at(0x600 + i as u32)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::grapheme_width;

    #[test]
    fn narrow_chars_and_their_shaped_forms_take_one_cell() {
        for u in (0x20..0x7F).chain(0x0600..0x0700) {
            let c = char::from_u32(u).unwrap();
            if char_table().get(c).1 & NARROW != 0 {
                assert_eq!(grapheme_width(&c.to_string()), 1, "U+{u:04X}");
            }
        }
        // every presentation form the shaper can produce
        for u in (0xFB50..0xFDF0).chain(0xFE70..0xFEFD) {
            let c = char::from_u32(u).unwrap();
            assert!(grapheme_width(&c.to_string()) <= 1, "U+{u:04X}");
        }
    }

    #[test]
    fn marks_take_no_cell() {
        for u in (0x064B..=0x065F).chain([0x0670]) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(char_table().get(c).1 & MARK, MARK);
            assert_eq!(grapheme_width(&format!("ب{c}")), 1);
        }
    }
}
