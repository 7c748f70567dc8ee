//! The reader over many articles: the library's query (fields and full-text search), the
//! speakers screen across articles, bookmarks, and snapshots of those screens.

mod tui_common;

use ratatui::crossterm::event::KeyCode;
use rawi::tui::panes::Pane;
use rawi::tui::state::Screen;
use tui_common::*;

/// Focuses the library pane (shown on demand or already there), clears its query, types
/// `query` in its prompt, waits for the search and confirms.
fn filter_library(state: &mut rawi::tui::state::State, query: &str) {
    if !state.library_shown() {
        press(state, &[ch('L')]);
    }
    while state.focus != Pane::Library {
        press(state, &[key(KeyCode::Tab)]);
    }
    if !state.library.query.is_empty() {
        press(state, &[key(KeyCode::Esc)]);
    }
    press(state, &[ch('/')]);
    assert!(state.search.query.is_empty(), "Esc cleared the query");
    press(state, &typed(query));
    tick_until_idle(state);
    press(state, &[key(KeyCode::Enter)]);
}

#[test]
fn the_library_filters_by_source_date_quotes_and_speaker() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    assert_eq!(state.library.rows, vec![0, 1, 2, 3]);
    filter_library(&mut state, "source:bbc");
    assert_eq!(state.library.rows, vec![0, 2]);
    assert!(
        !state.search.editing,
        "Enter leaves the prompt, the filter stays"
    );
    filter_library(&mut state, "date:2021");
    assert_eq!(state.library.rows, vec![0, 1]);
    filter_library(&mut state, "date:..2020");
    assert_eq!(state.library.rows, vec![2, 3]);
    filter_library(&mut state, "has:quotes");
    assert_eq!(state.library.rows, vec![0, 1, 2]);
    filter_library(&mut state, "speaker:ناديه");
    assert_eq!(state.library.rows, vec![0, 2], "taa marbuta folded");
    filter_library(&mut state, "speaker:سالم source:sky");
    assert_eq!(state.library.rows, vec![1]);
    // Esc on the focused library clears its filter; / starts from the query in force.
    press(&mut state, &[ch('/')]);
    assert_eq!(state.search.query, "speaker:سالم source:sky");
    press(&mut state, &[key(KeyCode::Enter), key(KeyCode::Esc)]);
    assert_eq!(state.library.rows, vec![0, 1, 2, 3]);
}

#[test]
fn the_library_searches_every_text_arabic_aware_and_opens_with_the_hits() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    // «الامن» without hamza finds «الأمن» in the texts of a1 and a4.
    filter_library(&mut state, "الامن");
    assert_eq!(state.library.rows, vec![0, 3]);
    filter_library(&mut state, "الامن source:cnn");
    assert_eq!(state.library.rows, vec![3]);
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.current, 3);
    assert_eq!(state.focus, Pane::Article);
    // The article opened with the search's hits, ready for n / N.
    assert_eq!(state.search.hits.len(), 1);
    assert_eq!(&state.text()[state.search.hits[0].clone()], "الأمن");
    filter_library(&mut state, "كلمة-لا-توجد");
    assert!(state.library.rows.is_empty());
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.current, 3, "Enter on an empty list does nothing");
}

#[test]
fn a_new_keystroke_replaces_the_running_search() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    press(&mut state, &[ch('L'), ch('/')]);
    press(&mut state, &typed("الا"));
    press(&mut state, &typed("قتصاد"));
    tick_until_idle(&mut state);
    let search = state.library.text_search.as_ref().unwrap();
    assert_eq!(search.query, "الاقتصاد");
    assert_eq!(state.library.rows, vec![0]);
}

