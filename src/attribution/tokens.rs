//! Tokens of one article: words, numbers, punctuation and line breaks, each with its exact byte
//! range in the original text, its folded form (see [`crate::arabic::fold_char`]), its clitics
//! and the lexicon classes and cue forms it belongs to. Folding and lookups happen once here.

use super::lexicon::{Class, Compiled, CueForm, NameHint, Tense};
use crate::arabic::fold_char;

/// Proclitics found on a word (bit flags in [`Token::clitics`]).
pub mod clitic {
    /// و or ف ("and", "so").
    pub const CONJ: u8 = 1;
    /// ب ("with, by").
    pub const BI: u8 = 2;
    /// ل ("to, for").
    pub const LI: u8 = 4;
    /// ك ("like").
    pub const KA: u8 = 8;
    /// ال (the article).
    pub const AL: u8 = 16;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A line break: paragraphs are lines.
    Break,
}

/// A cue form found on a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub form: CueForm,
    /// An object pronoun is attached (ودعتهم، وصفه، أدانه): the verb's content may be only that.
    pub object: bool,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the original text.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    fold_start: u32,
    fold_end: u32,
    /// Folded bytes taken by و/ف.
    conj_len: u8,
    /// Folded bytes taken by all proclitics (و ف ب ل ك ال).
    core_len: u8,
    pub clitics: u8,
    /// Lexicon class bits of the word, of the word without و/ف, and of its bare stem.
    pub class: u64,
    /// Class bits of the word as written (only و/ف removed), without stripping ب ل ك ال.
    pub exact_class: u64,
    pub cue: Option<CueHit>,
    /// The word ends in taa marbuta (ة): a feminine noun or adjective.
    pub fem: bool,
    /// Arabic letters in the word (0 for Latin and digits).
    pub arabic_letters: u8,
    pub has_digit: bool,
    /// What the corpus says about the word (without و/ف) in names.
    pub name_hint: NameHint,
    /// The same for the stem without ب ل ك ال, when one was stripped («المجتمع» -> «مجتمع»).
    pub core_hint: NameHint,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub fn is(&self, class: Class) -> bool {
        self.class & class.bit() != 0
    }
    /// In the class as written (only و/ف removed), not by a guess after stripping ب ل ال.
    pub fn is_exactly(&self, class: Class) -> bool {
        self.exact_class & class.bit() != 0
    }
    pub fn has(&self, clitic: u8) -> bool {
        self.clitics & clitic != 0
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tokens of one article and the folded text they point into.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    folded: String,
}

impl Tokens {
    /// Folded form of a word token (empty for punctuation).
    pub fn folded(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.folded[t.fold_start as usize..t.fold_end as usize]
    }
    /// Folded form without و/ف.
    pub fn bare(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.folded[(t.fold_start + t.conj_len as u32) as usize..t.fold_end as usize]
    }
    /// Folded form without any proclitic (و ف ب ل ك ال).
    pub fn core(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.folded[(t.fold_start + t.core_len as u32) as usize..t.fold_end as usize]
    }
    pub fn len(&self) -> usize {
        self.list.len()
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn new(text: &str, lex: &Compiled) -> Tokens {
        let mut tokens = Tokens {
            list: Vec::with_capacity(text.len() / 6),
            folded: String::with_capacity(text.len()),
        };
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        let mut word_start: Option<usize> = None;
        let mut last_break = false;
        while let Some((i, c)) = chars.next() {
            if is_word_char(c)
                || word_start.is_some()
                    && matches!(c, '.' | ',' | '٫' | '٬')
                    && prev_is_digit(bytes, i)
                    && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
            {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(s) = word_start.take() {
                tokens.push_word(text, s, i, lex);
                last_break = false;
            }
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                if !last_break {
                    tokens.push_plain(i, i + c.len_utf8(), Kind::Break);
                    last_break = true;
                }
                continue;
            }
            if c.is_whitespace() || fold_char(c).is_none() {
                continue;
            }
            last_break = false;
            tokens.push_plain(i, i + c.len_utf8(), Kind::Punct(c));
        }
        if let Some(s) = word_start {
            tokens.push_word(text, s, text.len(), lex);
        }
        tokens
    }

    fn push_plain(&mut self, start: usize, end: usize, kind: Kind) {
        let at = self.folded.len() as u32;
        self.list.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            fold_start: at,
            fold_end: at,
            conj_len: 0,
            core_len: 0,
            clitics: 0,
            class: 0,
            exact_class: 0,
            cue: None,
            fem: false,
            arabic_letters: 0,
            has_digit: false,
            name_hint: NameHint::Unknown,
            core_hint: NameHint::Unknown,
        });
    }

    fn push_word(&mut self, text: &str, start: usize, end: usize, lex: &Compiled) {
        let fold_start = self.folded.len();
        let mut arabic = 0u32;
        let mut has_digit = false;
        let mut last_letter = ' ';
        for c in text[start..end].chars() {
            if let Some(f) = fold_char(c) {
                if f.is_ascii_digit()
                    || ('\u{0660}'..='\u{0669}').contains(&f)
                    || ('\u{06F0}'..='\u{06F9}').contains(&f)
                {
                    has_digit = true;
                }
                if ('\u{0621}'..='\u{06FF}').contains(&f) {
                    arabic += 1;
                    last_letter = c;
                }
                self.folded.push(f);
            }
        }
        let fold_end = self.folded.len();
        let mut token = Token {
            start: start as u32,
            end: end as u32,
            kind: Kind::Word,
            fold_start: fold_start as u32,
            fold_end: fold_end as u32,
            conj_len: 0,
            core_len: 0,
            clitics: 0,
            class: 0,
            exact_class: 0,
            cue: None,
            fem: last_letter == 'ة',
            arabic_letters: arabic.min(255) as u8,
            has_digit,
            name_hint: NameHint::Unknown,
            core_hint: NameHint::Unknown,
        };
        if arabic > 0 {
            // «ألكسندر»، «ألمانيا»: alef with hamza before ل is no article.
            let hamza_al = hamza_alef_lam(&text[start..end]);
            analyse(
                &self.folded[fold_start..fold_end],
                &mut token,
                lex,
                hamza_al,
            );
        }
        self.list.push(token);
    }
}

