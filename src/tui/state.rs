//! Everything the reader shows, as plain data. `update` changes it; the views only read it.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::articles::ArticleList;
use super::doc::{Anchor, Doc, LinePos};
use super::marks::Marks;
use super::panes::{Pane, PaneSettings, Panes, content};
use super::theme::Styles;
use crate::attribution::{Extraction, Extractor};
use crate::config::{Config, LibraryPane, Side, SpeakerSort};
use crate::corpus::Article;
use crate::text::LayoutOptions;

/// Finds the speakers and quotes of an article (the attribution engine, or a test fixture).
pub type ExtractFn = Arc<dyn Fn(&Article) -> Extraction + Send + Sync>;

/// The attribution engine built into rawi.
pub fn builtin_extractor() -> ExtractFn {
    Arc::new(|article: &Article| Extractor::builtin().extract(&article.text))
}

/// A row of the speakers list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    Speaker(usize),
    /// A quote, by index into the article's quotes.
    Quote(usize),
}

/// The speakers list of one article.
#[derive(Debug, Clone, Default)]
pub struct SpeakerList {
    pub selected: Option<Row>,
    /// First row shown.
    pub offset: usize,
    pub expanded: BTreeSet<usize>,
}

/// What the reader knows of one opened article.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub doc: Doc,
    /// Where the reader wants the first line to be, as a logical position (kept across
    /// re-layouts and resizes).
    pub top: Anchor,
    /// The first line actually shown: `top`, pulled back when the text's end would leave empty
    /// rows below it (computed by `sync`).
    pub shown: Anchor,
    pub extraction: Arc<Extraction>,
    pub marks: Marks,
    /// Index of the quote in focus.
    pub focused_quote: Option<usize>,
    pub speakers: SpeakerList,
}

/// The incremental search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The prompt is open: keys edit the query.
    pub editing: bool,
    /// The pane searched: the article (hits) or a list (filter).
    pub target: Option<Pane>,
    /// Hits in the current article, sorted.
    pub hits: Vec<Range<usize>>,
    pub current: Option<usize>,
    /// Where the article was when the prompt opened (restored on cancel).
    pub origin: Option<Anchor>,
}

/// Settings that can change while reading.
#[derive(Debug, Clone)]
pub struct Settings {
    pub layout: LayoutOptions,
    pub highlights: bool,
    pub sort: SpeakerSort,
    pub article_side: Side,
    pub speakers_width: u16,
    pub library_pane: LibraryPane,
    pub mouse: bool,
}

/// The library list.
#[derive(Debug, Clone, Default)]
pub struct LibraryList {
    pub selected: usize,
    pub offset: usize,
    /// Shown on demand (`Some(true)`), hidden (`Some(false)`), or as configured (`None`).
    pub wanted: Option<bool>,
}

/// One line of the help overlay: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub what: &'static str,
}

pub struct State {
    pub articles: Box<dyn ArticleList>,
    /// Extractions done so far, per article (the current one first, the others when idle).
    pub extractions: Vec<Option<Arc<Extraction>>>,
    pub views: Vec<Option<ArticleView>>,
    pub current: usize,
    pub focus: Pane,
    /// Terminal size.
    pub area: Rect,
    pub settings: Settings,
    /// Colours (or, with NO_COLOR, attributes) of every highlight.
    pub styles: Styles,
    pub search: Search,
    pub library: LibraryList,
    pub help_open: bool,
    pub help_scroll: usize,
    pub help: Vec<HelpLine>,
    /// A message for the status bar (config problems, "copied"...), until the next key.
    pub notice: Option<String>,
    pub extract: ExtractFn,
}

