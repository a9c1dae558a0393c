//! The Markdown body's tree: what each construct becomes, and what hostile input cannot do.

use super::*;
use crate::core::markup::Element;
use crate::core::{html, parse::parse as parse_product, products};

#[track_caller]
fn html_of(nodes: &[Node]) -> String {
    let mut out = String::new();
    html::write(&mut out, nodes);
    out
}

#[track_caller]
fn html(markdown: &str) -> String {
    html_of(&parse(markdown))
}

fn depth(nodes: &[Node]) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(nodes, 0)];
    while let Some((nodes, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for node in nodes {
            if let Node::Element(element) = node {
                stack.push((&element.children, depth + 1));
            }
        }
    }
    deepest
}

const ISTIO_DESCRIPTION: &str = "<a href=\"https://istio.io\" rel=\"noopener noreferrer\">Istio</a> is an open source service mesh that layers transparently onto existing distributed applications. Istio’s powerful features provide a uniform and more efficient way to secure, connect, and monitor services. Istio is the path to load balancing, service-to-service authentication, and monitoring – with few or no service code changes";

#[test]
fn the_seed_body_renders_with_its_quote_links_and_its_heading_after_the_title() {
    let body = parse_product(products::ISTIO).unwrap().body;
    assert_eq!(
        html(&body),
        [
            "<blockquote><p>",
            ISTIO_DESCRIPTION,
            "</p></blockquote>",
            "<p>Istio produce new builds of Istio for each commit. Around once a quarter, Istio build a minor release and run through several additional tests as well as release qualification. Istio release patch versions for issues found in minor releases.</p>",
            "<p>You can find available releases on the <a href=\"https://github.com/istio/istio/releases\" rel=\"noopener noreferrer\">releases page</a>, and if you’re the adventurous type, you can learn about our development builds on the <a href=\"https://github.com/istio/istio/wiki/Dev%20Builds\" rel=\"noopener noreferrer\">development builds wiki</a>. You can find high-level releases notes for each minor and patch release <a href=\"https://istio.io/latest/news\" rel=\"noopener noreferrer\">here</a>.</p>",
            "<h3 id=\"upgrading\">Upgrading</h3>",
            "<p>Istio recommends <a href=\"https://istio.io/latest/docs/setup/upgrade/canary/\" rel=\"noopener noreferrer\">canary upgrades</a>, however, there are also <a href=\"https://istio.io/latest/docs/setup/upgrade/in-place/\" rel=\"noopener noreferrer\">in-place upgrade</a>.</p>",
        ]
        .concat()
    );
}

#[test]
fn the_seed_description_is_the_quote_and_the_rest_follows_without_it() {
    let body = split(parse(&parse_product(products::ISTIO).unwrap().body));
    assert_eq!(html_of(&body.description), ISTIO_DESCRIPTION);
    assert!(text(&body.description).starts_with("Istio is an open source service mesh"));
    let rest = html_of(&body.rest);
    assert!(rest.starts_with("<p>Istio produce new builds"), "{rest}");
    assert!(!rest.contains("blockquote"));
    assert!(rest.contains("<h3 id=\"upgrading\">Upgrading</h3>"));
}

#[test]
fn the_description_is_the_first_paragraph_of_the_first_quote_only() {
    let body = split(parse(
        "Intro\n\n> > nested\n>\n> First *one*\n>\n> Second\n\n> Another quote\n",
    ));
    assert_eq!(html_of(&body.description), "First <em>one</em>");
    assert_eq!(
        html_of(&body.rest),
        "<p>Intro</p><blockquote><p>Another quote</p></blockquote>"
    );
    assert_eq!(split(parse("No quote here")).description, Vec::new());
}

#[test]
fn headings_move_below_the_card_title() {
    assert_eq!(
        html("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\nSetext\n======"),
        "<h3 id=\"one\">One</h3><h4 id=\"two\">Two</h4><h5 id=\"three\">Three</h5><h6 id=\"four\">Four</h6><h6 id=\"five\">Five</h6><h6 id=\"six\">Six</h6><h3 id=\"setext\">Setext</h3>"
    );
}

#[test]
fn headings_follow_the_card_title_without_skipping_a_level() {
    assert_eq!(
        html("## Upgrading\n#### Canary\n## Notes\n> ###### Deep"),
        "<h3 id=\"upgrading\">Upgrading</h3><h4 id=\"canary\">Canary</h4><h3 id=\"notes\">Notes</h3>\
         <blockquote><h5 id=\"deep\">Deep</h5></blockquote>"
    );
    assert_eq!(html("### Only"), "<h3 id=\"only\">Only</h3>");
    assert_eq!(
        html("##### a\n#### b\n### c\n## d\n# e"),
        "<h6 id=\"a\">a</h6><h6 id=\"b\">b</h6><h5 id=\"c\">c</h5><h4 id=\"d\">d</h4><h3 id=\"e\">e</h3>"
    );
}

