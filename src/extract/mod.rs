//! `rawi extract`: speakers and quotes of articles as JSON Lines, JSON or text.
//!
//! Articles are extracted in parallel (rayon) in batches, and printed in input order. Input
//! loading is kept in [`inputs`] behind one function so that it can move to [`crate::corpus`].

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::attribution::{Extraction, Extractor, QuoteKind, SpeakerKind};
use crate::corpus::{LoadOptions, map_articles_par};

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

/// Writes one article in the given format. `first`: no record was written before (JSON array).
fn write_record(out: &mut Vec<u8>, format: Format, rec: &Record, first: bool) {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, rec).expect("serialising to memory");
            out.push(b'\n');
        }
        Format::Json => {
            out.extend_from_slice(if first { b"[\n" } else { b",\n" });
            serde_json::to_writer_pretty(&mut *out, rec).expect("serialising to memory");
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

/// Runs `rawi extract` over the given paths (read as [`crate::corpus`] reads them, with `opts`:
/// encodings, JSON Lines key names); returns the number of inputs that failed. Warnings (lossy
/// decoding, skipped corpus lines) go to stderr and are not failures.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    opts: &LoadOptions,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let extractor = Extractor::builtin();
    let mut failures = 0;
    let mut first = true;
    let mut result = Ok(());
    map_articles_par(
        paths,
        opts,
        |a| {
            let x = extractor.extract(&a.text);
            let rec = record(a.path, &a.id, &a.text, &x);
            let mut buf = Vec::with_capacity(a.text.len() / 2);
            match format {
                // The array's commas are written in order, by the sink.
                Format::Json => {
                    serde_json::to_writer_pretty(&mut buf, &rec).expect("serialising to memory")
                }
                _ => write_record(&mut buf, format, &rec, false),
            }
            buf
        },
        |item| {
            match item {
                Ok(buf) => {
                    let written = if format == Format::Json {
                        out.write_all(if first { b"[\n" } else { b",\n" })
                            .and_then(|()| out.write_all(&buf))
                    } else {
                        out.write_all(&buf)
                    };
                    first = false;
                    if let Err(e) = written {
                        result = Err(e);
                        return false;
                    }
                }
                Err(e) => {
                    failures += usize::from(!e.is_warning());
                    eprintln!("rawi extract: {e}");
                }
            }
            true
        },
    );
    result?;
    if format == Format::Json {
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    Ok(failures)
}
