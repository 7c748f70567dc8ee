//! The phrase parser: a walk over the tokens with a small state machine (start, role or group,
//! expecting a name after an honorific, inside a name). This file holds the walk, punctuation,
//! what ends a phrase or joins speakers, known names and the final trim; the states' word rules
//! are in `role.rs` and `name.rs`.

use super::words::{
    apposition_follows, bi_ambiguous, gender_of, is_stop_word, members_follow, name_like,
};
use super::{Gender, Number, Phrase, Strength};
use crate::attribution::lexicon::{Class, NameHint, Needs, Tense};
use crate::attribution::structure::is_quote_mark;
use crate::attribution::tokens::{Kind, Token, clitic};
use crate::attribution::{Context, SpeakerKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    Start,
    Role,
    Group,
    ExpectName,
    Name,
}

pub(super) const MAX_ROLE: usize = 14;
pub(super) const MAX_NAME: usize = 4;

/// What the walk does after a token's rules ran.
pub(super) enum Flow {
    /// The phrase ends before the current token.
    Stop,
    /// The rule moved `j` itself.
    Continue,
    /// Take the current token and go to the next one.
    Advance,
    /// No rule applied here; try the next ones.
    Pass,
}

/// The parse state of one phrase (see the field names; `j` is the current token).
pub(super) struct Parser<'a, 'c> {
    pub cx: &'a Context<'c>,
    pub i: usize,
    pub limit: usize,
    pub lenient: bool,
    pub allow_li_first: bool,
    pub j: usize,
    pub state: State,
    pub role: Option<(usize, usize)>,
    pub name: Option<(usize, usize)>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub number: Number,
    pub strength: Strength,
    /// The last word of the role is definite (a construct chain ended).
    pub last_definite: bool,
    pub role_has_bism: bool,
    pub name_after_honorific: bool,
    pub after_prep: bool,
}

impl<'a, 'c> Parser<'a, 'c> {
    pub fn new(
        cx: &'a Context<'c>,
        i: usize,
        limit: usize,
        lenient: bool,
        allow_li_first: bool,
    ) -> Parser<'a, 'c> {
        Parser {
            cx,
            i,
            limit: limit.min(cx.tokens.list.len()),
            lenient,
            allow_li_first,
            j: i,
            state: State::Start,
            role: None,
            name: None,
            kind: SpeakerKind::Person,
            gender: Gender::Unknown,
            number: Number::Singular,
            strength: Strength::Bare,
            last_definite: false,
            role_has_bism: false,
            name_after_honorific: false,
            after_prep: false,
        }
    }

    pub fn run(mut self) -> Option<Phrase> {
        let list = &self.cx.tokens.list;
        while self.j < self.limit {
            let t = &list[self.j];
            let flow = match t.kind {
                Kind::Break => Flow::Stop,
                Kind::Punct(c) => self.punctuation(t, c),
                Kind::Word => match self.word_before_state(t) {
                    Flow::Pass => self.word_in_state(t),
                    flow => flow,
                },
            };
            match flow {
                Flow::Stop => break,
                Flow::Continue => {}
                Flow::Advance | Flow::Pass => self.j += 1,
            }
        }
        self.finish()
    }

