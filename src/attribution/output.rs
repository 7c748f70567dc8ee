//! From the engine's entities and quotes to the public [`Extraction`]: speakers that have quotes,
//! numbered in order of their first quote; quotes in text order; every alias and mention.

use super::engine::Engine;
use super::{Extraction, Quote, Speaker};

pub fn build(text: &str, engine: Engine) -> Extraction {
    let Engine { cx, mut found, .. } = engine;
    found.sort_by_key(|f| (f.range.start, f.range.end));
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
            });
            speakers.len() - 1
        });
        speakers[id].quotes += 1;
        let cue = f
            .cue
            .map(|k| text[cx.tokens.list[k].range()].to_string())
            .unwrap_or_default();
        quotes.push(Quote {
            speaker: id,
            cue,
            kind: f.kind,
            range: f.range,
        });
    }
    Extraction { speakers, quotes }
}
