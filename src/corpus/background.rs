//! Opening a library in the background: a thread indexes the inputs on all cores and sends
//! batches of entries in input order; the UI polls without ever blocking and shows progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::library::{Entry, Library};
use super::pipeline::{Batch, Control, Run};
use super::{LoadOptions, Progress, ProgressSnapshot};

/// A load running on another thread. Dropping it cancels the load.
pub struct BackgroundLoad {
    progress: Arc<Progress>,
    cancel: Arc<AtomicBool>,
    batches: Receiver<Batch<Entry>>,
}

/// What [`BackgroundLoad::poll`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Poll {
    /// Entries added to the library by this call.
    pub new_entries: usize,
    /// The load has ended and everything it found is in the library.
    pub finished: bool,
}

/// Starts indexing `paths` (no paths: the bundled samples) on a background thread. The first
/// entries arrive within milliseconds: the first chunk of a corpus is small.
pub fn open_in_background(paths: Vec<PathBuf>, opts: LoadOptions) -> BackgroundLoad {
    let progress = Arc::new(Progress::default());
    let cancel = Arc::new(AtomicBool::new(false));
    let (tx, batches) = mpsc::channel();
    let thread_progress = progress.clone();
    let thread_cancel = cancel.clone();
    std::thread::Builder::new()
        .name("rawi-load".into())
        .spawn(move || {
            if paths.is_empty() {
                let bundled = Library::bundled();
                thread_progress
                    .articles
                    .store(bundled.len(), Ordering::Relaxed);
                let _ = tx.send(bundled.entries().iter().cloned().map(Ok).collect());
            } else {
                let mut send = |batch| tx.send(batch).is_ok();
                Run {
                    opts: &opts,
                    map: &Entry::from_ref,
                    control: Control {
                        progress: Some(&thread_progress),
                        cancel: Some(&thread_cancel),
                    },
                    emit: &mut send,
                    stopped: false,
                }
                .run(&paths);
            }
            thread_progress.finished.store(true, Ordering::Release);
        })
        .expect("spawning a thread");
    BackgroundLoad {
        progress,
        cancel,
        batches,
    }
}

impl BackgroundLoad {
    /// The counters, shared with the loading thread (read them from anywhere).
    pub fn progress(&self) -> ProgressSnapshot {
        self.progress.snapshot()
    }

    /// Moves every batch ready now into `library`, without blocking.
    pub fn poll(&self, library: &mut Library) -> Poll {
        // Read the flag first: if the load had finished before draining, nothing can follow.
        let finished = self.progress.finished.load(Ordering::Acquire);
        let mut new_entries = 0;
        while let Ok(batch) = self.batches.try_recv() {
            new_entries += library.add(batch);
        }
        Poll {
            new_entries,
            finished,
        }
    }

    /// Like [`Self::poll`], but waits up to `timeout` for something to arrive first.
    pub fn poll_timeout(&self, library: &mut Library, timeout: Duration) -> Poll {
        let finished = self.progress.finished.load(Ordering::Acquire);
        let mut new_entries = 0;
        match self.batches.recv_timeout(timeout) {
            Ok(batch) => new_entries += library.add(batch),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Poll {
                    new_entries,
                    finished: true,
                };
            }
        }
        let rest = self.poll(library);
        Poll {
            new_entries: new_entries + rest.new_entries,
            finished: finished || rest.finished,
        }
    }

    /// Blocks until the load has ended, moving everything into `library`.
    pub fn wait(self, library: &mut Library) {
        for batch in self.batches.iter() {
            library.add(batch);
        }
    }

    /// Asks the loading thread to stop after the chunk it is on.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for BackgroundLoad {
    fn drop(&mut self) {
        self.cancel();
    }
}
