//! The reader opening a corpus, timed as a user meets it, without a terminal: frames go through
//! ratatui's crossterm backend into `io::sink()` (all of ratatui's and crossterm's work, no tty).
//!
//! `cargo bench --bench reader_corpus -- [PATH...]` (default: shared/corpus/bulk.jsonl)
//!
//! Prints: time to the first frame (first article shown, extracted, laid out and drawn), time
//! to the whole library, to every article's speakers, a library search, the speakers screen,
//! and the peak resident memory (VmHWM). `benches/reader-corpus.sh` runs it. With
//! `RAWI_BENCH_SPEAKERS_OPEN=1` the speakers screen is open while the speakers are found (each
//! partial index is then merged, sorted and shown, and the slowest tick says what a key waits).

mod common;

use common::bulk;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use rawi::config::Config;
use rawi::corpus::LoadOptions;
use rawi::tui::action::Action;
use rawi::tui::event_loop::TICK;
use rawi::tui::state::{State, builtin_extractor};
use rawi::tui::update::update;
use rawi::tui::view::view;

fn main() -> anyhow::Result<()> {
    let start = Instant::now();
    let ms = |t: Duration| t.as_secs_f64() * 1000.0;
    // `cargo bench` passes `--bench`: not a path.
    let mut paths: Vec<PathBuf> = (std::env::args().skip(1))
        .filter(|a| a != "--bench")
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(bulk().ok_or_else(|| anyhow::anyhow!("shared/corpus/bulk.jsonl not found"))?);
    }
    let (w, h) = (140, 40);
    let config = Config::default();
    let catalogue = rawi::tui::open_catalogue(paths, LoadOptions::default(), builtin_extractor())?;
    let first_article = start.elapsed();
    let mut state = State::new(catalogue, &config, Rect::new(0, 0, w, h));
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )?;
    terminal.draw(|f| view(&state, f))?;
    let first_frame = start.elapsed();
    println!(
        "first article {:.1} ms, first frame {:.1} ms ({} articles known then)",
        ms(first_article),
        ms(first_frame),
        state.catalogue.count()
    );

    if std::env::var_os("RAWI_BENCH_SPEAKERS_OPEN").is_some() {
        update(&mut state, Action::CorpusSpeakers);
    }
    // The event loop's ticks, with a frame after each, as while the user waits.
    let mut loaded = None;
    let mut slowest_tick = Duration::ZERO;
    while state.busy() {
        std::thread::sleep(TICK);
        let t = Instant::now();
        update(&mut state, Action::Tick);
        terminal.draw(|f| view(&state, f))?;
        slowest_tick = slowest_tick.max(t.elapsed());
        if loaded.is_none() && !state.catalogue.loading_now() {
            loaded = Some(start.elapsed());
        }
    }
    let indexed = start.elapsed();
    let index = state.catalogue.index().cloned().unwrap_or_default();
    println!(
        "library of {} articles {:.0} ms, speakers of all {:.0} ms ({} speakers, {} quotes); \
         slowest tick + frame {:.1} ms",
        state.catalogue.count(),
        ms(loaded.unwrap_or(indexed)),
        ms(indexed),
        index.speakers().len(),
        index
            .speakers()
            .iter()
            .map(|s| s.quote_count())
            .sum::<usize>(),
        ms(slowest_tick)
    );

    // A library search, typed at once, waited for as the reader does (ticks).
    let t = Instant::now();
    if !state.library_shown() {
        update(&mut state, Action::ToggleLibrary);
    }
    state.focus = rawi::tui::panes::Pane::Library;
    update(&mut state, Action::Search);
    for c in "الرئيس".chars() {
        update(&mut state, Action::SearchChar(c));
    }
    while state.busy() {
        std::thread::sleep(Duration::from_millis(5));
        update(&mut state, Action::Tick);
    }
    println!(
        "library search for الرئيس: {} articles in {:.0} ms",
        state.library.rows.len(),
        ms(t.elapsed())
    );
    update(&mut state, Action::Cancel);

    // The speakers screen: open, draw, move, filter a letter at a time.
    if state.screen == rawi::tui::state::Screen::People {
        update(&mut state, Action::CorpusSpeakers); // back to the article first
    }
    let t = Instant::now();
    update(&mut state, Action::CorpusSpeakers);
    let updated = t.elapsed();
    terminal.draw(|f| view(&state, f))?;
    let opened = t.elapsed();
    let t = Instant::now();
    update(&mut state, Action::Search);
    for c in "ترامب".chars() {
        update(&mut state, Action::SearchChar(c));
        terminal.draw(|f| view(&state, f))?;
    }
    let per_key = t.elapsed() / 5;
    update(&mut state, Action::SearchConfirm);
    let t = Instant::now();
    update(&mut state, Action::Activate);
    terminal.draw(|f| view(&state, f))?;
    println!(
        "speakers screen: open + frame {:.1} ms (sorting {:.1} ms), filter per key + frame {:.1} ms \
         ({} match), a speaker's quotes + frame {:.1} ms",
        ms(opened),
        ms(updated),
        ms(per_key),
        state.people.order.len(),
        ms(t.elapsed())
    );
    if let Some(peak) = peak_memory_kb() {
        println!("peak resident memory {:.1} MB", peak as f64 / 1024.0);
    }
    Ok(())
}

/// VmHWM from /proc (Linux).
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
