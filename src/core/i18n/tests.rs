use super::*;

#[cfg(feature = "i18n")]
fn translations() -> Vec<(&'static str, BTreeMap<String, Message>)> {
    built_in::LANGUAGES
        .iter()
        .map(|(tag, json)| {
            let read =
                read_translation(json).unwrap_or_else(|err| panic!("i18n/{tag}.json: {err}"));
            (*tag, read)
        })
        .collect()
}

#[test]
fn english_ids_are_unique_and_plural_messages_have_other() {
    let mut seen = std::collections::BTreeSet::new();
    for (id, source) in ENGLISH {
        assert!(seen.insert(*id), "`{id}` twice");
        if let Source::Plural(forms) = source {
            assert!(forms.iter().any(|(c, _)| *c == Category::Other), "{id}");
        }
    }
}

#[test]
#[cfg(feature = "i18n")]
fn the_issue_languages_are_shipped() {
    let tags = tags();
    for tag in [
        "fr", "de", "es", "it", "pt-BR", "nl", "pl", "ja", "zh-Hans", "ko", "ru", "uk", "tr", "ar",
    ] {
        assert!(tags.contains(&tag), "{tag}");
    }
}

#[test]
#[cfg(feature = "i18n")]
fn every_language_translates_every_message_and_nothing_else() {
    let mut problems = Vec::new();
    for (tag, messages) in translations() {
        for (id, _) in ENGLISH {
            if !messages.contains_key(*id) {
                problems.push(format!("i18n/{tag}.json lacks `{id}`"));
            }
        }
        for (id, message) in &messages {
            if let Err(err) = check(id, message) {
                problems.push(format!("i18n/{tag}.json: {err}"));
            }
            if message.texts().iter().any(|t| t.trim().is_empty()) {
                problems.push(format!("i18n/{tag}.json: `{id}` is empty"));
            }
            let plural = matches!(english(id), Some(Source::Plural(_)));
            if plural != matches!(message, Message::Plural(_)) {
                problems.push(format!(
                    "i18n/{tag}.json: `{id}` must be plural as in English, or not"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[cfg(feature = "i18n")]
#[cfg(not(target_family = "wasm"))]
fn plural_messages_have_every_form_their_language_uses() {
    let mut problems = Vec::new();
    for (tag, messages) in translations() {
        let rule = cldr_rule(tag);
        let used: std::collections::BTreeSet<Category> =
            (0..=1000).map(|n| rule.category(n)).collect();
        for (id, message) in &messages {
            if let Message::Plural(forms) = message {
                for category in &used {
                    if !forms.iter().any(|(c, _)| c == category) {
                        problems.push(format!(
                            "i18n/{tag}.json: `{id}` lacks `{}`",
                            category.name()
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[cfg(feature = "i18n")]
fn unknown_ids_and_placeholders_are_caught() {
    assert_eq!(
        check("filter.maintaned", &Message::Text("x".into())),
        Err("there is no message `filter.maintaned` (the README lists every id)".into())
    );
    assert_eq!(
        check("status.showing", &Message::Text("{shown} / {total}".into())),
        Err("the message `status.showing` has an unknown placeholder `{total}`: it takes {shown}, {count}".into())
    );
    assert_eq!(
        check("filter.all", &Message::Text("{all}".into())),
        Err("the message `filter.all` has an unknown placeholder `{all}`: it takes none".into())
    );
    assert_eq!(
        check(
            "more.show",
            &Message::Plural(vec![(Category::One, "x".into())])
        ),
        Err("the message `more.show` needs an `other` form".into())
    );
}

#[test]
fn a_locale_falls_back_from_tag_to_language_to_english() {
    let shipped = ["en", "pt-BR", "pt", "zh-Hans", "fr"];
    assert_eq!(resolve("pt-BR", &shipped), "pt-BR");
    assert_eq!(resolve("pt_br", &shipped), "pt-BR");
    assert_eq!(resolve("pt-BR", &["en", "pt"]), "pt");
    assert_eq!(resolve("pt-BR", &["en", "fr"]), "en");
    assert_eq!(resolve("fr-CA", &shipped), "fr");
    assert_eq!(resolve("zh-CN", &shipped), "zh-Hans");
    assert_eq!(resolve("pt-PT", &["en", "pt-BR"]), "pt-BR");
    assert_eq!(resolve("sw", &shipped), "en");
    assert_eq!(resolve("", &shipped), "en");
}

#[test]
#[cfg(feature = "i18n")]
fn the_built_in_catalogue_follows_the_chain() {
    assert_eq!(Messages::for_locale("pt-BR").tag(), "pt-BR");
    assert_eq!(Messages::for_locale("fr-BE").tag(), "fr");
    assert_eq!(Messages::for_locale("de-AT").text("filter.all"), "Alle");
    assert_eq!(Messages::for_locale("xx").tag(), "en");
    assert_eq!(Messages::for_locale("xx").text("filter.all"), "All");
}

#[test]
fn overrides_win_over_the_catalogue() {
    let mut overrides = Overrides::new();
    overrides.insert("filter.all".into(), Message::Text("Everything".into()));
    let messages = Messages::for_locale("en").with_overrides(overrides);
    assert_eq!(messages.text("filter.all"), "Everything");
    assert_eq!(messages.text("filter.ended"), "Ended");
}

#[test]
#[cfg(feature = "i18n")]
#[cfg(not(target_family = "wasm"))]
fn plural_forms_follow_cldr_in_polish_russian_and_arabic() {
    let count = |tag: &str, n: u64| {
        let messages = Messages::for_locale(tag);
        let rule = cldr_rule(tag);
        messages.count("more.show", n, rule.category(n), &[])
    };
    assert_eq!(count("pl", 1), "Pokaż jeszcze 1 niewspieraną wersję");
    assert_eq!(count("pl", 3), "Pokaż jeszcze 3 niewspierane wersje");
    assert_eq!(count("pl", 5), "Pokaż jeszcze 5 niewspieranych wersji");
    assert_eq!(count("pl", 22), "Pokaż jeszcze 22 niewspierane wersje");
    assert_eq!(count("ru", 21), "Показать ещё 21 неподдерживаемую версию");
    assert_eq!(count("ru", 4), "Показать ещё 4 неподдерживаемые версии");
    assert_eq!(count("ru", 11), "Показать ещё 11 неподдерживаемых версий");
    assert_eq!(count("ar", 0), "عرض 0 إصدار إضافي غير مدعوم");
    assert_eq!(count("ar", 2), "عرض إصدارين إضافيين غير مدعومين");
    assert_eq!(count("ar", 3), "عرض 3 إصدارات إضافية غير مدعومة");
    assert_eq!(count("ar", 11), "عرض 11 إصدارًا إضافيًا غير مدعوم");
    assert_eq!(count("ar", 100), "عرض 100 إصدار إضافي غير مدعوم");
}

#[test]
#[cfg(not(target_family = "wasm"))]
fn english_plurals_read_as_before() {
    let rule = cldr_rule("en");
    let m = &ENGLISH_MESSAGES;
    assert_eq!(
        m.count("status.showing", 1, rule.category(1), &[("shown", "1")]),
        "Showing 1 of 1 release"
    );
    assert_eq!(
        m.count("status.showing", 8, rule.category(8), &[("shown", "3")]),
        "Showing 3 of 8 releases"
    );
}

#[test]
fn placeholders_fill_and_unknown_braces_stay() {
    assert_eq!(fill("a {x} b {y} {", &[("x", "1")]), "a 1 b {y} {");
    assert_eq!(placeholders("{a} and {b}"), ["a", "b"]);
    let (before, after) = ENGLISH_MESSAGES.around("card.policy", "link", &[]);
    assert_eq!(
        (before.as_str(), after.as_str()),
        ("More information is available on the ", ".")
    );
}

#[test]
fn the_readme_lists_every_message_id_and_no_other() {
    let readme = include_str!("../../../README.md");
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once("` |"))
        .map(|(id, _)| id)
        .filter(|id| id.contains('.') || *id == "dir")
        .filter(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .collect();
    let ids: Vec<&str> = ENGLISH.iter().map(|(id, _)| *id).collect();
    let missing: Vec<&&str> = ids.iter().filter(|id| !listed.contains(id)).collect();
    let unknown: Vec<&&str> = listed.iter().filter(|id| !ids.contains(id)).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "README.md's list of message ids: missing {missing:?}, unknown {unknown:?}"
    );
}
