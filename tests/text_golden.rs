//! Golden tests of the text engine: hand-made lines whose visual form is known, and the seed
//! article (an insta snapshot of `rawi render`, checked by eye and against GNU FriBidi).

use rawi::text::{
    BidiMode, DirPolicy, Direction, LayoutOptions, VisualLine, layout_paragraph, layout_truncated,
    paragraph_direction,
};

fn unshaped() -> LayoutOptions {
    LayoutOptions {
        shape: false,
        ..LayoutOptions::default()
    }
}

/// The visual text of each line.
fn texts(paragraph: &str, width: u16, opts: &LayoutOptions) -> Vec<String> {
    layout_paragraph(paragraph, width, opts)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn one_line(paragraph: &str, opts: &LayoutOptions) -> VisualLine {
    let mut lines = layout_paragraph(paragraph, 200, opts);
    assert_eq!(lines.len(), 1, "{paragraph:?}");
    lines.remove(0)
}

#[test]
fn harakat_stay_on_their_letter() {
    // كَتَبَ: each letter keeps its fatha after it, in visual order too.
    let line = one_line("كَتَبَ", &unshaped());
    assert_eq!(line.text, "بَتَكَ");
    assert_eq!(line.glyphs.len(), 3);
    assert_eq!(line.width, 3);
    // kasra + shadda stacked on one letter, tanween on the next
    assert_eq!(one_line("مِّنًا", &unshaped()).text, "انًمِّ");
}

#[test]
fn brackets_and_guillemets_mirror_in_rtl_runs() {
    assert_eq!(one_line("(مرحبا)", &unshaped()).text, "(ابحرم)");
    assert_eq!(
        one_line("«نص» [أ] {ب} <ج>", &unshaped()).text,
        "<ج> {ب} [أ] «صن»"
    );
    // not in LTR runs
    assert_eq!(one_line("(hello) «x»", &unshaped()).text, "(hello) «x»");
}

#[test]
fn numbers_and_latin_inside_arabic_keep_their_order() {
    assert_eq!(one_line("عام 2019 م", &unshaped()).text, "م 2019 ماع");
    assert_eq!(one_line("قال NATO اليوم", &unshaped()).text, "مويلا NATO لاق");
    // after Arabic letters European digits count as Arabic numbers (W2), so the percent sign is
    // not part of the number (W5) and goes with the Arabic: on the number's left, as in browsers.
    assert_eq!(
        one_line("بنسبة 15.5% فقط", &unshaped()).text,
        "طقف %15.5 ةبسنب"
    );
    assert_eq!(
        one_line("of 15.5% مرحبا", &unshaped()).text,
        "of 15.5% ابحرم"
    );
    // Arabic-Indic digits too
    assert_eq!(one_line("عام ٢٠١٩", &unshaped()).text, "٢٠١٩ ماع");
    // a bracketed number: brackets mirrored, digits left to right
    assert_eq!(
        one_line("مرور (15) عاما", &unshaped()).text,
        "اماع (15) رورم"
    );
}

#[test]
fn arabic_inside_latin() {
    let line = one_line("he said مرحبا (يا) ok", &unshaped());
    assert_eq!(line.text, "he said (اي) ابحرم ok");
    assert_eq!(line.direction, Direction::Ltr);
}

#[test]
fn shaping_joins_letters_and_makes_lam_alef_one_glyph() {
    let opts = LayoutOptions::default();
    // مرحبا: meem initial, reh final, hah initial, beh medial, alef final; shown reversed.
    assert_eq!(
        one_line("مرحبا", &opts).text,
        "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3}"
    );
    let la = one_line("لا", &opts);
    assert_eq!(la.text, "\u{FEFB}");
    assert_eq!(la.width, 1);
    assert_eq!(la.glyphs.len(), 1);
    assert_eq!(
        la.glyphs[0].logical,
        0..4,
        "the ligature maps to both letters"
    );
    // final form after a joining letter, with the harakat kept
    assert_eq!(one_line("بلَا", &opts).text, "\u{FEFC}\u{064E}\u{FE91}");
    // the ligature does not join the letter after it
    assert_eq!(one_line("لأن", &opts).text, "\u{FEE5}\u{FEF7}");
}

#[test]
fn persian_and_urdu_letters_are_shaped() {
    let opts = LayoutOptions::default();
    assert_eq!(one_line("پیچ", &opts).text, "\u{FB7B}\u{FBFF}\u{FB58}");
    // ZWNJ breaks the joining inside a word: می‌روم
    let line = one_line("می\u{200C}روم", &opts);
    // meem initial, yeh final, ZWNJ; then reh, waw, meem each on its own (reh and waw are
    // right-joining: they never join the letter after them)
    assert_eq!(
        line.text,
        "\u{FEE1}\u{FEED}\u{FEAD}\u{FBFD}\u{200C}\u{FEE3}"
    );
    assert_eq!(line.width, 5);
    assert_eq!(one_line("گاه", &opts).text, "\u{FEE9}\u{FE8E}\u{FB94}");
}

#[test]
fn tatweel_joins_and_stays() {
    let opts = LayoutOptions::default();
    assert_eq!(
        one_line("بـــب", &opts).text,
        "\u{FE90}\u{640}\u{640}\u{640}\u{FE91}"
    );
}

#[test]
fn isolates_and_marks_are_honoured_and_consumed() {
    // an RTL isolate inside an LTR paragraph
    let line = one_line("he said \u{2067}مرحبا 1\u{2069} ok", &unshaped());
    assert_eq!(line.text, "he said 1 ابحرم ok");
    // a neutral at the end goes with the paragraph (RTL), unless an LRM ties it to the Latin
    assert_eq!(one_line("مرحبا abc!", &unshaped()).text, "!abc ابحرم");
    assert_eq!(
        one_line("مرحبا abc!\u{200E}", &unshaped()).text,
        "abc! ابحرم"
    );
    // an override
    assert_eq!(one_line("\u{202D}مرحبا\u{202C}", &unshaped()).text, "مرحبا");
    // revealed, they show as marks and take cells
    let opts = LayoutOptions {
        reveal: true,
        ..unshaped()
    };
    let line = one_line("a\u{200F}b", &opts);
    assert!(line.text.contains("‹RLM›"), "{}", line.text);
    // joiners inside a word too (they belong to the letter before them), in place
    for (text, mark) in [("بb\u{200D}c", "‹ZWJ›"), ("لا\u{200C}م", "‹ZWNJ›")] {
        let line = one_line(text, &opts);
        assert!(line.text.contains(mark), "{text:?}: {}", line.text);
        assert!(
            !line.text.contains(['\u{200C}', '\u{200D}']),
            "{}",
            line.text
        );
    }
}

#[test]
fn wrapped_rtl_paragraph_reads_top_to_bottom_right_to_left() {
    let lines = layout_paragraph("واحد اثنان ثلاثة اربعة", 11, &unshaped());
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    // first words on the first line, each line right to left; the space at each break hangs
    // at the line's logical end (its left), inside the width.
    assert_eq!(texts, [" نانثا دحاو", "ةعبرا ةثالث"]);
    assert!(
        lines
            .iter()
            .all(|l| l.direction == Direction::Rtl && l.width <= 11)
    );
    assert_eq!(lines[0].indent(11), 0);
    assert_eq!(lines[1].indent(11), 0);
    let narrower = layout_paragraph("واحد اثنان ثلاثة اربعة", 10, &unshaped());
    assert_eq!(
        narrower[0].text, "نانثا دحاو",
        "a space that does not fit hangs, unpainted"
    );
    assert_eq!(narrower[0].glyphs[0].width, 0);
    // the lines tile the paragraph
    assert_eq!(lines[0].logical.start, 0);
    assert_eq!(lines[0].logical.end, lines[1].logical.start);
    assert_eq!(lines[1].logical.end, "واحد اثنان ثلاثة اربعة".len());
}

#[test]
fn a_word_wider_than_the_line_breaks_between_graphemes() {
    let lines = texts("كَتَبَ", 2, &unshaped());
    assert_eq!(lines, ["تَكَ", "بَ"]);
}

#[test]
fn empty_and_blank_paragraphs() {
    let lines = layout_paragraph("", 10, &LayoutOptions::default());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text, "");
    assert_eq!(lines[0].width, 0);
    let lines = layout_paragraph("   ", 10, &LayoutOptions::default());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text, "   ");
    assert_eq!(lines[0].width, 3);
    // more spaces than the width: they hang, nothing overflows
    let lines = layout_paragraph(&" ".repeat(15), 10, &LayoutOptions::default());
    assert!(lines.iter().all(|l| l.width <= 10));
}

