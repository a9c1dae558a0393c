//! Embeds product files at build time: every `.md`, `.yaml`, `.yml` or `.json` file in the folder
//! named by `EOL_TABLE_PRODUCTS` becomes a built-in product, selected by its file name
//! (`nodejs.md` → `product: "nodejs"`). The Istio seed is always built in.
//!
//! With the `i18n` feature, embeds the translations likewise: every `i18n/<tag>.json`, or only
//! the tags listed in `EOL_TABLE_LOCALES` (`fr,de,ja`).
//!
//! Also writes the default stylesheet without its comments and spare white space, and without
//! the rules of cargo features left out of the build
//! (`/* @feature NAME */` ... `/* @end */` in style.css); `scripts/build.sh` ships that same
//! text as `eol-table.css`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=EOL_TABLE_PRODUCTS");
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let mut entries = String::new();
    if let Ok(dir) = env::var("EOL_TABLE_PRODUCTS") {
        println!("cargo:rerun-if-changed={dir}");
        let dir =
            fs::canonicalize(&dir).unwrap_or_else(|err| panic!("EOL_TABLE_PRODUCTS={dir}: {err}"));
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("EOL_TABLE_PRODUCTS={}: {err}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "md" | "yaml" | "yml" | "json"))
            })
            .collect();
        files.sort();
        let mut seen = vec!["istio".to_owned()];
        for path in files {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
                continue;
            };
            if seen.contains(&id) {
                println!(
                    "cargo:warning=EOL_TABLE_PRODUCTS: `{id}` is built in already; {} is skipped",
                    path.display()
                );
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            entries.push_str(&format!(
                "    ({id:?}, include_str!({:?})),\n",
                path.display().to_string()
            ));
            seen.push(id);
        }
    }
    let code = format!(
        "/// Products embedded at build time from the `EOL_TABLE_PRODUCTS` folder.\n\
         pub const EMBEDDED: &[(&str, &str)] = &[\n{entries}];\n"
    );
    let target = Path::new(&out_dir).join("embedded.rs");
    fs::write(&target, code).unwrap_or_else(|err| panic!("{}: {err}", target.display()));

    languages(&out_dir);

    let source = "src/dom/style.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).unwrap_or_else(|err| panic!("{source}: {err}"));
    let target = Path::new(&out_dir).join("style.css");
    fs::write(&target, minify_css(&for_features(&css)))
        .unwrap_or_else(|err| panic!("{}: {err}", target.display()));
}

/// Writes `languages.rs`: the built-in translations, `(tag, JSON text)` sorted by tag.
fn languages(out_dir: &str) {
    println!("cargo:rerun-if-env-changed=EOL_TABLE_LOCALES");
    println!("cargo:rerun-if-changed=i18n");
    let mut entries = String::new();
    if env::var_os("CARGO_FEATURE_I18N").is_some() {
        let dir = fs::canonicalize("i18n").unwrap_or_else(|err| panic!("i18n: {err}"));
        let mut files: Vec<(String, PathBuf)> = fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("i18n: {err}"))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().and_then(|e| e.to_str()) == Some("json"))
            .filter_map(|path| {
                let tag = path.file_stem()?.to_str()?.to_owned();
                Some((tag, path))
            })
            .collect();
        files.sort();
        if let Ok(list) = env::var("EOL_TABLE_LOCALES") {
            let wanted: Vec<&str> = list
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            for tag in &wanted {
                if *tag != "en" && !files.iter().any(|(t, _)| t == tag) {
                    let known: Vec<&str> = files.iter().map(|(t, _)| t.as_str()).collect();
                    panic!(
                        "EOL_TABLE_LOCALES: there is no i18n/{tag}.json; there are {}",
                        known.join(", ")
                    );
                }
            }
            files.retain(|(tag, _)| wanted.contains(&tag.as_str()));
        }
        for (tag, path) in files {
            println!("cargo:rerun-if-changed={}", path.display());
            entries.push_str(&format!(
                "    ({tag:?}, include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    let code = format!(
        "/// The translations built in from `i18n/`.\n\
         pub const LANGUAGES: &[(&str, &str)] = &[\n{entries}];\n"
    );
    let target = Path::new(out_dir).join("languages.rs");
    fs::write(&target, code).unwrap_or_else(|err| panic!("{}: {err}", target.display()));
}

/// `css` without the sections of cargo features this build leaves out: lines from
/// `/* @feature NAME */` to `/* @end */` are kept only when feature NAME is on.
fn for_features(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut skipping = false;
    for line in css.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed
            .strip_prefix("/* @feature ")
            .and_then(|rest| rest.strip_suffix(" */"))
        {
            let var = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
            skipping = env::var_os(var).is_none();
        } else if trimmed == "/* @end */" {
            skipping = false;
        } else if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `css` without comments, with white space runs made one space and dropped next to `{`, `}`,
/// `;` and `,` and after `:`, and without the `;` before a `}`. Quoted strings are kept as they
/// are, escapes included. (A space before `:` can matter, `a :hover`; after it, never.)
fn minify_css(css: &str) -> String {
    let mut out =
        String::from("/* eol-table's default stylesheet (source: src/dom/style.css) */\n");
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            _ => {
                let after_punctuation = out.ends_with(['{', '}', ';', ',', ':', '\n']);
                if space && !after_punctuation {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    while let Some(inner) = chars.next() {
                        out.push(inner);
                        if inner == '\\' {
                            // An escape: the next character is part of the string.
                            out.extend(chars.next());
                        } else if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out.push('\n');
    out
}
