//! The cross-article speaker index: merging, sorting, filtering, JSON Lines, and the background
//! build being identical to a sequential one.

use rawi::attribution::{Extraction, Quote, QuoteKind, Speaker, SpeakerKind};
use rawi::corpus::{Library, LoadOptions};
use rawi::index::{SortBy, SpeakerIndex, build_in_background, extract_all};

fn speaker(name: &str, kind: SpeakerKind, role: Option<&str>, aliases: &[&str]) -> Speaker {
    Speaker {
        name: name.into(),
        role: role.map(Into::into),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: Vec::new(),
        quotes: 0,
    }
}

fn quote(speaker: usize, start: usize) -> Quote {
    Quote {
        speaker,
        cue: "قال".into(),
        kind: QuoteKind::Indirect,
        range: start..start + 10,
    }
}

fn extraction(speakers: Vec<Speaker>, quotes: Vec<Quote>) -> Extraction {
    Extraction { speakers, quotes }
}

use SpeakerKind::{Org, Person};

fn sample() -> Vec<Extraction> {
    vec![
        extraction(
            vec![
                speaker(
                    "دونالد ترامب",
                    Person,
                    Some("الرئيس الأمريكي"),
                    &["ترامب", "الرئيس"],
                ),
                speaker("أحمد أبو الغيط", Person, None, &["أبو الغيط", "الوزير"]),
            ],
            vec![quote(0, 100), quote(1, 50), quote(0, 10)],
        ),
        extraction(
            vec![
                speaker("ترامب", Person, None, &[]),
                speaker(
                    "سامح شكري",
                    Person,
                    Some("وزير الخارجية"),
                    &["الوزير", "#سامح_شكري"],
                ),
            ],
            vec![quote(0, 5), quote(1, 40), quote(1, 80)],
        ),
        extraction(
            vec![
                speaker("احمد ابو الغيط", Person, Some("الأمين العام"), &[]),
                speaker("الوزير", Person, None, &[]),
                speaker("ترامب", Org, None, &[]),
            ],
            vec![quote(0, 1), quote(1, 2), quote(9, 3)],
        ),
    ]
}

fn index_of(extractions: &[Extraction]) -> SpeakerIndex {
    SpeakerIndex::build(extractions.iter().enumerate())
}

fn names(index: &SpeakerIndex, order: &[usize]) -> Vec<String> {
    order
        .iter()
        .map(|&i| index.speakers()[i].name.clone())
        .collect()
}

#[test]
fn speakers_merge_by_folded_name_and_by_alias_to_name() {
    let index = index_of(&sample());
    let all = names(&index, &index.sorted(SortBy::Quotes));
    assert_eq!(
        all,
        ["دونالد ترامب", "أحمد أبو الغيط", "سامح شكري", "الوزير"]
    );
    let trump = &index.speakers()[0];
    // ترامب (org) in article 2 is the same name key, so the names merge; kinds vote.
    assert_eq!(trump.articles, [0, 1, 2]);
    assert_eq!(trump.kind, Person);
    assert_eq!(trump.quote_count(), 3);
    assert_eq!(trump.roles, ["الرئيس الأمريكي"]);
    assert_eq!(trump.aliases, ["دونالد ترامب", "ترامب", "الرئيس"]);
    // Quotes in article order, then text order; ranges and quote indices kept.
    let located: Vec<(usize, usize, usize)> = trump
        .quotes
        .iter()
        .map(|q| (q.article, q.quote, q.range.start))
        .collect();
    assert_eq!(located, [(0, 2, 10), (0, 0, 100), (1, 0, 5)]);

    let aboul = index
        .speakers()
        .iter()
        .find(|s| s.name == "أحمد أبو الغيط")
        .unwrap();
    assert_eq!(aboul.articles, [0, 2]);
    assert_eq!(aboul.roles, ["الأمين العام"]);
}

#[test]
fn descriptions_never_merge_different_people() {
    let index = index_of(&sample());
    let minister = index
        .speakers()
        .iter()
        .find(|s| s.name == "الوزير")
        .unwrap();
    // الوزير is an alias of أبو الغيط (article 0) and of شكري (article 1): neither links.
    assert_eq!(minister.articles, [2]);
    let shoukry = index
        .speakers()
        .iter()
        .find(|s| s.name == "سامح شكري")
        .unwrap();
    assert_eq!(shoukry.articles, [1]);
}

#[test]
fn a_quote_of_an_unknown_speaker_is_ignored() {
    let index = index_of(&sample());
    let total: usize = index.speakers().iter().map(|s| s.quote_count()).sum();
    assert_eq!(total, 8);
    assert_eq!(
        index.articles_with_quotes().into_iter().collect::<Vec<_>>(),
        [0, 1, 2]
    );
}

