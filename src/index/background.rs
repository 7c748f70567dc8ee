//! Running the attribution engine over many articles on all cores, and building the index on a
//! background thread with progress. Results are in article order, identical to one core's.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};

use rayon::prelude::*;

use super::{ArticleSpeakers, SpeakerIndex};
use crate::attribution::Extraction;
use crate::corpus::TextHandle;

/// Articles handed to the pool at a time: small enough to cancel quickly and report progress.
const CHUNK: usize = 256;

/// Counters of an index build, readable from any thread.
#[derive(Debug, Default)]
pub struct IndexProgress {
    /// Articles to go through.
    pub total: AtomicUsize,
    /// Articles gone through so far.
    pub done: AtomicUsize,
    /// Articles whose text could not be read (changed or gone since they were opened).
    pub unreadable: AtomicUsize,
    pub finished: AtomicBool,
}

/// Reads each article's text and runs `extract` on it, in parallel when `parallel`, and
/// returns each article's speakers in article order (an unreadable article has none).
pub fn extract_all<E>(
    handles: &[TextHandle],
    parallel: bool,
    extract: &E,
    progress: Option<&IndexProgress>,
    cancel: Option<&AtomicBool>,
) -> Vec<ArticleSpeakers>
where
    E: Fn(&str) -> Extraction + Sync,
{
    let one = |(i, handle): (usize, &TextHandle)| match handle.text() {
        Ok(text) => ArticleSpeakers::new(i, &extract(&text)),
        Err(_) => {
            if let Some(p) = progress {
                p.unreadable.fetch_add(1, Ordering::Relaxed);
            }
            ArticleSpeakers {
                article: i,
                ..ArticleSpeakers::default()
            }
        }
    };
    if let Some(p) = progress {
        p.total.store(handles.len(), Ordering::Relaxed);
    }
    let mut out = Vec::with_capacity(handles.len());
    for (c, chunk) in handles.chunks(CHUNK).enumerate() {
        if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            break;
        }
        let base = c * CHUNK;
        let items = chunk.iter().enumerate().map(|(i, h)| (base + i, h));
        if parallel {
            out.par_extend(items.collect::<Vec<_>>().into_par_iter().map(one));
        } else {
            out.extend(items.map(one));
        }
        if let Some(p) = progress {
            p.done.fetch_add(chunk.len(), Ordering::Relaxed);
        }
    }
    out
}

/// An index being built on another thread. Dropping it cancels the build.
pub struct IndexJob {
    progress: Arc<IndexProgress>,
    cancel: Arc<AtomicBool>,
    result: Receiver<SpeakerIndex>,
}

/// Builds the speaker index of `handles` (article `i` is `handles[i]`) on a background thread,
/// running `extract` (e.g. `|t| Extractor::builtin().extract(t)`) on all cores.
pub fn build_in_background<E>(handles: Vec<TextHandle>, extract: E) -> IndexJob
where
    E: Fn(&str) -> Extraction + Send + Sync + 'static,
{
    let progress = Arc::new(IndexProgress::default());
    progress.total.store(handles.len(), Ordering::Relaxed);
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, result) = mpsc::channel();
    let (thread_progress, thread_cancel) = (progress.clone(), cancel.clone());
    std::thread::Builder::new()
        .name("rawi-index".into())
        .spawn(move || {
            let articles = extract_all(
                &handles,
                true,
                &extract,
                Some(&thread_progress),
                Some(&thread_cancel),
            );
            if !thread_cancel.load(Ordering::Relaxed) {
                let _ = tx.send(SpeakerIndex::merge(&articles));
            }
            thread_progress.finished.store(true, Ordering::Release);
        })
        .expect("spawning a thread");
    IndexJob {
        progress,
        cancel,
        result,
    }
}

impl IndexJob {
    /// (articles done, articles in all).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }

    /// The counters, shared with the building thread.
    pub fn counters(&self) -> &IndexProgress {
        &self.progress
    }

    /// The index, if it is ready (only once).
    pub fn try_take(&self) -> Option<SpeakerIndex> {
        self.result.try_recv().ok()
    }

    /// Waits for the index (`None` if cancelled).
    pub fn wait(self) -> Option<SpeakerIndex> {
        self.result.recv().ok()
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for IndexJob {
    fn drop(&mut self) {
        self.cancel();
    }
}
