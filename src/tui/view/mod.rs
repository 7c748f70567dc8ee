//! Drawing: `view(&State, &mut Frame)` reads the state and paints; it changes nothing. Each
//! pane has its own module; this one puts them together (or says the terminal is too small).

mod article;
mod bookmarks;
pub mod help;
mod library;
mod people;
mod rows;
mod speakers;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::paint;
use super::panes::{MIN_HEIGHT, MIN_WIDTH, Pane};
use super::state::{Screen, State};
use crate::text::BidiMode;

/// Draws the whole screen.
pub fn view(state: &State, frame: &mut Frame) {
    let frame_area = frame.area();
    if state.area.right() > frame_area.right() || state.area.bottom() > frame_area.bottom() {
        // The terminal shrank and its resize event is not handled yet: draw nothing this time
        // (the event comes next) rather than paint outside the frame.
        return;
    }
    let Some(panes) = state.panes() else {
        too_small(state, frame);
        return;
    };
    match state.screen {
        Screen::Reader => {}
        Screen::People => {
            people::view(state, frame);
            status::view(state, frame);
            return help_over(state, frame);
        }
        Screen::Bookmarks => {
            bookmarks::view(state, frame);
            status::view(state, frame);
            return help_over(state, frame);
        }
    }
    article::view(state, frame);
    speakers::view(state, frame);
    library::view(state, frame);
    status::view(state, frame);
    let style = state.styles.separator();
    // A terminal that reorders by itself (`--bidi terminal`) takes each row as one left-to-right
    // paragraph: the Arabic of two panes, joined by the neutral │, would make one right-to-left
    // run and swap sides. A left-to-right mark after the │ (rawi's own, never the article's)
    // ends the run at the border, so each pane is reordered in its place.
    let symbol = match state.settings.layout.bidi {
        BidiMode::Terminal => "│\u{200E}",
        _ => "│",
    };
    for sep in panes.separators.iter().flatten() {
        for y in sep.top()..sep.bottom() {
            frame.buffer_mut()[(sep.x, y)]
                .set_symbol(symbol)
                .set_style(style);
        }
    }
    help_over(state, frame);
}

fn help_over(state: &State, frame: &mut Frame) {
    if state.help_open {
        help::view(state, frame);
    }
}

fn too_small(state: &State, frame: &mut Frame) {
    let area = state.area.intersection(frame.area());
    let message = format!(
        "Terminal too small: rawi needs at least {MIN_WIDTH}x{MIN_HEIGHT}, this one is {}x{}.",
        area.width, area.height
    );
    let height = (message.len() as u16)
        .div_ceil(area.width.max(1))
        .min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect::new(area.x, y, area.width, height);
    frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), rect);
}

/// Paints a pane header: `label` on the left, filling the row with the header style.
fn header(state: &State, frame: &mut Frame, rect: Rect, pane: Pane, label: &str) -> Rect {
    let style = state.styles.header(state.focus == pane && !state.help_open);
    let row = Rect::new(rect.x, rect.y, rect.width, 1);
    let buf = frame.buffer_mut();
    buf.set_style(row, style);
    let end = paint::paint_ascii(buf, row.x, row.y, row.right(), label, style);
    // What is left of the row, for a title on the right.
    Rect::new(end + 1, row.y, row.right().saturating_sub(end + 1), 1)
}

/// `n` and a noun, plural unless `n` is 1: `1 article`, `3 articles`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
