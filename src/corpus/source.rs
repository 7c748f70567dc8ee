//! Where an article's text lives, so that it can be read again on demand: a byte range of a file
//! (checked against the file's size and modification time, so a changed file is an error, not
//! garbage), or bytes held in memory (stdin, bundled samples).

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use encoding_rs::{Encoding, UTF_8};

use super::LoadError;
use super::jsonl;
use super::options::KeyMap;

/// Identity of a file's content when it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: (u64, u64),
}

impl Stamp {
    pub(crate) fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let inode = (0, 0);
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }
}

/// A file an article came from.
#[derive(Debug)]
pub(crate) struct FileOrigin {
    pub path: PathBuf,
    /// The path as shown to the user.
    pub shown: Arc<str>,
    pub stamp: Stamp,
}

impl FileOrigin {
    pub(crate) fn stamp_len(&self) -> u64 {
        self.stamp.len
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Origin {
    File(Arc<FileOrigin>),
    /// Bytes held in memory (stdin, a UTF-16 corpus converted to UTF-8), with their shown name.
    Memory(Arc<str>, Arc<[u8]>),
    /// Text built into the binary.
    Static(&'static str),
}

impl Origin {
    pub(crate) fn shown(&self) -> &str {
        match self {
            Origin::File(f) => &f.shown,
            Origin::Memory(shown, _) => shown,
            Origin::Static(_) => "bundled",
        }
    }
}

/// How the bytes of a range become the article text.
#[derive(Debug, Clone)]
pub(crate) enum Form {
    /// The bytes are the text in this encoding (any byte order mark is outside the range).
    Plain(&'static Encoding),
    /// The bytes are a JSON string literal, quotes included, in UTF-8.
    JsonString,
    /// The bytes are a whole JSON Lines line in a legacy encoding (or damaged UTF-8): decode
    /// it, then take its text field again.
    JsonLine(&'static Encoding, Arc<KeyMap>),
}

/// A cheap, cloneable, thread-safe way to get one article's text again.
#[derive(Debug, Clone)]
pub struct TextHandle {
    pub(crate) origin: Origin,
    pub(crate) range: Range<u64>,
    pub(crate) form: Form,
}

impl TextHandle {
    /// A handle to text built into the binary (the bundled samples).
    pub fn from_static(text: &'static str) -> TextHandle {
        TextHandle {
            origin: Origin::Static(text),
            range: 0..text.len() as u64,
            form: Form::Plain(UTF_8),
        }
    }

    /// The article's text, decoded now. Fails (never panics) when the file changed or
    /// disappeared since it was opened, or cannot be read any more.
    pub fn text(&self) -> Result<Cow<'_, str>, LoadError> {
        let start = self.range.start as usize;
        let end = self.range.end as usize;
        match &self.origin {
            Origin::Static(text) => self.decode(Cow::Borrowed(&text.as_bytes()[start..end])),
            Origin::Memory(_, bytes) => self.decode(Cow::Borrowed(&bytes[start..end])),
            Origin::File(file) => {
                let bytes = read_range(file, &self.range)?;
                self.decode(Cow::Owned(bytes))
            }
        }
    }

    fn decode<'b>(&self, bytes: Cow<'b, [u8]>) -> Result<Cow<'b, str>, LoadError> {
        let invalid = |message: String| LoadError::Invalid {
            path: self.origin.shown().to_string(),
            message,
        };
        match (&self.form, bytes) {
            (Form::Plain(encoding), Cow::Borrowed(b)) => {
                Ok(encoding.decode_without_bom_handling(b).0)
            }
            (Form::Plain(encoding), Cow::Owned(b)) => {
                if *encoding == UTF_8 {
                    // The common case: no second copy.
                    return Ok(Cow::Owned(String::from_utf8(b).unwrap_or_else(|e| {
                        String::from_utf8_lossy(e.as_bytes()).into_owned()
                    })));
                }
                Ok(Cow::Owned(
                    encoding.decode_without_bom_handling(&b).0.into_owned(),
                ))
            }
            (Form::JsonString, b) => {
                let literal = std::str::from_utf8(&b)
                    .map_err(|_| invalid("text is no longer valid UTF-8".into()))?;
                let text = jsonl::decode_string_literal(literal)
                    .map_err(|e| invalid(format!("text is no longer a JSON string: {e}")))?;
                Ok(Cow::Owned(text.into_owned()))
            }
            (Form::JsonLine(encoding, keys), b) => {
                // Exactly as when the line was indexed: a byte order mark wins, else the
                // encoding chosen then.
                let line = super::decode::decode(&b, Some(encoding)).text;
                let text = jsonl::text_of_line(&line, keys).map_err(invalid)?;
                Ok(Cow::Owned(text))
            }
        }
    }
}

/// Reads `range` of the file, after checking the file is the one that was opened.
fn read_range(file: &FileOrigin, range: &Range<u64>) -> Result<Vec<u8>, LoadError> {
    let changed = |what| LoadError::Changed {
        path: file.shown.to_string(),
        what,
    };
    // Looked at before opening: a file replaced by a FIFO would block `open` until a writer
    // came, freezing the reader (a device could be read forever).
    match std::fs::metadata(&file.path) {
        Ok(meta) if !meta.is_file() => return Err(changed("is no longer a regular file")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(changed("disappeared")),
        _ => {}
    }
    let handle = match File::open(&file.path) {
        Ok(handle) => handle,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(changed("disappeared")),
        Err(e) => return Err(LoadError::from_io(file.shown.to_string(), e)),
    };
    let meta = handle
        .metadata()
        .map_err(|e| LoadError::from_io(file.shown.to_string(), e))?;
    if Stamp::of(&meta) != file.stamp {
        return Err(changed("changed on disk"));
    }
    let mut bytes = vec![0; (range.end - range.start) as usize];
    read_exact_at(&handle, &mut bytes, range.start).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            changed("shrank")
        } else {
            LoadError::from_io(file.shown.to_string(), e)
        }
    })?;
    Ok(bytes)
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}
