//! The event loop: the only place that reads input and writes to the terminal while reading.
//! It takes the terminal (any ratatui backend) and the event source as parameters, so tests
//! drive it with a `TestBackend` and a list of events.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use base64::Engine;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};

use super::action::Action;
use super::keymap::{InputMode, KeyMap, KeyReader};
use super::state::State;
use super::update::{Effect, update};
use super::view::view;

/// Something that happened outside the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A signal asking rawi to stop (SIGTERM, SIGHUP, SIGINT), by number.
    Signal(i32),
    /// No more input will come (the input was closed).
    Closed,
}

/// Where input comes from: the terminal, or a script in tests.
pub trait EventSource {
    /// The next input, waiting at most `timeout` (`None`: as long as it takes, though a real
    /// source may wake up now and then). `Ok(None)`: nothing came in time.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>>;
}

/// A scripted event source: the inputs in order, then `Closed`.
impl EventSource for std::collections::VecDeque<Input> {
    fn next(&mut self, _timeout: Option<Duration>) -> io::Result<Option<Input>> {
        Ok(Some(self.pop_front().unwrap_or(Input::Closed)))
    }
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(i32),
    Closed,
}

/// How often background work is looked at while there is some (progress, new articles).
pub const TICK: Duration = Duration::from_millis(50);
/// Reading positions are written at most this often while reading (and always at the end).
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Runs the reader until it quits. `side` receives what goes to the terminal besides frames
/// (the OSC 52 clipboard sequence); it is the same terminal, after the frame is flushed.
/// The reading memory is saved on the way out, whatever the way.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn EventSource,
    state: &mut State,
    keymap: &KeyMap,
    side: &mut dyn Write,
) -> anyhow::Result<Exit>
where
    B::Error: Send + Sync + 'static,
{
    let mut keys = KeyReader::default();
    terminal.draw(|frame| view(state, frame))?;
    let mut last_tick = Instant::now();
    let mut last_save = Instant::now();
    loop {
        let timeout = state.busy().then_some(TICK);
        let action = match events.next(timeout)? {
            None if state.busy() => Some(Action::Tick),
            None => None,
            Some(Input::Key(key)) => {
                let mode = if state.prompt_open() {
                    InputMode::SearchPrompt
                } else {
                    InputMode::Normal
                };
                keys.feed(keymap, mode, key)
            }
            Some(Input::Mouse(mouse)) if state.settings.mouse => mouse_action(mouse),
            Some(Input::Mouse(_)) => None,
            // The frame follows the terminal's size by itself (ratatui's autoresize).
            Some(Input::Resize(width, height)) => Some(Action::Resize(width, height)),
            Some(Input::Signal(signal)) => return Ok(finish(state, Exit::Signal(signal))),
            Some(Input::Closed) => return Ok(finish(state, Exit::Closed)),
        };
        let Some(action) = action else { continue };
        let mut actions = vec![action];
        // Keys arriving without a pause must not hold the background work back.
        if action != Action::Tick && state.busy() && last_tick.elapsed() >= TICK {
            actions.push(Action::Tick);
        }
        for action in actions {
            if action == Action::Tick {
                last_tick = Instant::now();
            }
            for effect in update(state, action) {
                match effect {
                    Effect::Quit => return Ok(finish(state, Exit::Quit)),
                    Effect::CopyToClipboard(text) => {
                        side.write_all(osc52(&text).as_bytes())?;
                        side.flush()?;
                    }
                }
            }
        }
        if state.recall.dirty && last_save.elapsed() >= SAVE_EVERY {
            last_save = Instant::now();
            if let Err(e) = state.recall.save() {
                state.notice = Some(e);
            }
        }
        terminal.draw(|frame| view(state, frame))?;
    }
}

/// The last thing before leaving: where the reader is goes into the state file.
fn finish(state: &mut State, exit: Exit) -> Exit {
    state.remember_position();
    state.save_error = state.recall.save().err();
    exit
}

fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (x, y) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel(x, y, 3)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(x, y, -3)),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        _ => None,
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is stripped of control
/// characters (but newlines and tabs) and of every bidi formatting character (embeddings,
/// overrides, isolates, LRM, RLM, ALM), and base64-encoded, so it cannot end the sequence early,
/// smuggle another one in, or carry a hidden reordering into where it is pasted.
pub fn osc52(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .filter(|&c| !crate::text::is_bidi_format(c))
        .collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}
