//! Keys in, state out: the reader's `update` driven through the default keymap.

mod tui_common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rawi::tui::action::Action;
use rawi::tui::panes::Pane;
use rawi::tui::state::Row;
use rawi::tui::update::Effect;
use tui_common::*;

#[test]
fn j_and_k_scroll_and_g_and_shift_g_go_to_the_ends() {
    let mut state = seed_state(100, 30);
    assert_eq!(top_offset(&state), 0);
    press(&mut state, &[ch('j'), ch('j'), ch('j')]);
    let after_three = top_offset(&state);
    assert!(after_three > 0);
    press(&mut state, &[ch('k')]);
    assert!(top_offset(&state) < after_three && top_offset(&state) > 0);
    press(&mut state, &[ch('G')]);
    let bottom = top_offset(&state);
    assert!(bottom > after_three);
    press(&mut state, &[ch('j')]);
    assert_eq!(top_offset(&state), bottom, "cannot scroll past the end");
    press(&mut state, &[ch('g')]);
    assert_eq!(top_offset(&state), 0);
    press(&mut state, &[key(KeyCode::PageDown)]);
    assert!(top_offset(&state) > after_three);
}

#[test]
fn tab_cycles_panes_and_h_l_follow_the_screen() {
    let mut state = seed_state(100, 30);
    assert_eq!(state.focus, Pane::Article);
    press(&mut state, &[key(KeyCode::Tab)]);
    assert_eq!(state.focus, Pane::Speakers);
    press(&mut state, &[key(KeyCode::Tab)]);
    assert_eq!(state.focus, Pane::Article);
    // The article is on the right by default: h goes left to the speakers, l back.
    press(&mut state, &[ch('h')]);
    assert_eq!(state.focus, Pane::Speakers);
    press(&mut state, &[ch('h')]);
    assert_eq!(state.focus, Pane::Speakers);
    press(&mut state, &[ch('l')]);
    assert_eq!(state.focus, Pane::Article);
}

#[test]
fn enter_on_a_speaker_scrolls_to_their_first_quote_and_expands_them() {
    let mut state = seed_state(100, 20);
    press(&mut state, &[key(KeyCode::Tab), ch('j'), ch('j')]);
    assert_eq!(state.view().speakers.selected, Some(Row::Speaker(2)));
    press(&mut state, &[key(KeyCode::Enter)]);
    let view = state.view();
    let q = view.focused_quote.expect("a quote is focused");
    assert_eq!(view.marks.quotes[q].speaker, 2);
    assert!(view.speakers.expanded.contains(&2));
    // The quote is below the first screen, so the article scrolled to it.
    let quote_start = view.marks.quotes[q].range.start;
    assert!(top_offset(&state) > 0 && top_offset(&state) <= quote_start);
    // The visible lines show the quote's first byte.
    let rows = state.article_area().height as usize;
    let shown = view
        .doc
        .visible(state.top_line(), rows)
        .into_iter()
        .any(|(para, line)| {
            let base = view.doc.para_range(para).start;
            (base + line.logical.start..base + line.logical.end).contains(&quote_start)
        });
    assert!(shown, "the quote is on screen");
}

#[test]
fn enter_on_a_quote_row_focuses_that_quote() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[key(KeyCode::Tab), ch('e'), ch('j'), ch('j')]);
    let selected = state.view().speakers.selected;
    let Some(Row::Quote(q)) = selected else {
        panic!("a quote row: {selected:?}")
    };
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.view().focused_quote, Some(q));
}

#[test]
fn brackets_and_braces_walk_speakers_and_their_quotes() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch(']')]);
    let first = state.view().focused_quote.unwrap();
    assert_eq!(state.view().marks.quotes[first].speaker, 0);
    press(&mut state, &[ch('}')]);
    let second = state.view().focused_quote.unwrap();
    assert_eq!(state.view().marks.quotes[second].speaker, 0);
    assert!(second > first);
    press(&mut state, &[ch('n')]); // no search: n is the next quote of the speaker
    let third = state.view().focused_quote.unwrap();
    assert!(third > second && state.view().marks.quotes[third].speaker == 0);
    press(&mut state, &[ch('{')]);
    assert_eq!(state.view().focused_quote, Some(second));
    press(&mut state, &[ch(']')]);
    let other = state.view().focused_quote.unwrap();
    assert_eq!(state.view().marks.quotes[other].speaker, 1);
    press(&mut state, &[ch('[')]);
    assert_eq!(
        state.view().marks.quotes[state.view().focused_quote.unwrap()].speaker,
        0
    );
}

#[test]
fn parens_walk_every_quote_in_text_order() {
    let mut state = seed_state(100, 30);
    let n = state.view().marks.quotes.len();
    let mut seen = Vec::new();
    for _ in 0..n + 2 {
        press(&mut state, &[ch(')')]);
        seen.push(state.view().focused_quote.unwrap());
    }
    assert_eq!(&seen[..n], &(0..n).collect::<Vec<_>>()[..]);
    assert_eq!(seen[n], n - 1, "stops at the last quote");
    press(&mut state, &[ch('(')]);
    assert_eq!(state.view().focused_quote, Some(n - 2));
}

