//! Sentences, paragraphs and quotation-mark pairs over the tokens of one article.
//!
//! Quotation marks are paired within a paragraph, whatever their style and even when mismatched
//! («...", “...»); a mark's role (opening or closing) comes from its spacing first and its glyph
//! second. An unclosed mark runs to the end of its paragraph, never further; a closing mark with
//! no opening one is ignored.

use super::tokens::{Kind, Tokens};

/// A pair of quotation marks: token indices of the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: usize,
    /// The closing mark, or `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// Token index just past the quoted content (the closing mark, or the paragraph end).
    pub content_end: usize,
}

#[derive(Debug, Default)]
pub struct Structure {
    /// Token index ranges of sentences, in order; a sentence includes its final mark.
    pub sentences: Vec<(usize, usize)>,
    /// Sentence index of every token.
    pub sentence_of: Vec<u32>,
    /// Token index ranges of paragraphs.
    pub paragraphs: Vec<(usize, usize)>,
    pub paragraph_of: Vec<u32>,
    pub pairs: Vec<QuotePair>,
    /// For each token, 1 + index of the innermost pair whose content holds it (marks excluded),
    /// or 0.
    pub quote_of: Vec<u32>,
    /// For each token, 1 + index of the pair it opens or closes, or 0.
    mark_of: Vec<u32>,
}

pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '\'' | '‘' | '’'
    )
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

impl Structure {
    pub fn new(tokens: &Tokens) -> Structure {
        let n = tokens.len();
        let mut s = Structure {
            sentence_of: vec![0; n],
            paragraph_of: vec![0; n],
            quote_of: vec![0; n],
            ..Structure::default()
        };
        let mut start = 0;
        for i in 0..=n {
            if i == n || tokens.list[i].kind == Kind::Break {
                if i > start {
                    s.pair_quotes(tokens, start, i);
                    let p = s.paragraphs.len() as u32;
                    s.paragraph_of[start..i].fill(p);
                    s.paragraphs.push((start, i));
                }
                if i < n {
                    s.paragraph_of[i] = s.paragraphs.len().saturating_sub(1) as u32;
                }
                start = i + 1;
            }
        }
        s.mark_of = vec![0; n];
        for (k, pair) in s.pairs.iter().enumerate() {
            for q in &mut s.quote_of[pair.open + 1..pair.content_end] {
                *q = k as u32 + 1;
            }
            s.mark_of[pair.open] = k as u32 + 1;
            if let Some(c) = pair.close {
                s.mark_of[c] = k as u32 + 1;
            }
        }
        s.split_sentences(tokens);
        s
    }

    fn pair_quotes(&mut self, tokens: &Tokens, start: usize, end: usize) {
        let list = &tokens.list;
        let mut open: Option<(usize, char)> = None;
        for i in start..end {
            let Some(c) = list[i].punct().filter(|&c| is_quote_mark(c)) else {
                continue;
            };
            // Glued to a word (or to a closing stop before it / an opening bracket after it). A
            // mark right after a colon opens («قال:»نعم ...«»).
            let glued_before = i > start
                && list[i - 1].end == list[i].start
                && !list[i - 1]
                    .punct()
                    .is_some_and(|p| matches!(p, '(' | '[' | ':') || is_quote_mark(p));
            let glued_after = i + 1 < end
                && list[i + 1].start == list[i].end
                && (list[i + 1].is_word()
                    || list[i + 1].punct().is_some_and(|p| matches!(p, '(' | '#')));
            if is_single(c) && glued_before && glued_after {
                continue; // an apostrophe inside a word
            }
            let opens = match (glued_before, glued_after) {
                (false, true) => true,
                (true, false) => false,
                _ => match c {
                    '«' | '“' | '„' | '‹' | '‘' => open.is_none(),
                    '»' | '”' | '›' | '’' => false,
                    _ => open.is_none(),
                },
            };
            match open {
                None if opens => open = Some((i, c)),
                None => {} // a stray closing mark
                Some((o, oc)) => {
                    if opens {
                        // A double mark opening inside single ones: the single one was an
                        // apostrophe. Any other opening mark inside a quote is nested: content.
                        if is_single(oc) && !is_single(c) {
                            open = Some((i, c));
                        }
                    } else if !is_single(c) || is_single(oc) {
                        self.pairs.push(QuotePair {
                            open: o,
                            close: Some(i),
                            content_end: i,
                        });
                        open = None;
                    }
                }
            }
        }
        if let Some((o, _)) = open {
            // Unclosed: the quote runs to the end of the paragraph.
            let mut content_end = end;
            while content_end > o + 1
                && list[content_end - 1]
                    .punct()
                    .is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟'))
            {
                content_end -= 1;
            }
            self.pairs.push(QuotePair {
                open: o,
                close: None,
                content_end,
            });
        }
    }

