//! What the list screens (speakers across articles, a speaker's quotes, bookmarks) draw alike:
//! the visible window of rows, the selected one highlighted, an article-title column and a
//! right-to-left text cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text::{self, LayoutOptions};
use crate::tui::paint;

/// One visible row of a list.
pub struct ListRow {
    /// Index into the list.
    pub index: usize,
    pub y: u16,
    /// The row's style (the selection style on the selected row), already filled in.
    pub base: Style,
}

/// Calls `draw` for each row of a list of `len` rows that shows in `area` from `offset`, after
/// filling the row with its base style. Returns where the terminal cursor goes: the end of the
/// selected row, if it is visible.
pub fn draw_rows(
    buf: &mut Buffer,
    area: Rect,
    (len, offset, selected): (usize, usize, usize),
    selected_style: Style,
    mut draw: impl FnMut(&mut Buffer, &ListRow),
) -> Option<(u16, u16)> {
    let mut cursor = None;
    for index in (offset..len).take(area.height as usize) {
        let y = area.y + (index - offset) as u16;
        let base = if index == selected {
            selected_style
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        draw(buf, &ListRow { index, y, base });
        if index == selected {
            cursor = Some((area.right().saturating_sub(1), y));
        }
    }
    cursor
}

/// Width of the article-title column: a third of the list, 8 to 40 cells.
pub fn title_width(area: Rect) -> u16 {
    (area.width / 3)
        .clamp(8, 40)
        .min(area.width.saturating_sub(4))
}

/// `text` laid out right-to-left and truncated into `rect` (one row), in `style`.
pub fn paint_rtl(buf: &mut Buffer, rect: Rect, text: &str, style: Style, opts: &LayoutOptions) {
    if rect.width == 0 {
        return;
    }
    let line = text::layout_label(text, rect.width, opts);
    paint::paint_line(buf, rect, rect.y, &line, |_| style);
}

/// After a column ending at `x`: the separator `sep`, then `text` in bold to the end of the
/// row (less one cell for the cursor).
pub fn paint_after(
    buf: &mut Buffer,
    (x, right): (u16, u16),
    row: &ListRow,
    sep: &str,
    text: &str,
    opts: &LayoutOptions,
) {
    let x = paint::paint_ascii(buf, x, row.y, right, sep, row.base);
    let rest = Rect::new(x, row.y, right.saturating_sub(x + 1), 1);
    paint_rtl(buf, rest, text, row.base.add_modifier(Modifier::BOLD), opts);
}
