//! Styles for each kind of highlight, from the theme colours, or, with NO_COLOR, from
//! attributes only (reverse, underline, bold, italic) so that quotes still stand out.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;

#[derive(Debug, Clone)]
pub struct Styles {
    pub no_color: bool,
    pub theme: Theme,
    /// On a truecolor terminal: colours for the speakers after the theme's own, so that none
    /// shares a colour up to [`TRUECOLOR_SPEAKERS`] (empty otherwise: the palette is reused).
    extra: Vec<Color>,
}

/// How many speakers of an article get a colour of their own on a truecolor terminal.
const TRUECOLOR_SPEAKERS: usize = 40;

impl Styles {
    pub fn new(theme: &Theme, no_color: bool) -> Styles {
        Styles {
            no_color,
            theme: theme.clone(),
            extra: Vec::new(),
        }
    }

    /// The same styles for a terminal that shows 24-bit colour (`COLORTERM=truecolor`).
    pub fn with_truecolor(mut self) -> Styles {
        let first = self.theme.speakers.len();
        self.extra = (first..TRUECOLOR_SPEAKERS).map(generated_colour).collect();
        self
    }

    pub fn speaker_colour(&self, speaker: usize) -> Color {
        let palette = &self.theme.speakers;
        if let Some(&colour) = speaker
            .checked_sub(palette.len())
            .and_then(|i| self.extra.get(i))
        {
            return colour;
        }
        palette[speaker % palette.len().max(1)]
    }

    /// A speaker's badge (its number, in the article's margin and the speakers pane): the
    /// number tells speakers apart without colour; the colour, where there is one, links the
    /// badge to the quote's text.
    pub fn badge(&self, speaker: usize) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.no_color {
            style
        } else {
            style.fg(self.speaker_colour(speaker))
        }
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

/// Whether the terminal says it shows 24-bit colour.
pub fn terminal_has_truecolor() -> bool {
    std::env::var("COLORTERM").is_ok_and(|v| matches!(v.as_str(), "truecolor" | "24bit"))
}

/// The label of a speaker's badge: its number from 1, two cells wide (`99` at most: a `+`
/// after that, rare enough that the colour and the speakers pane tell the rest).
pub fn badge_label(speaker: usize) -> String {
    match speaker + 1 {
        n @ ..=99 => format!("{n:>2}"),
        _ => "9+".to_string(),
    }
}

/// A colour for speaker `n` beyond the palette: hues spread by the golden angle (neighbours
/// differ most), each brought to a mid luminance (about 0.19) that reads on black and on white
/// (contrast over 4:1 with both).
fn generated_colour(n: usize) -> Color {
    let hue = (n as f64 * 137.508) % 360.0;
    // Full-saturation colour of that hue, then scaled (darkened) to the target luminance.
    let sector = hue / 60.0;
    let x = 1.0 - (sector % 2.0 - 1.0).abs();
    let (r, g, b) = match sector as u32 {
        0 => (1.0, x, 0.0),
        1 => (x, 1.0, 0.0),
        2 => (0.0, 1.0, x),
        3 => (0.0, x, 1.0),
        4 => (x, 0.0, 1.0),
        _ => (1.0, 0.0, x),
    };
    let lum = |k: f64| {
        let lin = |c: f64| {
            let c = c * k;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    };
    // Luminance grows with k: bisect for the scale that gives the target (or full brightness
    // for dark hues such as blue, lightened instead by mixing in white).
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..20 {
        let mid = (lo + hi) / 2.0;
        if lum(mid) < 0.19 { lo = mid } else { hi = mid }
    }
    let k = (lo + hi) / 2.0;
    let white = if lum(1.0) < 0.19 { 0.3 } else { 0.0 };
    let channel = |c: f64| ((c * k * (1.0 - white) + white) * 255.0).round() as u8;
    Color::Rgb(channel(r), channel(g), channel(b))
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
    fn truecolor_gives_every_speaker_its_own_readable_colour() {
        let styles = Styles::new(&Config::default().theme, false).with_truecolor();
        let colours: Vec<Color> = (0..TRUECOLOR_SPEAKERS)
            .map(|s| styles.speaker_colour(s))
            .collect();
        for (i, &colour) in colours.iter().enumerate() {
            assert!(!colours[..i].contains(&colour), "{i}: {colour:?} again");
            let l = luminance(rgb(colour).unwrap());
            let (on_black, on_white) = (contrast(l, 0.0), contrast(l, 1.0));
            assert!(on_black >= 3.0 && on_white >= 3.0, "{i}: {colour:?}");
        }
        let plain = Styles::new(&Config::default().theme, false);
        let n = plain.theme.speakers.len();
        assert_eq!(plain.speaker_colour(n), plain.speaker_colour(0), "reused");
    }

    #[test]
    fn badges_number_speakers_from_one() {
        assert_eq!(badge_label(0), " 1");
        assert_eq!(badge_label(13), "14");
        assert_eq!(badge_label(99), "9+");
    }

    #[test]
    fn no_color_uses_attributes_only() {
        let styles = Styles::new(&Config::default().theme, true);
        let all = [
            styles.quote(0),
            styles.focused_quote(1),
            styles.mention(2),
            styles.unsure_quote(3),
            styles.badge(4),
        ];
        for style in all {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
            assert!(!style.add_modifier.is_empty(), "{style:?}");
        }
    }
}
