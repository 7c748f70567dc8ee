//! The one loading engine behind every API: inputs are cut into units (a group of `.txt`
//! files, a chunk of JSON Lines), each unit's articles are parsed in parallel and handed to a
//! `map` function, and the results are emitted unit by unit in input order. Memory stays
//! bounded by the chunk size; a sequential run gives exactly the same results.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use encoding_rs::Encoding;
use rayon::prelude::*;

use super::article::ArticleRef;
use super::inputs::{self, Input, Kind};
use super::jsonl_file;
use super::jsonl_lines::JsonlCtx;
use super::source::{FileOrigin, Form, Origin, Stamp, TextHandle};
use super::txt::{self, decode_txt};
use super::{LoadError, LoadOptions, Progress};

/// Results of one unit, in input order: articles (mapped) and problems.
pub(crate) type Batch<T> = Vec<Result<T, LoadError>>;

/// Optional progress counters and cancellation flag of a run.
#[derive(Default, Clone, Copy)]
pub(crate) struct Control<'c> {
    pub progress: Option<&'c Progress>,
    pub cancel: Option<&'c AtomicBool>,
}

impl Control<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }

    fn advance(&self, bytes: u64) {
        if let Some(p) = self.progress {
            p.bytes_done.fetch_add(bytes, Ordering::Relaxed);
        }
    }
}

/// How many `.txt` files are read in parallel as one unit.
const TXT_GROUP: usize = 64;

/// The engine state of one run.
pub(crate) struct Run<'r, T, F> {
    pub opts: &'r LoadOptions,
    pub map: &'r F,
    pub control: Control<'r>,
    pub emit: &'r mut dyn FnMut(Batch<T>) -> bool,
    /// Set when `emit` asked to stop.
    pub stopped: bool,
}

impl<T, F> Run<'_, T, F>
where
    T: Send,
    F: Fn(ArticleRef<'_>) -> T + Sync,
{
    /// Loads `paths` in order.
    pub fn run(&mut self, paths: &[PathBuf]) {
        let progress = self.control.progress;
        let inputs = inputs::expand(paths).inspect(|input| {
            // The total grows as folders are walked.
            if let (Some(p), Ok(Input::File { size, .. })) = (progress, input) {
                p.bytes_total.fetch_add(*size, Ordering::Relaxed);
            }
        });
        let mut txt_group: Vec<(PathBuf, String, u64)> = Vec::new();
        let mut group_limit = 1; // the first article alone, so that it shows at once
        for input in inputs {
            if self.stopped || self.control.cancelled() {
                return;
            }
            match input {
                Ok(Input::File {
                    path,
                    shown,
                    kind: Kind::Txt,
                    size,
                }) => {
                    txt_group.push((path, shown, size));
                    if txt_group.len() >= group_limit {
                        self.txt_files(std::mem::take(&mut txt_group));
                        group_limit = TXT_GROUP;
                    }
                }
                other => {
                    self.txt_files(std::mem::take(&mut txt_group));
                    match other {
                        Ok(Input::File { path, shown, .. }) => self.jsonl_file(&path, shown),
                        Ok(Input::Stdin) => self.stdin(),
                        Err(e) => self.send(vec![Err(e)]),
                    }
                }
            }
        }
        self.txt_files(txt_group);
    }

    pub(crate) fn control_advance(&self, bytes: u64) {
        self.control.advance(bytes);
    }

    pub(crate) fn is_cancelled(&self) -> bool {
        self.control.cancelled()
    }

    pub(crate) fn send(&mut self, batch: Batch<T>) {
        if batch.is_empty() || self.stopped {
            return;
        }
        if let Some(p) = self.control.progress {
            let articles = batch.iter().filter(|r| r.is_ok()).count();
            p.articles.fetch_add(articles, Ordering::Relaxed);
            p.problems
                .fetch_add(batch.len() - articles, Ordering::Relaxed);
        }
        if !(self.emit)(batch) {
            self.stopped = true;
        }
    }

    fn txt_files(&mut self, files: Vec<(PathBuf, String, u64)>) {
        if files.is_empty() {
            return;
        }
        let opts = self.opts;
        let map = self.map;
        let batches = par_map(&files, opts.parallel, |(path, shown, _)| {
            txt_file(path, shown, opts, map)
        });
        self.control.advance(files.iter().map(|f| f.2).sum());
        self.send(batches.into_iter().flatten().collect());
    }

    fn jsonl_file(&mut self, path: &Path, shown: String) {
        let opened = open_checked(path, &shown, None);
        let (file, stamp) = match opened {
            Ok(x) => x,
            Err(e) => return self.send(vec![Err(e)]),
        };
        let origin = Arc::new(FileOrigin {
            path: path.to_path_buf(),
            shown: shown.into(),
            stamp,
        });
        jsonl_file::read_file(self, file, origin);
    }

    fn stdin(&mut self) {
        let limit = self.opts.max_article_bytes.max(MAX_STDIN_BYTES);
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            return self.send(vec![Err(LoadError::from_io("-", e))]);
        }
        if bytes.len() as u64 > limit {
            return self.send(vec![Err(too_large(
                "-",
                bytes.len() as u64,
                limit,
                "stdin",
            ))]);
        }
        self.memory("-", bytes);
    }

    /// An input held in memory: a JSON Lines corpus if it starts with `{`, else one article.
    pub(crate) fn memory(&mut self, shown: &str, bytes: Vec<u8>) {
        let bytes: Arc<[u8]> = bytes.into();
        let body = &bytes[Encoding::for_bom(&bytes).map_or(0, |(_, n)| n)..];
        let first = body.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            let ctx = JsonlCtx::new(Origin::Memory(shown.into(), bytes.clone()), self.opts);
            jsonl_file::read_memory(self, &ctx, &bytes);
        } else if bytes.len() as u64 > self.opts.max_article_bytes {
            // One article, like a `.txt` file: the same limit (stdin may hold a larger corpus).
            let size = bytes.len() as u64;
            let limit = self.opts.max_article_bytes;
            self.send(vec![Err(too_large(shown, size, limit, "article"))]);
        } else {
            let origin = Origin::Memory(shown.into(), bytes.clone());
            let id = match Path::new(shown).file_stem() {
                Some(stem) if shown != "-" => stem.to_string_lossy().into_owned(),
                _ => "stdin".to_string(),
            };
            let batch = txt_article(origin, &bytes, &id, self.opts, self.map);
            self.send(batch);
        }
    }
}

