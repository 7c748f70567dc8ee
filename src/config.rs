//! The reader's configuration: a TOML file at the XDG config path (`~/.config/rawi/config.toml`),
//! or the file named by `--config` or the `RAWI_CONFIG` environment variable.
//!
//! The defaults are themselves a config file, `assets/config.toml`, built into the binary and read
//! by the same code. A user file only overrides the keys it names. A bad value or an unknown key
//! is reported as a [`Problem`] naming the file, line and key, and that key keeps its default; a
//! file that is not valid TOML is reported and all defaults are used.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use crate::attribution::{Extractor, Lexicon};
use crate::corpus::KeyMap as JsonKeys;
use crate::text::{BidiMode, DirPolicy};
use crate::tui::action::Action;
use crate::tui::keymap::{KeyMap, parse_sequence};

/// The built-in configuration (also the documented example).
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Environment variable naming a config file (between `--config` and the XDG path).
pub const CONFIG_ENV: &str = "RAWI_CONFIG";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LibraryPane {
    /// A third pane when the terminal is wide enough and several articles are open.
    Auto,
    /// Only shown on demand.
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerSort {
    Appearance,
    Quotes,
}

/// What the reader does with attributions it is unsure of (confidence under `min_confidence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LowConfidence {
    /// Drawn dimmed, with a `?` in the speakers pane.
    Mark,
    /// Left out of the speakers pane, the article highlights and the people screen.
    Hide,
    /// Drawn like the others.
    Show,
}

/// The `[reader]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderConfig {
    pub article_side: Side,
    pub speakers_width: u16,
    pub library_pane: LibraryPane,
    pub speaker_sort: SpeakerSort,
    pub mouse: bool,
    pub bidi: BidiMode,
    pub shape: bool,
    pub dir: DirPolicy,
    pub reveal: bool,
    pub highlights: bool,
    pub low_confidence: LowConfidence,
    /// Attributions with a confidence under this (0 to 1) are unsure.
    pub min_confidence: f32,
}

/// The `[theme]` table: colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub speakers: Vec<Color>,
    pub focused_quote_fg: Color,
    pub search_fg: Color,
    pub search_bg: Color,
    pub current_hit_fg: Color,
    pub current_hit_bg: Color,
    pub header_fg: Color,
    pub header_bg: Color,
    pub header_focused_fg: Color,
    pub header_focused_bg: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    pub status_fg: Color,
    pub status_bg: Color,
    pub notice_fg: Color,
}

/// The `[corpus]` table: how articles are read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusConfig {
    /// `[corpus.keys]`: the names of the JSON Lines keys (`text = "body"`...).
    pub keys: JsonKeys,
    /// Encoding of every input instead of detecting it (`--encoding` wins), by WHATWG label.
    pub encoding: Option<String>,
}

/// The `[attribution]` table: the user's own word lists, added to the built-in ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttributionConfig {
    /// `lexicons = ["file.toml", ...]`: files in the format of `assets/lexicon/*.toml`, a
    /// relative path being relative to the config file's folder.
    pub lexicons: Vec<PathBuf>,
    /// Their cues and words, merged; read when the config is loaded, so a bad file is reported
    /// with the config's problems.
    pub extra: Lexicon,
}

impl AttributionConfig {
    /// The attribution engine: the built-in one, or, when the config adds word lists, one
    /// built with them. Called once per process; a custom engine lives as long as it does.
    pub fn extractor(&self) -> &'static Extractor {
        if self.extra == Lexicon::default() {
            return Extractor::builtin();
        }
        let mut lexicon = Lexicon::builtin();
        lexicon.merge(self.extra.clone());
        Box::leak(Box::new(Extractor::new(&lexicon)))
    }

    /// Reads `lexicons` (paths relative to `base`); the files that parse are merged into
    /// `extra`, the others named in the error.
    fn set_lexicons(&mut self, base: &Path, value: toml::Value) -> Result<(), String> {
        let paths: Vec<PathBuf> = typed(value)?;
        let mut errors = Vec::new();
        for path in &paths {
            let full = base.join(path);
            let shown = crate::text::display_safe(&full.display().to_string()).into_owned();
            match read_small_file(&full) {
                Ok(text) => match Lexicon::from_toml_str(&text) {
                    Ok(lexicon) => self.extra.merge(lexicon),
                    Err(e) => errors.push(format!("{shown}: {e}")),
                },
                Err(e) => errors.push(format!("cannot read {shown} ({e})")),
            }
        }
        self.lexicons = paths;
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub reader: ReaderConfig,
    pub theme: Theme,
    pub keymap: KeyMap,
    pub corpus: CorpusConfig,
    pub attribution: AttributionConfig,
}

