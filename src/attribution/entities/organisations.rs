//! A short organisation name met before its full name («الخارجية X» before «وزارة الخارجية X»)
//! is tied to it after the pass (called from `coref.rs`).

use std::ops::Range;

use super::Entities;
use super::coref::token_span;
use crate::attribution::SpeakerKind;
use crate::attribution::lexicon::Class;
use crate::attribution::tokens::{Tokens, clitic};

impl Entities {
    /// The only longer organisation holding every word of a shorter one of two words or more
    /// («الخارجية الفلانية» → «وزارة الخارجية الفلانية»; «إف بي» → «مكتب "إف بي آي"»).
    pub(super) fn fuller_organisation(&self, tokens: &Tokens, s: usize) -> Option<usize> {
        let short = &self.list[s];
        if short.kind != SpeakerKind::Org || short.words.len() < 2 {
            return None;
        }
        let mut fulls = (0..self.list.len()).filter(|&f| {
            let full = &self.list[f];
            f != s
                && full.kind == SpeakerKind::Org
                && (short.words.len() + 1..=short.words.len() + 3).contains(&full.words.len())
                && short.words.iter().all(|w| full.words.contains(w))
                && plain_organisation_name(tokens, &full.name)
        });
        let first = fulls.next()?;
        fulls.next().is_none().then_some(first)
    }
}

/// A name made of an organisation's own words: not «بيان X», «موقع X» (a statement or a
/// site of X), «Y وX», «X بالقول» or «Y المقربة من X».
fn plain_organisation_name(tokens: &Tokens, name: &Range<usize>) -> bool {
    let (s, e) = token_span(tokens, name);
    let list = &tokens.list;
    let foreign = |k: usize| {
        let t = &list[k];
        k > s && (t.has(clitic::CONJ) || t.has(clitic::BI))
            || t.is(Class::FramingNoun)
            || t.is(Class::Conduit)
            || t.is(Class::InfoSource)
            || t.is_exactly(Class::Preposition)
            || t.is(Class::Relative)
    };
    (s..e).filter(|&k| list[k].is_word()).all(|k| !foreign(k))
}
