//! Speaker phrases: the noun phrase that names who speaks, parsed from a token onwards.
//!
//! A phrase is a role (job title, organisation or group with its complements: «رئيس جهاز الامن
//! الوطني الكويتي», «المتحدث باسم التحالف», «مصادر أمنية تركية») and/or a name (after an
//! honorific, after a definite role, or on its own: «الشيخ ثامر الصباح», «ترامب»), with
//! appositions after commas («ديلون، المتحدث باسم التحالف»). The parse is grammatical, not a list
//! of names: a definite noun ends a construct chain, adjectives (listed or nisba-shaped) go on,
//! and a word without the article after a definite role starts the name.

//!
//! Files: this one holds the types and the entry points; `parser` walks the tokens (punctuation,
//! joint speakers, known names), `role` continues a role or group phrase, `name` starts and
//! continues names, and `words` holds the word-shape tests they share.

mod name;
mod parser;
mod role;
mod words;

pub use words::{bi_ambiguous, is_adjective};

use super::Context;
use super::SpeakerKind;
use parser::Parser;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Masc,
    Fem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Singular,
    Dual,
    Plural,
}

/// How sure the parse is that the words name a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Unknown words only (could be a name or content).
    Bare,
    /// A role, organisation or group, without a name.
    Described,
    /// A name after an honorific or a role, or a known speaker.
    Named,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Token range of the whole mention.
    pub start: usize,
    pub end: usize,
    /// Token ranges of the name and of the role, when present.
    pub name: Option<(usize, usize)>,
    pub role: Option<(usize, usize)>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub number: Number,
    pub strength: Strength,
    /// The phrase is a known speaker's form (set by the caller).
    pub known: Option<usize>,
    /// Bytes of a leading clitic ل to leave out of the surface form («لخبراء» -> «خبراء»).
    pub lead: u32,
}

/// Parses a speaker phrase starting at token `i`, not going past `limit`. `lenient`: the caller
/// knows that what follows up to `limit` is the speaker and framing (a complementizer follows),
/// so unknown words may be taken as a name.
pub fn parse(cx: &Context, i: usize, limit: usize, lenient: bool) -> Option<Phrase> {
    parse_with(cx, i, limit, lenient, false)
}

/// As [`parse`]; `allow_li_first`: the first word may carry ل («وفقا لخبراء»).
pub fn parse_with(
    cx: &Context,
    i: usize,
    limit: usize,
    lenient: bool,
    allow_li_first: bool,
) -> Option<Phrase> {
    Parser::new(cx, i, limit, lenient, allow_li_first).run()
}
