//! From the engine's entities and quotes to the public [`Extraction`]: speakers that have quotes,
//! numbered in order of their first quote; quotes in text order; every alias and mention; the
//! confidence of each quote (`confidence.rs`) and speaker (the highest of its quotes).

use super::confidence;
use super::engine::Engine;
use super::{Extraction, Quote, Speaker};

pub fn build(text: &str, engine: Engine) -> Extraction {
    let Engine { cx, mut found, .. } = engine;
    found.sort_by_key(|f| (f.range.start, f.range.end));
    let recency = confidence::Recency::new(&cx, &found);
    // Overlapping quotes: the first one wins.
    let mut kept: Vec<super::engine::Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| k.range.end <= f.range.start) {
            kept.push(f);
        }
    }
    let mut number: Vec<Option<usize>> = vec![None; cx.entities.list.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(kept.len());
    for f in kept {
        if !names_someone(&text[cx.entities.list[f.speaker].name.clone()]) {
            continue;
        }
        let id = *number[f.speaker].get_or_insert_with(|| {
            let e = &cx.entities.list[f.speaker];
            let mut aliases: Vec<String> = Vec::new();
            for r in std::iter::once(&e.name).chain(e.forms.iter()) {
                let s = text[r.clone()].to_string();
                if !aliases.contains(&s) {
                    aliases.push(s);
                }
            }
            let mut mentions = e.mentions.clone();
            mentions.sort_by_key(|r| (r.start, r.end));
            mentions.dedup();
            speakers.push(Speaker {
                name: text[e.name.clone()].to_string(),
                role: e.role.clone().map(|r| text[r].to_string()),
                kind: e.kind,
                aliases,
                mentions,
                quotes: 0,
                confidence: 0.0,
            });
            speakers.len() - 1
        });
        let clues = recency.clues(&cx, &f);
        let sure = confidence::of_quote(&clues);
        speakers[id].quotes += 1;
        speakers[id].confidence = speakers[id].confidence.max(sure);
        let cue = f
            .cue
            .map(|k| text[cx.tokens.list[k].range()].to_string())
            .unwrap_or_default();
        quotes.push(Quote {
            speaker: id,
            cue,
            kind: f.kind,
            range: f.range,
            confidence: sure,
        });
    }
    Extraction { speakers, quotes }
}

/// Whether a speaker's name can name someone: one of its words has two letters or more (tatweel
/// aside). The engine sometimes takes a lone conjunction (و), a number or a year for a subject;
/// such a quote is left out rather than credited to a speaker called «و» or «43».
fn names_someone(name: &str) -> bool {
    name.split_whitespace().any(|word| {
        let letters = word
            .chars()
            .filter(|&c| c.is_alphabetic() && c != '\u{0640}');
        letters.count() >= 2
    })
}

#[cfg(test)]
mod tests {
    use super::names_someone;

    #[test]
    fn a_lone_letter_a_number_or_a_year_names_nobody() {
        for junk in ["و", "43", "2012 و2014", "ـــ", "_____", ""] {
            assert!(!names_someone(junk), "{junk}");
        }
        for name in ["ماي", "الأمم المتحدة", "بن علي", "UN", "ثامر 2"] {
            assert!(names_someone(name), "{name}");
        }
    }
}
