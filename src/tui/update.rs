//! The one place the state changes: `update(&mut State, Action) -> Vec<Effect>`. Effects that
//! need the outside world (quitting, the clipboard) are returned for the event loop to carry out.

use std::time::Duration;

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::bookmarks;
use super::library;
use super::nav::{self, Placement};
use super::panes::{Pane, content};
use super::people;
use super::roster;
use super::search;
use super::state::{Row, Screen, State};
use crate::config::SpeakerSort;
use crate::text::BidiMode;
use crate::tui::marks::overlapping;

/// Something for the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Put this text on the clipboard (OSC 52).
    CopyToClipboard(String),
}

/// Applies `action` to the state.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Tick | Action::Resize(..)) {
        state.notice = None;
        state.touched = true;
    }
    let mut effects = Vec::new();
    let taken = match state.screen {
        _ if state.help_open => {
            help_key(state, action, &mut effects);
            true
        }
        Screen::People => people::key(state, action),
        Screen::Bookmarks => bookmarks::key(state, action),
        Screen::Reader => false,
    };
    if !taken {
        apply(state, action, &mut effects);
    }
    state.sync();
    // Partial speaker indexes only while something shows them.
    let wanted = state.screen == Screen::People || state.library.parsed.speaker.is_some();
    state.catalogue.want_partial_index(wanted);
    effects
}

/// While the help is open, keys scroll it or close it.
fn help_key(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let page = state.area.height.saturating_sub(4).max(1) as usize;
    match action {
        Action::Down | Action::Wheel(_, _, 1..) => state.help_scroll += 1,
        Action::Up | Action::Wheel(..) => state.help_scroll = state.help_scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => state.help_scroll += page,
        Action::PageUp | Action::HalfPageUp => {
            state.help_scroll = state.help_scroll.saturating_sub(page)
        }
        Action::Top => state.help_scroll = 0,
        Action::Bottom => state.help_scroll = state.help.len(),
        Action::Quit => effects.push(Effect::Quit),
        Action::Resize(..) | Action::Tick => apply(state, action, effects),
        Action::ToggleHelp | Action::Cancel | Action::Activate | Action::Click(..) => {
            state.help_open = false
        }
        _ => {}
    }
    state.help_scroll = state.help_scroll.min(super::view::help::max_scroll(state));
}

fn apply(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let rows = match state.focus {
        Pane::Article => nav::article_rows(state),
        pane => state.list_rows(pane).max(1),
    } as isize;
    let focus = state.focus;
    match action {
        Action::Down => nav::move_selection(state, focus, 1),
        Action::Up => nav::move_selection(state, focus, -1),
        Action::PageDown => nav::move_selection(state, focus, (rows - 2).max(1)),
        Action::PageUp => nav::move_selection(state, focus, -(rows - 2).max(1)),
        Action::HalfPageDown => nav::move_selection(state, focus, (rows / 2).max(1)),
        Action::HalfPageUp => nav::move_selection(state, focus, -(rows / 2).max(1)),
        Action::Top if focus == Pane::Article => nav::scroll_to_top(state),
        Action::Bottom if focus == Pane::Article => nav::scroll_to_bottom(state),
        Action::Top => nav::move_selection(state, focus, isize::MIN / 2),
        Action::Bottom => nav::move_selection(state, focus, isize::MAX / 2),
        Action::NextPane | Action::PrevPane => cycle_focus(state, action == Action::NextPane),
        Action::FocusLeft | Action::FocusRight => focus_beside(state, action == Action::FocusRight),
        Action::Activate => activate(state),
        Action::ToggleExpand => toggle_expand(state),
        Action::NextSpeaker | Action::PrevSpeaker => {
            nav::step_speaker(state, action == Action::NextSpeaker)
        }
        Action::NextSpeakerQuote | Action::PrevSpeakerQuote => {
            nav::step_speaker_quote(state, action == Action::NextSpeakerQuote)
        }
        Action::NextQuote | Action::PrevQuote => {
            nav::step_quote(state, action == Action::NextQuote)
        }
        Action::NextHitOrQuote | Action::PrevHitOrQuote => {
            let forward = action == Action::NextHitOrQuote;
            if search::has_hits(state) {
                search::step_hit(state, forward)
            } else if search::searching_article(state) {
                // A search without hits (the status bar says so): n stays on it rather than
                // jumping to a quote.
            } else {
                nav::step_speaker_quote(state, forward)
            }
        }
        Action::NextArticle => nav::open_article(state, state.current + 1),
        Action::CorpusSpeakers => people::toggle(state),
        Action::ToggleBookmark => bookmarks::toggle(state),
        Action::ListBookmarks => bookmarks::open_list(state),
        Action::PrevArticle if state.current > 0 => nav::open_article(state, state.current - 1),
        Action::PrevArticle => {}
        Action::Search => search::start(state),
        Action::SearchChar(c) => search::type_char(state, c),
        Action::SearchBackspace => search::backspace(state),
        Action::SearchConfirm => search::confirm(state),
        Action::Cancel => cancel(state),
        Action::ToggleHighlights => state.settings.highlights = !state.settings.highlights,
        // The text engine shapes only text it lays out for display (`--bidi app|terminal`).
        Action::ToggleShaping if state.settings.layout.bidi == BidiMode::Off => {
            state.notice = Some("shaping is unavailable with bidi off (--bidi app)".into())
        }
        Action::ToggleShaping => state.settings.layout.shape = !state.settings.layout.shape,
        Action::ToggleReveal => state.settings.layout.reveal = !state.settings.layout.reveal,
        Action::ToggleSort => {
            state.settings.sort = match state.settings.sort {
                SpeakerSort::Appearance => SpeakerSort::Quotes,
                SpeakerSort::Quotes => SpeakerSort::Appearance,
            }
        }
        Action::ToggleLibrary => toggle_library(state),
        Action::ToggleHelp => {
            state.help_open = true;
            state.help_scroll = 0;
        }
        Action::CenterFocus => place_focus(state, Placement::Center),
        Action::FocusToTop => place_focus(state, Placement::Top),
        Action::FocusToBottom => place_focus(state, Placement::Bottom),
        Action::CopyQuote => copy_quote(state, effects),
        Action::Quit => effects.push(Effect::Quit),
        Action::DebugPanic => panic!("debug_panic: a deliberate crash to test terminal restoring"),
        Action::Noop => {}
        Action::Resize(width, height) => state.area = Rect::new(0, 0, width, height),
        Action::Click(x, y) => click(state, Position { x, y }),
        Action::Wheel(x, y, lines) => wheel(state, Position { x, y }, lines as isize),
        Action::Tick => tick(state),
    }
}