/// Something wrong in a config file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is the file itself (unreadable).
    pub line: usize,
    /// `section.key`, or empty when no key is involved.
    pub key: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::text::display_safe(&self.file.display().to_string()).into_owned();
        match (self.line, self.key.is_empty()) {
            (0, _) => write!(f, "{file}: {}", self.message),
            (line, true) => write!(f, "{file}:{line}: {}", self.message),
            (line, false) => write!(f, "{file}:{line}: key `{}`: {}", self.key, self.message),
        }
    }
}

/// A loaded configuration with the problems found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The file read, if any.
    pub file: Option<PathBuf>,
    pub problems: Vec<Problem>,
}

impl Default for Config {
    fn default() -> Config {
        let mut config = Config {
            reader: ReaderConfig {
                article_side: Side::Right,
                speakers_width: 34,
                library_pane: LibraryPane::Auto,
                speaker_sort: SpeakerSort::Appearance,
                mouse: false,
                bidi: BidiMode::App,
                shape: true,
                dir: DirPolicy::Auto,
                reveal: false,
                highlights: true,
                low_confidence: LowConfidence::Mark,
                min_confidence: 0.5,
            },
            theme: Theme {
                speakers: vec![Color::Indexed(33)],
                focused_quote_fg: Color::Black,
                search_fg: Color::Black,
                search_bg: Color::Yellow,
                current_hit_fg: Color::Black,
                current_hit_bg: Color::Red,
                header_fg: Color::Gray,
                header_bg: Color::DarkGray,
                header_focused_fg: Color::Black,
                header_focused_bg: Color::Blue,
                selection_fg: Color::Black,
                selection_bg: Color::Gray,
                status_fg: Color::White,
                status_bg: Color::DarkGray,
                notice_fg: Color::LightYellow,
            },
            keymap: KeyMap::default(),
            corpus: CorpusConfig::default(),
            attribution: AttributionConfig::default(),
        };
        // The embedded file is tested to load without problems.
        config.apply(Path::new("(built-in config)"), DEFAULT_CONFIG);
        config
    }
}

/// Which file to read: `--config`, else `$RAWI_CONFIG`, else the XDG path if it exists.
pub fn config_path(cli: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = cli {
        return Some((path.to_path_buf(), true));
    }
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    use etcetera::BaseStrategy;
    let xdg = etcetera::choose_base_strategy().ok()?.config_dir();
    let path = xdg.join("rawi").join("config.toml");
    path.exists().then_some((path, false))
}

/// Loads the defaults, then the file from [`config_path`] over them.
pub fn load(cli: Option<&Path>) -> Loaded {
    let mut config = Config::default();
    let Some((path, _explicit)) = config_path(cli) else {
        return Loaded {
            config,
            file: None,
            problems: Vec::new(),
        };
    };
    let problems = match read_small_file(&path) {
        Ok(text) => config.apply(&path, &text),
        Err(e) => vec![Problem {
            file: path.clone(),
            line: 0,
            key: String::new(),
            message: format!("cannot read the config file ({e}); using the defaults"),
        }],
    };
    Loaded {
        config,
        file: Some(path),
        problems,
    }
}

/// The largest config or word-list file read.
const MAX_CONFIG_BYTES: u64 = 16 << 20;

/// A config or word-list file's text, if it is a regular file of at most [`MAX_CONFIG_BYTES`]:
/// a FIFO in its place is never opened (that would wait for a writer) and `/dev/zero` is
/// never read.
fn read_small_file(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(Error::new(ErrorKind::InvalidInput, "larger than 16 MiB"));
    }
    Ok(text)
}

type Table = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

