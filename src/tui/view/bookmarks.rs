//! The bookmarks screen: one row per bookmark of the open articles (the article's title, then
//! the words at the bookmarked place, right-to-left).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::rows;
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
    let title_w = rows::title_width(area);
    let opts = &state.settings.layout;
    let window = (list.rows.len(), list.offset, list.selected);
    let cursor = rows::draw_rows(
        buf,
        area,
        window,
        state.styles.selection(true),
        |buf, row| {
            let mark = &list.rows[row.index];
            if let Some(entry) = state.catalogue.library().get(mark.article) {
                let title_area = Rect::new(area.x, row.y, title_w, 1);
                rows::paint_rtl(buf, title_area, &entry.title, row.base, opts);
            }
            let from = (area.x + title_w, area.right());
            rows::paint_after(buf, from, row, " │ ", &mark.snippet, opts);
        },
    );
    if !state.help_open {
        frame.set_cursor_position(cursor.unwrap_or((area.right().saturating_sub(1), area.y)));
    }
}
