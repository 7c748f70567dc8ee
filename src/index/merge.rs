//! Which speakers of different articles are one corpus speaker.
//!
//! The attribution engine gets some aliases wrong (a speaker «X Y تذرّع Z» with aliases X and
//! Z), and a merge that follows every alias chains such mistakes across a corpus until one
//! "speaker" holds a dozen people. So the merge never follows a chain of aliases:
//!
//! - Speakers are grouped by their folded name (the *form*). Two different forms of two words or
//!   more are never joined because some article lists both: they join only when one is the
//!   other with words added, and some article links the two (see [`shorter_form`]).
//! - A one-word name (a surname: ترامب، ماي) joins a full name only when the full name contains
//!   it and is the only one that does: first among the full names its own article gives as its
//!   aliases, else among the full names whose speakers anywhere use the word as an alias. A
//!   description or common noun (الوزير، مصادر، عدد) only joins through its own article; a
//!   common noun of the word lists that joins nothing (البيان، الشركة) is a speaker of its own
//!   article only: the statement of one article is not that of another.
//! - A "name" without two letters («ـ», «_____», «و», «2014») is not a speaker.
//!
//! Every rule looks at sets of forms, never at counts or order, so the grouping is the same
//! however the articles are ordered or repeated.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::SpeakerKeys;
use super::forms::{
    is_common_noun, is_generic, is_name, is_particle, is_title_word, position_in, words_of,
};

/// Longest form (in words) whose inner runs are looked at: longer "names" are engine debris.
const MAX_FORM_WORDS: usize = 16;

/// Which corpus speaker a speaker of one article belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct GroupKey {
    /// The folded full name the group is merged by.
    pub name: String,
    /// For a common noun (البيان، الشركة): the article's fingerprint, since the statement or the
    /// company of one article is not that of another. The same article given twice is one.
    pub article: Option<u64>,
}

/// The group of every node, given with its article's fingerprint (`None`: not a name, left out
/// of the index).
pub(super) fn group_keys(nodes: &[(u64, &SpeakerKeys)]) -> Vec<Option<GroupKey>> {
    let speakers: Vec<&SpeakerKeys> = nodes.iter().map(|(_, s)| *s).collect();
    let forms = Forms::new(&speakers);
    nodes
        .iter()
        .map(|&(article, s)| {
            let key = &s.name_key;
            let (name, article) = if !is_name(key) {
                return None;
            } else if key.contains(' ') {
                (forms.root(key).to_string(), None)
            } else if let Some(full_name) = forms.one_word_group(s) {
                (full_name, None)
            } else {
                (key.clone(), is_common_noun(key).then_some(article))
            };
            Some(GroupKey { name, article })
        })
        .collect()
}

struct Forms<'a> {
    /// Every folded name.
    names: HashSet<&'a str>,
    /// Folded name -> folded aliases its speakers have somewhere.
    aliases: HashMap<&'a str, HashSet<&'a str>>,
    /// A longer form -> the shorter form it is joined to.
    shorter: HashMap<&'a str, String>,
    /// A one-word alias -> the full names (roots) containing it whose speakers use it.
    full_names_of_word: HashMap<&'a str, HashSet<String>>,
}

