//! Our YAML reader: YAML (and JSON) text into a tree of [`Node`]s, each with the place it starts.
//!
//! It reads what endoflife.date files and the site's JSON use, and the rest of YAML 1.2 that
//! serde_yaml 0.9 (libyaml) read before it: block mappings and sequences, plain, quoted and block
//! scalars, flow collections, comments, anchors and aliases (expanded), tags, document markers
//! and directives. Scalars are resolved as serde_yaml resolves them (see [`Node::scalar`]), so
//! every valid file reads as it did; only the wording of syntax errors is ours.
//!
//! Written for size: serde_yaml, unsafe-libyaml and the float parser they pull in cost about
//! 30 KB of gzipped wasm. Numbers are canonicalised as text, without any float parsing.
//!
//! Hostile input is bounded: at most [`MAX_DEPTH`] nested collections (the parser recurses only
//! that deep), aliases expand at most as often as serde_yaml allowed (100 times the document's
//! events), and at most [`MAX_EXPANDED`] nodes are copied by aliases in all.

use super::error::{Error, Location};
use super::number::{self, Layout};
use super::text;

/// How deeply collections may nest, as in serde_yaml.
pub(crate) const MAX_DEPTH: usize = 128;

/// How many nodes aliases may copy in all: a billion laughs stops here at the latest.
const MAX_EXPANDED: usize = 1 << 20;

const TOO_DEEP: &str = "the YAML is nested too deeply (more than 128 levels)";
const TOO_MANY_ALIASES: &str = "the YAML repeats its aliases too often to be expanded safely";

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Without quotes: resolved to null, a boolean, a number or text.
    Plain,
    /// In single or double quotes: always text.
    Quoted,
    /// A `|` or `>` block: always text.
    Block,
}

/// A node's tag, as far as reading it depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// No tag.
    None,
    /// `!!str`.
    Str,
    /// `!!int`.
    Int,
    /// `!!float`.
    Float,
    /// `!!bool`.
    Bool,
    /// `!!null`.
    Null,
    /// Another global tag (`!!binary`, `!<tag:...>`): a scalar is read as text.
    Other,
    /// A local tag (`!name`): serde_yaml read it as an enum, which no field takes.
    Local,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A scalar, as written (quotes, escapes and folding resolved).
    Scalar(String, Style),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
    /// A document with no node at all (only comments).
    Empty,
}

/// One node of the document and where it starts (its anchor or tag, if it has one).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Line and column in the whole file.
    pub at: Location,
    /// The tag.
    pub tag: Tag,
    /// The content.
    pub kind: Kind,
}

/// A scalar resolved as serde_yaml resolves it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar<'a> {
    /// `~`, `null`, nothing.
    Null,
    /// `true`, `False`...
    Bool(bool),
    /// An integer that fits u64 or i64, as Rust prints it (`0x1F` → `31`).
    Int(String),
    /// A finite float or `.inf`/`.nan`: `debug` as Rust's `{:?}` prints the f64 (the value's
    /// text), `display` as serde words it in a type error.
    Float {
        /// `1000.0`, `1e16`, `inf`, `NaN`.
        debug: String,
        /// `1000.0`, `10000000000000000.0`, `inf`, `NaN`.
        display: String,
    },
    /// Text.
    Str(&'a str),
    /// What serde_yaml refused: an integer beyond i64/u64 (`integer `N` as u128`), or a value
    /// that does not fit its tag. `.0` is the expected part of the message, if any.
    Invalid(Option<&'static str>, String),
}

impl Node {
    /// Resolves a scalar node (tagged or not); `None` for collections.
    pub(crate) fn scalar(&self) -> Option<Scalar<'_>> {
        let Kind::Scalar(text, style) = &self.kind else {
            return None;
        };
        let text = text.as_str();
        let typed = |expected: &'static str, value: Option<Scalar<'static>>| {
            value.unwrap_or_else(|| Scalar::Invalid(Some(expected), quoted(text)))
        };
        Some(match self.tag {
            Tag::Bool => typed("a boolean", parse_bool(text).map(Scalar::Bool)),
            Tag::Int => match int(text) {
                Some(value) => value,
                None => Scalar::Invalid(Some("an integer"), quoted(text)),
            },
            Tag::Float => typed("a float", float(text)),
            Tag::Null => typed("null", is_null(text).then_some(Scalar::Null)),
            Tag::None if *style == Style::Plain => plain(text),
            _ => Scalar::Str(text),
        })
    }
}

/// serde's words for a string in an error: `string "abc"`.
fn quoted(text: &str) -> String {
    let mut out = String::from("string ");
    out.push_str(&text::quoted(text));
    out
}

/// An untagged plain scalar, as serde_yaml's `visit_untagged_scalar`.
fn plain(text: &str) -> Scalar<'_> {
    if text.is_empty() || is_null(text) {
        return Scalar::Null;
    }
    if let Some(b) = parse_bool(text) {
        return Scalar::Bool(b);
    }
    if let Some(value) = int(text) {
        return value;
    }
    if !digits_but_not_number(text) {
        if let Some(value) = float(text) {
            return value;
        }
    }
    Scalar::Str(text)
}

fn is_null(text: &str) -> bool {
    matches!(text, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Leading zeros followed by digits are text in YAML 1.2.
fn digits_but_not_number(text: &str) -> bool {
    let text = text.strip_prefix(['-', '+']).unwrap_or(text);
    text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit())
}

/// Rust's `from_str_radix` into sign and magnitude; `None` when it fails or passes u128.
fn radix(text: &str, base: u32, signed: bool) -> Option<(bool, u128)> {
    let (negative, digits) = match text.strip_prefix('+') {
        Some(rest) => (false, rest),
        None => match text.strip_prefix('-') {
            Some(rest) if signed => (true, rest),
            _ => (false, text),
        },
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: u128 = 0;
    for c in digits.chars() {
        let digit = c.to_digit(base)?;
        value = value
            .checked_mul(u128::from(base))?
            .checked_add(u128::from(digit))?;
    }
    Some((negative, value))
}

const I64_MIN_MAGNITUDE: u128 = 1 << 63;
const I128_MIN_MAGNITUDE: u128 = 1 << 127;

/// serde_yaml's `parse_unsigned_int`, up to `max`.
fn unsigned(text: &str, max: u128) -> Option<u128> {
    let fits = |parsed: Option<(bool, u128)>| match parsed {
        Some((false, value)) if value <= max => Some(value),
        _ => None,
    };
    let unpositive = text.strip_prefix('+').unwrap_or(text);
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Some(value) = fits(radix(rest, base, false)) {
                return Some(value);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(text) {
        return None;
    }
    fits(radix(unpositive, 10, false))
}

/// serde_yaml's `parse_negative_int`: (negative, magnitude) within the signed type whose
/// smallest value is minus `min_magnitude`.
fn negative(text: &str, min_magnitude: u128) -> Option<(bool, u128)> {
    let fits = |parsed: Option<(bool, u128)>| match parsed {
        Some((true, value)) if value <= min_magnitude => Some((true, value)),
        Some((false, value)) if value < min_magnitude => Some((false, value)),
        _ => None,
    };
    for (prefix, base) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            // serde_yaml parses "-" + rest, so a sign in `rest` fails.
            if !rest.starts_with(['+', '-']) {
                if let Some((_, value)) = fits(radix(rest, base, false).map(|(_, v)| (true, v))) {
                    return Some((true, value));
                }
            }
        }
    }
    if digits_but_not_number(text) {
        return None;
    }
    fits(radix(text, 10, true))
}

/// u128 in decimal, without the formatting machinery for u128.
fn decimal(mut value: u128) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (value % 10) as u8);
        value /= 10;
        if value == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// serde_yaml's `visit_int`: u64, i64, then u128 and i128 (which serde refuses).
