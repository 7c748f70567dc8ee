//! Which speakers of different articles are one corpus speaker.
//!
//! The attribution engine gets some aliases wrong (a speaker «X Y تذرّع Z» with aliases X and
//! Z), and a merge that follows every alias chains such mistakes across a corpus until one
//! "speaker" holds a dozen people. So the merge never follows a chain of aliases:
//!
//! - Speakers are grouped by their folded name (the *form*). Two different forms of two words or
//!   more are never joined because some article lists both: they join only when one is the
//!   other with words added, and some article links the two (see [`shorter_form`]), when one
//!   is the other with a description before it made of words with the article (الرئيس الروسي
//!   X Y is X Y) or a kind of medium (وكالة X is X), or when they are spellings of one name
//!   whose speakers share a job title (see [`merged_spellings`]).
//! - A surname alone (ترامب، الرئيس ترامب) joins a full name holding it: the only one its own
//!   article gives as its aliases, else the one the corpus uses it for in by far the most
//!   articles (see [`Surnames`]). A description or common noun (الوزير، مصادر، عدد) only joins
//!   through its own article; a common noun of the word lists that joins nothing (البيان،
//!   الشركة) is a speaker of its own article only: the statement of one article is not that of
//!   another. So is a description of an unnamed source (مصادر محلية، المصدر نفسه، مراسلنا).
//! - A "name" without two letters («ـ», «_____», «و», «2014»), starting with a function word
//!   (عندما، بل) or naming who was told (لـX Y) is not a speaker.
//!
//! The rules look at sets of forms and at numbers of distinct articles (by fingerprint), never
//! at the order of the articles, so the grouping is the same however they are ordered or
//! repeated.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::SpeakerKeys;
use super::forms::{
    is_anonymous, is_common_noun, is_generic, is_name, is_particle, is_reporter, is_title_word,
    is_told, media_prefix_len, starts_with_a_function_word, starts_with_a_person_title,
    title_prefix_len, words_of,
};
use super::surnames::{Surnames, adjectives};
use super::variants::{merged_spellings, spelling_key};
use crate::attribution::SpeakerKind;

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
    let forms = Forms::new(nodes);
    nodes
        .iter()
        .map(|&(article, s)| {
            let key = &s.name_key;
            let (name, article) = if !forms.is_speaker(key) || is_told_pronoun(s) {
                return None;
            } else if key.contains(' ') && is_anonymous(key) || described_anonymously(s) {
                (key.clone(), Some(article))
            } else if let Some(full_name) = forms.surname_group(s) {
                (full_name, None)
            } else if key.contains(' ') && is_job_title(key) {
                (key.clone(), Some(article))
            } else if key.contains(' ') {
                (forms.full_name(key).to_string(), None)
            } else {
                let per_article = is_common_noun(key) || forms.given_names.contains(key.as_str());
                (key.clone(), per_article.then_some(article))
            };
            Some(GroupKey { name, article })
        })
        .collect()
}

/// The first names among `names` (see [`Forms::given_names`]).
fn given_names<'a>(names: &HashSet<&'a str>) -> HashSet<&'a str> {
    let (mut first, mut last): (HashMap<&str, usize>, HashMap<&str, usize>) = Default::default();
    for name in names.iter().filter(|n| n.contains(' ')) {
        let words = words_of(name);
        *first.entry(words[0]).or_default() += 1;
        *last.entry(words[words.len() - 1]).or_default() += 1;
    }
    names
        .iter()
        .copied()
        // (A word with the article is no first name: الكرملين، السبسي.)
        .filter(|name| !name.contains(' ') && !name.starts_with("ال"))
        .filter(|name| {
            let starts = first.get(name).copied().unwrap_or(0);
            let ends = last.get(name).copied().unwrap_or(0);
            starts >= GIVEN_NAME_MIN_NAMES && starts >= GIVEN_NAME_RATIO * ends.max(1)
        })
        .collect()
}

/// Whether a speaker is «لي» or «لنا» without a title: the one told («قال لي»), taken for the
/// speaker. (With a title, لي is a name.)
fn is_told_pronoun(s: &SpeakerKeys) -> bool {
    s.role_key.is_none() && is_told(&s.name_key)
}

/// Whether a form is a job title (الرئيس الأمريكي، العاهل الأردني): a description of whoever
/// holds it at the time of each article, so a speaker of that article only.
fn is_job_title(key: &str) -> bool {
    starts_with_a_person_title(key) && words_of(key).iter().all(|w| is_title_word(w))
}

/// Whether the engine named a speaker by the end of its description: «X Y» with the alias
/// «مراسل Z X Y» is a correspondent of the medium, not the medium.
fn described_anonymously(s: &SpeakerKeys) -> bool {
    (s.aliases.iter())
        .any(|(_, alias)| is_reporter(alias) && words_of(alias).ends_with(&words_of(&s.name_key)))
}

