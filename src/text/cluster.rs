//! Display clusters: the paragraph cut into grapheme clusters (never split), each with what it
//! paints (its shaped chars, or a placeholder), its cell width, bidi level and logical byte range.
//! A lam-alef ligature makes one cluster of two graphemes.

use unicode_bidi::BidiClass;
use unicode_segmentation::UnicodeSegmentation;

use super::layout::CharInfo;
use super::props::{CONTROL, DROPPED, EXTEND, INVISIBLE, JOINER, MARK, MAYBE_MIRRORED, NARROW};
use super::reorder::mirrored;
use super::sanitize::format_mark;
use super::width::grapheme_width;

/// Shown before a mark that has no base to sit on, so that it takes a cell (ratatui would skip a
/// zero-width grapheme entirely).
pub(crate) const DOTTED_CIRCLE: char = '\u{25CC}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Its shaped chars.
    Text,
    /// A mark with no base: its chars after a dotted circle.
    Dotted,
    /// A format character shown with `reveal`: its [`format_mark`].
    Revealed,
    /// The ellipsis of a truncated line.
    Ellipsis,
    /// A U+0020 space: may hang past the end of a wrapped line.
    Space,
    /// A tab: spaces up to the next tab stop; may hang like a space.
    Tab,
    /// Consumed format characters (bidi controls, ZWSP...): no cell, no glyph.
    Invisible,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Cluster {
    /// Its chars, as indices into the layout's chars.
    pub chars: (u32, u32),
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
    /// Follows a line separator: a line must start here.
    pub forced_break: bool,
    /// The mirrored glyph of its first char, painted instead in a right-to-left run (L4);
    /// `'\0'` when it has none.
    pub mirror: char,
}

impl Cluster {
    pub(crate) fn hangs(&self) -> bool {
        matches!(self.kind, Kind::Space | Kind::Tab)
    }
}

/// True for the chars of a paragraph that [`for_each_grapheme`] may segment with a shortcut
/// instead of the full UAX #29 rules: ASCII, Latin-1 and Latin Extended letters and symbols,
/// general punctuation and the Arabic block, except the chars that are not Grapheme_Cluster_Break
/// Other or Extend there (soft hyphen, prepended number signs, format controls).
#[inline]
pub(crate) fn is_simple_for_segmentation(c: char) -> bool {
    let u = c as u32;
    match u {
        0..=0x2FF => u != 0xAD && !(0x80..0xA0).contains(&u),
        0x0606..=0x06FF => u != 0x06DD,
        0x2010..=0x2027 | 0x2030..=0x205F => true,
        _ => false,
    }
}

