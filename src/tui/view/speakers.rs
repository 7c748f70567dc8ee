//! The speakers pane: one row per speaker (count of quotes, name and role, right-to-left, its
//! numbered badge as on its quote lines in the article),
//! each followed by the first words of its quotes when expanded. Speakers and quotes the engine
//! is unsure of (confidence under `[reader] min_confidence`) are dimmed and marked `?`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::config::SpeakerSort;
use crate::text;
use crate::tui::paint;
use crate::tui::panes::{Pane, content};
use crate::tui::roster;
use crate::tui::state::{Row, State};
use crate::tui::theme::badge_label;

/// How much of a quote is laid out for its row (the row shows only its first words).
const QUOTE_PREVIEW_BYTES: usize = 400;

pub fn view(state: &State, frame: &mut Frame) {
    let Some(rect) = state.panes().and_then(|p| p.speakers) else {
        return;
    };
    let view = state.view();
    let focused = state.focus == Pane::Speakers && !state.help_open;
    let speakers = &view.extraction.speakers;
    let sort = match state.settings.sort {
        SpeakerSort::Appearance => "",
        SpeakerSort::Quotes => " by quotes",
    };
    let label = match roster::list_filter(state, Pane::Speakers) {
        Some(_) => format!(" Speakers{sort} (filtered)"),
        None => format!(" Speakers {}{sort}", speakers.len()),
    };
    super::header(state, frame, rect, Pane::Speakers, &label);
    let area = content(rect);
    let rows = roster::rows(state);
    let styles = &state.styles;
    if rows.is_empty() {
        let message = if state.open.first().is_some_and(|o| o.pending.is_some()) {
            "finding speakers…"
        } else if speakers.is_empty() {
            "no speakers found"
        } else {
            "no match"
        };
        paint::paint_ascii(
            frame.buffer_mut(),
            area.x + 1,
            area.y,
            area.right(),
            message,
            Style::new(),
        );
        return;
    }
    let selected = view.speakers.selected;
    let text = state.text();
    let mut cursor = None;
    for (i, row) in rows
        .iter()
        .skip(view.speakers.offset)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + i as u16;
        let line_area = Rect::new(area.x, y, area.width, 1);
        let is_selected = selected == Some(*row);
        let base = if is_selected {
            styles.selection(focused)
        } else {
            Style::new()
        };
        let buf = frame.buffer_mut();
        buf.set_style(line_area, base);
        match *row {
            Row::Speaker(s) => {
                let speaker = &speakers[s];
                let quotes = view.marks.by_speaker[s].len();
                let marker = if view.speakers.expanded.contains(&s) {
                    "▾"
                } else {
                    "◂"
                };
                paint::paint_ascii(buf, area.right() - 1, y, area.right(), marker, base);
                let count = format!("{quotes:>3}");
                paint::paint_ascii(buf, area.x, y, area.right(), &count, base);
                let unsure = speaker.confidence < state.settings.unsure_below;
                if unsure {
                    // Even its surest quote is unsure: a ? between the count and the name.
                    paint::paint_ascii(buf, area.x + 3, y, area.right(), "?", base);
                }
                let mut label = speaker.name.clone();
                if let Some(role) = &speaker.role {
                    label.push_str("، ");
                    label.push_str(role);
                }
                // The badge the speaker's quote lines carry in the article's margin.
                let badge = badge_label(s);
                let badge_style = if is_selected && focused {
                    base.add_modifier(Modifier::BOLD)
                } else {
                    base.patch(styles.badge(s))
                };
                let badge_x = area.right().saturating_sub(4);
                paint::paint_ascii(buf, badge_x, y, area.right() - 1, &badge, badge_style);
                let name_area = Rect::new(area.x + 4, y, area.width.saturating_sub(9), 1);
                let line =
                    text::layout_label(&label, name_area.width.max(1), &state.settings.layout);
                let name_style = if styles.no_color || (is_selected && focused) {
                    base.add_modifier(Modifier::BOLD)
                } else {
                    base.fg(styles.speaker_colour(s))
                        .add_modifier(Modifier::BOLD)
                };
                let name_style = if unsure {
                    name_style.add_modifier(unsure_modifier(styles.no_color))
                } else {
                    name_style
                };
                if name_area.width > 0 {
                    paint::paint_line(buf, name_area, y, &line, |_| name_style);
                }
            }
            Row::Quote(q) => {
                let range = view.marks.quotes[q].range.clone();
                let mut end = range.end.min(range.start + QUOTE_PREVIEW_BYTES);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let quote_area = Rect::new(area.x + 1, y, area.width.saturating_sub(4), 1);
                let line = text::layout_truncated(
                    &text[range.start..end],
                    quote_area.width.max(1),
                    &state.settings.layout,
                );
                let unsure = view.marks.quotes[q].unsure;
                let style = if view.focused_quote == Some(q) {
                    base.add_modifier(Modifier::BOLD)
                } else if unsure {
                    base.add_modifier(unsure_modifier(styles.no_color))
                } else {
                    base
                };
                let bullet = if unsure { "?" } else { "·" };
                paint::paint_ascii(buf, area.right() - 2, y, area.right(), bullet, base);
                if quote_area.width > 0 {
                    paint::paint_line(buf, quote_area, y, &line, |_| style);
                }
            }
        }
        if is_selected {
            cursor = Some((area.right() - 1, y));
        }
    }
    if focused && !state.search.editing {
        frame.set_cursor_position(cursor.unwrap_or((area.right() - 1, area.y)));
    }
}

/// How an unsure speaker or quote row is drawn: dimmed, and italic too with NO_COLOR (where a
/// terminal may not dim).
fn unsure_modifier(no_color: bool) -> Modifier {
    if no_color {
        Modifier::DIM | Modifier::ITALIC
    } else {
        Modifier::DIM
    }
}
