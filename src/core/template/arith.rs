//! Numbers as Ruby Liquid's arithmetic filters compute them: whole numbers stay whole (division
//! rounds down), and a number with a fraction is computed in decimal, as Ruby's `BigDecimal`
//! does (`10.1 | minus: 2.2` is `7.9`), then given back as a float.

use std::cmp::Ordering;

use super::value::{is_strippable, Value};
use super::{fail, TemplateError};

/// A number read from a value.
#[derive(Debug, Clone, Copy)]
pub(super) enum Num {
    Int(i64),
    Dec(Dec),
    /// Not finite, or more digits than a `Dec` holds.
    Float(f64),
}

/// `m × 10^e`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dec {
    m: i128,
    e: i32,
}

/// The arithmetic filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Plus,
    Minus,
    Times,
    DividedBy,
    Modulo,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Plus => "plus",
            Op::Minus => "minus",
            Op::Times => "times",
            Op::DividedBy => "divided_by",
            Op::Modulo => "modulo",
        }
    }
}

impl Num {
    /// A float, by its shortest decimal digits (as `BigDecimal(float.to_s)`).
    pub(super) fn from_f64(x: f64) -> Num {
        Dec::from_f64(x).map_or(Num::Float(x), Num::Dec)
    }

    /// Text as Liquid reads it: `1.5` (digits, a point, digits) is a decimal; anything else is
    /// Ruby's `to_i`: leading digits, `0` when there are none.
    pub(super) fn from_text(text: &str) -> Num {
        let trimmed = text.trim_matches(is_strippable);
        if is_decimal(trimmed) {
            return Dec::parse(trimmed)
                .map_or_else(|| Num::from_f64(trimmed.parse().unwrap_or(0.0)), Num::Dec);
        }
        to_i(text)
    }

    pub(super) fn value(self) -> Value {
        match self {
            Num::Int(n) => Value::Int(n),
            Num::Dec(d) => Value::Float(d.to_f64()),
            Num::Float(x) => Value::Float(x),
        }
    }

    fn dec(self) -> Option<Dec> {
        match self {
            Num::Int(n) => Some(Dec {
                m: i128::from(n),
                e: 0,
            }),
            Num::Dec(d) => Some(d),
            Num::Float(_) => None,
        }
    }

    fn float(self) -> f64 {
        match self {
            Num::Int(n) => n as f64,
            Num::Dec(d) => d.to_f64(),
            Num::Float(x) => x,
        }
    }

    fn is_zero(self) -> bool {
        match self {
            Num::Int(n) => n == 0,
            Num::Dec(d) => d.m == 0,
            Num::Float(x) => x == 0.0,
        }
    }

    pub(super) fn cmp(self, other: Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            _ => self.float().partial_cmp(&other.float()),
        }
    }

    pub(super) fn abs(self) -> Result<Num, TemplateError> {
        Ok(match self {
            Num::Int(n) => Num::Int(n.checked_abs().ok_or_else(too_large)?),
            Num::Dec(d) => Num::Dec(Dec {
                m: d.m.checked_abs().ok_or_else(too_large)?,
                e: d.e,
            }),
            Num::Float(x) => Num::Float(x.abs()),
        })
    }

    /// `ceil` (`up`) or `floor`: a whole number.
    pub(super) fn whole(self, up: bool) -> Result<i64, TemplateError> {
        match self {
            Num::Int(n) => Ok(n),
            Num::Dec(d) => d.whole(up).ok_or_else(too_large),
            Num::Float(_) => fail("`ceil` and `floor` need a finite number"),
        }
    }

    /// `round: places`: whole when `places` is below 1, halves away from zero.
    pub(super) fn round(self, places: i64) -> Result<Num, TemplateError> {
        let whole = places < 1;
        let rounded = match self {
            Num::Int(_) if places >= 0 => return Ok(self),
            Num::Float(_) => return fail("`round` needs a finite number"),
            other => other.dec().and_then(|d| d.round(places)),
        };
        let rounded = rounded.ok_or_else(too_large)?;
        if whole {
            rounded.whole(false).map(Num::Int).ok_or_else(too_large)
        } else {
            Ok(Num::Dec(rounded))
        }
    }
}

fn too_large() -> TemplateError {
    TemplateError("a number is too large".to_owned())
}

