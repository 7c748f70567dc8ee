//! The status bar: the search prompt or a notice, the reading position, the focused quote and
//! its speaker (and its confidence when it is unsure), search hits, the bidi and shaping modes,
//! and the article's file.

use ratatui::Frame;

use crate::text;
use crate::text::{BidiMode, LayoutOptions};
use crate::tui::action::Action;
use crate::tui::paint;
use crate::tui::panes::Pane;
use crate::tui::search;
use crate::tui::state::{Screen, State};

/// A piece of the status bar: our own ASCII label, or text from an article (laid out by the
/// text engine, as it may be Arabic).
enum Piece {
    Label(String),
    Text(String),
    /// Goes right after the previous piece, without a separator.
    Joined(Box<Piece>),
}

pub fn view(state: &State, frame: &mut Frame) {
    let Some(panes) = state.panes() else { return };
    let area = panes.status;
    let styles = &state.styles;
    let style = styles.status();
    let buf = frame.buffer_mut();
    buf.set_style(area, style);
    let right = area.right();
    let mut x = area.x;
    let opts = &state.settings.layout;

    if state.search.editing || state.people.editing {
        let typed = if state.people.editing {
            &state.people.filter
        } else {
            &state.search.query
        };
        x = paint::paint_ascii(buf, x, area.y, right, "/", style);
        let query = text::layout_truncated(typed, right.saturating_sub(x + 14).max(1), opts);
        let rtl = query.direction == crate::text::Direction::Rtl && !query.glyphs.is_empty();
        let start = if rtl { x + 1 } else { x };
        let end = paint::paint_at(buf, start, area.y, right, &query, style);
        let cursor = if rtl { x } else { end };
        frame.set_cursor_position((cursor.min(right.saturating_sub(1)), area.y));
        let buf = frame.buffer_mut();
        x = end + 1;
        let count = match state.search.target {
            _ if state.people.editing => super::count(state.people.order.len(), "speaker"),
            Some(Pane::Article) => hit_count(state),
            Some(Pane::Library) => super::count(state.library.rows.len(), "article"),
            _ => String::new(),
        };
        paint::paint_ascii(buf, x, area.y, right, &count, style);
        return;
    }
    if let Some(notice) = &state.notice {
        let notice = text::display_safe(notice);
        paint::paint_ascii(
            buf,
            x,
            area.y,
            right,
            &format!(" {notice}"),
            styles.notice(),
        );
        return;
    }
    let pieces = pieces(state);
    x += 1;
    for (i, piece) in pieces.iter().enumerate() {
        if x >= right {
            break;
        }
        let piece = match piece {
            Piece::Joined(piece) => {
                x = paint::paint_ascii(buf, x, area.y, right, " ", style);
                piece.as_ref()
            }
            piece if i > 0 => {
                x = paint::paint_ascii(buf, x, area.y, right, " │ ", style);
                piece
            }
            piece => piece,
        };
        x = match piece {
            Piece::Label(text) => paint::paint_ascii(buf, x, area.y, right, text, style),
            Piece::Text(text) => {
                let max = right.saturating_sub(x).clamp(1, 40);
                let line = text::layout_label(text, max, opts);
                paint::paint_at(buf, x, area.y, right, &line, style)
            }
            Piece::Joined(_) => x,
        };
    }
}

