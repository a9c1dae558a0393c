//! The pure core: reads product files and builds the support table, with no browser in sight.
//!
//! `parse` → [`model::Product`] → `view::evaluate` (statuses on a day) → `table::build` (the
//! table model) or `api::build` (the API v1 JSON shape).

pub mod api;
pub mod arrange;
pub mod badge;
pub mod date;
pub mod error;
pub mod frontmatter;
pub mod html;
pub mod json;
pub mod lookup;
pub mod model;
pub mod parse;
pub mod products;
pub mod status;
pub mod table;
pub mod template;
pub(crate) mod text;
pub mod url;
pub mod version;
pub mod view;
pub mod wording;
mod yaml;

use date::{Date, Day};
use error::Error;

/// Reads the `today` option: a full date, `YYYY-MM-DD`.
pub fn parse_today(text: &str) -> Result<Day, Error> {
    match Date::parse(text) {
        Ok(date) if !date.is_month() && text.trim().len() <= 10 => Ok(date.first_day()),
        _ => Err(Error::option(format!(
            "the `today` option must be a date written YYYY-MM-DD, found `{text}`"
        ))),
    }
}
