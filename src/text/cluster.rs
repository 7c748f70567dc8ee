//! Display clusters: the paragraph cut into grapheme clusters (never split), each with the text
//! it paints (shaped, placeholders for what cannot be painted), its cell width, bidi level and
//! logical byte range. A lam-alef ligature makes one cluster of two graphemes.

use unicode_bidi::BidiClass;
use unicode_segmentation::UnicodeSegmentation;

use super::layout::CharInfo;
use super::sanitize::{format_mark, is_invisible_format};
use super::width::grapheme_width;

/// Shown before a mark that has no base to sit on, so that it takes a cell (ratatui would skip a
/// zero-width grapheme entirely).
pub(crate) const DOTTED_CIRCLE: char = '\u{25CC}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Painted text.
    Text,
    /// A U+0020 space: may hang past the end of a wrapped line.
    Space,
    /// A tab: spaces up to the next tab stop; may hang like a space.
    Tab,
    /// Consumed format characters (bidi controls, ZWSP...): no cell, no glyph.
    Invisible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    No,
    Allowed,
    Mandatory,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Cluster {
    /// What to paint, as a byte range of the layout's display buffer.
    pub display: (u32, u32),
    /// Byte range in the original paragraph.
    pub logical: (u32, u32),
    /// Byte offset in the sanitised paragraph (to match line-break opportunities).
    pub clean_start: u32,
    /// Cells it takes where it stands (a tab's width depends on its column).
    pub width: u16,
    /// Cells painted on its line (less than `width` for a hanging space or an oversized glyph).
    pub painted: u16,
    pub level: u8,
    /// Original bidi class of the first char (rule L1).
    pub class: BidiClass,
    pub kind: Kind,
    pub break_before: Break,
}

impl Cluster {
    pub(crate) fn hangs(&self) -> bool {
        matches!(self.kind, Kind::Space | Kind::Tab)
    }
}

/// True when a paragraph made only of ASCII and Arabic-block chars (no prepended number signs)
/// can be segmented by [`fast_boundaries`] instead of the full UAX #29 rules.
#[inline]
pub(crate) fn is_simple_for_segmentation(c: char) -> bool {
    let u = c as u32;
    u < 0x80 || ((0x0606..=0x06FF).contains(&u) && u != 0x06DD)
}

/// Grapheme-extending chars among simple ones: the Arabic-block nonspacing marks.
#[inline]
fn extends_grapheme(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED)
}

/// Calls `f(first, end)` for every grapheme, as char index ranges of `chars`. With `simple`, a
/// mark extends the grapheme before it unless that one is a control (UAX #29 GB4, GB9); otherwise
/// unicode-segmentation decides.
pub(crate) fn for_each_grapheme(
    clean: &str,
    chars: &[CharInfo],
    simple: bool,
    mut f: impl FnMut(usize, usize),
) {
    if simple {
        let mut start = 0;
        for i in 1..chars.len() {
            let prev = chars[i - 1].ch;
            if !extends_grapheme(chars[i].ch) || prev.is_ascii_control() || prev == '\u{061C}' {
                f(start, i);
                start = i;
            }
        }
        if !chars.is_empty() {
            f(start, chars.len());
        }
    } else {
        let mut k = 0;
        for (start, g) in clean.grapheme_indices(true) {
            let end = (start + g.len()) as u32;
            let first = k;
            while k < chars.len() && chars[k].clean < end {
                k += 1;
            }
            f(first, k);
        }
    }
}

/// Builds the clusters of a paragraph whose chars are levelled and shaped.
pub(crate) fn build_clusters(
    clean: &str,
    chars: &[CharInfo],
    simple: bool,
    reveal: bool,
    display: &mut String,
    clusters: &mut Vec<Cluster>,
) {
    display.clear();
    clusters.clear();
    for_each_grapheme(clean, chars, simple, |a, b| {
        let g = &chars[a..b];
        let first = g[0];
        let last = g[g.len() - 1];
        let start = display.len() as u32;
        let logical = (first.orig, last.orig + last.orig_len as u32);
        // The alef of a lam-alef ligature joins the lam's cluster, its marks after the lam's.
        if let Some(prev) = clusters.last_mut().filter(|_| first.shaped == '\0') {
            g[1..].iter().for_each(|c| display.push(c.shaped));
            prev.display.1 = display.len() as u32;
            prev.logical.1 = logical.1;
            let text = &display[prev.display.0 as usize..prev.display.1 as usize];
            prev.width = grapheme_width(text);
            prev.painted = prev.width;
            return;
        }
        let invisible = g
            .iter()
            .all(|c| is_invisible_format(c.ch) || matches!(c.ch, '\u{200C}' | '\u{200D}'));
        let kind = if invisible && !reveal {
            Kind::Invisible
        } else if invisible {
            display.push_str(format_mark(first.ch));
            Kind::Text
        } else if first.ch == '\t' {
            Kind::Tab
        } else {
            for c in g.iter().filter(|c| c.shaped != '\0') {
                display.push(c.shaped);
            }
            if g.len() == 1 && first.ch == ' ' {
                Kind::Space
            } else {
                Kind::Text
            }
        };
        let mut width = match kind {
            Kind::Text | Kind::Space => grapheme_width(&display[start as usize..]),
            Kind::Tab | Kind::Invisible => 0,
        };
        if kind == Kind::Text && width == 0 {
            display.insert(start as usize, DOTTED_CIRCLE);
            width = grapheme_width(&display[start as usize..]);
        }
        // A ZWJ or ZWNJ (class BN, no level of its own) may start or end a grapheme: the level
        // comes from the first other char, the class that rule L1 looks at from the last one (a
        // space followed by a mark is not trailing whitespace).
        let not_bn = |c: &&CharInfo| c.class != BidiClass::BN;
        let level = g.iter().find(not_bn).unwrap_or(&first).level;
        let class = g.iter().rev().find(not_bn).unwrap_or(&first).class;
        clusters.push(Cluster {
            display: (start, display.len() as u32),
            logical,
            clean_start: first.clean,
            width,
            painted: width,
            level,
            class,
            kind,
            break_before: Break::No,
        });
    });
}

/// Marks the clusters that start at a UAX #14 break opportunity.
pub(crate) fn mark_breaks(clean: &str, clusters: &mut [Cluster]) {
    use unicode_linebreak::BreakOpportunity;
    let mut k = 0;
    for (pos, opportunity) in unicode_linebreak::linebreaks(clean) {
        let pos = pos as u32;
        while k < clusters.len() && clusters[k].clean_start < pos {
            k += 1;
        }
        if k == clusters.len() {
            break;
        }
        if clusters[k].clean_start == pos {
            clusters[k].break_before = match opportunity {
                BreakOpportunity::Mandatory => Break::Mandatory,
                BreakOpportunity::Allowed => Break::Allowed,
            };
        }
    }
}