#[test]
fn search_is_incremental_arabic_aware_and_esc_clears_it() {
    let mut state = seed_state(100, 30);
    let mut keys = vec![ch('/')];
    keys.extend(typed("الامن"));
    press(&mut state, &keys);
    assert!(state.search.editing);
    let hits = state.search.hits.clone();
    assert!(hits.len() >= 5, "{hits:?}");
    assert_eq!(state.search.current, Some(0));
    press(&mut state, &[key(KeyCode::Enter)]);
    assert!(!state.search.editing);
    press(&mut state, &[ch('n'), ch('n')]);
    assert_eq!(state.search.current, Some(2));
    press(&mut state, &[ch('N')]);
    assert_eq!(state.search.current, Some(1));
    press(&mut state, &[key(KeyCode::Esc)]);
    assert!(state.search.hits.is_empty() && state.search.query.is_empty());
    // Folding: a query with hamza and taa marbuta finds the plain forms of the text.
    press(&mut state, &[ch('/')]);
    press(&mut state, &typed("الأمنية"));
    assert_eq!(state.search.hits.len(), 2);
    let text = state.text();
    for hit in &state.search.hits {
        assert_eq!(&text[hit.clone()], "الامنية");
    }
}

#[test]
fn esc_in_the_prompt_goes_back_to_where_the_search_started() {
    let mut state = seed_state(100, 12);
    let before = top_offset(&state);
    press(&mut state, &[ch('/')]);
    press(&mut state, &typed("جيوانا"));
    assert!(top_offset(&state) > before);
    press(&mut state, &[key(KeyCode::Esc)]);
    assert_eq!(top_offset(&state), before);
}

#[test]
fn searching_the_speakers_pane_filters_it() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[key(KeyCode::Tab), ch('/')]);
    press(&mut state, &typed("ستولتنبرغ"));
    let rows = rawi::tui::roster::rows(&state);
    assert_eq!(rows, vec![Row::Speaker(1)]);
    assert_eq!(state.view().speakers.selected, Some(Row::Speaker(1)));
    press(&mut state, &[key(KeyCode::Esc)]);
    assert_eq!(rawi::tui::roster::rows(&state).len(), 3);
}

#[test]
fn a_multi_key_sequence_waits_for_its_second_key() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch(')'), ch(')'), ch(')'), ch(')'), ch(')')]);
    let q = state.view().focused_quote.unwrap();
    let quote_start = state.view().marks.quotes[q].range.start;
    press(&mut state, &[ch('z'), ch('t')]);
    let top = top_offset(&state);
    assert!(top <= quote_start);
    let para = state.view().doc.anchor_at(quote_start).para;
    assert_eq!(
        state.view().top.para,
        para,
        "z t puts the quote's line at the top"
    );
    // `z` then an unbound key: the sequence is dropped and the key is read alone.
    press(&mut state, &[ch('z'), ch('g')]);
    assert_eq!(top_offset(&state), 0);
    // z z centres the focused quote.
    press(&mut state, &[ch('z'), ch('z')]);
    assert!(top_offset(&state) > 0 && top_offset(&state) < top);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut state = seed_state(100, 20);
    press(&mut state, &[ch('d'), ch('j')]);
    let anchor = state.view().top;
    let offset = top_offset(&state);
    assert!(offset > 0);
    for (w, h) in [(60, 15), (41, 10), (30, 8), (160, 50), (100, 20)] {
        state.area = ratatui::layout::Rect::new(0, 0, w, h);
        rawi::tui::update::update(&mut state, Action::Resize(w, h));
        if state.panes().is_none() || state.view().shown != state.view().top {
            continue; // too small, or the whole text fits: nothing to anchor on screen
        }
        // The top line shows the anchored byte.
        let top = state.top_line();
        let line = &state.view().doc.cached(top.para).unwrap()[top.line];
        assert_eq!(top.para, anchor.para, "at {w}x{h}");
        assert!(
            line.logical.start <= anchor.offset
                && anchor.offset < line.logical.end.max(anchor.offset + 1),
            "at {w}x{h}"
        );
    }
    assert_eq!(state.view().top, anchor);
}

#[test]
fn y_copies_the_focused_quote() {
    let mut state = seed_state(100, 30);
    let effects = press(&mut state, &[ch('y')]);
    assert!(effects.is_empty());
    assert!(state.notice.as_deref().unwrap().contains("no quote"));
    let effects = press(&mut state, &[ch(')'), ch('y')]);
    let range = state.focused_range().unwrap();
    assert_eq!(
        effects,
        vec![Effect::CopyToClipboard(state.text()[range].to_string())]
    );
}

#[test]
fn q_and_ctrl_c_quit_even_from_the_help() {
    let mut state = seed_state(100, 30);
    assert_eq!(press(&mut state, &[ch('q')]), vec![Effect::Quit]);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(press(&mut state, &[ctrl_c]), vec![Effect::Quit]);
    press(&mut state, &[ch('?')]);
    assert!(state.help_open);
    press(&mut state, &[ch('j')]);
    assert_eq!(state.help_scroll, 1);
    press(&mut state, &[key(KeyCode::Esc)]);
    assert!(!state.help_open);
    press(&mut state, &[ch('?')]);
    assert_eq!(press(&mut state, &[ch('q')]), vec![Effect::Quit]);
}