    fn punctuation(&mut self, t: &Token, c: char) -> Flow {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        match c {
            '#' => {
                self.j += 1;
                Flow::Continue
            }
            '،' | ',' if self.j > self.i => {
                let person_role = self.kind == SpeakerKind::Person
                    && self.role.is_some_and(|(s, _)| list[s].is(Class::Title));
                if apposition_follows(cx, self.j + 1, self.limit, self.state, person_role) {
                    if matches!(self.state, State::Name) {
                        self.state = State::Role;
                        self.last_definite = true;
                    }
                    self.j += 1;
                    return Flow::Continue;
                }
                Flow::Stop
            }
            '(' if self.j > self.i => {
                // A short parenthesis after a name: an acronym (كونا).
                if let Some(k) = (self.j + 1..(self.j + 5).min(self.limit))
                    .find(|&k| list[k].punct() == Some(')'))
                {
                    self.j = k + 1;
                    return Flow::Continue;
                }
                Flow::Stop
            }
            '-' | '–'
                if self.j > self.i
                    && matches!(self.state, State::Name)
                    && list[self.j - 1].end == t.start
                    && self.j + 1 < self.limit
                    && list[self.j + 1].start == t.end =>
            {
                self.j += 1;
                if let Some((s, _)) = self.name {
                    self.name = Some((s, self.j + 1));
                }
                self.j += 1;
                Flow::Continue
            }
            '.' if self.j > self.i && list[self.j - 1].arabic_letters == 1 => {
                self.j += 1;
                Flow::Continue
            }
            '"' | '«' | '“'
                if matches!(self.state, State::Role | State::Group) && self.j > self.i =>
            {
                // An organisation named in quotation marks: نقابة "ايه اف ال-سي آي او".
                if let Some(pair) = cx.structure.pair_opened_at(self.j)
                    && let Some(close) = pair.close
                    && close < self.limit
                    && close - self.j <= 10
                {
                    self.j = close + 1;
                    self.role = self.role.map(|(s, _)| (s, self.j));
                    return Flow::Continue;
                }
                Flow::Stop
            }
            _ => Flow::Stop,
        }
    }

    /// Rules that apply in any state: what ends the phrase, «وهو ...» roles, joint speakers,
    /// honorifics of several words, known names.
    fn word_before_state(&mut self, t: &Token) -> Flow {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        if self.j == self.i && t.is(Class::IdentityNoun) {
            // «- فضلوا عدم ذكر أسمائهم -»: the withheld name is no speaker.
            return Flow::Stop;
        }
        if t.is_exactly(Class::Emphatic) {
            // «المدرب نفسه»: the emphatic belongs to the role and is never a name; a phrase read
            // from «نفسه» onwards names no one.
            if self.j == self.i || !matches!(self.state, State::Role | State::Group) {
                return Flow::Stop;
            }
            self.role = self.role.map(|(s, _)| (s, self.j + 1));
            self.j += 1;
            return Flow::Continue;
        }
        if let Some(end) = self.withheld_identity_clause() {
            // «محلل فضل عدم ذكر اسمه»: the clause is part of the description, and ends it.
            let start = self.role.map_or(self.i, |(s, _)| s);
            self.role = Some((start, end));
            self.name = None;
            self.strength = self.strength.max(Strength::Described);
            self.j = end;
            return Flow::Stop;
        }
        if self.j > self.i
            && t.cue.is_some_and(|c| c.form.tense != Tense::Noun)
            && !t.is(Class::Title)
            && !members_follow(tokens, self.j)
        {
            return Flow::Stop;
        }
        if is_stop_word(t) && !self.particle_inside_name() {
            return Flow::Stop;
        }
        if self.j > self.i
            && matches!(tokens.folded(self.j), "وهو" | "وهي")
            && list[self.j - 1].punct().is_some()
            && self.j + 1 < self.limit
            && (list[self.j + 1].is(Class::Title) || list[self.j + 1].is(Class::Group))
        {
            // «جلال الحمد، وهو ناشط سوري»: the description that follows is the role.
            self.state = State::Role;
            self.last_definite = false;
            self.role = Some((self.j, self.j + 1));
            self.j += 1;
            return Flow::Continue;
        }
        // A personal pronoun («نقابة "..." وهي من أبرز ...») starts a clause about the speaker.
        if self.j > self.i && matches!(tokens.bare(self.j), "هو" | "هي" | "هم" | "هما" | "هن")
        {
            return Flow::Stop;
        }
        // Joint speakers: «واشنطن ولندن وباريس»، «مسؤولون وشهود عيان»، «جماعة ... ونشطاء».
        // Only و joins speakers: a name word starting with ف (فخري) is not «ف» + a name.
        if self.j > self.i
            && t.has(clitic::CONJ)
            && tokens.folded(self.j).starts_with('و')
            && !matches!(self.state, State::Start | State::ExpectName)
            && (t.is(Class::Group)
                || t.is(Class::OrgHead)
                || t.is(Class::Title)
                || self.state == State::Name
                    && name_like(t)
                    && !t.has(clitic::AL)
                    && (!t.has(clitic::BI) || bi_ambiguous(t)))
            && !t.is(Class::ContentStart)
        {
            if self.name.is_some() && t.is(Class::Title) && self.state != State::Name {
                // «عوض الدوسي نائب رئيس لجنة التثمين وعضو اللجنة»: one person, two roles.
                self.role = self.role.map(|(s, _)| (s, self.j + 1));
                self.last_definite = false;
                self.state = State::Role;
            } else if t.is(Class::Group) || t.is(Class::OrgHead) || t.is(Class::Title) {
                let s = self
                    .role
                    .map_or(self.j, |(s, _)| s)
                    .min(self.name.map_or(self.j, |(s, _)| s));
                self.role = Some((s, self.j + 1));
                self.name = None;
                self.state = State::Group;
                self.number = Number::Plural;
                self.kind = SpeakerKind::Org;
                // «الحكومة وقيادات محلية»: joined with a group, the phrase describes
                // speakers.
                self.strength = self.strength.max(Strength::Described);
            } else if let Some((s, e)) = self.name {
                self.name = Some((s, self.j + 1));
                // «جاك ولكنز»: after one unknown word, a word with و is more likely the
                // surname than a second speaker (who would rather be «X ونظيره Y»).
                if e - s > 1 || cx.known_name_at(s).is_some() {
                    self.number = Number::Plural;
                    self.kind = SpeakerKind::Org;
                }
            }
            self.j += 1;
            return Flow::Continue;
        }
        // «آية الله علي ...», «حجة الإسلام ...»: an honorific of several words before a name.
        if self.state != State::Name
            && !t.is(Class::Title)
            && !t.has(clitic::BI)
            && !t.has(clitic::LI)
            && let Some(end) = cx
                .phrase_at(self.j, Class::Honorific)
                .filter(|&e| e > self.j + 1 && e < self.limit)
        {
            self.role.get_or_insert((self.j, end));
            self.state = State::ExpectName;
            self.name_after_honorific = true;
            self.j = end;
            return Flow::Continue;
        }
        let known = cx.known_name_at(self.j);
        match self.state {
            State::Start | State::ExpectName if known.is_some() => {
                let end = known.unwrap();
                self.name = Some((self.j, end));
                self.strength = Strength::Named;
                self.j = end;
                self.state = State::Name;
                // A known name is complete: what follows is an apposition or not the phrase.
                if !(self.j < self.limit
                    && list[self.j].punct().is_some_and(|c| c == '،' || c == ',')
                    && apposition_follows(cx, self.j + 1, self.limit, State::Name, false))
                {
                    return Flow::Stop;
                }
                return Flow::Continue;
            }
            _ => {}
        }
        Flow::Pass
    }