#[test]
fn script_and_data_urls_leave_a_link_as_its_text() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "java&#x73;cript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#X6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript\\:alert(1)",
        "java%73cript:alert(1)",
        "javascript%3Aalert(1)",
        "&#37;6Aavascript:alert(1)",
        "<\tjavascript:alert(1)>",
        "<java\tscript:alert(1)>",
        "<\u{1}javascript:alert(1)>",
        "<&#x20;javascript:alert(1)>",
        "&#9;javascript:alert(1)",
        "<\u{a0}javascript:alert(1)>",
        "<\u{200b}javascript:alert(1)>",
        "file:///etc/passwd",
    ] {
        assert_eq!(
            html(&["[click *me*](", url, ")"].concat()),
            "<p>click <em>me</em></p>",
            "{url:?}"
        );
    }
}

#[test]
fn web_mail_and_relative_links_keep_their_url() {
    assert_eq!(
        html("[a](https://x.example/a?b=1&c=2) [b](HTTP://X.EXAMPLE) [c](//cdn.example/x) [d](mailto:a@b.example) [e](/python) [f](#top)"),
        "<p><a href=\"https://x.example/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">a</a> \
         <a href=\"HTTP://X.EXAMPLE\" rel=\"noopener noreferrer\">b</a> \
         <a href=\"//cdn.example/x\" rel=\"noopener noreferrer\">c</a> \
         <a href=\"mailto:a@b.example\">d</a> <a href=\"https://endoflife.date/python\" rel=\"noopener noreferrer\">e</a> <a href=\"#top\">f</a></p>"
    );
}

#[test]
fn link_titles_are_plain_text_attributes() {
    assert_eq!(
        html("[a](https://x.example \"<b onmouseover=alert(1)>&quot;hi&quot;</b>\")"),
        "<p><a href=\"https://x.example\" title=\"&lt;b onmouseover=alert(1)&gt;&quot;hi&quot;&lt;/b&gt;\" rel=\"noopener noreferrer\">a</a></p>"
    );
    assert_eq!(
        parse("[a](/b 'x\" onclick=\"y')"),
        vec![Node::Element(Element {
            svg: false,
            tag: "p",
            attributes: Vec::new(),
            children: vec![Node::Element(Element {
                svg: false,
                tag: "a",
                attributes: vec![
                    ("href", "https://endoflife.date/b".into()),
                    ("title", "x\" onclick=\"y".into()),
                    ("rel", "noopener noreferrer".into())
                ],
                children: vec![Node::text("a")],
            })],
        })]
    );
}

