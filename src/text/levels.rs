//! Bidi levels of a paragraph (UAX #9 P2-P3, X1-I2).
//!
//! The general case goes through unicode-bidi. Two common cases are resolved here directly,
//! because they need only a small part of the algorithm and are most of every Arabic article:
//! - an LTR paragraph without R, AL, AN or explicit formatting characters: everything is level 0;
//! - an RTL paragraph without L or explicit formatting characters: one isolating run sequence
//!   whose strong types are all R (EN and AN count as R for N0-N2), so every neutral resolves to
//!   R and only rules W1-W6 matter: numbers end at level 2, everything else at level 1.
//!
//! Both shortcuts are checked against `BidiCharacterTest.txt` with the rest (tests/bidi_conformance.rs).

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use super::Direction;
use super::layout::CharInfo;

/// What a first pass over the paragraph's classes found.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ClassScan {
    /// First strong character outside isolates (P2).
    pub first_strong: Option<Direction>,
    pub has_l: bool,
    /// R or AL.
    pub has_r: bool,
    pub has_an: bool,
    /// Embeddings, overrides, isolates or PDF.
    pub has_explicit: bool,
    isolate_depth: u32,
}

impl ClassScan {
    /// From `classes`, the set of the paragraph's bidi classes (bit `1 << class`), and its chars
    /// in order (for P2, which usually stops at the first one).
    pub(crate) fn new(classes: u32, chars: &[CharInfo]) -> ClassScan {
        use BidiClass::*;
        let has = |c: BidiClass| classes & (1 << c as u32) != 0;
        let mut scan = ClassScan {
            has_l: has(L),
            has_r: has(R) || has(AL),
            has_an: has(AN),
            has_explicit: [LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI]
                .into_iter()
                .any(has),
            ..ClassScan::default()
        };
        if scan.has_l || scan.has_r {
            let mut p2 = ClassScan::default();
            for c in chars {
                p2.add(c.class);
                if p2.first_strong.is_some() {
                    break;
                }
            }
            scan.first_strong = p2.first_strong;
        }
        scan
    }

    #[inline]
    pub(crate) fn add(&mut self, class: BidiClass) {
        use BidiClass::*;
        match class {
            L => {
                self.has_l = true;
                if self.isolate_depth == 0 && self.first_strong.is_none() {
                    self.first_strong = Some(Direction::Ltr);
                }
            }
            R | AL => {
                self.has_r = true;
                if self.isolate_depth == 0 && self.first_strong.is_none() {
                    self.first_strong = Some(Direction::Rtl);
                }
            }
            AN => self.has_an = true,
            LRI | RLI | FSI => {
                self.has_explicit = true;
                self.isolate_depth += 1;
            }
            PDI => {
                self.has_explicit = true;
                self.isolate_depth = self.isolate_depth.saturating_sub(1);
            }
            LRE | RLE | LRO | RLO | PDF => self.has_explicit = true,
            _ => {}
        }
    }
}

/// Reusable buffers of the simple RTL resolver.
#[derive(Debug, Default)]
pub(crate) struct LevelScratch {
    types: Vec<BidiClass>,
    index: Vec<u32>,
}

/// Sets `level` of every char. Returns true when the general algorithm ran (the caller then
/// applies L1 per line; the shortcuts never need it).
pub(crate) fn resolve_levels(
    clean: &str,
    chars: &mut [CharInfo],
    direction: Direction,
    scan: &ClassScan,
    scratch: &mut LevelScratch,
) -> bool {
    match direction {
        Direction::Ltr if !scan.has_r && !scan.has_an && !scan.has_explicit => {
            chars.iter_mut().for_each(|c| c.level = 0);
            false
        }
        Direction::Rtl if !scan.has_l && !scan.has_explicit => {
            resolve_simple_rtl(chars, scratch);
            false
        }
        _ => {
            let level = match direction {
                Direction::Ltr => Level::ltr(),
                Direction::Rtl => Level::rtl(),
            };
            let info = ParagraphBidiInfo::new(clean, Some(level));
            for c in chars.iter_mut() {
                c.level = info.levels[c.clean as usize].number();
            }
            true
        }
    }
}

/// An RTL paragraph with no L and no explicit formatting: every char is at level 1 except the
/// numbers, at level 2 (I2). Which chars end up EN or AN is decided by rules W1-W5, which only
/// look at runs of numbers, separators, terminators, marks and BN: each such run with a number in
/// it is resolved on its own, knowing whether the last strong char before it was AL (W2).
fn resolve_simple_rtl(chars: &mut [CharInfo], scratch: &mut LevelScratch) {
    use BidiClass::*;
    let in_run = |c: BidiClass| matches!(c, EN | AN | ES | CS | ET | NSM | BN);
    let mut last_strong_is_al = false;
    let mut i = 0;
    while i < chars.len() {
        let class = chars[i].class;
        if !in_run(class) {
            match class {
                AL => last_strong_is_al = true,
                R => last_strong_is_al = false,
                _ => {}
            }
            chars[i].level = 1;
            i += 1;
            continue;
        }
        let start = i;
        let mut has_number = false;
        while i < chars.len() && in_run(chars[i].class) {
            has_number |= matches!(chars[i].class, EN | AN);
            i += 1;
        }
        let run = &mut chars[start..i];
        if has_number {
            resolve_number_run(run, last_strong_is_al, scratch);
        } else {
            run.iter_mut().for_each(|c| c.level = 1);
        }
    }
}

