//! `eol-table render <file|-> [--today YYYY-MM-DD] [--format F] [--page] [--timeline]`: the
//! support table as static HTML, the same markup the widget builds, for pages that must work
//! without JavaScript (`render` in the browser can take over the same element later).
//! `--timeline` puts the release timeline (an inline SVG, as `renderTimeline` draws it) before
//! the table. `--product ID` renders a built-in product instead of a file; `eol-table products`
//! lists them. `--page` makes a whole document, with the product's Markdown description above
//! the table and its other notes below.
//!
//! `eol-table export --to csv|md|json|ics <file|-> [--today YYYY-MM-DD] [--format F]`: the
//! table as CSV, Markdown or JSON, or its end dates as an iCalendar file. `--format` names the
//! input format in both commands, so the output format is `--to`.
//!
//! `eol-table stack STACK_FILE [--products DIR] [--today YYYY-MM-DD] [--fail-on ended|soon]
//! [--format table|md|csv|json|ics] [--locale TAG]`: checks every entry of a stack description, offline (an
//! entry's product file is its `src`, a path relative to the stack file, else `DIR/<id>.md`,
//! else a built-in product). Exits 0 when no entry fails the `--fail-on` rule (default `ended`),
//! 1 when one does, and 2 on bad input or arguments: a CI job fails the day a component of the
//! stack reaches its end of life.
//!
//! `eol-table badge <file | --product ID> --version V [--today YYYY-MM-DD] [--format F]
//! [--style flat|flat-square] [--endpoint]`: the status badge of a version as SVG, or with
//! `--endpoint` as shields.io endpoint JSON (`schemaVersion`, `label`, `message`, `color`).
//!
//! `--locale TAG` (every command but `products`) words the output in a language of the message catalogue
//! (`fr`, `pt-BR`; a tag without its own catalogue falls back to its language, then English):
//! headers, cells, the timeline, and relative dates from the catalogue's units with CLDR plural
//! rules. The rendered root gets `lang` and `dir` (`rtl` for Arabic). CSV and Markdown headers
//! follow it, and so do the iCalendar events' words; JSON holds data only.

mod stack;

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use eol_table::core::date::Day;
use eol_table::core::input::{self, Format};
use eol_table::core::view::ProductView;
use eol_table::core::wording::{Catalogued, English, Words};
use eol_table::core::{
    badge, export, html, lookup, markdown, parse_today, products, table, timeline, view,
};

