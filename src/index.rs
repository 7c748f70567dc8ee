//! Who said what across articles: the speakers of many articles merged into one index.
//!
//! Speakers of different articles are the same speaker when their names fold to the same key
//! ([`crate::arabic::fold`], with `#`, `_` and spacing evened out), when one name is the other
//! with title words or a surname added and an article links them, when they are spellings of
//! one foreign name with a job title in common, or when a surname alone is used for one full
//! name in by far the most articles (`merge` says exactly when; an alias alone never joins two
//! full names, so one article's mistake stays in that article). The grouping depends on which
//! names and aliases occur and in how many distinct articles, not on the order of the articles
//! or on repeated ones, so the index is the same however the extractions were computed (on one
//! core or many).

mod background;
mod forms;
mod jsonl;
mod merge;
mod paths;
mod surnames;
mod variants;

use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::arabic::fold;
use crate::attribution::{Extraction, QuoteKind, SpeakerKind};

pub use background::{IndexJob, IndexProgress, build_in_background, extract_all};
pub use paths::write_speakers_of_paths;

/// One quote of a speaker, located in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRef {
    /// Index of the article (in the order the extractions were given).
    pub article: usize,
    /// Index of the quote in that article's [`Extraction::quotes`].
    pub quote: usize,
    /// Byte range of the quote in the article's text.
    pub range: Range<usize>,
    pub kind: QuoteKind,
    pub cue: String,
}

/// A speaker across articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedSpeaker {
    /// The most used name form of two words or more (any form if none has two words; ties: the
    /// full name the speakers were merged by, then the longest, then the first in Unicode order).
    pub name: String,
    pub kind: SpeakerKind,
    /// Job titles as written, most frequent first (ties in Unicode order).
    pub roles: Vec<String>,
    /// The names and aliases as written: the name, then the others most used first (ties in
    /// Unicode order). An alias that names somebody else (one article's mistake) is left out:
    /// only the full name, pieces of it, it with title words before, and descriptions made of
    /// title words are kept.
    pub aliases: Vec<String>,
    /// Articles the speaker appears in, ascending.
    pub articles: Vec<usize>,
    /// Quotes in article order, then text order.
    pub quotes: Vec<QuoteRef>,
    /// Folded forms of the name and aliases, for filtering and sorting (the name first).
    folded: Vec<String>,
}

impl IndexedSpeaker {
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    pub fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    /// Whether the name or an alias contains `key` (a query folded by [`name_key`]).
    pub fn matches_key(&self, key: &str) -> bool {
        key.is_empty() || self.folded.iter().any(|f| f.contains(key))
    }
}

/// Orders for [`SpeakerIndex::sorted`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Most quotes first (then most articles, then name).
    Quotes,
    /// By name, in folded form (so أحمد and احمد sort together).
    Name,
}

/// Every speaker of a set of articles, merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerIndex {
    speakers: Vec<IndexedSpeaker>,
    articles: usize,
}

/// The key a name is merged by.
pub fn name_key(name: &str) -> String {
    let folded = fold(name).replace(['_', '\u{200C}', '\u{200D}'], " ");
    folded
        .split(|c: char| c.is_whitespace() || c == '#' || c == '"' || c == '«' || c == '»')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One article's speakers with their keys: the part of the work done in parallel.
#[derive(Debug, Clone, Default)]
pub struct ArticleSpeakers {
    article: usize,
    /// A hash of the article's speakers and quotes: the same for the same article given twice.
    fingerprint: u64,
    speakers: Vec<SpeakerKeys>,
    quotes: Vec<(usize, QuoteRef)>,
}

#[derive(Debug, Clone)]
struct SpeakerKeys {
    name: String,
    name_key: String,
    kind: SpeakerKind,
    role: Option<String>,
    role_key: Option<String>,
    aliases: Vec<(String, String)>,
}

impl ArticleSpeakers {
    /// Folds the names of one article's extraction.
    pub fn new(article: usize, extraction: &Extraction) -> ArticleSpeakers {
        let speakers = extraction
            .speakers
            .iter()
            .map(|s| SpeakerKeys {
                name: s.name.clone(),
                name_key: name_key(&s.name),
                kind: s.kind,
                role: s.role.clone(),
                role_key: s.role.as_deref().map(name_key),
                aliases: s.aliases.iter().map(|a| (a.clone(), name_key(a))).collect(),
            })
            .collect();
        let quotes = extraction
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker < extraction.speakers.len())
            .map(|(i, q)| {
                let quote = QuoteRef {
                    article,
                    quote: i,
                    range: q.range.clone(),
                    kind: q.kind,
                    cue: q.cue.clone(),
                };
                (q.speaker, quote)
            })
            .collect();
        ArticleSpeakers {
            article,
            fingerprint: fingerprint(extraction),
            speakers,
            quotes,
        }
    }
}

