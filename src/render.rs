//! `rawi render`: visual lines to stdout, one per line, right-aligned by padding with spaces,
//! no escape codes (a drop-in for `fribidi --nobreak`, wrapping included).
//!
//! It streams: one input line (a paragraph) at a time through one reused [`Layouter`], into a
//! 64 KiB output buffer that is written out only when full and at the end (no flush per line). Invalid UTF-8 is replaced
//! by U+FFFD rather than ending the run.

use std::io::{self, BufRead, Write};

use crate::text::{LayoutOptions, Layouter, MAX_PIECE, paragraph_pieces};

/// Renders every line of `input` (one paragraph each) at `width` cells.
pub fn render(
    mut input: impl BufRead,
    mut out: impl Write,
    width: u16,
    opts: &LayoutOptions,
) -> io::Result<()> {
    let mut layouter = Layouter::new();
    let mut raw = Vec::new();
    let mut buffer = String::with_capacity(1 << 17);
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        if raw.last() == Some(&b'\n') {
            raw.pop();
        }
        let paragraph = match std::str::from_utf8(&raw) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&raw),
        };
        // A giant line is laid out piece by piece, in bounded memory.
        for piece in paragraph_pieces(&paragraph, MAX_PIECE) {
            layouter.render_into(&paragraph[piece], width, opts, &mut buffer);
            if buffer.len() >= 1 << 16 {
                out.write_all(buffer.as_bytes())?;
                buffer.clear();
            }
        }
    }
    out.write_all(buffer.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(input: &str, width: u16) -> String {
        let mut out = Vec::new();
        render(input.as_bytes(), &mut out, width, &LayoutOptions::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pads_rtl_lines_and_keeps_empty_lines_empty() {
        assert_eq!(rendered("abc\n\nب\n", 5), "abc\n\n    \u{FE8F}\n");
    }

    #[test]
    fn crlf_and_invalid_utf8_do_not_stop_it() {
        let mut out = Vec::new();
        let input: &[u8] = b"ab\r\n\xFFcd\n";
        render(input, &mut out, 10, &LayoutOptions::default()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "ab\n\u{FFFD}cd\n");
    }
}
