//! The right-to-left text engine: logical paragraph in, visual terminal lines out.
//!
//! Pipeline per paragraph: sanitise controls -> resolve bidi levels (UAX #9) -> shape Arabic
//! -> wrap in logical order at UAX #14 opportunities, measuring painted cell widths -> reorder
//! each line (L1-L2) by grapheme cluster, mirroring brackets in RTL runs (L3-L4).
//!
//! This module has no UI dependency: a [`VisualLine`] is plain data that the reader styles.

use std::ops::Range;

/// Direction of a paragraph (or of a run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    Ltr,
    #[default]
    Rtl,
}

/// How the paragraph direction is chosen (`--dir`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DirPolicy {
    /// First strong character (UAX #9 P2/P3); none: the document direction.
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// Who reorders (`--bidi`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// rawi reorders and shapes; the terminal is asked not to (CSI 8 l).
    #[default]
    App,
    /// rawi wraps but sends logical order; the terminal reorders.
    Terminal,
    /// No reordering at all (logical order, left-aligned).
    Off,
}

/// Options for [`layout_paragraph`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Shape Arabic into presentation forms (for terminals that do not shape).
    pub shape: bool,
    pub dir: DirPolicy,
    /// Direction of a paragraph without strong characters under [`DirPolicy::Auto`].
    pub fallback: Direction,
    pub bidi: BidiMode,
    /// Show bidi formatting characters as visible marks instead of hiding them.
    pub reveal: bool,
    pub tab_width: u8,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            shape: true,
            dir: DirPolicy::Auto,
            fallback: Direction::Rtl,
            bidi: BidiMode::App,
            reveal: false,
            tab_width: 4,
        }
    }
}

/// One grapheme cluster (or placeholder) as painted, in left-to-right screen order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// Byte range of what to paint inside [`VisualLine::text`].
    pub text: Range<u32>,
    /// Byte range in the logical paragraph that this glyph shows.
    pub logical: Range<u32>,
    /// Column of the glyph's first cell, counted from the line's left edge (before alignment).
    pub col: u16,
    /// Cells painted (as ratatui paints the grapheme).
    pub width: u8,
}

/// One screen line of a paragraph, in visual (left-to-right screen) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// The painted text, visual order, shaped and sanitised: safe to write to a terminal.
    pub text: String,
    /// Every painted grapheme, left to right.
    pub glyphs: Vec<Glyph>,
    /// Cells painted; never more than the layout width.
    pub width: u16,
    /// Byte range of the logical paragraph that this line shows.
    pub logical: Range<usize>,
    /// Paragraph direction: RTL lines are right-aligned, LTR lines left-aligned.
    pub direction: Direction,
}

impl VisualLine {
    /// Blank cells to put before the line so that it is aligned in a pane `pane_width` wide.
    pub fn indent(&self, pane_width: u16) -> u16 {
        match self.direction {
            Direction::Rtl => pane_width.saturating_sub(self.width),
            Direction::Ltr => 0,
        }
    }

    /// The painted text of one glyph.
    pub fn glyph_str(&self, glyph: &Glyph) -> &str {
        &self.text[glyph.text.start as usize..glyph.text.end as usize]
    }
}

/// Lays out one paragraph (no newline inside) into visual lines at most `width` cells wide.
/// An empty paragraph gives one empty line.
pub fn layout_paragraph(paragraph: &str, width: u16, opts: &LayoutOptions) -> Vec<VisualLine> {
    // Placeholder until the engine lands: logical order, naive wrapping by char.
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur = VisualLine {
        text: String::new(),
        glyphs: Vec::new(),
        width: 0,
        logical: 0..0,
        direction: opts.fallback,
    };
    for (i, c) in paragraph.char_indices() {
        let c = if c.is_control() { '\u{FFFD}' } else { c };
        if cur.width + 1 > width {
            cur.logical.end = i;
            let next_start = i;
            lines.push(std::mem::replace(
                &mut cur,
                VisualLine {
                    text: String::new(),
                    glyphs: Vec::new(),
                    width: 0,
                    logical: next_start..next_start,
                    direction: opts.fallback,
                },
            ));
        }
        let start = cur.text.len() as u32;
        cur.text.push(c);
        cur.glyphs.push(Glyph {
            text: start..cur.text.len() as u32,
            logical: i as u32..(i + c.len_utf8()) as u32,
            col: cur.width,
            width: 1,
        });
        cur.width += 1;
    }
    cur.logical.end = paragraph.len();
    lines.push(cur);
    lines
}
