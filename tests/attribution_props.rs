//! Properties of the attribution engine over random articles made of reporting words, names,
//! titles, quotation marks (balanced or not), punctuation, harakat, tatweel, Latin, digits,
//! controls and bidi formatting characters: it never panics, every range is in bounds and on
//! char boundaries, quotes are in text order and belong to listed speakers, the counts add up,
//! and `extract --format text` prints no control character (the fuzz target's checks, from
//! `fuzz/entry_points.rs`).

#[path = "../fuzz/entry_points.rs"]
mod entry_points;

use proptest::prelude::*;

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
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_article_gives_consistent_ranges(words in prop::collection::vec(prop::sample::select(WORDS), 0..80)) {
        entry_points::attribution(words.join(" ").as_bytes());
    }
}
