//! Expressions inside tags and outputs, read as Ruby Liquid's strict parser reads them: values
//! (`'text'`, `12`, `1.5`, `(1..3)`, `name.size`, `list[0]`), filter chains
//! (`value | filter: arg, key: arg`) and conditions (`a == b and c contains 'x'`).

use super::filters::Filter;
use super::value::{is_space, Value};
use super::{fail, TemplateError, MAX_DEPTH};

/// A value to look up or a literal.
#[derive(Debug, Clone)]
pub(super) enum Expr {
    Literal(Value),
    /// A variable, then `.name` and `[index]` steps.
    Lookup(Root, Vec<Step>),
    /// `(first..last)`.
    Range(Box<Expr>, Box<Expr>),
}

/// Where a lookup starts.
#[derive(Debug, Clone)]
pub(super) enum Root {
    Name(String),
    /// `[expression]`: the variable named by the value.
    Named(Box<Expr>),
}

/// One step of a lookup.
#[derive(Debug, Clone)]
pub(super) enum Step {
    Property(String),
    Index(Expr),
}

/// A value and the filters applied to it.
#[derive(Debug, Clone)]
pub(super) struct Filtered {
    pub(super) value: Expr,
    pub(super) filters: Vec<FilterCall>,
}

/// `| name: arg, key: arg`.
#[derive(Debug, Clone)]
pub(super) struct FilterCall {
    pub(super) filter: Filter,
    pub(super) args: Vec<Expr>,
    pub(super) named: Vec<(String, Expr)>,
}

/// Comparisons joined by `and` and `or`, which group from the right:
/// `a and b or c` is `a and (b or c)`.
#[derive(Debug, Clone)]
pub(super) struct Condition {
    pub(super) first: Comparison,
    pub(super) rest: Vec<(Logic, Comparison)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Logic {
    And,
    Or,
}

/// A value alone (true unless nil or false) or two values compared.
#[derive(Debug, Clone)]
pub(super) enum Comparison {
    Truthy(Expr),
    Compare(Expr, Operator, Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operator {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    Str(&'a str),
    Number(&'a str),
    Op(Operator),
    Dot,
    DotDot,
    Pipe,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
}

impl Tok<'_> {
    fn describe(&self) -> String {
        let text = match self {
            Tok::Ident(s) | Tok::Number(s) => s,
            Tok::Str(s) => return format!("'{s}'"),
            Tok::Op(op) => match op {
                Operator::Equal => "==",
                Operator::NotEqual => "!=",
                Operator::Less => "<",
                Operator::LessOrEqual => "<=",
                Operator::Greater => ">",
                Operator::GreaterOrEqual => ">=",
                Operator::Contains => "contains",
            },
            Tok::Dot => ".",
            Tok::DotDot => "..",
            Tok::Pipe => "|",
            Tok::Colon => ":",
            Tok::Comma => ",",
            Tok::OpenSquare => "[",
            Tok::CloseSquare => "]",
            Tok::OpenRound => "(",
            Tok::CloseRound => ")",
        };
        format!("`{text}`")
    }
}

fn lex(markup: &str) -> Result<Vec<Tok<'_>>, TemplateError> {
    let mut tokens = Vec::new();
    let mut rest = markup;
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(c) = rest.chars().next() else {
            return Ok(tokens);
        };
        let operators = [
            ("==", Operator::Equal),
            ("!=", Operator::NotEqual),
            ("<>", Operator::NotEqual),
            ("<=", Operator::LessOrEqual),
            (">=", Operator::GreaterOrEqual),
            ("<", Operator::Less),
            (">", Operator::Greater),
        ];
        let (token, len) =
            if let Some((text, op)) = operators.iter().find(|(text, _)| rest.starts_with(text)) {
                (Tok::Op(*op), text.len())
            } else if rest
                .strip_prefix("contains")
                .is_some_and(|after| after.starts_with(is_space))
            {
                (Tok::Op(Operator::Contains), "contains".len())
            } else if c == '\'' || c == '"' {
                let Some(end) = rest.get(1..).and_then(|body| body.find(c)) else {
                    return fail(format!("a quoted text is not closed with {c}"));
                };
                (Tok::Str(rest.get(1..=end).unwrap_or("")), end + 2)
            } else if c.is_ascii_digit()
                || (c == '-'
                    && rest
                        .get(1..)
                        .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit())))
            {
                let len = number_len(rest);
                (Tok::Number(rest.get(..len).unwrap_or("")), len)
            } else if c.is_ascii_alphabetic() || c == '_' {
                let mut len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(rest.len());
                if rest.get(len..).is_some_and(|r| r.starts_with('?')) {
                    len += 1;
                }
                (Tok::Ident(rest.get(..len).unwrap_or("")), len)
            } else if rest.starts_with("..") {
                (Tok::DotDot, 2)
            } else {
                let token = match c {
                    '.' => Tok::Dot,
                    '|' => Tok::Pipe,
                    ':' => Tok::Colon,
                    ',' => Tok::Comma,
                    '[' => Tok::OpenSquare,
                    ']' => Tok::CloseSquare,
                    '(' => Tok::OpenRound,
                    ')' => Tok::CloseRound,
                    _ => return fail(format!("unexpected `{c}`")),
                };
                (token, 1)
            };
        tokens.push(token);
        rest = rest.get(len..).unwrap_or("");
    }
}

