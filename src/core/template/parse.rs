//! Tokens into a tree of nodes: text, outputs and the tags `if`, `unless`, `case`, `assign`
//! and `capture`. Blocks that hold only white space and tags that show nothing (`assign`,
//! `capture`, comments) are emptied of their white space, as Ruby Liquid does.

use super::expr::{self, Condition, Expr, Filtered};
use super::lexer::{self, Token};
use super::value::is_space;
use super::{fail, TemplateError, MAX_DEPTH};

/// A part of a parsed template.
#[derive(Debug, Clone)]
pub(super) enum Node<'a> {
    Text(&'a str),
    Output(Filtered),
    /// `if` (or `unless`, whose first condition is reversed), `elsif` and `else`
    /// (`condition` is `None`): the first branch whose condition holds is shown.
    If {
        unless: bool,
        branches: Vec<Branch<'a>>,
        blank: bool,
    },
    /// `case`: every `when` value equal to `value` shows its body; `else` bodies show while
    /// none has. `whens` point into `bodies` (`when a, b` is two entries sharing one body).
    Case {
        value: Expr,
        whens: Vec<(Option<Expr>, usize)>,
        bodies: Vec<Vec<Node<'a>>>,
        blank: bool,
    },
    Assign {
        name: String,
        value: Filtered,
    },
    Capture {
        name: String,
        body: Vec<Node<'a>>,
    },
    Raw(&'a str),
}

/// A branch of `if` or `unless`.
#[derive(Debug, Clone)]
pub(super) struct Branch<'a> {
    pub(super) condition: Option<Condition>,
    pub(super) body: Vec<Node<'a>>,
}

impl Node<'_> {
    /// Shows nothing but white space, whatever the values.
    fn blank(&self) -> bool {
        match self {
            Node::Text(text) => text.chars().all(is_space),
            Node::Output(_) => false,
            Node::If { blank, .. } | Node::Case { blank, .. } => *blank,
            Node::Assign { .. } | Node::Capture { .. } => true,
            Node::Raw(text) => text.is_empty(),
        }
    }
}

fn all_blank(nodes: &[Node<'_>]) -> bool {
    nodes.iter().all(Node::blank)
}

fn drop_text(body: &mut Vec<Node<'_>>) {
    body.retain(|node| !matches!(node, Node::Text(_)));
}

/// Parses `text` into nodes.
pub(super) fn parse(text: &str) -> Result<Vec<Node<'_>>, TemplateError> {
    let mut parser = Parser {
        tokens: lexer::tokenize(text)?.into_iter(),
        depth: 0,
    };
    let (nodes, _) = parser.body(&[])?;
    Ok(nodes)
}

struct Parser<'a> {
    tokens: std::vec::IntoIter<Token<'a>>,
    depth: usize,
}

/// The tag that ended a body: its name and markup.
type End<'a> = Option<(&'a str, &'a str)>;

impl<'a> Parser<'a> {
    /// Nodes up to one of the tags `ends` (returned) or the end of the template (`None`).
    fn body(&mut self, ends: &[&str]) -> Result<(Vec<Node<'a>>, End<'a>), TemplateError> {
        let mut nodes = Vec::new();
        while let Some(token) = self.tokens.next() {
            match token {
                Token::Text(text) => nodes.push(Node::Text(text)),
                Token::Output(markup) => nodes.push(Node::Output(expr::output(markup)?)),
                Token::Raw(text) => nodes.push(Node::Raw(text)),
                Token::Comment => {}
                Token::Tag { name, markup } if ends.contains(&name) => {
                    return Ok((nodes, Some((name, markup))));
                }
                Token::Tag { name, markup } => nodes.push(self.tag(name, markup)?),
            }
        }
        Ok((nodes, None))
    }

