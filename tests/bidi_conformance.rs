//! Unicode conformance: every line of `BidiCharacterTest.txt` (Unicode 15.0, copied with its
//! header into tests/data) goes through rawi's own layout path (levels, L1, cluster reordering),
//! not unicode-bidi's string output. Checked: the paragraph direction and the visual order.
//!
//! The test file orders chars, rawi orders grapheme clusters (rule L3, out of the test's scope):
//! a base and its marks are one glyph. So the expected order is mapped to rawi's glyphs and runs
//! of the same glyph are merged before comparing. Characters removed by rule X9 (embeddings,
//! overrides, PDF, BN) have no place in the expected order and are dropped from rawi's (they only
//! show as marks with `reveal`, which is on here so that LRM, RLM, ALM and the isolates, which do
//! have a place, are checked too).

use rawi::text::{
    BidiMode, DirPolicy, Direction, LayoutOptions, layout_paragraph, paragraph_direction,
};
use unicode_bidi::{BidiClass, bidi_class};

const DATA: &str = include_str!("data/BidiCharacterTest.txt");

fn removed_by_x9(c: char) -> bool {
    use BidiClass::*;
    matches!(bidi_class(c), BN | LRE | RLE | LRO | RLO | PDF)
}

struct Case {
    line_no: usize,
    text: String,
    policy: DirPolicy,
    para_level: u8,
    order: Vec<usize>,
}

fn parse(line_no: usize, line: &str) -> Option<Case> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let f: Vec<&str> = line.split(';').collect();
    let text = f[0]
        .split_whitespace()
        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
        .collect();
    let policy = match f[1] {
        "0" => DirPolicy::Ltr,
        "1" => DirPolicy::Rtl,
        _ => DirPolicy::Auto,
    };
    let order = f[4]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    Some(Case {
        line_no,
        text,
        policy,
        para_level: f[2].parse().unwrap(),
        order,
    })
}

/// None when rawi agrees with the test line, else a description of the difference.
fn check(case: &Case) -> Option<String> {
    let opts = LayoutOptions {
        shape: false,
        dir: case.policy,
        fallback: Direction::Ltr,
        bidi: BidiMode::App,
        reveal: true,
        tab_width: 1,
    };
    let dir = paragraph_direction(&case.text, &opts);
    let want_dir = if case.para_level == 1 {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    if dir != want_dir {
        return Some(format!("direction {dir:?}, want {want_dir:?}"));
    }
    let lines = layout_paragraph(&case.text, u16::MAX, &opts);
    if lines.len() != 1 {
        return Some(format!("{} lines", lines.len()));
    }
    let line = &lines[0];
    if line.direction != want_dir {
        return Some(format!("line direction {:?}", line.direction));
    }
    let offsets: Vec<usize> = case.text.char_indices().map(|(i, _)| i).collect();
    let glyph_of = |char_index: usize| {
        let at = offsets[char_index] as u32;
        line.glyphs.iter().position(|g| g.logical.contains(&at))
    };
    let mut want: Vec<usize> = Vec::new();
    for &k in &case.order {
        let Some(g) = glyph_of(k) else {
            return Some(format!("char {k} has no glyph"));
        };
        if want.last() != Some(&g) {
            want.push(g);
        }
    }
    // A glyph made only of X9-removed chars (a revealed LRE, ZWSP...) has no place to check.
    let got: Vec<usize> = (0..line.glyphs.len())
        .filter(|&g| {
            let range = &line.glyphs[g].logical;
            !case.text[range.start as usize..range.end as usize]
                .chars()
                .all(removed_by_x9)
        })
        .collect();
    (got != want).then(|| format!("glyph order {got:?}, want {want:?}"))
}

#[test]
fn bidi_character_test_all_lines() {
    let cases: Vec<Case> = DATA
        .lines()
        .enumerate()
        .filter_map(|(i, l)| parse(i + 1, l))
        .collect();
    assert_eq!(cases.len(), 91_707, "the whole file is there");
    let mut failures = Vec::new();
    for case in &cases {
        if let Some(why) = check(case) {
            failures.push(format!("line {}: {why}", case.line_no));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} lines differ; first ones:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
