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

/// One input: an article, a corpus line still to parse (parsed by the consumer, in parallel),
/// or why it could not be loaded.
#[derive(Debug)]
pub enum Item {
    Article(Article),
    Line {
        path: std::sync::Arc<str>,
        stem: std::sync::Arc<str>,
        number: usize,
        bytes: Vec<u8>,
    },
    Failed(LoadError),
}

impl Item {
    /// The article, parsing a corpus line if needed.
    pub fn article(&self) -> Result<std::borrow::Cow<'_, Article>, String> {
        match self {
            Item::Article(a) => Ok(std::borrow::Cow::Borrowed(a)),
            Item::Failed(e) => Err(e.to_string()),
            Item::Line {
                path,
                stem,
                number,
                bytes,
            } => parse_line(path, stem, *number, bytes)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| e.to_string()),
        }
    }

    fn text_len(&self) -> usize {
        match self {
            Item::Article(a) => a.text.len(),
            Item::Line { bytes, .. } => bytes.len(),
            Item::Failed(_) => 0,
        }
    }
}

fn parse_line(path: &str, stem: &str, number: usize, bytes: &[u8]) -> Result<Article, LoadError> {
    match serde_json::from_slice::<Line>(bytes) {
        Ok(l) => {
            let id = match l.id {
                Some(serde_json::Value::String(s)) => s,
                Some(v) => v.to_string(),
                None => format!("{stem}:{number}"),
            };
            Ok(Article {
                title: l.title.unwrap_or_else(|| id.clone()),
                id,
                path: path.to_string(),
                text: l.text,
                ..Article::default()
            })
        }
        Err(e) => Err(LoadError::Invalid {
            path: format!("{path}:{number}"),
            message: e.to_string(),
        }),
    }
}

struct Batcher<'f> {
    items: Vec<Item>,
    bytes: usize,
    sink: &'f mut dyn FnMut(&[Item]),
}

impl Batcher<'_> {
    fn push(&mut self, item: Item) {
        self.bytes += item.text_len();
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
            Ok(_) => b.push(Item::Article(Article {
                id: "-".into(),
                title: "-".into(),
                path: "-".into(),
                text,
                ..Article::default()
            })),
            Err(e) => b.push(Item::Failed(io_error(path, e))),
        }
        return;
    }
    if path.is_dir() {
        match walk(path) {
            Ok(files) => files.iter().for_each(|f| load_path(f, b)),
            Err(e) => b.push(Item::Failed(io_error(path, e))),
        }
        return;
    }
    if path.extension().is_some_and(|e| e == "jsonl") {
        match File::open(path) {
            Ok(f) => load_jsonl(path, BufReader::with_capacity(1 << 20, f), b),
            Err(e) => b.push(Item::Failed(io_error(path, e))),
        }
        return;
    }
    b.push(match crate::corpus::load_txt(path) {
        Ok(a) => Item::Article(a),
        Err(e) => Item::Failed(e),
    });
}

fn load_jsonl(path: &Path, mut reader: impl BufRead, b: &mut Batcher) {
    let shown: std::sync::Arc<str> = path.display().to_string().into();
    let stem: std::sync::Arc<str> = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .into();
    let mut number = 0;
    loop {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                b.push(Item::Failed(io_error(path, e)));
                return;
            }
        }
        number += 1;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        b.push(Item::Line {
            path: shown.clone(),
            stem: stem.clone(),
            number,
            bytes,
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
