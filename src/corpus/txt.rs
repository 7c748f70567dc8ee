//! One `.txt` article: refuse what is not text, decode, and find the title.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::LoadError;
use super::decode::{Decoded, decode, is_utf16};

/// A title is at most this many chars.
const MAX_TITLE_CHARS: usize = 120;

/// The decoded text of a `.txt` input and where its bytes start (after a byte order mark).
#[derive(Debug)]
pub(crate) struct TxtText<'a> {
    pub decoded: Decoded<'a>,
    /// Length of the byte order mark skipped at the start of the bytes.
    pub bom_len: usize,
}

/// Checks and decodes the bytes of one text article. `shown` names it in errors.
pub(crate) fn decode_txt<'a>(
    bytes: &'a [u8],
    shown: &str,
    forced: Option<&'static Encoding>,
) -> Result<TxtText<'a>, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: shown.into() });
    }
    let bom = Encoding::for_bom(bytes);
    let bom_len = bom.map_or(0, |(_, len)| len);
    // UTF-16 (by its byte order mark, or given without one) has NUL bytes by nature: its NUL
    // characters are counted after decoding instead.
    let utf16 = bom.map_or(forced, |(e, _)| Some(e)).is_some_and(is_utf16);
    if let Some(what) = binary_kind(bytes, utf16) {
        return Err(LoadError::Binary {
            path: shown.into(),
            what: what.into(),
        });
    }
    let decoded = decode(bytes, forced);
    if utf16 && too_many_nuls(decoded.text.as_bytes()) {
        return Err(LoadError::Binary {
            path: shown.into(),
            what: "NUL characters".into(),
        });
    }
    if decoded.text.trim().is_empty() {
        return Err(if bytes.len() == bom_len {
            LoadError::Empty { path: shown.into() }
        } else {
            LoadError::Blank { path: shown.into() }
        });
    }
    Ok(TxtText { decoded, bom_len })
}

/// How much of the start of a file is looked at for NUL bytes.
const SNIFF_BYTES: usize = 8192;

/// More NUL bytes than this at the start of a file make it binary, whatever its length.
const MAX_STRAY_NULS: usize = 8;

/// Why these bytes are not text, if they are not: a known file signature, or NUL bytes that
/// are more than a stray one or two (more than 1 in 1000 bytes, or more than
/// [`MAX_STRAY_NULS`], in the first 8 KiB). A stray NUL in a text is shown as a placeholder.
/// UTF-16 text has NUL bytes by nature and is checked after decoding instead.
pub(crate) fn binary_kind(bytes: &[u8], utf16: bool) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "an executable"),
        (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    if !utf16 && too_many_nuls(bytes) {
        return Some(match utf16_without_bom(bytes) {
            Some("utf-16le") => {
                "NUL bytes; if it is UTF-16 without a byte order mark, try --encoding utf-16le"
            }
            Some(_) => {
                "NUL bytes; if it is UTF-16 without a byte order mark, try --encoding utf-16be"
            }
            None => "NUL bytes",
        });
    }
    None
}

/// The encoding (`--encoding` name) of a text that looks like UTF-16 without a byte order mark: in Arabic or
/// Latin text, the high byte of (nearly) every pair is 0x00 (Latin, digits, spaces) or 0x06
/// (Arabic), always on the same side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let start = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let pairs = start.len() / 2;
    if pairs < 2 {
        return None;
    }
    let high = |b: &u8| matches!(b, 0x00 | 0x06);
    let odd = start.chunks_exact(2).filter(|p| high(&p[1])).count();
    let even = start.chunks_exact(2).filter(|p| high(&p[0])).count();
    if odd * 10 >= pairs * 9 && even * 10 < pairs * 5 {
        Some("utf-16le")
    } else if even * 10 >= pairs * 9 && odd * 10 < pairs * 5 {
        Some("utf-16be")
    } else {
        None
    }
}

/// Whether the first 8 KiB of `bytes` have more NUL bytes than a text may have by accident.
fn too_many_nuls(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let nuls = memchr::memchr_iter(0, start).count();
    nuls > MAX_STRAY_NULS || nuls * 1000 > start.len()
}

/// The title of a text: its first line, when that line is short and followed by a blank line
/// and more text.
pub(crate) fn title_of(text: &str) -> Option<&str> {
    let first_end = memchr::memchr(b'\n', text.as_bytes())?;
    // Cheap bound before counting chars: a 50 MB single line is never a title.
    if first_end > MAX_TITLE_CHARS * 4 {
        return None;
    }
    let first = text[..first_end].trim();
    if first.is_empty() || first.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let rest = &text[first_end + 1..];
    let second_end = memchr::memchr(b'\n', rest.as_bytes())?;
    let blank_second = rest[..second_end].trim().is_empty();
    let more = !rest[second_end..].trim().is_empty();
    (blank_second && more).then_some(first)
}

