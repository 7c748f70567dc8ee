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

/// Names and aliases that mix full names, surnames, titles, descriptions, spellings, unnamed
/// sources, addressees, media, junk and a wrong alias, for the property below.
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
    "سمير حدد",
    "مصادر محلية",
    "لسمير حداد",
    "وكالة نوفا برس",
    "نوفا برس",
    "العقيد الركن سمير حداد",
    "مراسل نوفا برس",
];

fn pool_article(speakers: &[(usize, Vec<usize>, bool)]) -> Extraction {
    let list = speakers
        .iter()
        .map(|(name, aliases, org)| {
            let aliases: Vec<&str> = aliases.iter().map(|&a| POOL[a]).collect();
            // A person with a title, so that spellings can merge through it.
            let (kind, role) = if *org {
                (Org, None)
            } else {
                (Person, Some("الرئيس الفنلندي"))
            };
            speaker(POOL[*name], kind, role, &aliases)
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

/// One article with one quoted speaker.
/// One article with one quoted speaker; articles whose quotes start at different places are
/// different articles (the same speakers and quotes make the same article given twice).
fn one_speaker(name: &str, role: Option<&str>, aliases: &[&str], at: usize) -> Extraction {
    extraction(
        vec![speaker(name, Person, role, aliases)],
        vec![quote(0, at)],
    )
}

/// The articles of every speaker whose name is `name`, sorted.
fn articles_named(index: &SpeakerIndex, name: &str) -> Vec<Vec<usize>> {
    let mut all: Vec<Vec<usize>> = (index.speakers().iter())
        .filter(|s| s.name == name)
        .map(|s| s.articles.clone())
        .collect();
    all.sort();
    all
}

#[test]
fn spellings_of_a_foreign_name_merge_when_their_speakers_share_a_title() {
    let index = index_of(&[
        one_speaker("ماركو هيلتونن", Some("الرئيس الفنلندي"), &["هيلتونن"], 10),
        one_speaker("ماركو هيلتنن", Some("الرئيس الفنلندي"), &["هيلتنن"], 20),
        one_speaker("ماركو #هيلتنن", None, &[], 30),
        one_speaker("ماركو_هيلتونن", None, &[], 40),
        // محمد and محمود differ by a vowel too: two people, each with their own title.
        one_speaker("محمد ناصر", Some("مدرب المنتخب"), &[], 50),
        one_speaker("محمود ناصر", Some("رئيس البلدية"), &[], 60),
    ]);
    let merged: Vec<&str> = index.speakers().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(index.speakers().len(), 3, "{merged:?}");
    let finn = index.filtered("هيلتنن", SortBy::Quotes);
    assert_eq!(finn.len(), 1);
    assert_eq!(index.speakers()[finn[0]].articles, [0, 1, 2, 3]);
    assert_eq!(articles_named(&index, "محمد ناصر"), [vec![4]]);
    assert_eq!(articles_named(&index, "محمود ناصر"), [vec![5]]);
}

#[test]
fn a_surname_joins_the_full_name_used_with_it_in_by_far_most_articles() {
    let mut articles: Vec<Extraction> = (0..8)
        .map(|i| one_speaker("ماركو هيلتونن", Some("الرئيس الفنلندي"), &["هيلتونن"], i))
        .collect();
    // Engine debris and a relative hold the surname too, in one article each.
    articles.push(one_speaker("هيلتونن تذرع بالظروف", None, &["هيلتونن"], 80));
    articles.push(one_speaker(
        "آنا هيلتونن",
        Some("زوجة الرئيس"),
        &["هيلتونن"],
        90,
    ));
    // Two articles that name him by his surname only.
    articles.push(one_speaker("هيلتونن", None, &[], 100));
    articles.push(one_speaker("هيلتونن", Some("الرئيس"), &[], 110));
    let index = index_of(&articles);
    assert_eq!(
        articles_named(&index, "ماركو هيلتونن"),
        [vec![0, 1, 2, 3, 4, 5, 6, 7, 10, 11]]
    );
    assert_eq!(articles_named(&index, "آنا هيلتونن"), [vec![9]]);
    // The same with every article given twice, or in reverse order.
    let twice: Vec<Extraction> = articles.iter().chain(&articles).cloned().collect();
    let doubled = index_of(&twice);
    let of_doubled = doubled.filtered("ماركو", SortBy::Quotes);
    assert_eq!(doubled.speakers()[of_doubled[0]].article_count(), 20);
    let reversed: Vec<Extraction> = articles.iter().rev().cloned().collect();
    assert_eq!(summary(&index_of(&reversed)), summary(&index));
}

#[test]
fn a_surname_shared_by_two_people_used_about_as_often_stays_apart() {
    let mut articles = Vec::new();
    for i in 0..4 {
        articles.push(one_speaker(
            "ماركو هيلتونن",
            Some("الرئيس الفنلندي"),
            &["هيلتونن"],
            i,
        ));
        articles.push(one_speaker("آنا هيلتونن", Some("الوزيرة"), &["هيلتونن"], i));
    }
    articles.push(one_speaker("هيلتونن", None, &[], 140));
    let index = index_of(&articles);
    assert_eq!(articles_named(&index, "هيلتونن"), [vec![8]]);
}

#[test]
fn unnamed_sources_are_a_different_speaker_in_each_article() {
    let index = index_of(&[
        one_speaker("مصادر محلية", None, &["المصادر"], 150),
        one_speaker("مصادر محلية", None, &[], 160),
        one_speaker("مصدر أمني", None, &["المصدر"], 170),
        one_speaker("مصدر أمني", None, &[], 180),
        one_speaker("المصدر نفسه", None, &[], 190),
        one_speaker("المصدر نفسه", None, &[], 200),
        one_speaker("شهود عيان", None, &[], 210),
        one_speaker("شهود عيان", None, &[], 220),
        one_speaker("مراسلنا", None, &[], 230),
        one_speaker("مراسلنا", None, &[], 240),
        one_speaker("المشرف", None, &[], 250),
        one_speaker("المشرف", None, &[], 260),
    ]);
    assert_eq!(index.speakers().len(), 12);
    assert!(index.speakers().iter().all(|s| s.article_count() == 1));
}

#[test]
fn a_medium_named_by_its_reporter_is_the_reporter_of_that_article() {
    let index = index_of(&[
        one_speaker("بلو إف إم", Some("مراسل"), &["مراسل إذاعة بلو إف إم"], 270),
        one_speaker("بلو إف إم", None, &["مراسلة بلو إف إم"], 280),
        one_speaker("بلو إف إم", None, &[], 290),
        one_speaker("بلو إف إم", None, &[], 300),
    ]);
    assert_eq!(
        articles_named(&index, "بلو إف إم"),
        [vec![0], vec![1], vec![2, 3]]
    );
}

#[test]
fn pieces_of_sentences_and_addressees_are_not_speakers() {
    let index = index_of(&[extraction(
        vec![
            speaker("عندما", Person, None, &[]),
            speaker("بل المسؤولون", Person, None, &[]),
            speaker("ذات", Person, None, &[]),
            speaker("ومضى", Person, None, &[]),
            // «قال لي»: who was told.
            speaker("لي", Person, None, &[]),
            // «قال فلان لنوفا نيوز»: the speaker is not the channel told.
            speaker("لنوفا نيوز", Org, None, &[]),
            speaker("نوفا نيوز", Org, None, &[]),
        ],
        (0..7).map(|i| quote(i, i * 20)).collect(),
    )]);
    let names: Vec<&str> = index.speakers().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["نوفا نيوز"]);
    // With a title, لي is somebody's name.
    let titled = index_of(&[one_speaker("لي", Some("رئيس الوزراء"), &[], 1)]);
    assert_eq!(titled.speakers().len(), 1);
}

#[test]
fn a_name_with_a_description_before_it_joins_the_name() {
    let index = index_of(&[
        one_speaker("الرئيس الفنلندي ماركو هيلتونن", None, &["هيلتونن"], 310),
        one_speaker("الرئيس الفنلندي ماركو هيلتونن", None, &[], 320),
        one_speaker("ماركو هيلتونن", None, &[], 330),
        one_speaker("العقيد الركن سالم فارس", None, &[], 340),
        one_speaker("العقيد الركن سالم فارس", None, &[], 350),
        // Not so a description of somebody else, or an organisation.
        one_speaker("الطبيب السابق لماركو هيلتونن", None, &[], 360),
        one_speaker("الجيش الوطني", None, &[], 370),
        one_speaker("الجيش الوطني", None, &[], 380),
    ]);
    // Named without the description even where it is only ever written with one.
    assert_eq!(articles_named(&index, "ماركو هيلتونن"), [vec![0, 1, 2]]);
    assert_eq!(articles_named(&index, "سالم فارس"), [vec![3, 4]]);
    assert_eq!(
        articles_named(&index, "الطبيب السابق لماركو هيلتونن"),
        [vec![5]]
    );
    assert_eq!(articles_named(&index, "الجيش الوطني"), [vec![6, 7]]);
}

#[test]
fn a_news_agency_and_its_name_are_one_speaker_but_a_newspaper_is_not_its_city() {
    let org = |name: &str| extraction(vec![speaker(name, Org, None, &[])], vec![quote(0, 0)]);
    let index = index_of(&[
        org("وكالة نوفا برس"),
        org("نوفا برس"),
        org("وكالة بلوستار"),
        org("بلوستار"),
        org("صحيفة مرسيليا"),
        org("مرسيليا"),
    ]);
    let of = |name: &str| -> Vec<usize> {
        let hits = index.filtered(name, SortBy::Quotes);
        let mut all: Vec<usize> = (hits.iter())
            .flat_map(|&s| index.speakers()[s].articles.clone())
            .collect();
        all.sort();
        all
    };
    assert_eq!(of("نوفا برس"), [0, 1]);
    assert_eq!(of("بلوستار"), [2, 3]);
    assert_eq!(articles_named(&index, "مرسيليا"), [vec![5]]);
}

#[test]
fn a_compound_first_name_is_not_a_title() {
    let index = index_of(&[
        one_speaker("نور الدين عبد الحليم", None, &["عبد الحليم"], 390),
        one_speaker("عبد الحليم", None, &[], 400),
        one_speaker("سامر عبد الحليم", None, &[], 410),
    ]);
    assert_eq!(articles_named(&index, "نور الدين عبد الحليم"), [vec![0]]);
}

#[test]
fn a_name_joins_the_longer_name_it_ends_with_when_they_share_a_title() {
    let minister = Some("وزير الري الفنلندي");
    let index = index_of(&[
        one_speaker("سامي جواد كريم", minister, &[], 1),
        one_speaker("سامي جواد كريم", minister, &[], 2),
        one_speaker("جواد كريم", minister, &[], 3),
        // The same end with another title: another person.
        one_speaker("جواد كريم", Some("مدرب المنتخب"), &[], 4),
    ]);
    assert_eq!(articles_named(&index, "سامي جواد كريم"), [vec![0, 1, 2, 3]]);
}

#[test]
fn descriptions_of_office_holders_and_ministries_stay_in_their_article() {
    let org =
        |name: &str, at: usize| extraction(vec![speaker(name, Org, None, &[])], vec![quote(0, at)]);
    let index = index_of(&[
        one_speaker("الرئيس الفنلندي", None, &[], 1),
        one_speaker("الرئيس الفنلندي", None, &[], 2),
        org("وزارة الصحة", 3),
        org("وزارة الصحة", 4),
        org("ووزارة الصحة", 5),
        // Named with the country: one ministry.
        org("وزارة الصحة الفنلندية", 6),
        org("ووزارة الصحة الفنلندية", 7),
        org("وزارة الصحة الفنلندية", 8),
    ]);
    assert_eq!(
        articles_named(&index, "الرئيس الفنلندي"),
        [vec![0], vec![1]]
    );
    let health = index.filtered("وزارة الصحة", SortBy::Quotes);
    let mut groups: Vec<Vec<usize>> = (health.iter())
        .map(|&s| index.speakers()[s].articles.clone())
        .collect();
    groups.sort();
    assert_eq!(groups, [vec![2], vec![3], vec![4], vec![5, 6, 7]]);
}

#[test]
fn an_organisation_spelt_with_two_spellings_of_a_title_word_is_one() {
    let mut articles = Vec::new();
    // The two spellings are words of job titles somewhere in the corpus.
    for (i, title) in ["السفيرة", "القنصلة", "المبعوثة"].into_iter().enumerate()
    {
        let role = format!("{title} الامريكية");
        articles.push(one_speaker(&format!("سلمى حداد {i}"), Some(&role), &[], i));
        let role = format!("{title} الاميركية");
        articles.push(one_speaker(&format!("ليلى فارس {i}"), Some(&role), &[], i));
    }
    let org =
        |name: &str, at: usize| extraction(vec![speaker(name, Org, None, &[])], vec![quote(0, at)]);
    articles.push(org("وزارة المالية الأمريكية", 10));
    articles.push(org("وزارة المالية الأميركية", 11));
    let index = index_of(&articles);
    let hits = index.filtered("وزارة المالية", SortBy::Quotes);
    assert_eq!(hits.len(), 1);
    assert_eq!(index.speakers()[hits[0]].articles, [6, 7]);
}

#[test]
fn a_name_with_the_fathers_name_joins_it_without_when_they_share_a_title() {
    let index = index_of(&[
        one_speaker("سامي بن خالد العتيبي", Some("وزير النقل"), &["العتيبي"], 10),
        one_speaker("سامي العتيبي", Some("وزير النقل"), &[], 20),
        // Another man of that family, with another title: a different person.
        one_speaker("سامي بن فهد العتيبي", Some("مدرب الفريق"), &[], 30),
        // A line of princes is left alone: most of them are «X آل Y».
        one_speaker("نايف بن سالم آل مرزوق", Some("أمير المنطقة"), &[], 40),
        one_speaker("نايف آل مرزوق", Some("أمير المنطقة"), &[], 50),
    ]);
    let all: Vec<(&str, &[usize])> = (index.speakers().iter())
        .map(|s| (s.name.as_str(), s.articles.as_slice()))
        .collect();
    assert!(
        all.iter().any(|(_, articles)| *articles == [0, 1]),
        "the minister is one speaker: {all:?}"
    );
    assert_eq!(articles_named(&index, "سامي بن فهد العتيبي"), [vec![2]]);
    assert_eq!(articles_named(&index, "نايف بن سالم آل مرزوق"), [vec![3]]);
}

#[test]
fn a_first_name_alone_is_a_speaker_of_its_article_only() {
    let mut articles: Vec<Extraction> = ["سامر خليل", "سامر يوسف", "سامر نادر"]
        .iter()
        .enumerate()
        .map(|(i, name)| one_speaker(name, Some("مدير المدرسة"), &[], i * 10))
        .collect();
    // Two articles quote a «سامر» without more: nothing says they are the same man.
    articles.push(one_speaker("سامر", None, &[], 40));
    articles.push(one_speaker("سامر", None, &[], 50));
    let index = index_of(&articles);
    assert_eq!(articles_named(&index, "سامر"), [vec![3], vec![4]]);
}
