//! Extraction speed over the corpus articles (`../shared/corpus/articles`, or the in-repo
//! fixtures when the shared folder is absent). Whole-process throughput over the bulk corpus is
//! measured with `rawi extract` itself (see README).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rawi::attribution::Extractor;

fn articles() -> Vec<String> {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let shared = loop {
        let candidate = dir.join("shared/corpus/articles");
        if candidate.is_dir() {
            break Some(candidate);
        }
        if !dir.pop() {
            break None;
        }
    };
    let folder =
        shared.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("articles folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    let extractor = Extractor::builtin();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("articles", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extractor.extract(black_box(a)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
