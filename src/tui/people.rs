//! Who said what across every open article (the `S` screen): the speakers of the corpus-wide
//! index (merged across articles by name and aliases) with their numbers of articles and quotes,
//! sorted by quotes or name, filtered as you type. A speaker opens into their quotes across
//! articles (article title, first words); Enter on a quote opens that article scrolled to it.

use super::catalogue::drop_elsewhere;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::catalogue::Changes;
use super::nav;
use super::panes::{Pane, scroll_to_show};
use super::state::{Screen, State};
use crate::index::{IndexedSpeaker, QuoteRef, SortBy, SpeakerIndex, name_key};

/// How much of a quote is kept for its row (a row shows only its first words).
const PREVIEW_BYTES: usize = 400;

pub struct PeopleView {
    pub sort: SortBy,
    pub filter: String,
    /// The filter prompt is open.
    pub editing: bool,
    /// The index shown; a newer one from the background replaces it while no speaker is open.
    pub index: Option<Arc<SpeakerIndex>>,
    /// The speakers listed (indices into the index), in order.
    pub order: Vec<usize>,
    /// Every speaker in the chosen order (sorted once per index and order, filtered per key).
    sorted: Vec<usize>,
    /// The folded filter `order` was made with: a longer one only narrows it down.
    order_key: Option<String>,
    /// Selected row and first row shown, in `order`.
    pub selected: usize,
    pub offset: usize,
    pub opened: Option<OpenedSpeaker>,
    /// The selected speaker's name while no index is held (during the final merge).
    remembered: Option<String>,
    /// First words of the quotes on screen, by (article, start byte); `None`: unreadable.
    pub previews: HashMap<(usize, usize), Option<String>>,
}

/// A speaker whose quotes are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenedSpeaker {
    pub speaker: usize,
    pub selected: usize,
    pub offset: usize,
}

impl Default for PeopleView {
    fn default() -> Self {
        PeopleView {
            sort: SortBy::Quotes,
            filter: String::new(),
            editing: false,
            index: None,
            order: Vec::new(),
            sorted: Vec::new(),
            order_key: None,
            selected: 0,
            offset: 0,
            opened: None,
            remembered: None,
            previews: HashMap::new(),
        }
    }
}

impl PeopleView {
    pub fn speaker(&self, i: usize) -> Option<&IndexedSpeaker> {
        self.index.as_ref()?.speakers().get(i)
    }

    /// The speaker whose quotes are listed.
    pub fn opened_speaker(&self) -> Option<&IndexedSpeaker> {
        self.speaker(self.opened?.speaker)
    }
}

/// The list area of the screen: below the header row, above the status bar.
pub fn list_area(state: &State) -> Rect {
    let a = state.area;
    Rect::new(a.x, a.y + 1, a.width, a.height.saturating_sub(2))
}

/// `S`: shows the speakers of every open article (or goes back to the reader).
pub fn toggle(state: &mut State) {
    if state.screen == Screen::People {
        state.screen = Screen::Reader;
        return;
    }
    state.screen = Screen::People;
    if state.people.opened.is_none() {
        adopt_index(state);
    }
}

/// Takes a newer index from the background (unless a speaker's quotes are being read), or lets
/// go of the partial one while the whole one is merged.
pub fn tick(state: &mut State, changes: Changes) {
    let people = &mut state.people;
    if changes.merging && people.opened.is_none() {
        people.remembered = selected_name(people);
        drop_elsewhere(people.index.take());
        people.order.clear();
        people.sorted.clear();
    }
    if changes.new_index && state.screen == Screen::People && state.people.opened.is_none() {
        adopt_index(state);
    }
}

fn adopt_index(state: &mut State) {
    let Some(index) = state.catalogue.index().cloned() else {
        return;
    };
    let selected_name = selected_name(&state.people).or(state.people.remembered.take());
    drop_elsewhere(state.people.index.replace(index));
    sort(state);
    if let Some(name) = selected_name {
        let people = &mut state.people;
        if let Some(row) = people
            .order
            .iter()
            .position(|&s| people.speaker(s).is_some_and(|sp| sp.name == name))
        {
            people.selected = row;
        }
    }
}

fn selected_name(people: &PeopleView) -> Option<String> {
    let &s = people.order.get(people.selected)?;
    people.speaker(s).map(|s| s.name.clone())
}

fn sort(state: &mut State) {
    let people = &mut state.people;
    people.sorted = match &people.index {
        Some(index) => index.sorted(people.sort),
        None => Vec::new(),
    };
    people.order_key = None;
    refresh_order(state);
}

fn refresh_order(state: &mut State) {
    let people = &mut state.people;
    let key = name_key(&people.filter);
    // Typing on narrows the list already filtered; anything else starts from all speakers.
    let from = match &people.order_key {
        Some(previous) if key.starts_with(previous.as_str()) => &people.order,
        _ => &people.sorted,
    };
    people.order = match &people.index {
        Some(index) => (from.iter().copied())
            .filter(|&s| index.speakers()[s].matches_key(&key))
            .collect(),
        None => Vec::new(),
    };
    people.order_key = Some(key);
    people.selected = people.selected.min(people.order.len().saturating_sub(1));
}