#[test]
fn width_one_never_overflows() {
    let opts = LayoutOptions::default();
    for text in ["ab", "سلام", "中文", "a\tb", "لا", "🙂x", "\u{202E}abc"] {
        for line in layout_paragraph(text, 1, &opts) {
            assert!(line.width <= 1, "{text:?}: {line:?}");
            assert!(line.glyphs.iter().all(|g| g.width <= 1));
        }
    }
    // a 2-cell glyph in a 1-cell pane is shown as a 1-cell placeholder, still mapped back
    let lines = layout_paragraph("中", 1, &opts);
    assert_eq!(lines[0].text, "\u{25AF}");
    assert_eq!(lines[0].glyphs[0].logical, 0..3);
    // width 0 counts as 1
    assert!(
        layout_paragraph("abc", 0, &opts)
            .iter()
            .all(|l| l.width == 1)
    );
}

#[test]
fn controls_become_placeholders_tabs_expand_cr_goes() {
    let line = one_line("a\u{1B}[31mb\r\0\u{7F}\u{9B}", &LayoutOptions::default());
    assert_eq!(line.text, "a␛[31mb␀␡␦");
    let esc = &line.glyphs[1];
    assert_eq!(
        esc.logical,
        1..2,
        "the placeholder maps to the control's byte"
    );
    let line = one_line("ab\tc", &LayoutOptions::default());
    assert_eq!(line.text, "ab  c");
    assert_eq!(line.glyphs.len(), 4, "the tab is one glyph");
    assert_eq!(line.glyphs[2].width, 2);
}

