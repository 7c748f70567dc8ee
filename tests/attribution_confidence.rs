//! Confidence of attributions: a number from 0 to 1 on every quote and speaker, higher when the
//! speaker is written next to the cue and named again, lower for an implicit subject whose last
//! mention lies sentences back. Hand-made sentences, not corpus ones.

use rawi::attribution::{Extraction, Extractor, Quote, QuoteKind, Speaker, SpeakerKind};

fn extract(text: &str) -> Extraction {
    Extractor::builtin().extract(text)
}

/// (quote text, confidence) pairs, in text order.
fn confidences(text: &str) -> Vec<(String, f32)> {
    let x = extract(text);
    x.quotes
        .iter()
        .map(|q| (text[q.range.clone()].to_string(), q.confidence))
        .collect()
}

fn confidence_of(text: &str, quote: &str) -> f32 {
    let all = confidences(text);
    all.iter()
        .find(|(t, _)| t == quote)
        .unwrap_or_else(|| panic!("no quote {quote:?} in {all:?}"))
        .1
}

#[test]
fn a_named_subject_after_the_cue_mentioned_again_is_sure() {
    let text = "قال وزير المالية نبيل عواد إن العجز سيتراجع هذا العام.\n\
                وأضاف عواد أن الضرائب لن ترتفع.";
    assert!(confidence_of(text, "العجز سيتراجع هذا العام") >= 0.8);
    assert!(confidence_of(text, "الضرائب لن ترتفع") >= 0.8);
}

#[test]
fn an_implicit_subject_right_after_its_speaker_is_surer_than_one_far_from_it() {
    let near = "قال وزير المالية نبيل عواد إن العجز سيتراجع هذا العام.\n\
                وأضاف عواد أن الضرائب لن ترتفع.\n\
                وأوضح أن الرواتب ستصرف في موعدها.";
    let far = "قال وزير المالية نبيل عواد إن العجز سيتراجع هذا العام.\n\
               وشهدت الأسواق ارتفاعا في أسعار الخضار خلال الأسبوع الماضي.\n\
               وتراجعت حركة السفر في المطار بسبب الأحوال الجوية.\n\
               وأكد أن الرواتب ستصرف في موعدها.";
    let quote = "الرواتب ستصرف في موعدها";
    let (near, far) = (confidence_of(near, quote), confidence_of(far, quote));
    assert!(near > far, "near {near}, far {far}");
    assert!(far < 0.5, "far {far}");
}

#[test]
fn a_speaker_mentioned_once_is_less_sure_than_one_named_again() {
    let once = "قال نبيل عواد إن العجز سيتراجع.";
    let again = "قال نبيل عواد إن العجز سيتراجع. وزار عواد المصرف المركزي صباح اليوم.";
    let quote = "العجز سيتراجع";
    assert!(confidence_of(once, quote) < confidence_of(again, quote));
}

#[test]
fn a_participle_going_on_with_a_speaker_named_twice_is_sure() {
    let text = "قالت هالة سمعان، مديرة المعهد، إن الدراسة ستبدأ في موعدها. \
                وتابعت سمعان قائلة إن المعهد جاهز.";
    assert!(confidence_of(text, "المعهد جاهز") >= 0.8);
}

#[test]
fn a_speaker_is_as_sure_as_its_surest_quote_and_every_number_is_from_0_to_1() {
    let text = "قال وزير المالية نبيل عواد إن العجز سيتراجع هذا العام.\n\
                وشهدت الأسواق ارتفاعا في أسعار الخضار خلال الأسبوع الماضي.\n\
                وتراجعت حركة السفر في المطار بسبب الأحوال الجوية.\n\
                وأكد أن الرواتب ستصرف في موعدها.\n\
                وقال مسؤول في الوزارة إن الميزانية كافية.";
    let x = extract(text);
    assert!(x.quotes.len() >= 3, "{x:?}");
    for (id, s) in x.speakers.iter().enumerate() {
        let surest = x
            .quotes
            .iter()
            .filter(|q| q.speaker == id)
            .map(|q| q.confidence)
            .fold(0.0, f32::max);
        assert_eq!(s.confidence, surest, "{}", s.name);
    }
    for q in &x.quotes {
        assert!((0.0..=1.0).contains(&q.confidence), "{q:?}");
    }
}

#[test]
fn confident_leaves_out_unsure_quotes_and_speakers_left_without_any() {
    let speaker = |name: &str, confidence: f32| Speaker {
        name: name.into(),
        role: None,
        kind: SpeakerKind::Person,
        aliases: vec![name.into()],
        mentions: Vec::new(),
        quotes: 0,
        confidence,
    };
    let quote = |speaker: usize, at: usize, confidence: f32| Quote {
        speaker,
        cue: "قال".into(),
        kind: QuoteKind::Indirect,
        range: at..at + 5,
        confidence,
    };
    let mut all = Extraction {
        speakers: vec![speaker("أ", 0.9), speaker("ب", 0.3), speaker("ج", 0.6)],
        quotes: vec![
            quote(0, 0, 0.9),
            quote(1, 10, 0.3),
            quote(0, 20, 0.4),
            quote(2, 30, 0.6),
        ],
    };
    for s in 0..3 {
        all.speakers[s].quotes = all.quotes.iter().filter(|q| q.speaker == s).count();
    }
    let sure = all.confident(0.5);
    let names: Vec<(&str, usize)> = sure
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes))
        .collect();
    assert_eq!(names, [("أ", 1), ("ج", 1)]);
    let quotes: Vec<(usize, usize)> = sure
        .quotes
        .iter()
        .map(|q| (q.speaker, q.range.start))
        .collect();
    assert_eq!(quotes, [(0, 0), (1, 30)]);
}