/// `plus`, `minus`, `times`, `divided_by`, `modulo`.
pub(super) fn arithmetic(op: Op, a: Num, b: Num) -> Result<Num, TemplateError> {
    if matches!(op, Op::DividedBy | Op::Modulo) && b.is_zero() {
        return fail(format!("`{}` by zero", op.name()));
    }
    let overflow = || TemplateError(format!("the result of `{}` is too large", op.name()));
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        let result = match op {
            Op::Plus => x.checked_add(y),
            Op::Minus => x.checked_sub(y),
            Op::Times => x.checked_mul(y),
            Op::DividedBy => floor_div(x, y),
            Op::Modulo => floor_mod(x, y),
        };
        return result.map(Num::Int).ok_or_else(overflow);
    }
    let exact = match (a.dec(), b.dec()) {
        (Some(x), Some(y)) => match op {
            Op::Plus => x.add(y),
            Op::Minus => y.neg().and_then(|y| x.add(y)),
            Op::Times => x.mul(y),
            Op::DividedBy => x.div(y),
            Op::Modulo => x.modulo(y),
        },
        _ => None,
    };
    if let Some(d) = exact {
        return Ok(Num::Dec(d));
    }
    let (x, y) = (a.float(), b.float());
    Ok(Num::Float(match op {
        Op::Plus => x + y,
        Op::Minus => x - y,
        Op::Times => x * y,
        Op::DividedBy => x / y,
        Op::Modulo => {
            let r = x % y;
            if r != 0.0 && (r < 0.0) != (y < 0.0) {
                r + y
            } else {
                r
            }
        }
    }))
}

/// Ruby's integer division: rounds towards negative infinity.
fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) {
        q - 1
    } else {
        q
    })
}

/// Ruby's `%`: the result has the sign of the divisor.
fn floor_mod(x: i64, y: i64) -> Option<i64> {
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    })
}

/// `-?\d+\.\d+`.
fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    match digits.split_once('.') {
        Some((whole, fraction)) => {
            let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            all_digits(whole) && all_digits(fraction)
        }
        None => false,
    }
}

/// Ruby's `String#to_i`: optional white space and sign, then digits (`_` may separate them).
pub(super) fn to_i(text: &str) -> Num {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (negative, rest) = match rest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, rest.strip_prefix('+').unwrap_or(rest)),
    };
    let mut digits = String::new();
    let mut previous_digit = false;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            previous_digit = true;
        } else if c == '_' && previous_digit && chars.peek().is_some_and(char::is_ascii_digit) {
            previous_digit = false;
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return Num::Int(0);
    }
    if negative {
        digits.insert(0, '-');
    }
    match digits.parse::<i64>() {
        Ok(n) => Num::Int(n),
        Err(_) => Num::from_f64(digits.parse().unwrap_or(0.0)),
    }
}

impl Dec {
    fn from_f64(x: f64) -> Option<Dec> {
        if !x.is_finite() {
            return None;
        }
        // The shortest digits that read back as `x`: "-2.5e-3".
        let scientific = format!("{x:e}");
        let (mantissa, exponent) = scientific.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let m: i128 = format!("{whole}{fraction}").parse().ok()?;
        let e = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
        Some(Dec { m, e })
    }

    /// `-?\d+\.\d+`, when its digits fit.
    fn parse(text: &str) -> Option<Dec> {
        let (whole, fraction) = text.split_once('.')?;
        let m: i128 = format!("{whole}{fraction}").parse().ok()?;
        let e = -i32::try_from(fraction.len()).ok()?;
        Some(Dec { m, e })
    }

    fn to_f64(self) -> f64 {
        format!("{}e{}", self.m, self.e).parse().unwrap_or(f64::NAN)
    }

    fn neg(self) -> Option<Dec> {
        Some(Dec {
            m: self.m.checked_neg()?,
            e: self.e,
        })
    }

    /// Both mantissas at the smaller exponent.
    fn align(self, other: Dec) -> Option<(i128, i128, i32)> {
        let e = self.e.min(other.e);
        let scale = |d: Dec| {
            let shift = u32::try_from(i64::from(d.e) - i64::from(e)).ok()?;
            d.m.checked_mul(10i128.checked_pow(shift)?)
        };
        Some((scale(self)?, scale(other)?, e))
    }

    fn add(self, other: Dec) -> Option<Dec> {
        let (x, y, e) = self.align(other)?;
        Some(Dec {
            m: x.checked_add(y)?,
            e,
        })
    }

    fn mul(self, other: Dec) -> Option<Dec> {
        Some(Dec {
            m: self.m.checked_mul(other.m)?,
            e: self.e.checked_add(other.e)?,
        })
    }

