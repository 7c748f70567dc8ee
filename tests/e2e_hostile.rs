//! End to end: an article, a title and a file name full of terminal escape sequences, controls
//! and bidi formatting characters, opened by the real `rawi` in a pseudo-terminal (tmux). Every
//! byte rawi writes to the terminal is checked: each ESC starts a sequence from the allow-list
//! of what rawi and crossterm emit (CSI cursor, erase, SGR and mode sets; OSC 52 only after `y`),
//! and no C1 control, other C0 control or bidi formatting character is ever sent. Placeholders
//! are visible on screen, and `R` reveals the bidi controls as marks.

mod e2e_common;

use std::process::Command;

use e2e_common::*;
use rawi::text::is_bidi_format;

/// Escape sequences and controls that would act on a terminal if passed through.
const ATTACKS: &[&str] = &[
    "\x1b[2J\x1b[H",              // clear the screen, cursor home
    "\x1b]0;PWNED-TITLE\x07",     // set the window title (OSC 0)
    "\x1b]2;PWNED-TITLE\x1b\\",   // set the title, ST-terminated
    "\x1b]52;c;cm0gLXJmIH4K\x07", // write the clipboard (OSC 52)
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", // a hyperlink (OSC 8)
    "\x1bP$qm\x1b\\",             // DECRQSS: asks the terminal to reply
    "\x1bP+q544e\x1b\\",          // XTGETTCAP
    "\x1b[5n\x1b[6n",             // cursor position report (a reply)
    "\x1b[21t",                   // report the window title
    "\x1bc",                      // full reset (RIS)
    "\x1b[?1049l\x1b[?25l",       // leave the alternate screen, hide the cursor
    "\x1b[31;1;5mRED\x1b[0m",     // colours
    "\u{9b}2J\u{9d}0;C1-TITLE\u{9c}\u{90}x\u{9c}", // the same as C1 controls (CSI, OSC, DCS)
    "\x00NUL\x07BEL\x08BS\x7fDEL\x0bVT\x0cFF\x0eSO\x0fSI\x1a",
    "\x05ENQ\x1bZ", // answerback, DECID
];

/// Bidi formatting characters, used to spoof the order of what is shown (Trojan Source).
const BIDI: &str = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}";

/// The hostile article. `nul`: keep its one NUL byte (a stray NUL does not make a file binary:
/// the loaders open it, and it is shown as a placeholder).
fn hostile_article(nul: bool) -> String {
    let mut text = format!("عنوان \x1b]0;TITLE-PWN\x07 {BIDI} \u{202E}cba\u{202C}\n\n");
    text.push_str("قال الرئيس محمد علي إن الوضع «جيد \x1b]52;c;SGVsbG8=\x07 جدا» اليوم.\n");
    for (i, attack) in ATTACKS.iter().enumerate() {
        text.push_str(&format!("فقرة {i} {attack} نص {BIDI} ثم\n"));
    }
    text.push_str("\u{202E}if (admin) {\u{2066} // check later \u{2069}\u{2066} return\n");
    if nul { text } else { text.replace('\0', "") }
}

/// Checks every escape sequence rawi wrote; returns the OSC 52 sequences seen. Some attacks
/// (clear the screen, colours, leave the alternate screen) are sequences rawi sends too, so
/// besides the allow-list none of the article's sequences may appear byte for byte.
fn check_terminal_output(out: &[u8]) -> Vec<String> {
    for attack in ATTACKS {
        assert!(
            !contains_bytes(out, attack.as_bytes()),
            "the article's {attack:?} reached the terminal"
        );
    }
    let text = String::from_utf8_lossy(out);
    for c in text.chars() {
        assert!(
            !('\u{80}'..='\u{9f}').contains(&c),
            "C1 control {c:?} sent to the terminal"
        );
        assert!(
            !is_bidi_format(c),
            "bidi formatting character {c:?} sent to the terminal"
        );
        assert!(
            !c.is_control() || matches!(c, '\x1b' | '\r' | '\n' | '\x07'),
            "control {c:?} sent to the terminal"
        );
    }
    let mut osc52 = Vec::new();
    let mut rest = out;
    while let Some(at) = rest.iter().position(|&b| b == 0x1b || b == 0x07) {
        if rest[at] == 0x07 {
            panic!("a BEL outside an OSC sequence: {:?}", context(rest, at));
        }
        let seq = &rest[at..];
        let len = allowed_sequence(seq).unwrap_or_else(|| {
            panic!(
                "escape sequence not on the allow-list: {:?}",
                context(rest, at)
            )
        });
        if seq.starts_with(b"\x1b]52;") {
            osc52.push(String::from_utf8_lossy(&seq[..len]).into_owned());
        }
        rest = &seq[len..];
    }
    osc52
}

