//! Speakers as entities: alias merging (coreference) and salience for implicit subjects.
//!
//! A mention with a name joins the entity whose name shares its words («الشيخ ثامر» joins «الشيخ
//! ثامر الصباح»; «ستولتنبرغ» joins «ينس ستولتنبرغ»; «أبو زيد» joins «أبوزيد»; a one-letter
//! spelling variant of a long name joins too). A mention without a name (a role or a group) joins
//! the most recent entity whose words contain all of its words («المتحدث», «الوزير الألماني»,
//! «الوزارة», «البيان»), or the entity with the same words.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::SpeakerKind;
use super::lexicon::{Agreement, Class};
use super::phrase::{Gender, Number, Phrase, Strength};
use super::tokens::Tokens;

#[derive(Debug, Clone)]
pub struct Entity {
    /// Byte range of the fullest name (or, without one, of the fullest description).
    pub name: Range<usize>,
    name_words: usize,
    pub role: Option<Range<usize>>,
    pub kind: SpeakerKind,
    pub gender: Gender,
    pub number: Number,
    /// Surface forms (byte ranges), one per distinct folded text.
    pub forms: Vec<Range<usize>>,
    form_keys: Vec<String>,
    name_keys: Vec<String>,
    /// Folded stems of every word of every form (for role-only mentions).
    words: Vec<String>,
    pub mentions: Vec<Range<usize>>,
    pub quotes: usize,
    pub has_name: bool,
    /// Token position of the latest mention (for "most recent" choices).
    last_seen: usize,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Folded name word -> entities having it.
    name_index: FxHashMap<String, Vec<usize>>,
    /// (token position, entity) of every mention, in order of position.
    salience: Vec<(usize, usize)>,
}

/// Key of a name word: folded, without و/ف; hyphens and the like are kept.
fn name_key(tokens: &Tokens, i: usize) -> String {
    tokens.bare(i).to_string()
}

/// Stem key of any word: without clitics; a dual or plural ending on a title is dropped
/// (الوزيرين = الوزيران).
fn word_key(tokens: &Tokens, i: usize) -> String {
    let core = tokens.core(i);
    if tokens.list[i].is(Class::Title) && core.chars().count() >= 5 {
        for end in ["ان", "ين", "ون"] {
            if let Some(stem) = core.strip_suffix(end) {
                return stem.to_string();
            }
        }
    }
    core.to_string()
}

fn close_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 4 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    // One insertion or deletion (تشولغين/شولغين، ويلسون/ولسون).
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() == long.len() {
        return false;
    }
    let mut skipped = false;
    let (mut i, mut j) = (0, 0);
    while i < short.len() && j < long.len() {
        if short[i] == long[j] {
            i += 1;
            j += 1;
        } else if skipped {
            return false;
        } else {
            skipped = true;
            j += 1;
        }
    }
    true
}

impl Entities {
    /// End of the longest known name starting at token `i` (all its words belong to one entity).
    pub fn known_name_at(&self, tokens: &Tokens, i: usize, limit: usize) -> Option<usize> {
        if !tokens.list[i].is_word() {
            return None;
        }
        let word = tokens.bare(i);
        if word.contains('_') {
            // «#سامح_شكري»: a hashtag joins the words of a known name.
            let mut parts = word.split('_').filter(|w| !w.is_empty());
            let ids = self.name_index.get(parts.next()?)?;
            return ids
                .iter()
                .any(|&e| {
                    parts
                        .clone()
                        .all(|w| self.list[e].name_keys.iter().any(|k| k == w))
                })
                .then_some(i + 1);
        }
        let first = self.name_index.get(word)?;
        let mut best = None;
        for &e in first {
            let keys = &self.list[e].name_keys;
            let mut j = i + 1;
            while j < limit.min(i + 6)
                && tokens.list[j].is_word()
                && keys.iter().any(|k| k == tokens.bare(j))
            {
                j += 1;
            }
            if best.is_none_or(|b| j > b) {
                best = Some(j);
            }
        }
        best
    }

