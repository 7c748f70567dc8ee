//! The reading memory's state file: round trip, atomic writes, corrupted or unreadable files.

use std::fs;
use std::path::PathBuf;

use rawi::memory::{Position, ReadingMemory, STATE_DIR_ENV, article_key, corpus_key};

fn pos(paragraph: usize, offset: usize) -> Position {
    Position { paragraph, offset }
}

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/state.json");
    let (mut memory, warning) = ReadingMemory::open(path.clone());
    assert_eq!(warning, None);
    memory.set_position("a#1", pos(3, 120));
    memory.set_last_open("corpus", "a#1");
    assert!(memory.toggle_bookmark("a#1", pos(5, 0)));
    assert!(memory.toggle_bookmark("a#1", pos(1, 9)));
    assert!(memory.toggle_bookmark("b#2", pos(0, 0)));
    assert!(!memory.toggle_bookmark("b#2", pos(0, 0)));
    memory.save().unwrap();

    let (again, warning) = ReadingMemory::open(path);
    assert_eq!(warning, None);
    assert_eq!(again.position("a#1"), Some(pos(3, 120)));
    assert_eq!(again.position("zzz"), None);
    assert_eq!(again.last_open("corpus"), Some("a#1"));
    assert_eq!(again.bookmarks("a#1"), [pos(1, 9), pos(5, 0)]);
    assert_eq!(again.bookmarks("b#2"), []);
    assert_eq!(
        again.all_bookmarks(),
        [("a#1", pos(1, 9)), ("a#1", pos(5, 0))]
    );
}

#[cfg(unix)]
#[test]
fn saving_replaces_the_file_by_rename_and_leaves_no_temporary_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (mut memory, _) = ReadingMemory::open(path.clone());
    memory.set_position("a", pos(1, 1));
    memory.save().unwrap();
    let before = fs::metadata(&path).unwrap().ino();
    // A reader of the old file keeps seeing the whole old file while the new one is written.
    let old_text = fs::read_to_string(&path).unwrap();
    let old = fs::File::open(&path).unwrap();
    memory.set_position("a", pos(2, 2));
    memory.save().unwrap();
    assert_ne!(fs::metadata(&path).unwrap().ino(), before);
    assert_eq!(std::io::read_to_string(old).unwrap(), old_text);
    assert_ne!(fs::read_to_string(&path).unwrap(), old_text);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["state.json"]);
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (mut memory, _) = ReadingMemory::open(path.clone());
    memory.set_position("a", pos(1, 1));
    memory.save().unwrap();
    let saved = fs::read(&path).unwrap();
    // The rename cannot happen onto a folder: the save fails, nothing else changes.
    let (mut other, _) = ReadingMemory::open(dir.path().join("folder"));
    fs::create_dir(dir.path().join("folder")).unwrap();
    fs::write(dir.path().join("folder/x"), "").unwrap();
    other.set_position("b", pos(2, 2));
    assert!(other.save().is_err());
    assert_eq!(fs::read(&path).unwrap(), saved);
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["folder", "state.json"]);
}

#[test]
fn a_corrupted_file_is_set_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    for garbage in [
        &b"{\"version\": 1, \"articles\": {\"a\": "[..],
        b"\x00\xFF\xFE",
        b"",
    ] {
        fs::write(&path, garbage).unwrap();
        let (mut memory, warning) = ReadingMemory::open(path.clone());
        let warning = warning.expect("a warning");
        assert!(warning.contains("is corrupted"), "{warning}");
        assert!(!warning.contains('\n'));
        assert!(!path.exists());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".broken-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(&aside[0]).unwrap(), garbage);
        fs::remove_file(&aside[0]).unwrap();
        // Starts afresh and saves again.
        memory.set_position("a", pos(0, 4));
        memory.save().unwrap();
        assert_eq!(
            ReadingMemory::open(path.clone()).0.position("a"),
            Some(pos(0, 4))
        );
    }
}

#[test]
fn an_unreadable_state_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be cannot be read as a file.
    let path = dir.path().join("state.json");
    fs::create_dir(&path).unwrap();
    let (memory, warning) = ReadingMemory::open(path.clone());
    assert!(warning.unwrap().contains("cannot be read"));
    assert_eq!(memory.path(), Some(path.as_path()));
    assert!(!path.exists());
}

