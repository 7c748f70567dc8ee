//! Styles for each kind of highlight, from the theme colours, or, with NO_COLOR, from
//! attributes only (reverse, underline, bold, italic) so that quotes still stand out.

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

    /// A quote the engine is unsure of: dimmed, or, with NO_COLOR, italic instead of underlined.
    pub fn unsure_quote(&self, speaker: usize) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
        } else {
            self.quote(speaker).add_modifier(Modifier::DIM)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// The colour of a 256-colour index from 16 up, or of `#rrggbb`. The 16 named colours are
    /// `None`: each terminal (and its light or dark scheme) picks their shades.
    fn rgb(colour: Color) -> Option<[u8; 3]> {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match colour {
            Color::Rgb(r, g, b) => Some([r, g, b]),
            Color::Indexed(i @ 16..=231) => {
                let i = usize::from(i - 16);
                Some([LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6]])
            }
            Color::Indexed(i @ 232..) => Some([8 + 10 * (i - 232); 3]),
            _ => None,
        }
    }

    /// WCAG relative luminance.
    fn luminance([r, g, b]: [u8; 3]) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: f64, b: f64) -> f64 {
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn default_speaker_colours_read_on_dark_and_light_backgrounds() {
        let theme = Config::default().theme;
        assert!(theme.speakers.len() >= 6);
        for &colour in &theme.speakers {
            let l = luminance(rgb(colour).unwrap_or_else(|| panic!("{colour:?} is fixed")));
            let (on_black, on_white) = (contrast(l, 0.0), contrast(l, 1.0));
            assert!(on_black >= 3.0, "{colour:?} on black: {on_black:.2}");
            assert!(on_white >= 3.0, "{colour:?} on white: {on_white:.2}");
        }
        assert_eq!(
            theme.focused_quote_fg,
            Color::Black,
            "on the speaker's colour"
        );
    }

    #[test]
    fn no_color_uses_attributes_only() {
        let styles = Styles::new(&Config::default().theme, true);
        let all = [
            styles.quote(0),
            styles.focused_quote(1),
            styles.mention(2),
            styles.unsure_quote(3),
        ];
        for style in all {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            assert!(!style.add_modifier.is_empty(), "{style:?}");
        }
    }
}
