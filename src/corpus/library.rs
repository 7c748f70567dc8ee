//! A [`Library`]: the articles of a session as a list of entries holding metadata and a way to
//! read the text again, never the text itself. A 55 MB corpus costs a few MB of entries.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use super::pipeline::{Batch, Control, Run};
use super::source::{Form, Origin, TextHandle};
use super::{Article, ArticleRef, LoadError, LoadOptions};

/// One article of a [`Library`]: its metadata, and its text on demand.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Where it came from, as the user gave it (a path, `-`, or `bundled:NAME`).
    pub path: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Name of the encoding the text is decoded from (see [`Article::encoding`]).
    pub encoding: &'static str,
    /// Some bytes were invalid and are shown as U+FFFD.
    pub lossy: bool,
    handle: TextHandle,
}

impl PartialEq for Entry {
    /// Same metadata and same bytes of the same input.
    fn eq(&self, other: &Entry) -> bool {
        (
            &self.id,
            &self.title,
            &self.path,
            &self.source,
            &self.date,
            &self.url,
            self.encoding,
            self.lossy,
            &self.handle.range,
        ) == (
            &other.id,
            &other.title,
            &other.path,
            &other.source,
            &other.date,
            &other.url,
            other.encoding,
            other.lossy,
            &other.handle.range,
        )
    }
}

impl Entry {
    pub(crate) fn from_ref(a: ArticleRef<'_>) -> Entry {
        Entry {
            id: a.id.into_owned(),
            title: a.title.into_owned(),
            path: a.path.to_owned(),
            source: a.source.map(Cow::into_owned),
            date: a.date.map(Cow::into_owned),
            url: a.url.map(Cow::into_owned),
            encoding: a.encoding,
            lossy: a.lossy,
            handle: a.handle,
        }
    }

    /// The text, read and decoded now (a few microseconds for a news article). An error, never
    /// a panic or wrong text, when the file changed or disappeared since it was opened.
    pub fn text(&self) -> Result<Cow<'_, str>, LoadError> {
        self.handle.text()
    }

    /// A cheap, thread-safe handle to the text (for work on other threads).
    pub fn text_handle(&self) -> &TextHandle {
        &self.handle
    }

    /// The article with its text.
    pub fn to_article(&self) -> Result<Article, LoadError> {
        Ok(Article {
            id: self.id.clone(),
            title: self.title.clone(),
            path: self.path.clone(),
            text: self.text()?.into_owned(),
            source: self.source.clone(),
            date: self.date.clone(),
            url: self.url.clone(),
            encoding: self.encoding,
            lossy: self.lossy,
        })
    }
}

/// The articles open in a session, in input order, and the problems met opening them.
#[derive(Debug, Default)]
pub struct Library {
    entries: Vec<Entry>,
    problems: Vec<LoadError>,
}

impl Library {
    /// Opens `paths` and waits until all are indexed (on all cores unless
    /// `opts.parallel` is false). With no paths, the bundled samples.
    /// For a reader that must not wait, see [`super::open_in_background`].
    pub fn open(paths: &[PathBuf], opts: &LoadOptions) -> Library {
        if paths.is_empty() {
            return Library::bundled();
        }
        let mut library = Library::default();
        let mut emit = |batch: Batch<Entry>| {
            library.add(batch);
            true
        };
        Run {
            opts,
            map: &Entry::from_ref,
            control: Control::default(),
            emit: &mut emit,
            stopped: false,
        }
        .run(paths);
        library
    }

    /// The sample articles built into the binary.
    pub fn bundled() -> Library {
        Library {
            entries: super::BUNDLED
                .iter()
                .map(|&(name, text)| Entry {
                    id: name.into(),
                    title: super::txt::title_or(text, name.into()).into_owned(),
                    path: format!("bundled:{name}"),
                    source: None,
                    date: None,
                    url: None,
                    encoding: "UTF-8",
                    lossy: false,
                    handle: TextHandle::from_static(text),
                })
                .collect(),
            problems: Vec::new(),
        }
    }

    /// A library of articles already in memory (tests, benchmarks, text made on the fly): each
    /// entry's text is held in memory, as for stdin.
    pub fn from_articles(articles: Vec<Article>) -> Library {
        let entries = articles
            .into_iter()
            .map(|a| {
                let bytes: Arc<[u8]> = Arc::from(a.text.into_bytes());
                let handle = TextHandle {
                    origin: Origin::Memory(Arc::from(a.path.as_str()), bytes.clone()),
                    range: 0..bytes.len() as u64,
                    form: Form::Plain(encoding_rs::UTF_8),
                };
                Entry {
                    id: a.id,
                    title: a.title,
                    path: a.path,
                    source: a.source,
                    date: a.date,
                    url: a.url,
                    encoding: a.encoding,
                    lossy: a.lossy,
                    handle,
                }
            })
            .collect();
        Library {
            entries,
            problems: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, batch: Batch<Entry>) -> usize {
        let before = self.entries.len();
        for item in batch {
            match item {
                Ok(entry) => self.entries.push(entry),
                Err(e) => self.problems.push(e),
            }
        }
        self.entries.len() - before
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Problems met so far, in input order (warnings included, see [`LoadError::is_warning`]).
    pub fn problems(&self) -> &[LoadError] {
        &self.problems
    }

    /// Handles to every entry's text, for work on other threads (e.g. the speaker index).
    pub fn text_handles(&self) -> Vec<TextHandle> {
        self.entries.iter().map(|e| e.handle.clone()).collect()
    }
}
