//! Throughput of the text engine on 10 MB of Arabic (the seed article repeated, one paragraph a
//! line, like `../shared/bench/make-input.sh 10`), at width 80 with shaping, next to plain
//! `unicode_bidi::reorder_line` on the same input in the same run, for the ratio.
//!
//! cargo bench --bench text

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group};
use rawi::text::{LayoutOptions, Layouter, VisualLine};
use unicode_bidi::BidiInfo;

const SEED: &str = include_str!("../assets/articles/000_seed.txt");

/// About `mb` megabytes: the seed article and an empty line, repeated (as make-input.sh does).
fn big_input(mb: usize) -> String {
    let mut seed = SEED.to_string();
    if !seed.ends_with('\n') {
        seed.push('\n');
    }
    seed.push('\n');
    seed.repeat((mb * 1_000_000).div_ceil(seed.len()))
}

fn layout_all(input: &str, layouter: &mut Layouter, opts: &LayoutOptions) -> usize {
    let mut lines: Vec<VisualLine> = Vec::new();
    let mut cells = 0;
    for paragraph in input.lines() {
        lines.clear();
        layouter.layout_into(paragraph, 80, opts, &mut lines);
        cells += lines.iter().map(|l| l.width as usize).sum::<usize>();
    }
    cells
}

fn reorder_all(input: &str) -> usize {
    let mut bytes = 0;
    for paragraph in input.lines() {
        let info = BidiInfo::new(paragraph, None);
        for para in &info.paragraphs {
            bytes += info.reorder_line(para, para.range.clone()).len();
        }
    }
    bytes
}

fn bench(c: &mut Criterion) {
    let input = big_input(10);
    let mut group = c.benchmark_group("10MB_arabic");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let opts = LayoutOptions::default();
    let mut layouter = Layouter::new();
    group.bench_function("rawi_layout_width80_shaped", |b| {
        b.iter(|| layout_all(black_box(&input), &mut layouter, &opts))
    });
    group.bench_function("unicode_bidi_reorder_line", |b| {
        b.iter(|| reorder_all(black_box(&input)))
    });
    let mut sink = std::io::sink();
    group.bench_function("rawi_render_to_sink", |b| {
        b.iter(|| rawi::render::render(black_box(input.as_bytes()), &mut sink, 80, &opts))
    });
    group.finish();
}

criterion_group!(benches, bench);

/// `RAWI_BENCH_ONCE=rawi|reorder_line FILE`: one pass over FILE, no statistics, for counting
/// instructions under `valgrind --tool=callgrind` (wall time is too noisy on a shared machine).
fn main() {
    if let (Ok(which), Some(file)) = (std::env::var("RAWI_BENCH_ONCE"), std::env::args().nth(1)) {
        let input = std::fs::read_to_string(file).expect("input file");
        let n = match which.as_str() {
            "reorder_line" => reorder_all(&input),
            _ => layout_all(&input, &mut Layouter::new(), &LayoutOptions::default()),
        };
        println!("{which}: {n}");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