    /// A known name at token `i`: its end and its entity (for salience).
    pub fn known_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, usize)> {
        let end = self.known_name_at(tokens, i, tokens.len())?;
        let first = tokens.bare(i).split('_').find(|w| !w.is_empty())?;
        let ids = self.name_index.get(first)?;
        let id = *ids.iter().max_by_key(|&&e| self.list[e].last_seen)?;
        Some((end, id))
    }

    /// The entity a phrase refers to, created when new. `at` = token position of the mention.
    pub fn resolve(&mut self, tokens: &Tokens, phrase: &Phrase, at: usize) -> usize {
        let list = &tokens.list;
        let range =
            (list[phrase.start].start + phrase.lead) as usize..list[phrase.end - 1].end as usize;
        let form_key: String = (phrase.start..phrase.end)
            .filter(|&k| list[k].is_word())
            .map(|k| name_key(tokens, k))
            .collect::<Vec<_>>()
            .join(" ");
        let name_keys: Vec<String> = phrase
            .name
            .map(|(s, e)| {
                // Inside a name, و is a letter of the word (بيتر ولسون), not «and».
                (s..e)
                    .filter(|&k| list[k].is_word())
                    .map(|k| {
                        if k > s {
                            tokens.folded(k).to_string()
                        } else {
                            name_key(tokens, k)
                        }
                    })
                    // «#كمال_ناصر»: the words of a hashtag.
                    .flat_map(|key| {
                        key.split('_')
                            .filter(|w| !w.is_empty())
                            .map(String::from)
                            .collect::<Vec<_>>()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let words: Vec<String> = (phrase.start..phrase.end)
            .filter(|&k| list[k].is_word() && !list[k].is_exactly(Class::Preposition))
            .map(|k| word_key(tokens, k))
            .collect();
        let found = self
            .by_form(&form_key)
            .or_else(|| self.by_name(&name_keys))
            .or_else(|| {
                // «ويلسون» = «ولسون»: the first word's و may be a letter of the name.
                let (s, _) = phrase.name?;
                let t = &list[s];
                (t.has(super::tokens::clitic::CONJ) && name_keys.len() == 1)
                    .then(|| self.by_name(&[tokens.folded(s).to_string()]))
                    .flatten()
            })
            .or_else(|| {
                (name_keys.is_empty()
                    && (list[phrase.start].has(super::tokens::clitic::AL)
                        || phrase.strength == Strength::Described))
                    .then(|| self.by_words(&words, phrase.number))
                    .flatten()
            })
            .or_else(|| self.by_title_head(tokens, phrase));
        let id = match found {
            Some(id) => id,
            None => {
                self.list.push(Entity {
                    name: range.clone(),
                    name_words: 0,
                    role: None,
                    kind: phrase.kind,
                    gender: phrase.gender,
                    number: phrase.number,
                    forms: Vec::new(),
                    form_keys: Vec::new(),
                    name_keys: Vec::new(),
                    words: Vec::new(),
                    mentions: Vec::new(),
                    quotes: 0,
                    has_name: false,
                    last_seen: 0,
                });
                self.list.len() - 1
            }
        };
        let entity = &mut self.list[id];
        if !entity.form_keys.contains(&form_key) {
            entity.form_keys.push(form_key);
            entity.forms.push(range.clone());
        }
        for w in words {
            if !entity.words.contains(&w) {
                entity.words.push(w);
            }
        }
        if let Some((s, e)) = phrase.name {
            let n = name_keys.len();
            let lead = if s == phrase.start { phrase.lead } else { 0 };
            if n > entity.name_words {
                entity.name = (list[s].start + lead) as usize..list[e - 1].end as usize;
                entity.name_words = n;
                entity.has_name = true;
                if phrase.kind == SpeakerKind::Person {
                    entity.kind = SpeakerKind::Person;
                }
            }
            let name_range = (list[s].start + lead) as usize..list[e - 1].end as usize;
            let name_form: String = name_keys.join(" ");
            let entity = &mut self.list[id];
            if !entity.form_keys.contains(&name_form) {
                entity.form_keys.push(name_form);
                entity.forms.push(name_range);
            }
            for k in name_keys {
                if !self.list[id].name_keys.contains(&k) {
                    self.name_index.entry(k.clone()).or_default().push(id);
                    self.list[id].name_keys.push(k);
                }
            }
        } else if !entity.has_name && range.len() > entity.name.len() {
            entity.name = range.clone();
        }
        let entity = &mut self.list[id];
        if entity.role.is_none()
            && let Some((s, e)) = phrase.role
            && phrase.name.is_some()
        {
            entity.role = Some(list[s].start as usize..list[e - 1].end as usize);
        }
        if entity.gender == Gender::Unknown {
            entity.gender = phrase.gender;
        }
        if phrase.number != Number::Singular {
            entity.number = phrase.number;
        }
        entity.mentions.push(range);
        self.mention(at, id);
        id
    }

    /// Do the words of tokens `s..e` all belong to one known entity?
    pub fn describes(&self, tokens: &Tokens, s: usize, e: usize) -> bool {
        let words: Vec<String> = (s..e)
            .filter(|&k| tokens.list[k].is_word())
            .map(|k| word_key(tokens, k))
            .collect();
        self.by_words(&words, Number::Singular).is_some()
    }

    fn by_form(&self, key: &str) -> Option<usize> {
        self.most_recent(|e| e.form_keys.iter().any(|k| k == key))
    }

    fn by_name(&self, keys: &[String]) -> Option<usize> {
        if keys.is_empty() {
            return None;
        }
        let joined: String = keys.concat();
        self.most_recent(|e| {
            if e.name_keys.is_empty() {
                return false;
            }
            let all_in = |a: &[String], b: &[String]| {
                a.iter().all(|x| b.iter().any(|y| close_spelling(x, y)))
            };
            // «أبو زيد» = «أبوزيد»: the same letters with or without a space.
            let spaced =
                |a: &[String], b: &[String]| a.len() > 1 && b.iter().any(|k| *k == a.concat());
            all_in(keys, &e.name_keys)
                || all_in(&e.name_keys, keys)
                || e.name_keys.concat() == joined
                || spaced(keys, &e.name_keys)
                || spaced(&e.name_keys, keys)
        })
    }

    fn by_words(&self, words: &[String], number: Number) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        self.most_recent(|e| {
            (e.number == number
                || number == Number::Singular
                    && e.number == Number::Plural
                    && e.kind == SpeakerKind::Org)
                && words.iter().all(|w| e.words.contains(w))
        })
    }

    /// «المبعوث الأممي» after «X، مبعوث الأمين العام»: a short definite description headed by a
    /// title names the one named person whose forms hold that title, when there is only one.
    fn by_title_head(&self, tokens: &Tokens, phrase: &Phrase) -> Option<usize> {
        let head = &tokens.list[phrase.start];
        if phrase.name.is_some()
            || phrase.end - phrase.start > 3
            || !head.has(super::tokens::clitic::AL)
            || !head.is(Class::Title)
            || phrase.number != Number::Singular
        {
            return None;
        }
        let key = word_key(tokens, phrase.start);
        let mut holders = (0..self.list.len()).filter(|&e| {
            let e = &self.list[e];
            e.has_name && e.words.contains(&key)
        });
        let first = holders.next()?;
        holders.next().is_none().then_some(first)
    }

    fn most_recent(&self, mut pred: impl FnMut(&Entity) -> bool) -> Option<usize> {
        (0..self.list.len())
            .filter(|&e| pred(&self.list[e]))
            .max_by_key(|&e| (self.list[e].last_seen, e))
    }

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

#[cfg(test)]
mod tests {
    use super::close_spelling;

    #[test]
    fn spelling_variants() {
        assert!(close_spelling("تشولغين", "شولغين"));
        assert!(close_spelling("ويلسون", "ولسون"));
        assert!(!close_spelling("محمد", "احمد"));
        assert!(!close_spelling("عمر", "عمرو"));
    }
}
