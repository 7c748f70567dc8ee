//! `rawi extract` end to end: formats, inputs (.txt, folders, .jsonl, stdin), exact offsets and
//! the handling of unreadable paths.

use std::io::Write;
use std::process::{Command, Stdio};

const ARTICLE: &str = "قال وزير المالية سالم حداد إن العجز تراجع.\n\nوأضاف: «سنخفض الضرائب».\n";

fn rawi(args: &[&str], stdin: Option<&str>) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rawi");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rawi-extract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn jsonl_records_have_exact_fields_and_offsets() {
    let dir = temp_dir("jsonl");
    let path = dir.join("a1.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let (out, _, ok) = rawi(&["extract", path.to_str().unwrap()], None);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "path", "quotes", "speakers"]);
    assert_eq!(v["id"], "a1");
    assert_eq!(v["path"], path.to_str().unwrap());
    let speaker = &v["speakers"][0];
    let skeys: Vec<&str> = speaker
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        skeys,
        [
            "aliases",
            "confidence",
            "id",
            "kind",
            "name",
            "quotes",
            "role"
        ]
    );
    assert_eq!(speaker["name"], "سالم حداد");
    assert_eq!(speaker["kind"], "person");
    assert_eq!(speaker["quotes"], 2);
    for q in v["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[s..e], q["text"].as_str().unwrap());
        assert_eq!(q["speaker"], 0);
        // A number from 0 to 1 with at most two decimals.
        let c = q["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c), "{c}");
        assert!(
            q["confidence"].to_string().len() <= 4,
            "{}",
            q["confidence"]
        );
    }
    let most = v["quotes"].as_array().unwrap().iter();
    let most = most
        .map(|q| q["confidence"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert_eq!(speaker["confidence"].as_f64().unwrap(), most);
    assert_eq!(v["quotes"][1]["kind"], "direct");
    assert_eq!(v["quotes"][1]["text"], "سنخفض الضرائب");
}

#[test]
fn folders_corpora_stdin_and_formats() {
    let dir = temp_dir("mixed");
    std::fs::write(dir.join("b.txt"), ARTICLE).unwrap();
    let line = serde_json::json!({"id": "c-7", "title": "t", "text": ARTICLE}).to_string();
    std::fs::write(dir.join("c.jsonl"), format!("{line}\n{line}\n")).unwrap();
    let (out, _, ok) = rawi(&["extract", dir.to_str().unwrap()], None);
    assert!(ok);
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["b", "c-7", "c-7"]);

    let (out, _, ok) = rawi(&["extract", "--format", "json", "-"], Some(ARTICLE));
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["path"], "-");

    let (out, _, ok) = rawi(&["extract", "--format", "text", "-"], Some(ARTICLE));
    assert!(ok);
    assert!(
        out.contains("سالم حداد") && out.contains("سنخفض الضرائب"),
        "{out}"
    );
}

