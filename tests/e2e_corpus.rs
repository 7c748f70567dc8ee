//! End to end over many articles: the real `rawi` binary on a folder and a JSON Lines corpus
//! made in a temporary folder (tmux), `--encoding`, and `rawi extract --speakers`.

mod e2e_common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use e2e_common::*;
use encoding_rs::WINDOWS_1256;

/// A folder with the bundled articles, one of them in Windows-1256 and one with bad bytes,
/// and a corpus of `n` articles with sources.
fn make_inputs(dir: &Path, n: usize) -> (String, String) {
    let folder = dir.join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    for article in rawi::corpus::bundled() {
        std::fs::write(folder.join(format!("{}.txt", article.id)), &article.text).unwrap();
    }
    let (legacy, _, _) = WINDOWS_1256.encode("مقال قديم\n\nقال الوزير إن الأمن مهم.\n");
    std::fs::write(folder.join("legacy.txt"), &legacy).unwrap();
    let mut broken = "مقال تالف\n\nنص عربي سليم في معظمه ".repeat(8).into_bytes();
    broken.extend_from_slice(&[0xff, 0xfe, 0x80]);
    broken.extend_from_slice("ثم نص سليم.\n".as_bytes());
    std::fs::write(folder.join("zz_broken.txt"), &broken).unwrap();
    let corpus = dir.join("corpus.jsonl");
    let mut out = std::fs::File::create(&corpus).unwrap();
    for i in 0..n {
        let source = if i % 2 == 0 { "alpha" } else { "beta" };
        let text =
            format!("خبر رقم {i} من مصدر {source}\nقال المتحدث باسم الوزارة إن العمل مستمر.");
        let line = serde_json::json!({"id": format!("n{i}"), "title": format!("خبر {i}"), "source": source, "text": text});
        writeln!(out, "{line}").unwrap();
    }
    (
        folder.to_string_lossy().into_owned(),
        corpus.to_string_lossy().into_owned(),
    )
}

#[test]
fn a_folder_and_a_corpus_open_together_with_the_library_and_the_speakers_screen() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (folder, corpus) = make_inputs(dir.path(), 200);
    let state_dir = dir.path().join("state");
    let state_dir = state_dir.to_str().unwrap();
    let tmux = Tmux::start(
        140,
        30,
        &[&folder, &corpus],
        &[("RAWI_STATE_DIR", state_dir)],
    );
    // 4 bundled + legacy + broken + 200 corpus articles, in a third pane at 140 columns.
    tmux.wait_text("Articles 206");
    // The extraction runs in the background; the speakers screen shows the merged index, and
    // follows it until every article is in.
    tmux.keys(&["S"]);
    tmux.wait_for("the index of every article", |s| {
        s.contains("in 206 articles") && !s.contains("still counting")
    });
    // (Not Escape here: followed at once by another key, it reads as Alt+that key.)
    tmux.keys(&["S"]);
    tmux.wait_text("Articles 206");
    // The library's query: the corpus's "beta" half.
    tmux.keys(&["Tab", "Tab", "/"]);
    tmux.type_text("source:beta");
    tmux.keys(&["Enter"]);
    tmux.wait_text("Articles 100/206");
    // The Windows-1256 article says which encoding it was read in; the broken one is lossy.
    tmux.keys(&["Tab", "g"]);
    for _ in 0..4 {
        tmux.keys(&["J"]);
    }
    tmux.wait_text("windows-1256");
    tmux.keys(&["J"]);
    tmux.wait_text("lossy UTF-8");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
    // The warning about the broken file is on stderr once the terminal is back.
    assert!(tmux.screen().contains("zz_broken.txt"), "{}", tmux.screen());
    let state = std::fs::read_to_string(Path::new(state_dir).join("state.json")).unwrap();
    assert!(
        state.contains("zz_broken.txt"),
        "the last article is remembered: {state}"
    );
}

#[test]
fn a_corrupted_state_file_is_reported_in_the_status_bar() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), "{ not json").unwrap();
    let state_dir = dir.path().to_str().unwrap();
    let tmux = Tmux::start(120, 24, &[&seed_path()], &[("RAWI_STATE_DIR", state_dir)]);
    tmux.wait_text("is corrupted");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

