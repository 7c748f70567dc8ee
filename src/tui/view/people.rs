//! The speakers screen (who said what across the open articles): one row per speaker (numbers
//! of quotes and articles, then the name and role, right-to-left), or, once a speaker is
//! opened, one row per quote (the article's title, then the quote's first words).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::rows;
use crate::attribution::QuoteKind;
use crate::index::SortBy;
use crate::text;
use crate::tui::paint;
use crate::tui::people::list_area;
use crate::tui::state::State;

pub fn view(state: &State, frame: &mut Frame) {
    let people = &state.people;
    let area = list_area(state);
    let header = Rect::new(state.area.x, state.area.y, state.area.width, 1);
    let style = state.styles.header(!state.help_open);
    let buf = frame.buffer_mut();
    buf.set_style(header, style);
    let Some(index) = &people.index else {
        let message = match state.catalogue.index_progress() {
            Some((done, total)) if done == total => {
                let articles = super::count(total, "article");
                format!(" Speakers: putting the speakers of {articles} together...")
            }
            Some((done, total)) => format!(
                " Speakers: finding who said what in {} ({}%)...",
                super::count(total, "article"),
                done * 100 / total.max(1)
            ),
            None => " Speakers: none found".to_string(),
        };
        paint::paint_ascii(buf, header.x, header.y, header.right(), &message, style);
        return;
    };
    let selected_style = state.styles.selection(true);
    let opts = &state.settings.layout;
    let cursor;
    match people.opened {
        None => {
            let sort = match people.sort {
                SortBy::Quotes => "by quotes",
                SortBy::Name => "by name",
            };
            let mut label = format!(
                " quotes articles  Speakers {} of {} in {}, {sort}",
                people.order.len(),
                index.speakers().len(),
                super::count(index.article_count(), "article")
            );
            if !state.catalogue.index_complete() {
                label.push_str(" (still counting)");
            }
            let end = paint::paint_ascii(buf, header.x, header.y, header.right(), &label, style);
            if !people.filter.is_empty() {
                let filter = format!("  filter: {}", people.filter);
                paint_text(buf, end, header.y, header.right(), &filter, style, state);
            }
            let window = (people.order.len(), people.offset, people.selected);
            cursor = rows::draw_rows(buf, area, window, selected_style, |buf, row| {
                let speaker = &index.speakers()[people.order[row.index]];
                let counts = format!(
                    "{:>6} {:>6}  ",
                    speaker.quote_count(),
                    speaker.article_count()
                );
                let mut label = speaker.name.clone();
                if let Some(role) = speaker.roles.first() {
                    label.push_str("، ");
                    label.push_str(role);
                }
                let from = (area.x, area.right());
                rows::paint_after(buf, from, row, &counts, &label, opts);
            });
            if people.order.is_empty() {
                let message = if !people.filter.is_empty() {
                    "no match"
                } else if state.catalogue.index_complete() {
                    "no speakers"
                } else {
                    "no speakers found yet"
                };
                paint::paint_ascii(buf, area.x + 1, area.y, area.right(), message, Style::new());
            }
        }
        Some(opened) => {
            let Some(speaker) = index.speakers().get(opened.speaker) else {
                return;
            };
            let label = format!(
                " {} in {}: ",
                super::count(speaker.quote_count(), "quote"),
                super::count(speaker.article_count(), "article")
            );
            let end = paint::paint_ascii(buf, header.x, header.y, header.right(), &label, style);
            paint_text(
                buf,
                end,
                header.y,
                header.right(),
                &speaker.name,
                style,
                state,
            );
            let title_w = rows::title_width(area);
            let window = (speaker.quotes.len(), opened.offset, opened.selected);
            cursor = rows::draw_rows(buf, area, window, selected_style, |buf, row| {
                let quote = &speaker.quotes[row.index];
                if let Some(entry) = state.catalogue.library().get(quote.article) {
                    let title_area = Rect::new(area.x, row.y, title_w, 1);
                    rows::paint_rtl(buf, title_area, &entry.title, row.base, opts);
                }
                let mark = match quote.kind {
                    QuoteKind::Direct => " « ",
                    QuoteKind::Indirect => " ~ ",
                };
                let words = people
                    .previews
                    .get(&(quote.article, quote.range.start))
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| "(text no longer readable)".to_string());
                let from = (area.x + title_w, area.right());
                rows::paint_after(buf, from, row, mark, &words, opts);
            });
        }
    }
    if !state.help_open && !state.people.editing {
        frame.set_cursor_position(cursor.unwrap_or((area.right().saturating_sub(1), area.y)));
    }
}

/// Paints text that may be Arabic (names, the filter) from `x` on one row.
fn paint_text(
    buf: &mut ratatui::buffer::Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    state: &State,
) -> u16 {
    let width = right.saturating_sub(x);
    if width == 0 {
        return x;
    }
    let line = text::layout_truncated(text, width, &state.settings.layout);
    paint::paint_at(buf, x, y, right, &line, style)
}
