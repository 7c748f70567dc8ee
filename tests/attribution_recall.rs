//! Quotes the engine used to miss: implicit-subject chains, Q&A layouts, missing cues, spans that
//! ran past the reported clause. Hand-made sentences only (not corpus sentences).

use rawi::attribution::{Extraction, Extractor};

fn extract(text: &str) -> Extraction {
    let x = Extractor::builtin().extract(text);
    for q in &x.quotes {
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
    }
    x
}

/// (speaker name, quote text) pairs, in text order.
fn pairs(text: &str) -> Vec<(String, String)> {
    let x = extract(text);
    x.quotes
        .iter()
        .map(|q| {
            (
                x.speakers[q.speaker].name.clone(),
                text[q.range.clone()].to_string(),
            )
        })
        .collect()
}

fn assert_pairs(text: &str, expected: &[(&str, &str)]) {
    let got = pairs(text);
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, expected, "in: {text}");
}

#[test]
fn singular_expert_title_takes_singular_participle() {
    // «الخبير» is a group word (خبراء) but singular: «مشيرا» is his.
    assert_pairs(
        "أوضح الخبير الاقتصادي سالم ناصر أن الأسعار ارتفعت، مشيرا إلى أن الطلب تراجع.\n\nوأضاف: أهم الأسباب زيادة الإنتاج.",
        &[
            ("سالم ناصر", "الأسعار ارتفعت"),
            ("سالم ناصر", "الطلب تراجع"),
            ("سالم ناصر", "أهم الأسباب زيادة الإنتاج"),
        ],
    );
}

#[test]
fn singular_source_keeps_its_continuations() {
    // «مصدر» (one source, unlike «مصادر») agrees with «وتابع» and «مشيرا».
    assert_pairs(
        "كشف مصدر مطلع في الاتحاد أن اللجنة ستعلن قريبا، مشيرا إلى أن الموعد لم يحدد.\n\nوتابع «أن المحامي سيترأس اللجنة».",
        &[
            ("مصدر مطلع في الاتحاد", "اللجنة ستعلن قريبا"),
            ("مصدر مطلع في الاتحاد", "الموعد لم يحدد"),
            ("مصدر مطلع في الاتحاد", "أن المحامي سيترأس اللجنة"),
        ],
    );
}

#[test]
fn relative_clause_after_speaker_ends_at_quote_or_complementizer() {
    assert_pairs(
        "وقال المصدر الذي رفض الكشف عن اسمه «إن اللجنة ستعلن قريبا، وقد يحصل ذلك الأسبوع المقبل».",
        &[(
            "المصدر",
            "إن اللجنة ستعلن قريبا، وقد يحصل ذلك الأسبوع المقبل",
        )],
    );
    assert_pairs(
        "وأكد المهندس سامر يوسف الذي كان يعمل في الشركة منذ سنوات أن المشروع تأخر.",
        &[("سامر يوسف", "المشروع تأخر")],
    );
    // A complementizer right after the relative's verb is the clause's own.
    assert_pairs("ولم تعلق الوزارة التي سبق لها أن نفت الخبر.", &[]);
}

#[test]
fn topic_phrase_before_the_cue_is_no_subject() {
    assert_pairs(
        "قال الوزير سالم ناصر إن الموسم جيد.\n\nوعن إمكانية تدخل البنك، قال: إن أي تدخل سيكون محدودا.\n\nوحول دعم الصادرات قال إن الحكومة ستقدم حوافز.",
        &[
            ("سالم ناصر", "الموسم جيد"),
            ("سالم ناصر", "أي تدخل سيكون محدودا"),
            ("سالم ناصر", "الحكومة ستقدم حوافز"),
        ],
    );
}

