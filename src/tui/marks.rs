//! What is highlighted in an article, derived once from its extraction: quotes and speaker
//! mentions as sorted byte ranges, and each speaker's quotes. Drawing asks which marks overlap a
//! visual line with [`overlapping`], a binary search, so styling costs only the visible lines.

use std::ops::Range;

use crate::attribution::Extraction;

/// A highlighted byte range of the article and the speaker it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub speaker: usize,
    /// A quote whose confidence is under the reader's threshold (drawn dimmed).
    pub unsure: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Quotes in text order; `quotes[i]` is `extraction.quotes[i]`.
    pub quotes: Vec<Mark>,
    /// Every mention of every speaker, sorted by start.
    pub mentions: Vec<Mark>,
    /// Indices into `quotes` of each speaker's quotes, in text order.
    pub by_speaker: Vec<Vec<usize>>,
    /// Where each speaker first appears (mention or quote), for sorting by appearance.
    pub first_seen: Vec<usize>,
}

impl Marks {
    /// The marks of an extraction; quotes under `unsure_below` confidence are unsure.
    pub fn new(extraction: &Extraction, unsure_below: f32) -> Marks {
        let quotes: Vec<Mark> = extraction
            .quotes
            .iter()
            .map(|q| Mark {
                range: q.range.clone(),
                speaker: q.speaker,
                unsure: q.confidence < unsure_below,
            })
            .collect();
        let mut mentions: Vec<Mark> = extraction
            .speakers
            .iter()
            .enumerate()
            .flat_map(|(speaker, s)| {
                s.mentions.iter().map(move |r| Mark {
                    range: r.clone(),
                    speaker,
                    unsure: false,
                })
            })
            .collect();
        mentions.sort_by_key(|m| (m.range.start, m.range.end));
        let mut by_speaker = vec![Vec::new(); extraction.speakers.len()];
        for (i, q) in quotes.iter().enumerate() {
            if let Some(list) = by_speaker.get_mut(q.speaker) {
                list.push(i);
            }
        }
        let first_seen = (0..extraction.speakers.len())
            .map(|s| {
                let mention = extraction.speakers[s]
                    .mentions
                    .iter()
                    .map(|r| r.start)
                    .min();
                let quote = by_speaker[s].first().map(|&q| quotes[q].range.start);
                mention.into_iter().chain(quote).min().unwrap_or(usize::MAX)
            })
            .collect();
        Marks {
            quotes,
            mentions,
            by_speaker,
            first_seen,
        }
    }
}

/// Something with a byte range, sorted by start in its slice.
pub trait Ranged {
    fn range(&self) -> &Range<usize>;
}

impl Ranged for Mark {
    fn range(&self) -> &Range<usize> {
        &self.range
    }
}

impl Ranged for Range<usize> {
    fn range(&self) -> &Range<usize> {
        self
    }
}

/// Indices of the items (sorted by start, not nested) that overlap `span`.
pub fn overlapping<T: Ranged>(items: &[T], span: Range<usize>) -> Range<usize> {
    let end = items.partition_point(|m| m.range().start < span.end);
    let mut start = items[..end].partition_point(|m| m.range().start < span.start);
    while start > 0 && items[start - 1].range().end > span.start {
        start -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_finds_ranges_touching_the_span() {
        let items = vec![0..3, 5..9, 10..12, 20..30];
        assert_eq!(overlapping(&items, 6..11), 1..3);
        assert_eq!(overlapping(&items, 3..5), 1..1);
        assert_eq!(overlapping(&items, 25..26), 3..4);
        assert!(overlapping(&items, 12..20).is_empty());
    }
}
