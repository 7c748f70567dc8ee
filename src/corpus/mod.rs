//! Loading articles: `.txt` files, folders, JSON Lines corpora, stdin and the bundled samples.
//! No UI types.
//!
//! Three ways in, one engine (see `pipeline`), so they always agree:
//! - [`load`]: everything at once, as owned [`Article`]s (small inputs, tests).
//! - [`map_articles_par`]: streams articles through a function on all cores, results in input
//!   order, memory bounded (`rawi extract` over huge corpora).
//! - [`Library`] and [`open_in_background`]: a growing list of entries with metadata only,
//!   whose text is read and decoded on demand (the reader).
//!
//! The reader's loop, never blocking:
//!
//! ```no_run
//! use rawi::corpus::{Library, LoadOptions, open_in_background};
//!
//! let job = open_in_background(vec!["bulk.jsonl".into()], LoadOptions::default());
//! let mut library = Library::default();
//! loop {
//!     // Once per frame (or per tick): take what is ready, show progress.
//!     let poll = job.poll(&mut library);
//!     let progress = job.progress(); // progress.fraction(), .articles, .problems
//!     if let Some(entry) = library.get(0) {
//!         let text = entry.text(); // Err if the file changed or vanished: show the message
//!     }
//!     if poll.finished {
//!         break;
//!     }
//! #   std::thread::sleep(std::time::Duration::from_millis(16));
//! }
//! ```

mod article;
mod background;
mod decode;
mod error;
mod inputs;
mod jsonl;
mod jsonl_file;
mod jsonl_lines;
mod library;
mod options;
mod pipeline;
mod search;
mod source;
mod stream;
mod txt;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

pub use article::{Article, ArticleRef};
pub use background::{BackgroundLoad, Poll, open_in_background};
pub use decode::encoding_for_name;
pub use error::{ByteSize, LoadError, MAX_LISTED_LINES};
pub use library::{Entry, Library};
pub use options::{DEFAULT_MAX_ARTICLE_BYTES, KeyMap, LoadOptions};
pub use pipeline::MAX_STDIN_BYTES;
pub use search::SearchHit;
pub use source::TextHandle;
pub use stream::map_articles_par;

/// Everything [`load`] found: the articles in input order, and the problems (each one line;
/// warnings such as [`LoadError::Lossy`] come with an article that did load).
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

/// Loads every article of `paths` (files, folders, `.jsonl` corpora, `-` for stdin) into
/// memory, in order. With no paths, the bundled samples. A bad input never stops the others.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    if paths.is_empty() {
        return Loaded {
            articles: bundled(),
            errors: Vec::new(),
        };
    }
    let mut loaded = Loaded::default();
    let mut emit = |batch: Vec<Result<Article, LoadError>>| {
        loaded.push(batch);
        true
    };
    pipeline::Run {
        opts,
        map: &|a: ArticleRef<'_>| a.into_article(),
        control: pipeline::Control::default(),
        emit: &mut emit,
        stopped: false,
    }
    .run(paths);
    loaded
}

/// Loads articles from bytes already in memory, named `shown` in errors: a JSON Lines corpus
/// if the first non-blank byte is `{`, else one text article. This is what `-` (stdin) does.
pub fn load_bytes(shown: &str, bytes: Vec<u8>, opts: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    let mut emit = |batch: Vec<Result<Article, LoadError>>| {
        loaded.push(batch);
        true
    };
    pipeline::Run {
        opts,
        map: &|a: ArticleRef<'_>| a.into_article(),
        control: pipeline::Control::default(),
        emit: &mut emit,
        stopped: false,
    }
    .memory(shown, bytes);
    loaded
}

impl Loaded {
    fn push(&mut self, batch: Vec<Result<Article, LoadError>>) {
        for item in batch {
            match item {
                Ok(article) => self.articles.push(article),
                Err(e) => self.errors.push(e),
            }
        }
    }
}

/// Live counters of a load, readable from any thread while it runs.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of all input files (known once the inputs are listed).
    pub bytes_total: AtomicU64,
    /// Bytes read and parsed so far.
    pub bytes_done: AtomicU64,
    /// Articles loaded so far.
    pub articles: AtomicUsize,
    /// Problems reported so far.
    pub problems: AtomicUsize,
    /// The load has ended (finished, failed or cancelled).
    pub finished: AtomicBool,
}

/// A copy of [`Progress`] at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProgressSnapshot {
    pub bytes_total: u64,
    pub bytes_done: u64,
    pub articles: usize,
    pub problems: usize,
    pub finished: bool,
}

impl Progress {
    pub fn snapshot(&self) -> ProgressSnapshot {
        ProgressSnapshot {
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
            bytes_done: self.bytes_done.load(Ordering::Relaxed),
            articles: self.articles.load(Ordering::Relaxed),
            problems: self.problems.load(Ordering::Relaxed),
            finished: self.finished.load(Ordering::Acquire),
        }
    }
}

impl ProgressSnapshot {
    /// Share of the input bytes done, 0.0 to 1.0 (1.0 once finished).
    pub fn fraction(&self) -> f64 {
        if self.finished {
            1.0
        } else if self.bytes_total == 0 {
            0.0
        } else {
            (self.bytes_done as f64 / self.bytes_total as f64).min(1.0)
        }
    }
}

const BUNDLED: &[(&str, &str)] = &[
    (
        "000_seed",
        include_str!("../../assets/articles/000_seed.txt"),
    ),
    ("004_bbc", include_str!("../../assets/articles/004_bbc.txt")),
    ("031_bbc", include_str!("../../assets/articles/031_bbc.txt")),
    (
        "052_skynews",
        include_str!("../../assets/articles/052_skynews.txt"),
    ),
];

/// The sample articles built into the binary (opened when no path is given).
pub fn bundled() -> Vec<Article> {
    BUNDLED
        .iter()
        .map(|(name, text)| Article {
            id: name.to_string(),
            title: txt::title_or(text, (*name).into()).into_owned(),
            path: format!("bundled:{name}"),
            text: text.to_string(),
            ..Article::default()
        })
        .collect()
}

/// Loads one `.txt` article (whatever its extension).
pub fn load_txt(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display().to_string();
    let mut batch = pipeline::txt_file(path, &shown, &LoadOptions::default(), &|a: ArticleRef| {
        a.into_article()
    });
    batch.remove(0)
}
