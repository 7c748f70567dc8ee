//! Word lists: loaded from TOML (`assets/lexicon/`), merged, then compiled into hash maps of
//! folded words so that the engine looks every token up once.
//!
//! A linguist edits the TOML files; a user adds lists of their own with [`Lexicon::from_toml_str`]
//! and [`Lexicon::merge`], then builds an engine with `Extractor::new(lexicon)`. The lookup
//! tables built from the lists are in `compiled.rs`.

mod compiled;

pub use compiled::{Compiled, Entry};

use std::collections::BTreeMap;

use serde::Deserialize;

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
    /// Corpus-derived hints on single words (`assets/lexicon/names.txt`), by folded form.
    #[serde(skip)]
    pub name_hints: BTreeMap<String, NameHint>,
}

/// What the bulk corpus says about a word in a name (see `assets/lexicon/build_names.py`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NameHint {
    #[default]
    Unknown,
    /// Mostly seen right after a first name or a name particle: a surname («الفرقداني»).
    Part,
    /// Never seen in a name, often after قد/لم/لن/سوف: a verb (شهدت).
    Verb,
    /// Never seen in a name, often written with tanween: an adverb or accusative (مرارا).
    Adverb,
    /// Never seen in a name, often with the article: a common noun (رقم، سلوك).
    CommonNoun,
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
            pub fn bit(self) -> u64 {
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
    Topic = "topic",
    NarratorTail = "narrator_tail",
    QuotationTail = "quotation_tail",
    CourtesyVerb = "courtesy_verb",
    Courtesy = "courtesy",
    PhraseStop = "phrase_stop",
    Quantifier = "quantifier",
    Divine = "divine",
    WithholdVerb = "withhold_verb",
    IdentityNoun = "identity_noun",
    Emphatic = "emphatic",
    Interview = "interview",
}

const CUES_TOML: &str = include_str!("../../../assets/lexicon/cues.toml");
const WORDS_TOML: &str = include_str!("../../../assets/lexicon/words.toml");
const NAMES_TXT: &str = include_str!("../../../assets/lexicon/names.txt");

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::from_toml_str(CUES_TOML).expect("built-in cues.toml");
        lexicon.merge(Lexicon::from_toml_str(WORDS_TOML).expect("built-in words.toml"));
        lexicon.name_hints = parse_name_hints(NAMES_TXT);
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
        self.name_hints.extend(other.name_hints);
    }
}

/// Parses `names.txt`: `[name_part]`, `[verb]`, `[adverb]` and `[common_noun]` sections of folded
/// words, one a line; `#` starts a comment line.
pub fn parse_name_hints(text: &str) -> BTreeMap<String, NameHint> {
    let mut hints = BTreeMap::new();
    let mut hint = NameHint::Unknown;
    for line in text.lines().map(str::trim) {
        match line {
            "" => {}
            "[name_part]" => hint = NameHint::Part,
            "[verb]" => hint = NameHint::Verb,
            "[adverb]" => hint = NameHint::Adverb,
            "[common_noun]" => hint = NameHint::CommonNoun,
            _ if line.starts_with('#') || hint == NameHint::Unknown => {}
            // build_names.py writes folded words: no folding here (17,000 words at start-up).
            word => {
                hints.insert(word.to_string(), hint);
            }
        }
    }
    hints
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
