//! `rawi extract --speakers PATH...`: the speaker index of every article of some paths, as JSON
//! Lines (the same index as the reader's speakers screen).

use std::io::{self, Write};
use std::path::PathBuf;

use super::{SpeakerIndex, extract_all};
use crate::attribution::Extraction;
use crate::corpus::{Library, LoadOptions};

/// Opens `paths`, extracts every article on all cores, merges the speakers, and writes them to
/// `out` one per line (most quoted first), each quote with its article id and path, range and
/// text.
/// Returns the library opened, for the problems met opening the inputs (warnings included).
pub fn write_speakers_of_paths<E>(
    paths: &[PathBuf],
    opts: &LoadOptions,
    extract: &E,
    out: &mut dyn Write,
) -> io::Result<Library>
where
    E: Fn(&str) -> Extraction + Sync,
{
    let library = Library::open(paths, opts);
    let handles = library.text_handles();
    let articles = extract_all(&handles, opts.parallel, extract, None, None);
    let index = SpeakerIndex::merge(&articles);
    drop(articles);
    // Quotes come article by article: keep the last text read.
    let last: std::cell::RefCell<Option<(usize, String)>> = Default::default();
    let entries = library.entries();
    index.write_jsonl(
        out,
        |article| (&entries[article].id, &entries[article].path),
        |quote| {
            let mut last = last.borrow_mut();
            if last.as_ref().is_none_or(|(a, _)| *a != quote.article) {
                let text = entries[quote.article].text().ok()?.into_owned();
                *last = Some((quote.article, text));
            }
            let (_, text) = last.as_ref()?;
            text.get(quote.range.clone()).map(str::to_string)
        },
    )?;
    Ok(library)
}
