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
//! Source tails (بحسب X، وفقا لما ذكره X) and relays (نقلت وكالة ... عن X) are in `sources.rs`.

use super::Context;
use super::QuoteKind;
use super::lexicon::{Agreement, Class, CueForm, Needs, Tense};
use super::phrase::{self, Phrase, Strength};
use super::structure::is_quote_mark;
use super::tokens::{CueHit, clitic};

/// A quote found, before speakers are numbered.
#[derive(Debug, Clone)]
pub struct Found {
    pub speaker: usize,
    /// Token index of the cue word.
    pub cue: Option<usize>,
    pub kind: QuoteKind,
    /// Byte range of the content.
    pub range: std::ops::Range<usize>,
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
        if self.claimed[i] || self.cx.structure.quote_of[i] != 0 {
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
        if let Some(hit) = t.cue {
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
        match phrase::parse(&self.cx, i, limit, false) {
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

    fn needs_of(&self, form: CueForm) -> Needs {
        let info = &self.cx.lex.cue_info[form.cue as usize];
        if form.tense == Tense::Present {
            info.needs_present
        } else {
            info.needs
        }
    }

    /// A verb cue: قال، أكدت، يقول ...
    fn verb(&mut self, i: usize, hit: CueHit) -> Option<usize> {
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
                    p.kind = super::SpeakerKind::Org;
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
                let speaker = match subject {
                    Some(p) => self.cx.resolve(&p, p.start),
                    None => self.implicit(i, hit.form.agreement)?,
                };
                return self.emit_pair(speaker, i, open, close);
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
        let speaker = match (subject, before, relative) {
            (Some(p), _, _) | (None, Some(p), _) => {
                let id = match self.issuer_of_document(&p) {
                    Some(id) => {
                        self.cx.entities.mention(p.start, id);
                        id
                    }
                    None => self.cx.resolve(&p, p.start),
                };
                self.cx.entities.agree(id, hit.form.agreement, true);
                id
            }
            (None, None, Some(id)) => id,
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
                self.implicit(i, hit.form.agreement)?
            }
        };
        self.emit(speaker, Some(i), opening)
    }

    /// «قال الجيش في بيان إن ... وأضاف البيان أن»: «البيان» alone is the document the last
    /// speaker issued (its framing used the same noun), so it is that speaker.
    fn issuer_of_document(&self, p: &Phrase) -> Option<usize> {
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

    /// A participle (مؤكدا، مضيفة، قائلين): a new quote of the sentence's speaker, or of the
    /// salient entity that agrees with it.
    fn participle(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        let send = self.cx.sentence_end(i);
        let j = self.cx.skip_framing(i + 1, send, false);
        let opening = self.opening(j, hit.form, self.needs_of(hit.form))?;
        let agreement = hit.form.agreement;
        if let Some(id) = self.embedded_subject(i, agreement) {
            return self.emit(id, Some(i), opening);
        }
        let speaker = match self.current {
            Some((sentence, id))
                if sentence + 1 >= self.cx.structure.sentence_of[i] as usize
                    && super::entities::agrees(&self.cx.entities.list[id], agreement)
                    && !self.newer_subject(i, agreement, id) =>
            {
                id
            }
            _ => self.implicit(i, agreement)?,
        };
        self.emit(speaker, Some(i), opening)
    }

    /// «وأشار المتحدث X إلى أن الوزير Y استهل المشاورات ...، مرحبا بـ»: when a conduit (a
    /// spokesman, an agency) reports what a named person did, a participle right after that
    /// content describes the person (the subject of the nearest verb), not the conduit.
    fn embedded_subject(&mut self, i: usize, agreement: Agreement) -> Option<usize> {
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
        (id != last.speaker && super::entities::agrees(&self.cx.entities.list[id], agreement))
            .then_some(id)
    }

    /// Has another agreeing entity been the subject of a sentence-initial verb since the last
    /// quote («... وقال X. والتفت Y للشيخ X قائلا»)?
    fn newer_subject(&self, i: usize, agreement: Agreement, current: usize) -> bool {
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

    /// A nominal cue: «عن X قوله»، «القول بأن»، «مع تشديده على أن».
    fn noun(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        let send = self.cx.sentence_end(i);
        let j = self.cx.skip_framing(i + 1, send, false);
        if j >= send {
            return None;
        }
        let opens = self.cx.next_opens_content(j)
            || list[j].punct().is_some_and(is_quote_mark)
            || list[j].is_exactly(Class::Complementizer)
            || self.prep_follows(j, hit.form);
        if !opens {
            return None;
        }
        let opening = self.opening(j, hit.form, Needs::CompOrPrep)?;
        // The possessor: «عن X قوله» (X just before), else an attached pronoun, else salience.
        let possessive = tokens.bare(i).len() > tokens.core(i).len()
            || list[i].cue.is_some_and(|h| !h.object) && tokens.bare(i).ends_with('ه');
        let speaker = if let Some(id) = self.relayed_speaker(i) {
            id
        } else {
            let agreement = possessive_agreement(tokens.bare(i));
            let _ = possessive;
            self.implicit(i, agreement)?
        };
        self.emit(speaker, Some(i), opening)
    }

    /// «... عن مصادر أمنية قولها»: the phrase between عن and the nominal cue.
    fn relayed_speaker(&mut self, i: usize) -> Option<usize> {
        let list = &self.cx.tokens.list;
        let from = (i.saturating_sub(12)..i)
            .rev()
            .find(|&k| list[k].is_word() && self.cx.tokens.bare(k) == "عن")?;
        let mut p = phrase::parse(&self.cx, from + 1, i, true)?;
        self.extend_description(&mut p, i);
        if p.end + 3 < i {
            return None;
        }
        Some(self.cx.resolve(&p, p.start))
    }

    /// Is a preposition of this cue (or the clitic ب) next?
    fn prep_follows(&self, k: usize, form: CueForm) -> bool {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        if k >= list.len() || !list[k].is_word() {
            return false;
        }
        let info = &cx.lex.cue_info[form.cue as usize];
        let bare = cx.tokens.bare(k);
        info.preps.iter().any(|p| p == bare)
            || bare == "ب"
            || list[k].has(clitic::BI) && !list[k].is_exactly(Class::Preposition)
            || list[k].has(clitic::LI) && info.preps.iter().any(|p| p == "ل")
            || matches!(bare, "الي" | "علي" | "عن" | "من")
                && info.preps.is_empty()
                && form.tense != Tense::Noun
    }

    /// Where the content starts at `j` (after speaker and framing), if the cue's needs are met.
    pub fn opening(&self, j: usize, form: CueForm, needs: Needs) -> Option<Opening> {
        self.opening_at(j, form, needs)
            .filter(|o| o.start < self.cx.tokens.len())
    }

    fn opening_at(&self, mut j: usize, form: CueForm, needs: Needs) -> Option<Opening> {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let send = cx.sentence_end(j.min(list.len().saturating_sub(1)));
        if j >= list.len() {
            return None;
        }
        let mut colon = false;
        if list[j].punct() == Some(':') {
            colon = true;
            j += 1;
        }
        if j >= list.len() || list[j].kind == super::tokens::Kind::Break {
            return None;
        }
        // Addressee before the complementizer: «قال لمستشاريه إنه»، «أبلغ X أن».
        if list[j].has(clitic::LI)
            && !list[j].is_exactly(Class::Complementizer)
            && j + 1 < send
            && list[j + 1].is_exactly(Class::Complementizer)
        {
            j += 1;
        }
        if list[j].is_exactly(Class::CompPreposition)
            && j + 1 < list.len()
            && list[j + 1].is_exactly(Class::Complementizer)
        {
            return Some(Opening {
                start: j + 2,
                comp: true,
                colon,
            });
        }
        if list[j].is_exactly(Class::Complementizer) {
            return (j + 1 < list.len()).then_some(Opening {
                start: j + 1,
                comp: true,
                colon,
            });
        }
        if colon || list[j].punct().is_some_and(is_quote_mark) {
            return Some(Opening {
                start: j,
                comp: false,
                colon,
            });
        }
        if !list[j].is_word() {
            return None;
        }
        let info = &cx.lex.cue_info[form.cue as usize];
        let bare = cx.tokens.bare(j);
        if bare == "ب" && j + 1 < send && list[j + 1].punct().is_some_and(is_quote_mark) {
            return Some(Opening {
                start: j + 1,
                comp: false,
                colon,
            });
        }
        if info.preps.iter().any(|p| p == bare) && !list[j].has(clitic::CONJ) {
            return (j + 1 < send).then_some(Opening {
                start: j + 1,
                comp: false,
                colon,
            });
        }
        match needs {
            Needs::Comp => None,
            Needs::CompOrPrep if !self.prep_follows(j, form) => None,
            _ => {
                if list[j].is_exactly(Class::Relative) || list[j].is_exactly(Class::Time) {
                    return None;
                }
                Some(Opening {
                    start: j,
                    comp: false,
                    colon,
                })
            }
        }
    }

    /// Creates the quote for content opening at `opening`; returns where to go on.
    fn emit(&mut self, speaker: usize, cue: Option<usize>, opening: Opening) -> Option<usize> {
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
        let (range, kind, end_tok) = if let Some(pair) = structure.pair_opened_at(start).copied() {
            // Direct when the quotation closes the clause; else partly quoted.
            let after = pair.close.map_or(pair.content_end, |c| c + 1);
            let clause_end = self.cx.content_end(start, !opening.comp);
            if after + 1 >= clause_end || clause_end <= after || self.only_tail(after, clause_end) {
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
            let end = self.cx.content_end(start, !opening.comp);
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
        });
        Some(end_tok)
    }

    /// A direct quote: the inside of the pair `open`..`close`, credited to `speaker`.
    fn emit_pair(
        &mut self,
        speaker: usize,
        cue: usize,
        open: usize,
        close: usize,
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
        });
        Some(cue + 1)
    }

    /// «قالت وكالة ... إن رئاسة الأركان أكدت أن ...»: a conduit passing on another speaker's
    /// words; the inner report is credited instead (the caller goes on from the content).
    fn nested_report(&self, speaker: usize, start: usize) -> bool {
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
    fn is_conduit(&self, speaker: usize, by_role: bool) -> bool {
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
    fn only_tail(&self, from: usize, to: usize) -> bool {
        let list = &self.cx.tokens.list;
        (from..to).all(|k| !list[k].is_word())
            || self.cx.phrase_at(from, Class::ContentBoundary).is_some()
    }
}

/// Agreement of a possessive pronoun on a nominal cue (قوله -> he, قولها -> she).
fn possessive_agreement(word: &str) -> Agreement {
    if word.ends_with("هما") {
        Agreement::Dual
    } else if word.ends_with("هم") {
        Agreement::Plural
    } else if word.ends_with("ها") {
        Agreement::Fem
    } else {
        Agreement::Masc
    }
}

/// The word ends in an attached pronoun (ه as written, not ة): «تفهمه»، «أمله».
pub(super) fn ends_with_pronoun(text: &str, t: &super::tokens::Token) -> bool {
    let word = &text[t.range()];
    let letters: Vec<char> = word
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .collect();
    let n = letters.len();
    n >= 4 && letters[n - 1] == 'ه' && !(letters[n - 2] == 'ل' && letters[n - 3] == 'ل')
        || n >= 5 && letters[n - 2..] == ['ه', 'ا']
}