impl<'a> Forms<'a> {
    fn new(nodes: &[&'a SpeakerKeys]) -> Forms<'a> {
        let mut forms = Forms {
            names: HashSet::default(),
            aliases: HashMap::default(),
            shorter: HashMap::default(),
            full_names_of_word: HashMap::default(),
        };
        for s in nodes.iter().filter(|s| is_name(&s.name_key)) {
            forms.names.insert(&s.name_key);
            let aliases = forms.aliases.entry(&s.name_key).or_default();
            for (_, key) in &s.aliases {
                if *key != s.name_key && is_name(key) {
                    aliases.insert(key);
                }
            }
        }
        let roles: HashSet<String> = nodes.iter().filter_map(|s| s.role_key.clone()).collect();
        let runs: HashMap<&str, Vec<Run>> = (forms.names.iter())
            .map(|&name| (name, forms.linked_runs(name)))
            .filter(|(_, runs)| !runs.is_empty())
            .collect();
        let continuations = continuations(&runs);
        for (&name, runs) in &runs {
            if let Some(shorter) = shorter_form(name, runs, &roles, &continuations) {
                forms.shorter.insert(name, shorter);
            }
        }
        for s in nodes.iter().filter(|s| s.name_key.contains(' ')) {
            let root = forms.root(&s.name_key).to_string();
            let words = words_of(&root);
            for (_, key) in &s.aliases {
                if !key.contains(' ') && words.contains(&key.as_str()) {
                    let full = forms.full_names_of_word.entry(key).or_default();
                    full.insert(root.clone());
                }
            }
        }
        forms
    }

    /// Whether some article links the two forms (one has the other as an alias).
    fn linked(&self, a: &str, b: &str) -> bool {
        self.aliases.get(a).is_some_and(|x| x.contains(b))
            || self.aliases.get(b).is_some_and(|x| x.contains(a))
    }

    /// The inner runs of a form that are forms linked to it.
    fn linked_runs(&self, name: &str) -> Vec<Run> {
        let words = words_of(name);
        if words.len() < 3 || words.len() > MAX_FORM_WORDS {
            return Vec::new();
        }
        let mut runs = Vec::new();
        for start in 0..words.len() {
            for end in start + 2..=words.len() {
                if end - start == words.len() {
                    continue;
                }
                let run = words[start..end].join(" ");
                if self.names.contains(run.as_str()) && self.linked(name, &run) {
                    runs.push(Run { start, end, run });
                }
            }
        }
        runs
    }

    /// The full name a form of two words or more belongs to (itself, or the form it is joined
    /// to, followed down: each step is shorter).
    fn root<'s>(&'s self, mut name: &'s str) -> &'s str {
        while let Some(shorter) = self.shorter.get(name) {
            name = shorter;
        }
        name
    }

    /// The full name a one-word speaker joins, if exactly one fits (see the module comment).
    fn one_word_group(&self, s: &SpeakerKeys) -> Option<String> {
        let word = s.name_key.as_str();
        let own: HashSet<&str> = s
            .aliases
            .iter()
            .filter(|(_, key)| key.contains(' ') && self.names.contains(key.as_str()))
            .map(|(_, key)| self.root(key))
            .filter(|root| position_in(&words_of(root), &[word]).is_some())
            .collect();
        if !own.is_empty() {
            return (own.len() == 1).then(|| own.into_iter().next().unwrap().to_string());
        }
        if is_generic(word) {
            return None;
        }
        match self.full_names_of_word.get(word) {
            Some(full) if full.len() == 1 => full.iter().next().cloned(),
            _ => None,
        }
    }
}

/// A run of words inside a form, itself a form linked to it: words `start..end`.
struct Run {
    start: usize,
    end: usize,
    run: String,
}

/// The words that follow a form inside longer forms linked to it (محمد بن -> سلمان، راشد).
fn continuations<'a>(runs: &'a HashMap<&'a str, Vec<Run>>) -> HashMap<&'a str, HashSet<&'a str>> {
    let mut next: HashMap<&str, HashSet<&str>> = HashMap::default();
    for (&name, runs) in runs {
        let words = words_of(name);
        for run in runs {
            if let Some(&word) = words.get(run.end) {
                next.entry(run.run.as_str()).or_default().insert(word);
            }
        }
    }
    next
}

/// The shorter form a longer form is joined to: a form of two words or more inside it,
/// linked to it by some article, not a job title, and the only such (the longest ones
/// counted). Words before it must be titles (الرئيس التركي رجب طيب أردوغان), since a
/// name before it makes another person (رامي عبد الرحمن is not عبد الرحمن). Words after
/// it are allowed when every longer linked form goes on with the same word and it does not
/// end inside a name (محمد بن سلمان and محمد بن راشد both stay themselves).
fn shorter_form(
    name: &str,
    runs: &[Run],
    roles: &HashSet<String>,
    continuations: &HashMap<&str, HashSet<&str>>,
) -> Option<String> {
    let words = words_of(name);
    let candidates: Vec<&Run> = runs
        .iter()
        .filter(|r| {
            let titles_before = words[..r.start].last().is_none_or(|w| is_title_word(w));
            let one_way_after = r.end == words.len()
                || (continuations
                    .get(r.run.as_str())
                    .is_some_and(|c| c.len() == 1)
                    && !is_particle(words[r.end - 1]));
            !roles.contains(&r.run) && titles_before && one_way_after
        })
        .collect();
    let widest: Vec<&Run> = candidates
        .iter()
        .filter(|r| {
            !candidates.iter().any(|o| {
                o.start <= r.start && r.end <= o.end && (o.start, o.end) != (r.start, r.end)
            })
        })
        .copied()
        .collect();
    match widest.as_slice() {
        [only] => Some(only.run.clone()),
        _ => None,
    }
}