impl SpeakerIndex {
    /// Builds the index from `(article index, extraction)` pairs, in article order.
    pub fn build<'a>(extractions: impl IntoIterator<Item = (usize, &'a Extraction)>) -> Self {
        let articles: Vec<ArticleSpeakers> = extractions
            .into_iter()
            .map(|(i, e)| ArticleSpeakers::new(i, e))
            .collect();
        Self::merge(&articles)
    }

    /// Merges per-article speakers (given in article order).
    pub fn merge(articles: &[ArticleSpeakers]) -> Self {
        // Nodes: every speaker of every article (with its index there), in order.
        let nodes: Vec<Node> = articles
            .iter()
            .flat_map(|a| a.speakers.iter().enumerate().map(move |(i, s)| (a, i, s)))
            .collect();
        let keys: Vec<(u64, &SpeakerKeys)> = (nodes.iter())
            .map(|(a, _, s)| (a.fingerprint, *s))
            .collect();
        // Groups in order of their first node.
        let mut group_of_key: HashMap<merge::GroupKey, usize> = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_names: Vec<String> = Vec::new();
        for (i, key) in merge::group_keys(&keys).into_iter().enumerate() {
            let Some(key) = key else { continue };
            let g = *group_of_key.entry(key.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                group_names.push(key.name);
                groups.len() - 1
            });
            groups[g].push(i);
        }
        let speakers = groups
            .iter()
            .zip(&group_names)
            .map(|(members, key)| speaker_of(members, key, &nodes))
            .collect();
        SpeakerIndex {
            speakers,
            articles: articles.len(),
        }
    }

    /// The speakers, in the order they first appear.
    pub fn speakers(&self) -> &[IndexedSpeaker] {
        &self.speakers
    }

    /// Number of articles the index was built from.
    pub fn article_count(&self) -> usize {
        self.articles
    }

    /// Indices into [`Self::speakers`], sorted.
    pub fn sorted(&self, by: SortBy) -> Vec<usize> {
        self.filtered("", by)
    }

    /// Indices of the speakers whose name or an alias contains `query` (folded, so hamza,
    /// harakat and taa marbuta do not matter), sorted. An empty query keeps all.
    pub fn filtered(&self, query: &str, by: SortBy) -> Vec<usize> {
        let query = name_key(query);
        let mut hits: Vec<usize> = (0..self.speakers.len())
            .filter(|&i| self.speakers[i].matches_key(&query))
            .collect();
        let s = &self.speakers;
        match by {
            SortBy::Quotes => hits.sort_by(|&a, &b| {
                (s[b].quote_count(), s[b].article_count())
                    .cmp(&(s[a].quote_count(), s[a].article_count()))
                    .then_with(|| s[a].folded[0].cmp(&s[b].folded[0]))
                    .then(a.cmp(&b))
            }),
            SortBy::Name => hits.sort_by(|&a, &b| {
                s[a].folded[0]
                    .cmp(&s[b].folded[0])
                    .then_with(|| s[a].name.cmp(&s[b].name))
                    .then(a.cmp(&b))
            }),
        }
        hits
    }

    /// Articles with at least one quote, ascending.
    pub fn articles_with_quotes(&self) -> BTreeSet<usize> {
        self.speakers
            .iter()
            .flat_map(|s| s.quotes.iter().map(|q| q.article))
            .collect()
    }
}

/// A hash of an article's extraction (speakers' names, quotes' speakers and ranges), fixed
/// across runs: two articles with the same one are the same article given twice.
fn fingerprint(extraction: &Extraction) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for s in &extraction.speakers {
        s.name.hash(&mut hasher);
    }
    for q in &extraction.quotes {
        (q.speaker, q.range.start, q.range.end).hash(&mut hasher);
    }
    hasher.finish()
}

/// A speaker of one article: the article, the speaker's index in it, its keys.
type Node<'a> = (&'a ArticleSpeakers, usize, &'a SpeakerKeys);

