//! Where reported content starts and ends.
//!
//! Content ends with its sentence (quotation marks opened inside it carry it further), before a
//! participial cue that starts a new quote, before a new reporting clause («، وقال»، «لكن موسكو
//! تؤكد»), before a source tail («، بحسب ...») and before journalist additions («في إشارة إلى»).

use super::Context;
use super::lexicon::{Class, Needs, Tense};
use super::structure::is_quote_mark;
use super::tokens::{CueHit, clitic};

impl Context<'_> {
    /// End (exclusive) of the sentence holding token `i`, before its final stop.
    pub fn sentence_end(&self, i: usize) -> usize {
        let Some(&k) = self.structure.sentence_of.get(i) else {
            return self.tokens.len();
        };
        let k = k as usize;
        let (_, end) = self.structure.sentences[k];
        self.trim_end(i, end)
    }

    /// Moves `end` back over trailing punctuation (not over a closing mark of a pair that
    /// opened at or after `start`).
    pub fn trim_end(&self, start: usize, mut end: usize) -> usize {
        let list = &self.tokens.list;
        while end > start {
            let t = &list[end - 1];
            match t.punct() {
                Some(c) if is_quote_mark(c) => {
                    let closes_inside = self
                        .structure
                        .pair_closed_at(end - 1)
                        .is_some_and(|p| p.open >= start);
                    if closes_inside {
                        break;
                    }
                    end -= 1;
                }
                Some(')') => {
                    if (start..end - 1).any(|k| list[k].punct() == Some('(')) {
                        break;
                    }
                    end -= 1;
                }
                Some('!' | '?' | '؟') if end - 1 > start => break,
                Some(_) => end -= 1,
                None if t.kind == super::tokens::Kind::Break => end -= 1,
                None => break,
            }
        }
        end
    }

    /// Does a phrase of the given class start at token `i`? Returns its end.
    pub fn phrase_at(&self, i: usize, class: Class) -> Option<usize> {
        let list = &self.tokens.list;
        if i >= list.len() || !list[i].is_word() {
            return None;
        }
        for first in [self.tokens.folded(i), self.tokens.bare(i)] {
            for (words, bits) in self.lex.phrases(first) {
                if bits & class.bit() == 0 {
                    continue;
                }
                let mut k = i + 1;
                let mut ok = true;
                for w in &words[1..] {
                    while k < list.len() && list[k].punct().is_some_and(|c| c == '-') {
                        k += 1;
                    }
                    if k < list.len() && list[k].is_word() && self.tokens.folded(k) == w {
                        k += 1;
                    } else {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    return Some(k);
                }
            }
        }
        (self.tokens.list[i].is_exactly(class)).then_some(i + 1)
    }

    /// A cue at `k` that starts a new quote inside content (participle, «و» + verb after a
    /// comma, a verb with an object pronoun and its own content).
    fn new_clause_cue(&self, k: usize, content_start: usize) -> bool {
        let list = &self.tokens.list;
        let t = &list[k];
        let Some(hit) = t.cue else { return false };
        let prev_punct = k > 0
            && list[k - 1]
                .punct()
                .is_some_and(|c| matches!(c, '،' | ',' | '؛' | ';'));
        match hit.form.tense {
            Tense::Participle => {
                k > content_start
                    && !hit.object
                    && !self.adjectival_participle(k)
                    && self.cue_allowed_here(k)
                    && (list[k - 1].punct().is_none_or(|c| !is_quote_mark(c))
                        // «وإن "..." مشددة على أن»: after a closed quotation, with content of
                        // its own.
                        || self.structure.pair_closed_at(k - 1).is_some()
                            && (self.next_opens_content(k + 1)
                                || self.own_prep_at(hit, k + 1)
                                || self.addressee_then_comp(k + 1)))
            }
            Tense::Past | Tense::Present => {
                // «، وقد أشاد»، «، وإن أكدت»: a particle or إن with و before the verb counts as
                // its و.
                let conj_before = list[k - 1].is_exactly(Class::Particle)
                    && list[k - 1].has(clitic::CONJ)
                    || list[k - 1].is_exactly(Class::Complementizer)
                        && self.tokens.folded(k - 1).starts_with('و');
                let conj = t.has(clitic::CONJ) || conj_before;
                let prev_punct = prev_punct
                    || k >= 2
                        && conj_before
                        && list[k - 2].punct().is_some_and(|c| matches!(c, '،' | ','));
                // «... وقال وزير الخارجية»: a new speaker named after the verb.
                let named = k + 1 < list.len()
                    && (list[k + 1].is(Class::Title) && !list[k + 1].has(clitic::BI)
                        || list[k + 1].is(Class::Honorific))
                    && !list[k + 1].has(clitic::CONJ);
                // «، وتعتبر حاملة للفيروس»: a verb that reports only with a complementizer
                // (يعتبر، يرى) and has none near is the passive or a plain verb.
                let info = &self.lex.cue_info[hit.form.cue as usize];
                let needs = if hit.form.tense == Tense::Present {
                    info.needs_present
                } else {
                    info.needs
                };
                let comp_near = (k + 1..(k + 10).min(list.len()))
                    .take_while(|&m| {
                        !list[m]
                            .punct()
                            .is_some_and(|c| matches!(c, '،' | ',' | '.' | '؛' | ';'))
                    })
                    .any(|m| {
                        list[m].is_exactly(Class::Complementizer)
                            || list[m].punct() == Some(':')
                            || self.structure.pair_opened_at(m).is_some()
                    });
                (conj || prev_punct)
                    && (needs != Needs::Comp || comp_near)
                    && !self.idle_courtesy_verb(k)
                    && k > content_start
                    && self.cue_allowed_here(k)
                    && (prev_punct && conj
                        || hit.object && self.next_opens_content(k + 1)
                        || conj && self.next_opens_content(k + 1)
                        // «... وقال "..."»: a quotation of its own.
                        || conj && self.structure.pair_opened_at(k + 1).is_some()
                        || conj && named
                        // «وبينما أعرب X عن ...، قال الوزير إن»: after a comma, a verb with a
                        // titled subject and its complementizer is the main clause.
                        || prev_punct && named && comp_near)
            }
            // A verbal noun inside content (والقول إن ...) is more often the speaker's own
            // embedded speech than a new quote: it does not split the content.
            Tense::Noun => false,
        }
    }

    /// «... قد تستهدف القوات حسب قول الناطق باسم الوزارة»: a source cue followed by the word for
    /// what was said or by a speaker's head noun ends the content even without a comma.
    fn source_tail_without_comma(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let t = &list[k];
        if !t.is_exactly(Class::SourceCue) || self.tokens.bare(k) == "كما" || k + 1 >= list.len()
        {
            return false;
        }
        let n = &list[k + 1];
        n.is_word()
            && (matches!(self.tokens.core(k + 1), "قول" | "تعبير" | "رواية")
                || (n.is(Class::Title) || n.is(Class::OrgHead) || n.is(Class::Group))
                    && !n.is(Class::Legal)
                    && !n.has(clitic::BI))
    }

    /// «فيما ذكرت وكالة أنباء X أن»: a complementizer a few words after a cue, with only a
    /// speaker phrase (no punctuation, no other cue) between.
    fn comp_after_subject(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let limit = self.sentence_end(k.min(list.len().saturating_sub(1)));
        (k..(k + 7).min(limit))
            .take_while(|&m| list[m].is_word() && list[m].cue.is_none())
            .any(|m| {
                m > k
                    && list[m].is_exactly(Class::Complementizer)
                    && !list[m].has(clitic::CONJ)
                    && (list[k].is(Class::OrgHead)
                        || list[k].is(Class::Title)
                        || list[k].is(Class::Group)
                        || list[k].is(Class::InfoSource))
            })
    }

    /// The token after a cue opens content: a complementizer, a preposition of the cue, ب or :
    pub fn next_opens_content(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        if k >= list.len() {
            return false;
        }
        let t = &list[k];
        t.is_exactly(Class::Complementizer)
            || t.punct() == Some(':')
            || t.is_exactly(Class::CompPreposition)
                && k + 1 < list.len()
                && list[k + 1].is_exactly(Class::Complementizer)
    }

    /// Is the word at `k` one of the cue's own prepositions («مشددا على»، «مشيرا إلى»)?
    fn own_prep_at(&self, hit: CueHit, k: usize) -> bool {
        k < self.tokens.list.len()
            && self.tokens.list[k].is_word()
            && self.lex.cue_info[hit.form.cue as usize]
                .preps
                .iter()
                .any(|p| p == self.tokens.bare(k))
    }

    /// «سائلا الله تعالى أن»: a few plain words (the addressee) and then a complementizer.
    fn addressee_then_comp(&self, from: usize) -> bool {
        let list = &self.tokens.list;
        (from..(from + 4).min(list.len()))
            .take_while(|&m| {
                list[m].is_word()
                    && list[m].cue.is_none()
                    && !list[m].has(clitic::CONJ)
                    && !list[m].has(clitic::LI)
            })
            .any(|m| m > from && list[m].is_exactly(Class::Complementizer))
    }

    /// Is the cue at `k` usable at all (lexicon `needs` aside)? Not inside quotation marks, and
    /// not a preposition spelled like a cue.
    pub fn cue_allowed_here(&self, k: usize) -> bool {
        self.structure.quote_of[k] == 0 && !self.preposition_homograph(k)
    }

    /// «الشراكة عبر المحيط», «التعاون بين البلدين»: a cue spelled like a preposition (عبّر، بيّن)
    /// right after a word, without و/ف and without its own preposition or a complementizer
    /// next, is the preposition. After a particle or an opener («كما عبر»، «من جانبه عبر») it
    /// stays a verb.
    pub fn preposition_homograph(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let t = &list[k];
        let Some(hit) = t.cue else { return false };
        if !t.is_exactly(Class::Preposition) || t.has(clitic::CONJ) || k == 0 {
            return false;
        }
        let prev = &list[k - 1];
        if !prev.is_word()
            || prev.is_exactly(Class::Particle)
            || prev.is_exactly(Class::Opener)
            || prev.is_exactly(Class::Kana)
            || (k.saturating_sub(4)..k - 1).any(|s| self.phrase_at(s, Class::Opener) == Some(k))
        {
            return false;
        }
        let next = k + 1;
        let own_prep = next < list.len()
            && list[next].is_word()
            && self.lex.cue_info[hit.form.cue as usize]
                .preps
                .iter()
                .any(|p| p == self.tokens.bare(next));
        // Only for a cue that needs a complementizer anyway (بين): «عبر حسابه أن» is «via».
        let comp_cue = self.lex.cue_info[hit.form.cue as usize].needs == Needs::Comp;
        !(own_prep || self.next_opens_content(next) || comp_cue && self.subject_then_comp(next))
    }

    /// «وفي السياق نفسه بين المدير أنه ...»: a title, up to four words without «و» and then a
    /// complementizer; the preposition «بين» would join two nouns with «و» instead.
    fn subject_then_comp(&self, from: usize) -> bool {
        let list = &self.tokens.list;
        let words = (from..(from + 5).min(list.len()))
            .take_while(|&m| {
                list[m].is_word()
                    && !list[m].has(clitic::CONJ)
                    && !list[m].is_exactly(Class::Complementizer)
            })
            .count();
        // A title first: «التنسيق بين الوكالات أن»، «الفرق بين الأسرتين أن» are prepositions.
        if from >= list.len() || !(list[from].is(Class::Title) || list[from].is(Class::Honorific)) {
            return false;
        }
        let comp = from + words;
        // «عبر المحيط إلا أن ...» is «but», not a complementizer.
        words >= 1
            && comp < list.len()
            && list[comp].is_exactly(Class::Complementizer)
            && !matches!(self.tokens.bare(comp - 1), "الا" | "غير" | "بيد")
    }

    /// End (exclusive) of content starting at token `start`. `nominal`: the content has no
    /// complementizer (it is a noun phrase or a preposition's object), so time clauses end it.
    pub fn content_end(&self, start: usize, nominal: bool) -> usize {
        let list = &self.tokens.list;
        let limit = self.sentence_end(start);
        let mut k = start;
        while k < limit {
            let t = &list[k];
            if let Some(c) = t.punct() {
                if is_quote_mark(c)
                    && let Some(pair) = self.structure.pair_opened_at(k)
                {
                    if let Some(p) = self.narrator_participle_in(k + 1, pair.content_end)
                        && k > start
                    {
                        return self.trim_end(start, p);
                    }
                    k = pair.content_end.max(k + 1);
                    continue;
                }
                if matches!(c, '،' | ',' | '-' | '–' | '—') && k + 1 < limit {
                    let n = k + 1;
                    if list[n].is_exactly(Class::SourceCue) && !self.tokens.bare(n).eq("كما") {
                        return self.trim_end(start, k);
                    }
                    // «...، غير أن الوكالة لم تتحقق»: the narrator's own clause.
                    if self.phrase_at(n, Class::NarratorTail).is_some() {
                        return self.trim_end(start, k);
                    }
                    // «بأنه "..."، حيث تتساءل ...»: after a closed quotation the narrator goes on.
                    if list[n].is_exactly(Class::QuotationTail)
                        && self.structure.pair_closed_at(k - 1).is_some()
                    {
                        return self.trim_end(start, k);
                    }
                    if self.tokens.folded(n) == "كما" && n + 1 < limit && list[n + 1].cue.is_some()
                    {
                        // «- كما قالت الوزارة -» in mid-sentence: the caller keeps the clause.
                    }
                    if list[n].is_exactly(Class::Relative)
                        && n + 1 < limit
                        && list[n + 1].cue.is_some_and(|h| h.form.tense != Tense::Noun)
                        && !self.idle_courtesy_verb(n + 1)
                    {
                        return self.trim_end(start, k);
                    }
                }
                k += 1;
                continue;
            }
            if k > start {
                if self.source_tail_without_comma(k) {
                    return self.trim_end(start, k);
                }
                if self.new_clause_cue(k, start) {
                    // «، وإن أكدت»، «وكذلك التشديد»: the و-word before the cue goes with the new
                    // clause.
                    let before = &list[k - 1];
                    let cut = if k - 1 > start
                        && (before.is_exactly(Class::Complementizer)
                            && self.tokens.folded(k - 1).starts_with('و')
                            || before.has(clitic::CONJ) && before.is_exactly(Class::Time))
                    {
                        k - 1
                    } else {
                        k
                    };
                    return self.trim_end(start, cut);
                }
                if let Some(end) = self.phrase_at(k, Class::ContentBoundary) {
                    // «... على حد قوله، ولن يقبل ...»: a wording cue inside a going-on sentence
                    // belongs to the clause (GUIDE rule 7), unless it follows a quotation.
                    let wording = (k..end).any(|m| {
                        let w = self.tokens.bare(m);
                        w.starts_with("قول") || w.starts_with("تعبير")
                    });
                    let goes_on = end + 1 < limit
                        && list[end].punct().is_some_and(|c| matches!(c, '،' | ','))
                        && list[end + 1].is_word();
                    if wording && goes_on && !list[k - 1].punct().is_some_and(is_quote_mark) {
                        k = end;
                        continue;
                    }
                    let time_clause = matches!(
                        self.tokens.bare(k),
                        "عندما" | "حينما" | "حين" | "قبل" | "بعد"
                    ) || list[k].is_exactly(Class::Time);
                    if !time_clause || nominal {
                        return self.trim_end(start, k);
                    }
                }
                // «، لكنه لم يقدم»: the narrator speaks of the speaker again.
                if self.tokens.bare(k).starts_with("لكن")
                    && self.tokens.bare(k).len() > "لكن".len()
                    && list[k - 1].punct().is_some_and(|c| matches!(c, '،' | ','))
                {
                    return self.trim_end(start, k);
                }
                if (self.tokens.bare(k).starts_with("لكن")
                    || matches!(self.tokens.folded(k), "بينما" | "فيما"))
                    && (k + 1..(k + 6).min(limit)).any(|m| {
                        list[m]
                            .cue
                            .is_some_and(|h| matches!(h.form.tense, Tense::Past | Tense::Present))
                            && (self.next_opens_content(m + 1) || self.comp_after_subject(m + 1))
                    })
                {
                    return self.trim_end(start, k);
                }
            }
            k += 1;
        }
        self.trim_end(start, limit)
    }
}
