//! Finding the entity a mention refers to: the same form, a name sharing its words (spelling
//! variants included), a description whose words an entity has, or the only named holder of a
//! title.

use super::{Entities, Entity, word_key};
use crate::attribution::SpeakerKind;
use crate::attribution::phrase::{Number, Phrase};
use crate::attribution::tokens::Tokens;

impl Entities {
    /// Do the words of tokens `s..e` all belong to one known entity?
    pub fn describes(&self, tokens: &Tokens, s: usize, e: usize) -> bool {
        let words: Vec<String> = (s..e)
            .filter(|&k| tokens.list[k].is_word())
            .map(|k| word_key(tokens, k))
            .collect();
        self.by_words(&words, Number::Singular, true).is_some()
    }

    pub(super) fn by_form(&self, key: &str) -> Option<usize> {
        self.most_recent(|e| e.form_keys.iter().any(|k| k == key))
    }

    pub(super) fn by_name(&self, keys: &[String]) -> Option<usize> {
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

    /// `person_ok`: the description may name a person. One not headed by a title
    /// («الخارجية الفرنسية») is an organisation, even when a minister's role holds its words.
    pub(super) fn by_words(
        &self,
        words: &[String],
        number: Number,
        person_ok: bool,
    ) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        self.most_recent(|e| {
            (person_ok || e.kind != SpeakerKind::Person)
                && (e.number == number
                    || number == Number::Singular
                        && e.number == Number::Plural
                        && e.kind == SpeakerKind::Org)
                && words.iter().all(|w| e.words.contains(w))
        })
    }

    /// «المبعوث الأممي» after «X، مبعوث الأمين العام»: a short definite description headed by a
    /// title names the one named person whose forms hold that title, when there is only one.
    /// «ماتي» after «رئيس بعثة ... الى تونس، أمين ماتي» (parsed as a description without a
    /// name): a bare name of one or two words that ends the only such description is its name.
    pub(super) fn by_trailing_name(&self, phrase: &Phrase, keys: &[String]) -> Option<usize> {
        if phrase.role.is_some() || keys.is_empty() || keys.len() > 2 {
            return None;
        }
        let tail = keys.join(" ");
        let mut holders = (0..self.list.len()).filter(|&e| {
            let e = &self.list[e];
            !e.has_name
                && e.form_keys.iter().any(|f| {
                    // Not «المتحدث باسم رئيس X»: that name is the principal's.
                    f.len() > tail.len()
                        && f.ends_with(&tail)
                        && f[..f.len() - tail.len()].ends_with(' ')
                        && !f.split(' ').any(|w| w == "باسم")
                })
        });
        let first = holders.next()?;
        holders.next().is_none().then_some(first)
    }

    pub(super) fn most_recent(&self, mut pred: impl FnMut(&Entity) -> bool) -> Option<usize> {
        (0..self.list.len())
            .filter(|&e| pred(&self.list[e]))
            .max_by_key(|&e| (self.list[e].last_seen, e))
    }
}

pub(super) fn close_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 4 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    // One insertion or deletion (تشيرنوف/شيرنوف، ويلكنز/ولكنز).
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

#[cfg(test)]
mod tests {
    use super::close_spelling;

    #[test]
    fn spelling_variants() {
        assert!(close_spelling("تشيرنوف", "شيرنوف"));
        assert!(close_spelling("ويلكنز", "ولكنز"));
        assert!(!close_spelling("محمد", "احمد"));
        assert!(!close_spelling("عمر", "عمرو"));
    }
}