struct Forms<'a> {
    /// Every folded name.
    names: HashSet<&'a str>,
    /// Folded name -> folded aliases its speakers have somewhere.
    aliases: HashMap<&'a str, HashSet<&'a str>>,
    /// A longer form -> the shorter form it is joined to.
    shorter: HashMap<&'a str, String>,
    /// A form of two words or more -> the corpus full name it belongs to, when another.
    full: HashMap<&'a str, String>,
    /// Which full name a surname alone stands for.
    surnames: Surnames,
    /// Words with the article that describe in job titles (التركي in الرئيس التركي): such a
    /// word alone is a description, not a surname.
    adjectives: HashSet<String>,
    /// First names (محمد): the first word of many full names and the last of few. A speaker
    /// named by one alone, whom no surname rule placed, is someone of that article only: the
    /// «محمد» of one article is not that of another.
    given_names: HashSet<&'a str>,
}

/// Distinct full names a word must begin to be taken for a first name, and how many times more
/// often it begins them than it ends them.
const GIVEN_NAME_MIN_NAMES: usize = 3;
const GIVEN_NAME_RATIO: usize = 3;

impl<'a> Forms<'a> {
    fn new(nodes: &[(u64, &'a SpeakerKeys)]) -> Forms<'a> {
        let mut forms = Forms {
            names: HashSet::default(),
            aliases: HashMap::default(),
            shorter: HashMap::default(),
            full: HashMap::default(),
            surnames: Surnames::default(),
            adjectives: HashSet::default(),
            given_names: HashSet::default(),
        };
        for (_, s) in nodes.iter().filter(|(_, s)| is_name(&s.name_key)) {
            forms.names.insert(&s.name_key);
            let aliases = forms.aliases.entry(&s.name_key).or_default();
            for (_, key) in &s.aliases {
                if *key != s.name_key && is_name(key) {
                    aliases.insert(key);
                }
            }
        }
        let roles: HashSet<String> = (nodes.iter())
            .filter_map(|(_, s)| s.role_key.clone())
            .collect();
        forms.adjectives = adjectives(&roles);
        forms.given_names = given_names(&forms.names);
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
        forms.join_spellings(nodes);
        for &(article, s) in nodes.iter().filter(|(_, s)| s.name_key.contains(' ')) {
            forms.add_surnames(article, s);
        }
        forms
    }

    /// Records the evidence a speaker of two words or more gives for surnames: its one-word
    /// aliases inside its full name, and the last word of a person's full name made of names.
    fn add_surnames(&mut self, article: u64, s: &SpeakerKeys) {
        if !self.is_speaker(&s.name_key) || is_anonymous(&s.name_key) {
            return;
        }
        // Words as written in this article (a spelling of the full name may differ: ترمب).
        let words = words_of(&s.name_key);
        let full = self.full_name(&s.name_key).to_string();
        for (_, key) in s.aliases.iter().filter(|(_, key)| !key.contains(' ')) {
            if words.contains(&key.as_str()) {
                self.surnames.add(key.clone(), &full, article, true);
            }
        }
        let full_words = words_of(&full);
        // Names before the surname; the surname may have the article (تركي المالكي).
        let made_of_names = full_words.len() >= 2
            && full_words[..full_words.len() - 1]
                .iter()
                .all(|w| !is_generic(w))
            && !is_common_noun(full_words[full_words.len() - 1])
            && !is_particle(words[words.len() - 2])
            && full_words.iter().filter(|w| !is_particle(w)).count() <= MAX_NAMES_IN_A_FULL_NAME;
        // Only a person with a job title: «مسوح رويترز» is not a person called رويترز.
        let titled = s.role_key.is_some() || title_prefix_len(&words) > 0;
        if s.kind == SpeakerKind::Person && made_of_names && titled {
            let surname = words[words.len() - 1].to_string();
            self.surnames.add(surname, &full, article, false);
        }
    }

    /// Fills [`Self::full`]: each form of two words or more goes to its root (see [`Self::root`])
    /// without the description before it (الرئيس الروسي), and spellings of one full name that
    /// share a job title go to one of them (see [`merged_spellings`]).
    fn join_spellings(&mut self, nodes: &[(u64, &'a SpeakerKeys)]) {
        let mut full: HashMap<&'a str, String> = HashMap::default();
        let mut titles: HashMap<String, HashSet<String>> = HashMap::default();
        // The spelling key of each form without its description, and its full name.
        let mut spellings: Vec<(String, String)> = Vec::new();
        for &name in self.names.iter().filter(|n| n.contains(' ')) {
            let root = self.root(name);
            let words = words_of(root);
            let prefix = match title_prefix_len(&words) {
                0 => media_prefix_len(&words),
                titles => titles,
            };
            let bare = words[prefix..].join(" ");
            let bare = self.root(&bare).to_string();
            let own_titles = titles.entry(bare.clone()).or_default();
            if prefix >= 2 && prefix < words.len() {
                own_titles.insert(spelling_key(&words[..prefix].join(" ")));
            }
            let own_words = words_of(name);
            let own = own_words[title_prefix_len(&own_words)..].join(" ");
            if own != bare {
                spellings.push((spelling_key(&own), bare.clone()));
            }
            spellings.push((spelling_key(&bare), bare.clone()));
            // «A بن B C» is also written «A C» (the father's name left out): the same spelling
            // key, so the two join when they share a job title too. Only for two names around
            // one «بن»: «A بن B بن C آل D» is a line of princes, most of them «A آل D».
            let bare_words = words_of(&bare);
            if let [given, "بن", _, family] = bare_words.as_slice()
                && !family.starts_with("آل")
            {
                spellings.push((spelling_key(&format!("{given} {family}")), bare.clone()));
            }
            full.insert(name, bare);
        }
        let mut articles: HashMap<&str, HashSet<u64>> = HashMap::default();
        let mut role_keys: HashMap<&str, String> = HashMap::default();
        for (article, s) in nodes {
            let Some(bare) = full.get(s.name_key.as_str()) else {
                continue;
            };
            articles.entry(bare).or_default().insert(*article);
            if let Some(role) = s.role_key.as_deref() {
                let key = role_keys.entry(role).or_insert_with(|| spelling_key(role));
                titles.get_mut(bare).unwrap().insert(key.clone());
            }
        }
        let articles: HashMap<String, usize> = (articles.into_iter())
            .map(|(bare, articles)| (bare.to_string(), articles.len()))
            .collect();
        let spellings: Vec<(String, &str)> = (spellings.into_iter())
            .map(|(key, bare)| (key, titles.get_key_value(&bare).unwrap().0.as_str()))
            .collect();
        let merged = merged_spellings(&titles, &spellings, &self.adjectives, &articles);
        for (name, bare) in full {
            let joined = merged.get(&bare).cloned().unwrap_or(bare);
            if joined != name {
                self.full.insert(name, joined);
            }
        }
        // «وX Y» is X Y with «and» attached, when X Y is a name of its own.
        for &name in self.names.iter().filter(|n| n.contains(' ')) {
            let Some(rest) = name.strip_prefix('و') else {
                continue;
            };
            if rest.contains(' ') && self.names.contains(rest) {
                let joined = self.full_name(rest).to_string();
                self.full.insert(name, joined);
            }
        }
    }

    /// Whether a folded name names a speaker: it has two letters, it does not start with a
    /// function word (عندما، بل), and it is not somebody told something («قال لـX Y»: لX Y,
    /// when X Y is a name elsewhere).
    fn is_speaker(&self, key: &str) -> bool {
        let addressee = key.contains(' ')
            && key.starts_with('ل')
            && self.names.contains(&key['ل'.len_utf8()..]);
        is_name(key) && !starts_with_a_function_word(key) && !addressee
    }

    /// The corpus full name of a form of two words or more.
    fn full_name<'s>(&'s self, name: &'s str) -> &'s str {
        self.full.get(name).map_or(name, String::as_str)
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

    /// The full name a speaker called by a surname joins (ترامب، الرئيس ترامب), if one fits:
    /// the only full name holding it among its own article's aliases, else the one the corpus
    /// uses it for by far most often (see [`Surnames`]; only then for a surname with the
    /// article, السيسي, which is more often a description or somebody else's name).
    fn surname_group(&self, s: &SpeakerKeys) -> Option<String> {
        let words = words_of(&s.name_key);
        let word = match words.as_slice() {
            [word] => *word,
            // A description and a surname: الرئيس ترامب.
            [description @ .., word] if s.kind == SpeakerKind::Person => {
                let titles = description.iter().all(|w| w.starts_with("ال"));
                (titles && !is_common_noun(word) && word.chars().count() >= 3).then_some(*word)?
            }
            _ => return None,
        };
        let own: HashSet<&str> = (s.aliases.iter())
            .filter(|(_, key)| key.contains(' ') && self.names.contains(key.as_str()))
            .filter(|(_, key)| words_of(key).contains(&word))
            .map(|(_, key)| self.full_name(key))
            .filter(|full| *full != s.name_key)
            .collect();
        if !own.is_empty() {
            return (own.len() == 1).then(|| own.into_iter().next().unwrap().to_string());
        }
        if is_common_noun(word) || self.adjectives.contains(word) {
            return None;
        }
        let strict = is_generic(word) || words.len() > 1;
        self.surnames.full_name_of(word, strict).map(str::to_string)
    }
}

/// Names (not counting بن، آل، عبد) in a full name whose last word counts as a surname: longer
/// ones are engine debris (a name and the words after it).
const MAX_NAMES_IN_A_FULL_NAME: usize = 3;

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
            // «X الدين» before a run is a compound first name (صلاح الدين), not a title.
            let compound_name = r.start == 2 && !is_title_word(words[0]);
            let titles_before =
                words[..r.start].last().is_none_or(|w| is_title_word(w)) && !compound_name;
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
