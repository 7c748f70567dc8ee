//! What the merge needs to know about name forms (names folded by [`super::name_key`], words
//! separated by one space): which are names at all, which words are common nouns or titles, and
//! whether one form lies inside another.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::name_key;
use crate::attribution::Lexicon;

const INDEX_TOML: &str = include_str!("../../assets/lexicon/index.toml");

/// Word classes of the attribution lexicon whose words are descriptions, not names (not the
/// function words: على folds to علي, a name).
const DESCRIPTION_CLASSES: &[&str] = &[
    "title",
    "honorific",
    "org_head",
    "group",
    "info_source",
    "conduit",
    "legal",
    "framing_noun",
];

/// Attached pronouns a description may carry (رئيسها، مسؤولوهم). Not ه: taa marbuta folds
/// to it, and نادية would be نادي (a club) + ه.
const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "ها"];

/// Clitics a description may carry in front (والوزير، للشركة، بالبيان، الشركة).
const CLITICS: &[&str] = &["وال", "بال", "فال", "ال", "لل", "و", "ل", "ب", "ف"];

struct Words {
    /// Folded one-word descriptions and common nouns.
    generic: HashSet<String>,
    /// Folded words inside names (بن، آل، عبد): a form ending in one is a piece of a name.
    particles: HashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct IndexWords {
            generic: Vec<String>,
        }
        let own: IndexWords = toml::from_str(INDEX_TOML).expect("built-in index.toml");
        let lexicon = Lexicon::builtin();
        let class = |name: &str| lexicon.words.get(name).into_iter().flatten();
        let one_word = |w: &String| Some(name_key(w)).filter(|k| !k.is_empty() && !k.contains(' '));
        Words {
            generic: (DESCRIPTION_CLASSES.iter().flat_map(|c| class(c)))
                .chain(&own.generic)
                .filter_map(one_word)
                .collect(),
            particles: class("name_particle").filter_map(one_word).collect(),
        }
    })
}

/// Whether a folded name has at least two letters: «ـ», «_____» or «و» name nobody.
pub fn is_name(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
}

/// Whether one folded word is a description or a common noun (الوزير، مصادر، سموه، عدد)
/// rather than a name: such a word alone never stands for a named speaker of another article.
/// Any word with the article ال counts: most are descriptions (المشرف، المصدر), and a surname
/// with ال (الأسد) alone is too often somebody else in another article.
pub fn is_generic(word: &str) -> bool {
    word.starts_with("ال") || is_common_noun(word)
}

/// Whether one folded word is a common noun of the word lists (البيان، الشركة، مصادر، عدد),
/// with or without clitics and an attached pronoun: a speaker so called in two articles is two
/// different speakers (not so a word merely starting with ال: الكرملين is one).
pub fn is_common_noun(word: &str) -> bool {
    let generic = &words().generic;
    let bare = |w: &str| {
        generic.contains(w)
            || generic.contains(format!("ال{w}").as_str())
            || PRONOUN_SUFFIXES
                .iter()
                .any(|s| w.strip_suffix(s).is_some_and(|stem| generic.contains(stem)))
    };
    bare(word)
        || CLITICS
            .iter()
            .any(|c| word.strip_prefix(c).is_some_and(bare))
}

/// Whether a word before a name is a title (الرئيس التركي، نظيره، للرئيس), so that the longer
/// form still names the same person; a name word (رامي عبد الرحمن) makes another person.
pub fn is_title_word(word: &str) -> bool {
    word.starts_with("لل") || is_generic(word)
}

/// Whether a word is inside a name (بن، آل، عبد): a form ending with it is a piece of names.
pub fn is_particle(word: &str) -> bool {
    words().particles.contains(word)
}

/// Where the words of `part` stand as a run inside the words of `whole`.
pub fn position_in(whole: &[&str], part: &[&str]) -> Option<usize> {
    if part.is_empty() || part.len() > whole.len() {
        return None;
    }
    whole.windows(part.len()).position(|w| w == part)
}

/// The words of a folded form.
pub fn words_of(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions() {
        assert!(!is_name("ـ") && !is_name("_____") && !is_name("و") && !is_name(""));
        assert!(is_name("ماي"));
        for word in ["الوزير", "مصادر", "سموه", "عدد", "والوزير", "بيان"]
        {
            assert!(is_generic(&name_key(word)), "{word}");
        }
        for word in ["ترامب", "ماي", "كيري", "علي", "نادية"] {
            assert!(!is_generic(&name_key(word)), "{word}");
        }
        assert!(is_particle("بن") && !is_particle("سلمان"));
        assert!(is_common_noun(&name_key("البيان")) && is_common_noun(&name_key("الشركة")));
        assert!(is_generic("الكرملين") && !is_common_noun("الكرملين"));
        assert_eq!(position_in(&["ا", "ب", "ج"], &["ب", "ج"]), Some(1));
        assert_eq!(position_in(&["ا", "ب"], &["ب", "ا"]), None);
    }
}
