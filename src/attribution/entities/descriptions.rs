//! Descriptions tied to a named person: the name set next to a description in the article
//! («المدير الفني الدكتور X»، «X، المدير الفني»), the only named person holding every word of a
//! description (in its forms or around its name), the only holder of a title. Used by `coref.rs`.

use std::ops::Range;

use super::coref::{WordIndex, genders_agree, relative, speaks_for_a_title, token_span};
use super::{Entities, word_key};
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::Class;
use crate::attribution::phrase::Number;
use crate::attribution::tokens::{Tokens, clitic};

impl Entities {
    /// A person named by a real name: its name does not start with a title or the article.
    pub(super) fn is_named_person(&self, tokens: &Tokens, e: usize) -> bool {
        let e = &self.list[e];
        if e.kind != SpeakerKind::Person || !e.has_name || e.number != Number::Singular {
            return false;
        }
        let (s, end) = token_span(tokens, &e.name);
        s < end && {
            let t = &tokens.list[s];
            t.is_word() && !t.has(clitic::AL) && !t.is(Class::Title) && !t.is(Class::Honorific)
        }
    }

    /// A person met only as a definite description or a title phrase
    /// («الملحق الثقافي»، «مدير الإعلام»), never with a name of its own; not a spokesman for a
    /// titled principal («المتحدث باسم رئيس الوزراء X»: X is the principal).
    pub(super) fn is_description(&self, tokens: &Tokens, d: usize) -> bool {
        let e = &self.list[d];
        e.kind == SpeakerKind::Person
            && e.role.is_none()
            && e.forms.iter().all(|f| {
                let (s, end) = token_span(tokens, f);
                s < end && {
                    let t = &tokens.list[s];
                    (t.has(clitic::AL) || t.is(Class::Title)) && !speaks_for_a_title(tokens, f)
                }
            })
    }

    /// The named person a description is set next to somewhere in the article: «DESC [honorific
    /// or a short complement] NAME» or «NAME، DESC». `None` when none or several.
    pub(super) fn apposed_name(&self, index: &WordIndex, d: usize) -> Option<usize> {
        let tokens = index.tokens;
        let list = &tokens.list;
        let mut found: Option<usize> = None;
        let mut fits = |p: usize| -> bool {
            if p == d
                || !self.is_named_person(tokens, p)
                || !genders_agree(&self.list[d], &self.list[p])
            {
                return true;
            }
            match found {
                Some(q) if q != p => false,
                _ => {
                    found = Some(p);
                    true
                }
            }
        };
        for key in &self.list[d].form_keys {
            let words: Vec<&str> = key.split(' ').collect();
            for (i, j) in index.occurrences(&words) {
                // After: «DESC [complement] NAME» within eight words, with no verb, cue,
                // complementizer or conjunction between; a one-word name must end the phrase
                // (not «... لوكالة البلد الفلانية»): what follows it is no further name word.
                let mut k = if self.list[d].number == Number::Singular {
                    j
                } else {
                    // A group («الأطباء») is no one person's description.
                    list.len()
                };
                let comma_after = k < list.len() && matches!(list[k].punct(), Some('،' | ','));
                if comma_after {
                    k += 1;
                }
                let between = |m: usize| {
                    let t = &list[m];
                    t.is_word()
                        && t.cue.is_none()
                        && !t.has(clitic::CONJ)
                        && !t.is(Class::Complementizer)
                };
                let ends_phrase = |m: usize| {
                    m >= list.len() || {
                        let t = &list[m];
                        !t.is_word()
                            || !between(m)
                            || t.is_exactly(Class::Preposition)
                            || t.has(clitic::AL)
                            || t.has(clitic::BI)
                            || t.has(clitic::LI)
                    }
                };
                // Between: titles, honorifics and a definite complement («في المخابرات
                // الجزائرية»), then at most two words of the name the pass left out («محمد»
                // of «محمد X»); not a verb, an adverb or a preposition other than في.
                let mut name_words = 0;
                while k < list.len().min(j + 9) && between(k) {
                    if let Some((end, p)) = self.known_at(tokens, k)
                        && p != d
                        && self.part_of_name(tokens, p, k, end, name_words == 0)
                        // Right after it, only a title's name («وزير X Y»), not an object
                        // («اتهمت الولايات المتحدة X»).
                        && (k > j + usize::from(comma_after) || list[i].is(Class::Title))
                        && (end >= k + 2 || ends_phrase(end))
                    {
                        if !fits(p) {
                            return None;
                        }
                        break;
                    }
                    let t = &list[k];
                    let complement = t.is(Class::Title)
                        || t.is(Class::Honorific)
                        || t.has(clitic::AL)
                        || t.has(clitic::BI)
                        || t.has(clitic::LI)
                        || tokens.bare(k) == "في";
                    // (Not right after a comma: «، علي X» is a name.)
                    let preposition = t.is_exactly(Class::Preposition)
                        && tokens.bare(k) != "في"
                        && !(comma_after && k == j + 1);
                    // A name word may look definite («إلياس»), not a title or a preposition.
                    let ends_name = t.is(Class::Title)
                        || t.is(Class::Honorific)
                        || t.has(clitic::BI)
                        || t.has(clitic::LI)
                        || tokens.bare(k) == "في";
                    // «للعقيد X»: a name right after a word with ل is that word's object; a
                    // relative clause («، الذي أدار حملة X») is no apposition.
                    let object = t.has(clitic::LI)
                        && list
                            .get(k + 1)
                            .is_some_and(|n| n.is_word() && !n.has(clitic::AL));
                    if preposition
                        || object
                        || relative().iter().any(|w| w == tokens.bare(k))
                        || name_words > 0 && ends_name
                    {
                        break;
                    }
                    if !complement || name_words > 0 {
                        name_words += 1;
                        if name_words > 2 {
                            break;
                        }
                    }
                    k += 1;
                }
                // Before: «NAME، DESC»; a one-word surname needs no comma («يوسف X»).
                let comma = i > 0 && matches!(list[i - 1].punct(), Some('،' | ','));
                let name_end = if comma {
                    i - 1
                } else if words.len() == 1 && !list[i].is(Class::Title) {
                    i
                } else {
                    continue;
                };
                for s in name_end.saturating_sub(4)..name_end {
                    if let Some((end, p)) = self.known_at(tokens, s)
                        && end == name_end
                        && p != d
                        && self.part_of_name(tokens, p, s, end, false)
                    {
                        if !fits(p) {
                            return None;
                        }
                        break;
                    }
                }
            }
        }
        found
    }

