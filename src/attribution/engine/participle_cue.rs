//! Participial cues (مؤكدا، مضيفة، قائلين): a new quote of the current speaker, of the subject
//! of the nearest verb, or of the salient entity that agrees.

use super::{Basis, Engine};
use crate::attribution::QuoteKind;
use crate::attribution::entities::agrees;
use crate::attribution::lexicon::{Agreement, Class};
use crate::attribution::tokens::CueHit;

impl Engine<'_> {
    /// A participle (مؤكدا، مضيفة، قائلين): a new quote of the sentence's speaker, or of the
    /// salient entity that agrees with it.
    pub(super) fn participle(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        if self.cx.adjectival_participle(i) {
            return None;
        }
        let send = self.cx.sentence_end(i);
        let mut j = self.cx.skip_framing(i + 1, send, false);
        // «مؤكدا في الوقت ذاته، انه ...»: a prepositional phrase set off by a comma before the
        // complementizer is framing.
        let list = &self.cx.tokens.list;
        if j < send
            && list[j].is_exactly(Class::Preposition)
            && let Some(c) = (j + 1..(j + 7).min(send)).find(|&c| {
                list[c].is_exactly(Class::Complementizer)
                    && !self.cx.text[list[c].range()].starts_with('و')
                    && list[c - 1].punct().is_some_and(|p| matches!(p, '،' | ','))
            })
            && (j..c - 1).all(|m| list[m].is_word() && list[m].cue.is_none())
        {
            j = c;
        }
        let opening = self.opening(j, hit.form, self.needs_of(hit.form))?;
        let agreement = hit.form.agreement;
        if let Some(id) = self.embedded_subject(i, agreement) {
            return self.emit(id, Some(i), opening, Basis::Embedded);
        }
        let (speaker, basis) = match self.current {
            Some((sentence, id))
                if sentence + 1 >= self.cx.structure.sentence_of[i] as usize
                    && agrees(&self.cx.entities.list[id], agreement)
                    && !self.newer_subject(i, agreement, id) =>
            {
                (id, Basis::Continuation)
            }
            _ => (self.implicit(i, agreement)?, Basis::Implicit),
        };
        self.emit(speaker, Some(i), opening, basis)
    }

    /// «وأشار المتحدث X إلى أن الوزير Y استهل المشاورات ...، مرحبا بـ»: when a conduit (a
    /// spokesman, an agency) reports what a named person did, a participle right after that
    /// content describes the person (the subject of the nearest verb), not the conduit.
    pub(super) fn embedded_subject(&mut self, i: usize, agreement: Agreement) -> Option<usize> {
        let last = self.found.last()?;
        if !self.is_conduit(last.speaker, true) {
            return None;
        }
        let list = &self.cx.tokens.list;
        let start = list.partition_point(|t| (t.start as usize) < last.range.start);
        let end = list.partition_point(|t| (t.end as usize) <= last.range.end);
        if last.kind != QuoteKind::Indirect
            || start >= end
            || !(end..i).all(|k| !list[k].is_word())
            || !(list[start].is(Class::Title) || list[start].is(Class::Honorific))
        {
            return None;
        }
        // The person must be known already (the name then ends where the known one does) and be
        // followed by their verb inside the content.
        let name_at = (start + 1..(start + 4).min(end))
            .find(|&k| list[k].is_word() && self.cx.known_name_at(k).is_some())?;
        let (name_end, id) = self.cx.entities.known_at(self.cx.tokens, name_at)?;
        if name_end + 1 >= end {
            return None;
        }
        self.cx.entities.mention(name_at, id);
        (id != last.speaker && agrees(&self.cx.entities.list[id], agreement)).then_some(id)
    }

    /// Has another agreeing entity been the subject of a sentence-initial verb since the last
    /// quote («... وقال X. والتفت Y للشيخ X قائلا»)?
    pub(super) fn newer_subject(&self, i: usize, agreement: Agreement, current: usize) -> bool {
        let Some(last) = self.found.last() else {
            return false;
        };
        let structure = self.cx.structure;
        let list = &self.cx.tokens.list;
        let since = list.partition_point(|t| (t.end as usize) <= last.range.end);
        let entities = &self.cx.entities;
        // The subject right after the first word of its sentence (the verb), as a short
        // phrase: a longer one is more likely a misparse running into the object.
        let subject_of_first_verb = |p: usize| {
            let (s0, _) = structure.sentences[structure.sentence_of[p] as usize];
            p == s0 + 1
                && list[s0].is_word()
                && list[s0].class == 0
                && entities.list.iter().any(|e| {
                    e.mentions.iter().any(|m| {
                        m.start == list[p].start as usize
                            && list[p..]
                                .iter()
                                .take_while(|t| (t.end as usize) <= m.end)
                                .count()
                                <= 8
                    })
                })
        };
        entities
            .salient(i, agreement, |p| p < since || !subject_of_first_verb(p))
            .is_some_and(|e| e != current)
    }
}
