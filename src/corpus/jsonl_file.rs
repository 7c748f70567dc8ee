//! A JSON Lines corpus, read in chunks of whole lines (never whole, whatever its size); each
//! chunk's lines are parsed in parallel (see `jsonl_lines`). Broken lines are skipped and
//! reported once per file.

use std::io::Read;
use std::sync::Arc;

use encoding_rs::{Encoding, UTF_8};

use super::LoadError;
use super::article::ArticleRef;
use super::decode::is_utf16;
use super::jsonl_lines::{JsonlCtx, Tally, lines};
use super::pipeline::{Batch, Run, too_large};
use super::source::{FileOrigin, Origin};
use super::txt;

/// The first chunk is small so that the first articles show at once; then chunks grow to this.
const FIRST_CHUNK: usize = 64 << 10;
const MAX_CHUNK: usize = 4 << 20;

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
    // Before any line: a UTF-16 corpus (by its byte order mark or `--encoding`) is converted
    // whole; binary files are refused.
    if let Some((enc, _)) = utf16_of(&buf, &ctx) {
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
    run.send(retype(tally.finish(
        &shown,
        any_bytes,
        ctx.given_encoding(),
    )));
}

/// The UTF-16 encoding of a corpus not converted yet, and the length of its byte order mark: by
/// the mark, else by `--encoding` (a mark wins over the option, as for articles).
fn utf16_of(start: &[u8], ctx: &JsonlCtx<'_>) -> Option<(&'static Encoding, usize)> {
    if ctx.converted_from.is_some() {
        return None;
    }
    match Encoding::for_bom(start) {
        Some((enc, bom)) => (enc != UTF_8).then_some((enc, bom)),
        None => (ctx.opts.encoding)
            .filter(|e| is_utf16(e))
            .map(|enc| (enc, 0)),
    }
}

/// A corpus held in memory (stdin, a converted UTF-16 file), cut into chunks of whole lines.
pub(crate) fn read_memory<T, F>(run: &mut Run<'_, T, F>, ctx: &JsonlCtx<'_>, bytes: &[u8])
where
    T: Send,
    F: Fn(ArticleRef<'_>) -> T + Sync,
{
    let shown = ctx.origin.shown().to_string();
    if let Some((enc, bom)) = utf16_of(bytes, ctx) {
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
    run.send(retype(tally.finish(
        &shown,
        any_bytes,
        ctx.given_encoding(),
    )));
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