fn int(text: &str) -> Option<Scalar<'static>> {
    if let Some(value) = unsigned(text, u128::from(u64::MAX)) {
        return Some(Scalar::Int(decimal(value)));
    }
    let signed_text = |(negative, value): (bool, u128)| {
        let mut out = String::new();
        if negative && value != 0 {
            out.push('-');
        }
        out.push_str(&decimal(value));
        out
    };
    if let Some(value) = negative(text, I64_MIN_MAGNITUDE) {
        return Some(Scalar::Int(signed_text(value)));
    }
    if let Some(value) = unsigned(text, u128::MAX) {
        let mut out = String::from("integer `");
        out.push_str(&decimal(value));
        out.push_str("` as u128");
        return Some(Scalar::Invalid(None, out));
    }
    if let Some(value) = negative(text, I128_MIN_MAGNITUDE) {
        let mut out = String::from("integer `");
        out.push_str(&signed_text(value));
        out.push_str("` as i128");
        return Some(Scalar::Invalid(None, out));
    }
    None
}

/// The smallest magnitude that rounds to infinity (2^1024 - 2^970), first digits; times 1e308.
const OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132";
/// Half the smallest subnormal (2^-1075), first digits; times 1e-324. At most this rounds to 0.
const UNDERFLOW_DIGITS: &[u8] = b"2470328229206232720882843964341106861825299013";

/// serde_yaml's `parse_f64`, canonicalised as Rust prints the f64 with `{:?}`, without parsing
/// a float: up to 15 significant digits the shortest text that reads back as the same f64 is
/// those digits themselves (f64 holds 15 decimal digits exactly).
///
/// Where this may differ from the previous reader (which parsed with `str::parse::<f64>`):
/// with more than 15 significant digits we round to 17 (enough to tell any two f64 apart, but
/// not always the shortest text: `0.1000000000000000055511` reads as `0.10000000000000001`, not
/// `0.1`), and subnormal magnitudes (below 2.2250738585072014e-308) keep their digits.
fn float(text: &str) -> Option<Scalar<'static>> {
    let unpositive = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    let special = |s: &str| {
        Some(Scalar::Float {
            debug: s.to_owned(),
            display: s.to_owned(),
        })
    };
    if matches!(unpositive, ".inf" | ".Inf" | ".INF") {
        return special("inf");
    }
    if matches!(text, "-.inf" | "-.Inf" | "-.INF") {
        return special("-inf");
    }
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return special("NaN");
    }
    // Rust's grammar: sign? (digits ('.' digits?)? | '.' digits) (('e'|'E') sign? digits)?
    let (minus, body) = match unpositive.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, unpositive.strip_prefix('+').unwrap_or(unpositive)),
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new();
    let mut point: i64 = 0;
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        digits.push(b);
        point += 1;
        i += 1;
    }
    let mut any = !digits.is_empty();
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            digits.push(b);
            any = true;
            i += 1;
        }
    }
    if !any {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let exp_minus = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut exp: i64 = 0;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            exp = (exp * 10 + i64::from(b - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        point += if exp_minus { -exp } else { exp };
    }
    if i != bytes.len() {
        return None;
    }
    // Significant digits only: value = 0.DIGITS × 10^point.
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    point -= leading as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    let sign = if minus { "-" } else { "" };
    let zero = || {
        let text = format!("{sign}0.0");
        Some(Scalar::Float {
            debug: text.clone(),
            display: text,
        })
    };
    if digits.is_empty() {
        return zero();
    }
    let exponent = point - 1;
    if exponent > 308 || (exponent == 308 && digits.as_slice() >= OVERFLOW_DIGITS) {
        return None;
    }
    if exponent < -324 || (exponent == -324 && digits.as_slice() <= UNDERFLOW_DIGITS) {
        return zero();
    }
    if digits.len() > 17 {
        let round_up = digits.get(17).is_some_and(|&d| d >= b'5');
        digits.truncate(17);
        if round_up {
            let mut carry = true;
            for d in digits.iter_mut().rev() {
                if *d == b'9' {
                    *d = b'0';
                } else {
                    *d += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                digits.insert(0, b'1');
                digits.truncate(17);
                point += 1;
            }
        }
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
    let digits: String = digits.iter().map(|&d| char::from(d)).collect();
    // Within ±324 here (checked above).
    let first = i32::try_from(point - 1).unwrap_or(0);
    let text = |layout| {
        let mut out = String::from(sign);
        number::push_digits(&mut out, &digits, first, layout);
        out
    };
    Some(Scalar::Float {
        debug: text(Layout::Debug),
        display: text(Layout::Serde),
    })
}

// ---------------------------------------------------------------------------------------------
// The parser.

/// Reads `text`, the YAML that starts on line `first_line` of the file, into its one document.
pub(crate) fn read(text: &str, first_line: usize) -> Result<Node, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    let mut parser = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        line: 0,
        col: 0,
        offset: first_line.saturating_sub(1),
        depth: 0,
        buckets: Vec::new(),
        done: Vec::new(),
        jumps: 0,
        events: 0,
        expanded: 0,
    };
    parser.check_characters()?;
    let node = parser.document()?;
    if parser.jumps > parser.events.saturating_mul(100) {
        return Err(Error::syntax(TOO_MANY_ALIASES, None));
    }
    Ok(node)
}

/// A place to come back to.
#[derive(Clone, Copy)]
struct State {
    pos: usize,
    line: usize,
    col: usize,
}

/// No anchor: the end of a bucket's chain.
const NONE: usize = usize::MAX;

/// An anchor: its name, the anchor of the same name it hides, where it is, the alias count
/// when it started, and its node once read (`None` while still being read).
struct Anchor<'a> {
    name: &'a str,
    /// The anchor defined before this one in the same bucket of `buckets` (`NONE` if none).
    next: usize,
    at: Location,
    jumps: u64,
    node: Option<Anchored>,
}

/// An anchored node once read, with how many alias expansions it holds.
struct Anchored {
    node: Node,
    jumps: u64,
    size: usize,
    height: usize,
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    /// Line, from 0, in the YAML text.
    line: usize,
    /// Column in characters, from 0.
    col: usize,
    offset: usize,
    depth: usize,
    /// A hash table of the anchors: for each bucket, the number in `done` of the latest anchor
    /// whose name hashes there (`NONE` if none); each anchor links to the one before it in its
    /// bucket. Latest first, so a redefined name finds its newest anchor, and forgetting the
    /// newest anchors is popping them. (A `HashMap` would add its code to the wasm.)
    buckets: Vec<usize>,
    /// The anchors in the order they were defined.
    done: Vec<Anchor<'a>>,
    /// Alias expansions, counted as serde_yaml counted them.
    jumps: u64,
    /// serde_yaml's events: scalars, aliases, collection starts and ends.
    events: u64,
    /// Nodes copied by aliases.
    expanded: usize,
}

/// Where a block node is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The document's node, or one after `---` on its line.
    Document,
    /// After `key:`.
    Value,
    /// After `- `.
    Entry,
    /// After `? `.
    Key,
}

/// Properties read before a node.
#[derive(Clone, Copy)]
struct Props {
    at: Option<Location>,
    /// The anchor's number in `Parser::done`.
    anchor: Option<usize>,
    tag: Tag,
}

impl Props {
    const NONE: Props = Props {
        at: None,
        anchor: None,
        tag: Tag::None,
    };
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> Parser<'a> {
    // --- Cursor --------------------------------------------------------------------------------

    fn peek(&self) -> u8 {
        self.at(0)
    }

    fn at(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// True when the byte `ahead` is a blank, a line break or the end.
    fn blankz(&self, ahead: usize) -> bool {
        matches!(self.at(ahead), b' ' | b'\t' | b'\n' | 0) && !self.is_nul(ahead)
    }

    /// A NUL byte in the text (not the end): never allowed, see `check_characters`.
    fn is_nul(&self, ahead: usize) -> bool {
        self.pos + ahead < self.src.len() && self.at(ahead) == 0
    }

    fn advance(&mut self) {
        let Some(&b) = self.src.get(self.pos) else {
            return;
        };
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 0;
        } else if b & 0xC0 != 0x80 {
            self.col += 1;
        }
        // Continuation bytes of a character: no column of their own.
        while self.src.get(self.pos).is_some_and(|&b| b & 0xC0 == 0x80) {
            self.pos += 1;
        }
    }

