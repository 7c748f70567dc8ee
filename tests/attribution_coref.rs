//! Coreference: a description, a short name or an anaphor is tied to the one speaker it stands
//! for, so that the speakers pane shows one entry (hand-made sentences, not corpus sentences).

mod attribution_common;

use attribution_common::*;

fn assert_one_speaker(text: &str, name: &str, alias: &str, quotes: usize) {
    let x = extract(text);
    assert_eq!(x.speakers.len(), 1, "in: {text}\n{:?}", x.speakers);
    let s = &x.speakers[0];
    assert_eq!(s.name, name, "in: {text}");
    assert!(
        s.aliases.iter().any(|a| a == alias),
        "{alias} not in {:?}",
        s.aliases
    );
    assert_eq!(
        x.quotes.len(),
        quotes,
        "in: {text}: {:?}",
        pairs_of(&x, text)
    );
}

#[test]
fn a_description_quoted_before_the_name_set_next_to_it_joins_that_name() {
    assert_one_speaker(
        "قال الملحق الإعلامي إن المعرض سيفتتح غدا. وحضر الملحق الإعلامي الدكتور كريم داود حفل الافتتاح.",
        "كريم داود",
        "الملحق الإعلامي",
        1,
    );
}

#[test]
fn a_reordered_title_joins_the_only_named_holder_of_its_words() {
    assert_one_speaker(
        "وأكد قنصل عام البرتغال أن التأشيرات متاحة. وقال القنصل العام للبرتغال في المدينة، سامي نور، إن العلاقات قوية.",
        "سامي نور",
        "قنصل عام البرتغال",
        2,
    );
}

#[test]
fn a_surname_quoted_apart_joins_the_description_ending_with_it() {
    assert_one_speaker(
        "وقال المتحدث باسم الوزارة عادل سليم إن الطريق مغلق. وأضاف سليم أن العمل سينتهي قريبا.",
        // The spokesman's own name, his title as the role (GUIDE: names without titles).
        "عادل سليم",
        "سليم",
        2,
    );
}

#[test]
fn a_parenthesised_acronym_does_not_make_a_second_speaker() {
    assert_one_speaker(
        "وقالت هيئة الإذاعة الوطنية إن البث سيستمر. وأكدت هيئة الإذاعة الوطنية (هان) أن البرامج الجديدة جاهزة.",
        "هيئة الإذاعة الوطنية",
        // The acronym is left out of the name (GUIDE), so both mentions are one form.
        "هيئة الإذاعة الوطنية",
        2,
    );
}

#[test]
fn the_same_source_is_the_source_quoted_before() {
    assert_one_speaker(
        "وقال مصدر حكومي إن الاجتماع تأجل. وأوضح المصدر نفسه أن الموعد الجديد لم يحدد.",
        "مصدر حكومي",
        "المصدر نفسه",
        2,
    );
    assert_one_speaker(
        "وقال أستاذ الاقتصاد سامي نور إن الأسعار ستنخفض. وأوضح نفس المتحدث أن الطلب ضعيف.",
        "سامي نور",
        "نفس المتحدث",
        2,
    );
}

#[test]
fn a_description_whose_gender_clashes_stays_apart() {
    let text = "وقالت المديرة إن المشروع تأخر. وحضر المدير كريم داود الاجتماع.";
    let x = extract(text);
    assert_eq!(
        pairs_of(&x, text),
        [("المديرة".to_string(), "المشروع تأخر".to_string())]
    );
}

#[test]
fn a_description_two_named_people_fit_stays_apart() {
    let text = "وقال الوزير إن الخطة جاهزة. وقال الوزير كريم داود إن الموسم جيد. وقال الوزير سامي نور إن الأسعار مستقرة.";
    let x = extract(text);
    assert_eq!(x.quotes.len(), 3, "{:?}", pairs_of(&x, text));
    assert_eq!(x.speakers[x.quotes[0].speaker].name, "الوزير");
}

#[test]
fn a_surname_the_name_left_out_and_the_article_uses_alone_completes_the_name() {
    let text = "وانتقد نائب رئيس اللجنة كريم بن سامي الحارس هذه الشروط، موضحا أن الأسعار مرتفعة. وطالب الحارس الوزارة بإعادة النظر.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 1, "{:?}", x.speakers);
    assert_eq!(x.speakers[0].name, "كريم بن سامي الحارس");
}

#[test]
fn a_word_after_the_name_not_used_alone_as_a_subject_is_no_surname() {
    let text = "وانتقد نائب رئيس اللجنة كريم بن سامي الحارس هذه الشروط، موضحا أن الأسعار مرتفعة.";
    let x = extract(text);
    assert_eq!(x.speakers[0].name, "كريم بن سامي", "{:?}", x.speakers);
}

#[test]
fn a_nisba_adjective_matches_the_place_in_the_holders_title() {
    assert_one_speaker(
        "التقى رئيس الوزراء أمس وزير الصحة بالبرتغال سامي نور في مكتبه. وأعلن وزير الصحة البرتغالي أن الاتفاق جاهز.",
        "سامي نور",
        "وزير الصحة البرتغالي",
        1,
    );
}

