//! Loading articles: `.txt` files, folders, JSON Lines corpora, stdin and the bundled samples.
//! No UI types.

use std::path::Path;

/// One article, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// File stem, or the corpus `id`.
    pub id: String,
    /// Title: the first line of a `.txt` file when short and followed by a blank line, the corpus
    /// `title`, else the file name.
    pub title: String,
    /// Where it came from, as the user gave it (a path, `-`, or `bundled:NAME`).
    pub path: String,
    pub text: String,
}

/// A problem with one input, reported without stopping the others.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
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
            title: name.to_string(),
            path: format!("bundled:{name}"),
            text: text.to_string(),
        })
        .collect()
}

/// Loads one `.txt` article.
pub fn load_txt(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: shown.clone(),
        source,
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        title: id.clone(),
        id,
        path: shown,
        text,
    })
}
