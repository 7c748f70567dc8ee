//! The right-to-left text engine: logical paragraph in, visual terminal lines out.
//!
//! Pipeline per paragraph ([`Layouter`], buffers reused from paragraph to paragraph):
//! 1. sanitise (`sanitize`): C0/C1 controls, ESC and DEL become visible placeholders, CR is
//!    dropped; bidi formatting characters stay for the bidi algorithm, which consumes them;
//! 2. bidi classes and levels (`props`, `levels`): UAX #9 through unicode-bidi, with two checked
//!    shortcuts for the paragraphs of an Arabic article (pure LTR; RTL without Latin letters);
//! 3. Arabic shaping (`shape`): presentation forms from Unicode's joining data, lam-alef ligatures;
//! 4. grapheme clusters (`cluster`, `width`): never split, measured per grapheme in cells as
//!    ratatui paints them, after shaping;
//! 5. wrapping in logical order (`wrap`, `breaks`) at UAX #14 opportunities;
//! 6. reordering of each line (`reorder`): L1-L2 by cluster, so harakat stay on their letter
//!    (L3), with mirrored glyphs in right-to-left runs (L4).
//!
//! The modes ([`BidiMode`]):
//! - `App`: all of the above; lines of an RTL paragraph are right-aligned ([`VisualLine::indent`]).
//! - `Terminal`: wrapped, but sent in logical order, unmirrored, starting at the left edge: the
//!   terminal's own bidi reorders (and mirrors) each line. Shaping still follows
//!   [`LayoutOptions::shape`]: it is done on logical text anyway, and presentation forms are
//!   class AL, so they pass through a terminal's bidi unchanged; turn it off for a terminal that
//!   shapes by itself (VTE, mlterm), which would otherwise get pre-shaped letters.
//! - `Off`: no bidi and no shaping at all (the terminal gets the letters as they are, in logical
//!   order, left-aligned); only sanitising, cluster widths and wrapping remain.
//!
//! This module has no UI types: a [`VisualLine`] is plain data that the reader styles.

mod breaks;
mod cluster;
mod layout;
mod levels;
mod pieces;
mod props;
mod reorder;
mod sanitize;
mod shape;
mod width;
mod wrap;

use std::ops::Range;

pub use layout::Layouter;
pub use pieces::{MAX_PIECE, paragraph_pieces};
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
    /// rawi wraps (and shapes, if asked) but sends logical order; the terminal reorders.
    Terminal,
    /// No reordering and no shaping at all (logical order, left-aligned).
    Off,
}

/// Options for [`layout_paragraph`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Shape Arabic into presentation forms (for terminals that do not shape). Ignored with
    /// [`BidiMode::Off`].
    pub shape: bool,
    pub dir: DirPolicy,
    /// Direction of a paragraph without strong characters under [`DirPolicy::Auto`].
    pub fallback: Direction,
    pub bidi: BidiMode,
    /// Show bidi formatting characters (and the other invisible format characters: ZWSP, soft
    /// hyphen...) as visible marks like `‹RLO›` instead of consuming them.
    pub reveal: bool,
    /// Tab stops every this many cells, counted from the line's start (its right edge in an RTL
    /// paragraph).
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
    /// Cells painted (as ratatui paints the grapheme). 0 for a space hanging at the end of a
    /// wrapped line (its text is empty). A tab's glyph is that many spaces; a revealed format
    /// character's glyph is its mark (`‹LRM›`), several cells.
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
    /// Layout direction: the paragraph's in [`BidiMode::App`] (RTL lines are right-aligned, LTR
    /// lines left-aligned); [`Direction::Ltr`] in the other modes, whose lines are in logical
    /// order from the left edge. [`paragraph_direction`] tells a paragraph's own direction.
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

/// [`layout_truncated`] for a label made of untrusted text (a file name, a title, an id, a
/// speaker's name): controls and invisible format characters, bidi controls among them, are
/// first replaced by their visible marks ([`display_safe`]), so that they show instead of acting
/// (`title‹RLO›fdp.txt`, not `titletxt.pdf`).
pub fn layout_label(text: &str, width: u16, opts: &LayoutOptions) -> VisualLine {
    layout_truncated(&display_safe(text), width, opts)
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

/// Property-test settings for the engine's modules: `cases` cases, and failing inputs kept next
/// to the module's source (`src/text/NAME.proptest-regressions`) rather than in a folder at the
/// crate's top level.
#[cfg(test)]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, FileFailurePersistence};
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::with_cases(cases)
    }
}
