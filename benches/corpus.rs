//! Opening `shared/corpus/bulk.jsonl` (19,074 articles, 55 MB): time to the first article,
//! the reader's first frame, time to the full index, eager load, and streaming all texts (the
//! `rawi extract` path). `cargo bench --bench corpus`. Peak memory: `benches/open_corpus.rs`
//! or `benches/reader-corpus.sh` (the reader, speakers included) under `/usr/bin/time -v`.

mod common;

use common::bulk;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use rawi::corpus::{Library, LoadOptions, load, map_articles_par, open_in_background};

fn open_bulk(c: &mut Criterion) {
    let Some(bulk) = bulk() else {
        eprintln!("notice: shared/corpus/bulk.jsonl not found; corpus benches skipped");
        return;
    };
    let paths = vec![bulk];
    let mut group = c.benchmark_group("bulk.jsonl");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));

    group.bench_function("first_article_text", |b| {
        b.iter(|| {
            let job = open_in_background(paths.clone(), LoadOptions::default());
            let mut library = Library::default();
            while library.is_empty() && !job.poll(&mut library).finished {
                job.poll_timeout(&mut library, Duration::from_millis(1));
            }
            library.get(0).unwrap().text().unwrap().len()
        })
    });
    // The reader's first frame: first article arrived, read, extracted, laid out and drawn
    // through the crossterm backend (into io::sink) at 140x40. The rest keeps loading in the
    // background and is cancelled when the catalogue is dropped.
    group.bench_function("reader_first_frame", |b| {
        let config = rawi::config::Config::default();
        b.iter(|| {
            let catalogue = rawi::tui::open_catalogue(
                paths.clone(),
                LoadOptions::default(),
                rawi::tui::state::builtin_extractor(),
            )
            .unwrap();
            let area = ratatui::layout::Rect::new(0, 0, 140, 40);
            let state = rawi::tui::state::State::new(catalogue, &config, area);
            let mut terminal = ratatui::Terminal::with_options(
                ratatui::backend::CrosstermBackend::new(std::io::sink()),
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(area),
                },
            )
            .unwrap();
            terminal.draw(|f| rawi::tui::view::view(&state, f)).unwrap();
        })
    });
    group.bench_function("full_index_background", |b| {
        b.iter(|| {
            let mut library = Library::default();
            open_in_background(paths.clone(), LoadOptions::default()).wait(&mut library);
            library.len()
        })
    });
    group.bench_function("full_index_sequential", |b| {
        let opts = LoadOptions {
            parallel: false,
            ..LoadOptions::default()
        };
        b.iter(|| Library::open(&paths, &opts).len())
    });
    group.bench_function("eager_load", |b| {
        b.iter(|| load(&paths, &LoadOptions::default()).articles.len())
    });
    group.bench_function("stream_texts", |b| {
        b.iter(|| {
            let mut bytes = 0;
            map_articles_par(
                &paths,
                &LoadOptions::default(),
                |a| a.text.len(),
                |r| {
                    bytes += r.unwrap_or(0);
                    true
                },
            );
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, open_bulk);
criterion_main!(benches);
