//! Opening an article in the reader: its text read (once, while it stays among the few kept
//! open), its speakers found, laid out at the pane's width, and its reading position and
//! bookmarks brought back from the reading memory; the position of the article left is
//! remembered.

use std::sync::Arc;

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
}

/// Articles kept open (text, layout, speakers list state) besides the current one.
pub(super) const KEPT_OPEN: usize = 8;

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
        let extraction = Arc::new((self.catalogue.extract_fn())(&text));
        self.catalogue.set_summary(
            index,
            Summary {
                speakers: extraction.speakers.len() as u32,
                quotes: extraction.quotes.len() as u32,
            },
        );
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

    /// The reading position of the current article, into the memory (before quitting).
    pub fn remember_position(&mut self) {
        let at = self.view().shown;
        let entry = self.catalogue.entry(self.current);
        self.recall.remember(entry, at);
    }
}
