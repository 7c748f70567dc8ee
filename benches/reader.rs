//! The reader on a 1 MB article (the seed article repeated) at 200x60 and 80x24:
//! - first frame: building the reader state (paragraph index, layout of the visible lines only)
//!   and drawing it;
//! - redraw while scrolling: one `update(Down)` plus one draw.
//!
//! Targets (issue 4): first frame < 50 ms, redraw < 1 ms.
//! Run: `cargo bench --bench reader`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use rawi::attribution::Extraction;
use rawi::config::Config;
use rawi::corpus::{Article, Library, bundled};
use rawi::tui::action::Action;
use rawi::tui::catalogue::Catalogue;
use rawi::tui::state::{ExtractFn, State};
use rawi::tui::update::update;
use rawi::tui::view::view;

fn big_article() -> Article {
    let seed = bundled().into_iter().next().unwrap();
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&seed.text);
        text.push('\n');
    }
    Article {
        id: "big".into(),
        title: "1 MB".into(),
        path: "big".into(),
        text,
        ..Article::default()
    }
}

/// The UI cost alone: extraction (the attribution engine's cost) is measured in its own bench.
fn no_extraction() -> ExtractFn {
    Arc::new(|_: &str| Extraction::default())
}

fn reader_on(article: &Article, config: &Config, w: u16, h: u16) -> State {
    let library = Library::from_articles(vec![article.clone()]);
    State::new(
        Catalogue::new(library, no_extraction()),
        config,
        Rect::new(0, 0, w, h),
    )
}

/// One line down through the article, and back up once at the end.
fn scroll_step(state: &mut State, down: &mut bool) {
    let before = state.view().shown;
    update(state, if *down { Action::Down } else { Action::Up });
    if state.view().shown == before {
        *down = !*down;
    }
}

fn reader(c: &mut Criterion) {
    let article = big_article();
    let config = Config::default();
    for (w, h) in [(200u16, 60u16), (80, 24)] {
        c.bench_function(&format!("first frame 1MB {w}x{h}"), |b| {
            b.iter(|| {
                let state = reader_on(&article, &config, w, h);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| view(&state, f)).unwrap();
                black_box(&terminal);
            })
        });
        let mut state = reader_on(&article, &config, w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut down = true;
        c.bench_function(&format!("scroll+redraw 1MB {w}x{h}"), |b| {
            b.iter(|| {
                scroll_step(&mut state, &mut down);
                terminal.draw(|f| view(&state, f)).unwrap();
            })
        });
        // The reader's own share of a redraw: update + view into the frame buffer, without
        // ratatui's diff and the backend's write (which dominate a full redraw).
        c.bench_function(&format!("scroll+view only 1MB {w}x{h}"), |b| {
            b.iter(|| {
                scroll_step(&mut state, &mut down);
                terminal.current_buffer_mut().reset();
                let mut frame = terminal.get_frame();
                view(&state, &mut frame);
                black_box(&frame);
            })
        });
        // The same redraw through ratatui's crossterm backend writing the escape codes into
        // io::sink(): what a real terminal costs rawi, without the terminal.
        let mut real = Terminal::with_options(
            CrosstermBackend::new(std::io::sink()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
            },
        )
        .unwrap();
        c.bench_function(&format!("scroll+redraw crossterm 1MB {w}x{h}"), |b| {
            b.iter(|| {
                scroll_step(&mut state, &mut down);
                real.draw(|f| view(&state, f)).unwrap();
            })
        });
        c.bench_function(&format!("page down+redraw 1MB {w}x{h}"), |b| {
            b.iter(|| {
                let before = state.view().shown;
                update(&mut state, Action::PageDown);
                if state.view().shown == before {
                    update(&mut state, Action::Top);
                }
                terminal.draw(|f| view(&state, f)).unwrap();
            })
        });
    }
}

/// Incremental search in the 1 MB article: one key typed (and taken back), hits found and the
/// article scrolled to the first; the article is folded once, on the first search, not per key.
fn search(c: &mut Criterion) {
    let article = big_article();
    let config = Config::default();
    let mut state = reader_on(&article, &config, 200, 60);
    update(&mut state, Action::Search);
    update(&mut state, Action::SearchChar('ا'));
    update(&mut state, Action::SearchChar('ل'));
    c.bench_function("search keystroke 1MB", |b| {
        b.iter(|| {
            update(&mut state, Action::SearchChar('ا'));
            update(&mut state, Action::SearchBackspace);
        })
    });
    // What each keystroke cost when the article was folded again for every key.
    c.bench_function("fold+find 1MB (per key before)", |b| {
        b.iter(|| black_box(rawi::arabic::find_all(&article.text, "الا")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = reader, search
}
criterion_main!(benches);
