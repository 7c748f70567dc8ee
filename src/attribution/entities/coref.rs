//! Coreference after the pass: a description, a short name or an anaphor that became a speaker of
//! its own is tied to the one entity it stands for, so that the reader sees one entry per person.
//!
//! Mentions are resolved in text order while the pass runs (`mod.rs`), so a description met
//! before the name it describes, or a surname met before the full name, starts an entity of its
//! own. Once every mention is known, this file decides which entities are one:
//! - the same form but for a parenthesised acronym («وكالة ... (سانا)» = «وكالة ...»);
//! - a short name whose words belong to exactly one longer name («يوسف» → «يوسف X»);
//! - a definite description (title, office) tied to exactly one named person
//!   (`descriptions.rs`);
//! - an anaphor («المصدر نفسه»، «نفس المتحدث») = the source or speaker quoted before it.
//!
//! It also completes a name the pass cut before its surname («X بن Y» + «Z», with «وطالب Z» in the
//! article). When two entities fit, nothing is merged: a quote under a description costs the
//! reader less than a quote under the wrong name. Genders must not clash.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{Entities, Entity, matching::close_spelling, word_key};
use crate::arabic::fold_char;
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::{Class, Tense};
use crate::attribution::phrase::{Gender, Number};
use crate::attribution::tokens::{Tokens, clitic};

const COREFERENCE_TOML: &str = include_str!("../../../assets/lexicon/coreference.toml");

#[derive(Deserialize)]
struct Words {
    anaphoric: Vec<String>,
    relative: Vec<String>,
}

fn words() -> &'static (Vec<String>, Vec<String>) {
    static WORDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: Words = toml::from_str(COREFERENCE_TOML).expect("built-in coreference.toml");
        let fold = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|w| w.chars().filter_map(fold_char).collect())
                .collect()
        };
        (fold(&words.anaphoric), fold(&words.relative))
    })
}

/// The anaphoric words, folded like token text.
fn anaphoric() -> &'static [String] {
    &words().0
}

/// The relative pronouns, folded like token text.
pub(super) fn relative() -> &'static [String] {
    &words().1
}

/// Tokens `s..e` covering a byte range.
pub(super) fn token_span(tokens: &Tokens, r: &Range<usize>) -> (usize, usize) {
    let list = &tokens.list;
    let s = list.partition_point(|t| (t.start as usize) < r.start);
    let e = list.partition_point(|t| (t.start as usize) < r.end);
    (s, e)
}

pub(super) fn genders_agree(a: &Entity, b: &Entity) -> bool {
    a.gender == Gender::Unknown || b.gender == Gender::Unknown || a.gender == b.gender
}

/// Union-find root.
fn root(canon: &[usize], mut e: usize) -> usize {
    while canon[e] != e {
        e = canon[e];
    }
    e
}

/// Which entities are one, and the fuller names found for some.
pub struct Coreference {
    /// For every entity, the entity it stands for (itself when none).
    pub canon: Vec<usize>,
    /// For every entity, its name with a surname the pass left out («يوسف» → «يوسف X»).
    pub full_name: Vec<Option<Range<usize>>>,
}

impl Entities {
    /// Ties every entity to the one it stands for. `quote_starts`: (speaker, byte offset) of
    /// every quote, in text order.
    pub fn coreference(&self, tokens: &Tokens, quote_starts: &[(usize, usize)]) -> Coreference {
        let index = WordIndex::new(tokens);
        let mut canon = self.merges(&index, quote_starts);
        let mut full_name: Vec<Option<Range<usize>>> = vec![None; self.list.len()];
        for e in 0..self.list.len() {
            if let Some(name) = self.with_surname(&index, e) {
                full_name[e] = Some(name);
            } else if let Some(name) = self.name_after_description(&index, e) {
                // «رئيس اللجنة، X Y، ...» then «وبين X Y»: the description is that speaker.
                let (s, end) = token_span(tokens, &name);
                let key: Vec<&str> = (s..end)
                    .filter(|&k| tokens.list[k].is_word())
                    .map(|k| tokens.bare(k))
                    .collect();
                let key = key.join(" ");
                let named = (0..self.list.len())
                    .find(|&o| o != e && canon[o] == o && self.list[o].form_keys.contains(&key));
                match named {
                    Some(o) if canon[e] == e && genders_agree(&self.list[e], &self.list[o]) => {
                        canon[e] = o
                    }
                    _ => full_name[e] = Some(name),
                }
            }
        }
        Coreference {
            canon: (0..canon.len()).map(|e| root(&canon, e)).collect(),
            full_name,
        }
    }