/// Keys on the speakers screen. Returns false for keys it leaves to the reader (quit, help).
pub fn key(state: &mut State, action: Action) -> bool {
    let rows = list_area(state).height.max(1) as isize;
    if state.people.editing {
        match action {
            Action::SearchChar(c) => edit_filter(state, |f| f.push(c)),
            Action::SearchBackspace => edit_filter(state, |f| {
                f.pop();
            }),
            Action::SearchConfirm => state.people.editing = false,
            Action::Cancel => {
                state.people.editing = false;
                edit_filter(state, String::clear);
            }
            Action::Quit | Action::Resize(..) | Action::Tick => return false,
            _ => {}
        }
        return true;
    }
    match action {
        Action::Down => move_selection(state, 1),
        Action::Up => move_selection(state, -1),
        Action::PageDown => move_selection(state, (rows - 2).max(1)),
        Action::PageUp => move_selection(state, -(rows - 2).max(1)),
        Action::HalfPageDown => move_selection(state, (rows / 2).max(1)),
        Action::HalfPageUp => move_selection(state, -(rows / 2).max(1)),
        Action::Top => move_selection(state, isize::MIN / 2),
        Action::Bottom => move_selection(state, isize::MAX / 2),
        // l / → open like Enter, h / ← step back like Esc (one level at a time).
        Action::Activate | Action::FocusRight => activate(state),
        Action::Search if state.people.opened.is_none() => {
            state.people.editing = true;
        }
        Action::ToggleSort => {
            state.people.sort = match state.people.sort {
                SortBy::Quotes => SortBy::Name,
                SortBy::Name => SortBy::Quotes,
            };
            sort(state);
            state.people.selected = 0;
        }
        Action::Cancel | Action::FocusLeft => match state.people.opened {
            Some(_) => {
                state.people.opened = None;
                state.people.previews.clear();
                adopt_index(state);
            }
            None if !state.people.filter.is_empty() => edit_filter(state, String::clear),
            None => state.screen = Screen::Reader,
        },
        Action::CorpusSpeakers => state.screen = Screen::Reader,
        _ => return false,
    }
    true
}

fn edit_filter(state: &mut State, edit: impl FnOnce(&mut String)) {
    edit(&mut state.people.filter);
    refresh_order(state);
    state.people.selected = 0;
    state.people.offset = 0;
}

fn move_selection(state: &mut State, by: isize) {
    let people = &mut state.people;
    let (selected, len) = match &mut people.opened {
        Some(opened) => {
            let len = people
                .index
                .as_ref()
                .and_then(|i| i.speakers().get(opened.speaker))
                .map_or(0, |s| s.quotes.len());
            (&mut opened.selected, len)
        }
        None => (&mut people.selected, people.order.len()),
    };
    if len > 0 {
        *selected = (*selected as isize + by).clamp(0, len as isize - 1) as usize;
    }
}

fn activate(state: &mut State) {
    let people = &mut state.people;
    match people.opened {
        None => {
            if let Some(&speaker) = people.order.get(people.selected) {
                people.opened = Some(OpenedSpeaker {
                    speaker,
                    selected: 0,
                    offset: 0,
                });
                people.previews.clear();
            }
        }
        Some(opened) => {
            let quote = people
                .opened_speaker()
                .and_then(|s| s.quotes.get(opened.selected))
                .cloned();
            if let Some(quote) = quote {
                open_quote(state, &quote);
            }
        }
    }
}

/// Opens the article of `quote` scrolled to it, with the quote in focus.
pub fn open_quote(state: &mut State, quote: &QuoteRef) {
    if quote.article >= state.catalogue.count() {
        return;
    }
    nav::open_article(state, quote.article);
    super::search::clear_article_search(state);
    state.screen = Screen::Reader;
    state.focus = Pane::Article;
    let found = state
        .view()
        .marks
        .quotes
        .iter()
        .position(|m| m.range.start == quote.range.start);
    match found {
        Some(q) => nav::focus_quote(state, q),
        // The article changed since it was indexed: at least go to the place.
        None => nav::place(state, quote.range.start, nav::Placement::Center),
    }
}

/// Keeps selections in view and reads the first words of the quotes on screen.
pub fn sync(state: &mut State) {
    if state.screen != Screen::People {
        return;
    }
    let height = list_area(state).height as usize;
    let people = &mut state.people;
    let len = people.order.len();
    people.offset = scroll_to_show(people.offset, Some(people.selected), len, height);
    let Some(opened) = &mut people.opened else {
        return;
    };
    let Some(speaker) = people
        .index
        .as_ref()
        .and_then(|i| i.speakers().get(opened.speaker))
    else {
        return;
    };
    let len = speaker.quotes.len();
    opened.offset = scroll_to_show(opened.offset, Some(opened.selected), len, height);
    let visible = &speaker.quotes[opened.offset.min(speaker.quotes.len())..];
    let mut last_text: Option<(usize, Option<String>)> = None;
    for quote in visible.iter().take(height) {
        let key = (quote.article, quote.range.start);
        if people.previews.contains_key(&key) {
            continue;
        }
        if last_text.as_ref().is_none_or(|(a, _)| *a != quote.article) {
            let text = (quote.article < state.catalogue.count())
                .then(|| state.catalogue.entry(quote.article).text().ok())
                .flatten()
                .map(|t| t.into_owned());
            last_text = Some((quote.article, text));
        }
        let preview = last_text
            .as_ref()
            .and_then(|(_, t)| t.as_deref())
            .and_then(|t| preview(t, &quote.range));
        people.previews.insert(key, preview);
    }
}

/// The first [`PREVIEW_BYTES`] of `range` in `text`, if the range fits the text.
fn preview(text: &str, range: &Range<usize>) -> Option<String> {
    if range.end > text.len() || !text.is_char_boundary(range.start) {
        return None;
    }
    let mut end = range.end.min(range.start + PREVIEW_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(text[range.start..end].to_string())
}
