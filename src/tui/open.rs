//! Opening an article in the reader: its text read (once, while it stays among the few kept
//! open), its speakers found, laid out at the pane's width, and its reading position and
//! bookmarks brought back from the reading memory; the position of the article left is
//! remembered.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::attribution::Extraction;

use super::doc::{Anchor, Doc};
use super::indexer::Summary;
use super::marks::Marks;
use super::state::{ArticleView, SpeakerList, State};

/// An article opened in this session: its text (read once, when opened) and its view.
pub struct OpenArticle {
    /// Index in the catalogue.
    pub index: usize,
    pub text: String,
    /// The text folded for search, made by the first search in it.
    pub folded: Option<crate::arabic::Folded>,
    /// Bookmarked places, sorted.
    pub bookmarks: Vec<Anchor>,
    pub view: ArticleView,
    /// The speakers of a long article, still being found on another thread.
    pub pending: Option<Receiver<Extraction>>,
}

/// Articles kept open (text, layout, speakers list state) besides the current one.
pub(super) const KEPT_OPEN: usize = 8;

/// Articles longer than this have their speakers found on another thread: the text shows at
/// once and keys work while they are found (a 40 MB article took seconds).
pub const FIND_SPEAKERS_AFTER_BYTES: usize = 256 * 1024;

impl State {
    /// Makes article `index` the current one: its text is read and its speakers found the first
    /// time (or again once it has left the few kept open), and the reading position comes back.
    pub fn open(&mut self, index: usize) {
        if self.open.first().is_some_and(|o| o.index == index) {
            self.current = index;
            return;
        }
        if let Some(leaving) = self.open.first() {
            let (entry, at) = (self.catalogue.entry(leaving.index), leaving.view.shown);
            self.recall.remember(entry, at);
        }
        let article = match self.open.iter().position(|o| o.index == index) {
            Some(at) => self.open.remove(at),
            None => self.read_article(index),
        };
        self.open.insert(0, article);
        self.open.truncate(KEPT_OPEN);
        self.current = index;
        self.library.selected = index;
        let entry = self.catalogue.entry(index);
        self.recall.opened(entry);
    }

    fn read_article(&mut self, index: usize) -> OpenArticle {
        let entry = self.catalogue.entry(index);
        let text = match entry.text() {
            Ok(text) => text.into_owned(),
            Err(e) => {
                self.notice = Some(e.to_string());
                String::new()
            }
        };
        let (extraction, pending) = if text.len() > FIND_SPEAKERS_AFTER_BYTES {
            let (tx, rx) = mpsc::channel();
            let (extract, copy) = (self.catalogue.extract_fn().clone(), text.clone());
            std::thread::Builder::new()
                .name("rawi-speakers".into())
                .spawn(move || {
                    let _ = tx.send(extract(&copy));
                })
                .expect("spawning a thread");
            (Arc::new(Extraction::default()), Some(rx))
        } else {
            let extraction = (self.catalogue.extract_fn())(&text);
            self.catalogue.set_summary(index, summary_of(&extraction));
            (Arc::new(extraction), None)
        };
        let mut doc = Doc::new(&text);
        let entry = self.catalogue.entry(index);
        let top = self
            .recall
            .position(entry)
            .map(|at| doc.clamp(at))
            .unwrap_or_default();
        // Laid out at the pane's width at once, so that moving in it before the next frame is
        // computed on the right lines.
        doc.set_layout(self.article_area().width.max(1), &self.settings.layout);
        let bookmarks = self.recall.bookmarks(entry);
        OpenArticle {
            index,
            text,
            folded: None,
            bookmarks,
            pending,
            view: ArticleView {
                doc,
                top,
                shown: top,
                marks: Marks::new(&extraction, self.settings.unsure_below),
                extraction,
                focused_quote: None,
                speakers: SpeakerList::default(),
            },
        }
    }

    /// Whether the speakers of an open article are still being found.
    pub fn finding_speakers(&self) -> bool {
        self.open.iter().any(|o| o.pending.is_some())
    }

    /// Takes in the speakers found on another thread (see [`FIND_SPEAKERS_AFTER_BYTES`]).
    pub fn adopt_found_speakers(&mut self) {
        for at in 0..self.open.len() {
            let Some(rx) = &self.open[at].pending else {
                continue;
            };
            let extraction = match rx.try_recv() {
                Ok(extraction) => extraction,
                Err(mpsc::TryRecvError::Empty) => continue,
                Err(mpsc::TryRecvError::Disconnected) => Extraction::default(),
            };
            let article = &mut self.open[at];
            article.pending = None;
            self.catalogue
                .set_summary(article.index, summary_of(&extraction));
            article.view.marks = Marks::new(&extraction, self.settings.unsure_below);
            article.view.extraction = Arc::new(extraction);
            article.view.speakers = SpeakerList::default();
            article.view.focused_quote = None;
        }
    }

    /// The reading position of the current article, into the memory (before quitting).
    pub fn remember_position(&mut self) {
        let at = self.view().shown;
        let entry = self.catalogue.entry(self.current);
        self.recall.remember(entry, at);
    }
}

fn summary_of(extraction: &Extraction) -> Summary {
    Summary {
        speakers: extraction.speakers.len() as u32,
        quotes: extraction.quotes.len() as u32,
    }
}
