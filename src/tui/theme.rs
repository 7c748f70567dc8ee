//! Styles for each kind of highlight, from the theme colours, or, with NO_COLOR, from
//! attributes only (reverse, underline, bold) so that quotes still stand out.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;

#[derive(Debug, Clone)]
pub struct Styles {
    pub no_color: bool,
    pub theme: Theme,
}

impl Styles {
    pub fn new(theme: &Theme, no_color: bool) -> Styles {
        Styles {
            no_color,
            theme: theme.clone(),
        }
    }

    pub fn speaker_colour(&self, speaker: usize) -> Color {
        let palette = &self.theme.speakers;
        palette[speaker % palette.len().max(1)]
    }

    /// A quote's text.
    pub fn quote(&self, speaker: usize) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().fg(self.speaker_colour(speaker))
        }
    }

    /// The quote in focus: on its speaker's colour.
    pub fn focused_quote(&self, speaker: usize) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.theme.focused_quote_fg)
                .bg(self.speaker_colour(speaker))
        }
    }

    /// A mention of a speaker's name (patched over a quote style).
    pub fn mention(&self, speaker: usize) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.no_color {
            style
        } else {
            style
                .fg(self.speaker_colour(speaker))
                .add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn search_hit(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
                .fg(self.theme.search_fg)
                .bg(self.theme.search_bg)
        }
    }

    pub fn current_hit(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.theme.current_hit_fg)
                .bg(self.theme.current_hit_bg)
                .add_modifier(Modifier::BOLD)
        }
    }

    pub fn header(&self, focused: bool) -> Style {
        match (self.no_color, focused) {
            (true, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::UNDERLINED),
            (false, true) => Style::new()
                .fg(self.theme.header_focused_fg)
                .bg(self.theme.header_focused_bg)
                .add_modifier(Modifier::BOLD),
            (false, false) => Style::new()
                .fg(self.theme.header_fg)
                .bg(self.theme.header_bg),
        }
    }

    /// The selected row of a list (`focused`: the list has the focus).
    pub fn selection(&self, focused: bool) -> Style {
        match (self.no_color, focused) {
            (true, true) => Style::new().add_modifier(Modifier::REVERSED),
            (true, false) => Style::new().add_modifier(Modifier::UNDERLINED),
            (false, true) => Style::new()
                .fg(self.theme.selection_fg)
                .bg(self.theme.selection_bg),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn status(&self) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.theme.status_fg)
                .bg(self.theme.status_bg)
        }
    }

    pub fn notice(&self) -> Style {
        if self.no_color {
            self.status().add_modifier(Modifier::BOLD)
        } else {
            self.status()
                .fg(self.theme.notice_fg)
                .add_modifier(Modifier::BOLD)
        }
    }

    pub fn separator(&self) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().fg(self.theme.header_bg)
        }
    }
}