fn pieces(state: &State) -> Vec<Piece> {
    let mut pieces = Vec::new();
    match state.screen {
        Screen::People => {
            let open = keys(state, &[Action::Activate, Action::FocusRight]);
            let back = keys(state, &[Action::Cancel, Action::FocusLeft]);
            let hint = if state.people.opened.is_some() {
                format!("{open}: open the article there · {back}: back")
            } else {
                let filter = keys(state, &[Action::Search]);
                let sort = keys(state, &[Action::ToggleSort]);
                format!("{open}: their quotes · {filter}: filter · {sort}: sort · {back}: back")
            };
            pieces.push(Piece::Label(hint));
            pieces.extend(background(state));
            return pieces;
        }
        Screen::Bookmarks => {
            let open = keys(state, &[Action::Activate, Action::FocusRight]);
            let back = keys(state, &[Action::Cancel, Action::FocusLeft]);
            pieces.push(Piece::Label(format!("{open}: go there · {back}: back")));
            return pieces;
        }
        Screen::Reader => {}
    }
    let view = state.view();
    pieces.push(Piece::Label(position(state)));
    // Until the first key, how to get help (the first of its keys: `?`).
    if !state.touched
        && let Some(key) = keys(state, &[Action::ToggleHelp]).split('/').next()
        && !key.is_empty()
    {
        pieces.push(Piece::Label(format!("{key} help")));
    }
    if state.open[0].bookmarks.contains(&view.shown) {
        pieces.push(Piece::Label("bookmarked".into()));
    }
    if let Some(q) = view.focused_quote {
        let speaker = view.marks.quotes[q].speaker;
        let own = &view.marks.by_speaker[speaker];
        let nth = own.iter().position(|&o| o == q).map_or(0, |i| i + 1);
        pieces.push(Piece::Label(format!("quote {nth}/{} ·", own.len())));
        if let Some(s) = view.extraction.speakers.get(speaker) {
            pieces.push(Piece::Joined(Box::new(Piece::Text(s.name.clone()))));
        }
        if view.marks.quotes[q].unsure
            && let Some(quote) = view.extraction.quotes.get(q)
        {
            pieces.push(Piece::Label(format!("unsure ({:.2})", quote.confidence)));
        }
    } else if !view.marks.quotes.is_empty() {
        let quotes = super::count(view.marks.quotes.len(), "quote");
        pieces.push(Piece::Label(quotes));
    }
    if search::has_hits(state) {
        pieces.push(Piece::Label(format!("search {}", hit_count(state))));
    } else if search::searching_article(state) {
        pieces.push(Piece::Label("no match for".into()));
        let query = format!("«{}»", state.search.query);
        pieces.push(Piece::Joined(Box::new(Piece::Text(query))));
    }
    pieces.extend(background(state));
    let entry = state.article();
    if entry.lossy {
        pieces.push(Piece::Label(format!(
            "lossy {}: bad bytes shown as \u{FFFD}",
            entry.encoding
        )));
    } else if entry.encoding != "UTF-8" {
        pieces.push(Piece::Label(entry.encoding.to_string()));
    }
    pieces.push(Piece::Label(mode(
        &state.settings.layout,
        state.settings.highlights,
    )));
    let corpus = [".jsonl", ".ndjson"]
        .iter()
        .any(|ext| entry.path.ends_with(ext))
        || entry.path == "-";
    pieces.push(Piece::Text(if corpus {
        format!("{} #{}", entry.path, entry.id)
    } else {
        entry.path.clone()
    }));
    pieces
}

/// Progress of the work in the background: loading, then finding every article's speakers.
fn background(state: &State) -> Option<Piece> {
    let catalogue = &state.catalogue;
    if catalogue.loading_now() {
        let progress = catalogue.load_progress();
        return Some(Piece::Label(format!(
            "loading {:.0}% · {}",
            progress.fraction() * 100.0,
            super::count(catalogue.count(), "article")
        )));
    }
    let (done, total) = catalogue.index_progress()?;
    Some(Piece::Label(format!(
        "finding speakers {}%",
        done * 100 / total.max(1)
    )))
}

fn hit_count(state: &State) -> String {
    let n = state.search.hits.len();
    match state.search.current {
        Some(i) if n > 0 => format!("{}/{n}", i + 1),
        _ => format!("0/{n}"),
    }
}

/// Where the reader is: percent of the text above the top line; 100% once the end is on screen.
fn position(state: &State) -> String {
    let view = state.view();
    let rows = state.article_area().height as usize;
    let visible = view.doc.visible(state.top_line(), rows);
    let last_para = view.doc.paragraphs() - 1;
    let end_shown = visible.last().is_some_and(|(para, line)| {
        *para == last_para && line.logical.end >= view.doc.para_range(last_para).len()
    });
    let len = view.doc.text_len().max(1);
    let percent = if end_shown {
        100
    } else {
        view.doc.offset_of(view.shown) * 100 / len
    };
    format!("{percent}%")
}

/// The keys bound to `actions` (as the help lists them), joined with `/`: `enter/l/→`.
fn keys(state: &State, actions: &[Action]) -> String {
    let keys: Vec<&str> = (actions.iter())
        .filter_map(|&action| state.help.iter().find(|line| line.action == action))
        .flat_map(|line| line.keys.iter().map(String::as_str))
        .collect();
    keys.join("/")
}

fn mode(opts: &LayoutOptions, highlights: bool) -> String {
    let bidi = match opts.bidi {
        BidiMode::App => "app",
        BidiMode::Terminal => "terminal",
        BidiMode::Off => "off",
    };
    // What is shown: the text engine does not shape with bidi off.
    let shaped = opts.shape && opts.bidi != BidiMode::Off;
    let shape = if shaped { "on" } else { "off" };
    let mut mode = format!("bidi {bidi} · shape {shape}");
    if !highlights {
        mode.push_str(" · no highlights");
    }
    if opts.reveal {
        mode.push_str(" · reveal");
    }
    mode
}
