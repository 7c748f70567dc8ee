//! Framing between a cue, its speaker and the content: time (اليوم الاثنين), medium and occasion
//! (في تصريح صحفي، خلال مؤتمر صحفي، عبر تويتر، لـ«المدينة»، للصحافيين، بكلمة مماثلة), discourse
//! openers (في هذا الصدد) and answers (ردا على سؤال ...).

use super::Context;
use super::lexicon::Class;
use super::phrase::is_adjective;
use super::tokens::clitic;

impl Context<'_> {
    /// Skips framing from token `j` on; returns the first token that is not framing.
    pub fn skip_framing(&self, mut j: usize, limit: usize, _after_subject: bool) -> usize {
        let list = &self.tokens.list;
        while j < limit {
            let t = &list[j];
            if let Some(c) = t.punct() {
                match c {
                    '،' | ',' | '؛' | ';' => j += 1,
                    '(' => {
                        match (j + 1..(j + 6).min(limit)).find(|&k| list[k].punct() == Some(')')) {
                            Some(k) => j = k + 1,
                            None => break,
                        }
                    }
                    // «وأضاف المسؤول - الذي طلب عدم ... - "..."»: a parenthesis between
                    // dashes describes the speaker; the content comes after it.
                    '-' | '–' | '—' if j > 0 && list[j - 1].end < t.start => {
                        match (j + 2..(j + 30).min(limit)).find(|&k| {
                            list[k]
                                .punct()
                                .is_some_and(|c| matches!(c, '-' | '–' | '—'))
                        }) {
                            Some(k) => j = k + 1,
                            None => break,
                        }
                    }
                    _ => break,
                }
                continue;
            }
            if let Some(end) = self.phrase_at(j, Class::Opener)
                && end > j + 1
            {
                j = end;
                continue;
            }
            if t.is_exactly(Class::Time)
                || t.has_digit
                    && t.arabic_letters == 0
                    && j > 0
                    && list[j - 1].is_exactly(Class::Time)
            {
                j += 1;
                continue;
            }
            let bare = self.tokens.bare(j);
            if t.is_exactly(Class::Preposition) && j + 1 < limit && self.framing_follows(j + 1) {
                j = self.skip_framing_phrase(j + 1, limit);
                continue;
            }
            if (t.has(clitic::LI) || t.has(clitic::BI))
                && t.is(Class::FramingNoun)
                && !t.is_exactly(Class::Complementizer)
            {
                j = self.skip_framing_phrase(j, limit);
                continue;
            }
            if bare == "ل" {
                // «لـ «المدينة»»: the outlet after a separate لـ.
                j += 1;
                if j < limit
                    && let Some(pair) = self.structure.pair_opened_at(j)
                {
                    j = pair.close.map_or(pair.content_end, |c| c + 1);
                } else if j < limit {
                    j += 1;
                }
                continue;
            }
            // «وختم بالقول إن ...»، «مشددا بالقول "..."»: "by saying" only restates the cue.
            if bare == "بالقول" {
                j += 1;
                continue;
            }
            if matches!(bare, "ردا" | "تعليقا" | "تعقيبا" | "جوابا") {
                j = self.skip_framing_phrase(j + 1, limit);
                // «ردا على سؤال حول ما إذا كان ...، "نعم ..."»: the question runs to a comma
                // before the quotation that answers it.
                if let Some(k) = (j..(j + 30).min(limit)).find(|&k| {
                    list[k].punct().is_some_and(|c| matches!(c, '،' | ','))
                        && k + 1 < limit
                        && self.structure.pair_opened_at(k + 1).is_some()
                }) && !(j..k).any(|m| list[m].is_exactly(Class::Complementizer))
                {
                    j = k + 1;
                }
                continue;
            }
            break;
        }
        j
    }

    fn framing_follows(&self, k: usize) -> bool {
        let t = &self.tokens.list[k];
        t.is_word()
            && (t.is(Class::FramingNoun)
                || t.is_exactly(Class::Time)
                || matches!(self.tokens.bare(k), "هذا" | "هذه" | "ذات" | "نفس")
                || t.punct() == Some('#'))
    }

    /// Skips the noun phrase of a framing expression starting at `j`.
    fn skip_framing_phrase(&self, mut j: usize, limit: usize) -> usize {
        let list = &self.tokens.list;
        let start = j;
        // Inside the name of an outlet (لوكالة تونس إفريقيا للأنباء).
        let mut in_medium = false;
        while j < limit && j < start + 12 {
            let t = &list[j];
            if let Some(c) = t.punct() {
                if c == '#' {
                    j += 1;
                    continue;
                }
                if let Some(pair) = self.structure.pair_opened_at(j)
                    && pair.close.is_some_and(|c| c < j + 6)
                    && j > start
                    && (list[j - 1].has(clitic::LI) || self.tokens.bare(j - 1) == "ل")
                {
                    j = pair.close.map_or(j + 1, |c| c + 1);
                    continue;
                }
                break;
            }
            if t.is_exactly(Class::Complementizer)
                || t.cue.is_some() && j > start && !t.is(Class::FramingNoun)
                || t.is_exactly(Class::Preposition)
                    && !matches!(self.tokens.bare(j), "مع" | "حول" | "بشان")
            {
                break;
            }
            let framing = t.is(Class::FramingNoun)
                || t.is_exactly(Class::Time)
                || is_adjective(self.tokens, j)
                || matches!(
                    self.tokens.bare(j),
                    "هذا" | "هذه" | "ذات" | "نفس" | "له" | "لها" | "به" | "بها"
                );
            let medium = in_medium
                && (t.has(clitic::LI) || !t.has(clitic::AL))
                && !t.is(Class::ContentStart)
                && !t.has(clitic::BI);
            let follows_prep = j > start && list[j - 1].is_exactly(Class::Preposition);
            if framing || medium || follows_prep || j == start {
                in_medium =
                    t.has(clitic::LI) && t.is(Class::FramingNoun) || medium || t.is(Class::OrgHead);
                j += 1;
                continue;
            }
            break;
        }
        j
    }
}
