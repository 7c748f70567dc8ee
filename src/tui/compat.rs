//! Stand-ins for text-engine functions that are being written in parallel (`text::display_safe`,
//! `text::layout_truncated`). Everything the reader needs from them goes through here, so this
//! file is deleted (and its callers pointed at `crate::text`) when the real ones land.

use std::borrow::Cow;

use crate::text::{Direction, Glyph, LayoutOptions, VisualLine, layout_paragraph};

/// Text safe to show on one line: controls become visible placeholders (`␛`, `^X`...).
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_placeholder) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{1b}' => '␛',
                '\u{7f}' => '␡',
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
                c if needs_placeholder(c) => '�',
                c => c,
            })
            .collect(),
    )
}

fn needs_placeholder(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One visual line of at most `width` cells showing the start of `text`; when the text does not
/// fit, an ellipsis marks its logical end (on the left of a right-to-left line).
pub fn layout_truncated(text: &str, width: u16, opts: &LayoutOptions) -> VisualLine {
    let width = width.max(1);
    let text = display_safe(text);
    let lines = layout_paragraph(&text, width, opts);
    if lines.len() <= 1 {
        return lines.into_iter().next().unwrap_or_else(|| empty(opts));
    }
    let mut line = layout_paragraph(&text, width.saturating_sub(1).max(1), opts)
        .into_iter()
        .next()
        .unwrap_or_else(|| empty(opts));
    if width < 2 {
        return line;
    }
    let end = line.logical.end as u32;
    let at = line.text.len() as u32;
    line.text.push('…');
    let ellipsis = Glyph {
        text: at..line.text.len() as u32,
        logical: end..end,
        col: 0,
        width: 1,
    };
    match line.direction {
        Direction::Rtl => {
            for glyph in &mut line.glyphs {
                glyph.col += 1;
            }
            line.glyphs.insert(0, ellipsis);
        }
        Direction::Ltr => line.glyphs.push(Glyph {
            col: line.width,
            ..ellipsis
        }),
    }
    line.width += 1;
    line
}

fn empty(opts: &LayoutOptions) -> VisualLine {
    VisualLine {
        text: String::new(),
        glyphs: Vec::new(),
        width: 0,
        logical: 0..0,
        direction: opts.fallback,
    }
}
