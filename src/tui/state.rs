//! Everything the reader shows, as plain data. `update` changes it; the views only read it.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

pub use super::open::OpenArticle;

use super::bookmarks::BookmarkList;
use super::catalogue::Catalogue;
use super::doc::{Anchor, Doc, LinePos};
use super::library::LibraryList;
use super::marks::Marks;
use super::panes::{Pane, PaneSettings, Panes, content};
use super::people::PeopleView;
use super::recall::Recall;
use super::theme::Styles;
use crate::attribution::{Extraction, Extractor};
use crate::config::{Config, LibraryPane, LowConfidence, Side, SpeakerSort};
use crate::corpus::Entry;
use crate::text::LayoutOptions;

/// Finds the speakers and quotes of an article's text (the attribution engine, or a test
/// fixture). Shared with the background extraction, so it must be thread-safe.
pub type ExtractFn = Arc<dyn Fn(&str) -> Extraction + Send + Sync>;

/// The attribution engine built into rawi.
pub fn builtin_extractor() -> ExtractFn {
    engine_extractor(Extractor::builtin())
}

/// An attribution engine (e.g. with the config's own word lists) as an [`ExtractFn`].
pub fn engine_extractor(engine: &'static Extractor) -> ExtractFn {
    Arc::new(move |text: &str| engine.extract(text))
}

/// With `low_confidence = "hide"`, the extractor without the attributions under
/// `min_confidence`: every pane (speakers, highlights, people) then goes without them.
pub fn hiding_unsure(extract: ExtractFn, config: &Config) -> ExtractFn {
    let r = &config.reader;
    if r.low_confidence != LowConfidence::Hide {
        return extract;
    }
    let min = r.min_confidence;
    Arc::new(move |text: &str| extract(text).confident(min))
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
    /// Quotes and speakers under this confidence are drawn as unsure (0 with `show`, and with
    /// `hide`, whose extraction has none left).
    pub unsure_below: f32,
}

/// One line of the help overlay: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub action: super::action::Action,
    /// The key sequences bound to the action, shortest first (`["z z"]`, `["j", "↓"]`).
    pub keys: Vec<String>,
    pub what: &'static str,
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The article, its speakers, the library.
    #[default]
    Reader,
    /// Who said what across every open article.
    People,
    /// The bookmarks of the open articles.
    Bookmarks,
}

pub struct State {
    /// Every article open, loading and extracting in the background.
    pub catalogue: Catalogue,
    /// Recently opened articles, the current one first.
    pub open: Vec<OpenArticle>,
    /// Index of the current article in the catalogue.
    pub current: usize,
    pub screen: Screen,
    pub focus: Pane,
    /// Terminal size.
    pub area: Rect,
    pub settings: Settings,
    /// Colours (or, with NO_COLOR, attributes) of every highlight.
    pub styles: Styles,
    pub search: Search,
    pub library: LibraryList,
    pub people: PeopleView,
    pub bookmarks: BookmarkList,
    pub help_open: bool,
    pub help_scroll: usize,
    pub help: Vec<HelpLine>,
    /// A message for the status bar (config problems, "copied"...), until the next key.
    pub notice: Option<String>,
    pub recall: Recall,
    /// The user has done something: the remembered article is not reopened under them.
    pub touched: bool,
    /// Load problems already told about.
    pub problems_told: usize,
    /// Why the reading memory could not be saved at the end, for stderr.
    pub save_error: Option<String>,
}

impl State {
    /// A reader on the catalogue's articles (at least one), showing the first.
    pub fn new(catalogue: Catalogue, config: &Config, area: Rect) -> State {
        State::with_memory(catalogue, config, area, Recall::in_memory())
    }

