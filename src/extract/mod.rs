//! `rawi extract`: speakers and quotes of articles as JSON Lines, JSON or text.
//!
//! Articles are extracted in parallel (rayon) in batches, and printed in input order. Input
//! loading is kept in [`inputs`] behind one function so that it can move to [`crate::corpus`].

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::attribution::{Extraction, Extractor, QuoteKind, SpeakerKind};

pub mod inputs;

/// Output format of `rawi extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Text,
}

/// One article's record, exactly as printed in JSON.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub path: &'a str,
    pub id: &'a str,
    pub speakers: Vec<SpeakerRecord<'a>>,
    pub quotes: Vec<QuoteRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    pub id: usize,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub kind: SpeakerKind,
    pub aliases: Vec<&'a str>,
    pub quotes: usize,
}

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub speaker: usize,
    pub cue: &'a str,
    pub kind: QuoteKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The record of one article.
pub fn record<'a>(path: &'a str, id: &'a str, text: &'a str, x: &'a Extraction) -> Record<'a> {
    Record {
        path,
        id,
        speakers: x
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| SpeakerRecord {
                id: i,
                name: &s.name,
                role: s.role.as_deref(),
                kind: s.kind,
                aliases: s.aliases.iter().map(String::as_str).collect(),
                quotes: s.quotes,
            })
            .collect(),
        quotes: x
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                speaker: q.speaker,
                cue: &q.cue,
                kind: q.kind,
                text: &text[q.range.clone()],
                start: q.range.start,
                end: q.range.end,
            })
            .collect(),
    }
}

/// Writes one article in the given format (JSON array separators are the caller's).
fn write_record(out: &mut Vec<u8>, format: Format, rec: &Record) {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, rec).expect("serialising to memory");
            out.push(b'\n');
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rec).expect("serialising to memory")
        }
        Format::Text => write_text(out, rec),
    }
}

fn write_text(out: &mut Vec<u8>, rec: &Record) {
    let _ = writeln!(
        out,
        "== {} ({} speakers, {} quotes)",
        rec.path,
        rec.speakers.len(),
        rec.quotes.len()
    );
    for s in &rec.speakers {
        let kind = match s.kind {
            SpeakerKind::Person => "person",
            SpeakerKind::Org => "org",
        };
        let _ = write!(out, "[{}] {} ({kind}", s.id, s.name);
        if let Some(role) = s.role {
            let _ = write!(out, ", {role}");
        }
        let _ = writeln!(out, "), {} quotes", s.quotes);
        for q in rec.quotes.iter().filter(|q| q.speaker == s.id) {
            let mark = match q.kind {
                QuoteKind::Direct => "«»",
                QuoteKind::Indirect => "~",
            };
            let _ = writeln!(out, "    {mark} {}: {}", q.cue, q.text);
        }
    }
    out.push(b'\n');
}

/// Extracts one input and renders its record, or says why it failed.
fn render(extractor: &Extractor, format: Format, item: &inputs::Item) -> Result<Vec<u8>, String> {
    let article = item.article()?;
    let x = extractor.extract(&article.text);
    let mut buf = Vec::with_capacity(article.text.len() / 2);
    write_record(
        &mut buf,
        format,
        &record(&article.path, &article.id, &article.text, &x),
    );
    Ok(buf)
}

/// Runs `rawi extract` over the given paths; returns the number of inputs that failed.
pub fn run(paths: &[PathBuf], format: Format, out: &mut dyn Write) -> io::Result<usize> {
    let extractor = Extractor::builtin();
    let mut failures = 0;
    let mut written = 0usize;
    let mut result = Ok(());
    inputs::for_each_batch(paths, &mut |batch| {
        if result.is_err() {
            return;
        }
        let rendered: Vec<Result<Vec<u8>, String>> = batch
            .par_iter()
            .map(|item| render(extractor, format, item))
            .collect();
        for buf in rendered {
            match buf {
                Ok(buf) => {
                    let separator: &[u8] = match (format, written) {
                        (Format::Json, 0) => b"[\n",
                        (Format::Json, _) => b",\n",
                        _ => b"",
                    };
                    written += 1;
                    if let Err(e) = out.write_all(separator).and_then(|()| out.write_all(&buf)) {
                        result = Err(e);
                        return;
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("rawi extract: {e}");
                }
            }
        }
    });
    result?;
    if format == Format::Json {
        out.write_all(if written == 0 { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    Ok(failures)
}
