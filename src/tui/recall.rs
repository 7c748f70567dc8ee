//! The reader's side of the reading memory ([`crate::memory`]): the keys articles are remembered
//! by, positions as anchors, the last article of this set of paths, bookmarks. Changes are made
//! in memory and marked `dirty`; the event loop writes the state file (it is the only place that
//! does I/O).

use std::collections::HashMap;

use super::doc::Anchor;
use crate::corpus::Entry;
use crate::memory::{Position, ReadingMemory, article_key};

#[derive(Debug)]
pub struct Recall {
    pub memory: ReadingMemory,
    /// The key of the set of paths opened ([`crate::memory::corpus_key`]).
    corpus: String,
    /// Absolute form of each article path met (one file holds many articles of a corpus).
    absolute: HashMap<String, String>,
    /// The article last open in this corpus, to reopen when the loader brings it, as long as
    /// the user has not done anything yet.
    pub pending_reopen: Option<String>,
    /// Changed since the last save.
    pub dirty: bool,
}

impl Recall {
    pub fn new(memory: ReadingMemory, corpus: String) -> Recall {
        let pending_reopen = memory.last_open(&corpus).map(str::to_string);
        Recall {
            memory,
            corpus,
            absolute: HashMap::new(),
            pending_reopen,
            dirty: false,
        }
    }

    /// A memory kept only for this session (tests, or no state folder).
    pub fn in_memory() -> Recall {
        Recall::new(ReadingMemory::in_memory(), String::new())
    }

    /// The key `entry` is remembered by (as [`article_key`], the path made absolute once).
    pub fn key(&mut self, entry: &Entry) -> String {
        let absolute = self.absolute.entry(entry.path.clone()).or_insert_with(|| {
            let mut key = article_key(&entry.path, "");
            key.pop(); // the '#' before the (empty) id
            key
        });
        format!("{absolute}#{}", entry.id)
    }

    /// Whether `entry` may be the article remembered by `key` (cheap: by id only).
    pub fn might_be(key: &str, entry: &Entry) -> bool {
        key.len() > entry.id.len()
            && key.ends_with(entry.id.as_str())
            && key.as_bytes()[key.len() - entry.id.len() - 1] == b'#'
    }

    /// Where the reader was in `entry`.
    pub fn position(&mut self, entry: &Entry) -> Option<Anchor> {
        let key = self.key(entry);
        self.memory.position(&key).map(|p| Anchor {
            para: p.paragraph,
            offset: p.offset,
        })
    }

    /// Remembers where the reader is in `entry` (the top of an article is not worth a line in
    /// the state file unless the article is already there).
    pub fn remember(&mut self, entry: &Entry, at: Anchor) {
        let key = self.key(entry);
        let position = Position {
            paragraph: at.para,
            offset: at.offset,
        };
        let known = self.memory.position(&key);
        if known == Some(position) || (known.is_none() && at == Anchor::default()) {
            return;
        }
        self.memory.set_position(&key, position);
        self.dirty = true;
    }

    /// Remembers `entry` as the article open in this corpus.
    pub fn opened(&mut self, entry: &Entry) {
        let key = self.key(entry);
        if self.memory.last_open(&self.corpus) != Some(key.as_str()) {
            self.memory.set_last_open(&self.corpus, &key);
            self.dirty = true;
        }
    }

    /// Adds or removes a bookmark at `at`; true if it is now bookmarked.
    pub fn toggle_bookmark(&mut self, entry: &Entry, at: Anchor) -> bool {
        let key = self.key(entry);
        self.dirty = true;
        self.memory.toggle_bookmark(
            &key,
            Position {
                paragraph: at.para,
                offset: at.offset,
            },
        )
    }

    pub fn bookmarks(&mut self, entry: &Entry) -> Vec<Anchor> {
        let key = self.key(entry);
        self.memory
            .bookmarks(&key)
            .iter()
            .map(|p| Anchor {
                para: p.paragraph,
                offset: p.offset,
            })
            .collect()
    }

    /// Writes the state file if anything changed. The error is for the status bar.
    pub fn save(&mut self) -> Result<(), String> {
        if !self.dirty {
            return Ok(());
        }
        self.dirty = false;
        self.memory.save().map_err(|e| {
            let path = self
                .memory
                .path()
                .map_or(String::new(), |p| format!("{}: ", p.display()));
            format!("{path}reading positions not saved ({e})")
        })
    }
}
