//! Every input that once crashed a fuzz target (or is known to crash a dependency) runs through
//! the same entry point as in the fuzzer: `tests/data/regressions/TARGET/*`, with `TARGET` one
//! of `fuzz/entry_points.rs`'s targets. Add a file there for each crash the fuzzer finds.
//!
//! Also the unicode-bidi 0.3.18 panic in `visual_runs` (a line entirely at level 126): through
//! the text engine, `rawi render` (the real binary) and the reader's layout.

#[path = "../fuzz/entry_points.rs"]
mod entry_points;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use rawi::text::{LayoutOptions, layout_paragraph};

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions")
}

#[test]
fn every_saved_input_passes_its_entry_point() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (target, run) in entry_points::TARGETS {
        let dir = regressions_dir().join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            count += 1;
            let outcome = std::panic::catch_unwind(|| run(&bytes));
            if outcome.is_err() {
                failures.push(file.display().to_string());
            }
        }
    }
    assert!(
        count > 0,
        "no regression inputs found in {:?}",
        regressions_dir()
    );
    assert!(failures.is_empty(), "these inputs fail: {failures:#?}");
}

/// Nested isolates that take the paragraph to the deepest level (125), then a digit, which
/// rule I2 raises to level 126: on a line of its own (narrow widths), the whole line is at 126.
fn deepest_level_inputs() -> Vec<String> {
    let alternating = |first_rtl: bool, n: usize| -> String {
        (0..n)
            .map(|i| match (i % 2 == 0) == first_rtl {
                true => '\u{2067}',  // RLI
                false => '\u{2066}', // LRI
            })
            .collect()
    };
    vec![
        format!("{}1", alternating(true, 125)),
        format!("{}1", alternating(false, 124)),
        format!("{}12", alternating(true, 130)),
        format!("{}\u{661}", "\u{2067}".repeat(125)),
        format!("{}1 ب", "\u{202B}\u{202A}".repeat(70)),
    ]
}

#[test]
fn the_input_really_is_the_one_unicode_bidi_panics_on() {
    // Documents why the layout never calls unicode-bidi's `visual_runs`: if a new unicode-bidi
    // no longer panics, this says so instead of failing.
    let text = &deepest_level_inputs()[0];
    let digit = text.len() - 1;
    let panicked = std::panic::catch_unwind(|| {
        let info = unicode_bidi::BidiInfo::new(text, None);
        let para = &info.paragraphs[0];
        assert_eq!(info.levels[digit].number(), 126);
        let _ = info.visual_runs(para, digit..text.len());
    })
    .is_err();
    if !panicked {
        eprintln!("notice: unicode-bidi's visual_runs no longer panics at level 126");
    }
}

#[test]
fn the_text_engine_lays_out_the_deepest_level() {
    for text in deepest_level_inputs() {
        for width in [1, 2, 3, 80] {
            for reveal in [false, true] {
                let opts = LayoutOptions {
                    reveal,
                    ..LayoutOptions::default()
                };
                let lines = layout_paragraph(&text, width, &opts);
                let shown: String = lines.iter().map(|l| l.text.as_str()).collect();
                assert!(shown.contains(['1', '\u{661}']), "{shown:?}");
                let mut bytes = vec![width as u8, 0, 1 | (reveal as u8) << 1, 4];
                bytes.extend_from_slice(text.as_bytes());
                entry_points::text_layout(&bytes);
            }
        }
    }
}

#[test]
fn rawi_render_survives_the_deepest_level() {
    let input: String = deepest_level_inputs().join("\n") + "\n";
    for width in ["1", "2", "80"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(["render", "--width", width])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::io::Write::write_all(&mut stdin, input.as_bytes()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "width {width}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains('1'), "{stdout:?}");
        assert!(
            !stdout
                .chars()
                .any(|c| c != '\n' && entry_points::is_terminal_unsafe(c))
        );
    }
}

#[test]
fn the_reader_lays_out_and_draws_the_deepest_level() {
    for text in deepest_level_inputs() {
        for (w, h) in [(40u8, 10u8), (41, 12), (100, 30), (159, 59)] {
            // Width, height, flags (shape on), no script; then the article.
            let mut bytes = vec![w - 1, h - 1, 1, 0];
            bytes.extend_from_slice(format!("title\n\n{text}\n{text}").as_bytes());
            entry_points::reader(&bytes);
        }
    }
}
