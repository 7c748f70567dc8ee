//! Bad input, end to end with the real binary: each case of the README's "Bad input" table gets
//! one line on stderr naming the file and the problem, `rawi extract` exits non-zero, and the
//! good article given with it is still extracted. The big files (a 50 MB line, a 1 GiB sparse
//! file) are made in a temporary folder at test time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "عنوان الخبر\n\nقال الوزير محمد علي إن الاجتماع كان مثمرا.\n";

struct Case {
    dir: tempfile::TempDir,
    good: PathBuf,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        fs::write(&good, GOOD).unwrap();
        Case { dir, good }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        fs::write(&p, bytes).unwrap();
        p
    }

    /// `rawi extract BAD good.txt`.
    fn extract(&self, bad: &Path) -> Output {
        extract(&[bad, &self.good])
    }
}

fn extract(paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rawi"))
        .arg("extract")
        .args(paths)
        .output()
        .unwrap()
}

/// The stderr lines about inputs (`rawi extract: ...`), without the closing summary.
fn problem_lines(out: &Output) -> Vec<String> {
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
        .lines()
        .filter(|l| l.starts_with("rawi extract: "))
        .map(|l| l["rawi extract: ".len()..].to_string())
        .collect()
}

/// One problem line, `BAD: <message ending as given>`, a non-zero status, and good.txt's record.
fn assert_one_problem(case: &Case, bad: &Path, message: &str) -> String {
    let out = case.extract(bad);
    let lines = problem_lines(&out);
    assert_eq!(lines.len(), 1, "one line: {lines:?}");
    let line = &lines[0];
    let shown = bad.display().to_string();
    assert!(line.starts_with(&shown), "names the file: {line}");
    assert!(line.contains(message), "says {message:?}: {line}");
    assert!(!out.status.success(), "non-zero exit");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&format!("\"path\":\"{}\"", case.good.display())),
        "the good article is still extracted: {stdout}"
    );
    line.clone()
}

#[test]
fn a_path_that_does_not_exist() {
    let case = Case::new();
    assert_one_problem(&case, &case.path("nowhere.txt"), "does not exist");
}

#[test]
fn a_folder_without_articles() {
    let case = Case::new();
    let folder = case.path("empty-folder");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("notes.md"), "not an article").unwrap();
    assert_one_problem(&case, &folder, "folder has no .txt or .jsonl articles");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let case = Case::new();
    let secret = case.write("secret.txt", GOOD);
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_rawi"));
    command.arg("extract").arg(&secret).arg(&case.good);
    if fs::read(&secret).is_ok() {
        // Root reads anything: run rawi as nobody, who can read the folder but not the file.
        fs::set_permissions(case.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        command.uid(65534).gid(65534);
    }
    let out = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.contains("Permission denied (os error 13)") && !stderr.contains("secret.txt") {
        eprintln!("notice: rawi cannot run as nobody here ({stderr}); skipped");
        return;
    }
    let lines = problem_lines(&out);
    assert_eq!(
        lines,
        [format!(
            "{}: permission denied (cannot read it)",
            secret.display()
        )]
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("good.txt"));
}

#[test]
fn binary_files_nul_bytes_and_an_image() {
    let case = Case::new();
    let nul = case.write("nul.txt", b"abc\0def\0\0\0ghi");
    assert_one_problem(&case, &nul, "binary file (NUL bytes), not text");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[7u8; 64]);
    let png = case.write("photo.txt", png);
    assert_one_problem(&case, &png, "binary file (a PNG image), not text");
}

#[cfg(unix)]
#[test]
fn a_loop_of_symbolic_links_says_so() {
    let case = Case::new();
    let a = case.path("a.txt");
    std::os::unix::fs::symlink(case.path("b.txt"), &a).unwrap();
    std::os::unix::fs::symlink(&a, case.path("b.txt")).unwrap();
    assert_one_problem(&case, &a, "a loop of symbolic links");
}

#[test]
fn utf16_without_a_byte_order_mark_gets_a_hint() {
    let case = Case::new();
    let text = "قال الوزير إن الخطة جاهزة. 2024";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le = case.write("le.txt", le);
    assert_one_problem(&case, &le, "try --encoding utf-16le");
    let be = case.write("be.txt", be);
    assert_one_problem(&case, &be, "try --encoding utf-16be");
}

