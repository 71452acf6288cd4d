//! Where things are written in a scenario file, so that problems found after parsing
//! (a duplicate id, a dangling reference, an hour figure out of range) name a line and
//! column like parse errors do.
//!
//! serde drops positions, so this reads the file's structure once more: a light scanner
//! that knows RON's shapes (structs, lists, maps, scalars) but not their meaning. It only
//! runs on text that ron has already parsed, and gives up quietly (no position) on
//! anything it does not understand.

/// A place in a file: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One value of the file with where it starts.
#[derive(Debug)]
pub struct Node {
    pub position: Position,
    value: Shape,
}

#[derive(Debug)]
enum Shape {
    /// `Name(field: value, ...)`, `(a, b)` or `Some(x)`: named fields or elements.
    Struct {
        fields: Vec<(String, Node)>,
        elements: Vec<Node>,
    },
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Scalar,
}

/// One step of a path into the file: a struct field or a list element.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

impl Node {
    /// The value of a named field of a struct.
    pub fn field(&self, name: &str) -> Option<&Node> {
        match &self.value {
            Shape::Struct { fields, .. } => fields.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// An element of a list (or a tuple, such as `Some(x)`).
    pub fn element(&self, index: usize) -> Option<&Node> {
        match &self.value {
            Shape::List(items) => items.get(index),
            Shape::Struct { elements, .. } => elements.get(index),
            _ => None,
        }
    }

    /// The key node of a map entry whose key is the string `key`.
    pub fn map_key(&self, key: &str, text: &str) -> Option<&Node> {
        let Shape::Map(entries) = &self.value else {
            return None;
        };
        let quoted = crate::write::string(key);
        entries
            .iter()
            .map(|(k, _)| k)
            .find(|k| starts_at(text, k.position).is_some_and(|rest| rest.starts_with(&quoted)))
    }

    /// The position of the deepest node along the path that exists.
    pub fn position_of(&self, path: &[Step]) -> Position {
        let mut node = self;
        for step in path {
            let next = match *step {
                Step::Field(name) => node.field(name),
                Step::Index(i) => node.element(i),
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.position
    }
}

fn starts_at(text: &str, at: Position) -> Option<&str> {
    let line = text.split('\n').nth(at.line.checked_sub(1)?)?;
    let byte = line.char_indices().nth(at.column.checked_sub(1)?)?.0;
    line.get(byte..)
}

/// Reads the structure of a RON text; `None` if it is not understood.
pub fn scan(text: &str) -> Option<Node> {
    let mut s = Scanner {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        column: 1,
    };
    s.skip_trivia();
    while s.peek() == Some('#') {
        s.skip_attribute()?;
        s.skip_trivia();
    }
    s.value(0)
}

/// Deeper than this, the scanner gives up (ron refuses deeper files anyway).
const MAX_DEPTH: usize = 200;

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0usize;
                    loop {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.bump();
                                self.bump();
                            }
                            (Some('*'), Some('/')) => {
                                depth = depth.saturating_sub(1);
                                self.bump();
                                self.bump();
                                if depth == 0 {
                                    break;
                                }
                            }
                            (Some(_), _) => {
                                self.bump();
                            }
                            (None, _) => return,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attribute(&mut self) -> Option<()> {
        // `#![enable(...)]`
        while let Some(c) = self.bump() {
            if c == ']' {
                return Some(());
            }
        }
        None
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_trivia();
        if self.peek() == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let position = self.position();
        let c = self.peek()?;
        let value = match c {
            '[' => {
                self.bump();
                Shape::List(self.sequence(']', depth)?)
            }
            '{' => {
                self.bump();
                self.map(depth)?
            }
            '(' => {
                self.bump();
                self.struct_body(depth)?
            }
            '"' | '\'' => {
                self.quoted(c)?;
                Shape::Scalar
            }
            'r' if matches!(self.peek_at(1), Some('#' | '"')) && self.raw_string()? => {
                Shape::Scalar
            }
            'b' if matches!(self.peek_at(1), Some('"' | '\'')) => {
                self.bump();
                self.quoted(self.peek()?)?;
                Shape::Scalar
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    return None;
                }
                self.skip_trivia();
                let starts_ident = word.starts_with(|c: char| c.is_alphabetic() || c == '_');
                if starts_ident && self.peek() == Some('(') {
                    self.bump();
                    self.struct_body(depth)?
                } else {
                    Shape::Scalar
                }
            }
        };
        Some(Node { position, value })
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-' | '#') {
                word.push(c);
                self.bump();
            } else {
                break;
            }
        }
        word
    }