    fn state(&self) -> State {
        State {
            pos: self.pos,
            line: self.line,
            col: self.col,
        }
    }

    fn restore(&mut self, state: State) {
        self.pos = state.pos;
        self.line = state.line;
        self.col = state.col;
    }

    fn mark(&self) -> Location {
        Location {
            line: self.line + 1 + self.offset,
            column: self.col + 1,
        }
    }

    fn error(&self, at: Location, message: &str) -> Error {
        Error::syntax(format!("YAML syntax error: {message}"), Some(at))
    }

    fn fail<T>(&self, message: &str) -> Result<T, Error> {
        Err(self.error(self.mark(), message))
    }

    /// After an entry of a flow collection (a `what` that starts at `at`): `,` means another
    /// entry (false), `close` the end (true); anything else is an error.
    fn flow_next(&mut self, close: &str, what: &str, at: Location) -> Result<bool, Error> {
        let byte = self.peek();
        if byte == b',' || close.as_bytes() == [byte] {
            self.advance();
            return Ok(byte != b',');
        }
        let message = if self.eof() {
            let (line, column) = (at.line.to_string(), at.column.to_string());
            [
                "the ",
                what,
                " that starts at line ",
                &line,
                ", column ",
                &column,
                " is never closed with `",
                close,
                "`",
            ]
            .concat()
        } else {
            ["expected `,` or `", close, "` in this ", what].concat()
        };
        self.fail(&message)
    }

    fn slice(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or("")
    }

    /// `---` or `...` at the start of a line, followed by a blank or the end.
    fn at_document_marker(&self) -> bool {
        self.col == 0
            && ((self.at(0) == b'-' && self.at(1) == b'-' && self.at(2) == b'-')
                || (self.at(0) == b'.' && self.at(1) == b'.' && self.at(2) == b'.'))
            && self.blankz(3)
    }

