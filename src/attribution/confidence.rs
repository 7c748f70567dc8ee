//! How sure the engine is of a quote's speaker: a number from 0 to 1 meant as the share of such
//! quotes that are credited to the right speaker (calibrated on the annotated articles with
//! `tests/eval/calibration.py`).
//!
//! The inputs are how the speaker was found ([`Basis`]: a subject written next to the cue is
//! surer than an implicit one), whether the speaker has a proper name or only a description
//! («المسؤول»), how often the article mentions it, and, for implicit subjects, how many
//! sentences back it was last mentioned or quoted.

use super::engine::{Basis, Found};
use super::structure::Structure;
use super::{Context, Extraction};

/// What is known about one quote's attribution.
#[derive(Debug, Clone, Copy)]
pub struct Clues {
    pub basis: Basis,
    /// The speaker has a proper name, not only a description.
    pub named: bool,
    /// Mentions of the speaker anywhere in the article (by name or description).
    pub mentions: usize,
    /// Sentences since the speaker was last mentioned or quoted before the cue (None: never).
    pub gap: Option<u32>,
}

/// Where each entity was seen (token positions of its mentions and quotes, sorted), to find how
/// far back a speaker was mentioned without scanning the article for every quote.
pub struct Recency {
    seen: Vec<Vec<usize>>,
    mentions: Vec<usize>,
    /// Number of each sentence among those holding a word (a paragraph break is a sentence of
    /// its own in `Structure`, and counts for nothing here).
    sentence_number: Vec<u32>,
}

impl Recency {
    pub fn new(cx: &Context, found: &[Found]) -> Recency {
        let tokens = cx.tokens;
        let token_at = |byte: usize| tokens.list.partition_point(|t| (t.start as usize) < byte);
        let mut seen = cx.entities.positions();
        // A quote's content start is recorded as a mention (its first token, or the quotation
        // mark before it); it is no mention by name, but the speaker was seen there.
        let mut mentions: Vec<usize> = seen.iter().map(Vec::len).collect();
        for f in found {
            // Positions are in text order: is there one at the content start or just before?
            let s = token_at(f.range.start);
            let positions = &seen[f.speaker];
            let from = positions.partition_point(|&p| p + 1 < s);
            if positions.get(from).is_some_and(|&p| p <= s) {
                mentions[f.speaker] = mentions[f.speaker].saturating_sub(1);
            }
        }
        for f in found {
            seen[f.speaker].push(token_at(f.range.end).saturating_sub(1));
        }
        for s in &mut seen {
            s.sort_unstable();
        }
        let mut sentence_number = Vec::with_capacity(cx.structure.sentences.len());
        let mut count = 0;
        for &(s, e) in &cx.structure.sentences {
            sentence_number.push(count);
            if tokens.list[s..e].iter().any(|t| t.is_word()) {
                count += 1;
            }
        }
        Recency {
            seen,
            mentions,
            sentence_number,
        }
    }

    /// Sentences between token `at` and the latest time entity `id` was seen before it.
    fn gap(&self, structure: &Structure, id: usize, at: usize) -> Option<u32> {
        let seen = &self.seen[id];
        let before = seen.partition_point(|&p| p < at);
        let last = *seen.get(before.checked_sub(1)?)?;
        let last_token = structure.sentence_of.len().saturating_sub(1);
        let sentence =
            |k: usize| self.sentence_number[structure.sentence_of[k.min(last_token)] as usize];
        Some(sentence(at).saturating_sub(sentence(last)))
    }

    /// The clues of a found quote.
    pub fn clues(&self, cx: &Context, f: &Found) -> Clues {
        let list = &cx.tokens.list;
        let at = f
            .cue
            .unwrap_or_else(|| list.partition_point(|t| (t.start as usize) < f.range.start));
        Clues {
            basis: f.basis,
            named: cx.entities.list[f.speaker].has_name,
            mentions: self.mentions[f.speaker],
            gap: self.gap(cx.structure, f.speaker, at),
        }
    }
}

/// The confidence of a quote's attribution, from 0 to 1.
///
/// The numbers are the shares of quotes attributed right, per kind of clue, on the annotated
/// articles the rules were not written from (check and train); see `calibration.py`. The
/// strongest clue is a speaker mentioned only once: a subject the article never names again is
/// often a misread phrase, and an implicit subject whose only mention lies sentences back is
/// often someone else.
pub fn of_quote(c: &Clues) -> f32 {
    let repeated = c.mentions >= 2;
    match c.basis {
        Basis::Implicit => match (repeated, c.gap.unwrap_or(u32::MAX)) {
            (true, 0..=1) => 0.7,
            (true, _) => 0.2,
            (false, 0) => 0.6,
            (false, 1) => 0.35,
            (false, _) => 0.15,
        },
        Basis::Continuation | Basis::Embedded => {
            if repeated {
                0.85
            } else {
                0.45
            }
        }
        Basis::SubjectAfter | Basis::Document | Basis::Relayed | Basis::Headline => {
            match (repeated, c.named) {
                (true, true) => 0.85,
                (true, false) => 0.8,
                (false, true) => 0.55,
                (false, false) => 0.65,
            }
        }
        Basis::SubjectBefore | Basis::Relative | Basis::SourceTail => {
            if repeated {
                0.7
            } else {
                0.45
            }
        }
    }
}

impl Extraction {
    /// The extraction without the quotes under `min` confidence, nor the speakers left without
    /// quotes (the others renumbered in the same order).
    pub fn confident(mut self, min: f32) -> Extraction {
        self.quotes.retain(|q| q.confidence >= min);
        let mut number = vec![None; self.speakers.len()];
        let mut quotes = vec![0; self.speakers.len()];
        for q in &self.quotes {
            quotes[q.speaker] += 1;
        }
        let mut kept = 0;
        for (s, n) in quotes.iter().enumerate() {
            if *n > 0 {
                number[s] = Some(kept);
                kept += 1;
            }
        }
        let mut s = 0;
        self.speakers.retain_mut(|speaker| {
            s += 1;
            speaker.quotes = quotes[s - 1];
            quotes[s - 1] > 0
        });
        for q in &mut self.quotes {
            q.speaker = number[q.speaker].expect("a kept quote's speaker is kept");
        }
        self
    }
}
