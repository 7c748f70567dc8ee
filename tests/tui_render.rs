//! What the reader draws: insta snapshots of the screen (layout; they show no styles) on the
//! seed article at several sizes, and styled-buffer checks for the highlights.

mod tui_common;

use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use rawi::tui::theme::Styles;
use tui_common::*;

fn snapshot(name: &str, state: &rawi::tui::state::State) {
    let terminal = draw(state);
    insta::assert_snapshot!(name, terminal.backend());
}

#[test]
fn screens_at_several_sizes() {
    for (w, h) in [(120, 35), (100, 30), (80, 24), (40, 10)] {
        let state = seed_state(w, h);
        snapshot(&format!("seed_{w}x{h}"), &state);
    }
}

#[test]
fn smaller_than_40x10_says_so() {
    for (w, h) in [(39, 10), (40, 9), (20, 5)] {
        let state = seed_state(w, h);
        let terminal = draw(&state);
        let screen: String = (0..h).map(|y| row_text(&terminal, y)).collect();
        assert!(screen.contains("too small"), "{w}x{h}: {screen}");
        snapshot(&format!("too_small_{w}x{h}"), &state);
    }
    draw(&seed_state(1, 1));
}

#[test]
fn speakers_expanded_with_a_focused_quote() {
    let mut state = seed_state(100, 30);
    press(
        &mut state,
        &[key(KeyCode::Tab), ch('e'), ch('j'), key(KeyCode::Enter)],
    );
    snapshot("seed_expanded_100x30", &state);
}

#[test]
fn help_overlay() {
    let mut state = seed_state(80, 24);
    press(&mut state, &[ch('?')]);
    snapshot("help_80x24", &state);
    let terminal = draw(&state);
    let screen: String = (0..24).map(|y| row_text(&terminal, y)).collect();
    assert!(screen.contains("next quote of anyone"));
}

#[test]
fn library_as_a_third_pane() {
    let state = library_state(140, 30);
    snapshot("library_140x30", &state);
}

#[test]
fn search_prompt_and_hits() {
    let mut state = seed_state(80, 24);
    press(&mut state, &[ch('/')]);
    press(&mut state, &typed("الامن"));
    snapshot("search_prompt_80x24", &state);
    let terminal = draw(&state);
    let status = row_text(&terminal, 23);
    assert!(status.starts_with('/'), "{status}");
    assert!(status.contains("1/"), "{status}");
}

#[test]
fn quotes_take_their_speakers_colour_and_the_focused_one_stands_out() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch(')')]);
    let terminal = draw(&state);
    let styles = &state.styles;
    let marks = state.view().marks.clone();
    let focused = state.view().focused_quote.unwrap();
    // The focused quote: on its speaker's colour.
    let cells = cells_in(&state, &terminal, marks.quotes[focused].range.clone());
    assert!(!cells.is_empty());
    let colour = styles.speaker_colour(marks.quotes[focused].speaker);
    assert!(
        cells.iter().all(|c| c.bg == colour),
        "focused quote background"
    );
    // Another quote on screen: in its speaker's colour, no background.
    let other = &marks.quotes[focused + 1];
    let cells = cells_in(&state, &terminal, other.range.clone());
    assert!(!cells.is_empty());
    let colour = styles.speaker_colour(other.speaker);
    assert!(
        cells.iter().all(|c| c.fg == colour && c.bg == Color::Reset),
        "quote colour"
    );
    // Text outside every quote and mention: plain.
    let first_quote = marks.quotes[0].range.start;
    let plain = cells_in(&state, &terminal, 0..3.min(first_quote));
    assert!(
        plain
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    // A mention of a speaker: bold.
    let mention = marks.mentions[0].range.clone();
    let cells = cells_in(&state, &terminal, mention);
    assert!(
        cells.iter().all(|c| c.modifier.contains(Modifier::BOLD)),
        "mention is bold"
    );
}

#[test]
fn t_hides_quote_highlights_but_keeps_the_focused_quote() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch(')'), ch('t')]);
    let terminal = draw(&state);
    let marks = state.view().marks.clone();
    let focused = state.view().focused_quote.unwrap();
    let other = cells_in(&state, &terminal, marks.quotes[focused + 1].range.clone());
    assert!(other.iter().all(|c| c.fg == Color::Reset));
    let cells = cells_in(&state, &terminal, marks.quotes[focused].range.clone());
    assert!(cells.iter().all(|c| c.bg != Color::Reset));
}

#[test]
fn no_color_uses_underline_reverse_and_bold() {
    let mut state = seed_state(100, 30);
    state.styles = Styles::new(&state.styles.theme, true);
    press(&mut state, &[ch(')')]);
    let terminal = draw(&state);
    let buf = terminal.backend().buffer();
    let area = buf.area;
    let coloured = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .any(|(x, y)| {
            let c = &buf[(x, y)];
            c.fg != Color::Reset || c.bg != Color::Reset
        });
    assert!(!coloured, "no colour at all with NO_COLOR");
    let marks = state.view().marks.clone();
    let focused = state.view().focused_quote.unwrap();
    let cells = cells_in(&state, &terminal, marks.quotes[focused].range.clone());
    assert!(
        cells
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED))
    );
    let cells = cells_in(&state, &terminal, marks.quotes[focused + 1].range.clone());
    assert!(
        cells
            .iter()
            .all(|c| c.modifier.contains(Modifier::UNDERLINED))
    );
}