#[test]
fn raw_html_shows_as_text() {
    assert_eq!(
        html("<script>alert(1)</script>"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    );
    assert_eq!(
        html("<img src=x onerror=alert(1)>"),
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
    );
    assert_eq!(
        html("<iframe src=\"https://x.example\">\n</iframe>"),
        "<p>&lt;iframe src=&quot;https://x.example&quot;&gt;\n&lt;/iframe&gt;</p>"
    );
    assert_eq!(
        html("Text <img src=x onerror=alert(1)> and <a href=\"javascript:alert(1)\">x</a>."),
        "<p>Text &lt;img src=x onerror=alert(1)&gt; and &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;.</p>"
    );
    assert_eq!(
        html("> <style>*{display:none}</style>"),
        "<blockquote><p>&lt;style&gt;*{display:none}&lt;/style&gt;</p></blockquote>"
    );
}

#[test]
fn autolinks_pass_the_same_allowlist() {
    assert_eq!(
        html("<javascript:alert(1)> <JAVASCRIPT:alert(1)> <data:text/html,x> <https://ok.example> <a@b.example>"),
        "<p>javascript:alert(1) JAVASCRIPT:alert(1) data:text/html,x \
         <a href=\"https://ok.example\" rel=\"noopener noreferrer\">https://ok.example</a> \
         <a href=\"mailto:a@b.example\">a@b.example</a></p>"
    );
}

#[test]
fn reference_links_with_bad_urls_keep_only_their_text() {
    assert_eq!(
        html("[one][bad], [two][], [worse] and [good][ok].\n\n[bad]: javascript:alert(1)\n[two]: <&#x6A;avascript:alert(1)> \"t\"\n[worse]: vbscript:x\n[ok]: https://ok.example \"Fine\"\n"),
        "<p>one, two, worse and <a href=\"https://ok.example\" title=\"Fine\" rel=\"noopener noreferrer\">good</a>.</p>"
    );
}

#[test]
fn images_need_an_allowed_url_or_become_their_alt_text() {
    assert_eq!(
        html("![a *cat*](javascript:alert(1)) ![<b>x</b> `y`](data:image/png;base64,AAAA)"),
        "<p>a cat &lt;b&gt;x&lt;/b&gt; y</p>"
    );
    assert_eq!(
        html("![a *cat* [link](https://x.example)](https://x.example/cat.png \"A cat\")"),
        "<p><img src=\"https://x.example/cat.png\" alt=\"a cat link\" title=\"A cat\"></p>"
    );
    // A relative image would load from whatever page embeds the widget.
    assert_eq!(html("![a cat](/cat.png)"), "<p>a cat</p>");
    assert_eq!(
        html("[![logo](https://x.example/l.svg)](https://x.example)"),
        "<p><a href=\"https://x.example\" rel=\"noopener noreferrer\"><img src=\"https://x.example/l.svg\" alt=\"logo\"></a></p>"
    );
}

#[test]
fn lists_code_tables_and_rules_keep_their_shape() {
    assert_eq!(
        html("3. x\n4. `y`\n\n- a\n- ~~b~~\n\n---\nline  \nbreak\n\n```sh\nistioctl version\n```"),
        "<ol start=\"3\"><li>x</li><li><code>y</code></li></ol><ul><li>a</li><li><del>b</del></li></ul><hr>\
         <p>line<br>break</p><pre><code>istioctl version\n</code></pre>"
    );
    assert_eq!(
        html("| Version | EOL |\n|:--|--:|\n| 1.2 | *soon* |\n| 1.1 | <b>x</b> |"),
        "<table><thead><tr><th>Version</th><th>EOL</th></tr></thead><tbody>\
         <tr><td>1.2</td><td><em>soon</em></td></tr><tr><td>1.1</td><td>&lt;b&gt;x&lt;/b&gt;</td></tr></tbody></table>"
    );
}

#[test]
fn hostile_nesting_is_flattened_below_the_depth_limit() {
    for markdown in [
        ">".repeat(100_000) + " deep",
        "- ".repeat(20_000) + "deep",
        "*".repeat(50_000) + "deep" + &"*".repeat(50_000),
        "[".repeat(50_000) + "deep" + &"](/x)".repeat(50_000),
        "> - ".repeat(20_000) + "**deep**",
    ] {
        let nodes = parse(&markdown);
        assert!(depth(&nodes) <= MAX_DEPTH + 2, "{}", depth(&nodes));
        assert!(text(&nodes).contains("deep"));
        assert!(html_of(&nodes).contains("deep"));
    }
    let quotes = html(&(">".repeat(40) + " deep"));
    assert_eq!(quotes.matches("<blockquote>").count(), MAX_DEPTH);
    assert_eq!(quotes.matches("</blockquote>").count(), MAX_DEPTH);
    assert!(quotes.contains("<blockquote>deep</blockquote>"), "{quotes}");
}

#[test]
fn a_huge_body_stops_at_the_node_limit() {
    let nodes = parse(&"*a* ".repeat(100_000));
    let count = {
        let mut count = 0;
        let mut stack = vec![nodes.as_slice()];
        while let Some(nodes) = stack.pop() {
            count += nodes.len();
            for node in nodes {
                if let Node::Element(element) = node {
                    stack.push(&element.children);
                }
            }
        }
        count
    };
    assert!((MAX_NODES - 2..=MAX_NODES + 2).contains(&count), "{count}");
    assert!(html_of(&nodes).ends_with("</p>"));
}

#[test]
fn relative_links_resolve_against_the_link_base_and_fragments_stay_in_the_card() {
    let links = Links {
        base: "https://docs.example/eol/".to_owned(),
        anchor_prefix: "eol-istio-".to_owned(),
    };
    let nodes = parse_with(
        "See [Node.js](/nodejs), [notes](notes.html), [below](#Upgrading-Notes) and \
         [bad](javascript%3Aalert(1)).\n\n## Upgrading notes\n",
        &links,
    );
    assert_eq!(
        html_of(&nodes),
        "<p>See <a href=\"https://docs.example/nodejs\" rel=\"noopener noreferrer\">Node.js</a>, \
         <a href=\"https://docs.example/eol/notes.html\" rel=\"noopener noreferrer\">notes</a>, \
         <a href=\"#eol-istio-upgrading-notes\">below</a> and bad.</p>\
         <h3 id=\"eol-istio-upgrading-notes\">Upgrading notes</h3>"
    );
    assert_eq!(
        html_of(&parse("[site](/nodejs)")),
        "<p><a href=\"https://endoflife.date/nodejs\" rel=\"noopener noreferrer\">site</a></p>"
    );
}

#[test]
fn html5_entity_references_become_their_characters() {
    for (written, value) in [
        ("&amp;", "&"),
        ("&AElig;", "\u{C6}"),
        ("&zwnj;", "\u{200C}"),
        ("&NotNestedGreaterGreater;", "\u{2AA2}\u{338}"),
        ("&#x1F600;", "\u{1F600}"),
    ] {
        assert_eq!(text(&parse(&format!("a{written}b"))), format!("a{value}b"));
    }
}

#[test]
fn unknown_entity_references_stay_as_written() {
    for written in [
        "&AEli;", "&AEligx;", "&aelig2;", "&AMp;", "&;", "&Z;", "&zwnjz;",
    ] {
        assert_eq!(text(&parse(written)), written);
    }
    assert_eq!(text(&parse("&amp;&AElig;&zwnj;&#38;")), "&\u{C6}\u{200C}&");
}
