//! A small JSON reader and writer for the records and files this app keeps.
//!
//! serde_json and the derives it drives were a seventh of the bundle (about 34 KB of wasm,
//! brotli-compressed); the app's data is a handful of flat maps and lists, so the reader and
//! writer here, and the explicit mapping of each record in `codec.rs`, earn their lines. The
//! reader is strict RFC 8259 JSON, and stricter where ambiguity would hide data: a key that
//! appears twice in one object is an error, not "last one wins". Errors carry the line and
//! column; the end of input is its own error, so a truncated file is told apart from a
//! damaged one.

use std::fmt;

/// Nesting deeper than this is refused (the app's data nests four levels).
const MAX_DEPTH: usize = 64;

/// A JSON value. Objects keep their keys in the order they were read or built.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as it was written (read on demand as an integer).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its members in order, each key once.
    Object(Vec<(String, Json)>),
}

/// What is wrong with a JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The text ends in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot come here.
    Unexpected(char),
    /// A backslash escape JSON does not have, or a broken `\u` escape.
    BadEscape,
    /// A control character (such as a raw line break) inside a string.
    ControlCharacter,
    /// A number JSON does not allow (such as `01`, `1.`, `-`).
    BadNumber,
    /// The same key twice in one object.
    DuplicateKey(String),
    /// Nested deeper than this reader goes.
    TooDeep,
    /// Something follows the value.
    TrailingCharacters,
}

/// A JSON syntax error with its position (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong.
    pub kind: JsonErrorKind,
    /// The line of the error.
    pub line: usize,
    /// The column of the error.
    pub column: usize,
}

impl JsonError {
    /// What is wrong, in words, without where ("an invalid number").
    pub fn what(&self) -> String {
        match &self.kind {
            JsonErrorKind::UnexpectedEnd => tr!("the text ends too early").to_string(),
            JsonErrorKind::Unexpected(c) if c.is_control() => trf!(
                "unexpected character {code}",
                code = format!("U+{:04X}", u32::from(*c))
            ),
            JsonErrorKind::Unexpected(c) => trf!("unexpected “{character}”", character = c),
            JsonErrorKind::BadEscape => tr!("an invalid escape sequence").to_string(),
            JsonErrorKind::ControlCharacter => {
                tr!("a line break or control character inside a string").to_string()
            }
            JsonErrorKind::BadNumber => tr!("an invalid number").to_string(),
            JsonErrorKind::DuplicateKey(k) => {
                trf!("“{key}” appears twice in the same object", key = k)
            }
            JsonErrorKind::TooDeep => tr!("nesting too deep").to_string(),
            JsonErrorKind::TrailingCharacters => {
                tr!("more text after the end of the data").to_string()
            }
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&trf!(
            "{error} at line {line}, column {column}",
            error = self.what(),
            line = self.line,
            column = self.column
        ))
    }
}

