//! An article: owned ([`Article`]) or borrowed from the loader's buffers ([`ArticleRef`]).

use std::borrow::Cow;

use super::source::TextHandle;

/// One article, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// File stem, the corpus `id`, or `STEM:LINE` for a corpus line without one.
    pub id: String,
    /// Title: the first line of a `.txt` file when short and followed by a blank line, the corpus
    /// `title`, else the file name (or the id).
    pub title: String,
    /// Where it came from, as the user gave it (a path, `-`, or `bundled:NAME`).
    pub path: String,
    /// The whole text (a `.txt` file's title line included), without any byte order mark.
    pub text: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Name of the encoding it was decoded from (`UTF-8`, `windows-1256`, `ISO-8859-6`,
    /// `UTF-16LE`, `UTF-16BE`).
    pub encoding: &'static str,
    /// Some bytes were invalid and shown as U+FFFD.
    pub lossy: bool,
}

impl Default for Article {
    fn default() -> Self {
        Article {
            id: String::new(),
            title: String::new(),
            path: String::new(),
            text: String::new(),
            source: None,
            date: None,
            url: None,
            encoding: "UTF-8",
            lossy: false,
        }
    }
}

impl Article {
    /// An article from UTF-8 text, without metadata.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        path: impl Into<String>,
        text: impl Into<String>,
    ) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            path: path.into(),
            text: text.into(),
            ..Article::default()
        }
    }
}

/// An article as the loader parsed it, borrowing from its buffers where it can (the text of a
/// JSON Lines line without escapes is not copied). Handed to the `map` of the parallel APIs.
#[derive(Debug, Clone)]
pub struct ArticleRef<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub path: &'a str,
    pub source: Option<Cow<'a, str>>,
    pub date: Option<Cow<'a, str>>,
    pub url: Option<Cow<'a, str>>,
    pub encoding: &'static str,
    pub lossy: bool,
    pub text: Cow<'a, str>,
    pub(crate) handle: TextHandle,
}

impl ArticleRef<'_> {
    /// A cheap handle to read this article's text again later.
    pub fn text_handle(&self) -> TextHandle {
        self.handle.clone()
    }

    /// An owned copy (moves the text when it is already owned).
    pub fn into_article(self) -> Article {
        Article {
            id: self.id.into_owned(),
            title: self.title.into_owned(),
            path: self.path.to_owned(),
            text: self.text.into_owned(),
            source: self.source.map(Cow::into_owned),
            date: self.date.map(Cow::into_owned),
            url: self.url.map(Cow::into_owned),
            encoding: self.encoding,
            lossy: self.lossy,
        }
    }
}
