//! Spellings of one name: a foreign name is written with or without its long vowels (ترامب،
//! ترمب; نتنياهو، نتانياهو), its g with غ، ج or ق, its s with س or ش, its ch with تش or ج, and عبد with or without a space after it. Two full names that differ
//! only so are taken for one person when their speakers also share a job title somewhere in
//! the corpus (both «الرئيس الأمريكي»): محمد and محمود differ only by a vowel too, and are two
//! people unless the corpus says otherwise.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::forms::words_of;

/// Letters dropped inside a word: the long vowels and the hamza on the line.
const INNER_VOWELS: &[char] = &['ا', 'و', 'ي', 'ء'];

/// Letters a foreign g is written with (غ، ج، ق: أنغيلا، أنجيلا).
const G_SOUNDS: &[char] = &['غ', 'ج', 'ق'];

/// One letter for the letters a foreign sound is written with: g (غ، ج، ق), s or sh
/// (غوتيريس، غوتيريش), ch (تش، ج).
fn one_sound(c: char) -> char {
    match c {
        _ if G_SOUNDS.contains(&c) => 'غ',
        'ش' => 'س',
        _ => c,
    }
}

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
            // «تش» is a ch, written ج too: its ت goes and its ش is a ج.
            let ch = c == 'ت' && chars.get(j + 1) == Some(&'ش');
            let after_ch = c == 'ش' && j > 0 && chars[j - 1] == 'ت';
            if after_ch {
                out.push(one_sound('ج'));
            } else if !(ch || inner && INNER_VOWELS.contains(&c)) {
                out.push(one_sound(c));
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

/// Words (by spelling) a name must have for a shared job title of one word (الملك) to merge its
/// spellings: titles of one word such as الرئيس say too little about shorter names.
const MIN_WORDS_FOR_A_ONE_WORD_TITLE: usize = 3;

/// For each full name, the one its spellings are merged under: the first in Unicode order of
/// the full names linked by a shared job title (given as spelling keys; see
/// [`MIN_WORDS_FOR_A_ONE_WORD_TITLE`]) and by one spelling key among their forms (`spellings`:
/// the key of a form and the full name it belongs to). A full name that is the end of longer
/// ones (جواد ظريف in محمد جواد ظريف) then joins the one of them it shares a title with, if
/// only one and used in as many articles at least (`articles`: how many each full name is
/// used in), since a rare longer one is more often the name with a word of its title before
/// (طيار X Y after العقيد الركن). Names that differ only in words of job titles spelt two ways (الأمريكية،
/// الأميركية: `title_words`) are one name without a title in common (an organisation has none).
pub fn merged_spellings(
    titles: &HashMap<String, HashSet<String>>,
    spellings: &[(String, &str)],
    title_words: &HashSet<String>,
    articles: &HashMap<String, usize>,
) -> HashMap<String, String> {
    let mut names: Vec<&str> = titles.keys().map(String::as_str).collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut by_key: HashMap<&str, HashSet<usize>> = HashMap::default();
    for (key, name) in spellings {
        by_key.entry(key).or_default().insert(index[name]);
    }
    // Union-find over all full names; the smaller index (first in Unicode order) is the root.
    let mut parent: Vec<usize> = (0..names.len()).collect();
    for members in by_key.values().filter(|members| members.len() > 1) {
        let mut members: Vec<usize> = members.iter().copied().collect();
        members.sort_unstable();
        let mut first_with_title: HashMap<&str, usize> = HashMap::default();
        for &i in &members {
            // A title of one word (الملك) is enough for a long name only.
            let long_name = spelling_words(names[i]).len() >= MIN_WORDS_FOR_A_ONE_WORD_TITLE;
            for title in titles[names[i]]
                .iter()
                .filter(|t| long_name || t.contains(' '))
            {
                let first = *first_with_title.entry(title).or_insert(i);
                union(&mut parent, first, i);
            }
            if differ_in_title_words(names[members[0]], names[i], title_words) {
                union(&mut parent, members[0], i);
            }
        }
    }
    let groups: Vec<usize> = (0..names.len()).map(|i| find(&mut parent, i)).collect();
    let longer = longer_names_sharing_a_title(&names, &groups, titles, articles);
    let mut merged = HashMap::default();
    for (i, name) in names.iter().enumerate() {
        let mut to = groups[i];
        // Each step goes to a group with a longer name: it ends.
        for _ in 0..names.len() {
            match longer.get(&to) {
                Some(&next) if next != to => to = next,
                _ => break,
            }
        }
        if to != i {
            merged.insert(name.to_string(), names[to].to_string());
        }
    }
    merged
}

/// For each group (by its root) whose names are the end of longer names of exactly one other
/// group sharing a title with it: that group's root.
fn longer_names_sharing_a_title(
    names: &[&str],
    groups: &[usize],
    titles: &HashMap<String, HashSet<String>>,
    articles: &HashMap<String, usize>,
) -> HashMap<usize, usize> {
    let mut group_articles: HashMap<usize, usize> = HashMap::default();
    for (i, name) in names.iter().enumerate() {
        *group_articles.entry(groups[i]).or_default() += articles.get(*name).copied().unwrap_or(0);
    }
    let mut group_titles: HashMap<usize, HashSet<&str>> = HashMap::default();
    // The last two words or more of a name (its spelling) -> groups of the names ending so.
    let mut ends: HashMap<String, HashSet<usize>> = HashMap::default();
    let keys: Vec<String> = names.iter().map(|name| spelling_key(name)).collect();
    let is_a_name: HashSet<&str> = keys.iter().map(String::as_str).collect();
    for (i, name) in names.iter().enumerate() {
        let titles_of = group_titles.entry(groups[i]).or_default();
        let two_words = titles[*name].iter().filter(|t| t.contains(' '));
        titles_of.extend(two_words.map(String::as_str));
        // Each end of two words or more that is itself a name (by its spelling).
        let key = &keys[i];
        let word_starts = key.match_indices(' ').map(|(at, _)| at + 1);
        for end in word_starts
            .map(|at| &key[at..])
            .filter(|end| end.contains(' '))
        {
            if is_a_name.contains(end) {
                ends.entry(end.to_string()).or_default().insert(groups[i]);
            }
        }
    }
    let mut longer: HashMap<usize, HashSet<usize>> = HashMap::default();
    for i in 0..names.len() {
        let group = groups[i];
        let Some(candidates) = ends.get(&keys[i]) else {
            continue;
        };
        let own = &group_titles[&group];
        let used_as_much = |other: usize| group_articles[&other] >= group_articles[&group];
        let sharing = (candidates.iter()).filter(|&&other| {
            other != group && !group_titles[&other].is_disjoint(own) && used_as_much(other)
        });
        longer.entry(group).or_default().extend(sharing);
    }
    (longer.into_iter())
        .filter(|(_, to)| to.len() == 1)
        .map(|(group, to)| (group, to.into_iter().next().unwrap()))
        .collect()
}

/// Whether two names of the same spelling key have the same words but for words of job titles.
fn differ_in_title_words(a: &str, b: &str, title_words: &HashSet<String>) -> bool {
    let (a, b) = (words_of(a), words_of(b));
    a.len() == b.len()
        && (a.iter().zip(&b))
            .all(|(x, y)| x == y || (title_words.contains(*x) && title_words.contains(*y)))
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    parent[a.max(b)] = a.min(b);
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
        assert_eq!(spelling_key("مراد تشاووش"), spelling_key("مراد جاويش"));
        assert_eq!(spelling_key("كارلوس فاريش"), spelling_key("كارلوس فاريس"));
    }

    #[test]
    fn spellings_merge_only_through_a_shared_title() {
        let titles: HashMap<String, HashSet<String>> = [
            ("مارك هاملتون", vec!["وزير المال"]),
            ("مارك هاملتن", vec!["وزير المال", "النائب السابق"]),
            ("محمد ناصر", vec!["المدرب الوطني"]),
            ("محمود ناصر", vec!["رئيس البلديه"]),
            // The end of one longer name with the same title; of two; with another title.
            ("سامي جواد كريم", vec!["وزير الري"]),
            ("جواد كريم", vec!["وزير الري"]),
            ("علي نادر حسن", vec!["مدير المدرسه"]),
            ("سعيد نادر حسن", vec!["مدير المدرسه"]),
            ("نادر حسن", vec!["مدير المدرسه"]),
            ("وليد فارس", vec!["لاعب المنتخب"]),
            ("سمير وليد فارس", vec!["مدير المدرسه"]),
            // An organisation: no title, words of titles spelt two ways.
            ("وزاره الماليه الامريكيه", vec![]),
            ("وزاره الماليه الاميركيه", vec![]),
        ]
        .into_iter()
        .map(|(name, titles)| {
            let titles = titles.into_iter().map(spelling_key).collect();
            (name.to_string(), titles)
        })
        .collect();
        let spellings: Vec<(String, &str)> = (titles.keys())
            .map(|name| (spelling_key(name), name.as_str()))
            .collect();
        let title_words = ["الامريكيه", "الاميركيه"]
            .into_iter()
            .map(String::from)
            .collect();
        let articles = titles.keys().map(|name| (name.clone(), 1)).collect();
        let merged = merged_spellings(&titles, &spellings, &title_words, &articles);
        assert_eq!(
            merged.get("مارك هاملتون").map(String::as_str),
            Some("مارك هاملتن")
        );
        assert_eq!(
            merged.get("جواد كريم").map(String::as_str),
            Some("سامي جواد كريم")
        );
        assert_eq!(
            merged.get("وزاره الماليه الاميركيه").map(String::as_str),
            Some("وزاره الماليه الامريكيه")
        );
        assert_eq!(merged.len(), 3, "{merged:?}");
    }
}
