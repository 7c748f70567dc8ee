//! Options for loading: JSON Lines key names, encoding override, limits, parallelism.

use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

/// Names of the JSON Lines keys, remappable by the config (`[corpus.keys]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeyMap {
    pub text: String,
    pub id: String,
    pub title: String,
    pub source: String,
    pub date: String,
    pub url: String,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            source: "source".into(),
            date: "date".into(),
            url: "url".into(),
        }
    }
}

/// Which field of an article a JSON key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Text,
    Id,
    Title,
    Source,
    Date,
    Url,
}

impl KeyMap {
    pub(crate) fn field(&self, key: &str) -> Option<Field> {
        // Text first: if two fields share a key name, the text wins.
        if key == self.text {
            Some(Field::Text)
        } else if key == self.id {
            Some(Field::Id)
        } else if key == self.title {
            Some(Field::Title)
        } else if key == self.source {
            Some(Field::Source)
        } else if key == self.date {
            Some(Field::Date)
        } else if key == self.url {
            Some(Field::Url)
        } else {
            None
        }
    }
}

/// How to load articles.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub keys: KeyMap,
    /// Decode every input with this encoding instead of detecting (a byte order mark still wins).
    /// See [`super::encoding_for_name`].
    pub encoding: Option<&'static Encoding>,
    /// Largest single article (a `.txt` file, a JSON Lines line, stdin). Larger inputs are
    /// refused with [`super::LoadError::TooLarge`]. JSON Lines corpora themselves have no limit:
    /// they are read in chunks and never held in memory whole.
    pub max_article_bytes: u64,
    /// Use all cores (rayon's pool). `false` runs everything on the calling thread; the result
    /// is the same, only slower.
    pub parallel: bool,
}

/// 64 MiB: far above any news article, small enough to lay out.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64 << 20;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            keys: KeyMap::default(),
            encoding: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            parallel: true,
        }
    }
}
