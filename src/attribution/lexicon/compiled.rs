//! The compiled lexicon: every folded word to its class bits and cue forms (one hash lookup
//! per token), phrases by their first word, and the generated forms of every cue verb.

use rustc_hash::FxHashMap;

use super::{
    Agreement, Class, CueEntry, CueForm, CueInfo, Lexicon, NameHint, Needs, Tense, parse_extra_key,
};
use crate::arabic::fold;

/// Everything the lexicon knows about one folded word, found with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub class: u64,
    /// The word is a cue form (the first one listed when several cues share it).
    pub cue: Option<CueForm>,
    /// The word is a cue form with an attached pronoun (وصفه، قوله).
    pub suffixed: Option<CueForm>,
    /// What the corpus says about the word in names.
    pub name_hint: NameHint,
}

/// The compiled lexicon: folded words to class bits, phrases, cue forms.
#[derive(Debug, Default)]
pub struct Compiled {
    entries: FxHashMap<String, Entry>,
    words: FxHashMap<String, u64>,
    /// First word of a phrase -> (the phrase's words, class bits).
    phrases: FxHashMap<String, Vec<(Vec<String>, u64)>>,
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
        for (w, &hint) in &lexicon.name_hints {
            c.entries.entry(w.clone()).or_default().name_hint = hint;
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
    pub fn word(&self, folded: &str) -> u64 {
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
    pub fn phrases(&self, first: &str) -> &[(Vec<String>, u64)] {
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
