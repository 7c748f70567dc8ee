//! Coreference, round 3: the public name of a speaker is its best name form (hand-made
//! sentences, not corpus sentences).

use rawi::attribution::{Extraction, Extractor};

fn extract(text: &str) -> Extraction {
    Extractor::builtin().extract(text)
}

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
