//! The fuzz targets' checks (`fuzz/entry_points.rs`) as property tests in the normal suite, so
//! that they run on every `cargo test` and not only under the fuzzer: random mixes of Arabic
//! (harakat, lam-alef, Persian letters), Latin, digits, brackets, spaces, tabs, controls, escape
//! sequences and bidi formatting characters through the text engine (any width and options),
//! `display_safe`, and the attribution engine with its `extract --format text` output.
//! (`text_props.rs` and `attribution_props.rs` check the engines' own finer properties.)

#[path = "../fuzz/entry_points.rs"]
mod entry_points;

use proptest::prelude::*;
use rawi::text::{
    BidiMode, DirPolicy, Direction, LayoutOptions, display_safe, layout_paragraph, layout_truncated,
};

/// Pieces that text is made of, hostile ones included.
const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ل",
    "ا",
    "لا",
    "لأ",
    "م",
    "ه",
    "ة",
    "ى",
    "ي",
    "ء",
    "پ",
    "گ",
    "ی",
    "ے",
    "ـ",
    "\u{64E}",
    "\u{651}",
    "\u{670}",
    "\u{301}",
    "a",
    "Z",
    "é",
    "1",
    "٣",
    "۴",
    "+",
    "-",
    ",",
    ".",
    "%",
    "$",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "{",
    "}",
    "<",
    " ",
    " ",
    "\u{A0}",
    "\t",
    "\r",
    "\0",
    "\u{1b}",
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{61C}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{AD}",
    "\u{2028}",
    "\u{2029}",
    "字",
    "😀",
    "👩‍👩‍👧",
    "🇸🇦",
    "\u{E0041}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        0..3u8,
        0..3u8,
        any::<bool>(),
        0..9u8,
    )
        .prop_map(|(shape, reveal, dir, bidi, ltr, tab_width)| LayoutOptions {
            shape,
            reveal,
            dir: [DirPolicy::Auto, DirPolicy::Rtl, DirPolicy::Ltr][dir as usize],
            bidi: [BidiMode::App, BidiMode::Terminal, BidiMode::Off][bidi as usize],
            fallback: if ltr { Direction::Ltr } else { Direction::Rtl },
            tab_width,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn every_paragraph_lays_out_safely(text in text(), width in 1u16..=120, opts in options()) {
        let lines = layout_paragraph(&text, width, &opts);
        entry_points::check_paragraph(&text, width, &opts, &lines);
    }

    #[test]
    fn truncated_rows_fit_and_are_safe(text in text(), width in 1u16..=60, opts in options()) {
        let row = layout_truncated(&text, width, &opts);
        entry_points::check_line(&text, width, &row);
    }

    #[test]
    fn display_safe_leaves_nothing_active(text in text()) {
        let safe = display_safe(&text);
        prop_assert!(!safe.chars().any(entry_points::is_terminal_unsafe), "{:?}", safe);
    }
}

const WORDS: &[&str] = &[
    "قال",
    "وقال",
    "قالت",
    "أكد",
    "اكد",
    "مؤكدا",
    "وأضاف",
    "مشيرا",
    "بحسب",
    "وفقا",
    "لما",
    "ذكره",
    "إن",
    "أن",
    "ان",
    "بأن",
    "الرئيس",
    "وزير",
    "الخارجية",
    "الشيخ",
    "محمد",
    "علي",
    "ثامر",
    "ستولتنبرغ",
    "الحكومة",
    "وزارة",
    "البيت",
    "الأبيض",
    "من",
    "جانبه",
    "بدوره",
    "في",
    "تصريح",
    "صحفي",
    "اليوم",
    "الاثنين",
    "على",
    "أهمية",
    "نقلت",
    "وكالة",
    "عن",
    "مصدر",
    "قوله",
    "يذكر",
    "وقـــــال",
    "قَالَ",
    "«",
    "»",
    "“",
    "”",
    "\"",
    ":",
    "،",
    ".",
    "\n",
    "\n\n",
    " ",
    "\u{A0}",
    "Reuters",
    "2024",
    "٣",
    "\u{1b}[2J",
    "\u{202E}",
    "\u{2067}",
    "\u{0}",
    "\u{9b}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_article_gives_consistent_ranges(words in prop::collection::vec(prop::sample::select(WORDS), 0..80)) {
        entry_points::attribution(words.join(" ").as_bytes());
    }
}
