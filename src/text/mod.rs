//! The right-to-left text engine: logical paragraph in, visual terminal lines out.
//!
//! Pipeline per paragraph: sanitise controls -> resolve bidi levels (UAX #9) -> shape Arabic
//! -> wrap in logical order at UAX #14 opportunities, measuring painted cell widths -> reorder
//! each line (L1-L2) by grapheme cluster, mirroring brackets in RTL runs (L3-L4).
//!
//! This module has no UI dependency: a [`VisualLine`] is plain data that the reader styles.

mod cluster;
mod layout;
mod levels;
mod props;
mod reorder;
mod sanitize;
mod shape;
mod width;
mod wrap;

use std::ops::Range;

pub use layout::Layouter;
pub use sanitize::{control_placeholder, display_safe, format_mark, is_bidi_format};
pub use width::grapheme_width;

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

/// Lays out one paragraph (no newline inside) into visual lines at most `width` cells wide (a
/// width of 0 counts as 1). An empty paragraph gives one empty line.
///
/// Every glyph maps back to the logical bytes it shows ([`Glyph::logical`]): the glyphs of all the
/// lines of a paragraph cover each of its bytes exactly once, except the bytes of what is consumed
/// (bidi formatting and other invisible format characters unless `reveal`, CR). A glyph is one
/// grapheme cluster, or two for a lam-alef ligature; a control character is one placeholder glyph.
/// Spaces hanging at the end of a wrapped line have zero-width glyphs with empty text.
///
/// In [`BidiMode::Terminal`] and [`BidiMode::Off`] the glyphs are in logical order and the lines
/// say [`Direction::Ltr`] (start at the left edge): the terminal (or nobody) reorders.
pub fn layout_paragraph(paragraph: &str, width: u16, opts: &LayoutOptions) -> Vec<VisualLine> {
    let mut out = Vec::new();
    with_layouter(|l| l.layout_into(paragraph, width, opts, &mut out));
    out
}

/// The first visual line of `text` (up to its first newline) cut to fit `width` cells, with an
/// ellipsis `…` at its logical end (so on the left of a right-to-left line) when something was
/// cut. The ellipsis glyph maps to the logical bytes it hides. For list rows and titles.
pub fn layout_truncated(text: &str, width: u16, opts: &LayoutOptions) -> VisualLine {
    with_layouter(|l| l.truncated(text, width, opts))
}

/// Direction of `text` as a paragraph under `opts.dir`: its first strong character outside
/// isolates (UAX #9 P2-P3), or `opts.fallback` if it has none.
pub fn paragraph_direction(text: &str, opts: &LayoutOptions) -> Direction {
    let classes = props::char_table();
    let mut scan = levels::ClassScan::default();
    for c in text.chars() {
        scan.add(classes.class(c));
        if scan.first_strong.is_some() {
            break;
        }
    }
    levels::paragraph_direction_of(&scan, opts.dir, opts.fallback)
}

fn with_layouter<T>(f: impl FnOnce(&mut Layouter) -> T) -> T {
    thread_local! {
        static LAYOUTER: std::cell::RefCell<Layouter> = std::cell::RefCell::new(Layouter::new());
    }
    LAYOUTER.with(|l| match l.try_borrow_mut() {
        Ok(mut layouter) => f(&mut layouter),
        Err(_) => f(&mut Layouter::new()),
    })
}
