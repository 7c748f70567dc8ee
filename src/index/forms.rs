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
    /// The same without the article ال, for those that have it (looked up without a copy).
    generic_after_al: HashSet<String>,
    /// Folded words a speaker's name never starts with (عندما، بل، ذات).
    not_name_starts: HashSet<String>,
    /// Folded first words of descriptions of unnamed speakers (مصادر، شهود، مراسل).
    anonymous_heads: HashSet<String>,
    /// Folded prepositions with a pronoun naming who was told (لي، لنا).
    told: HashSet<String>,
    /// Folded titles of people (رئيس، وزير، الملك).
    person_titles: HashSet<String>,
    /// Folded words of bodies every country has (وزارة).
    country_bodies: HashSet<String>,
    /// Folded first words of a reporter's description (مراسل).
    reporter_heads: HashSet<String>,
    /// Folded words naming a kind of medium before its name (وكالة، صحيفة).
    media_heads: HashSet<String>,
    /// Folded words inside names (بن، آل، عبد): a form ending in one is a piece of a name.
    particles: HashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct IndexWords {
            generic: Vec<String>,
            not_name_starts: Vec<String>,
            anonymous_heads: Vec<String>,
            media_heads: Vec<String>,
            reporter_heads: Vec<String>,
            country_bodies: Vec<String>,
            person_titles: Vec<String>,
            told: Vec<String>,
        }
        let own: IndexWords = toml::from_str(INDEX_TOML).expect("built-in index.toml");
        let lexicon = Lexicon::builtin();
        let class = |name: &str| lexicon.words.get(name).into_iter().flatten();
        let one_word = |w: &String| Some(name_key(w)).filter(|k| !k.is_empty() && !k.contains(' '));
        let generic: HashSet<String> = (DESCRIPTION_CLASSES.iter().flat_map(|c| class(c)))
            .chain(&own.generic)
            .filter_map(one_word)
            .collect();
        Words {
            generic_after_al: (generic.iter())
                .filter_map(|w| w.strip_prefix("ال").map(str::to_string))
                .collect(),
            generic,
            particles: class("name_particle").filter_map(one_word).collect(),
            not_name_starts: (["particle", "relative", "complementizer", "content_boundary"])
                .iter()
                .flat_map(|c| class(c))
                .chain(&own.not_name_starts)
                .filter_map(one_word)
                .collect(),
            anonymous_heads: (["group", "info_source"].iter().flat_map(|c| class(c)))
                .chain(&own.anonymous_heads)
                .filter_map(one_word)
                .collect(),
            media_heads: own.media_heads.iter().filter_map(one_word).collect(),
            reporter_heads: own.reporter_heads.iter().filter_map(one_word).collect(),
            country_bodies: own.country_bodies.iter().filter_map(one_word).collect(),
            told: own.told.iter().filter_map(one_word).collect(),
            person_titles: (["title", "honorific"].iter().flat_map(|c| class(c)))
                .chain(&own.person_titles)
                .filter_map(one_word)
                .collect(),
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
            || words().generic_after_al.contains(w)
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

/// Whether a folded form is a preposition with a pronoun (لي، لنا): who was told, not who said.
pub fn is_told(key: &str) -> bool {
    words().told.contains(key)
}

/// Whether a form starts with a title of a person (الرئيس، العاهل), with or without clitics.
pub fn starts_with_a_person_title(key: &str) -> bool {
    starts_with_one_of(key, &words().person_titles)
}

/// Whether a word is inside a name (بن، آل، عبد): a form ending with it is a piece of names.
pub fn is_particle(word: &str) -> bool {
    words().particles.contains(word)
}

/// Whether a folded form starts with a word no name starts with (عندما قال، بل، ذات): the
/// engine took a piece of the sentence for the speaker.
pub fn starts_with_a_function_word(key: &str) -> bool {
    (key.split(' ').find(|w| !w.is_empty())).is_some_and(|w| words().not_name_starts.contains(w))
}

/// Whether a folded form of two words or more describes an unnamed speaker (مصادر محلية،
/// المصدر نفسه، شهود عيان، مراسل القناة) or a body of the article's country named by its field
/// alone (وزارة الصحة): such a speaker of one article is not that of another.
pub fn is_anonymous(key: &str) -> bool {
    let country_body =
        key.split(' ').count() == 2 && starts_with_one_of(key, &words().country_bodies);
    starts_with_one_of(key, &words().anonymous_heads) || country_body
}

/// Whether a folded form describes a reporter (مراسل القناة).
pub fn is_reporter(key: &str) -> bool {
    starts_with_one_of(key, &words().reporter_heads)
}

/// Whether the first word of a folded form, with or without clitics, is one of `heads`.
fn starts_with_one_of(key: &str, heads: &HashSet<String>) -> bool {
    let Some(first) = key.split(' ').find(|w| !w.is_empty()) else {
        return false;
    };
    std::iter::once(first)
        .chain(CLITICS.iter().filter_map(|c| first.strip_prefix(c)))
        .any(|w| heads.contains(w))
}

/// The number of leading words of a folded form that are a description of the person (words
/// with the article: الرئيس الروسي، العقيد الركن) before a name of two words or more; 0 when
/// there is none. A word after them with ل (الطبيب السابق لـ...) or a common noun makes the
/// name somebody else's, and a run of words that all have the article is an organisation
/// (الجيش الإسرائيلي).
pub fn title_prefix_len(words: &[&str]) -> usize {
    let prefix = words.iter().take_while(|w| w.starts_with("ال")).count();
    let rest = &words[prefix..];
    let name_like = |w: &&str| !is_generic(w) && !is_particle(w) && !w.starts_with('ل');
    if prefix == 0
        || rest.len() < 2
        || rest[0].chars().count() < 3
        || !name_like(&rest[0])
        || rest.iter().any(|w| is_common_noun(w))
    {
        return 0;
    }
    prefix
}

/// The number of leading words of a folded form that say what kind of medium follows by its
/// name (وكالة، صحيفة، وكالة أنباء before a name without the article): the agency and its name
/// are one speaker. 0 when there are none.
pub fn media_prefix_len(form: &[&str]) -> usize {
    let heads = &words().media_heads;
    let prefix = form.iter().take_while(|w| heads.contains(**w)).count();
    // A one-word name after a newspaper or «وكالة أنباء» is too often a place (صحيفة واشنطن
    // cut out of a longer name; the news agency of a country): only an agency is so named.
    let one_word_ok = prefix == 1 && form[0] == "وكاله";
    match form.get(prefix) {
        Some(_) if form.len() - prefix == 1 && !one_word_ok => 0,
        Some(first) if prefix > 0 && first.chars().count() >= 3 => {
            let name_like = !first.starts_with('ل') && !is_generic(first) && !is_particle(first);
            if name_like { prefix } else { 0 }
        }
        _ => 0,
    }
}

/// Where the words of `part` stand as a run inside the words of `whole`.
pub fn position_in<T: PartialEq>(whole: &[T], part: &[T]) -> Option<usize> {
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
        assert!(starts_with_a_function_word("عندما") && starts_with_a_function_word("بل قال"));
        assert!(!starts_with_a_function_word("علي حسن"));
        for anonymous in ["مصادر محليه", "المصدر نفسه", "شهود عيان", "مصدر امني"]
        {
            assert!(is_anonymous(anonymous), "{anonymous}");
        }
        assert!(!is_anonymous("وكاله الانباء") && !is_anonymous("سمير حداد"));
        assert!(is_anonymous("وزاره الصحه") && !is_anonymous("وزاره الصحه الفنلنديه"));
        let prefix = |key: &str| title_prefix_len(&words_of(key));
        assert_eq!(prefix("الرئيس الفرنسي سمير حداد"), 2);
        assert_eq!(prefix("الطبيب السابق لسمير حداد"), 0);
        assert_eq!(prefix("الجيش الوطني"), 0);
        assert_eq!(prefix("العقيد حداد"), 0);
        assert_eq!(prefix("سمير حداد"), 0);
        let media = |key: &str| media_prefix_len(&words_of(key));
        assert_eq!(media("وكاله انباء بلو سكاي"), 2);
        assert_eq!(media("وكاله بلوستار"), 1);
        assert_eq!(media("وكاله انباء بلوستار"), 0);
        assert_eq!(media("صحيفه بلوستار"), 0);
        assert_eq!(media("وكاله النهار"), 0);
        assert_eq!(media("صحيفه النهار"), 0);
        assert_eq!(media("صحيفه"), 0);
        assert_eq!(position_in(&["ا", "ب", "ج"], &["ب", "ج"]), Some(1));
        assert_eq!(position_in(&["ا", "ب"], &["ب", "ا"]), None);
    }
}
