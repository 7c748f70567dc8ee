//! The pipeline of one paragraph, with buffers reused from one paragraph to the next:
//! sanitise -> bidi classes and levels -> shaping -> clusters and widths -> line-break
//! opportunities -> wrap (logical order) -> reorder each line.

use std::ops::Range;

use unicode_bidi::BidiClass;

use super::cluster::{Cluster, Kind, build_clusters};
use super::levels::{ClassScan, LevelScratch, paragraph_direction_of, resolve_levels};
use super::props::{DROPPED, Flags, SIMPLE, char_table};
use super::reorder::{LineMode, ReorderScratch, visual_line};
use super::sanitize::{Sanitized, needs_sanitizing, sanitize_char};
use super::shape::shape;
use super::wrap::{fit, tab_cells, wrap};
use super::{BidiMode, Direction, LayoutOptions, VisualLine};

/// One char of the sanitised paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CharInfo {
    pub ch: char,
    /// What is painted for it after shaping; `'\0'` for the alef of a lam-alef ligature.
    pub shaped: char,
    /// Byte offset in the sanitised paragraph.
    pub clean: u32,
    /// Byte offset in the original paragraph (every char of which has a `CharInfo`, so the next
    /// one's `orig` is where this one ends).
    pub orig: u32,
    pub class: BidiClass,
    pub level: u8,
    /// [`super::props`] flags.
    pub flags: Flags,
}

/// What the first stages found out about a paragraph.
#[derive(Debug, Clone, Copy)]
struct Paragraph {
    mode: LineMode,
    /// The sanitised text differs from the paragraph (and is in the returned buffer).
    sanitized: bool,
}

/// The text engine with its reusable buffers: use one per thread for a stream of paragraphs
/// ([`super::layout_paragraph`] keeps one per thread for you).
#[derive(Debug, Default)]
pub struct Layouter {
    clean: String,
    chars: Vec<CharInfo>,
    scratch: String,
    clusters: Vec<Cluster>,
    lines: Vec<Range<usize>>,
    levels: LevelScratch,
    reorder: ReorderScratch,
}

impl Layouter {
    pub fn new() -> Layouter {
        Layouter::default()
    }

    /// Lays out one paragraph into `out` (appended): see [`super::layout_paragraph`].
    pub fn layout_into(
        &mut self,
        paragraph: &str,
        width: u16,
        opts: &LayoutOptions,
        out: &mut Vec<VisualLine>,
    ) {
        let clean_buf = std::mem::take(&mut self.clean);
        let (para, clean) = self.prepare(paragraph, opts, clean_buf);
        let text = if para.sanitized { &clean } else { paragraph };
        self.lines.clear();
        wrap(
            text,
            &mut self.clusters,
            width,
            opts.tab_width,
            &mut self.lines,
        );
        for (k, line) in self.lines.iter().enumerate() {
            let start = match k {
                0 => 0,
                _ => self
                    .clusters
                    .get(line.start)
                    .map_or(paragraph.len(), |c| c.logical.0 as usize),
            };
            let end = match self.lines.get(k + 1) {
                Some(next) => self.clusters[next.start].logical.0 as usize,
                None => paragraph.len(),
            };
            out.push(visual_line(
                &self.clusters[line.clone()],
                &self.chars,
                start..end,
                para.mode,
                &mut self.reorder,
            ));
        }
        self.clean = clean;
    }

    /// The clusters of a paragraph (for tests of the later stages).
    #[cfg(test)]
    pub(crate) fn clusters_of(&mut self, paragraph: &str, opts: &LayoutOptions) -> Vec<Cluster> {
        let clean_buf = std::mem::take(&mut self.clean);
        let (_, clean) = self.prepare(paragraph, opts, clean_buf);
        self.clean = clean;
        self.clusters.clone()
    }

