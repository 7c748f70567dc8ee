//! A watchdog for a reader whose terminal went away.
//!
//! When the terminal closes under rawi (the terminal window or the tmux server killed, an SSH
//! connection dropped), reading the tty returns end-of-file forever, and crossterm's event reader
//! (0.29) retries that read in a loop that never returns: the reader would spin on a core, an
//! orphan, until killed. So a small thread checks every [`CHECK`] that the terminal is still
//! there (its size can be read), and that a signal asking rawi to stop (SIGTERM, SIGHUP,
//! SIGINT) is taken by the event loop within [`STUCK`]; if not, it gives back what it can of the
//! terminal and ends the process with status 128 + the signal (SIGHUP for a vanished terminal).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::terminal::window_size;

/// How often the watchdog looks.
pub const CHECK: Duration = Duration::from_millis(250);
/// How long a signal may wait for the event loop (which looks every 100 ms).
pub const STUCK: Duration = Duration::from_secs(1);

const SIGHUP: i32 = 1;

/// Starts the watchdog, if the terminal's size can be read now (else there is nothing to watch).
/// `signal` is the flag of [`super::terminal::watch_signals`].
pub fn watch(signal: Arc<AtomicUsize>) {
    if window_size().is_err() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("rawi-hangup-watchdog".into())
        .spawn(move || {
            let mut pending_since: Option<Instant> = None;
            loop {
                std::thread::sleep(CHECK);
                if window_size().is_err() {
                    give_up(SIGHUP);
                }
                let pending = signal.load(Ordering::SeqCst);
                match (pending, pending_since) {
                    (0, _) => pending_since = None,
                    (_, None) => pending_since = Some(Instant::now()),
                    (_, Some(since)) if since.elapsed() >= STUCK => give_up(pending as i32),
                    _ => {}
                }
            }
        });
    // Without the thread the reader still works; it only loses this safety net.
    drop(spawned);
}

fn give_up(signal: i32) -> ! {
    super::terminal::restore();
    std::process::exit(128 + signal);
}
