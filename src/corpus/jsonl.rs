//! One line of a JSON Lines corpus: an object with the text and optional metadata, under key
//! names taken from a [`KeyMap`]. Parsing borrows from the line wherever the JSON has no escapes.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::options::{Field, KeyMap};

/// The fields of one line, borrowed from it where possible.
#[derive(Debug, Default)]
pub(crate) struct Line<'a> {
    pub text: Cow<'a, str>,
    /// Byte range of the text's JSON string literal (quotes included) within the line.
    pub literal: Range<usize>,
    pub id: Option<Cow<'a, str>>,
    pub title: Option<Cow<'a, str>>,
    pub source: Option<Cow<'a, str>>,
    pub date: Option<Cow<'a, str>>,
    pub url: Option<Cow<'a, str>>,
}

/// Parses one non-blank line; the error says what is wrong, in a few words.
pub(crate) fn parse_line<'a>(line: &'a str, keys: &KeyMap) -> Result<Line<'a>, String> {
    let mut de = serde_json::Deserializer::from_str(line);
    let raw = RecordSeed(keys)
        .deserialize(&mut de)
        .and_then(|r| de.end().map(|()| r))
        .map_err(|e| short_json_error(&e))?;
    let literal = raw
        .text
        .ok_or_else(|| format!("no \"{}\" key", keys.text))?;
    let literal = literal.get();
    if !literal.starts_with('"') {
        return Err(format!("\"{}\" is not a string", keys.text));
    }
    let start = literal.as_ptr() as usize - line.as_ptr() as usize;
    let text = decode_string_literal(literal).map_err(|e| short_json_error(&e))?;
    Ok(Line {
        text,
        literal: start..start + literal.len(),
        id: raw.id,
        title: raw.title,
        source: raw.source,
        date: raw.date,
        url: raw.url,
    })
}

/// The text field of a line parsed again (for a line stored in a legacy encoding).
pub(crate) fn text_of_line(line: &str, keys: &KeyMap) -> Result<String, String> {
    parse_line(line, keys).map(|l| l.text.into_owned())
}

/// Decodes a JSON string literal (quotes included), borrowing when it has no escapes.
pub(crate) fn decode_string_literal(literal: &str) -> serde_json::Result<Cow<'_, str>> {
    let mut de = serde_json::Deserializer::from_str(literal);
    let text = de.deserialize_str(CowStrVisitor)?;
    de.end()?;
    Ok(text)
}

fn short_json_error(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => "line ends in the middle of the JSON".into(),
        _ => format!("not a JSON object ({e})"),
    }
}

#[derive(Default)]
struct RawRecord<'a> {
    text: Option<&'a RawValue>,
    id: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    source: Option<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
}

struct RecordSeed<'k>(&'k KeyMap);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = RawRecord<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = RawRecord<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut record = RawRecord::default();
        while let Some(key) = map.next_key_seed(CowStrSeed)? {
            let slot = match self.0.field(&key) {
                Some(Field::Text) => {
                    record.text = Some(map.next_value()?);
                    continue;
                }
                Some(Field::Id) => &mut record.id,
                Some(Field::Title) => &mut record.title,
                Some(Field::Source) => &mut record.source,
                Some(Field::Date) => &mut record.date,
                Some(Field::Url) => &mut record.url,
                None => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value_seed(ScalarSeed)?;
        }
        Ok(record)
    }
}

/// A string, borrowed when the JSON has no escapes (serde's own `Cow<str>` always copies).
struct CowStrSeed;

impl<'de> DeserializeSeed<'de> for CowStrSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(CowStrVisitor)
    }
}

struct CowStrVisitor;

impl<'de> Visitor<'de> for CowStrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A metadata value: a string, a number or a boolean as text; null, arrays and objects as none.
struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Option<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_text_without_escapes_and_finds_its_literal() {
        let line = r#"{"id": 7, "text": "قال الوزير", "title": null, "x": [1, {"a": 2}]}"#;
        let l = parse_line(line, &KeyMap::default()).unwrap();
        assert!(matches!(l.text, Cow::Borrowed("قال الوزير")));
        assert_eq!(&line[l.literal.clone()], "\"قال الوزير\"");
        assert_eq!(l.id.as_deref(), Some("7"));
        assert_eq!(l.title, None);
    }

    #[test]
    fn unescapes_text_with_escapes() {
        let line = r#"{"text": "سطر\nسطر \"ثان\" \u0627"}"#;
        let l = parse_line(line, &KeyMap::default()).unwrap();
        assert_eq!(l.text, "سطر\nسطر \"ثان\" ا");
        assert!(matches!(l.text, Cow::Owned(_)));
    }

    #[test]
    fn remapped_keys() {
        let keys = KeyMap {
            text: "content".into(),
            title: "headline".into(),
            ..KeyMap::default()
        };
        let l = parse_line(r#"{"content": "نص", "headline": "عنوان"}"#, &keys).unwrap();
        assert_eq!((&*l.text, l.title.as_deref()), ("نص", Some("عنوان")));
    }

    #[test]
    fn problems_are_named() {
        let keys = KeyMap::default();
        assert_eq!(
            parse_line(r#"{"id": 1}"#, &keys).unwrap_err(),
            "no \"text\" key"
        );
        assert_eq!(
            parse_line(r#"{"text": 5}"#, &keys).unwrap_err(),
            "\"text\" is not a string"
        );
        assert!(parse_line(r#"{"text": "a""#, &keys).is_err());
        assert!(parse_line(r#"[1]"#, &keys).is_err());
        assert!(parse_line(r#"{"text": "a"} x"#, &keys).is_err());
    }
}
