//! Where content opens after a cue, its speaker and framing: a complementizer (with a
//! preposition or an addressee before it), a colon, a quotation mark, one of the cue's
//! prepositions, or the object itself.

use super::{Engine, Opening};
use crate::attribution::lexicon::{Class, CueForm, Needs, Tense};
use crate::attribution::structure::is_quote_mark;
use crate::attribution::tokens::{Kind, clitic};

impl Engine<'_> {
    /// Is a preposition of this cue (or the clitic ب) next?
    pub(super) fn prep_follows(&self, k: usize, form: CueForm) -> bool {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        if k >= list.len() || !list[k].is_word() {
            return false;
        }
        let info = &cx.lex.cue_info[form.cue as usize];
        let bare = cx.tokens.bare(k);
        info.preps.iter().any(|p| p == bare)
            || bare == "ب"
            || list[k].has(clitic::BI) && !list[k].is_exactly(Class::Preposition)
            || list[k].has(clitic::LI) && info.preps.iter().any(|p| p == "ل")
            || matches!(bare, "الي" | "علي" | "عن" | "من")
                && info.preps.is_empty()
                && form.tense != Tense::Noun
    }

    /// Where the content starts at `j` (after speaker and framing), if the cue's needs are met.
    pub fn opening(&self, j: usize, form: CueForm, needs: Needs) -> Option<Opening> {
        self.opening_at(j, form, needs)
            .filter(|o| o.start < self.cx.tokens.len())
    }

    pub(super) fn opening_at(&self, mut j: usize, form: CueForm, needs: Needs) -> Option<Opening> {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let send = cx.sentence_end(j.min(list.len().saturating_sub(1)));
        if j >= list.len() {
            return None;
        }
        let mut colon = false;
        if list[j].punct() == Some(':') {
            colon = true;
            j += 1;
        }
        if j >= list.len() || list[j].kind == Kind::Break {
            return None;
        }
        // Addressee before the complementizer: «قال لمستشاريه إنه»، «أبلغ X أن».
        if list[j].has(clitic::LI)
            && !list[j].is_exactly(Class::Complementizer)
            && j + 1 < send
            && list[j + 1].is_exactly(Class::Complementizer)
        {
            j += 1;
        }
        if list[j].is_exactly(Class::CompPreposition)
            && j + 1 < list.len()
            && list[j + 1].is_exactly(Class::Complementizer)
        {
            return Some(Opening {
                start: j + 2,
                comp: true,
                colon,
            });
        }
        if list[j].is_exactly(Class::Complementizer) {
            return (j + 1 < list.len()).then_some(Opening {
                start: j + 1,
                comp: true,
                colon,
            });
        }
        if colon || list[j].punct().is_some_and(is_quote_mark) {
            return Some(Opening {
                start: j,
                comp: false,
                colon,
            });
        }
        if !list[j].is_word() {
            return None;
        }
        let info = &cx.lex.cue_info[form.cue as usize];
        let bare = cx.tokens.bare(j);
        if bare == "ب" && j + 1 < send && list[j + 1].punct().is_some_and(is_quote_mark) {
            return Some(Opening {
                start: j + 1,
                comp: false,
                colon,
            });
        }
        if info.preps.iter().any(|p| p == bare) && !list[j].has(clitic::CONJ) {
            return (j + 1 < send).then_some(Opening {
                start: j + 1,
                comp: false,
                colon,
            });
        }
        match needs {
            // «سائلا الله تعالى أن»، «مطمئنا المواطنين أن»: after a participle, an addressee of
            // a few plain words before the complementizer.
            Needs::Comp => (j + 1..(j + 5).min(send))
                .take_while(|&m| {
                    list[m].is_word()
                        && list[m].cue.is_none()
                        && !list[m].has(clitic::CONJ)
                        && !list[m].has(clitic::LI)
                })
                .find(|&m| list[m].is_exactly(Class::Complementizer))
                .filter(|_| {
                    form.tense == Tense::Participle
                        && list[j].cue.is_none()
                        && !list[j].has(clitic::LI)
                        && !list[j].is_exactly(Class::Preposition)
                })
                .map(|m| Opening {
                    start: m + 1,
                    comp: true,
                    colon,
                }),
            Needs::CompOrPrep if !self.prep_follows(j, form) => {
                if form.tense == Tense::Participle {
                    self.object_then_comp_or_bi(j, send, colon)
                } else {
                    None
                }
            }
            _ => {
                if list[j].is_exactly(Class::Relative) || list[j].is_exactly(Class::Time) {
                    return None;
                }
                Some(Opening {
                    start: j,
                    comp: false,
                    colon,
                })
            }
        }
    }

    /// «واصفة الاقتراح بأنه "..."»، «واصفا إياه بالمتسرع»: after a participle that needs a
    /// complementizer or ب, its object first. A noun object stays in the content (GUIDE rule
    /// 3); the pronoun إياه is left out like an attached one.
    fn object_then_comp_or_bi(&self, j: usize, send: usize, colon: bool) -> Option<Opening> {
        let cx = &self.cx;
        let list = &cx.tokens.list;
        let opens = |m: usize| {
            list[m].is_exactly(Class::Complementizer)
                || list[m].has(clitic::BI) && !list[m].is_exactly(Class::Preposition)
        };
        if matches!(cx.tokens.bare(j), "اياه" | "اياها" | "اياهم" | "اياهما") {
            let m = j + 1;
            if m >= send || !list[m].is_word() || !opens(m) {
                return None;
            }
            let start = if list[m].is_exactly(Class::Complementizer) {
                m + 1
            } else {
                m
            };
            return (start < send).then_some(Opening {
                start,
                comp: list[m].is_exactly(Class::Complementizer),
                colon,
            });
        }
        if list[j].has(clitic::LI) || list[j].is_exactly(Class::Preposition) || opens(j) {
            return None;
        }
        (j + 1..(j + 6).min(send))
            .take_while(|&m| {
                list[m].is_word() && list[m].cue.is_none() && !list[m].has(clitic::CONJ)
            })
            .find(|&m| opens(m))
            .map(|_| Opening {
                start: j,
                comp: false,
                colon,
            })
    }
}
