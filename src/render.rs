//! `rawi render`: visual lines to stdout, one per line, right-aligned by padding with spaces,
//! no escape codes (a drop-in for `fribidi --nobreak`, wrapping included).
//!
//! It streams: one input line (a paragraph) at a time through one reused [`Layouter`], into a
//! 64 KiB output buffer that is written out only when full and at the end (no flush per line).
//! A line is never held whole: past [`READ_LIMIT`] bytes without a newline (`/dev/zero`, a
//! 300 MB line) the pieces read so far are laid out and only the last one is carried over, so
//! memory stays bounded whatever the input. Invalid UTF-8 is replaced by U+FFFD rather than
//! ending the run.

use std::io::{self, BufRead, Write};

use crate::text::{LayoutOptions, Layouter, MAX_PIECE, paragraph_pieces};

/// The most bytes of one line held at once: a few pieces, so that the cut between pieces can
/// still be made at a space.
const READ_LIMIT: usize = 4 * MAX_PIECE;

/// What one bounded read of a line gave.
#[derive(PartialEq)]
enum Read {
    /// The end of the line (or of the input after some bytes).
    LineEnd,
    /// The read limit was reached and the line goes on.
    Partial,
    Eof,
}

/// Renders every line of `input` (one paragraph each) at `width` cells.
pub fn render(
    input: impl BufRead,
    out: impl Write,
    width: u16,
    opts: &LayoutOptions,
) -> io::Result<()> {
    render_reading_at_most(input, out, width, opts, READ_LIMIT)
}

/// [`render`], holding at most `read_limit` bytes of a line at once (at least 16): for tests and
/// fuzzing of the streaming of long lines with small inputs.
pub fn render_reading_at_most(
    mut input: impl BufRead,
    mut out: impl Write,
    width: u16,
    opts: &LayoutOptions,
    read_limit: usize,
) -> io::Result<()> {
    let read_limit = read_limit.max(16);
    let mut layouter = Layouter::new();
    let mut raw = Vec::new();
    // What a partial line carries over to the next read (reused, like `raw`).
    let mut carry = Vec::new();
    let mut buffer = String::with_capacity(1 << 17);
    loop {
        let read = read_bounded(&mut input, &mut raw, read_limit)?;
        if read == Read::Eof {
            break;
        }
        // A partial line ends where its last complete character does.
        let cut = if read == Read::Partial {
            raw.len() - incomplete_tail(&raw)
        } else {
            raw.len()
        };
        let paragraph = match std::str::from_utf8(&raw[..cut]) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&raw[..cut]),
        };
        // A giant line is laid out piece by piece, in bounded memory; of a partial line the
        // last piece waits for the bytes after it (unless it is the only one: a single
        // cluster longer than the limit is then cut where the read stopped).
        let mut pieces = paragraph_pieces(&paragraph, MAX_PIECE.min(read_limit / 4));
        let carried = match read {
            Read::Partial if pieces.len() > 1 => pieces.pop(),
            _ => None,
        };
        for piece in pieces {
            layouter.render_into(&paragraph[piece], width, opts, &mut buffer);
            if buffer.len() >= 1 << 16 {
                out.write_all(buffer.as_bytes())?;
                buffer.clear();
            }
        }
        carry.clear();
        if read == Read::Partial {
            if let Some(piece) = carried {
                carry.extend_from_slice(&paragraph.as_bytes()[piece]);
            }
            carry.extend_from_slice(&raw[cut..]);
        }
        drop(paragraph);
        std::mem::swap(&mut raw, &mut carry);
    }
    out.write_all(buffer.as_bytes())?;
    out.flush()
}

/// Appends to `raw` the rest of the current line, up to `limit` bytes in all; the newline is
/// consumed, not kept.
fn read_bounded(input: &mut impl BufRead, raw: &mut Vec<u8>, limit: usize) -> io::Result<Read> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(if raw.is_empty() {
                Read::Eof
            } else {
                Read::LineEnd
            });
        }
        let room = limit.saturating_sub(raw.len());
        let take = &buf[..buf.len().min(room)];
        if let Some(i) = memchr::memchr(b'\n', take) {
            raw.extend_from_slice(&take[..i]);
            input.consume(i + 1);
            return Ok(Read::LineEnd);
        }
        let n = take.len();
        raw.extend_from_slice(take);
        input.consume(n);
        if raw.len() >= limit {
            return Ok(Read::Partial);
        }
    }
}

/// Bytes at the end of `raw` that start a UTF-8 character and lack its continuation bytes.
fn incomplete_tail(raw: &[u8]) -> usize {
    for back in 1..=raw.len().min(3) {
        let b = raw[raw.len() - back];
        if b & 0xC0 != 0x80 {
            let needed = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if needed > back { back } else { 0 };
        }
    }
    0
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

    /// A reader that counts what was read, and a writer that notes how much had been read when
    /// it was first written to.
    struct Counted<R>(R, std::rc::Rc<std::cell::Cell<usize>>);
    impl<R: io::Read> io::Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1.set(self.1.get() + n);
            Ok(n)
        }
    }
    struct FirstWrite(std::rc::Rc<std::cell::Cell<usize>>, Option<usize>, usize);
    impl Write for FirstWrite {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.1.get_or_insert(self.0.get());
            self.2 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_endless_line_is_written_out_as_it_is_read() {
        // 3 MB of «سلام » and NULs without a newline (`rawi render < /dev/zero` never ends).
        for unit in ["سلام ".as_bytes(), b"\0"] {
            let read = std::rc::Rc::new(std::cell::Cell::new(0));
            let endless = unit.repeat((3 << 20) / unit.len());
            let input = io::BufReader::new(Counted(endless.as_slice(), read.clone()));
            let mut out = FirstWrite(read.clone(), None, 0);
            render(input, &mut out, 80, &LayoutOptions::default()).unwrap();
            let first = out.1.expect("something was written");
            assert!(first < 1 << 20, "first write after {first} bytes read");
            assert!(out.2 > read.get(), "every byte was laid out");
        }
    }

    #[test]
    fn a_character_cut_by_the_read_limit_stays_whole() {
        let line = "ب".repeat(READ_LIMIT); // 2 bytes each: the limit falls inside none, but
        let odd = format!("a{line}\n"); // shifted by one byte it falls inside one
        let out = rendered(&odd, 80);
        assert!(!out.contains('\u{FFFD}'));
        assert_eq!(incomplete_tail("aب".as_bytes()), 0);
        assert_eq!(incomplete_tail(&"aب".as_bytes()[..2]), 1);
        assert_eq!(incomplete_tail(&"a€".as_bytes()[..3]), 2);
    }

    #[test]
    fn crlf_and_invalid_utf8_do_not_stop_it() {
        let mut out = Vec::new();
        let input: &[u8] = b"ab\r\n\xFFcd\n";
        render(input, &mut out, 10, &LayoutOptions::default()).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "ab\n\u{FFFD}cd\n");
    }
}
