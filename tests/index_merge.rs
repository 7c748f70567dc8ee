//! The cross-article speaker index: merging, sorting, filtering, JSON Lines, and the background
//! build being identical to a sequential one.

use proptest::prelude::{Just, Strategy, prop_assert_eq};
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
        confidence: 1.0,
    }
}

fn quote(speaker: usize, start: usize) -> Quote {
    Quote {
        speaker,
        cue: "قال".into(),
        kind: QuoteKind::Indirect,
        range: start..start + 10,
        confidence: 1.0,
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
    let ids: Vec<String> = (0..3).map(|a| format!("article-{a}")).collect();
    let paths: Vec<String> = (0..3).map(|a| format!("corpus-{a}.txt")).collect();
    index
        .write_jsonl(
            &mut out,
            |a| (&ids[a], &paths[a]),
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
    assert_eq!(lines[0]["quoted"][0]["path"], "corpus-0.txt");
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
            confidence: 1.0,
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
    let person = |name: &str, aliases: &[&str]| {
        extraction(
            vec![speaker(name, Person, None, aliases)],
            vec![quote(0, 0)],
        )
    };
    let articles = vec![
        person("الرئيس الأمريكي دونالد ترامب", &["دونالد ترامب"]),
        person("دونالد ترامب", &["ترامب"]),
        person("ترامب", &[]),
        person("دونالد ترامب", &[]),
        person("ترامب", &[]),
        person("ترامب", &[]),
        person("الطبيب السابق لدونالد ترامب", &[]),
    ];
    let index = index_of(&articles);
    let by_name = |name: &str| index.speakers().iter().find(|s| s.name == name).unwrap();
    // Not the longest form, nor the one-word surname used most: the most used full name.
    let trump = by_name("دونالد ترامب");
    assert_eq!(trump.articles, [0, 1, 2, 3, 4, 5]);
    // Another person whose description holds the name stays apart.
    assert_eq!(by_name("الطبيب السابق لدونالد ترامب").articles, [6]);
    assert_eq!(index.speakers().len(), 2);
}

/// Two people, and an article whose engine output wrongly links them.
fn two_people_and_a_wrong_alias() -> Vec<Extraction> {
    let one = |name: &str, aliases: &[&str]| {
        extraction(
            vec![speaker(name, Person, None, aliases)],
            vec![quote(0, 0)],
        )
    };
    vec![
        one("كريم سعدي", &["سعدي"]),
        one("نادر فاضل", &["فاضل"]),
        // «X Y تذرّع Z» taken for one name, with aliases X Y and Z.
        one("كريم سعدي تذرع نادر فاضل", &["كريم سعدي", "نادر فاضل"]),
        // A full name with somebody else's name among its aliases.
        one("هشام عادل", &["عادل", "منى راشد"]),
        one("منى راشد", &["راشد"]),
        one("سعدي", &[]),
        one("فاضل", &[]),
        one("هشام عادل", &[]),
    ]
}

#[test]
fn a_wrong_alias_never_chains_two_people() {
    let index = index_of(&two_people_and_a_wrong_alias());
    let articles_of = |name: &str| {
        let hits = index.filtered(name, SortBy::Quotes);
        let mut articles: Vec<usize> = hits
            .iter()
            .flat_map(|&s| index.speakers()[s].articles.clone())
            .collect();
        articles.sort();
        articles.dedup();
        articles
    };
    for s in index.speakers() {
        let has = |name: &str| s.aliases.iter().any(|a| a.contains(name));
        assert!(!(has("كريم") && has("نادر")), "{s:?}");
        assert!(!(has("هشام") && has("منى")), "{s:?}");
    }
    // The filter by a speaker finds the articles that name them, not the other person's.
    assert_eq!(articles_of("منى راشد"), [4]);
    assert_eq!(articles_of("هشام عادل"), [3, 7]);
    assert!(!articles_of("نادر فاضل").contains(&0));
    assert!(!articles_of("كريم سعدي").contains(&1));
    // Surnames alone join the one full name that holds them.
    assert!(articles_of("نادر فاضل").contains(&6));
    assert!(articles_of("كريم سعدي").contains(&5));
}

#[test]
fn a_surname_of_two_full_names_stays_itself() {
    let one = |name: &str, aliases: &[&str]| {
        extraction(
            vec![speaker(name, Person, None, aliases)],
            vec![quote(0, 0)],
        )
    };
    let index = index_of(&[
        one("سمير حداد", &["حداد"]),
        one("وليد حداد", &["حداد"]),
        one("حداد", &[]),
        // Its own article says which حداد: that one.
        one("حداد", &["وليد حداد"]),
    ]);
    let by_name = |name: &str| index.speakers().iter().find(|s| s.name == name).unwrap();
    assert_eq!(by_name("سمير حداد").articles, [0]);
    assert_eq!(by_name("وليد حداد").articles, [1, 3]);
    assert_eq!(by_name("حداد").articles, [2]);
}

#[test]
fn names_without_letters_are_not_speakers() {
    let index = index_of(&[extraction(
        vec![
            speaker("ـ", Person, None, &[]),
            speaker("_____", Person, None, &[]),
            speaker("و", Org, None, &[]),
            speaker("سلمى ناصر", Person, None, &["ـ"]),
        ],
        vec![quote(0, 0), quote(1, 20), quote(2, 40), quote(3, 60)],
    )]);
    let names: Vec<&str> = index.speakers().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["سلمى ناصر"]);
    assert_eq!(index.speakers()[0].aliases, ["سلمى ناصر"]);
}

/// What a speaker is, apart from where its articles stand: name, kind, aliases, roles, quotes.
type Summary = (String, String, Vec<String>, Vec<String>, usize);

fn summary(index: &SpeakerIndex) -> Vec<Summary> {
    let mut all: Vec<_> = index
        .speakers()
        .iter()
        .map(|s| {
            let kind = format!("{:?}", s.kind);
            (
                s.name.clone(),
                kind,
                s.aliases.clone(),
                s.roles.clone(),
                s.quote_count(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn the_merge_does_not_depend_on_the_order_or_repetition_of_articles() {
    let mut articles = two_people_and_a_wrong_alias();
    articles.extend(sample());
    // The same surname as an organisation in one article and a person in another.
    articles.push(extraction(
        vec![speaker("سمير", Org, Some("المدير"), &[])],
        vec![quote(0, 0)],
    ));
    articles.push(extraction(
        vec![speaker("سمير", Person, Some("الوزير"), &[])],
        vec![quote(0, 0)],
    ));
    articles.push(extraction(
        vec![speaker("كمال سمير", Person, None, &["سمير"])],
        vec![quote(0, 0)],
    ));
    let forward = index_of(&articles);
    let reversed: Vec<Extraction> = articles.iter().rev().cloned().collect();
    assert_eq!(summary(&index_of(&reversed)), summary(&forward));
    let twice: Vec<Extraction> = articles.iter().chain(&articles).cloned().collect();
    let doubled = index_of(&twice);
    let halved: Vec<_> = summary(&doubled)
        .into_iter()
        .map(|(n, k, a, r, q)| (n, k, a, r, q / 2))
        .collect();
    assert_eq!(halved, summary(&forward));
}

#[test]
fn a_common_noun_is_a_different_speaker_in_each_article_but_one_in_a_repeated_article() {
    let one = |name: &str, start: usize| {
        extraction(vec![speaker(name, Org, None, &[])], vec![quote(0, start)])
    };
    // البيان (the statement) of one article is not that of another; الكرملين is one body.
    let articles = vec![
        one("البيان", 0),
        one("البيان", 50),
        one("البيان", 0),
        one("الكرملين", 0),
        one("الكرملين", 50),
    ];
    let index = index_of(&articles);
    let of = |name: &str| -> Vec<Vec<usize>> {
        let mut all: Vec<Vec<usize>> = (index.speakers().iter())
            .filter(|s| s.name == name)
            .map(|s| s.articles.clone())
            .collect();
        all.sort();
        all
    };
    // Articles 0 and 2 are the same article given twice (same speakers and quotes).
    assert_eq!(of("البيان"), [vec![0, 2], vec![1]]);
    assert_eq!(of("الكرملين"), [vec![3, 4]]);
    // Found by name all the same.
    assert_eq!(index.filtered("البيان", SortBy::Quotes).len(), 2);
}

/// Names and aliases that mix full names, surnames, titles, descriptions, junk and a wrong
/// alias, for the property below.
const POOL: &[&str] = &[
    "سمير حداد",
    "حداد",
    "وليد حداد",
    "الرئيس سمير حداد",
    "البيان",
    "نادر فاضل",
    "فاضل",
    "كريم سعدي تذرع نادر فاضل",
    "كريم سعدي",
    "ـ",
];

fn pool_article(speakers: &[(usize, Vec<usize>, bool)]) -> Extraction {
    let list = speakers
        .iter()
        .map(|(name, aliases, org)| {
            let aliases: Vec<&str> = aliases.iter().map(|&a| POOL[a]).collect();
            let kind = if *org { Org } else { Person };
            speaker(POOL[*name], kind, None, &aliases)
        })
        .collect();
    let quotes = (0..speakers.len()).map(|i| quote(i, i * 20)).collect();
    extraction(list, quotes)
}

proptest::proptest! {
    #[test]
    fn the_merge_is_the_same_in_any_order(
        (given, shuffled) in proptest::collection::vec(
            proptest::collection::vec(
                (0..POOL.len(), proptest::collection::vec(0..POOL.len(), 0..3), proptest::bool::ANY),
                1..4,
            ),
            1..8,
        )
        .prop_flat_map(|articles| (Just(articles.clone()), Just(articles).prop_shuffle())),
    ) {
        let given: Vec<Extraction> = given.iter().map(|a| pool_article(a)).collect();
        let shuffled: Vec<Extraction> = shuffled.iter().map(|a| pool_article(a)).collect();
        prop_assert_eq!(summary(&index_of(&given)), summary(&index_of(&shuffled)));
    }
}
