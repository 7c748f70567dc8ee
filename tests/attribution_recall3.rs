//! Quotes the engine missed or cut wrongly, round 3. Hand-made sentences only (not corpus
//! sentences).

mod attribution_common;

use attribution_common::*;

#[test]
fn bil_qawl_restates_the_cue() {
    // «وختم X بالقول إن ...»: "by saying" is not part of the speaker's name.
    assert_pairs(
        "وختم رئيس النادي بالقول إن الفريق سيعود أقوى في الموسم المقبل.",
        &[("رئيس النادي", "الفريق سيعود أقوى في الموسم المقبل")],
    );
    // «مشددا بالقول "..."»: the quotation after it is a direct quote of its own.
    assert_pairs(
        "وقال رئيس الحزب سالم الهاشمي إن الحزب يرفض الشروط، مشددا بالقول \"نحن مصرون على التوافق\".",
        &[
            ("سالم الهاشمي", "الحزب يرفض الشروط"),
            ("سالم الهاشمي", "نحن مصرون على التوافق"),
        ],
    );
}

#[test]
fn participle_with_its_own_preposition_after_a_quotation_starts_a_new_quote() {
    // «... أن "..." مشددا على ضرورة ...»: the participle and its own preposition after a closed
    // quotation start a new quote instead of running on in the first.
    assert_pairs(
        "وأوضح المدير العام للشركة أن المشروع سيكتمل قريبا، مؤكدا أن \"العمل يسير وفق الجدول\" مشددا على ضرورة تضافر الجهود.",
        &[
            ("المدير العام للشركة", "المشروع سيكتمل قريبا"),
            ("المدير العام للشركة", "العمل يسير وفق الجدول"),
            ("المدير العام للشركة", "ضرورة تضافر الجهود"),
        ],
    );
}

#[test]
fn comma_then_titled_speaker_and_complementizer_ends_content() {
    // «وبينما أعرب X عن ...، قال الوزير إن ...»: the main clause after the comma is a new quote.
    assert_pairs(
        "وبينما أعرب المبعوث الخاص عن أمله في عقد الاجتماع قريبا، قال الوزير إن الموعد لم يحدد.",
        &[
            ("المبعوث الخاص", "أمله في عقد الاجتماع قريبا"),
            ("الوزير", "الموعد لم يحدد"),
        ],
    );
}

#[test]
fn participle_with_an_addressee_after_a_quotation_starts_a_new_quote() {
    // «... "..." سائلا الله تعالى أن ...»: an addressee and a complementizer after the participle.
    assert_pairs(
        "وقال الشيخ سالم الهاشمي إن الفقيد \"كان مثالا للعطاء\" سائلا الله تعالى أن يتغمده برحمته.",
        &[
            ("سالم الهاشمي", "الفقيد \"كان مثالا للعطاء\""),
            ("سالم الهاشمي", "يتغمده برحمته"),
        ],
    );
}

#[test]
fn participle_with_an_object_before_its_complementizer_or_bi() {
    // «واصفة الاقتراح بأنه "..."»: the object stays in the content (it follows the speaker).
    assert_pairs(
        "وأبدت الحكومة موقفها الرافض واصفة الاقتراح الجديد بأنه \"غير مقبول\".",
        &[
            ("الحكومة", "موقفها الرافض"),
            ("الحكومة", "الاقتراح الجديد بأنه \"غير مقبول\""),
        ],
    );
    // «واصفا إياه بالمتسرع»: the pronoun إياه is left out like an attached one.
    assert_pairs(
        "وانتقد الوزير سالم الهاشمي القرار واصفا إياه بالمتسرع.",
        &[("سالم الهاشمي", "القرار"), ("سالم الهاشمي", "بالمتسرع")],
    );
}

#[test]
fn narrator_clause_after_a_closed_quotation_ends_indirect_content() {
    // «أن الخطة "..."، وذلك في ...»: the journalist's addition after the quotation is left out.
    assert_pairs(
        "وأكد المحافظ أن المشروع \"سينجز قبل نهاية العام\"، وذلك خلال زيارته للموقع.",
        &[("المحافظ", "المشروع \"سينجز قبل نهاية العام\"")],
    );
}

#[test]
fn outlet_quoted_after_li_is_framing() {
    // «مصادر مطلعة لـ«الصحيفة» عن ...»: the outlet told is no content; the words before it are
    // the speaker.
    assert_pairs(
        "وكشفت مصادر أمنية مطلعة لـ«الصباح» عن خطة جديدة لحماية الحدود.",
        &[("مصادر أمنية مطلعة", "خطة جديدة لحماية الحدود")],
    );
    assert_pairs(
        "وأكد مسؤول في الوزارة لـ\"الصباح\" استمرار العمل بالقرار.",
        &[("مسؤول في الوزارة", "استمرار العمل بالقرار")],
    );
}

#[test]
fn demonstrative_subject_is_no_content() {
    // «وأضاف هذا المصدر أن ...»: "this source" points back to the speaker; the content starts
    // after the complementizer.
    assert_pairs(
        "وقال مصدر أمني إن الهجوم وقع ليلا. وأضاف هذا المصدر أن المهاجمين فروا.",
        &[
            ("مصدر أمني", "الهجوم وقع ليلا"),
            ("مصدر أمني", "المهاجمين فروا"),
        ],
    );
}
