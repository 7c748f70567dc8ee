//! Runs the real `rawi` binary in a pseudo-terminal (a private tmux server) and reads the
//! screen back. Every wait polls the screen until what is expected appears, with a timeout.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(15);

pub struct Tmux {
    socket: String,
    /// Everything rawi wrote to the terminal (tmux pipe-pane).
    pub output_file: PathBuf,
    dir: PathBuf,
}

/// tmux is there (CI installs it); without it the test prints a notice and is skipped.
pub fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("notice: tmux not found, skipping the end-to-end test");
    }
    ok
}

impl Tmux {
    /// Starts `rawi ARGS` in a `cols` x `rows` terminal, with `env` set. The pane runs a small
    /// script: it waits for Enter (so that recording starts first), runs rawi, prints
    /// `RAWI-EXIT <status>` and the terminal settings (`stty -a`), and stays open.
    pub fn start(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Tmux {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let socket = format!("rawi-e2e-{}-{n}", std::process::id());
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(&socket);
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("run.sh");
        let quoted: Vec<String> = args
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        let mut exports: String = env
            .iter()
            .map(|(k, v)| format!("export {k}='{v}'\n"))
            .collect();
        // Each run remembers reading positions in its own folder, never the user's.
        if !env.iter().any(|(k, _)| *k == "RAWI_STATE_DIR") {
            exports.push_str(&format!(
                "export RAWI_STATE_DIR='{}'\n",
                dir.join("state").display()
            ));
        }
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\n{exports}read go\n'{}' {}\necho \"RAWI-EXIT $?\"\nstty -a\nexec cat\n",
                env!("CARGO_BIN_EXE_rawi"),
                quoted.join(" ")
            ),
        )
        .unwrap();
        let tmux = Tmux {
            socket,
            output_file: dir.join("output.bin"),
            dir,
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
            "-s",
            "main",
            "sh",
            script.to_str().unwrap(),
        ]);
        tmux.run(&["set-option", "-g", "status", "off"]);
        tmux.run(&[
            "pipe-pane",
            "-o",
            "-t",
            "main",
            &format!("cat >> '{}'", tmux.output_file.display()),
        ]);
        tmux.keys(&["Enter"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .env("LC_ALL", "C.UTF-8")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Sends tmux key names (`Enter`, `Tab`, `Escape`, `C-c`, `j`...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        self.run(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p", "-t", "main"]).stdout).unwrap()
    }

    pub fn rows(&self) -> Vec<String> {
        self.screen().lines().map(str::to_string).collect()
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    pub fn format(&self, format: &str) -> String {
        let out = self
            .run(&["display-message", "-p", "-t", "main", format])
            .stdout;
        String::from_utf8(out).unwrap().trim().to_string()
    }

    /// Polls the screen until `ok` holds; panics with the last screen after the timeout.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }

    /// The pid of rawi (the child of the pane's shell), from /proc.
    pub fn rawi_pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            if let Some(pid) = child_of(&shell) {
                return pid;
            }
            assert!(start.elapsed() < TIMEOUT, "rawi did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Bytes rawi wrote to the terminal so far.
    pub fn output(&self) -> Vec<u8> {
        std::fs::read(&self.output_file).unwrap_or_default()
    }

    /// After rawi exited: checks that the terminal is back to normal, and returns its status.
    pub fn assert_restored(&self) -> i32 {
        let screen = self.wait_text("RAWI-EXIT");
        let status: i32 = screen
            .split("RAWI-EXIT ")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .and_then(|s| s.parse().ok())
            .expect("exit status");
        self.wait_for("stty output", |s| s.contains("icanon"));
        let stty = self.screen();
        assert!(
            stty.contains(" icanon") && !stty.contains("-icanon"),
            "raw mode is off:\n{stty}"
        );
        assert!(
            stty.contains(" echo ") && !stty.contains("-echo "),
            "echo is back:\n{stty}"
        );
        assert_eq!(self.format("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor shown");
        assert_eq!(
            self.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}"),
            "000",
            "mouse off"
        );
        status
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether `needle` occurs in `haystack` as bytes.
pub fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn seed_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/articles/000_seed.txt").to_string()
}

/// A process whose parent is `parent`, found in /proc.
fn child_of(parent: &str) -> Option<u32> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // pid (comm) state ppid ...: the comm may hold spaces, so split after the last ')'.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
            (ppid == parent).then_some(pid)
        })
}

/// Sends a signal to a process (with the `kill` command, to need no extra crate).
pub fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success());
}
