//! Bad input: each gets a one-line error naming the file and the problem, and the other inputs
//! still load.

use std::fs;
use std::path::{Path, PathBuf};

use rawi::corpus::{ArticleRef, LoadError, LoadOptions, TextHandle, load, map_articles_par};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// Loads `bad` between two good articles; returns the problems (as lines) and checks the good
/// articles loaded around it.
fn problems_with(bad: &Path, opts: &LoadOptions) -> Vec<String> {
    let dir = bad.parent().unwrap();
    let before = write(dir, "good/0.txt", "مقال أول");
    let after = write(dir, "good/9.txt", "مقال أخير");
    let loaded = load(&[before, bad.to_path_buf(), after], opts);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"0"));
    assert_eq!(ids.last(), Some(&"9"));
    let lines: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    for line in &lines {
        assert!(!line.contains('\n'), "one line: {line}");
        assert!(line.starts_with(&bad.display().to_string()), "{line}");
    }
    lines
}

fn one_problem(bad: &Path) -> String {
    let problems = problems_with(bad, &LoadOptions::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems[0].clone()
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nope.txt");
    assert_eq!(one_problem(&p), format!("{}: does not exist", p.display()));
}

#[test]
fn folder_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    write(&empty, "notes.md", "x");
    assert!(one_problem(&empty).ends_with("folder has no .txt or .jsonl articles"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", "نص");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        eprintln!("notice: running as root, file permissions are not enforced; skipped");
        return;
    }
    assert!(one_problem(&p).ends_with("permission denied (cannot read it)"));
}

#[test]
fn binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let nul = write(dir.path(), "nul.txt", b"text\0\x01\x02more");
    assert!(one_problem(&nul).ends_with("binary file (NUL bytes), not text"));
    let png = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(one_problem(&png).ends_with("binary file (a PNG image), not text"));
    let corpus = write(dir.path(), "image.jsonl", b"\xFF\xD8\xFF\xE0\0\x10JFIF");
    assert!(one_problem(&corpus).ends_with("binary file (a JPEG image), not text"));
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    assert!(one_problem(&empty).ends_with(": empty file"));
    let blank = write(dir.path(), "blank.txt", " \n\t\u{00A0}\r\n");
    assert!(one_problem(&blank).ends_with(": only whitespace, no text"));
}

#[test]
fn invalid_utf8_loads_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "قال الوزير إن الاجتماع كان مثمرا".as_bytes().to_vec();
    bytes.insert(7, 0xFF);
    let p = write(dir.path(), "broken.txt", &bytes);
    let problem = one_problem(&p);
    assert!(problem.contains("not valid UTF-8"), "{problem}");
    let loaded = load(&[p], &LoadOptions::default());
    assert!(loaded.articles[0].lossy);
    assert!(loaded.articles[0].text.contains('\u{FFFD}'));
    assert!(loaded.errors[0].is_warning());
}

#[test]
fn jsonl_with_broken_lines_keeps_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "c.jsonl",
        "{\"text\": \"أ\"}\n{\"text\": \nnot json\n{\"text\": \"ب\"}\n{\"id\": 3}\n{\"text\": \"  \"}\n",
    );
    let loaded = load(std::slice::from_ref(&p), &LoadOptions::default());
    assert_eq!(loaded.articles.len(), 2);
    let problem = one_problem(&p);
    assert!(
        problem.contains("4 of 6 lines skipped (lines 2, 3, 5, 6)"),
        "{problem}"
    );
}

#[test]
fn many_broken_lines_are_reported_compactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut corpus = String::new();
    for i in 0..5000 {
        corpus.push_str(if i % 2 == 0 {
            "{\"text\": \"نص\"}\n"
        } else {
            "{oops\n"
        });
    }
    let p = write(dir.path(), "big.jsonl", corpus);
    let problem = one_problem(&p);
    assert!(
        problem.contains(
            "2500 of 5000 lines skipped (lines 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 2490 more)"
        ),
        "{problem}"
    );
    assert!(problem.len() < 300);
}

