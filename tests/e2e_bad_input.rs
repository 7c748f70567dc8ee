//! End to end, the reader (the real binary in tmux) given bad inputs beside a good one: it opens
//! the good article, and every bad input gets its one line on the terminal before the reader
//! starts (still there once it quits). Files that change or vanish while the reader is open do
//! not disturb it. With no good input at all, it says so and exits non-zero.

mod e2e_common;

use std::fs;

use e2e_common::*;

const GOOD: &str = "عنوان الخبر\n\nقال الوزير محمد علي إن الاجتماع كان مثمرا.\n";

#[test]
fn bad_inputs_are_reported_and_the_good_one_opens() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    fs::write(p("good.txt"), GOOD).unwrap();
    fs::create_dir(p("no-articles")).unwrap();
    fs::write(p("nul.txt"), b"abc\0def").unwrap();
    fs::write(p("empty.txt"), "").unwrap();
    fs::write(p("blank.txt"), "  \n\t\n").unwrap();
    fs::write(p("lossy.txt"), b"\xd9\x82\xd8\xa7\xd9\x84 \xff\xfe ok\n").unwrap();
    fs::write(
        p("corpus.jsonl"),
        "{\"id\":\"c1\",\"text\":\"نص المقال\"}\nbroken\n",
    )
    .unwrap();
    fs::File::create(p("huge.txt"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let args = [
        p("missing.txt"),
        p("no-articles"),
        p("nul.txt"),
        p("empty.txt"),
        p("blank.txt"),
        p("lossy.txt"),
        p("corpus.jsonl"),
        p("huge.txt"),
        p("good.txt"),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let tmux = Tmux::start(160, 40, &args, &[]);
    // The three articles that did open (the lossy one, the corpus line, the good one) are all
    // listed once loading is done; then move to the last.
    tmux.wait_text("Articles 3");
    // The problems' notice comes when loading ends and holds the status bar until a key: wait
    // for it, so that the keys below clear it and the file name shows.
    tmux.wait_text("listed on exit");
    tmux.keys(&["J", "J"]);
    tmux.wait_text("good.txt");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
    let screen = tmux.screen();
    for expected in [
        "missing.txt: does not exist",
        "no-articles: folder has no .txt or .jsonl articles",
        "nul.txt: binary file (NUL bytes), not text",
        "empty.txt: empty file",
        "blank.txt: only whitespace, no text",
        "lossy.txt: not valid UTF-8",
        "corpus.jsonl: 1 of 2 lines skipped (line 2)",
        "huge.txt: 1 GiB is over the 64 MiB limit for one article",
    ] {
        assert!(screen.contains(expected), "{expected:?} in:\n{screen}");
    }
}

#[test]
fn files_that_change_or_vanish_while_open_do_not_disturb_the_reader() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let [a, b, c] = ["a.txt", "b.txt", "c.txt"].map(|name| dir.path().join(name));
    fs::write(&a, GOOD).unwrap();
    fs::write(&b, GOOD.replace("الوزير", "المدير")).unwrap();
    fs::write(&c, GOOD.replace("الوزير", "النائب")).unwrap();
    let paths = [&a, &b, &c].map(|p| p.to_str().unwrap().to_string());
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let tmux = Tmux::start(120, 30, &args, &[]);
    tmux.wait_text("Articles 3");
    // a.txt is open; b.txt changes and c.txt disappears before they are shown.
    fs::remove_file(&a).unwrap();
    fs::write(&b, b"\0\0\0 now binary").unwrap();
    fs::remove_file(&c).unwrap();
    tmux.keys(&["J"]);
    tmux.wait_text("b.txt: changed on disk since it was opened; reopen it");
    tmux.keys(&["J"]);
    tmux.wait_text("c.txt: disappeared since it was opened; reopen it");

    // a.txt's text was read when it was opened: still shown, though the file is gone.
    tmux.keys(&["g", "K", "K"]);
    tmux.wait_for("a.txt and its text", |s| {
        s.contains("a.txt") && s.contains("ﺮﻳﺯﻮﻟﺍ")
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn a_file_replaced_by_a_fifo_does_not_freeze_the_reader() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let [a, b] = ["a.txt", "b.txt"].map(|name| dir.path().join(name));
    fs::write(&a, GOOD).unwrap();
    fs::write(&b, GOOD).unwrap();
    let paths = [&a, &b].map(|p| p.to_str().unwrap().to_string());
    let tmux = Tmux::start(120, 30, &[&paths[0], &paths[1]], &[]);
    tmux.wait_text("Articles 2");
    // Opening a FIFO waits for a writer: the reader froze for good, deaf to q and signals.
    fs::remove_file(&b).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&b)
            .status()
            .unwrap()
            .success()
    );
    tmux.keys(&["J"]);
    tmux.wait_text("b.txt: is no longer a regular file since it was opened; reopen it");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn nothing_to_open_is_an_error() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let tmux = Tmux::start(
        100,
        40,
        &[missing.to_str().unwrap()],
        &[("RUST_BACKTRACE", "0")],
    );
    let screen = tmux.wait_text("RAWI-EXIT");
    assert!(screen.contains("missing.txt: does not exist"), "{screen}");
    assert!(screen.contains("no article could be opened"), "{screen}");
    assert!(screen.contains("RAWI-EXIT 1"), "{screen}");
}
