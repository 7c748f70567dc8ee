//! Word-shape tests shared by the phrase parser: adjectives (listed or nisba-shaped), words with
//! an ambiguous ب or ل, name-like words, and the gender and number a head word gives.

use super::parser::State;
use super::{Gender, Number};
use crate::attribution::Context;
use crate::attribution::lexicon::{Class, NameHint};
use crate::attribution::tokens::{Token, Tokens, clitic};

/// Adjective-shaped: listed, or a nisba (ـي، ـية، ـيون، ـيين) of three letters or more.
pub fn is_adjective(tokens: &Tokens, i: usize) -> bool {
    let t = &tokens.list[i];
    if t.is(Class::Adjective) {
        return true;
    }
    if t.is(Class::Title) || t.is(Class::OrgHead) {
        return false;
    }
    // «الدول ال12»: a number with the article qualifies the noun before it.
    if t.has_digit && tokens.bare(i).starts_with("ال") {
        return true;
    }
    let core = tokens.core(i);
    let letters = core.chars().count();
    // A feminine participle with the article (الدول المجاورة، المقاطعة).
    if t.has(clitic::AL) && t.fem && core.starts_with('م') && letters >= 5 {
        return true;
    }
    letters >= 4 && (core.ends_with('ي') || core.ends_with("يه") || core.ends_with("يون"))
        || letters >= 5 && core.ends_with("يين")
}

pub(super) fn is_stop_word(t: &Token) -> bool {
    t.is_exactly(Class::Complementizer)
        || t.is_exactly(Class::Relative)
        || t.is_exactly(Class::Kana)
        || t.is_exactly(Class::Particle)
        || t.is_exactly(Class::SourceCue)
        || t.is_exactly(Class::Passive)
        || t.is_exactly(Class::PhraseStop)
}

/// A word starting with ب whose rest is unknown: a name (بريطانيا، بوريس) or ب + a noun.
pub fn bi_ambiguous(t: &Token) -> bool {
    t.has(clitic::BI) && !t.has(clitic::AL) && t.class == 0
}

/// A word starting with ل whose rest is unknown and carries no pronoun: maybe a name (لودريان).
pub(super) fn li_ambiguous(t: &Token) -> bool {
    t.has(clitic::LI) && !t.has(clitic::AL) && t.class == 0 && !t.fem
}

/// «علي» written with ي: the name Ali, or «على» spelled loosely; the caller decides by position.
pub(super) fn ali_name(cx: &Context, j: usize) -> bool {
    cx.tokens.bare(j) == "علي" && cx.text[cx.tokens.list[j].range()].ends_with('ي')
}

/// «بينها»، «منهم»: members named after a group (not the verb بيّن with a pronoun).
pub(super) fn members_follow(tokens: &Tokens, j: usize) -> bool {
    matches!(tokens.bare(j), "بينها" | "بينهم" | "منها" | "منهم")
}

/// A word in no list, without clitics, not feminine and not adjective-shaped: a proper noun.
pub(super) fn plain_word(tokens: &Tokens, k: usize) -> bool {
    let t = &tokens.list[k];
    t.is_word()
        && t.class == 0
        && t.clitics == 0
        && !t.fem
        && t.cue.is_none()
        && t.arabic_letters > 0
        && !is_adjective(tokens, k)
}

/// A word that can be (part of) a personal or organisation name.
pub(super) fn name_like(t: &Token) -> bool {
    t.is_word()
        && !is_stop_word(t)
        && !t.is_exactly(Class::Preposition)
        && !t.is_exactly(Class::Time)
        && !t.is_exactly(Class::ContentStart)
        && !t.is_exactly(Class::FramingNoun)
        && !t.is_exactly(Class::Opener)
        && t.cue.is_none()
}