    /// YAML allows tab, line feed and printable characters only.
    fn check_characters(&mut self) -> Result<(), Error> {
        let mut line = 0;
        let mut col = 0;
        for c in self.text.chars() {
            let allowed = matches!(c, '\t' | '\n' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
            if !allowed {
                let at = Location {
                    line: line + 1 + self.offset,
                    column: col + 1,
                };
                let message = format!(
                    "the control character U+{:04X} is not allowed in YAML",
                    u32::from(c)
                );
                return Err(self.error(at, &message));
            }
            if c == '\n' {
                line += 1;
                col = 0;
            } else {
                col += 1;
            }
        }
        Ok(())
    }

    // --- Whitespace ------------------------------------------------------------------------------

    /// Skips blanks (tabs too when `tabs`), a comment and line breaks, to the next token or the
    /// end. True when a line break was crossed. In block context a tab where a token could start
    /// (at the start of a line, after `:`, `-` or `?`) is an error, as in YAML.
    fn skip_to_token(&mut self, flow: bool, mut tabs: bool) -> Result<bool, Error> {
        let mut crossed = false;
        loop {
            while self.peek() == b' ' || (self.peek() == b'\t' && (tabs || flow)) {
                self.advance();
            }
            match self.peek() {
                b'#' => {
                    while !self.eof() && self.peek() != b'\n' {
                        self.advance();
                    }
                }
                b'\n' => {
                    self.advance();
                    crossed = true;
                    tabs = false;
                }
                b'\t' => {
                    return self
                        .fail("a tab character is not allowed here: YAML indents with spaces")
                }
                _ => return Ok(crossed),
            }
        }
    }

    /// After a node on its line: only blanks and a comment may follow, then a line break.
    fn end_of_line(&mut self) -> Result<(), Error> {
        while is_blank(self.peek()) {
            self.advance();
        }
        if self.peek() == b'#' || self.peek() == b'\n' || self.eof() {
            return Ok(());
        }
        if self.peek() == b':' && self.blankz(1) {
            return self.fail("a mapping value (`key: value`) is not allowed here");
        }
        if self.peek() == b'-' && self.blankz(1) {
            return self.fail("a list entry (`- `) is not allowed here");
        }
        self.fail("unexpected text after the value (put text with `: ` or ` #` in quotes)")
    }

    // --- Documents -----------------------------------------------------------------------------

    fn document(&mut self) -> Result<Node, Error> {
        self.skip_to_token(false, false)?;
        if self.at_document_marker() && self.peek() == b'.' {
            return self.fail("a `...` line ends a document, but none has started");
        }
        let mut directives = false;
        while self.col == 0 && self.peek() == b'%' {
            self.directive()?;
            directives = true;
            self.skip_to_token(false, false)?;
        }
        let started = self.at_document_marker() && self.peek() == b'-';
        if directives && !started {
            return self.fail("a `---` line must follow the `%` directives");
        }
        let node = if started {
            self.advance();
            self.advance();
            self.advance();
            let after = self.mark();
            let crossed = self.skip_to_token(false, true)?;
            if self.eof() || (crossed && self.at_document_marker()) {
                self.events += 1;
                Node {
                    at: self.end_mark(),
                    tag: Tag::None,
                    kind: Kind::Scalar(String::new(), Style::Plain),
                }
            } else {
                self.block_node(-1, Ctx::Document, !crossed, after)?
            }
        } else if self.eof() {
            // Only comments: no node at all (serde_yaml's Void), placed at the end.
            return Ok(Node {
                at: self.end_mark(),
                tag: Tag::None,
                kind: Kind::Empty,
            });
        } else {
            self.block_node(-1, Ctx::Document, false, self.mark())?
        };
        self.skip_to_token(false, false)?;
        self.skip_end_markers()?;
        if self.eof() {
            return Ok(node);
        }
        if self.at_document_marker() || (self.col == 0 && self.peek() == b'%') {
            return self
                .fail("a second document starts here: a product file holds one YAML document");
        }
        self.fail("unexpected text: this does not continue the YAML above (check its indentation)")
    }

    /// Skips `...` lines (ends of documents).
    fn skip_end_markers(&mut self) -> Result<(), Error> {
        while self.at_document_marker() && self.peek() == b'.' {
            self.advance();
            self.advance();
            self.advance();
            self.skip_to_token(false, true)?;
        }
        Ok(())
    }

    /// The end of the text, as libyaml places it: on a line of its own.
    fn end_mark(&self) -> Location {
        if self.eof() && self.col != 0 {
            Location {
                line: self.line + 2 + self.offset,
                column: 1,
            }
        } else {
            self.mark()
        }
    }

    fn directive(&mut self) -> Result<(), Error> {
        let start = self.pos;
        while !self.eof() && self.peek() != b'\n' {
            self.advance();
        }
        let line = self.slice(start);
        let line = line.split(" #").next().unwrap_or(line);
        let mut words = line.split_whitespace();
        if words.next() == Some("%YAML") {
            let version = words.next().unwrap_or("");
            if !(version.starts_with("1.") && version.len() > 2) {
                return Err(self.error(
                    Location {
                        line: self.line + 1 + self.offset,
                        column: 1,
                    },
                    "only YAML version 1 is supported (`%YAML 1.2`)",
                ));
            }
        }
        Ok(())
    }

    // --- Block context -------------------------------------------------------------------------

    /// Reads a node in block context. `indent`: the column of the enclosing block collection
    /// (-1 for the document); `inline`: the node starts on the line of its `key:`, `- `, `? ` or
    /// `---`; `empty_at`: where an empty node is placed.
    fn block_node(
        &mut self,
        indent: isize,
        ctx: Ctx,
        inline: bool,
        empty_at: Location,
    ) -> Result<Node, Error> {
        let mut props = Props::NONE;
        let mut inline = inline;
        // Properties on the line of a key belong to the key; on a line of their own, to the
        // collection below them.
        if matches!(self.peek(), b'&' | b'!') {
            let before = self.state();
            let anchors = self.done.len();
            props = self.properties()?;
            let crossed = self.skip_to_token(false, true)?;
            if crossed {
                inline = false;
            } else if self.block_allowed(ctx, inline) && self.key_ahead() {
                self.restore(before);
                self.forget_anchors(anchors);
                props = Props::NONE;
            }
        }
        let column = self.col as isize;
        let seq_here = self.peek() == b'-' && self.blankz(1);
        let empty = if inline {
            self.eof()
        } else {
            self.eof()
                || self.at_document_marker()
                || column < indent
                || (column == indent && !(ctx == Ctx::Value && seq_here))
        };
        if empty {
            self.events += 1;
            let node = Node {
                at: empty_at,
                tag: Tag::None,
                kind: Kind::Scalar(String::new(), Style::Plain),
            };
            return self.finish(props, node);
        }
        let block_ok = self.block_allowed(ctx, inline);
        let at = props.at.unwrap_or_else(|| self.mark());
        let b = self.peek();
        let node = if seq_here {
            if !block_ok {
                return self.fail("a list entry (`- `) is not allowed here");
            }
            self.block_seq(at)?
        } else if b == b'?' && self.blankz(1) {
            if !block_ok {
                return self.fail("an explicit key (`? `) is not allowed here");
            }
            self.block_map(at)?
        } else if b == b'|' || b == b'>' {
            let text = self.block_scalar(indent)?;
            self.events += 1;
            self.skip_to_token(false, false)?;
            Node {
                at,
                tag: Tag::None,
                kind: Kind::Scalar(text, Style::Block),
            }
        } else if block_ok && self.key_ahead() {
            self.block_map(at)?
        } else {
            let node = self.flow_node(Some(indent), false)?;
            self.end_of_line()?;
            self.skip_to_token(false, false)?;
            node
        };
        self.finish(props, node)
    }

    fn block_allowed(&self, ctx: Ctx, inline: bool) -> bool {
        !inline || matches!(ctx, Ctx::Entry | Ctx::Key)
    }

    /// Applies properties read before a node: its tag, its place, and its anchor.
    fn finish(&mut self, props: Props, mut node: Node) -> Result<Node, Error> {
        if props.tag != Tag::None {
            node.tag = props.tag;
        }
        if let Some(at) = props.at {
            node.at = at;
        }
        if let Some(number) = props.anchor {
            self.complete_anchor(number, &node);
        }
        Ok(node)
    }

    /// A block sequence whose first `-` is under the cursor.
    fn block_seq(&mut self, at: Location) -> Result<Node, Error> {
        self.enter(at)?;
        let column = self.col;
        let mut items = Vec::new();
        loop {
            self.advance();
            let empty_at = self.mark();
            let crossed = self.skip_to_token(false, false)?;
            let item = self.block_node(column as isize, Ctx::Entry, !crossed, empty_at)?;
            items.push(item);
            if self.eof() || self.at_document_marker() || self.col < column {
                break;
            }
            if self.col == column {
                if self.peek() == b'-' && self.blankz(1) {
                    continue;
                }
                break;
            }
            return self.fail("this line is indented more than the list entries above it");
        }
        self.leave();
        Ok(Node {
            at,
            tag: Tag::None,
            kind: Kind::Seq(items),
        })
    }

    /// A block mapping whose first key is under the cursor.
    fn block_map(&mut self, at: Location) -> Result<Node, Error> {
        self.enter(at)?;
        let column = self.col;
        let mut entries = Vec::new();
        loop {
            let explicit = self.peek() == b'?' && self.blankz(1);
            let key = if explicit {
                self.advance();
                let empty_at = self.mark();
                let crossed = self.skip_to_token(false, false)?;
                let key = self.block_node(column as isize, Ctx::Key, !crossed, empty_at)?;
                if self.eof() || !(self.col == column && self.peek() == b':' && self.blankz(1)) {
                    // `? key` without a value.
                    self.events += 1;
                    let value = Node {
                        at: self.mark(),
                        tag: Tag::None,
                        kind: Kind::Scalar(String::new(), Style::Plain),
                    };
                    entries.push((key, value));
                    if self.eof() || self.at_document_marker() || self.col < column {
                        break;
                    }
                    if self.col == column {
                        continue;
                    }
                    return self.fail("this line is indented more than the keys above it");
                }
                key
            } else {
                let props = self.properties()?;
                if props.at.is_some() {
                    while is_blank(self.peek()) {
                        self.advance();
                    }
                }
                let start = self.line;
                let key = if self.peek() == b':' && self.blankz(1) {
                    self.events += 1;
                    Node {
                        at: self.mark(),
                        tag: Tag::None,
                        kind: Kind::Scalar(String::new(), Style::Plain),
                    }
                } else {
                    if self.peek() == b'-' && self.blankz(1) {
                        return self.fail(
                            "a list entry (`- `) is not allowed here: the lines above are `key: value` fields",
                        );
                    }
                    self.flow_node(None, true)?
                };
                let key = self.finish(props, key)?;
                while is_blank(self.peek()) {
                    self.advance();
                }
                if self.line != start || !(self.peek() == b':' && self.blankz(1)) {
                    return Err(self.error(
                        key.at,
                        "expected `key: value` here, but found no `: ` after the key on its line",
                    ));
                }
                key
            };
            // The `:`. After an implicit key, tabs may separate the value.
            self.advance();
            let empty_at = self.mark();
            let crossed = self.skip_to_token(false, !explicit)?;
            let value = self.block_node(column as isize, Ctx::Value, !crossed, empty_at)?;
            entries.push((key, value));
            if self.eof() || self.at_document_marker() || self.col < column {
                break;
            }
            if self.col == column {
                continue;
            }
            return self.fail("this line is indented more than the keys above it");
        }
        self.leave();
        Ok(Node {
            at,
            tag: Tag::None,
            kind: Kind::Map(entries),
        })
    }

    /// True when a single-line key followed by `: ` starts at the cursor.
    fn key_ahead(&mut self) -> bool {
        let state = self.state();
        let saved = (self.depth, self.events, self.jumps, self.expanded);
        let anchors = self.done.len();
        let line = self.line;
        let found = self.properties().is_ok() && {
            while is_blank(self.peek()) {
                self.advance();
            }
            if self.peek() == b':' && self.blankz(1) {
                true
            } else if self.peek() == b'-' && self.blankz(1) {
                false
            } else {
                self.flow_node(None, true).is_ok() && {
                    while is_blank(self.peek()) {
                        self.advance();
                    }
                    self.line == line && self.peek() == b':' && self.blankz(1)
                }
            }
        };
        self.restore(state);
        (self.depth, self.events, self.jumps, self.expanded) = saved;
        self.forget_anchors(anchors);
        found
    }

    /// A `|` or `>` block scalar; `indent` is the enclosing collection's column.
    fn block_scalar(&mut self, indent: isize) -> Result<String, Error> {
        let folded = self.peek() == b'>';
        self.advance();
        let mut chomp = 0i8;
        let mut increment = 0usize;
        for _ in 0..2 {
            match self.peek() {
                b'+' | b'-' if chomp == 0 => {
                    chomp = if self.peek() == b'+' { 1 } else { -1 };
                    self.advance();
                }
                b'1'..=b'9' if increment == 0 => {
                    increment = usize::from(self.peek() - b'0');
                    self.advance();
                }
                b'0' => return self.fail("a block scalar's indentation indicator must be 1 to 9"),
                _ => {}
            }
        }
        while is_blank(self.peek()) {
            self.advance();
        }
        if self.peek() == b'#' {
            while !self.eof() && self.peek() != b'\n' {
                self.advance();
            }
        }
        if !(self.eof() || self.peek() == b'\n') {
            return self.fail("only a comment may follow `|` or `>` on its line");
        }
        self.advance();
        let mut block_indent = if increment > 0 {
            if indent >= 0 {
                indent as usize + increment
            } else {
                increment
            }
        } else {
            0
        };
        let mut text = String::new();
        let mut leading_break = String::new();
        let mut trailing = String::new();
        let mut leading_blank = false;
        self.block_breaks(&mut block_indent, &mut trailing, indent)?;
        while self.col == block_indent && !self.eof() {
            let trailing_blank = is_blank(self.peek());
            if folded && leading_break.starts_with('\n') && !leading_blank && !trailing_blank {
                if trailing.is_empty() {
                    text.push(' ');
                }
                leading_break.clear();
            } else {
                text.push_str(&leading_break);
                leading_break.clear();
            }
            text.push_str(&trailing);
            trailing.clear();
            leading_blank = is_blank(self.peek());
            let from = self.pos;
            while !self.eof() && self.peek() != b'\n' {
                self.advance();
            }
            text.push_str(self.slice(from));
            if self.eof() {
                break;
            }
            self.advance();
            leading_break.push('\n');
            self.block_breaks(&mut block_indent, &mut trailing, indent)?;
        }
        if chomp != -1 {
            text.push_str(&leading_break);
        }
        if chomp == 1 {
            text.push_str(&trailing);
        }
        Ok(text)
    }

    /// libyaml's `scan_block_scalar_breaks`: indentation and empty lines.
    fn block_breaks(
        &mut self,
        block_indent: &mut usize,
        breaks: &mut String,
        indent: isize,
    ) -> Result<(), Error> {
        let mut max_indent = 0;
        loop {
            while (*block_indent == 0 || self.col < *block_indent) && self.peek() == b' ' {
                self.advance();
            }
            max_indent = max_indent.max(self.col);
            if (*block_indent == 0 || self.col < *block_indent) && self.peek() == b'\t' {
                return self.fail("a tab character cannot indent a block scalar (use spaces)");
            }
            if self.peek() != b'\n' {
                break;
            }
            self.advance();
            breaks.push('\n');
        }
        if *block_indent == 0 {
            *block_indent = max_indent.max((indent + 1).max(1) as usize);
        }
        Ok(())
    }

    // --- Flow context and scalars ----------------------------------------------------------

    /// Anchor and tag before a node, in either order, on one line; the cursor ends right after
    /// the last one.
    fn properties(&mut self) -> Result<Props, Error> {
        let mut props = Props::NONE;
        loop {
            let at = self.mark();
            match self.peek() {
                b'&' if props.anchor.is_none() => {
                    self.advance();
                    let name = self.anchor_name()?;
                    props.anchor = Some(self.start_anchor(name, at));
                }
                b'!' if props.tag == Tag::None => props.tag = self.tag()?,
                _ => return Ok(props),
            }
            props.at.get_or_insert(at);
            let before = self.state();
            while is_blank(self.peek()) {
                self.advance();
            }
            if !matches!(self.peek(), b'&' | b'!') {
                self.restore(before);
                return Ok(props);
            }
        }
    }

    fn anchor_name(&mut self) -> Result<&'a str, Error> {
        let start = self.pos;
        while self.peek().is_ascii_alphanumeric() || matches!(self.peek(), b'_' | b'-') {
            self.advance();
        }
        let name = self.slice(start);
        if name.is_empty()
            || !(self.blankz(0)
                || matches!(
                    self.peek(),
                    b'?' | b':' | b',' | b']' | b'}' | b'%' | b'@' | b'`'
                ))
        {
            return self.fail("an anchor or alias name may hold only letters, digits, `-` and `_`");
        }
        Ok(name)
    }