/// Builds one merged speaker from its member nodes (in node order) and the key of its group.
/// Quotes are copied straight from the articles (no copy of every quote on the side: the merge
/// of a big corpus stays small).
fn speaker_of(members: &[usize], group_key: &str, nodes: &[Node]) -> IndexedSpeaker {
    let mut names: FxHashMap<&str, (&str, usize)> = FxHashMap::default();
    let mut kinds: FxHashMap<SpeakerKind, usize> = FxHashMap::default();
    let mut roles: FxHashMap<&str, usize> = FxHashMap::default();
    let mut forms: FxHashMap<&str, (&str, usize)> = FxHashMap::default();
    let mut articles = BTreeSet::new();
    let mut quotes = Vec::new();
    for &m in members {
        let (article, index, s) = nodes[m];
        let (name, key) = without_description(&s.name, &s.name_key, group_key);
        names.entry(name).or_insert((key, 0)).1 += 1;
        *kinds.entry(s.kind).or_default() += 1;
        if let Some(role) = &s.role {
            *roles.entry(role).or_default() += 1;
        }
        let written =
            std::iter::once((&s.name, &s.name_key)).chain(s.aliases.iter().map(|(a, k)| (a, k)));
        for (form, key) in written {
            forms.entry(form).or_insert((key, 0)).1 += 1;
        }
        articles.insert(article.article);
        quotes.extend(
            (article.quotes.iter())
                .filter(|(speaker, _)| *speaker == index)
                .map(|(_, quote)| quote.clone()),
        );
    }
    quotes.sort_by_key(|q| (q.article, q.range.start, q.quote));
    // The most used full name (two words or more, if there is one): the longest form would let
    // one odd phrase that merged in (وقطب العقارات دونالد ترامب) name a speaker of 700 articles.
    // A family name (آل X, folded ال X) is not a full name when there is one.
    let full = |key: &str| key.contains(' ') && !key.starts_with("ال ");
    let any_full = names.values().any(|(key, _)| full(key));
    let (name, name_folded) = names
        .iter()
        .filter(|(_, (key, _))| !any_full || full(key))
        .max_by_key(|(n, (key, c))| {
            let canonical = *key == group_key;
            (*c, canonical, n.chars().count(), std::cmp::Reverse(**n))
        })
        .map(|(n, (key, _))| (n.to_string(), key.to_string()))
        .unwrap_or_default();
    let kind = kinds
        .iter()
        .max_by_key(|(k, c)| (**c, **k == SpeakerKind::Person))
        .map_or(SpeakerKind::Person, |(k, _)| *k);
    // The name first, then the other forms.
    let others: Vec<(&str, &str, usize)> = forms
        .into_iter()
        .filter(|(form, (key, _))| *form != name && names_the_speaker(key, group_key))
        .map(|(form, (key, c))| (form, key, c))
        .collect();
    let folded = [name_folded.as_str()]
        .into_iter()
        .chain(others.iter().map(|(_, key, _)| *key))
        .map(str::to_string)
        .collect();
    let aliases: Vec<String> = std::iter::once(name.clone())
        .chain(most_used_first(others.into_iter().map(|(f, _, c)| (f, c))))
        .collect();
    IndexedSpeaker {
        name,
        kind,
        roles: most_used_first(roles.into_iter()),
        aliases,
        articles: articles.into_iter().collect(),
        quotes,
        folded,
    }
}

/// A name without the description before the group's full name (الرئيس الروسي before a name
/// only ever written so), with its folded key; the name as it is otherwise.
fn without_description<'n>(name: &'n str, key: &'n str, group_key: &'n str) -> (&'n str, &'n str) {
    // Most names are the group's name, or no longer than it: nothing to take off.
    if key.len() <= group_key.len() {
        return (name, key);
    }
    let words = forms::words_of(key);
    let full_name = forms::words_of(group_key).len();
    let written: Vec<&str> = name.split_whitespace().collect();
    if words.len() <= full_name || written.len() != words.len() {
        return (name, key);
    }
    let tail = words.len() - full_name;
    let description = forms::title_prefix_len(&words).max(forms::media_prefix_len(&words));
    if description != tail
        || variants::spelling_key(&words[tail..].join(" ")) != variants::spelling_key(group_key)
    {
        return (name, key);
    }
    let start = written[tail].as_ptr() as usize - name.as_ptr() as usize;
    (&name[start..], group_key)
}

/// Whether an alias (folded) names the speaker of a group: its full name (the group key), a
/// piece of it (ترامب), it with titles before (الرئيس الأمريكي دونالد ترامب), or a description
/// made of title words only (الرئيس الأمريكي). An article's alias that names somebody else
/// (باراك أوباما on دونالد ترامب) is none of these, nor a longer form that goes on after the
/// name (كريم سعدي تذرع نادر فاضل, which would make a search for نادر find كريم).
fn names_the_speaker(key: &str, group_key: &str) -> bool {
    let words = forms::words_of(key);
    let full_name = forms::words_of(group_key);
    let spelt_inside = || {
        let spelt_full_name = variants::spelling_words(group_key);
        forms::position_in(&spelt_full_name, &variants::spelling_words(key)).is_some()
    };
    forms::position_in(&full_name, &words).is_some()
        || spelt_inside()
        || (words.len() > full_name.len()
            && words.ends_with(&full_name)
            && words[..words.len() - full_name.len()]
                .iter()
                .all(|w| forms::is_title_word(w)))
        || (!words.is_empty() && words.iter().all(|w| forms::is_title_word(w)))
}

/// The values, most counted first, ties in Unicode order (so never in the order of articles).
fn most_used_first<'a>(counts: impl Iterator<Item = (&'a str, usize)>) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = counts.collect();
    counts.sort_unstable_by(|(a, ca), (b, cb)| cb.cmp(ca).then_with(|| a.cmp(b)));
    counts.into_iter().map(|(v, _)| v.to_string()).collect()
}