/// stdin is held in memory (it cannot be read twice); this is how much it may hold.
pub const MAX_STDIN_BYTES: u64 = 1 << 30;

pub(crate) fn too_large(shown: &str, size: u64, limit: u64, what: &'static str) -> LoadError {
    LoadError::TooLarge {
        path: shown.into(),
        size: super::ByteSize(size),
        limit: super::ByteSize(limit),
        what,
    }
}

/// Opens a file for reading and takes its stamp; refuses files over `limit` bytes.
pub(crate) fn open_checked(
    path: &Path,
    shown: &str,
    limit: Option<u64>,
) -> Result<(std::fs::File, Stamp), LoadError> {
    let file = std::fs::File::open(path).map_err(|e| LoadError::from_io(shown, e))?;
    let meta = file.metadata().map_err(|e| LoadError::from_io(shown, e))?;
    if meta.is_dir() {
        return Err(LoadError::Invalid {
            path: shown.into(),
            message: "is a folder".into(),
        });
    }
    if let Some(limit) = limit.filter(|&l| meta.len() > l) {
        return Err(too_large(shown, meta.len(), limit, "article"));
    }
    Ok((file, Stamp::of(&meta)))
}

/// Reads and maps one `.txt` file.
pub(crate) fn txt_file<T, F>(path: &Path, shown: &str, opts: &LoadOptions, map: &F) -> Batch<T>
where
    F: Fn(ArticleRef<'_>) -> T,
{
    let limit = opts.max_article_bytes;
    let read = open_checked(path, shown, Some(limit)).and_then(|(file, stamp)| {
        let mut bytes = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| LoadError::from_io(shown, e))?;
        if bytes.len() as u64 > limit {
            return Err(too_large(shown, bytes.len() as u64, limit, "article"));
        }
        Ok((bytes, stamp))
    });
    let (bytes, stamp) = match read {
        Ok(x) => x,
        Err(e) => return vec![Err(e)],
    };
    let origin = Origin::File(Arc::new(FileOrigin {
        path: path.to_path_buf(),
        shown: shown.into(),
        stamp,
    }));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    txt_article(origin, &bytes, &stem, opts, map)
}

/// Maps the bytes of one text article: the article, then a warning if it was decoded lossily.
fn txt_article<T, F>(
    origin: Origin,
    bytes: &[u8],
    id: &str,
    opts: &LoadOptions,
    map: &F,
) -> Batch<T>
where
    F: Fn(ArticleRef<'_>) -> T,
{
    let shown = origin.shown().to_string();
    let decoded = match decode_txt(bytes, &shown, opts.encoding) {
        Ok(d) => d,
        Err(e) => return vec![Err(e)],
    };
    let lossy = decoded.decoded.lossy;
    let expected = decoded.decoded.expected();
    let encoding = decoded.decoded.encoding;
    let text = decoded.decoded.text;
    let article = ArticleRef {
        title: txt::txt_title(&text, id.into()),
        id: id.into(),
        path: &shown,
        source: None,
        date: None,
        url: None,
        encoding: encoding.name(),
        lossy,
        handle: TextHandle {
            origin,
            range: decoded.bom_len as u64..bytes.len() as u64,
            form: Form::Plain(encoding),
        },
        text,
    };
    let mut batch = vec![Ok(map(article))];
    if lossy {
        batch.push(Err(LoadError::Lossy {
            path: shown,
            where_: String::new(),
            expected,
        }));
    }
    batch
}

/// Maps `items` in order, on all cores or on this thread.
pub(crate) fn par_map<I, O, G>(items: &[I], parallel: bool, f: G) -> Vec<O>
where
    I: Sync,
    O: Send,
    G: Fn(&I) -> O + Sync + Send,
{
    if parallel {
        items.par_iter().map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}
