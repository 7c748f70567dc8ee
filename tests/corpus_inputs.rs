//! Every input kind and encoding `rawi::corpus::load` accepts.

use std::fs;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};
use rawi::corpus::{self, Article, KeyMap, LoadOptions, load, load_bytes};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn load_ok(paths: &[PathBuf]) -> Vec<Article> {
    let loaded = load(paths, &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.articles
}

/// A real article from the bundled samples, limited to chars `encoding` can represent.
fn sample_for(encoding: &'static Encoding) -> String {
    let text = &corpus::bundled()[1].text;
    text.chars()
        .filter(|c| !encoding.encode(&c.to_string()).2)
        .collect()
}

fn utf16(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let big = encoding == UTF_16BE;
    let mut out = if big {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn txt_title_is_a_short_first_line_before_a_blank_line() {
    let dir = tempfile::tempdir().unwrap();
    let titled = write(
        dir.path(),
        "a.txt",
        "عنوان قصير\n\nقال الوزير إن الاجتماع كان مثمرا.\n",
    );
    let untitled = write(
        dir.path(),
        "b.txt",
        "قال الوزير إن الاجتماع كان مثمرا.\nسطر ثان.\n",
    );
    let articles = load_ok(&[titled.clone(), untitled]);
    assert_eq!(articles[0].title, "عنوان قصير");
    assert_eq!(articles[0].id, "a");
    assert_eq!(articles[0].path, titled.display().to_string());
    assert!(articles[0].text.starts_with("عنوان قصير\n\n"));
    // Without a title line: the first sentence.
    assert_eq!(articles[1].title, "قال الوزير إن الاجتماع كان مثمرا.");
    assert_eq!((articles[1].encoding, articles[1].lossy), ("UTF-8", false));
}

#[test]
fn folders_are_walked_in_name_order_skipping_hidden_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", "ب");
    write(root, "a/z.txt", "ز");
    write(
        root,
        "a/c.jsonl",
        "{\"text\": \"ج\", \"id\": \"c1\"}\n{\"text\": \"د\"}\n",
    );
    write(root, ".hidden/x.txt", "خفي");
    write(root, ".y.txt", "خفي");
    write(root, "notes.md", "ليس مقالا");
    let ids: Vec<String> = load_ok(&[root.to_path_buf()])
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["c1", "c:2", "z", "b"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_each_file_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d/a.txt", "أ");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("d/a.txt"), dir.path().join("d/b.txt")).unwrap();
    let articles = load_ok(&[dir.path().to_path_buf()]);
    assert_eq!(articles.len(), 1);
}

#[test]
fn the_same_file_twice_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "أ");
    assert_eq!(load_ok(&[a.clone(), a]).len(), 1);
}

#[test]
fn jsonl_fields_defaults_and_remapped_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.jsonl",
        concat!(
            "{\"id\": \"x\", \"title\": \" عنوان \", \"source\": \"bbc\", \"date\": \"2018-04-04\", \"url\": \"http://e/1\", \"text\": \"نص\\nثان\"}\n",
            "\n",
            "{\"text\": \"سطر عنوان\\n\\nنص\", \"title\": null, \"id\": 42}\r\n",
            "{\"text\": \"نص\"}",
        ),
    );
    let a = load_ok(std::slice::from_ref(&path));
    assert_eq!(a.len(), 3);
    assert_eq!(
        (a[0].id.as_str(), a[0].title.as_str(), a[0].text.as_str()),
        ("x", "عنوان", "نص\nثان")
    );
    assert_eq!(a[0].source.as_deref(), Some("bbc"));
    assert_eq!(a[0].date.as_deref(), Some("2018-04-04"));
    assert_eq!(a[0].url.as_deref(), Some("http://e/1"));
    assert_eq!((a[1].id.as_str(), a[1].title.as_str()), ("42", "سطر عنوان"));
    assert_eq!((a[2].id.as_str(), a[2].title.as_str()), ("c:4", "c:4"));
    assert_eq!(a[2].path, path.display().to_string());

    let remapped = write(
        dir.path(),
        "r.jsonl",
        "{\"body\": \"نص\", \"headline\": \"ع\"}\n",
    );
    let opts = LoadOptions {
        keys: KeyMap {
            text: "body".into(),
            title: "headline".into(),
            ..KeyMap::default()
        },
        ..LoadOptions::default()
    };
    let loaded = load(&[remapped], &opts);
    assert_eq!(loaded.articles[0].title, "ع");
    assert_eq!(loaded.articles[0].text, "نص");
}

#[test]
fn stdin_bytes_are_a_corpus_or_one_article() {
    let opts = LoadOptions::default();
    let corpus = load_bytes(
        "-",
        " {\"text\": \"نص\"}\n{\"text\": \"b\"}".as_bytes().to_vec(),
        &opts,
    );
    assert_eq!(corpus.articles.len(), 2);
    assert_eq!(corpus.articles[0].path, "-");
    let single = load_bytes("-", "عنوان\n\nنص".as_bytes().to_vec(), &opts);
    assert_eq!(single.articles[0].id, "stdin");
    assert_eq!(single.articles[0].title, "عنوان");
}

#[test]
fn no_paths_means_the_bundled_samples() {
    let loaded = load(&[], &LoadOptions::default());
    assert_eq!(loaded.articles, corpus::bundled());
    assert!(!loaded.articles.is_empty());
}

#[test]
fn legacy_arabic_encodings_are_detected_and_decoded() {
    let dir = tempfile::tempdir().unwrap();
    for encoding in [WINDOWS_1256, ISO_8859_6] {
        let text = sample_for(encoding);
        let path = write(dir.path(), "legacy.txt", encoding.encode(&text).0);
        let a = &load_ok(&[path])[0];
        assert_eq!(a.text, text, "{}", encoding.name());
        assert_eq!((a.encoding, a.lossy), (encoding.name(), false));
    }
}

#[test]
fn utf16_with_bom_and_utf8_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let text = &corpus::bundled()[0].text;
    for encoding in [UTF_16LE, UTF_16BE] {
        let path = write(dir.path(), "u16.txt", utf16(text, encoding));
        let a = &load_ok(&[path])[0];
        assert_eq!(&a.text, text);
        assert_eq!(a.encoding, encoding.name());
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let a = &load_ok(&[write(dir.path(), "bom.txt", bom)])[0];
    assert_eq!((&a.text, a.encoding), (text, "UTF-8"));
}

#[test]
fn jsonl_corpora_in_legacy_encodings_and_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_for(WINDOWS_1256);
    let line = serde_json::json!({ "id": "w", "text": text }).to_string();
    let corpus = format!("{line}\n{line}\n");
    let legacy = write(dir.path(), "w.jsonl", WINDOWS_1256.encode(&corpus).0);
    let wide = write(dir.path(), "u.jsonl", utf16(&corpus, UTF_16LE));
    for (path, encoding) in [(legacy, WINDOWS_1256), (wide, UTF_16LE)] {
        let a = load_ok(&[path]);
        assert_eq!(a.len(), 2);
        assert_eq!(
            (a[1].text.as_str(), a[1].encoding),
            (text.as_str(), encoding.name())
        );
    }
}

#[test]
fn an_explicit_encoding_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_for(WINDOWS_1256);
    let path = write(dir.path(), "x.txt", WINDOWS_1256.encode(&text).0);
    let opts = LoadOptions {
        encoding: corpus::encoding_for_name("iso-8859-6"),
        ..LoadOptions::default()
    };
    let loaded = load(&[path], &opts);
    assert_eq!(loaded.articles[0].encoding, "ISO-8859-6");
    assert_ne!(loaded.articles[0].text, text);
}
