//! Speaker phrases: the noun phrase that names who speaks, parsed from a token onwards.
//!
//! A phrase is a role (job title, organisation or group with its complements: «رئيس جهاز الامن
//! الوطني الكويتي», «المتحدث باسم التحالف», «مصادر أمنية تركية») and/or a name (after an
//! honorific, after a definite role, or on its own: «الشيخ ثامر الصباح», «ترامب»), with
//! appositions after commas («ديلون، المتحدث باسم التحالف»). The parse is grammatical, not a list
//! of names: a definite noun ends a construct chain, adjectives (listed or nisba-shaped) go on,
//! and a word without the article after a definite role starts the name.

use super::Context;
use super::SpeakerKind;
use super::lexicon::Class;
use super::structure::is_quote_mark;
use super::tokens::{Kind, Token, Tokens, clitic};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Role,
    Group,
    ExpectName,
    Name,
}

const MAX_ROLE: usize = 14;
const MAX_NAME: usize = 4;

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

fn is_stop_word(t: &Token) -> bool {
    t.is_exactly(Class::Complementizer)
        || t.is_exactly(Class::Relative)
        || t.is_exactly(Class::Kana)
        || t.is_exactly(Class::Particle)
        || t.is_exactly(Class::SourceCue)
        || t.is_exactly(Class::Passive)
}

/// A word starting with ب whose rest is unknown: a name (بريطانيا، بوريس) or ب + a noun.
pub fn bi_ambiguous(t: &Token) -> bool {
    t.has(clitic::BI) && !t.has(clitic::AL) && t.class == 0
}

/// A word starting with ل whose rest is unknown and carries no pronoun: maybe a name (لودريان).
fn li_ambiguous(t: &Token) -> bool {
    t.has(clitic::LI) && !t.has(clitic::AL) && t.class == 0 && !t.fem
}

/// «علي» written with ي: the name Ali, or «على» spelled loosely; the caller decides by position.
fn ali_name(cx: &Context, j: usize) -> bool {
    cx.tokens.bare(j) == "علي" && cx.text[cx.tokens.list[j].range()].ends_with('ي')
}

/// «بينها»، «منهم»: members named after a group (not the verb بيّن with a pronoun).
fn members_follow(tokens: &Tokens, j: usize) -> bool {
    matches!(tokens.bare(j), "بينها" | "بينهم" | "منها" | "منهم")
}

