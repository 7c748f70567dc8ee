//! The entry points that the fuzz targets drive, each with the properties it must keep. Shared
//! by `fuzz/fuzz_targets/*.rs` and by `tests/regressions.rs`, which runs every saved crashing
//! input (`tests/data/regressions/TARGET/*`) through the same function, so that a regression
//! input fails the normal test suite exactly as it failed the fuzzer.
//!
//! Every entry point takes raw bytes: the first few bytes choose the parameters (width, options,
//! terminal size, keys), the rest is the text. A property that does not hold panics.
#![allow(dead_code)]

use std::collections::VecDeque;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use rawi::attribution::Extractor;
use rawi::config::Config;
use rawi::corpus::{Article, Library, LoadOptions, encoding_for_name, load_bytes};
use rawi::text::{
    BidiMode, DirPolicy, Direction, LayoutOptions, VisualLine, display_safe, is_bidi_format,
    layout_paragraph, layout_truncated,
};
use rawi::tui::catalogue::Catalogue;
use rawi::tui::event_loop::{self, Input};
use rawi::tui::state::{State, builtin_extractor};

/// An entry point: raw bytes in, a panic if a property does not hold.
pub type EntryPoint = fn(&[u8]);

/// The names of the entry points, as the folders of `tests/data/regressions/`.
pub const TARGETS: &[(&str, EntryPoint)] = &[
    ("text_layout", text_layout),
    ("attribution", attribution),
    ("loaders", loaders),
    ("reader", reader),
    ("render_stream", render_stream),
    ("state_merge", state_merge),
];

/// Reads parameter bytes off the front of the input (zero when the input runs out).
struct Params<'a> {
    bytes: &'a [u8],
}

impl<'a> Params<'a> {
    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&b, rest)) => {
                self.bytes = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    fn rest(self) -> &'a [u8] {
        self.bytes
    }
}

/// Layout options from one flags byte and one tab byte.
fn layout_options(flags: u8, tab: u8) -> LayoutOptions {
    LayoutOptions {
        shape: flags & 1 != 0,
        reveal: flags & 2 != 0,
        dir: match (flags >> 2) & 3 {
            1 => DirPolicy::Rtl,
            2 => DirPolicy::Ltr,
            _ => DirPolicy::Auto,
        },
        bidi: match (flags >> 4) & 3 {
            1 => BidiMode::Terminal,
            2 => BidiMode::Off,
            _ => BidiMode::App,
        },
        fallback: if flags & 64 != 0 {
            Direction::Ltr
        } else {
            Direction::Rtl
        },
        tab_width: tab % 17,
    }
}

/// A character that must never be sent to a terminal: C0 and C1 controls, DEL, and the bidi
/// formatting characters (applied by the layout, never painted).
pub fn is_terminal_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_format(c)
}

/// The text engine: every paragraph of the text at a width of 1..=500 under any options, the
/// truncated first line (list rows, titles), `display_safe`, and `rawi render`.
pub fn text_layout(data: &[u8]) {
    let mut p = Params { bytes: data };
    let width = 1 + p.u16() % 500;
    let opts = layout_options(p.byte(), p.byte());
    let raw = p.rest();
    let text = String::from_utf8_lossy(raw);
    for paragraph in text.split('\n') {
        let lines = layout_paragraph(paragraph, width, &opts);
        check_paragraph(paragraph, width, &opts, &lines);
    }
    let row = layout_truncated(&text, width, &opts);
    check_line(&text, width, &row);
    let safe = display_safe(&text);
    assert!(
        !safe.chars().any(is_terminal_unsafe),
        "display_safe: {safe:?}"
    );

    let mut out = Vec::new();
    rawi::render::render(raw, &mut out, width, &opts).expect("render to memory");
    let out = String::from_utf8(out).expect("render writes UTF-8");
    for line in out.lines() {
        assert!(
            !line.chars().any(is_terminal_unsafe),
            "render output: {line:?}"
        );
    }
}

/// The lines of one paragraph: each is a good line, and the glyphs show every logical byte
/// exactly once, but those of the characters that the layout consumes.
pub fn check_paragraph(paragraph: &str, width: u16, opts: &LayoutOptions, lines: &[VisualLine]) {
    assert!(!lines.is_empty(), "a paragraph has at least one line");
    let mut shown = vec![false; paragraph.len()];
    for line in lines {
        check_line(paragraph, width, line);
        for glyph in &line.glyphs {
            for b in glyph.logical.start..glyph.logical.end {
                assert!(!shown[b as usize], "byte {b} shown twice: {lines:?}");
                shown[b as usize] = true;
            }
        }
    }
    for (at, c) in paragraph.char_indices() {
        if !shown[at] {
            assert!(
                may_be_consumed(c, opts.reveal),
                "{c:?} at byte {at} not shown: {lines:?}"
            );
        }
    }
}

