//! The event loop driven by scripted input on a `TestBackend`: keys, resizes, signals, the
//! clipboard effect.

mod tui_common;

use base64::Engine;
use ratatui::crossterm::event::{Event, KeyCode};
use rawi::tui::event_loop::{Exit, Input, osc52};
use tui_common::*;

fn keys(cs: &str) -> Vec<Input> {
    cs.chars().map(|c| Input::Key(ch(c))).collect()
}

#[test]
fn q_quits_and_the_last_frame_shows_the_state() {
    let mut state = seed_state(100, 30);
    let (exit, terminal, side) = run_loop(&mut state, keys("jjq"));
    assert_eq!(exit, Exit::Quit);
    assert!(side.is_empty());
    assert!(top_offset(&state) > 0);
    assert!(row_text(&terminal, 0).contains("Speakers"));
}

#[test]
fn a_signal_ends_the_loop() {
    let mut state = seed_state(100, 30);
    let (exit, ..) = run_loop(&mut state, vec![Input::Key(ch('j')), Input::Signal(15)]);
    assert_eq!(exit, Exit::Signal(15));
}

#[test]
fn resize_redraws_at_the_new_size() {
    let mut state = seed_state(100, 30);
    let (exit, terminal, _) = run_loop(&mut state, vec![Input::Resize(60, 20), Input::Closed]);
    assert_eq!(exit, Exit::Closed);
    // (A TestBackend keeps its size: the reader draws in the top-left 60x20 of it.)
    assert!(
        row_text(&terminal, 19).contains('%'),
        "status bar on the last row"
    );
    assert!(
        row_text(&terminal, 19)[..]
            .chars()
            .skip(60)
            .all(|c| c == ' ')
    );
    assert_eq!(state.area.width, 60);
    let mut state = seed_state(100, 30);
    let (_, terminal, _) = run_loop(&mut state, vec![Input::Resize(30, 8)]);
    assert!((0..8).any(|y| row_text(&terminal, y).contains("too small")));
}

#[test]
fn y_writes_the_quote_to_the_clipboard_as_base64_osc_52() {
    let mut state = seed_state(100, 30);
    let (_, _, side) = run_loop(&mut state, keys(")yq"));
    let side = String::from_utf8(side).unwrap();
    assert!(
        side.starts_with("\x1b]52;c;") && side.ends_with('\x07'),
        "{side:?}"
    );
    let payload = &side["\x1b]52;c;".len()..side.len() - 1];
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    let range = state.focused_range().unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), state.text()[range]);
}

#[test]
fn osc_52_cannot_carry_controls() {
    // An RLO, and the marks LRM, RLM and ALM: bidi formatting is stripped too.
    let sequence = osc52("a\x1b]0;pwned\x07b\u{9b}c\u{202e}d\u{200e}\u{200f}\u{61c}\ne");
    // Only the sequence's own ESC and BEL; the payload is base64.
    assert_eq!(sequence.matches('\x1b').count(), 1);
    assert_eq!(sequence.matches('\x07').count(), 1);
    let payload = &sequence[7..sequence.len() - 1];
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), "a]0;pwnedbcd\ne");
}

#[test]
fn the_search_prompt_takes_letters_that_are_keys_elsewhere() {
    let mut state = seed_state(100, 30);
    let mut inputs = keys("/q");
    inputs.push(Input::Key(key(KeyCode::Backspace)));
    inputs.extend(keys("ناتو"));
    inputs.push(Input::Key(key(KeyCode::Enter)));
    let (exit, ..) = run_loop(&mut state, inputs);
    assert_eq!(exit, Exit::Closed, "q in the prompt is a letter, not quit");
    assert_eq!(state.search.query, "ناتو");
    assert!(state.search.hits.len() > 3);
}

#[test]
fn mouse_events_are_ignored_unless_enabled() {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let wheel = Input::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 80,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    let mut state = seed_state(100, 30);
    run_loop(&mut state, vec![wheel.clone()]);
    assert_eq!(top_offset(&state), 0);
    state.settings.mouse = true;
    run_loop(&mut state, vec![wheel]);
    assert!(top_offset(&state) > 0);
    let _ = Event::FocusGained;
}

#[test]
fn the_loop_ticks_while_work_goes_on_in_the_background() {
    let catalogue =
        rawi::tui::catalogue::Catalogue::new(rawi::corpus::Library::bundled(), fixture_extractor());
    let mut state = rawi::tui::state::State::new(
        catalogue,
        &rawi::config::Config::default(),
        ratatui::layout::Rect::new(0, 0, 140, 30),
    );
    // A terminal where nothing happens: each wait lasts as long as the loop allows.
    struct Quiet(usize);
    impl rawi::tui::event_loop::EventSource for Quiet {
        fn next(&mut self, timeout: Option<std::time::Duration>) -> std::io::Result<Option<Input>> {
            self.0 += 1;
            let Some(timeout) = timeout.filter(|_| self.0 < 200) else {
                return Ok(Some(Input::Closed));
            };
            std::thread::sleep(timeout);
            Ok(None)
        }
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(140, 30)).unwrap();
    let keymap = rawi::config::Config::default().keymap;
    rawi::tui::event_loop::run(
        &mut terminal,
        &mut Quiet(0),
        &mut state,
        &keymap,
        &mut Vec::new(),
    )
    .unwrap();
    // The loop stopped waiting with a timeout once the work was done.
    assert!(!state.busy());
    assert!((0..4).all(|i| state.catalogue.summary(i).is_some()));
    assert!(state.catalogue.index_complete());
    // The library's counts were drawn: the seed has 3 speakers and 6 quotes.
    let screen: String = (0..30).map(|y| row_text(&terminal, y)).collect();
    assert!(screen.contains(" 3·6"), "{screen}");
}