    /// The first visual line of `text` (up to its first newline), cut to `width` cells with an
    /// ellipsis at its logical end: see [`super::layout_truncated`].
    pub fn truncated(&mut self, text: &str, width: u16, opts: &LayoutOptions) -> VisualLine {
        let first = text.split('\n').next().unwrap_or("");
        let clean_buf = std::mem::take(&mut self.clean);
        let (para, clean) = self.prepare(first, opts, clean_buf);
        self.clean = clean;
        let mut column: u32 = 0;
        for c in self.clusters.iter_mut() {
            if c.kind == Kind::Tab {
                c.width = tab_cells(column, opts.tab_width);
            }
            column += c.width as u32;
        }
        let cut_needed = column > width as u32 || first.len() < text.len();
        if cut_needed {
            let budget = width.saturating_sub(1) as u32;
            let mut used = 0;
            let mut keep = 0;
            while keep < self.clusters.len() && used + self.clusters[keep].width as u32 <= budget {
                used += self.clusters[keep].width as u32;
                keep += 1;
            }
            while keep > 0 && self.clusters[keep - 1].hangs() {
                keep -= 1;
            }
            let cut = self
                .clusters
                .get(keep)
                .map_or(first.len(), |c| c.logical.0 as usize);
            self.clusters.truncate(keep);
            if width > 0 {
                self.clusters.push(Cluster {
                    chars: (0, 0),
                    logical: (cut as u32, text.len() as u32),
                    clean_start: u32::MAX,
                    width: 1,
                    painted: 1,
                    level: para.mode.para_level,
                    class: BidiClass::ON,
                    kind: Kind::Ellipsis,
                    forced_break: false,
                    mirror: '\0',
                });
            }
        }
        fit(&mut self.clusters, width.max(1));
        let mut line = visual_line(
            &self.clusters,
            &self.chars,
            0..text.len(),
            para.mode,
            &mut self.reorder,
        );
        if width == 0 {
            line.text.clear();
            line.glyphs.clear();
            line.width = 0;
        }
        line
    }

    /// Sanitises, levels, shapes and clusters `paragraph`. Returns the paragraph facts and the
    /// sanitised text buffer (filled only when the paragraph needed it).
    fn prepare(
        &mut self,
        paragraph: &str,
        opts: &LayoutOptions,
        mut clean: String,
    ) -> (Paragraph, String) {
        let table = char_table();
        let mut classes: u32 = 0;
        let mut simple = SIMPLE;
        self.chars.clear();
        clean.clear();
        let sanitize = needs_sanitizing(paragraph);
        self.chars.reserve(paragraph.len());
        let mut push = |ch: char, at: usize, orig: usize, extra_flags: Flags| {
            let (class, flags) = table.get(ch);
            classes |= 1 << class as u32;
            simple &= flags;
            self.chars.push(CharInfo {
                ch,
                shaped: ch,
                clean: at as u32,
                orig: orig as u32,
                class,
                level: 0,
                flags: flags | extra_flags,
            });
        };
        if !sanitize {
            for (i, c) in paragraph.char_indices() {
                push(c, i, i, 0);
            }
        } else {
            for (i, c) in paragraph.char_indices() {
                // A dropped char stays as an invisible ZWSP (a grapheme boundary, class BN), so
                // that the marks after it do not join the grapheme before it.
                let (ch, extra) = match sanitize_char(c) {
                    Sanitized::Keep => (c, 0),
                    Sanitized::Replace(p) => (p, 0),
                    Sanitized::Drop => ('\u{200B}', DROPPED),
                };
                push(ch, clean.len(), i, extra);
                clean.push(ch);
            }
        }
        let simple = simple != 0;
        let scan = ClassScan::new(classes, &self.chars);
        let text: &str = if sanitize { &clean } else { paragraph };
        let direction = paragraph_direction_of(&scan, opts.dir, opts.fallback);
        let para_level = match direction {
            Direction::Ltr => 0,
            Direction::Rtl => 1,
        };
        let shaping = opts.shape && opts.bidi != BidiMode::Off && scan.has_r;
        let mut full_bidi = false;
        if opts.bidi == BidiMode::App || shaping {
            full_bidi = resolve_levels(text, &mut self.chars, direction, &scan, &mut self.levels);
        }
        if shaping {
            shape(&mut self.chars);
        }
        build_clusters(
            text,
            &self.chars,
            paragraph.len(),
            simple,
            opts.reveal,
            &mut self.scratch,
            &mut self.clusters,
        );
        let app = opts.bidi == BidiMode::App;
        let mode = LineMode {
            para_level,
            apply_l1: full_bidi,
            reorder: app,
            direction: if app { direction } else { Direction::Ltr },
        };
        (
            Paragraph {
                mode,
                sanitized: sanitize,
            },
            clean,
        )
    }
}