const USAGE: &str = "usage: eol-table render <product file, or - for standard input | --product ID> [--today YYYY-MM-DD] [--format auto|markdown|yaml|api|api-v0] [--page] [--timeline] [--locale TAG]\n       eol-table export --to csv|md|json|ics <product file | - | --product ID> [--today YYYY-MM-DD] [--format ...] [--locale TAG]\n       eol-table stack STACK_FILE [--products DIR] [--today YYYY-MM-DD] [--fail-on ended|soon] [--format table|md|csv|json|ics] [--locale TAG]\n       eol-table badge <product file | - | --product ID> --version V [--today YYYY-MM-DD] [--format ...] [--style flat|flat-square] [--endpoint] [--locale TAG]\n       eol-table products";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("stack") => return stack::main(args.into_iter().skip(1).collect()),
        Some("badge") => return badge(args.into_iter().skip(1).collect()),
        _ => {}
    }
    match run(args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("eol-table: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut args = args.into_iter();
    let render = match args.next().as_deref() {
        Some("render") => true,
        Some("export") => false,
        Some("products") => return Ok(products::ids().join("\n") + "\n"),
        _ => return Err(USAGE.to_owned()),
    };
    let (mut file, mut today, mut format, mut page) = (None, None, Format::Auto, false);
    let mut to: Option<fn(&ProductView<'_>, &dyn Words) -> String> = None;
    let mut chart = false;
    let mut locale: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--today" => today = Some(args.next().ok_or(USAGE)?),
            "--to" if !render => {
                let name = args.next().ok_or(USAGE)?;
                to = Some(match name.as_str() {
                    "csv" => export::to_csv_in,
                    "md" | "markdown" => export::to_markdown_in,
                    "json" => |view, _| export::to_json(view),
                    "ics" | "ical" => export::to_icalendar_in,
                    _ => return Err(format!("unknown export format `{name}`\n{USAGE}")),
                });
            }
            "--format" => format = format_arg(&args.next().ok_or(USAGE)?)?,
            "--locale" => locale = Some(locale_arg(args.next().ok_or(USAGE)?)?),
            "--page" if render => page = true,
            "--timeline" if render => chart = true,
            "--product" => file = Some(builtin_arg(args.next().ok_or(USAGE)?)?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ if file.is_none() => file = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let file = file.ok_or(USAGE)?;
    if !render && to.is_none() {
        return Err(format!("export needs --to csv, md, json or ics\n{USAGE}"));
    }
    let source = read_source(&file)?;
    let today = day_arg(today.as_deref())?;
    let product = input::read(&source, format).map_err(|err| format!("{file}: {err}"))?;
    let view = view::evaluate(&product, today);
    let words = words_for(locale.as_deref());
    let words = words.as_ref();
    if let Some(write) = to {
        return Ok(write(&view, words));
    }
    let mut fragment = String::new();
    if chart {
        let layout = timeline::build(&view, words, timeline::DEFAULT_WIDTH);
        let tree = timeline::tree(&layout).attr("data-theme", "auto");
        fragment.push_str(&tree.to_html());
        fragment.push('\n');
    }
    let table = table::build(&view, words);
    let page_tree = eol_table::core::widget::table::page(&table);
    fragment.push_str(&html::to_html(&with_language(
        page_tree,
        locale.as_deref(),
        words,
    )));
    if !page {
        return Ok(fragment + "\n");
    }
    let mut title = String::new();
    html::escape_into(&mut title, &product.title);
    // The Markdown body as the site shows it: the short description above the table, the rest
    // (e.g. "Upgrading") below. Empty in a build without the `markdown` feature.
    let body = markdown::split(markdown::parse(&product.body));
    let (mut before, mut after) = (String::new(), String::new());
    if !body.description.is_empty() {
        before.push_str("<p class=\"eol-table-description\">");
        html::write(&mut before, &body.description);
        before.push_str("</p>\n");
    }
    if !body.rest.is_empty() {
        after.push_str("\n<div class=\"eol-table-notes\">");
        html::write(&mut after, &body.rest);
        after.push_str("</div>");
    }
    let (lang, dir) = match &locale {
        Some(tag) => (tag.as_str(), words.text("dir")),
        None => ("en", "ltr"),
    };
    Ok(format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{}</style>\n</head>\n<body>\n{before}{fragment}{after}\n</body>\n</html>\n",
        eol_table::dom::STYLE
    ))
}

/// `eol-table badge`: the SVG badge, or the shields.io endpoint JSON. Exits 2 on bad input.
fn badge(args: Vec<String>) -> ExitCode {
    match badge_output(args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("eol-table: {message}");
            ExitCode::from(2)
        }
    }
}

fn badge_output(args: Vec<String>) -> Result<String, String> {
    let (mut file, mut today, mut format, mut version) = (None, None, Format::Auto, None);
    let (mut style, mut endpoint, mut locale) = (badge::Style::Flat, false, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--today" => today = Some(args.next().ok_or(USAGE)?),
            "--version" => version = Some(args.next().ok_or(USAGE)?),
            "--endpoint" => endpoint = true,
            "--locale" => locale = Some(locale_arg(args.next().ok_or(USAGE)?)?),
            "--style" => {
                let name = args.next().ok_or(USAGE)?;
                style = badge::Style::parse(&name)
                    .ok_or_else(|| format!("unknown badge style `{name}` (flat or flat-square)"))?;
            }
            "--format" => format = format_arg(&args.next().ok_or(USAGE)?)?,
            "--product" => file = Some(builtin_arg(args.next().ok_or(USAGE)?)?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ if file.is_none() => file = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let file = file.ok_or(USAGE)?;
    let version = version
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| format!("badge needs --version, such as --version 1.12.4\n{USAGE}"))?;
    let source = read_source(&file)?;
    let today = day_arg(today.as_deref())?;
    let product = input::read(&source, format).map_err(|err| format!("{file}: {err}"))?;
    let words = words_for(locale.as_deref());
    let check = lookup::check_in(&view::evaluate(&product, today), &version, words.as_ref());
    if endpoint {
        let json = serde_json::to_string_pretty(&badge::endpoint(&check))
            .map_err(|err| err.to_string())?;
        return Ok(json + "\n");
    }
    Ok(badge::svg(&check, style) + "\n")
}

/// The value of `--product`: `product:ID` for a built-in product, or why there is none.
fn builtin_arg(id: String) -> Result<String, String> {
    match products::builtin(&id) {
        Some(_) => Ok(format!("product:{id}")),
        None => Err(format!(
            "there is no built-in product `{id}`; built in: {}",
            products::ids().join(", ")
        )),
    }
}

/// The text of `file`: a built-in product (`product:ID`), standard input (`-`) or a file.
fn read_source(file: &str) -> Result<String, String> {
    if let Some(source) = file.strip_prefix("product:").and_then(products::builtin) {
        return Ok(source.to_owned());
    }
    if file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|err| format!("standard input: {err}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(file).map_err(|err| format!("{file}: {err}"))
}

/// The value of `--locale`: a well-formed language tag such as `fr` or `pt-BR`.
fn locale_arg(tag: String) -> Result<String, String> {
    let valid = !tag.is_empty()
        && tag.len() <= 35
        && tag.split(['-', '_']).all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if valid {
        Ok(tag)
    } else {
        Err(format!(
            "--locale must be a language tag such as fr or pt-BR, found `{tag}`"
        ))
    }
}

/// The words of `--locale` (none: the site's English).
fn words_for(locale: Option<&str>) -> Box<dyn Words> {
    match locale {
        Some(tag) => Box::new(catalogued(tag)),
        None => Box::new(English),
    }
}

/// The catalogue's words for `tag`, counted by CLDR's plural rules.
#[cfg(not(target_family = "wasm"))]
fn catalogued(tag: &str) -> Catalogued {
    Catalogued::for_locale(tag)
}

/// In a wasm build of the command (only ever compiled, for lints) the CLDR crate is left out
/// and every count reads the `other` form.
#[cfg(target_family = "wasm")]
fn catalogued(tag: &str) -> Catalogued {
    use eol_table::core::i18n::{Messages, OtherOnly};
    Catalogued::new(Messages::for_locale(tag), Box::new(OtherOnly))
}

/// `element` with `lang` and `dir` for `locale` (as it is without one).
fn with_language<'a>(
    element: eol_table::core::markup::Element<'a>,
    locale: Option<&str>,
    words: &dyn Words,
) -> eol_table::core::markup::Element<'a> {
    match locale {
        Some(tag) => element
            .attr("lang", tag.to_owned())
            .attr("dir", words.text("dir").to_owned()),
        None => element,
    }
}

/// The value of `--format`: the input's format.
fn format_arg(name: &str) -> Result<Format, String> {
    Format::parse(name).ok_or_else(|| format!("unknown format `{name}`\n{USAGE}"))
}

/// The day of `--today` (YYYY-MM-DD), or today in UTC without one.
pub(crate) fn day_arg(today: Option<&str>) -> Result<Day, String> {
    match today {
        Some(text) => parse_today(text).map_err(|err| err.to_string()),
        None => Ok(utc_today()),
    }
}

/// Today's date in UTC.
fn utc_today() -> Day {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Day::from_number(i64::try_from(seconds / 86_400).unwrap_or(0))
}
