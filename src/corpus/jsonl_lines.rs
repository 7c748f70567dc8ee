//! The lines of one chunk of a JSON Lines corpus, parsed in parallel into articles, with a
//! per-file tally of broken and lossy lines.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};

use super::article::ArticleRef;
use super::decode::{decode, expected_encoding};
use super::error::MAX_LISTED_LINES;
use super::jsonl::{Line, parse_line};
use super::options::KeyMap;
use super::pipeline::{Batch, par_map};
use super::source::{Form, Origin, TextHandle};
use super::txt;
use super::{LoadError, LoadOptions};

/// What every line of one corpus shares.
pub(crate) struct JsonlCtx<'o> {
    pub(crate) origin: Origin,
    pub(crate) keys: Arc<KeyMap>,
    /// File stem, for ids of lines without one (`stem:LINE`).
    pub(crate) stem: String,
    /// Reported encoding when the whole corpus was converted up front (UTF-16).
    pub(crate) converted_from: Option<&'static Encoding>,
    pub(crate) opts: &'o LoadOptions,
}

impl<'o> JsonlCtx<'o> {
    pub(crate) fn new(origin: Origin, opts: &'o LoadOptions) -> Self {
        let shown = origin.shown().to_string();
        let stem = std::path::Path::new(&shown)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(shown);
        JsonlCtx {
            origin,
            keys: Arc::new(opts.keys.clone()),
            stem,
            converted_from: None,
            opts,
        }
    }

    /// The encoding lines are decoded with when not valid UTF-8, if `--encoding` gave one
    /// (none once the corpus was converted from UTF-16: its lines are UTF-8 then).
    pub(crate) fn given_encoding(&self) -> Option<&'static Encoding> {
        let given = self.opts.encoding.filter(|e| *e != UTF_8);
        given.filter(|_| self.converted_from.is_none())
    }
}

/// Per-file tally of what went wrong.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) lines: u64,
    broken: u64,
    broken_lines: Vec<u64>,
    first_problem: String,
    lossy: u64,
    lossy_lines: Vec<u64>,
}

impl Tally {
    /// The file's warnings; `any_bytes`: whether it had anything but a byte order mark.
    /// `given`: the encoding lines were decoded with, if one was given (for the lossy warning).
    pub(crate) fn finish(
        self,
        shown: &str,
        any_bytes: bool,
        given: Option<&'static Encoding>,
    ) -> Batch<std::convert::Infallible> {
        let mut out = Vec::new();
        if self.lines == 0 {
            let path = shown.into();
            let e = if any_bytes {
                LoadError::Blank { path }
            } else {
                LoadError::Empty { path }
            };
            return vec![Err(e)];
        }
        if self.lossy > 0 {
            let listed = self
                .lossy_lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>();
            let more = self.lossy - self.lossy_lines.len() as u64;
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let plural = if self.lossy == 1 { "" } else { "s" };
            out.push(Err(LoadError::Lossy {
                path: shown.into(),
                where_: format!("line{plural} {}{more}: ", listed.join(", ")),
                expected: expected_encoding(given),
            }));
        }
        if self.broken > 0 {
            out.push(Err(LoadError::BrokenLines {
                path: shown.into(),
                count: self.broken,
                total: self.lines,
                lines: self.broken_lines,
                first_problem: self.first_problem,
            }));
        }
        out
    }

    pub(crate) fn broken(&mut self, line: u64, problem: String) {
        self.broken += 1;
        if self.broken_lines.len() < MAX_LISTED_LINES {
            self.broken_lines.push(line);
        }
        if self.broken == 1 {
            self.first_problem = problem;
        }
    }
}

enum Outcome<T> {
    Blank,
    Article(T, bool),
    Broken(String),
}

