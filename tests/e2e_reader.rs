//! End to end: the real `rawi` binary in a pseudo-terminal (tmux). Checks what a user sees and
//! that the terminal is given back on every way out.

mod e2e_common;

use e2e_common::*;
use rawi::config::Side;
use rawi::text::{LayoutOptions, layout_paragraph};
use rawi::tui::panes::{PaneSettings, Panes, article_text};

/// The article pane's text area (left of the badge margin) at a terminal size, with the
/// default config.
fn article_area(cols: u16, rows: u16) -> ratatui::layout::Rect {
    let panes = Panes::compute(
        ratatui::layout::Rect::new(0, 0, cols, rows),
        PaneSettings {
            article_side: Side::Right,
            speakers_width: 34,
            library: false,
            library_focused: false,
        },
    )
    .unwrap();
    article_text(panes.article)
}

#[test]
fn arabic_text_appears_in_visual_order() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(100, 30, &["--shape", "off", &seed_path()], &[]);
    let screen = tmux.wait_text("Speakers");
    let area = article_area(100, 30);
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let first_paragraph = seed.lines().next().unwrap();
    let opts = LayoutOptions {
        shape: false,
        ..LayoutOptions::default()
    };
    let expected = layout_paragraph(first_paragraph, area.width, &opts);
    let rows: Vec<&str> = screen.lines().collect();
    for (i, line) in expected.iter().take(3).enumerate() {
        let row = rows[area.y as usize + i];
        let shown: String = row
            .chars()
            .skip(area.x as usize)
            .take(area.width as usize)
            .collect();
        assert_eq!(
            shown.trim(),
            line.text.trim(),
            "row {i} is the engine's visual line"
        );
        if line.direction == rawi::text::Direction::Rtl {
            assert!(
                shown.trim_end().chars().count() == shown.chars().count()
                    || shown.ends_with(line.text.trim_end()),
                "right-aligned"
            );
        }
    }
    // Independent of the engine: in visual order the paragraph's first word (اكد) ends the first
    // row, written left to right as د ك ا. Only checked once the engine reorders.
    let engine_reorders = layout_paragraph("اب", 10, &opts)[0].text.starts_with('ب');
    if engine_reorders {
        assert!(
            rows[area.y as usize].trim_end().ends_with("دكا"),
            "{}",
            rows[area.y as usize]
        );
    } else {
        eprintln!("notice: the text engine does not reorder yet; visual-order word check skipped");
    }
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn enter_on_a_speaker_scrolls_to_their_quote() {
    if !tmux_available() {
        return;
    }
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let extraction = rawi::attribution::Extractor::builtin().extract(&seed);
    if extraction.quotes.is_empty() {
        eprintln!("notice: the attribution engine finds no quote yet; test skipped");
        return;
    }
    let tmux = Tmux::start(100, 16, &[&seed_path()], &[]);
    tmux.wait_text("Speakers");
    // The speakers in order of appearance: the last one is the furthest down the article.
    tmux.keys(&["Tab", "G", "Enter"]);
    let screen = tmux.wait_text("quote 1/");
    assert!(!screen.contains(" 0% "), "the article scrolled:\n{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn resizing_relays_out_and_too_small_says_so() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(100, 30, &[&seed_path()], &[]);
    tmux.wait_text("Speakers");
    tmux.keys(&["d"]);
    tmux.resize(60, 20);
    tmux.wait_for("a 60x20 layout", |s| {
        let rows: Vec<&str> = s.lines().collect();
        rows.len() == 20 && rows[19].contains('%') && rows[0].contains("Speakers")
    });
    tmux.resize(30, 8);
    tmux.wait_text("too small");
    tmux.resize(100, 30);
    let screen = tmux.wait_for("the full layout again", |s| {
        s.lines().count() == 30 && s.contains("Speakers")
    });
    assert!(!screen.contains("too small"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn q_restores_the_terminal_and_bidi_mode() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(80, 24, &["--mouse", &seed_path()], &[]);
    tmux.wait_text("Speakers");
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    assert!(
        tmux.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}")
            .contains('1'),
        "--mouse captures the mouse"
    );
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
    let out = tmux.output();
    assert!(contains_bytes(&out, b"\x1b[8l"), "CSI 8 l on start");
    assert!(contains_bytes(&out, b"\x1b[8h"), "CSI 8 h on exit");
    assert!(
        !contains_bytes(&out, b"\x1b]5379"),
        "no mlterm sequence outside mlterm"
    );
}

#[test]
fn ctrl_c_quits_cleanly() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(80, 24, &[&seed_path()], &[]);
    tmux.wait_text("Speakers");
    tmux.keys(&["C-c"]);
    assert_eq!(tmux.assert_restored(), 0);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    if !tmux_available() {
        return;
    }
    for (signal, number) in [("TERM", 15), ("HUP", 1)] {
        let tmux = Tmux::start(80, 24, &["--mouse", &seed_path()], &[]);
        tmux.wait_text("Speakers");
        kill(tmux.rawi_pid(), signal);
        assert_eq!(tmux.assert_restored(), 128 + number, "SIG{signal}");
        assert!(contains_bytes(&tmux.output(), b"\x1b[8h"));
    }
}

#[test]
fn a_panic_restores_the_terminal_and_prints_a_short_report() {
    if !tmux_available() {
        return;
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let config = dir.join("panic-config.toml");
    std::fs::write(&config, "[keys]\n\"ctrl-p\" = \"debug_panic\"\n").unwrap();
    let tmux = Tmux::start(
        100,
        24,
        &["--config", config.to_str().unwrap(), &seed_path()],
        &[],
    );
    tmux.wait_text("Speakers");
    tmux.keys(&["C-p"]);
    let status = tmux.assert_restored();
    assert_ne!(status, 0);
    let screen = tmux.screen();
    assert!(screen.contains("rawi crashed: debug_panic"), "{screen}");
    assert!(screen.contains("terminal has been restored"), "{screen}");
}

#[test]
fn mlterm_gets_its_own_bidi_switch() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(80, 24, &[&seed_path()], &[("MLTERM", "3.9")]);
    tmux.wait_text("Speakers");
    tmux.keys(&["q"]);
    tmux.assert_restored();
    let out = tmux.output();
    assert!(contains_bytes(&out, b"\x1b]5379;use_ctl=false\x07"));
    assert!(contains_bytes(&out, b"\x1b]5379;use_ctl=true\x07"));
}

#[test]
fn bidi_terminal_mode_leaves_the_terminal_bidi_alone() {
    if !tmux_available() {
        return;
    }
    let tmux = Tmux::start(
        80,
        24,
        &["--bidi", "terminal", &seed_path()],
        &[("MLTERM", "3.9")],
    );
    tmux.wait_text("bidi terminal");
    tmux.keys(&["q"]);
    tmux.assert_restored();
    let out = tmux.output();
    assert!(!contains_bytes(&out, b"\x1b[8l") && !contains_bytes(&out, b"\x1b]5379"));
}

#[test]
fn a_bad_config_is_reported_and_rawi_starts_with_defaults() {
    if !tmux_available() {
        return;
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let config = dir.join("bad-config.toml");
    std::fs::write(&config, "[reader]\nmouse = \"yes please\"\n").unwrap();
    let tmux = Tmux::start(
        120,
        24,
        &[&seed_path()],
        &[("RAWI_CONFIG", config.to_str().unwrap())],
    );
    // The message is printed on stderr first, then shown in the status bar (the last row,
    // drawn last): wait for the whole frame.
    let screen = tmux.wait_for("the config problem in the status bar", |s| {
        s.contains("Speakers")
            && s.lines()
                .last()
                .is_some_and(|row| row.contains("bad-config.toml:2: key `reader.mouse`"))
    });
    assert!(screen.contains("Speakers"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
    // Also on stderr, which stays on the screen after exit.
    assert!(
        tmux.screen()
            .contains("bad-config.toml:2: key `reader.mouse`")
    );
}

#[test]
fn a_bad_key_binding_keeps_its_default_in_the_real_binary() {
    if !tmux_available() {
        return;
    }
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let config = dir.join("bad-key-config.toml");
    std::fs::write(&config, "[keys]\n\"x\" = \"quit\"\n\"q\" = \"fly\"\n").unwrap();
    let tmux = Tmux::start(
        100,
        24,
        &["--config", config.to_str().unwrap(), &seed_path()],
        &[],
    );
    tmux.wait_text("unknown action `fly`");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0, "q still quits");
}

#[test]
fn the_library_fills_up_when_the_terminal_grows() {
    if !tmux_available() {
        return;
    }
    // The bundled articles at 80x15: no room for the library; J J goes to the third article.
    let tmux = Tmux::start(80, 15, &[], &[]);
    tmux.wait_text("1/4");
    tmux.keys(&["J"]);
    tmux.wait_text("2/4");
    tmux.keys(&["J"]);
    tmux.wait_text("3/4");
    tmux.resize(120, 20);
    let titles = ["000_seed", "004_bbc", "031_bbc", "052_skynews"];
    tmux.wait_for("every article in the library pane", |s| {
        s.contains("Articles 4") && titles.iter().all(|t| s.contains(t))
    });
    tmux.keys(&["q"]);
    tmux.assert_restored();
}

/// CPU time (user + system, in clock ticks) that process `pid` has used.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12) // utime, stime (fields 14 and 15 of the whole line)
}

#[test]
fn a_key_right_after_a_resize_is_not_lost_and_nothing_spins() {
    if !tmux_available() {
        return;
    }
    // One long paragraph: re-laying it out after a resize takes a while, so the resize and the
    // key wait together for the reader (the default crossterm source then dropped the key and
    // rawi spun until the next one).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let seed = std::fs::read_to_string(seed_path())
        .unwrap()
        .replace('\n', " ");
    std::fs::write(&path, seed.repeat(150)).unwrap();
    let tmux = Tmux::start(100, 20, &[path.to_str().unwrap()], &[]);
    tmux.wait_text("Speakers");
    let pid = tmux.rawi_pid();
    for (cols, rows, key, status) in [(120, 40, "G", "100%"), (100, 20, "g", " 0%")] {
        tmux.resize(cols, rows);
        tmux.keys(&[key]);
        tmux.wait_for(status, |s| {
            s.lines().last().is_some_and(|l| l.contains(status))
        });
    }
    // Idle once the article's speakers are found (on other threads): a second of waiting then
    // costs next to no CPU time.
    tmux.wait_for("the speakers found", |s| !s.contains("finding speakers"));
    let before = cpu_ticks(pid);
    std::thread::sleep(std::time::Duration::from_secs(1));
    let used = cpu_ticks(pid) - before;
    assert!(used < 30, "rawi used {used} ticks of CPU in 1 s of idling");
    tmux.keys(&["q"]);
    assert_eq!(tmux.assert_restored(), 0);
}