/// Calls `f(first, end)` for every grapheme, as char index ranges of `chars`. With `simple`, an
/// Arabic mark extends the grapheme before it unless that one is a control (UAX #29 GB4, GB9);
/// otherwise unicode-segmentation decides.
#[inline(always)]
pub(crate) fn for_each_grapheme(
    clean: &str,
    chars: &[CharInfo],
    simple: bool,
    mut f: impl FnMut(usize, usize),
) {
    if simple {
        let mut a = 0;
        while a < chars.len() {
            let mut b = a + 1;
            if chars[a].flags & CONTROL == 0 {
                while b < chars.len() && chars[b].flags & EXTEND != 0 {
                    b += 1;
                }
            }
            f(a, b);
            a = b;
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

/// Builds the clusters of a paragraph whose chars are levelled and shaped. `scratch` is a buffer
/// for measuring the rare clusters that need a string.
pub(crate) fn build_clusters(
    clean: &str,
    chars: &[CharInfo],
    paragraph_len: usize,
    simple: bool,
    reveal: bool,
    scratch: &mut String,
    clusters: &mut Vec<Cluster>,
) {
    clusters.clear();
    clusters.reserve(chars.len());
    let mut builder = Builder {
        chars,
        paragraph_len: paragraph_len as u32,
        reveal,
        scratch,
        clusters,
        after_separator: false,
    };
    for_each_grapheme(clean, chars, simple, |a, b| builder.add(a, b));
}

struct Builder<'a> {
    chars: &'a [CharInfo],
    paragraph_len: u32,
    reveal: bool,
    scratch: &'a mut String,
    clusters: &'a mut Vec<Cluster>,
    /// The last cluster was a line separator.
    after_separator: bool,
}

impl Builder<'_> {
    /// Adds the grapheme `chars[a..b]`.
    #[inline(always)]
    fn add(&mut self, a: usize, b: usize) {
        let chars = self.chars;
        // Revealed, a joiner inside a grapheme (ZWJ, ZWNJ after a letter) is a mark of its
        // own, shown in place, instead of being sent to the terminal unseen.
        if self.reveal
            && b - a > 1
            && let Some(j) = (a + 1..b).find(|&j| chars[j].flags & JOINER != 0)
        {
            self.add(a, j);
            self.add(j, j + 1);
            if j + 1 < b {
                self.add(j + 1, b);
            }
            return;
        }
        let first = &chars[a];
        let end = chars.get(b).map_or(self.paragraph_len, |c| c.orig);
        // The alef of a lam-alef ligature joins the lam's cluster, its marks after the lam's.
        if let Some(prev) = self.clusters.last_mut().filter(|_| first.shaped == '\0') {
            prev.chars.1 = b as u32;
            prev.logical.1 = end;
            if !chars[a + 1..b].iter().all(|c| c.flags & MARK != 0) {
                prev.width = measure(&chars[prev.chars.0 as usize..b], self.scratch);
                prev.painted = prev.width;
            }
            return;
        }
        let mut cluster = Cluster {
            chars: (a as u32, b as u32),
            logical: (first.orig, end),
            clean_start: first.clean,
            width: 1,
            painted: 1,
            level: first.level,
            class: first.class,
            kind: Kind::Text,
            forced_break: self.after_separator,
            mirror: '\0',
        };
        self.after_separator = false;
        // The common case, a letter on its own, needs nothing more.
        if b - a > 1 || first.flags & (NARROW | MAYBE_MIRRORED) != NARROW {
            if b - a == 1 {
                single_char_cluster(&mut cluster, first, self.reveal, self.scratch);
            } else {
                many_char_cluster(&mut cluster, &chars[a..b], self.reveal, self.scratch);
            }
            cluster.painted = cluster.width;
            self.after_separator = first.ch == '\u{2028}';
        }
        self.clusters.push(cluster);
    }
}

/// The common case: a grapheme of one char.
#[inline]
fn single_char_cluster(cluster: &mut Cluster, c: &CharInfo, reveal: bool, scratch: &mut String) {
    if c.flags & (INVISIBLE | JOINER) != 0 {
        if reveal && c.flags & DROPPED == 0 {
            cluster.kind = Kind::Revealed;
            cluster.width = grapheme_width(format_mark(c.ch));
        } else {
            cluster.kind = Kind::Invisible;
            cluster.width = 0;
        }
        return;
    }
    match c.ch {
        '\t' => cluster.kind = Kind::Tab,
        ' ' => {
            cluster.kind = Kind::Space;
            cluster.width = 1;
        }
        _ => {
            cluster.width = if c.flags & NARROW != 0 {
                1
            } else {
                measure_or_dot(cluster, std::slice::from_ref(c), scratch)
            };
            if c.flags & MAYBE_MIRRORED != 0 {
                cluster.mirror = mirrored(c.shaped).unwrap_or('\0');
            }
        }
    }
}

/// A base with marks, a lone ZWJ, a flag, an emoji sequence...
fn many_char_cluster(cluster: &mut Cluster, g: &[CharInfo], reveal: bool, scratch: &mut String) {
    if g.iter().all(|c| c.flags & (INVISIBLE | JOINER) != 0) {
        single_char_cluster(cluster, &g[0], reveal, scratch);
        return;
    }
    cluster.width = if g[0].flags & NARROW != 0 && g[1..].iter().all(|c| c.flags & MARK != 0) {
        1
    } else {
        measure_or_dot(cluster, g, scratch)
    };
    // A ZWJ or ZWNJ (class BN, no level of its own) may start or end a grapheme: the level comes
    // from the first other char, the class that rule L1 looks at from the last one (a space
    // followed by a mark is not trailing whitespace).
    let not_bn = |c: &&CharInfo| c.class != BidiClass::BN;
    cluster.level = g.iter().find(not_bn).unwrap_or(&g[0]).level;
    cluster.class = g.iter().rev().find(not_bn).unwrap_or(&g[0]).class;
    if g[0].flags & MAYBE_MIRRORED != 0 {
        cluster.mirror = mirrored(g[0].shaped).unwrap_or('\0');
    }
}

/// Cells of the shaped `chars` as one grapheme.
fn measure(chars: &[CharInfo], scratch: &mut String) -> u16 {
    scratch.clear();
    scratch.extend(chars.iter().map(|c| c.shaped).filter(|&c| c != '\0'));
    grapheme_width(scratch)
}

/// [`measure`], but a grapheme that would take no cell (a mark with no base) gets a dotted circle
/// to sit on, so that it is painted at all.
fn measure_or_dot(cluster: &mut Cluster, chars: &[CharInfo], scratch: &mut String) -> u16 {
    match measure(chars, scratch) {
        0 => {
            cluster.kind = Kind::Dotted;
            scratch.insert(0, DOTTED_CIRCLE);
            grapheme_width(scratch)
        }
        w => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn boundaries(text: &str, simple: bool) -> Vec<usize> {
        let chars: Vec<CharInfo> = text
            .char_indices()
            .map(|(i, ch)| CharInfo {
                ch,
                shaped: ch,
                clean: i as u32,
                orig: i as u32,
                class: BidiClass::L,
                level: 0,
                flags: crate::text::props::char_table().get(ch).1,
            })
            .collect();
        let mut out = Vec::new();
        for_each_grapheme(text, &chars, simple, |a, _| {
            out.push(chars[a].clean as usize)
        });
        out
    }

    fn simple_char() -> impl Strategy<Value = char> {
        prop_oneof![
            (0x20u32..0x7F).prop_map(|u| char::from_u32(u).unwrap()),
            Just('\t'),
            (0xA0u32..0x300).prop_map(|u| char::from_u32(u).unwrap()),
            (0x0606u32..0x0700).prop_map(|u| char::from_u32(u).unwrap()),
            (0x064Bu32..0x0660).prop_map(|u| char::from_u32(u).unwrap()),
            (0x2010u32..0x2028).prop_map(|u| char::from_u32(u).unwrap()),
            (0x2030u32..0x2060).prop_map(|u| char::from_u32(u).unwrap()),
        ]
        .prop_filter("simple", |&c| is_simple_for_segmentation(c))
    }

    proptest! {
        #![proptest_config(crate::text::proptest_config(3000))]
        #[test]
        fn shortcut_segmentation_matches_uax29(chars in proptest::collection::vec(simple_char(), 0..40)) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(boundaries(&text, true), boundaries(&text, false), "{:?}", text);
        }
    }
}
