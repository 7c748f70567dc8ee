//! Property tests of the text engine over random mixes of Arabic (with harakat, lam-alef,
//! Persian letters, ZWNJ, tatweel), Latin, Hebrew, digits, brackets, spaces, tabs, wide and
//! zero-width characters, C0/C1 controls and bidi controls, at random widths and options.
//!
//! For every paragraph and every line:
//! - nothing is wider than the width, and each glyph's text paints exactly its width in cells
//!   (measured per grapheme as ratatui paints it);
//! - no control character (C0, C1, DEL) and no bidi formatting character is output;
//! - the glyphs hold exactly the logical graphemes, modulo shaping (presentation forms are mapped
//!   back to their letters) and mirroring, with the documented placeholders;
//! - the glyph-to-logical map is a bijection onto the non-consumed text: glyph ranges are
//!   disjoint, start on char boundaries, and cover every char but CR and (unless revealed) the
//!   invisible format characters.

use std::collections::HashMap;

use proptest::prelude::*;
use rawi::text::{
    BidiMode, DirPolicy, Direction, LayoutOptions, VisualLine, control_placeholder, format_mark,
    grapheme_width, is_bidi_format, layout_paragraph, layout_truncated,
};
use unicode_segmentation::UnicodeSegmentation;

const FORMS: &str = include_str!("../assets/unicode/ArabicForms.txt");

/// Presentation form -> the letters it shows.
fn unshaping_map() -> HashMap<char, String> {
    let mut map = HashMap::new();
    for line in FORMS.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(';').collect();
        let letters: String = fields[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        for form in &fields[1..] {
            if let Ok(u) = u32::from_str_radix(form.trim(), 16) {
                map.insert(char::from_u32(u).unwrap(), letters.clone());
            }
        }
    }
    map
}

const PIECES: &[&str] = &[
    "مرحبا",
    "لا",
    "السلام",
    "كَتَبَ",
    "پیچ",
    "می\u{200C}روم",
    "بـــب",
    "ب",
    "ل",
    "ا",
    "أ",
    "ة",
    "\u{64E}",
    "\u{651}",
    "\u{670}",
    "abc",
    "NATO",
    "שלום",
    "15",
    "٣٤",
    "۵",
    "(",
    ")",
    "«",
    "»",
    "[",
    "]",
    ".",
    ",",
    "%",
    "-",
    "/",
    "!",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u{A0}",
    "\u{1B}",
    "\0",
    "\u{7F}",
    "\u{85}",
    "\r",
    "\u{9B}",
    "\u{200E}",
    "\u{200F}",
    "\u{61C}",
    "\u{202B}",
    "\u{202A}",
    "\u{202E}",
    "\u{202D}",
    "\u{202C}",
    "\u{2067}",
    "\u{2066}",
    "\u{2068}",
    "\u{2069}",
    "\u{200D}",
    "\u{200C}",
    "\u{200B}",
    "中",
    "🙂",
    "e\u{301}",
    "\u{301}",
    "\u{2028}",
];

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..30).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            Just(BidiMode::App),
            Just(BidiMode::Terminal),
            Just(BidiMode::Off)
        ],
        prop_oneof![
            Just(DirPolicy::Auto),
            Just(DirPolicy::Rtl),
            Just(DirPolicy::Ltr)
        ],
        prop_oneof![Just(Direction::Rtl), Just(Direction::Ltr)],
        1u8..9,
    )
        .prop_map(
            |(shape, reveal, bidi, dir, fallback, tab_width)| LayoutOptions {
                shape,
                dir,
                fallback,
                bidi,
                reveal,
                tab_width,
            },
        )
}

fn invisible(c: char) -> bool {
    is_bidi_format(c)
        || matches!(
            c,
            '\u{200B}' | '\u{2028}' | '\u{00AD}' | '\u{FEFF}' | '\u{2060}'
        )
}

