//! Properties of the loaders: any bytes give articles or one-line errors, never a panic; how a
//! corpus is cut into chunks never changes what it contains.

use std::path::PathBuf;

use proptest::prelude::*;
use rawi::corpus::{Library, LoadOptions, load, load_bytes};

fn bytes_like_text() -> impl Strategy<Value = Vec<u8>> {
    // Mostly Arabic UTF-8 and JSON syntax, with arbitrary bytes mixed in.
    let piece = prop_oneof![
        Just("قال ".as_bytes().to_vec()),
        Just(b"{\"text\": \"".to_vec()),
        Just(b"\"}\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\\".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\xFF\xFE".to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_without_panic(bytes in bytes_like_text()) {
        let loaded = load_bytes("x", bytes.clone(), &LoadOptions::default());
        for e in &loaded.errors {
            prop_assert!(!e.to_string().contains('\n'));
            prop_assert!(e.to_string().starts_with("x: "));
        }
        for a in &loaded.articles {
            prop_assert!(!a.text.trim().is_empty());
        }
        // The same bytes from a file, through the library, give the same texts.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        std::fs::write(&path, &bytes).unwrap();
        let library = Library::open(std::slice::from_ref(&path), &LoadOptions::default());
        let eager = load(&[path], &LoadOptions::default());
        prop_assert_eq!(library.len(), eager.articles.len());
        for (entry, article) in library.entries().iter().zip(&eager.articles) {
            prop_assert_eq!(&entry.to_article().unwrap(), article);
        }
    }
}

#[test]
fn chunking_never_changes_a_corpus() {
    // Lines of many lengths, so that chunk boundaries fall everywhere.
    let mut corpus = String::new();
    for i in 0..4000 {
        let body = "ن".repeat((i * 37) % 700);
        corpus.push_str(&format!("{{\"id\": \"{i}\", \"text\": \"ص{body}\\n\"}}\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("c.jsonl");
    std::fs::write(&path, &corpus).unwrap();
    let from_file = load(&[path], &LoadOptions::default());
    let from_memory = load_bytes("c.jsonl", corpus.into_bytes(), &LoadOptions::default());
    assert!(from_file.errors.is_empty() && from_memory.errors.is_empty());
    assert_eq!(from_file.articles.len(), 4000);
    for (a, b) in from_file.articles.iter().zip(&from_memory.articles) {
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
    }
}
