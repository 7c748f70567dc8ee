//! Bytes to UTF-8: byte order marks, UTF-8, the legacy Arabic encodings, and lossy fallback.
//!
//! Order of decisions, so that a result never depends on luck:
//! 1. a byte order mark (UTF-8, UTF-16 LE/BE) wins, even over an explicit encoding;
//! 2. an explicit encoding (`--encoding`) is used as given;
//! 3. valid UTF-8 is borrowed as is;
//! 4. otherwise chardetng guesses; Windows-1256 and ISO-8859-6 are trusted;
//! 5. a text too short for chardetng (`قال` is 3 bytes) is Windows-1256 or ISO-8859-6 when all
//!    its non-ASCII bytes decode to Arabic in that encoding;
//! 6. anything else is decoded as UTF-8 with U+FFFD replacements and flagged `lossy`.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, ISO_8859_6, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
    /// The encoding was given (a byte order mark, `--encoding`), not found by detection.
    pub given: bool,
}

impl Decoded<'_> {
    /// What the bytes were expected to be, for the lossy warning ("not valid ...").
    pub fn expected(&self) -> String {
        expected_encoding(self.given.then_some(self.encoding))
    }
}

/// What bytes decoded with `given` (or detected, when `None`) were expected to be.
pub fn expected_encoding(given: Option<&'static Encoding>) -> String {
    match given {
        Some(encoding) => encoding.name().to_string(),
        None => "UTF-8 (nor Windows-1256 / ISO-8859-6)".to_string(),
    }
}

/// Whether an encoding is UTF-16 (either byte order): its text has NUL bytes by nature.
pub fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// How many bytes chardetng looks at: plenty for a guess, bounded for huge inputs.
const DETECT_PREFIX: usize = 256 * 1024;

/// Decodes `bytes` following the order in the module documentation.
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&'static Encoding>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return given(decode_with(&bytes[bom_len..], encoding));
    }
    if let Some(encoding) = forced {
        return given(decode_with(bytes, encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8,
            lossy: false,
            given: false,
        };
    }
    if mostly_utf8(bytes) {
        return decode_with(bytes, UTF_8);
    }
    let guessed = guess(bytes);
    if guessed == WINDOWS_1256 || guessed == ISO_8859_6 {
        return decode_with(bytes, guessed);
    }
    if let Some(arabic) = all_arabic_in(bytes) {
        return decode_with(bytes, arabic);
    }
    decode_with(bytes, UTF_8)
}

/// The legacy Arabic encoding in which every non-ASCII byte of `bytes` (its first 4 KiB) is an
/// Arabic character: a check by byte ranges for texts too short for a statistical guess.
/// Windows-1256 first, the more common one; its Latin letters (â, ç, é...) rule it out for
/// bytes that ISO-8859-6 reads as Arabic letters.
fn all_arabic_in(bytes: &[u8]) -> Option<&'static Encoding> {
    let prefix = &bytes[..bytes.len().min(4096)];
    [WINDOWS_1256, ISO_8859_6].into_iter().find(|encoding| {
        let (text, _, malformed) = encoding.decode(prefix);
        let mut arabic = 0;
        for c in text.chars().filter(|c| !c.is_ascii()) {
            if !('\u{0600}'..='\u{06FF}').contains(&c) {
                return false;
            }
            arabic += 1;
        }
        !malformed && arabic > 0
    })
}

fn given(decoded: Decoded<'_>) -> Decoded<'_> {
    Decoded {
        given: true,
        ..decoded
    }
}

/// UTF-8 with a few damaged bytes must not be taken for a legacy encoding (that would turn the
/// whole text into mojibake): legacy single-byte Arabic text almost never forms valid multi-byte
/// UTF-8 sequences, so more valid non-ASCII chars than broken sequences means damaged UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    let (mut valid_non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in prefix.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid_non_ascii > invalid
}

/// The legacy encoding chardetng finds most likely for non-UTF-8 bytes.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// Decodes without BOM sniffing; `lossy` when a malformed sequence was replaced.
fn decode_with<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Decoded<'a> {
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    // UTF-16 output for UTF-16 input is never "borrowed"; encoding_rs also reports its
    // output encoding, which is always UTF-8 here.
    Decoded {
        text,
        encoding,
        lossy,
        given: false,
    }
}

/// Looks up an encoding by any of its WHATWG labels (`windows-1256`, `cp1256`, `iso-8859-6`,
/// `utf-16le`, `utf8` ...).
pub fn encoding_for_name(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_a_legacy_encoding_is_still_arabic() {
        for encoding in [ISO_8859_6, WINDOWS_1256] {
            for word in ["قال", "قال\n", "في"] {
                let (bytes, _, _) = encoding.encode(word);
                let decoded = decode(&bytes, None);
                assert_eq!(decoded.text, word, "{}", encoding.name());
                assert!(!decoded.lossy);
            }
        }
    }
    use encoding_rs::{UTF_16BE, UTF_16LE};

    const ARABIC: &str = "قال وزير الخارجية إن المحادثات كانت مثمرة، وأضاف أن الجانبين اتفقا على مواصلة الحوار في الأسابيع المقبلة من أجل التوصل إلى حل دائم.";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    #[test]
    fn utf8_is_borrowed() {
        let d = decode(ARABIC.as_bytes(), None);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!((d.encoding, d.lossy), (UTF_8, false));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(ARABIC.as_bytes());
        let d = decode(&bytes, None);
        assert_eq!(d.text, ARABIC);
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn utf16_both_byte_orders() {
        for (be, enc) in [(false, UTF_16LE), (true, UTF_16BE)] {
            let bytes = utf16(ARABIC, be);
            let d = decode(&bytes, None);
            assert_eq!(d.text, ARABIC);
            assert_eq!((d.encoding, d.lossy), (enc, false));
        }
    }

    #[test]
    fn legacy_arabic_encodings_are_detected() {
        for enc in [WINDOWS_1256, ISO_8859_6] {
            let (bytes, _, unmappable) = enc.encode(ARABIC);
            assert!(!unmappable);
            let d = decode(&bytes, None);
            assert_eq!(d.text, ARABIC, "{}", enc.name());
            assert!(!d.lossy);
        }
    }

    #[test]
    fn forced_encoding_wins_over_detection() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(&bytes, encoding_for_name("iso-8859-6"));
        assert_eq!(d.encoding, ISO_8859_6);
    }

    #[test]
    fn the_lossy_warning_names_the_encoding_given() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let forced = decode(&bytes, Some(UTF_8));
        assert!(forced.lossy);
        assert_eq!(forced.expected(), "UTF-8");
        let mut broken = ARABIC.as_bytes().to_vec();
        broken.insert(10, 0xFF);
        assert_eq!(
            decode(&broken, None).expected(),
            "UTF-8 (nor Windows-1256 / ISO-8859-6)"
        );
    }

    #[test]
    fn broken_utf8_is_lossy() {
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        bytes.push(0xC3);
        let d = decode(&bytes, None);
        assert!(d.lossy);
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.encoding, UTF_8);
    }

    #[test]
    fn labels_are_case_and_space_insensitive() {
        assert_eq!(encoding_for_name(" CP1256 "), Some(WINDOWS_1256));
        assert_eq!(encoding_for_name("nope"), None);
    }
}
