//! The article pane: the visible visual lines, quotes in their speaker's colour, the focused
//! quote standing out, mentions marked, search hits; the terminal cursor on the focused quote.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text;
use crate::text::Glyph;
use crate::tui::marks::overlapping;
use crate::tui::paint;
use crate::tui::panes::Pane;
use crate::tui::state::State;
use crate::tui::theme::badge_label;

pub fn view(state: &State, frame: &mut Frame) {
    let Some(panes) = state.panes() else { return };
    let rect = panes.article;
    let count = state.catalogue.count();
    let label = if count > 1 {
        format!(" {}/{} ", state.current + 1, count)
    } else {
        " ".to_string()
    };
    let title_area = super::header(state, frame, rect, Pane::Article, &label);
    let title = text::layout_label(
        &state.article().title,
        title_area.width.saturating_sub(1).max(1),
        &state.settings.layout,
    );
    let style = state
        .styles
        .header(state.focus == Pane::Article && !state.help_open);
    if title_area.width > 1 {
        let area = Rect::new(title_area.x, title_area.y, title_area.width - 1, 1);
        paint::paint_line(frame.buffer_mut(), area, area.y, &title, |_| style);
    }
    let area = state.article_area();
    let cursor = paint_text(state, frame, area);
    if state.focus == Pane::Article && !state.search.editing && !state.help_open {
        frame.set_cursor_position(cursor.unwrap_or((area.right().saturating_sub(1), area.y)));
    }
}

/// Paints the visible lines; returns where the cursor goes (the focused quote's first glyph,
/// else the first glyph of the top line).
fn paint_text(state: &State, frame: &mut Frame, area: Rect) -> Option<(u16, u16)> {
    let view = state.view();
    let styles = &state.styles;
    let marks = &view.marks;
    let highlights = state.settings.highlights;
    let focused = view.focused_quote;
    let focused_range = state.focused_range();
    let hits = &state.search.hits;
    let current_hit = state.search.current;
    let mut cursor: Option<(usize, (u16, u16))> = None;
    let mut top_cursor = None;
    let buf = frame.buffer_mut();
    for (row, (para, line)) in view
        .doc
        .visible(state.top_line(), area.height as usize)
        .into_iter()
        .enumerate()
    {
        let y = area.y + row as u16;
        let base = view.doc.para_range(para).start;
        let span = base + line.logical.start..base + line.logical.end.max(line.logical.start + 1);
        let quotes = overlapping(&marks.quotes, span.clone());
        let mentions = if highlights {
            overlapping(&marks.mentions, span.clone())
        } else {
            0..0
        };
        let line_hits = overlapping(hits, span.clone());
        if highlights || focused.is_some() {
            paint_badge(state, buf, area, y, span);
        }
        let glyph_range = |g: &Glyph| {
            let start = base + g.logical.start as usize;
            start..(base + g.logical.end as usize).max(start + 1)
        };
        let left = paint::paint_line(buf, area, y, line, |g| {
            let at = glyph_range(g);
            let mut style = Style::new();
            for q in quotes.clone() {
                if !overlaps(&marks.quotes[q].range, &at) {
                    continue;
                }
                let speaker = marks.quotes[q].speaker;
                if Some(q) == focused {
                    style = styles.focused_quote(speaker);
                } else if highlights && marks.quotes[q].unsure {
                    style = styles.unsure_quote(speaker);
                } else if highlights {
                    style = styles.quote(speaker);
                }
            }
            for m in mentions.clone() {
                if overlaps(&marks.mentions[m].range, &at) {
                    style = style.patch(styles.mention(marks.mentions[m].speaker));
                }
            }
            for h in line_hits.clone() {
                if overlaps(&hits[h], &at) {
                    let hit = if Some(h) == current_hit {
                        styles.current_hit()
                    } else {
                        styles.search_hit()
                    };
                    style = style.patch(hit);
                }
            }
            style
        });
        // The cursor: the logically first glyph of the focused quote on screen.
        for g in &line.glyphs {
            let at = glyph_range(g);
            let x = left + g.col;
            if top_cursor.is_none() && g.logical.start == line.logical.start as u32 {
                top_cursor = Some((x, y));
            }
            if let Some(range) = &focused_range
                && overlaps(range, &at)
                && cursor.is_none_or(|(start, _)| at.start < start)
            {
                cursor = Some((at.start, (x, y)));
            }
        }
        if top_cursor.is_none() {
            top_cursor = Some((left.min(area.right().saturating_sub(1)), y));
        }
    }
    cursor.map(|(_, at)| at).or(top_cursor)
}

/// In the margin right of the text, the badge of the speaker whose quote starts the line's
/// text (in reading order), or, for a line inside a longer quote, of that quote's speaker.
/// With highlights off, only the focused quote's lines get one.
fn paint_badge(state: &State, buf: &mut Buffer, area: Rect, y: u16, span: Range<usize>) {
    let view = state.view();
    let marks = &view.marks;
    let highlights = state.settings.highlights;
    let Some(q) =
        overlapping(&marks.quotes, span).find(|&q| highlights || Some(q) == view.focused_quote)
    else {
        return;
    };
    let mark = &marks.quotes[q];
    let mut style = state.styles.badge(mark.speaker);
    if mark.unsure && Some(q) != view.focused_quote {
        style = style.add_modifier(Modifier::DIM);
    }
    if Some(q) == view.focused_quote {
        style = style.add_modifier(Modifier::REVERSED);
    }
    let x = area.right() + 1;
    paint::paint_ascii(buf, x, y, x + 2, &badge_label(mark.speaker), style);
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
