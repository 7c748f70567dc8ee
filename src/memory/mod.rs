//! Reading memory: where the reader was in each article, the last article open per corpus, and
//! bookmarks, kept in one JSON state file.
//!
//! - Location: `$RAWI_STATE_DIR/state.json`, else `$XDG_STATE_HOME/rawi/state.json` (via the
//!   etcetera crate; `~/.local/state/rawi/state.json` by default), or any path given.
//! - Writes are atomic: a temporary file in the same folder, synced, then renamed over the
//!   state file, so a crash leaves the old file or the new one, never half of one.
//! - A state file that cannot be read or parsed is set aside (renamed to
//!   `state.json.broken-SECONDS`) with a warning, and the reader starts with an empty memory.
//!   A state file from a newer rawi is left alone and not overwritten.
//! - Positions are (paragraph index, byte offset in the paragraph), so they survive resizing.
//! - Several readers may share the file: a save merges this reader's changes into the file as
//!   it is now, under a lock (see `sync.rs`).
//!
//! rawi never writes to the articles themselves: only this file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

mod sync;

pub use sync::MAX_STATE_BYTES;
use sync::{Lock, Unreadable};

/// Environment variable naming the folder of the state file (tests, portable setups).
pub const STATE_DIR_ENV: &str = "RAWI_STATE_DIR";
const FILE_NAME: &str = "state.json";
const VERSION: u32 = 1;
/// Articles remembered at most; the least recently read are forgotten first.
pub const MAX_ARTICLES: usize = 10_000;

/// A place in an article: a paragraph and a byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub paragraph: usize,
    pub offset: usize,
}

/// What is remembered of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMemory {
    #[serde(default)]
    pub position: Option<Position>,
    /// Sorted, without duplicates.
    #[serde(default)]
    pub bookmarks: Vec<Position>,
    /// When it was last touched, in seconds since 1970 (for forgetting the oldest).
    #[serde(default)]
    pub seen: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct State {
    version: u32,
    /// By [`article_key`].
    #[serde(default)]
    articles: BTreeMap<String, ArticleMemory>,
    /// Last article open, by [`corpus_key`].
    #[serde(default)]
    last_open: BTreeMap<String, String>,
}

/// The reading memory of one user. Changes are kept in memory until [`ReadingMemory::save`].
#[derive(Debug)]
pub struct ReadingMemory {
    /// `None`: not saved anywhere (no state folder, or a file that must not be overwritten).
    path: Option<PathBuf>,
    state: State,
    /// The state as read from (or last written to) the file: what this reader changed since is
    /// what a save merges into the file.
    base: State,
}