    /// Are the words `k..end` the last words of the entity's name, or with `or_first` its first
    /// ones? Not «X بن» out of the middle of «W بن V آل X»; not «W» of «W Z» after unknown name
    /// words or before a description that would then be another surname («W الزيد» ≠ «W Z»).
    fn part_of_name(
        &self,
        tokens: &Tokens,
        p: usize,
        k: usize,
        end: usize,
        or_first: bool,
    ) -> bool {
        let keys = &self.list[p].name_keys;
        let n = end - k;
        let matches = |part: &[String]| {
            (k..end)
                .zip(part)
                .all(|(m, key)| tokens.bare(m) == key || tokens.folded(m) == key)
        };
        n <= keys.len() && (matches(&keys[keys.len() - n..]) || or_first && matches(&keys[..n]))
    }

    /// The only named person holding every word of a description (its title, office, place),
    /// in its forms or around its name in the article («... أن البلدي X مدرب الفريق»). A nisba
    /// adjective matches its noun (اليمني = باليمن).
    pub(super) fn only_holder(
        &self,
        tokens: &Tokens,
        d: usize,
        around: &[Vec<String>],
    ) -> Option<usize> {
        let list = &tokens.list;
        let e = &self.list[d];
        if e.words.is_empty() || e.number != Number::Singular {
            return None;
        }
        // Each word as its stem, or as written without the article: a name's first letter may
        // pass for a clitic («كوريا» stems to «وريا», «لكوريا» to «كوريا»).
        let mut words: Vec<[String; 2]> = Vec::new();
        for f in &e.forms {
            let (s, end) = token_span(tokens, f);
            for k in
                (s..end).filter(|&k| list[k].is_word() && !list[k].is_exactly(Class::Preposition))
            {
                let bare = tokens.bare(k);
                words.push([
                    word_key(tokens, k),
                    bare.strip_prefix("ال").unwrap_or(bare).to_string(),
                ]);
            }
        }
        let mut holders = (0..self.list.len()).filter(|&p| {
            if p == d || !self.is_named_person(tokens, p) || !genders_agree(e, &self.list[p]) {
                return false;
            }
            let has = |w: &str| self.list[p].words.iter().chain(&around[p]).any(|x| x == w);
            words.iter().flatten().count() > 0
                && words.iter().all(|alternatives| {
                    alternatives.iter().any(|w| {
                        has(w)
                            || w.strip_suffix('ي')
                                .is_some_and(|n| n.chars().count() >= 3 && has(n))
                    })
                })
        });
        let first = holders.next()?;
        holders.next().is_none().then_some(first)
    }

    /// «المبعوث الأممي» for «X، مبعوث الأمين العام»: a title with one nisba adjective names the
    /// only entity holding that title, when it is a named person whose title has no nisba
    /// adjective of its own (not «الوزير الفرنسي» for «وزير الخارجية الألماني X»).
    pub(super) fn only_title_holder(&self, tokens: &Tokens, d: usize) -> Option<usize> {
        let list = &tokens.list;
        let (s, e) = token_span(tokens, self.list[d].forms.first()?);
        let words: Vec<usize> = (s..e).filter(|&k| list[k].is_word()).collect();
        // «الفرنسي»: the article, at least four letters, a final ي.
        let nisba = |k: usize| {
            let w = tokens.bare(k);
            w.starts_with("ال") && w.ends_with('ي') && w.chars().count() >= 6
        };
        let [head, adjective] = words[..] else {
            return None;
        };
        if !list[head].is(Class::Title) || !nisba(adjective) || self.list[d].forms.len() > 1 {
            return None;
        }
        let title = word_key(tokens, head);
        let mut holders =
            (0..self.list.len()).filter(|&p| p != d && self.list[p].words.contains(&title));
        let p = holders.next()?;
        if holders.next().is_some()
            || !self.is_named_person(tokens, p)
            || !genders_agree(&self.list[d], &self.list[p])
        {
            return None;
        }
        let role_has_nisba = self.list[p].role.as_ref().is_some_and(|r| {
            let (rs, re) = token_span(tokens, r);
            (rs..re).any(|k| list[k].is_word() && nisba(k))
        });
        (!role_has_nisba).then_some(p)
    }

