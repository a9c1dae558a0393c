//! Splits a template into text, output (`{{ ... }}`) and tags (`{% ... %}`) as Ruby Liquid's
//! tokenizer does, applies white-space control (`{{-`, `-}}`, `{%-`, `-%}`) and reads past the
//! bodies of `raw` and `comment`, which are not parsed.

use super::value::{is_space, is_strippable};
use super::{fail, TemplateError};

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    Text(&'a str),
    /// What is between `{{` and `}}`.
    Output(&'a str),
    /// `{% name markup %}`.
    Tag {
        name: &'a str,
        markup: &'a str,
    },
    /// The body of `{% raw %}...{% endraw %}`, as written.
    Raw(&'a str),
    /// A `comment` block or an inline comment (`{% # ... %}`): nothing to show.
    Comment,
}

/// A token as the scanner first sees it, before white-space control.
enum Piece<'a> {
    Text(&'a str),
    Output {
        markup: &'a str,
        trim: Trim,
    },
    Tag {
        name: &'a str,
        markup: &'a str,
        trim: Trim,
    },
    /// A `{{` or `{%` that is not a well-formed token, and why.
    Malformed(&'static str),
}

/// Which sides of a token (`{%-`, `-%}`) strip the white space next to it.
#[derive(Debug, Clone, Copy, Default)]
struct Trim {
    before: bool,
    after: bool,
}

/// The tokens of `text`.
pub(super) fn tokenize(text: &str) -> Result<Vec<Token<'_>>, TemplateError> {
    let mut tokens = Vec::new();
    let mut rest = text;
    // Set by a `-%}` or `-}}`: strip the white space that starts the next text.
    let mut trim_next = false;
    while !rest.is_empty() {
        let (piece, after) = next_piece(rest);
        rest = after;
        let trim = match piece {
            Piece::Text(text) => {
                let text = if trim_next {
                    text.trim_start_matches(is_strippable)
                } else {
                    text
                };
                trim_next = false;
                tokens.push(Token::Text(text));
                continue;
            }
            Piece::Malformed(reason) => return fail(reason),
            Piece::Output { trim, .. } | Piece::Tag { trim, .. } => trim,
        };
        if trim.before {
            if let Some(Token::Text(previous)) = tokens.last_mut() {
                *previous = previous.trim_end_matches(is_strippable);
            }
        }
        trim_next = trim.after;
        match piece {
            Piece::Output { markup, .. } => tokens.push(Token::Output(markup)),
            Piece::Tag {
                name: "raw",
                markup,
                ..
            } => {
                if !markup.trim_matches(is_space).is_empty() {
                    return fail("`raw` takes nothing after its name");
                }
                let Some(end) = find_end_raw(rest) else {
                    return fail("`raw` is not closed with `endraw`");
                };
                tokens.push(Token::Raw(end.body));
                trim_next = end.trim_after;
                rest = end.rest;
            }
            Piece::Tag {
                name: "comment", ..
            } => {
                let end = skip_comment(rest)?;
                tokens.push(Token::Comment);
                trim_next = end.trim_after;
                rest = end.rest;
            }
            Piece::Tag {
                name: "#", markup, ..
            } => {
                check_inline_comment(markup)?;
                tokens.push(Token::Comment);
            }
            Piece::Tag { name, markup, .. } => tokens.push(Token::Tag { name, markup }),
            Piece::Text(_) | Piece::Malformed(_) => {}
        }
    }
    Ok(tokens)
}

/// The next piece of `rest` (not empty) and what follows it.
fn next_piece(rest: &str) -> (Piece<'_>, &str) {
    if let Some(body) = rest.strip_prefix("{%") {
        let Some(end) = body.find("%}") else {
            return (Piece::Malformed("a tag is not closed with `%}`"), "");
        };
        let (inner, after) = split(body, end, 2);
        return (tag(inner), after);
    }
    if let Some(body) = rest.strip_prefix("{{") {
        // As Ruby Liquid: the first `}` ends the output, and must be doubled.
        return match body.find('}') {
            Some(end) if body.get(end + 1..).is_some_and(|s| s.starts_with('}')) => {
                let (inner, after) = split(body, end, 2);
                let (markup, trim) = trimmed(inner);
                (Piece::Output { markup, trim }, after)
            }
            Some(end) => (
                Piece::Malformed("an output is not closed with `}}`"),
                split(body, end, 1).1,
            ),
            None => (Piece::Malformed("an output is not closed with `}}`"), ""),
        };
    }
    let end = find_open(rest).unwrap_or(rest.len());
    let (text, after) = split(rest, end, 0);
    (Piece::Text(text), after)
}

/// Where the next `{{` or `{%` starts.
fn find_open(text: &str) -> Option<usize> {
    text.as_bytes()
        .windows(2)
        .position(|pair| matches!(pair, [b'{', b'{' | b'%']))
}

/// `text[..at]` and what follows `skip` bytes after it.
fn split(text: &str, at: usize, skip: usize) -> (&str, &str) {
    let (before, after) = text.split_at_checked(at).unwrap_or((text, ""));
    (before, after.get(skip..).unwrap_or(""))
}

/// The inside of a tag or output without its `-` marks.
fn trimmed(inner: &str) -> (&str, Trim) {
    let before = inner.starts_with('-');
    let after = inner.ends_with('-');
    let inner = inner.strip_prefix('-').unwrap_or(inner);
    let inner = if after {
        inner.strip_suffix('-').unwrap_or(inner)
    } else {
        inner
    };
    (inner, Trim { before, after })
}

/// A tag's name (letters, digits and `_`, or `#` for an inline comment) and the rest.
fn tag(inner: &str) -> Piece<'_> {
    let (inside, trim) = trimmed(inner);
    let inside = inside.trim_start_matches(is_space);
    if let Some(comment) = inside.strip_prefix('#') {
        return Piece::Tag {
            name: "#",
            markup: comment,
            trim,
        };
    }
    let end = inside.find(|c: char| !is_word(c)).unwrap_or(inside.len());
    let (name, markup) = split(inside, end, 0);
    if name.is_empty() {
        return Piece::Malformed("a `{% ... %}` tag does not start with a name");
    }
    Piece::Tag {
        name,
        markup: markup.trim_start_matches(is_space),
        trim,
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Where a `raw` or `comment` body ends.
struct End<'a> {
    body: &'a str,
    trim_after: bool,
    rest: &'a str,
}

/// The `{% endraw %}` that closes a raw body: the first tag whose last `{%` is followed by
/// `endraw`, as Ruby Liquid finds it.
fn find_end_raw(text: &str) -> Option<End<'_>> {
    let mut from = 0;
    loop {
        let open = from + text.get(from..)?.find("{%")?;
        let close = open + 2 + text.get(open + 2..)?.find("%}")?;
        let token = text.get(open..close)?;
        let last = open + token.rfind("{%").unwrap_or(0);
        let (tag, _) = split(text, close, 0);
        let inside = tag.get(last + 2..).unwrap_or("");
        let inside = inside.strip_prefix('-').unwrap_or(inside);
        let inside = inside.trim_start_matches(is_space);
        if inside
            .strip_prefix("endraw")
            .is_some_and(|after| !after.starts_with(is_word))
        {
            return Some(End {
                body: text.get(..last)?,
                trim_after: tag.ends_with('-'),
                rest: text.get(close + 2..)?,
            });
        }
        from = close + 2;
    }
}

/// Reads past a comment body: tags in it are not parsed, but nested `comment` blocks must be
/// closed and `raw` bodies are skipped whole.
fn skip_comment(text: &str) -> Result<End<'_>, TemplateError> {
    let mut depth = 1usize;
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, after) = next_piece(rest);
        rest = after;
        let Piece::Tag { name, trim, .. } = piece else {
            continue;
        };
        match name {
            "raw" => match find_end_raw(rest) {
                Some(end) => rest = end.rest,
                None => break,
            },
            "comment" => depth += 1,
            "endcomment" => {
                depth -= 1;
                if depth == 0 {
                    return Ok(End {
                        body: "",
                        trim_after: trim.after,
                        rest,
                    });
                }
            }
            _ => {}
        }
    }
    fail("`comment` is not closed with `endcomment`")
}

/// An inline comment may run over several lines if each starts with `#`.
fn check_inline_comment(markup: &str) -> Result<(), TemplateError> {
    let mut lines = markup.split('\n').skip(1);
    if lines.any(|line| {
        line.trim_start_matches(is_space)
            .chars()
            .next()
            .is_some_and(|c| c != '#')
    }) {
        return fail("each line of a `{% # ... %}` comment must start with `#`");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_control_strips_the_neighbouring_text() {
        let tokens = tokenize("a \n{%- if x -%}\n b {{- y }} c").unwrap();
        assert_eq!(
            tokens,
            [
                Token::Text("a"),
                Token::Tag {
                    name: "if",
                    markup: "x "
                },
                Token::Text("b"),
                Token::Output(" y "),
                Token::Text(" c"),
            ]
        );
    }

    #[test]
    fn raw_and_comment_bodies_are_not_parsed() {
        let tokens =
            tokenize("{% raw %} {% if %} {{ {% endraw %}{% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}!")
                .unwrap();
        assert_eq!(
            tokens,
            [
                Token::Raw(" {% if %} {{ "),
                Token::Comment,
                Token::Text("!")
            ]
        );
    }
}
