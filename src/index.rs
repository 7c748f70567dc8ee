//! Who said what across articles: the speakers of many articles merged into one index.
//!
//! Speakers of different articles are the same speaker when their names fold to the same key
//! ([`crate::arabic::fold`], with `#`, `_` and spacing evened out), or when an alias of one
//! is the name of the other (ترامب in one article, دونالد ترامب with alias ترامب in another).
//! Aliases never link to aliases, and one-word descriptions with the article ال (الوزير،
//! المصدر، البيان) never link at all: they name different people in different articles.
//! The merge runs in article order, so the index is the same however the extractions were
//! computed (on one core or many).

mod background;
mod jsonl;
mod paths;

use std::collections::{BTreeSet, HashMap};
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
    /// longest, then the first seen).
    pub name: String,
    pub kind: SpeakerKind,
    /// Job titles as written, most frequent first.
    pub roles: Vec<String>,
    /// Every name and alias as written, first seen first.
    pub aliases: Vec<String>,
    /// Articles the speaker appears in, ascending.
    pub articles: Vec<usize>,
    /// Quotes in article order, then text order.
    pub quotes: Vec<QuoteRef>,
    /// Folded forms of the name and aliases, for filtering.
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

/// A description (الوزير) that must not link speakers of different articles.
fn is_description(key: &str) -> bool {
    !key.contains(' ') && key.starts_with("ال")
}

/// One article's speakers with their keys: the part of the work done in parallel.
#[derive(Debug, Clone, Default)]
pub struct ArticleSpeakers {
    article: usize,
    speakers: Vec<SpeakerKeys>,
    quotes: Vec<(usize, QuoteRef)>,
}

#[derive(Debug, Clone)]
struct SpeakerKeys {
    name: String,
    name_key: String,
    kind: SpeakerKind,
    role: Option<String>,
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
        let mut sets = UnionFind::new(nodes.len());
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (i, (_, _, s)) in nodes.iter().enumerate() {
            if s.name_key.is_empty() {
                continue;
            }
            match by_name.get(s.name_key.as_str()) {
                Some(&first) => sets.union(first, i),
                None => {
                    by_name.insert(&s.name_key, i);
                }
            }
        }
        for (i, (_, _, s)) in nodes.iter().enumerate() {
            for (_, key) in &s.aliases {
                if is_description(key) || key.is_empty() {
                    continue;
                }
                if let Some(&named) = by_name.get(key.as_str())
                    && nodes[named].2.kind == s.kind
                {
                    sets.union(named, i);
                }
            }
        }
        // Group nodes by set, groups in order of their first node.
        let mut group_of_root: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..nodes.len() {
            let root = sets.find(i);
            let g = *group_of_root.entry(root).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
        let speakers = groups
            .iter()
            .map(|members| speaker_of(members, &nodes))
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

/// A speaker of one article: the article, the speaker's index in it, its keys.
type Node<'a> = (&'a ArticleSpeakers, usize, &'a SpeakerKeys);

/// Builds one merged speaker from its member nodes (in node order). Quotes are copied straight
/// from the articles (no copy of every quote on the side: the merge of a big corpus stays small).
fn speaker_of(members: &[usize], nodes: &[Node]) -> IndexedSpeaker {
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut kinds: Vec<(SpeakerKind, usize)> = Vec::new();
    let mut roles: Vec<(String, usize)> = Vec::new();
    let mut aliases: Vec<String> = Vec::new();
    let mut articles = BTreeSet::new();
    let mut quotes = Vec::new();
    for &m in members {
        let (article, index, s) = nodes[m];
        count(&mut names, s.name.clone());
        count(&mut kinds, s.kind);
        if let Some(role) = &s.role {
            count(&mut roles, role.clone());
        }
        for form in std::iter::once(&s.name).chain(s.aliases.iter().map(|(a, _)| a)) {
            if !aliases.contains(form) {
                aliases.push(form.clone());
            }
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
    // one odd phrase that merged in (الطبيب السابق لدونالد ترامب) name a speaker of 700 articles.
    let full = |n: &str| n.split_whitespace().nth(1).is_some();
    let any_full = names.iter().any(|(n, _)| full(n));
    let name = names
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| !any_full || full(n))
        .max_by_key(|(i, (n, c))| (*c, n.chars().count(), std::cmp::Reverse(*i)))
        .map(|(_, (n, _))| n.clone())
        .unwrap_or_default();
    let kind = kinds
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, c))| (*c, std::cmp::Reverse(*i)))
        .map_or(SpeakerKind::Person, |(_, (k, _))| *k);
    let mut roles_by_count: Vec<(usize, (String, usize))> = roles.into_iter().enumerate().collect();
    roles_by_count.sort_by_key(|(i, (_, c))| (std::cmp::Reverse(*c), *i));
    let mut folded = vec![name_key(&name)];
    folded.extend(aliases.iter().map(|a| name_key(a)));
    IndexedSpeaker {
        name,
        kind,
        roles: roles_by_count.into_iter().map(|(_, (r, _))| r).collect(),
        aliases,
        articles: articles.into_iter().collect(),
        quotes,
        folded,
    }
}

fn count<T: PartialEq>(counts: &mut Vec<(T, usize)>, value: T) {
    match counts.iter_mut().find(|(v, _)| *v == value) {
        Some((_, c)) => *c += 1,
        None => counts.push((value, 1)),
    }
}

/// Disjoint sets; the root of a set is its smallest member, so results never depend on the
/// order of unions.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[high] = low;
    }
}
