//! A JSON Lines corpus, read in chunks of whole lines (never whole, whatever its size); each
//! chunk's lines are parsed in parallel. Broken lines are skipped and reported once per file.

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};

use super::article::ArticleRef;
use super::decode::decode;
use super::error::MAX_LISTED_LINES;
use super::jsonl::{Line, parse_line};
use super::options::KeyMap;
use super::pipeline::{Batch, Run, par_map, too_large};
use super::source::{FileOrigin, Form, Origin, TextHandle};
use super::txt;
use super::{LoadError, LoadOptions};

/// The first chunk is small so that the first articles show at once; then chunks grow to this.
const FIRST_CHUNK: usize = 64 << 10;
const MAX_CHUNK: usize = 4 << 20;

/// What every line of one corpus shares.
pub(crate) struct JsonlCtx<'o> {
    origin: Origin,
    keys: Arc<KeyMap>,
    /// File stem, for ids of lines without one (`stem:LINE`).
    stem: String,
    /// Reported encoding when the whole corpus was converted up front (UTF-16).
    converted_from: Option<&'static Encoding>,
    opts: &'o LoadOptions,
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
}

/// Per-file tally of what went wrong.
#[derive(Default)]
struct Tally {
    lines: u64,
    broken: u64,
    broken_lines: Vec<u64>,
    first_problem: String,
    lossy: u64,
    lossy_lines: Vec<u64>,
}

