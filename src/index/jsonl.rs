//! The index as JSON Lines, one speaker per line (`rawi extract --speakers`).

use std::io::{self, Write};

use serde::Serialize;

use super::{QuoteRef, SortBy, SpeakerIndex};
use crate::attribution::{QuoteKind, SpeakerKind};

impl SpeakerIndex {
    /// Writes one JSON object per speaker (most quotes first): name, kind, roles, aliases,
    /// article and quote counts, and every quote with its article's id and path (`article`
    /// gives both for an article index), byte range, cue, kind, and text (when `quote_text`
    /// gives it).
    pub fn write_jsonl<'a, W: Write>(
        &self,
        mut out: W,
        article: impl Fn(usize) -> (&'a str, &'a str),
        quote_text: impl Fn(&QuoteRef) -> Option<String>,
    ) -> io::Result<()> {
        for i in self.sorted(SortBy::Quotes) {
            let s = &self.speakers[i];
            let line = SpeakerLine {
                name: &s.name,
                kind: s.kind,
                roles: &s.roles,
                aliases: &s.aliases,
                articles: s.article_count(),
                quotes: s.quote_count(),
                quoted: s
                    .quotes
                    .iter()
                    .map(|q| QuoteLine {
                        article: article(q.article).0,
                        path: article(q.article).1,
                        start: q.range.start,
                        end: q.range.end,
                        kind: q.kind,
                        cue: &q.cue,
                        text: quote_text(q),
                    })
                    .collect(),
            };
            let mut json = Vec::new();
            serde_json::to_writer(&mut json, &line)?;
            crate::extract::json_safe::escape_terminal_controls(&mut json, 0);
            json.push(b'\n');
            out.write_all(&json)?;
        }
        out.flush()
    }
}

#[derive(Serialize)]
struct SpeakerLine<'a> {
    name: &'a str,
    kind: SpeakerKind,
    roles: &'a [String],
    aliases: &'a [String],
    articles: usize,
    quotes: usize,
    quoted: Vec<QuoteLine<'a>>,
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    article: &'a str,
    path: &'a str,
    start: usize,
    end: usize,
    kind: QuoteKind,
    cue: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}
