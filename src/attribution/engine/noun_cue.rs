//! Nominal cues: «عن X قوله»، «القول بأن»، «مع تشديده على أن».

use super::{Basis, Engine, ends_with_pronoun};
use crate::attribution::lexicon::{Agreement, Class, Needs};
use crate::attribution::phrase;
use crate::attribution::structure::is_quote_mark;
use crate::attribution::tokens::CueHit;

impl Engine<'_> {
    /// A nominal cue: «عن X قوله»، «القول بأن»، «مع تشديده على أن».
    pub(super) fn noun(&mut self, i: usize, hit: CueHit) -> Option<usize> {
        let tokens = self.cx.tokens;
        let list = &tokens.list;
        let send = self.cx.sentence_end(i);
        let j = self.cx.skip_framing(i + 1, send, false);
        if j >= send {
            return None;
        }
        let opens = self.cx.next_opens_content(j)
            || list[j].punct().is_some_and(is_quote_mark)
            || list[j].is_exactly(Class::Complementizer)
            || self.prep_follows(j, hit.form);
        if !opens {
            return None;
        }
        let opening = self.opening(j, hit.form, Needs::CompOrPrep)?;
        // The possessor: «عن X قوله» (X just before), else an attached pronoun (قوله، قولها),
        // else, for a bare verbal noun (التشديد), the speaker of the quote just before.
        let possessive = ends_with_pronoun(self.cx.text, &list[i]);
        let sentence = self.cx.structure.sentence_of[i] as usize;
        let (speaker, basis) = if let Some(id) = self.relayed_speaker(i) {
            (id, Basis::Relayed)
        } else if let Some((s, id)) = self.current
            && !possessive
            && s + 1 >= sentence
        {
            (id, Basis::Continuation)
        } else {
            let agreement = possessive_agreement(tokens.bare(i));
            (self.implicit(i, agreement)?, Basis::Implicit)
        };
        self.emit(speaker, Some(i), opening, basis)
    }

    /// «... عن مصادر أمنية قولها»: the phrase between عن and the nominal cue.
    pub(super) fn relayed_speaker(&mut self, i: usize) -> Option<usize> {
        let list = &self.cx.tokens.list;
        let from = (i.saturating_sub(12)..i)
            .rev()
            .find(|&k| list[k].is_word() && self.cx.tokens.bare(k) == "عن")?;
        let mut p = phrase::parse(&self.cx, from + 1, i, true)?;
        self.extend_description(&mut p, i);
        if p.end + 3 < i {
            return None;
        }
        Some(self.cx.resolve(&p, p.start))
    }
}

/// Agreement of a possessive pronoun on a nominal cue (قوله -> he, قولها -> she).
fn possessive_agreement(word: &str) -> Agreement {
    if word.ends_with("هما") {
        Agreement::Dual
    } else if word.ends_with("هم") {
        Agreement::Plural
    } else if word.ends_with("ها") {
        Agreement::Fem
    } else {
        Agreement::Masc
    }
}