#[test]
fn a_single_50_mb_line_without_spaces_loads() {
    let dir = tempfile::tempdir().unwrap();
    let long = "ب".repeat(25 << 20);
    let p = write(dir.path(), "long.txt", &long);
    let line = format!("{{\"text\": \"{long}\"}}\n{{\"text\": \"قصير\"}}\n");
    let c = write(dir.path(), "long.jsonl", line);
    let loaded = load(&[p, c], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 3);
    assert_eq!(loaded.articles[0].title, "long");
    assert_eq!(loaded.articles[1].text.len(), 50 << 20);
}

#[test]
fn over_the_article_limit_is_refused_and_corpus_lines_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let opts = LoadOptions {
        max_article_bytes: 1000,
        ..LoadOptions::default()
    };
    let p = write(dir.path(), "big.txt", "ب".repeat(600));
    let problems = problems_with(&p, &opts);
    assert_eq!(
        problems,
        [format!(
            "{}: 1.2 KiB is over the 1000 B limit for one article",
            p.display()
        )]
    );
    let line = format!("{{\"text\": \"{}\"}}\n", "ب".repeat(5000));
    let c = write(
        dir.path(),
        "c.jsonl",
        format!("{line}{{\"text\": \"ق\"}}\n{line}"),
    );
    let loaded = load(std::slice::from_ref(&c), &opts);
    assert_eq!(loaded.articles.len(), 1);
    assert!(
        loaded.errors[0]
            .to_string()
            .contains("2 of 3 lines skipped (lines 1, 3); line 1: longer than the 1000 B limit"),
        "{}",
        loaded.errors[0]
    );
    // A line far longer than a read chunk is skipped without being held.
    let huge = format!("{{\"text\": \"{}\"}}\n", "ب".repeat(200_000));
    let c = write(
        dir.path(),
        "h.jsonl",
        format!("{huge}{{\"text\": \"ق\"}}\n{huge}"),
    );
    let loaded = load(std::slice::from_ref(&c), &opts);
    assert_eq!(loaded.articles.len(), 1);
    assert!(
        loaded.errors[0]
            .to_string()
            .contains("2 of 3 lines skipped (lines 1, 3)"),
        "{}",
        loaded.errors[0]
    );
}

#[test]
fn a_1_gb_file_is_never_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: 1 GiB on paper, nothing on disk.
    let txt = dir.path().join("huge.txt");
    fs::File::create(&txt).unwrap().set_len(1 << 30).unwrap();
    assert_eq!(
        one_problem(&txt),
        format!(
            "{}: 1 GiB is over the 64 MiB limit for one article",
            txt.display()
        )
    );
    let jsonl = dir.path().join("huge.jsonl");
    fs::File::create(&jsonl).unwrap().set_len(1 << 30).unwrap();
    assert!(one_problem(&jsonl).ends_with("binary file (NUL bytes), not text"));
}

fn handles(paths: &[PathBuf]) -> Vec<TextHandle> {
    let mut out = Vec::new();
    map_articles_par(
        paths,
        &LoadOptions::default(),
        |a: ArticleRef<'_>| a.text_handle(),
        |r| {
            out.push(r.unwrap());
            true
        },
    );
    out
}

#[test]
fn a_file_that_changes_or_disappears_is_an_error_not_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "a.txt", "نص أول");
    let corpus = write(
        dir.path(),
        "c.jsonl",
        "{\"text\": \"أ\"}\n{\"text\": \"ب\"}\n",
    );
    let h = handles(&[txt.clone(), corpus.clone()]);
    assert_eq!(h[0].text().unwrap(), "نص أول");
    assert_eq!(h[2].text().unwrap(), "ب");

    fs::write(&corpus, "{\"text\": \"ج\"}\n").unwrap();
    let e = h[2].text().unwrap_err();
    assert!(matches!(e, LoadError::Changed { .. }), "{e}");
    assert!(e.to_string().starts_with(&corpus.display().to_string()));

    fs::remove_file(&txt).unwrap();
    assert_eq!(
        h[0].text().unwrap_err().to_string(),
        format!(
            "{}: disappeared since it was opened; reopen it",
            txt.display()
        )
    );
}

#[test]
fn empty_and_blank_corpora() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.jsonl", "");
    assert!(one_problem(&empty).ends_with(": empty file"));
    let blank = write(dir.path(), "blank.jsonl", "\n  \n\r\n");
    assert!(one_problem(&blank).ends_with(": only whitespace, no text"));
}

