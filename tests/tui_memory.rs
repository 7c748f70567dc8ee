//! Reading memory through the reader: open, move, quit, open again at another size: the same
//! article at the same words, the bookmarks still there; a broken state file is set aside; the
//! articles themselves are never written.

mod tui_common;

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;
use rawi::config::Config;
use rawi::corpus::{LoadOptions, bundled};
use rawi::memory::{ReadingMemory, corpus_key};
use rawi::tui::event_loop::{Exit, Input};
use rawi::tui::recall::Recall;
use rawi::tui::state::State;
use tui_common::*;

fn folder_of_articles(dir: &Path) -> PathBuf {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    for article in bundled() {
        std::fs::write(folder.join(format!("{}.txt", article.id)), &article.text).unwrap();
    }
    folder
}

/// A reader on `paths` at `width` x `height`, remembering in `state_file`.
fn reader(
    paths: &[PathBuf],
    state_file: &Path,
    width: u16,
    height: u16,
) -> (State, Option<String>) {
    let catalogue =
        rawi::tui::open_catalogue(paths.to_vec(), LoadOptions::default(), fixture_extractor())
            .unwrap();
    let mut state = State::new(
        catalogue,
        &Config::default(),
        Rect::new(0, 0, width, height),
    );
    tick_until_idle(&mut state);
    let (memory, warning) = ReadingMemory::open(state_file.to_path_buf());
    state.attach_memory(Recall::new(memory, corpus_key(paths)));
    (state, warning)
}

fn keys(cs: &str) -> Vec<Input> {
    cs.chars().map(|c| Input::Key(ch(c))).collect()
}

fn snapshot_of(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn quitting_and_reopening_comes_back_to_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder_of_articles(dir.path());
    let before = snapshot_of(&folder);
    let state_file = dir.path().join("state").join("state.json");
    let paths = vec![folder.clone()];

    let (mut state, warning) = reader(&paths, &state_file, 100, 30);
    assert_eq!(warning, None);
    // The first articles in name order: 000_seed, 004_bbc...; go to the second, read on, mark.
    let (exit, ..) = run_loop(&mut state, keys("Jjjjjjmjjq"));
    assert_eq!(exit, Exit::Quit);
    assert_eq!(state.current, 1);
    let anchor = state.view().shown;
    assert!(anchor != Default::default(), "the reader moved");
    let offset = top_offset(&state);
    assert!(state_file.exists(), "saved on quit");
    let leftovers: Vec<_> = std::fs::read_dir(state_file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");

    // Again, narrower: the same article, its top line holds the same words.
    let (mut again, warning) = reader(&paths, &state_file, 80, 24);
    assert_eq!(warning, None);
    assert_eq!(again.current, 1, "the last article open is reopened");
    assert_eq!(again.view().top, anchor);
    let top = again.top_line();
    let lines = again.view().doc.cached(top.para).unwrap();
    let para_start = again.view().doc.para_range(top.para).start;
    let shown = &lines[top.line].logical;
    assert!(
        para_start + shown.start <= offset && offset < para_start + shown.end.max(shown.start + 1),
        "the top line at 80 columns contains the words that were on top at 100"
    );
    // The bookmark made in the first session is there.
    press(&mut again, &[ch('\'')]);
    assert_eq!(again.bookmarks.rows.len(), 1);
    assert_eq!(again.bookmarks.rows[0].article, 1);
    // Moving in another article and leaving it with K saves its position too.
    let (exit, ..) = run_loop(&mut again, vec![Input::Key(key_esc()), Input::Key(ch('K'))]);
    assert_eq!(exit, Exit::Closed);
    assert_eq!(again.current, 0);
    assert_eq!(
        snapshot_of(&folder),
        before,
        "the articles are never written"
    );
}

fn key_esc() -> ratatui::crossterm::event::KeyEvent {
    key(ratatui::crossterm::event::KeyCode::Esc)
}

#[test]
fn a_corrupted_state_file_is_set_aside_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder_of_articles(dir.path());
    let state_file = dir.path().join("state.json");
    std::fs::write(&state_file, b"{\"version\":1,\"articles\":{\"x\":").unwrap();
    let (mut state, warning) = reader(std::slice::from_ref(&folder), &state_file, 100, 30);
    let warning = warning.expect("a warning");
    assert!(warning.contains("corrupted"), "{warning}");
    let (exit, ..) = run_loop(&mut state, keys("Jjjq"));
    assert_eq!(exit, Exit::Quit);
    // A good file replaced it; the broken one is kept beside it.
    let (_, warning) = ReadingMemory::open(state_file.clone());
    assert_eq!(warning, None);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.broken-")),
        "{names:?}"
    );
}