/// The length of `-?\d+(\.\d+)?` at the start of `text`.
fn number_len(text: &str) -> usize {
    let digits = |from: usize| {
        text.get(from..)
            .map_or(0, |s| s.bytes().take_while(u8::is_ascii_digit).count())
    };
    let sign = usize::from(text.starts_with('-'));
    let whole = sign + digits(sign);
    let fraction = if text.get(whole..).is_some_and(|s| s.starts_with('.')) {
        digits(whole + 1)
    } else {
        0
    };
    if fraction > 0 {
        whole + 1 + fraction
    } else {
        whole
    }
}

struct Parser<'a> {
    tokens: Vec<Tok<'a>>,
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(markup: &'a str) -> Result<Self, TemplateError> {
        Ok(Parser {
            tokens: lex(markup)?,
            pos: 0,
            depth: 0,
        })
    }

    fn peek(&self) -> Option<&Tok<'a>> {
        self.tokens.get(self.pos)
    }

    fn peek_at(&self, ahead: usize) -> Option<&Tok<'a>> {
        self.tokens.get(self.pos + ahead)
    }

    fn next(&mut self) -> Option<Tok<'a>> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    fn eat(&mut self, token: &Tok<'_>) -> bool {
        if self.peek() == Some(token) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &Tok<'_>) -> Result<(), TemplateError> {
        if self.eat(token) {
            return Ok(());
        }
        fail(format!("expected {}, {}", token.describe(), self.found()))
    }

    fn found(&self) -> String {
        match self.peek() {
            Some(token) => format!("found {}", token.describe()),
            None => "found the end".to_owned(),
        }
    }

    fn end(&self) -> Result<(), TemplateError> {
        match self.peek() {
            None => Ok(()),
            Some(token) => fail(format!("unexpected {}", token.describe())),
        }
    }

    fn expression(&mut self) -> Result<Expr, TemplateError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail(format!(
                "an expression is nested more than {MAX_DEPTH} deep"
            ));
        }
        let expr = self.expression_inner();
        self.depth -= 1;
        expr
    }

    fn expression_inner(&mut self) -> Result<Expr, TemplateError> {
        match self.next() {
            Some(Tok::Ident(name)) => {
                let steps = self.steps()?;
                let literal = match name {
                    "nil" | "null" => Some(Value::Nil),
                    "true" => Some(Value::Bool(true)),
                    "false" => Some(Value::Bool(false)),
                    "blank" | "empty" => Some(Value::Str(String::new())),
                    _ => None,
                };
                Ok(match literal {
                    Some(value) if steps.is_empty() => Expr::Literal(value),
                    _ => Expr::Lookup(Root::Name(name.to_owned()), steps),
                })
            }
            Some(Tok::OpenSquare) => {
                let key = self.expression()?;
                self.expect(&Tok::CloseSquare)?;
                Ok(Expr::Lookup(Root::Named(Box::new(key)), self.steps()?))
            }
            Some(Tok::Str(text)) => Ok(Expr::Literal(Value::Str(text.to_owned()))),
            Some(Tok::Number(text)) => number(text).map(Expr::Literal),
            Some(Tok::OpenRound) => {
                let first = self.expression()?;
                self.expect(&Tok::DotDot)?;
                let last = self.expression()?;
                self.expect(&Tok::CloseRound)?;
                Ok(Expr::Range(Box::new(first), Box::new(last)))
            }
            Some(token) => fail(format!("expected a value, found {}", token.describe())),
            None => fail("expected a value, found the end"),
        }
    }

    fn steps(&mut self) -> Result<Vec<Step>, TemplateError> {
        let mut steps = Vec::new();
        loop {
            if self.eat(&Tok::OpenSquare) {
                steps.push(Step::Index(self.expression()?));
                self.expect(&Tok::CloseSquare)?;
            } else if self.eat(&Tok::Dot) {
                match self.next() {
                    Some(Tok::Ident(name)) => steps.push(Step::Property(name.to_owned())),
                    _ => return fail("expected a name after `.`"),
                }
            } else {
                return Ok(steps);
            }
        }
    }

    fn filtered(&mut self) -> Result<Filtered, TemplateError> {
        let value = self.expression()?;
        let mut filters = Vec::new();
        while self.eat(&Tok::Pipe) {
            let name = match self.next() {
                Some(Tok::Ident(name)) => name,
                _ => return fail("expected a filter name after `|`"),
            };
            let Some(filter) = Filter::from_name(name) else {
                return fail(format!("unknown filter `{name}`"));
            };
            let mut call = FilterCall {
                filter,
                args: Vec::new(),
                named: Vec::new(),
            };
            if self.eat(&Tok::Colon) {
                loop {
                    match (self.peek(), self.peek_at(1)) {
                        (Some(Tok::Ident(key)), Some(Tok::Colon)) => {
                            let key = (*key).to_owned();
                            self.pos += 2;
                            call.named.push((key, self.expression()?));
                        }
                        _ => call.args.push(self.expression()?),
                    }
                    if !self.eat(&Tok::Comma) {
                        break;
                    }
                }
            }
            filters.push(call);
        }
        Ok(Filtered { value, filters })
    }

    /// A comparison operand: `blank` and `empty` are special here.
    fn operand(&mut self) -> Result<Expr, TemplateError> {
        if let Some(Tok::Ident(name @ ("blank" | "empty"))) = self.peek() {
            if !matches!(self.peek_at(1), Some(Tok::Dot | Tok::OpenSquare)) {
                let value = if *name == "blank" {
                    Value::Blank
                } else {
                    Value::Empty
                };
                self.pos += 1;
                return Ok(Expr::Literal(value));
            }
        }
        self.expression()
    }

    fn comparison(&mut self) -> Result<Comparison, TemplateError> {
        let left = self.operand()?;
        if let Some(Tok::Op(op)) = self.peek() {
            let op = *op;
            self.pos += 1;
            return Ok(Comparison::Compare(left, op, self.operand()?));
        }
        Ok(Comparison::Truthy(left))
    }

    fn logic(&mut self) -> Option<Logic> {
        let logic = match self.peek() {
            Some(Tok::Ident("and")) => Logic::And,
            Some(Tok::Ident("or")) => Logic::Or,
            _ => return None,
        };
        self.pos += 1;
        Some(logic)
    }
}