    fn tag(&mut self) -> Result<Tag, Error> {
        let start = self.pos;
        self.advance();
        if self.peek() == b'<' {
            while !self.eof() && self.peek() != b'>' && !self.blankz(0) {
                self.advance();
            }
            if self.peek() != b'>' {
                return self.fail("a verbatim tag `!<...>` is never closed");
            }
            self.advance();
            let verbatim = self.slice(start);
            let inner = verbatim
                .get(2..verbatim.len().saturating_sub(1))
                .unwrap_or("");
            return Ok(match inner.strip_prefix("tag:yaml.org,2002:") {
                Some(name) => core_tag(name),
                None if inner.starts_with('!') => Tag::Local,
                None => Tag::Other,
            });
        }
        while !self.blankz(0) && !is_flow_indicator(self.peek()) {
            self.advance();
        }
        let tag = self.slice(start);
        Ok(match tag.strip_prefix("!!") {
            Some(name) => core_tag(name),
            None => Tag::Local,
        })
    }

    /// A node in flow style: alias, quoted or plain scalar, flow collection. `indent`: the
    /// enclosing block collection's column when in block context (plain scalars continue on
    /// lines indented more); `key`: a block mapping key, on one line.
    fn flow_node(&mut self, indent: Option<isize>, key: bool) -> Result<Node, Error> {
        let props = self.properties()?;
        if props.at.is_some() {
            if indent.is_some() || key {
                while is_blank(self.peek()) {
                    self.advance();
                }
            } else {
                self.skip_to_token(true, true)?;
            }
        }
        let at = props.at.unwrap_or_else(|| self.mark());
        let in_flow = indent.is_none() && !key;
        let node = match self.peek() {
            b'*' => {
                if props.at.is_some() {
                    return self.fail("an alias (`*name`) cannot have an anchor or a tag");
                }
                self.advance();
                let name = self.anchor_name()?;
                return self.alias(name, at);
            }
            b'[' => self.flow_seq(at, key)?,
            b'{' => self.flow_map(at, key)?,
            b'"' | b'\'' => {
                let text = self.quoted(key)?;
                self.events += 1;
                Node {
                    at,
                    tag: Tag::None,
                    kind: Kind::Scalar(text, Style::Quoted),
                }
            }
            b if self.plain_starts(b, in_flow) => {
                let text = self.plain(indent, in_flow, key)?;
                self.events += 1;
                Node {
                    at,
                    tag: Tag::None,
                    kind: Kind::Scalar(text, Style::Plain),
                }
            }
            b':' if in_flow => return self.fail("a key is missing before this `:`"),
            _ if in_flow && (matches!(self.peek(), b',' | b']' | b'}') || props.at.is_some()) => {
                self.events += 1;
                Node {
                    at,
                    tag: Tag::None,
                    kind: Kind::Scalar(String::new(), Style::Plain),
                }
            }
            b'@' | b'`' => {
                return self.fail("`@` and `` ` `` cannot start a value: put it in quotes")
            }
            b'|' | b'>' => return self.fail("a block scalar (`|` or `>`) is not allowed here"),
            b'%' => return self.fail("`%` cannot start a value here: put it in quotes"),
            _ if props.at.is_some() => {
                self.events += 1;
                Node {
                    at,
                    tag: Tag::None,
                    kind: Kind::Scalar(String::new(), Style::Plain),
                }
            }
            _ => return self.fail("expected a value here"),
        };
        self.finish(props, node)
    }

    /// Can `b` start a plain scalar here?
    fn plain_starts(&self, b: u8, flow: bool) -> bool {
        match b {
            _ if self.eof() || self.blankz(0) => false,
            b'-' => !is_blank(self.at(1)),
            b'?' | b':' => !flow && !self.blankz(1),
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' => false,
            _ => true,
        }
    }

