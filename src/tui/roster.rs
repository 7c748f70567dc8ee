//! The rows of the speakers list: speakers in the chosen order, each followed by its quotes when
//! expanded, filtered by the search when the list is searched.

use super::panes::{Pane, scroll_to_show};
use super::state::{Row, State};
use crate::arabic;
use crate::config::SpeakerSort;

/// The speakers, in list order, that pass the filter.
pub fn speaker_order(state: &State) -> Vec<usize> {
    let view = state.view();
    let speakers = &view.extraction.speakers;
    let filter = list_filter(state, Pane::Speakers);
    let mut order: Vec<usize> = (0..speakers.len())
        .filter(|&s| {
            filter.is_none_or(|q| {
                let sp = &speakers[s];
                std::iter::once(&sp.name)
                    .chain(sp.aliases.iter())
                    .chain(sp.role.iter())
                    .any(|name| !arabic::find_all(name, q).is_empty())
            })
        })
        .collect();
    let first = &view.marks.first_seen;
    match state.settings.sort {
        SpeakerSort::Appearance => order.sort_by_key(|&s| (first[s], s)),
        SpeakerSort::Quotes => order.sort_by_key(|&s| {
            (
                std::cmp::Reverse(view.marks.by_speaker[s].len()),
                first[s],
                s,
            )
        }),
    }
    order
}

/// The query filtering list `pane`, if it is being searched.
pub fn list_filter(state: &State, pane: Pane) -> Option<&str> {
    let search = &state.search;
    (search.target == Some(pane) && !search.query.is_empty()).then_some(search.query.as_str())
}

/// All rows of the speakers list.
pub fn rows(state: &State) -> Vec<Row> {
    let view = state.view();
    let mut rows = Vec::new();
    for s in speaker_order(state) {
        rows.push(Row::Speaker(s));
        if view.speakers.expanded.contains(&s) {
            rows.extend(view.marks.by_speaker[s].iter().map(|&q| Row::Quote(q)));
        }
    }
    rows
}

/// Index of the selected row (the first row when nothing valid is selected).
pub fn selected_index(state: &State, rows: &[Row]) -> Option<usize> {
    let selected = state.view().speakers.selected?;
    rows.iter().position(|r| *r == selected)
}

/// Scrolls the list so the selected row is shown; selects the first row if none is.
pub fn keep_selection_visible(state: &mut State) {
    let rows = rows(state);
    let height = state.list_rows(Pane::Speakers);
    let index = selected_index(state, &rows);
    let list = &mut state.view_mut().speakers;
    let index = match index {
        Some(i) => i,
        None => {
            list.selected = rows.first().copied();
            0
        }
    };
    list.offset = scroll_to_show(list.offset, Some(index), rows.len(), height);
}
