//! The bookmarks screen: one row per bookmark of the open articles (the article's title, then
//! the words at the bookmarked place, right-to-left).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text;
use crate::tui::bookmarks::list_area;
use crate::tui::paint;
use crate::tui::state::State;

pub fn view(state: &State, frame: &mut Frame) {
    let list = &state.bookmarks;
    let area = list_area(state);
    let header = Rect::new(state.area.x, state.area.y, state.area.width, 1);
    let style = state.styles.header(!state.help_open);
    let buf = frame.buffer_mut();
    buf.set_style(header, style);
    let label = format!(" Bookmarks {}", list.rows.len());
    paint::paint_ascii(buf, header.x, header.y, header.right(), &label, style);
    let title_w = (area.width / 3)
        .clamp(8, 40)
        .min(area.width.saturating_sub(4));
    let mut cursor = None;
    for (row, mark) in list
        .rows
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(area.height as usize)
    {
        let y = area.y + (row - list.offset) as u16;
        let selected = row == list.selected;
        let base = if selected {
            state.styles.selection(true)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        if let Some(entry) = state.catalogue.library().get(mark.article) {
            let line = text::layout_truncated(&entry.title, title_w.max(1), &state.settings.layout);
            paint::paint_line(buf, Rect::new(area.x, y, title_w, 1), y, &line, |_| base);
        }
        let x = paint::paint_ascii(buf, area.x + title_w, y, area.right(), " │ ", base);
        let snippet_area = Rect::new(x, y, area.right().saturating_sub(x + 1), 1);
        if snippet_area.width > 0 {
            let line =
                text::layout_truncated(&mark.snippet, snippet_area.width, &state.settings.layout);
            let style = base.add_modifier(Modifier::BOLD);
            paint::paint_line(buf, snippet_area, y, &line, |_| style);
        }
        if selected {
            cursor = Some((area.right().saturating_sub(1), y));
        }
    }
    if !state.help_open {
        frame.set_cursor_position(cursor.unwrap_or((area.right().saturating_sub(1), area.y)));
    }
}