#[test]
fn an_empty_file_and_a_file_of_whitespace() {
    let case = Case::new();
    let empty = case.write("empty.txt", "");
    assert_one_problem(&case, &empty, "empty file");
    let blank = case.write("blank.txt", " \n\t\r\n\u{A0}  \n");
    assert_one_problem(&case, &blank, "only whitespace, no text");
}

#[test]
fn invalid_utf8_is_shown_lossily_with_a_warning() {
    let case = Case::new();
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe\xc3 broken \xe2\x82 end\n");
    let bad = case.write("broken.txt", bytes);
    let line = assert_one_problem(&case, &bad, "not valid UTF-8");
    assert!(line.contains('\u{FFFD}'), "{line}");
    let out = case.extract(&bad);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&format!("\"path\":\"{}\"", bad.display())),
        "the lossy article is extracted too: {stdout}"
    );
}

#[test]
fn a_corpus_with_broken_lines_keeps_the_good_ones() {
    let case = Case::new();
    let good_line =
        |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"قال الوزير إن الجو جميل.\"}}\n");
    let corpus = format!(
        "{}not json at all\n{}{{\"text\": 5}}\n{{\"id\":\"x\"}}\n{}{{\"text\":\"unterminated\n",
        good_line("a"),
        good_line("b"),
        good_line("c"),
    );
    let bad = case.write("corpus.jsonl", corpus);
    let line = assert_one_problem(&case, &bad, "4 of 7 lines skipped (lines 2, 4, 5, 7)");
    assert!(line.contains("line 2: "), "{line}");
    let out = case.extract(&bad);
    let stdout = String::from_utf8(out.stdout).unwrap();
    for id in ["a", "b", "c"] {
        assert!(stdout.contains(&format!("\"id\":\"{id}\"")), "{stdout}");
    }
}

