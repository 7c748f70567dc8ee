//! Streaming articles through a function on all cores, results in input order, with bounded
//! memory: for `rawi extract` over corpora of any size.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use super::pipeline::{Batch, Control, Run};
use super::{ArticleRef, LoadError, LoadOptions};

/// How many parsed chunks may wait for the sink: the producer runs ahead by at most this many
/// (each up to 4 MiB of input), which bounds memory and lets mapping overlap with the sink.
const QUEUE: usize = 2;

/// Reads `paths` (as [`super::load`] does; with no paths, nothing), calls `map` on every article
/// on rayon's pool, and hands each result or problem to `sink` on the calling thread, in input
/// order. `sink` returns `false` to stop early (e.g. a closed pipe).
///
/// `map` receives an [`ArticleRef`] that borrows the loader's buffer: the text of a JSON line
/// without escapes is not copied. Memory stays bounded by a few chunks of input plus the
/// results of those chunks.
///
/// ```no_run
/// use rawi::attribution::Extractor;
/// use rawi::corpus::{LoadOptions, map_articles_par};
///
/// let paths = vec!["corpus.jsonl".into()];
/// map_articles_par(
///     &paths,
///     &LoadOptions::default(),
///     |article| (article.id.into_owned(), Extractor::builtin().extract(&article.text)),
///     |result| {
///         match result {
///             Ok((id, found)) => println!("{id}: {} quotes", found.quotes.len()),
///             Err(problem) => eprintln!("{problem}"),
///         }
///         true // false stops early
///     },
/// );
/// ```
pub fn map_articles_par<R, F, S>(paths: &[PathBuf], opts: &LoadOptions, map: F, mut sink: S)
where
    R: Send,
    F: Fn(ArticleRef<'_>) -> R + Sync,
    S: FnMut(Result<R, LoadError>) -> bool,
{
    let mut drain = |batch: Batch<R>| batch.into_iter().all(&mut sink);
    if !opts.parallel {
        Run {
            opts,
            map: &map,
            control: Control::default(),
            emit: &mut drain,
            stopped: false,
        }
        .run(paths);
        return;
    }
    let cancel = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<Batch<R>>(QUEUE);
    std::thread::scope(|scope| {
        let cancel = &cancel;
        let map = &map;
        scope.spawn(move || {
            let mut send = |batch| tx.send(batch).is_ok();
            Run {
                opts,
                map,
                control: Control {
                    progress: None,
                    cancel: Some(cancel),
                },
                emit: &mut send,
                stopped: false,
            }
            .run(paths);
        });
        for batch in rx.iter() {
            if !drain(batch) {
                cancel.store(true, Ordering::Relaxed);
                break;
            }
        }
        // Dropping the receiver makes the producer's next send fail, so it stops.
        drop(rx);
    });
}
