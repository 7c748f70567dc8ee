//! Problems with inputs: one line each, naming the input, never stopping the other inputs.

use std::fmt;

/// A problem with one input, reported without stopping the others. `Display` is one line that
/// starts with the path as the user gave it (or as found in a folder).
///
/// [`LoadError::Lossy`] and [`LoadError::BrokenLines`] are warnings: the article(s) still
/// loaded. All others mean nothing (more) was loaded from that input.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// An I/O error without a more specific variant below.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// Anything else that makes an input unusable (the message says what).
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: does not exist")]
    NotFound { path: String },
    #[error("{path}: permission denied (cannot read it)")]
    PermissionDenied { path: String },
    #[error("{path}: folder has no .txt or .jsonl articles")]
    NoArticles { path: String },
    #[error("{path}: binary file ({what}), not text")]
    Binary { path: String, what: String },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: only whitespace, no text")]
    Blank { path: String },
    #[error("{path}: {size} is over the {limit} limit for one {what}")]
    TooLarge {
        path: String,
        size: ByteSize,
        limit: ByteSize,
        what: &'static str,
    },
    /// Warning: some bytes were not valid in any encoding tried (or in the one given) and
    /// became U+FFFD. `expected` names the encoding(s) ([`super::decode::expected_encoding`]).
    #[error("{path}: {where_}not valid {expected}; shown with \u{FFFD} for the bad bytes")]
    Lossy {
        path: String,
        where_: String,
        expected: String,
    },
    /// Warning: the good lines of a JSON Lines corpus loaded, these did not.
    #[error("{path}: {}", broken_lines_message(*.count, *.total, .lines, .first_problem))]
    BrokenLines {
        path: String,
        /// How many lines were skipped.
        count: u64,
        /// How many non-blank lines the file has.
        total: u64,
        /// The first skipped line numbers (1-based), at most [`MAX_LISTED_LINES`].
        lines: Vec<u64>,
        /// What was wrong with the first of them.
        first_problem: String,
    },
    /// The file changed on disk or disappeared after it was opened; its text is not shown
    /// rather than showing the wrong bytes.
    #[error("{path}: {what} since it was opened; reopen it")]
    Changed { path: String, what: &'static str },
}

/// How many broken line numbers a [`LoadError::BrokenLines`] keeps.
pub const MAX_LISTED_LINES: usize = 10;

impl LoadError {
    /// The input (path, `-`, or `bundled:NAME`) this problem is about.
    pub fn path(&self) -> &str {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Invalid { path, .. }
            | LoadError::NotFound { path }
            | LoadError::PermissionDenied { path }
            | LoadError::NoArticles { path }
            | LoadError::Binary { path, .. }
            | LoadError::Empty { path }
            | LoadError::Blank { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Lossy { path, .. }
            | LoadError::BrokenLines { path, .. }
            | LoadError::Changed { path, .. } => path,
        }
    }

    /// True when the input's article(s) loaded anyway.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            LoadError::Lossy { .. } | LoadError::BrokenLines { .. }
        )
    }

    /// Maps an I/O error to the most specific variant.
    pub fn from_io(path: impl Into<String>, source: std::io::Error) -> LoadError {
        let path = path.into();
        match source.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound { path },
            std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            _ if source.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
                LoadError::Invalid {
                    path,
                    message: "a loop of symbolic links (it leads back to itself): give the \
                              file it should point to"
                        .into(),
                }
            }
            _ => LoadError::Io { path, source },
        }
    }
}

fn broken_lines_message(count: u64, total: u64, lines: &[u64], first_problem: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    let mut listed = lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if count > lines.len() as u64 {
        listed.push_str(&format!(" and {} more", count - lines.len() as u64));
    }
    let total_plural = if total == 1 { "" } else { "s" };
    format!(
        "{count} of {total} line{total_plural} skipped (line{plural} {listed}); line {}: {first_problem}",
        lines.first().copied().unwrap_or(0)
    )
}

/// A byte count shown the way people read sizes (`64 MiB`, `1.0 GiB`, `512 B`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ByteSize(pub u64);

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
        if self.0 < 1024 {
            return write!(f, "{} B", self.0);
        }
        let mut value = self.0 as f64 / 1024.0;
        let mut unit = 0;
        while value >= 1024.0 && unit < UNITS.len() - 1 {
            value /= 1024.0;
            unit += 1;
        }
        if value.fract() == 0.0 {
            write!(f, "{value:.0} {}", UNITS[unit])
        } else {
            write!(f, "{value:.1} {}", UNITS[unit])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(ByteSize(512).to_string(), "512 B");
        assert_eq!(ByteSize(64 << 20).to_string(), "64 MiB");
        assert_eq!(ByteSize(1_073_741_824 + (1 << 29)).to_string(), "1.5 GiB");
    }

    #[test]
    fn broken_lines_are_listed_compactly() {
        let e = LoadError::BrokenLines {
            path: "c.jsonl".into(),
            count: 25,
            total: 1000,
            lines: (1..=10).collect(),
            first_problem: "not JSON".into(),
        };
        assert_eq!(
            e.to_string(),
            "c.jsonl: 25 of 1000 lines skipped (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 15 more); line 1: not JSON"
        );
        assert!(e.is_warning());
    }

    #[test]
    fn one_broken_line_of_several() {
        let e = LoadError::BrokenLines {
            path: "c.jsonl".into(),
            count: 1,
            total: 2,
            lines: vec![2],
            first_problem: "not JSON".into(),
        };
        assert_eq!(
            e.to_string(),
            "c.jsonl: 1 of 2 lines skipped (line 2); line 2: not JSON"
        );
    }

    #[test]
    fn io_errors_get_specific_messages() {
        let e = LoadError::from_io("a.txt", std::io::ErrorKind::PermissionDenied.into());
        assert_eq!(e.to_string(), "a.txt: permission denied (cannot read it)");
        let e = LoadError::from_io("b.txt", std::io::ErrorKind::NotFound.into());
        assert_eq!(e.to_string(), "b.txt: does not exist");
    }
}
