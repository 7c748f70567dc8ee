//! Arabic shaping for terminals that do not shape: each letter becomes its contextual
//! presentation form (Arabic Presentation Forms-A/B), lam + alef becomes the mandatory ligature.
//!
//! Why our own table-driven shaper rather than ar-reshaper: the layout needs to know, for every
//! shaped glyph, which logical characters it stands for (the glyph-to-logical map), and it runs on
//! every paragraph of every article, so it must not allocate. ar-reshaper returns a new String with
//! no map back and deletes or merges characters by configuration. Here shaping is one pass over
//! the paragraph's chars, in place, driven by Unicode's own data, embedded from `assets/unicode/`:
//! - `ArabicShaping.txt` (UCD): the joining type of every joining letter (R, L, D, C, U, T);
//! - `ArabicForms.txt`: the isolated/final/initial/medial presentation form of each letter and the
//!   four lam-alef ligatures, taken from the UCD's compatibility decompositions.
//!
//! Rules (The Unicode Standard, 9.2 "Arabic"): transparent characters (harakat and other marks,
//! format characters) are skipped when looking for neighbours and are kept as they are; tatweel
//! and ZWJ are join-causing; ZWNJ and every other character are non-joining; letters do not
//! join across a change of bidi level.

use std::sync::OnceLock;

use unicode_width::UnicodeWidthChar;

use super::layout::CharInfo;
use super::props::INVISIBLE;

const SHAPING_DATA: &str = include_str!("../../assets/unicode/ArabicShaping.txt");
const FORMS_DATA: &str = include_str!("../../assets/unicode/ArabicForms.txt");

pub(crate) const LAM: char = '\u{0644}';

/// Joining type (Unicode property Joining_Type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Joining {
    /// Non-joining.
    #[default]
    U,
    /// Right-joining: joins the letter before it only (alef, dal, reh, waw...).
    R,
    /// Left-joining: joins the letter after it only.
    L,
    /// Dual-joining.
    D,
    /// Join-causing (tatweel, ZWJ).
    C,
    /// Transparent (marks, format characters).
    T,
}

impl Joining {
    fn joins_before(self) -> bool {
        matches!(self, Joining::R | Joining::D | Joining::C)
    }
    fn joins_after(self) -> bool {
        matches!(self, Joining::L | Joining::D | Joining::C)
    }
}

/// One code point of the Arabic blocks U+0600..U+08FF.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    joining: Joining,
    /// Isolated, final, initial, medial presentation forms (the letter itself where there is
    /// none), indexed by `joins_before + 2 * joins_after`.
    forms: [char; 4],
}

const FIRST: u32 = 0x0600;
const LAST: u32 = 0x08FF;

struct Table {
    arabic: Vec<Entry>,
    /// Joining types outside U+0600..U+08FF (Syriac is inside; Mongolian, N'Ko... and ZWJ/ZWNJ).
    other: Vec<(u32, Joining)>,
    /// (alef, isolated ligature, final ligature) for lam + alef.
    lam_alef: Vec<(char, char, char)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(parse_tables)
}

fn hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s.trim(), 16).ok()
}

fn parse_tables() -> Table {
    let mut arabic = vec![Entry::default(); (LAST - FIRST + 1) as usize];
    // Unlisted code points: transparent when they are zero-width (Mn, Me, Cf), else non-joining.
    for (i, e) in arabic.iter_mut().enumerate() {
        let c = char::from_u32(FIRST + i as u32).unwrap_or('\0');
        e.forms = [c; 4];
        if c.width() == Some(0) {
            e.joining = Joining::T;
        }
    }
    let mut other = Vec::new();
    for line in SHAPING_DATA.lines() {
        let fields: Vec<&str> = line.split('#').next().unwrap_or("").split(';').collect();
        let (Some(cp), Some(jt)) = (fields.first().and_then(|f| hex(f)), fields.get(2)) else {
            continue;
        };
        let joining = match jt.trim() {
            "R" => Joining::R,
            "L" => Joining::L,
            "D" => Joining::D,
            "C" => Joining::C,
            "T" => Joining::T,
            _ => Joining::U,
        };
        if (FIRST..=LAST).contains(&cp) {
            arabic[(cp - FIRST) as usize].joining = joining;
        } else {
            other.push((cp, joining));
        }
    }
    other.sort_unstable_by_key(|&(cp, _)| cp);
    let mut lam_alef = Vec::new();
    for line in FORMS_DATA.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(';').collect();
        let keys: Vec<u32> = fields[0].split_whitespace().filter_map(hex).collect();
        let forms: Vec<u16> = fields[1..]
            .iter()
            .map(|f| hex(f).unwrap_or(0) as u16)
            .collect();
        let ch = |u: u16| char::from_u32(u as u32).unwrap_or('\0');
        match keys.as_slice() {
            [letter] if (FIRST..=LAST).contains(letter) => {
                let entry = &mut arabic[(letter - FIRST) as usize];
                for (slot, form) in entry.forms.iter_mut().zip(forms) {
                    if form != 0 {
                        *slot = ch(form);
                    }
                }
            }
            [0x0644, alef] if forms.len() >= 2 => {
                let alef = char::from_u32(*alef).unwrap_or('\0');
                lam_alef.push((alef, ch(forms[0]), ch(forms[1])));
            }
            _ => {}
        }
    }
    Table {
        arabic,
        other,
        lam_alef,
    }
}