impl Config {
    /// Applies the keys of one config file's text over `self`, returning what was wrong.
    pub fn apply(&mut self, file: &Path, text: &str) -> Vec<Problem> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let problem = |offset: usize, key: &str, message: String| Problem {
            file: file.to_path_buf(),
            line: line_of(offset),
            key: key.to_string(),
            message,
        };
        // A line that is not valid TOML (a number too large for it, a missing quote) is
        // reported and left out, and the rest of the file still applies; only a file that
        // keeps failing falls back to all the defaults.
        let mut problems = Vec::new();
        let mut text_left = text.to_string();
        let sections: BTreeMap<Spanned<String>, Table> = loop {
            let e = match toml::from_str(&text_left) {
                Ok(sections) => break sections,
                Err(e) => e,
            };
            let offset = e.span().map_or(0, |s| s.start).min(text_left.len());
            let start = text_left[..offset].rfind('\n').map_or(0, |i| i + 1);
            let end = text_left[offset..]
                .find('\n')
                .map_or(text_left.len(), |i| offset + i);
            let line = &text_left[start..end];
            let key = line
                .split('=')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            let key = if line.contains('=') { key } else { "" };
            let blank_it = !key.is_empty() && problems.len() < 20;
            let rest = if blank_it {
                "this line is left out"
            } else {
                "using all the defaults"
            };
            problems.push(problem(
                offset,
                key,
                format!("{}; {rest}", e.message().trim()),
            ));
            if !blank_it {
                return problems;
            }
            // Spaces keep every other line's offsets (and so their line numbers) as they were.
            let spaces = " ".repeat(end - start);
            text_left.replace_range(start..end, &spaces);
        };
        for (section, table) in sections {
            let mut entries: Vec<_> = table.into_iter().collect();
            if section.get_ref() == "keys" {
                // Unbinding first, so that a sequence whose default clashes with a new binding
                // can be unbound in the same file, whatever the order of the entries.
                entries.sort_by_key(|(_, value)| value.get_ref().as_str() != Some("noop"));
            }
            for (key, value) in entries {
                let name = format!("{}.{}", section.get_ref(), key.get_ref());
                let offset = key.span().start;
                let result = match section.get_ref().as_str() {
                    "reader" => self.reader.set(key.get_ref(), value.into_inner()),
                    "theme" => self.theme.set(key.get_ref(), value.into_inner()),
                    "keys" => bind_key(&mut self.keymap, key.get_ref(), value.into_inner()),
                    "corpus" => self.corpus.set(key.get_ref(), value.into_inner()),
                    "attribution" if key.get_ref() == "lexicons" => {
                        let base = file.parent().unwrap_or(Path::new("."));
                        self.attribution.set_lexicons(base, value.into_inner())
                    }
                    "attribution" => Err("unknown key".to_string()),
                    _ => Err(
                        "unknown section (expected reader, theme, keys, corpus or attribution)"
                            .to_string(),
                    ),
                };
                if let Err(message) = result {
                    problems.push(problem(
                        offset,
                        &name,
                        format!("{message}; using the default"),
                    ));
                }
            }
        }
        // In the order of the file, whatever the order of its sections.
        problems.sort_by_key(|p| p.line);
        problems
    }
}

/// One of the words `allowed` (a choice such as `speaker_sort`), said so when it is not.
fn choice<T: serde::de::DeserializeOwned>(
    value: toml::Value,
    allowed: &[&str],
) -> Result<T, String> {
    let shown = value.to_string();
    typed(value).map_err(|_| {
        let words: Vec<String> = allowed.iter().map(|w| format!("\"{w}\"")).collect();
        format!("bad value {shown}: expected one of {}", words.join(", "))
    })
}

fn typed<T: serde::de::DeserializeOwned>(value: toml::Value) -> Result<T, String> {
    let shown = value.to_string();
    value
        .try_into()
        .map_err(|e: toml::de::Error| format!("bad value {shown}: {}", e.message().trim()))
}

