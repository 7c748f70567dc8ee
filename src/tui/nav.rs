//! Moving around: scrolling the article, moving list selections, and going from quote to quote
//! and speaker to speaker. Helpers of `update`.

use super::doc::LinePos;
use super::panes::Pane;
use super::roster;
use super::state::{Row, State};

/// Scrolls the article `by` visual lines (negative: up).
pub fn scroll(state: &mut State, by: isize) {
    let (text, view) = state.text_and_view();
    let top = view.doc.line_of(text, view.shown);
    let to = view.doc.step(text, top, by);
    view.top = view.doc.anchor_of(text, to);
}

pub fn scroll_to_top(state: &mut State) {
    state.view_mut().top = Default::default();
}

pub fn scroll_to_bottom(state: &mut State) {
    let (text, view) = state.text_and_view();
    let last = view.doc.last_line(text);
    view.top = view.doc.anchor_of(text, last);
    // `sync` pulls it back so that the last line sits on the bottom row.
}

/// Rows of the article pane.
pub fn article_rows(state: &State) -> usize {
    (state.article_area().height as usize).max(1)
}

/// Where to put a line when revealing it: a third down the pane.
fn reveal_margin(rows: usize) -> isize {
    (rows / 3) as isize
}

/// Scrolls so that the article byte `offset` is on screen; when it already is, nothing moves.
pub fn reveal(state: &mut State, offset: usize) {
    let rows = article_rows(state);
    let (text, view) = state.text_and_view();
    let target = view.doc.line_of(text, view.doc.anchor_at(offset));
    let top = view.doc.line_of(text, view.shown);
    if top <= target && view.doc.distance(text, top, target, rows) < rows {
        return;
    }
    let new_top = view.doc.step(text, target, -reveal_margin(rows));
    view.top = view.doc.anchor_of(text, new_top);
}

/// Where on screen a line should go for [`place`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Top,
    Center,
    Bottom,
}

/// Scrolls so that the line showing article byte `offset` is at the top, centre or bottom.
pub fn place(state: &mut State, offset: usize, placement: Placement) {
    let rows = article_rows(state) as isize;
    let (text, view) = state.text_and_view();
    let target = view.doc.line_of(text, view.doc.anchor_at(offset));
    let up = match placement {
        Placement::Top => 0,
        Placement::Center => rows / 2,
        Placement::Bottom => rows - 1,
    };
    let new_top: LinePos = view.doc.step(text, target, -up);
    view.top = view.doc.anchor_of(text, new_top);
}

/// How many lines from the one showing byte `from` to the one showing byte `to`, both counted.
pub fn lines_between(state: &mut State, from: usize, to: usize) -> usize {
    let rows = article_rows(state);
    let (text, view) = state.text_and_view();
    let a = view.doc.line_of(text, view.doc.anchor_at(from));
    let b = view.doc.line_of(text, view.doc.anchor_at(to));
    // (Counted up to one more than a screen: enough to tell whether it fits.)
    view.doc.distance(text, a, b, rows + 1) + 1
}

/// Article byte offset of the first line shown.
pub fn top_offset(state: &State) -> usize {
    let view = state.view();
    view.doc.offset_of(view.shown)
}

/// Puts quote `q` in focus: selects it in the speakers list and scrolls the article to it.
pub fn focus_quote(state: &mut State, q: usize) {
    let Some(mark) = state.view().marks.quotes.get(q).cloned() else {
        return;
    };
    let view = state.view_mut();
    view.focused_quote = Some(q);
    view.speakers.selected = Some(if view.speakers.expanded.contains(&mark.speaker) {
        Row::Quote(q)
    } else {
        Row::Speaker(mark.speaker)
    });
    reveal(state, mark.range.start);
}

/// The speaker whose quotes `}`/`{` walk: the selected row's, else the focused quote's.
pub fn current_speaker(state: &State) -> Option<usize> {
    let view = state.view();
    view.speakers
        .selected
        .and_then(|row| state.row_speaker(row))
        .or_else(|| {
            view.focused_quote
                .and_then(|q| view.marks.quotes.get(q).map(|m| m.speaker))
        })
}