impl Table {
    #[inline]
    fn joining(&self, c: char) -> Joining {
        let u = c as u32;
        if u < FIRST {
            // ASCII and Latin: non-joining, except combining marks (transparent).
            if u < 0x300 || c.width() != Some(0) {
                Joining::U
            } else {
                Joining::T
            }
        } else if u <= LAST {
            self.arabic[(u - FIRST) as usize].joining
        } else if let Ok(i) = self.other.binary_search_by_key(&u, |&(cp, _)| cp) {
            self.other[i].1
        } else if c.width() == Some(0) {
            Joining::T
        } else {
            Joining::U
        }
    }

    fn form(&self, c: char, joins_before: bool, joins_after: bool) -> char {
        let u = c as u32;
        if !(FIRST..=LAST).contains(&u) {
            return c;
        }
        let slot = joins_before as usize | (joins_after as usize) << 1;
        self.arabic[(u - FIRST) as usize].forms[slot]
    }

    fn ligature(&self, alef: char, joins_before: bool) -> Option<char> {
        self.lam_alef
            .iter()
            .find(|(a, ..)| *a == alef)
            .map(|&(_, isolated, fin)| if joins_before { fin } else { isolated })
    }
}

/// Shapes the paragraph: sets `shaped` of every char (which holds the char itself on entry) to
/// its presentation form, and `shaped = '\0'` on an alef that a lam before it took into a
/// ligature.
pub(crate) fn shape(chars: &mut [CharInfo]) {
    let table = table();
    // The previous non-transparent char: index, whether it joins the char after it, and whether
    // only combining marks came since (a lam-alef ligature needs lam and alef in adjacent
    // graphemes).
    let mut prev: Option<usize> = None;
    let mut prev_joins_after = false;
    let mut only_marks_since = true;
    // Whether each char joins the one before / after; decided one non-transparent char late.
    let mut joins_before = false;
    for i in 0..chars.len() {
        let c = chars[i].ch;
        let joining = table.joining(c);
        if joining == Joining::T {
            if chars[i].flags & INVISIBLE != 0 {
                only_marks_since = false;
            }
            continue;
        }
        let joins = match prev {
            Some(p) => {
                prev_joins_after && joining.joins_before() && chars[p].level == chars[i].level
            }
            None => false,
        };
        if let Some(p) = prev {
            finish(table, &mut chars[p], joins_before, joins);
            let lam_alef = joins && chars[p].ch == LAM && only_marks_since;
            let ligature = if lam_alef {
                table.ligature(c, joins_before)
            } else {
                None
            };
            if let Some(lig) = ligature {
                chars[p].shaped = lig;
                chars[i].shaped = '\0';
            }
        }
        // A ligature does not join the letter after it (its alef is right-joining).
        joins_before = joins;
        prev = Some(i);
        prev_joins_after = joining.joins_after();
        only_marks_since = true;
    }
    if let Some(p) = prev {
        finish(table, &mut chars[p], joins_before, false);
    }
}