    /// «مصدر رفض الكشف عن هويته»: after a role, a verb of withholding and, within a few words
    /// without punctuation, «اسمه» or «هويته». Returns the end of the clause.
    fn withheld_identity_clause(&self) -> Option<usize> {
        let list = &self.cx.tokens.list;
        if self.j == self.i
            || !matches!(self.state, State::Role | State::Group)
            || !list[self.j].is(Class::WithholdVerb)
        {
            return None;
        }
        let last = (self.j + 6).min(self.limit);
        let end = (self.j + 1..last)
            .take_while(|&k| list[k].is_word())
            .find(|&k| list[k].is(Class::IdentityNoun))?
            + 1;
        // After a comma, only a clause that ends the framing («مسؤول، طلب عدم الكشف عن هويته:»):
        // in «مسؤول، اشترط عدم الكشف عن هويته لحساسية الوضع، إن» more words follow.
        let after_comma = list[self.j - 1].punct().is_some();
        let closes = end >= self.limit
            || list[end].is_exactly(Class::Complementizer)
            || list[end]
                .punct()
                .is_some_and(|c| c == ':' || is_quote_mark(c));
        (!after_comma || closes).then_some(end)
    }

    /// «ورحب الرئيس الفرنسي بالاتفاق»: right after a cue whose content follows a complementizer
    /// or a preposition (none listed: ب among others), a word with بال is that content, unless it names a body («مدير الإعلام بالوزارة»).
    pub(super) fn bi_content_of_cue(&self, t: &Token) -> bool {
        let list = &self.cx.tokens.list;
        self.i > 0
            && !t.is(Class::OrgHead)
            && !t.is(Class::Group)
            && list[self.i - 1].cue.is_some_and(|c| {
                let info = &self.cx.lex.cue_info[c.form.cue as usize];
                info.needs == Needs::CompOrPrep && info.preps.is_empty()
            })
    }