#[test]
fn observed_is_a_cue() {
    assert_pairs(
        "ولاحظ المدير سامر يوسف أن الإنتاج ارتفع.",
        &[("سامر يوسف", "الإنتاج ارتفع")],
    );
    // The noun «ملاحظة» is no participle.
    assert_pairs("ومن المهم ملاحظة أن الخدمة غير متاحة بعد.", &[]);
}

#[test]
fn verb_with_its_own_quotation_ends_the_content_before() {
    assert_pairs(
        "أكد المدرب كريم داود ان الفريق جاهز للمباراة وقال \"إن الجمهور سيكون سندنا\".",
        &[
            ("كريم داود", "الفريق جاهز للمباراة"),
            ("كريم داود", "إن الجمهور سيكون سندنا"),
        ],
    );
}

#[test]
fn amma_topic_without_fa_is_the_subject() {
    assert_pairs(
        "أما رئيس الوفد سامر يوسف قال: «إن المفاوضات كانت صعبة».",
        &[("سامر يوسف", "إن المفاوضات كانت صعبة")],
    );
}

#[test]
fn participle_inside_a_quotation_is_the_narrator() {
    assert_pairs(
        "وقال الوزير سالم ناصر: «علينا أن نحمي المزارعين من تقلبات السوق، مؤكدا أن الحكومة ستدعم الأسعار».",
        &[
            ("سالم ناصر", "علينا أن نحمي المزارعين من تقلبات السوق"),
            ("سالم ناصر", "الحكومة ستدعم الأسعار"),
        ],
    );
}

#[test]
fn colon_speech_keeps_its_time_clause() {
    assert_pairs(
        "قال الخبير سالم ناصر إن السوق مستقرة.\n\nوأضاف: الأسعار سترتفع قليلا قبل أن تعود إلى مستواها الطبيعي.",
        &[
            ("سالم ناصر", "السوق مستقرة"),
            (
                "سالم ناصر",
                "الأسعار سترتفع قليلا قبل أن تعود إلى مستواها الطبيعي",
            ),
        ],
    );
}

#[test]
fn passive_considered_does_not_end_content() {
    // «وتعتبر» (is considered) without a complementizer is no new report.
    assert_pairs(
        "قال الوزير سامر يوسف: هذه الحالات مستقرة، وتعتبر حاملة للمرض فقط.",
        &[("سامر يوسف", "هذه الحالات مستقرة، وتعتبر حاملة للمرض فقط")],
    );
}

#[test]
fn plural_participle_of_a_weak_verb() {
    // داعيا -> داعين (not داعيين).
    assert_pairs(
        "وأكد المتظاهرون أنهم صامدون، داعين إلى وقف القتال.",
        &[("المتظاهرون", "صامدون"), ("المتظاهرون", "وقف القتال")],
    );
}

#[test]
fn by_his_saying_before_a_colon() {
    assert_pairs(
        "قال الوزير سالم ناصر إن الموسم جيد.\n\nواختتم حديثه بقوله: نحن متفائلون بالمستقبل.",
        &[
            ("سالم ناصر", "الموسم جيد"),
            ("سالم ناصر", "نحن متفائلون بالمستقبل"),
        ],
    );
}

#[test]
fn colon_then_closed_quotation_is_direct() {
    assert_pairs(
        "قال الوزير سالم ناصر إن الموسم جيد.\n\nوردا على سؤال عن مجالات التعاون، قال:»نعم هناك مجالات عديدة»، وكذلك هناك اتفاقات أخرى.",
        &[
            ("سالم ناصر", "الموسم جيد"),
            ("سالم ناصر", "نعم هناك مجالات عديدة"),
        ],
    );
}

#[test]
fn narrator_clause_after_a_closed_quotation() {
    assert_pairs(
        "وأضاف الوزير سامر يوسف \"أن الرسائل كانت مقلقة فعلا\"، إذ كان ينشرها على الإنترنت.",
        &[("سامر يوسف", "أن الرسائل كانت مقلقة فعلا")],
    );
}

