//! `rawi extract`: speakers and quotes of articles as JSON Lines, JSON or text.
//!
//! Articles are read by [`crate::corpus`] and extracted in parallel, and printed in input order.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::attribution::{Extraction, Extractor, QuoteKind, SpeakerKind};
use crate::corpus::{self, ArticleRef, LoadOptions};
use crate::text::display_safe;

pub mod json_safe;

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
    /// Shown by the text format only (the JSON records keep their fields).
    #[serde(skip)]
    pub title: &'a str,
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
    /// [`crate::attribution::Speaker::confidence`], rounded to two decimals.
    pub confidence: f32,
}

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub speaker: usize,
    pub cue: &'a str,
    pub kind: QuoteKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// [`crate::attribution::Quote::confidence`], rounded to two decimals.
    pub confidence: f32,
}

/// The record of one article.
pub fn record<'a>(
    path: &'a str,
    id: &'a str,
    title: &'a str,
    text: &'a str,
    x: &'a Extraction,
) -> Record<'a> {
    Record {
        path,
        id,
        title,
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
                confidence: two_decimals(s.confidence),
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
                confidence: two_decimals(q.confidence),
            })
            .collect(),
    }
}

/// 0.8500001 -> 0.85: the JSON shows what the number means, not float noise.
fn two_decimals(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Writes one article in the given format. `first`: no record was written before (JSON array).
pub fn write_record(out: &mut Vec<u8>, format: Format, rec: &Record, first: bool) {
    if format == Format::Json {
        out.extend_from_slice(if first { b"[\n" } else { b",\n" });
    }
    write_body(out, format, rec);
}

/// One record without what separates it from the one before (JSON array commas).
fn write_body(out: &mut Vec<u8>, format: Format, rec: &Record) {
    let start = out.len();
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
    if format != Format::Text {
        json_safe::escape_terminal_controls(out, start);
    }
}

/// The text format is read in a terminal: every string from the article (path, names, cues,
/// quotes) goes through [`display_safe`], so no control or bidi formatting character gets out.
fn write_text(out: &mut Vec<u8>, rec: &Record) {
    let _ = write!(
        out,
        "== {} [{}]",
        display_safe(rec.path),
        display_safe(rec.id)
    );
    if rec.title != rec.id {
        let _ = write!(out, " {}", display_safe(rec.title));
    }
    let _ = writeln!(
        out,
        " ({}, {})",
        counted(rec.speakers.len(), "speaker"),
        counted(rec.quotes.len(), "quote")
    );
    for s in &rec.speakers {
        let kind = match s.kind {
            SpeakerKind::Person => "person",
            SpeakerKind::Org => "org",
        };
        let _ = write!(out, "[{}] {} ({kind}", s.id, display_safe(s.name));
        if let Some(role) = s.role {
            let _ = write!(out, ", {}", display_safe(role));
        }
        let _ = writeln!(
            out,
            ", confidence {:.2}), {}",
            s.confidence,
            counted(s.quotes, "quote")
        );
        for q in rec.quotes.iter().filter(|q| q.speaker == s.id) {
            let mark = match q.kind {
                QuoteKind::Direct => "«»",
                QuoteKind::Indirect => "~",
            };
            let _ = writeln!(
                out,
                "    {mark} {:.2} {}: {}",
                q.confidence,
                display_safe(q.cue),
                display_safe(q.text)
            );
        }
    }
    out.push(b'\n');
}

/// "1 quote", "2 quotes".
fn counted(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s}")
}

/// Runs `rawi extract` over the given paths, read as [`crate::corpus`] reads them with `opts`
/// (every input kind, encodings, JSON Lines key names, limits, one-line problems), extracted on
/// all cores; records come out in input order. Returns the number of problems reported on
/// stderr (inputs that could not be read, and warnings such as lossy decoding or skipped corpus
/// lines).
pub fn run(
    paths: &[PathBuf],
    format: Format,
    opts: &LoadOptions,
    extractor: &Extractor,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut problems = 0;
    let mut first = true;
    let mut result = Ok(());
    let render = |a: ArticleRef<'_>| {
        let x = extractor.extract(&a.text);
        let mut buf = Vec::with_capacity(a.text.len() / 2);
        write_body(
            &mut buf,
            format,
            &record(a.path, &a.id, &a.title, &a.text, &x),
        );
        buf
    };
    corpus::map_articles_par(paths, opts, render, |item| {
        match item {
            Ok(buf) => {
                if result.is_ok() && format == Format::Json {
                    result = out.write_all(if first { b"[\n" } else { b",\n" });
                }
                first = false;
                if result.is_ok() {
                    result = out.write_all(&buf);
                }
            }
            Err(e) => {
                problems += 1;
                eprintln!("rawi extract: {}", display_safe(&e.to_string()));
            }
        }
        // A closed output (`| head`) stops the reading too.
        result.is_ok()
    });
    result?;
    if format == Format::Json {
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    Ok(problems)
}
