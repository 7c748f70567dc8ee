//! Word lists: loaded from TOML (`assets/lexicon/`), merged, then compiled into hash maps of
//! folded words so that the engine looks every token up once.
//!
//! A linguist edits the TOML files; a user adds lists of their own with [`Lexicon::from_toml_str`]
//! and [`Lexicon::merge`], then builds an engine with `Extractor::new(lexicon)`.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::arabic::fold;

/// One reporting verb and its forms (see `assets/lexicon/cues.toml` for the fields).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    pub past: String,
    #[serde(default)]
    pub present: Option<String>,
    #[serde(default)]
    pub participle: Option<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub preps: Vec<String>,
    #[serde(default)]
    pub needs: Option<String>,
    #[serde(default)]
    pub needs_present: Option<String>,
    #[serde(default)]
    pub extra: BTreeMap<String, Vec<String>>,
}

/// The word lists as written: cue verbs plus named classes of words and phrases.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct Lexicon {
    #[serde(default)]
    pub cue: Vec<CueEntry>,
    #[serde(flatten)]
    pub words: BTreeMap<String, Vec<String>>,
}

/// A lexicon file that does not parse or names an unknown class.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("lexicon: unknown word class `{0}` (known: {1})")]
    UnknownClass(String, String),
    #[error("lexicon: cue `{cue}`: {message}")]
    BadCue { cue: String, message: String },
}

macro_rules! word_classes {
    ($($variant:ident = $name:literal,)*) => {
        /// The word classes the engine knows, as bit flags.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Class { $($variant,)* }
        impl Class {
            pub const ALL: &'static [Class] = &[$(Class::$variant,)*];
            pub fn name(self) -> &'static str {
                match self { $(Class::$variant => $name,)* }
            }
            pub fn bit(self) -> u32 {
                1 << (self as u8)
            }
            fn from_name(name: &str) -> Option<Class> {
                match name { $($name => Some(Class::$variant),)* _ => None }
            }
        }
    };
}

word_classes! {
    Complementizer = "complementizer",
    PronounSuffix = "pronoun_suffix",
    CompPreposition = "comp_preposition",
    Preposition = "preposition",
    Title = "title",
    Honorific = "honorific",
    OrgHead = "org_head",
    Group = "group",
    InfoSource = "info_source",
    Conduit = "conduit",
    Legal = "legal",
    FramingNoun = "framing_noun",
    Time = "time",
    Opener = "opener",
    Relative = "relative",
    Kana = "kana",
    Particle = "particle",
    ContentBoundary = "content_boundary",
    Adjective = "adjective",
    NameParticle = "name_particle",
    ContentStart = "content_start",
    NonQuote = "non_quote",
    Passive = "passive",
    SourceCue = "source_cue",
    RelayVerb = "relay_verb",
}

const CUES_TOML: &str = include_str!("../../assets/lexicon/cues.toml");
const WORDS_TOML: &str = include_str!("../../assets/lexicon/words.toml");

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::from_toml_str(CUES_TOML).expect("built-in cues.toml");
        lexicon.merge(Lexicon::from_toml_str(WORDS_TOML).expect("built-in words.toml"));
        lexicon
    }

    /// Parses one lexicon file: `[[cue]]` entries and/or `class = [words]` lists.
    pub fn from_toml_str(text: &str) -> Result<Lexicon, LexiconError> {
        let lexicon: Lexicon = toml::from_str(text)?;
        for class in lexicon.words.keys() {
            if Class::from_name(class).is_none() {
                let known: Vec<&str> = Class::ALL.iter().map(|c| c.name()).collect();
                return Err(LexiconError::UnknownClass(class.clone(), known.join(", ")));
            }
        }
        for cue in &lexicon.cue {
            for needs in [&cue.needs, &cue.needs_present].into_iter().flatten() {
                if Needs::parse(needs).is_none() {
                    return Err(LexiconError::BadCue {
                        cue: cue.past.clone(),
                        message: format!("unknown `needs` value `{needs}`"),
                    });
                }
            }
            for key in cue.extra.keys() {
                if parse_extra_key(key).is_none() {
                    return Err(LexiconError::BadCue {
                        cue: cue.past.clone(),
                        message: format!(
                            "unknown key `{key}` in `extra` (past|present|participle|noun _ m|f|pl|du)"
                        ),
                    });
                }
            }
        }
        Ok(lexicon)
    }

    /// Adds another lexicon's cues and words to this one.
    pub fn merge(&mut self, other: Lexicon) {
        self.cue.extend(other.cue);
        for (class, words) in other.words {
            self.words.entry(class).or_default().extend(words);
        }
    }
}

/// What must follow a cue for it to report speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Any,
    Comp,
    CompOrPrep,
    Subject,
}

