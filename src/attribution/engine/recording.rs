//! Recording a quote: the content range (direct when a quotation closes the clause), the
//! tokens it claims, the speaker's salience; conduits passing on another speaker's words.

use super::{Basis, Engine, Found, Opening};
use crate::attribution::QuoteKind;
use crate::attribution::lexicon::{Class, Tense};
use crate::attribution::phrase;
use crate::attribution::tokens::{Token, clitic};

impl Engine<'_> {
    /// Creates the quote for content opening at `opening`; returns where to go on.
    pub(super) fn emit(
        &mut self,
        speaker: usize,
        cue: Option<usize>,
        opening: Opening,
        basis: Basis,
    ) -> Option<usize> {
        let tokens = self.cx.tokens;
        let structure = self.cx.structure;
        let list = &tokens.list;
        let start = opening.start;
        if start >= list.len() {
            return None;
        }
        if self.nested_report(speaker, start) {
            return Some(start);
        }
        let (range, kind, end_tok) = if let Some(pair) = structure.pair_opened_at(start).copied()
            && let Some(p) = self.cx.narrator_participle_in(start + 1, pair.content_end)
        {
            // «... «CONTENT، معتبرا أنه ...»»: the quotation's words up to the narrator.
            let inner_end = self.cx.trim_end(start + 1, p);
            if inner_end <= start + 1 {
                return None;
            }
            let r = list[start + 1].start as usize..list[inner_end - 1].end as usize;
            (r, QuoteKind::Direct, p)
        } else if let Some(pair) = structure.pair_opened_at(start).copied() {
            // Direct when the quotation closes the clause; else partly quoted.
            let after = pair.close.map_or(pair.content_end, |c| c + 1);
            let clause_end = self.cx.content_end(start, !opening.comp);
            // After «قال:» a closed quotation is the speech; what follows is the narrator's.
            let colon_quote = opening.colon && pair.close.is_some();
            if colon_quote
                || after + 1 >= clause_end
                || clause_end <= after
                || self.only_tail(after, clause_end)
            {
                let inner_end = self.cx.trim_end(start + 1, pair.content_end);
                if inner_end <= start + 1 {
                    return None;
                }
                let r = list[start + 1].start as usize..list[inner_end - 1].end as usize;
                (r, QuoteKind::Direct, after)
            } else {
                let r = list[start].start as usize..list[clause_end - 1].end as usize;
                (r, QuoteKind::Indirect, clause_end)
            }
        } else {
            // After a colon the speaker's own words follow: a time clause (قبل أن) is theirs.
            let end = self.cx.content_end(start, !opening.comp && !opening.colon);
            if end <= start {
                return None;
            }
            let kind = if opening.colon && !opening.comp {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            };
            (
                list[start].start as usize..list[end - 1].end as usize,
                kind,
                end,
            )
        };
        if range.is_empty() {
            return None;
        }
        // A pronoun alone is no content («الأمر الذي نفته دمشق»).
        for c in &mut self.claimed[start..end_tok.min(list.len())] {
            *c = true;
        }
        self.cx.entities.list[speaker].quotes += 1;
        let sentence = structure.sentence_of[start] as usize;
        self.current = Some((sentence, speaker));
        self.cx.entities.mention(start, speaker);
        self.found.push(Found {
            speaker,
            cue,
            kind,
            range,
            basis,
        });
        Some(end_tok)
    }

    /// A direct quote: the inside of the pair `open`..`close`, credited to `speaker`.
    pub(super) fn emit_pair(
        &mut self,
        speaker: usize,
        cue: usize,
        open: usize,
        close: usize,
        basis: Basis,
    ) -> Option<usize> {
        let list = &self.cx.tokens.list;
        let inner_end = self.cx.trim_end(open + 1, close);
        if inner_end <= open + 1 || self.claimed[open + 1] {
            return None;
        }
        let range = list[open + 1].start as usize..list[inner_end - 1].end as usize;
        for c in &mut self.claimed[open + 1..close] {
            *c = true;
        }
        self.cx.entities.list[speaker].quotes += 1;
        let sentence = self.cx.structure.sentence_of[cue] as usize;
        self.current = Some((sentence, speaker));
        self.found.push(Found {
            speaker,
            cue: Some(cue),
            kind: QuoteKind::Direct,
            range,
            basis,
        });
        Some(cue + 1)
    }

    /// «قالت وكالة ... إن رئاسة الأركان أكدت أن ...»: a conduit passing on another speaker's
    /// words; the inner report is credited instead (the caller goes on from the content).
    pub(super) fn nested_report(&self, speaker: usize, start: usize) -> bool {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        if !self.is_conduit(speaker, false) {
            return false;
        }
        let send = cx.sentence_end(start);
        (start + 1..(start + 10).min(send)).any(|k| {
            list[k]
                .cue
                .is_some_and(|h| matches!(h.form.tense, Tense::Past | Tense::Present))
                && !list[k].has(clitic::CONJ)
                && (k + 1..(k + 5).min(send)).any(|m| list[m].is_exactly(Class::Complementizer))
                && phrase::parse(cx, start, k, true).is_some_and(|p| p.end >= k.saturating_sub(2))
        })
    }

    /// Is the entity a conduit (agency, spokesman, unnamed source) by its first form, or, with
    /// `by_role`, by its role («أحمد X، المتحدث باسم الوزارة»)?
    pub(super) fn is_conduit(&self, speaker: usize, by_role: bool) -> bool {
        let list = &self.cx.tokens.list;
        let e = &self.cx.entities.list[speaker];
        let head_is_conduit = |start: usize| {
            let head = list.partition_point(|t| (t.start as usize) < start);
            head < list.len() && list[head].is(Class::Conduit)
        };
        let role_has_conduit = |r: &std::ops::Range<usize>| {
            let from = list.partition_point(|t| (t.start as usize) < r.start);
            list[from..]
                .iter()
                .take_while(|t| (t.end as usize) <= r.end)
                .any(|t| t.is(Class::Conduit) && t.is(Class::Title))
        };
        head_is_conduit(e.forms.first().map_or(e.name.start, |f| f.start))
            || by_role && e.role.as_ref().is_some_and(role_has_conduit)
    }

    /// Between a closing mark and the clause end only framing or punctuation: «"..." في إشارة».
    pub(super) fn only_tail(&self, from: usize, to: usize) -> bool {
        let list = &self.cx.tokens.list;
        if (from..to).all(|k| !list[k].is_word())
            || self.cx.phrase_at(from, Class::ContentBoundary).is_some()
        {
            return true;
        }
        // «"..." وكان الحزب قد ...»: the narrator goes on with a new clause.
        if from < to && list[from].is_exactly(Class::Kana) && list[from].has(clitic::CONJ) {
            return true;
        }
        // «"..."، إذ كان ...»، «"..."، فيما ...»: the narrator goes on after a comma.
        let comma = from < to && list[from].punct().is_some_and(|c| matches!(c, '،' | ','));
        comma
            && from + 1 < to
            && (list[from + 1].is_exactly(Class::QuotationTail)
                || self.cx.phrase_at(from + 1, Class::NarratorTail).is_some()
                || self.cx.phrase_at(from + 1, Class::Opener).is_some())
    }
}

/// The word ends in an attached pronoun (ه as written, not ة): «تفهمه»، «أمله».
pub(in crate::attribution) fn ends_with_pronoun(text: &str, t: &Token) -> bool {
    let word = &text[t.range()];
    let letters: Vec<char> = word
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .collect();
    let n = letters.len();
    n >= 4 && letters[n - 1] == 'ه' && !(letters[n - 2] == 'ل' && letters[n - 3] == 'ل')
        || n >= 5 && letters[n - 2..] == ['ه', 'ا']
}
