//! Browser tests: what a person sees when the widget renders in headless Chromium.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh element in the page's body.
fn host() -> Element {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn options(today: &str) -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"today".into(), &today.into()).unwrap();
    options.into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn istio_seed_renders_what_the_site_shows_on_2022_05_01() {
    let host = host();
    let mut table =
        eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    let root = host
        .query_selector("div.eol-table[data-product=\"istio\"]")
        .unwrap()
        .expect("the root element");
    assert_eq!(
        text(&root.query_selector("table > caption").unwrap().unwrap()),
        "Istio"
    );

    let headers: Vec<(String, String)> = all(&root, "thead th[data-column]")
        .iter()
        .map(|th| (th.get_attribute("data-column").unwrap(), text(th)))
        .collect();
    let expected = [
        ("release", "Release"),
        ("releaseDate", "Released"),
        ("eol", "End of Support"),
        ("latest", "Latest"),
    ];
    assert_eq!(headers, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));

    let rows = all(&root, "tbody tr[data-cycle]");
    let seen: Vec<Vec<(String, Option<String>)>> = rows
        .iter()
        .map(|tr| {
            all(tr, "td[data-column]")
                .iter()
                .map(|td| (text(td), td.get_attribute("data-status")))
                .collect()
        })
        .collect();
    let cell = |t: &str, s: Option<&str>| (t.to_owned(), s.map(str::to_owned));
    let unknown = || cell("Unknown", Some("unknown"));
    let expected = vec![
        vec![
            cell("1.13", None),
            cell("2 months and 2 weeks ago (11 Feb 2022)", None),
            cell("Ends in 6 months (Oct 2022)", Some("ok")),
            unknown(),
        ],
        vec![
            cell("1.12", None),
            cell("5 months ago (18 Nov 2021)", None),
            cell("Ends in 2 months (Jun 2022)", Some("soon")),
            unknown(),
        ],
        vec![
            cell("1.11", None),
            cell("8 months ago (12 Aug 2021)", None),
            cell("Ended 1 month ago (Mar 2022)", Some("ended")),
            unknown(),
        ],
        vec![
            cell("1.10", None),
            cell("11 months ago (18 May 2021)", None),
            cell(
                "Ended 3 months and 3 weeks ago (07 Jan 2022)",
                Some("ended"),
            ),
            unknown(),
        ],
        vec![
            cell("1.9", None),
            cell("1 year and 2 months ago (09 Feb 2021)", None),
            cell(
                "Ended 6 months and 3 weeks ago (08 Oct 2021)",
                Some("ended"),
            ),
            unknown(),
        ],
        vec![
            cell("1.8", None),
            cell("1 year and 5 months ago (10 Nov 2020)", None),
            cell("Ended 11 months ago (12 May 2021)", Some("ended")),
            unknown(),
        ],
        vec![
            cell("1.7", None),
            cell("1 year and 8 months ago (21 Aug 2020)", None),
            cell("Ended 1 year and 2 months ago (25 Feb 2021)", Some("ended")),
            unknown(),
        ],
        vec![
            cell("1.6 and earlier", None),
            unknown(),
            unknown(),
            unknown(),
        ],
    ];
    assert_eq!(seen, expected);

    let cycles: Vec<_> = rows
        .iter()
        .map(|tr| tr.get_attribute("data-cycle").unwrap())
        .collect();
    assert_eq!(
        cycles,
        [
            "1.13",
            "1.12",
            "1.11",
            "1.10",
            "1.9",
            "1.8",
            "1.7",
            "1.6 and earlier"
        ]
    );
    let maintained: Vec<_> = rows
        .iter()
        .map(|tr| tr.get_attribute("data-maintained").unwrap())
        .collect();
    assert_eq!(
        maintained,
        ["true", "true", "false", "false", "false", "false", "false", "false"]
    );

    let time = root
        .query_selector("tr[data-cycle=\"1.13\"] td[data-column=\"eol\"] time")
        .unwrap()
        .expect("a <time> in the eol cell");
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2022-10"));
    let struck = all(
        &root,
        "tr[data-cycle=\"1.11\"] td[data-column=\"release\"] s",
    );
    assert_eq!(struck.len(), 1, "an ended release is struck through");

    let colour = web_sys::window()
        .unwrap()
        .get_computed_style(
            &root
                .query_selector("tr[data-cycle=\"1.12\"] td[data-column=\"eol\"]")
                .unwrap()
                .unwrap(),
        )
        .unwrap()
        .unwrap()
        .get_property_value("background-color")
        .unwrap();
    assert_eq!(colour, "rgb(247, 209, 46)", "ends soon is yellow (#f7d12e)");

    table.destroy();
    assert_eq!(
        host.children().length(),
        0,
        "destroy removes what render added"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn bad_input_shows_an_alert_in_the_element_and_throws_the_same_message() {
    let host = host();
    let source = JsValue::from_str(
        "---\ntitle: Bad\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n",
    );
    let err = eol_table::render(
        host.clone().into(),
        Some(source),
        Some(options("2022-05-01")),
    )
    .err()
    .expect("an error");
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert_eq!(
        message,
        "line 5, column 10: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found `soon`"
    );
    assert!(err.is_instance_of::<js_sys::Error>());
    let alert = host
        .query_selector("[role=\"alert\"]")
        .unwrap()
        .expect("an alert");
    assert_eq!(text(&alert), message);

    // The next render into the same element replaces the alert with a table.
    eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    assert!(host.query_selector("[role=\"alert\"]").unwrap().is_none());
    assert_eq!(all(&host, "tbody tr[data-cycle]").len(), 8);
    host.remove();
}

#[wasm_bindgen_test]
fn rendering_twice_into_one_element_keeps_one_table() {
    let host = host();
    eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    assert_eq!(all(&host, "div.eol-table").len(), 1);
    host.remove();
}

#[wasm_bindgen_test]
fn only_allowlisted_links_reach_the_page() {
    let host = host();
    let source = "title: Links\nlatestColumn: false\nreleases:\n\
        - releaseCycle: \"<img src=x onerror=alert(1)>\"\n  link: javascript:alert(1)\n\
        - releaseCycle: ok\n  link: https://example.com/ok\n";
    eol_table::render(
        host.clone().into(),
        Some(source.into()),
        Some(options("2022-05-01")),
    )
    .unwrap();
    let hrefs: Vec<_> = all(&host, "a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(hrefs, ["https://example.com/ok"]);
    assert!(all(&host, "img").is_empty(), "text stays text");
    assert_eq!(
        text(&all(&host, "td[data-column=\"release\"]")[0]),
        "<img src=x onerror=alert(1)>"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn parse_product_gives_the_api_v1_shape_with_nulls() {
    let product = eol_table::parse_product(None, Some(options("2022-05-01"))).unwrap();
    assert_eq!(get(&product, "name"), "istio");
    assert_eq!(get(&get(&product, "labels"), "eol"), "End of Support");
    assert!(get(&get(&product, "labels"), "eoas").is_null());
    let releases: js_sys::Array = get(&product, "releases").dyn_into().unwrap();
    assert_eq!(releases.length(), 8);
    let first = releases.get(0);
    assert_eq!(get(&first, "eolFrom"), "2022-10");
    assert_eq!(get(&first, "isEol"), false);
    assert!(
        !Reflect::has(&first, &"isEoas".into()).unwrap(),
        "eoas column off: left out"
    );
    let last = releases.get(7);
    assert_eq!(get(&last, "name"), "1.6 and earlier");
    assert!(get(&last, "isEol").is_null(), "null, not undefined");
    assert!(get(&last, "releaseDate").is_null());
    assert!(get(&last, "custom").is_null());
}

#[wasm_bindgen_test]
fn a_bad_today_option_is_an_error() {
    let err = eol_table::parse_product(None, Some(options("May 1st"))).expect_err("an error");
    let message = get(&err.into(), "message").as_string().unwrap();
    assert_eq!(
        message,
        "the option `today` must be a date written YYYY-MM-DD, found \"May 1st\""
    );
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_name_the_value_and_the_type_expected() {
    let message = |options: JsValue| {
        let err = eol_table::parse_product(None, Some(options)).expect_err("an error");
        get(&err.into(), "message").as_string().unwrap()
    };
    let with = |key: &str, value: JsValue| {
        let options = Object::new();
        Reflect::set(&options, &key.into(), &value).unwrap();
        JsValue::from(options)
    };
    let cases = [
        (with("today", 5.into()), "the option `today` must be text, found 5"),
        (with("header", "yes".into()), "the option `header` must be true or false, found \"yes\""),
        (with("maxInputBytes", true.into()), "the option `maxInputBytes` must be a number, found true"),
        (
            with("sort", 1.into()),
            "the option `sort` must be an object such as { column: \"eol\", direction: \"descending\" }, found 1",
        ),
        (with("sort", with("column", JsValue::NULL)), "the option `sort.column` must be text, found null"),
        (with("today", Object::new().into()), "the option `today` must be text, found an object"),
        (with("virtualize", "yes".into()), "the option `virtualize` must be true, false or \"auto\", found \"yes\""),
        ("options".into(), "the options must be an object, found \"options\""),
        (with("sort", Object::new().into()), "the option `sort` needs `column`"),
    ];
    for (options, expected) in cases {
        assert_eq!(message(options), expected);
    }
}

/// The cycles of the rows a person can see, in order.
fn visible_cycles(root: &Element) -> Vec<String> {
    all(root, "tbody tr[data-cycle]:not([hidden])")
        .iter()
        .filter_map(|tr| tr.get_attribute("data-cycle"))
        .collect()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

fn live_text(root: &Element) -> String {
    text(
        &root
            .query_selector("[role=\"status\"][aria-live=\"polite\"]")
            .unwrap()
            .unwrap(),
    )
}

fn istio(host: &Element) -> eol_table::EolTable {
    eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap()
}

#[wasm_bindgen_test]
fn old_unmaintained_releases_hide_behind_a_toggle() {
    let host = host();
    let _table = istio(&host);
    assert_eq!(visible_cycles(&host), ["1.13", "1.12", "1.11"]);
    assert_eq!(live_text(&host), "Showing 3 of 8 releases");
    let more = host
        .query_selector("button[data-action=\"more\"]")
        .unwrap()
        .unwrap();
    assert_eq!(text(&more), "Show 5 more unmaintained releases");
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    click(&host, "button[data-action=\"more\"]");
    assert_eq!(visible_cycles(&host).len(), 8);
    assert_eq!(text(&more), "Hide 5 unmaintained releases");
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(live_text(&host), "Showing 8 of 8 releases");
    click(&host, "button[data-action=\"more\"]");
    assert_eq!(visible_cycles(&host).len(), 3);
    host.remove();
}

#[wasm_bindgen_test]
fn headers_sort_by_version_date_and_status_with_aria_sort() {
    let host = host();
    let source = "title: Sorts\nreleases:\n\
        - releaseCycle: \"1.9\"\n  releaseDate: 2021-02-09\n  eol: 2021-10\n  latest: \"1.9.9\"\n\
        - releaseCycle: \"1.13\"\n  releaseDate: 2022-02-11\n  eol: false\n  latest: \"1.13.10\"\n\
        - releaseCycle: \"1.10\"\n  eol: true\n  latest: \"1.10.2\"\n\
        - releaseCycle: \"1.11\"\n  releaseDate: 2021-08-12\n  eol: 2021-10-31\n";
    eol_table::render(
        host.clone().into(),
        Some(source.into()),
        Some(options("2022-05-01")),
    )
    .unwrap();
    assert_eq!(
        visible_cycles(&host),
        ["1.9", "1.13", "1.10", "1.11"],
        "file order first"
    );
    assert!(all(&host, "th[aria-sort]").is_empty());

    click(&host, "th[data-column=\"release\"] button");
    assert_eq!(
        visible_cycles(&host),
        ["1.9", "1.10", "1.11", "1.13"],
        "versions, not text"
    );
    assert_eq!(
        attr(&host, "th[data-column=\"release\"]", "aria-sort").as_deref(),
        Some("ascending")
    );
    click(&host, "th[data-column=\"release\"] button");
    assert_eq!(visible_cycles(&host), ["1.13", "1.11", "1.10", "1.9"]);
    assert_eq!(
        attr(&host, "th[data-column=\"release\"]", "aria-sort").as_deref(),
        Some("descending")
    );

    click(&host, "th[data-column=\"releaseDate\"] button");
    assert_eq!(
        visible_cycles(&host),
        ["1.9", "1.11", "1.13", "1.10"],
        "unknown dates last"
    );
    assert_eq!(
        all(&host, "th[aria-sort]").len(),
        1,
        "aria-sort moves to the sorted header"
    );
    click(&host, "th[data-column=\"releaseDate\"] button");
    assert_eq!(
        visible_cycles(&host),
        ["1.13", "1.11", "1.9", "1.10"],
        "unknown dates last both ways"
    );

    // A month sorts at its end: 2021-10 (Oct 31) ties 2021-10-31; booleans by status.
    click(&host, "th[data-column=\"eol\"] button");
    assert_eq!(visible_cycles(&host), ["1.10", "1.9", "1.11", "1.13"]);
    click(&host, "th[data-column=\"latest\"] button");
    assert_eq!(visible_cycles(&host), ["1.9", "1.10", "1.13", "1.11"]);
    host.remove();
}

#[wasm_bindgen_test]
fn filters_and_search_announce_their_counts() {
    let host = host();
    let mut table = istio(&host);
    click(&host, "button[data-filter=\"maintained\"]");
    assert_eq!(visible_cycles(&host), ["1.13", "1.12"]);
    assert_eq!(live_text(&host), "Showing 2 of 8 releases");
    assert_eq!(
        attr(&host, "button[data-filter=\"maintained\"]", "aria-pressed").as_deref(),
        Some("true")
    );
    click(&host, "button[data-filter=\"ended\"]");
    assert_eq!(visible_cycles(&host).len(), 6);
    click(&host, "button[data-filter=\"all\"]");

    // Typing in the search box.
    let search = host
        .query_selector("input[type=\"search\"]")
        .unwrap()
        .unwrap();
    Reflect::set(&search, &"value".into(), &"1.1".into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    search
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    assert_eq!(visible_cycles(&host), ["1.13", "1.12", "1.11", "1.10"]);
    assert_eq!(live_text(&host), "Showing 4 of 8 releases");

    table.set_search("no such release".into()).unwrap();
    assert!(visible_cycles(&host).is_empty());
    let empty = host.query_selector("tr.eol-table__empty").unwrap().unwrap();
    assert!(
        !empty.has_attribute("hidden"),
        "a friendly row instead of an empty table"
    );
    assert_eq!(
        text(&empty),
        "No releases match \u{201c}no such release\u{201d}."
    );
    assert_eq!(live_text(&host), "Showing 0 of 8 releases");
    host.remove();
}

#[wasm_bindgen_test]
fn exact_dates_keep_the_date_and_its_iso_tooltip() {
    let host = host();
    let _table = istio(&host);
    click(&host, "button[data-action=\"dates\"]");
    let root = host.query_selector("div.eol-table").unwrap().unwrap();
    assert_eq!(
        root.get_attribute("data-date-style").as_deref(),
        Some("absolute")
    );
    let cell: web_sys::HtmlElement = host
        .query_selector("tr[data-cycle=\"1.13\"] td[data-column=\"eol\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(cell.inner_text().trim(), "Oct 2022", "the date alone");
    assert_eq!(
        attr(
            &host,
            "tr[data-cycle=\"1.10\"] td[data-column=\"eol\"] time",
            "title"
        )
        .as_deref(),
        Some("2022-01-07")
    );
    host.remove();
}

#[wasm_bindgen_test]
fn a_locale_rewords_dates_through_intl() {
    let host = host();
    let options = options("2022-05-01");
    Reflect::set(&options, &"locale".into(), &"fr".into()).unwrap();
    let mut table = eol_table::render(host.clone().into(), None, Some(options)).unwrap();
    let eol = |cycle: &str| {
        text(
            &host
                .query_selector(&format!(
                    "tr[data-cycle=\"{cycle}\"] td[data-column=\"eol\"]"
                ))
                .unwrap()
                .unwrap(),
        )
    };
    assert_eq!(eol("1.12"), "Fin dans 2 mois (juin 2022)");
    assert_eq!(
        eol("1.10"),
        "Terminé il y a 3 mois et 3 semaines (07 janv. 2022)"
    );
    table.set_locale(Some("en-US".into())).unwrap();
    assert_eq!(eol("1.12"), "Ends in 2 months (Jun 2022)");
    assert_eq!(eol("1.10"), "Ended 3 months and 3 weeks ago (Jan 07, 2022)");
    let err: JsValue = table
        .set_locale(Some("not a locale!".into()))
        .expect_err("an error")
        .into();
    assert_eq!(
        get(&err, "message"),
        "the option `locale` must be a language tag such as \"fr\" or \"pt-BR\", found \"not a locale!\""
    );
    host.remove();
}

/// The `detail` of every `eol-table:change` event on an element, heard until dropped.
struct Changes {
    seen: js_sys::Array,
    target: Element,
    record: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Changes {
    fn on(target: &Element) -> Changes {
        let seen = js_sys::Array::new();
        let record = {
            let seen = seen.clone();
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    seen.push(&event.detail());
                },
            )
        };
        target
            .add_event_listener_with_callback("eol-table:change", record.as_ref().unchecked_ref())
            .unwrap();
        Changes {
            seen,
            target: target.clone(),
            record,
        }
    }
}

impl Drop for Changes {
    fn drop(&mut self) {
        self.target
            .remove_event_listener_with_callback(
                "eol-table:change",
                self.record.as_ref().unchecked_ref(),
            )
            .unwrap();
    }
}

#[wasm_bindgen_test]
fn every_change_dispatches_eol_table_change_with_the_state() {
    let host = host();
    let mut table = istio(&host);
    let changes = Changes::on(&host);
    let seen = changes.seen.clone();
    click(&host, "th[data-column=\"eol\"] button");
    table.set_filter("maintained".into()).unwrap();
    table.set_theme("dark".into()).unwrap();
    assert_eq!(seen.length(), 3);
    let last = seen.get(2);
    assert_eq!(get(&get(&last, "sort"), "column"), "eol");
    assert_eq!(get(&get(&last, "sort"), "direction"), "ascending");
    assert_eq!(get(&last, "filter"), "maintained");
    assert_eq!(get(&last, "theme"), "dark");
    assert_eq!(get(&last, "visible"), 2);
    assert_eq!(get(&last, "total"), 8);
    assert_eq!(
        attr(&host, "div.eol-table", "data-theme").as_deref(),
        Some("dark")
    );
    drop(changes);
    host.remove();
}

#[wasm_bindgen_test]
fn options_set_the_initial_state_and_bad_ones_are_errors() {
    let host = host();
    let options = options("2022-05-01");
    let sort = Object::new();
    Reflect::set(&sort, &"column".into(), &"eol".into()).unwrap();
    Reflect::set(&sort, &"direction".into(), &"descending".into()).unwrap();
    Reflect::set(&options, &"sort".into(), &sort).unwrap();
    Reflect::set(&options, &"filter".into(), &"ended".into()).unwrap();
    Reflect::set(&options, &"dateStyle".into(), &"absolute".into()).unwrap();
    let table = eol_table::render(host.clone().into(), None, Some(options.clone())).unwrap();
    assert_eq!(
        visible_cycles(&host),
        ["1.11", "1.10", "1.9", "1.8", "1.7", "1.6 and earlier"]
    );
    assert_eq!(get(&table.state(), "dateStyle"), "absolute");

    Reflect::set(&options, &"filter".into(), &"old".into()).unwrap();
    let err: JsValue = eol_table::render(host.clone().into(), None, Some(options))
        .err()
        .expect("an error")
        .into();
    assert_eq!(
        get(&err, "message"),
        "the option `filter` must be \"all\", \"maintained\" or \"ended\", found \"old\""
    );
    host.remove();
}

#[wasm_bindgen_test]
fn destroy_removes_the_table_and_its_listeners() {
    let host = host();
    let mut table = istio(&host);
    let root = host.query_selector("div.eol-table").unwrap().unwrap();
    table.destroy();
    assert!(host.query_selector("div.eol-table").unwrap().is_none());
    // The detached root no longer reacts: its listeners are gone.
    root.query_selector("button[data-action=\"more\"]")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(all(&root, "tbody tr[data-cycle]:not([hidden])").len(), 3);
    assert!(
        table.set_filter("ended".into()).is_err(),
        "a destroyed table says so"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn a_table_keeps_working_without_its_handle_and_re_rendering_frees_it() {
    let host = host();
    let before = eol_table::live_tables();
    drop(istio(&host));
    click(&host, "button[data-action=\"more\"]");
    assert_eq!(visible_cycles(&host).len(), 8, "the controls still work");
    assert_eq!(eol_table::live_tables(), before + 1);
    drop(istio(&host));
    assert_eq!(
        eol_table::live_tables(),
        before + 1,
        "the replaced table was freed"
    );
    let mut table = istio(&host);
    table.destroy();
    assert_eq!(eol_table::live_tables(), before);
    host.remove();
}

/// `html`, parsed by the browser: the first element of it.
fn parsed(html: &str) -> Element {
    let scratch = document().create_element("div").unwrap();
    scratch.set_inner_html(html);
    scratch.first_element_child().expect("an element")
}

#[track_caller]
fn assert_same(built: &Element, parsed: &Element) {
    // The builder adds adjacent text as separate nodes; the HTML parser merges them.
    let built = built.clone_node_with_deep(true).unwrap();
    built.normalize();
    assert!(
        parsed.is_equal_node(Some(&built)),
        "written:\n{}\nbuilt:\n{}",
        parsed.outer_html(),
        built.dyn_ref::<Element>().unwrap().outer_html()
    );
}

#[wasm_bindgen_test]
fn the_elements_built_from_a_tree_are_the_html_written_from_it() {
    use eol_table::core::markup::Element as Tree;
    use eol_table::core::{
        html, input, markdown, parse_today, table, view, widget, wording::English,
    };
    let source = "title: \"SSR & widget\"\nlatestColumn: true\nLTSLabel: \"<abbr title='Long Term'>LTS</abbr>\"\n\
        customFields:\n  - name: node\n    display: after-release-column\n    label: Node <b>version</b>\n\
        changelogTemplate: https://example.com/__LATEST__?a=1&b=\"2\"\nreleases:\n\
        - releaseCycle: \"16.0\"\n  codename: Dallas\n  releaseLabel: \"2022 '__CODENAME__'\"\n  lts: true\n  node: \"<18>\"\n  releaseDate: 2022-11-16\n\
         \n  eol: 2033-01-11\n  latest: \"16.0.4\"\n  latestReleaseDate: 2026-07-16\n\
        - releaseCycle: \"1.9\"\n  eol: true\n  eoes: null\n";
    let document = document();
    let product = input::read(source, input::Format::Auto).unwrap();
    let model = table::build(
        &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
        &English,
    );

    // The server-side table, and the Istio body with its links, headings and quote.
    let body = markdown::parse(
        &eol_table::core::parse::parse(eol_table::core::products::ISTIO)
            .unwrap()
            .body,
    );
    for tree in [
        widget::table::page(&model),
        Tree::html("div").children(body),
    ] {
        let built = eol_table::dom::tree::build(&document, &tree).unwrap();
        assert_same(&built, &parsed(&html::to_html(&tree)));
    }

    // The widget's rows are the rows server-side rendering writes.
    let host = host();
    let options = options("2022-05-01");
    Reflect::set(&options, &"showAllReleases".into(), &true.into()).unwrap();
    eol_table::render(host.clone().into(), Some(source.into()), Some(options)).unwrap();
    let rows = all(&host, "tbody tr[data-cycle]");
    assert_eq!(rows.len(), model.rows.len());
    for (row, tr) in model.rows.iter().zip(&rows) {
        let written = parsed(&format!(
            "<table><tbody>{}</tbody></table>",
            html::row(row, &model)
        ));
        assert_same(tr, &written.query_selector("tr").unwrap().expect("a row"));
    }
    host.remove();
}

fn version_options(today: &str, version: &str) -> JsValue {
    let options = options(today);
    Reflect::set(&options, &"version".into(), &version.into()).unwrap();
    options
}

#[wasm_bindgen_test]
fn check_version_names_the_cycle_days_left_and_upgrade() {
    let found =
        eol_table::check_version(None, "1.12.4".into(), Some(options("2022-05-01"))).unwrap();
    assert_eq!(get(&found, "cycle"), "1.12");
    assert_eq!(get(&found, "status"), "soon");
    assert_eq!(get(&found, "daysLeft"), 60);
    assert_eq!(get(&get(&found, "upgrade"), "cycle"), "1.13");
    assert_eq!(get(&found, "isEol"), false);
    let missing =
        eol_table::check_version(None, "2.0.0".into(), Some(options("2022-05-01"))).unwrap();
    assert_eq!(get(&missing, "found"), false);
    assert!(get(&missing, "cycle").is_null());
    let nearest: js_sys::Array = get(&missing, "nearest").dyn_into().unwrap();
    assert_eq!(
        nearest.to_vec(),
        [JsValue::from("1.13"), JsValue::from("1.12")]
    );
}

#[wasm_bindgen_test]
fn the_version_option_highlights_its_row_with_a_verdict() {
    let host = host();
    let mut table = eol_table::render(
        host.clone().into(),
        None,
        Some(version_options("2022-05-01", "1.12.4")),
    )
    .unwrap();
    let current = all(&host, "tr[aria-current=\"true\"]");
    assert_eq!(current.len(), 1);
    assert_eq!(
        current[0].get_attribute("data-cycle").as_deref(),
        Some("1.12")
    );
    let verdict = host.query_selector(".eol-table__verdict").unwrap().unwrap();
    assert!(!verdict.has_attribute("hidden"));
    assert_eq!(
        verdict.get_attribute("data-status").as_deref(),
        Some("soon")
    );
    assert_eq!(
        text(&verdict),
        "1.12.4 is supported until 30 Jun 2022 \u{2014} ends in 2 months; upgrade to 1.13"
    );
    // A version in a hidden old release reveals the old releases.
    table.set_version(Some("1.8.2".into())).unwrap();
    let current = all(&host, "tr[aria-current=\"true\"]");
    assert_eq!(
        current[0].get_attribute("data-cycle").as_deref(),
        Some("1.8")
    );
    assert!(!current[0].has_attribute("hidden"));
    table.set_version(None).unwrap();
    assert!(all(&host, "tr[aria-current]").is_empty());
    assert!(verdict.has_attribute("hidden"));
    host.remove();
}

#[wasm_bindgen_test]
fn a_badge_shows_the_status_with_the_full_sentence_as_its_name() {
    let host = host();
    let badge = eol_table::render_badge(
        host.clone().into(),
        None,
        Some(version_options("2022-05-01", "1.12.4")),
    )
    .unwrap();
    assert_eq!(badge.get_attribute("data-status").as_deref(), Some("soon"));
    assert_eq!(text(&badge), "Istio 1.12ends in 2 months");
    assert_eq!(badge.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        badge.get_attribute("aria-label").as_deref(),
        Some("1.12.4 is supported until 30 Jun 2022 \u{2014} ends in 2 months; upgrade to 1.13")
    );
    let ended = eol_table::render_badge(
        host.clone().into(),
        None,
        Some(version_options("2022-05-01", "1.9.1")),
    )
    .unwrap();
    assert_eq!(ended.get_attribute("data-status").as_deref(), Some("ended"));
    assert_eq!(
        all(&host, ".eol-badge").len(),
        1,
        "a new badge replaces the old one"
    );
    let err = eol_table::render_badge(host.clone().into(), None, Some(options("2022-05-01")))
        .expect_err("an error");
    assert_eq!(
        get(&err.into(), "message"),
        "a badge needs the `version` option, such as { version: \"1.12.4\" }"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn the_svg_badge_is_well_formed_xml_with_the_expected_text() {
    let svg = eol_table::badge_svg(None, Some(version_options("2022-05-01", "<1.12.4&>"))).unwrap();
    let parser = web_sys::DomParser::new().unwrap();
    let doc = parser
        .parse_from_string(&svg, web_sys::SupportedType::ImageSvgXml)
        .unwrap();
    assert!(
        doc.get_elements_by_tag_name("parsererror").length() == 0,
        "{svg}"
    );
    let root = doc.document_element().unwrap();
    assert_eq!(root.tag_name(), "svg");
    let svg = eol_table::badge_svg(None, Some(version_options("2022-05-01", "1.12.4"))).unwrap();
    let doc = parser
        .parse_from_string(&svg, web_sys::SupportedType::ImageSvgXml)
        .unwrap();
    let texts: Vec<String> = {
        let list = doc.get_elements_by_tag_name("text");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|t| text(&t))
            .collect()
    };
    assert_eq!(texts, ["Istio 1.12", "Istio 1.12", "ends in 2 months"]);
    assert_eq!(
        doc.get_elements_by_tag_name("title")
            .item(0)
            .map(|t| text(&t))
            .as_deref(),
        Some("1.12.4 is supported until 30 Jun 2022 \u{2014} ends in 2 months; upgrade to 1.13")
    );
}

/// Renders `source` expecting an error; returns the thrown message after checking the alert.
fn render_error(source: JsValue, options: JsValue) -> String {
    let host = host();
    let err: JsValue = eol_table::render(host.clone().into(), Some(source), Some(options))
        .err()
        .expect("an error")
        .into();
    let message = get(&err, "message").as_string().unwrap();
    let alert = host
        .query_selector("[role=\"alert\"]")
        .unwrap()
        .expect("an alert");
    assert_eq!(text(&alert), message, "the element shows what is thrown");
    host.remove();
    message
}

#[wasm_bindgen_test]
fn every_class_of_bad_input_gets_a_message_a_person_can_act_on() {
    let today = || options("2022-05-01");
    let cases: Vec<(JsValue, &str)> = vec![
        ("".into(), "line 1, column 1: there are no product fields: expected YAML such as `title: Istio` and `releases:`"),
        ("just some words".into(), "line 1, column 1: expected a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line, found string \"just some words\""),
        ("title: [oops\n".into(), "line 2, column 1: YAML syntax error: did not find expected ',' or ']', while parsing a flow sequence that starts at line 1, column 8"),
        ("releases: 5\n".into(), "line 1, column 11: expected `releases` to be a list of releases (`- releaseCycle: \"1.2\"`), found integer `5`"),
        ("releases:\n- eol: 2020-01-01\n".into(), "line 2, column 3: release 1 has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`"),
        ("releases:\n- !tagged {releaseCycle: a}\n".into(), "line 2, column 3: expected release 1 to be a mapping of fields (`releaseCycle:`, `eol:`...), found enum"),
        ("releases:\n- releaseCycle: a\n  eol: 2022-02-30\n".into(), "line 3, column 8: `eol` is `2022-02-30`, which is not a real date"),
        (js_sys::Uint8Array::from(&b"title: a\nreleases: \xff\n"[..]).into(), "line 2, column 11: the file is not UTF-8 text: byte 0xFF cannot start a character (save the file as UTF-8)"),
        (JsValue::from(5), "the source must be a product file as text (or its bytes as a Uint8Array), or null for a built-in product"),
        ("<!DOCTYPE html>\n<html><title>Not Found</title></html>".into(), "the input looks like an HTML page, not a product file: a web page or an error page came instead of the file (check its URL)"),
    ];
    for (source, expected) in cases {
        assert_eq!(render_error(source, today()), expected);
    }
    // Recoverable oddities are warnings and never stop rendering.
    let product = eol_table::parse_product(
        Some("title: x\ntitel: typo\nreleases:\n- releaseCycle: a\n  releaseDate: 2022-01-01\n  eol: 2021-01-01\n  eoll: typo\n".into()),
        Some(today()),
    )
    .unwrap();
    let warnings: Vec<String> = js_sys::Array::from(&get(&product, "warnings"))
        .iter()
        .filter_map(|w| w.as_string())
        .collect();
    assert_eq!(
        warnings,
        [
            "release `a`: `eol` (2021-01-01) is before its `releaseDate` (2022-01-01)",
            "unknown product field `titel`: it is ignored",
            "unknown release field `eoll` (first in release `a`): it is ignored",
        ]
    );
}

#[wasm_bindgen_test]
fn limits_fail_fast_with_a_clear_message() {
    let limited = options("2022-05-01");
    Reflect::set(&limited, &"maxInputBytes".into(), &1000.into()).unwrap();
    let big = format!("title: x\n# {}\n", "y".repeat(2 * 1024 * 1024));
    assert_eq!(
        render_error(big.into(), limited.clone()),
        "the input is 2.0 MiB, more than the 1000 B limit (the `maxInputBytes` option raises it)"
    );
    Reflect::set(&limited, &"maxInputBytes".into(), &100.into()).unwrap();
    assert_eq!(
        render_error("y".repeat(120).into(), limited),
        "the input is 120 B, more than the 100 B limit (the `maxInputBytes` option raises it)"
    );
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
    // Unread, an alias bomb is skipped without being expanded; kept (`tags`), it goes over the
    // memory budget at the anchor it repeats.
    assert!(
        eol_table::parse_product(Some(bomb.clone().into()), Some(options("2022-05-01"))).is_ok()
    );
    bomb.push_str("tags: *i\n");
    assert_eq!(
        render_error(bomb.into(), options("2022-05-01")),
        "line 1, column 20: the file's values take more than 2 MiB to hold, counting what its aliases repeat (at most 16 times the file's size): repeat fewer aliases, or split the file"
    );
    // Deep nesting where nobody reads it is skipped; where it is kept, serde_yaml's limit stops it.
    let deep = |field: &str| format!("{field}: {}{}\n", "[".repeat(300), "]".repeat(300));
    assert!(eol_table::parse_product(Some(deep("a").into()), Some(options("2022-05-01"))).is_ok());
    assert_eq!(
        render_error(deep("tags").into(), options("2022-05-01")),
        "line 1, column 134: the YAML is nested too deeply (more than 128 levels)"
    );
}

#[wasm_bindgen_test]
fn ten_thousand_cycles_still_render() {
    let mut source = String::from("title: Big\nreleases:\n");
    for i in (0..10_000).rev() {
        source.push_str(&format!(
            "- releaseCycle: \"{}.{}\"\n  releaseDate: 2000-01-01\n  eol: {}-01-01\n  latest: \"{}.{}.3\"\n",
            i / 100, i % 100, 2000 + i / 400, i / 100, i % 100
        ));
    }
    let host = host();
    let mut table = eol_table::render(
        host.clone().into(),
        Some(source.into()),
        Some(options("2022-05-01")),
    )
    .unwrap();
    // Windowed: a screenful of rows in the page, all ten thousand counted.
    let in_page = all(&host, "tbody tr[data-cycle]").len();
    assert!((1..=100).contains(&in_page), "{in_page} rows in the page");
    let rowcount = |host: &Element| {
        host.query_selector("table")
            .unwrap()
            .unwrap()
            .get_attribute("aria-rowcount")
    };
    let visible = get(&table.state(), "visible").as_f64().unwrap_or(0.0);
    assert!(visible > 100.0, "{visible} rows shown");
    assert_eq!(rowcount(&host), Some((visible + 1.0).to_string()));
    table
        .sort(Some("eol".into()), Some("descending".into()))
        .unwrap();
    assert_eq!(get(&table.state(), "total"), 10_000);
    // A cycle with the latest end of life (2024: cycles 96.00 to 99.99) comes first.
    let first = all(&host, "tbody tr[data-cycle]")
        .first()
        .and_then(|row| row.get_attribute("data-cycle"))
        .unwrap_or_default();
    assert!(first.as_str() >= "96.00", "{first} first");
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn rendering_and_destroying_a_thousand_times_leaks_nothing() {
    let host = host();
    let memory = || {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .unwrap()
            .buffer()
            .dyn_into::<js_sys::ArrayBuffer>()
            .unwrap()
            .byte_length()
    };
    let cycle = || {
        let mut table = istio(&host);
        click(&host, "button[data-action=\"more\"]");
        table.set_search("1.1".into()).unwrap();
        table.destroy();
    };
    for _ in 0..50 {
        cycle();
    }
    let (before, live) = (memory(), eol_table::live_tables());
    for _ in 0..1000 {
        cycle();
    }
    assert_eq!(
        memory(),
        before,
        "wasm memory grew over 1,000 render/destroy cycles"
    );
    assert_eq!(eol_table::live_tables(), live);
    assert_eq!(host.children().length(), 0, "nothing left in the element");
    host.remove();
}

#[wasm_bindgen_test]
fn markdown_bodies_become_elements_and_text_never_markup() {
    let document = document();
    let host = host();
    let nodes = eol_table::core::markdown::parse(
        "## Upgrading\n\n<img src=x onerror=alert(1)> [bad](javascript:alert(1)) \
         [good](https://example.com \"<b>t</b>\") ![cat](data:image/png;base64,AA)\n\n> quote",
    );
    eol_table::dom::tree::append(&document, &host, &nodes).unwrap();
    assert_eq!(
        text(&all(&host, "h3")[0]),
        "Upgrading",
        "the highest level is an h3"
    );
    assert!(
        all(&host, "img").is_empty(),
        "raw HTML and refused images stay text"
    );
    let links = all(&host, "a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://example.com")
    );
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(links[0].get_attribute("title").as_deref(), Some("<b>t</b>"));
    assert_eq!(
        text(&all(&host, "p")[0]),
        "<img src=x onerror=alert(1)> bad good cat"
    );
    assert_eq!(text(&all(&host, "blockquote > p")[0]), "quote");
    host.remove();
}

#[wasm_bindgen_test]
fn the_builder_lets_the_browser_decide_links_and_images() {
    use eol_table::core::markup::Element as Tree;
    // `https://[x/` passes the core's allowlist, but the browser's URL parser refuses it.
    let tree = Tree::html("p")
        .child(Tree::html("a").attr("href", "https://[x/").text("refused"))
        .child(
            Tree::html("img")
                .attr("src", "https://[x/a.png")
                .attr("alt", "gone"),
        )
        .text(" ")
        .child(
            Tree::html("a")
                .attr("href", "/docs")
                .attr("rel", "noopener noreferrer")
                .text("same site"),
        )
        .text(" ")
        .child(
            Tree::html("a")
                .attr("href", "https://example.com/")
                .text("off site"),
        )
        .child(
            Tree::html("img")
                .attr("src", "https://example.com/a.png")
                .attr("alt", "kept"),
        );
    let p = eol_table::dom::tree::build(&document(), &tree).unwrap();
    assert_eq!(
        p.inner_html(),
        "refused <a href=\"/docs\">same site</a> \
         <a href=\"https://example.com/\" rel=\"noopener noreferrer\">off site</a>\
         <img referrerpolicy=\"no-referrer\" src=\"https://example.com/a.png\" alt=\"kept\">"
    );
}

#[wasm_bindgen_test]
fn the_timeline_draws_a_group_per_dated_cycle_with_a_today_line() {
    let host = host();
    let root =
        eol_table::render_timeline(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    assert!(root.class_list().contains("eol-timeline"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("auto"));
    let svg = root.query_selector("svg").unwrap().expect("an svg");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("Istio release timeline: 7 cycles from 2020 to 2022")
    );
    let title = svg
        .query_selector(":scope > title")
        .unwrap()
        .expect("a title");
    assert_eq!(text(&title), "Istio release timeline");
    let desc = svg
        .query_selector(":scope > desc")
        .unwrap()
        .expect("a desc");
    assert!(
        text(&desc).contains("today, 01 May 2022"),
        "{}",
        text(&desc)
    );

    let rows = all(&svg, "g.eol-tl-row");
    let cycles: Vec<String> = rows
        .iter()
        .map(|g| g.get_attribute("data-cycle").unwrap())
        .collect();
    assert_eq!(
        cycles,
        ["1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7"]
    );
    assert!(rows
        .iter()
        .all(|g| g.get_attribute("tabindex").as_deref() == Some("0")));
    let tooltip = rows[1].query_selector(":scope > title").unwrap().unwrap();
    assert_eq!(
        text(&tooltip),
        "1.12\nReleased: 5 months ago (18 Nov 2021)\nEnd of Support: Ends in 2 months (Jun 2022)"
    );
    let statuses: Vec<String> = rows
        .iter()
        .map(|g| {
            g.query_selector("rect.eol-tl-security")
                .unwrap()
                .unwrap()
                .get_attribute("data-status")
                .unwrap()
        })
        .collect();
    assert_eq!(
        statuses,
        ["ok", "soon", "ended", "ended", "ended", "ended", "ended"]
    );

    let line = svg
        .query_selector("line.eol-tl-today-line")
        .unwrap()
        .expect("a today line");
    assert!(line.get_attribute("stroke-dasharray").is_some());
    let label = svg.query_selector(".eol-tl-today-label").unwrap().unwrap();
    assert_eq!(text(&label), "Today");
    // Today lies between the end of 1.11 (March) and the end of 1.12 (June).
    let x = |e: &Element, name: &str| e.get_attribute(name).unwrap().parse::<i32>().unwrap();
    let today = x(&line, "x1");
    let end = |g: &Element| {
        let bar = g.query_selector("rect[data-status]").unwrap().unwrap();
        x(&bar, "x") + x(&bar, "width")
    };
    assert!(end(&rows[2]) < today && today < end(&rows[1]));
    let years: Vec<String> = all(&svg, ".eol-tl-year").iter().map(text).collect();
    assert!(years.contains(&"2021".to_owned()) && years.contains(&"2022".to_owned()));

    let undated = root
        .query_selector(".eol-timeline__undated")
        .unwrap()
        .expect("the cycles not drawn");
    assert_eq!(
        text(&undated),
        "Not drawn, no release date: 1.6 and earlier"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn the_timeline_replaces_itself_and_shows_bad_input_as_an_alert() {
    let host = host();
    eol_table::render_timeline(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    eol_table::render_timeline(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    assert_eq!(all(&host, ".eol-timeline").len(), 1);
    let source = JsValue::from_str("---\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n");
    let err: JsValue = eol_table::render_timeline(
        host.clone().into(),
        Some(source),
        Some(options("2022-05-01")),
    )
    .expect_err("an error")
    .into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("`eol` must be a date"), "{message}");
    let alert = host.query_selector("[role=\"alert\"]").unwrap().unwrap();
    assert_eq!(text(&alert), message);
    assert!(all(&host, ".eol-timeline").is_empty());
    let dark = options("2022-05-01");
    Reflect::set(&dark, &"theme".into(), &"dark".into()).unwrap();
    let root = eol_table::render_timeline(host.clone().into(), None, Some(dark)).unwrap();
    assert!(host.query_selector("[role=\"alert\"]").unwrap().is_none());
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    host.remove();
}

#[wasm_bindgen_test]
fn hostile_cycle_names_reach_the_timeline_as_text() {
    let host = host();
    let source = JsValue::from_str(
        "---\ntitle: \"<img src=x onerror=alert(1)>\"\nreleases:\n  - releaseCycle: \"<script>x</script>\"\n    releaseDate: 2022-01-01\n    eol: 2023-01-01\n---\n",
    );
    let root = eol_table::render_timeline(
        host.clone().into(),
        Some(source),
        Some(options("2022-05-01")),
    )
    .unwrap();
    assert!(root.query_selector("script, img").unwrap().is_none());
    let label = root.query_selector(".eol-tl-label").unwrap().unwrap();
    assert_eq!(text(&label), "<script>x</script>");
    host.remove();
}

#[wasm_bindgen_test]
fn the_timeline_option_puts_the_chart_above_the_table() {
    let host = host();
    let with = options("2022-05-01");
    Reflect::set(&with, &"timeline".into(), &true.into()).unwrap();
    let mut table = eol_table::render(host.clone().into(), None, Some(with)).unwrap();
    let root = table.element().unwrap();
    let chart = root
        .query_selector(".eol-table__main > .eol-timeline")
        .unwrap()
        .expect("a timeline in the widget");
    assert_eq!(
        chart
            .next_element_sibling()
            .and_then(|e| e.get_attribute("class")),
        Some("eol-table__toolbar".to_owned()),
        "above the controls and the table"
    );
    assert_eq!(all(&chart, "g.eol-tl-row").len(), 7);
    table.set_locale(Some("de".to_owned())).unwrap();
    assert_eq!(all(&root, ".eol-timeline").len(), 1, "rebuilt once");
    table.destroy();
    let mut plain =
        eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    assert!(all(&host, ".eol-timeline").is_empty(), "off by default");
    plain.destroy();
    host.remove();
}

fn with(options: &JsValue, key: &str, value: JsValue) -> JsValue {
    Reflect::set(options, &key.into(), &value).unwrap();
    options.clone()
}

#[wasm_bindgen_test]
fn the_istio_card_shows_header_description_notes_policy_and_command() {
    let host = host();
    let mut table =
        eol_table::render(host.clone().into(), None, Some(options("2022-05-01"))).unwrap();
    let root = table.element().unwrap();
    assert_eq!(text(&all(&root, "header h2.eol-table__title")[0]), "Istio");
    let icon = &all(&root, "header img.eol-table__logo")[0];
    assert_eq!(
        icon.get_attribute("src").as_deref(),
        Some("https://cdn.jsdelivr.net/npm/simple-icons/icons/istio.svg")
    );
    assert_eq!(icon.get_attribute("alt").as_deref(), Some(""));
    assert_eq!(text(&all(&root, ".eol-table__labels li")[0]), "service");

    let summary = &all(&root, ".eol-table__description")[0];
    assert!(text(summary).starts_with("Istio is an open source service mesh"));
    let istio = &all(summary, "a")[0];
    assert_eq!(
        istio.get_attribute("href").as_deref(),
        Some("https://istio.io")
    );
    assert_eq!(
        istio.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );

    let notes = &all(&root, ".eol-table__notes")[0];
    // `## Upgrading`, the body's highest heading level, follows the card's h2 as an h3.
    assert_eq!(text(&all(notes, "h3")[0]), "Upgrading");
    assert!(all(&root, "h4").is_empty());
    let links: Vec<(String, Option<String>)> = all(notes, "a")
        .iter()
        .map(|a| (text(a), a.get_attribute("href")))
        .collect();
    for (name, href) in [
        (
            "canary upgrades",
            "https://istio.io/latest/docs/setup/upgrade/canary/",
        ),
        (
            "in-place upgrade",
            "https://istio.io/latest/docs/setup/upgrade/in-place/",
        ),
    ] {
        assert!(
            links.contains(&(name.to_owned(), Some(href.to_owned()))),
            "{name} links to {href}: {links:?}"
        );
    }
    // The notes follow the table; the summary precedes it.
    let main = &all(&root, ".eol-table__main")[0];
    assert_eq!(
        main.previous_element_sibling()
            .and_then(|e| e.get_attribute("class")),
        Some("eol-table__description".to_owned())
    );
    assert_eq!(
        main.next_element_sibling()
            .and_then(|e| e.get_attribute("class")),
        Some("eol-table__notes".to_owned())
    );

    let policy = &all(&root, ".eol-table__policy")[0];
    assert_eq!(
        text(policy),
        "More information is available on the Istio website."
    );
    assert_eq!(
        all(policy, "a")[0].get_attribute("href").as_deref(),
        Some("https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases"),
        "the stray quote of the seed's link is gone"
    );
    assert_eq!(
        text(&all(&root, "code[data-command]")[0]),
        "istioctl version"
    );
    assert_eq!(all(&root, "button[data-action=\"copy\"]").len(), 1);
    assert!(
        all(&root, "[data-action^=\"download\"]").is_empty(),
        "off by default"
    );
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn card_options_move_or_hide_its_parts() {
    let host = host();
    let hidden = options("2022-05-01");
    with(&hidden, "header", false.into());
    with(&hidden, "description", "hidden".into());
    with(&hidden, "info", false.into());
    let mut table = eol_table::render(host.clone().into(), None, Some(hidden)).unwrap();
    let root = table.element().unwrap();
    assert!(all(
        &root,
        "header, .eol-table__description, .eol-table__notes, .eol-table__info"
    )
    .is_empty());
    assert_eq!(
        text(&all(&root, ".eol-table__title")[0]),
        "Istio",
        "the plain title instead"
    );
    table.destroy();

    let above = with(&options("2022-05-01"), "description", "above".into());
    with(&above, "downloads", true.into());
    let mut table = eol_table::render(host.clone().into(), None, Some(above)).unwrap();
    let root = table.element().unwrap();
    assert!(all(&root, ".eol-table__notes").is_empty());
    let description = &all(&root, ".eol-table__description")[0];
    assert_eq!(all(description, "blockquote").len(), 1);
    assert_eq!(all(description, "h3").len(), 1);
    let downloads: Vec<String> = all(&root, "[data-action^=\"download\"]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(downloads, ["Download CSV", "Add to calendar"]);
    table.destroy();

    let bad = with(&options("2022-05-01"), "description", "sideways".into());
    assert!(eol_table::render(host.clone().into(), None, Some(bad)).is_err());
    host.remove();
}

#[wasm_bindgen_test]
fn hostile_markdown_and_card_fields_never_become_markup_or_script_urls() {
    let host = host();
    let source = JsValue::from_str(concat!(
        "---\ntitle: \"<img src=x onerror=alert(1)>\"\niconSlug: \"x\\\" onerror=\\\"alert(1)\"\n",
        "releasePolicyLink: \"javascript:alert(1)\"\nversionCommand: \"<script>alert(1)</script>\"\n",
        "releases:\n  - releaseCycle: \"1\"\n    eol: false\n---\n",
        "> [x](JaVaScRiPt:alert(1)) <script>alert(1)</script> <iframe src=x></iframe>\n\n",
        "[y](&#106;avascript:alert(1)) ![z](data:image/svg+xml,x) [w](vbscript:x \"<b>t</b>\")\n",
    ));
    let mut table = eol_table::render(
        host.clone().into(),
        Some(source),
        Some(options("2022-05-01")),
    )
    .unwrap();
    let root = table.element().unwrap();
    assert!(all(&root, "script, iframe, img[onerror], [onerror]").is_empty());
    assert!(
        all(&root, "img.eol-table__logo").is_empty(),
        "a slug with quotes gets no icon"
    );
    for a in all(&root, "[href], [src]") {
        let url = a
            .get_attribute("href")
            .or_else(|| a.get_attribute("src"))
            .unwrap();
        let lower = url.to_ascii_lowercase();
        assert!(
            lower.starts_with("http") || lower.starts_with("mailto:") || !lower.contains(':'),
            "{url}"
        );
    }
    assert!(all(&root, ".eol-table__policy").is_empty());
    assert_eq!(
        text(&all(&root, "code[data-command]")[0]),
        "<script>alert(1)</script>"
    );
    assert!(text(&all(&root, ".eol-table__description")[0]).contains("<script>alert(1)</script>"));
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn search_ignores_case_beyond_ascii_and_templates_change_it() {
    // Case mapping beyond ASCII goes through the JS engine in wasm (core::text).
    let source = "---\ntitle: Straße\nchangelogTemplate: \"https://example.org/{{'__CODENAME__' | upcase}}/{{'__CODENAME__' | downcase}}\"\nreleases:\n- releaseCycle: \"2\"\n  codename: \"ÄRGERΣ\"\n  eol: false\n  latest: \"2.0\"\n- releaseCycle: \"1\"\n  codename: \"Öko\"\n  eol: false\n  latest: \"1.0\"\n---\n";
    let host = host();
    let mut table = eol_table::render(
        host.clone().into(),
        Some(source.into()),
        Some(options("2022-05-01")),
    )
    .unwrap();
    table.set_search("ärgerς".into()).unwrap();
    assert_eq!(visible_cycles(&host), ["2"]);
    table.set_search("ÖKO".into()).unwrap();
    assert_eq!(visible_cycles(&host), ["1"]);
    table.set_search(String::new()).unwrap();
    let link = host
        .query_selector("tbody tr a[href*=\"example.org\"]")
        .unwrap()
        .expect("the latest version links to the changelog");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/ÄRGERΣ/ärgerς")
    );
    host.remove();
}

#[wasm_bindgen_test]
fn a_release_cycle_listed_twice_renders_both_rows_with_a_warning() {
    let source = "title: Twice\nreleases:\n- releaseCycle: \"2\"\n  eol: 2030-01-01\n\
                  - releaseCycle: \"1\"\n  eol: 2020-01-01\n- releaseCycle: \"2\"\n  eol: 2031-01-01\n";
    let host = host();
    let mut table = eol_table::render(
        host.clone().into(),
        Some(source.into()),
        Some(version_options("2022-05-01", "2.3")),
    )
    .unwrap();
    let root = host.query_selector("div.eol-table").unwrap().unwrap();
    assert_eq!(visible_cycles(&root), ["2", "1", "2"]);
    let current = all(&root, "tbody tr[aria-current=\"true\"]");
    assert_eq!(current.len(), 1, "a version matches one row");
    let first = root
        .query_selector("tbody tr[data-cycle]")
        .unwrap()
        .unwrap();
    assert!(
        first.is_same_node(Some(&current[0])),
        "the first row of the cycle"
    );
    let verdict = root.query_selector(".eol-table__verdict").unwrap().unwrap();
    assert!(text(&verdict).contains("01 Jan 2030"), "{}", text(&verdict));
    table
        .sort(Some("release".into()), Some("ascending".into()))
        .unwrap();
    assert_eq!(visible_cycles(&root), ["1", "2", "2"]);
    let product =
        eol_table::parse_product(Some(source.into()), Some(options("2022-05-01"))).unwrap();
    let releases = js_sys::Array::from(&get(&product, "releases"));
    assert_eq!(releases.length(), 3);
    let warnings = js_sys::Array::from(&get(&product, "warnings"));
    assert_eq!(
        warnings.get(0).as_string().unwrap(),
        "release cycle `2` appears more than once (releases 1 and 3): every row is shown, and a version matches the first"
    );
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn relative_links_in_the_description_follow_the_link_base() {
    let source = "---\ntitle: Linked\npermalink: /linked\nreleases: []\n---\n\n\
                  > [Linked](https://linked.example) is a product.\n\n\
                  See [Node.js](/nodejs) and [the notes below](#upgrading).\n\n## Upgrading\n\nText.\n";
    let render_with = |base: Option<&str>| {
        let host = host();
        let options = options("2022-05-01");
        if let Some(base) = base {
            Reflect::set(&options, &"linkBase".into(), &base.into()).unwrap();
        }
        let result = eol_table::render(host.clone().into(), Some(source.into()), Some(options));
        (host, result)
    };
    let (host, table) = render_with(None);
    assert_eq!(
        attr(&host, "a[href$=\"/nodejs\"]", "href").as_deref(),
        Some("https://endoflife.date/nodejs")
    );
    assert_eq!(
        attr(&host, "a[href^=\"#\"]", "href").as_deref(),
        Some("#eol-linked-upgrading")
    );
    assert!(host
        .query_selector("h3#eol-linked-upgrading")
        .unwrap()
        .is_some());
    table.unwrap().destroy();
    host.remove();
    let (host, table) = render_with(Some("https://docs.example/eol/"));
    assert_eq!(
        attr(&host, "a[href$=\"/nodejs\"]", "href").as_deref(),
        Some("https://docs.example/nodejs")
    );
    table.unwrap().destroy();
    host.remove();
    let (host, table) = render_with(Some("/docs/"));
    let Err(err) = table else {
        panic!("a relative linkBase is an error")
    };
    assert_eq!(
        get(&err.into(), "message").as_string().unwrap(),
        "the option `linkBase` must be an absolute http or https URL such as \"https://endoflife.date/\", found \"/docs/\""
    );
    host.remove();
}

#[wasm_bindgen_test]
fn an_api_v0_table_takes_its_name_and_title_from_the_options() {
    let v0 = r#"[{"cycle": "22", "releaseDate": "2024-04-24", "eol": "2027-04-30"}]"#;
    let named = |name: Option<&str>, title: Option<&str>| {
        let host = host();
        let options = options("2025-01-01");
        if let Some(name) = name {
            with(&options, "name", name.into());
        }
        if let Some(title) = title {
            with(&options, "title", title.into());
        }
        let mut table =
            eol_table::render(host.clone().into(), Some(v0.into()), Some(options)).unwrap();
        let root = host.query_selector("div.eol-table").unwrap().unwrap();
        let caption = text(&root.query_selector("caption").unwrap().unwrap());
        let seen = (root.get_attribute("data-product").unwrap(), caption);
        table.destroy();
        host.remove();
        seen
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(named(None, None), pair("product", "Releases"));
    assert_eq!(named(Some("nodejs"), None), pair("nodejs", "nodejs"));
    assert_eq!(
        named(Some("nodejs"), Some("Node.js")),
        pair("nodejs", "Node.js")
    );
    // blank is not given
    assert_eq!(named(Some(" "), Some("")), pair("product", "Releases"));
    let api = eol_table::parse_product(
        Some(v0.into()),
        Some(with(&options("2025-01-01"), "name", "nodejs".into())),
    )
    .unwrap();
    assert_eq!(get(&api, "name").as_string().as_deref(), Some("nodejs"));
}

/// Five entries, one of them failing (a product there is no file for).
const STACK: &str = "title: Our stack\nproducts:\n  - product: istio\n    version: 1.13.1\n  - product: istio\n    version: 1.12.4\n    label: mesh\n  - product: nosuch\n    version: \"1\"\n  - product: thing\n    version: \"2.1\"\n    src: thing.md\n  - product: istio\n    version: 1.9.0\n";
const THING: &str = "---\ntitle: Thing\npermalink: /thing\nreleases:\n  - releaseCycle: \"2\"\n    releaseDate: 2021-01-01\n    eol: 2023-01-01\n    latest: \"2.1\"\n  - releaseCycle: \"1\"\n    releaseDate: 2020-01-01\n    eol: 2021-01-01\n---\n";

fn stack_sources() -> JsValue {
    let sources = Object::new();
    Reflect::set(&sources, &"thing.md".into(), &THING.into()).unwrap();
    sources.into()
}

fn render_stack(host: &Element) -> eol_table::EolTable {
    eol_table::render_stack(
        host.clone().into(),
        STACK.into(),
        Some(stack_sources()),
        Some(options("2022-05-01")),
    )
    .unwrap()
}

fn stack_rows(root: &Element) -> Vec<(String, String)> {
    all(root, "tbody tr[data-product]:not([hidden])")
        .iter()
        .map(|tr| {
            (
                tr.get_attribute("data-product").unwrap(),
                tr.get_attribute("data-status").unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[wasm_bindgen_test]
fn a_stack_of_five_shows_a_row_each_most_urgent_first_and_the_failing_one_says_why() {
    let host = host();
    let mut table = render_stack(&host);
    let root = host
        .query_selector("div.eol-stack")
        .unwrap()
        .expect("div.eol-stack");
    assert_eq!(
        stack_rows(&root),
        pairs(&[
            ("istio", "ended"),
            ("istio", "soon"),
            ("istio", "ok"),
            ("thing", "ok"),
            ("nosuch", "unknown"),
        ])
    );
    let columns: Vec<String> = all(&root, "thead th[data-column]")
        .iter()
        .map(|th| th.get_attribute("data-column").unwrap())
        .collect();
    assert_eq!(
        columns,
        ["product", "version", "cycle", "status", "eol", "latest", "upgrade", "daysLeft"]
    );
    let soon = root
        .query_selector("tbody tr[data-status=\"soon\"]")
        .unwrap()
        .unwrap();
    let cell = |tr: &Element, column: &str| {
        tr.query_selector(&format!("td[data-column=\"{column}\"]"))
            .unwrap()
            .unwrap()
    };
    assert_eq!(text(&cell(&soon, "product")), "Istio (mesh)");
    assert_eq!(text(&cell(&soon, "eol")), "Ends in 2 months (Jun 2022)");
    assert_eq!(
        cell(&soon, "eol").get_attribute("data-status").as_deref(),
        Some("soon")
    );
    assert_eq!(
        cell(&soon, "status")
            .get_attribute("data-status")
            .as_deref(),
        Some("soon")
    );
    assert_eq!(text(&cell(&soon, "daysLeft")), "60");
    assert_eq!(text(&cell(&soon, "upgrade")), "1.13");
    let thing = root
        .query_selector("tbody tr[data-product=\"thing\"]")
        .unwrap()
        .unwrap();
    assert_eq!(text(&cell(&thing, "latest")), "2.1 \u{2014} yours");
    let failing = root
        .query_selector("tbody tr[data-product=\"nosuch\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        failing.get_attribute("data-problem").as_deref(),
        Some("unknownProduct")
    );
    assert!(
        text(&cell(&failing, "status")).starts_with("Unknown: there is no product `nosuch`"),
        "{}",
        text(&failing)
    );
    assert_eq!(
        text(&root.query_selector(".eol-stack__summary").unwrap().unwrap()),
        "5 products: 1 past end of life, 1 ending within 60 days, 1 unknown"
    );
    assert_eq!(
        attr(&root, ".eol-stack__summary", "aria-live").as_deref(),
        Some("polite")
    );
    table.destroy();
    assert!(host.query_selector("div.eol-stack").unwrap().is_none());
    host.remove();
}

#[wasm_bindgen_test]
fn the_done_when_stack_renders_ended_soon_and_unknown() {
    let host = host();
    let stack = "products:\n  - product: istio\n    version: 1.12.4\n  - product: istio\n    version: 1.9.0\n  - product: nosuch\n    version: \"1\"\n";
    let mut table = eol_table::render_stack(
        host.clone().into(),
        stack.into(),
        None,
        Some(options("2022-05-01")),
    )
    .unwrap();
    assert_eq!(
        stack_rows(&host),
        pairs(&[("istio", "ended"), ("istio", "soon"), ("nosuch", "unknown")])
    );
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn stack_columns_sort_filter_and_search_as_the_table_does_and_announce_it() {
    let host = host();
    let mut table = render_stack(&host);
    let changes = Changes::on(&host);
    let seen = changes.seen.clone();
    click(&host, "th[data-column=\"daysLeft\"] button");
    click(&host, "th[data-column=\"daysLeft\"] button");
    assert_eq!(
        attr(&host, "th[data-column=\"daysLeft\"]", "aria-sort").as_deref(),
        Some("descending")
    );
    // days left: thing 245, 1.13 183, 1.12 60, 1.9 -205; the unknown one last
    let order: Vec<String> = all(&host, "tbody tr[data-product] td[data-column=\"daysLeft\"]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(order, ["245", "183", "60", "-205", "Unknown"]);
    click(&host, "button[data-filter=\"ended\"]");
    assert_eq!(
        stack_rows(&host),
        pairs(&[("istio", "ended"), ("nosuch", "unknown")])
    );
    assert_eq!(
        live_text(&host.query_selector(".eol-table__footer").unwrap().unwrap()),
        "Showing 2 of 5 products"
    );
    table.set_filter("all".into()).unwrap();
    table.set_search("thing".into()).unwrap();
    assert_eq!(stack_rows(&host), pairs(&[("thing", "ok")]));
    table.set_search("zzz".into()).unwrap();
    assert_eq!(
        text(
            &host
                .query_selector(".eol-table__empty td")
                .unwrap()
                .unwrap()
        ),
        "No products match \u{201c}zzz\u{201d}."
    );
    table.set_theme("dark".into()).unwrap();
    table.set_date_style("absolute".into()).unwrap();
    assert_eq!(
        attr(&host, "div.eol-stack", "data-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(
        attr(&host, "div.eol-stack", "data-date-style").as_deref(),
        Some("absolute")
    );
    assert_eq!(seen.length(), 8);
    let last = seen.get(7);
    assert_eq!(get(&last, "total"), 5);
    assert_eq!(get(&last, "dateStyle"), "absolute");
    drop(changes);
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn a_stack_row_opens_its_products_support_table_rendered_as_render_does() {
    let host = host();
    let mut table = render_stack(&host);
    let toggle = "tbody tr[data-status=\"soon\"] button[data-action=\"detail\"]";
    assert_eq!(
        attr(&host, toggle, "aria-expanded").as_deref(),
        Some("false")
    );
    click(&host, toggle);
    assert_eq!(
        attr(&host, toggle, "aria-expanded").as_deref(),
        Some("true")
    );
    let detail = host
        .query_selector("tr[data-status=\"soon\"] + tr.eol-stack__detail")
        .unwrap()
        .expect("the detail row follows its row");
    let inner = detail
        .query_selector("div.eol-table[data-product=\"istio\"]")
        .unwrap()
        .expect("the product's table");
    // the same table render builds, with the entry's version highlighted
    assert_eq!(all(&inner, "tbody tr[data-cycle]").len(), 8);
    assert_eq!(
        attr(&inner, "tr[aria-current=\"true\"]", "data-cycle").as_deref(),
        Some("1.12")
    );
    // its controls are its own: sorting it leaves the stack's order
    click(&inner, "th[data-column=\"release\"] button");
    assert_eq!(
        attr(&inner, "th[data-column=\"release\"]", "aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        attr(
            &host,
            "div.eol-stack > .eol-table__main > table > thead th[aria-sort]",
            "data-column"
        ),
        None
    );
    // the detail follows its row when the stack is sorted
    click(
        &host,
        "div.eol-stack > .eol-table__main > table > thead th[data-column=\"daysLeft\"] button",
    );
    assert!(host
        .query_selector("tr[data-status=\"soon\"] + tr.eol-stack__detail")
        .unwrap()
        .is_some());
    // a locale keeps it open and rewords it too
    table.set_locale(Some("de".into())).unwrap();
    let detail = host
        .query_selector("tr[data-status=\"soon\"] + tr.eol-stack__detail")
        .unwrap()
        .expect("still open");
    assert!(
        text(&detail).contains("Juni 2022") || text(&detail).contains("Jun 2022"),
        "{}",
        text(&detail)
    );
    click(&host, toggle);
    assert!(host
        .query_selector("tr.eol-stack__detail")
        .unwrap()
        .is_none());
    table.destroy();
    host.remove();
}

#[wasm_bindgen_test]
fn a_bad_stack_shows_an_alert_with_line_and_column_and_throws() {
    let host = host();
    let err = eol_table::render_stack(
        host.clone().into(),
        "products:\n  - product: istio\n    verison: 1\n".into(),
        None,
        None,
    )
    .err()
    .expect("an error");
    let message: String = JsValue::from(err)
        .dyn_into::<js_sys::Error>()
        .unwrap()
        .message()
        .into();
    assert!(
        message.starts_with("line 3, column 5: products[0]: unknown field `verison`"),
        "{message}"
    );
    assert_eq!(
        text(&host.query_selector("[role=\"alert\"]").unwrap().unwrap()),
        message
    );
    host.remove();
}
#[wasm_bindgen_test]
fn arabic_is_right_to_left_and_messages_override_the_catalogue() {
    let host = host();
    let options = options("2022-05-01");
    Reflect::set(&options, &"locale".into(), &"ar".into()).unwrap();
    let messages = js_sys::Object::new();
    Reflect::set(&messages, &"filter.all".into(), &"كل شيء".into()).unwrap();
    Reflect::set(&options, &"messages".into(), &messages).unwrap();
    let mut table = eol_table::render(host.clone().into(), None, Some(options)).unwrap();
    let root = table.element().unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    let all = host
        .query_selector("button[data-filter=\"all\"]")
        .unwrap()
        .unwrap();
    assert_eq!(text(&all), "كل شيء", "overridden");
    let ended = host
        .query_selector("button[data-filter=\"ended\"]")
        .unwrap()
        .unwrap();
    assert_eq!(text(&ended), "المنتهية", "from the catalogue");
    // The override stays for the new locale's catalogue; the direction follows the locale.
    table.set_locale(Some("fr".into())).unwrap();
    let root = table.element().unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    let ended = host
        .query_selector("button[data-filter=\"ended\"]")
        .unwrap()
        .unwrap();
    assert_eq!(text(&ended), "Terminées");
    table.destroy();
    host.remove();
}