    /// [`Self::words_around_name`] of every named person (empty for the others), computed once.
    pub(super) fn words_around_names(&self, index: &WordIndex) -> Vec<Vec<String>> {
        (0..self.list.len())
            .map(|p| {
                if self.is_named_person(index.tokens, p) {
                    self.words_around_name(index, p)
                } else {
                    Vec::new()
                }
            })
            .collect()
    }

    /// Stems of the words next to each occurrence of a person's name (four before, six after),
    /// up to punctuation, a reporting verb, a complementizer, a preposition («المبعوث إلى حديث
    /// X» is no description of X), a conjunction or another name.
    fn words_around_name(&self, index: &WordIndex, p: usize) -> Vec<String> {
        let tokens = index.tokens;
        let list = &tokens.list;
        let (s, e) = token_span(tokens, &self.list[p].name);
        let name: Vec<&str> = (s..e)
            .filter(|&k| list[k].is_word())
            .map(|k| tokens.bare(k))
            .collect();
        let stops = |k: usize| {
            let t = &list[k];
            !t.is_word()
                || t.cue.is_some()
                || t.is(Class::Complementizer)
                || t.is_exactly(Class::Preposition)
                || self.known_at(tokens, k).is_some_and(|(_, q)| q != p)
        };
        let mut out = Vec::new();
        for (i, j) in index.occurrences(&name) {
            for k in (i.saturating_sub(4)..i).rev().take_while(|&k| !stops(k)) {
                out.push(word_key(tokens, k));
                if list[k].has(clitic::CONJ) {
                    break;
                }
            }
            for k in
                (j..list.len().min(j + 6)).take_while(|&k| !stops(k) && !list[k].has(clitic::CONJ))
            {
                out.push(word_key(tokens, k));
            }
        }
        out
    }

    /// The name the pass left after a description: «DESC، W1 W2، أن ...» (no article after W1),
    /// or «DESC [complement] W1 W2 أن ...» where the article also uses W1 or W2 alone as a
    /// subject («وقال W1 W2»). The words are of no known class; a later one may look like a cue
    /// («X لوح»).
    pub(super) fn name_after_description(
        &self,
        index: &WordIndex,
        d: usize,
    ) -> Option<Range<usize>> {
        let tokens = index.tokens;
        let list = &tokens.list;
        let e = &self.list[d];
        if e.has_name || e.quotes == 0 || !self.is_description(tokens, d) {
            return None;
        }
        let name_word = |k: usize, first: bool| {
            let t = &list[k];
            t.is_word()
                && t.class == 0
                && (t.cue.is_none() || !first)
                && !t.has(clitic::CONJ)
                && !t.has(clitic::BI)
                && !t.has(clitic::LI)
        };
        // The end of a run of up to three name words starting at `s`.
        let run_end = |s: usize| -> Option<usize> {
            let n = (s..list.len().min(s + 3))
                .take_while(|&m| name_word(m, m == s))
                .count();
            (n > 0).then_some(s + n)
        };
        let opens_content = |k: usize| {
            k < list.len() && (list[k].is(Class::Complementizer) || list[k].punct() == Some(':'))
        };
        let comma = |k: usize| k < list.len() && matches!(list[k].punct(), Some('،' | ','));
        let range = |s: usize, end: usize| list[s].start as usize..list[end - 1].end as usize;
        let evidence = |s: usize, end: usize| (s..end).any(|m| index.used_as_subject(m));
        e.mentions.iter().find_map(|m| {
            let (_, j) = token_span(tokens, m);
            if comma(j) {
                let s = j + 1;
                let end = run_end(s)?;
                let closed = comma(end) && opens_content(end + 1) || opens_content(end);
                // Not «، الواقعة شمال البلاد،»: after the first word, none with the article.
                let plain = (s + 1..end).all(|m| !list[m].has(clitic::AL));
                return (closed && (plain || evidence(s, end))).then(|| range(s, end));
            }
            // A complement after the title: «بأمانة العاصمة المقدسة».
            let mut s = j;
            if s < list.len() && (list[s].has(clitic::BI) || list[s].has(clitic::LI)) {
                s += 1;
                while s < list.len().min(j + 5) && list[s].is_word() && list[s].has(clitic::AL) {
                    s += 1;
                }
            }
            let end = run_end(s)?;
            (opens_content(end) && evidence(s, end)).then(|| range(s, end))
        })
    }
}