/// W1-W5 on one run of numbers and the chars around them (X9-removed BN skipped), then levels.
fn resolve_number_run(run: &mut [CharInfo], after_al: bool, scratch: &mut LevelScratch) {
    use BidiClass::*;
    let LevelScratch { types, index } = scratch;
    types.clear();
    index.clear();
    for (i, c) in run.iter().enumerate() {
        if c.class != BN {
            types.push(c.class);
            index.push(i as u32);
        }
    }
    // W1: a mark takes the type of the char before it; at the start of the run that is a letter
    // or a neutral, which resolves to level 1 like ON does.
    for i in 0..types.len() {
        if types[i] == NSM {
            types[i] = if i == 0 { ON } else { types[i - 1] };
        }
    }
    // W2: EN after AL is AN (no strong char inside the run: the one before it decides).
    if after_al {
        types.iter_mut().filter(|t| **t == EN).for_each(|t| *t = AN);
    }
    // W4: one separator between two numbers of the same kind joins them.
    for i in 1..types.len().saturating_sub(1) {
        let (before, after) = (types[i - 1], types[i + 1]);
        types[i] = match (before, types[i], after) {
            (EN, ES | CS, EN) => EN,
            (AN, CS, AN) => AN,
            _ => continue,
        };
    }
    // W5: terminators next to a European number join it.
    let mut i = 0;
    while i < types.len() {
        if types[i] != ET {
            i += 1;
            continue;
        }
        let start = i;
        while i < types.len() && types[i] == ET {
            i += 1;
        }
        let touches_en = (start > 0 && types[start - 1] == EN) || types.get(i) == Some(&EN);
        if touches_en {
            types[start..i].fill(EN);
        }
    }
    // W6 would turn the remaining separators and terminators into ON: they end at level 1 either
    // way, so only numbers need telling apart. BN chars take the level of what precedes them.
    let mut k = 0;
    let mut level = 1;
    for (i, c) in run.iter_mut().enumerate() {
        if k < index.len() && index[k] as usize == i {
            level = if matches!(types[k], EN | AN) { 2 } else { 1 };
            k += 1;
        }
        c.level = level;
    }
}

/// Paragraph direction of `scan` under the options' policy.
pub(crate) fn paragraph_direction_of(
    scan: &ClassScan,
    policy: super::DirPolicy,
    fallback: Direction,
) -> Direction {
    match policy {
        super::DirPolicy::Ltr => Direction::Ltr,
        super::DirPolicy::Rtl => Direction::Rtl,
        super::DirPolicy::Auto => scan.first_strong.unwrap_or(fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Levels from the shortcut (which must apply) and from unicode-bidi, per non-BN char.
    fn both(text: &str, direction: Direction) -> (Vec<u8>, Vec<u8>) {
        let classes = crate::text::props::char_table();
        let mut scan = ClassScan::default();
        let mut chars: Vec<CharInfo> = text
            .char_indices()
            .map(|(i, ch)| {
                let class = classes.class(ch);
                scan.add(class);
                CharInfo {
                    ch,
                    shaped: ch,
                    clean: i as u32,
                    orig: i as u32,
                    class,
                    level: 0,
                    flags: 0,
                }
            })
            .collect();
        let full = resolve_levels(
            text,
            &mut chars,
            direction,
            &scan,
            &mut LevelScratch::default(),
        );
        assert!(!full, "the shortcut applies to {text:?}");
        let level = if direction == Direction::Rtl {
            Level::rtl()
        } else {
            Level::ltr()
        };
        let info = ParagraphBidiInfo::new(text, Some(level));
        let keep = |c: &&CharInfo| c.class != BidiClass::BN;
        let ours = chars.iter().filter(keep).map(|c| c.level).collect();
        let theirs = chars
            .iter()
            .filter(keep)
            .map(|c| info.levels[c.clean as usize].number())
            .collect();
        (ours, theirs)
    }

    /// Arabic and Hebrew letters, European and Arabic-Indic digits, terminators, separators,
    /// marks, BN, spaces, tabs, brackets and other neutrals, RLM and ALM: no L, no embeddings.
    const RTL_ALPHABET: &[char] = &[
        'ب', 'ل', 'ا', 'ש', '1', '9', '٣', '۵', '%', '$', '#', '\u{066A}', '°', ',', '.', ':', '/',
        '\u{060C}', '+', '-', '\u{064E}', '\u{0301}', '\u{200D}', '\u{200C}', '\u{200B}', '\u{AD}',
        ' ', '\t', '!', '(', ')', '«', '»', '\u{200F}', '\u{061C}', '\u{0600}',
    ];
    const LTR_ALPHABET: &[char] = &[
        'a', 'Z', 'é', '1', '۵', '%', '$', ',', '.', '+', '-', '\u{0301}', '\u{200D}', '\u{200B}',
        ' ', '\t', '!', '(', ')', '«', '\u{200E}',
    ];

    fn text_from(alphabet: &'static [char]) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(alphabet), 0..24)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(crate::text::proptest_config(4000))]
        #[test]
        fn simple_rtl_matches_unicode_bidi(text in text_from(RTL_ALPHABET)) {
            let (ours, theirs) = both(&text, Direction::Rtl);
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }

        #[test]
        fn uniform_ltr_matches_unicode_bidi(text in text_from(LTR_ALPHABET)) {
            let (ours, theirs) = both(&text, Direction::Ltr);
            prop_assert_eq!(ours, theirs, "{:?}", text);
        }
    }
}