#[test]
fn the_speakers_screen_merges_articles_sorts_filters_and_opens_quotes() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    press(&mut state, &[ch('S')]);
    assert_eq!(state.screen, Screen::People);
    let people = &state.people;
    let names: Vec<&str> = people
        .order
        .iter()
        .map(|&s| people.speaker(s).unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["سالم", "نادية"], "most quotes first");
    let salem = people.speaker(people.order[0]).unwrap();
    assert_eq!((salem.quote_count(), salem.article_count()), (3, 2));
    press(&mut state, &[ch('o')]);
    let first = state.people.order[0];
    assert_eq!(state.people.speaker(first).unwrap().name, "سالم", "by name");
    // Filtering as you type, Arabic-aware.
    press(&mut state, &[ch('/')]);
    press(&mut state, &typed("ناديه"));
    assert_eq!(state.people.order.len(), 1);
    press(&mut state, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let opened = state.people.opened.expect("a speaker is open");
    assert_eq!(state.people.speaker(opened.speaker).unwrap().name, "نادية");
    // Her second quote is in a3; Enter opens it there, with the quote in focus.
    press(&mut state, &[ch('j'), key(KeyCode::Enter)]);
    assert_eq!(state.screen, Screen::Reader);
    assert_eq!(state.current, 2);
    let q = state.view().focused_quote.expect("the quote is in focus");
    let range = state.view().marks.quotes[q].range.clone();
    assert_eq!(&state.text()[range], "الموازنة جاهزة للتصويت");
    // S again shows the screen as it was left; Esc steps back out.
    press(&mut state, &[ch('S')]);
    assert!(state.people.opened.is_some());
    press(&mut state, &[key(KeyCode::Esc)]);
    assert!(state.people.opened.is_none());
    press(&mut state, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    assert_eq!(state.screen, Screen::Reader);
}

#[test]
fn bookmarks_toggle_list_and_jump() {
    let mut state = library_state(100, 20);
    press(&mut state, &[ch('m')]);
    assert!(state.notice.as_deref().unwrap().starts_with("bookmarked"));
    press(&mut state, &[ch('d'), ch('d'), ch('m')]);
    let far = top_offset(&state);
    assert!(far > 0);
    press(&mut state, &[ch('J'), ch('m')]);
    assert_eq!(state.current, 1);
    press(&mut state, &[ch('\'')]);
    assert_eq!(state.screen, Screen::Bookmarks);
    let rows: Vec<(usize, usize)> = state
        .bookmarks
        .rows
        .iter()
        .map(|r| (r.article, r.at.para))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[2].0, 1);
    press(&mut state, &[ch('j'), key(KeyCode::Enter)]);
    assert_eq!(state.screen, Screen::Reader);
    assert_eq!(state.current, 0);
    assert_eq!(top_offset(&state), far);
    // m on a bookmarked line removes it.
    press(&mut state, &[ch('m')]);
    assert!(
        state
            .notice
            .as_deref()
            .unwrap()
            .starts_with("bookmark removed")
    );
    press(&mut state, &[ch('\'')]);
    assert_eq!(state.bookmarks.rows.len(), 2);
    // h leaves the list like esc; l goes to a bookmark like enter.
    press(&mut state, &[ch('h')]);
    assert_eq!(state.screen, Screen::Reader);
    press(&mut state, &[ch('\''), ch('l')]);
    assert_eq!(state.screen, Screen::Reader);
    assert_eq!(state.current, 0);
}

#[test]
fn snapshot_of_the_filtered_library() {
    let mut state = corpus_state(corpus_articles(), 140, 16);
    filter_library(&mut state, "source:bbc");
    let terminal = draw(&state);
    insta::assert_snapshot!("library_filtered_140x16", terminal.backend());
}

#[test]
fn snapshot_of_the_speakers_screen_and_a_speakers_quotes() {
    let mut state = corpus_state(corpus_articles(), 100, 12);
    press(&mut state, &[ch('S')]);
    insta::assert_snapshot!("corpus_speakers_100x12", draw(&state).backend());
    press(&mut state, &[key(KeyCode::Enter)]);
    insta::assert_snapshot!("corpus_speaker_quotes_100x12", draw(&state).backend());
}

#[test]
fn the_new_screens_survive_tiny_terminals() {
    for (w, h) in [(1, 1), (39, 9), (40, 10), (41, 11), (200, 3), (3, 60)] {
        let mut state = corpus_state(corpus_articles(), w, h);
        press(
            &mut state,
            &[ch('S'), ch('j'), key(KeyCode::Enter), ch('j')],
        );
        draw(&state);
        press(&mut state, &[key(KeyCode::Esc), ch('/'), ch('س')]);
        draw(&state);
        press(
            &mut state,
            &[key(KeyCode::Enter), ch('S'), ch('m'), ch('\''), ch('j')],
        );
        draw(&state);
        press(&mut state, &[ch('L'), ch('/')]);
        press(&mut state, &typed("has:quotes"));
        draw(&state);
    }
}