/// Parses whole lines (the last one may lack its newline) starting at line `first_line` and
/// at byte `offset` of the origin; counts the blank-free lines and problems in `tally`.
pub(crate) fn lines<T, F>(
    ctx: &JsonlCtx<'_>,
    map: &F,
    chunk: &[u8],
    offset: u64,
    first_line: u64,
    tally: &mut Tally,
) -> Batch<T>
where
    T: Send,
    F: Fn(ArticleRef<'_>) -> T + Sync,
{
    let mut spans: Vec<(u64, Range<usize>)> = Vec::new();
    let (mut start, mut line_no) = (0, first_line);
    for newline in memchr::memchr_iter(b'\n', chunk) {
        spans.push((line_no, start..newline));
        start = newline + 1;
        line_no += 1;
    }
    if start < chunk.len() {
        spans.push((line_no, start..chunk.len()));
    }
    let outcomes = par_map(&spans, ctx.opts.parallel, |(line_no, range)| {
        one_line(
            ctx,
            map,
            &chunk[range.clone()],
            offset + range.start as u64,
            *line_no,
        )
    });
    let mut batch = Vec::with_capacity(outcomes.len());
    for ((line_no, _), outcome) in spans.iter().zip(outcomes) {
        match outcome {
            Outcome::Blank => {}
            Outcome::Article(article, lossy) => {
                tally.lines += 1;
                batch.push(Ok(article));
                if lossy {
                    tally.lossy += 1;
                    if tally.lossy_lines.len() < MAX_LISTED_LINES {
                        tally.lossy_lines.push(*line_no);
                    }
                }
            }
            Outcome::Broken(problem) => {
                tally.lines += 1;
                tally.broken(*line_no, problem);
            }
        }
    }
    batch
}

/// Parses one line at byte `offset` of the origin.
fn one_line<T, F>(ctx: &JsonlCtx<'_>, map: &F, raw: &[u8], offset: u64, line_no: u64) -> Outcome<T>
where
    F: Fn(ArticleRef<'_>) -> T,
{
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Blank;
    }
    let limit = ctx.opts.max_article_bytes;
    if raw.len() as u64 > limit {
        return Outcome::Broken(format!("longer than the {} limit", super::ByteSize(limit)));
    }
    let forced = ctx.given_encoding();
    if forced.is_none()
        && let Ok(line) = std::str::from_utf8(raw)
    {
        return match parse_line(line, &ctx.keys) {
            Ok(line) => {
                let literal = &line.literal;
                let handle = TextHandle {
                    origin: ctx.origin.clone(),
                    range: offset + literal.start as u64..offset + literal.end as u64,
                    form: Form::JsonString,
                };
                let encoding = ctx.converted_from.unwrap_or(UTF_8);
                article(ctx, map, line, line_no, handle, encoding, false)
            }
            Err(problem) => Outcome::Broken(problem),
        };
    }
    // A line in a legacy encoding, or damaged UTF-8: decode it first.
    let decoded = decode(raw, forced);
    match parse_line(&decoded.text, &ctx.keys) {
        Ok(line) => {
            let handle = TextHandle {
                origin: ctx.origin.clone(),
                range: offset..offset + raw.len() as u64,
                form: Form::JsonLine(decoded.encoding, ctx.keys.clone()),
            };
            article(
                ctx,
                map,
                line,
                line_no,
                handle,
                decoded.encoding,
                decoded.lossy,
            )
        }
        Err(problem) => Outcome::Broken(problem),
    }
}

fn article<T, F>(
    ctx: &JsonlCtx<'_>,
    map: &F,
    line: Line<'_>,
    line_no: u64,
    handle: TextHandle,
    encoding: &'static Encoding,
    lossy: bool,
) -> Outcome<T>
where
    F: Fn(ArticleRef<'_>) -> T,
{
    if line.text.trim().is_empty() {
        return Outcome::Broken(format!("\"{}\" is empty", ctx.keys.text));
    }
    let id = match line.id.map(trim_cow).filter(|s| !s.is_empty()) {
        Some(id) => id,
        None => Cow::Owned(format!("{}:{line_no}", ctx.stem)),
    };
    let title = match line.title.map(trim_cow).filter(|s| !s.is_empty()) {
        Some(title) => title,
        None => txt::title_or(&line.text, id.clone()),
    };
    let article = ArticleRef {
        id,
        title,
        path: ctx.origin.shown(),
        source: line.source,
        date: line.date,
        url: line.url,
        encoding: encoding.name(),
        lossy,
        text: line.text,
        handle,
    };
    Outcome::Article(map(article), lossy)
}

fn trim_cow(s: Cow<'_, str>) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) if o.trim().len() == o.len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
    }
}