/// Characters the layout may consume instead of showing: CR, the bidi formatting characters
/// (unless revealed), and invisible format characters (zero width joiners and spaces, soft
/// hyphen, byte order mark, tags, line separator...).
fn may_be_consumed(c: char, reveal: bool) -> bool {
    (is_bidi_format(c) && !reveal)
        || matches!(
            c,
            '\r' | '\u{00AD}' | '\u{2029}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2028}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// One visual line: within the width, glyphs in order and in bounds, nothing unsafe painted.
pub fn check_line(logical: &str, width: u16, line: &VisualLine) {
    assert!(line.width <= width, "line wider than {width}: {line:?}");
    assert!(line.logical.end <= logical.len() && line.logical.start <= line.logical.end);
    assert!(
        !line.text.chars().any(is_terminal_unsafe),
        "unsafe char painted: {:?}",
        line.text
    );
    let mut col = 0u16;
    for glyph in &line.glyphs {
        assert!(glyph.col >= col, "glyphs overlap or go back: {line:?}");
        col = glyph.col + glyph.width as u16;
        assert!(col <= line.width, "glyph past the line width: {line:?}");
        let (s, e) = (glyph.text.start as usize, glyph.text.end as usize);
        assert!(
            s <= e && line.text.get(s..e).is_some(),
            "glyph text: {line:?}"
        );
        let (s, e) = (glyph.logical.start as usize, glyph.logical.end as usize);
        assert!(
            s <= e && logical.get(s..e).is_some(),
            "glyph logical: {line:?}"
        );
    }
}

/// The attribution engine on any text: ranges in bounds and on char boundaries, quotes in text
/// order pointing at real speakers, counts that add up, and `extract --format text` safe.
pub fn attribution(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let x = Extractor::builtin().extract(&text);
    for (i, s) in x.speakers.iter().enumerate() {
        for m in &s.mentions {
            assert!(text.get(m.clone()).is_some(), "mention {m:?} of {}", s.name);
        }
        let credited = x.quotes.iter().filter(|q| q.speaker == i).count();
        assert_eq!(credited, s.quotes, "quote count of {}", s.name);
    }
    let mut last = 0;
    for q in &x.quotes {
        assert!(q.speaker < x.speakers.len(), "quote of a missing speaker");
        assert!(
            text.get(q.range.clone()).is_some(),
            "quote range {:?}",
            q.range
        );
        assert!(q.range.start >= last, "quotes out of text order");
        last = q.range.start;
    }
    let mut out = Vec::new();
    let record = rawi::extract::record("fuzz", "fuzz", "fuzz", &text, &x);
    rawi::extract::write_record(&mut out, rawi::extract::Format::Text, &record, true);
    let out = String::from_utf8(out).expect("extract writes UTF-8");
    assert!(
        !out.chars().any(|c| c != '\n' && is_terminal_unsafe(c)),
        "extract --format text: {out:?}"
    );
}

/// The loaders on bytes in memory (a `.txt` article or a JSON Lines corpus, as stdin is read):
/// with detection or a forced encoding, under a small article limit, and (mode bit 32) the same
/// bytes from a file, which must give the same texts. Every problem is one line
/// that names the input.
pub fn loaders(data: &[u8]) {
    let mut p = Params { bytes: data };
    let mode = p.byte();
    let encoding = match mode & 7 {
        1 => encoding_for_name("windows-1256"),
        2 => encoding_for_name("iso-8859-6"),
        3 => encoding_for_name("utf-16le"),
        4 => encoding_for_name("utf-16be"),
        5 => encoding_for_name("utf-8"),
        _ => None,
    };
    let opts = LoadOptions {
        encoding,
        max_article_bytes: if mode & 8 != 0 { 64 } else { 1 << 20 },
        parallel: false,
        ..LoadOptions::default()
    };
    let mut bytes = p.rest().to_vec();
    if mode & 16 != 0 {
        // A JSON Lines corpus for sure.
        bytes.insert(0, b'{');
    }
    let loaded = load_bytes("fuzz-input", bytes.clone(), &opts);
    for e in &loaded.errors {
        let message = e.to_string();
        assert!(message.starts_with("fuzz-input"), "{message}");
        assert!(!message.contains('\n'), "one line: {message:?}");
    }
    for a in &loaded.articles {
        // (A text may still start with U+FEFF: after the byte order mark, it is content.)
        assert!(
            a.path.starts_with("fuzz-input"),
            "article path {:?}",
            a.path
        );
    }
    if mode & 32 != 0 {
        same_from_a_file(&bytes, &opts, &loaded);
    }
}

/// The same bytes as a file (`.jsonl` when they start with `{`, else `.txt`), read by the file
/// loader (chunked for a corpus): the same article texts, the same number of problems, each one
/// line naming the file.
fn same_from_a_file(bytes: &[u8], opts: &LoadOptions, from_memory: &rawi::corpus::Loaded) {
    // As for stdin: a corpus if the first byte after a byte order mark and spaces is `{`.
    let bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .find(|bom| bytes.starts_with(bom))
        .map_or(0, |bom| bom.len());
    let jsonl = bytes[bom..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    let name = format!(
        "rawi-fuzz-{}.{}",
        std::process::id(),
        if jsonl { "jsonl" } else { "txt" }
    );
    let path = std::env::temp_dir().join(name);
    std::fs::write(&path, bytes).expect("temporary file");
    let loaded = rawi::corpus::load(std::slice::from_ref(&path), opts);
    let _ = std::fs::remove_file(&path);
    let shown = path.display().to_string();
    for e in &loaded.errors {
        let message = e.to_string();
        assert!(message.starts_with(&shown), "{message}");
        assert!(!message.contains('\n'), "one line: {message:?}");
    }
    let texts = |l: &rawi::corpus::Loaded| -> Vec<String> {
        l.articles.iter().map(|a| a.text.clone()).collect()
    };
    assert_eq!(
        texts(&loaded),
        texts(from_memory),
        "file and memory loads differ"
    );
    assert_eq!(
        loaded.errors.len(),
        from_memory.errors.len(),
        "{:?} vs {:?}",
        loaded.errors,
        from_memory.errors
    );
}

/// The reader: an article from the text, a terminal of any size from 1x1 (including sizes
/// below the 40x10 minimum), and a stream of keys and resizes through the real event loop.
pub fn reader(data: &[u8]) {
    let mut p = Params { bytes: data };
    let width = 1 + p.byte() as u16 % 160;
    let height = 1 + p.byte() as u16 % 60;
    let flags = p.byte();
    let script_len = p.byte() as usize % 32;
    let script: Vec<u8> = (0..script_len).map(|_| p.byte()).collect();
    let text = String::from_utf8_lossy(p.rest()).into_owned();
    let article = Article {
        id: "fuzz".into(),
        title: text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect(),
        path: "fuzz.txt".into(),
        text,
        ..Article::default()
    };
    let mut config = Config::default();
    let opts = layout_options(flags, 4);
    config.reader.shape = opts.shape;
    config.reader.reveal = opts.reveal;
    config.reader.dir = opts.dir;
    config.reader.bidi = opts.bidi;
    let area = Rect::new(0, 0, width, height);
    let catalogue = Catalogue::new(Library::from_articles(vec![article]), builtin_extractor());
    let mut state = State::new(catalogue, &config, area);
    let mut events: VecDeque<Input> = script.iter().map(|&b| input(b)).collect();
    events.push_back(Input::Closed);
    // The backend is as large as any resize: the reader draws in its top-left corner.
    let mut terminal = Terminal::new(TestBackend::new(200, 80)).expect("test terminal");
    let mut side = Vec::new();
    event_loop::run(
        &mut terminal,
        &mut events,
        &mut state,
        &config.keymap,
        &mut side,
    )
    .expect("the event loop");
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        // The one bidi mark rawi paints on purpose: after a pane border, for a terminal that
        // reorders by itself (`--bidi terminal`), never from the article.
        if cell.symbol() == "│\u{200E}" && config.reader.bidi == BidiMode::Terminal {
            continue;
        }
        assert!(
            !cell.symbol().chars().any(is_terminal_unsafe),
            "unsafe cell {:?}",
            cell.symbol()
        );
    }
}

/// One scripted input per byte: a key of the default keymap, a resize, or a typed letter.
fn input(b: u8) -> Input {
    const KEYS: &[u8] = b"jkdubgG )(}{][nNJKtsRoLezy?/hl";
    let code = match b >> 5 {
        0..=3 => KeyCode::Char(KEYS[b as usize % KEYS.len()] as char),
        4 => {
            return Input::Resize(1 + (b as u16 & 31) * 6, 1 + (b as u16 & 31) * 2);
        }
        5 => match b & 7 {
            0 => KeyCode::Enter,
            1 => KeyCode::Esc,
            2 => KeyCode::Tab,
            3 => KeyCode::Backspace,
            4 => KeyCode::PageDown,
            5 => KeyCode::Up,
            6 => KeyCode::Down,
            _ => KeyCode::End,
        },
        // Typed into a search: Arabic letters and a space.
        _ => KeyCode::Char(['ا', 'ل', 'م', 'ن', ' ', 'ق', 'a', '\u{64E}'][b as usize & 7]),
    };
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `rawi render` streaming a line longer than what it holds at once: the bytes as the input
/// (several lines), read at most 16..=1039 bytes of a line at a time. Checks: no panic, valid
/// UTF-8 out, nothing that acts on a terminal, no line wider than the width; where no line is
/// longer than a piece (a quarter of the limit), the same output as a whole-line render.
pub fn render_stream(data: &[u8]) {
    let mut p = Params { bytes: data };
    let width = 1 + p.u16() % 120;
    let opts = layout_options(p.byte(), p.byte());
    let limit = 16 + usize::from(p.u16() % 1024);
    let raw = p.rest();
    let mut streamed = Vec::new();
    rawi::render::render_reading_at_most(raw, &mut streamed, width, &opts, limit)
        .expect("render to memory");
    let streamed = String::from_utf8(streamed).expect("render writes UTF-8");
    for line in streamed.lines() {
        assert!(!line.chars().any(is_terminal_unsafe), "{line:?}");
        let cells: usize = line
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        // (unicode-width undercounts some clusters that ratatui paints wider, never the reverse
        // by more than the line's lam-alefs; a generous bound still catches a runaway line.)
        assert!(
            cells <= 2 * usize::from(width) + 2,
            "{cells} cells: {line:?}"
        );
    }
    // (Pieces are a quarter of the limit: lines shorter than that are laid out whole. Measured
    // decoded: an invalid byte becomes a 3-byte U+FFFD.)
    if raw
        .split(|&b| b == b'\n')
        .all(|line| String::from_utf8_lossy(line).len() < limit / 4)
    {
        let mut whole = Vec::new();
        rawi::render::render(raw, &mut whole, width, &opts).expect("render to memory");
        assert_eq!(
            streamed.as_bytes(),
            whole.as_slice(),
            "short lines: same output"
        );
    }
}

/// Two readers sharing one state file, each bookmarking and saving in the order the bytes say.
/// Checks: no panic; the file always reads back; a bookmark only one reader touched is in the
/// file as that reader last left it, whatever the other saved meanwhile.
pub fn state_merge(data: &[u8]) {
    use rawi::memory::{Position, ReadingMemory};
    use std::collections::HashMap;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("state.json");
    let mut readers = [
        ReadingMemory::open(path.clone()).0,
        ReadingMemory::open(path.clone()).0,
    ];
    // (article, paragraph) -> (readers that touched it, is it bookmarked in the last toggler).
    let mut touched: HashMap<(u8, usize), ([bool; 2], bool)> = HashMap::new();
    for pair in data.chunks(2).take(64) {
        let (op, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let who = usize::from(op >> 7);
        let article = format!("a{}", op & 7);
        let at = Position {
            paragraph: usize::from(arg % 8),
            offset: 0,
        };
        match (op >> 5) & 3 {
            0 | 1 => {
                let on = readers[who].toggle_bookmark(&article, at);
                let entry = touched.entry((op & 7, at.paragraph)).or_default();
                entry.0[who] = true;
                entry.1 = on;
            }
            2 => readers[who].set_position(&article, at),
            _ => readers[who].save().expect("save"),
        }
    }
    for reader in &mut readers {
        reader.save().expect("save");
    }
    let (again, warning) = ReadingMemory::open(path);
    assert_eq!(warning, None, "the file reads back");
    for ((article, paragraph), (by, on)) in touched {
        if by[0] && by[1] {
            continue;
        }
        let at = Position {
            paragraph,
            offset: 0,
        };
        let kept = again.bookmarks(&format!("a{article}")).contains(&at);
        assert_eq!(kept, on, "a{article} at {paragraph}");
    }
}
