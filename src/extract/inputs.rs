//! Minimal article loading for `rawi extract`, isolated here so that it can be swapped for the
//! `corpus` module: `.txt` files (one article each), folders (walked for `.txt` and `.jsonl`),
//! `.jsonl` corpora (one JSON object per line with `text` and optional `id`, `title`) and `-`
//! (stdin: a JSON Lines corpus when it starts with `{`, else one article).
//!
//! Articles are handed over in batches (about 4 MB of text) so that a big corpus is never held
//! in memory whole and the batch can be extracted in parallel.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use crate::corpus::{Article, LoadError};

const BATCH_BYTES: usize = 4 << 20;
const BATCH_ITEMS: usize = 2048;

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
}

/// One input: an article or why it could not be loaded.
pub type Item = Result<Article, LoadError>;

struct Batcher<'f> {
    items: Vec<Item>,
    bytes: usize,
    sink: &'f mut dyn FnMut(&[Item]),
}

impl Batcher<'_> {
    fn push(&mut self, item: Item) {
        self.bytes += item.as_ref().map_or(0, |a| a.text.len());
        self.items.push(item);
        if self.bytes >= BATCH_BYTES || self.items.len() >= BATCH_ITEMS {
            self.flush();
        }
    }
    fn flush(&mut self) {
        if !self.items.is_empty() {
            (self.sink)(&self.items);
            self.items.clear();
            self.bytes = 0;
        }
    }
}

/// Loads every input and hands the articles (or load errors) to `sink` in batches, in order.
pub fn for_each_batch(paths: &[PathBuf], sink: &mut dyn FnMut(&[Item])) {
    let mut b = Batcher {
        items: Vec::new(),
        bytes: 0,
        sink,
    };
    for path in paths {
        load_path(path, &mut b);
    }
    b.flush();
}

fn io_error(path: &Path, source: io::Error) -> LoadError {
    LoadError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn load_path(path: &Path, b: &mut Batcher) {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        match io::stdin().lock().read_to_string(&mut text) {
            Ok(_) if text.trim_start().starts_with('{') => {
                load_jsonl(path, BufReader::new(text.as_bytes()), b)
            }
            Ok(_) => b.push(Ok(Article {
                id: "-".into(),
                title: "-".into(),
                path: "-".into(),
                text,
                ..Article::default()
            })),
            Err(e) => b.push(Err(io_error(path, e))),
        }
        return;
    }
    if path.is_dir() {
        match walk(path) {
            Ok(files) => files.iter().for_each(|f| load_path(f, b)),
            Err(e) => b.push(Err(io_error(path, e))),
        }
        return;
    }
    if path.extension().is_some_and(|e| e == "jsonl") {
        match File::open(path) {
            Ok(f) => load_jsonl(path, BufReader::with_capacity(1 << 20, f), b),
            Err(e) => b.push(Err(io_error(path, e))),
        }
        return;
    }
    b.push(crate::corpus::load_txt(path));
}

fn load_jsonl(path: &Path, reader: impl BufRead, b: &mut Batcher) {
    let shown = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for (n, line) in reader.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                b.push(Err(io_error(path, e)));
                return;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        b.push(match serde_json::from_str::<Line>(&line) {
            Ok(l) => {
                let id = match l.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(v) => v.to_string(),
                    None => format!("{stem}:{}", n + 1),
                };
                Ok(Article {
                    title: l.title.unwrap_or_else(|| id.clone()),
                    id,
                    path: shown.clone(),
                    text: l.text,
                    ..Article::default()
                })
            }
            Err(e) => Err(LoadError::Invalid {
                path: format!("{shown}:{}", n + 1),
                message: e.to_string(),
            }),
        });
    }
}

/// `.txt` and `.jsonl` files under a folder, sorted, recursively.
fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(walk(&p)?);
        } else if p.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
            out.push(p);
        }
    }
    Ok(out)
}
