//! Version-aware ordering of release cycles and versions: `1.13` after `1.9`.

use std::cmp::Ordering;

/// Compares two version-like strings by their runs of digits (as numbers) and of other
/// characters (case-insensitively), so `1.9 < 1.13 < 2.0` and `Pixel 5 < Pixel 10`.
/// Strings equal by that rule are ordered by plain text, so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    let mut left = Runs::new(a);
    let mut right = Runs::new(b);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (is_digits(x), is_digits(y)) {
                    (true, true) => compare_numbers(x, y),
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => compare_text(x, y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

fn is_digits(run: &str) -> bool {
    run.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

fn compare_numbers(x: &str, y: &str) -> Ordering {
    let x = x.trim_start_matches('0');
    let y = y.trim_start_matches('0');
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Case-insensitive order: the texts compared as Unicode lower-cases them.
fn compare_text(x: &str, y: &str) -> Ordering {
    let x = x.chars().flat_map(char::to_lowercase);
    let y = y.chars().flat_map(char::to_lowercase);
    x.cmp(y)
}

/// Splits a string into maximal runs of ASCII digits and of everything else.
struct Runs<'a> {
    rest: &'a str,
}

impl<'a> Runs<'a> {
    fn new(text: &'a str) -> Self {
        Runs { rest: text }
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let first = self.rest.bytes().next()?;
        let digits = first.is_ascii_digit();
        let end = self
            .rest
            .bytes()
            .position(|b| b.is_ascii_digit() != digits)
            .unwrap_or(self.rest.len());
        let (run, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(run)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_compare_case_insensitively_beyond_ascii_too() {
        let pairs = [
            ("abc", "ABD"),
            ("Äpfel", "äpfel"),
            ("Ärger", "äpfel"),
            ("Zeta", "éclair"),
            ("ÉCLAIR", "éclair"),
            ("Straße", "STRASSE"),
            ("İstanbul", "istanbul"),
            ("", "a"),
        ];
        for (x, y) in pairs {
            let by_char = x
                .chars()
                .flat_map(char::to_lowercase)
                .cmp(y.chars().flat_map(char::to_lowercase));
            assert_eq!(compare_text(x, y), by_char, "{x} vs {y}");
            assert_eq!(compare_text(y, x), by_char.reverse(), "{y} vs {x}");
        }
    }

    #[test]
    fn orders_numbers_by_value_not_text() {
        let mut cycles = vec!["1.9", "1.13", "1.10", "2.0", "1.6 and earlier", "1.7"];
        cycles.sort_by(|a, b| compare(a, b));
        assert_eq!(
            cycles,
            ["1.6 and earlier", "1.7", "1.9", "1.10", "1.13", "2.0"]
        );
    }

    #[test]
    fn orders_names_with_numbers_naturally() {
        assert_eq!(compare("Pixel 5", "Pixel 10"), Ordering::Less);
        assert_eq!(compare("pixel 5", "Pixel 5A"), Ordering::Less);
        assert_eq!(compare("9-SP2", "9-SP10"), Ordering::Less);
        assert_eq!(compare("22.04", "22.4"), Ordering::Less);
        assert_eq!(compare("2208", "2120"), Ordering::Greater);
    }
}
