//! Speakers as entities: alias merging (coreference) and salience for implicit subjects.
//!
//! A mention with a name joins the entity whose name shares its words («الشيخ ثامر» joins «الشيخ
//! ثامر الصباح»; «ستولتنبرغ» joins «ينس ستولتنبرغ»; «أبو زيد» joins «أبوزيد»; a one-letter
//! spelling variant of a long name joins too). A mention without a name (a role or a group) joins
//! the most recent entity whose words contain all of its words («المتحدث», «الوزير الألماني»,
//! «الوزارة», «البيان»), or the entity with the same words. The lookups are in `matching.rs`,
//! salience (mentions, agreement, the most recent agreeing entity) in `salience.rs`. After the
//! pass, `coref.rs` (with `descriptions.rs`) ties descriptions, short names and anaphors met
//! before their named entity to it.

use std::ops::Range;

use rustc_hash::FxHashMap;

mod coref;
mod descriptions;
mod matching;
mod organisations;
mod salience;

pub use coref::Coreference;
pub use salience::agrees;

use super::SpeakerKind;
use super::lexicon::Class;
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

/// Whether `word` follows «بن»/«بنت» in a name's keys: alone, it names the father or another
/// person with that first name («X بن W» then «W Z»), not the one named.
fn fathers_name(keys: &[String], word: &str) -> bool {
    keys.windows(2)
        .any(|w| matches!(w[0].as_str(), "بن" | "ابن" | "بنت") && w[1] == word)
}

/// Bytes of a و/ف to leave out of an organisation's name («وجبهة التحرير» -> «جبهة التحرير»).
/// A person's name keeps it: the letter may be part of the name («ويلكنز»).
fn conjunction_bytes(tokens: &Tokens, phrase: &Phrase, s: usize) -> u32 {
    let conj = phrase.kind == SpeakerKind::Org
        && phrase.lead == 0
        && tokens.list[s].has(super::tokens::clitic::CONJ)
        // Only when the word without it is a known word (جبهة، حركة), not «واشنطن».
        && tokens.list[s].exact_class != 0
        && tokens.folded(s).starts_with(['و', 'ف']);
    if conj { 'و'.len_utf8() as u32 } else { 0 }
}

impl Entities {
    /// End of the longest known name starting at token `i` (all its words belong to one entity).
    pub fn known_name_at(&self, tokens: &Tokens, i: usize, limit: usize) -> Option<usize> {
        if !tokens.list[i].is_word() {
            return None;
        }
        let word = tokens.bare(i);
        if word.contains('_') {
            // «#نبيل_حسان»: a hashtag joins the words of a known name.
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
        let first = self.ids_of_name_word(tokens, i)?;
        let mut best = None;
        for &e in first {
            let keys = &self.list[e].name_keys;
            let mut j = i + 1;
            while j < limit.min(i + 6)
                && tokens.list[j].is_word()
                && keys
                    .iter()
                    .any(|k| k == tokens.bare(j) || k == tokens.folded(j))
            {
                j += 1;
            }
            if j == i + 1 && fathers_name(keys, tokens.bare(i)) {
                continue;
            }
            if best.is_none_or(|b| j > b) {
                best = Some(j);
            }
        }
        best
    }

    /// Entities with the name word at token `i`, as written or without و/ف (a surname such as
    /// «فارينوف» is stored with its first letter).
    fn ids_of_name_word(&self, tokens: &Tokens, i: usize) -> Option<&Vec<usize>> {
        self.name_index
            .get(tokens.bare(i))
            .or_else(|| self.name_index.get(tokens.folded(i)))
    }

    /// A known name at token `i`: its end and its entity (for salience).
    pub fn known_at(&self, tokens: &Tokens, i: usize) -> Option<(usize, usize)> {
        let end = self.known_name_at(tokens, i, tokens.len())?;
        let ids = match tokens.bare(i).split('_').find(|w| !w.is_empty())? {
            first if first.len() < tokens.bare(i).len() => self.name_index.get(first)?,
            _ => self.ids_of_name_word(tokens, i)?,
        };
        let id = *ids.iter().max_by_key(|&&e| self.list[e].last_seen)?;
        Some((end, id))
    }

    /// The entity a phrase refers to, created when new. `at` = token position of the mention.
    pub fn resolve(&mut self, tokens: &Tokens, phrase: &Phrase, at: usize) -> usize {
        let list = &tokens.list;
        let lead = phrase.lead + conjunction_bytes(tokens, phrase, phrase.start);
        let range = (list[phrase.start].start + lead) as usize..list[phrase.end - 1].end as usize;
        let form_key: String = (phrase.start..phrase.end)
            .filter(|&k| list[k].is_word())
            .map(|k| name_key(tokens, k))
            .collect::<Vec<_>>()
            .join(" ");
        let name_keys: Vec<String> = phrase
            .name
            .map(|(s, e)| {
                // Inside a name, و is a letter of the word (جاك ولكنز), not «and».
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
                // «ويلكنز» = «ولكنز»: the first word's و may be a letter of the name.
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
                    .then(|| {
                        // A title's genitive («وزير الخارجية» read from «الخارجية») still
                        // describes its holder.
                        let person_ok = phrase.kind == SpeakerKind::Person
                            || list[phrase.start].is(Class::Title)
                            || phrase.start > 0 && list[phrase.start - 1].is(Class::Title);
                        self.by_words(&words, phrase.number, person_ok)
                    })
                    .flatten()
            })
            .or_else(|| self.by_trailing_name(phrase, &name_keys));
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
            let lead = if s == phrase.start { phrase.lead } else { 0 }
                + conjunction_bytes(tokens, phrase, s);
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
}
