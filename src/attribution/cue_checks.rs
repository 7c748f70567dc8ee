//! Is a cue word really a cue here? Participle forms used as nouns or adjectives, participles
//! of the narrator inside a quotation, courtesy verbs without a courtesy, question sentences.

use super::Context;
use super::lexicon::{Agreement, Class, Tense};
use super::structure::is_quote_mark;
use super::tokens::clitic;

impl Context<'_> {
    /// ««... حلفاؤه، معتبرا أنه إذا ...»»: a participle with its complementizer inside a
    /// quotation is the narrator's voice (a first-person quote has no third-person participle):
    /// it ends the quotation's content and starts a new quote.
    pub fn narrator_participle(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let Some(hit) = list[k].cue else { return false };
        let n = k + 1;
        hit.form.tense == Tense::Participle
            && !hit.object
            && self.structure.quote_of[k] != 0
            && k > 0
            && !list[k - 1].punct().is_some_and(is_quote_mark)
            && n + 1 < list.len()
            && (self.next_opens_content(n)
                || list[n].is_word()
                    && self.lex.cue_info[hit.form.cue as usize]
                        .preps
                        .iter()
                        .any(|p| p == self.tokens.bare(n))
                    && list[n + 1].is_exactly(Class::Complementizer))
    }

    /// «رفع الوزير أحر التعازي»: the courtesy word a courtesy verb's object starts with, a few
    /// words (the speaker) after `j`, in the same clause.
    pub fn courtesy_ahead(&self, j: usize) -> Option<usize> {
        let list = &self.tokens.list;
        (j..(j + 12).min(list.len()))
            .take_while(|&m| {
                list[m].is_word() || list[m].punct().is_some_and(|c| matches!(c, '،' | ','))
            })
            .find(|&m| list[m].is_exactly(Class::Courtesy))
    }

    /// A courtesy verb (رفع، قدم) whose object is no courtesy: «التي تقدم فيه»، «ورفعها للمقام».
    pub fn idle_courtesy_verb(&self, k: usize) -> bool {
        self.tokens.list[k].is_exactly(Class::CourtesyVerb) && self.courtesy_ahead(k + 1).is_none()
    }

    /// A participle form used as a noun or an adjective, not as a cue: after a preposition
    /// («بناء على مطالبة ملاك»), or feminine right after an indefinite feminine word without a
    /// comma («رقابة ميدانية مشددة»).
    pub fn adjectival_participle(&self, k: usize) -> bool {
        let list = &self.tokens.list;
        let Some(hit) = list[k].cue else { return false };
        if k == 0 || !list[k - 1].is_word() || list[k].has(clitic::CONJ) {
            return false;
        }
        let prev = &list[k - 1];
        hit.form.tense == Tense::Participle
            && (prev.is_exactly(Class::Preposition)
                || hit.form.agreement == Agreement::Fem
                    && prev.cue.is_none()
                    && prev.fem
                    // An (indefinite) participle can only qualify an indefinite noun.
                    && !prev.has(clitic::AL)
                    && !self.tokens.bare(k - 1).starts_with("ال"))
    }

    /// «وتم كشف النقاب عن»، «سيتم الإعلان عن»: after «تم» (it was done) the cue word is a
    /// verbal noun of an agentless passive; nobody is quoted.
    pub fn after_passive_auxiliary(&self, k: usize) -> bool {
        k > 0
            && self.tokens.list[k - 1].is_word()
            && matches!(
                self.tokens.bare(k - 1),
                "تم" | "يتم" | "سيتم" | "تتم" | "ستتم"
            )
    }

    /// Does the sentence holding token `i` end with a question mark («هل تكشف القضية عن ...؟»)?
    pub fn is_question(&self, i: usize) -> bool {
        let (_, end) = self.structure.sentences[self.structure.sentence_of[i] as usize];
        (end.saturating_sub(3)..end).any(|k| {
            self.tokens.list[k]
                .punct()
                .is_some_and(|c| matches!(c, '?' | '؟'))
        })
    }

    /// The first narrator participle in `from..to`, if any.
    pub fn narrator_participle_in(&self, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&k| self.narrator_participle(k))
    }
}