/// Focuses the next (`forward`) or previous quote among `candidates` (indices into the quotes,
/// in text order): relative to the focused quote when it is one of them, else to the screen.
fn step_among(state: &mut State, candidates: &[usize], forward: bool) {
    let view = state.view();
    let quotes = &view.marks.quotes;
    let next = match view
        .focused_quote
        .and_then(|f| candidates.iter().position(|&c| c == f))
    {
        Some(i) if forward => candidates.get(i + 1).copied(),
        Some(i) => i.checked_sub(1).map(|i| candidates[i]),
        None => {
            let top = top_offset(state);
            if forward {
                candidates
                    .iter()
                    .copied()
                    .find(|&c| quotes[c].range.start >= top)
            } else {
                candidates
                    .iter()
                    .rev()
                    .copied()
                    .find(|&c| quotes[c].range.start < top)
            }
        }
    };
    match next {
        Some(q) => focus_quote(state, q),
        None => {
            state.notice = Some(
                if forward {
                    "no next quote"
                } else {
                    "no previous quote"
                }
                .into(),
            )
        }
    }
}

/// `)` and `(`: the next or previous quote of anyone.
pub fn step_quote(state: &mut State, forward: bool) {
    let all: Vec<usize> = (0..state.view().marks.quotes.len()).collect();
    step_among(state, &all, forward);
}

/// `}` and `{`: the next or previous quote of the current speaker.
pub fn step_speaker_quote(state: &mut State, forward: bool) {
    let Some(speaker) = current_speaker(state) else {
        return step_quote(state, forward);
    };
    let quotes = state
        .view()
        .marks
        .by_speaker
        .get(speaker)
        .cloned()
        .unwrap_or_default();
    step_among(state, &quotes, forward);
}

/// `]` and `[`: selects the next or previous speaker and focuses their first quote.
pub fn step_speaker(state: &mut State, forward: bool) {
    let order = roster::speaker_order(state);
    if order.is_empty() {
        return;
    }
    let at = current_speaker(state).and_then(|s| order.iter().position(|&o| o == s));
    let nothing_focused = state.view().focused_quote.is_none();
    let next = match at {
        // Nothing in focus yet: the selected speaker is the first to show.
        Some(i) if nothing_focused => i,
        Some(i) if forward => (i + 1).min(order.len() - 1),
        Some(i) => i.saturating_sub(1),
        None => 0,
    };
    select_speaker(state, order[next]);
}

/// Selects a speaker and shows their first quote (or first mention if they have none).
pub fn select_speaker(state: &mut State, speaker: usize) {
    let view = state.view();
    let first_quote = view
        .marks
        .by_speaker
        .get(speaker)
        .and_then(|q| q.first().copied());
    let first_mention = view
        .extraction
        .speakers
        .get(speaker)
        .and_then(|s| s.mentions.first())
        .map(|r| r.start);
    match first_quote {
        Some(q) => {
            focus_quote(state, q);
            state.view_mut().speakers.selected = Some(Row::Speaker(speaker));
        }
        None => {
            let view = state.view_mut();
            view.speakers.selected = Some(Row::Speaker(speaker));
            view.focused_quote = None;
            if let Some(offset) = first_mention {
                reveal(state, offset);
            }
        }
    }
}

/// Moves the selection of the focused list by `by` rows (clamped).
pub fn move_selection(state: &mut State, pane: Pane, by: isize) {
    match pane {
        Pane::Speakers => {
            let rows = roster::rows(state);
            if rows.is_empty() {
                return;
            }
            let at = roster::selected_index(state, &rows).unwrap_or(0) as isize;
            let to = (at + by).clamp(0, rows.len() as isize - 1) as usize;
            state.view_mut().speakers.selected = Some(rows[to]);
        }
        Pane::Library => {
            let lib = &mut state.library;
            if lib.rows.is_empty() {
                return;
            }
            let at = lib
                .selected_row()
                .unwrap_or_else(|| lib.rows.partition_point(|&i| i < lib.selected))
                as isize;
            let to = (at + by).clamp(0, lib.rows.len() as isize - 1) as usize;
            lib.selected = lib.rows[to];
        }
        Pane::Article => scroll(state, by),
    }
}

/// Switches to article `index` (keeping each article's own reading position).
pub fn open_article(state: &mut State, index: usize) {
    if index >= state.catalogue.count() {
        return;
    }
    state.open(index);
    super::search::refresh_hits(state);
}