    /// «X Y» where the pass took only «X»: the word after the name is a definite word of no
    /// known class that the article also uses alone as the subject of a reporting verb
    /// («... قال X Y إن ...»، «وأضاف Y»).
    fn with_surname(&self, index: &WordIndex, e: usize) -> Option<Range<usize>> {
        let tokens = index.tokens;
        let list = &tokens.list;
        let entity = &self.list[e];
        if entity.kind != SpeakerKind::Person || !entity.has_name || entity.quotes == 0 {
            return None;
        }
        let (s, end) = token_span(tokens, &entity.name);
        let name_words: Vec<&str> = (s..end)
            .filter(|&k| list[k].is_word())
            .map(|k| tokens.bare(k))
            .collect();
        if name_words.is_empty() || name_words.len() > 3 {
            return None;
        }
        // After a mention ending with the name (the pass's own mentions, no search).
        entity.mentions.iter().find_map(|m| {
            let (_, j) = token_span(tokens, m);
            let i = j.checked_sub(name_words.len())?;
            let ends_with_name = (i..j).zip(&name_words).all(|(k, w)| tokens.bare(k) == *w);
            let t = list.get(j)?;
            (ends_with_name
                && t.is_word()
                && t.has(clitic::AL)
                && !t.has(clitic::CONJ)
                && t.class == 0
                && t.cue.is_none()
                && index.used_as_subject(j))
            .then(|| list[i].start as usize..t.end as usize)
        })
    }

