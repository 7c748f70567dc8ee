//! Role and group rules: a construct chain (رئيس جهاز ...), adjectives, complements with ل and
//! باسم, prepositional parts (السفير ... في لاهاي), members (بينها X), and where the name starts.

use super::parser::{Flow, MAX_ROLE, Parser, State};
use super::words::{
    bi_ambiguous, is_adjective, is_definite, li_ambiguous, members_follow, name_like,
    not_a_name_start, plain_word,
};
use super::{Number, Strength};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::Class;
use crate::attribution::structure::is_quote_mark;
use crate::attribution::tokens::{Token, clitic};

impl Parser<'_, '_> {
    pub(super) fn role_word(&mut self, t: &Token, ali: bool, prep: bool) -> Flow {
        let cx = self.cx;
        let tokens = cx.tokens;
        let list = &tokens.list;
        let (s, e) = self.role.unwrap_or((self.j, self.j));
        if e - s >= MAX_ROLE {
            return Flow::Stop;
        }
        if t.is(Class::Honorific) && !t.is(Class::Title) {
            self.state = State::ExpectName;
            self.name_after_honorific = true;
            self.j += 1;
            return Flow::Continue;
        }
        if prep {
            // Part of the role (السفير الروسي في لاهاي) unless framing follows.
            let next = self.j + 1;
            if next >= self.limit
                || !list[next].is_word() && !list[next].punct().is_some_and(is_quote_mark)
                || list[next].is(Class::FramingNoun)
                || list[next].is(Class::Time)
                || list[next].is_exactly(Class::Complementizer)
                || self.name.is_some()
                || !(matches!(tokens.bare(self.j), "في" | "لدي" | "الي")
                    || (self.state == State::Group || self.number == Number::Plural)
                        && tokens.bare(self.j) == "من"
                    || tokens.bare(self.j) == "علي" && informed(tokens.core(self.j - 1))
                    || tokens.bare(self.j) == "مع" && list[self.j - 1].is(Class::Interview))
            {
                return Flow::Stop;
            }
            self.role = Some((s, self.j + 1));
            self.last_definite = false;
            self.after_prep = true;
            self.j += 1;
            return Flow::Continue;
        }
        if matches!(tokens.bare(self.j), "باسم" | "بلسان") {
            self.role_has_bism = true;
            self.role = Some((s, self.j + 1));
            self.last_definite = false;
            self.j += 1;
            return Flow::Continue;
        }
        // A name written with hamza + ل (ألكسندر) looks definite when folded: it closes an open
        // construct chain («سفير X ألكسندر Y») but starts the name after a closed role
        // («وزيرة الشؤون الاجتماعية أليس X»).
        let definite = t.has(clitic::AL)
            || tokens.bare(self.j).starts_with("ال")
                && (is_definite(cx, self.j) || !self.last_definite);
        // An adjective agrees in definiteness: «النائبة ليلى» is no nisba.
        let adjective =
            is_adjective(tokens, self.j) && (definite || !self.last_definite) && !self.after_prep;
        // «وزير الخارجية البريطاني بوريس»: ب here starts a name.
        let bi_name = bi_ambiguous(t) && (self.last_definite || self.after_prep);
        let was_after_prep = std::mem::take(&mut self.after_prep);
        // «نشطاء المعارضة»: a definite noun right after a group's head is its genitive.
        let group_genitive = self.state == State::Group
            && list[self.j - 1].is(Class::Group)
            && t.has(clitic::AL)
            && !t.is_exactly(Class::Time)
            && !t.is(Class::FramingNoun);
        if t.is(Class::FramingNoun) && !t.is(Class::OrgHead) && !t.is(Class::Title)
            || t.is(Class::ContentStart) && !self.lenient && !group_genitive
        {
            return Flow::Stop;
        }
        if t.is_exactly(Class::Time) && !adjective {
            return Flow::Stop;
        }
        if members_follow(tokens, self.j)
            && self.j + 1 < self.limit
            && name_like(&list[self.j + 1])
            && (self.state == State::Group || self.kind == SpeakerKind::Org)
        {
            // «19 منظمة غير حكومية بينها اوكسفام»: members named after the group.
            self.role = Some((s, self.j + 2));
            self.j += 2;
            return Flow::Continue;
        }
        if self.state == State::Group {
            if t.has(clitic::LI) && t.is(Class::Conduit) {
                // «مصدر أمني لوكالة ...»: the medium the source spoke to.
                return Flow::Stop;
            }
            let prev = &list[self.j - 1];
            if definite
                && t.is(Class::Group)
                && !t.has(clitic::CONJ)
                && prev.has(clitic::AL)
                && (prev.is(Class::Group) || prev.is(Class::InfoSource))
            {
                // «ويتهم التقرير الموظفين ...»: a definite head takes no definite genitive;
                // the second noun is the cue's object.
                return Flow::Stop;
            }
            if definite
                && !adjective
                && !t.has(clitic::BI)
                && !list[self.j - 1].has(clitic::AL)
                && !list[self.j - 1].is(Class::Group)
                && is_adjective(tokens, self.j - 1)
            {
                // «ناشطون محليون المنظمات ...»: after an indefinite adjective a definite
                // noun is no genitive of the group; it is the cue's object.
                return Flow::Stop;
            }
            // «شهود عيان»: one noun may complete the group's head.
            let complement = list[self.j - 1].is(Class::Group)
                && name_like(t)
                && !definite
                && !t.has(clitic::BI)
                || group_genitive;
            if adjective
                || complement
                || t.is(Class::Group)
                || t.has(clitic::LI)
                || self.lenient && name_like(t) && e - s < 6
            {
                self.role = Some((s, self.j + 1));
                self.j += 1;
                return Flow::Continue;
            }
            return Flow::Stop;
        }
        if adjective
            || t.has(clitic::LI) && !(was_after_prep && li_ambiguous(t))
            || t.has(clitic::BI)
                && self.last_definite
                && t.has(clitic::AL)
                && !self.bi_content_of_cue(t)
            || t.has(clitic::CONJ) && definite && self.last_definite
        {
            self.role = Some((s, self.j + 1));
            // After a genitive with ل, its own complement may follow (لحقوق الانسان).
            self.last_definite = if t.has(clitic::LI) {
                definite
            } else {
                self.last_definite || definite
            };
            self.j += 1;
            return Flow::Continue;
        }
        if self.name.is_none()
            && !definite
            && list[s].is(Class::Title)
            && self.j >= s + 2
            && plain_word(tokens, self.j - 1)
            && list[self.j - 2].is(Class::OrgHead)
            && !list[self.j - 2].has(clitic::AL)
            && (plain_word(tokens, self.j) || bi_ambiguous(t))
            && self.j + 1 < list.len()
            && list[self.j + 1].is_word()
            && !(list[self.j + 1].has(clitic::AL) && is_adjective(tokens, self.j + 1))
        {
            // «القيادي في تنظيم الفجر سامر نادي»: an organisation named
            // by its head and a proper noun is complete, so a plain word after it, followed by
            // another word, starts the person's name. (One word before a comma is rather the organisation's third
            // word: «حركة نداء الوطن، سامر نادي»; so is one before a nisba: «نادي X Y المغربي».)
            self.state = State::Name;
            self.name = Some((self.j, self.j + 1));
            self.strength = Strength::Named;
            self.j += 1;
            return Flow::Continue;
        }
        if self.role_has_bism
            && !self.name_after_honorific
            && bi_ambiguous(t)
            && list[self.j - 1].class == 0
            && !list[self.j - 1].has(clitic::AL)
        {
            // «الناطق باسم الرئيس زياد بدران»: the principal's surname (ب is a letter of it).
            self.role = Some((s, self.j + 1));
            self.j += 1;
            return Flow::Continue;
        }
        if self.lenient
            && t.has(clitic::BI)
            && !t.has(clitic::AL)
            && list[self.j - 1].has(clitic::AL)
            && list[self.j - 1].is(Class::Adjective)
            && tokens.core(self.j - 1).starts_with('م')
        {
            // «رئيس مركز X المعني بملف العلاقة»: the participle's complement.
            self.role = Some((s, self.j + 1));
            self.last_definite = false;
            self.j += 1;
            return Flow::Continue;
        }
        if t.has(clitic::BI)
            && !bi_name
            && (!(self.lenient && self.name.is_none())
                || t.has(clitic::AL) && self.last_definite && self.bi_content_of_cue(t))
        {
            return Flow::Stop;
        }
        if !self.last_definite && t.arabic_letters == 0 && !t.has_digit {
            // A Latin name closes a construct chain (شركة NovaTech).
            self.role = Some((s, self.j + 1));
            self.last_definite = true;
            self.j += 1;
            return Flow::Continue;
        }
        // A (listed) adjective closes a construct chain: «جمعيات غير ربحية بادرت» - the word
        // after the adjective is no genitive of the head.
        let after_adjective = self.j > s
            && !list[self.j - 1].has(clitic::AL)
            && list[self.j - 1].is(Class::Adjective)
            && t.class == 0
            && !t.has(clitic::AL);
        if after_adjective && !self.lenient {
            return Flow::Stop;
        }
        if !self.last_definite && (name_like(t) || t.is(Class::OrgHead) || t.is(Class::Title)) {
            // Construct chain: رئيس جهاز، مدير بعثة صندوق. After a preposition, a place
            // name closes the phrase (السفير الروسي في لاهاي).
            self.role = Some((s, self.j + 1));
            self.last_definite = definite
                || was_after_prep && !t.fem && !t.is(Class::OrgHead) && !t.is(Class::Title);
            self.j += 1;
            return Flow::Continue;
        }
        if t.is(Class::Title)
            && definite
            && !t.has(clitic::CONJ)
            && self.kind == SpeakerKind::Org
            && list[self.j - 1].has(clitic::AL)
            && is_adjective(tokens, self.j - 1)
        {
            // «استدعت الخارجية المحلية السفير ...»: an organisation closed by its adjective;
            // the person after it is the cue's object.
            return Flow::Stop;
        }
        if t.is(Class::Title) || t.is(Class::OrgHead) {
            self.role = Some((s, self.j + 1));
            self.last_definite = definite;
            self.j += 1;
            return Flow::Continue;
        }
        if !definite && (name_like(t) || ali || t.is(Class::NameParticle) || bi_name) {
            if self.name.is_some() && !self.name_after_honorific && !self.role_has_bism {
                // «سليم X، مدير مركز ... المعني بملف»: the role after a name names no one.
                return Flow::Stop;
            }
            if !self.lenient && not_a_name_start(tokens, self.j) {
                // «واستنكر الناشط صمت ...»: the corpus never sees this word in a name; it
                // starts the content.
                return Flow::Stop;
            }
            if !self.lenient
                && !self.name_after_honorific
                && cx.known_name_at(self.j).is_none()
                && cx.describes_known(tokens, self.role)
            {
                // «وأبرزت النائبة تشبث المرأة»: a known speaker by title, then content.
                return Flow::Stop;
            }
            if self.role_has_bism && !self.name_after_honorific && !self.principal_is_body() {
                // «المتحدث باسم رئيس كوريا الجنوبية مون»: the name is the principal's. (Not
                // after a body: «المتحدث باسم الوزارة سالم X» names the spokesman.)
                self.role = Some((s, self.j + 1));
                self.j += 1;
                return Flow::Continue;
            }
            self.state = State::Name;
            self.name = Some((self.j, self.j + 1));
            self.strength = Strength::Named;
            self.j += 1;
            return Flow::Continue;
        }
        if definite && self.lenient && name_like(t) && e - s < 6 {
            self.role = Some((s, self.j + 1));
            self.j += 1;
            return Flow::Continue;
        }
        Flow::Stop
    }
}

impl Parser<'_, '_> {
    /// The principal after «باسم» is a body (an organisation, not a person's title):
    /// «المتحدث باسم الحكومة», «الناطق باسم الجيش».
    fn principal_is_body(&self) -> bool {
        let tokens = self.cx.tokens;
        let Some((s, e)) = self.role else {
            return false;
        };
        (s..e)
            .find(|&k| matches!(tokens.bare(k), "باسم" | "بلسان"))
            .and_then(|k| tokens.list.get(k + 1))
            .is_some_and(|t| t.is(Class::OrgHead) && !t.is(Class::Title))
    }
}

/// «مطلع على»: a source informed on a matter, whose complement is part of the description.
fn informed(core: &str) -> bool {
    matches!(core, "مطلع" | "مطلعه" | "مطلعون" | "مطلعين")
}