#[test]
fn a_single_50_mb_line_without_spaces_opens() {
    let case = Case::new();
    let line = "ب".repeat(25 << 20);
    let big = case.write("one-line.txt", &line);
    drop(line);
    let out = extract(&[&big, &case.good]);
    assert!(problem_lines(&out).is_empty());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("one-line.txt") && stdout.contains("good.txt"));
    // `rawi render` lays it out too (26 million cells), in pieces of 64 KiB (32,768 letters),
    // so in bounded memory: each piece ends with a short line.
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(["render", "--width", "200"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(out.status.success());
    let pieces = (25usize << 20) / 32768;
    assert_eq!(
        out.stdout.iter().filter(|&&b| b == b'\n').count(),
        pieces * 32768usize.div_ceil(200)
    );
}

#[test]
fn a_1_gib_file_is_refused_without_reading_it() {
    let case = Case::new();
    let huge = case.path("huge.txt");
    fs::File::create(&huge).unwrap().set_len(1 << 30).unwrap();
    assert_one_problem(
        &case,
        &huge,
        "1 GiB is over the 64 MiB limit for one article",
    );
    // A corpus is read in chunks: 1 GiB of NUL bytes is seen as binary at its first chunk.
    let corpus = case.path("huge.jsonl");
    fs::File::create(&corpus).unwrap().set_len(1 << 30).unwrap();
    assert_one_problem(&case, &corpus, "binary file (NUL bytes), not text");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_files_reached_twice_are_read_once() {
    let case = Case::new();
    let folder = case.path("loop");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("a.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("again")).unwrap();
    std::os::unix::fs::symlink(case.dir.path(), folder.join("up")).unwrap();
    let out = extract(&[&folder]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("a.txt").count(), 1, "{stdout}");
}

#[test]
fn stdin_and_stdout_closed_or_cut_short() {
    let case = Case::new();
    // No input at all: an empty stdin is an empty article, reported; render prints nothing.
    let sh = |script: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("RAWI", env!("CARGO_BIN_EXE_rawi"))
            .env("GOOD", &case.good)
            .output()
            .unwrap()
    };
    let out = sh("\"$RAWI\" render < /dev/null");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = sh("\"$RAWI\" render <&-");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let out = sh("\"$RAWI\" extract - < /dev/null; echo \"status $?\"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("status 1"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-: empty file"));
    // The reader of the output goes away after one byte: a normal end, not a crash.
    let out =
        sh("\"$RAWI\" extract \"$GOOD\" \"$GOOD\" | head -c1; echo \" status ${PIPESTATUS:-0}\"");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let out = sh("yes 'قال الوزير إن الجو جميل' | head -n 100000 | \"$RAWI\" render | head -c1");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{out:?}");
    // No stdout at all: Rust's runtime puts /dev/null in its place, so the output is discarded
    // as if sent there; no panic, status 0.
    for command in [
        "\"$RAWI\" render \"$GOOD\" >&-",
        "\"$RAWI\" extract \"$GOOD\" >&-",
    ] {
        let out = sh(&format!("{command}; echo \"status $?\" >&2"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
        assert!(stderr.contains("status 0"), "{command}: {stderr}");
    }
}

#[test]
fn config_keys_and_values_never_reach_the_terminal_raw() {
    let case = Case::new();
    let config = case.write(
        "config\u{1b}[2J.toml",
        "[reader]\n\"\\u001b]0;KEY-PWN\\u0007\" = 1\nbidi = \"\\u001b[31m\\u202e\"\n[keys]\n\"\\u009b2J\" = \"quit\"\n",
    );
    // The reader reports the config problems on stderr before it needs a terminal; with no
    // article to open it then stops.
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .arg("--config")
        .arg(&config)
        .arg(case.path("missing.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("rawi: config: "), "{stderr}");
    assert!(stderr.contains("KEY-PWN"), "{stderr}");
    assert!(stderr.contains("config␛[2J.toml:"), "{stderr}");
    assert!(
        !stderr
            .chars()
            .any(|c| (c.is_control() && c != '\n') || rawi::text::is_bidi_format(c)),
        "{stderr:?}"
    );
    assert!(!out.status.success());
}

#[test]
fn one_article_on_stdin_has_the_article_limit() {
    // Found by the loaders fuzz target: a plain text on stdin skipped the 64 MiB article limit
    // that a `.txt` file has (stdin may hold up to 1 GiB, for a corpus).
    let big = vec![b'b'; (64 << 20) + 10];
    let loaded = rawi::corpus::load_bytes("-", big, &rawi::corpus::LoadOptions::default());
    assert!(loaded.articles.is_empty());
    assert_eq!(
        loaded.errors[0].to_string(),
        "-: 64.0 MiB is over the 64 MiB limit for one article"
    );
}

#[test]
fn the_reader_refuses_an_output_that_is_not_a_terminal() {
    let case = Case::new();
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .arg(&case.good)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    assert!(
        stderr.contains("stdout is not one") && stderr.contains("rawi render"),
        "{stderr}"
    );
}

/// `mkfifo PATH`.
#[cfg(unix)]
fn fifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// Runs rawi with `args`, killing it after 20 s: a blocked rawi fails the test instead of
/// hanging it.
fn rawi_bounded(args: &[&str]) -> Output {
    Command::new("timeout")
        .arg("20")
        .arg(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_never_block() {
    let case = Case::new();
    // In a folder, a FIFO named like an article is skipped; nothing waits for it.
    let folder = case.path("folder");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("a.txt"), GOOD).unwrap();
    fifo(&folder.join("b.txt"));
    let out = rawi_bounded(&["extract", folder.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(124), "timed out");
    assert!(out.status.success() && problem_lines(&out).is_empty());
    // The reader refuses a FIFO named on the command line (it would wait before the first frame).
    let named = case.path("named.txt");
    fifo(&named);
    let out = rawi_bounded(&[named.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a regular file") && err.contains("rawi - <"),
        "{err}"
    );
    // A word list that is a FIFO or /dev/zero is reported, not waited for or read forever.
    let config = case.path("config.toml");
    fifo(&case.path("words.toml"));
    for list in ["words.toml", "/dev/zero"] {
        fs::write(&config, format!("[attribution]\nlexicons = [\"{list}\"]\n")).unwrap();
        let args = ["extract", "--config", config.to_str().unwrap(), "-"];
        let out = rawi_bounded(&args);
        assert_ne!(out.status.code(), Some(124), "timed out on {list}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{list}: {err}");
    }
}