/// Letters, digits, marks and tatweel. Arabic and ASCII are decided without the (slow) general
/// Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return matches!(c, '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06FC}' | '\u{06FF}');
    }
    c.is_alphanumeric()
        || c == '_'
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// «أل» among the first letters of a word (ألكسندر، وألمانيا).
fn hamza_alef_lam(word: &str) -> bool {
    let mut letters = word
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .take(4);
    let mut prev = ' ';
    letters.any(|c| {
        let found = prev == 'أ' && c == 'ل';
        prev = c;
        found
    })
}

fn prev_is_digit(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes[i - 1].is_ascii_digit()
}

const WAW: char = 'و';

/// Classes a stem can have once ب ل ك ال are stripped from it.
const NOUN_CLASSES: u64 = (1 << Class::Title as u8)
    | (1 << Class::Honorific as u8)
    | (1 << Class::OrgHead as u8)
    | (1 << Class::Group as u8)
    | (1 << Class::InfoSource as u8)
    | (1 << Class::Conduit as u8)
    | (1 << Class::Legal as u8)
    | (1 << Class::FramingNoun as u8)
    | (1 << Class::Adjective as u8)
    | (1 << Class::ContentStart as u8)
    | (1 << Class::Time as u8)
    | (1 << Class::NameParticle as u8);
const FA: char = 'ف';

