//! The library pane: the open articles, or those passing its query (title, number of speakers
//! and quotes), the current one marked. Counts appear as articles are extracted in the
//! background; a text search shows its hits as they are found.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text;
use crate::tui::paint;
use crate::tui::panes::{Pane, content};
use crate::tui::state::State;

/// From this width a row also shows the article's date and source (at most [`ABOUT_CHARS`]).
const WIDE_ROW: u16 = 48;
const ABOUT_CHARS: usize = 24;

pub fn view(state: &State, frame: &mut Frame) {
    let Some(rect) = state.panes().and_then(|p| p.library) else {
        return;
    };
    let focused = state.focus == Pane::Library && !state.help_open;
    let lib = &state.library;
    let total = state.catalogue.count();
    let mut label = if lib.query.is_empty() {
        format!(" Articles {total}")
    } else {
        format!(" Articles {}/{total}", lib.rows.len())
    };
    if let Some(search) = lib.text_search.as_ref().filter(|s| !s.finished()) {
        label.push_str(&format!(" searching {}%", search.percent()));
    }
    super::header(state, frame, rect, Pane::Library, &label);
    let area = content(rect);
    let rows = &lib.rows;
    if rows.is_empty() {
        let message = if lib.searching() {
            "searching..."
        } else {
            "no match"
        };
        let buf = frame.buffer_mut();
        paint::paint_ascii(buf, area.x + 1, area.y, area.right(), message, Style::new());
    }
    let styles = &state.styles;
    let mut cursor = None;
    for (i, &index) in rows
        .iter()
        .skip(state.library.offset)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + i as u16;
        let selected = index == state.library.selected;
        let base = if selected {
            styles.selection(focused)
        } else {
            Style::new()
        };
        let buf = frame.buffer_mut();
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        let counts = match state.catalogue.summary(index) {
            Some(s) => format!("{:>2}·{:<3}", s.speakers, s.quotes),
            None => "  …   ".to_string(),
        };
        let mut end = paint::paint_ascii(buf, area.x, y, area.right(), &counts, base);
        if area.width >= WIDE_ROW {
            // Room to spare (the focused library): where and when, to tell like titles apart.
            let entry = state.catalogue.entry(index);
            // Only plain ASCII is painted as is (an Arabic source would need reordering).
            let about = [entry.date.as_deref(), entry.source.as_deref()]
                .into_iter()
                .flatten()
                .filter(|s| s.is_ascii())
                .collect::<Vec<_>>()
                .join(" ");
            if !about.is_empty() {
                let about: String = about.chars().take(ABOUT_CHARS).collect();
                end = paint::paint_ascii(
                    buf,
                    end,
                    y,
                    area.right(),
                    &about,
                    base.add_modifier(Modifier::DIM),
                );
                end += 1;
            }
        }
        let marker = if index == state.current { "●" } else { " " };
        paint::paint_ascii(buf, area.right() - 1, y, area.right(), marker, base);
        let title_area = Rect::new(end, y, area.right().saturating_sub(end + 2), 1);
        if title_area.width > 0 {
            let title = text::layout_label(
                &state.catalogue.entry(index).title,
                title_area.width,
                &state.settings.layout,
            );
            let style = if index == state.current {
                base.add_modifier(Modifier::BOLD)
            } else {
                base
            };
            paint::paint_line(buf, title_area, y, &title, |_| style);
        }
        if selected {
            cursor = Some((area.right() - 1, y));
        }
    }
    if focused && !state.search.editing {
        frame.set_cursor_position(cursor.unwrap_or((area.right() - 1, area.y)));
    }
}
