//! Unsure attributions in the reader: with `[reader] low_confidence = "mark"` (the default)
//! quotes and speakers under `min_confidence` are dimmed and marked `?` in the speakers pane;
//! with "hide" they are left out; with "show" drawn like the others. On the seed article with
//! the hand-made extraction, one speaker's only quote and one quote of another made unsure.

mod tui_common;

use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use rawi::config::{Config, LowConfidence};
use rawi::corpus::Library;
use rawi::tui::action::Action;
use rawi::tui::catalogue::Catalogue;
use rawi::tui::state::{State, hiding_unsure};
use rawi::tui::theme::Styles;
use rawi::tui::update::update;
use tui_common::*;

/// The seed's speakers: 0 (3 quotes), 1 (2), 2 (1). Speaker 2's quote and speaker 0's second
/// quote are unsure (0.3 and 0.4); the others sure (0.9).
fn state(low_confidence: LowConfidence, width: u16, height: u16) -> State {
    let mut config = Config::default();
    config.reader.low_confidence = low_confidence;
    let extract = Arc::new(|text: &str| {
        let mut x = seed_extraction(text);
        let mut seen = [0; 3];
        for q in &mut x.quotes {
            seen[q.speaker] += 1;
            q.confidence = match (q.speaker, seen[q.speaker]) {
                (2, _) => 0.3,
                (0, 2) => 0.4,
                _ => 0.9,
            };
        }
        for (s, speaker) in x.speakers.iter_mut().enumerate() {
            let quotes = x.quotes.iter().filter(|q| q.speaker == s);
            speaker.confidence = quotes.map(|q| q.confidence).fold(0.0, f32::max);
        }
        x
    });
    let extract = hiding_unsure(extract, &config);
    let mut catalogue = Catalogue::new(Library::from_articles(vec![seed()]), extract);
    assert!(catalogue.wait_idle(Duration::from_secs(30)));
    let mut state = State::new(catalogue, &config, Rect::new(0, 0, width, height));
    update(&mut state, Action::Tick);
    state
}

fn screen(state: &State) -> String {
    let terminal = draw(state);
    (0..state.area.height)
        .map(|y| row_text(&terminal, y) + "\n")
        .collect()
}

/// The modifiers of the article cells showing bytes `range`.
fn article_modifiers(state: &State, range: std::ops::Range<usize>) -> Vec<Modifier> {
    let terminal = draw(state);
    cells_in(state, &terminal, range)
        .iter()
        .map(|cell| cell.modifier)
        .collect()
}

/// Speakers pane focused, every speaker expanded.
fn expand_all(state: &mut State) {
    press(state, &[key(KeyCode::Tab)]);
    let speakers = state.view().extraction.speakers.len();
    state.view_mut().speakers.expanded.extend(0..speakers);
}

#[test]
fn unsure_quotes_are_dimmed_and_marked_in_the_speakers_pane() {
    let mut state = state(LowConfidence::Mark, 100, 30);
    let marks = state.view().marks.clone();
    let unsure: Vec<bool> = marks.quotes.iter().map(|q| q.unsure).collect();
    assert_eq!(unsure.iter().filter(|&&u| u).count(), 2, "{unsure:?}");
    let mut checked = [false; 2];
    for q in &marks.quotes {
        let modifiers = article_modifiers(&state, q.range.clone());
        if modifiers.is_empty() {
            continue; // off screen
        }
        checked[q.unsure as usize] = true;
        assert_eq!(
            modifiers.iter().all(|m| m.contains(Modifier::DIM)),
            q.unsure,
            "{q:?}"
        );
    }
    assert_eq!(
        checked,
        [true, true],
        "a sure and an unsure quote on screen"
    );
    expand_all(&mut state);
    let shown = screen(&state);
    insta::assert_snapshot!("confidence_marked_100x30", shown);
    // One speaker row (all its quotes unsure) and two quote rows carry a ?.
    assert_eq!(shown.matches('?').count(), 3, "{shown}");
}

#[test]
fn with_no_color_unsure_quotes_are_italic_instead_of_underlined() {
    let mut state = state(LowConfidence::Mark, 100, 30);
    state.styles = Styles::new(&state.styles.theme, true);
    let mut checked = [false; 2];
    for q in state.view().marks.quotes.clone() {
        let modifiers = article_modifiers(&state, q.range.clone());
        checked[q.unsure as usize] |= !modifiers.is_empty();
        let (italic, underlined) = if q.unsure {
            (true, false)
        } else {
            (false, true)
        };
        for m in modifiers {
            assert_eq!(m.contains(Modifier::ITALIC), italic, "{q:?}");
            assert_eq!(m.contains(Modifier::UNDERLINED), underlined, "{q:?}");
        }
    }
    assert_eq!(
        checked,
        [true, true],
        "a sure and an unsure quote on screen"
    );
}

#[test]
fn hide_leaves_unsure_quotes_and_their_speakers_out() {
    let mut state = state(LowConfidence::Hide, 100, 30);
    let view = state.view();
    assert_eq!(
        view.extraction.speakers.len(),
        2,
        "speaker 2 had no sure quote"
    );
    assert_eq!(view.marks.quotes.len(), 4);
    assert!(view.marks.quotes.iter().all(|q| !q.unsure));
    expand_all(&mut state);
    let shown = screen(&state);
    insta::assert_snapshot!("confidence_hidden_100x30", shown);
    assert!(!shown.contains('?'), "{shown}");
}

#[test]
fn show_draws_unsure_quotes_like_the_others() {
    let mut state = state(LowConfidence::Show, 100, 30);
    assert!(state.view().marks.quotes.iter().all(|q| !q.unsure));
    for q in state.view().marks.quotes.clone() {
        let modifiers = article_modifiers(&state, q.range.clone());
        assert!(modifiers.iter().all(|m| !m.contains(Modifier::DIM)));
    }
    expand_all(&mut state);
    assert!(!screen(&state).contains('?'));
}

#[test]
fn the_status_bar_gives_the_confidence_of_an_unsure_focused_quote() {
    let mut state = state(LowConfidence::Mark, 100, 30);
    let status = |state: &State| row_text(&draw(state), state.area.height - 1);
    // The first quote is sure, the second (speaker 0's second) unsure.
    press(&mut state, &[ch(')')]);
    assert!(!status(&state).contains("unsure"), "{}", status(&state));
    press(&mut state, &[ch(')')]);
    assert!(
        status(&state).contains("unsure (0.40)"),
        "{}",
        status(&state)
    );
}