    fn quoted(&mut self, quote: char) -> Option<()> {
        self.bump();
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                c if c == quote => return Some(()),
                _ => {}
            }
        }
    }

    /// `r"..."` or `r#"..."#`; false if this is a raw identifier instead.
    fn raw_string(&mut self) -> Option<bool> {
        let mut ahead = 1;
        while self.peek_at(ahead) == Some('#') {
            ahead += 1;
        }
        if self.peek_at(ahead) != Some('"') {
            return Some(false);
        }
        let hashes = ahead - 1;
        for _ in 0..=ahead {
            self.bump();
        }
        loop {
            if self.bump()? == '"' && (0..hashes).all(|i| self.peek_at(i) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return Some(true);
            }
        }
    }

    fn sequence(&mut self, close: char, depth: usize) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        loop {
            if self.eat(close) {
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            if !self.eat(',') {
                return self.eat(close).then_some(items);
            }
        }
    }

    fn map(&mut self, depth: usize) -> Option<Shape> {
        let mut entries = Vec::new();
        loop {
            if self.eat('}') {
                return Some(Shape::Map(entries));
            }
            let key = self.value(depth + 1)?;
            if !self.eat(':') {
                return None;
            }
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            if !self.eat(',') {
                return self.eat('}').then_some(Shape::Map(entries));
            }
        }
    }

    /// After `(`: named fields (`a: 1, b: 2`) or elements (`1, 2`).
    fn struct_body(&mut self, depth: usize) -> Option<Shape> {
        let mut fields = Vec::new();
        let mut elements = Vec::new();
        loop {
            if self.eat(')') {
                return Some(Shape::Struct { fields, elements });
            }
            let save = (self.at, self.line, self.column);
            let name = self.word();
            if !name.is_empty() && self.eat(':') {
                let value = self.value(depth + 1)?;
                fields.push((name.trim_start_matches("r#").to_string(), value));
            } else {
                (self.at, self.line, self.column) = save;
                elements.push(self.value(depth + 1)?);
            }
            if !self.eat(',') {
                return self.eat(')').then_some(Shape::Struct { fields, elements });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_elements_with_their_lines() {
        let text = "Scenario(\n  name: \"x\", // comment\n  people: [\n    Person(id: \"a\"),\n    /* x */ Person(id: \"b\", cost: Some(3.0)),\n  ],\n)";
        let root = scan(text).expect("scans");
        let b = root.position_of(&[Step::Field("people"), Step::Index(1), Step::Field("id")]);
        assert_eq!(
            b,
            Position {
                line: 5,
                column: 24
            }
        );
        let cost = root.position_of(&[
            Step::Field("people"),
            Step::Index(1),
            Step::Field("cost"),
            Step::Index(0),
        ]);
        assert_eq!(
            cost,
            Position {
                line: 5,
                column: 40
            }
        );
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_node_found() {
        let text = "S(\n list: [\n  A(x: 1),\n ],\n)";
        let root = scan(text).expect("scans");
        let p = root.position_of(&[Step::Field("list"), Step::Index(0), Step::Field("nope")]);
        assert_eq!(p, Position { line: 3, column: 3 });
    }

    #[test]
    fn map_keys_are_found_by_their_text() {
        let text = "P(checklist: {\"a\": true,\n \"b\": false})";
        let root = scan(text).expect("scans");
        let map = root.field("checklist").expect("field");
        let key = map.map_key("b", text).expect("key");
        assert_eq!(key.position, Position { line: 2, column: 2 });
    }

    #[test]
    fn raw_strings_and_escapes_do_not_confuse_it() {
        let text = "S(a: r#\"x\")\"#, b: \"q\\\"(\", c: 'x', d: [1, 2.5e3, -4])";
        let root = scan(text).expect("scans");
        assert_eq!(
            root.position_of(&[Step::Field("d"), Step::Index(2)]).column,
            49
        );
    }

    #[test]
    fn nonsense_gives_none_without_panicking() {
        for text in [
            "",
            "(",
            "S(a:",
            "[1,,]",
            "{\"a\" 1}",
            "r#\"abc",
            "\u{0}\u{1}",
        ] {
            assert!(scan(text).is_none(), "{text:?}");
        }
    }
}
