//! The seed article rendered by rawi and by the reference renderer over GNU FriBidi
//! (`../shared/bench/fribidi_lines`, built by `../shared/bench/setup.sh`): the same visual lines
//! at several widths. Skipped, with a notice, when the reference renderer is not built.
//!
//! Known, accepted differences, normalised before comparing: fribidi leaves hamza (U+0621, which
//! has only an isolated form) unshaped where rawi uses its presentation form U+FE80; rawi keeps the
//! space at a line break as a (hanging) glyph at the line's logical end, fribidi drops it, so
//! leading and trailing blanks are trimmed.

use std::path::{Path, PathBuf};
use std::process::Command;

use rawi::text::LayoutOptions;

const SEED: &str = include_str!("../assets/articles/000_seed.txt");

/// `shared/` beside the repository (or one of its parents), or `$RAWI_SHARED`.
fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RAWI_SHARED") {
        return Some(PathBuf::from(dir));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .map(|d| d.join("shared"))
        .find(|d| d.join("bench").is_dir())
}

fn normalise(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.replace('\u{FE80}', "\u{0621}").trim().to_string())
        .collect()
}

#[test]
fn seed_article_matches_fribidi_lines() {
    let Some(reference) = shared_dir()
        .map(|d| d.join("bench/fribidi_lines"))
        .filter(|p| p.exists())
    else {
        eprintln!("NOTICE: ../shared/bench/fribidi_lines is not built (run setup.sh); skipped");
        return;
    };
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/000_seed.txt");
    for width in [80u16, 47, 30, 12] {
        let out = Command::new(&reference)
            .args(["--width", &width.to_string(), "--dropfill"])
            .arg(&seed)
            .output()
            .expect("run fribidi_lines");
        assert!(out.status.success());
        let theirs = normalise(&String::from_utf8(out.stdout).unwrap());
        let mut ours = Vec::new();
        rawi::render::render(SEED.as_bytes(), &mut ours, width, &LayoutOptions::default()).unwrap();
        let ours = normalise(&String::from_utf8(ours).unwrap());
        assert_eq!(ours.len(), theirs.len(), "width {width}: line count");
        for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(a, b, "width {width}, line {i}");
        }
    }
}