    /// A plain scalar, folded as libyaml folds it; the cursor ends right after its last
    /// character. `indent`: the enclosing block collection's column (continuation lines must be
    /// indented more), `None` in flow context and for keys.
    fn plain(
        &mut self,
        indent: Option<isize>,
        flow: bool,
        single_line: bool,
    ) -> Result<String, Error> {
        let min_col = indent.map_or(0, |indent| indent + 1);
        let mut text = String::new();
        let mut end = self.state();
        let mut whitespace = String::new();
        let mut leading_break = false;
        let mut trailing_breaks = 0usize;
        'scalar: loop {
            if self.at_document_marker() || self.peek() == b'#' {
                break;
            }
            while !self.blankz(0) {
                let b = self.peek();
                if flow
                    && b == b':'
                    && matches!(self.at(1), b',' | b'?' | b'[' | b']' | b'{' | b'}')
                {
                    return self.fail("unexpected `:` in a plain value inside `[...]` or `{...}`");
                }
                if (b == b':' && self.blankz(1)) || (flow && is_flow_indicator(b)) {
                    break;
                }
                if leading_break {
                    if trailing_breaks == 0 {
                        text.push(' ');
                    } else {
                        text.extend((0..trailing_breaks).map(|_| '\n'));
                    }
                    leading_break = false;
                    trailing_breaks = 0;
                } else {
                    text.push_str(&whitespace);
                }
                whitespace.clear();
                let from = self.pos;
                self.advance();
                text.push_str(self.slice(from));
                end = self.state();
            }
            if !(is_blank(self.peek()) || self.peek() == b'\n') {
                break;
            }
            while is_blank(self.peek()) || self.peek() == b'\n' {
                if is_blank(self.peek()) {
                    if leading_break && (self.col as isize) < min_col && self.peek() == b'\t' {
                        return self
                            .fail("a tab character cannot indent the continuation of a value");
                    }
                    if !leading_break {
                        whitespace.push(char::from(self.peek()));
                    }
                } else if single_line {
                    break 'scalar;
                } else if !leading_break {
                    whitespace.clear();
                    leading_break = true;
                } else {
                    trailing_breaks += 1;
                }
                self.advance();
            }
            if !flow && (self.col as isize) < min_col {
                break;
            }
        }
        self.restore(end);
        Ok(text)
    }

    /// A single- or double-quoted scalar; `single_line` for block mapping keys.
    fn quoted(&mut self, single_line: bool) -> Result<String, Error> {
        let start = self.mark();
        let single = self.peek() == b'\'';
        self.advance();
        let mut text = String::new();
        loop {
            if self.at_document_marker() {
                return self.fail("a `---` or `...` line cannot be inside quoted text");
            }
            if self.eof() {
                return Err(self.error(start, "this quoted text is never closed"));
            }
            // Non-blank characters.
            while !self.eof() && !is_blank(self.peek()) && self.peek() != b'\n' {
                let b = self.peek();
                if single && b == b'\'' && self.at(1) == b'\'' {
                    text.push('\'');
                    self.advance();
                    self.advance();
                } else if b == if single { b'\'' } else { b'"' } {
                    self.advance();
                    return Ok(text);
                } else if !single && b == b'\\' && self.at(1) == b'\n' {
                    self.advance();
                    self.advance();
                    while is_blank(self.peek()) {
                        self.advance();
                    }
                    self.quoted_breaks(&mut text, true, single_line)?;
                    continue;
                } else if !single && b == b'\\' {
                    self.escape(&mut text)?;
                } else {
                    let from = self.pos;
                    self.advance();
                    text.push_str(self.slice(from));
                }
            }
            if self.eof() {
                return Err(self.error(start, "this quoted text is never closed"));
            }
            self.quoted_breaks(&mut text, false, single_line)?;
        }
    }

    /// Blanks and line breaks inside quotes: kept on a line, folded across lines.
    fn quoted_breaks(
        &mut self,
        text: &mut String,
        escaped: bool,
        single_line: bool,
    ) -> Result<(), Error> {
        let ws_start = self.pos;
        let mut leading_break = escaped;
        let mut trailing = 0usize;
        let mut first_break = !escaped;
        while is_blank(self.peek()) || self.peek() == b'\n' {
            if self.peek() == b'\n' {
                if single_line {
                    return self.fail("a key must be on one line");
                }
                if first_break {
                    leading_break = true;
                    first_break = false;
                } else {
                    trailing += 1;
                }
            }
            self.advance();
        }
        if leading_break {
            if escaped {
                text.extend((0..trailing).map(|_| '\n'));
            } else if trailing == 0 {
                text.push(' ');
            } else {
                text.extend((0..trailing).map(|_| '\n'));
            }
        } else {
            text.push_str(self.slice(ws_start));
        }
        Ok(())
    }

    /// One escape sequence in double quotes, the `\` under the cursor.
    fn escape(&mut self, text: &mut String) -> Result<(), Error> {
        let at = self.mark();
        self.advance();
        let c = match self.peek() {
            b'0' => '\0',
            b'a' => '\u{7}',
            b'b' => '\u{8}',
            b't' | b'\t' => '\t',
            b'n' => '\n',
            b'v' => '\u{b}',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'e' => '\u{1b}',
            b' ' => ' ',
            b'"' => '"',
            b'/' => '/',
            b'\'' => '\'',
            b'\\' => '\\',
            b'N' => '\u{85}',
            b'_' => '\u{a0}',
            b'L' => '\u{2028}',
            b'P' => '\u{2029}',
            b'x' | b'u' | b'U' => {
                let len = match self.peek() {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                self.advance();
                let mut code = self.hex(len, at)?;
                if (0xD800..0xDC00).contains(&code) && self.peek() == b'\\' && self.at(1) == b'u' {
                    // A UTF-16 surrogate pair, as JSON writes characters beyond U+FFFF.
                    let state = self.state();
                    self.advance();
                    self.advance();
                    let low = self.hex(4, at)?;
                    if (0xDC00..0xE000).contains(&low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    } else {
                        self.restore(state);
                    }
                }
                let Some(c) = char::from_u32(code) else {
                    return Err(self.error(at, "this escape is not a Unicode character"));
                };
                text.push(c);
                return Ok(());
            }
            _ => return Err(self.error(at, "unknown escape: `\\` must be followed by one of 0abtnvfre \"/\\N_LPxuU (write `\\\\` for a backslash)")),
        };
        self.advance();
        text.push(c);
        Ok(())
    }

    fn hex(&mut self, len: usize, at: Location) -> Result<u32, Error> {
        let mut code = 0u32;
        for _ in 0..len {
            let Some(digit) = char::from(self.peek()).to_digit(16) else {
                return Err(self.error(at, "this escape needs more hexadecimal digits"));
            };
            code = code * 16 + digit;
            self.advance();
        }
        Ok(code)
    }

    /// `[a, b]`, the `[` under the cursor.
    fn flow_seq(&mut self, at: Location, single_line: bool) -> Result<Node, Error> {
        self.enter(at)?;
        self.advance();
        let mut items = Vec::new();
        loop {
            self.flow_space(single_line)?;
            if self.peek() == b']' {
                self.advance();
                break;
            }
            let item_at = self.mark();
            let item = if self.peek() == b'?' && self.blankz(1) {
                self.advance();
                self.flow_space(single_line)?;
                self.enter(item_at)?;
                let (key, value) = self.flow_pair(single_line, item_at)?;
                self.leave();
                pair(item_at, key, value)
            } else {
                let key = self.flow_node(None, false)?;
                self.flow_space(single_line)?;
                if self.peek() == b':' {
                    self.advance();
                    self.flow_space(single_line)?;
                    self.enter(key.at)?;
                    let value = self.flow_value()?;
                    self.leave();
                    pair(key.at, key, value)
                } else {
                    key
                }
            };
            items.push(item);
            self.flow_space(single_line)?;
            if self.flow_next("]", "list", at)? {
                break;
            }
        }
        self.leave();
        Ok(Node {
            at,
            tag: Tag::None,
            kind: Kind::Seq(items),
        })
    }

    /// After `? ` in flow: key, then `: value` if present.
    fn flow_pair(&mut self, single_line: bool, at: Location) -> Result<(Node, Node), Error> {
        if self.peek() == b':' {
            return self.fail("a key is missing before this `:`");
        }
        let key = if matches!(self.peek(), b',' | b']' | b'}') {
            self.events += 1;
            Node {
                at,
                tag: Tag::None,
                kind: Kind::Scalar(String::new(), Style::Plain),
            }
        } else {
            self.flow_node(None, false)?
        };
        self.flow_space(single_line)?;
        let value = if self.peek() == b':' {
            self.advance();
            self.flow_space(single_line)?;
            self.flow_value()?
        } else {
            self.events += 1;
            Node {
                at: self.mark(),
                tag: Tag::None,
                kind: Kind::Scalar(String::new(), Style::Plain),
            }
        };
        Ok((key, value))
    }

    /// The value after `:` in flow: a node, or empty before `,`, `]` or `}`.
    fn flow_value(&mut self) -> Result<Node, Error> {
        if matches!(self.peek(), b',' | b']' | b'}') {
            self.events += 1;
            return Ok(Node {
                at: self.mark(),
                tag: Tag::None,
                kind: Kind::Scalar(String::new(), Style::Plain),
            });
        }
        self.flow_node(None, false)
    }

    /// `{a: 1}`, the `{` under the cursor.
    fn flow_map(&mut self, at: Location, single_line: bool) -> Result<Node, Error> {
        self.enter(at)?;
        self.advance();
        let mut entries = Vec::new();
        loop {
            self.flow_space(single_line)?;
            if self.peek() == b'}' {
                self.advance();
                break;
            }
            let entry_at = self.mark();
            if self.peek() == b'?' && self.blankz(1) {
                self.advance();
                self.flow_space(single_line)?;
            }
            let (key, value) = self.flow_pair(single_line, entry_at)?;
            entries.push((key, value));
            self.flow_space(single_line)?;
            if self.flow_next("}", "mapping", at)? {
                break;
            }
        }
        self.leave();
        Ok(Node {
            at,
            tag: Tag::None,
            kind: Kind::Map(entries),
        })
    }

    /// Blanks, comments and line breaks inside `[...]` or `{...}`.
    fn flow_space(&mut self, single_line: bool) -> Result<(), Error> {
        if single_line {
            while is_blank(self.peek()) {
                self.advance();
            }
            if self.peek() == b'\n' || self.peek() == b'#' {
                return self.fail("a key must be on one line");
            }
            return Ok(());
        }
        let crossed = self.skip_to_token(true, true)?;
        if crossed && self.at_document_marker() {
            return self.fail("a `---` or `...` line cannot be inside `[...]` or `{...}`");
        }
        Ok(())
    }

    // --- Depth, anchors and aliases --------------------------------------------------------

    /// Enters a collection that starts at `at`: one more level, one more start event.
    fn enter(&mut self, at: Location) -> Result<(), Error> {
        self.depth += 1;
        self.events += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::syntax(TOO_DEEP, Some(at)));
        }
        Ok(())
    }

    /// Leaves a collection: its end event.
    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.events += 1;
    }

    /// Notes where an anchor is defined, before its node is read.
    fn start_anchor(&mut self, name: &'a str, at: Location) -> usize {
        let number = self.done.len();
        if number >= self.buckets.len() * 2 {
            // Keep chains short: twice the buckets, then link every anchor again in order.
            self.buckets = vec![NONE; (self.buckets.len() * 2).max(64)];
            for at in 0..number {
                let bucket = self.bucket(self.done.get(at).map_or("", |a| a.name));
                if let (Some(anchor), Some(head)) =
                    (self.done.get_mut(at), self.buckets.get_mut(bucket))
                {
                    anchor.next = *head;
                    *head = at;
                }
            }
        }
        let bucket = self.bucket(name);
        let next = self.buckets.get(bucket).copied().unwrap_or(NONE);
        if let Some(head) = self.buckets.get_mut(bucket) {
            *head = number;
        }
        self.done.push(Anchor {
            name,
            next,
            at,
            jumps: self.jumps,
            node: None,
        });
        number
    }

    /// The bucket of anchor `name` (FNV-1a).
    fn bucket(&self, name: &str) -> usize {
        let hash = name.bytes().fold(0x811c_9dc5u32, |hash, byte| {
            (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
        });
        (hash as usize) & self.buckets.len().saturating_sub(1)
    }

    /// The number in `done` of the latest anchor `name`.
    fn find_anchor(&self, name: &str) -> Option<usize> {
        let mut at = *self.buckets.get(self.bucket(name))?;
        while let Some(anchor) = self.done.get(at) {
            if anchor.name == name {
                return Some(at);
            }
            at = anchor.next;
        }
        None
    }

    /// Forgets the anchors from number `keep` on (after a look-ahead).
    fn forget_anchors(&mut self, keep: usize) {
        while self.done.len() > keep {
            let Some(anchor) = self.done.pop() else {
                break;
            };
            // The newest anchor heads its bucket.
            let bucket = self.bucket(anchor.name);
            if let Some(head) = self.buckets.get_mut(bucket) {
                *head = anchor.next;
            }
        }
    }

    fn complete_anchor(&mut self, number: usize, node: &Node) {
        let jumps = self.jumps;
        if let Some(anchor) = self.done.get_mut(number) {
            let (size, height) = measure(node);
            anchor.node = Some(Anchored {
                node: node.clone(),
                jumps: jumps.saturating_sub(anchor.jumps),
                size,
                height,
            });
        }
    }

    /// `*name`: a copy of the anchored node.
    fn alias(&mut self, name: &'a str, at: Location) -> Result<Node, Error> {
        self.events += 1;
        let anchor = self
            .find_anchor(name)
            .and_then(|number| self.done.get(number));
        let Some(anchor) = anchor else {
            let message = format!("the alias `*{name}` refers to no anchor `&{name}` above it");
            return Err(self.error(at, &message));
        };
        let Some(anchored) = &anchor.node else {
            // The anchor's own node holds the alias: endless nesting.
            return Err(Error::syntax(TOO_DEEP, Some(anchor.at)));
        };
        self.jumps = self.jumps.saturating_add(1 + anchored.jumps);
        self.expanded = self.expanded.saturating_add(anchored.size);
        if self.expanded > MAX_EXPANDED {
            return Err(Error::syntax(TOO_MANY_ALIASES, None));
        }
        if self.depth + anchored.height > MAX_DEPTH {
            let at = too_deep(&anchored.node, MAX_DEPTH - self.depth).unwrap_or(anchor.at);
            return Err(Error::syntax(TOO_DEEP, Some(at)));
        }
        Ok(anchored.node.clone())
    }
}

