//! Name rules: the first word of a phrase (an honorific, a title, an organisation head, a group,
//! or a name), the word after an honorific, and the words inside a name.

use super::parser::{Flow, MAX_NAME, Parser, State};
use super::words::{
    bi_ambiguous, family_nisba, gender_of, is_adjective, is_definite, li_ambiguous, name_like,
    not_a_name_start, number_of,
};
use super::{Gender, Number, Strength};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::{Class, NameHint};
use crate::attribution::tokens::{Token, clitic};

impl Parser<'_, '_> {
    pub(super) fn start_word(&mut self, t: &Token, ali: bool, prep: bool) -> Flow {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        // «19 منظمة غير حكومية»: a number before a group.
        if t.has_digit
            && t.arabic_letters == 0
            && self.j + 1 < self.limit
            && (list[self.j + 1].is(Class::Group) || list[self.j + 1].is(Class::OrgHead))
        {
            self.role = Some((self.j, self.j + 1));
            return Flow::Advance;
        }
        if t.is(Class::Honorific) && !t.is(Class::Title) {
            self.state = State::ExpectName;
            self.name_after_honorific = true;
            self.role.get_or_insert((self.j, self.j + 1));
        } else if t.is(Class::Title)
            && !t.has(clitic::BI)
            && (!t.has(clitic::LI) || self.allow_li_first)
        {
            self.state = State::Role;
            self.role = Some((self.j, self.j + 1));
            self.gender = gender_of(tokens, self.j);
            self.number = number_of(tokens, self.j);
            self.last_definite = is_definite(self.cx, self.j);
            self.strength = Strength::Described;
        } else if t.is(Class::OrgHead)
            && !t.has(clitic::BI)
            && (!t.has(clitic::LI) || self.allow_li_first)
        {
            self.state = State::Role;
            self.role = Some((self.j, self.j + 1));
            self.kind = SpeakerKind::Org;
            self.gender = if t.fem { Gender::Fem } else { Gender::Masc };
            if t.is(Class::Group) || tokens.core(self.j).ends_with("ات") {
                self.number = Number::Plural;
            }
            self.last_definite = t.has(clitic::AL);
            self.strength = Strength::Described;
        } else if (t.is(Class::Group) || t.is(Class::InfoSource))
            && !t.has(clitic::BI)
            && (!t.has(clitic::LI) || self.allow_li_first)
        {
            self.state = State::Group;
            self.role = Some((self.j, self.j + 1));
            if t.is(Class::InfoSource) && !t.is(Class::Group) {
                self.kind = SpeakerKind::Org;
                self.gender = Gender::Fem;
            }
            self.number = number_of(tokens, self.j);
            if tokens.core(self.j).ends_with("ون") || tokens.core(self.j).ends_with("ين") {
                self.gender = Gender::Masc;
            }
            self.strength = Strength::Described;
        } else if t.is(Class::NameParticle)
            || (name_like(t) || ali)
                && !prep
                && (!t.has(clitic::BI) || self.j == self.i && bi_ambiguous(t))
                && (!t.has(clitic::LI) || self.j == self.i && self.allow_li_first)
        {
            if !self.lenient
                && (t.is(Class::ContentStart)
                    || t.is(Class::Legal) && !t.is(Class::OrgHead)
                    || not_a_name_start(tokens, self.j))
            {
                return Flow::Stop;
            }
            self.state = State::Name;
            self.name = Some((self.j, self.j + 1));
            self.gender = if t.fem { Gender::Fem } else { Gender::Unknown };
        } else {
            return Flow::Stop;
        }
        Flow::Advance
    }

    pub(super) fn expect_name_word(&mut self, t: &Token, ali: bool, prep: bool) -> Flow {
        let tokens = self.cx.tokens;
        if t.is(Class::Title) && !t.is(Class::Honorific) {
            // «معالي وزير الخارجية ...»: a title after a courtesy honorific.
            self.state = State::Role;
            self.role = Some((self.role.map_or(self.j, |(s, _)| s), self.j + 1));
            self.gender = gender_of(tokens, self.j);
            self.last_definite = t.has(clitic::AL);
            self.strength = Strength::Described;
            return Flow::Advance;
        }
        if t.is(Class::Honorific) && !t.is(Class::Title)
            || t.is(Class::NameParticle)
            || (name_like(t) || ali) && !prep && !t.has(clitic::LI)
        {
            if !t.is(Class::Honorific) || t.is(Class::NameParticle) {
                self.state = State::Name;
                self.name = Some((self.j, self.j + 1));
                self.strength = Strength::Named;
            }
        } else {
            return Flow::Stop;
        }
        Flow::Advance
    }

