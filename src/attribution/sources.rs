//! Source tails and headlines: «...، بحسب X», «وفقا لما ذكره X», «حسبما قال X», «- كما قالت
//! الوزارة -», «"..."، بحسب تعبير X», «وفق ما نقلت وكالة ... عن X», and «X: ...» crossheads.

use super::QuoteKind;
use super::engine::{Basis, Engine, Found};
use super::lexicon::Class;
use super::phrase::{self, Strength};
use super::structure::is_quote_mark;
use super::tokens::clitic;

impl Engine<'_> {
    /// A post-posed source cue at `i`. Returns where to go on when it was one.
    pub fn source_tail(&mut self, i: usize) -> Option<usize> {
        let tokens = self.cx.tokens;
        let structure = self.cx.structure;
        let list = &tokens.list;
        let send = self.cx.sentence_end(i);
        let word = tokens.bare(i);
        let mut j = i + 1;
        if j >= send {
            return None;
        }
        if word == "كما" {
            // «كما قالت الوزارة»: only inside a sentence, with a cue verb right after.
            let (s0, _) = structure.sentences[structure.sentence_of[i] as usize];
            // «كما قدم الوزير التعازي»: a courtesy goes on the narration, it is no source.
            if i < s0 + 3
                || !list[j]
                    .cue
                    .is_some_and(|h| h.form.tense == super::lexicon::Tense::Past)
                || list[j].is_exactly(Class::CourtesyVerb)
            {
                return None;
            }
            j += 1;
        } else if matches!(tokens.bare(j), "ما" | "لما") {
            j += 2; // «بحسب ما ذكرته»، «وفقا لما ذكره»: the verb after ما.
            if j > send || j > 0 && matches!(tokens.bare(j - 1), "ورد" | "جاء") {
                return None; // «بحسب ما ورد في القائمة»: a document, no speaker.
            }
        } else if word == "حسبما"
            || word == "بحسبما"
            || matches!(
                tokens.core(j),
                "قول" | "تعبير" | "تقدير" | "رواية" | "تصريحات"
            )
        {
            // «حسبما قال X»، «بحسب قول X»: the verb or noun before the speaker.
            j += 1;
        }
        j = j.min(send);
        // «وفق ما نقلت "فرانس برس" الجمعة، عن متحدث»: the relayed speaker.
        if let Some(k) =
            (j..(j + 8).min(send)).find(|&k| list[k].is_word() && tokens.bare(k) == "عن")
            && k > j
            && list[j - 1].is_word()
            && tokens.bare(j - 1).starts_with("نقل")
        {
            j = k + 1;
        }
        if j >= send {
            return None;
        }
        let mut p = phrase::parse_with(&self.cx, j, send, false, true)?;
        // «وبحسب وثائق سرية نشرها موقع ويكيليكس فان ...»: the description runs to فإن.
        if let Some(c) = (p.end..send.min(p.end + 8))
            .find(|&k| matches!(tokens.folded(k), "فان" | "فانه" | "فانها"))
        {
            self.extend_description(&mut p, c);
        } else if p.end < send
            && list[p.end].is_exactly(Class::Preposition)
            && (p.end..send).all(|k| list[k].is_word() && list[k].cue.is_none())
        {
            // «...، بحسب مصدر في الحكومة.»: the description runs to the sentence end.
            self.extend_description(&mut p, send);
        }
        let head = &list[p.start];
        if head.is(Class::Legal) && !head.is(Class::OrgHead) && p.name.is_none()
            || p.strength == Strength::Bare && head.has(clitic::AL) && p.end - p.start > 3
        {
            return None;
        }
        // Rule: a sentence that already holds a quote gets no second one from its source tail.
        let sentence = structure.sentence_of[i];
        let sentence_has_quote = self.found.iter().any(|f| {
            let k = list.partition_point(|t| (t.start as usize) < f.range.start);
            k < list.len() && structure.sentence_of[k] == sentence
        });
        let (s0, _) = structure.sentences[sentence as usize];
        let before_quote = self.quote_just_before(i);
        let mut start = s0;
        while start < i && !list[start].is_word() && !list[start].punct().is_some_and(is_quote_mark)
        {
            start += 1;
        }
        if let Some(end) = self.cx.phrase_at(start, Class::Opener)
            && !matches!(tokens.bare(start), "كما" | "ثم" | "فيما" | "بينما")
        {
            start = end;
            while start < i && !list[start].is_word() {
                start += 1;
            }
        }
        if sentence_has_quote && before_quote.is_none() {
            let id = self.cx.resolve(&p, p.start);
            let _ = id;
            return Some(p.end);
        }
        let id = self.cx.resolve(&p, p.start);
        let (range, kind) = if let Some((open, close)) = before_quote {
            (
                list[open + 1].start as usize..list[close - 1].end as usize,
                QuoteKind::Direct,
            )
        } else if start >= i {
            // Pre-posed: «وبحسب X فإن CONTENT»، «ووفقا لـX، CONTENT».
            let mut k = p.end;
            while k < send && (!list[k].is_word() || list[k].is_exactly(Class::Time)) {
                k += 1;
            }
            if k < send && list[k].is_exactly(Class::Complementizer) {
                k += 1;
            }
            if k >= send {
                return None;
            }
            let end = self.cx.content_end(k, false);
            if end <= k {
                return None;
            }
            (
                list[k].start as usize..list[end - 1].end as usize,
                QuoteKind::Indirect,
            )
        } else {
            // Mid-sentence cue: the whole clause, cue included; else what comes before it.
            let mut rest = p.end;
            while rest < send
                && (list[rest].is_exactly(Class::Time)
                    || !list[rest].is_word()
                    || list[rest].has_digit)
            {
                rest += 1;
            }
            // «، وفقا لما ذكره سكان ... الذين يقيمون قرب الموقع»: a relative clause about the
            // source ends the sentence; the cue is still post-posed.
            if rest < send && list[rest].is_exactly(Class::Relative) {
                rest = send;
            }
            let end = if rest < send {
                // «كما يشكل X، بحسب المحللين، ضربة ...؛ إذ ...»: a semicolon ends the clause.
                (rest..send)
                    .find(|&k| list[k].punct().is_some_and(|c| matches!(c, '؛' | ';')))
                    .map_or(send, |k| self.cx.trim_end(start, k))
            } else {
                self.cx.trim_end(start, i)
            };
            if end <= start {
                return None;
            }
            (
                list[start].start as usize..list[end - 1].end as usize,
                QuoteKind::Indirect,
            )
        };
        if range.is_empty() {
            return None;
        }
        let first = list.partition_point(|t| (t.start as usize) < range.start);
        let last = list.partition_point(|t| (t.end as usize) <= range.end);
        for c in &mut self.claimed[first..last.max(first)] {
            *c = true;
        }
        self.cx.entities.list[id].quotes += 1;
        self.current = Some((sentence as usize, id));
        self.found.push(Found {
            speaker: id,
            cue: Some(i),
            kind,
            range,
            basis: Basis::SourceTail,
        });
        Some(p.end.max(i + 1))
    }

    /// «"..."، بحسب تعبير X»: the pair closing just before the cue (and its comma).
    pub(super) fn quote_just_before(&self, i: usize) -> Option<(usize, usize)> {
        let list = &self.cx.tokens.list;
        let mut k = i;
        while k > 0 && list[k - 1].punct().is_some_and(|c| matches!(c, '،' | ',')) {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        let close = k - 1;
        let pair = self
            .cx
            .structure
            .pairs
            .iter()
            .find(|p| p.close == Some(close))?;
        // Only when the quotation is the sentence's content (it starts the sentence) or the cue
        // names the wording (بحسب تعبير).
        let sentence = self.cx.structure.sentences[self.cx.structure.sentence_of[i] as usize];
        let wording = i + 1 < list.len() && matches!(self.cx.tokens.core(i + 1), "تعبير" | "قول");
        (pair.open <= sentence.0 + 1 || wording).then_some((pair.open, close))
    }

    /// «X: ...» at the start of a paragraph, X a known speaker.
    pub fn colon_headline(&mut self, i: usize) {
        let tokens = self.cx.tokens;
        let structure = self.cx.structure;
        let list = &tokens.list;
        let para = structure.paragraphs[structure.paragraph_of[i] as usize];
        if i == para.0 || i - para.0 > 5 {
            return;
        }
        if self.cx.known_name_at(para.0) != Some(i) {
            if !self.deferred_headlines.contains(&i) {
                self.deferred_headlines.push(i);
            }
            return;
        }
        let end = self.cx.trim_end(i + 1, para.1);
        if end <= i + 1 {
            return;
        }
        let Some(p) = phrase::parse(&self.cx, para.0, i, true) else {
            return;
        };
        let id = self.cx.resolve(&p, p.start);
        let range = list[i + 1].start as usize..list[end - 1].end as usize;
        for c in &mut self.claimed[i + 1..end] {
            *c = true;
        }
        self.cx.entities.list[id].quotes += 1;
        self.found.push(Found {
            speaker: id,
            cue: None,
            kind: QuoteKind::Direct,
            range,
            basis: Basis::Headline,
        });
    }
}
