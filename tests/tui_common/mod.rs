//! Shared by the reader tests: the seed article with a hand-made extraction (speakers, quotes
//! and mentions at real byte offsets found with `str::find`), and a ready-made reader state.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use rawi::attribution::{Extraction, Quote, QuoteKind, Speaker, SpeakerKind};
use rawi::config::Config;
use rawi::corpus::{Article, Library, bundled};
use rawi::tui::action::Action;
use rawi::tui::catalogue::Catalogue;
use rawi::tui::event_loop::{self, Exit, Input};
use rawi::tui::keymap::{InputMode, KeyReader};
use rawi::tui::state::{ExtractFn, State};
use rawi::tui::update::{Effect, update};
use rawi::tui::view::view;

pub fn seed() -> Article {
    bundled()
        .into_iter()
        .next()
        .expect("the seed article is bundled")
}

/// Byte range of the first `needle` at or after `from`.
fn find(text: &str, needle: &str, from: usize) -> Range<usize> {
    let start = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in seed"));
    start..start + needle.len()
}

/// From the start of `opening` to the end of its sentence (a full stop or the paragraph end).
fn sentence(text: &str, opening: &str) -> Range<usize> {
    let start = find(text, opening, 0).start;
    let end = text[start..]
        .find(['.', '\n'])
        .map_or(text.len(), |i| start + i);
    start..end
}