impl Needs {
    fn parse(s: &str) -> Option<Needs> {
        Some(match s {
            "any" => Needs::Any,
            "comp" => Needs::Comp,
            "comp_or_prep" => Needs::CompOrPrep,
            "subject" => Needs::Subject,
            _ => return None,
        })
    }
}

/// Gender and number carried by a verb or participle form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    Masc,
    Fem,
    Plural,
    Dual,
}

impl Agreement {
    fn parse(s: &str) -> Option<Agreement> {
        Some(match s {
            "m" => Agreement::Masc,
            "f" => Agreement::Fem,
            "pl" => Agreement::Plural,
            "du" => Agreement::Dual,
            _ => return None,
        })
    }
}

/// `past_f` -> (Past, Fem).
fn parse_extra_key(key: &str) -> Option<(Tense, Agreement)> {
    let (tense, agreement) = key.split_once('_')?;
    let tense = match tense {
        "past" => Tense::Past,
        "present" => Tense::Present,
        "participle" => Tense::Participle,
        "noun" => Tense::Noun,
        _ => return None,
    };
    Some((tense, Agreement::parse(agreement)?))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Participle,
    Noun,
}

/// One surface form of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueForm {
    pub cue: u16,
    pub tense: Tense,
    pub agreement: Agreement,
}

/// Per-cue facts the engine needs.
#[derive(Debug, Clone)]
pub struct CueInfo {
    pub preps: Vec<String>,
    pub needs: Needs,
    pub needs_present: Needs,
}

/// Everything the lexicon knows about one folded word, found with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub class: u32,
    /// The word is a cue form (the first one listed when several cues share it).
    pub cue: Option<CueForm>,
    /// The word is a cue form with an attached pronoun (وصفه، قوله).
    pub suffixed: Option<CueForm>,
}

/// The compiled lexicon: folded words to class bits, phrases, cue forms.
#[derive(Debug, Default)]
pub struct Compiled {
    entries: FxHashMap<String, Entry>,
    words: FxHashMap<String, u32>,
    /// First word of a phrase -> (the phrase's words, class bits).
    phrases: FxHashMap<String, Vec<(Vec<String>, u32)>>,
    cues: FxHashMap<String, Vec<CueForm>>,
    /// Cue forms with an attached pronoun (وصفه، قوله) -> the form.
    suffixed: FxHashMap<String, CueForm>,
    pub cue_info: Vec<CueInfo>,
    pub pronoun_suffixes: Vec<String>,
}

