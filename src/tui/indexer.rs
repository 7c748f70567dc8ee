//! Extraction of every open article off the UI thread: a background thread runs the attribution
//! engine over the articles on all cores, a chunk at a time, and sends back each article's
//! counts (for the library list) as they come, and the corpus-wide speaker index now and then
//! (merged from the articles done so far) and at the end.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::state::ExtractFn;
use crate::corpus::TextHandle;
use crate::index::{ArticleSpeakers, SpeakerIndex};

/// Articles handed to the pool at a time: counts arrive every few tenths of a second.
const CHUNK: usize = 64;
/// Shortest time between two partial indexes (a merge of many articles takes a while).
const MERGE_EVERY: Duration = Duration::from_secs(2);

/// What one article turned out to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub speakers: u32,
    pub quotes: u32,
}

/// A message from the indexing thread.
pub enum IndexMsg {
    /// Counts of articles just extracted, by article index.
    Counts(Vec<(usize, Summary)>),
    /// The speaker index of the articles done so far; `true` once it covers them all.
    Index(SpeakerIndex, bool),
    /// The whole index is about to be merged: drop the partial one first (and say so with
    /// [`Indexer::merging_acknowledged`]), so that two indexes are not held at once.
    Merging,
}

/// The indexing thread. Dropping it stops the work.
pub struct Indexer {
    messages: Receiver<IndexMsg>,
    cancel: Arc<AtomicBool>,
    /// Someone looks at the index before it is complete (each partial index costs memory).
    want_partial: Arc<AtomicBool>,
    merging_ack: mpsc::Sender<()>,
    done: Arc<AtomicUsize>,
    total: usize,
}

impl Indexer {
    /// Starts extracting `handles` (article `i` is `handles[i]`).
    pub fn start(handles: Vec<TextHandle>, extract: ExtractFn) -> Indexer {
        Indexer::start_merging_every(handles, extract, MERGE_EVERY)
    }

    /// [`Indexer::start`], with partial indexes at most every `merge_every` (tests).
    pub fn start_merging_every(
        handles: Vec<TextHandle>,
        extract: ExtractFn,
        merge_every: Duration,
    ) -> Indexer {
        let (tx, messages) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let total = handles.len();
        let want_partial = Arc::new(AtomicBool::new(false));
        let (merging_ack, acks) = mpsc::channel();
        let (thread_cancel, thread_done, thread_want) =
            (cancel.clone(), done.clone(), want_partial.clone());
        std::thread::Builder::new()
            .name("rawi-index".into())
            .spawn(move || {
                let stopped = || thread_cancel.load(Ordering::Relaxed);
                let mut articles: Vec<ArticleSpeakers> = Vec::with_capacity(handles.len());
                let mut last_merge = Instant::now();
                let mut merge_cost = Duration::ZERO;
                let mut partial_sent = false;
                for (c, chunk) in handles.chunks(CHUNK).enumerate() {
                    if stopped() {
                        return;
                    }
                    let base = c * CHUNK;
                    let results: Vec<(ArticleSpeakers, Summary)> = chunk
                        .par_iter()
                        .enumerate()
                        .map(|(i, handle)| extract_one(base + i, handle, &extract))
                        .collect();
                    let counts = results
                        .iter()
                        .enumerate()
                        .map(|(i, (_, summary))| (base + i, *summary))
                        .collect();
                    articles.extend(results.into_iter().map(|(a, _)| a));
                    thread_done.fetch_add(chunk.len(), Ordering::Relaxed);
                    if tx.send(IndexMsg::Counts(counts)).is_err() {
                        return;
                    }
                    // A partial index now and then when wanted, never taking more than a fifth of
                    // the time.
                    let last = articles.len() == handles.len();
                    if !last
                        && thread_want.load(Ordering::Relaxed)
                        && last_merge.elapsed() >= merge_every.max(merge_cost * 4)
                    {
                        let started = Instant::now();
                        let index = SpeakerIndex::merge(&articles);
                        merge_cost = started.elapsed();
                        last_merge = Instant::now();
                        if tx.send(IndexMsg::Index(index, false)).is_err() {
                            return;
                        }
                        partial_sent = true;
                    }
                }
                if !stopped() {
                    if partial_sent {
                        // Wait (a little) for the reader to let go of the partial index.
                        let _ = tx.send(IndexMsg::Merging);
                        let _ = acks.recv_timeout(Duration::from_secs(1));
                    }
                    let index = SpeakerIndex::merge(&articles);
                    drop(articles);
                    let _ = tx.send(IndexMsg::Index(index, true));
                }
            })
            .expect("spawning a thread");
        Indexer {
            messages,
            cancel,
            want_partial,
            merging_ack,
            done,
            total,
        }
    }

