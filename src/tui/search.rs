//! Incremental, Arabic-aware search: in the article it finds hits (insensitive to harakat,
//! tatweel, alef forms, alef maqsura and taa marbuta, via `arabic::find_all`); in a list it
//! filters the rows. Helpers of `update`.

use super::nav;
use super::panes::Pane;
use super::state::{Search, State};
use crate::arabic;

/// Opens the search prompt on the focused pane (in the library, on its current query).
pub fn start(state: &mut State) {
    let origin = Some(state.view().shown);
    let query = if state.focus == Pane::Library {
        state.library.query.clone()
    } else {
        String::new()
    };
    state.search = Search {
        query,
        editing: true,
        target: Some(state.focus),
        origin,
        ..Search::default()
    };
}

/// Shows the hits of `query` in the current article, without the prompt (an article opened
/// from a library search).
pub fn show_hits(state: &mut State, query: &str) {
    state.search = Search {
        query: query.to_string(),
        target: Some(Pane::Article),
        ..Search::default()
    };
    refresh_hits(state);
}

/// Forgets a search of the article (opening another article from a list): no stale count.
pub fn clear_article_search(state: &mut State) {
    if state.search.target == Some(Pane::Article) {
        state.search = Search::default();
    }
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
    // The library keeps its query itself.
    if state.search.query.is_empty() || state.search.target == Some(Pane::Library) {
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
    if state.search.target == Some(Pane::Library) {
        super::library::set_query(state, "");
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

/// An article search is in force (with hits or not): `n` and `N` then walk its hits.
pub fn searching_article(state: &State) -> bool {
    state.search.target == Some(Pane::Article) && !state.search.query.is_empty()
}

/// Recomputes the article hits (after the query or the article changed).
pub fn refresh_hits(state: &mut State) {
    if state.search.target != Some(Pane::Article) || state.search.query.is_empty() {
        state.search.hits.clear();
        state.search.current = None;
        return;
    }
    let needle = arabic::fold(&state.search.query);
    // The article is folded once, on its first search, not on every key typed.
    let open = &mut state.open[0];
    let folded = open
        .folded
        .get_or_insert_with(|| arabic::Folded::new(&open.text));
    state.search.hits = if needle.is_empty() {
        Vec::new()
    } else {
        memchr::memmem::find_iter(folded.text.as_bytes(), needle.as_bytes())
            .map(|i| folded.original_range(i..i + needle.len()))
            .collect()
    };
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
            let query = state.search.query.clone();
            super::library::set_query(state, &query);
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