fn all(text: &str, needle: &str) -> Vec<Range<usize>> {
    text.match_indices(needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// Three speakers of the seed article: Thamer Al-Sabah (3 quotes), Stoltenberg (2), Geoana (1).
pub fn seed_extraction(text: &str) -> Extraction {
    let speaker = |name: &str, role: &str, mentions: Vec<Range<usize>>, quotes: usize| Speaker {
        name: name.to_string(),
        role: Some(role.to_string()),
        kind: SpeakerKind::Person,
        aliases: vec![name.to_string()],
        mentions,
        quotes,
        confidence: 1.0,
    };
    let quote = |speaker: usize, cue: &str, range: Range<usize>| Quote {
        speaker,
        cue: cue.to_string(),
        kind: QuoteKind::Indirect,
        range,
        confidence: 1.0,
    };
    let mut quotes = vec![
        quote(0, "اكد", sentence(text, "حرص القيادة السياسية")),
        quote(0, "واضاف", sentence(text, "ان هذا الحرص يأتي")),
        quote(0, "وقال", sentence(text, "ان المجتمع الدولي")),
        quote(1, "قائلا", sentence(text, "بأنني فخور")),
        quote(1, "وقال", sentence(text, "ان الشراكة مع دول الخليج")),
        quote(2, "قال", sentence(text, "ان الكويت تحرص دائما")),
    ];
    quotes.sort_by_key(|q| q.range.start);
    Extraction {
        speakers: vec![
            speaker(
                "الشيخ ثامر الصباح",
                "رئيس جهاز الامن الوطني الكويتي",
                all(text, "ثامر"),
                3,
            ),
            speaker(
                "ينس ستولتنبرغ",
                "امين عام حلف الناتو",
                all(text, "ستولتنبرغ"),
                2,
            ),
            speaker(
                "ميرسيا جيوانا",
                "نائب الامين العام لحلف الناتو",
                all(text, "جيوانا"),
                1,
            ),
        ],
        quotes,
    }
}

/// The fixture extractor: the seed gets [`seed_extraction`], other articles nothing.
pub fn fixture_extractor() -> ExtractFn {
    let seed_text = seed().text;
    Arc::new(move |text: &str| {
        if text == seed_text {
            seed_extraction(text)
        } else {
            Extraction::default()
        }
    })
}

/// A reader on `articles`, `width` x `height`, the background extraction done.
pub fn state_of(articles: Vec<Article>, width: u16, height: u16) -> State {
    state_with(&Config::default(), articles, width, height)
}

/// A reader with `config` on `articles`, `width` x `height`, the background extraction done.
pub fn state_with(config: &Config, articles: Vec<Article>, width: u16, height: u16) -> State {
    let mut catalogue = Catalogue::new(Library::from_articles(articles), fixture_extractor());
    assert!(catalogue.wait_idle(Duration::from_secs(30)));
    let mut state = State::new(catalogue, config, Rect::new(0, 0, width, height));
    update(&mut state, Action::Tick);
    state
}

/// A reader on the seed article alone, `width` x `height`.
pub fn seed_state(width: u16, height: u16) -> State {
    state_of(vec![seed()], width, height)
}

/// A reader on the four bundled articles.
pub fn library_state(width: u16, height: u16) -> State {
    state_of(bundled(), width, height)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Presses keys (through the default keymap) and returns every effect.
pub fn press(state: &mut State, keys: &[KeyEvent]) -> Vec<Effect> {
    let keymap = Config::default().keymap;
    let mut reader = KeyReader::default();
    let mut effects = Vec::new();
    for &k in keys {
        let mode = if state.prompt_open() {
            InputMode::SearchPrompt
        } else {
            InputMode::Normal
        };
        if let Some(action) = reader.feed(&keymap, mode, k) {
            effects.extend(update(state, action));
        }
    }
    effects
}

/// Types a string of characters, one key each.
pub fn typed(s: &str) -> Vec<KeyEvent> {
    s.chars().map(ch).collect()
}

pub fn act(state: &mut State, actions: &[Action]) {
    for &a in actions {
        update(state, a);
    }
}

/// Draws the state into a test terminal of the state's size.
pub fn draw(state: &State) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.area.width, state.area.height)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    terminal
}

/// Runs the real event loop on scripted input; returns the exit, the terminal and the side
/// channel bytes (OSC 52).
pub fn run_loop(state: &mut State, inputs: Vec<Input>) -> (Exit, Terminal<TestBackend>, Vec<u8>) {
    let mut terminal =
        Terminal::new(TestBackend::new(state.area.width, state.area.height)).unwrap();
    let mut events: VecDeque<Input> = inputs.into();
    let mut side = Vec::new();
    let keymap = Config::default().keymap;
    let exit = event_loop::run(&mut terminal, &mut events, state, &keymap, &mut side).unwrap();
    (exit, terminal, side)
}

/// The text of screen row `y`.
pub fn row_text(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Article byte offset of the top line.
pub fn top_offset(state: &State) -> usize {
    let view = state.view();
    view.doc.offset_of(view.shown)
}

/// A simple extractor for made-up articles: each line `NAME: words` is a quote of NAME.
pub fn line_extractor() -> ExtractFn {
    use rawi::attribution::{Quote, QuoteKind, Speaker, SpeakerKind};
    Arc::new(|text: &str| {
        let mut x = Extraction::default();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if let Some((name, words)) = body.split_once(": ") {
                let speaker = match x.speakers.iter().position(|s| s.name == name) {
                    Some(s) => s,
                    None => {
                        let mention = start..start + name.len();
                        x.speakers.push(Speaker {
                            name: name.to_string(),
                            role: None,
                            kind: SpeakerKind::Person,
                            aliases: Vec::new(),
                            mentions: std::iter::once(mention).collect(),
                            quotes: 0,
                            confidence: 1.0,
                        });
                        x.speakers.len() - 1
                    }
                };
                x.speakers[speaker].quotes += 1;
                let at = start + name.len() + 2;
                x.quotes.push(Quote {
                    speaker,
                    cue: ":".into(),
                    kind: QuoteKind::Direct,
                    range: at..at + words.len(),
                    confidence: 1.0,
                });
            }
            start += line.len();
        }
        x
    })
}

/// Made-up articles with metadata and `NAME: words` quotes (see [`line_extractor`]).
pub fn corpus_articles() -> Vec<Article> {
    let article = |id: &str, source: &str, date: &str, text: &str| Article {
        id: id.into(),
        title: text.lines().next().unwrap_or("").to_string(),
        path: "corpus.jsonl".into(),
        text: text.into(),
        source: Some(source.into()),
        date: Some(date.into()),
        ..Article::default()
    };
    vec![
        article(
            "a1",
            "bbc-arabic",
            "2021-03-09",
            "اجتماع وزراء الخارجية\nسالم: الأمن أولا في المنطقة\nنادية: الاقتصاد ينمو هذا العام\n",
        ),
        article(
            "a2",
            "skynews",
            "2021-04-01",
            "مؤتمر صحفي في العاصمة\nسالم: لا تراجع عن القرار\nسالم: نحن هنا من أجل الحوار\n",
        ),
        article(
            "a3",
            "bbc-arabic",
            "2020-12-31",
            "الموازنة الجديدة\nنادية: الموازنة جاهزة للتصويت\n",
        ),
        article(
            "a4",
            "cnn",
            "2019-05-05",
            "طقس حار في الصيف\nلا أحد يتكلم في هذا الخبر عن الأمن\n",
        ),
    ]
}

/// A reader on `articles` with the line extractor, background work done.
pub fn corpus_state(articles: Vec<Article>, width: u16, height: u16) -> State {
    let mut catalogue = Catalogue::new(Library::from_articles(articles), line_extractor());
    assert!(catalogue.wait_idle(Duration::from_secs(30)));
    let mut state = State::new(
        catalogue,
        &Config::default(),
        Rect::new(0, 0, width, height),
    );
    update(&mut state, Action::Tick);
    state
}

/// Polls the background work through the reader (as the event loop's ticks do) until it is
/// done, or fails after 60 s.
pub fn tick_until_idle(state: &mut State) {
    let start = std::time::Instant::now();
    while state.busy() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "background work never ended"
        );
        update(state, Action::Tick);
        std::thread::sleep(Duration::from_millis(2));
    }
    update(state, Action::Tick);
}

/// Cells of the article whose article byte lies in `range`, with their styles.
pub fn cells_in(
    state: &State,
    terminal: &ratatui::Terminal<ratatui::backend::TestBackend>,
    range: std::ops::Range<usize>,
) -> Vec<ratatui::buffer::Cell> {
    let area = state.article_area();
    let view = state.view();
    let buf = terminal.backend().buffer();
    let mut cells = Vec::new();
    for (row, (para, line)) in view
        .doc
        .visible(state.top_line(), area.height as usize)
        .into_iter()
        .enumerate()
    {
        let base = view.doc.para_range(para).start;
        let left = area.x + line.indent(area.width);
        for g in &line.glyphs {
            let at = base + g.logical.start as usize;
            if range.contains(&at) {
                cells.push(buf[(left + g.col, area.y + row as u16)].clone());
            }
        }
    }
    cells
}
