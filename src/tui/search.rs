//! Incremental, Arabic-aware search: in the article it finds hits (insensitive to harakat,
//! tatweel, alef forms, alef maqsura and taa marbuta, via `arabic::find_all`); in a list it
//! filters the rows. Helpers of `update`.

use super::nav;
use super::panes::Pane;
use super::state::{Search, State};
use crate::arabic;

/// Opens the search prompt on the focused pane.
pub fn start(state: &mut State) {
    let origin = Some(state.view().shown);
    state.search = Search {
        editing: true,
        target: Some(state.focus),
        origin,
        ..Search::default()
    };
}

pub fn type_char(state: &mut State, c: char) {
    state.search.query.push(c);
    changed(state);
}

pub fn backspace(state: &mut State) {
    state.search.query.pop();
    changed(state);
}

/// Enter: keep the hits (or the filter) and leave the prompt.
pub fn confirm(state: &mut State) {
    state.search.editing = false;
    if state.search.query.is_empty() {
        clear(state);
    }
}

/// Esc in the prompt: back to where the search started; elsewhere: forget the search.
pub fn cancel(state: &mut State) {
    if state.search.editing
        && let Some(origin) = state.search.origin
    {
        state.view_mut().top = origin;
    }
    clear(state);
}

pub fn clear(state: &mut State) {
    state.search = Search::default();
}

/// A search is showing hits in the article.
pub fn has_hits(state: &State) -> bool {
    state.search.target == Some(Pane::Article) && !state.search.hits.is_empty()
}

/// Recomputes the article hits (after the query or the article changed).
pub fn refresh_hits(state: &mut State) {
    if state.search.target != Some(Pane::Article) || state.search.query.is_empty() {
        state.search.hits.clear();
        state.search.current = None;
        return;
    }
    state.search.hits = arabic::find_all(&state.article().text, &state.search.query);
    state.search.current = None;
}

fn changed(state: &mut State) {
    match state.search.target {
        Some(Pane::Article) => {
            refresh_hits(state);
            // Incremental: go to the first hit at or after where the search started.
            let from = state
                .search
                .origin
                .map_or(0, |origin| state.view().doc.offset_of(origin));
            let hits = &state.search.hits;
            if hits.is_empty() {
                if let Some(origin) = state.search.origin {
                    state.view_mut().top = origin;
                }
                return;
            }
            let first = hits.iter().position(|h| h.start >= from).unwrap_or(0);
            go_to_hit(state, first);
        }
        Some(Pane::Library) => {
            if let Some(&first) = nav::library_rows(state).first() {
                state.library.selected = first;
            }
        }
        _ => {
            // The speakers list re-filters itself; select its first row.
            state.view_mut().speakers.selected = None;
        }
    }
}

fn go_to_hit(state: &mut State, index: usize) {
    state.search.current = Some(index);
    let start = state.search.hits[index].start;
    nav::reveal(state, start);
}

/// `n`/`N` through the hits, wrapping around.
pub fn step_hit(state: &mut State, forward: bool) {
    let n = state.search.hits.len();
    if n == 0 {
        return;
    }
    let next = match state.search.current {
        Some(i) if forward => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
        None => {
            let top = nav::top_offset(state);
            let after = state.search.hits.iter().position(|h| h.start >= top);
            if forward {
                after.unwrap_or(0)
            } else {
                after.map_or(n - 1, |i| (i + n - 1) % n)
            }
        }
    };
    go_to_hit(state, next);
}
