//! The reader's background work gives what a sequential load gives: the same library (entries
//! in the same order), the same counts per article, the same cross-article speaker index.

mod tui_common;

use std::io::Write;

use ratatui::layout::Rect;
use rawi::config::Config;
use rawi::corpus::{Library, LoadOptions};
use rawi::index::SpeakerIndex;
use rawi::tui::state::State;
use tui_common::*;

/// A folder of `.txt` articles and a JSON Lines corpus, big enough that loading and extraction
/// go through many batches and chunks.
fn make_inputs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let names = ["سالم", "نادية", "وزير الخارجية", "المتحدث", "ليلى"];
    let folder = dir.join("articles");
    std::fs::create_dir_all(folder.join("nested")).unwrap();
    for i in 0..40 {
        let sub = if i % 3 == 0 { "nested/" } else { "" };
        let text = format!(
            "خبر رقم {i}\n\n{}: كلام في الخبر {i}\nنص بلا اقتباس\n",
            names[i % names.len()]
        );
        std::fs::write(folder.join(format!("{sub}{i:03}.txt")), text).unwrap();
    }
    let corpus = dir.join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&corpus).unwrap());
    for i in 0..1500 {
        let mut text = format!("عنوان {i}\n");
        for k in 0..(i % 4) {
            let name = names[(i + k) % names.len()];
            text.push_str(&format!("{name}: قال {name} شيئا رقم {k} في المقال {i}\n"));
        }
        text.push_str(&"فقرة طويلة بلا اقتباس. ".repeat(20));
        let line = serde_json::json!({ "id": format!("c{i}"), "source": "test", "text": text });
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
    vec![folder, corpus]
}

#[test]
fn background_loading_and_extraction_match_a_sequential_run() {
    let dir = tempfile::tempdir().unwrap();
    let paths = make_inputs(dir.path());
    let catalogue =
        rawi::tui::open_catalogue(paths.clone(), LoadOptions::default(), line_extractor()).unwrap();
    let mut state = State::new(catalogue, &Config::default(), Rect::new(0, 0, 140, 40));
    tick_until_idle(&mut state);

    let sequential = Library::open(
        &paths,
        &LoadOptions {
            parallel: false,
            ..LoadOptions::default()
        },
    );
    assert_eq!(sequential.len(), 1540);
    assert_eq!(state.catalogue.library().entries(), sequential.entries());
    assert_eq!(state.catalogue.count(), state.library.rows.len());

    let extract = line_extractor();
    let extractions: Vec<_> = sequential
        .entries()
        .iter()
        .map(|e| extract(&e.text().unwrap()))
        .collect();
    for (i, x) in extractions.iter().enumerate() {
        let summary = state.catalogue.summary(i).expect("every article counted");
        assert_eq!(
            (summary.speakers as usize, summary.quotes as usize),
            (x.speakers.len(), x.quotes.len()),
            "article {i}"
        );
    }
    let expected = SpeakerIndex::build(extractions.iter().enumerate());
    assert!(state.catalogue.index_complete());
    assert_eq!(state.catalogue.index().unwrap().as_ref(), &expected);
    // Five names; المتحدث (the spokesman) is a different speaker in each article.
    let names: std::collections::BTreeSet<&str> = expected
        .speakers()
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names.len(), 5);
}