#[test]
fn search_hits_are_highlighted_and_the_current_one_differs() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch('/')]);
    press(&mut state, &typed("الكويت"));
    press(&mut state, &[key(KeyCode::Enter)]);
    let terminal = draw(&state);
    let hits = state.search.hits.clone();
    let current = cells_in(&state, &terminal, hits[0].clone());
    let theme = &state.styles.theme;
    assert!(current.iter().all(|c| c.bg == theme.current_hit_bg));
    let other = cells_in(&state, &terminal, hits[1].clone());
    assert!(!other.is_empty() && other.iter().all(|c| c.bg == theme.search_bg));
}

#[test]
fn the_cursor_sits_on_the_focused_quote_or_the_selected_row() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch(')')]);
    let mut terminal = draw(&state);
    let focused = state.view().focused_quote.unwrap();
    let start = state.view().marks.quotes[focused].range.start;
    let pos = terminal.get_cursor_position().unwrap();
    let cells = cells_in(&state, &terminal, start..start + 1);
    assert_eq!(cells.len(), 1);
    // The cursor cell is the quote's first letter.
    let buf = terminal.backend().buffer().clone();
    assert_eq!(buf[(pos.x, pos.y)].symbol(), cells[0].symbol());
    press(&mut state, &[key(KeyCode::Tab), ch('j')]);
    let mut terminal = draw(&state);
    let pos = terminal.get_cursor_position().unwrap();
    let speakers = state.panes().unwrap().speakers.unwrap();
    assert_eq!(pos.y, speakers.y + 2, "second row of the list");
}

#[test]
fn lists_scrolled_at_a_small_size_fill_up_again_when_the_terminal_grows() {
    // At 80x15 there is no library pane; `J J` selects the third article there.
    let mut state = library_state(80, 15);
    press(&mut state, &[ch('J'), ch('J')]);
    act(&mut state, &[rawi::tui::action::Action::Resize(120, 20)]);
    assert!(state.library_shown());
    let mut fresh = library_state(120, 20);
    press(&mut fresh, &[ch('J'), ch('J')]);
    assert_eq!(state.library.offset, fresh.library.offset);
    let (grown, started) = (draw(&state), draw(&fresh));
    for y in 0..20 {
        assert_eq!(row_text(&grown, y), row_text(&started, y), "row {y}");
    }
}

#[test]
fn with_the_terminals_own_bidi_the_pane_border_carries_a_left_to_right_mark() {
    // `--bidi terminal`: the terminal reorders each row; an LRM after the border keeps the
    // Arabic of the two panes from forming one run that would swap them.
    let border_cells = |state: &rawi::tui::state::State| {
        let terminal = draw(state);
        let buffer = terminal.backend().buffer().clone();
        // Every row but the status bar (its own separators sit between Latin words).
        (0..buffer.area.height - 1)
            .filter_map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .find(|s| s.starts_with('│'))
            })
            .collect::<Vec<_>>()
    };
    let mut state = seed_state(100, 20);
    let app = border_cells(&state);
    assert!(!app.is_empty() && app.iter().all(|s| s == "│"), "{app:?}");
    state.settings.layout.bidi = rawi::text::BidiMode::Terminal;
    let terminal = border_cells(&state);
    assert_eq!(terminal.len(), 19, "{terminal:?}");
    assert!(terminal.iter().all(|s| s == "│\u{200E}"), "{terminal:?}");
}

#[test]
fn bidi_controls_in_titles_and_file_names_show_as_marks() {
    // A title and a file name that an RLO would show as «...txt.pdf» and reversed.
    let mut spoofed = seed();
    spoofed.title = "report\u{202E}fdp.txt".into();
    spoofed.path = "invoice\u{202E}fdp.txt".into();
    let state = state_of(vec![spoofed, seed()], 140, 30);
    let terminal = draw(&state);
    let screen: Vec<String> = (0..30).map(|y| row_text(&terminal, y)).collect();
    let screen = screen.join("\n");
    assert!(!screen.contains('\u{202E}'), "{screen}");
    assert!(!screen.contains("txt.pdf"), "{screen}");
    assert!(
        screen.matches("‹RLO›").count() >= 3,
        "header, library row and status bar: {screen}"
    );
}

#[test]
fn the_status_bar_says_how_to_get_help_until_the_first_key() {
    let mut state = seed_state(100, 30);
    let status = |state: &rawi::tui::state::State| row_text(&draw(state), 29);
    assert!(status(&state).contains("? help"), "{}", status(&state));
    press(&mut state, &[ch('j')]);
    assert!(!status(&state).contains("? help"), "{}", status(&state));
}

#[test]
fn a_search_without_hits_says_so_and_n_stays_on_it() {
    let mut state = seed_state(100, 30);
    let mut keys = vec![ch('/')];
    keys.extend(typed("zzzz"));
    keys.push(key(KeyCode::Enter));
    press(&mut state, &keys);
    let status = row_text(&draw(&state), 29);
    assert!(status.contains("no match for «zzzz»"), "{status}");
    let before = state.view().focused_quote;
    press(&mut state, &[ch('n')]);
    assert_eq!(
        state.view().focused_quote,
        before,
        "n did not jump to a quote"
    );
}

#[test]
fn g_at_the_end_of_the_help_keeps_its_box_full() {
    let mut state = seed_state(80, 24);
    press(&mut state, &[ch('?'), ch('G')]);
    let terminal = draw(&state);
    let screen: Vec<String> = (0..24).map(|y| row_text(&terminal, y)).collect();
    // The box's last inner row holds the last binding; the row above is not empty either.
    let inner: Vec<&String> = screen
        .iter()
        .filter(|r| r.contains('│') && !r.contains('─'))
        .collect();
    let blank = |r: &str| r.replace(['│', ' '], "").is_empty();
    assert!(inner.len() > 3, "{screen:#?}");
    assert!(!inner.iter().any(|r| blank(r)), "no empty row: {screen:#?}");
}