/// A word in no list, without clitics, not feminine and not adjective-shaped: a proper noun.
fn plain_word(tokens: &Tokens, k: usize) -> bool {
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
fn name_like(t: &Token) -> bool {
    t.is_word()
        && !is_stop_word(t)
        && !t.is_exactly(Class::Preposition)
        && !t.is_exactly(Class::Time)
        && !t.is_exactly(Class::ContentStart)
        && !t.is_exactly(Class::FramingNoun)
        && !t.is_exactly(Class::Opener)
        && t.cue.is_none()
}

fn gender_of(tokens: &Tokens, i: usize) -> Gender {
    let t = &tokens.list[i];
    if t.fem {
        Gender::Fem
    } else if t.is(Class::Title) {
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

fn number_of(tokens: &Tokens, i: usize) -> Number {
    let core = tokens.core(i);
    let t = &tokens.list[i];
    if t.is(Class::Title)
        && (core.ends_with("ان") || core.ends_with("ين"))
        && core.chars().count() >= 5
    {
        Number::Dual
    } else if t.is(Class::Group)
        || core.ends_with("ون")
        || core.ends_with("ين") && core.chars().count() >= 5
    {
        Number::Plural
    } else {
        Number::Singular
    }
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
    let tokens = cx.tokens;
    let list = &tokens.list;
    let limit = limit.min(list.len());
    let mut j = i;
    let mut state = State::Start;
    let mut role: Option<(usize, usize)> = None;
    let mut name: Option<(usize, usize)> = None;
    let mut kind = SpeakerKind::Person;
    let mut gender = Gender::Unknown;
    let mut number = Number::Singular;
    let mut strength = Strength::Bare;
    let mut last_definite = false;
    let mut role_has_bism = false;
    let mut name_after_honorific = false;
    let mut after_prep = false;
    while j < limit {
        let t = &list[j];
        match t.kind {
            Kind::Break => break,
            Kind::Punct(c) => {
                match c {
                    '#' => {
                        j += 1;
                        continue;
                    }
                    '،' | ',' if j > i => {
                        if apposition_follows(cx, j + 1, limit, state) {
                            if matches!(state, State::Name) {
                                state = State::Role;
                                last_definite = true;
                            }
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    '(' if j > i => {
                        // A short parenthesis after a name: an acronym (كونا).
                        if let Some(k) =
                            (j + 1..(j + 5).min(limit)).find(|&k| list[k].punct() == Some(')'))
                        {
                            j = k + 1;
                            continue;
                        }
                        break;
                    }
                    '-' | '–'
                        if j > i
                            && matches!(state, State::Name)
                            && list[j - 1].end == t.start
                            && j + 1 < limit
                            && list[j + 1].start == t.end =>
                    {
                        j += 1;
                        if let Some((s, _)) = name {
                            name = Some((s, j + 1));
                        }
                        j += 1;
                        continue;
                    }
                    '.' if j > i && list[j - 1].arabic_letters == 1 => {
                        j += 1;
                        continue;
                    }
                    '"' | '«' | '“' if matches!(state, State::Role | State::Group) && j > i => {
                        // An organisation named in quotation marks: نقابة "ايه اف ال-سي آي او".
                        if let Some(pair) = cx.structure.pair_opened_at(j)
                            && let Some(close) = pair.close
                            && close < limit
                            && close - j <= 10
                        {
                            j = close + 1;
                            role = role.map(|(s, _)| (s, j));
                            continue;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            Kind::Word => {}
        }
        if j > i
            && t.cue
                .is_some_and(|c| c.form.tense != super::lexicon::Tense::Noun)
            && !t.is(Class::Title)
            && !members_follow(tokens, j)
        {
            break;
        }
        if is_stop_word(t) {
            break;
        }
        if j > i
            && matches!(tokens.folded(j), "وهو" | "وهي")
            && list[j - 1].punct().is_some()
            && j + 1 < limit
            && (list[j + 1].is(Class::Title) || list[j + 1].is(Class::Group))
        {
            // «جلال الحمد، وهو ناشط سوري»: the description that follows is the role.
            state = State::Role;
            last_definite = false;
            role = Some((j, j + 1));
            j += 1;
            continue;
        }
        // A personal pronoun («نقابة "..." وهي من أبرز ...») starts a clause about the speaker.
        if j > i && matches!(tokens.bare(j), "هو" | "هي" | "هم" | "هما" | "هن") {
            break;
        }
        // Joint speakers: «واشنطن ولندن وباريس»، «مسؤولون وشهود عيان»، «جماعة ... ونشطاء».
        // Only و joins speakers: a name word starting with ف (فخري) is not «ف» + a name.
        if j > i
            && t.has(clitic::CONJ)
            && tokens.folded(j).starts_with('و')
            && !matches!(state, State::Start | State::ExpectName)
            && (t.is(Class::Group)
                || t.is(Class::OrgHead)
                || t.is(Class::Title)
                || state == State::Name
                    && name_like(t)
                    && !t.has(clitic::AL)
                    && (!t.has(clitic::BI) || bi_ambiguous(t)))
            && !t.is(Class::ContentStart)
        {
            if name.is_some() && t.is(Class::Title) && state != State::Name {
                // «عوض الدوسي نائب رئيس لجنة التثمين وعضو اللجنة»: one person, two roles.
                role = role.map(|(s, _)| (s, j + 1));
                last_definite = false;
                state = State::Role;
            } else if t.is(Class::Group) || t.is(Class::OrgHead) || t.is(Class::Title) {
                let s = role.map_or(j, |(s, _)| s).min(name.map_or(j, |(s, _)| s));
                role = Some((s, j + 1));
                name = None;
                state = State::Group;
                number = Number::Plural;
                kind = SpeakerKind::Org;
            } else if let Some((s, e)) = name {
                name = Some((s, j + 1));
                // «بيتر ولسون»: after one unknown word, a word with و is more likely the
                // surname than a second speaker (who would rather be «X ونظيره Y»).
                if e - s > 1 || cx.known_name_at(s).is_some() {
                    number = Number::Plural;
                    kind = SpeakerKind::Org;
                }
            }
            j += 1;
            continue;
        }
        // «آية الله علي ...», «حجة الإسلام ...»: an honorific of several words before a name.
        if state != State::Name
            && !t.is(Class::Title)
            && !t.has(clitic::BI)
            && !t.has(clitic::LI)
            && let Some(end) = cx
                .phrase_at(j, Class::Honorific)
                .filter(|&e| e > j + 1 && e < limit)
        {
            role.get_or_insert((j, end));
            state = State::ExpectName;
            name_after_honorific = true;
            j = end;
            continue;
        }
        let known = cx.known_name_at(j);
        match state {
            State::Start | State::ExpectName if known.is_some() => {
                let end = known.unwrap();
                name = Some((j, end));
                strength = Strength::Named;
                j = end;
                state = State::Name;
                // A known name is complete: what follows is an apposition or not the phrase.
                if !(j < limit
                    && list[j].punct().is_some_and(|c| c == '،' || c == ',')
                    && apposition_follows(cx, j + 1, limit, State::Name))
                {
                    break;
                }
                continue;
            }
            _ => {}
        }
        // «علي» as written (not «على») where a name is expected is the name Ali.
        let ali = ali_name(cx, j)
            && (matches!(state, State::ExpectName | State::Name)
                || state == State::Role && last_definite
                || state == State::Start && lenient);
        let prep = t.is_exactly(Class::Preposition) && !ali;
        match state {
            State::Start
                if t.has_digit
                    && t.arabic_letters == 0
                    && j + 1 < limit
                    && (list[j + 1].is(Class::Group) || list[j + 1].is(Class::OrgHead)) =>
            {
                // «19 منظمة غير حكومية»: a number before a group.
                role = Some((j, j + 1));
            }
            State::Start => {
                if t.is(Class::Honorific) && !t.is(Class::Title) {
                    state = State::ExpectName;
                    name_after_honorific = true;
                    role.get_or_insert((j, j + 1));
                } else if t.is(Class::Title)
                    && !t.has(clitic::BI)
                    && (!t.has(clitic::LI) || allow_li_first)
                {
                    state = State::Role;
                    role = Some((j, j + 1));
                    gender = gender_of(tokens, j);
                    number = number_of(tokens, j);
                    last_definite = t.has(clitic::AL) || tokens.bare(j).starts_with("ال");
                    strength = Strength::Described;
                } else if t.is(Class::OrgHead)
                    && !t.has(clitic::BI)
                    && (!t.has(clitic::LI) || allow_li_first)
                {
                    state = State::Role;
                    role = Some((j, j + 1));
                    kind = SpeakerKind::Org;
                    gender = if t.fem { Gender::Fem } else { Gender::Masc };
                    if t.is(Class::Group) || tokens.core(j).ends_with("ات") {
                        number = Number::Plural;
                    }
                    last_definite = t.has(clitic::AL);
                    strength = Strength::Described;
                } else if (t.is(Class::Group) || t.is(Class::InfoSource))
                    && !t.has(clitic::BI)
                    && (!t.has(clitic::LI) || allow_li_first)
                {
                    state = State::Group;
                    role = Some((j, j + 1));
                    if t.is(Class::InfoSource) && !t.is(Class::Group) {
                        kind = SpeakerKind::Org;
                        gender = Gender::Fem;
                    }
                    number = Number::Plural;
                    if tokens.core(j).ends_with("ون") || tokens.core(j).ends_with("ين") {
                        gender = Gender::Masc;
                    }
                    strength = Strength::Described;
                } else if t.is(Class::NameParticle)
                    || (name_like(t) || ali)
                        && !prep
                        && (!t.has(clitic::BI) || j == i && bi_ambiguous(t))
                        && (!t.has(clitic::LI) || j == i && allow_li_first)
                {
                    if !lenient
                        && (t.is(Class::ContentStart)
                            || t.is(Class::Legal) && !t.is(Class::OrgHead))
                    {
                        break;
                    }
                    state = State::Name;
                    name = Some((j, j + 1));
                    gender = if t.fem { Gender::Fem } else { Gender::Unknown };
                } else {
                    break;
                }
            }
            State::ExpectName if t.is(Class::Title) && !t.is(Class::Honorific) => {
                // «معالي وزير الخارجية ...»: a title after a courtesy honorific.
                state = State::Role;
                role = Some((role.map_or(j, |(s, _)| s), j + 1));
                gender = gender_of(tokens, j);
                last_definite = t.has(clitic::AL);
                strength = Strength::Described;
            }
            State::ExpectName => {
                if t.is(Class::Honorific) && !t.is(Class::Title)
                    || t.is(Class::NameParticle)
                    || (name_like(t) || ali) && !prep && !t.has(clitic::LI)
                {
                    if !t.is(Class::Honorific) || t.is(Class::NameParticle) {
                        state = State::Name;
                        name = Some((j, j + 1));
                        strength = Strength::Named;
                    }
                } else {
                    break;
                }
            }
            State::Role | State::Group => {
                let (s, e) = role.unwrap_or((j, j));
                if e - s >= MAX_ROLE {
                    break;
                }
                if t.is(Class::Honorific) && !t.is(Class::Title) {
                    state = State::ExpectName;
                    name_after_honorific = true;
                    j += 1;
                    continue;
                }
                if prep {
                    // Part of the role (السفير الروسي في لاهاي) unless framing follows.
                    let next = j + 1;
                    if next >= limit
                        || !list[next].is_word() && !list[next].punct().is_some_and(is_quote_mark)
                        || list[next].is(Class::FramingNoun)
                        || list[next].is(Class::Time)
                        || list[next].is_exactly(Class::Complementizer)
                        || name.is_some()
                        || !(matches!(tokens.bare(j), "في" | "لدي" | "الي")
                            || (state == State::Group || number == Number::Plural)
                                && tokens.bare(j) == "من")
                    {
                        break;
                    }
                    role = Some((s, j + 1));
                    last_definite = false;
                    after_prep = true;
                    j += 1;
                    continue;
                }
                if tokens.bare(j) == "باسم" || tokens.folded(j) == "باسم" {
                    role_has_bism = true;
                    role = Some((s, j + 1));
                    last_definite = false;
                    j += 1;
                    continue;
                }
                let definite = t.has(clitic::AL) || tokens.bare(j).starts_with("ال");
                // An adjective agrees in definiteness: «النائبة ليلى» is no nisba.
                let adjective =
                    is_adjective(tokens, j) && (definite || !last_definite) && !after_prep;
                // «وزير الخارجية البريطاني بوريس»: ب here starts a name.
                let bi_name = bi_ambiguous(t) && (last_definite || after_prep);
                let was_after_prep = std::mem::take(&mut after_prep);
                if t.is(Class::FramingNoun) && !t.is(Class::OrgHead) && !t.is(Class::Title)
                    || t.is(Class::ContentStart) && !lenient
                {
                    break;
                }
                if t.is_exactly(Class::Time) && !adjective {
                    break;
                }
                if members_follow(tokens, j)
                    && j + 1 < limit
                    && name_like(&list[j + 1])
                    && (state == State::Group || kind == SpeakerKind::Org)
                {
                    // «19 منظمة غير حكومية بينها اوكسفام»: members named after the group.
                    role = Some((s, j + 2));
                    j += 2;
                    continue;
                }
                if state == State::Group {
                    // «شهود عيان»: one noun may complete the group's head.
                    let complement = list[j - 1].is(Class::Group)
                        && name_like(t)
                        && !definite
                        && !t.has(clitic::BI);
                    if adjective
                        || complement
                        || t.is(Class::Group)
                        || t.has(clitic::LI)
                        || lenient && name_like(t) && e - s < 6
                    {
                        role = Some((s, j + 1));
                        j += 1;
                        continue;
                    }
                    break;
                }
                if adjective
                    || t.has(clitic::LI) && !(was_after_prep && li_ambiguous(t))
                    || t.has(clitic::BI) && last_definite && t.has(clitic::AL)
                    || t.has(clitic::CONJ) && definite && last_definite
                {
                    role = Some((s, j + 1));
                    // After a genitive with ل, its own complement may follow (لحقوق الانسان).
                    last_definite = if t.has(clitic::LI) {
                        definite
                    } else {
                        last_definite || definite
                    };
                    j += 1;
                    continue;
                }
                if name.is_none()
                    && !definite
                    && list[s].is(Class::Title)
                    && j >= s + 2
                    && plain_word(tokens, j - 1)
                    && list[j - 2].is(Class::OrgHead)
                    && !list[j - 2].has(clitic::AL)
                    && (plain_word(tokens, j) || bi_ambiguous(t))
                {
                    // «نائب المبعوث ... لمواجهة تنظيم داعش بريت مكجيرك»: an organisation named
                    // by its head and a proper noun is complete, so a plain word after it starts
                    // the person's name.
                    state = State::Name;
                    name = Some((j, j + 1));
                    strength = Strength::Named;
                    j += 1;
                    continue;
                }
                if role_has_bism
                    && !name_after_honorific
                    && bi_ambiguous(t)
                    && list[j - 1].class == 0
                    && !list[j - 1].has(clitic::AL)
                {
                    // «الناطق باسم الرئيس الروسي فلاديمير بوتين»: the principal's surname.
                    role = Some((s, j + 1));
                    j += 1;
                    continue;
                }
                if lenient
                    && t.has(clitic::BI)
                    && !t.has(clitic::AL)
                    && list[j - 1].has(clitic::AL)
                    && list[j - 1].is(Class::Adjective)
                    && tokens.core(j - 1).starts_with('م')
                {
                    // «رئيس مركز X المعني بملف العلاقة»: the participle's complement.
                    role = Some((s, j + 1));
                    last_definite = false;
                    j += 1;
                    continue;
                }
                if t.has(clitic::BI) && !bi_name && !(lenient && name.is_none()) {
                    break;
                }
                if !last_definite && t.arabic_letters == 0 && !t.has_digit {
                    // A Latin name closes a construct chain (شركة NovaTech).
                    role = Some((s, j + 1));
                    last_definite = true;
                    j += 1;
                    continue;
                }
                // A (listed) adjective closes a construct chain: «منظمات غير حكومية سارعت» - the word
                // after the adjective is no genitive of the head.
                let after_adjective = j > s
                    && !list[j - 1].has(clitic::AL)
                    && list[j - 1].is(Class::Adjective)
                    && t.class == 0
                    && !t.has(clitic::AL);
                if after_adjective && !lenient {
                    break;
                }
                if !last_definite && (name_like(t) || t.is(Class::OrgHead) || t.is(Class::Title)) {
                    // Construct chain: رئيس جهاز، مدير بعثة صندوق. After a preposition, a place
                    // name closes the phrase (السفير الروسي في لاهاي).
                    role = Some((s, j + 1));
                    last_definite = definite
                        || was_after_prep && !t.fem && !t.is(Class::OrgHead) && !t.is(Class::Title);
                    j += 1;
                    continue;
                }
                if t.is(Class::Title) || t.is(Class::OrgHead) {
                    role = Some((s, j + 1));
                    last_definite = definite;
                    j += 1;
                    continue;
                }
                if !definite && (name_like(t) || ali || t.is(Class::NameParticle) || bi_name) {
                    if name.is_some() && !name_after_honorific && !role_has_bism {
                        // «لؤي X، رئيس مركز ... المعني بملف»: the role after a name names no one.
                        break;
                    }
                    if !lenient
                        && !name_after_honorific
                        && cx.known_name_at(j).is_none()
                        && cx.describes_known(tokens, role)
                    {
                        // «وأبرزت النائبة تشبث المرأة»: a known speaker by title, then content.
                        break;
                    }
                    if role_has_bism && !name_after_honorific {
                        // «المتحدث باسم رئيس كوريا الجنوبية مون»: the name is the principal's.
                        role = Some((s, j + 1));
                        j += 1;
                        continue;
                    }
                    state = State::Name;
                    name = Some((j, j + 1));
                    strength = Strength::Named;
                    j += 1;
                    continue;
                }
                if definite && lenient && name_like(t) && e - s < 6 {
                    role = Some((s, j + 1));
                    j += 1;
                    continue;
                }
                break;
            }
            State::Name => {
                let (s, e) = name.unwrap_or((j, j));
                let definite = t.has(clitic::AL) || tokens.bare(j).starts_with("ال");
                if t.is(Class::Title)
                    && !t.has(clitic::BI)
                    && !t.has(clitic::LI)
                    && !t.is(Class::Honorific)
                    && e - s >= 2
                {
                    // Apposition without a comma: «عوض الدوسي نائب رئيس لجنة التثمين».
                    state = State::Role;
                    role = Some((j, j + 1));
                    last_definite = definite;
                    j += 1;
                    continue;
                }
                if t.is(Class::Title) && definite && e - s >= 2 && !t.has(clitic::BI) {
                    state = State::Role;
                    role = Some((j, j + 1));
                    last_definite = true;
                    j += 1;
                    continue;
                }
                let after_particle = e > s && list[e - 1].is(Class::NameParticle);
                if e - s >= MAX_NAME && !t.is(Class::NameParticle) && !after_particle {
                    break;
                }
                if t.is(Class::NameParticle) || after_particle && t.is_word() {
                    name = Some((s, j + 1));
                    j += 1;
                    continue;
                }
                if t.has(clitic::BI) && !(bi_ambiguous(t) && (lenient || e - s == 1))
                    || t.has(clitic::LI)
                        && !(li_ambiguous(t) && (lenient || role.is_some()) && e - s < 3)
                    || prep
                {
                    break;
                }
                if !(name_like(t) || ali) || t.is(Class::OrgHead) || t.is(Class::Group) {
                    break;
                }
                if definite
                    && !lenient
                    && (e - s >= 2
                        || !is_adjective(tokens, j) && tokens.core(j).chars().count() < 3)
                {
                    break;
                }
                if !lenient && e - s >= 3 && !name_after_honorific && strength < Strength::Named {
                    break;
                }
                name = Some((s, j + 1));
                j += 1;
                continue;
            }
        }
        j += 1;
    }
    // Trim trailing punctuation and particles.
    let mut end = j;
    while end > i
        && (list[end - 1].punct().is_some()
            && list[end - 1].punct() != Some(')')
            && !list[end - 1]
                .punct()
                .is_some_and(super::structure::is_quote_mark)
            || list[end - 1].is(Class::NameParticle) && name.is_none_or(|(_, e)| e < end))
    {
        end -= 1;
    }
    if end <= i {
        return None;
    }
    if let Some((s, e)) = name {
        let e = e.min(end);
        name = (e > s).then_some((s, e));
        if strength < Strength::Named && role.is_some() && name.is_some() {
            strength = Strength::Named;
        }
    }
    if let Some((s, e)) = role {
        let e = e.min(end);
        role = (e > s).then_some((s, e));
    }
    if name.is_some() && role.is_none_or(|(s, _)| list[s].is(Class::Honorific)) {
        kind = SpeakerKind::Person;
        if name_after_honorific {
            strength = Strength::Named;
        }
    }
    if gender == Gender::Unknown
        && let Some((s, _)) = role
    {
        gender = gender_of(tokens, s);
    }
    Some(Phrase {
        start: i,
        end,
        name,
        role,
        kind,
        gender,
        number,
        strength,
        known: None,
        lead: if allow_li_first && list[i].has(clitic::LI) && !tokens.bare(i).starts_with("لل") {
            'ل'.len_utf8() as u32
        } else {
            0
        },
    })
}

/// After a comma inside a speaker phrase: does an apposition follow (a title, an honorific,
/// «وهو/وهي», or the name after a role)?
fn apposition_follows(cx: &Context, k: usize, limit: usize, state: State) -> bool {
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
                    && !t.has(clitic::BI)
                    && !t.has(clitic::LI))
                && !t.is(Class::ContentStart)
        }
        _ => false,
    }
}