#[test]
fn a_skipped_long_line_at_the_end_does_not_stall() {
    // The over-long line is skipped in pieces; its newline is the last byte of the file, so the
    // reader ends with an empty buffer and must then see the end, not spin.
    let dir = tempfile::tempdir().unwrap();
    let opts = LoadOptions {
        max_article_bytes: 100,
        ..LoadOptions::default()
    };
    let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(100_000));
    let p = write(dir.path(), "c.jsonl", long);
    let loaded = load(std::slice::from_ref(&p), &opts);
    assert!(loaded.articles.is_empty());
    let problems: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("1 of 1 line skipped (line 1)"),
        "{problems:?}"
    );
}

#[test]
fn a_stray_nul_byte_opens_and_shows_as_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "قال المتحدث إن الاجتماع كان مثمرا. ".repeat(40);
    text.push('\0');
    text.push_str("وأضاف أن الحوار سيستمر.");
    let p = write(dir.path(), "stray.txt", &text);
    assert_eq!(
        problems_with(&p, &LoadOptions::default()),
        Vec::<String>::new()
    );
    let loaded = load(&[p], &LoadOptions::default());
    let article = &loaded.articles[0].text;
    assert!(article.contains('\0'));
    // The text engine shows it as a placeholder, never as the byte.
    let mut shown = Vec::new();
    let opts = rawi::text::LayoutOptions::default();
    rawi::render::render(article.as_bytes(), &mut shown, 40, &opts).unwrap();
    let shown = String::from_utf8(shown).unwrap();
    assert!(shown.contains('␀') && !shown.contains('\0'), "{shown}");
    // Many NUL bytes are still a binary file, short or long.
    let many = write(dir.path(), "many.txt", [text.as_bytes(), &[0; 9]].concat());
    assert!(one_problem(&many).ends_with("binary file (NUL bytes), not text"));
    let zeros = write(dir.path(), "zeros.txt", [0u8; 5000]);
    assert!(one_problem(&zeros).ends_with("binary file (NUL bytes), not text"));
}

/// UTF-16 little endian without a byte order mark.
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn a_given_utf16_encoding_needs_no_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let text = "عنوان الخبر\n\nقال المتحدث إن الاجتماع كان مثمرا.";
    let txt = write(dir.path(), "article.txt", utf16le(text));
    let line = format!("{}\n", serde_json::json!({"id": "a1", "text": text}));
    let jsonl = write(dir.path(), "corpus.jsonl", utf16le(&line));
    let opts = LoadOptions {
        encoding: Some(encoding_rs::UTF_16LE),
        ..LoadOptions::default()
    };
    for path in [&txt, &jsonl] {
        let loaded = load(std::slice::from_ref(path), &opts);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.articles.len(), 1);
        assert!(loaded.articles[0].text.contains("قال المتحدث"));
        // The text is read back from the file the same way (for the reader and the index).
        let mut handles = Vec::new();
        map_articles_par(
            std::slice::from_ref(path),
            &opts,
            |a| a.text_handle(),
            |h| {
                handles.push(h.unwrap());
                true
            },
        );
        assert!(handles[0].text().unwrap().contains("قال المتحدث"));
    }
}

#[test]
fn the_lossy_warning_names_the_encoding_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"qala: ".to_vec();
    bytes.extend_from_slice(&[0xC7, 0xE1, 0xFF, 0xFE]); // 0xFF, 0xFE: nothing in ISO-8859-6
    let txt = write(dir.path(), "legacy.txt", &bytes);
    let mut line = br#"{"text": "qala: "#.to_vec();
    line.extend_from_slice(&[0xC7, 0xE1, 0xFF, b'"', b'}', b'\n']);
    let jsonl = write(dir.path(), "legacy.jsonl", &line);
    let opts = LoadOptions {
        encoding: Some(encoding_rs::ISO_8859_6),
        ..LoadOptions::default()
    };
    for path in [&txt, &jsonl] {
        let loaded = load(std::slice::from_ref(path), &opts);
        assert_eq!(loaded.articles.len(), 1);
        let problems: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("not valid ISO-8859-6;"),
            "{problems:?}"
        );
        assert!(!problems[0].contains("UTF-8"), "{problems:?}");
    }
}