/// A title made from a text without a title line is at most this many chars (then `…`).
const MAX_SENTENCE_TITLE_CHARS: usize = 80;

/// The title of a text, or `fallback`.
pub(crate) fn title_or<'a>(text: &str, fallback: Cow<'a, str>) -> Cow<'a, str> {
    match title_of(text) {
        Some(title) => Cow::Owned(title.to_owned()),
        None => fallback,
    }
}

/// The title of a `.txt` article; without a title line, its first sentence (cut at a word when
/// long), so that a reader can still pick it by what it says; else `fallback` (its file name).
pub(crate) fn txt_title<'a>(text: &str, fallback: Cow<'a, str>) -> Cow<'a, str> {
    match title_of(text)
        .map(str::to_owned)
        .or_else(|| first_sentence(text))
    {
        Some(title) => Cow::Owned(title),
        None => fallback,
    }
}

/// The first sentence of the first non-blank line, ending at its stop (kept) or cut after the
/// last whole word within [`MAX_SENTENCE_TITLE_CHARS`] and marked `…`; `None` when that much
/// text has no space (no word to cut at: not a sentence).
fn first_sentence(text: &str) -> Option<String> {
    // Only the start of the text is looked at: a title never needs more.
    let mut end = text.len().min(MAX_SENTENCE_TITLE_CHARS * 8);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let line = text[..end].lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut last_space = None;
    for (chars, (at, c)) in line.char_indices().enumerate() {
        if chars == MAX_SENTENCE_TITLE_CHARS {
            let cut = last_space?;
            return Some(format!("{}…", line[..cut].trim_end()));
        }
        let after = at + c.len_utf8();
        // A stop ends the sentence when a space or the line's end follows (not `3.5`).
        let at_end = line[after..].chars().next().is_none_or(char::is_whitespace);
        if matches!(c, '.' | '!' | '?' | '؟' | '۔') && at_end {
            return Some(line[..after].to_owned());
        }
        if c.is_whitespace() {
            last_space = Some(at);
        }
    }
    Some(line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_needs_a_short_first_line_then_a_blank_line() {
        assert_eq!(title_of("عنوان\n\nنص المقال"), Some("عنوان"));
        assert_eq!(title_of("عنوان\r\n\r\nنص"), Some("عنوان"));
        assert_eq!(title_of("عنوان\nنص المقال"), None);
        assert_eq!(title_of("عنوان\n\n  \n"), None);
        assert_eq!(title_of(&format!("{}\n\nنص", "ا".repeat(121))), None);
        assert_eq!(title_of("نص بلا سطر ثان"), None);
    }

    #[test]
    fn without_a_title_line_the_first_sentence_is_the_title() {
        let title = |t: &str| txt_title(t, "name".into()).into_owned();
        assert_eq!(title("عنوان\n\nنص المقال"), "عنوان");
        assert_eq!(
            title("\nقال الوزير إن المطر قادم. ثم غادر"),
            "قال الوزير إن المطر قادم."
        );
        assert_eq!(title("هل يعود القطار؟ نعم\nنص"), "هل يعود القطار؟");
        assert_eq!(title("سطر بلا نهاية\nثان"), "سطر بلا نهاية");
        assert_eq!(title("ارتفع 3.5 في المئة. ثم"), "ارتفع 3.5 في المئة.");
        let long = "كلمة ".repeat(40);
        let cut = title(&long);
        assert!(cut.ends_with("كلمة…"), "{cut}");
        assert!(cut.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
        assert_eq!(title(" \n\t"), "name");
        assert_eq!(title(&"ب".repeat(500)), "name", "no word to cut at");
    }

    #[test]
    fn refuses_non_text() {
        let err = |b: &[u8]| decode_txt(b, "f", None).unwrap_err().to_string();
        assert_eq!(err(b""), "f: empty file");
        assert_eq!(err(b" \n\t\r\n "), "f: only whitespace, no text");
        assert_eq!(err(b"\xEF\xBB\xBF"), "f: empty file");
        assert_eq!(err(b"abc\0def"), "f: binary file (NUL bytes), not text");
        assert_eq!(err(&[0; 5000]), "f: binary file (NUL bytes), not text");
        assert_eq!(
            err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "f: binary file (a PNG image), not text"
        );
    }
}
