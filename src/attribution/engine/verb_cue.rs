//! Verb cues (قال، أكدت، يقول ...): the speaker after the verb, before it, before a relative
//! pronoun or implicit, then the content.

use super::{Basis, Engine};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::{Agreement, Class, Needs};
use crate::attribution::phrase::{self, Phrase, Strength};
use crate::attribution::tokens::{CueHit, clitic};

impl Engine<'_> {
    /// A verb cue: قال، أكدت، يقول ...
    pub(super) fn verb(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        if hit.object && !self.cx.next_opens_content(i + 1) && !self.prep_follows(i + 1, hit.form) {
            return None; // «أدانه ماكرون»: the content is only a pronoun.
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
        let send = self.cx.sentence_end(i);
        let relative = self.relative_before(i);
        let before = if relative.is_none() {
            self.subject_before(i)
        } else {
            None
        };
        let mut j = self.cx.skip_framing(i + 1, send, false);
        let framed = j > i + 1 && list[i + 1].is_word();
        let comp_at = self.comp_ahead(j, send);
        let mut subject: Option<Phrase> = None;
        let needs = self.needs_of(hit.form);
        if relative.is_none() && before.is_none() && self.may_start_subject(j, needs) {
            let lenient = comp_at.is_some();
            if let Some(mut p) = phrase::parse(&self.cx, j, comp_at.unwrap_or(send), lenient)
                && self.accept_subject(&p, hit.form.agreement, lenient)
                && (!framed || p.strength >= Strength::Described)
            {
                if let Some(c) = comp_at {
                    self.extend_description(&mut p, c);
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
        // «لوحت موسكو التي صوتت ضد القرار، بالانسحاب»: a relative clause after the speaker.
        let rel_at = if j + 1 < send && list[j].punct().is_some_and(|c| matches!(c, '،' | ',')) {
            j + 1
        } else {
            j
        };
        if subject.is_some()
            && rel_at < send
            && list[rel_at].is_exactly(Class::Relative)
            && let Some(m) = (rel_at + 1..send.min(rel_at + 14))
                .find(|&m| list[m].punct().is_some_and(|c| matches!(c, '،' | ',')))
        {
            j = m + 1;
        }
        // Framing between the speaker and the content: up to the complementizer when what
        // lies between is framing (a preposition, ل، time), else the content starts here.
        j = match comp_at {
            Some(c) if subject.is_some() || relative.is_some() || before.is_some() || framed => {
                let after = self.cx.skip_framing(j, send, true);
                let t = &list[after.min(list.len() - 1)];
                // A real complementizer close after the speaker: what lies between is framing
                // or apposition, unless it looks like content (أكد أهمية أن ...).
                let real_comp = list[c].is_word() && c.saturating_sub(after) <= 12;
                if after >= c
                    || after > j && !list[c].is_word()
                    || t.is_exactly(Class::Preposition)
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
}