impl ReadingMemory {
    /// The state file's default path: see the module documentation.
    pub fn default_path() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join(FILE_NAME));
        }
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?;
        let dir = base.state_dir().unwrap_or_else(|| base.data_dir());
        Some(dir.join("rawi").join(FILE_NAME))
    }

    /// Opens the memory at the default path; see [`ReadingMemory::open`].
    pub fn open_default() -> (ReadingMemory, Option<String>) {
        match Self::default_path() {
            Some(path) => Self::open(path),
            None => (
                Self::in_memory(),
                Some("no home folder: reading positions will not be kept".into()),
            ),
        }
    }

    /// A memory that is never written anywhere.
    pub fn in_memory() -> ReadingMemory {
        let state = State {
            version: VERSION,
            ..State::default()
        };
        ReadingMemory {
            path: None,
            base: state.clone(),
            state,
        }
    }

    /// Opens the memory kept in `path`. Never fails: a missing file is an empty memory; a file
    /// that cannot be read or parsed is set aside, and the warning (one line) says so.
    pub fn open(path: PathBuf) -> (ReadingMemory, Option<String>) {
        let shown = path.display().to_string();
        let bytes = match sync::read_state_file(&path) {
            Ok(bytes) => bytes,
            Err(Unreadable::Missing) => {
                let mut memory = Self::in_memory();
                memory.path = Some(path);
                return (memory, None);
            }
            Err(e) => return Self::set_aside(path, &e.to_string()),
        };
        match serde_json::from_slice::<State>(&bytes) {
            Ok(state) if state.version > VERSION => {
                let warning = format!(
                    "{shown}: written by a newer rawi (format {}); left as is, positions will not be saved",
                    state.version
                );
                let mut memory = Self::in_memory();
                memory.state.articles = state.articles;
                memory.state.last_open = state.last_open;
                (memory, Some(warning))
            }
            Ok(state) => (
                ReadingMemory {
                    path: Some(path),
                    base: state.clone(),
                    state,
                },
                None,
            ),
            Err(e) => Self::set_aside(path, &format!("is corrupted ({e})")),
        }
    }

    fn set_aside(path: PathBuf, problem: &str) -> (ReadingMemory, Option<String>) {
        let secs = now();
        let mut aside = path.clone().into_os_string();
        aside.push(format!(".broken-{secs}"));
        let aside = PathBuf::from(aside);
        let shown = path.display();
        let mut memory = Self::in_memory();
        let warning = match std::fs::rename(&path, &aside) {
            Ok(()) => {
                memory.path = Some(path.clone());
                format!(
                    "{shown}: {problem}; moved to {} and starting afresh",
                    aside.display()
                )
            }
            Err(e) => format!(
                "{shown}: {problem}, and could not be moved aside ({e}); positions will not be saved"
            ),
        };
        (memory, Some(warning))
    }

    /// Where this memory is saved, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes the memory atomically (temporary file, sync, rename), merged into what another
    /// reader may have saved meanwhile (see `sync.rs`). Does nothing for a memory that is not
    /// saved anywhere.
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let path = &path;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
        tmp_name.push(format!(".tmp-{}", std::process::id()));
        let tmp = dir.join(tmp_name);
        let lock = Lock::take(path);
        if lock.held() {
            sync::remove_stale_temporaries(path, &tmp);
        }
        // What is on disk now (another reader may have saved since): a file that cannot be
        // read or parsed any more is replaced by this reader's state.
        let disk = sync::read_state_file(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<State>(&bytes).ok())
            .filter(|disk| disk.version <= VERSION);
        if let Some(disk) = disk {
            self.state = sync::merge(&self.base, &self.state, disk);
        }
        self.forget_oldest();
        let written = (|| {
            let mut file = std::fs::File::create(&tmp)?;
            serde_json::to_writer(&mut file, &self.state)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        match written {
            Ok(()) => self.base = self.state.clone(),
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
            }
        }
        drop(lock);
        written
    }

    fn forget_oldest(&mut self) {
        let articles = &mut self.state.articles;
        if articles.len() <= MAX_ARTICLES {
            return;
        }
        let mut by_age: Vec<(u64, String)> =
            articles.iter().map(|(k, m)| (m.seen, k.clone())).collect();
        by_age.sort();
        for (_, key) in by_age.into_iter().take(articles.len() - MAX_ARTICLES) {
            articles.remove(&key);
        }
    }

    fn touch(&mut self, article: &str) -> &mut ArticleMemory {
        let memory = self.state.articles.entry(article.to_string()).or_default();
        memory.seen = now();
        memory
    }

    /// Everything remembered of `article` (by [`article_key`]).
    pub fn article(&self, article: &str) -> Option<&ArticleMemory> {
        self.state.articles.get(article)
    }

    pub fn position(&self, article: &str) -> Option<Position> {
        self.article(article).and_then(|m| m.position)
    }

    pub fn set_position(&mut self, article: &str, position: Position) {
        self.touch(article).position = Some(position);
    }

    /// The article last open in `corpus` (by [`corpus_key`]), by [`article_key`].
    pub fn last_open(&self, corpus: &str) -> Option<&str> {
        self.state.last_open.get(corpus).map(String::as_str)
    }

    pub fn set_last_open(&mut self, corpus: &str, article: &str) {
        self.state
            .last_open
            .insert(corpus.to_string(), article.to_string());
    }

    /// Adds a bookmark at `position`, or removes it if there is one; true if now bookmarked.
    pub fn toggle_bookmark(&mut self, article: &str, position: Position) -> bool {
        let bookmarks = &mut self.touch(article).bookmarks;
        match bookmarks.binary_search(&position) {
            Ok(i) => {
                bookmarks.remove(i);
                false
            }
            Err(i) => {
                bookmarks.insert(i, position);
                true
            }
        }
    }

    pub fn bookmarks(&self, article: &str) -> &[Position] {
        self.article(article).map_or(&[], |m| &m.bookmarks)
    }

    /// Every bookmark, by article key then position.
    pub fn all_bookmarks(&self) -> Vec<(&str, Position)> {
        self.state
            .articles
            .iter()
            .flat_map(|(k, m)| m.bookmarks.iter().map(move |p| (k.as_str(), *p)))
            .collect()
    }
}

/// The key an article is remembered by: its file (made absolute) and its id. Articles from
/// stdin (`-`) share one key per id.
pub fn article_key(path: &str, id: &str) -> String {
    format!("{}#{id}", absolute(path))
}

/// The key a set of opened paths is remembered by (their absolute forms, in order).
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "bundled".into();
    }
    paths
        .iter()
        .map(|p| absolute(&p.to_string_lossy()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn absolute(path: &str) -> String {
    if path == "-" || path.starts_with("bundled:") {
        return path.to_string();
    }
    std::fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string())
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