    fn modulo(self, other: Dec) -> Option<Dec> {
        let (x, y, e) = self.align(other)?;
        let r = x.checked_rem(y)?;
        let m = if r != 0 && ((r < 0) != (y < 0)) {
            r + y
        } else {
            r
        };
        Some(Dec { m, e })
    }

    /// The quotient to about 20 significant digits; `None` when that many are not at hand.
    fn div(self, other: Dec) -> Option<Dec> {
        let limit = 10u128.pow(36);
        let mut m = self.m;
        let mut e = self.e.checked_sub(other.e)?;
        for _ in 0..40 {
            match m.checked_mul(10) {
                Some(next) if next.unsigned_abs() < limit => {
                    m = next;
                    e = e.checked_sub(1)?;
                }
                _ => break,
            }
        }
        let q = m.checked_div(other.m)?;
        let exact = m.checked_rem(other.m)? == 0;
        if !exact && q.unsigned_abs() < 10u128.pow(17) {
            return None;
        }
        Some(Dec { m: q, e })
    }

    /// Rounded to `places` decimal places, halves away from zero.
    fn round(self, places: i64) -> Option<Dec> {
        let target = i32::try_from(places.checked_neg()?).ok()?;
        if self.e >= target {
            return Some(self);
        }
        let drop = u32::try_from(i64::from(target) - i64::from(self.e)).ok()?;
        let Some(div) = 10i128.checked_pow(drop) else {
            return Some(Dec { m: 0, e: target });
        };
        let (q, r) = (self.m / div, self.m % div);
        let q = if r.unsigned_abs() * 2 >= div.unsigned_abs() {
            q + self.m.signum()
        } else {
            q
        };
        Some(Dec { m: q, e: target })
    }

    /// Rounded up or down to a whole number.
    fn whole(self, up: bool) -> Option<i64> {
        let whole = if self.e >= 0 {
            self.m
                .checked_mul(10i128.checked_pow(u32::try_from(self.e).ok()?)?)?
        } else {
            let drop = u32::try_from(-i64::from(self.e)).ok()?;
            let (q, r) = match 10i128.checked_pow(drop) {
                Some(div) => (self.m / div, self.m % div),
                None => (0, self.m),
            };
            match (r.signum(), up) {
                (1, true) => q + 1,
                (-1, false) => q - 1,
                _ => q,
            }
        };
        i64::try_from(whole).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calc(op: Op, a: &str, b: &str) -> String {
        let num = |s: &str| Num::from_text(s);
        match arithmetic(op, num(a), num(b)) {
            Ok(n) => n.value().text(),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn fractions_are_computed_in_decimal_as_bigdecimal_does() {
        assert_eq!(calc(Op::Plus, "10.1", "2.2"), "12.3");
        assert_eq!(calc(Op::Minus, "10.1", "2.2"), "7.9");
        assert_eq!(calc(Op::Modulo, "10.1", "7.0"), "3.1");
        assert_eq!(calc(Op::DividedBy, "20", "7.0"), "2.857142857142857");
        assert_eq!(calc(Op::DividedBy, "0.3", "0.1"), "3.0");
        assert_eq!(calc(Op::Times, "5", "2.1"), "10.5");
    }

    #[test]
    fn whole_numbers_divide_rounding_down() {
        assert_eq!(calc(Op::DividedBy, "9", "2"), "4");
        assert_eq!(calc(Op::DividedBy, "-7", "2"), "-4");
        assert_eq!(calc(Op::Modulo, "-7", "3"), "2");
        assert_eq!(calc(Op::DividedBy, "1", "0"), "`divided_by` by zero");
        assert_eq!(
            calc(Op::Times, "9223372036854775807", "2"),
            "the result of `times` is too large"
        );
    }

    #[test]
    fn text_is_read_as_ruby_to_i_reads_it() {
        for (text, n) in [
            ("12abc", 12),
            (" -5", -5),
            ("1_000", 1000),
            ("x", 0),
            ("+3", 3),
        ] {
            assert!(
                matches!(Num::from_text(text), Num::Int(m) if m == n),
                "{text}"
            );
        }
    }

    #[test]
    fn rounding_goes_half_away_from_zero() {
        let round = |x: f64, places| Num::from_f64(x).round(places).unwrap().value().text();
        assert_eq!(round(5.666, 1), "5.7");
        assert_eq!(round(2.5, 0), "3");
        assert_eq!(round(-2.5, 0), "-3");
        assert_eq!(round(5.666, -2), "0");
        assert_eq!(round(1234.5, -2), "1200");
    }
}
