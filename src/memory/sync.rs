//! Saving beside other readers: two rawi processes share one state file, so a save merges what
//! this process changed into what is on disk now, under a lock file, instead of overwriting the
//! other's bookmarks and positions.
//!
//! - The lock is `state.json.lock`, made with `create_new`; one older than [`STALE_LOCK`] was
//!   left by a process that died and is taken over. Waiting for it is bounded
//!   ([`LOCK_WAIT`]); past that the save goes on unlocked (a lost race is better than a reader
//!   that cannot quit).
//! - The merge applies this process's changes (since it opened or last saved the file) to the
//!   file's current state: per article, the later position wins, bookmarks added here are added
//!   and bookmarks removed here are removed; articles not touched here keep the file's state.
//! - Temporary files of writers that died (`state.json.tmp-PID`) are removed while the lock is
//!   held: a live writer holds the lock while its temporary file exists.
//! - Only a regular file of at most [`MAX_STATE_BYTES`] is read: a FIFO or `/dev/zero` in its
//!   place never blocks or fills memory (it is set aside like a corrupted file).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::{ArticleMemory, State};

/// A lock older than this was left by a process that died.
const STALE_LOCK: Duration = Duration::from_secs(30);
/// How long a save waits for another process's lock.
const LOCK_WAIT: Duration = Duration::from_secs(2);
/// The largest state file read (10,000 articles with bookmarks take a few MB).
pub const MAX_STATE_BYTES: u64 = 64 << 20;

/// Why a state file is not read.
#[derive(Debug)]
pub enum Unreadable {
    Missing,
    NotAFile,
    TooLarge(u64),
    Io(std::io::Error),
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Missing => write!(f, "does not exist"),
            Unreadable::NotAFile => write!(f, "cannot be read (not a regular file)"),
            Unreadable::TooLarge(n) => write!(
                f,
                "cannot be read ({n} bytes, over the limit of {} MiB)",
                MAX_STATE_BYTES >> 20
            ),
            Unreadable::Io(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

/// The bytes of the state file, if it is a regular file of a sane size (checked before
/// opening, so that a FIFO is never opened).
pub fn read_state_file(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unreadable::Missing),
        Err(e) => return Err(Unreadable::Io(e)),
    };
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    if meta.len() > MAX_STATE_BYTES {
        return Err(Unreadable::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_STATE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(Unreadable::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Holds the lock file while alive.
pub struct Lock(Option<PathBuf>);

impl Lock {
    /// Takes the lock beside `state`, waiting at most [`LOCK_WAIT`]; `Lock(None)` when it could
    /// not be had in time.
    pub fn take(state: &Path) -> Lock {
        let mut name = state.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let path = state.with_file_name(name);
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(_) => return Lock(Some(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok());
                    if age.is_some_and(|a| a > STALE_LOCK) {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                }
                Err(_) => return Lock(None),
            }
            if Instant::now() >= deadline {
                return Lock(None);
            }
            // Another reader is saving (a few milliseconds): wait for it.
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn held(&self) -> bool {
        self.0.is_some()
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Removes the temporary files of writers that died (`state.json.tmp-PID`), except `own`.
pub fn remove_stale_temporaries(state: &Path, own: &Path) {
    let Some(dir) = state.parent() else { return };
    let mut prefix = state.file_name().unwrap_or_default().to_os_string();
    prefix.push(".tmp-");
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path != own && entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `disk` with this process's changes (from `base` to `ours`) applied.
pub fn merge(base: &State, ours: &State, mut disk: State) -> State {
    let empty = ArticleMemory::default();
    let keys: Vec<&String> = ours.articles.keys().chain(base.articles.keys()).collect();
    for key in keys {
        let before = base.articles.get(key).unwrap_or(&empty);
        let Some(now) = ours.articles.get(key) else {
            continue; // forgotten here (the oldest): the file keeps what it has
        };
        if now == before {
            continue;
        }
        let theirs = disk.articles.entry(key.clone()).or_default();
        if now.seen >= theirs.seen {
            theirs.position = now.position.or(theirs.position);
            theirs.seen = now.seen;
        }
        theirs
            .bookmarks
            .retain(|b| !before.bookmarks.contains(b) || now.bookmarks.contains(b));
        for b in &now.bookmarks {
            if !before.bookmarks.contains(b) && !theirs.bookmarks.contains(b) {
                theirs.bookmarks.push(*b);
            }
        }
        theirs.bookmarks.sort();
    }
    let changed: BTreeMap<&String, &String> = ours
        .last_open
        .iter()
        .filter(|(k, v)| base.last_open.get(*k) != Some(v))
        .collect();
    for (k, v) in changed {
        disk.last_open.insert(k.clone(), v.clone());
    }
    disk.version = ours.version;
    disk
}

#[cfg(test)]
mod tests {
    use super::super::{Position, VERSION};
    use super::*;

    fn at(paragraph: usize) -> Position {
        Position {
            paragraph,
            offset: 0,
        }
    }

    fn state(articles: &[(&str, &[usize], u64)]) -> State {
        State {
            version: VERSION,
            articles: articles
                .iter()
                .map(|(k, marks, seen)| {
                    let memory = ArticleMemory {
                        position: Some(at(*seen as usize)),
                        bookmarks: marks.iter().map(|&p| at(p)).collect(),
                        seen: *seen,
                    };
                    (k.to_string(), memory)
                })
                .collect(),
            last_open: BTreeMap::new(),
        }
    }

    #[test]
    fn changes_made_here_are_applied_to_the_file_as_it_is_now() {
        // Both readers started from `base`; the other one saved first.
        let base = state(&[("a", &[1, 2], 1), ("b", &[5], 1)]);
        let theirs = state(&[("a", &[1, 2, 3], 4), ("b", &[5], 1), ("c", &[7], 4)]);
        // Here: removed bookmark 1 of a and added 9; b untouched.
        let ours = state(&[("a", &[2, 9], 3), ("b", &[5], 1)]);
        let merged = merge(&base, &ours, theirs);
        assert_eq!(merged.articles["a"].bookmarks, [at(2), at(3), at(9)]);
        // The later position wins: theirs (seen 4) over ours (seen 3).
        assert_eq!(merged.articles["a"].position, Some(at(4)));
        assert_eq!(merged.articles["c"].bookmarks, [at(7)]);
        assert_eq!(merged.articles["b"].bookmarks, [at(5)]);
    }

    #[test]
    fn a_fifo_or_a_device_is_never_opened() {
        assert!(matches!(
            read_state_file(Path::new("/dev/zero")),
            Err(Unreadable::NotAFile)
        ));
        assert!(matches!(
            read_state_file(Path::new("/nonexistent/state.json")),
            Err(Unreadable::Missing)
        ));
    }
}
