//! rawi (راوي, "the narrator"): a terminal reader for Arabic news.
//!
//! The library holds everything but argument parsing:
//! - [`text`]: the right-to-left text engine (bidi, shaping, wrapping, cell widths); no UI types.
//! - [`arabic`]: Arabic normalisation with maps back to the original text (search, matching).
//! - [`attribution`]: who said what: speakers and quotes in one article; no UI types.
//! - [`corpus`]: loading articles from files, folders, JSON Lines corpora and stdin; no UI types.
//! - [`index`]: who said what across articles (speakers merged by normalised name).
//! - [`memory`]: reading positions, last article per corpus and bookmarks, in a state file.
//! - [`render`] and [`extract`]: the non-interactive `rawi render` and `rawi extract` commands.
//! - [`config`]: the reader's configuration file (theme, keys, defaults built in).
//! - [`tui`]: the interactive reader (state, actions, update, view, event loop).

pub mod arabic;
pub mod attribution;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod index;
pub mod memory;
pub mod render;
pub mod text;
pub mod tui;
