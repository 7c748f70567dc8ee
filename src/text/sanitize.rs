//! What must never reach a terminal as it is.
//!
//! C0 and C1 controls, ESC and DEL would act on the terminal; they are shown as visible
//! placeholders (the Control Pictures block: `␛`, `␀`, `␡`; `�` for C1). Bidi formatting
//! characters and other invisible format characters (ZWSP, soft hyphen, BOM...) are consumed by
//! the layout (the bidi algorithm honours the bidi ones) and only shown, as `‹LRM›`-style marks,
//! when asked to reveal them. Tabs are expanded by the layout; CR is dropped.

use std::borrow::Cow;

/// Placeholder for a C1 control. There is no control picture for them; ␦ (the symbol for
/// "substitute") keeps them apart from `�`, which stands for bytes that were not valid text.
pub const C1_PLACEHOLDER: char = '\u{2426}';

/// The visible placeholder of a control character: `␀`..`␟` for C0 (so `␛` for ESC, `␉` for
/// tab), `␡` for DEL, `␦` for C1; `None` for anything else.
pub fn control_placeholder(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some(C1_PLACEHOLDER),
        _ => None,
    }
}

/// Bidi formatting characters: ALM, LRM, RLM, the embeddings and overrides, the isolates.
pub fn is_bidi_format(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Invisible format characters that the layout consumes (no cell of their own): the bidi
/// formatting characters and the other default-ignorable format characters (Cf). ZWJ and ZWNJ are
/// not listed: they belong to the grapheme before them (they matter to Arabic joining); only a
/// lone one is consumed, see the cluster builder.
pub fn is_invisible_format(c: char) -> bool {
    is_bidi_format(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{2028}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// The visible mark of an invisible format character (for `--reveal` and [`display_safe`]).
pub fn format_mark(c: char) -> &'static str {
    match c {
        '\u{061C}' => "‹ALM›",
        '\u{200E}' => "‹LRM›",
        '\u{200F}' => "‹RLM›",
        '\u{202A}' => "‹LRE›",
        '\u{202B}' => "‹RLE›",
        '\u{202C}' => "‹PDF›",
        '\u{202D}' => "‹LRO›",
        '\u{202E}' => "‹RLO›",
        '\u{2066}' => "‹LRI›",
        '\u{2067}' => "‹RLI›",
        '\u{2068}' => "‹FSI›",
        '\u{2069}' => "‹PDI›",
        '\u{200B}' => "‹ZWSP›",
        '\u{200C}' => "‹ZWNJ›",
        '\u{200D}' => "‹ZWJ›",
        '\u{2060}' => "‹WJ›",
        '\u{00AD}' => "‹SHY›",
        '\u{FEFF}' => "‹BOM›",
        '\u{2028}' => "‹LS›",
        '\u{2029}' => "‹PS›",
        _ => "‹FMT›",
    }
}

/// How the layout treats one input character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sanitized {
    /// Kept as it is (letters, marks, tabs, format characters the layout consumes).
    Keep,
    /// Replaced by a visible placeholder.
    Replace(char),
    /// Dropped (CR): consumed like an invisible format character.
    Drop,
}

/// Decides what happens to `c` inside a paragraph.
pub(crate) fn sanitize_char(c: char) -> Sanitized {
    match c {
        '\t' => Sanitized::Keep,
        '\r' => Sanitized::Drop,
        // A paragraph separator inside a paragraph ends a visual line, like a line separator,
        // instead of splitting the bidi paragraph.
        '\u{2029}' => Sanitized::Replace('\u{2028}'),
        c => match control_placeholder(c) {
            Some(p) => Sanitized::Replace(p),
            None => Sanitized::Keep,
        },
    }
}

/// True when some character of `s` is not [`Sanitized::Keep`]: a quick byte scan, so that the
/// common case does not copy the paragraph.
pub(crate) fn needs_sanitizing(s: &str) -> bool {
    let b = s.as_bytes();
    // A branch-free pass that the compiler vectorises finds the candidates' lead bytes...
    let suspect = |x: u8| (x < 0x20) | (x == 0x7F) | (x == 0xC2) | (x == 0xE2);
    if !b.iter().fold(false, |any, &x| any | suspect(x)) {
        return false;
    }
    // ...then a closer look: C1 controls are C2 80..C2 9F, U+2029 is E2 80 A9.
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\t' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|y| (0x80..=0x9F).contains(y)),
        0xE2 => b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA9),
        _ => false,
    })
}

/// A single-line string (title, file name, status text) made safe to print: every C0/C1
/// control, ESC, DEL, line or paragraph separator and invisible format character (bidi
/// formatting characters included) becomes a visible placeholder, so that no byte of it can act
/// as a terminal control or reorder the text around it.
pub fn display_safe(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        control_placeholder(c).is_some()
            || is_invisible_format(c)
            || matches!(c, '\u{200C}' | '\u{200D}' | '\u{2029}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if let Some(p) = control_placeholder(c) {
            out.push(p);
        } else if unsafe_char(c) {
            out.push_str(format_mark(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_get_pictures() {
        assert_eq!(control_placeholder('\u{1B}'), Some('␛'));
        assert_eq!(control_placeholder('\0'), Some('␀'));
        assert_eq!(control_placeholder('\u{7F}'), Some('␡'));
        assert_eq!(control_placeholder('\u{9B}'), Some('␦'));
        assert_eq!(control_placeholder('a'), None);
    }

    #[test]
    fn display_safe_borrows_clean_text() {
        assert!(matches!(display_safe("مرحبا hello"), Cow::Borrowed(_)));
    }

    #[test]
    fn display_safe_replaces_everything_active() {
        let s = display_safe("a\u{1B}[2Jb\u{202E}c\td\u{9B}e\n\u{7F}");
        assert_eq!(s, "a␛[2Jb‹RLO›c␉d␦e␊␡");
        assert!(!s.chars().any(|c| c.is_control() || is_bidi_format(c)));
    }

    #[test]
    fn scan_finds_c1_and_paragraph_separator() {
        assert!(!needs_sanitizing("abc\tعربي"));
        assert!(needs_sanitizing("a\u{85}b"));
        assert!(needs_sanitizing("a\u{2029}b"));
        assert!(needs_sanitizing("a\rb"));
        assert!(needs_sanitizing("a\u{1B}b"));
        assert!(!needs_sanitizing("\u{2028}\u{A0}"));
    }
}
