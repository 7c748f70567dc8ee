//! The articles the reader has open: a corpus [`Library`] that fills in the background, what is
//! known of each article so far (numbers of speakers and quotes), and the corpus-wide speaker
//! index as the background extraction builds it. `update` polls it on every tick; nothing here
//! ever blocks the UI thread for more than a poll.

use std::sync::Arc;
use std::time::Duration;

use super::indexer::{IndexMsg, Indexer, Summary};
use super::state::ExtractFn;
use crate::corpus::{BackgroundLoad, Entry, Library, ProgressSnapshot};
use crate::index::SpeakerIndex;

/// What a poll brought.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub new_entries: usize,
    /// The load ended during this poll.
    pub loaded: bool,
    pub new_counts: bool,
    pub new_index: bool,
    /// The partial index was dropped for the final merge: let go of it too, then call
    /// [`Catalogue::merging_acknowledged`].
    pub merging: bool,
}

impl Changes {
    pub fn any(&self) -> bool {
        self.new_entries > 0 || self.loaded || self.new_counts || self.new_index || self.merging
    }
}

pub struct Catalogue {
    /// Shared with a running full-text search; batches from the loader wait while it is.
    library: Arc<Library>,
    loader: Option<BackgroundLoad>,
    load_progress: ProgressSnapshot,
    /// Per article, once extracted (in the background, or when opened).
    summaries: Vec<Option<Summary>>,
    indexer: Option<Indexer>,
    index: Option<Arc<SpeakerIndex>>,
    index_complete: bool,
    want_partial: bool,
    extract: ExtractFn,
}

impl Catalogue {
    /// Articles already loaded. The background extraction starts at once.
    pub fn new(library: Library, extract: ExtractFn) -> Catalogue {
        let mut catalogue = Catalogue::empty(library, None, extract);
        catalogue.start_indexing();
        catalogue
    }

    /// Articles still loading: `library` holds what has arrived (at least one article, for the
    /// reader to show), `loader` brings the rest; extraction starts once it has all.
    pub fn loading(library: Library, loader: BackgroundLoad, extract: ExtractFn) -> Catalogue {
        let progress = loader.progress();
        let mut catalogue = Catalogue::empty(library, Some(loader), extract);
        catalogue.load_progress = progress;
        catalogue
    }

    fn empty(library: Library, loader: Option<BackgroundLoad>, extract: ExtractFn) -> Catalogue {
        Catalogue {
            summaries: vec![None; library.len()],
            library: Arc::new(library),
            loader,
            load_progress: ProgressSnapshot::default(),
            indexer: None,
            index: None,
            index_complete: false,
            want_partial: false,
            extract,
        }
    }

    fn start_indexing(&mut self) {
        let handles = self.library.text_handles();
        let indexer = Indexer::start(handles, self.extract.clone());
        indexer.want_partial(self.want_partial);
        self.indexer = Some(indexer);
    }

    /// Whether the speaker index is looked at before it is complete: then partial indexes are
    /// made every few seconds (otherwise only the whole one, which spares memory).
    pub fn want_partial_index(&mut self, wanted: bool) {
        self.want_partial = wanted;
        if let Some(indexer) = &self.indexer {
            indexer.want_partial(wanted);
        }
    }