pub(super) fn gender_of(tokens: &Tokens, i: usize) -> Gender {
    let t = &tokens.list[i];
    if t.fem {
        Gender::Fem
    } else if t.is(Class::Title) {
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

/// A singular noun of the م- patterns (مصدر، مسؤول، محلل): no long ا (مصادر) and no plural
/// or dual ending (مسؤولون، مراقبو).
fn singular_participle(core: &str) -> bool {
    core.starts_with('م')
        && !core.contains('ا')
        && !core.ends_with("ون")
        && !core.ends_with("ين")
        && !core.ends_with('و')
}

pub(super) fn number_of(tokens: &Tokens, i: usize) -> Number {
    let core = tokens.core(i);
    let t = &tokens.list[i];
    if t.is(Class::Title)
        && (core.ends_with("ان") || core.ends_with("ين"))
        && core.chars().count() >= 5
    {
        Number::Dual
    } else if t.is(Class::Group) && !t.is(Class::Title) && !singular_participle(core)
        || core.ends_with("ون")
        || core.ends_with("ين") && core.chars().count() >= 5
    {
        Number::Plural
    } else {
        Number::Singular
    }
}

/// After a comma inside a speaker phrase: does an apposition follow (a title, an honorific,
/// «وهو/وهي», or the name after a role)?
/// `person_role`: the role so far is a person's title (then a name may start with ب: «وزير
/// الاقتصاد، برونو ...»).
pub(super) fn apposition_follows(
    cx: &Context,
    k: usize,
    limit: usize,
    state: State,
    person_role: bool,
) -> bool {
    let tokens = cx.tokens;
    if k >= limit || !tokens.list[k].is_word() {
        return false;
    }
    let t = &tokens.list[k];
    let bare = tokens.folded(k);
    if matches!(bare, "وهو" | "وهي") {
        return k + 1 < limit
            && (tokens.list[k + 1].is(Class::Title) || tokens.list[k + 1].is(Class::Group));
    }
    if t.is_exactly(Class::Time) || t.is_exactly(Class::Preposition) || t.cue.is_some() {
        return false;
    }
    match state {
        State::Name => {
            (t.is(Class::Title) || t.is(Class::Honorific))
                && !t.has(clitic::BI)
                && !t.has(clitic::CONJ)
        }
        State::Role => {
            (t.is(Class::Honorific)
                || name_like(t)
                    && !t.has(clitic::AL)
                    && !t.has(clitic::CONJ)
                    && (!t.has(clitic::BI) || person_role && bi_ambiguous(t))
                    && !t.has(clitic::LI))
                && !t.is(Class::ContentStart)
        }
        _ => false,
    }
}

/// The word at `j` cannot start a name, by what the corpus says of it: a verb (شهدت), an adverb
/// or accusative (مرارا), or a common noun (رقم، صمت) unless a surname-like word follows: a plain unknown
/// word or a known surname («وداد X»: a first name that is also a noun). (Not a definite nisba:
/// after a common noun it is mostly the noun's adjective.)
pub(super) fn not_a_name_start(tokens: &Tokens, j: usize) -> bool {
    match tokens.list[j].name_hint {
        NameHint::Verb | NameHint::Adverb => true,
        NameHint::CommonNoun => {
            let Some(next) = tokens.list.get(j + 1).filter(|t| t.is_word()) else {
                return true;
            };
            let surname_like = next.name_hint == NameHint::Part
                || plain_word(tokens, j + 1) && next.name_hint == NameHint::Unknown;
            !surname_like
        }
        _ => false,
    }
}

/// A definite nisba whose stem the corpus does not know as a common word («الفلاني» but not
/// «المصري»، whose stem «مصري» is an ordinary adjective): a family name.
pub(super) fn family_nisba(tokens: &Tokens, j: usize) -> bool {
    let t = &tokens.list[j];
    t.has(clitic::AL)
        && !t.has(clitic::BI)
        && !t.has(clitic::LI)
        && !t.is(Class::Adjective)
        && t.class == 0
        && t.name_hint == NameHint::Unknown
        && t.core_hint == NameHint::Unknown
        && is_adjective(tokens, j)
}

/// The word has the article: «ال» written with a plain alef («ألكسندر»، «أليس» are names whose
/// folded form starts with «ال»).
pub(super) fn is_definite(cx: &Context, j: usize) -> bool {
    let t = &cx.tokens.list[j];
    t.has(clitic::AL)
        || cx.tokens.bare(j).starts_with("ال")
            && !cx.text[t.range()]
                .trim_start_matches(['و', 'ف'])
                .starts_with(['أ', 'إ', 'آ'])
}