#[test]
fn courtesy_verbs_report_only_courtesies() {
    assert_pairs(
        "ورفع الوزير سامر يوسف خالص التعازي لأسر الضحايا.",
        &[("سامر يوسف", "خالص التعازي لأسر الضحايا")],
    );
    assert_pairs(
        "وقدم المدير كريم داود شكره للعاملين على جهودهم.",
        &[("كريم داود", "شكره للعاملين على جهودهم")],
    );
    // Not a courtesy: an action.
    assert_pairs("وقدم المدير كريم داود استقالته أمس.", &[]);
    assert_pairs(
        "قال الوزير سامر يوسف إن المطعم يتميز بالأطباق التي تقدم فيه.",
        &[("سامر يوسف", "المطعم يتميز بالأطباق التي تقدم فيه")],
    );
}

#[test]
fn attributed_the_cause_object_first() {
    assert_pairs(
        "قال الخبير سامر يوسف إن الأسعار تراجعت، وأرجع السبب في ذلك إلى ضعف الطلب.",
        &[
            ("سامر يوسف", "الأسعار تراجعت"),
            ("سامر يوسف", "السبب في ذلك إلى ضعف الطلب"),
        ],
    );
    // The present «يرجع ذلك إلى» is intransitive: no report.
    assert_pairs("ويرجع ذلك إلى قوة العملة.", &[]);
}

#[test]
fn narrator_addition_after_a_comma_ends_content() {
    assert_pairs(
        "وأكدت الجمعية الأهلية أن القصف استهدف الحي، غير أن الوكالة لم تتمكن من التحقق من ذلك.",
        &[("الجمعية الأهلية", "القصف استهدف الحي")],
    );
}

#[test]
fn participle_forms_used_as_nouns_or_adjectives() {
    assert_pairs(
        "وأوضح المدير سامر يوسف أن هناك رقابة ميدانية مشددة على الشركات.",
        &[("سامر يوسف", "هناك رقابة ميدانية مشددة على الشركات")],
    );
    assert_pairs(
        "وأشار المدير سامر يوسف إلى أن الاجتماع جاء بناء على مطالبة الشركات.",
        &[("سامر يوسف", "الاجتماع جاء بناء على مطالبة الشركات")],
    );
    // After a definite word the participle is a cue again.
    assert_pairs(
        "وانتقدت الوزيرة هدى سالم القوانين الحالية مشيرة إلى أن التعديل ضروري.",
        &[
            ("هدى سالم", "القوانين الحالية"),
            ("هدى سالم", "التعديل ضروري"),
        ],
    );
}

#[test]
fn the_cues_own_preposition_opens_content_after_the_speaker() {
    assert_pairs(
        "وأعربت الحكومة عن وقوفها إلى جانب الجيران في وجه من يحاول \"النيل منهم\".",
        &[(
            "الحكومة",
            "وقوفها إلى جانب الجيران في وجه من يحاول \"النيل منهم\"",
        )],
    );
    assert_pairs(
        "وأعرب الوزير سامر يوسف عن أمله في أن ينجح المؤتمر.",
        &[("سامر يوسف", "أمله في أن ينجح المؤتمر")],
    );
}

#[test]
fn prayer_participle_skips_its_addressee() {
    assert_pairs(
        "وأكد المدير كريم داود أن العمل مستمر، سائلا الله تعالى أن يحفظ البلاد.",
        &[("كريم داود", "العمل مستمر"), ("كريم داود", "يحفظ البلاد")],
    );
}

#[test]
fn unlisted_description_before_a_titled_name() {
    assert_pairs(
        "أشاد رائد الفضاء الأمريكي الدكتور سامر يوسف بجهود الوكالة في مجال الأبحاث.",
        &[("سامر يوسف", "بجهود الوكالة في مجال الأبحاث")],
    );
}

