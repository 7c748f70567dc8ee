//! From the engine's entities and quotes to the public [`Extraction`]: speakers that have quotes,
//! numbered in order of their first quote; quotes in text order; every alias and mention; the
//! confidence of each quote (`confidence.rs`) and speaker (the highest of its quotes).

use super::confidence;
use super::engine::Engine;
use super::entities::{Coreference, Entity};
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
    // A description, short name or anaphor standing for another entity shows under it.
    let quote_starts: Vec<(usize, usize)> =
        kept.iter().map(|f| (f.speaker, f.range.start)).collect();
    let coref = cx.entities.coreference(cx.tokens, &quote_starts);
    let canon = &coref.canon;
    // The entities standing for each one, besides itself.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); canon.len()];
    for (m, &c) in canon.iter().enumerate() {
        if m != c {
            members[c].push(m);
        }
    }
    let mut number: Vec<Option<usize>> = vec![None; cx.entities.list.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(kept.len());
    for f in kept {
        let speaker = canon[f.speaker];
        if !names_someone(&text[cx.entities.list[speaker].name.clone()]) {
            continue;
        }
        let id = *number[speaker].get_or_insert_with(|| {
            speakers.push(public_speaker(
                text,
                &cx.entities.list,
                &coref,
                &members[speaker],
                speaker,
            ));
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

/// The public speaker for entity `id` and the `others` standing for it: its name and role (or a
/// member's role), then every form of every member as aliases, and all their mentions.
fn public_speaker(
    text: &str,
    list: &[Entity],
    coref: &Coreference,
    others: &[usize],
    id: usize,
) -> Speaker {
    let e = &list[id];
    let name = coref.full_name[id]
        .clone()
        .unwrap_or_else(|| e.name.clone());
    let members = std::iter::once(id).chain(others.iter().copied());
    let mut aliases: Vec<String> = Vec::new();
    let mut mentions = Vec::new();
    let mut role = e.role.clone();
    for m in members {
        let member = &list[m];
        let full = coref.full_name[m].iter();
        for r in full
            .chain(std::iter::once(&member.name))
            .chain(member.forms.iter())
        {
            let s = text[r.clone()].to_string();
            if !aliases.contains(&s) {
                aliases.push(s);
            }
        }
        mentions.extend(member.mentions.iter().cloned());
        role = role.or_else(|| member.role.clone());
    }
    mentions.sort_by_key(|r| (r.start, r.end));
    mentions.dedup();
    Speaker {
        name: text[name].to_string(),
        role: role.map(|r| text[r].to_string()),
        kind: e.kind,
        aliases,
        mentions,
        quotes: 0,
        confidence: 0.0,
    }
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