fn cells(s: &str) -> u16 {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The text a glyph should show for `src`, before shaping and mirroring.
fn expected(src: &str) -> String {
    src.chars()
        .filter(|&c| c != '\r' && !invisible(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
        .map(|c| control_placeholder(c).unwrap_or(c))
        .collect()
}

/// Equal, or equal letters with the same harakat in another order: a lam-alef ligature carries
/// the marks of both letters after it.
fn same_modulo_marks(a: &str, b: &str) -> bool {
    let split = |s: &str| {
        let is_mark = |c: &char| matches!(*c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670);
        let letters: String = s.chars().filter(|c| !is_mark(c)).collect();
        let mut marks: Vec<char> = s.chars().filter(is_mark).collect();
        marks.sort_unstable();
        (letters, marks)
    };
    a == b || split(a) == split(b)
}

fn check_line(line: &VisualLine, width: u16, para: &str, opts: &LayoutOptions) {
    let unshape = unshaping_map();
    assert!(line.width <= width.max(1), "{line:?}");
    let mut col = 0;
    let mut at = 0;
    for g in &line.glyphs {
        assert_eq!(g.col, col, "columns follow each other");
        assert_eq!(g.text.start, at, "glyph texts tile the line text");
        at = g.text.end;
        col += g.width as u16;
        let shown = line.glyph_str(g);
        assert_eq!(cells(shown), g.width as u16, "{shown:?} paints its width");
        assert!(
            !shown.chars().any(|c| c.is_control() || is_bidi_format(c)),
            "no control output: {shown:?}"
        );
        let src = &para[g.logical.start as usize..g.logical.end as usize];
        let want = expected(src);
        let first = src.chars().next().unwrap();
        let ok = shown == want
            || (g.width == 0 && shown.is_empty() && src.trim().is_empty())
            || (src == "\t" && shown.chars().all(|c| c == ' '))
            || shown == "\u{25AF}"
            || shown == "…"
            || (opts.reveal && shown == format_mark(first))
            || {
                // modulo shaping, mirroring and a dotted circle under a lone mark
                let mut back: String = shown
                    .chars()
                    .filter(|&c| c != '\u{200C}' && c != '\u{200D}')
                    .map(|c| unshape.get(&c).cloned().unwrap_or_else(|| c.to_string()))
                    .collect();
                if back.starts_with('\u{25CC}') && !want.starts_with('\u{25CC}') {
                    back.remove(0);
                }
                let mirror = |s: &str| {
                    let mut c = s.chars();
                    let m = c
                        .next()
                        .map(|f| unicode_bidi_mirroring::get_mirrored(f).unwrap_or(f));
                    m.into_iter().chain(c).collect::<String>()
                };
                same_modulo_marks(&back, &want) || back == mirror(&want)
            };
        assert!(ok, "glyph {shown:?} for {src:?} (want {want:?})");
    }
    assert_eq!(at as usize, line.text.len());
    assert_eq!(col, line.width);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn layout_properties(para in paragraph(), width in 1u16..30, opts in options()) {
        let lines = layout_paragraph(&para, width, &opts);
        prop_assert!(!lines.is_empty());
        let mut covered = vec![false; para.len()];
        for line in &lines {
            check_line(line, width, &para, &opts);
            for g in &line.glyphs {
                let (s, e) = (g.logical.start as usize, g.logical.end as usize);
                prop_assert!(para.is_char_boundary(s) && para.is_char_boundary(e) && s < e);
                for b in &mut covered[s..e] {
                    prop_assert!(!*b, "byte covered twice");
                    *b = true;
                }
            }
            if opts.bidi != BidiMode::App {
                let starts: Vec<u32> = line.glyphs.iter().map(|g| g.logical.start).collect();
                prop_assert!(starts.windows(2).all(|w| w[0] < w[1]), "logical order");
            }
        }
        for (i, c) in para.char_indices() {
            let consumed = c == '\r' || (!opts.reveal && invisible(c));
            let joiner = matches!(c, '\u{200C}' | '\u{200D}');
            if consumed {
                prop_assert!(!covered[i], "{c:?} at {i} is consumed");
            } else if !joiner {
                prop_assert!(covered[i], "{c:?} at {i} has a glyph");
            }
        }
        // lines tile the paragraph
        prop_assert_eq!(lines[0].logical.start, 0);
        prop_assert_eq!(lines[lines.len() - 1].logical.end, para.len());
        for w in lines.windows(2) {
            prop_assert_eq!(w[0].logical.end, w[1].logical.start);
        }
    }

    #[test]
    fn truncated_line_properties(para in paragraph(), width in 0u16..30, opts in options()) {
        let line = layout_truncated(&para, width, &opts);
        prop_assert!(line.width <= width);
        if width > 0 {
            check_line(&line, width, &para, &opts);
        }
    }
}