#[test]
fn caught_the_eye_is_no_report() {
    assert_pairs(
        "وقدم الحارس مستوى كبيرا ولفتت مهارته أنظار جميع النقاد.",
        &[],
    );
    assert_pairs(
        "ولفت الوزير سامر يوسف إلى أن الخطة جاهزة.",
        &[("سامر يوسف", "الخطة جاهزة")],
    );
}

#[test]
fn wording_cue_inside_a_going_on_sentence_stays_in_the_clause() {
    assert_pairs(
        "وأكد المدير سامر يوسف أن النادي لن يفرط في لاعبه على حد قوله، ولن يقبل بأي عرض.",
        &[(
            "سامر يوسف",
            "النادي لن يفرط في لاعبه على حد قوله، ولن يقبل بأي عرض",
        )],
    );
    assert_pairs(
        "وأكد المدير سامر يوسف أن النادي لن يفرط في لاعبه على حد قوله.",
        &[("سامر يوسف", "النادي لن يفرط في لاعبه")],
    );
}

#[test]
fn bare_subject_before_the_cues_own_an() {
    assert_pairs(
        "وعبر الفارس كريم داود عن اعتزازه بهذا الإنجاز.",
        &[("الفارس كريم داود", "اعتزازه بهذا الإنجاز")],
    );
    // A question headline has no speaker.
    assert_pairs("هل تكشف القضية عن مزيد من الأسرار؟", &[]);
}

#[test]
fn short_quoted_name_inside_a_relative_clause() {
    assert_pairs(
        "وأعلن الوزير سامر يوسف الذي يعمل في التلفزيون الرسمي \"القناة الأولى\"، الجمعة، أن طلبه رفض.",
        &[("سامر يوسف", "طلبه رفض")],
    );
}

#[test]
fn participle_with_framing_then_a_quotation() {
    assert_pairs(
        "قال الوزير سامر يوسف إن الحزب نفذ ما عليه، مؤكدا في الوقت ذاته، انه «ينتظر أن يتخذ الطرف الآخر القرار الصحيح» وكان الطرف الآخر قد رفض.",
        &[
            ("سامر يوسف", "الحزب نفذ ما عليه"),
            ("سامر يوسف", "ينتظر أن يتخذ الطرف الآخر القرار الصحيح"),
        ],
    );
}

#[test]
fn expressed_surprise_is_a_cue() {
    assert_pairs(
        "وقال الوزير سامر يوسف إن التصريحات عارية من الصحة، مستغربا صدورها في هذا التوقيت.",
        &[
            ("سامر يوسف", "التصريحات عارية من الصحة"),
            ("سامر يوسف", "صدورها في هذا التوقيت"),
        ],
    );
}

#[test]
fn relative_clause_ending_in_a_time_word_before_bi_content() {
    assert_pairs(
        "في سياق متصل وعدت الدول الأعضاء في التحالف الذي تقوده الأمم المتحدة اثر اجتماع في العاصمة الخميس بتقديم مساعدات جديدة.",
        &[("الدول الأعضاء في التحالف", "بتقديم مساعدات جديدة")],
    );
}

#[test]
fn source_tail_description_runs_to_the_sentence_end() {
    assert_pairs(
        "وافقت اللجنة الحكومية على بيع حصة من أسهم الشركة، بحسب مصدر في الحكومة.",
        &[(
            "مصدر في الحكومة",
            "وافقت اللجنة الحكومية على بيع حصة من أسهم الشركة",
        )],
    );
}

#[test]
fn a_verse_cited_is_no_news_speech() {
    // «قال تعالى» cites scripture: no speaker «تعالى», and God is not a news speaker.
    for text in [
        "وفي كلمته قال تعالى: «إن مع العسر يسرا».",
        "وقال الله سبحانه: «إن مع العسر يسرا».",
    ] {
        let x = rawi::attribution::Extractor::builtin().extract(text);
        assert!(x.quotes.is_empty(), "in: {text}: {:?}", x.speakers);
    }
}
