//! The interactive reader: state, actions, update, view and the event loop.
//!
//! - [`action`]: what the user can do; [`keymap`]: keys to actions (data, from the config).
//! - [`state`]: everything shown, as plain data; [`doc`]: an article laid out lazily and cached
//!   per (width, mode); [`marks`]: quotes, mentions; [`roster`]: the speakers list rows.
//! - [`catalogue`]: the open articles, loading ([`crate::corpus`]) and extracted
//!   ([`indexer`]) in the background; [`library`] and [`filter`]: the article list and its
//!   query, with [`finder`] searching every text; [`people`]: who said what across articles;
//!   [`recall`] and [`bookmarks`]: reading positions and bookmarks ([`crate::memory`]).
//! - [`update`]: the one function that changes the state (with [`nav`] and [`search`]).
//! - [`view`]: drawing only, one module per pane; [`paint`] paints visual lines glyph by glyph.
//! - [`event_loop`]: input in, frames out; [`terminal`]: taking and restoring the terminal.

pub mod action;
pub mod bookmarks;
pub mod catalogue;
pub mod doc;
pub mod event_loop;
pub mod filter;
pub mod finder;
pub mod indexer;
pub mod keymap;
pub mod library;
pub mod marks;
pub mod nav;
pub mod open;
pub mod paint;
pub mod panes;
pub mod people;
pub mod recall;
pub mod roster;
pub mod search;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::config::Config;
use crate::corpus::{Library, LoadOptions, open_in_background};
use crate::memory::{ReadingMemory, corpus_key};
use crate::text::BidiMode;
use catalogue::Catalogue;
use event_loop::Exit;
use recall::Recall;
use state::{State, engine_extractor, hiding_unsure};
use terminal::TerminalEvents;

/// How the reader ended, and what to tell on stderr once the terminal is back.
pub struct Ended {
    pub exit: Exit,
    /// Problems met opening the inputs, then any other message (state file not saved...).
    pub messages: Vec<String>,
}

/// Starts loading `paths` in the background and returns as soon as the first article has
/// arrived (the rest keeps coming, then every article is extracted in the background). An error
/// listing the problems when no article at all could be opened.
pub fn open_catalogue(
    paths: Vec<PathBuf>,
    opts: LoadOptions,
    extract: state::ExtractFn,
) -> anyhow::Result<Catalogue> {
    let loader = open_in_background(paths, opts);
    let mut library = Library::default();
    let mut finished = false;
    while library.is_empty() && !finished {
        finished = loader
            .poll_timeout(&mut library, Duration::from_millis(5))
            .finished;
    }
    if library.is_empty() {
        let problems: Vec<String> = library.problems().iter().map(|p| p.to_string()).collect();
        anyhow::bail!("no article could be opened:\n  {}", problems.join("\n  "));
    }
    Ok(if finished {
        Catalogue::new(library, extract)
    } else {
        Catalogue::loading(library, loader, extract)
    })
}

/// Opens `paths` (files, folders, corpora, `-`; none: the bundled samples) and starts the reader
/// as soon as the first article has arrived; the rest loads in the background. `notice` is
/// shown in the status bar at start (e.g. a problem in the config file).
pub fn run(
    paths: Vec<PathBuf>,
    opts: LoadOptions,
    config: &Config,
    notice: Option<String>,
) -> anyhow::Result<Ended> {
    let corpus = corpus_key(&paths);
    let catalogue = open_catalogue(
        paths,
        opts,
        hiding_unsure(engine_extractor(config.attribution.extractor()), config),
    )?;
    // After the inputs (their problems say more), before the screen would go into a file or pipe.
    if !io::IsTerminal::is_terminal(&io::stdout()) {
        anyhow::bail!(
            "the reader draws on a terminal, and stdout is not one; to print an article's lines \
             use `rawi render FILE`, for its speakers and quotes `rawi extract FILE`"
        );
    }
    let (memory, memory_warning) = ReadingMemory::open_default();
    let signal = terminal::watch_signals()?;
    let setup = terminal::Setup {
        mouse: config.reader.mouse,
        explicit_bidi: config.reader.bidi == BidiMode::App,
        mlterm: std::env::var_os("MLTERM").is_some(),
    };
    let _guard = terminal::enter(setup)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    // Not `Terminal::clear`, which asks the terminal where its cursor is (`CSI 6n`) and gives
    // up with an error after 2 s when nothing answers (a bare pty, some multiplexers).
    ratatui::backend::Backend::clear(terminal.backend_mut())?;
    let size = terminal.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut state = State::with_memory(catalogue, config, area, Recall::new(memory, corpus));
    state.notice = notice.or(memory_warning.clone());
    let mut events = TerminalEvents { signal };
    let mut side = io::stdout();
    let exit = event_loop::run(
        &mut terminal,
        &mut events,
        &mut state,
        &config.keymap,
        &mut side,
    )?;
    let mut messages: Vec<String> = (state.catalogue.library().problems().iter())
        .map(|p| p.to_string())
        .collect();
    messages.extend(memory_warning);
    messages.extend(state.save_error.take());
    Ok(Ended { exit, messages })
}
