//! Searching the text of every article of a library, Arabic-aware (as the in-article search:
//! hamza forms, harakat, tatweel and taa marbuta do not matter), on all cores.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::Library;
use crate::arabic;

/// The matches of a query in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Index of the entry in the library.
    pub article: usize,
    /// Byte ranges of the matches in the article's text.
    pub matches: Vec<Range<usize>>,
}

impl Library {
    /// Every article whose title or text contains `query`, in library order, with the match
    /// ranges in the text (a title-only match has none). Articles whose text cannot be read any
    /// more are skipped. Stops early, returning what it has, when `cancel` becomes true.
    pub fn search(&self, query: &str, cancel: Option<&AtomicBool>) -> Vec<SearchHit> {
        self.search_in(0..self.len(), query, cancel)
    }

    /// [`Self::search`] over the entries in `articles` only (to search a big library piece by
    /// piece and show hits as they come).
    pub fn search_in(
        &self,
        articles: Range<usize>,
        query: &str,
        cancel: Option<&AtomicBool>,
    ) -> Vec<SearchHit> {
        let folded_query = arabic::fold(query);
        if folded_query.trim().is_empty() {
            return Vec::new();
        }
        let finder = memchr::memmem::Finder::new(folded_query.as_bytes());
        let articles = articles.start.min(self.len())..articles.end.min(self.len());
        let offset = articles.start;
        self.entries()[articles]
            .par_iter()
            .enumerate()
            .map(|(i, entry)| (offset + i, entry))
            .filter_map(|(article, entry)| {
                if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                    return None;
                }
                let text = entry.text().ok()?;
                // Most articles do not match: fold without the map back to the original first.
                let folded = arabic::fold(&text);
                let matches = match finder.find(folded.as_bytes()) {
                    Some(_) => arabic::find_all(&text, query),
                    None => Vec::new(),
                };
                let in_title = !arabic::find_all(&entry.title, query).is_empty();
                (in_title || !matches.is_empty()).then_some(SearchHit { article, matches })
            })
            .collect()
    }
}
