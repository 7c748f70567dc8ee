//! The reader never panics on tiny terminals (every size from 1x1 to 39x9, and 0 wide or high),
//! nor in a storm of resizes mixed with keys, driven through the real event loop on a
//! `TestBackend` with the built-in attribution engine and the bundled articles.

use std::collections::VecDeque;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use rawi::config::Config;
use rawi::corpus::Library;
use rawi::tui::catalogue::Catalogue;
use rawi::tui::event_loop::{self, Exit, Input};
use rawi::tui::state::{State, builtin_extractor};

fn state(width: u16, height: u16) -> State {
    let catalogue = Catalogue::new(Library::bundled(), builtin_extractor());
    State::new(
        catalogue,
        &Config::default(),
        Rect::new(0, 0, width, height),
    )
}

fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Runs the event loop on a terminal `backend` big, starting at `width` x `height`.
fn run(width: u16, height: u16, backend: (u16, u16), inputs: Vec<Input>) -> Terminal<TestBackend> {
    let mut state = state(width, height);
    let mut terminal = Terminal::new(TestBackend::new(backend.0, backend.1)).unwrap();
    let mut events: VecDeque<Input> = inputs.into();
    let mut side = Vec::new();
    let keymap = Config::default().keymap;
    let exit = event_loop::run(&mut terminal, &mut events, &mut state, &keymap, &mut side).unwrap();
    assert_eq!(exit, Exit::Closed);
    terminal
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Keys that move, search, open overlays and switch articles, then the end of input.
fn busy_keys() -> Vec<Input> {
    "jGgd)(]}/ab\u{1b}?L\tJKRst".chars().map(key).collect()
}

#[test]
fn every_size_below_the_minimum_says_too_small_and_never_panics() {
    for width in 1..40u16 {
        for height in 1..10u16 {
            // A terminal exactly that big, so drawing out of it would panic.
            let terminal = run(width, height, (width, height), busy_keys());
            let shown = screen(&terminal);
            if width >= 12 && height >= 2 {
                assert!(
                    shown.contains("small"),
                    "{width}x{height} says it is too small:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn zero_sized_terminals_and_extreme_resizes_do_not_panic() {
    let inputs = vec![
        Input::Resize(0, 0),
        key('j'),
        Input::Resize(0, 30),
        key('G'),
        Input::Resize(120, 0),
        key(')'),
        Input::Resize(u16::MAX, u16::MAX),
        key('k'),
        Input::Resize(1, 1),
        Input::Resize(120, 40),
        key('g'),
    ];
    let terminal = run(120, 40, (120, 40), inputs);
    assert!(screen(&terminal).contains("Speakers"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of resizes (from 1x1 to 200x80) and keys, as a window manager dragging a
    /// window sends them: the loop keeps drawing and ends normally.
    #[test]
    fn resize_storms_with_keys_never_panic(
        steps in prop::collection::vec(
            prop_oneof![
                (1u16..=200, 1u16..=80).prop_map(|(w, h)| Input::Resize(w, h)),
                prop::sample::select("jkdubgG )(}{][nNJKtsRoLe?/ab\t".chars().collect::<Vec<_>>())
                    .prop_map(key),
            ],
            1..120,
        )
    ) {
        let terminal = run(100, 30, (200, 80), steps);
        let _ = screen(&terminal);
    }
}