impl Tally {
    /// The file's warnings; `any_bytes`: whether it had anything but a byte order mark.
    fn finish(self, shown: &str, any_bytes: bool) -> Batch<std::convert::Infallible> {
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

    fn broken(&mut self, line: u64, problem: String) {
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

/// Reads a corpus file chunk by chunk.
pub(crate) fn read_file<T, F>(
    run: &mut Run<'_, T, F>,
    mut file: std::fs::File,
    origin: Arc<FileOrigin>,
) where
    T: Send,
    F: Fn(ArticleRef<'_>) -> T + Sync,
{
    let shown = origin.shown.to_string();
    let io_err = |e| LoadError::from_io(shown.as_str(), e);
    let mut buf: Vec<u8> = Vec::new();
    let mut eof = fill(&mut file, &mut buf, FIRST_CHUNK).map_err(io_err);
    let ctx = JsonlCtx::new(Origin::File(origin.clone()), run.opts);
    // Before any line: a UTF-16 corpus is converted whole; binary files are refused.
    if let Some((enc, _)) = Encoding::for_bom(&buf).filter(|(e, _)| *e != UTF_8) {
        let limit = super::pipeline::MAX_STDIN_BYTES;
        if origin.stamp_len() > limit {
            return run.send(vec![Err(too_large(
                &shown,
                origin.stamp_len(),
                limit,
                "UTF-16 corpus",
            ))]);
        }
        if let Err(e) = file.read_to_end(&mut buf) {
            return run.send(vec![Err(io_err(e))]);
        }
        let _ = enc;
        return read_memory(run, &ctx, &buf);
    }
    let bom = if buf.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    if let Some(what) = txt::binary_kind(&buf[..buf.len().min(8192)], false) {
        return run.send(vec![Err(LoadError::Binary {
            path: shown,
            what: what.into(),
        })]);
    }
    buf.drain(..bom);
    let mut offset = bom as u64; // file offset of buf[0]
    let mut line_no = 1;
    let mut chunk = FIRST_CHUNK;
    let mut tally = Tally::default();
    let limit = run.opts.max_article_bytes;
    loop {
        let at_eof = match eof {
            Ok(at_eof) => at_eof,
            Err(e) => return run.send(vec![Err(e)]),
        };
        let cut = if at_eof {
            buf.len()
        } else if let Some(i) = memchr::memrchr(b'\n', &buf) {
            i + 1
        } else if buf.len() as u64 > limit {
            // One line over the limit: skip it without holding it.
            tally.lines += 1;
            tally.broken(
                line_no,
                format!("longer than the {} limit", super::ByteSize(limit)),
            );
            let skipped = skip_line(&mut file, &mut buf).map_err(io_err);
            let (n, done) = match skipped {
                Ok(x) => x,
                Err(e) => return run.send(vec![Err(e)]),
            };
            run.control_advance(n);
            offset += n;
            line_no += 1;
            eof = Ok(done);
            continue;
        } else {
            // A line longer than the buffer: read more of it.
            let want = (buf.len() * 2).max(FIRST_CHUNK);
            eof = fill(&mut file, &mut buf, want).map_err(io_err);
            continue;
        };
        let batch = lines(&ctx, run.map, &buf[..cut], offset, line_no, &mut tally);
        line_no += memchr::memchr_iter(b'\n', &buf[..cut]).count() as u64;
        run.control_advance(cut as u64);
        run.send(batch);
        if at_eof || run.stopped || run.is_cancelled() {
            break;
        }
        buf.drain(..cut);
        offset += cut as u64;
        chunk = (chunk * 2).min(MAX_CHUNK);
        eof = fill(&mut file, &mut buf, chunk).map_err(io_err);
    }
    if run.stopped || run.is_cancelled() {
        return;
    }
    let any_bytes = offset + buf.len() as u64 > bom as u64;
    run.send(retype(tally.finish(&shown, any_bytes)));
}

/// A corpus held in memory (stdin, a converted UTF-16 file), cut into chunks of whole lines.
pub(crate) fn read_memory<T, F>(run: &mut Run<'_, T, F>, ctx: &JsonlCtx<'_>, bytes: &[u8])
where
    T: Send,
    F: Fn(ArticleRef<'_>) -> T + Sync,
{
    let shown = ctx.origin.shown().to_string();
    if let Some((enc, bom)) = Encoding::for_bom(bytes).filter(|(e, _)| *e != UTF_8) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let utf8: Arc<[u8]> = text.as_bytes().into();
        let converted = JsonlCtx {
            origin: Origin::Memory(shown.as_str().into(), utf8.clone()),
            keys: ctx.keys.clone(),
            stem: ctx.stem.clone(),
            converted_from: Some(enc),
            opts: ctx.opts,
        };
        return read_memory(run, &converted, &utf8);
    }
    if let Some(what) = txt::binary_kind(&bytes[..bytes.len().min(8192)], false) {
        return run.send(vec![Err(LoadError::Binary {
            path: shown,
            what: what.into(),
        })]);
    }
    let mut start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut line_no = 1;
    let mut tally = Tally::default();
    let mut chunk = FIRST_CHUNK;
    while start < bytes.len() && !run.stopped && !run.is_cancelled() {
        let want = (start + chunk).min(bytes.len());
        let end = memchr::memchr(b'\n', &bytes[want..]).map_or(bytes.len(), |i| want + i + 1);
        let batch = lines(
            ctx,
            run.map,
            &bytes[start..end],
            start as u64,
            line_no,
            &mut tally,
        );
        line_no += memchr::memchr_iter(b'\n', &bytes[start..end]).count() as u64;
        run.send(batch);
        start = end;
        chunk = (chunk * 2).min(MAX_CHUNK);
    }
    if run.stopped || run.is_cancelled() {
        return;
    }
    let any_bytes = bytes.len() > usize::from(bytes.starts_with(b"\xEF\xBB\xBF")) * 3;
    run.send(retype(tally.finish(&shown, any_bytes)));
}

fn retype<T>(batch: Batch<std::convert::Infallible>) -> Batch<T> {
    batch
        .into_iter()
        .map(|r| r.map(|never| match never {}))
        .collect()
}

/// Reads until `buf` holds at least `want` bytes or the file ends; true at the end.
fn fill(file: &mut std::fs::File, buf: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    while buf.len() < want {
        let old = buf.len();
        buf.resize(want, 0);
        match file.read(&mut buf[old..]) {
            Ok(0) => {
                buf.truncate(old);
                return Ok(true);
            }
            Ok(n) => buf.truncate(old + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buf.truncate(old),
            Err(e) => {
                buf.truncate(old);
                return Err(e);
            }
        }
    }
    Ok(false)
}

/// Drops the current line: `buf` and the file up to the next newline. Returns the bytes
/// dropped and whether the file ended; `buf` keeps what follows the newline.
fn skip_line(file: &mut std::fs::File, buf: &mut Vec<u8>) -> std::io::Result<(u64, bool)> {
    let mut dropped = 0u64;
    loop {
        if let Some(i) = memchr::memchr(b'\n', buf) {
            buf.drain(..=i);
            return Ok((dropped + i as u64 + 1, false));
        }
        dropped += buf.len() as u64;
        buf.clear();
        if fill(file, buf, MAX_CHUNK)? && buf.is_empty() {
            return Ok((dropped, true));
        }
    }
}

/// Parses whole lines (the last one may lack its newline) starting at line `first_line` and
/// at byte `offset` of the origin; counts the blank-free lines and problems in `tally`.
fn lines<T, F>(
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
    let forced = ctx.opts.encoding.filter(|e| *e != UTF_8);
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