    /// A reader with its reading memory: the first article opens where it was left, and the
    /// article last open in this corpus is reopened (now, or when the loader brings it).
    pub fn with_memory(catalogue: Catalogue, config: &Config, area: Rect, recall: Recall) -> State {
        assert!(
            catalogue.count() > 0,
            "the reader needs at least one article"
        );
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
            unsure_below: match r.low_confidence {
                LowConfidence::Mark => r.min_confidence,
                LowConfidence::Hide | LowConfidence::Show => 0.0,
            },
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let help = super::action::Action::BINDABLE
            .iter()
            .map(|(action, what)| HelpLine {
                action: *action,
                keys: config.keymap.keys_for(*action),
                what,
            })
            .filter(|line| !line.keys.is_empty())
            .collect();
        let mut state = State {
            catalogue,
            open: Vec::new(),
            current: 0,
            screen: Screen::Reader,
            focus: Pane::Article,
            area,
            settings,
            styles: if super::theme::terminal_has_truecolor() {
                Styles::new(&config.theme, no_color).with_truecolor()
            } else {
                Styles::new(&config.theme, no_color)
            },
            search: Search::default(),
            library: LibraryList::default(),
            people: PeopleView::default(),
            bookmarks: BookmarkList::default(),
            help_open: false,
            help_scroll: 0,
            help,
            notice: None,
            recall,
            touched: false,
            problems_told: 0,
            save_error: None,
        };
        state.open(0);
        super::library::refresh_rows(&mut state);
        super::library::reopen_pending(&mut state);
        state.sync();
        state
    }

    /// Gives a reader already open its reading memory, as [`State::with_memory`] does.
    pub fn attach_memory(&mut self, recall: Recall) {
        self.recall = recall;
        self.open.clear();
        self.open(self.current);
        super::library::reopen_pending(self);
        self.sync();
    }

    /// The current article's metadata.
    pub fn article(&self) -> &Entry {
        self.catalogue.entry(self.current)
    }

    /// The current article's text.
    pub fn text(&self) -> &str {
        &self.open[0].text
    }

    pub fn view(&self) -> &ArticleView {
        &self.open[0].view
    }

    pub fn view_mut(&mut self) -> &mut ArticleView {
        &mut self.open[0].view
    }

    /// The current article's text and its view, borrowed together.
    pub fn text_and_view(&mut self) -> (&str, &mut ArticleView) {
        let open = &mut self.open[0];
        (&open.text, &mut open.view)
    }

    /// A text prompt is open (search, or the speakers view's filter): keys are typed into it.
    pub fn prompt_open(&self) -> bool {
        self.search.editing || self.people.editing
    }

    /// Whether the library is on screen.
    pub fn library_shown(&self) -> bool {
        let auto = self.settings.library_pane == LibraryPane::Auto
            && self.area.width >= super::panes::LIBRARY_PANE_MIN_WIDTH;
        self.catalogue.count() > 1 && self.library.wanted.unwrap_or(auto)
    }

    pub fn panes(&self) -> Option<Panes> {
        self.panes_with(self.focus == Pane::Library)
    }

    /// The panes as they are when the library has not the focus (all of them shown): the
    /// order that moving the focus follows.
    pub fn all_panes(&self) -> Option<Panes> {
        self.panes_with(false)
    }

    fn panes_with(&self, library_focused: bool) -> Option<Panes> {
        Panes::compute(
            self.area,
            PaneSettings {
                article_side: self.settings.article_side,
                speakers_width: self.settings.speakers_width,
                library: self.library_shown(),
                library_focused,
            },
        )
    }

    /// The article text area (below the pane header, left of the badge margin); empty when the
    /// terminal is too small.
    pub fn article_area(&self) -> Rect {
        self.panes()
            .map_or(Rect::default(), |p| super::panes::article_text(p.article))
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
        super::library::keep_selection_visible(self);
        super::people::sync(self);
        super::bookmarks::sync(self);
        if self.panes().is_some_and(|p| p.rect(self.focus).is_none()) {
            self.focus = Pane::Article;
        }
    }

    /// Background work is going on: the event loop ticks to collect it.
    pub fn busy(&self) -> bool {
        self.catalogue.busy() || self.library.searching() || self.finding_speakers()
    }
}
