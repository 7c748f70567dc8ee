//! Who speaks at a cue: the subject after the verb (and where it ends), before it («لكن ترامب
//! قال»، «وكانت بكين قد قالت»), before a relative pronoun («..., الذي أكد»), or implicit (the
//! last salient speaker that agrees with the cue form).

use super::engine::{Engine, ends_with_pronoun};
use super::lexicon::{Agreement, Class, Needs, Tense};
use super::phrase::{self, Phrase, Strength};
use super::structure::is_quote_mark;
use super::tokens::clitic;

impl Engine<'_> {
    /// A description without a name (a group, a source) runs up to the framing before the
    /// complementizer: «مصادر أمنية لم تسمها إن»، «نصرانيون ينحدرون من المدينة ... ان».
    pub(super) fn extend_description(&self, p: &mut Phrase, comp: usize) {
        let list = &self.cx.tokens.list;
        if p.name.is_some() || p.strength != Strength::Described || comp <= p.end {
            return;
        }
        let mut k = p.end;
        while k < comp {
            let t = &list[k];
            let framing = t.is_exactly(Class::Time)
                || t.punct().is_some()
                || t.has(clitic::LI) && t.is(Class::FramingNoun)
                || self.cx.tokens.bare(k) == "ل"
                || t.is_exactly(Class::Preposition)
                    && k + 1 < comp
                    && (list[k + 1].is(Class::FramingNoun) || list[k + 1].is_exactly(Class::Time))
                || t.is_exactly(Class::CompPreposition) && self.cx.tokens.bare(k) != "من"
                || t.is(Class::ContentStart)
                || t.has(clitic::BI)
                || t.cue.is_some();
            if framing {
                break;
            }
            k += 1;
        }
        if k > p.end && k - p.start <= 12 {
            p.end = k;
            if let Some((s, _)) = p.role {
                p.role = Some((s, k));
            }
        }
    }

    /// The first complementizer, colon or opening quotation mark ahead, if only a speaker
    /// phrase and framing can stand before it.
    pub(super) fn comp_ahead(&self, j: usize, send: usize) -> Option<usize> {
        let list = &self.cx.tokens.list;
        let mut k = j;
        while k < send.min(j + 30) {
            let t = &list[k];
            // «قبل أن يعود»، «بعد أن»: أن after a time word opens a time clause, not content.
            let time_clause = k > j
                && matches!(
                    self.cx.tokens.folded(k - 1),
                    "قبل" | "بعد" | "منذ" | "عقب" | "حتي" | "ريثما"
                );
            if t.is_exactly(Class::Complementizer)
                && !t.has(clitic::CONJ)
                && !matches!(self.cx.tokens.folded(k), "وان" | "فان")
                && !time_clause
                || t.punct() == Some(':')
            {
                return Some(
                    if k > j
                        && list[k - 1].is_exactly(Class::CompPreposition)
                        && !list[k - 1].has(clitic::BI)
                    {
                        k - 1
                    } else {
                        k
                    },
                );
            }
            if t.punct().is_some_and(is_quote_mark)
                && let Some(pair) = self.cx.structure.pair_opened_at(k)
            {
                // A short quotation inside the speaker phrase is a name (نقابة "...") when a
                // complementizer follows; else the quotation is the content.
                let close = pair.close.unwrap_or(pair.content_end);
                // «مصادر مطلعة لـ«الصحيفة» عن»: the outlet told, after a separate ل, is framing.
                if k > j && self.cx.tokens.bare(k - 1) == "ل" && pair.close.is_some() {
                    k = close + 1;
                    continue;
                }
                if close - k <= 10
                    && let Some(later) = self.comp_ahead(close + 1, send)
                    && list[later].is_word()
                {
                    return Some(later);
                }
                return (k > j).then_some(k);
            }
            if t.cue.is_some_and(|h| {
                matches!(
                    h.form.tense,
                    Tense::Past | Tense::Present | Tense::Participle
                )
            }) && !t.is(Class::Title)
                && k > j
                && !self.cx.preposition_homograph(k)
            {
                return None;
            }
            if t.is_exactly(Class::Relative) {
                // «X، الذي يتولى المفاوضات، إن»: a relative clause set off by commas.
                let comma_before =
                    k > j && list[k - 1].punct().is_some_and(|c| matches!(c, '،' | ','));
                match (k + 1..send.min(k + 14))
                    .find(|&m| list[m].punct().is_some_and(|c| matches!(c, '،' | ',')))
                {
                    Some(m) if comma_before => {
                        k = m + 1;
                        continue;
                    }
                    _ => return None,
                }
            }
            if t.punct().is_some_and(|c| matches!(c, '.' | '؛')) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Can a subject start at `j`? A word with ب starts one only when the cue does not take
    /// ب-content (أشاد بجهود) and the word could be a name (بريطانيا).
    pub(super) fn may_start_subject(&self, j: usize, needs: Needs) -> bool {
        let list = &self.cx.tokens.list;
        if j >= list.len() {
            return false;
        }
        let t = &list[j];
        if t.is_word() && t.has(clitic::BI) && self.cx.known_name_at(j).is_some() {
            return true; // «وتابع بركات»: a known name that starts with ب.
        }
        t.is_word()
            && !t.is_exactly(Class::Complementizer)
            && !t.is_exactly(Class::Preposition)
            && !t.is_exactly(Class::CompPreposition)
            && !t.has(clitic::LI)
            && (!t.has(clitic::BI)
                || t.is(Class::Honorific)
                || phrase::bi_ambiguous(t) && needs == Needs::Any)
            && !t.is_exactly(Class::ContentStart)
            || t.punct() == Some('#')
    }

    /// Is this parse the verb's subject (not its object)?
    pub(super) fn accept_subject(&self, p: &Phrase, agreement: Agreement, lenient: bool) -> bool {
        let list = &self.cx.tokens.list;
        let head = &list[p.start];
        // «وسأل الله أن يحفظ»: God is addressed in a prayer, not reported.
        if self.cx.tokens.bare(p.start) == "الله" {
            return false;
        }
        if p.known.is_some() || p.strength == Strength::Named {
            return !(agreement == Agreement::Masc && head.fem && head.is(Class::Title));
        }
        // A masculine verb right before a feminine noun is not its verb (وطالب المحكمة ...).
        if agreement == Agreement::Masc
            && head.fem
            && !head.is(Class::Title)
            && !head.is(Class::Group)
        {
            return false;
        }
        if p.strength == Strength::Described {
            return true;
        }
        if lenient {
            return true;
        }
        // Bare unknown words: a name when it has no article and is not content-shaped, or
        // when what follows is clearly content («أعلنت الإمارات العربية المتحدة تضامنها»).
        let next_is_content = p.end < list.len() && {
            let n = &list[p.end];
            n.is(Class::ContentStart)
                || n.is_exactly(Class::Complementizer)
                || n.is_word() && ends_with_pronoun(self.cx.text, n) && !n.has(clitic::BI)
        };
        !head.fem
            && !ends_with_pronoun(self.cx.text, head)
            && (!head.has(clitic::AL) && p.end - p.start <= 3
                || next_is_content && p.end - p.start <= 4)
    }

    /// «القرار رقم 12، الذي يطالب بـ»: the relative's antecedent ends in a number, a numbered
    /// document or law, which the engine does not quote (nor should it pick a speaker nearby).
    pub(super) fn relative_after_number(&self, i: usize) -> bool {
        let list = &self.cx.tokens.list;
        let mut k = i;
        while k > 0 && list[k - 1].is_exactly(Class::Particle) && i - k < 2 {
            k -= 1;
        }
        if k == 0 || !list[k - 1].is_exactly(Class::Relative) {
            return false;
        }
        let mut end = k - 1;
        while end > 0
            && list[end - 1]
                .punct()
                .is_some_and(|c| matches!(c, '،' | ','))
        {
            end -= 1;
        }
        end > 0
            && self.cx.text[list[end - 1].range()]
                .chars()
                .any(|c| c.is_numeric())
    }

    /// «..., الذي أكد»، «التي قال فيها»: the entity just before the relative pronoun.
    pub(super) fn relative_before(&mut self, i: usize) -> Option<usize> {
        let list = &self.cx.tokens.list;
        let mut rel = i;
        while rel > 0 && list[rel - 1].is_exactly(Class::Particle) && i - rel < 2 {
            rel -= 1;
        }
        if rel == 0 || !list[rel - 1].is_exactly(Class::Relative) {
            return None;
        }
        let rel = rel - 1;
        // The antecedent phrase ends just before the relative (and its comma).
        let mut end = rel;
        while end > 0
            && list[end - 1]
                .punct()
                .is_some_and(|c| matches!(c, '،' | ','))
        {
            end -= 1;
        }
        let agreement = list[i]
            .cue
            .map(|h| h.form.agreement)
            .unwrap_or(Agreement::Masc);
        let from = end.saturating_sub(10);
        // «في لقاء للرئيس X الذي أعرب»: failing a plain antecedent, one with ل.
        for allow_li_first in [false, true] {
            for (start, t) in list.iter().enumerate().take(end).skip(from) {
                if allow_li_first && !t.has(clitic::LI) {
                    continue;
                }
                if let Some(p) = phrase::parse_with(&self.cx, start, end, false, allow_li_first)
                    && p.end == end
                    && p.strength >= Strength::Described
                {
                    let id = self.cx.resolve(&p, p.start);
                    if super::entities::agrees(&self.cx.entities.list[id], agreement) {
                        return Some(id);
                    }
                }
            }
        }
        self.cx.entities.salient(i, agreement, |_| false)
    }

    /// «وعن X، قال:»، «وحول X قال إن»: the sentence opens with a prepositional topic phrase
    /// that runs up to the cue, so no noun before the cue is its subject.
    pub(super) fn topic_before(&self, i: usize) -> bool {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let (s0, _) = cx.structure.sentences[cx.structure.sentence_of[i] as usize];
        let first = (s0..i).find(|&k| list[k].is_word());
        first.is_some_and(|k| {
            i - k >= 2
                && i - k <= 14
                && (list[k].is_exactly(Class::Topic) || cx.phrase_at(k, Class::Topic).is_some())
                && list[k].cue.is_none()
                && (k + 1..i).all(|m| {
                    list[m].cue.is_none()
                        && !list[m]
                            .punct()
                            .is_some_and(|c| matches!(c, '.' | ':' | '!' | '?' | '؟'))
                })
        })
    }

    /// A subject before the verb in its clause: «لكن ترامب قال»، «وكانت بكين قد قالت»، «X، الذي
    /// ...، صرح».
    pub(super) fn subject_before(&self, i: usize) -> Option<Phrase> {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let sentence = cx.structure.sentences[cx.structure.sentence_of[i] as usize];
        let mut end = i;
        while end > sentence.0 && list[end - 1].is_exactly(Class::Particle) {
            end -= 1;
        }
        if end == sentence.0 {
            return None;
        }
        // «أما البحرين، فعبرت عن ...»: the topic before the comma; «أما رئيس البعثة X قال:»
        // (no comma, no ف): the phrase up to the verb.
        if cx.tokens.bare(sentence.0) == "اما" {
            let comma = list[end - 1]
                .punct()
                .is_some_and(|c| matches!(c, '،' | ','));
            let phrase_end = if comma { end - 1 } else { end };
            if (comma && list[i].has(clitic::CONJ) || !comma && end == i)
                && let Some(p) = phrase::parse(cx, sentence.0 + 1, phrase_end, true)
                && p.end == phrase_end
                && (comma || p.strength >= Strength::Described)
            {
                return Some(p);
            }
        }
        // Skip a relative clause set off by commas: «X، الذي ...، صرح».
        if list[end - 1]
            .punct()
            .is_some_and(|c| matches!(c, '،' | ','))
        {
            let rel = (sentence.0..end - 1)
                .rev()
                .take(25)
                .find(|&k| list[k].is_exactly(Class::Relative))?;
            end = rel;
            while end > sentence.0
                && list[end - 1]
                    .punct()
                    .is_some_and(|c| matches!(c, '،' | ','))
            {
                end -= 1;
            }
        }
        // «الدول ال12 التي تلتقي ... تؤكد»: the noun before a relative clause or «وهو ...».
        if let Some(rel) = (end.saturating_sub(14).max(sentence.0)..end).find(|&k| {
            list[k].is_exactly(Class::Relative) || matches!(cx.tokens.folded(k), "وهو" | "وهي")
        }) && rel > sentence.0
        {
            end = rel;
        }
        let lo = end.saturating_sub(8).max(sentence.0);
        for start in lo..end {
            let at_clause_start = start == sentence.0
                || list[start - 1]
                    .punct()
                    .is_some_and(|c| matches!(c, '،' | ',' | ':' | '-' | '–'))
                || list[start - 1].is_exactly(Class::Kana)
                || list[start - 1].is_exactly(Class::Complementizer)
                    && matches!(cx.tokens.folded(start - 1), "ان")
                || cx.phrase_at(start - 1, Class::Opener) == Some(start)
                || start >= 2 && cx.phrase_at(start - 2, Class::Opener) == Some(start);
            if !at_clause_start {
                continue;
            }
            if let Some(p) = phrase::parse(cx, start, end, false)
                && p.end == end
                && (p.strength >= Strength::Described
                    || cx.known_name_at(start).is_some()
                    || p.end - p.start <= 3 && !list[start].has(clitic::AL)
                    || self.headline_subject(&p, i))
            {
                return Some(p);
            }
        }
        None
    }

    /// «السعودية تعلن "..."»: a crosshead (a paragraph with no final stop) that opens with one
    /// or two words and a present-tense cue has them as its subject.
    fn headline_subject(&self, p: &Phrase, i: usize) -> bool {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let (para_start, para_end) = cx.structure.paragraphs[cx.structure.paragraph_of[i] as usize];
        let mut last = para_end;
        while last > para_start && list[last - 1].punct().is_some_and(is_quote_mark) {
            last -= 1;
        }
        p.start == para_start
            && p.end == i
            && p.end - p.start <= 2
            && list[i].cue.is_some_and(|h| h.form.tense == Tense::Present)
            && para_end - para_start <= 20
            && !list[last - 1]
                .punct()
                .is_some_and(|c| matches!(c, '.' | '؟' | '?' | '!'))
    }

    /// The subject of an implicit cue: a speaker phrase earlier in the same sentence (the
    /// subject of the verb before: «أصدرت السفارة ... بيانا أكدت فيه»), else the most recent
    /// entity that agrees with the cue form.
    pub(super) fn implicit(&mut self, i: usize, agreement: Agreement) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        let (s0, _) = self.cx.structure.sentences[self.cx.structure.sentence_of[i] as usize];
        let salient = self.cx.entities.salient(i, agreement, |_| false);
        let recent_in_sentence = self.topic_before(i)
            || salient.is_some_and(|e| {
                self.cx.entities.list[e]
                    .mentions
                    .last()
                    .is_some_and(|m| m.start >= list[s0].start as usize)
            });
        if !recent_in_sentence {
            for k in (s0.max(i.saturating_sub(20))..i).rev() {
                let t = &list[k];
                if self.claimed[k] || self.cx.structure.quote_of[k] != 0 {
                    break;
                }
                let head = (t.is(Class::OrgHead) || t.is(Class::Group))
                    && !t.has(clitic::BI)
                    && !t.has(clitic::LI);
                if !head || k > 0 && list[k - 1].is_exactly(Class::Preposition) {
                    continue;
                }
                if let Some(p) = phrase::parse(&self.cx, k, i, false)
                    && p.strength >= Strength::Described
                {
                    let id = self.cx.resolve(&p, p.start);
                    if super::entities::agrees(&self.cx.entities.list[id], agreement) {
                        return Some(id);
                    }
                }
            }
        }
        salient
    }
}
