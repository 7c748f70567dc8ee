//! From the engine's entities and quotes to the public [`Extraction`]: speakers that have quotes,
//! numbered in order of their first quote; quotes in text order; every alias and mention; the
//! confidence of each quote (`confidence.rs`) and speaker (the highest of its quotes).

use std::ops::Range;

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
            let new = public_speaker(text, &cx.entities.list, &coref, &members[speaker], speaker);
            // Two entities shown under one name («بيان وزارة X» and «وزارة X») are one speaker.
            if let Some(same) = speakers.iter().position(|s| s.name == new.name) {
                merge_speaker(&mut speakers[same], new);
                return same;
            }
            speakers.push(new);
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
    let mut name = coref.full_name[id]
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
    if let Some(role) = &role
        && let Some(better) =
            repeated_name_after_role(text, &name, &text[role.clone()], id, others, list)
    {
        name = better;
    }
    mentions.sort_by_key(|r| (r.start, r.end));
    mentions.dedup();
    let name = &text[name];
    Speaker {
        name: issuer_of_statement(name).unwrap_or_else(|| name.to_string()),
        role: role.map(|r| text[r].to_string()),
        kind: e.kind,
        aliases,
        mentions,
        quotes: 0,
        confidence: 0.0,
    }
}

/// Adds the aliases and mentions of `other` to `into`.
fn merge_speaker(into: &mut Speaker, other: Speaker) {
    for alias in other.aliases {
        if !into.aliases.contains(&alias) {
            into.aliases.push(alias);
        }
    }
    into.mentions.extend(other.mentions);
    into.mentions.sort_by_key(|r| (r.start, r.end));
    into.mentions.dedup();
    into.role = into.role.take().or(other.role);
}

/// A merged speaker's name is its best name form: when a member was met as «ROLE W1 W2» and
/// the name came from another mention «ROLE W3 W4» (or took a stray word: «ROLE X Y فعل»), the
/// name whose last word the article repeats is the name («ROLE X Y» and later «Y» alone,
/// against «ROLE بتسريع مشاريع» once).
fn repeated_name_after_role(
    text: &str,
    name: &Range<usize>,
    role: &str,
    id: usize,
    others: &[usize],
    list: &[Entity],
) -> Option<Range<usize>> {
    // Two names competing after the same role: the present one was read as «ROLE NAME» too.
    let own = format!("{role} {}", &text[name.clone()]);
    if !list[id].forms.iter().any(|f| text[f.clone()] == own) {
        return None;
    }
    let candidates: Vec<Range<usize>> = std::iter::once(&id)
        .chain(others)
        .flat_map(|&m| list[m].forms.iter())
        .filter_map(|f| {
            let form = &text[f.clone()];
            let rest = form.strip_prefix(role)?.strip_prefix(' ')?;
            let words = rest.split_whitespace().count();
            (rest != &text[name.clone()] && (2..=4).contains(&words))
                .then(|| f.end - rest.len()..f.end)
        })
        .collect();
    // (Counting words scans the whole article: only when there is a competing name.)
    if candidates.is_empty() {
        return None;
    }
    let uses = |r: &Range<usize>| {
        let last = text[r.clone()].split_whitespace().last().unwrap_or("");
        word_count(text, last)
    };
    let name_uses = uses(name);
    candidates
        .into_iter()
        .map(|r| (uses(&r), r))
        .filter(|(n, _)| *n >= 2 && *n > name_uses)
        .max_by_key(|(n, _)| *n)
        .map(|(_, r)| r)
}

/// Times `word` stands as a whole word in `text` (punctuation around it aside).
fn word_count(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() || "،؛؟«»".contains(c)))
        .filter(|w| *w == word)
        .count()
}

/// A statement is shown under the body that issued it: «بيان وزارة X» -> «وزارة X», «بيان
/// للمحكمة X» -> «المحكمة X», «بيان من X», «بيان أصدرته X», «البيان الصادر عن X». Not «بيان
/// رسمي» or «البيان الختامي»: a single word after a bare «بيان» may be its adjective.
fn issuer_of_statement(name: &str) -> Option<String> {
    let (head, rest) = name.split_once(' ')?;
    let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let issuer = match first {
        "من" | "أصدرته" | "اصدرته" | "أصدره" | "اصدره" => after.to_string(),
        "صادر" | "الصادر" | "صدر" => after.strip_prefix("عن ")?.to_string(),
        // «بيان للمحكمة العليا» -> «المحكمة العليا».
        _ if head == "بيان" && first.starts_with("لل") => {
            format!("ال{}", &rest["لل".len()..])
        }
        // «بيان لرئاسة الجمهورية» -> «رئاسة الجمهورية» (a feminine noun before a definite one).
        _ if head == "بيان" && first.starts_with('ل') => {
            if !(first.ends_with('ة') && after.starts_with("ال")) {
                return None;
            }
            rest['ل'.len_utf8()..].to_string()
        }
        // «بيان وزارة الدفاع»، «بيان الخارجية X»; not «بيان صحافي صدر»، «بيان نقلته وكالة».
        _ if head == "بيان" && (first.starts_with("ال") || after.starts_with("ال")) => {
            rest.to_string()
        }
        _ => return None,
    };
    // A body: «الرئاسة X» or two words, not «وزارته».
    let body = issuer.starts_with("ال") || issuer.contains(' ');
    (matches!(head, "بيان" | "البيان") && body).then_some(issuer)
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
    use super::{issuer_of_statement, names_someone};

    #[test]
    fn a_statement_shows_under_the_body_that_issued_it() {
        for (name, body) in [
            ("بيان وزارة الدفاع", "وزارة الدفاع"),
            ("بيان الخارجية الفلانية", "الخارجية الفلانية"),
            ("بيان من الرئاسة", "الرئاسة"),
            ("بيان أصدرته الهيئة العامة", "الهيئة العامة"),
            ("البيان الصادر عن المجلس", "المجلس"),
            ("بيان للمحكمة العليا", "المحكمة العليا"),
            ("بيان لرئاسة الجمهورية", "رئاسة الجمهورية"),
        ] {
            assert_eq!(issuer_of_statement(name).as_deref(), Some(body), "{name}");
        }
        for name in [
            "بيان رسمي",
            "البيان الختامي للقمة",
            "بيان صحافي صدر",
            "بيان نقلته وكالة محلية",
            "بيان من وزارته",
            "بيان لمصدر مطلع",
            "وزارة الدفاع",
        ] {
            assert_eq!(issuer_of_statement(name), None, "{name}");
        }
    }

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
