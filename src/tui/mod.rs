//! The interactive reader: state, actions, update, view and the event loop.
//!
//! - [`action`]: what the user can do; [`keymap`]: keys to actions (data, from the config).
//! - [`state`]: everything shown, as plain data; [`doc`]: an article laid out lazily and cached
//!   per (width, mode); [`marks`]: quotes, mentions; [`roster`]: the speakers list rows.
//! - [`update`]: the one function that changes the state (with [`nav`] and [`search`]).
//! - [`view`]: drawing only, one module per pane; [`paint`] paints visual lines glyph by glyph.
//! - [`event_loop`]: input in, frames out; [`terminal`]: taking and restoring the terminal.

pub mod action;
pub mod articles;
pub mod doc;
pub mod event_loop;
pub mod keymap;
pub mod marks;
pub mod nav;
pub mod paint;
pub mod panes;
pub mod roster;
pub mod search;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

use std::io;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::config::Config;
use crate::corpus::Article;
use crate::text::BidiMode;
use event_loop::Exit;
use state::{State, builtin_extractor};
use terminal::TerminalEvents;

/// Opens the reader on `articles` (at least one) in the terminal, until the user quits.
/// `notice` is shown in the status bar at start (e.g. a problem in the config file).
pub fn run(
    articles: Vec<Article>,
    config: &Config,
    notice: Option<String>,
) -> anyhow::Result<Exit> {
    anyhow::ensure!(!articles.is_empty(), "no article to show");
    let signal = terminal::watch_signals()?;
    let setup = terminal::Setup {
        mouse: config.reader.mouse,
        explicit_bidi: config.reader.bidi == BidiMode::App,
        mlterm: std::env::var_os("MLTERM").is_some(),
    };
    let _guard = terminal::enter(setup)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let size = terminal.size()?;
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut state = State::new(Box::new(articles), config, builtin_extractor(), area);
    state.notice = notice;
    let mut events = TerminalEvents { signal };
    let mut side = io::stdout();
    event_loop::run(
        &mut terminal,
        &mut events,
        &mut state,
        &config.keymap,
        &mut side,
    )
}
