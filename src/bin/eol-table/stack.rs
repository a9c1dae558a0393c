//! `eol-table stack`: a stack description checked offline, as a table, Markdown, CSV, JSON or one
//! calendar of every end date, with an exit status a CI job can fail on.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eol_table::core::lookup::Standing;
use eol_table::core::stack::{self, messages, Checked, Source};
use eol_table::core::table::Table;
use eol_table::core::wording::Words;
use eol_table::core::{card, check_size, export, view, DEFAULT_MAX_INPUT_BYTES};

/// Exit status: nothing fails the rule.
const PASS: u8 = 0;
/// Exit status: an entry fails the rule.
const FAIL: u8 = 1;
/// Exit status: bad input or arguments.
const BAD_INPUT: u8 = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Table,
    Markdown,
    Csv,
    Json,
    Calendar,
}

/// What fails the check: ended entries, or also those ending soon.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FailOn {
    Ended,
    Soon,
}

impl FailOn {
    fn as_str(self) -> &'static str {
        match self {
            FailOn::Ended => "ended",
            FailOn::Soon => "soon",
        }
    }

    fn fails(self, status: Standing) -> bool {
        match status {
            Standing::Ended => true,
            Standing::Soon => self == FailOn::Soon,
            Standing::Ok | Standing::Unknown => false,
        }
    }
}

struct Arguments {
    file: String,
    products: Option<PathBuf>,
    today: Option<String>,
    fail_on: FailOn,
    output: Output,
    locale: Option<String>,
}

