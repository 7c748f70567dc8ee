//! End to end: the reader in a pseudo-terminal that answers no queries (util-linux `script`,
//! as a serial console or a bare pty would). rawi must draw and quit without asking the
//! terminal anything: a cursor position request (`CSI 6n`) left unanswered used to end it with
//! "The cursor position could not be read" after two seconds.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn script_available() -> bool {
    let found = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: util-linux `script` is not installed");
    }
    found
}

#[test]
fn the_reader_draws_and_quits_in_a_terminal_that_answers_nothing() {
    if !script_available() {
        return;
    }
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles/000_seed.txt");
    let command = format!(
        "stty cols 100 rows 30; exec '{}' '{seed}'",
        env!("CARGO_BIN_EXE_rawi")
    );
    let mut child = Command::new("script")
        .args(["-qfec", &command, "/dev/null"])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().unwrap();
    let sink = Arc::clone(&output);
    let reader = std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut chunk) {
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    let shows = |text: &str| String::from_utf8_lossy(&output.lock().unwrap()).contains(text);

    let start = Instant::now();
    while !shows("Speakers") && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let drawn = shows("Speakers");
    child.stdin.as_mut().unwrap().write_all(b"q").unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    reader.join().unwrap();
    let bytes = output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&bytes);
    assert!(drawn, "no screen within 10 s:\n{text}");
    assert!(status.is_some_and(|s| s.success()), "{status:?}:\n{text}");
    assert!(!text.contains("\x1b[6n"), "rawi asked where the cursor is");
    assert!(!text.contains("cursor position"), "{text}");
}
