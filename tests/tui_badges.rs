//! Speakers told apart without colour: each quote line carries its speaker's numbered badge in
//! the article's margin, the same number as in the speakers pane; colours are reused only on
//! terminals without truecolor. And the library: titles get room when it has the focus.

mod tui_common;

use ratatui::style::Color;
use rawi::corpus::Article;
use rawi::tui::action::Action;
use rawi::tui::panes::Pane;
use rawi::tui::theme::Styles;
use tui_common::*;

/// Invented names, one per speaker: more speakers than the 256-colour palette has colours.
const NAMES: [&str; 18] = [
    "سالم",
    "نادية",
    "كريم",
    "ليلى",
    "فادي",
    "هدى",
    "رامي",
    "سعاد",
    "وائل",
    "منى",
    "زياد",
    "عبير",
    "باسل",
    "رنا",
    "غسان",
    "دانة",
    "نبيل",
    "سلمى",
];

/// One article in which each name says one short thing, in turn.
fn crowded_article() -> Article {
    let mut text = String::from("جلسة طويلة في المجلس\n");
    for name in NAMES {
        text.push_str(&format!("{name}: نحن مع الاقتراح\n"));
    }
    Article {
        id: "crowd".into(),
        title: "جلسة طويلة في المجلس".into(),
        path: "crowd.txt".into(),
        text,
        ..Article::default()
    }
}

/// Right-hand margin of each article row (the last two cells).
fn margin(state: &rawi::tui::state::State, y: u16) -> String {
    let terminal = draw(state);
    let row = row_text(&terminal, y);
    let cells: Vec<char> = row.chars().collect();
    cells[cells.len() - 2..].iter().collect()
}

#[test]
fn each_quote_line_carries_its_speakers_number_as_in_the_speakers_pane() {
    let state = corpus_state(vec![crowded_article()], 100, 30);
    let area = state.article_area();
    // Row 0 of the text is the title line (no quote); then one quote per row, in name order.
    assert_eq!(margin(&state, area.y), "  ");
    for (i, _) in NAMES.iter().enumerate().take(area.height as usize - 1) {
        let y = area.y + 1 + i as u16;
        assert_eq!(margin(&state, y).trim(), (i + 1).to_string(), "row {y}");
    }
    // The speakers pane: the same number on each speaker's row, after the name.
    let terminal = draw(&state);
    let speakers = state.panes().unwrap().speakers.unwrap();
    for (i, name) in NAMES.iter().enumerate().take(speakers.height as usize - 1) {
        let row = row_text(&terminal, speakers.y + 1 + i as u16);
        let pane: String = row
            .chars()
            .skip(speakers.x as usize)
            .take(speakers.width as usize)
            .collect();
        let number = format!(" {} ", i + 1);
        assert!(pane.contains(&number), "{name} {number:?} in {pane:?}");
    }
}

#[test]
fn with_no_color_the_badges_still_tell_speakers_1_and_9_apart() {
    let mut state = corpus_state(vec![crowded_article()], 100, 30);
    state.styles = Styles::new(&state.styles.theme, true);
    let area = state.article_area();
    let (first, ninth) = (margin(&state, area.y + 1), margin(&state, area.y + 9));
    assert_eq!((first.as_str(), ninth.as_str()), (" 1", " 9"));
    let terminal = draw(&state);
    let buf = terminal.backend().buffer();
    let cell = &buf[(area.right() + 2, area.y + 1)];
    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
}

#[test]
fn on_truecolor_speakers_past_the_palette_get_colours_of_their_own() {
    let state = corpus_state(vec![crowded_article()], 100, 30);
    let palette = state.styles.theme.speakers.len();
    assert!(NAMES.len() > palette, "more speakers than colours");
    let plain = Styles::new(&state.styles.theme, false);
    assert_eq!(plain.speaker_colour(palette), plain.speaker_colour(0));
    let rich = plain.clone().with_truecolor();
    assert_ne!(rich.speaker_colour(palette), rich.speaker_colour(0));
}

#[test]
fn a_focused_library_widens_over_the_speakers_pane_and_gives_back_its_room() {
    let mut state = corpus_state(corpus_articles(), 140, 20);
    let narrow = state.panes().unwrap().library.unwrap().width;
    let article = state.article_area();
    state.focus = Pane::Library;
    let panes = state.panes().unwrap();
    assert!(panes.speakers.is_none());
    assert!(panes.library.unwrap().width > narrow + 30);
    assert_eq!(
        state.article_area(),
        article,
        "the article is not laid out again"
    );
    // Moving the focus on goes back through the speakers pane, shown again.
    act(&mut state, &[Action::PrevPane]);
    assert_eq!(state.focus, Pane::Speakers);
    assert!(state.panes().unwrap().speakers.is_some());
}