#[test]
fn a_line_entirely_at_level_126_does_not_crash() {
    // 125 nested isolates, alternating RLI and LRI so that each one adds a level, then a digit:
    // the digit resolves to level 126 and, at width 1, is a line on its own.
    let mut text: String = (0..125)
        .map(|i| if i % 2 == 0 { '\u{2067}' } else { '\u{2066}' })
        .collect();
    text.push('1');
    for width in [1, 80] {
        let lines = layout_paragraph(&text, width, &unshaped());
        assert!(lines.iter().any(|l| l.text == "1"), "{lines:?}");
    }
}

#[test]
fn paragraph_direction_follows_p2_p3_and_the_policy() {
    let auto = LayoutOptions::default();
    assert_eq!(paragraph_direction("abc مرحبا", &auto), Direction::Ltr);
    assert_eq!(paragraph_direction("123 مرحبا abc", &auto), Direction::Rtl);
    // no strong char: the document's direction (RTL by default)
    assert_eq!(paragraph_direction("123 ...", &auto), Direction::Rtl);
    let ltr_doc = LayoutOptions {
        fallback: Direction::Ltr,
        ..LayoutOptions::default()
    };
    assert_eq!(paragraph_direction("123", &ltr_doc), Direction::Ltr);
    // chars inside an isolate do not count
    assert_eq!(
        paragraph_direction("\u{2067}abc\u{2069} مرحبا", &auto),
        Direction::Rtl
    );
    let forced = LayoutOptions {
        dir: DirPolicy::Ltr,
        ..LayoutOptions::default()
    };
    assert_eq!(paragraph_direction("مرحبا", &forced), Direction::Ltr);
    assert_eq!(
        layout_paragraph("مرحبا", 80, &forced)[0].direction,
        Direction::Ltr
    );
}

#[test]
fn terminal_mode_sends_logical_order_off_mode_touches_nothing() {
    let terminal = LayoutOptions {
        bidi: BidiMode::Terminal,
        shape: false,
        ..LayoutOptions::default()
    };
    let line = one_line("(مرحبا) 12", &terminal);
    assert_eq!(line.text, "(مرحبا) 12");
    assert_eq!(line.direction, Direction::Ltr);
    assert_eq!(line.indent(80), 0);
    // shaping still applies in logical order (presentation forms pass through a terminal's bidi)
    let shaped = LayoutOptions {
        bidi: BidiMode::Terminal,
        ..LayoutOptions::default()
    };
    assert_eq!(one_line("لا بد", &shaped).text, "\u{FEFB} \u{FE91}\u{FEAA}");
    let off = LayoutOptions {
        bidi: BidiMode::Off,
        ..LayoutOptions::default()
    };
    let line = one_line("لا (بد)\u{1B}", &off);
    assert_eq!(line.text, "لا (بد)␛");
    assert_eq!(line.direction, Direction::Ltr);
}

#[test]
fn truncated_lines_end_with_an_ellipsis_at_their_logical_end() {
    let opts = unshaped();
    // fits: untouched
    let line = layout_truncated("مرحبا", 10, &opts);
    assert_eq!(line.text, "ابحرم");
    // RTL: the ellipsis is on the left, the start of the text on the right
    let line = layout_truncated("واحد اثنان ثلاثة", 8, &opts);
    assert_eq!(line.text, "…ثا دحاو");
    assert!(line.width <= 8);
    let ellipsis = &line.glyphs[0];
    assert_eq!(line.glyph_str(ellipsis), "…");
    assert_eq!(
        ellipsis.logical.end as usize,
        "واحد اثنان ثلاثة".len(),
        "it stands for the cut text"
    );
    // LTR: on the right
    let line = layout_truncated("hello wonderful world", 10, &opts);
    assert_eq!(line.text, "hello won…");
    assert_eq!(line.width, 10);
    // only the first line of a multi-line text, and the rest counts as cut
    let line = layout_truncated("title\nbody", 20, &opts);
    assert_eq!(line.text, "title…");
    // width 0: nothing
    assert_eq!(layout_truncated("abc", 0, &opts).width, 0);
}

#[test]
fn seed_article_rendered_at_60_columns() {
    let seed = include_str!("../assets/articles/000_seed.txt");
    let mut out = Vec::new();
    rawi::render::render(seed.as_bytes(), &mut out, 60, &LayoutOptions::default()).unwrap();
    let out = String::from_utf8(out).unwrap();
    for line in out.lines() {
        let cells: u16 = unicode_segmentation::UnicodeSegmentation::graphemes(line, true)
            .map(rawi::text::grapheme_width)
            .sum();
        assert!(cells <= 60, "{line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn consumed_characters_take_no_cell() {
    let opts = unshaped();
    for text in [
        "\rمرحبا",
        "مر\u{200F}حبا",
        "\u{2067}مرحبا\u{2069}",
        "\u{200B}مرحبا\u{FEFF}",
    ] {
        let lines = layout_paragraph(text, 5, &opts);
        assert_eq!(lines.len(), 1, "{text:?}");
        assert_eq!(lines[0].width, 5);
        assert_eq!(lines[0].text, "ابحرم");
    }
}