impl Compiled {
    pub fn new(lexicon: &Lexicon) -> Compiled {
        let mut c = Compiled::default();
        for (class_name, list) in &lexicon.words {
            let Some(class) = Class::from_name(class_name) else {
                continue;
            };
            for entry in list {
                let words: Vec<String> = entry.split_whitespace().map(fold).collect();
                match words.len() {
                    0 => {}
                    1 => *c.words.entry(words[0].clone()).or_default() |= class.bit(),
                    _ => {
                        let list = c.phrases.entry(words[0].clone()).or_default();
                        match list.iter_mut().find(|(w, _)| *w == words) {
                            Some((_, bits)) => *bits |= class.bit(),
                            None => list.push((words, class.bit())),
                        }
                    }
                }
            }
        }
        for list in c.phrases.values_mut() {
            // Longest phrase first, so that matching is greedy.
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        c.pronoun_suffixes = lexicon
            .words
            .get(Class::PronounSuffix.name())
            .map(|l| l.iter().map(|s| fold(s)).collect())
            .unwrap_or_default();
        c.pronoun_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.len()));
        let comps: Vec<String> = c
            .words
            .iter()
            .filter(|(_, bits)| *bits & Class::Complementizer.bit() != 0)
            .map(|(w, _)| w.clone())
            .collect();
        for comp in comps {
            for suffix in c.pronoun_suffixes.clone() {
                *c.words.entry(format!("{comp}{suffix}")).or_default() |=
                    Class::Complementizer.bit();
            }
        }
        for entry in &lexicon.cue {
            c.add_cue(entry);
        }
        for (form, forms) in &c.cues {
            let Some(f) = forms
                .iter()
                .find(|f| matches!(f.tense, Tense::Past | Tense::Present | Tense::Noun))
            else {
                continue;
            };
            for suffix in &c.pronoun_suffixes {
                let key = format!("{form}{suffix}");
                if !c.cues.contains_key(&key) {
                    c.suffixed.entry(key).or_insert(*f);
                }
            }
        }
        for (w, &class) in &c.words {
            c.entries.entry(w.clone()).or_default().class = class;
        }
        for (w, forms) in &c.cues {
            c.entries.entry(w.clone()).or_default().cue = forms.first().copied();
        }
        for (w, &form) in &c.suffixed {
            c.entries.entry(w.clone()).or_default().suffixed = Some(form);
        }
        c
    }

    /// Classes and cue forms of one folded word.
    #[inline]
    pub fn entry(&self, folded: &str) -> Entry {
        self.entries.get(folded).copied().unwrap_or_default()
    }

    fn add_cue(&mut self, entry: &CueEntry) {
        let id = self.cue_info.len() as u16;
        let needs = entry
            .needs
            .as_deref()
            .and_then(Needs::parse)
            .unwrap_or(Needs::Any);
        self.cue_info.push(CueInfo {
            preps: entry.preps.iter().map(|p| fold(p)).collect(),
            needs,
            needs_present: entry
                .needs_present
                .as_deref()
                .and_then(Needs::parse)
                .unwrap_or(needs),
        });
        let mut add = |form: String, tense: Tense, agreement: Agreement| {
            if form.is_empty() {
                return;
            }
            let forms = self.cues.entry(form).or_default();
            let f = CueForm {
                cue: id,
                tense,
                agreement,
            };
            if !forms.contains(&f) {
                forms.push(f);
            }
        };
        use Agreement::*;
        let past = fold(&entry.past);
        let stem = past
            .strip_suffix('ا')
            .or_else(|| past.strip_suffix('ي'))
            .unwrap_or(&past);
        add(past.clone(), Tense::Past, Masc);
        add(format!("{stem}ت"), Tense::Past, Fem);
        add(format!("{stem}وا"), Tense::Past, Plural);
        add(format!("{past}ا"), Tense::Past, Dual);
        add(format!("{stem}تا"), Tense::Past, Dual);
        if let Some(present) = entry.present.as_deref().map(fold) {
            let stem = present
                .strip_suffix('و')
                .or_else(|| present.strip_suffix('ي'))
                .unwrap_or(&present);
            if let Some(rest) = present.strip_prefix('ي') {
                add(format!("ت{rest}"), Tense::Present, Fem);
            }
            add(format!("{stem}ون"), Tense::Present, Plural);
            add(format!("{present}ان"), Tense::Present, Dual);
            add(present.clone(), Tense::Present, Masc);
        }
        if let Some(part) = entry.participle.as_deref().map(fold) {
            let stem = part.strip_suffix('ا').unwrap_or(&part);
            add(part.clone(), Tense::Participle, Masc);
            add(format!("{stem}ه"), Tense::Participle, Fem);
            add(format!("{stem}ين"), Tense::Participle, Plural);
            add(format!("{stem}ان"), Tense::Participle, Dual);
            add(format!("{stem}تين"), Tense::Participle, Dual);
        }
        for noun in &entry.nouns {
            add(fold(noun), Tense::Noun, Masc);
        }
        for (key, forms) in &entry.extra {
            let Some((tense, agreement)) = parse_extra_key(key) else {
                continue;
            };
            for form in forms {
                add(fold(form), tense, agreement);
            }
        }
    }

    /// Class bits of one folded word.
    pub fn word(&self, folded: &str) -> u32 {
        self.words.get(folded).copied().unwrap_or(0)
    }

    /// The cue forms of one folded word.
    pub fn cue(&self, folded: &str) -> Option<&[CueForm]> {
        self.cues.get(folded).map(|v| v.as_slice())
    }

    /// A cue form with an attached pronoun (وصفه -> وصف).
    pub fn suffixed_cue(&self, folded: &str) -> Option<CueForm> {
        self.suffixed.get(folded).copied()
    }

    /// Phrases starting with this folded word, longest first.
    pub fn phrases(&self, first: &str) -> &[(Vec<String>, u32)] {
        self.phrases.get(first).map(|v| v.as_slice()).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_generates_forms() {
        let c = Compiled::new(&Lexicon::builtin());
        let qalat = c.cue("قالت").unwrap();
        assert!(qalat.iter().any(|f| f.agreement == Agreement::Fem));
        assert!(c.cue("دعت").is_some());
        assert!(c.cue(&fold("مؤكدة")).is_some(), "feminine participle");
        assert!(c.cue(&fold("مؤكدين")).is_some(), "plural participle");
        assert!(c.cue("يقولون").is_some());
        assert!(c.word("انه") & Class::Complementizer.bit() != 0);
        assert!(c.word("بانها") & Class::Complementizer.bit() != 0);
        assert!(c.word("وزير") & Class::Title.bit() != 0);
        assert!(!c.phrases("من").is_empty());
    }

    #[test]
    fn user_lists_merge_and_typos_are_errors() {
        let mut lex = Lexicon::builtin();
        let user = Lexicon::from_toml_str("title = [\"حكم\"]\n[[cue]]\npast = \"همس\"\n").unwrap();
        lex.merge(user);
        let c = Compiled::new(&lex);
        assert!(c.word("حكم") & Class::Title.bit() != 0);
        assert!(c.cue("همست").is_some());
        assert!(Lexicon::from_toml_str("titel = [\"x\"]").is_err());
        assert!(Lexicon::from_toml_str("[[cue]]\npast = \"x\"\nneeds = \"maybe\"").is_err());
    }
}