    /// Takes in what the background work has ready, waiting up to `timeout` for the extraction
    /// (zero from the UI; tests wait).
    pub fn poll(&mut self, timeout: Duration) -> Changes {
        let mut changes = Changes::default();
        if let Some(loader) = &self.loader {
            // A search thread holding the library delays the batches until it ends.
            if let Some(library) = Arc::get_mut(&mut self.library) {
                let poll = if timeout.is_zero() {
                    loader.poll(library)
                } else {
                    loader.poll_timeout(library, timeout)
                };
                self.load_progress = loader.progress();
                changes.new_entries = poll.new_entries;
                self.summaries.resize(library.len(), None);
                if poll.finished {
                    self.loader = None;
                    changes.loaded = true;
                    self.start_indexing();
                }
            }
            return changes;
        }
        let Some(indexer) = &self.indexer else {
            return changes;
        };
        let messages = if timeout.is_zero() {
            indexer.poll()
        } else {
            indexer.poll_timeout(timeout)
        };
        for message in messages {
            match message {
                IndexMsg::Counts(counts) => {
                    changes.new_counts = true;
                    for (article, summary) in counts {
                        if let Some(slot) = self.summaries.get_mut(article) {
                            *slot = Some(summary);
                        }
                    }
                }
                IndexMsg::Merging => {
                    changes.merging = true;
                    drop_elsewhere(self.index.take());
                }
                IndexMsg::Index(index, complete) => {
                    changes.new_index = true;
                    drop_elsewhere(self.index.replace(Arc::new(index)));
                    if complete {
                        self.index_complete = true;
                        self.indexer = None;
                    }
                }
            }
        }
        changes
    }

    /// Tells the extraction that the reader holds no partial index any more.
    pub fn merging_acknowledged(&self) {
        if let Some(indexer) = &self.indexer {
            indexer.merging_acknowledged();
        }
    }

    /// Background work is still going on (loading or extracting).
    pub fn busy(&self) -> bool {
        self.loader.is_some() || self.indexer.is_some()
    }

    pub fn loading_now(&self) -> bool {
        self.loader.is_some()
    }

    pub fn load_progress(&self) -> ProgressSnapshot {
        self.load_progress
    }

    /// (articles extracted, articles in all) while the extraction runs.
    pub fn index_progress(&self) -> Option<(usize, usize)> {
        self.indexer.as_ref().map(Indexer::progress)
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The library, shared (for a search on another thread).
    pub fn shared_library(&self) -> Arc<Library> {
        self.library.clone()
    }

    pub fn count(&self) -> usize {
        self.library.len()
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.library.entries()[index]
    }

    pub fn summary(&self, index: usize) -> Option<Summary> {
        self.summaries.get(index).copied().flatten()
    }

    pub fn set_summary(&mut self, index: usize, summary: Summary) {
        if let Some(slot) = self.summaries.get_mut(index) {
            *slot = Some(summary);
        }
    }

    /// The speaker index of the articles extracted so far.
    pub fn index(&self) -> Option<&Arc<SpeakerIndex>> {
        self.index.as_ref()
    }

    /// The speaker index covers every article.
    pub fn index_complete(&self) -> bool {
        self.index_complete
    }

    pub fn extract_fn(&self) -> &ExtractFn {
        &self.extract
    }

    /// Waits (polling) until the load and the extraction are over, or `limit` has passed. For
    /// tests and benchmarks; the reader never waits.
    pub fn wait_idle(&mut self, limit: Duration) -> bool {
        let start = std::time::Instant::now();
        while self.busy() && start.elapsed() < limit {
            self.poll(Duration::from_millis(20));
        }
        !self.busy()
    }
}

/// Drops `value` on a thread of its own. Freeing a corpus-wide speaker index (hundreds of
/// thousands of small allocations) took a few hundred milliseconds on a corpus of 19,000
/// articles, and keys typed meanwhile waited for it.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    // Should the thread not start, the value is dropped here, as before.
    let _ = std::thread::Builder::new()
        .name("rawi-drop".into())
        .spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::drop_elsewhere;

    /// Sends the name of the thread it is dropped on.
    struct Tell(std::sync::mpsc::Sender<Option<String>>);

    impl Drop for Tell {
        fn drop(&mut self) {
            let _ = self.0.send(std::thread::current().name().map(String::from));
        }
    }

    #[test]
    fn a_big_index_is_freed_off_the_ui_thread() {
        let (tx, rx) = std::sync::mpsc::channel();
        drop_elsewhere(Some(std::sync::Arc::new(Tell(tx))));
        let thread = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert_eq!(thread.as_deref(), Some("rawi-drop"));
    }
}