fn cycle_focus(state: &mut State, forward: bool) {
    let Some(panes) = state.all_panes() else {
        return;
    };
    let order: Vec<Pane> = [Pane::Article, Pane::Speakers, Pane::Library]
        .into_iter()
        .filter(|p| panes.rect(*p).is_some())
        .collect();
    let at = order.iter().position(|p| *p == state.focus).unwrap_or(0);
    let n = order.len();
    state.focus = order[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }];
}

/// h/l and the arrows follow what the user sees: the pane to the left or right.
fn focus_beside(state: &mut State, right: bool) {
    let Some(panes) = state.all_panes() else {
        return;
    };
    let order = panes.left_to_right();
    let at = order.iter().position(|p| *p == state.focus).unwrap_or(0);
    let to = if right {
        (at + 1).min(order.len() - 1)
    } else {
        at.saturating_sub(1)
    };
    state.focus = order[to];
}

fn activate(state: &mut State) {
    match state.focus {
        Pane::Speakers => match state.view().speakers.selected {
            Some(Row::Speaker(s)) => {
                state.view_mut().speakers.expanded.insert(s);
                nav::select_speaker(state, s);
            }
            Some(Row::Quote(q)) => nav::focus_quote(state, q),
            None => {}
        },
        Pane::Library => {
            if state.library.rows.is_empty() {
                return;
            }
            let index = state.library.selected;
            // Opened from a `speaker:` query: on that speaker's first quote, so that `n` and
            // `}` walk their quotes.
            match library::speaker_quote_in(state, index) {
                Some(quote) => people::open_quote(state, &quote),
                None => nav::open_article(state, index),
            }
            state.focus = Pane::Article;
            // Opened from a text search: its hits are shown in the article; else no search
            // of another article is left in the status bar.
            let words = state.library.parsed.words.clone();
            if !words.is_empty() {
                search::show_hits(state, &words);
            } else {
                search::clear_article_search(state);
            }
        }
        Pane::Article => {
            if let Some(q) = state.view().focused_quote {
                nav::focus_quote(state, q);
            }
        }
    }
}

fn toggle_expand(state: &mut State) {
    let Some(row) = state.view().speakers.selected else {
        return;
    };
    let Some(speaker) = state.row_speaker(row) else {
        return;
    };
    let list = &mut state.view_mut().speakers;
    if !list.expanded.remove(&speaker) {
        list.expanded.insert(speaker);
    } else {
        list.selected = Some(Row::Speaker(speaker));
    }
}

/// Esc: the prompt first, then what the focused pane shows (the library's filter), then the
/// article search, then the library on demand, then the focused quote.
fn cancel(state: &mut State) {
    let library_filtered = state.focus == Pane::Library && !state.library.query.is_empty();
    if state.search.editing || (state.search.target.is_some() && !library_filtered) {
        search::cancel(state);
    } else if library_filtered {
        library::set_query(state, "");
    } else if state.library.wanted == Some(true) && state.focus == Pane::Library {
        toggle_library(state);
    } else {
        state.view_mut().focused_quote = None;
    }
}