impl State {
    /// A reader on `articles` (at least one), showing the first.
    pub fn new(
        articles: Box<dyn ArticleList>,
        config: &Config,
        extract: ExtractFn,
        area: Rect,
    ) -> State {
        let count = articles.count();
        assert!(count > 0, "the reader needs at least one article");
        let r = &config.reader;
        let settings = Settings {
            layout: LayoutOptions {
                shape: r.shape,
                dir: r.dir,
                bidi: r.bidi,
                reveal: r.reveal,
                ..LayoutOptions::default()
            },
            highlights: r.highlights,
            sort: r.speaker_sort,
            article_side: r.article_side,
            speakers_width: r.speakers_width,
            library_pane: r.library_pane,
            mouse: r.mouse,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let help = super::action::Action::BINDABLE
            .iter()
            .map(|(action, what)| HelpLine {
                keys: config.keymap.keys_for(*action).join(" "),
                what,
            })
            .filter(|line| !line.keys.is_empty())
            .collect();
        let mut state = State {
            extractions: vec![None; count],
            views: vec![None; count],
            articles,
            current: 0,
            focus: Pane::Article,
            area,
            settings,
            styles: Styles::new(&config.theme, no_color),
            search: Search::default(),
            library: LibraryList::default(),
            help_open: false,
            help_scroll: 0,
            help,
            notice: None,
            extract,
        };
        state.open(0);
        state.sync();
        state
    }

    pub fn article(&self) -> &Article {
        self.articles.article(self.current)
    }

    pub fn view(&self) -> &ArticleView {
        self.views[self.current]
            .as_ref()
            .expect("current article is open")
    }

    pub fn view_mut(&mut self) -> &mut ArticleView {
        self.views[self.current]
            .as_mut()
            .expect("current article is open")
    }

    /// The current article's text and its view, borrowed together.
    pub fn text_and_view(&mut self) -> (&str, &mut ArticleView) {
        let text = &self.articles.article(self.current).text;
        let view = self.views[self.current]
            .as_mut()
            .expect("current article is open");
        (text, view)
    }

    /// The extraction of article `index`, computing it now if needed.
    pub fn extraction(&mut self, index: usize) -> Arc<Extraction> {
        if let Some(done) = &self.extractions[index] {
            return done.clone();
        }
        let extraction = Arc::new((self.extract)(self.articles.article(index)));
        self.extractions[index] = Some(extraction.clone());
        extraction
    }

    /// Makes article `index` the current one, opening it (extraction, document) the first time.
    pub fn open(&mut self, index: usize) {
        self.current = index;
        self.library.selected = index;
        if self.views[index].is_none() {
            let extraction = self.extraction(index);
            let doc = Doc::new(&self.articles.article(index).text);
            self.views[index] = Some(ArticleView {
                doc,
                top: Anchor::default(),
                shown: Anchor::default(),
                marks: Marks::new(&extraction),
                extraction,
                focused_quote: None,
                speakers: SpeakerList::default(),
            });
        }
    }

    /// Whether the library is on screen.
    pub fn library_shown(&self) -> bool {
        let auto = self.settings.library_pane == LibraryPane::Auto
            && self.area.width >= super::panes::LIBRARY_PANE_MIN_WIDTH;
        self.articles.count() > 1 && self.library.wanted.unwrap_or(auto)
    }

    pub fn panes(&self) -> Option<Panes> {
        Panes::compute(
            self.area,
            PaneSettings {
                article_side: self.settings.article_side,
                speakers_width: self.settings.speakers_width,
                library: self.library_shown(),
            },
        )
    }

    /// The article text area (below the pane header); empty when the terminal is too small.
    pub fn article_area(&self) -> Rect {
        self.panes().map_or(Rect::default(), |p| content(p.article))
    }

    /// Rows of a list pane's content.
    pub fn list_rows(&self, pane: Pane) -> usize {
        self.panes()
            .and_then(|p| p.rect(pane))
            .map_or(0, |r| content(r).height as usize)
    }

    /// The first visual line shown in the article.
    pub fn top_line(&self) -> LinePos {
        let view = self.view();
        let lines = view.doc.cached(view.shown.para).unwrap_or(&[]);
        let line = lines
            .iter()
            .rposition(|l| l.logical.start <= view.shown.offset)
            .unwrap_or(0);
        LinePos {
            para: view.shown.para,
            line,
        }
    }

    /// The quote ranges to show as the focused one, if any.
    pub fn focused_range(&self) -> Option<Range<usize>> {
        let view = self.view();
        view.focused_quote
            .and_then(|q| view.marks.quotes.get(q))
            .map(|m| m.range.clone())
    }

    /// The speaker a row belongs to.
    pub fn row_speaker(&self, row: Row) -> Option<usize> {
        match row {
            Row::Speaker(s) => Some(s),
            Row::Quote(q) => self.view().marks.quotes.get(q).map(|m| m.speaker),
        }
    }

    /// Brings caches and scroll positions in line with the size and settings: lays out the
    /// visible paragraphs (only those), clamps scrolling, keeps list selections in view.
    pub fn sync(&mut self) {
        let area = self.article_area();
        let rows = area.height as usize;
        let layout = self.settings.layout.clone();
        let (text, view) = self.text_and_view();
        view.doc.set_layout(area.width.max(1), &layout);
        // Clamp: the last line may not go above the bottom row.
        let top = view.doc.line_of(text, view.top);
        let last = view.doc.last_line(text);
        let max_top = view
            .doc
            .step(text, last, -(rows.saturating_sub(1) as isize));
        view.shown = if top > max_top {
            view.doc.anchor_of(text, max_top)
        } else {
            view.top
        };
        let shown = view.doc.line_of(text, view.shown);
        view.doc.prepare(text, shown, rows.max(1));
        super::roster::keep_selection_visible(self);
        let lib_rows = self.list_rows(Pane::Library).max(1);
        let lib = &mut self.library;
        lib.selected = lib.selected.min(self.articles.count() - 1);
        lib.offset = lib.offset.min(lib.selected);
        if lib.selected >= lib.offset + lib_rows {
            lib.offset = lib.selected + 1 - lib_rows;
        }
        if self.panes().is_some_and(|p| p.rect(self.focus).is_none()) {
            self.focus = Pane::Article;
        }
    }

    /// Some background work left (articles not yet extracted, for the library counts).
    pub fn has_idle_work(&self) -> bool {
        self.articles.count() > 1 && self.extractions.iter().any(Option::is_none)
    }
}
