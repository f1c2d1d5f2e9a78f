//! A YAML reader that keeps within limits while it reads. The framework import takes YAML files
//! from outside (CISO Assistant libraries), and YAML's aliases let a file of a few hundred bytes
//! stand for billions of values (a "billion laughs"). The reader takes the parser's events one by
//! one and counts every value, every use of an alias and every character, with what an alias
//! repeats counted in full, and stops at the first limit passed, before that value is built. A
//! repeated value is shared, not copied. The limits are far above the largest CISO Assistant
//! library (a few thousand requirements, each a handful of short texts).

use std::collections::HashMap;
use std::rc::Rc;

use beredd_domain::framework::{FileError, Limit, Problem};
use saphyr_parser::{Event, Parser, ScalarStyle};

/// Uses of aliases, counting those inside what an alias repeats.
pub const MAX_ALIASES: usize = 100_000;
/// Values (texts, lists, maps), counting what aliases repeat.
pub const MAX_VALUES: usize = 1_000_000;
/// Characters in one text.
pub const MAX_TEXT_LENGTH: usize = 100_000;
/// Characters of text in the whole file, counting what aliases repeat.
pub const MAX_TEXT: usize = 20_000_000;
/// Levels of lists and maps inside each other.
pub const MAX_DEPTH: usize = 64;

/// A value and the line it starts on (1-based).
#[derive(Debug, PartialEq)]
pub struct Node {
    pub line: usize,
    pub value: Value,
}

#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Text(String),
    List(Vec<Rc<Node>>),
    Map(Vec<(Rc<Node>, Rc<Node>)>),
}

impl Node {
    /// The value under `key` of a map; `None` when this is no map or the key is absent.
    pub fn get(&self, key: &str) -> Option<&Node> {
        let Value::Map(entries) = &self.value else { return None };
        entries.iter().find(|(k, _)| matches!(&k.value, Value::Text(t) if t == key)).map(|(_, v)| &**v)
    }
}

/// What a value costs, with everything inside it: counted again at each alias to it.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    aliases: usize,
    values: usize,
    chars: usize,
    /// Levels of lists and maps, the value's own included.
    depth: usize,
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.aliases += other.aliases;
        self.values += other.values;
        self.chars += other.chars;
    }
}

/// A list or map still being read.
struct Open {
    line: usize,
    anchor: usize,
    map: bool,
    items: Vec<Rc<Node>>,
    cost: Cost,
}

fn over(line: usize, limit: Limit, max: usize) -> FileError {
    FileError { line, problem: Problem::OverLimit { limit, max } }
}

/// Reads the first document of a YAML file (a file with more than one is refused).
pub fn read(src: &str) -> Result<Rc<Node>, FileError> {
    let mut parser = Parser::new_from_str(src);
    let mut open: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Rc<Node>, Cost)> = HashMap::new();
    let mut total = Cost::default();
    let mut root: Option<Rc<Node>> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) =
            next.map_err(|e| FileError { line: e.marker().line(), problem: Problem::Syntax(e.info().to_owned()) })?;
        let line = span.start.line();
        // A finished value, what it cost and the anchor it carries (0 for none).
        let (node, cost, anchor) = match event {
            Event::Scalar(text, style, anchor, _) => {
                let chars = text.chars().count();
                if chars > MAX_TEXT_LENGTH {
                    return Err(over(line, Limit::TextLength, MAX_TEXT_LENGTH));
                }
                let null = style == ScalarStyle::Plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL");
                // A copy of exactly its length: the parser hands over texts with room to spare, which a
                // million short values would keep.
                let value = if null { Value::Null } else { Value::Text(String::from(&*text)) };
                let cost = Cost { values: 1, chars, ..Cost::default() };
                check(&mut total, cost, open.len(), line)?;
                (Rc::new(Node { line, value }), cost, anchor)
            }
            Event::Alias(id) => {
                let Some((node, cost)) = anchors.get(&id) else {
                    let problem = Problem::Syntax("an alias to a value that is not finished".to_owned());
                    return Err(FileError { line, problem });
                };
                // Counted in full before it is used: what it repeats counts again.
                let cost = Cost { aliases: cost.aliases + 1, ..*cost };
                check(&mut total, cost, open.len() + cost.depth, line)?;
                (node.clone(), cost, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let map = matches!(event, Event::MappingStart(..));
                let cost = Cost { values: 1, depth: 1, ..Cost::default() };
                open.push(Open { line, anchor, map, items: Vec::new(), cost });
                check(&mut total, cost, open.len(), line)?;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(o) = open.pop() else { continue };
                let value = if o.map {
                    let mut items = o.items.into_iter();
                    let mut pairs = Vec::new();
                    while let (Some(k), Some(v)) = (items.next(), items.next()) {
                        pairs.push((k, v));
                    }
                    Value::Map(pairs)
                } else {
                    Value::List(o.items)
                };
                (Rc::new(Node { line: o.line, value }), o.cost, o.anchor)
            }
            _ => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), cost));
        }
        match open.last_mut() {
            Some(parent) => {
                parent.cost.add(cost);
                parent.cost.depth = parent.cost.depth.max(cost.depth + 1);
                parent.items.push(node);
            }
            None if root.is_none() => root = Some(node),
            None => {
                let problem = Problem::Syntax("more than one YAML document".to_owned());
                return Err(FileError { line: node.line, problem });
            }
        }
    }
    Ok(root.unwrap_or_else(|| Rc::new(Node { line: 1, value: Value::Null })))
}