fn toggle_library(state: &mut State) {
    if state.catalogue.count() < 2 {
        state.notice = Some("only one article is open".into());
        return;
    }
    let shown = !state.library_shown();
    state.library.wanted = Some(shown);
    state.library.selected = state.current;
    state.focus = if shown { Pane::Library } else { Pane::Article };
}

fn place_focus(state: &mut State, placement: Placement) {
    let Some(range) = state.focused_range() else {
        return;
    };
    // `z b`: the quote's last line on the bottom row, so the whole quote shows when it fits.
    let last = state.text()[..range.end]
        .char_indices()
        .last()
        .map_or(range.start, |(i, _)| i.max(range.start));
    if placement == Placement::Bottom
        && nav::lines_between(state, range.start, last) < nav::article_rows(state)
    {
        nav::place(state, last, placement);
    } else if placement == Placement::Bottom {
        nav::place(state, range.start, Placement::Top);
    } else {
        nav::place(state, range.start, placement);
    }
}

fn copy_quote(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(range) = state.focused_range() else {
        state.notice = Some("no quote in focus (use ) or ] to focus one)".into());
        return;
    };
    let text = state.text()[range].to_string();
    state.notice = Some(format!(
        "copied the quote ({} characters)",
        text.chars().count()
    ));
    effects.push(Effect::CopyToClipboard(text));
}

/// The pane whose rectangle holds `at`.
fn pane_at(state: &State, at: Position) -> Option<(Pane, Rect)> {
    let panes = state.panes()?;
    [Pane::Article, Pane::Speakers, Pane::Library]
        .into_iter()
        .find_map(|p| panes.rect(p).filter(|r| r.contains(at)).map(|r| (p, r)))
}

fn click(state: &mut State, at: Position) {
    let Some((pane, rect)) = pane_at(state, at) else {
        return;
    };
    state.focus = pane;
    let area = content(rect);
    if !area.contains(at) {
        return;
    }
    let row = (at.y - area.y) as usize;
    match pane {
        Pane::Speakers => {
            let rows = roster::rows(state);
            let offset = state.view().speakers.offset;
            if let Some(&r) = rows.get(offset + row) {
                state.view_mut().speakers.selected = Some(r);
                activate(state);
            }
        }
        Pane::Library => {
            if let Some(&index) = state.library.rows.get(state.library.offset + row) {
                state.library.selected = index;
                activate(state);
            }
        }
        Pane::Article => {
            // The text area: the badge margin holds no text.
            let area = state.article_area();
            if !area.contains(at) {
                return;
            }
            let Some(offset) = article_offset_at(state, area, at) else {
                return;
            };
            let quotes = &state.view().marks.quotes;
            let hit = overlapping(quotes, offset..offset + 1).next();
            if let Some(q) = hit {
                nav::focus_quote(state, q);
            }
        }
    }
}

/// The article byte offset painted at screen position `at` of the article content `area`.
fn article_offset_at(state: &State, area: Rect, at: Position) -> Option<usize> {
    let view = state.view();
    let visible = view.doc.visible(state.top_line(), area.height as usize);
    let (para, line) = visible.get((at.y - area.y) as usize)?;
    let x = at.x - area.x;
    let indent = line.indent(area.width);
    let glyph = line
        .glyphs
        .iter()
        .find(|g| x >= indent + g.col && x < indent + g.col + g.width as u16)?;
    Some(view.doc.para_range(*para).start + glyph.logical.start as usize)
}

fn wheel(state: &mut State, at: Position, lines: isize) {
    match pane_at(state, at) {
        Some((Pane::Article, _)) => nav::scroll(state, lines),
        Some((pane, _)) => nav::move_selection(state, pane, lines),
        None => {}
    }
}

/// Takes in what the background work has ready.
fn tick(state: &mut State) {
    state.adopt_found_speakers();
    let changes = state.catalogue.poll(Duration::ZERO);
    library::tick(state, changes);
    people::tick(state, changes);
    if changes.merging {
        state.catalogue.merging_acknowledged();
    }
    tell_problems(state);
}

/// Says in the status bar when inputs could not be opened (they are listed on stderr on exit).
fn tell_problems(state: &mut State) {
    let problems = state.catalogue.library().problems();
    if problems.len() <= state.problems_told || state.notice.is_some() {
        return;
    }
    let first = problems[state.problems_told].to_string();
    let more = problems.len() - state.problems_told - 1;
    state.problems_told = problems.len();
    state.notice = Some(if more > 0 {
        format!("{first} (and {more} more, listed on exit)")
    } else {
        first
    });
}
