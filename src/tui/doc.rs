//! One article as the article pane sees it: paragraphs (the lines of the text) laid out lazily
//! into visual lines, cached for one (width, layout options) key, and positions in it.
//!
//! Only the paragraphs that are looked at are laid out, so opening or scrolling a 1 MB article
//! costs what the visible screen costs. The cache is dropped when the width or mode changes.

use std::ops::Range;

use crate::text::{LayoutOptions, MAX_PIECE, VisualLine, layout_paragraph, paragraph_pieces};

/// A position in the logical text, which survives re-layout: paragraph + byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    pub para: usize,
    pub offset: usize,
}

/// A visual line: paragraph + index of the line in the paragraph's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LinePos {
    pub para: usize,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Doc {
    /// Byte offset where each paragraph starts; paragraph `i` ends before the next `\n`, or,
    /// when a giant line was cut into pieces (see [`paragraph_pieces`]), where the next starts.
    starts: Vec<usize>,
    /// Byte offset where each paragraph ends (its newline excluded).
    ends: Vec<usize>,
    /// End of the last paragraph (the text length, less a final newline).
    len: usize,
    width: u16,
    opts: LayoutOptions,
    lines: Vec<Option<Box<[VisualLine]>>>,
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        // A final newline ends the last paragraph, it does not start one.
        let len = if text.ends_with('\n') {
            text.len() - 1
        } else {
            text.len()
        };
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        let mut line_start = 0;
        let line_ends = memchr::memchr_iter(b'\n', &text.as_bytes()[..len]).chain([len]);
        for line_end in line_ends {
            let line = &text[line_start..line_end];
            if line.len() <= MAX_PIECE {
                starts.push(line_start);
                ends.push(line_end);
            } else {
                for piece in paragraph_pieces(line, MAX_PIECE) {
                    starts.push(line_start + piece.start);
                    ends.push(line_start + piece.end);
                }
            }
            line_start = line_end + 1;
        }
        Doc {
            lines: vec![None; starts.len()],
            starts,
            ends,
            len,
            width: 0,
            opts: LayoutOptions::default(),
        }
    }

    pub fn paragraphs(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of paragraph `para` in the article (without its newline).
    pub fn para_range(&self, para: usize) -> Range<usize> {
        self.starts[para]..self.ends[para]
    }

    pub fn text_len(&self) -> usize {
        self.len
    }

    /// Sets the layout key; a change drops every cached layout.
    pub fn set_layout(&mut self, width: u16, opts: &LayoutOptions) {
        if self.width != width || self.opts != *opts {
            self.width = width;
            self.opts = opts.clone();
            self.lines.iter_mut().for_each(|l| *l = None);
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// The visual lines of a paragraph, laying it out if needed.
    pub fn lines(&mut self, text: &str, para: usize) -> &[VisualLine] {
        if self.lines[para].is_none() {
            let range = self.para_range(para);
            let paragraph = text[range].trim_end_matches('\r');
            let laid = layout_paragraph(paragraph, self.width.max(1), &self.opts);
            self.lines[para] = Some(laid.into_boxed_slice());
        }
        self.lines[para].as_deref().unwrap_or(&[])
    }

    /// The visual lines of a paragraph if already laid out (for drawing, which cannot mutate).
    pub fn cached(&self, para: usize) -> Option<&[VisualLine]> {
        self.lines.get(para)?.as_deref()
    }

    fn line_count(&mut self, text: &str, para: usize) -> usize {
        self.lines(text, para).len().max(1)
    }

    /// The paragraph and offset of an article byte offset.
    pub fn anchor_at(&self, offset: usize) -> Anchor {
        let para = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        Anchor {
            para,
            offset: offset - self.starts[para],
        }
    }

    /// The nearest valid anchor (a remembered position may come from another version of the text).
    pub fn clamp(&self, anchor: Anchor) -> Anchor {
        let para = anchor.para.min(self.paragraphs() - 1);
        Anchor {
            para,
            offset: anchor.offset.min(self.para_range(para).len()),
        }
    }

    /// Article byte offset of an anchor.
    pub fn offset_of(&self, anchor: Anchor) -> usize {
        self.starts[anchor.para] + anchor.offset
    }

    /// The visual line showing `anchor`.
    pub fn line_of(&mut self, text: &str, anchor: Anchor) -> LinePos {
        let para = anchor.para.min(self.paragraphs() - 1);
        let lines = self.lines(text, para);
        let line = lines
            .iter()
            .rposition(|l| l.logical.start <= anchor.offset)
            .unwrap_or(0);
        LinePos { para, line }
    }

    /// The anchor of a visual line: where its logical text starts.
    pub fn anchor_of(&mut self, text: &str, pos: LinePos) -> Anchor {
        let offset = self
            .lines(text, pos.para)
            .get(pos.line)
            .map_or(0, |l| l.logical.start);
        Anchor {
            para: pos.para,
            offset,
        }
    }

    pub fn last_line(&mut self, text: &str) -> LinePos {
        let para = self.paragraphs() - 1;
        LinePos {
            para,
            line: self.line_count(text, para) - 1,
        }
    }

    /// Moves `by` visual lines down (negative: up), stopping at the first and last lines.
    pub fn step(&mut self, text: &str, mut pos: LinePos, by: isize) -> LinePos {
        let mut left = by.unsigned_abs();
        if by >= 0 {
            while left > 0 {
                let in_para = self.line_count(text, pos.para) - 1 - pos.line;
                if left <= in_para {
                    pos.line += left;
                    break;
                }
                if pos.para + 1 >= self.paragraphs() {
                    pos.line += in_para;
                    break;
                }
                left -= in_para + 1;
                pos = LinePos {
                    para: pos.para + 1,
                    line: 0,
                };
            }
        } else {
            while left > 0 {
                if left <= pos.line {
                    pos.line -= left;
                    break;
                }
                if pos.para == 0 {
                    pos.line = 0;
                    break;
                }
                left -= pos.line + 1;
                let para = pos.para - 1;
                pos = LinePos {
                    para,
                    line: self.line_count(text, para) - 1,
                };
            }
        }
        pos
    }

    /// Number of visual lines from `a` to `b` (b after a), counting at most `limit`.
    pub fn distance(&mut self, text: &str, a: LinePos, b: LinePos, limit: usize) -> usize {
        let mut n = 0;
        let mut pos = a;
        while pos < b && n < limit {
            let next = self.step(text, pos, 1);
            if next == pos {
                break;
            }
            pos = next;
            n += 1;
        }
        n
    }

    /// Lays out the paragraphs of `rows` lines from `top`, so that drawing finds them cached.
    pub fn prepare(&mut self, text: &str, top: LinePos, rows: usize) {
        let mut remaining = rows;
        let mut para = top.para;
        let mut skip = top.line;
        while remaining > 0 && para < self.paragraphs() {
            let n = self.line_count(text, para).saturating_sub(skip);
            remaining = remaining.saturating_sub(n);
            skip = 0;
            para += 1;
        }
    }

    /// The visual lines of `rows` screen rows from `top`, with their paragraph, as cached.
    pub fn visible(&self, top: LinePos, rows: usize) -> Vec<(usize, &VisualLine)> {
        let mut out = Vec::with_capacity(rows);
        let mut para = top.para;
        let mut skip = top.line;
        while out.len() < rows && para < self.paragraphs() {
            let Some(lines) = self.cached(para) else {
                break;
            };
            out.extend(
                lines
                    .iter()
                    .skip(skip)
                    .take(rows - out.len())
                    .map(|l| (para, l)),
            );
            skip = 0;
            para += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_crosses_paragraphs_and_stops_at_the_ends() {
        let text = "aaaa bbbb\n\ncccc";
        let mut doc = Doc::new(text);
        doc.set_layout(4, &LayoutOptions::default());
        let start = LinePos::default();
        let end = doc.last_line(text);
        assert_eq!(doc.step(text, start, -3), start);
        assert_eq!(doc.step(text, start, 100), end);
        let back = doc.step(text, end, -1);
        assert_eq!(back.para, 1);
        let total: usize = (0..3).map(|p| doc.lines(text, p).len()).sum();
        assert_eq!(doc.distance(text, start, end, 100), total - 1);
    }

    #[test]
    fn anchors_map_offsets_to_paragraphs() {
        let text = "ab\ncd\n";
        let doc = Doc::new(text);
        assert_eq!(doc.paragraphs(), 2);
        assert_eq!(doc.anchor_at(4), Anchor { para: 1, offset: 1 });
        assert_eq!(doc.para_range(1), 3..5);
    }

    #[test]
    fn a_giant_line_is_laid_out_in_pieces_that_tile_it() {
        let line = "كلمة ".repeat(MAX_PIECE / 4);
        let text = format!("قبل\n{line}\nبعد");
        let mut doc = Doc::new(&text);
        assert!(doc.paragraphs() > 3);
        assert_eq!(doc.para_range(0), 0..6);
        let last = doc.paragraphs() - 1;
        assert_eq!(&text[doc.para_range(last)], "بعد");
        for para in 1..last {
            assert_eq!(
                doc.para_range(para).end,
                doc.para_range(para + 1).start - usize::from(para + 1 == last)
            );
            assert!(doc.para_range(para).len() <= MAX_PIECE);
        }
        doc.set_layout(40, &LayoutOptions::default());
        assert!(!doc.lines(&text, 1).is_empty());
    }
}
