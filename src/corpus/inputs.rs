//! From the paths the user gave to a list of inputs: files, folders walked recursively (hidden
//! entries skipped, symlinks followed, loops skipped, sorted by name), and `-` for stdin.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

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

/// Expands the paths, in order. The same file reached twice (named twice, or through a
/// symlink) is read once.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<Result<Input, LoadError>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let shown = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => out.push(Err(LoadError::from_io(shown, e))),
            Ok(meta) if meta.is_dir() => walk(path, &mut seen, &mut out),
            Ok(meta) => {
                if first_time(&mut seen, path) {
                    out.push(Ok(Input::File {
                        path: path.clone(),
                        shown,
                        kind: kind_of(path),
                        size: meta.len(),
                    }));
                }
            }
        }
    }
    out
}

fn first_time(seen: &mut HashSet<PathBuf>, path: &Path) -> bool {
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    seen.insert(key)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<Result<Input, LoadError>>) {
    let before = out.len();
    let mut found_any = false;
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            // A symlink loop is not the user's problem: it is simply not followed again.
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let shown = e.path().unwrap_or(dir).display().to_string();
                let err = match e.into_io_error() {
                    Some(io) => LoadError::from_io(shown, io),
                    None => LoadError::Invalid {
                        path: shown,
                        message: "cannot be listed".into(),
                    },
                };
                out.push(Err(err));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let kind = if ext.eq_ignore_ascii_case("txt") {
            Kind::Txt
        } else if ext.eq_ignore_ascii_case("jsonl") {
            Kind::Jsonl
        } else {
            continue;
        };
        found_any = true;
        if first_time(seen, path) {
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            out.push(Ok(Input::File {
                path: path.to_path_buf(),
                shown: path.display().to_string(),
                kind,
                size,
            }));
        }
    }
    if !found_any && out.len() == before {
        out.push(Err(LoadError::NoArticles {
            path: dir.display().to_string(),
        }));
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
