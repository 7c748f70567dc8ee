//! The library list: every open article, or those passing the query typed with `/` in the
//! library pane (see [`super::filter`]). Its rows are computed when something they depend on
//! changes (the query, new articles, counts, the speaker index, search hits), not per frame.

use std::collections::BTreeSet;

use super::catalogue::Changes;
use super::filter::LibraryQuery;
use super::finder::TextSearch;
use super::panes::{Pane, scroll_to_show};
use super::recall::Recall;
use super::state::State;

#[derive(Default)]
pub struct LibraryList {
    /// The selected article (index in the catalogue).
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// Shown on demand (`Some(true)`), hidden (`Some(false)`), or as configured (`None`).
    pub wanted: Option<bool>,
    /// The query as typed, and parsed.
    pub query: String,
    pub parsed: LibraryQuery,
    /// The articles listed, in library order.
    pub rows: Vec<usize>,
    /// The full-text search of the query's words.
    pub text_search: Option<TextSearch>,
    /// Articles quoting the query's speaker, from the speaker index.
    speaker_articles: Option<BTreeSet<usize>>,
    /// Entries already looked at for the article to reopen.
    reopen_scanned: usize,
}

impl LibraryList {
    /// A full-text search is still running.
    pub fn searching(&self) -> bool {
        self.text_search.as_ref().is_some_and(|s| !s.finished())
    }

    /// The position of the selected article in the rows.
    pub fn selected_row(&self) -> Option<usize> {
        self.rows.binary_search(&self.selected).ok()
    }
}

/// Sets the query (as typed so far) and filters the list with it.
pub fn set_query(state: &mut State, query: &str) {
    let parsed = LibraryQuery::parse(query);
    let lib = &mut state.library;
    lib.query = query.to_string();
    if parsed.words != lib.parsed.words || lib.text_search.is_none() {
        // Dropping the running search cancels it.
        lib.text_search = (!parsed.words.is_empty())
            .then(|| TextSearch::start(state.catalogue.shared_library(), parsed.words.clone()));
    }
    let speaker_changed = parsed.speaker != lib.parsed.speaker;
    lib.parsed = parsed;
    if speaker_changed {
        find_speaker_articles(state);
    }
    refresh_rows(state);
    if let Some(&first) = state.library.rows.first() {
        state.library.selected = first;
    }
}

fn find_speaker_articles(state: &mut State) {
    let lib = &mut state.library;
    lib.speaker_articles = lib.parsed.speaker.as_ref().map(|name| {
        let Some(index) = state.catalogue.index() else {
            return BTreeSet::new();
        };
        index
            .filtered(name, crate::index::SortBy::Quotes)
            .into_iter()
            .flat_map(|s| index.speakers()[s].articles.iter().copied())
            .collect()
    });
}

/// The first quote in article `article` of a speaker matching the `speaker:` term of the
/// library's query, if there is one (to open the article on it).
pub fn speaker_quote_in(state: &State, article: usize) -> Option<crate::index::QuoteRef> {
    let name = state.library.parsed.speaker.as_ref()?;
    let index = state.catalogue.index()?;
    index
        .filtered(name, crate::index::SortBy::Quotes)
        .into_iter()
        .flat_map(|s| index.speakers()[s].quotes.iter())
        .filter(|q| q.article == article)
        .min_by_key(|q| q.range.start)
        .cloned()
}

/// Recomputes the rows from the query and what is known.
pub fn refresh_rows(state: &mut State) {
    let catalogue = &state.catalogue;
    let lib = &mut state.library;
    let q = &lib.parsed;
    lib.rows.clear();
    if q.is_empty() {
        lib.rows.extend(0..catalogue.count());
        return;
    }
    let hits = lib.text_search.as_ref().map(|s| &s.hits);
    for (i, entry) in catalogue.library().entries().iter().enumerate() {
        let ok = q.metadata_matches(entry)
            && (!q.has_quotes || catalogue.summary(i).is_some_and(|s| s.quotes > 0))
            && lib.speaker_articles.as_ref().is_none_or(|a| a.contains(&i))
            && hits.is_none_or(|h| h.contains_key(&i));
        if ok {
            lib.rows.push(i);
        }
    }
    // The selection follows the rows as hits come in.
    if lib.selected_row().is_none()
        && let Some(&first) = lib.rows.first()
    {
        lib.selected = first;
    }
}

/// Takes in background progress: new articles, counts, index, search hits.
pub fn tick(state: &mut State, changes: Changes) {
    let mut refresh = changes.new_entries > 0;
    let lib = &mut state.library;
    if changes.loaded && !lib.parsed.words.is_empty() {
        // The search ran over part of the library: run it again over all of it.
        lib.text_search = Some(TextSearch::start(
            state.catalogue.shared_library(),
            lib.parsed.words.clone(),
        ));
        refresh = true;
    }
    if let Some(search) = &mut state.library.text_search {
        refresh |= search.poll();
    }
    refresh |= changes.new_counts && state.library.parsed.has_quotes;
    if changes.new_index && state.library.parsed.speaker.is_some() {
        find_speaker_articles(state);
        refresh = true;
    }
    if refresh {
        refresh_rows(state);
    }
    reopen_pending(state);
}

/// Reopens the article last open in this corpus once it has arrived, unless the user has done
/// something since the start.
pub fn reopen_pending(state: &mut State) {
    let Some(key) = state.recall.pending_reopen.clone() else {
        return;
    };
    if state.touched {
        state.recall.pending_reopen = None;
        return;
    }
    let count = state.catalogue.count();
    let from = state.library.reopen_scanned;
    state.library.reopen_scanned = count;
    let found = (from..count).find(|&i| {
        let entry = state.catalogue.entry(i);
        Recall::might_be(&key, entry) && state.recall.key(entry) == key
    });
    if let Some(index) = found {
        state.recall.pending_reopen = None;
        if index != state.current {
            super::nav::open_article(state, index);
            state.notice = Some("reopened the article you were reading last time".into());
        }
    } else if !state.catalogue.loading_now() {
        state.recall.pending_reopen = None;
    }
}

/// Scrolls the list so that the selected article shows, filling the pane (see
/// [`scroll_to_show`]).
pub fn keep_selection_visible(state: &mut State) {
    let height = state.list_rows(Pane::Library);
    let lib = &mut state.library;
    lib.offset = scroll_to_show(lib.offset, lib.selected_row(), lib.rows.len(), height);
}