fn number(text: &str) -> Result<Value, TemplateError> {
    if text.contains('.') {
        return text
            .parse()
            .map(Value::Float)
            .or_else(|_| fail(format!("`{text}` is not a number")));
    }
    text.parse()
        .map(Value::Int)
        .or_else(|_| fail(format!("the number `{text}` is too large")))
}

/// `{{ markup }}`: nothing at all, or a value and its filters.
pub(super) fn output(markup: &str) -> Result<Filtered, TemplateError> {
    let mut p = Parser::new(markup)?;
    if p.peek().is_none() {
        return Ok(Filtered {
            value: Expr::Literal(Value::Nil),
            filters: Vec::new(),
        });
    }
    let filtered = p.filtered()?;
    p.end()?;
    Ok(filtered)
}

/// The value of `assign`: a value and its filters.
pub(super) fn filtered(markup: &str) -> Result<Filtered, TemplateError> {
    let mut p = Parser::new(markup)?;
    let filtered = p.filtered()?;
    p.end()?;
    Ok(filtered)
}

/// The condition of `if`, `elsif` and `unless`.
pub(super) fn condition(markup: &str) -> Result<Condition, TemplateError> {
    let mut p = Parser::new(markup)?;
    let first = p.comparison()?;
    let mut rest = Vec::new();
    while let Some(logic) = p.logic() {
        rest.push((logic, p.comparison()?));
    }
    p.end()?;
    Ok(Condition { first, rest })
}

/// The value `case` compares.
pub(super) fn value(markup: &str) -> Result<Expr, TemplateError> {
    let mut p = Parser::new(markup)?;
    let value = p.expression()?;
    p.end()?;
    Ok(value)
}

/// The values of `when`, separated by `,` or `or`. As in Ruby Liquid, anything after the last
/// value that is not a separator is ignored.
pub(super) fn when(markup: &str) -> Result<Vec<Expr>, TemplateError> {
    let mut p = Parser::new(markup)?;
    if p.peek().is_none() {
        return fail("`when` needs a value to compare with");
    }
    let mut values = vec![p.operand()?];
    while p.eat(&Tok::Comma) || p.eat(&Tok::Ident("or")) {
        values.push(p.operand()?);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_words_and_literals_are_told_apart() {
        assert_eq!(
            lex("a-b? contains 'x' -1.5 1..2 containsx").unwrap(),
            [
                Tok::Ident("a-b?"),
                Tok::Op(Operator::Contains),
                Tok::Str("x"),
                Tok::Number("-1.5"),
                Tok::Number("1"),
                Tok::DotDot,
                Tok::Number("2"),
                Tok::Ident("containsx"),
            ]
        );
    }

    #[test]
    fn malformed_expressions_are_errors() {
        let cases = [
            ("@foo", "unexpected `@`"),
            ("foo..bar", "unexpected `..`"),
            ("foo.", "expected a name after `.`"),
            ("foo bar", "unexpected `bar`"),
            ("'a", "a quoted text is not closed with '"),
            ("x | nosuch", "unknown filter `nosuch`"),
            ("1 + 2", "unexpected `+`"),
        ];
        for (markup, message) in cases {
            assert_eq!(output(markup).unwrap_err().to_string(), message, "{markup}");
        }
    }
}
