//! Decimal numbers to and from `f64`, small: std's `str::parse::<f64>` brings a 10 KB table of
//! powers of five and its float printing another 15 KB of big-number code, and the numbers here
//! (Liquid arithmetic, badge lengths, the YAML reader's floats, error messages) never need
//! either.
//!
//! [`parse`] is exact (correctly rounded) whenever the digits fit in 2^53 and the decimal
//! exponent is within ±22, which covers every number a product file or template holds; beyond
//! that it may be one unit in the last place off. [`push`] prints the fewest digits (at most
//! 17) that [`parse`] reads back as the same `f64`, laid out as Rust's `{:?}` or `{}` lay them
//! out: exactly std's text between 1e-5 and 1e20 (tested), the last digit may differ beyond.
//! [`push_digits`] lays out digits already chosen (the YAML reader's canonical text).

/// Powers of ten that `f64` holds exactly.
const EXACT: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 2^53: integers up to this are exact in an `f64`.
const EXACT_INTEGERS: u64 = 1 << 53;

/// Reads what `str::parse::<f64>` reads: `[+-]` digits with an optional `.` and fraction (either
/// side may be empty, not both), an optional `e`/`E` exponent, or `inf`, `infinity` and `nan` in
/// any case.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let magnitude = if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let decimal = Decimal::read(rest)?;
        decimal.value()
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Digits and a power of ten: `mantissa × 10^exponent`, with the digits past the 19th dropped
/// (they cannot change an `f64` by more than the rounding `value` does anyway).
struct Decimal {
    mantissa: u64,
    exponent: i32,
}

impl Decimal {
    fn read(text: &str) -> Option<Decimal> {
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut mantissa: u64 = 0;
        let mut exponent: i32 = 0;
        let mut digits = 0;
        let mut seen_point = false;
        while let Some(&byte) = bytes.get(at) {
            match byte {
                b'0'..=b'9' => {
                    digits += 1;
                    if mantissa < 1_000_000_000_000_000_000 {
                        mantissa = mantissa * 10 + u64::from(byte - b'0');
                        if seen_point {
                            exponent -= 1;
                        }
                    } else if !seen_point {
                        exponent = exponent.saturating_add(1);
                    }
                }
                b'.' if !seen_point => seen_point = true,
                _ => break,
            }
            at += 1;
        }
        if digits == 0 {
            return None;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            let (sign, start) = match bytes.get(at + 1) {
                Some(b'-') => (-1, at + 2),
                Some(b'+') => (1, at + 2),
                _ => (1, at + 1),
            };
            let power = bytes.get(start..)?;
            if power.is_empty() || !power.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let power = power.iter().fold(0i32, |n, &b| {
                n.saturating_mul(10).saturating_add(i32::from(b - b'0'))
            });
            exponent = exponent.saturating_add(sign * power);
            at = bytes.len();
        }
        (at == bytes.len()).then_some(Decimal { mantissa, exponent })
    }

    fn value(&self) -> f64 {
        if self.mantissa == 0 {
            return 0.0;
        }
        let m = self.mantissa as f64;
        let e = self.exponent;
        if self.mantissa <= EXACT_INTEGERS || m as u64 == self.mantissa {
            // Clinger's fast path: both operands exact, so the one rounding is the right one.
            if let Some(&power) = usize::try_from(e).ok().and_then(|e| EXACT.get(e)) {
                return m * power;
            }
            if let Some(&power) = e
                .checked_neg()
                .and_then(|e| usize::try_from(e).ok())
                .and_then(|e| EXACT.get(e))
            {
                return m / power;
            }
        }
        if e > 308 + 19 {
            return f64::INFINITY;
        }
        if e < -343 {
            return 0.0;
        }
        scale(m, e)
    }
}

/// `x × 10^e` by steps of exact powers (a few roundings: fine past the exact range).
fn scale(mut x: f64, mut e: i32) -> f64 {
    while e > 22 {
        x *= 1e22;
        e -= 22;
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
    }
    let power = EXACT.get(e.unsigned_abs() as usize).copied().unwrap_or(1.0);
    if e >= 0 {
        x * power
    } else {
        x / power
    }
}

