//! Who said what: the rule-based Arabic attribution engine.
//!
//! Input: one article as logical UTF-8 text. Output: its speakers and their quotes, with exact
//! byte ranges into the input. No UI types; word lists come from `assets/lexicon/`.

use std::ops::Range;

use serde::Serialize;

mod confidence;
mod cue_checks;
mod engine;
mod entities;
mod framing;
pub mod lexicon;
mod output;
mod phrase;
mod pieces;
mod sources;
mod span;
mod structure;
mod subjects;
mod tokens;

use engine::Engine;
use entities::Entities;
use lexicon::Compiled;
pub use lexicon::{Lexicon, LexiconError};
use phrase::Phrase;
use structure::Structure;
use tokens::Tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Org,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// A person or organisation quoted in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Fullest name form the article uses, without the job title.
    pub name: String,
    /// Job title phrase as written, if any.
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Every surface form naming the speaker, exactly as written.
    pub aliases: Vec<String>,
    /// Byte ranges of every mention of the speaker in the article.
    pub mentions: Vec<Range<usize>>,
    /// Number of quotes credited to the speaker.
    pub quotes: usize,
    /// How sure the engine is that this speaker is quoted: the highest [`Quote::confidence`] of
    /// its quotes.
    pub confidence: f32,
}

/// Reported content credited to a speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Index into [`Extraction::speakers`].
    pub speaker: usize,
    /// The cue word as written (قال، مؤكدا، بحسب ...), empty when there is none.
    pub cue: String,
    pub kind: QuoteKind,
    /// Byte range of the reported content in the article.
    pub range: Range<usize>,
    /// How sure the engine is of the speaker, from 0 to 1: about the share of quotes found the
    /// same way (pattern around the cue, a name or only a description, mentioned once or more,
    /// how far back an implicit speaker was last seen) that the annotated articles credit to the
    /// right speaker. The table is in `confidence.rs`.
    pub confidence: f32,
}

/// Everything found in one article. Quotes are in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
}

/// The attribution engine, holding its compiled word lists.
#[derive(Debug)]
pub struct Extractor {
    lexicon: Compiled,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(&Lexicon::builtin())
    }
}

/// Everything the passes over one article share.
pub struct Context<'a> {
    pub text: &'a str,
    pub lex: &'a Compiled,
    pub tokens: &'a Tokens,
    pub structure: &'a Structure,
    pub entities: Entities,
}

impl Context<'_> {
    /// End of a known speaker's name starting at token `j`.
    pub fn known_name_at(&self, j: usize) -> Option<usize> {
        self.entities
            .known_name_at(self.tokens, j, self.tokens.len())
    }

    /// Do the words of a role name a known speaker («النائبة» after «النائبة ليلى ...»)?
    pub fn describes_known(&self, tokens: &Tokens, role: Option<(usize, usize)>) -> bool {
        role.is_some_and(|(s, e)| self.entities.describes(tokens, s, e))
    }

    /// The entity a speaker phrase refers to («بيان X» is X's).
    pub fn resolve(&mut self, phrase: &Phrase, at: usize) -> usize {
        self.entities.resolve(self.tokens, phrase, at)
    }
}

impl Extractor {
    /// An engine with the given word lists (e.g. the built-in ones merged with a user's).
    pub fn new(lexicon: &Lexicon) -> Extractor {
        Extractor {
            lexicon: Compiled::new(lexicon),
        }
    }

    /// The engine with the lexicon built into the binary.
    pub fn builtin() -> &'static Extractor {
        static BUILTIN: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Extractor::default)
    }

    /// Finds the speakers and quotes of one article (a very long one a piece at a time: see
    /// `pieces.rs`).
    pub fn extract(&self, article: &str) -> Extraction {
        if article.len() <= pieces::MAX_PIECE {
            return self.extract_piece(article);
        }
        let mut whole = Extraction::default();
        for range in pieces::pieces(article, pieces::MAX_PIECE) {
            let piece = self.extract_piece(&article[range.clone()]);
            pieces::append(&mut whole, piece, range.start);
        }
        whole
    }

    fn extract_piece(&self, article: &str) -> Extraction {
        let tokens = Tokens::new(article, &self.lexicon);
        let structure = Structure::new(&tokens);
        let cx = Context {
            text: article,
            lex: &self.lexicon,
            tokens: &tokens,
            structure: &structure,
            entities: Entities::default(),
        };
        let mut engine = Engine::new(cx);
        engine.run();
        output::build(article, engine)
    }
}