#[test]
fn on_the_speakers_screen_l_opens_like_enter_and_h_steps_back_like_esc() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    for (open, back) in [
        (ch('l'), ch('h')),
        (key(KeyCode::Right), key(KeyCode::Left)),
    ] {
        press(&mut state, &[ch('S')]);
        assert_eq!(state.screen, Screen::People);
        press(&mut state, &[open]);
        assert!(state.people.opened.is_some(), "{open:?} opens the speaker");
        press(&mut state, &[back]);
        assert_eq!(
            state.screen,
            Screen::People,
            "{back:?} steps back one level"
        );
        assert!(state.people.opened.is_none());
        press(&mut state, &[open, ch('j'), open]);
        assert_eq!(state.screen, Screen::Reader, "{open:?} on a quote opens it");
        press(&mut state, &[ch('S'), back, back]);
        assert_eq!(state.screen, Screen::Reader, "{back:?} at the top leaves");
    }
    // The hint line says so.
    press(&mut state, &[ch('S')]);
    let status = row_text(&draw(&state), 29);
    assert!(status.contains("enter/l/→: their quotes"), "{status}");
    assert!(status.contains("esc/h/←: back"), "{status}");
    press(&mut state, &[ch('l')]);
    let status = row_text(&draw(&state), 29);
    assert!(
        status.contains("enter/l/→: open the article there"),
        "{status}"
    );
}

#[test]
fn an_empty_speakers_screen_says_whether_speakers_may_still_come() {
    use std::sync::{Arc, Mutex};
    // The second article's extraction waits for the test: the index stays incomplete.
    let gate = Arc::new(Mutex::new(()));
    let held = gate.lock().unwrap();
    let waiting = gate.clone();
    let extract: rawi::tui::state::ExtractFn = Arc::new(move |text: &str| {
        if text.contains("second") {
            let _released = waiting.lock();
        }
        rawi::attribution::Extraction::default()
    });
    let article = |id: &str, text: &str| rawi::corpus::Article {
        id: id.into(),
        title: id.into(),
        text: text.into(),
        ..Default::default()
    };
    let articles = vec![article("a1", "first, no quote"), article("a2", "second")];
    let catalogue = rawi::tui::catalogue::Catalogue::new(
        rawi::corpus::Library::from_articles(articles),
        extract,
    );
    let mut state = rawi::tui::state::State::new(
        catalogue,
        &rawi::config::Config::default(),
        ratatui::layout::Rect::new(0, 0, 100, 12),
    );
    // A partial index of the articles done so far, without speakers.
    state.people.index = Some(Arc::new(rawi::index::SpeakerIndex::build([(
        0,
        &rawi::attribution::Extraction::default(),
    )])));
    press(&mut state, &[ch('S')]);
    assert!(!state.catalogue.index_complete());
    assert_eq!(row_text(&draw(&state), 1).trim(), "no speakers found yet");
    drop(held);
    tick_until_idle(&mut state);
    assert!(state.catalogue.index_complete());
    assert_eq!(row_text(&draw(&state), 1).trim(), "no speakers");
    press(&mut state, &[ch('/'), ch('x')]);
    assert_eq!(row_text(&draw(&state), 1).trim(), "no match");
}

#[test]
fn counts_of_one_are_singular() {
    // One article quoting one speaker once.
    let mut articles = corpus_articles();
    articles.truncate(1);
    articles[0].text = "عنوان\nسالم: الأمن أولا\n".into();
    let mut state = corpus_state(articles, 100, 12);
    press(&mut state, &[ch('S')]);
    assert!(
        row_text(&draw(&state), 0).contains("Speakers 1 of 1 in 1 article,"),
        "{}",
        row_text(&draw(&state), 0)
    );
    press(&mut state, &[ch('/'), ch('س')]);
    let status = row_text(&draw(&state), 11);
    assert!(status.contains(" 1 speaker "), "{status}");
    press(&mut state, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let header = row_text(&draw(&state), 0);
    assert!(header.starts_with(" 1 quote in 1 article:"), "{header}");
    // The library's filter prompt counts articles.
    let mut state = corpus_state(corpus_articles(), 100, 12);
    press(&mut state, &[ch('L'), ch('/')]);
    press(&mut state, &typed("source:cnn"));
    let status = row_text(&draw(&state), 11);
    assert!(status.contains(" 1 article "), "{status}");
}

#[test]
fn opening_from_a_speaker_query_selects_that_speaker() {
    let mut state = corpus_state(corpus_articles(), 100, 30);
    // In a1, سالم speaks first: نادية is the one asked for.
    filter_library(&mut state, "speaker:نادية");
    assert_eq!(state.library.rows, vec![0, 2]);
    state.library.selected = 0;
    press(&mut state, &[key(KeyCode::Enter)]);
    assert_eq!(state.current, 0);
    let view = state.view();
    let q = view.focused_quote.expect("a quote in focus");
    let speaker = view.marks.quotes[q].speaker;
    assert_eq!(view.extraction.speakers[speaker].name, "نادية");
    let status = row_text(&draw(&state), 29);
    assert!(!status.contains("search"), "no stale search: {status}");
}
