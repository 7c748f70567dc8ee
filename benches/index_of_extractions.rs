//! Builds the corpus speaker index from saved `rawi extract` output, so that a change to the
//! merge can be tried on a big corpus without extracting it again:
//!
//! ```sh
//! rawi extract ../shared/corpus/bulk.jsonl > /tmp/ex.jsonl
//! cargo bench --bench index_of_extractions < /tmp/ex.jsonl > /tmp/speakers.jsonl
//! ```
//!
//! Prints the same lines as `rawi extract --speakers`, without the quotes' text, and on stderr
//! the time the index took to build.

use std::io::{self, BufRead, Write};

use rawi::attribution::{Extraction, Quote, QuoteKind, Speaker, SpeakerKind};
use rawi::index::SpeakerIndex;

fn main() -> io::Result<()> {
    let mut articles: Vec<(String, String, Extraction)> = Vec::new();
    for line in io::stdin().lock().lines() {
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
        let speakers = (record["speakers"].as_array().into_iter().flatten())
            .map(|s| Speaker {
                name: text(&s["name"]),
                role: s["role"].as_str().map(Into::into),
                kind: if s["kind"] == "org" {
                    SpeakerKind::Org
                } else {
                    SpeakerKind::Person
                },
                aliases: (s["aliases"].as_array().into_iter().flatten())
                    .map(text)
                    .collect(),
                mentions: Vec::new(),
                quotes: s["quotes"].as_u64().unwrap_or(0) as usize,
                confidence: s["confidence"].as_f64().unwrap_or(1.0) as f32,
            })
            .collect();
        let quotes = (record["quotes"].as_array().into_iter().flatten())
            .map(|q| {
                let offset = |key: &str| q[key].as_u64().unwrap_or(0) as usize;
                Quote {
                    speaker: offset("speaker"),
                    cue: text(&q["cue"]),
                    kind: if q["kind"] == "direct" {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Indirect
                    },
                    range: offset("start")..offset("end"),
                    confidence: q["confidence"].as_f64().unwrap_or(1.0) as f32,
                }
            })
            .collect();
        let extraction = Extraction { speakers, quotes };
        articles.push((text(&record["id"]), text(&record["path"]), extraction));
    }
    let start = std::time::Instant::now();
    let index = SpeakerIndex::build(articles.iter().enumerate().map(|(i, a)| (i, &a.2)));
    eprintln!(
        "{} articles, {} speakers, index built in {:.2} s",
        articles.len(),
        index.speakers().len(),
        start.elapsed().as_secs_f64()
    );
    let mut out = io::BufWriter::new(io::stdout().lock());
    index.write_jsonl(
        &mut out,
        |a| (articles[a].0.as_str(), articles[a].1.as_str()),
        |_| None,
    )?;
    out.flush()
}
