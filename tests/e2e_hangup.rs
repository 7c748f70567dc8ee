//! End to end: when the terminal goes away under the reader (its terminal emulator or tmux
//! server killed), rawi ends by itself instead of spinning forever as an orphan.

mod e2e_common;

use std::time::{Duration, Instant};

use e2e_common::*;

fn alive(pid: u32) -> bool {
    // A zombie (exited, not yet reaped) counts as gone.
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
    })
}

#[test]
fn the_reader_ends_when_its_terminal_is_killed() {
    if !tmux_available() {
        return;
    }
    for how in ["KILL", "kill-server"] {
        let tmux = Tmux::start(80, 24, &[&seed_path()], &[]);
        tmux.wait_text("Speakers");
        let rawi = tmux.rawi_pid();
        let server: u32 = tmux.format("#{pid}").parse().unwrap();
        if how == "KILL" {
            kill(server, "KILL");
        } else {
            kill(server, "TERM");
        }
        let start = Instant::now();
        while alive(rawi) {
            if start.elapsed() > Duration::from_secs(10) {
                kill(rawi, "KILL");
                panic!("rawi ({how}) still running 10 s after its terminal went away");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