impl ReaderConfig {
    fn set(&mut self, key: &str, value: toml::Value) -> Result<(), String> {
        match key {
            "article_side" => self.article_side = choice(value, &["left", "right"])?,
            "speakers_width" => self.speakers_width = typed(value)?,
            "library_pane" => self.library_pane = choice(value, &["auto", "off"])?,
            "speaker_sort" => self.speaker_sort = choice(value, &["appearance", "quotes"])?,
            "mouse" => self.mouse = typed(value)?,
            "bidi" => self.bidi = choice(value, &["app", "terminal", "off"])?,
            "shape" => self.shape = typed(value)?,
            "dir" => self.dir = choice(value, &["auto", "rtl", "ltr"])?,
            "reveal" => self.reveal = typed(value)?,
            "highlights" => self.highlights = typed(value)?,
            "low_confidence" => self.low_confidence = typed(value)?,
            "min_confidence" => {
                // `0` or `1` are fine too (TOML integers).
                let min = match value {
                    toml::Value::Integer(i) => i as f64,
                    other => typed::<f64>(other)?,
                };
                if !(0.0..=1.0).contains(&min) {
                    return Err(format!("{min} is not from 0 to 1"));
                }
                self.min_confidence = min as f32;
            }
            _ => return Err("unknown key".to_string()),
        }
        Ok(())
    }
}

impl CorpusConfig {
    fn set(&mut self, key: &str, value: toml::Value) -> Result<(), String> {
        match key {
            "keys" => self.keys = typed(value)?,
            "encoding" => {
                let name: String = typed(value)?;
                if crate::corpus::encoding_for_name(&name).is_none() {
                    return Err(format!("unknown encoding `{name}`"));
                }
                self.encoding = Some(name);
            }
            _ => return Err("unknown key".to_string()),
        }
        Ok(())
    }
}

/// A colour: a name, `"#rrggbb"`, or a 256-colour index (`33` or `"33"`).
fn colour(value: toml::Value) -> Result<Color, String> {
    if let toml::Value::Integer(i) = value {
        let index = u8::try_from(i).map_err(|_| format!("colour index {i} is not in 0-255"))?;
        return Ok(Color::Indexed(index));
    }
    let name: String = typed(value)?;
    Color::from_str(&name).map_err(|_| format!("unknown colour `{name}`"))
}

impl Theme {
    fn set(&mut self, key: &str, value: toml::Value) -> Result<(), String> {
        let slot = match key {
            "speakers" => {
                let names: Vec<toml::Value> = typed(value)?;
                let colours: Result<Vec<Color>, String> = names.into_iter().map(colour).collect();
                let colours = colours?;
                if colours.is_empty() {
                    return Err("needs at least one colour".to_string());
                }
                self.speakers = colours;
                return Ok(());
            }
            "focused_quote_fg" => &mut self.focused_quote_fg,
            "search_fg" => &mut self.search_fg,
            "search_bg" => &mut self.search_bg,
            "current_hit_fg" => &mut self.current_hit_fg,
            "current_hit_bg" => &mut self.current_hit_bg,
            "header_fg" => &mut self.header_fg,
            "header_bg" => &mut self.header_bg,
            "header_focused_fg" => &mut self.header_focused_fg,
            "header_focused_bg" => &mut self.header_focused_bg,
            "selection_fg" => &mut self.selection_fg,
            "selection_bg" => &mut self.selection_bg,
            "status_fg" => &mut self.status_fg,
            "status_bg" => &mut self.status_bg,
            "notice_fg" => &mut self.notice_fg,
            _ => return Err("unknown key".to_string()),
        };
        *slot = colour(value)?;
        Ok(())
    }
}