/// Clitics, classes and cue forms of one folded Arabic word.
fn analyse(word: &str, token: &mut Token, lex: &Compiled, hamza_al: bool) {
    // Folded Arabic letters take two bytes: lengths are counted in letters that way.
    let letters = |s: &str| s.len() / 2;
    let exact = lex.entry(word);
    let mut bare = word;
    let mut bare_entry = exact;
    if exact.class == 0
        && exact.cue.is_none()
        && letters(word) > 2
        && let Some(rest) = word.strip_prefix(WAW).or_else(|| word.strip_prefix(FA))
    {
        let rest_entry = lex.entry(rest);
        // «فالس»، «فالتر»: و/ف + ال + one or two letters is a name, not a conjunction.
        if !(rest.starts_with("ال")
            && letters(rest) < 5
            && rest_entry.class == 0
            && rest_entry.cue.is_none())
        {
            bare = rest;
            bare_entry = rest_entry;
            token.clitics |= clitic::CONJ;
            token.conj_len = (word.len() - rest.len()) as u8;
        }
    }
    let bare_class = bare_entry.class;
    token.exact_class = bare_class;
    token.name_hint = if exact.name_hint != NameHint::Unknown {
        exact.name_hint
    } else {
        bare_entry.name_hint
    };
    let mut class = bare_class;
    // Strip ب ل ك and ال to find the stem (بالجهود -> جهود، للشؤون -> شؤون).
    let mut core = bare;
    let mut clitics = 0u8;
    if bare_class == 0 || bare.starts_with("ال") {
        if let Some(rest) = bare.strip_prefix("لل").filter(|r| letters(r) >= 2) {
            clitics |= clitic::LI | clitic::AL;
            core = rest;
        } else {
            for (p, bit) in [('ب', clitic::BI), ('ل', clitic::LI), ('ك', clitic::KA)] {
                if let Some(rest) = bare.strip_prefix(p).filter(|r| letters(r) >= 3) {
                    clitics |= bit;
                    core = rest;
                    break;
                }
            }
            if let Some(rest) = core
                .strip_prefix("ال")
                .filter(|r| letters(r) >= 2 && !hamza_al)
            {
                if core.len() != bare.len() {
                    class |= lex.entry(core).class & NOUN_CLASSES;
                }
                clitics |= clitic::AL;
                core = rest;
            }
        }
        // A stem found by stripping clitics is a noun: function-word classes stay out
        // («الآن» is no «أن»).
        if core.len() != bare.len() {
            let core_entry = lex.entry(core);
            class |= core_entry.class & NOUN_CLASSES;
            token.core_hint = core_entry.name_hint;
        }
    }
    // A word that is itself in the lexicon keeps no ب/ل clitic (بين، بعد، لدى).
    if bare_class != 0 {
        clitics &= clitic::AL;
    }
    token.clitics |= clitics;
    token.core_len = (word.len() - core.len()) as u8;
    token.class = class;
    // A cue form, as written or without و/ف, or with an attached pronoun (an object on verbs:
    // وصفه; a possessor on nouns: قوله). A word written with ة is a noun (إضافة), not a verb
    // with ه.
    token.cue = exact
        .cue
        .or(bare_entry.cue)
        .map(|form| CueHit {
            form,
            object: false,
        })
        .or_else(|| {
            (!token.fem)
                .then_some(bare_entry.suffixed)
                .flatten()
                .map(|form| CueHit {
                    form,
                    object: form.tense != Tense::Noun,
                })
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::lexicon::{Agreement, Lexicon};

    fn toks(text: &str) -> Tokens {
        Tokens::new(text, &Compiled::new(&Lexicon::builtin()))
    }

    #[test]
    fn ranges_are_exact_and_folding_ignores_tatweel_and_harakat() {
        let text = "وقـــــال مُحَمَّدٌ: «نعم»\nثم 2.7 مليار";
        let t = toks(text);
        let words: Vec<&str> = t.list.iter().map(|x| &text[x.range()]).collect();
        assert_eq!(
            words,
            [
                "وقـــــال",
                "مُحَمَّدٌ",
                ":",
                "«",
                "نعم",
                "»",
                "\n",
                "ثم",
                "2.7",
                "مليار"
            ]
        );
        assert_eq!(t.bare(0), "قال");
        assert_eq!(t.folded(1), "محمد");
        let cue = t.list[0].cue.unwrap();
        assert_eq!(cue.form.agreement, Agreement::Masc);
    }

    #[test]
    fn clitics_and_classes() {
        let t = toks("للشؤون بالجهود والتي ودعتهم قوله");
        assert!(t.list[0].has(clitic::LI) && t.list[0].has(clitic::AL));
        assert_eq!(t.core(0), "شوون");
        assert!(t.list[1].has(clitic::BI));
        assert!(t.list[2].is(Class::Relative));
        assert!(t.list[3].cue.unwrap().object);
        assert_eq!(t.list[4].cue.unwrap().form.tense, Tense::Noun);
    }
}

#[cfg(test)]
mod debug_tests {
    use super::*;
    use crate::attribution::lexicon::Lexicon;

    #[test]
    #[ignore]
    fn dump() {
        let text = std::env::var("RAWI_DUMP").unwrap_or_default();
        let t = Tokens::new(&text, &Compiled::new(&Lexicon::builtin()));
        for (i, tok) in t.list.iter().enumerate() {
            let names: Vec<&str> = Class::ALL
                .iter()
                .filter(|c| tok.is(**c))
                .map(|c| c.name())
                .collect();
            eprintln!(
                "{i} {:?} bare={} core={} cl={} classes={:?} cue={:?}",
                &text[tok.range()],
                t.bare(i),
                t.core(i),
                tok.clitics,
                names,
                tok.cue
            );
        }
    }
}