/// A `key: value` pair inside a flow sequence, as a mapping of its own.
fn pair(at: Location, key: Node, value: Node) -> Node {
    Node {
        at,
        tag: Tag::None,
        kind: Kind::Map(vec![(key, value)]),
    }
}

/// A node's number of nodes and of nested collection levels.
fn measure(node: &Node) -> (usize, usize) {
    match &node.kind {
        Kind::Seq(items) => items.iter().fold((1, 1), |(size, height), item| {
            let (s, h) = measure(item);
            (size + s, height.max(h + 1))
        }),
        Kind::Map(entries) => entries.iter().fold((1, 1), |(size, height), (k, v)| {
            let (ks, kh) = measure(k);
            let (vs, vh) = measure(v);
            (size + ks + vs, height.max(kh.max(vh) + 1))
        }),
        _ => (1, 0),
    }
}

/// Where a node first nests `levels` + 1 collections deep.
fn too_deep(node: &Node, levels: usize) -> Option<Location> {
    match &node.kind {
        Kind::Seq(_) | Kind::Map(_) if levels == 0 => Some(node.at),
        Kind::Seq(items) => items.iter().find_map(|item| too_deep(item, levels - 1)),
        Kind::Map(entries) => entries.iter().find_map(|(key, value)| {
            too_deep(key, levels - 1).or_else(|| too_deep(value, levels - 1))
        }),
        _ => None,
    }
}