fn bind_key(keymap: &mut KeyMap, key: &str, value: toml::Value) -> Result<(), String> {
    let seq = parse_sequence(key)?;
    let action: Action = match typed::<String>(value) {
        Ok(name) => typed(toml::Value::String(name.clone()))
            .map_err(|_| format!("unknown action `{name}` (see the help, ?, for the names)"))?,
        Err(e) => return Err(e),
    };
    keymap.bind(seq, action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_config_has_no_problem() {
        let mut config = Config::default();
        let problems = config.apply(Path::new("builtin"), DEFAULT_CONFIG);
        assert_eq!(problems, vec![]);
        assert!(config.theme.speakers.len() >= 6);
    }

    #[test]
    fn a_bad_value_names_file_line_and_key_and_keeps_the_default() {
        let mut config = Config::default();
        let text = "[reader]\nmouse = true\n\n[theme]\nsearch_bg = \"blu\"\n";
        let problems = config.apply(Path::new("/tmp/c.toml"), text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("/tmp/c.toml:5: key `theme.search_bg`"),
            "{shown}"
        );
        assert!(config.reader.mouse);
        assert_eq!(config.theme.search_bg, Config::default().theme.search_bg);
    }

    #[test]
    fn colours_are_names_indices_or_rgb() {
        let mut config = Config::default();
        let text = "[theme]\nspeakers = [33, \"166\", \"#102030\", \"red\"]\nsearch_bg = 300\n";
        let problems = config.apply(Path::new("c.toml"), text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("0-255"), "{problems:?}");
        let expected = [
            Color::Indexed(33),
            Color::Indexed(166),
            Color::Rgb(0x10, 0x20, 0x30),
            Color::Red,
        ];
        assert_eq!(config.theme.speakers, expected);
    }

    #[test]
    fn low_confidence_is_marked_hidden_or_shown_under_a_threshold_from_0_to_1() {
        let mut config = Config::default();
        assert_eq!(config.reader.low_confidence, LowConfidence::Mark);
        let text = "[reader]\nlow_confidence = \"hide\"\nmin_confidence = 0.7\n";
        assert_eq!(config.apply(Path::new("c.toml"), text), vec![]);
        assert_eq!(config.reader.low_confidence, LowConfidence::Hide);
        assert_eq!(config.reader.min_confidence, 0.7);
        let bad = "[reader]\nlow_confidence = \"blur\"\nmin_confidence = 2\n";
        let problems = config.apply(Path::new("c.toml"), bad);
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["reader.low_confidence", "reader.min_confidence"]);
        assert_eq!(
            config.reader.min_confidence, 0.7,
            "a bad value keeps the last"
        );
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_line() {
        let mut config = Config::default();
        let problems = config.apply(Path::new("c.toml"), "[reader]\nmouse = \n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2, "{:?}", problems[0]);
        assert_eq!(problems[0].key, "mouse");
    }

    #[test]
    fn a_line_that_is_not_valid_toml_is_left_out_and_the_rest_applies() {
        let mut config = Config::default();
        let text = "[reader]\nspeakers_width = 18446744073709551616\nmouse = true\n";
        let problems = config.apply(Path::new("c.toml"), text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert_eq!(problems[0].key, "speakers_width");
        assert!(problems[0].message.contains("left out"), "{problems:?}");
        assert!(config.reader.mouse, "the other keys still apply");
    }

    #[test]
    fn a_bad_choice_lists_the_allowed_values() {
        let mut config = Config::default();
        let problems = config.apply(Path::new("c.toml"), "[reader]\nspeaker_sort = 7\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let message = &problems[0].message;
        assert!(
            message.contains("expected one of \"appearance\", \"quotes\""),
            "{message}"
        );
    }

    #[test]
    fn corpus_keys_can_be_renamed() {
        let mut config = Config::default();
        let text = "[corpus]\nencoding = \"cp1256\"\n\n[corpus.keys]\ntext = \"body\"\ntitle = \"headline\"\n";
        let problems = config.apply(Path::new("c.toml"), text);
        assert_eq!(problems, vec![]);
        assert_eq!(config.corpus.keys.text, "body");
        assert_eq!(config.corpus.keys.title, "headline");
        assert_eq!(config.corpus.keys.id, "id");
        assert_eq!(config.corpus.encoding.as_deref(), Some("cp1256"));
        let bad = "[corpus.keys]\nbody = \"text\"\n[corpus]\nencoding = \"klingon\"\n";
        let problems = config.apply(Path::new("c.toml"), bad);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["corpus.keys", "corpus.encoding"], "in file order");
        assert!(problems[1].message.contains("klingon"), "{problems:?}");
        assert!(problems[0].message.contains("body"), "{problems:?}");
        assert_eq!(
            config.corpus.keys.text, "body",
            "a bad table keeps what was there"
        );
    }

    #[test]
    fn keys_can_be_rebound_and_unbound() {
        let mut config = Config::default();
        let text = "[keys]\n\"x\" = \"quit\"\n\"q\" = \"noop\"\n\"w\" = \"fly\"\n";
        let problems = config.apply(Path::new("c.toml"), text);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "keys.w");
        assert_eq!(problems[0].line, 4);
        let x = parse_sequence("x").unwrap();
        assert_eq!(config.keymap.get(&x), Some(Action::Quit));
        assert_eq!(config.keymap.get(&parse_sequence("q").unwrap()), None);
    }
}
