//! Bookmarks: `m` toggles one at the top line of the article, `'` lists those of the open
//! articles (article title, the words there), Enter goes back to one. They live in the reading
//! memory, so they outlast the session.

use ratatui::layout::Rect;

use super::action::Action;
use super::doc::Anchor;
use super::nav;
use super::panes::{Pane, scroll_to_show};
use super::recall::Recall;
use super::state::{Screen, State};

/// How much text a row shows after the bookmarked place.
const SNIPPET_BYTES: usize = 300;

#[derive(Debug, Clone, Default)]
pub struct BookmarkList {
    pub rows: Vec<BookmarkRow>,
    pub selected: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkRow {
    /// Index of the article in the catalogue.
    pub article: usize,
    pub at: Anchor,
    /// The text from the bookmarked place to the end of its paragraph (its start).
    pub snippet: String,
}

/// `m`: bookmarks the top line of the article, or removes the bookmark there.
pub fn toggle(state: &mut State) {
    let at = state.view().shown;
    let entry = state.catalogue.entry(state.current);
    let now = state.recall.toggle_bookmark(entry, at);
    let bookmarks = state.recall.bookmarks(entry);
    let count = bookmarks.len();
    state.open[0].bookmarks = bookmarks;
    state.notice = Some(if now {
        format!("bookmarked ({count} in this article; ' lists them)")
    } else {
        format!("bookmark removed ({count} left in this article)")
    });
}

/// The list area of the screen: below the header row, above the status bar.
pub fn list_area(state: &State) -> Rect {
    let a = state.area;
    Rect::new(a.x, a.y + 1, a.width, a.height.saturating_sub(2))
}

/// `'`: lists the bookmarks of the open articles.
pub fn open_list(state: &mut State) {
    let marks = state.recall.memory.all_bookmarks();
    let marks: Vec<(String, Anchor)> = marks
        .into_iter()
        .map(|(key, p)| {
            let at = Anchor {
                para: p.paragraph,
                offset: p.offset,
            };
            (key.to_string(), at)
        })
        .collect();
    let mut rows = Vec::new();
    let mut last: Option<(String, Option<usize>)> = None;
    for (key, at) in marks {
        let article = match &last {
            Some((k, found)) if *k == key => *found,
            _ => {
                let found = find_article(state, &key);
                last = Some((key.clone(), found));
                found
            }
        };
        if let Some(article) = article {
            let snippet = snippet(state, article, at);
            rows.push(BookmarkRow {
                article,
                at,
                snippet,
            });
        }
    }
    rows.sort_by_key(|r| (r.article, r.at));
    if rows.is_empty() {
        state.notice = Some("no bookmarks in the open articles (m bookmarks the top line)".into());
        return;
    }
    state.bookmarks = BookmarkList {
        rows,
        selected: 0,
        offset: 0,
    };
    state.screen = Screen::Bookmarks;
}

/// The open article remembered by `key`, if any.
fn find_article(state: &mut State, key: &str) -> Option<usize> {
    (0..state.catalogue.count()).find(|&i| {
        let entry = state.catalogue.entry(i);
        Recall::might_be(key, entry) && state.recall.key(entry) == key
    })
}

fn snippet(state: &State, article: usize, at: Anchor) -> String {
    let Ok(text) = state.catalogue.entry(article).text() else {
        return String::new();
    };
    let doc = super::doc::Doc::new(&text);
    let at = doc.clamp(at);
    let para = doc.para_range(at.para);
    let mut start = para.start + at.offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = para.end.min(start + SNIPPET_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].trim().to_string()
}

/// Keys on the bookmarks screen. Returns false for keys it leaves to the reader.
pub fn key(state: &mut State, action: Action) -> bool {
    let rows = list_area(state).height.max(1) as isize;
    let list = &mut state.bookmarks;
    let by = match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown | Action::HalfPageDown => (rows / 2).max(1),
        Action::PageUp | Action::HalfPageUp => -(rows / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        // As on the speakers screen: l / → go there like Enter, h / ← back like Esc.
        Action::Activate | Action::FocusRight => {
            jump(state);
            return true;
        }
        Action::Cancel | Action::FocusLeft | Action::ListBookmarks => {
            state.screen = Screen::Reader;
            return true;
        }
        _ => return false,
    };
    if !list.rows.is_empty() {
        list.selected =
            (list.selected as isize + by).clamp(0, list.rows.len() as isize - 1) as usize;
    }
    // `update` then scrolls the list to the selection (`sync`).
    true
}

/// Keeps the selected bookmark in view, the list filling the screen.
pub fn sync(state: &mut State) {
    let height = list_area(state).height as usize;
    let list = &mut state.bookmarks;
    let selected = (!list.rows.is_empty()).then_some(list.selected);
    list.offset = scroll_to_show(list.offset, selected, list.rows.len(), height);
}

fn jump(state: &mut State) {
    let Some(row) = state.bookmarks.rows.get(state.bookmarks.selected).cloned() else {
        return;
    };
    nav::open_article(state, row.article);
    let at = state.view().doc.clamp(row.at);
    state.view_mut().top = at;
    state.screen = Screen::Reader;
    state.focus = Pane::Article;
}