/// Runs the command: prints the result, then exits 0, 1 or 2.
pub fn main(args: Vec<String>) -> ExitCode {
    let result = arguments(args).and_then(|args| {
        let words = crate::words_for(args.locale.as_deref());
        let checked = check(&args, words.as_ref())?;
        Ok((args, checked, words))
    });
    let (args, checked, words) = match result {
        Ok(done) => done,
        Err(message) => {
            eprintln!("eol-table: {message}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    let failing = checked
        .outcomes
        .iter()
        .filter(|o| args.fail_on.fails(o.result.check.status))
        .count();
    let text = match write(&checked, args.output, words.as_ref()) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("eol-table: {message}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    let mut stdout = std::io::stdout();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(BAD_INPUT);
    }
    // Unknown entries never fail the rule, but are always said.
    for outcome in checked
        .outcomes
        .iter()
        .filter(|o| o.result.problem.is_some())
    {
        if let Some(reason) = &outcome.result.reason {
            eprintln!(
                "eol-table: {} {}: {reason}",
                outcome.result.id, outcome.result.check.version
            );
        }
    }
    if failing > 0 {
        eprintln!(
            "eol-table: {}",
            messages::cli_failing(failing, args.fail_on.as_str())
        );
        return ExitCode::from(FAIL);
    }
    ExitCode::from(PASS)
}

fn usage() -> String {
    format!("usage: {}", messages::CLI_USAGE)
}

fn arguments(args: Vec<String>) -> Result<Arguments, String> {
    let mut args = args.into_iter();
    let (mut file, mut products, mut today) = (None, None, None);
    let (mut fail_on, mut output, mut locale) = (FailOn::Ended, Output::Table, None);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(usage);
        match arg.as_str() {
            "--products" => products = Some(PathBuf::from(value()?)),
            "--today" => today = Some(value()?),
            "--locale" => locale = Some(crate::locale_arg(value()?)?),
            "--fail-on" => {
                fail_on = match value()?.as_str() {
                    "ended" => FailOn::Ended,
                    "soon" => FailOn::Soon,
                    other => {
                        return Err(format!(
                            "--fail-on must be ended or soon, found `{other}`\n{}",
                            usage()
                        ))
                    }
                }
            }
            "--format" => {
                output = match value()?.as_str() {
                    "table" => Output::Table,
                    "md" | "markdown" => Output::Markdown,
                    "csv" => Output::Csv,
                    "json" => Output::Json,
                    "ics" | "ical" => Output::Calendar,
                    other => {
                        return Err(format!(
                        "unknown stack output format `{other}` (table, md, csv, json or ics)\n{}",
                        usage()
                    ))
                    }
                }
            }
            "-h" | "--help" => return Err(usage()),
            _ if arg.starts_with("--") => {
                return Err(format!("unknown option `{arg}`\n{}", usage()))
            }
            _ if file.is_none() => file = Some(arg),
            _ => return Err(usage()),
        }
    }
    Ok(Arguments {
        file: file.ok_or_else(usage)?,
        products,
        today,
        fail_on,
        output,
        locale,
    })
}

/// Reads a file of at most the input limit.
fn read_limited(path: &Path) -> Result<String, std::io::Error> {
    let len = std::fs::metadata(path)?.len();
    check_size(
        usize::try_from(len).unwrap_or(usize::MAX),
        DEFAULT_MAX_INPUT_BYTES,
    )
    .map_err(|err| std::io::Error::new(ErrorKind::InvalidData, err.to_string()))?;
    std::fs::read_to_string(path)
}

fn check(args: &Arguments, words: &dyn Words) -> Result<Checked, String> {
    let path = Path::new(&args.file);
    let text = read_limited(path).map_err(|err| format!("{}: {err}", args.file))?;
    let description = stack::parse(&text).map_err(|err| format!("{}: {err}", args.file))?;
    let today = crate::day_arg(args.today.as_deref())?;
    let base = path.parent().unwrap_or(Path::new("."));
    let checked = stack::check(
        &description,
        today,
        &mut |entry| {
            if let Some(src) = &entry.src {
                let file = base.join(src);
                return Some(match read_limited(&file) {
                    Ok(text) => Source::Text(text),
                    Err(err) => Source::Failed(format!("could not read {}: {err}", file.display())),
                });
            }
            let file = args
                .products
                .as_ref()?
                .join([entry.product.as_str(), ".md"].concat());
            match read_limited(&file) {
                Ok(text) => Some(Source::Text(text)),
                // not in the folder: a built-in product, if there is one
                Err(err) if err.kind() == ErrorKind::NotFound => None,
                Err(err) => Some(Source::Failed(format!(
                    "could not read {}: {err}",
                    file.display()
                ))),
            }
        },
        words,
    );
    Ok(checked)
}

fn write(checked: &Checked, output: Output, words: &dyn Words) -> Result<String, String> {
    let table = || stack::table::build(checked, words, card::ICON_BASE);
    Ok(match output {
        Output::Table => aligned(checked, &table(), colour_wanted()),
        Output::Markdown => export::table_markdown(&table()),
        Output::Csv => export::table_csv(&table()),
        Output::Json => {
            serde_json::to_string_pretty(&checked.report()).map_err(|err| err.to_string())? + "\n"
        }
        Output::Calendar => calendar(checked, words),
    })
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// The stack as aligned text columns, the status coloured when `colour`, then the summary.
fn aligned(checked: &Checked, table: &Table, colour: bool) -> String {
    let header: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|cell| cell.text()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String], status: Option<Standing>| {
        let last = cells.len().saturating_sub(1);
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width.saturating_sub(cell.chars().count());
            let paint = colour && table.columns.get(i).is_some_and(|c| c.id == "status");
            match status.filter(|_| paint) {
                Some(status) => {
                    out.push_str(ansi(status));
                    out.push_str(cell);
                    out.push_str("\u{1b}[0m");
                }
                None => out.push_str(cell),
            }
            if i < last {
                out.extend(std::iter::repeat(' ').take(pad + 2));
            }
        }
        out.push('\n');
    };
    line(&header, None);
    for (row, outcome) in rows.iter().zip(&checked.outcomes) {
        line(row, Some(outcome.result.check.status));
    }
    out.push('\n');
    out.push_str(&checked.summary.message);
    out.push('\n');
    out
}

/// The terminal colour of a status: green, yellow, red, dim.
fn ansi(status: Standing) -> &'static str {
    match status {
        Standing::Ok => "\u{1b}[32m",
        Standing::Soon => "\u{1b}[33m",
        Standing::Ended => "\u{1b}[31m",
        Standing::Unknown => "\u{1b}[2m",
    }
}

/// One calendar of the end dates of every entry's cycle.
fn calendar(checked: &Checked, words: &dyn Words) -> String {
    let views: Vec<_> = checked
        .products
        .iter()
        .map(|product| view::evaluate(product, checked.today))
        .collect();
    let mut parts: Vec<(&view::ProductView<'_>, Option<&str>)> = Vec::new();
    for outcome in &checked.outcomes {
        let (Some(index), Some(cycle)) = (outcome.product, outcome.result.check.cycle.as_deref())
        else {
            continue;
        };
        let Some(view) = views.get(index) else {
            continue;
        };
        // two entries on the same cycle: its events once
        let seen = parts
            .iter()
            .any(|(v, c)| std::ptr::eq(*v, view) && *c == Some(cycle));
        if !seen {
            parts.push((view, Some(cycle)));
        }
    }
    let name = checked
        .title
        .as_deref()
        .unwrap_or_else(|| words.text(messages::CALENDAR));
    export::calendar(name, checked.today, &parts, words)
}