#[test]
fn a_newer_format_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, "{\"version\": 99, \"articles\": {}}").unwrap();
    let (mut memory, warning) = ReadingMemory::open(path.clone());
    assert!(warning.unwrap().contains("newer rawi"));
    memory.set_position("a", pos(1, 1));
    memory.save().unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"version\": 99, \"articles\": {}}"
    );
}

#[test]
fn default_path_follows_the_environment_variable() {
    // Only this test sets the variable in this test binary.
    let dir = tempfile::tempdir().unwrap();
    unsafe { std::env::set_var(STATE_DIR_ENV, dir.path()) };
    assert_eq!(
        ReadingMemory::default_path(),
        Some(dir.path().join("state.json"))
    );
    unsafe { std::env::remove_var(STATE_DIR_ENV) };
}

#[test]
fn keys_use_absolute_paths() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    fs::write(&file, "x").unwrap();
    let canonical = fs::canonicalize(&file).unwrap();
    assert_eq!(
        article_key(&file.to_string_lossy(), "a"),
        format!("{}#a", canonical.display())
    );
    assert_eq!(article_key("-", "stdin"), "-#stdin");
    assert_eq!(corpus_key(&[]), "bundled");
    assert_eq!(
        corpus_key(&[file.clone(), PathBuf::from("-")]),
        format!("{}\n-", canonical.display())
    );
}

/// The other reader of `two_readers_keep_each_others_bookmarks`: run as a second process (this
/// test binary again), it bookmarks one article in the state file named by the variable and
/// quits. Run on its own it does nothing.
#[test]
fn second_reader_process() {
    let Some(path) = std::env::var_os("RAWI_TEST_SECOND_READER") else {
        return;
    };
    let (mut memory, warning) = ReadingMemory::open(PathBuf::from(path));
    assert_eq!(warning, None);
    memory.toggle_bookmark("theirs#1", pos(4, 0));
    memory.set_position("theirs#1", pos(4, 0));
    memory.save().unwrap();
}

#[test]
fn two_readers_keep_each_others_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (mut first, _) = ReadingMemory::open(path.clone());
    first.toggle_bookmark("shared#0", pos(1, 0));
    first.save().unwrap();
    // Both readers are open; the second bookmarks and quits first...
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "second_reader_process", "--test-threads=1"])
        .env("RAWI_TEST_SECOND_READER", &path)
        .status()
        .unwrap();
    assert!(status.success());
    // ...then the first bookmarks and quits: it must not overwrite the second's work.
    first.toggle_bookmark("mine#0", pos(2, 0));
    first.toggle_bookmark("shared#0", pos(1, 0)); // removed here
    first.save().unwrap();
    let (after, _) = ReadingMemory::open(path);
    assert_eq!(after.bookmarks("theirs#1"), [pos(4, 0)]);
    assert_eq!(after.position("theirs#1"), Some(pos(4, 0)));
    assert_eq!(after.bookmarks("mine#0"), [pos(2, 0)]);
    assert_eq!(after.bookmarks("shared#0"), []);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_dev_zero_as_state_file_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a FIFO for reading would block until a writer comes: never. It is set aside.
    let (mut memory, warning) = ReadingMemory::open(path.clone());
    let warning = warning.expect("a warning");
    assert!(warning.contains("not a regular file"), "{warning}");
    memory.set_position("a", pos(1, 1));
    memory.save().unwrap();
    assert!(fs::metadata(&path).unwrap().is_file());
    // A link to /dev/zero would be read forever.
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let (_, warning) = ReadingMemory::open(path.clone());
    assert!(warning.unwrap().contains("not a regular file"));
}

#[test]
fn temporary_files_of_writers_that_died_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    // `kill -9` during a save leaves its temporary file behind.
    fs::write(dir.path().join("state.json.tmp-999999"), "{").unwrap();
    let (mut memory, _) = ReadingMemory::open(path.clone());
    memory.set_position("a", pos(1, 1));
    memory.save().unwrap();
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["state.json"]);
}