    /// Asks for partial indexes (every few seconds) until the whole one is ready, or stops them.
    pub fn want_partial(&self, wanted: bool) {
        self.want_partial.store(wanted, Ordering::Relaxed);
    }

    /// Messages ready now, without waiting.
    pub fn poll(&self) -> Vec<IndexMsg> {
        self.messages.try_iter().collect()
    }

    /// Like [`Self::poll`], waiting up to `timeout` for the first message.
    pub fn poll_timeout(&self, timeout: Duration) -> Vec<IndexMsg> {
        let mut out: Vec<IndexMsg> = self.messages.recv_timeout(timeout).into_iter().collect();
        out.extend(self.messages.try_iter());
        out
    }

    /// The reader has dropped its partial index (after [`IndexMsg::Merging`]).
    pub fn merging_acknowledged(&self) {
        let _ = self.merging_ack.send(());
    }

    /// (articles done, articles in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

fn extract_one(
    index: usize,
    handle: &TextHandle,
    extract: &ExtractFn,
) -> (ArticleSpeakers, Summary) {
    match handle.text() {
        Ok(text) => {
            let extraction = extract(&text);
            let summary = Summary {
                speakers: extraction.speakers.len() as u32,
                quotes: extraction.quotes.len() as u32,
            };
            (ArticleSpeakers::new(index, &extraction), summary)
        }
        // Changed or gone since it was opened: nothing found in it.
        Err(_) => (
            ArticleSpeakers::new(index, &Default::default()),
            Summary::default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{Extraction, Quote, QuoteKind, Speaker, SpeakerKind};
    use crate::corpus::{Article, Library};

    /// One speaker per article, named by the article's text, one quote.
    fn extract(text: &str) -> Extraction {
        Extraction {
            speakers: vec![Speaker {
                name: text.to_string(),
                role: None,
                kind: SpeakerKind::Person,
                aliases: Vec::new(),
                mentions: Vec::new(),
                quotes: 1,
                confidence: 1.0,
            }],
            quotes: vec![Quote {
                speaker: 0,
                cue: "قال".into(),
                kind: QuoteKind::Direct,
                range: 0..text.len(),
                confidence: 1.0,
            }],
        }
    }

    #[test]
    fn partial_indexes_then_a_handshake_then_the_whole_index() {
        let names = ["سالم", "نادية", "ليلى"];
        let articles: Vec<Article> = (0..CHUNK * 6)
            .map(|i| Article::new(i.to_string(), "t", "p", names[i % 3]))
            .collect();
        let library = Library::from_articles(articles);
        let indexer =
            Indexer::start_merging_every(library.text_handles(), Arc::new(extract), Duration::ZERO);
        indexer.want_partial(true);
        let (mut partials, mut merging, mut whole) = (0, false, None);
        while whole.is_none() {
            for message in indexer.poll_timeout(Duration::from_secs(10)) {
                match message {
                    IndexMsg::Counts(_) => {}
                    IndexMsg::Index(index, false) => {
                        assert!(!merging, "no partial index after the merge began");
                        assert!(index.article_count() < CHUNK * 6);
                        partials += 1;
                    }
                    IndexMsg::Merging => {
                        merging = true;
                        indexer.merging_acknowledged();
                    }
                    IndexMsg::Index(index, true) => whole = Some(index),
                }
            }
        }
        assert!(partials > 0 && merging);
        let sequential: Vec<Extraction> = (0..CHUNK * 6).map(|i| extract(names[i % 3])).collect();
        let expected = SpeakerIndex::build(sequential.iter().enumerate());
        assert_eq!(whole.unwrap(), expected);
    }
}
