//! Coreference, round 3: the public name of a speaker is its best name form (hand-made
//! sentences, not corpus sentences).

mod attribution_common;

use attribution_common::*;
use rawi::attribution::Extraction;

fn names(x: &Extraction) -> Vec<String> {
    x.speakers.iter().map(|s| s.name.clone()).collect()
}

#[test]
fn an_organisation_named_after_a_conjunction_shows_without_it() {
    let text = "واتهمت الحكومة الحركة الشعبية وجبهة التحرير الوطنية بتعطيل الحوار. \
                وقالت وجبهة التحرير الوطنية في بيان إن الاتهامات باطلة ولا أساس لها.";
    let x = extract(text);
    assert!(
        names(&x).iter().any(|n| n == "جبهة التحرير الوطنية"),
        "{:?}",
        names(&x)
    );
}

#[test]
fn a_merged_speaker_shows_the_name_the_article_repeats() {
    // «طالب ROLE بايجاد حلول ...» is read as a name after the role; the name the article
    // repeats («المنصوري») is the one to show.
    let text = "أكد رئيس الحكومة الهادي قائد المنصوري اليوم الاثنين بالعاصمة التزام الحكومة \
                بالإصلاح. وابرز رئيس الحكومة ان الميزانية ستقدم الشهر المقبل. وفي الشأن \
                الإقليمي، طالب رئيس الحكومة بايجاد حلول سياسية عاجلة لقضايا الجنوب وفي مقدمتها \
                قضية المياه 'التي تبقى أولوية قصوى للجميع'. واعتبر قائد المنصوري ان البلاد \
                تجاوزت أصعب مراحل الأزمة. وشدد قائد المنصوري على ان الحوار هو السبيل الوحيد.";
    let x = extract(text);
    assert_eq!(names(&x)[0], "الهادي قائد المنصوري", "{:?}", x.speakers);
}

#[test]
fn a_fathers_name_alone_does_not_stand_for_the_son() {
    // «راشد» follows «بن» in the first name: «راشد المنصوري» is someone else.
    let text = "وقال الدكتور سالم بن راشد الكعبي مدير الهيئة: المعرض فرصة للجميع. وأشار راشد \
                المنصوري مدير إدارة الخدمات إلى أن الهيئة شكلت لجانا متخصصة لتنظيم الزيارات.";
    let x = extract(text);
    assert_eq!(
        names(&x),
        ["سالم بن راشد الكعبي", "راشد المنصوري"],
        "{:?}",
        x.speakers
    );
}

#[test]
fn a_short_organisation_name_met_first_joins_its_full_name() {
    let text = "وقالت الخارجية البرتغالية إن السفارة ستفتح أبوابها غدا أمام المراجعين. وأوضحت \
                وزارة الخارجية البرتغالية في بيان أن الموظفين عادوا إلى العمل.";
    let x = extract(text);
    assert_eq!(names(&x), ["وزارة الخارجية البرتغالية"], "{:?}", x.speakers);
}

#[test]
fn a_statement_or_a_site_of_an_organisation_is_not_its_full_name() {
    // «موقع الجيش X» (the army's site) and «الجيش X» stay apart.
    let text = "وقال الجيش الوطني إن قواته تقدمت في الشمال. ونقل موقع الجيش الوطني عن قائد \
                ميداني قوله إن المعارك مستمرة. وذكر موقع الجيش الوطني أن الطرق مغلقة.";
    let x = extract(text);
    assert!(
        names(&x).iter().any(|n| n == "الجيش الوطني"),
        "{:?}",
        x.speakers
    );
}

#[test]
fn a_statement_is_credited_to_the_body_that_issued_it() {
    let text = "وقال بيان أصدرته وزارة الزراعة إن موسم الحصاد سيبدأ مبكرا هذا العام.";
    let x = extract(text);
    assert_eq!(names(&x), ["وزارة الزراعة"], "{:?}", x.speakers);
}

#[test]
fn a_statement_and_its_body_are_one_speaker() {
    let text = "أعلنت وزارة الزراعة في بيان أنها ستدعم صغار المزارعين. وقال بيان وزارة \
                الزراعة إن الدعم يشمل البذور والأسمدة.";
    let x = extract(text);
    assert_eq!(names(&x), ["وزارة الزراعة"], "{:?}", x.speakers);
    assert_eq!(x.quotes.len(), 2, "{:?}", x.quotes);
}
