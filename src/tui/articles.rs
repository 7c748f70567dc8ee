//! The reader's view of the open articles: a small interface, so that a lazily loaded library
//! of a huge corpus can replace the plain list without touching the reader.

use crate::corpus::Article;

/// The articles the reader can show, by index.
pub trait ArticleList {
    fn count(&self) -> usize;
    /// The article at `index` (< `count()`).
    fn article(&self, index: usize) -> &Article;
}

impl ArticleList for Vec<Article> {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, index: usize) -> &Article {
        &self[index]
    }
}
