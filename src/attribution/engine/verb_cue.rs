//! Verb cues (قال، أكدت، يقول ...): the speaker after the verb, before it, before a relative
//! pronoun or implicit, then the content.

use super::{Basis, Engine};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::{Agreement, Class, Needs, Tense};
use crate::attribution::phrase::{self, Phrase, Strength};
use crate::attribution::structure::is_quote_mark;
use crate::attribution::tokens::{CueHit, clitic};

impl Engine<'_> {
    /// A verb cue: قال، أكدت، يقول ...
    pub(super) fn verb(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        if hit.object
            && !self.cx.next_opens_content(i + 1)
            && !self.prep_follows(i + 1, hit.form)
            && !self.subject_then_colon(i + 1)
        {
            return None; // «أدانه ماكرون»: the content is only a pronoun.
        }
        if self.resumptive_object(i + 1) {
            return None; // «التي وعدت بها بغداد»: the content is the pronoun's antecedent.
        }
        if self.cx.preposition_homograph(i) {
            return None; // «الشراكة عبر المحيط»
        }
        if i > 0
            && (tokens.bare(i - 1) == "ان" && list[i - 1].is_word())
            && !list[i - 1].has(clitic::CONJ)
        {
            // «يمكن أن يقول»: a subjunctive verb, not a report.
            return None;
        }
        if self.relative_after_number(i) {
            return None;
        }
        let send = self.cx.sentence_end(i);
        let relative = self.relative_before(i);
        let before = if relative.is_none() {
            self.subject_before(i)
        } else {
            None
        };
        let mut j = self.cx.skip_framing(i + 1, send, false);
        // «قال تعالى»، «قال الله سبحانه»: a verse is cited, not news speech reported.
        let divine = |k: usize| k < send && list[k].is(Class::Divine);
        if divine(j) || (j < send && tokens.bare(j) == "الله" && divine(j + 1)) {
            return None;
        }
        let framed = j > i + 1 && list[i + 1].is_word();
        let comp_at = self.comp_ahead(j, send);
        let mut subject: Option<Phrase> = None;
        let needs = self.needs_of(hit.form);
        // «رفع الوزير أحر التعازي»: a courtesy verb's subject ends before the courtesy.
        let courtesy_at = if list[i].is_exactly(Class::CourtesyVerb) {
            Some(self.cx.courtesy_ahead(j)?)
        } else {
            None
        };
        let subject_at = j;
        // «وختم المدير بالقول إن»: "by saying" ends the subject.
        let subject_end = (j..send)
            .find(|&k| tokens.bare(k) == "بالقول")
            .unwrap_or(send);
        // «مصادر مطلعة لـ«الصحيفة» عن»: the words before the outlet told are the speaker.
        let outlet_at = (j + 1..(j + 8).min(send))
            .take_while(|&k| list[k].is_word())
            .find(|&k| {
                tokens.bare(k) == "ل"
                    && self
                        .cx
                        .structure
                        .pair_opened_at(k + 1)
                        .is_some_and(|p| p.close.is_some())
            });
        let subject_end = outlet_at.map_or(subject_end, |o| o.min(subject_end));
        if relative.is_none() && before.is_none() && self.may_start_subject(j, needs) {
            let lenient = comp_at.is_some() || outlet_at.is_some();
            let mut limit = courtesy_at
                .or(comp_at)
                .unwrap_or(subject_end)
                .min(subject_end);
            if lenient && let Some(m) = self.circumstantial_participle(j + 1, limit) {
                limit = m;
            }
            if let Some(mut p) = phrase::parse(&self.cx, j, limit, lenient)
                && self.accept_subject(&p, hit.form.agreement, lenient)
                && (!framed || p.strength >= Strength::Described)
            {
                if let Some(c) = comp_at {
                    self.extend_description(&mut p, c.min(limit));
                }
                if p.strength == Strength::Bare
                    && p.end - p.start == 1
                    && hit.form.agreement == Agreement::Fem
                    && !list[p.start].fem
                {
                    // «قالت بكين»: a one-word name with a feminine verb is a state or a city.
                    p.kind = SpeakerKind::Org;
                }
                j = p.end;
                subject = Some(p);
            }
        }
        // «أشاد رائد الفضاء الأمريكي الدكتور X بجهود»: a description the word lists do not know,
        // then a title or honorific and a name: the named person speaks.
        // «وعبر الفارس X عن اعتزازه»: bare words right before the cue's own عن are its subject
        // (before إلى/من/على they are rather the object: «دعا المجتمع الدولي إلى»).
        if subject.is_none()
            && relative.is_none()
            && before.is_none()
            && comp_at.is_none()
            && self.may_start_subject(subject_at, needs)
            && let Some(p) = phrase::parse(
                &self.cx,
                subject_at,
                courtesy_at.unwrap_or(subject_end),
                false,
            )
            && p.end - p.start <= 4
            && p.end < send
            && !list[p.end].has(clitic::CONJ)
            && (p.start..p.end).all(|m| !list[m].is(Class::Time))
            && !(p.end - p.start == 1 && super::ends_with_pronoun(self.cx.text, &list[p.start]))
            && !self.cx.is_question(i)
            && tokens.bare(p.end) == "عن"
            && self.cx.lex.cue_info[hit.form.cue as usize]
                .preps
                .iter()
                .any(|w| w == "عن")
            && !(hit.form.agreement == Agreement::Masc && list[p.start].fem)
        {
            j = p.end;
            subject = Some(p);
        }
        // «تبلغ 14% من أسهم الشركة»: a present verb before a number means «amounts to», and a
        // share is no speaker («قالت 19 منظمة» is a count of speakers).
        if subject.as_ref().is_some_and(|p| {
            list[p.start].has_digit
                && (hit.form.tense == Tense::Present
                    || (p.start..(p.start + 2).min(p.end))
                        .any(|m| self.cx.text[list[m].range()].contains('%')))
        }) {
            return None;
        }
        let weak_subject = subject
            .as_ref()
            .is_none_or(|p| p.strength == Strength::Bare && p.known.is_none());
        if weak_subject
            && relative.is_none()
            && before.is_none()
            && self.may_start_subject(subject_at, needs)
            && let Some(p) = self.named_after_description(
                subject_at,
                courtesy_at.or(comp_at).unwrap_or(send).min(subject_end),
            )
            && self.accept_subject(&p, hit.form.agreement, comp_at.is_some())
        {
            j = p.end;
            subject = Some(p);
        }
        // «وقال X متهكما "..."»: the manner participle is framing, not content.
        if subject.is_some() && self.circumstantial_participle(j, j + 1) == Some(j) {
            j += 1;
        }
        // «لوحت موسكو التي صوتت ضد القرار، بالانسحاب»: a relative clause after the speaker.
        let rel_at = if j + 1 < send && list[j].punct().is_some_and(|c| matches!(c, '،' | ',')) {
            j + 1
        } else {
            j
        };
        // «قال المصدر الذي رفض الكشف عن اسمه «إن ...»»: the clause ends at an opening
        // quotation mark or a complementizer too, where the content starts (one sooner than
        // three words in belongs to the clause: «التي سبق لها أن»، «التي سبق وأن»).
        if subject.is_some()
            && rel_at < send
            && list[rel_at].is_exactly(Class::Relative)
            && let Some(m) = (rel_at + 1..send.min(rel_at + 14)).find(|&m| {
                list[m].punct().is_some_and(|c| matches!(c, '،' | ','))
                    || self.cx.structure.pair_opened_at(m).is_some_and(|pair| {
                        // A short quotation followed by a complementizer is a name inside the
                        // clause («الذي يعمل في التلفزيون "..."، ... أن»).
                        let close = pair.close.unwrap_or(pair.content_end);
                        close - m > 10
                            || !(close..send).any(|c| list[c].is_exactly(Class::Complementizer))
                    })
                    || list[m].is_exactly(Class::Complementizer)
                        && m >= rel_at + 4
                        && !self.cx.text[list[m].range()].starts_with('و')
                    // «ونوه X الذي يزور المملكة حاليا بجهود ...»: a time word, then the ب-content
                    // of a cue that takes it.
                    || needs == Needs::CompOrPrep
                        && m >= rel_at + 3
                        && list[m - 1].is_exactly(Class::Time)
                        && list[m].has(clitic::BI)
                        && comp_at.is_none()
            })
        {
            j = if list[m].punct().is_some_and(|c| matches!(c, '،' | ',')) {
                m + 1
            } else {
                m
            };
        }
        // Framing between the speaker and the content: up to the complementizer when what
        // lies between is framing (a preposition, ل، time), else the content starts here.
        j = match comp_at {
            Some(c)
                if subject.is_some()
                    || relative.is_some()
                    || before.is_some()
                    || framed
                    || self.demonstrative_subject(j, c) =>
            {
                let after = self.cx.skip_framing(j, send, true);
                let t = &list[after.min(list.len() - 1)];
                // A real complementizer close after the speaker: what lies between is framing
                // or apposition, unless it looks like content (أكد أهمية أن ...).
                let real_comp = list[c].is_word() && c.saturating_sub(after) <= 12;
                // The cue's own preposition opens the content, it is no framing («أعربت X عن
                // وقوفها ... "..."»، «أعرب X عن أمله في أن»), unless a comma closes it off as
                // part of the speaker («مسؤول مطلع على القضية، أن»).
                let own_prep = self.cx.lex.cue_info[hit.form.cue as usize]
                    .preps
                    .iter()
                    .any(|p| p == tokens.bare(after.min(list.len() - 1)))
                    && !(after..c).any(|m| list[m].punct().is_some_and(|p| matches!(p, '،' | ',')));
                if after >= c
                    || after > j && !list[c].is_word() && !own_prep
                    || t.is_exactly(Class::Preposition) && !own_prep
                    || t.is_exactly(Class::Relative)
                    || t.has(clitic::LI)
                    || t.punct().is_some()
                    || real_comp
                        && !t.is(Class::ContentStart)
                        && !t.has(clitic::BI)
                        && !t.is_exactly(Class::CompPreposition)
                    || subject
                        .as_ref()
                        .is_some_and(|p| p.end == j && after == j && c.saturating_sub(j) <= 2)
                {
                    c
                } else {
                    after
                }
            }
            _ => self.cx.skip_framing(j, send, subject.is_some()),
        };
        let opening = match self.opening(j, hit.form, needs) {
            Some(o) => o,
            None => {
                // «"...", قال X»: the cue comes after the quotation.
                let (open, close) = self.quote_just_before(i)?;
                let (speaker, basis) = match subject {
                    Some(p) => (self.cx.resolve(&p, p.start), Basis::SubjectAfter),
                    None => (self.implicit(i, hit.form.agreement)?, Basis::Implicit),
                };
                return self.emit_pair(speaker, i, open, close, basis);
            }
        };
        if needs == Needs::Subject && subject.is_none() && before.is_none() {
            return None;
        }
        // «رفع التعازي»، «قدم شكره»: a courtesy verb reports only a courtesy.
        if courtesy_at.is_some_and(|c| opening.start != c) {
            return None;
        }
        // A greeting, not a statement: «رحب الرئيس بأمير قطر».
        let first = &list[opening.start];
        if !opening.comp
            && first.has(clitic::BI)
            && (first.is(Class::Title) || first.is(Class::Honorific))
        {
            return None;
        }
        let after = subject.is_some();
        let (speaker, basis) = match (subject, before, relative) {
            (Some(p), _, _) | (None, Some(p), _) => {
                let (id, basis) = match self.issuer_of_document(&p) {
                    Some(id) => {
                        self.cx.entities.mention(p.start, id);
                        (id, Basis::Document)
                    }
                    None if after => (self.cx.resolve(&p, p.start), Basis::SubjectAfter),
                    None => (self.cx.resolve(&p, p.start), Basis::SubjectBefore),
                };
                self.cx.entities.agree(id, hit.form.agreement, true);
                (id, basis)
            }
            (None, None, Some(id)) => (id, Basis::Relative),
            (None, None, None) => {
                // «التطورات تشير إلى أن»: a noun right before a verb without و is its own
                // (inanimate) subject, not an implicit speaker.
                let mut k = i;
                while k > 0 && list[k - 1].is_exactly(Class::Particle) {
                    k -= 1;
                }
                if !list[i].has(clitic::CONJ)
                    && !self.topic_before(i)
                    && k > 0
                    && list[k - 1].has(clitic::AL)
                    && !list[k - 1].is_exactly(Class::Time)
                    && !list[k - 1].is(Class::Title)
                    && !list[k - 1].is(Class::OrgHead)
                    && self.cx.structure.quote_of[k - 1] == 0
                {
                    return None;
                }
                (self.implicit(i, hit.form.agreement)?, Basis::Implicit)
            }
        };
        self.emit(speaker, Some(i), opening, basis)
    }

    /// «وتابع الوزير متحدثا خلال برنامج أن»: an indefinite participle of a تفعّل/استفعل verb
    /// (متحدثا، مستطردا، متوجها) says how the speaker spoke; it is no word of a name.
    fn circumstantial_participle(&self, from: usize, limit: usize) -> Option<usize> {
        let list = &self.cx.tokens.list;
        (from..limit.min(from + 6).min(list.len()))
            .take_while(|&m| list[m].is_word())
            .find(|&m| {
                let w = self.cx.tokens.bare(m);
                (w.starts_with("مت") || w.starts_with("مست"))
                    && w.ends_with('ا')
                    && w.chars().count() >= 5
            })
    }

    /// «فسأله الرئيس: "..."»، «أجابه المدير: "..."»: a cue with an object pronoun still reports
    /// when one to three words (its subject), a colon and a quotation follow.
    fn subject_then_colon(&self, from: usize) -> bool {
        let list = &self.cx.tokens.list;
        let words = (from..(from + 3).min(list.len()))
            .take_while(|&m| list[m].is_word() && !list[m].is_exactly(Class::Complementizer))
            .count();
        let colon = from + words;
        // A quotation must open after the colon: «اعتبره خليفة لجده:» then a poem is no report.
        words >= 1
            && list.get(colon).is_some_and(|t| t.punct() == Some(':'))
            && self.cx.structure.pair_opened_at(colon + 1).is_some()
    }

    /// «وعدت بها»، «أشاد به الوزير»: the preposition ب with a pronoun right after the
    /// cue (a relative clause's resumptive object), and no complementizer or colon close after.
    fn resumptive_object(&self, k: usize) -> bool {
        let list = &self.cx.tokens.list;
        k < list.len()
            && list[k].is_word()
            && matches!(self.cx.tokens.bare(k), "به" | "بها" | "بهم" | "بهما")
            && !(k + 1..(k + 5).min(list.len())).any(|m| {
                self.cx.next_opens_content(m) || list[m].punct().is_some_and(is_quote_mark)
            })
    }

    /// A named phrase starting at a title or honorific one to four plain words after `j`.
    fn named_after_description(&self, j: usize, limit: usize) -> Option<Phrase> {
        let list = &self.cx.tokens.list;
        let plain = |m: usize| {
            list[m].is_word()
                && list[m].cue.is_none()
                && !list[m].has(clitic::BI)
                && !list[m].has(clitic::LI)
                && !list[m].has(clitic::CONJ)
                && !list[m].is_exactly(Class::Preposition)
                && !list[m].is_exactly(Class::Complementizer)
        };
        let k = (j + 1..(j + 5).min(limit))
            .take_while(|&m| plain(m))
            .find(|&m| list[m].is(Class::Honorific) || list[m].is(Class::Title))?;
        if !plain(j) {
            return None;
        }
        phrase::parse(&self.cx, k, limit, false).filter(|p| p.strength == Strength::Named)
    }

    /// «قال الجيش في بيان إن ... وأضاف البيان أن»: «البيان» alone is the document the last
    /// speaker issued (its framing used the same noun), so it is that speaker.
    pub(super) fn issuer_of_document(&self, p: &Phrase) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        let head = &list[p.start];
        if p.end - p.start != 1 || !head.has(clitic::AL) || !head.is(Class::FramingNoun) {
            return None;
        }
        let last = self.found.last()?;
        let cue = last.cue?;
        let content = list.partition_point(|t| (t.start as usize) < last.range.start);
        let core = tokens.core(p.start);
        (cue + 1..content)
            .any(|k| list[k].is_word() && tokens.core(k) == core)
            .then_some(last.speaker)
    }

    /// «وأضاف هذا المصدر أن»، «وقال هذا الخبير إن»: a demonstrative and a definite noun right
    /// before the complementizer point back to the speaker already met (found as implicit).
    fn demonstrative_subject(&self, j: usize, comp: usize) -> bool {
        let list = &self.cx.tokens.list;
        comp > j + 1
            && comp <= j + 3
            && matches!(self.cx.tokens.bare(j), "هذا" | "هذه" | "هؤلاء")
            && (j + 1..comp).all(|m| list[m].is_word() && list[m].has(clitic::AL))
    }
}
