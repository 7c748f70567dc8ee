//! The keymap as data: parsing key names and sequences, shift folding, clashes, the help list.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rawi::config::Config;
use rawi::tui::action::Action;
use rawi::tui::keymap::{Chord, InputMode, KeyMap, KeyReader, parse_sequence, show_sequence};

#[test]
fn key_names_parse_and_print_back() {
    for name in [
        "j",
        "J",
        "?",
        "ctrl-c",
        "alt-x",
        "enter",
        "esc",
        "tab",
        "shift-tab",
        "space",
        "pgdn",
        "pgup",
        "home",
        "end",
        "f1",
        "backspace",
    ] {
        let chord = Chord::parse(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Chord::parse(&chord.to_string()).unwrap(), chord, "{name}");
    }
    assert_eq!(
        Chord::parse("C-c").unwrap(),
        Chord::parse("ctrl-C").unwrap()
    );
    assert!(Chord::parse("hyper-x").is_err());
    assert!(Chord::parse("f99").is_err());
    assert!(parse_sequence("  ").is_err());
    assert_eq!(show_sequence(&parse_sequence("z  z").unwrap()), "z z");
}

#[test]
fn shift_is_folded_into_the_character() {
    let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(Chord::from_event(shifted), Chord::parse("G").unwrap());
    let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        Chord::from_event(backtab),
        Chord::parse("shift-tab").unwrap()
    );
    let ctrl = KeyEvent::new(
        KeyCode::Char('C'),
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    );
    assert_eq!(Chord::from_event(ctrl), Chord::parse("ctrl-c").unwrap());
}

#[test]
fn a_binding_that_would_shadow_a_sequence_is_refused() {
    let mut map = KeyMap::default();
    map.bind(parse_sequence("z z").unwrap(), Action::CenterFocus)
        .unwrap();
    assert!(map.bind(parse_sequence("z").unwrap(), Action::Top).is_err());
    assert!(
        map.bind(parse_sequence("z z z").unwrap(), Action::Top)
            .is_err()
    );
    map.bind(parse_sequence("z t").unwrap(), Action::FocusToTop)
        .unwrap();
    // Rebinding the same sequence replaces it; noop unbinds.
    map.bind(parse_sequence("z z").unwrap(), Action::Quit)
        .unwrap();
    assert_eq!(map.get(&parse_sequence("z z").unwrap()), Some(Action::Quit));
    map.bind(parse_sequence("z z").unwrap(), Action::Noop)
        .unwrap();
    assert_eq!(map.get(&parse_sequence("z z").unwrap()), None);
}

#[test]
fn sequences_complete_wait_or_fall_back_to_the_last_key() {
    let map = Config::default().keymap;
    let mut reader = KeyReader::default();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(reader.feed(&map, InputMode::Normal, key('z')), None);
    assert_eq!(reader.pending().len(), 1);
    assert_eq!(
        reader.feed(&map, InputMode::Normal, key('z')),
        Some(Action::CenterFocus)
    );
    assert!(reader.pending().is_empty());
    reader.feed(&map, InputMode::Normal, key('z'));
    assert_eq!(
        reader.feed(&map, InputMode::Normal, key('j')),
        Some(Action::Down),
        "z j: j alone"
    );
    assert_eq!(
        reader.feed(&map, InputMode::Normal, key('x')),
        None,
        "unbound"
    );
    // In the search prompt letters are text, even bound ones.
    assert_eq!(
        reader.feed(&map, InputMode::SearchPrompt, key('q')),
        Some(Action::SearchChar('q'))
    );
}

#[test]
fn every_default_binding_is_in_the_help() {
    let config = Config::default();
    let catalogue = rawi::tui::catalogue::Catalogue::new(
        rawi::corpus::Library::bundled(),
        std::sync::Arc::new(|_: &str| rawi::attribution::Extraction::default()),
    );
    let state =
        rawi::tui::state::State::new(catalogue, &config, ratatui::layout::Rect::new(0, 0, 80, 24));
    let help: Vec<_> = state.help.iter().map(|h| h.keys.join(" ")).collect();
    for (action, _) in Action::BINDABLE {
        assert!(
            !config.keymap.keys_for(*action).is_empty(),
            "{action:?} has a default key"
        );
    }
    assert!(help.iter().any(|k| k == "z z"));
    assert!(help.iter().any(|k| k.contains("ctrl-c")));
}

/// The action `keys` (e.g. `"q"`) do with the config `text` applied over the defaults, and the
/// keys of the config reported as problems.
fn with_config(text: &str, keys: &str) -> (Option<Action>, Vec<String>) {
    let mut config = Config::default();
    let problems = config.apply(std::path::Path::new("c.toml"), text);
    let action = config.keymap.get(&parse_sequence(keys).unwrap());
    (action, problems.into_iter().map(|p| p.key).collect())
}

#[test]
fn a_bad_entry_leaves_that_keys_default_in_force_whatever_the_others_do() {
    for text in [
        "[keys]\n\"q\" = \"fly\"\n",
        "[keys]\n\"x\" = \"quit\"\n\"q\" = \"fly\"\n",
        "[keys]\n\"q\" = \"fly\"\n\"x\" = \"quit\"\n",
        "[keys]\nx = \"quit\"\nq = \"fly\"\n",
        "[keys]\n\"q\" = 3\n\"ctrl-q\" = \"quit\"\n",
        "[keys]\n\"x\" = \"quit\"\n\"q\" = \"fly\"\n\"Q\" = \"quit\"\n",
    ] {
        let (q, problems) = with_config(text, "q");
        assert_eq!(q, Some(Action::Quit), "{text}");
        assert_eq!(problems, ["keys.q"], "{text}");
    }
    // A sequence that clashes with a default (`z` starts `z z`) is refused; `z z` still works.
    let (zz, problems) = with_config("[keys]\n\"z\" = \"quit\"\n", "z z");
    assert_eq!(zz, Some(Action::CenterFocus));
    assert_eq!(problems, ["keys.z"]);
}

#[test]
fn binding_a_key_to_an_action_keeps_the_actions_other_keys() {
    let text = "[keys]\n\"x\" = \"quit\"\n";
    assert_eq!(with_config(text, "x").0, Some(Action::Quit));
    assert_eq!(
        with_config(text, "q").0,
        Some(Action::Quit),
        "q still quits"
    );
    // Rebinding a key replaces only that key's action; "noop" unbinds it.
    let text = "[keys]\n\"q\" = \"down\"\n\"ctrl-c\" = \"noop\"\n";
    assert_eq!(with_config(text, "q").0, Some(Action::Down));
    assert_eq!(with_config(text, "ctrl-c").0, None);
    let mut config = Config::default();
    config.apply(std::path::Path::new("c.toml"), text);
    assert!(config.keymap.keys_for(Action::Quit).is_empty());
}

#[test]
fn unbinding_comes_first_whatever_the_order_of_the_entries() {
    // `z` starts the default `z z`, `z t`, `z b`: once they are unbound, `z` may be bound, even
    // though "z" sorts before them.
    let text =
        "[keys]\n\"z\" = \"quit\"\n\"z z\" = \"noop\"\n\"z t\" = \"noop\"\n\"z b\" = \"noop\"\n";
    let (z, problems) = with_config(text, "z");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(z, Some(Action::Quit));
}
