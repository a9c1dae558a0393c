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
    assert_eq!(all(&host, "tbody tr").len(), 8);
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
        "the `today` option must be a date written YYYY-MM-DD, found `May 1st`"
    );
}
