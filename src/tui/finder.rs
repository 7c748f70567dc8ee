//! Full-text search over every open article, off the UI thread: the library is searched a piece
//! at a time (on all cores, Arabic-aware) and hits arrive as they are found. A new query cancels
//! the search before it.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::corpus::{Library, SearchHit};

/// Articles searched at a time.
const PIECE: usize = 512;

/// A search running (or done) over the library.
pub struct TextSearch {
    pub query: String,
    /// Articles whose title or text matched so far, with the number of matches in the text.
    pub hits: BTreeMap<usize, usize>,
    /// Number of articles searched when it started (the library may grow afterwards).
    pub total: usize,
    finished: bool,
    searched: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    results: Receiver<Vec<SearchHit>>,
}

impl TextSearch {
    pub fn start(library: Arc<Library>, query: String) -> TextSearch {
        let (tx, results) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let searched = Arc::new(AtomicUsize::new(0));
        let total = library.len();
        let (thread_cancel, thread_searched, thread_query) =
            (cancel.clone(), searched.clone(), query.clone());
        std::thread::Builder::new()
            .name("rawi-search".into())
            .spawn(move || {
                let mut start = 0;
                while start < total && !thread_cancel.load(Ordering::Relaxed) {
                    let end = (start + PIECE).min(total);
                    let hits = library.search_in(start..end, &thread_query, Some(&thread_cancel));
                    thread_searched.store(end, Ordering::Relaxed);
                    if tx.send(hits).is_err() {
                        return;
                    }
                    start = end;
                }
            })
            .expect("spawning a thread");
        TextSearch {
            query,
            hits: BTreeMap::new(),
            total,
            finished: false,
            searched,
            cancel,
            results,
        }
    }

    /// Takes the hits found since the last poll; true if anything changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        loop {
            match self.results.try_recv() {
                Ok(hits) => {
                    changed = true;
                    self.hits
                        .extend(hits.into_iter().map(|h| (h.article, h.matches.len())));
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    changed |= !self.finished;
                    self.finished = true;
                    break;
                }
            }
        }
        changed
    }

    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Share of the articles searched, 0 to 100.
    pub fn percent(&self) -> usize {
        if self.finished || self.total == 0 {
            100
        } else {
            self.searched.load(Ordering::Relaxed) * 100 / self.total
        }
    }
}

impl Drop for TextSearch {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