fn context(bytes: &[u8], at: usize) -> String {
    String::from_utf8_lossy(&bytes[at..(at + 40).min(bytes.len())]).into_owned()
}

/// The length of the allowed escape sequence at the start of `seq`, or `None`.
///
/// - CSI with numeric parameters (and a `?` private marker) ending in a cursor, erase, scroll,
///   SGR or mode final byte, as crossterm writes them; `CSI n SP q` (cursor shape). Not `CSI 6n`:
///   rawi asks the terminal nothing, so a reply-provoking request is always an attack.
/// - OSC 52 (clipboard) with a base64 payload, ended by BEL: rawi's own `y`.
fn allowed_sequence(seq: &[u8]) -> Option<usize> {
    if let Some(params) = seq.strip_prefix(b"\x1b[") {
        let n = params
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b';' | b'?' | b':'))
            .count();
        let final_byte = *params.get(n)?;
        if final_byte == b' ' && params.get(n + 1) == Some(&b'q') {
            return Some(2 + n + 2);
        }
        return b"ABCDEFGHJKSTXdfhlmsu"
            .contains(&final_byte)
            .then_some(2 + n + 1);
    }
    if let Some(payload) = seq.strip_prefix(b"\x1b]52;c;") {
        let n = payload
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            .count();
        return (payload.get(n) == Some(&0x07)).then_some(7 + n + 1);
    }
    None
}

