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

#[test]
fn a_long_article_shows_at_once_and_its_speakers_come_after() {
    use std::sync::{Arc, Mutex, mpsc};
    // The engine on the reader's own thread for long articles waits for the test's word, so
    // that the screen before the speakers arrive can be looked at; on the UI thread (the test's
    // thread) it would never return.
    let (release, gate) = mpsc::channel::<()>();
    let gate = Arc::new(Mutex::new(gate));
    let extract: rawi::tui::state::ExtractFn = Arc::new(move |text: &str| {
        if std::thread::current().name() == Some("rawi-speakers") {
            let _ = gate.lock().unwrap().recv();
        }
        rawi::attribution::Extractor::builtin().extract(text)
    });
    let paragraph = "قال الوزير سالم حداد إن العمل مستمر في المشروع.\n";
    let long = rawi::corpus::Article::new("long", "long", "long.txt", paragraph.repeat(8000));
    let mut catalogue =
        rawi::tui::catalogue::Catalogue::new(Library::from_articles(vec![long]), extract);
    assert!(catalogue.wait_idle(std::time::Duration::from_secs(60)));
    let mut state = State::new(catalogue, &Config::default(), Rect::new(0, 0, 100, 30));
    let terminal = draw(&state);
    let screen: String = (0..30).map(|y| row_text(&terminal, y)).collect();
    assert!(screen.contains("finding speakers…"), "{screen}");
    assert!(
        screen.contains("ﺩﺍﺪﺣ"),
        "the text is shown already: {screen}"
    );
    release.send(()).unwrap();
    tick_until_idle(&mut state);
    let terminal = draw(&state);
    let screen: String = (0..30).map(|y| row_text(&terminal, y)).collect();
    assert!(screen.contains("Speakers 1"), "{screen}");
}
