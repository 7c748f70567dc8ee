//! What the user can ask the reader to do. Keys map to actions through the keymap (data, in the
//! config), so every variant a key can name is deserialisable from its snake_case name.

use serde::Deserialize;

/// One thing the reader can do. `update` applies it to the state.
///
/// The variants after `Noop` carry data from the terminal (typed text, mouse, size) and are not
/// nameable in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Down one line (article) or one row (lists).
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Focus the next pane (Tab order), or the previous one.
    NextPane,
    PrevPane,
    /// Focus the pane to the left or right of the focused one, as seen on screen. On the
    /// speakers and bookmarks screens: back one level (like `Cancel`) / open (like `Activate`).
    FocusLeft,
    FocusRight,
    /// On a speaker: jump to their first quote. On a quote: scroll the article to it. On an
    /// article in the library: open it.
    Activate,
    /// Expand or collapse the selected speaker's quotes.
    ToggleExpand,
    NextSpeaker,
    PrevSpeaker,
    /// Next/previous quote of the selected speaker.
    NextSpeakerQuote,
    PrevSpeakerQuote,
    /// Next/previous quote of anyone.
    NextQuote,
    PrevQuote,
    /// Next/previous search hit when a search is active, else next/previous quote of the speaker.
    NextHitOrQuote,
    PrevHitOrQuote,
    NextArticle,
    PrevArticle,
    /// Start an incremental search (in the article, or filtering the focused list).
    Search,
    /// Clear the search, close the help or the library.
    Cancel,
    ToggleHighlights,
    ToggleShaping,
    /// Show bidi formatting characters as visible marks.
    ToggleReveal,
    /// Sort speakers by order of appearance or by number of quotes.
    ToggleSort,
    /// Show or hide the library (list of open articles).
    ToggleLibrary,
    /// Who said what across every open article: the speakers screen (or back to the reader).
    CorpusSpeakers,
    /// Bookmark the top line of the article, or remove the bookmark there.
    ToggleBookmark,
    /// List the bookmarks of the open articles.
    ListBookmarks,
    ToggleHelp,
    /// Scroll so that the focused quote (or the top line) is centred, at the top, at the bottom.
    CenterFocus,
    FocusToTop,
    FocusToBottom,
    /// Copy the focused quote to the clipboard (OSC 52).
    CopyQuote,
    Quit,
    /// Panics on purpose, to test that the terminal is restored (not bound by default).
    DebugPanic,
    /// Does nothing; binding a key to it unbinds the key.
    Noop,

    // ---- Not nameable in the config: produced by the event loop. ----
    /// The terminal was resized (columns, rows).
    #[serde(skip)]
    Resize(u16, u16),
    /// A character typed into the search prompt.
    #[serde(skip)]
    SearchChar(char),
    #[serde(skip)]
    SearchBackspace,
    /// Enter in the search prompt: keep the hits, leave the prompt.
    #[serde(skip)]
    SearchConfirm,
    /// Mouse click at (column, row).
    #[serde(skip)]
    Click(u16, u16),
    /// Mouse wheel at (column, row), lines (positive: down).
    #[serde(skip)]
    Wheel(u16, u16, i8),
    /// Time passed: take in what the background work (loading, extraction, search) has ready.
    #[serde(skip)]
    Tick,
}

impl Action {
    /// Every action a key can be bound to, in the order the help lists them, with a description.
    pub const BINDABLE: &'static [(Action, &'static str)] = &[
        (Action::Down, "down one line / row"),
        (Action::Up, "up one line / row"),
        (Action::PageDown, "page down"),
        (Action::PageUp, "page up"),
        (Action::HalfPageDown, "half a page down"),
        (Action::HalfPageUp, "half a page up"),
        (Action::Top, "go to the top"),
        (Action::Bottom, "go to the end"),
        (Action::NextPane, "focus the next pane"),
        (Action::PrevPane, "focus the previous pane"),
        (
            Action::FocusLeft,
            "pane on the left; speakers/bookmarks: back",
        ),
        (
            Action::FocusRight,
            "pane on the right; speakers/bookmarks: open",
        ),
        (
            Action::Activate,
            "open: speaker's first quote, quote, article",
        ),
        (Action::ToggleExpand, "expand/collapse the speaker's quotes"),
        (Action::NextSpeaker, "next speaker"),
        (Action::PrevSpeaker, "previous speaker"),
        (Action::NextSpeakerQuote, "next quote of the speaker"),
        (Action::PrevSpeakerQuote, "previous quote of the speaker"),
        (Action::NextQuote, "next quote of anyone"),
        (Action::PrevQuote, "previous quote of anyone"),
        (Action::NextHitOrQuote, "next search hit (else next quote)"),
        (Action::PrevHitOrQuote, "previous search hit (else quote)"),
        (Action::NextArticle, "next article"),
        (Action::PrevArticle, "previous article"),
        (Action::Search, "search (filters a focused list)"),
        (Action::Cancel, "clear search / close / back"),
        (Action::ToggleHighlights, "highlights on/off"),
        (Action::ToggleShaping, "Arabic shaping on/off"),
        (Action::ToggleReveal, "show bidi controls on/off"),
        (Action::ToggleSort, "sort speakers: appearance/quotes"),
        (Action::ToggleLibrary, "show/hide the article list"),
        (
            Action::CorpusSpeakers,
            "speakers of all articles (who said what)",
        ),
        (
            Action::ToggleBookmark,
            "bookmark the top line (again: remove)",
        ),
        (Action::ListBookmarks, "list bookmarks (enter jumps)"),
        (Action::ToggleHelp, "this help"),
        (Action::CenterFocus, "centre the focused quote"),
        (Action::FocusToTop, "focused quote to the top"),
        (Action::FocusToBottom, "focused quote to the bottom"),
        (Action::CopyQuote, "copy the focused quote (OSC 52)"),
        (Action::Quit, "quit"),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_deserialise_from_snake_case_names() {
        #[derive(Deserialize)]
        struct One {
            a: Action,
        }
        let one: One = toml::from_str("a = \"next_speaker_quote\"").unwrap();
        assert_eq!(one.a, Action::NextSpeakerQuote);
        assert!(toml::from_str::<One>("a = \"resize\"").is_err());
        assert!(toml::from_str::<One>("a = \"fly\"").is_err());
    }
}
