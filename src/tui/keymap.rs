//! Keys to actions. The keymap is data (the `[keys]` table of the config): a key sequence
//! written as chords separated by spaces (`"j"`, `"ctrl-c"`, `"z z"`) maps to an [`Action`].

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// One key press: a key and the modifiers that matter (ctrl, alt). Shift is folded into the
/// character (`J`, `?`), so a chord names what the user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn from_event(key: KeyEvent) -> Chord {
        let mut mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match key.code {
            // Some terminals report Shift+Tab as Tab with SHIFT.
            KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if matches!(code, KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Chord { code, mods }
    }

    /// Parses `j`, `J`, `?`, `ctrl-c`, `alt-x`, `enter`, `space`, `pagedown`, `f1`...
    pub fn parse(s: &str) -> Result<Chord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("c-")) {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.find('-').unwrap() + 1..];
            } else if rest.chars().count() > 1
                && (lower.starts_with("alt-") || lower.starts_with("m-"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.find('-').unwrap() + 1..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => {
                named_key(&rest.to_ascii_lowercase()).ok_or_else(|| format!("unknown key `{s}`"))?
            }
        };
        Ok(Chord { code, mods })
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
        }
        _ => return None,
    })
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A key sequence: one or more chords.
pub type Sequence = Vec<Chord>;

/// Parses a sequence written as chords separated by spaces: `"z z"`, `"g"`, `"ctrl-x ctrl-c"`.
pub fn parse_sequence(s: &str) -> Result<Sequence, String> {
    let seq: Result<Sequence, String> = s.split_whitespace().map(Chord::parse).collect();
    match seq {
        Ok(seq) if seq.is_empty() => Err("empty key".to_string()),
        other => other,
    }
}

/// All bindings. A sequence is never a prefix of another (checked when binding), so a key that
/// starts a sequence simply waits for the next one.
#[derive(Debug, Clone, Default)]
pub struct KeyMap {
    bindings: HashMap<Sequence, Action>,
}

impl KeyMap {
    /// Binds `seq` (replacing what it had). The action's other keys stay bound: binding `x` to
    /// quit leaves `q` quitting too. Binding to [`Action::Noop`] unbinds `seq`. Fails, changing
    /// nothing, when the sequence and another binding would be prefixes of each other, so a
    /// refused entry leaves the key's default in force.
    pub fn bind(&mut self, seq: Sequence, action: Action) -> Result<(), String> {
        if action == Action::Noop {
            self.bindings.remove(&seq);
            return Ok(());
        }
        if let Some(other) = self
            .bindings
            .keys()
            .find(|other| **other != seq && (other.starts_with(&seq) || seq.starts_with(other)))
        {
            return Err(format!(
                "`{}` clashes with `{}` (one starts the other)",
                show_sequence(&seq),
                show_sequence(other)
            ));
        }
        self.bindings.insert(seq, action);
        Ok(())
    }

    pub fn get(&self, seq: &[Chord]) -> Option<Action> {
        self.bindings.get(seq).copied()
    }

    fn is_prefix(&self, seq: &[Chord]) -> bool {
        self.bindings
            .keys()
            .any(|k| k.len() > seq.len() && k.starts_with(seq))
    }

    /// The sequences bound to `action`, sorted shortest first, as shown in the help.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<&Sequence> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k)
            .collect();
        keys.sort_by_key(|k| {
            (
                k.len(),
                show_sequence(k).chars().count() > 1,
                show_sequence(k),
            )
        });
        keys.into_iter().map(|k| show_sequence(k)).collect()
    }
}

pub fn show_sequence(seq: &[Chord]) -> String {
    seq.iter()
        .map(Chord::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the reader is reading keys for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// Keys go through the keymap.
    Normal,
    /// Keys edit the search query.
    SearchPrompt,
}

/// Turns key events into actions, remembering the chords of an unfinished sequence.
#[derive(Debug, Default)]
pub struct KeyReader {
    pending: Sequence,
}

impl KeyReader {
    /// The chords typed so far of an unfinished sequence.
    pub fn pending(&self) -> &[Chord] {
        &self.pending
    }

    /// The action for this key event, if it completes one.
    pub fn feed(&mut self, map: &KeyMap, mode: InputMode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let chord = Chord::from_event(key);
        if mode == InputMode::SearchPrompt {
            self.pending.clear();
            return prompt_action(chord);
        }
        self.pending.push(chord);
        if let Some(action) = map.get(&self.pending) {
            self.pending.clear();
            return Some(action);
        }
        if map.is_prefix(&self.pending) {
            return None;
        }
        // Not a known sequence: forget it, and try the last key alone.
        let started_sequence = self.pending.len() > 1;
        self.pending.clear();
        if started_sequence {
            return self.feed(map, mode, key);
        }
        None
    }
}

/// Keys in the search prompt edit the query; the keymap is not used, so any letter can be typed.
fn prompt_action(chord: Chord) -> Option<Action> {
    let ctrl = chord.mods.contains(KeyModifiers::CONTROL);
    match chord.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('u') if ctrl => Some(Action::Cancel),
        KeyCode::Char(_) if ctrl || chord.mods.contains(KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(Action::SearchChar(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}
