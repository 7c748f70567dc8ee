//! Painting visual lines into the frame buffer glyph by glyph, at the columns the text engine
//! computed (never through `Line` alignment or `str::width`, which get Arabic wrong).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text::{Glyph, VisualLine};

/// Paints `line` on row `y` of `area`, aligned by its direction, styling each glyph with
/// `style_of`. Glyphs past the area's right edge are not painted. Returns the x of the line's
/// first painted cell.
pub fn paint_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &VisualLine,
    mut style_of: impl FnMut(&Glyph) -> Style,
) -> u16 {
    let left = area.x + line.indent(area.width);
    for glyph in &line.glyphs {
        if glyph.width == 0 {
            continue; // a space hanging at the end of a wrapped line
        }
        let x = left + glyph.col;
        if x + glyph.width as u16 > area.right() {
            break;
        }
        let style = style_of(glyph);
        buf[(x, y)]
            .set_symbol(line.glyph_str(glyph))
            .set_style(style);
        // Cells covered by a wide glyph are reset, as ratatui does for wide characters.
        for extra in 1..glyph.width as u16 {
            buf[(x + extra, y)].reset();
            buf[(x + extra, y)].set_style(style);
        }
    }
    left
}

/// Paints `line` starting at column `x` (no alignment), with one style. Returns the x after it.
pub fn paint_at(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    line: &VisualLine,
    style: Style,
) -> u16 {
    for glyph in &line.glyphs {
        if glyph.width == 0 {
            continue;
        }
        let gx = x + glyph.col;
        if gx + glyph.width as u16 > max_x {
            break;
        }
        buf[(gx, y)]
            .set_symbol(line.glyph_str(glyph))
            .set_style(style);
        for extra in 1..glyph.width as u16 {
            buf[(gx + extra, y)].reset();
        }
    }
    x + line.width
}

/// Paints plain ASCII text (labels we write ourselves) at (x, y), clipped at `max_x`.
pub fn paint_ascii(buf: &mut Buffer, x: u16, y: u16, max_x: u16, text: &str, style: Style) -> u16 {
    let width = max_x.saturating_sub(x) as usize;
    let (end, _) = buf.set_stringn(x, y, text, width, style);
    end
}
