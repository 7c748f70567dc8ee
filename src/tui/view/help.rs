//! The help overlay: every action and the keys bound to it (from the keymap, so rebinding
//! shows), scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::state::State;

/// Rows of the help's box (its border included) in the reader's area.
fn box_height(state: &State, area_height: u16) -> u16 {
    area_height
        .saturating_sub(2)
        .min(state.help.len() as u16 + 2)
}

/// The furthest the help can be scrolled: its last line on the box's last row.
pub fn max_scroll(state: &State) -> usize {
    let rows = box_height(state, state.area.height).saturating_sub(2) as usize;
    state.help.len().saturating_sub(rows)
}

pub fn view(state: &State, frame: &mut Frame) {
    let area = state.area.intersection(frame.area());
    let width = area.width.saturating_sub(4).min(64);
    let height = box_height(state, area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    let keys: Vec<String> = state.help.iter().map(|h| h.keys.join(" ")).collect();
    let keys_width = keys
        .iter()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(16);
    let lines: Vec<Line> = (state.help.iter().zip(&keys))
        .skip(state.help_scroll)
        .map(|(h, keys)| {
            Line::from(vec![
                Span::styled(
                    format!(" {keys:<keys_width$} "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(h.what),
            ])
        })
        .collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Keys · j/k scroll · ? or Esc closes ");
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    frame.set_cursor_position((rect.x + 1, rect.y + 1));
}