    fn split_sentences(&mut self, tokens: &Tokens) {
        let list = &tokens.list;
        let n = list.len();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let ends = match list[i].kind {
                Kind::Break => true,
                Kind::Punct(c @ ('.' | '!' | '?' | '؟' | '…')) => {
                    let run_before = i > 0 && list[i - 1].punct() == Some(c);
                    let run_after = i + 1 < n && list[i + 1].punct() == Some(c);
                    let abbreviation = c == '.'
                        && i > 0
                        && list[i - 1].is_word()
                        && list[i - 1].arabic_letters == 1
                        && list[i - 1].end == list[i].start;
                    let closes_quote = i + 1 < n
                        && self.quote_of[i] != 0
                        && self.pair_holding(i).is_some_and(|p| p.close == Some(i + 1));
                    (self.quote_of[i] == 0 || closes_quote)
                        && c != '…'
                        && !(c == '.' && (run_before || run_after))
                        && !abbreviation
                }
                _ => false,
            };
            if ends {
                // Keep a closing quotation mark right after the full stop with its sentence.
                let mut end = i + 1;
                while end < n
                    && list[end].punct().is_some_and(is_quote_mark)
                    && list[end].start == list[end - 1].end
                {
                    end += 1;
                }
                self.push_sentence(start, end);
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < n {
            self.push_sentence(start, n);
        }
    }

    fn push_sentence(&mut self, start: usize, end: usize) {
        let k = self.sentences.len() as u32;
        self.sentence_of[start..end].fill(k);
        self.sentences.push((start, end));
    }

    /// The pair whose opening mark is token `i`.
    pub fn pair_opened_at(&self, i: usize) -> Option<&QuotePair> {
        match self.mark_of.get(i) {
            Some(&k) if k > 0 => self.pairs.get(k as usize - 1).filter(|p| p.open == i),
            _ => None,
        }
    }

    /// The pair whose closing mark is token `i`.
    pub fn pair_closed_at(&self, i: usize) -> Option<&QuotePair> {
        match self.mark_of.get(i) {
            Some(&k) if k > 0 => self
                .pairs
                .get(k as usize - 1)
                .filter(|p| p.close == Some(i)),
            _ => None,
        }
    }

    /// The pair whose content holds token `i`.
    pub fn pair_holding(&self, i: usize) -> Option<&QuotePair> {
        match self.quote_of.get(i) {
            Some(&k) if k > 0 => self.pairs.get(k as usize - 1),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::lexicon::{Compiled, Lexicon};

    fn structure(text: &str) -> (Tokens, Structure) {
        let t = Tokens::new(text, &Compiled::new(&Lexicon::builtin()));
        let s = Structure::new(&t);
        (t, s)
    }

    fn quoted(text: &str) -> Vec<String> {
        let (t, s) = structure(text);
        s.pairs
            .iter()
            .map(|p| {
                let a = t.list[p.open].end as usize;
                let b = if p.content_end < t.len() {
                    t.list[p.content_end].start as usize
                } else {
                    text.len()
                };
                text[a..b].trim().to_string()
            })
            .collect()
    }

    #[test]
    fn pairs_styles_and_mismatches() {
        assert_eq!(quoted("قال «نعم» و\"لا\" ثم “ربما”"), ["نعم", "لا", "ربما"]);
        assert_eq!(quoted("تنظيم «الفجر « بخطف"), ["الفجر"]);
        assert_eq!(quoted("قال \"هذا مهم\". ثم كلام آخر\". وبعد"), ["هذا مهم"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        assert_eq!(quoted("قال «هذا كلام.\nفقرة جديدة"), ["هذا كلام"]);
    }

    #[test]
    fn sentences_skip_decimals_abbreviations_and_quoted_stops() {
        let (_, s) = structure("قال د. محمد إن 2.7 مليار. وقال \"جملة. وجملة\". نهاية");
        assert_eq!(s.sentences.len(), 3);
    }
}