/// Gives char `c` its contextual form, unless it is the alef of a ligature.
fn finish(table: &Table, c: &mut CharInfo, joins_before: bool, joins_after: bool) {
    if c.shaped != '\0' {
        c.shaped = table.form(c.ch, joins_before, joins_after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_bidi::BidiClass;

    fn chars_of(text: &str) -> Vec<CharInfo> {
        text.char_indices()
            .map(|(i, ch)| CharInfo {
                ch,
                shaped: ch,
                clean: i as u32,
                orig: i as u32,
                class: BidiClass::AL,
                level: 1,
                flags: crate::text::props::char_table().get(ch).1,
            })
            .collect()
    }

    /// The shaped text, with `_` for an alef taken into a ligature.
    fn shaped(text: &str) -> String {
        let mut chars = chars_of(text);
        shape(&mut chars);
        chars
            .iter()
            .map(|c| if c.shaped == '\0' { '_' } else { c.shaped })
            .collect()
    }

    #[test]
    fn joining_types_from_the_data() {
        let t = table();
        assert_eq!(t.joining('ب'), Joining::D);
        assert_eq!(t.joining('ا'), Joining::R);
        assert_eq!(t.joining('\u{0640}'), Joining::C); // tatweel
        assert_eq!(t.joining('\u{200D}'), Joining::C); // ZWJ
        assert_eq!(t.joining('\u{200C}'), Joining::U); // ZWNJ
        assert_eq!(t.joining('\u{064E}'), Joining::T); // fatha
        assert_eq!(t.joining('\u{0301}'), Joining::T);
        assert_eq!(t.joining('\u{200F}'), Joining::T); // RLM: a format character
        assert_eq!(t.joining('a'), Joining::U);
        assert_eq!(t.joining('\u{1820}'), Joining::D); // Mongolian, outside the Arabic table
    }

    #[test]
    fn contextual_forms() {
        assert_eq!(shaped("ب"), "\u{FE8F}");
        assert_eq!(shaped("بب"), "\u{FE91}\u{FE90}");
        assert_eq!(shaped("ببب"), "\u{FE91}\u{FE92}\u{FE90}");
        // alef is right-joining: the letter after it starts afresh.
        assert_eq!(shaped("باب"), "\u{FE91}\u{FE8E}\u{FE8F}");
        assert_eq!(shaped("ب ب"), "\u{FE8F} \u{FE8F}");
    }

    #[test]
    fn harakat_are_transparent_and_kept() {
        assert_eq!(shaped("بَب"), "\u{FE91}\u{064E}\u{FE90}");
        assert_eq!(shaped("بّ"), "\u{FE8F}\u{0651}");
    }

    #[test]
    fn mandatory_lam_alef_ligatures() {
        assert_eq!(shaped("لا"), "\u{FEFB}_");
        assert_eq!(shaped("لأ"), "\u{FEF7}_");
        assert_eq!(shaped("لإ"), "\u{FEF9}_");
        assert_eq!(shaped("لآ"), "\u{FEF5}_");
        assert_eq!(shaped("بلا"), "\u{FE91}\u{FEFC}_");
        // marks of both letters stay, in order.
        assert_eq!(shaped("لَاً"), "\u{FEFB}\u{064E}_\u{064B}");
        // the ligature does not join what follows.
        assert_eq!(shaped("لاب"), "\u{FEFB}_\u{FE8F}");
        // a format character between them: no ligature (they are not adjacent graphemes).
        assert_eq!(shaped("ل\u{200F}ا"), "\u{FEDF}\u{200F}\u{FE8E}");
    }

    #[test]
    fn tatweel_and_zwj_cause_joining_zwnj_breaks_it() {
        assert_eq!(shaped("بـ"), "\u{FE91}\u{0640}");
        assert_eq!(shaped("ـب"), "\u{0640}\u{FE90}");
        assert_eq!(shaped("ب\u{200D}"), "\u{FE91}\u{200D}");
        assert_eq!(shaped("\u{200D}ب"), "\u{200D}\u{FE90}");
        assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
        // ZWJ between lam and alef keeps them apart but joined.
        assert_eq!(shaped("ل\u{200D}ا"), "\u{FEDF}\u{200D}\u{FE8E}");
    }

    #[test]
    fn persian_and_urdu_letters() {
        // pe, farsi yeh, tcheh: پیچ
        assert_eq!(shaped("پیچ"), "\u{FB58}\u{FBFF}\u{FB7B}");
        // gaf, keheh, jeh, yeh barree, heh goal, heh doachashmee
        assert_eq!(shaped("گک"), "\u{FB94}\u{FB8F}");
        assert_eq!(shaped("ژ"), "\u{FB8A}");
        assert_eq!(shaped("بے"), "\u{FE91}\u{FBAF}");
        assert_eq!(shaped("ہہ"), "\u{FBA8}\u{FBA7}");
        assert_eq!(shaped("ھا"), "\u{FBAC}\u{FE8E}");
    }

    #[test]
    fn no_joining_across_a_level_change() {
        let mut chars = chars_of("بب");
        chars[1].level = 2;
        shape(&mut chars);
        assert_eq!(chars[0].shaped, '\u{FE8F}');
        assert_eq!(chars[1].shaped, '\u{FE8F}');
    }

    #[test]
    fn other_scripts_untouched() {
        assert_eq!(shaped("abc 123 שלום"), "abc 123 שלום");
    }
}