fn core_tag(name: &str) -> Tag {
    match name {
        "str" => Tag::Str,
        "int" => Tag::Int,
        "float" => Tag::Float,
        "bool" => Tag::Bool,
        "null" => Tag::Null,
        _ => Tag::Other,
    }
}

/// Writes `value` as YAML (tests only: round trips).
#[cfg(test)]
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn number(text: &str) -> String {
        match plain(text) {
            Scalar::Int(text) => text,
            Scalar::Float { debug, .. } => debug,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[track_caller]
    fn error(text: &str) -> String {
        read(text, 1).unwrap_err().to_string()
    }

    #[test]
    fn integers_read_as_rust_prints_them() {
        for (text, want) in [
            ("0x1F", "31"),
            ("+5", "5"),
            ("-0", "0"),
            ("0o17", "15"),
            ("-0x1F", "-31"),
            ("0b101", "5"),
            ("18446744073709551615", "18446744073709551615"),
            ("-9223372036854775808", "-9223372036854775808"),
        ] {
            assert_eq!(number(text), want, "{text}");
        }
        for text in ["012", "1_000", "0x", "+-5", "--5", "0o8", "1,5", "1.5.5"] {
            assert!(matches!(plain(text), Scalar::Str(_)), "{text}");
        }
    }

    #[test]
    fn integers_beyond_64_bits_are_refused_as_serde_refused_them() {
        assert_eq!(
            plain("18446744073709551616"),
            Scalar::Invalid(None, "integer `18446744073709551616` as u128".into())
        );
        assert_eq!(
            plain("-9223372036854775809"),
            Scalar::Invalid(None, "integer `-9223372036854775809` as i128".into())
        );
        // Beyond 128 bits: a float.
        assert_eq!(number("1000000000000000000000000000000000000000"), "1e39");
    }

    #[test]
    fn floats_read_as_rust_debug_prints_the_f64() {
        for (text, want) in [
            ("1.10", "1.1"),
            ("1.", "1.0"),
            ("1e3", "1000.0"),
            (".5", "0.5"),
            ("+.5", "0.5"),
            ("-.5", "-0.5"),
            ("-0.0", "-0.0"),
            ("0e0", "0.0"),
            ("1e16", "1e16"),
            ("1e15", "1000000000000000.0"),
            ("0.0001", "0.0001"),
            ("0.00001", "1e-5"),
            ("1.5e-5", "1.5e-5"),
            ("123.456e10", "1234560000000.0"),
            ("1e-400", "0.0"),
            ("5e-324", "5e-324"),
            (".inf", "inf"),
            ("-.Inf", "-inf"),
            (".NaN", "NaN"),
            ("1.7976931348623157e308", "1.7976931348623157e308"),
        ] {
            assert_eq!(number(text), want, "{text}");
        }
        for text in [
            "2e308", "1e", "e5", ".", "inf", "nan", "+.nan", "1_0.5", "0x1p3",
        ] {
            assert!(matches!(plain(text), Scalar::Str(_)), "{text}");
        }
    }

    /// The one place this reader may differ from serde_yaml: more than 15 significant digits
    /// are rounded to 17, which is not always the shortest text of the f64.
    #[test]
    fn floats_with_more_than_15_digits_keep_17() {
        assert_eq!(number("0.1234567890123456789"), "0.12345678901234568");
        assert_eq!(number("0.1000000000000000055511"), "0.10000000000000001");
        assert_eq!(number("99999999999999999999.9"), "1e20");
    }

    #[test]
    fn floats_show_in_type_errors_without_an_exponent() {
        let Scalar::Float { display, .. } = plain("1e20") else {
            panic!()
        };
        assert_eq!(display, "100000000000000000000.0");
    }

    #[test]
    fn scalars_in_quotes_and_blocks_are_always_text() {
        let node = read("a: '5'\nb: |\n  5\nc: !!str 5\nd: !!int \"5\"\n", 1).unwrap();
        let Kind::Map(entries) = node.kind else {
            panic!()
        };
        let values: Vec<_> = entries.iter().map(|(_, v)| v.scalar().unwrap()).collect();
        assert_eq!(
            values,
            [
                Scalar::Str("5"),
                Scalar::Str("5\n"),
                Scalar::Str("5"),
                Scalar::Int("5".into())
            ]
        );
    }

    #[test]
    fn json_surrogate_pairs_make_one_character() {
        let node = read(r#"{"a":"\ud83d\ude00\u00e9"}"#, 1).unwrap();
        let Kind::Map(entries) = node.kind else {
            panic!()
        };
        assert_eq!(entries[0].1.kind, Kind::Scalar("😀é".into(), Style::Quoted));
        assert_eq!(
            error(r#"a: "\ud83d""#),
            "line 1, column 5: YAML syntax error: this escape is not a Unicode character"
        );
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        for (text, want) in [
            ("title: [oops\n", "line 2, column 1: YAML syntax error: the list that starts at line 1, column 8 is never closed with `]`"),
            ("a: 'oops\n", "line 1, column 4: YAML syntax error: this quoted text is never closed"),
            ("a: b: c\n", "line 1, column 5: YAML syntax error: a mapping value (`key: value`) is not allowed here"),
            ("a:\n\tb: 1\n", "line 2, column 1: YAML syntax error: a tab character is not allowed here: YAML indents with spaces"),
            ("a: 1\n---\nb: 2\n", "line 2, column 1: YAML syntax error: a second document starts here: a product file holds one YAML document"),
            ("a: *b\n", "line 1, column 4: YAML syntax error: the alias `*b` refers to no anchor `&b` above it"),
            ("a: 1\n  b: 2\n", "line 2, column 4: YAML syntax error: a mapping value (`key: value`) is not allowed here"),
            ("a: \"\\q\"\n", "line 1, column 5: YAML syntax error: unknown escape: `\\` must be followed by one of 0abtnvfre \"/\\N_LPxuU (write `\\\\` for a backslash)"),
            ("a: \u{1}\n", "line 1, column 4: YAML syntax error: the control character U+0001 is not allowed in YAML"),
        ] {
            assert_eq!(error(text), want, "{text:?}");
        }
    }

    #[test]
    fn lines_count_from_the_top_of_the_file() {
        assert_eq!(
            read("a: 1\nb: [\n", 5).unwrap_err().location(),
            Some(Location { line: 7, column: 1 })
        );
    }

    #[test]
    fn nesting_stops_at_128_levels() {
        let deep = format!("a: {}{}\n", "[".repeat(300), "]".repeat(300));
        assert_eq!(
            error(&deep),
            "line 1, column 131: the YAML is nested too deeply (more than 128 levels)"
        );
        let ok = format!("a: {}{}\n", "[".repeat(127), "]".repeat(127));
        assert!(read(&ok, 1).is_ok());
        assert_eq!(
            error("a: &a [*a]\n"),
            "line 1, column 4: the YAML is nested too deeply (more than 128 levels)"
        );
    }

    #[test]
    fn alias_bombs_stop_early() {
        let mut bomb =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{previous}"); 10].join(",")
            ));
        }
        assert_eq!(error(&bomb), TOO_MANY_ALIASES);
        // A few repeats are fine.
        assert!(read("a: &a [1, 2]\nb: [*a, *a, *a]\n", 1).is_ok());
    }

    #[test]
    fn hostile_inputs_end_quickly() {
        let started = std::time::Instant::now();
        for text in [
            "[".repeat(100_000),
            "{".repeat(100_000),
            "- ".repeat(100_000),
            "a:\n ".repeat(50_000),
            format!("a: {}", "x ".repeat(200_000)),
            "'".repeat(100_000),
            format!("[{}]", "a, ".repeat(100_000)),
            "? ".repeat(50_000),
            "&a ".repeat(50_000),
            format!("k: &a x\n{}", "j: *a\n".repeat(50_000)),
        ] {
            let _ = read(&text, 1);
        }
        assert!(started.elapsed().as_secs() < 10);
    }
}
