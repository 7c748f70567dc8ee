//! The library's query language, typed with `/` in the library pane:
//!
//! - plain words: the articles whose title or text contains them (Arabic-aware, all articles);
//! - `source:WORD`: the source contains WORD (`source:bbc`);
//! - `date:PREFIX` or `date:FROM..TO` (either end may be left out): ISO dates, compared as text,
//!   so `date:2021-03` is March 2021 and `date:2020..2021` the two years;
//! - `has:quotes`: articles where quotes were found (known once extracted);
//! - `speaker:NAME`: articles quoting that speaker (`speaker:"دونالد ترامب"` with spaces),
//!   matched like the speakers view's filter.

use crate::arabic;
use crate::corpus::Entry;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    /// The words to search the texts for (joined by single spaces).
    pub words: String,
    /// Folded.
    pub source: Option<String>,
    pub date: Option<DateFilter>,
    pub has_quotes: bool,
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFilter {
    Prefix(String),
    Between(Option<String>, Option<String>),
}

impl LibraryQuery {
    pub fn parse(query: &str) -> LibraryQuery {
        let mut parsed = LibraryQuery::default();
        let mut words = Vec::new();
        for token in tokens(query) {
            match token.split_once(':') {
                Some(("source", v)) if !v.is_empty() => parsed.source = Some(arabic::fold(v)),
                Some(("date", v)) if !v.is_empty() => parsed.date = Some(date_filter(v)),
                Some(("has", "quotes")) => parsed.has_quotes = true,
                Some(("speaker", v)) if !v.is_empty() => parsed.speaker = Some(v.to_string()),
                _ => words.push(token),
            }
        }
        parsed.words = words.join(" ");
        parsed
    }

    /// Nothing to filter by.
    pub fn is_empty(&self) -> bool {
        *self == LibraryQuery::default()
    }

    /// Whether the metadata of `entry` passes the source and date filters.
    pub fn metadata_matches(&self, entry: &Entry) -> bool {
        if let Some(source) = &self.source {
            let ok = entry
                .source
                .as_deref()
                .is_some_and(|s| arabic::fold(s).contains(source.as_str()));
            if !ok {
                return false;
            }
        }
        match (&self.date, entry.date.as_deref()) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(filter), Some(date)) => filter.matches(date.trim()),
        }
    }
}

impl DateFilter {
    pub fn matches(&self, date: &str) -> bool {
        match self {
            DateFilter::Prefix(prefix) => date.starts_with(prefix.as_str()),
            DateFilter::Between(from, to) => {
                from.as_ref().is_none_or(|f| date >= f.as_str())
                    && to.as_ref().is_none_or(|t| {
                        // `..2021` takes in all of 2021: compare as many characters as it has.
                        let end = date.char_indices().nth(t.chars().count());
                        let head = end.map_or(date, |(i, _)| &date[..i]);
                        head <= t.as_str()
                    })
            }
        }
    }
}

fn date_filter(value: &str) -> DateFilter {
    match value.split_once("..") {
        Some((from, to)) => {
            let side = |s: &str| (!s.is_empty()).then(|| s.to_string());
            DateFilter::Between(side(from), side(to))
        }
        None => DateFilter::Prefix(value.to_string()),
    }
}

/// Splits on spaces, keeping `"..."` together (the quotes are dropped).
fn tokens(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_words_are_told_apart() {
        let q = LibraryQuery::parse(r#"الامن source:BBC speaker:"دونالد ترامب" has:quotes قال"#);
        assert_eq!(q.words, "الامن قال");
        assert_eq!(q.source.as_deref(), Some("bbc"));
        assert_eq!(q.speaker.as_deref(), Some("دونالد ترامب"));
        assert!(q.has_quotes);
        assert!(LibraryQuery::parse("  ").is_empty());
        // An unknown or empty field is a word.
        assert_eq!(LibraryQuery::parse("source: x:y").words, "source: x:y");
    }

    #[test]
    fn dates_match_by_prefix_or_range() {
        let prefix = date_filter("2021-03");
        assert!(prefix.matches("2021-03-09"));
        assert!(!prefix.matches("2021-04-01"));
        let range = date_filter("2020..2021");
        assert!(range.matches("2020-01-01") && range.matches("2021-12-31"));
        assert!(!range.matches("2019-12-31") && !range.matches("2022-01-01"));
        assert!(date_filter("..2020-06").matches("2020-06-30"));
        assert!(!date_filter("2020-07..").matches("2020-06-30"));
    }
}