#[test]
fn unreadable_paths_are_reported_and_the_rest_processed() {
    let dir = temp_dir("missing");
    let good = dir.join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let missing = dir.join("nope.txt");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{not json}\n").unwrap();
    let (out, err, ok) = rawi(
        &[
            "extract",
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert!(!ok, "exit status must be non-zero");
    assert!(err.contains("nope.txt"), "{err}");
    assert!(
        err.contains("bad.jsonl: 1 of 1 line skipped (line 1)"),
        "{err}"
    );
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn the_configs_own_word_lists_add_cues_and_a_bad_list_is_named() {
    // An invented verb of saying that the built-in lexicon does not know.
    let dir = temp_dir("lexicon");
    let article = dir.join("a.txt");
    std::fs::write(&article, "همس الوزير خالد عمر أن الاجتماع كان ناجحا.\n").unwrap();
    std::fs::write(
        dir.join("mine.toml"),
        "[[cue]]\npast = \"همس\"\npresent = \"يهمس\"\n",
    )
    .unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "[attribution]\nlexicons = [\"mine.toml\"]\n").unwrap();
    let article = article.to_str().unwrap();

    let (out, _, ok) = rawi(&["extract", article], None);
    assert!(
        ok && out.contains("\"quotes\":[]"),
        "built-in lexicon: {out}"
    );
    let (out, err, ok) = rawi(
        &["extract", "--config", config.to_str().unwrap(), article],
        None,
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("\"cue\":\"همس\"") && out.contains("\"text\":\"الاجتماع كان ناجحا\""),
        "{out}"
    );

    std::fs::write(
        &config,
        "[attribution]\nlexicons = [\"mine.toml\", \"missing.toml\"]\n",
    )
    .unwrap();
    let (out, err, ok) = rawi(
        &["extract", "--config", config.to_str().unwrap(), article],
        None,
    );
    assert!(!ok, "a list that does not load counts as a problem");
    assert!(
        err.contains("config.toml:2: key `attribution.lexicons`") && err.contains("missing.toml"),
        "{err}"
    );
    assert!(
        out.contains("\"cue\":\"همس\""),
        "the lists that load are used: {out}"
    );
}

#[test]
fn the_text_format_names_each_record_by_id_and_title_and_speakers_quotes_name_the_path() {
    let dir = temp_dir("names");
    let corpus = dir.join("c.jsonl");
    let line = serde_json::json!({"id": "c-7", "title": "عجز الموازنة", "text": ARTICLE});
    std::fs::write(&corpus, format!("{line}\n")).unwrap();
    let single = dir.join("single.txt");
    std::fs::write(&single, "قال المتحدث سالم حداد إن العجز تراجع.").unwrap();
    let (out, _, ok) = rawi(
        &[
            "extract",
            "--format",
            "text",
            corpus.to_str().unwrap(),
            single.to_str().unwrap(),
        ],
        None,
    );
    assert!(ok);
    let heads: Vec<&str> = out.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(
        heads,
        [
            format!(
                "== {} [c-7] عجز الموازنة (1 speaker, 2 quotes)",
                corpus.display()
            ),
            // A .txt without a title line is titled by its first sentence.
            format!(
                "== {} [single] قال المتحدث سالم حداد إن العجز تراجع. (1 speaker, 1 quote)",
                single.display()
            ),
        ]
    );
    assert!(
        out.contains("), 2 quotes\n") && out.contains("), 1 quote\n"),
        "{out}"
    );

    let (out, _, ok) = rawi(&["extract", "--speakers", corpus.to_str().unwrap()], None);
    assert!(ok);
    let speaker: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let quote = &speaker["quoted"][0];
    assert_eq!(quote["article"], "c-7");
    assert_eq!(quote["path"], corpus.to_str().unwrap());
    let keys: Vec<&str> = quote
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["article", "cue", "end", "kind", "path", "start", "text"]
    );
}

#[test]
fn argument_errors_never_echo_escape_sequences() {
    // A file named like an option, as `rawi extract *` would pass it, and a bad flag value.
    let clipboard = "--\u{1b}]52;c;cHduZWQ=\u{7}.txt";
    for args in [
        vec!["extract", clipboard],
        vec!["render", "--width", "\u{1b}]0;T\u{7}", "x"],
    ] {
        let (_, err, ok) = rawi(&args, None);
        assert!(!ok);
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
        assert!(
            err.contains("␛]"),
            "the value is shown with placeholders: {err:?}"
        );
    }
    let (out, _, ok) = rawi(&["--help"], None);
    assert!(
        ok && out.contains("Usage"),
        "help still prints to stdout: {out}"
    );
}

#[test]
fn errors_say_which_file_and_whether_input_or_output() {
    let dir = temp_dir("errors");
    let shown = dir.display().to_string();
    let (_, err, ok) = rawi(&["render", &shown], None);
    assert!(!ok);
    assert!(err.contains(&format!("{shown}: is a folder")), "{err}");
    // A full disk is the output's problem, not the input's.
    #[cfg(target_os = "linux")]
    for args in [vec!["render", "-"], vec!["extract", "-"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(ARTICLE.as_bytes()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success());
        assert!(err.contains("cannot write the output to stdout"), "{err}");
    }
}
