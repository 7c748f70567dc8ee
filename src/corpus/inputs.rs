//! From the paths the user gave to a list of inputs: files, folders walked recursively (hidden
//! entries skipped, symlinks followed, loops skipped, sorted by name), and `-` for stdin.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use walkdir::WalkDir;

use super::LoadError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Txt,
    Jsonl,
}

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    File {
        path: PathBuf,
        /// The path as the user gave it (or as found under a folder they gave).
        shown: String,
        kind: Kind,
        /// Size when listed, for progress.
        size: u64,
    },
    Stdin,
}

/// The kind a file is read as: `.jsonl`/`.ndjson` are corpora, anything else one article.
pub(crate) fn kind_of(path: &Path) -> Kind {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
        Kind::Jsonl
    } else {
        Kind::Txt
    }
}

/// Files already listed, by device and inode (by canonical path where there are none).
#[derive(Default)]
struct Seen {
    #[cfg(unix)]
    inodes: HashSet<(u64, u64)>,
    #[cfg(not(unix))]
    paths: HashSet<PathBuf>,
}

impl Seen {
    fn first_time(&mut self, path: &Path, meta: &std::fs::Metadata) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            self.inodes.insert((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            self.paths.insert(key)
        }
    }
}

/// Expands the paths, in order, lazily: a folder is walked as the inputs are read, so the
/// first article of a huge tree opens at once. The same file reached twice (named twice, or
/// through a symlink) is read once.
pub(crate) fn expand(paths: &[PathBuf]) -> impl Iterator<Item = Result<Input, LoadError>> + '_ {
    let seen = Rc::new(RefCell::new(Seen::default()));
    paths
        .iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = _>> {
            if path.as_os_str() == "-" {
                return Box::new(std::iter::once(Ok(Input::Stdin)));
            }
            let shown = path.display().to_string();
            match std::fs::metadata(path) {
                Err(e) => Box::new(std::iter::once(Err(LoadError::from_io(shown, e)))),
                Ok(meta) if meta.is_dir() => Box::new(Walk::new(path, seen.clone())),
                Ok(meta) => {
                    let first = seen.borrow_mut().first_time(path, &meta);
                    Box::new(
                        first
                            .then(|| {
                                Ok(Input::File {
                                    path: path.clone(),
                                    shown,
                                    kind: kind_of(path),
                                    size: meta.len(),
                                })
                            })
                            .into_iter(),
                    )
                }
            }
        })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

type Walker = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// The `.txt` and `.jsonl` files under a folder, in name order.
struct Walk {
    dir: PathBuf,
    walker: Walker,
    seen: Rc<RefCell<Seen>>,
    /// Something (a file or a problem) was yielded.
    yielded: bool,
    ended: bool,
}

impl Walk {
    fn new(dir: &Path, seen: Rc<RefCell<Seen>>) -> Walk {
        fn shown(e: &walkdir::DirEntry) -> bool {
            e.depth() == 0 || !is_hidden(e.file_name())
        }
        let walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(shown as fn(&walkdir::DirEntry) -> bool);
        Walk {
            dir: dir.to_path_buf(),
            walker,
            seen,
            yielded: false,
            ended: false,
        }
    }

    /// What one walk entry gives: a file to read, a problem, or nothing.
    fn input(
        &mut self,
        entry: walkdir::Result<walkdir::DirEntry>,
    ) -> Option<Result<Input, LoadError>> {
        let entry = match entry {
            Ok(entry) => entry,
            // A symlink loop is not the user's problem: it is simply not followed again.
            Err(e) if e.loop_ancestor().is_some() => return None,
            Err(e) => {
                let shown = e.path().unwrap_or(&self.dir).display().to_string();
                return Some(Err(match e.into_io_error() {
                    Some(io) => LoadError::from_io(shown, io),
                    None => LoadError::Invalid {
                        path: shown,
                        message: "cannot be listed".into(),
                    },
                }));
            }
        };
        if !entry.file_type().is_file() {
            return None;
        }
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let kind = if ext.eq_ignore_ascii_case("txt") {
            Kind::Txt
        } else if ext.eq_ignore_ascii_case("jsonl") {
            Kind::Jsonl
        } else {
            return None;
        };
        // Counts as found even when it turns out to be a duplicate.
        self.yielded = true;
        let meta = match entry.metadata() {
            Ok(meta) => meta,
            Err(e) => {
                let shown = path.display().to_string();
                return Some(Err(match e.into_io_error() {
                    Some(io) => LoadError::from_io(shown, io),
                    None => LoadError::Invalid {
                        path: shown,
                        message: "cannot be read".into(),
                    },
                }));
            }
        };
        if !self.seen.borrow_mut().first_time(path, &meta) {
            return None;
        }
        Some(Ok(Input::File {
            path: path.to_path_buf(),
            shown: path.display().to_string(),
            kind,
            size: meta.len(),
        }))
    }
}

impl Iterator for Walk {
    type Item = Result<Input, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.ended {
            let Some(entry) = self.walker.next() else {
                self.ended = true;
                if !self.yielded {
                    return Some(Err(LoadError::NoArticles {
                        path: self.dir.display().to_string(),
                    }));
                }
                return None;
            };
            if let Some(item) = self.input(entry) {
                self.yielded = true;
                return Some(item);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind_of(Path::new("a/b.JSONL")), Kind::Jsonl);
        assert_eq!(kind_of(Path::new("a/b.ndjson")), Kind::Jsonl);
        assert_eq!(kind_of(Path::new("a/b.txt")), Kind::Txt);
        assert_eq!(kind_of(Path::new("a/README")), Kind::Txt);
    }
}