#[test]
fn a_description_matching_the_words_around_a_name_joins_it() {
    let text = "قالت مصادر إن الإيطالي روسيني مدرب الفريق وافق على العقد. ويقول المدرب الإيطالي: \"التدريب مستمر\". وقال روسيني: \"الفريق قوي\".";
    let x = extract(text);
    let names: Vec<&str> = x
        .quotes
        .iter()
        .map(|q| x.speakers[q.speaker].name.as_str())
        .collect();
    assert_eq!(names, ["مصادر", "روسيني", "روسيني"]);
}

#[test]
fn a_title_with_a_nisba_names_the_only_holder_of_that_title() {
    assert_one_speaker(
        "وقال المبعوث الأممي إن المحادثات ستستأنف. وأكد مبعوث الأمين العام الخاص سامي نور أن الوفود وصلت.",
        "سامي نور",
        "المبعوث الأممي",
        2,
    );
}

#[test]
fn a_title_with_a_nisba_stays_apart_when_the_holders_title_has_another() {
    let text =
        "وقال الوزير الفرنسي إن المحادثات ستستأنف. وكان وزير الخارجية الألماني سامي نور قد وصل أمس.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 1, "{:?}", x.speakers);
    assert_eq!(x.speakers[0].name, "الوزير الفرنسي");
}

#[test]
fn a_name_later_in_the_clause_after_a_verb_or_preposition_is_no_apposition() {
    let text = "وأكد الزعيم الإقليمي مجددا التزامه بلقاء كريم داود. وقال كريم داود إن اللقاء مهم.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 2, "{:?}", x.speakers);
    let text = "وأشار المبعوث الأوروبي إلى حديث كريم داود عن الخطة. وقال كريم داود إن الخطة جاهزة.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 2, "{:?}", x.speakers);
}

#[test]
fn an_emphatic_self_on_a_thing_is_no_anaphor_of_the_last_speaker() {
    let text =
        "وقال المدير كريم داود إن المنصة آمنة. وأكدت الشبكة الاجتماعية نفسها أن البيانات محمية.";
    let x = extract(text);
    let names: Vec<&str> = x
        .quotes
        .iter()
        .map(|q| x.speakers[q.speaker].name.as_str())
        .collect();
    assert_ne!(names.get(1), Some(&"كريم داود"), "{names:?}");
}

#[test]
fn a_name_between_commas_after_a_title_names_the_description() {
    let x = extract("وقالت وزيرة الصحة البرتغالية، إلسا كوستا، إن المستشفيات جاهزة.");
    assert_eq!(x.speakers[0].name, "إلسا كوستا", "{:?}", x.speakers);
    let x = extract("وأضاف قائد المنطقة، الواقعة شرق البلاد، أن القوات تقدمت.");
    assert_eq!(x.speakers[0].name, "قائد المنطقة", "{:?}", x.speakers);
}

#[test]
fn a_name_after_a_title_and_its_complement_used_alone_elsewhere_names_the_description() {
    let text = "وأوضح مدير الإعلام بأمانة المدينة المنورة سامي الكامل بأن العمال مخالفون. وأكد \"الكامل\" أن الرقابة مستمرة.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 1, "{:?}", x.speakers);
    assert_eq!(x.speakers[0].name, "سامي الكامل");
    assert_eq!(x.quotes.len(), 2);
}

#[test]
fn a_place_whose_first_letter_looks_like_a_clitic_still_matches() {
    assert_one_speaker(
        "وأكد قنصل عام كمبوديا أن التأشيرات متاحة. وقال القنصل العام لكمبوديا في المدينة، سامي نور، إن العلاقات قوية.",
        "سامي نور",
        "قنصل عام كمبوديا",
        2,
    );
}

#[test]
fn words_from_the_middle_of_a_known_name_are_no_apposition() {
    let text = "وقال الملك فيصل بن خالد آل ماجد إن الضيوف مرحب بهم. وأشاد الأمين العام للجمعية في مدينة بعيدة فضيلة الشيخ عبدالله ماجد بن عمر بما قدم له.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 2, "{:?}", x.speakers);
}

#[test]
fn a_relative_clause_or_an_object_after_a_description_is_no_apposition() {
    let text = "وقال الرئيس كريم داود إن الانتخابات نزيهة. وقال المستشار السياسي السابق، الذي أدار حملة داود، إنه بريء.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 2, "{:?}", x.speakers);
    let text = "وقال العقيد كريم داود إن الجيش مستعد. وقال المعارض البارز للعقيد كريم داود إنه اعتقل ظلما.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 2, "{:?}", x.speakers);
}

#[test]
fn a_name_right_after_a_definite_subject_is_its_object_not_its_name() {
    // «هزم المهاجم الدولي داود»: the striker beat Dawood; only a title takes the name after it.
    let text = "وقال المهاجم الدولي إن الفريق جاهز. وهزم المهاجم الدولي داود في المباراة. وقال داود إن الخسارة مؤلمة.";
    assert_eq!(extract(text).speakers.len(), 2);
}

#[test]
fn a_description_named_between_commas_joins_the_speaker_of_that_name() {
    let text = "صرح رئيس اللجنة القانونية، الهادي كوستا، بأن القانون جاهز. وبين الهادي كوستا أن النقاش مستمر.";
    let x = extract(text);
    assert_eq!(x.speakers.len(), 1, "{:?}", x.speakers);
    assert_eq!(x.quotes.len(), 2);
}