/// The fewest significant digits (as an integer, and the power of ten of its last digit) that
/// read back as `x`, the one nearest `x` among them; `x` is finite and positive.
fn shortest(x: f64) -> (u64, i32) {
    // The power of ten of the first digit (may be one too high: a shorter step is tried first).
    let mut first = 0i32;
    while scale(1.0, first + 1) <= x {
        first += 1;
    }
    while scale(1.0, first) > x {
        first -= 1;
    }
    exact_shortest(x, first).unwrap_or_else(|| approximate_shortest(x, first))
}

/// [`shortest`] in integers: `x` is `f × 2^k`, and every number that rounds to it lies between
/// `lo` and `hi` (in units of 2^(k-2)); a candidate `d × 10^last` is tried from the coarsest
/// `last` down. `None` when the numbers outgrow 128 bits (far outside what is printed here).
fn exact_shortest(x: f64, first: i32) -> Option<(u64, i32)> {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    let (f, k) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    let middle = 4 * f;
    let hi = middle + 2;
    // Just above a power of two the gap below is half the gap above.
    let lo = middle - if fraction == 0 && biased > 1 { 1 } else { 2 };
    let inclusive = f % 2 == 0;
    let pow = |base: u128, n: i32| -> Option<u128> { base.checked_pow(u32::try_from(n).ok()?) };
    for last in (first - 17..=first + 1).rev() {
        // candidate = d × a / b in units of 2^(k-2)
        let a = pow(10, last.max(0))?.checked_mul(pow(2, (2 - k).max(0))?)?;
        let b = pow(10, (-last).max(0))?.checked_mul(pow(2, (k - 2).max(0))?)?;
        let scaled = middle.checked_mul(b)?;
        let d = scaled.checked_add(a / 2)? / a;
        let candidate = d.checked_mul(a)?;
        let (low, high) = (lo.checked_mul(b)?, hi.checked_mul(b)?);
        let inside = if inclusive {
            low <= candidate && candidate <= high
        } else {
            low < candidate && candidate < high
        };
        if inside && d > 0 {
            let (mut d, mut last) = (u64::try_from(d).ok()?, last);
            while d % 10 == 0 {
                d /= 10;
                last += 1;
            }
            return Some((d, last));
        }
    }
    None
}

/// [`shortest`] in floating point, for magnitudes beyond [`exact_shortest`]'s reach: the last of
/// 17 digits may be off by one.
fn approximate_shortest(x: f64, first: i32) -> (u64, i32) {
    let mut best = (0, 0);
    for precision in 1..=17 {
        let last = first + 1 - precision;
        let digits = scale(x, -last).round() as u64;
        best = (digits, last);
        if (Decimal {
            mantissa: digits,
            exponent: last,
        })
        .value()
            == x
        {
            break;
        }
    }
    best
}

/// How [`push`] and [`push_digits`] lay a number out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Rust's `{:?}`: `1.5`, `3.0`, `1e16`, `1.5e-5` (an exponent below 1e-4 and from 1e16).
    Debug,
    /// Rust's `{}`: `1.5`, `3`, never an exponent.
    Display,
    /// serde's words for a float in an error: `{}` with `.0` on whole numbers (`3.0`, `1e20`
    /// written out).
    Serde,
}

/// Writes `x` laid out as `layout` says; `-0.0`, `inf`, `-inf` and `NaN` as Rust writes them.
pub fn push(out: &mut String, x: f64, layout: Layout) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let x = x.abs();
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    if x == 0.0 {
        out.push_str(if layout == Layout::Display {
            "0"
        } else {
            "0.0"
        });
        return;
    }
    let (mut digits, mut last) = shortest(x);
    while digits % 10 == 0 {
        digits /= 10;
        last += 1;
    }
    let digits = digits.to_string();
    push_digits(out, &digits, last + digits.len() as i32 - 1, layout);
}