#[test]
fn hostile_text_and_file_name_never_reach_the_terminal_as_controls() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let name = format!("evil\x1b]0;NAME-PWN\x07\x1b[2J{BIDI}\u{9b}31m.txt");
    let path = dir.path().join(&name);
    std::fs::write(&path, hostile_article(true)).unwrap();
    // Beside it, inputs that fail, with hostile names: their messages are printed once the
    // reader has given the terminal back, and are checked with the rest.
    let empty = dir
        .path()
        .join(format!("empty\x1b]2;EMPTY-PWN\x07{BIDI}.txt"));
    std::fs::write(&empty, "").unwrap();
    let missing = dir.path().join("missing\x1b[5n\u{9d}0;X\u{9c}.txt");
    let tmux = Tmux::start(
        120,
        40,
        &[
            path.to_str().unwrap(),
            empty.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        &[],
    );
    let screen = tmux.wait_text("Speakers");
    assert!(
        screen.contains('␛'),
        "ESC shown as a placeholder:\n{screen}"
    );
    // The header (first row: the title) and the status bar (last row: a load problem whose
    // file name has bidi controls) always show them as marks. The article itself hides them
    // by default.
    let body = |s: &str| {
        let rows: Vec<&str> = s.lines().collect();
        rows[1..rows.len().saturating_sub(1)].join("\n")
    };
    assert!(
        !body(&screen).contains("‹RLO›"),
        "bidi controls hidden by default:\n{screen}"
    );
    // Read the whole article, then reveal the bidi controls and read it again.
    for key in ["G", "g", "R", "G"] {
        tmux.keys(&[key]);
    }
    let revealed = tmux.wait_for("revealed bidi controls", |s| body(s).contains("‹PDI›"));
    assert!(body(&revealed).contains("‹RLO›"), "{revealed}");
    let before_copy = tmux.output();
    assert!(
        check_terminal_output(&before_copy).is_empty(),
        "no OSC 52 before y"
    );
    // Copy the focused quote: rawi's own OSC 52 is the only OSC it sends.
    tmux.keys(&["g", ")", "y"]);
    tmux.wait_for("the copy notice", |s| s.contains("copied"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
    let out = tmux.output();
    let rawi_part = match out.windows(9).position(|w| w == b"RAWI-EXIT") {
        Some(end) => &out[..end],
        None => &out[..],
    };
    let screen = tmux.screen();
    assert!(screen.contains("empty␛]2;EMPTY-PWN␇"), "{screen}");
    assert!(screen.contains(".txt: does not exist"), "{screen}");
    let copies = check_terminal_output(rawi_part);
    assert_eq!(copies.len(), 1, "one OSC 52, after y: {copies:?}");
}

#[test]
fn render_and_extract_print_no_control_from_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("evil\x1b[2J{BIDI}.txt"));
    std::fs::write(&path, hostile_article(true)).unwrap();
    let lines = dir.path().join(format!("evil2\x1b]8;;x\x07{BIDI}.txt"));
    std::fs::write(&lines, hostile_article(false)).unwrap();
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || is_bidi_format(c);
    for reveal in [false, true] {
        let mut args = vec!["render", "--width", "30"];
        if reveal {
            args.push("--reveal");
        }
        let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(&args)
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.chars().any(unsafe_char), "render: {stdout}");
        assert!(stdout.contains('␛'));
        assert_eq!(stdout.contains("‹RLO›"), reveal, "marks only with --reveal");
    }
    for format in ["text", "jsonl", "json"] {
        let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(["extract", "--format", format])
            .arg(&lines)
            .arg(&path)
            .arg(dir.path().join("missing\x1b]0;X\x07.txt"))
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        // JSON escapes controls itself ("\u001b"); the text format shows placeholders.
        assert!(
            !stdout.chars().any(unsafe_char),
            "extract {format}: {stdout}"
        );
        assert!(
            !stderr.chars().any(unsafe_char),
            "extract {format}: {stderr}"
        );
        assert!(
            stderr.contains("missing␛]0;X␇.txt: does not exist"),
            "{stderr}"
        );
        // A stray NUL does not make a file binary: both articles are extracted.
        assert!(!stderr.contains("binary file"), "{stderr}");
        assert!(
            stdout.contains("evil2") && stdout.matches("evil").count() >= 2,
            "both articles are extracted: {stdout}"
        );
        if format == "text" {
            assert!(stdout.contains("evil2␛]8;;x␇‹LRE›"), "{stdout}");
            assert!(stdout.contains("evil␛[2J‹LRE›"), "{stdout}");
        }
    }
}

#[test]
fn the_byte_check_refuses_every_attack_and_accepts_what_rawi_sends() {
    // What rawi and crossterm send: cursor moves, erase, colours, modes, OSC 52 after y.
    let ours = b"\x1b[?1049h\x1b[2J\x1b[1;1H\x1b[38;5;7;48;5;8m Speakers\x1b[0m\x1b[8l\
        \x1b[?25l\x1b[2 q\x1b[K\x1b]52;c;2LPZhNmK\x07\x1b[?25h\r\n";
    assert_eq!(check_terminal_output(ours).len(), 1);
    for attack in ATTACKS.iter().chain(std::iter::once(&BIDI)) {
        let mut out = ours.to_vec();
        out.extend_from_slice(attack.as_bytes());
        let refused = std::panic::catch_unwind(|| check_terminal_output(&out)).is_err();
        assert!(refused, "{attack:?}");
    }
}

#[test]
fn errors_and_the_speaker_index_print_no_control_from_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || is_bidi_format(c);
    // Nothing can be opened: the error lists the problems, each name made safe.
    let missing = dir.path().join(format!("gone\x1b]0;X\x07{BIDI}.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .arg(&missing)
        .arg(dir.path().join("also\u{9b}2J.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(stderr.contains("gone␛]0;X␇‹LRE›"), "{stderr}");
    assert!(!stderr.chars().any(unsafe_char), "{stderr:?}");
    // The corpus-wide speaker index (JSON Lines) escapes what JSON alone would let through.
    let article = dir.path().join(format!("a{BIDI}.txt"));
    std::fs::write(&article, hostile_article(false)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(["extract", "--speakers"])
        .arg(&article)
        .arg(&missing)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.contains("\"quoted\""), "{stdout}");
    assert!(!stdout.chars().any(unsafe_char), "{stdout:?}");
    assert!(!stderr.chars().any(unsafe_char), "{stderr:?}");
}