/// Adds a value's cost to the file's and refuses the file when that passes a limit; `depth` is
/// how deep the value's innermost level lies.
fn check(total: &mut Cost, cost: Cost, depth: usize, line: usize) -> Result<(), FileError> {
    total.add(cost);
    if total.aliases > MAX_ALIASES {
        return Err(over(line, Limit::Aliases, MAX_ALIASES));
    }
    if total.values > MAX_VALUES {
        return Err(over(line, Limit::Values, MAX_VALUES));
    }
    if total.chars > MAX_TEXT {
        return Err(over(line, Limit::Text, MAX_TEXT));
    }
    if depth > MAX_DEPTH {
        return Err(over(line, Limit::Depth, MAX_DEPTH));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit_of(src: &str) -> (usize, Limit) {
        match read(src) {
            Err(FileError { line, problem: Problem::OverLimit { limit, .. } }) => (line, limit),
            other => panic!("not refused for a limit: {other:?}"),
        }
    }

    #[test]
    fn a_file_with_anchors_reads_and_an_alias_shares_its_value() {
        let doc = read("a: &x\n  - one\n  - ~\nb: *x\nc: 'null'\n").unwrap();
        let (Some(a), Some(b)) = (doc.get("a"), doc.get("b")) else { panic!("{doc:?}") };
        assert!(std::ptr::eq(a, b), "the alias is the anchored value itself, not a copy");
        let Value::List(items) = &a.value else { panic!("{a:?}") };
        assert_eq!(items[0].value, Value::Text("one".into()));
        assert_eq!(items[1].value, Value::Null);
        assert_eq!(doc.get("c").unwrap().value, Value::Text("null".into()), "a quoted null is text");
        assert_eq!((a.line, items[1].line), (1, 3), "a list starts at its anchor");
        assert!(matches!(read("a: 1\n---\nb: 2\n"), Err(FileError { line: 3, problem: Problem::Syntax(_) })));
        assert!(matches!(read("a: [1, 2\n"), Err(FileError { problem: Problem::Syntax(_), .. })));
    }

    #[test]
    fn every_limit_is_kept_while_the_file_is_read() {
        // A billion laughs: nine levels of ten aliases.
        let mut lol = String::from("l0: &l0 lol\n");
        for level in 1..=9 {
            lol.push_str(&format!("l{level}: &l{level} [{}]\n", vec![format!("*l{}", level - 1); 10].join(", ")));
        }
        assert_eq!(limit_of(&lol), (6, Limit::Aliases));
        // A list of a thousand, repeated a thousand times.
        let thousand = vec!["x"; 1000].join(", ");
        let values = format!("a: &a [{thousand}]\nb: [{}]\n", vec!["*a"; 1000].join(", "));
        assert_eq!(limit_of(&values), (2, Limit::Values));
        // One text that is too long, and one long text repeated.
        assert_eq!(limit_of(&format!("a: b\nc: {}\n", "x".repeat(MAX_TEXT_LENGTH + 1))), (2, Limit::TextLength));
        let text = format!("a: &a {}\nb: [{}]\n", "x".repeat(MAX_TEXT_LENGTH), vec!["*a"; 200].join(", "));
        assert_eq!(limit_of(&text), (2, Limit::Text));
        // Maps inside maps, and a deep value repeated further down.
        let deep: String = (0..=MAX_DEPTH).map(|i| format!("{}a:\n", "  ".repeat(i))).collect();
        assert_eq!(limit_of(&deep).1, Limit::Depth);
        let half: String = (0..MAX_DEPTH / 2 + 1).map(|i| format!("{}a:\n", "  ".repeat(i + 1))).collect();
        let under = format!(
            "x: &x\n{half}{}",
            (0..MAX_DEPTH / 2).map(|i| format!("{}b:\n", "  ".repeat(i))).collect::<String>()
        );
        let repeated = format!("{}{}c: *x\n", under, "  ".repeat(MAX_DEPTH / 2));
        assert_eq!(limit_of(&repeated).1, Limit::Depth);
        // Just under every limit reads.
        let fine = format!("a: &a {}\nb: [{}]\n", "x".repeat(MAX_TEXT_LENGTH), vec!["*a"; 150].join(", "));
        assert!(read(&fine).is_ok());
    }
}
