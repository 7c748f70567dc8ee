//! Which full name a surname alone stands for across the corpus (ترامب -> دونالد ترامب).
//!
//! Evidence that a one-word name is a full name's surname: an article whose speaker of that
//! full name uses the word as an alias, or a full name of a person ending with the word (not
//! after بن or أبو: سلمان in محمد بن سلمان is his father's name). The surname joins the full name
//! with such evidence in by far the most articles: junk names made by the engine (ترامب
//! تذرع ...) and relatives (a wife or son with the same surname) must not block it, and two
//! people used about as often keep it apart. Articles are counted by fingerprint, so the result
//! does not depend on the order of the articles or on repeated ones.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::forms::words_of;

/// A surname that several full names hold joins the one with evidence in this many articles
/// at least, and ...
const MIN_ARTICLES: usize = 4;
/// ... in this many times as many articles as the next one, and in more than half of all.
const MARGIN: usize = 4;

/// Titles a word must describe in (after their first word) to count as an adjective.
const MIN_TITLES_OF_AN_ADJECTIVE: usize = 3;

/// The words with the article that follow the first word of several different job titles.
pub(super) fn adjectives(roles: &HashSet<String>) -> HashSet<String> {
    let mut titles: HashMap<&str, usize> = HashMap::default();
    for role in roles {
        let words: HashSet<&str> = words_of(role).into_iter().skip(1).collect();
        for word in words.into_iter().filter(|w| w.starts_with("ال")) {
            *titles.entry(word).or_default() += 1;
        }
    }
    (titles.into_iter())
        .filter(|(_, n)| *n >= MIN_TITLES_OF_AN_ADJECTIVE)
        .map(|(word, _)| word.to_string())
        .collect()
}

#[derive(Default)]
pub(super) struct Surnames {
    /// Folded word -> full names holding it -> articles with evidence.
    articles: HashMap<String, HashMap<String, HashSet<u64>>>,
    /// The (word, full name) pairs with an article using the word as the full name's alias.
    used_as_alias: HashSet<(String, String)>,
}

impl Surnames {
    /// Records that in `article` the full name `full` (a group name) is evidence for the
    /// surname `word` (folded).
    pub fn add(&mut self, word: String, full: &str, article: u64, as_alias: bool) {
        if as_alias {
            self.used_as_alias.insert((word.clone(), full.to_string()));
        }
        let fulls = self.articles.entry(word).or_default();
        match fulls.get_mut(full) {
            Some(articles) => {
                articles.insert(article);
            }
            None => {
                fulls.insert(full.to_string(), HashSet::from_iter([article]));
            }
        }
    }

    /// The full name a surname stands for, if one has by far the most evidence, or (unless
    /// `strict`) is the only one with any and some article uses the word as its alias (a
    /// name merely ending with the word in one article is engine debris as often as not:
    /// «دونالد ترامب دائما»).
    pub fn full_name_of(&self, word: &str, strict: bool) -> Option<&str> {
        let fulls = self.articles.get(word)?;
        let mut counts: Vec<(usize, &str)> = (fulls.iter())
            .map(|(full, articles)| (articles.len(), full.as_str()))
            .collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let total: usize = counts.iter().map(|(c, _)| c).sum();
        let (top, full) = counts[0];
        let second = counts.get(1).map_or(0, |(c, _)| *c);
        let only = second == 0
            && !strict
            && (self.used_as_alias).contains(&(word.to_string(), full.to_string()));
        let by_far = only || (top >= MIN_ARTICLES && top >= MARGIN * second);
        (by_far && 2 * top > total).then_some(full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_joins_the_full_name_used_by_far_most_often() {
        let mut surnames = Surnames::default();
        for article in 0..12 {
            surnames.add("حداد".into(), "سمير حداد", article, true);
        }
        surnames.add("حداد".into(), "ليلى حداد", 20, true);
        surnames.add("حداد".into(), "سمير حداد", 0, true);
        assert_eq!(surnames.full_name_of("حداد", false), Some("سمير حداد"));
        // Two people used about as often: neither.
        for article in 30..36 {
            surnames.add("ناصر".into(), "وليد ناصر", article, true);
            surnames.add("ناصر".into(), "هدى ناصر", article + 10, true);
        }
        assert_eq!(surnames.full_name_of("ناصر", false), None);
        // Only one full name with any evidence, however little.
        surnames.add("فاضل".into(), "نادر فاضل", 50, true);
        assert_eq!(surnames.full_name_of("فاضل", false), Some("نادر فاضل"));
        // Strict: the only one is not enough, by far most is.
        assert_eq!(surnames.full_name_of("فاضل", true), None);
        assert_eq!(surnames.full_name_of("حداد", true), Some("سمير حداد"));
        assert_eq!(surnames.full_name_of("غائب", false), None);
        // A name merely ending with the word, in one article: not enough.
        surnames.add("دائما".into(), "سمير حداد دائما", 60, false);
        assert_eq!(surnames.full_name_of("دائما", false), None);
    }
}
