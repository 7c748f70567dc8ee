//! Salience: every mention in text order, so that an implicit subject goes to the most recent
//! entity that agrees with the cue's gender and number.

use super::{Entities, Entity};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::Agreement;
use crate::attribution::phrase::{Gender, Number};

impl Entities {
    /// Records a mention of entity `id` at token `at` (for salience).
    pub fn mention(&mut self, at: usize, id: usize) {
        if self.salience.last().is_none_or(|&(p, _)| p <= at) {
            self.salience.push((at, id));
        } else {
            let pos = self.salience.partition_point(|&(p, _)| p <= at);
            self.salience.insert(pos, (at, id));
        }
        let e = &mut self.list[id];
        e.last_seen = e.last_seen.max(at);
    }

    /// Token positions of every entity's mentions (for salience), in text order: names and
    /// descriptions, and the start of each quote's content.
    pub fn positions(&self) -> Vec<Vec<usize>> {
        let mut by_entity = vec![Vec::new(); self.list.len()];
        for &(p, e) in &self.salience {
            by_entity[e].push(p);
        }
        by_entity
    }

    /// Takes back the salience of the mention of entity `id` at token `at`.
    pub fn unmention(&mut self, at: usize, id: usize) {
        if let Some(pos) = self.salience.iter().rposition(|&m| m == (at, id)) {
            self.salience.remove(pos);
        }
    }

    /// Learns gender/number from a verb that agrees with the entity as its subject.
    pub fn agree(&mut self, id: usize, agreement: Agreement, verb_first: bool) {
        let e = &mut self.list[id];
        match agreement {
            Agreement::Fem if e.gender == Gender::Unknown => e.gender = Gender::Fem,
            Agreement::Masc if e.gender == Gender::Unknown => e.gender = Gender::Masc,
            Agreement::Plural if !verb_first => e.number = Number::Plural,
            Agreement::Dual => e.number = Number::Dual,
            _ => {}
        }
    }

    /// The most recent entity before token `at` that agrees with a verb form.
    pub fn salient(
        &self,
        at: usize,
        agreement: Agreement,
        skip: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.salience
            .iter()
            .rev()
            .filter(|&&(p, _)| p < at && !skip(p))
            .map(|&(_, e)| e)
            .find(|&e| agrees(&self.list[e], agreement))
    }
}

/// Does an entity agree with a verb (or participle) form whose subject it would be?
pub fn agrees(e: &Entity, agreement: Agreement) -> bool {
    match agreement {
        Agreement::Masc => e.number == Number::Singular && e.gender != Gender::Fem,
        Agreement::Fem => {
            e.gender == Gender::Fem
                || e.gender == Gender::Unknown && e.kind == SpeakerKind::Org
                || e.number == Number::Plural && e.kind == SpeakerKind::Org
        }
        Agreement::Plural => {
            e.number != Number::Singular && !(e.kind == SpeakerKind::Org && e.gender == Gender::Fem)
        }
        Agreement::Dual => e.number == Number::Dual,
    }
}
