//! Speaker phrases, round 3 of issue 10: where a description ends. Hand-made sentences, one test
//! per phenomenon.

mod attribution_common;

use attribution_common::*;

#[test]
fn a_withheld_name_clause_belongs_to_the_anonymous_source() {
    // «فضل عدم ذكر اسمه» describes the source; «فضل» is no name.
    let names = speaker_names(
        "وقال لـ \"الصحيفة\" محلل لسوق العقار فضل عدم ذكر اسمه إن الأسعار سترتفع في الربع المقبل.",
    );
    assert_eq!(names, ["محلل لسوق العقار فضل عدم ذكر اسمه"]);
}

#[test]
fn a_withheld_identity_clause_before_a_colon_after_a_comma() {
    let names = speaker_names(
        "وقال مسؤول في وزارة الزراعة، طلب عدم الكشف عن هويته: \"المحصول تضرر من الجفاف\".",
    );
    assert_eq!(names, ["مسؤول في وزارة الزراعة، طلب عدم الكشف عن هويته"]);
}

#[test]
fn a_withholding_verb_without_a_name_noun_is_no_part_of_the_speaker() {
    // «طلب» here is the content's verb, not a clause about the source.
    let names = speaker_names("وقال مسؤول محلي إن المجلس طلب تمويلا إضافيا للمدارس.");
    assert!(names.iter().all(|n| !n.contains("طلب")), "{names:?}");
}

#[test]
fn a_bi_content_after_a_bare_title_is_no_part_of_the_subject() {
    // «رحب ... بالاتفاق»: the cue takes its object with ب; the subject ends before it.
    let names = speaker_names(
        "ورحب وزير الزراعة السوداني بالاتفاق الجديد، مؤكدا أنه خطوة مهمة نحو الأمن الغذائي.",
    );
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n == "وزير الزراعة السوداني"),
        "{names:?}"
    );
    let names = speaker_names("ونددت الحكومة المحلية بالهجوم، وقالت إنه عمل جبان.");
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n == "الحكومة المحلية"), "{names:?}");
}

#[test]
fn an_impersonal_verb_after_the_cue_starts_the_content_not_a_speaker() {
    // «وقال ينبغي الحذر»: «ينبغي» opens what was said; the speaker is the one before.
    let x = extract(
        "وقال المحلل المالي إن أسعار الأسهم ستتراجع في الأسابيع المقبلة بسبب ضعف الطلب.\n\
         وتراجعت أسهم قطاع الاتصالات خلال الربع الماضي، وقال ينبغي الحذر من الشركات الصغيرة في \
         هذه المرحلة.",
    );
    assert!(x.speakers.iter().all(|s| !s.name.contains("ينبغي")));
}

#[test]
fn an_emphatic_pronoun_stays_with_the_role_and_is_never_the_name() {
    // «وذكر الموقع نفسه أن ...»: «نفسه» is not the speaker's name.
    let x = extract("وذكر الموقع نفسه أن الحكومة قررت فتح تحقيق عاجل في ملابسات الحادث الأخير.");
    assert!(!x.speakers.is_empty());
    assert!(
        x.speakers.iter().all(|s| s.name != "نفسه"),
        "{:?}",
        x.speakers
    );
}

#[test]
fn interviews_with_people_keep_who_was_interviewed() {
    // «مقابلات مع سكان»: «مع» and its noun belong to the source.
    let names = speaker_names(
        "وكشفت مقابلات مع سكان المدينة كيف أن الجماعة المسلحة فرضت ضرائب جديدة على التجار.",
    );
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n.starts_with("مقابلات مع سكان")),
        "{names:?}"
    );
}

#[test]
fn a_withheld_name_is_never_a_speaker() {
    // «- فضلوا عدم ذكر أسمائهم -»: a phrase read from «أسمائهم» names no one.
    let x = extract(
        "وذكر بعض العمال - فضلوا عدم ذكر أسمائهم- في حديثهم إلى \"الجريدة\" عددا من الصعوبات \
         التي تواجههم في المصنع.",
    );
    assert!(
        x.speakers.iter().all(|s| !s.name.contains("أسمائهم")),
        "{:?}",
        x.speakers
    );
}
