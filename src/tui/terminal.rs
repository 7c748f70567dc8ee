//! Taking over the terminal and giving it back: raw mode, alternate screen, mouse capture,
//! the bidi mode (`CSI 8 l` so the terminal does not reorder what rawi already reordered), and
//! restoring all of it on every way out: normal exit, Ctrl-C, SIGTERM, SIGHUP, and a panic.
//! Also the event source that reads the real terminal.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use super::event_loop::{EventSource, Input};

/// BDSM off: the terminal shows cells as sent, rawi does the bidi (ECMA-48 / terminal-wg).
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM on: the terminal's own (implicit) bidi, its default.
pub const BIDI_IMPLICIT: &str = "\x1b[8h";
/// mlterm ignores BDSM; it has its own switch.
pub const MLTERM_BIDI_OFF: &str = "\x1b]5379;use_ctl=false\x07";
pub const MLTERM_BIDI_ON: &str = "\x1b]5379;use_ctl=true\x07";

/// What was changed, so that exactly that is undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub mouse: bool,
    /// rawi reorders: switch the terminal's bidi off while running.
    pub explicit_bidi: bool,
    /// Running in mlterm (`MLTERM` is set).
    pub mlterm: bool,
}

/// The active setup, if the terminal is taken (read by the panic hook and the guard).
static ACTIVE: Mutex<Option<Setup>> = Mutex::new(None);

/// Gives the terminal back when dropped (also during a panic's unwinding).
#[must_use]
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Takes the terminal over.
pub fn enter(setup: Setup) -> io::Result<Guard> {
    install_panic_hook();
    *ACTIVE.lock().unwrap_or_else(|e| e.into_inner()) = Some(setup);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen)?;
    if setup.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    if setup.explicit_bidi {
        out.write_all(BIDI_EXPLICIT.as_bytes())?;
        if setup.mlterm {
            out.write_all(MLTERM_BIDI_OFF.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(Guard)
}

/// Undoes [`enter`]; does nothing the second time. Errors are ignored: the terminal may be gone.
pub fn restore() {
    let Some(setup) = ACTIVE.lock().unwrap_or_else(|e| e.into_inner()).take() else {
        return;
    };
    let mut out = io::stdout();
    if setup.explicit_bidi {
        let _ = out.write_all(BIDI_IMPLICIT.as_bytes());
        if setup.mlterm {
            let _ = out.write_all(MLTERM_BIDI_ON.as_bytes());
        }
    }
    if setup.mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// A panic restores the terminal first, then prints a short report instead of the usual one.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            restore();
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown error".to_string());
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            // A panic message may quote article text (a slicing panic does): never raw.
            let message = crate::text::display_safe(&message);
            eprintln!("rawi crashed: {message}{place}.");
            eprintln!("The terminal has been restored. Please report this bug with the steps that led to it.");
        }));
    });
}

/// Signals that end the reader cleanly: their number is stored in the returned flag.
pub fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, flag.clone(), signal as usize)?;
    }
    take_resize(); // start watching SIGWINCH now, before the first frame
    Ok(flag)
}

/// The real terminal's events, plus the signals of [`watch_signals`].
pub struct TerminalEvents {
    pub signal: Arc<AtomicUsize>,
}

/// How often a wait for input wakes up to look for a signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Input>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let signal = self.signal.swap(0, Ordering::SeqCst);
            if signal != 0 {
                return Ok(Some(Input::Signal(signal as i32)));
            }
            if take_resize() {
                let (width, height) = ratatui::crossterm::terminal::size()?;
                return Ok(Some(Input::Resize(width, height)));
            }
            // crossterm's reader spins forever on the end of file that a hung-up terminal
            // gives, so it is asked only right after a check that the terminal is still there,
            // and the waiting is done here.
            if wait_for_terminal(Duration::ZERO) == TerminalWait::HungUp {
                return Ok(Some(Input::Closed));
            }
            // (Not a zero timeout: crossterm's poll(2) source does not look at all then.)
            if event::poll(Duration::from_millis(1))? {
                let input = match event::read()? {
                    Event::Key(key) => Input::Key(key),
                    Event::Mouse(mouse) => Input::Mouse(mouse),
                    Event::Resize(width, height) => Input::Resize(width, height),
                    _ => continue,
                };
                return Ok(Some(input));
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(None);
            }
            let left = deadline.map_or(SIGNAL_CHECK, |d| {
                d.saturating_duration_since(Instant::now())
            });
            // Resizes wake crossterm, not this wait: they are seen at the next wake-up.
            if wait_for_terminal(left.min(SIGNAL_CHECK)) == TerminalWait::HungUp {
                return Ok(Some(Input::Closed));
            }
        }
    }
}

/// Whether the terminal was resized since the last call. rawi watches SIGWINCH itself because
/// crossterm drops a resize that reaches it in the same wake-up as a key.
fn take_resize() -> bool {
    static RESIZED: std::sync::OnceLock<Option<Arc<AtomicBool>>> = std::sync::OnceLock::new();
    let resized = RESIZED.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGWINCH, flag.clone())
            .ok()
            .map(|_| flag)
    });
    resized
        .as_ref()
        .is_some_and(|flag| flag.swap(false, Ordering::SeqCst))
}

#[derive(Debug, PartialEq, Eq)]
enum TerminalWait {
    Ready,
    HungUp,
}

/// Waits up to `timeout` for input from the terminal, or for it to go away (its window closed,
/// its tmux server killed).
fn wait_for_terminal(timeout: Duration) -> TerminalWait {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    // crossterm reads stdin when it is a terminal, else /dev/tty; a hang-up shows on any
    // descriptor of the same terminal.
    static DEV_TTY: std::sync::OnceLock<Option<std::fs::File>> = std::sync::OnceLock::new();
    let stdin = io::stdin();
    let fd = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        match DEV_TTY.get_or_init(|| std::fs::File::open("/dev/tty").ok()) {
            Some(tty) => tty.as_fd(),
            None => {
                std::thread::sleep(timeout);
                return TerminalWait::Ready;
            }
        }
    };
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let timeout = Timespec {
        tv_sec: timeout.as_secs() as i64,
        tv_nsec: timeout.subsec_nanos() as _,
    };
    match poll(&mut fds, Some(&timeout)) {
        Ok(n)
            if n > 0
                && fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
        {
            TerminalWait::HungUp
        }
        _ => TerminalWait::Ready,
    }
}
