//! Opens corpora the way the reader and `rawi extract` do, and prints how long each step took.
//!
//! `cargo bench --bench open_corpus -- [--eager|--stream|--speakers] PATH...`
//! Default: background open (time to first article, time to full index). Run it under
//! `/usr/bin/time -v` for peak memory. Criterion benches of the same: `benches/corpus.rs`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rawi::corpus::{Library, LoadOptions, load, map_articles_par, open_in_background};

fn main() {
    // `cargo bench` passes `--bench`; with no path (a plain `cargo bench`) there is nothing to do.
    let mut args: Vec<String> = (std::env::args().skip(1))
        .filter(|a| a != "--bench")
        .collect();
    if args.iter().all(|a| a.starts_with("--")) {
        eprintln!(
            "usage: cargo bench --bench open_corpus -- [--eager|--stream|--speakers] PATH..."
        );
        return;
    }
    let mode = match args.first().map(String::as_str) {
        Some("--eager") | Some("--stream") | Some("--speakers") => args.remove(0),
        _ => "--background".to_string(),
    };
    let paths: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    let start = Instant::now();
    let ms = |t: Instant| t.duration_since(start).as_secs_f64() * 1000.0;
    match mode.as_str() {
        "--eager" => {
            let loaded = load(&paths, &LoadOptions::default());
            let bytes: usize = loaded.articles.iter().map(|a| a.text.len()).sum();
            println!(
                "eager: {} articles ({} MB of text), {} problems in {:.1} ms",
                loaded.articles.len(),
                bytes / 1_000_000,
                loaded.errors.len(),
                ms(Instant::now())
            );
        }
        "--speakers" => {
            let library = Library::open(&paths, &LoadOptions::default());
            let opened = Instant::now();
            let job = rawi::index::build_in_background(library.text_handles(), |text| {
                rawi::attribution::Extractor::builtin().extract(text)
            });
            let index = job.wait().unwrap_or_default();
            let quotes: usize = index.speakers().iter().map(|s| s.quote_count()).sum();
            println!(
                "speakers: library of {} in {:.1} ms; index of {} speakers, {quotes} quotes in {:.1} ms more",
                library.len(),
                ms(opened),
                index.speakers().len(),
                opened.elapsed().as_secs_f64() * 1000.0
            );
        }
        "--stream" => {
            let (mut articles, mut bytes) = (0usize, 0usize);
            map_articles_par(
                &paths,
                &LoadOptions::default(),
                |a| a.text.len(),
                |r| {
                    if let Ok(len) = r {
                        articles += 1;
                        bytes += len;
                    }
                    true
                },
            );
            let secs = start.elapsed().as_secs_f64();
            println!(
                "stream: {articles} articles, {} MB of text in {:.1} ms ({:.0} MB/s of text)",
                bytes / 1_000_000,
                secs * 1000.0,
                bytes as f64 / 1e6 / secs
            );
        }
        _ => {
            let job = open_in_background(paths, LoadOptions::default());
            let mut library = Library::default();
            while library.is_empty() && !job.poll(&mut library).finished {
                job.poll_timeout(&mut library, Duration::from_millis(1));
            }
            let first_entry = Instant::now();
            let first_len = library.get(0).map(|e| e.text().map(|t| t.len()));
            let first_text = Instant::now();
            while !job
                .poll_timeout(&mut library, Duration::from_millis(5))
                .finished
            {}
            let all = Instant::now();
            println!(
                "background: first entry {:.1} ms, its text ({:?} bytes) {:.1} ms, \
                 all {} entries {:.1} ms, {} problems",
                ms(first_entry),
                first_len,
                ms(first_text),
                library.len(),
                ms(all),
                library.problems().len()
            );
            let searched = Instant::now();
            let hits = library.search("الرئيس", None);
            println!(
                "search for الرئيس over every text: {} articles in {:.1} ms",
                hits.len(),
                searched.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
