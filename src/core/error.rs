//! The one error type of the core: what was wrong, and where in the input.

use std::fmt;

/// A position in the input file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1.
    pub column: usize,
}

/// Why the input could not be read.
///
/// Its `Display` reads `line 12, column 5: <message>` when the place is known, and is meant to be
/// shown as it is to the person who wrote the product file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    /// The file's structure: front matter lines, YAML syntax.
    Syntax,
    /// A field holds a value of the wrong kind.
    Content,
    /// An option passed by the caller.
    Option,
}

impl Error {
    pub(crate) fn syntax(message: impl Into<String>, location: Option<Location>) -> Self {
        Error {
            kind: ErrorKind::Syntax,
            message: message.into(),
            location,
        }
    }

    pub(crate) fn content(message: impl Into<String>, location: Option<Location>) -> Self {
        Error {
            kind: ErrorKind::Content,
            message: message.into(),
            location,
        }
    }

    pub(crate) fn option(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Option,
            message: message.into(),
            location: None,
        }
    }

    /// The message without the location prefix.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the input the problem is, when known.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// True when the error is about an option passed by the caller rather than about the input.
    pub fn is_option_error(&self) -> bool {
        self.kind == ErrorKind::Option
    }

    /// True when the input is not well-formed (front matter or YAML syntax).
    pub fn is_syntax_error(&self) -> bool {
        self.kind == ErrorKind::Syntax
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.location {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A problem that does not stop rendering, such as an unknown field or a stray character in a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What is odd, in words for the product file's author.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Warning {
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