    pub(super) fn name_word(&mut self, t: &Token, ali: bool, prep: bool) -> Flow {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        let (s, e) = self.name.unwrap_or((self.j, self.j));
        let definite = is_definite(self.cx, self.j);
        if t.is(Class::Title)
            && !t.has(clitic::BI)
            && !t.has(clitic::LI)
            && !t.is(Class::Honorific)
            && e - s >= 2
        {
            // Apposition without a comma: «عوض الدوسي نائب رئيس لجنة التثمين».
            self.state = State::Role;
            self.role = Some((self.j, self.j + 1));
            self.last_definite = definite;
            self.j += 1;
            return Flow::Continue;
        }
        if t.is_exactly(Class::Adjective)
            && !definite
            && !t.has(clitic::CONJ)
            && e - s >= 2
            && self.j + 1 < self.limit
            && list[self.j + 1].is_word()
            && (list[self.j + 1].is(Class::Title) || list[self.j + 1].is(Class::Group))
        {
            // «سامي نور كبير مستشاري ...»: an adjective heading a title after a name starts
            // the role.
            self.state = State::Role;
            self.role = Some((self.j, self.j + 1));
            self.last_definite = false;
            self.j += 1;
            return Flow::Continue;
        }
        if t.is(Class::Title) && definite && e - s >= 2 && !t.has(clitic::BI) {
            self.state = State::Role;
            self.role = Some((self.j, self.j + 1));
            self.last_definite = true;
            self.j += 1;
            return Flow::Continue;
        }
        // «... بن أحمد السيد أن»: an honorific-shaped surname ends a name with a particle.
        let surname_honorific = (s..e).any(|k| list[k].is(Class::NameParticle))
            && list.get(self.j + 1).is_none_or(|n| {
                n.is_exactly(Class::Complementizer) || n.punct().is_some_and(|c| c != '.')
            });
        if t.is(Class::Honorific)
            && !t.is(Class::NameParticle)
            && e > s
            && !list[self.j - 1].is(Class::NameParticle)
            && !surname_honorific
        {
            if let Some((rs, _)) = self.role.filter(|_| !self.name_after_honorific) {
                // «المرجع في البلد آية الله X»، «مدير الإدارة بصحة المدينة الدكتور X»: the
                // words taken as a name were the end of the role; the name follows the
                // honorific (the token is read again in the role state).
                self.role = Some((rs, self.j));
                self.name = None;
                self.state = State::Role;
                self.last_definite = true;
                return Flow::Continue;
            }
            // «... سالم الدكتور سامي X»: an honorific starts another person.
            return Flow::Stop;
        }
        let after_particle = e > s && list[e - 1].is(Class::NameParticle);
        if e - s >= MAX_NAME && !t.is(Class::NameParticle) && !after_particle {
            return Flow::Stop;
        }
        if t.is(Class::NameParticle) || after_particle && t.is_word() {
            self.name = Some((s, self.j + 1));
            self.j += 1;
            return Flow::Continue;
        }
        // The corpus decides where the grammar cannot: a word seen mostly right after first
        // names is a surname, even with the article or when it is also a noun; a verb, an
        // adverb or an accusative is no part of a name («X مرارا»). (A common noun may be a
        // surname: «نصر».)
        match t.name_hint {
            NameHint::Verb | NameHint::Adverb => return Flow::Stop,
            NameHint::Part
                if !prep
                    && t.clitics & (clitic::BI | clitic::LI | clitic::CONJ) == 0
                    && !t.is(Class::Title)
                    && !t.is(Class::OrgHead)
                    && name_like(t) =>
            {
                self.name = Some((s, self.j + 1));
                self.j += 1;
                return Flow::Continue;
            }
            _ => {}
        }
        if t.has(clitic::BI) && !(bi_ambiguous(t) && (self.lenient || e - s == 1))
            || t.has(clitic::LI)
                && !(li_ambiguous(t) && (self.lenient || self.role.is_some()) && e - s < 3)
            || prep
        {
            return Flow::Stop;
        }
        if !(name_like(t) || ali) || t.is(Class::OrgHead) || t.is(Class::Group) {
            return Flow::Stop;
        }
        // ب or ل on a common noun or adverb («بشكل», «لإثبات») starts the framing or content
        // after the name.
        if t.clitics & (clitic::BI | clitic::LI) != 0
            && matches!(t.core_hint, NameHint::Adverb | NameHint::CommonNoun)
        {
            return Flow::Stop;
        }
        // A listed adjective goes on with a place name: «الإمارات العربية المتحدة». A family
        // nisba goes on with a name: definite, nisba-shaped, its stem unknown as a common word
        // («... بن أحمد الفلاني»).
        if definite
            && !self.lenient
            && (e - s >= 2
                && !(t.is(Class::Adjective) && is_adjective(tokens, self.j - 1))
                && !family_nisba(tokens, self.j)
                || !is_adjective(tokens, self.j) && tokens.core(self.j).chars().count() < 3)
        {
            return Flow::Stop;
        }
        if !self.lenient
            && e - s >= 3
            && !self.name_after_honorific
            && self.strength < Strength::Named
        {
            return Flow::Stop;
        }
        self.name = Some((s, self.j + 1));
        self.j += 1;
        Flow::Continue
    }
}