    fn tag(&mut self, name: &'a str, markup: &'a str) -> Result<Node<'a>, TemplateError> {
        match name {
            "if" | "unless" | "case" | "capture" => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return fail(format!("tags are nested more than {MAX_DEPTH} deep"));
                }
                let node = match name {
                    "case" => self.case(markup),
                    "capture" => self.capture(markup),
                    _ => self.conditional(name, markup),
                };
                self.depth -= 1;
                node
            }
            "assign" => assign(markup),
            "else" => fail("`else` is not inside `if`, `unless` or `case`"),
            "elsif" => fail("`elsif` is not inside `if` or `unless`"),
            "when" => fail("`when` is not inside `case`"),
            _ => match name.strip_prefix("end") {
                Some(opening @ ("if" | "unless" | "case" | "capture" | "raw" | "comment")) => {
                    fail(format!("`{name}` has no `{opening}` to close"))
                }
                _ => fail(format!("unknown tag `{name}`")),
            },
        }
    }

    /// `if` or `unless`.
    fn conditional(&mut self, name: &'a str, markup: &str) -> Result<Node<'a>, TemplateError> {
        let end_name = if name == "if" { "endif" } else { "endunless" };
        let mut branches = Vec::new();
        let mut condition = Some(expr::condition(markup)?);
        loop {
            let (body, end) = self.body(&["elsif", "else", end_name])?;
            branches.push(Branch { condition, body });
            condition = match end {
                None => return fail(format!("`{name}` is not closed with `{end_name}`")),
                Some(("elsif", markup)) => Some(expr::condition(markup)?),
                Some(("else", _)) => None,
                Some(_) => break,
            };
        }
        let blank = branches.iter().all(|branch| all_blank(&branch.body));
        if blank {
            branches
                .iter_mut()
                .for_each(|branch| drop_text(&mut branch.body));
        }
        Ok(Node::If {
            unless: name == "unless",
            branches,
            blank,
        })
    }

    fn case(&mut self, markup: &str) -> Result<Node<'a>, TemplateError> {
        let value = expr::value(markup)?;
        let ends = ["when", "else", "endcase"];
        // What comes before the first `when` is never shown.
        let (before, mut end) = self.body(&ends)?;
        let mut blank = all_blank(&before);
        let mut whens = Vec::new();
        let mut bodies = Vec::new();
        loop {
            let tests = match end {
                None => return fail("`case` is not closed with `endcase`"),
                Some(("when", markup)) => expr::when(markup)?.into_iter().map(Some).collect(),
                Some(("else", _)) => vec![None],
                Some(_) => break,
            };
            let (body, next) = self.body(&ends)?;
            blank &= all_blank(&body);
            whens.extend(tests.into_iter().map(|test| (test, bodies.len())));
            bodies.push(body);
            end = next;
        }
        if blank {
            bodies.iter_mut().for_each(drop_text);
        }
        Ok(Node::Case {
            value,
            whens,
            bodies,
            blank,
        })
    }

    fn capture(&mut self, markup: &str) -> Result<Node<'a>, TemplateError> {
        let unquoted = markup.trim_matches(|c: char| is_space(c) || c == '\'' || c == '"');
        let name = match variable_name(unquoted) {
            Some((name, _)) => name.to_owned(),
            None => return fail("`capture` needs a variable name: `{% capture name %}`"),
        };
        match self.body(&["endcapture"])? {
            (body, Some(_)) => Ok(Node::Capture { name, body }),
            (_, None) => fail("`capture` is not closed with `endcapture`"),
        }
    }
}

/// `{% assign name = value | filter %}`.
fn assign(markup: &str) -> Result<Node<'_>, TemplateError> {
    let parts = variable_name(markup).and_then(|(name, rest)| {
        let value = rest.trim_start_matches(is_space).strip_prefix('=')?;
        Some((name, value))
    });
    let Some((name, value)) = parts else {
        return fail("`assign` needs a variable name and a value: `{% assign name = value %}`");
    };
    Ok(Node::Assign {
        name: name.to_owned(),
        value: expr::filtered(value)?,
    })
}

/// A variable name (letters, digits, `_` and `-`, not first) at the start of `text`, and the
/// rest.
fn variable_name(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start_matches(is_space);
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    let (name, rest) = text.split_at_checked(end)?;
    if name.is_empty() || name.starts_with('-') {
        return None;
    }
    Some((name, rest))
}
