//! One wrapped line from logical to visual order (UAX #9 L1-L4), by cluster: a cluster is never
//! split, so harakat stay on their letter (L3), and a mirrored glyph replaces every
//! Bidi_Mirrored base character in a right-to-left run (L4).
//!
//! The reordering is done here from the levels, not with unicode-bidi's `reorder_line` (which
//! reverses chars, not graphemes, and does not mirror) nor its `visual_runs` (which panics on a
//! line entirely at level 126).

use std::ops::Range;

use unicode_bidi::BidiClass;

use super::cluster::{Cluster, DOTTED_CIRCLE, Kind};
use super::layout::CharInfo;
use super::sanitize::format_mark;
use super::wrap::TOO_WIDE;
use super::{Direction, Glyph, VisualLine};

/// How a line is turned into visual order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineMode {
    pub para_level: u8,
    /// Apply L1 (the general bidi path; the shortcuts produce levels that need none).
    pub apply_l1: bool,
    /// Reorder and mirror (`BidiMode::App`); otherwise logical order.
    pub reorder: bool,
    /// Direction of the resulting line (alignment).
    pub direction: Direction,
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct ReorderScratch {
    levels: Vec<u8>,
    order: Vec<u32>,
}

/// Rule L1 resets these to the paragraph level at the end of a line and before a tab.
fn is_whitespace_for_l1(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        class,
        WS | FSI | LRI | RLI | PDI | BN | LRE | RLE | LRO | RLO | PDF
    )
}

/// The visual order of a line.
enum Order {
    /// Logical order.
    Forward,
    /// Logical order reversed (a line at one odd level).
    Reverse,
    /// As listed in the scratch `order`.
    Listed,
}

/// The visual order of `line`: the common one-level lines need no index list.
fn visual_order(line: &[Cluster], mode: LineMode, scratch: &mut ReorderScratch) -> Order {
    if !mode.reorder || line.is_empty() {
        return Order::Forward;
    }
    let ReorderScratch { levels, order } = scratch;
    levels.clear();
    levels.extend(line.iter().map(|c| c.level));
    if mode.apply_l1 {
        let para = mode.para_level;
        let mut k = line.len();
        while k > 0 && is_whitespace_for_l1(line[k - 1].class) {
            levels[k - 1] = para;
            k -= 1;
        }
        for k in 0..line.len() {
            if matches!(line[k].class, BidiClass::S | BidiClass::B) {
                levels[k] = para;
                let mut j = k;
                while j > 0 && is_whitespace_for_l1(line[j - 1].class) {
                    levels[j - 1] = para;
                    j -= 1;
                }
            }
        }
    }
    let (min, max) = levels
        .iter()
        .fold((u8::MAX, 0), |(lo, hi), &l| (lo.min(l), hi.max(l)));
    if min == max {
        return if min % 2 == 1 {
            Order::Reverse
        } else {
            Order::Forward
        };
    }
    order.clear();
    order.extend(0..line.len() as u32);
    // L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    for level in ((min | 1)..=max).rev() {
        let mut p = 0;
        while p < order.len() {
            if levels[order[p] as usize] < level {
                p += 1;
                continue;
            }
            let run = p;
            while p < order.len() && levels[order[p] as usize] >= level {
                p += 1;
            }
            order[run..p].reverse();
        }
    }
    Order::Listed
}

/// The mirrored glyph of `c` (rule L4), with a quick answer for Arabic and ASCII letters.
#[inline]
pub(crate) fn mirrored(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            '(' => Some(')'),
            ')' => Some('('),
            '<' => Some('>'),
            '>' => Some('<'),
            '[' => Some(']'),
            ']' => Some('['),
            '{' => Some('}'),
            '}' => Some('{'),
            _ => None,
        };
    }
    if (0x0600..=0x08FF).contains(&u)
        || (0xFB50..=0xFE58).contains(&u)
        || (0xFE70..=0xFEFF).contains(&u)
    {
        return None;
    }
    unicode_bidi_mirroring::get_mirrored(c)
}

/// Lays out `line` (clusters already fitted by the wrapper) as a visual line.
pub(crate) fn visual_line(
    line: &[Cluster],
    chars: &[CharInfo],
    logical: Range<usize>,
    mode: LineMode,
    scratch: &mut ReorderScratch,
) -> VisualLine {
    let mut out = LineBuilder {
        // Shaped Arabic takes 3 bytes a char; most clusters are one char.
        text: String::with_capacity(line.len() * 3 + 8),
        glyphs: Vec::with_capacity(line.len()),
        col: 0,
        chars,
        mirror: mode.reorder,
    };
    match visual_order(line, mode, scratch) {
        Order::Forward => line.iter().for_each(|c| out.push(c)),
        Order::Reverse => line.iter().rev().for_each(|c| out.push(c)),
        Order::Listed => scratch
            .order
            .iter()
            .for_each(|&k| out.push(&line[k as usize])),
    }
    VisualLine {
        text: out.text,
        glyphs: out.glyphs,
        width: out.col,
        logical,
        direction: mode.direction,
    }
}

struct LineBuilder<'a> {
    text: String,
    glyphs: Vec<Glyph>,
    col: u16,
    chars: &'a [CharInfo],
    /// Mirror glyphs in right-to-left runs (L4).
    mirror: bool,
}

impl LineBuilder<'_> {
    #[inline(always)]
    fn push(&mut self, c: &Cluster) {
        let start = self.text.len() as u32;
        let plain = c.kind == Kind::Text
            && c.chars.1 - c.chars.0 == 1
            && c.painted == c.width
            && (c.mirror == '\0' || c.level.is_multiple_of(2) || !self.mirror);
        if plain {
            self.text.push(self.chars[c.chars.0 as usize].shaped);
        } else if c.kind == Kind::Invisible {
            return;
        } else {
            self.push_other(c);
        }
        self.glyphs.push(Glyph {
            text: start..self.text.len() as u32,
            logical: c.logical.0..c.logical.1,
            col: self.col,
            width: c.painted.min(u8::MAX as u16) as u8,
        });
        self.col += c.painted;
    }

    /// Everything but a plain one-char cluster.
    fn push_other(&mut self, c: &Cluster) {
        let text = &mut self.text;
        let shaped = self.chars[c.chars.0 as usize..c.chars.1 as usize]
            .iter()
            .map(|ch| ch.shaped)
            .filter(|&ch| ch != '\0');
        match c.kind {
            Kind::Tab | Kind::Space => (0..c.painted).for_each(|_| text.push(' ')),
            _ if c.painted < c.width => text.push_str(TOO_WIDE),
            Kind::Revealed => text.push_str(format_mark(self.chars[c.chars.0 as usize].ch)),
            Kind::Ellipsis => text.push('…'),
            Kind::Dotted => {
                text.push(DOTTED_CIRCLE);
                text.extend(shaped);
            }
            _ if c.mirror != '\0' && self.mirror && c.level % 2 == 1 => {
                text.push(c.mirror);
                text.extend(shaped.skip(1));
            }
            _ => text.extend(shaped),
        }
    }
}
