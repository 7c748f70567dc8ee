//! `rawi render`: visual lines to stdout, one per line, right-aligned by padding with spaces,
//! no escape codes (a drop-in for `fribidi --nobreak`).

use std::io::{self, BufRead, Write};

use crate::text::{LayoutOptions, layout_paragraph};

/// Renders every line of `input` (one paragraph each) at `width` cells.
pub fn render(
    input: impl BufRead,
    mut out: impl Write,
    width: u16,
    opts: &LayoutOptions,
) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        for visual in layout_paragraph(&line, width, opts) {
            let pad = visual.indent(width) as usize;
            writeln!(out, "{:pad$}{}", "", visual.text)?;
        }
    }
    out.flush()
}
