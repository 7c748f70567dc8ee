//! Opens corpora and prints how long it took: `cargo run --release --example open_corpus -- PATH...`
//! (used with `/usr/bin/time -v` to measure peak memory; see benches/corpus.rs for criterion).

use std::path::PathBuf;
use std::time::Instant;

use rawi::corpus::{LoadOptions, load};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let start = Instant::now();
    let loaded = load(&paths, &LoadOptions::default());
    let bytes: usize = loaded.articles.iter().map(|a| a.text.len()).sum();
    println!(
        "eager load: {} articles, {} problems, {} MB of text in {:.1} ms",
        loaded.articles.len(),
        loaded.errors.len(),
        bytes / 1_000_000,
        start.elapsed().as_secs_f64() * 1000.0
    );
    for e in loaded.errors.iter().take(5) {
        println!("  {e}");
    }
}