#[test]
fn toggles_change_settings_and_shaping_relays_out() {
    let mut state = seed_state(100, 30);
    press(&mut state, &[ch('t')]);
    assert!(!state.settings.highlights);
    press(&mut state, &[ch('s')]);
    assert!(!state.settings.layout.shape);
    press(&mut state, &[ch('o')]);
    assert_eq!(state.settings.sort, rawi::config::SpeakerSort::Quotes);
    press(&mut state, &[ch('R')]);
    assert!(state.settings.layout.reveal);
}

#[test]
fn j_and_k_switch_articles_and_each_keeps_its_position() {
    let mut state = library_state(100, 30);
    press(&mut state, &[ch('j'), ch('j')]);
    let seed_top = top_offset(&state);
    press(&mut state, &[ch('J')]);
    assert_eq!(state.current, 1);
    assert_eq!(top_offset(&state), 0);
    press(&mut state, &[ch('K')]);
    assert_eq!(state.current, 0);
    assert_eq!(top_offset(&state), seed_top);
    press(&mut state, &[ch('K')]);
    assert_eq!(state.current, 0);
}

#[test]
fn the_library_opens_on_demand_and_enter_opens_an_article() {
    let mut state = library_state(100, 30);
    assert!(
        !state.library_shown(),
        "no room for a third pane at 100 columns"
    );
    press(&mut state, &[ch('L')]);
    assert!(state.library_shown());
    assert_eq!(state.focus, Pane::Library);
    press(&mut state, &[ch('j'), ch('j'), key(KeyCode::Enter)]);
    assert_eq!(state.current, 2);
    assert_eq!(state.focus, Pane::Article);
    let wide = library_state(160, 40);
    assert!(wide.library_shown(), "a third pane when there is room");
}

#[test]
fn mouse_clicks_select_speakers_and_quotes() {
    let mut state = seed_state(100, 30);
    state.settings.mouse = true;
    let speakers = state.panes().unwrap().speakers.unwrap();
    // Second row of the list (below the header): the second speaker.
    rawi::tui::update::update(&mut state, Action::Click(speakers.x + 5, speakers.y + 2));
    assert_eq!(state.focus, Pane::Speakers);
    let q = state.view().focused_quote.unwrap();
    assert_eq!(state.view().marks.quotes[q].speaker, 1);
    rawi::tui::update::update(&mut state, Action::Wheel(speakers.x + 5, speakers.y + 2, 1));
    assert_ne!(state.view().speakers.selected, Some(Row::Speaker(1)));
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(1, 1), (39, 9), (40, 9), (39, 10), (2, 30), (200, 2)] {
        let mut state = seed_state(w, h);
        press(&mut state, &[ch('j'), ch('G'), ch(']'), ch('?'), ch('j')]);
        press(
            &mut state,
            &[key(KeyCode::Esc), key(KeyCode::Tab), ch('/'), ch('ا')],
        );
        draw(&state);
    }
}

#[test]
fn with_bidi_off_shaping_is_said_to_be_off_and_s_says_why_it_cannot_change() {
    let mut config = rawi::config::Config::default();
    config.reader.bidi = rawi::text::BidiMode::Off;
    let mut state = state_with(&config, vec![seed()], 100, 30);
    let status = |state: &rawi::tui::state::State| row_text(&draw(state), 29);
    assert!(
        status(&state).contains("bidi off · shape off"),
        "{}",
        status(&state)
    );
    let before = state.settings.layout.clone();
    press(&mut state, &[ch('s')]);
    assert_eq!(
        state.settings.layout, before,
        "s changes nothing it cannot show"
    );
    let notice = state.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("shaping is unavailable with bidi off"),
        "{notice}"
    );
    assert!(
        status(&state).contains("shaping is unavailable"),
        "{}",
        status(&state)
    );
}

#[test]
fn z_b_ends_the_whole_quote_on_the_bottom_row() {
    use rawi::tui::nav;
    // Narrow: the seed's quotes take several lines.
    let mut state = seed_state(60, 30);
    // A quote far enough down that its last line can be brought to the bottom row.
    press(
        &mut state,
        &[ch(')'), ch(')'), ch(')'), ch(')'), ch('z'), ch('b')],
    );
    let range = state.focused_range().expect("a quote in focus");
    let last = state.text()[..range.end].char_indices().last().unwrap().0;
    let top = nav::top_offset(&state);
    let rows = nav::article_rows(&state);
    assert!(
        nav::lines_between(&mut state, range.start, last) > 1,
        "a quote of several lines"
    );
    assert!(top <= range.start, "its first line shows");
    let at = nav::lines_between(&mut state, top, last);
    assert!(top > 0, "scrolled (else the test says nothing)");
    assert_eq!(at, rows, "its last line is the bottom row");
}
