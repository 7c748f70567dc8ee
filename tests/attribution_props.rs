//! Property tests: on any text the extractor never panics and every range it returns is a
//! non-empty slice of the text on char boundaries.

use proptest::prelude::*;
use rawi::attribution::Extractor;

/// Pieces that exercise the engine: cues, titles, complementizers, quotation marks of every
/// style (often unbalanced), punctuation, odd spaces, marks, Latin and digits.
const PIECES: &[&str] = &[
    "قال",
    "وقالت",
    "أكد",
    "واكد",
    "مؤكدا",
    "مشيرة",
    "قوله",
    "بحسب",
    "وفقا",
    "لما",
    "ذكره",
    "حسبما",
    "كما",
    "الذي",
    "التي",
    "إن",
    "أن",
    "انه",
    "بأن",
    "إلى",
    "على",
    "عن",
    "ب",
    "ل",
    "وزير",
    "الرئيس",
    "الشيخ",
    "د.",
    "وزارة",
    "مصادر",
    "خبراء",
    "محمد",
    "علي",
    "بريطانيا",
    "فاروق",
    "الخارجية",
    "اليوم",
    "في",
    "تصريح",
    "نقلت",
    "وكالة",
    "من جانبه",
    "بدوره",
    "«",
    "»",
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    ":",
    "،",
    ",",
    ".",
    "؟",
    "!",
    "-",
    "(",
    ")",
    "#",
    "_",
    "\n",
    "\n\n",
    " ",
    " ",
    "\u{00A0}",
    "\u{0640}",
    "\u{064E}",
    "\u{0651}",
    "\u{200F}",
    "NATO",
    "2.5",
    "١٢",
    "e\u{301}",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let x = Extractor::builtin().extract(text);
    for q in &x.quotes {
        assert!(
            q.range.start < q.range.end && q.range.end <= text.len(),
            "{:?}",
            q.range
        );
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
        assert!(q.speaker < x.speakers.len());
        assert!(!text[q.range.clone()].trim().is_empty());
    }
    for s in &x.speakers {
        assert!(!s.name.is_empty());
        for m in &s.mentions {
            assert!(m.start <= m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    // Quotes are in text order and do not overlap.
    for w in x.quotes.windows(2) {
        assert!(w[0].range.end <= w[1].range.start);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_ranges_are_slices(text in article()) {
        check(&text);
    }

    #[test]
    fn arbitrary_unicode_is_safe(text in "\\PC{0,300}") {
        check(&text);
    }
}

#[test]
fn empty_and_tiny_inputs() {
    for text in [
        "",
        " ",
        "\n",
        "«",
        "»",
        "\"",
        "قال",
        "قال:",
        "قال إن",
        "، بحسب",
        "مؤكدا",
    ] {
        check(text);
    }
}