#[test]
fn sort_by_name_and_filter_as_you_type() {
    let index = index_of(&sample());
    assert_eq!(
        names(&index, &index.sorted(SortBy::Name)),
        ["أحمد أبو الغيط", "الوزير", "دونالد ترامب", "سامح شكري"]
    );
    // Hamza-free query finds the hamzated name; aliases and hashtags match too.
    assert_eq!(
        names(&index, &index.filtered("ابو", SortBy::Quotes)),
        ["أحمد أبو الغيط"]
    );
    assert_eq!(
        names(&index, &index.filtered("سامح شكري", SortBy::Name)),
        ["سامح شكري"]
    );
    assert_eq!(index.filtered("", SortBy::Name).len(), 4);
    assert!(index.filtered("غير موجود", SortBy::Name).is_empty());
}

#[test]
fn json_lines_one_speaker_per_line() {
    let index = index_of(&sample());
    let mut out = Vec::new();
    index
        .write_jsonl(
            &mut out,
            |a| format!("article-{a}"),
            |q| (q.article == 0).then(|| "نص".to_string()),
        )
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["name"], "دونالد ترامب");
    assert_eq!(lines[0]["kind"], "person");
    assert_eq!(lines[0]["articles"], 3);
    assert_eq!(lines[0]["quotes"], 3);
    assert_eq!(lines[0]["quoted"][0]["article"], "article-0");
    assert_eq!(lines[0]["quoted"][0]["start"], 10);
    assert_eq!(lines[0]["quoted"][0]["text"], "نص");
    assert!(lines[0]["quoted"][2].get("text").is_none());
}

/// A stand-in for the attribution engine: the word after each قال speaks until the next period.
fn fake_extract(text: &str) -> Extraction {
    let mut ex = Extraction::default();
    for (start, cue) in text.match_indices("قال ") {
        let after = start + cue.len();
        let Some(name) = text[after..].split_whitespace().next() else {
            continue;
        };
        let speaker = match ex.speakers.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                ex.speakers.push(speaker(name, Person, None, &[]));
                ex.speakers.len() - 1
            }
        };
        let from = after + name.len();
        let to = text[from..].find('.').map_or(text.len(), |i| from + i);
        ex.quotes.push(Quote {
            speaker,
            cue: "قال".into(),
            kind: QuoteKind::Indirect,
            range: from..to,
        });
    }
    ex
}

#[test]
fn background_build_equals_sequential() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["أحمد", "احمد", "إيمان", "ايمان", "سارة", "ساره", "علي"];
    let mut corpus = String::new();
    for i in 0..1500 {
        let a = names[i % names.len()];
        let b = names[(i * 7 + 3) % names.len()];
        corpus.push_str(&format!(
            "{{\"text\": \"قال {a} إن الخبر {i} صحيح. ثم قال {b} شيئا آخر.\"}}\n"
        ));
    }
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, corpus).unwrap();
    let library = Library::open(&[path], &LoadOptions::default());
    let handles = library.text_handles();

    let sequential = SpeakerIndex::merge(&extract_all(&handles, false, &fake_extract, None, None));
    let job = build_in_background(handles, fake_extract);
    let background = job.wait().unwrap();
    assert_eq!(background, sequential);
    assert_eq!(background.article_count(), 1500);
    // Hamza and taa marbuta variants merged: four people.
    assert_eq!(background.speakers().len(), 4);
    let total: usize = background.speakers().iter().map(|s| s.quote_count()).sum();
    assert_eq!(total, 3000);
}

/// `shared/` beside the repository (or `RAWI_SHARED`), if present.
fn shared() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("RAWI_SHARED") {
        return Some(dir.into());
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared"))
        .find(|dir| dir.join("corpus").is_dir())
}

#[test]
fn real_articles_with_the_builtin_engine_background_equals_sequential() {
    let Some(shared) = shared() else {
        eprintln!("notice: shared/ not found; real-article index test skipped");
        return;
    };
    let library = Library::open(&[shared.join("corpus/articles")], &LoadOptions::default());
    assert!(library.len() >= 60);
    let handles = library.text_handles();
    let extract = |text: &str| rawi::attribution::Extractor::builtin().extract(text);
    let sequential = SpeakerIndex::merge(&extract_all(&handles, false, &extract, None, None));
    let background = build_in_background(handles, extract).wait().unwrap();
    assert_eq!(background, sequential);
    // Every quote points inside its article, on char boundaries.
    for speaker in background.speakers() {
        for q in &speaker.quotes {
            let text = library.get(q.article).unwrap().text().unwrap();
            assert!(text.get(q.range.clone()).is_some(), "{q:?}");
        }
    }
}

#[test]
fn a_merged_speaker_is_named_by_its_most_used_full_name() {
    let trump = |name: &str, aliases: &[&str]| {
        extraction(
            vec![speaker(name, Person, None, aliases)],
            vec![quote(0, 0)],
        )
    };
    let articles = vec![
        trump("الطبيب السابق لدونالد ترامب", &["ترامب"]),
        trump("دونالد ترامب", &["ترامب"]),
        trump("ترامب", &[]),
        trump("دونالد ترامب", &[]),
        trump("ترامب", &[]),
        trump("ترامب", &[]),
    ];
    let index = index_of(&articles);
    assert_eq!(index.speakers().len(), 1);
    // Not the longest form, nor the one-word surname used most: the most used full name.
    assert_eq!(index.speakers()[0].name, "دونالد ترامب");
    assert_eq!(index.speakers()[0].article_count(), 6);
}