fn rawi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .env("RAWI_STATE_DIR", env!("CARGO_TARGET_TMPDIR"))
        .output()
        .unwrap()
}

#[test]
fn an_unknown_encoding_is_a_clear_error() {
    for args in [
        &["--encoding", "klingon", "x.txt"][..],
        &["extract", "--encoding", "klingon", "x.txt"][..],
    ] {
        let out = rawi(args);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("unknown encoding `klingon`"), "{stderr}");
    }
}

#[test]
fn extract_reads_legacy_encodings_and_says_when_it_is_lossy() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, _) = make_inputs(dir.path(), 1);
    let legacy = format!("{folder}/legacy.txt");
    let detected = rawi(&["extract", &legacy]);
    let forced = rawi(&["extract", "--encoding", "cp1256", &legacy]);
    assert!(detected.status.success() && forced.status.success());
    assert_eq!(detected.stdout, forced.stdout);
    let record: serde_json::Value = serde_json::from_slice(&detected.stdout).unwrap();
    assert_eq!(record["id"], "legacy");
    // Read as ISO-8859-6 instead, the same bytes are other letters.
    let wrong = rawi(&["extract", "--encoding", "iso-8859-6", &legacy]);
    assert_ne!(wrong.stdout, detected.stdout);
    let broken = rawi(&["extract", &format!("{folder}/zz_broken.txt")]);
    // Still extracted, but the exit status says the input had a problem (issue 6).
    assert!(!broken.status.success());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&broken.stdout).unwrap()["id"],
        "zz_broken"
    );
    assert!(String::from_utf8_lossy(&broken.stderr).contains("not valid UTF-8"));
}

#[test]
fn extract_speakers_prints_the_corpus_index_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (folder, corpus) = make_inputs(dir.path(), 30);
    let out = rawi(&["extract", "--speakers", &folder, &corpus]);
    // The lossy file is read anyway, said on stderr and in the exit status, as for `extract`.
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("zz_broken.txt") && stderr.contains("1 problem with the inputs"),
        "{stderr}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Same as the library's index, built here sequentially.
    let paths = vec![folder.into(), corpus.into()];
    let library = rawi::corpus::Library::open(&paths, &rawi::corpus::LoadOptions::default());
    let extractions: Vec<_> = library
        .entries()
        .iter()
        .map(|e| rawi::attribution::Extractor::builtin().extract(&e.text().unwrap()))
        .collect();
    let index = rawi::index::SpeakerIndex::build(extractions.iter().enumerate());
    assert_eq!(lines.len(), index.speakers().len());
    let mut previous = usize::MAX;
    for line in &lines {
        let quotes = line["quotes"].as_u64().unwrap() as usize;
        assert!(quotes <= previous, "most quoted first");
        previous = quotes;
        let quoted = line["quoted"].as_array().unwrap();
        assert_eq!(quoted.len(), quotes);
        for q in quoted {
            assert!(q["text"].as_str().is_some_and(|t| !t.is_empty()), "{q}");
        }
    }
}

#[test]
fn corpus_keys_from_the_config_rename_the_json_lines_keys() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("renamed.jsonl");
    std::fs::write(
        &corpus,
        "{\"ref\": \"r1\", \"body\": \"قال الوزير إن الأمن مهم.\"}\n",
    )
    .unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[corpus.keys]\ntext = \"body\"\nid = \"ref\"\n").unwrap();
    let corpus = corpus.to_str().unwrap();
    let plain = rawi(&["extract", corpus]);
    assert!(
        plain.stdout.is_empty(),
        "without the config the line has no text key"
    );
    assert!(String::from_utf8_lossy(&plain.stderr).contains("1 of 1 line skipped"));
    let renamed = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(["extract", corpus])
        .env("RAWI_CONFIG", &config)
        .output()
        .unwrap();
    assert!(
        renamed.status.success(),
        "{}",
        String::from_utf8_lossy(&renamed.stderr)
    );
    let record: serde_json::Value = serde_json::from_slice(&renamed.stdout).unwrap();
    assert_eq!(record["id"], "r1");
}
