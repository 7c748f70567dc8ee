//! The pass over one article: every cue, in text order, becomes at most one quote.
//!
//! Patterns (see `assets/lexicon/` for the words):
//! - verb first: CUE [framing] SPEAKER [framing] [COMP] CONTENT, or with the speaker implicit;
//! - speaker first: «SPEAKER (قد) CUE ...», «كان SPEAKER قد CUE», «SPEAKER، الذي ...، CUE»;
//! - relative: «..., الذي أكد أن» credits the noun before;
//! - participles (مؤكدا، مضيفة) start a new quote of the current speaker;
//! - nominal cues: «عن X قوله»، «القول بأن»، «مع تشديده على أن»;
//! - cue after a quotation: «"..."، قال X».
//!
//! This file holds the pass itself; each kind of cue has its own file (`verb_cue`,
//! `participle_cue`, `noun_cue`), `opening` finds where content starts after a cue and
//! `recording` turns it into a quote. Source tails (بحسب X، وفقا لما ذكره X) and relays (نقلت
//! وكالة ... عن X) are in `../sources.rs`, subjects in `../subjects.rs`.

mod noun_cue;
mod opening;
mod participle_cue;
mod recording;
mod verb_cue;

pub(super) use recording::ends_with_pronoun;

use super::Context;
use super::QuoteKind;
use super::lexicon::{Class, CueForm, Needs, Tense};
use super::phrase::{self, Strength};
use super::tokens::clitic;

/// A quote found, before speakers are numbered.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: usize,
    /// Token index of the cue word.
    pub cue: Option<usize>,
    pub kind: QuoteKind,
    /// Byte range of the content.
    pub range: std::ops::Range<usize>,
    /// How the speaker was found (the main input of `../confidence.rs`).
    pub basis: Basis,
}

/// How a quote's speaker was found, from the surest pattern to the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The subject right after the verb: «قال الوزير ...».
    SubjectAfter,
    /// The subject before the cue: «الوزير قال»، «كان الوزير قد قال».
    SubjectBefore,
    /// The noun before a relative: «..., الذي أكد أن».
    Relative,
    /// «وأضاف البيان»: the document of the last speaker.
    Document,
    /// No subject written: the most recent entity that agrees with the cue.
    Implicit,
    /// A participle or nominal cue going on with the sentence's speaker.
    Continuation,
    /// The person a conduit's report was about («..., مرحبا بـ»).
    Embedded,
    /// «عن X قوله».
    Relayed,
    /// «...، بحسب X».
    SourceTail,
    /// «X: ...» at the head of a paragraph.
    Headline,
}

/// Where content begins after a cue and its speaker.
#[derive(Debug, Clone, Copy)]
pub struct Opening {
    /// First token of the content.
    pub start: usize,
    /// A complementizer (or a colon) came first.
    pub comp: bool,
    pub colon: bool,
}

pub struct Engine<'a> {
    pub cx: Context<'a>,
    pub found: Vec<Found>,
    /// Tokens inside content already credited.
    pub claimed: Vec<bool>,
    /// Entity speaking in each sentence's last quote (for participles).
    pub current: Option<(usize, usize)>,
    /// Colons of «X: ...» crossheads whose X was not yet a known speaker.
    pub deferred_headlines: Vec<usize>,
}

impl<'a> Engine<'a> {
    pub fn new(cx: Context<'a>) -> Engine<'a> {
        let n = cx.tokens.len();
        Engine {
            cx,
            found: Vec::new(),
            claimed: vec![false; n],
            current: None,
            deferred_headlines: Vec::new(),
        }
    }

    pub fn run(&mut self) {
        let n = self.cx.tokens.len();
        let mut i = 0;
        while i < n {
            let next = self.step(i);
            i = next.max(i + 1);
        }
        // «X: ...» crossheads whose X is named only further down the article.
        for colon in std::mem::take(&mut self.deferred_headlines) {
            if !self.claimed[colon] {
                self.colon_headline(colon);
            }
        }
    }

    /// Handles token `i`; returns where to go on.
    fn step(&mut self, i: usize) -> usize {
        let list = &self.cx.tokens.list;
        if self.claimed[i] || self.cx.structure.quote_of[i] != 0 && !self.cx.narrator_participle(i)
        {
            return i + 1;
        }
        let t = &list[i];
        if !t.is_word() {
            if t.punct() == Some(':') {
                self.colon_headline(i);
            }
            return i + 1;
        }
        if t.is_exactly(Class::SourceCue)
            && let Some(next) = self.source_tail(i)
        {
            return next;
        }
        if let Some(hit) = t.cue
            && !self.cx.after_passive_auxiliary(i)
        {
            let done = match hit.form.tense {
                Tense::Past | Tense::Present => self.verb(i, hit),
                Tense::Participle => self.participle(i, hit),
                Tense::Noun => self.noun(i, hit),
            };
            if let Some(next) = done {
                return next;
            }
        }
        self.narrative_mention(i)
    }

    /// A titled or honorific-named person outside any quote: remembered for implicit subjects.
    /// A mention after a preposition («والتفت X للشيخ Y قائلا») is no subject: it joins its
    /// entity but does not become salient for implicit subjects.
    fn narrative_mention(&mut self, i: usize) -> usize {
        let list = &self.cx.tokens.list;
        let prepositional = list[i].has(clitic::LI)
            || list[i].has(clitic::BI)
            || i > 0
                && (list[i - 1].is_exactly(Class::Preposition)
                    || (list[i - 1].has(clitic::LI) || list[i - 1].has(clitic::BI))
                        && list[i - 1].has(clitic::AL));
        if let Some((end, id)) = self.cx.entities.known_at(self.cx.tokens, i) {
            if !prepositional {
                self.cx.entities.mention(i, id);
            }
            return end;
        }
        let t = &list[i];
        if !(t.is(Class::Honorific) || t.is(Class::Title)) || t.has(clitic::BI) {
            return i + 1;
        }
        let limit = self.cx.sentence_end(i);
        let parsed = match phrase::parse(&self.cx, i, limit, false) {
            Some(p) if p.name.is_none() => self.titled_apposition(i, limit).or(Some(p)),
            other => other,
        };
        match parsed {
            Some(p) if p.strength == Strength::Named && p.name.is_some() => {
                let id = self.cx.resolve(&p, i);
                if prepositional {
                    self.cx.entities.unmention(i, id);
                }
                p.end
            }
            _ => i + 1,
        }
    }

    /// «السفير فلان الفلاني، مساعد الوزير، ...»: a title, one to three unknown words, a comma and
    /// another title. The words between are the person's name even when no word list knows them.
    fn titled_apposition(&self, i: usize, limit: usize) -> Option<phrase::Phrase> {
        let list = &self.cx.tokens.list;
        let comma = (i + 2..limit.min(i + 5)).find(|&k| !list[k].is_word())?;
        let apposed = list.get(comma + 1)?;
        if !matches!(list[comma].punct(), Some(',' | '،')) || !apposed.is(Class::Title) {
            return None;
        }
        phrase::parse(&self.cx, i, comma, true).filter(|p| p.end == comma)
    }

    fn needs_of(&self, form: CueForm) -> Needs {
        let info = &self.cx.lex.cue_info[form.cue as usize];
        if form.tense == Tense::Present {
            info.needs_present
        } else {
            info.needs
        }
    }
}