    /// «جان لو X»: a particle of a European name that is also a function word («لو» if), inside
    /// a name and before an unknown word without clitics.
    fn particle_inside_name(&self) -> bool {
        let tokens = self.cx.tokens;
        self.state == State::Name
            && matches!(
                tokens.folded(self.j),
                "لو" | "دي" | "دو" | "دا" | "فون" | "فان"
            )
            && self.j + 1 < self.limit
            && tokens.list[self.j + 1].is_word()
            && tokens.list[self.j + 1].clitics == 0
            && tokens.list[self.j + 1].class == 0
            && tokens.list[self.j + 1].cue.is_none()
            && tokens.list[self.j + 1].name_hint == NameHint::Unknown
    }

    fn word_in_state(&mut self, t: &Token) -> Flow {
        let cx = self.cx;
        // «علي» as written (not «على») where a name is expected is the name Ali.
        let ali = super::words::ali_name(cx, self.j)
            && (matches!(self.state, State::ExpectName | State::Name)
                || self.state == State::Role && self.last_definite
                || self.state == State::Start && self.lenient);
        let prep = t.is_exactly(Class::Preposition) && !ali;
        match self.state {
            State::Start => self.start_word(t, ali, prep),
            State::ExpectName => self.expect_name_word(t, ali, prep),
            State::Role | State::Group => self.role_word(t, ali, prep),
            State::Name => self.name_word(t, ali, prep),
        }
    }

    /// Trims trailing punctuation and particles and builds the phrase.
    fn finish(mut self) -> Option<Phrase> {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        // Trim trailing punctuation, particles and a preposition (a phrase never ends in one:
        // «... وقيادات كردية من عودة» has the cue's «من»).
        let mut end = self.j;
        while end > self.i
            && (list[end - 1].punct().is_some()
                && list[end - 1].punct() != Some(')')
                && !list[end - 1].punct().is_some_and(is_quote_mark)
                || list[end - 1].is(Class::NameParticle) && self.name.is_none_or(|(_, e)| e < end)
                || list[end - 1].is_exactly(Class::Preposition)
                    && end - 1 > self.i
                    && !super::words::ali_name(cx, end - 1))
        {
            end -= 1;
        }
        // «وكالة الأنباء الرسمية (X)»: the acronym in parentheses is no part of the name
        // (but «صحيفة (X)» and «فريق (8 X)» are named by it).
        if end > self.i + 3
            && list[end - 1].punct() == Some(')')
            && let Some(open) = (self.i + 2..end - 1)
                .rev()
                .find(|&k| list[k].punct() == Some('('))
            && !list[open..end].iter().any(|t| t.has_digit)
        {
            end = open;
        }
        if end <= self.i {
            return None;
        }
        if let Some((s, e)) = self.name {
            let e = e.min(end);
            self.name = (e > s).then_some((s, e));
            if self.strength < Strength::Named && self.role.is_some() && self.name.is_some() {
                self.strength = Strength::Named;
            }
        }
        if let Some((s, e)) = self.role {
            let e = e.min(end);
            self.role = (e > s).then_some((s, e));
        }
        // «عدد» alone names no one: a quantity needs its people («عدد من الخبراء»).
        if end == self.i + 1 && list[self.i].is(Class::Quantifier) {
            return None;
        }
        if self.name.is_some() && self.role.is_none_or(|(s, _)| list[s].is(Class::Honorific)) {
            self.kind = SpeakerKind::Person;
            if self.name_after_honorific {
                self.strength = Strength::Named;
            }
        }
        if self.gender == Gender::Unknown
            && let Some((s, _)) = self.role
        {
            self.gender = gender_of(tokens, s);
        }
        Some(Phrase {
            start: self.i,
            end,
            name: self.name,
            role: self.role,
            kind: self.kind,
            gender: self.gender,
            number: self.number,
            strength: self.strength,
            known: None,
            lead: if self.allow_li_first
                && list[self.i].has(clitic::LI)
                && !tokens.bare(self.i).starts_with("لل")
            {
                'ل'.len_utf8() as u32
            } else {
                0
            },
        })
    }
}