impl std::error::Error for JsonError {}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        self.error_at(self.pos, kind)
    }

    fn error_at(&self, pos: usize, kind: JsonErrorKind) -> JsonError {
        let before = &self.text[..pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError { kind, line, column }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_space(&mut self) {
        while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn unexpected(&self) -> JsonError {
        match self.peek() {
            None => self.error(JsonErrorKind::UnexpectedEnd),
            Some(c) => self.error(JsonErrorKind::Unexpected(c)),
        }
    }

    fn expect(&mut self, want: char) -> Result<(), JsonError> {
        if self.peek() == Some(want) {
            self.pos += want.len_utf8();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        for want in word.chars() {
            self.expect(want)?;
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.skip_space();
        match self.peek() {
            Some('{') => self.object(depth),
            Some('[') => self.array(depth),
            Some('"') => self.string().map(Json::String),
            Some('t') => self.literal("true", Json::Bool(true)),
            Some('f') => self.literal("false", Json::Bool(false)),
            Some('n') => self.literal("null", Json::Null),
            Some('-' | '0'..='9') => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some('}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            let key_at = self.pos;
            if self.peek() != Some('"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            if members.iter().any(|(k, _)| *k == key) {
                return Err(self.error_at(key_at, JsonErrorKind::DuplicateKey(key)));
            }
            self.skip_space();
            self.expect(':')?;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some('}') => return Ok(Json::Object(members)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(c) => {
                    return Err(self.error_at(self.pos - c.len_utf8(), JsonErrorKind::Unexpected(c)))
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some(']') => return Ok(Json::Array(items)),
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some(c) => {
                    return Err(self.error_at(self.pos - c.len_utf8(), JsonErrorKind::Unexpected(c)))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0;
        for _ in 0..4 {
            let c = self
                .bump()
                .ok_or_else(|| self.error(JsonErrorKind::UnexpectedEnd))?;
            let d = c
                .to_digit(16)
                .ok_or_else(|| self.error(JsonErrorKind::BadEscape))?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the plain run at once: most text has no escapes.
            let rest = &self.text[self.pos..];
            let plain = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(&rest[..plain]);
            self.pos += plain;
            match self.bump() {
                None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                Some('"') => return Ok(out),
                Some('\\') => {
                    let escape_at = self.pos - 1;
                    let c = match self.bump() {
                        None => return Err(self.error(JsonErrorKind::UnexpectedEnd)),
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some('/') => '/',
                        Some('b') => '\u{8}',
                        Some('f') => '\u{c}',
                        Some('n') => '\n',
                        Some('r') => '\r',
                        Some('t') => '\t',
                        Some('u') => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A high surrogate must be followed by its low half.
                                if self.bump() != Some('\\') || self.bump() != Some('u') {
                                    return Err(self.error_at(escape_at, JsonErrorKind::BadEscape));
                                }
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.error_at(escape_at, JsonErrorKind::BadEscape));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.error_at(escape_at, JsonErrorKind::BadEscape))?
                        }
                        Some(_) => return Err(self.error_at(escape_at, JsonErrorKind::BadEscape)),
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error_at(self.pos - 1, JsonErrorKind::ControlCharacter)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some('0'..='9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        let int_at = self.pos;
        match self.digits() {
            0 => return Err(self.number_error()),
            n if n > 1 && self.text.as_bytes()[int_at] == b'0' => {
                return Err(self.error_at(int_at, JsonErrorKind::BadNumber))
            }
            _ => {}
        }
        if self.peek() == Some('.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        if let Some('e' | 'E') = self.peek() {
            self.pos += 1;
            if let Some('+' | '-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.number_error());
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_string()))
    }

    fn number_error(&self) -> JsonError {
        match self.peek() {
            None => self.error(JsonErrorKind::UnexpectedEnd),
            Some(_) => self.error(JsonErrorKind::BadNumber),
        }
    }
}

/// Reads one JSON value that makes up the whole text (white space around it allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.pos < text.len() {
        return Err(reader.error(JsonErrorKind::TrailingCharacters));
    }
    Ok(value)
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let v = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[v >> 4]));
                out.push(char::from(HEX[v & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        for _ in 0..width * level {
            out.push(' ');
        }
    }
}

fn write(value: &Json, out: &mut String, indent: Option<usize>, level: usize) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(s, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write(item, out, indent, level + 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Json::Object(members) if members.is_empty() => out.push_str("{}"),
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(key, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(item, out, indent, level + 1);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

impl Json {
    /// The value as compact JSON text.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        write(self, &mut out, None, 0);
        out
    }

    /// The value as JSON text indented by two spaces, one member per line.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write(self, &mut out, Some(2), 0);
        out
    }

    /// A number from an unsigned integer.
    pub fn from_u64(n: u64) -> Json {
        Json::Number(n.to_string())
    }

    /// The member of an object with this key.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as an unsigned integer, if it is a whole number that fits (a fraction of
    /// zero, as in `42.0`, is accepted; an exponent is not).
    pub fn as_u64(&self) -> Option<u64> {
        let Json::Number(text) = self else {
            return None;
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if !fraction.bytes().all(|b| b == b'0') {
            return None;
        }
        whole.parse().ok()
    }

    /// What kind of value this is, in words, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => tr!("true or false"),
            Json::Number(_) => tr!("a number"),
            Json::String(_) => tr!("text"),
            Json::Array(_) => tr!("a list"),
            Json::Object(_) => tr!("an object"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> JsonError {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(
            " {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\\"\\n\\u00e9\\ud83d\\ude00\"} ",
        )
        .unwrap();
        assert_eq!(
            v,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Number("1".into()),
                        Json::Number("-2.5e3".into()),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                    ])
                ),
                ("b".into(), Json::String("x\"\né😀".into())),
            ])
        );
    }

    #[test]
    fn a_key_twice_in_one_object_is_an_error_with_its_place() {
        let e = err("{\n  \"answers\": {\"x\": \"yes\",\n  \"x\": \"no\"}\n}");
        assert_eq!(e.kind, JsonErrorKind::DuplicateKey("x".into()));
        assert_eq!((e.line, e.column), (3, 3));
        assert_eq!(
            e.to_string(),
            "“x” appears twice in the same object at line 3, column 3"
        );
        // The same key in different objects is fine.
        assert!(parse("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}").is_ok());
    }

    #[test]
    fn the_end_of_the_text_is_told_apart_from_damage() {
        for cut in [
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\": [1,",
            "\"abc",
            "{\"a\": tr",
            "[1.",
            "-",
        ] {
            assert_eq!(err(cut).kind, JsonErrorKind::UnexpectedEnd, "{cut:?}");
        }
        assert_eq!(err("{\"a\" 1}").kind, JsonErrorKind::Unexpected('1'));
        assert_eq!(err("[1 2]").kind, JsonErrorKind::Unexpected('2'));
        assert_eq!(err("{} x").kind, JsonErrorKind::TrailingCharacters);
        assert_eq!(err("").kind, JsonErrorKind::UnexpectedEnd);
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        assert_eq!(err("01").kind, JsonErrorKind::BadNumber);
        assert_eq!(err("1.e3").kind, JsonErrorKind::BadNumber);
        assert_eq!(err("[-x]").kind, JsonErrorKind::BadNumber);
        assert_eq!(err("\"a\nb\"").kind, JsonErrorKind::ControlCharacter);
        assert_eq!(err("\"\\x\"").kind, JsonErrorKind::BadEscape);
        assert_eq!(err("\"\\ud800\"").kind, JsonErrorKind::BadEscape);
        assert_eq!(err("{'a': 1}").kind, JsonErrorKind::Unexpected('\''));
        assert_eq!(err("[1,]").kind, JsonErrorKind::Unexpected(']'));
        assert_eq!(err(&"[".repeat(100)).kind, JsonErrorKind::TooDeep);
    }

    #[test]
    fn writes_what_it_reads() {
        let text = "{\"a\":[1,\"x\\\"\\\\\\n\\u0001é\"],\"b\":{},\"c\":[],\"d\":null}";
        let v = parse(text).unwrap();
        assert_eq!(v.to_compact(), text);
        assert_eq!(parse(&v.to_pretty()).unwrap(), v);
        assert_eq!(
            Json::Object(vec![("k".into(), Json::Array(vec![Json::from_u64(7)]))]).to_pretty(),
            "{\n  \"k\": [\n    7\n  ]\n}"
        );
    }

    #[test]
    fn whole_numbers_read_as_integers() {
        assert_eq!(parse("42").unwrap().as_u64(), Some(42));
        assert_eq!(
            parse("1700000000000.0").unwrap().as_u64(),
            Some(1_700_000_000_000)
        );
        assert_eq!(parse("1.5").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
        assert_eq!(parse("1e3").unwrap().as_u64(), None);
    }
}