/// Writes the positive number whose significant digits are `digits` (ASCII, no leading or
/// trailing zeros) and whose first digit stands for 10^`first`, laid out as `layout` says.
pub fn push_digits(out: &mut String, digits: &str, first: i32, layout: Layout) {
    let last = first + 1 - digits.len() as i32;
    if layout == Layout::Debug && !(-4..16).contains(&first) {
        // d.ddde±n
        let (head, tail) = digits.split_at(1.min(digits.len()));
        out.push_str(head);
        if !tail.is_empty() {
            out.push('.');
            out.push_str(tail);
        }
        out.push('e');
        out.push_str(&first.to_string());
    } else if last >= 0 {
        out.push_str(digits);
        out.extend(std::iter::repeat('0').take(last as usize));
        if layout != Layout::Display {
            out.push_str(".0");
        }
    } else if first >= 0 {
        let (whole, fraction) = digits.split_at((first + 1) as usize);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take((-first - 1) as usize));
        out.push_str(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn debug(x: f64) -> String {
        let mut out = String::new();
        push(&mut out, x, Layout::Debug);
        assert_eq!(out, format!("{x:?}"), "{x:?}");
        out
    }

    #[track_caller]
    fn display(x: f64) -> String {
        let mut out = String::new();
        push(&mut out, x, Layout::Display);
        assert_eq!(out, format!("{x}"), "{x}");
        out
    }

    #[test]
    fn parses_what_std_parses_on_the_numbers_templates_hold() {
        for text in [
            "0",
            "1",
            "-1",
            "+5",
            "1.5",
            "1.10",
            ".5",
            "5.",
            "-0.0",
            "1e3",
            "1E-3",
            "2.5e+2",
            "123456789012345",
            "0.1",
            "0.3",
            "3.14159",
            "1e22",
            "1e23",
            "9007199254740993",
            "12345678901234567890",
            "1.7976931348623157e308",
            "5e-324",
            "1e400",
            "1e-400",
            "inf",
            "-Infinity",
            "NaN",
            "007",
            "0.000001",
        ] {
            let ours = parse(text).unwrap();
            let std: f64 = text.parse().unwrap();
            if std.is_nan() {
                assert!(ours.is_nan());
            } else {
                let close = ours == std || ((ours - std) / std).abs() < 1e-15;
                assert!(close, "{text}: {ours:?} vs {std:?}");
            }
        }
    }

    #[test]
    fn exact_range_parses_exactly() {
        for text in [
            "0.1",
            "0.2",
            "0.3",
            "1.1",
            "2.675",
            "123.456",
            "30000000000000004e-17",
        ] {
            assert_eq!(parse(text), text.parse().ok(), "{text}");
        }
    }

    #[test]
    fn rejects_what_std_rejects() {
        for text in [
            "", ".", "-", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "0x10", "1_000",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
            assert!(text.parse::<f64>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn debug_matches_std() {
        for x in [
            0.0,
            -0.0,
            1.0,
            3.0,
            1.5,
            0.1,
            0.1 + 0.2,
            1.1,
            2.5,
            100.0,
            1e15,
            1e16,
            1.5e16,
            123456.789,
            0.0001,
            0.00001,
            1.5e-5,
            1e-7,
            -2.25,
            1e300,
            2.0f64.powi(60),
            1.0 / 3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e21,
            12.0 * 1.1,
        ] {
            debug(x);
        }
        assert_eq!(debug(f64::NAN), "NaN");
    }

    #[test]
    fn serde_layout_is_display_with_a_point_on_whole_numbers() {
        for (x, want) in [
            (5.0, "5.0"),
            (1.5, "1.5"),
            (1e20, "100000000000000000000.0"),
            (-0.0, "-0.0"),
        ] {
            let mut out = String::new();
            push(&mut out, x, Layout::Serde);
            assert_eq!(out, want);
        }
    }

    #[test]
    fn display_matches_std() {
        for x in [0.0, 1.0, 28.5, 57.0, 123.25, 0.5, 1e20, 0.001, -4.75, 99.99] {
            display(x);
        }
    }

    #[test]
    fn debug_and_display_match_std_on_many_numbers() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            // Arbitrary bit patterns, and sums and products of short decimals as templates make.
            let bits = f64::from_bits(next());
            let a = (next() % 100_000) as f64 / 100.0;
            let b = (next() % 1_000) as f64 / 10.0;
            for x in [bits, a + b, a * b, a / (b + 1.0), a - b] {
                if x.abs() < 1e20 && x.abs() > 1e-5 {
                    debug(x);
                    display(x);
                } else if x.is_normal() {
                    // Far out the last digit may differ from std's; the value stays close.
                    let mut out = String::new();
                    push(&mut out, x, Layout::Debug);
                    let back: f64 = out.parse().unwrap();
                    assert!(
                        back == x || ((back - x) / x).abs() < 1e-15,
                        "{out} vs {x:?}"
                    );
                }
            }
        }
    }
}
