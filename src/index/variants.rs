//! Spellings of one name: a foreign name is written with or without its long vowels (ترامب،
//! ترمب; نتنياهو، نتانياهو), its g with غ، ج or ق, and عبد with or without a space after it. Two full names that differ
//! only so are taken for one person when their speakers also share a job title somewhere in
//! the corpus (both «الرئيس الأمريكي»): محمد and محمود differ only by a vowel too, and are two
//! people unless the corpus says otherwise.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::forms::words_of;

/// Letters dropped inside a word: the long vowels and the hamza on the line.
const INNER_VOWELS: &[char] = &['ا', 'و', 'ي', 'ء'];

/// Letters a foreign g is written with (غ، ج، ق: أنغيلا، أنجيلا).
const G_SOUNDS: &[char] = &['غ', 'ج', 'ق'];

/// The key of a folded form that its spelling variants share: عبد joined to the next word,
/// in each word the long vowels between its first and last letters dropped, and the letters of
/// g made one.
pub fn spelling_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut after_abd = false;
    for word in words_of(key) {
        if !out.is_empty() && !after_abd {
            out.push(' ');
        }
        // عبد and the next word make one word: its first letter is not the word's first.
        let chars: Vec<char> = word.chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            let inner = (j > 0 || after_abd) && j + 1 < chars.len();
            if !(inner && INNER_VOWELS.contains(&c)) {
                out.push(if G_SOUNDS.contains(&c) { 'غ' } else { c });
            }
        }
        after_abd = word == "عبد";
    }
    out
}

/// The spelling key of every word of a folded form.
pub fn spelling_words(key: &str) -> Vec<String> {
    spelling_key(key).split(' ').map(str::to_string).collect()
}

/// For each full name, the one its spellings are merged under: the first in Unicode order of
/// the full names with the same spelling key linked by a shared job title (given as spelling
/// keys; titles of one word, such as الرئيس, say too little).
pub fn merged_spellings(titles: &HashMap<String, HashSet<String>>) -> HashMap<String, String> {
    let mut by_key: HashMap<String, Vec<&str>> = HashMap::default();
    for name in titles.keys() {
        by_key.entry(spelling_key(name)).or_default().push(name);
    }
    let mut merged = HashMap::default();
    for names in by_key.values_mut().filter(|names| names.len() > 1) {
        names.sort_unstable();
        // Union-find over the names of one spelling key, joined through their titles.
        let mut parent: Vec<usize> = (0..names.len()).collect();
        let find = |parent: &mut Vec<usize>, mut i: usize| {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        };
        let mut first_with_title: HashMap<&str, usize> = HashMap::default();
        for (i, name) in names.iter().enumerate() {
            for title in &titles[*name] {
                let first = *first_with_title.entry(title).or_insert(i);
                let (a, b) = (find(&mut parent, first), find(&mut parent, i));
                // The smaller index (first in Unicode order) stays the root.
                parent[a.max(b)] = a.min(b);
            }
        }
        for i in 0..names.len() {
            let root = find(&mut parent, i);
            if root != i {
                merged.insert(names[i].to_string(), names[root].to_string());
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_vowels_inside_a_word_and_the_space_after_abd_do_not_count() {
        assert_eq!(spelling_key("مارك هاملتون"), spelling_key("مارك هاملتن"));
        assert_eq!(
            spelling_key("عبد الكريم سالم"),
            spelling_key("عبدالكريم سالم")
        );
        assert_eq!(
            spelling_key("الرئيس الامريكي"),
            spelling_key("الرئيس الاميركي")
        );
        assert_ne!(spelling_key("سالم"), spelling_key("سلمان"));
    }

    #[test]
    fn spellings_merge_only_through_a_shared_title() {
        let titles: HashMap<String, HashSet<String>> = [
            ("مارك هاملتون", vec!["وزير المال"]),
            ("مارك هاملتن", vec!["وزير المال", "النائب السابق"]),
            ("محمد ناصر", vec!["المدرب الوطني"]),
            ("محمود ناصر", vec!["رئيس البلديه"]),
        ]
        .into_iter()
        .map(|(name, titles)| {
            let titles = titles.into_iter().map(spelling_key).collect();
            (name.to_string(), titles)
        })
        .collect();
        let merged = merged_spellings(&titles);
        assert_eq!(
            merged.get("مارك هاملتون").map(String::as_str),
            Some("مارك هاملتن")
        );
        assert_eq!(merged.len(), 1);
    }
}