    /// For every entity, the entity it stands for (itself when none).
    fn merges(&self, index: &WordIndex, quote_starts: &[(usize, usize)]) -> Vec<usize> {
        let tokens = index.tokens;
        let n = self.list.len();
        let mut canon: Vec<usize> = (0..n).collect();
        let quoted = |e: usize| self.list[e].quotes > 0;
        // Same form but for a parenthesised acronym: into the first one.
        let bracketed: Vec<(usize, String)> = (0..n)
            .filter(|&a| quoted(a))
            .flat_map(|a| {
                let forms = self.list[a].forms.iter();
                forms.filter_map(move |f| without_brackets(tokens, f).map(|key| (a, key)))
            })
            .collect();
        if !bracketed.is_empty() {
            let mut by_form: FxHashMap<&str, usize> = FxHashMap::default();
            for (e, entity) in self.list.iter().enumerate() {
                for key in &entity.form_keys {
                    by_form.entry(key.as_str()).or_insert(e);
                }
            }
            for (a, key) in &bracketed {
                if let Some(&b) = by_form.get(key.as_str())
                    && b != *a
                {
                    let (ra, rb) = (root(&canon, *a), root(&canon, b));
                    if ra != rb {
                        canon[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        }
        for s in 0..n {
            if !quoted(s) || canon[s] != s {
                continue;
            }
            if let Some(full) = self.full_name_of(tokens, s) {
                canon[s] = root(&canon, full);
            }
        }
        for s in 0..n {
            if quoted(s)
                && canon[s] == s
                && let Some(full) = self.fuller_organisation(tokens, s)
            {
                canon[s] = root(&canon, full);
            }
        }
        let mut around: Option<Vec<Vec<String>>> = None;
        for d in 0..n {
            if !quoted(d) || canon[d] != d {
                continue;
            }
            if !self.is_description(tokens, d) {
                continue;
            }
            let around = around.get_or_insert_with(|| self.words_around_names(index));
            let holder = self
                .apposed_name(index, d)
                .or_else(|| self.only_holder(tokens, d, around))
                .or_else(|| self.only_title_holder(tokens, d));
            if let Some(p) = holder {
                canon[d] = root(&canon, p);
            }
        }
        for a in 0..n {
            if !quoted(a) || canon[a] != a {
                continue;
            }
            if let Some(before) = self.antecedent(tokens, a, quote_starts, &canon) {
                canon[a] = before;
            }
        }
        (0..n).map(|e| root(&canon, e)).collect()
    }

    /// The only longer name holding every word of a short name («X» or «X Y» of «W X Y»), or
    /// the only description ending with it («المتحدث باسم الحكومة X Y»).
    fn full_name_of(&self, tokens: &Tokens, s: usize) -> Option<usize> {
        let short = &self.list[s];
        let keys = &short.name_keys;
        if short.kind != SpeakerKind::Person || keys.is_empty() || keys.len() > 2 {
            return None;
        }
        let tail = format!(" {}", keys.join(" "));
        let mut fulls = (0..self.list.len()).filter(|&f| {
            let full = &self.list[f];
            f != s
                && full.kind == SpeakerKind::Person
                && full.number == Number::Singular
                && genders_agree(short, full)
                && (full.name_keys.len() > keys.len()
                    && self.is_named_person(tokens, f)
                    && keys.iter().all(|k| part_of_name(k, &full.name_keys))
                    && keys.last().is_some_and(|k| ends_name(k, &full.name_keys))
                    || !full.has_name
                        && full.form_keys.iter().zip(&full.forms).any(|(key, form)| {
                            key.ends_with(&tail) && !speaks_for_a_title(tokens, form)
                        }))
        });
        let first = fulls.next()?;
        fulls.next().is_none().then_some(first)
    }

    /// «المصدر نفسه»: the speaker of the quote before the anaphor's first quote.
    fn antecedent(
        &self,
        tokens: &Tokens,
        a: usize,
        quote_starts: &[(usize, usize)],
        canon: &[usize],
    ) -> Option<usize> {
        let list = &tokens.list;
        let e = &self.list[a];
        let anaphoric_at =
            |k: usize| list[k].is_word() && anaphoric().iter().any(|w| w == tokens.bare(k));
        // The head: the first word that is not the anaphoric one, a title or a source
        // («المسؤول»، «المصدر»), not «الشبكة نفسها» (the network itself).
        let head_of = |f: &Range<usize>| {
            let (s, end) = token_span(tokens, f);
            let head = (s..end).find(|&k| list[k].is_word() && !anaphoric_at(k))?;
            ((s..end).any(anaphoric_at)
                && (list[head].is(Class::Title) || list[head].is(Class::Group)))
            .then_some(head)
        };
        let heads: Vec<usize> = e.forms.iter().map(head_of).collect::<Option<_>>()?;
        let person_only = heads.iter().any(|&h| list[h].is(Class::Title));
        let first = quote_starts.iter().position(|&(sp, _)| sp == a)?;
        let earlier = || {
            quote_starts[..first]
                .iter()
                .rev()
                .map(|&(sp, _)| root(canon, sp))
                .filter(move |&sp| {
                    sp != a && (!person_only || self.list[sp].kind == SpeakerKind::Person)
                })
        };
        // «المصدر نفسه»: the last quoted source, else whoever was quoted last.
        let head_words: Vec<String> = heads.iter().map(|&h| word_key(tokens, h)).collect();
        earlier()
            .find(|&sp| head_words.iter().all(|w| self.list[sp].words.contains(w)))
            .or_else(|| earlier().next())
    }
}

/// The key of a form without its bracketed part («وكالة الأنباء (وان)» → «وكالة الأنباء»), when
/// it has one.
fn without_brackets(tokens: &Tokens, form: &Range<usize>) -> Option<String> {
    let (s, e) = token_span(tokens, form);
    let list = &tokens.list;
    if !list[s..e].iter().any(|t| t.punct() == Some('(')) {
        return None;
    }
    let mut depth = 0;
    let mut had = false;
    let mut words = Vec::new();
    for (k, t) in list.iter().enumerate().take(e).skip(s) {
        match t.punct() {
            Some('(') => {
                depth += 1;
                had = true;
            }
            Some(')') => depth = (depth - 1).max(0),
            _ if depth == 0 && t.is_word() => words.push(tokens.bare(k)),
            _ => {}
        }
    }
    (had && !words.is_empty()).then(|| words.join(" "))
}

/// Is a short name's word one of a full name's words, or two of them written together
/// («عبدالله» in «... عبد الله»)?
fn part_of_name(key: &str, full: &[String]) -> bool {
    full.iter().any(|k| close_spelling(key, k))
        || full
            .windows(2)
            .any(|w| w[0].len() + w[1].len() == key.len() && key == w.concat())
}

/// Does a short name end like the full name (its surname, «عبدالله» for «... عبد الله»)? A first
/// name alone («علي» of «محمد علي X») may be someone else's.
fn ends_name(key: &str, full: &[String]) -> bool {
    let n = full.len();
    n > 0 && close_spelling(key, &full[n - 1])
        || n > 1
            && full[n - 2].len() + full[n - 1].len() == key.len()
            && key == full[n - 2..].concat()
}

/// «المتحدث باسم رئيس الوزراء X»: the name after «باسم TITLE» is the principal's, not the
/// spokesman's.
pub(super) fn speaks_for_a_title(tokens: &Tokens, form: &Range<usize>) -> bool {
    let (s, e) = token_span(tokens, form);
    (s..e.saturating_sub(1))
        .any(|k| tokens.bare(k) == "باسم" && tokens.list[k + 1].is(Class::Title))
}

/// Where each word (as written, without و/ف) stands in the article, so that no rule scans the
/// whole article per entity.
pub(super) struct WordIndex<'a> {
    pub(super) tokens: &'a Tokens,
    /// Built on first use: most articles never need it.
    at: OnceCell<FxHashMap<&'a str, Vec<usize>>>,
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(tokens: &'a Tokens) -> WordIndex<'a> {
        WordIndex {
            tokens,
            at: OnceCell::new(),
        }
    }

    fn positions(&self, word: &str) -> &[usize] {
        let at = self.at.get_or_init(|| {
            let tokens = self.tokens;
            let mut at: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
            for k in (0..tokens.len()).filter(|&k| tokens.list[k].is_word()) {
                at.entry(tokens.bare(k)).or_default().push(k);
            }
            at
        });
        at.get(word).map_or(&[], |v| v.as_slice())
    }

    /// Token spans `(i, j)` where the words appear in a row.
    pub(super) fn occurrences(&self, words: &[&str]) -> Vec<(usize, usize)> {
        let (tokens, list) = (self.tokens, &self.tokens.list);
        let Some(first) = words.first() else {
            return Vec::new();
        };
        self.positions(first)
            .iter()
            .copied()
            .filter(|&i| {
                i + words.len() <= list.len()
                    && (1..words.len())
                        .all(|m| list[i + m].is_word() && tokens.bare(i + m) == words[m])
            })
            .map(|i| (i, i + words.len()))
            .collect()
    }

    /// Does the word at token `j` stand elsewhere in the article as the subject of a reporting
    /// verb («وأضاف Z»، «وأكد "Z"»)?
    pub(super) fn used_as_subject(&self, j: usize) -> bool {
        let list = &self.tokens.list;
        let reporting = |k: usize| {
            list[k]
                .cue
                .is_some_and(|h| matches!(h.form.tense, Tense::Past | Tense::Present))
        };
        self.positions(self.tokens.bare(j)).iter().any(|&k| {
            k != j
                && k >= 1
                && (reporting(k - 1) || k >= 2 && list[k - 1].punct().is_some() && reporting(k - 2))
        })
    }
}
