//! A product's Markdown body as a small, safe tree: a closed set of elements, attribute values
//! that are plain text, and link and image URLs that passed the [`crate::core::url`] allowlist. Raw HTML in
//! the Markdown shows as text, never as markup. The DOM layer (`dom::markdown`) and the HTML
//! serialiser (`html::markdown`) only walk this tree.
//!
//! Headings move below the card title (an `h2`): `#` becomes `h3`, `##` `h4`, and so on down to
//! `h6`. Links to http and https URLs get `rel="noopener noreferrer"`. Tables and
//! ~~strikethrough~~ are read; footnotes, math and the other extensions are not.
//!
//! Without the `markdown` cargo feature (on by default) [`parse`] gives no nodes, so the body is
//! simply not shown and the wasm is smaller.

#[cfg(feature = "markdown")]
use super::url;

/// The elements a body can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A paragraph (and a raw HTML block, shown as its text).
    P,
    /// A `#` heading.
    H3,
    /// A `##` heading.
    H4,
    /// A `###` heading.
    H5,
    /// A `####` heading or deeper.
    H6,
    /// A `>` block quote.
    Blockquote,
    /// A bulleted list.
    Ul,
    /// A numbered list, with `start` when it does not start at 1.
    Ol,
    /// A list item.
    Li,
    /// Code: inline, or inside [`Tag::Pre`] for a code block.
    Code,
    /// A code block (holds one [`Tag::Code`]).
    Pre,
    /// `*emphasis*`.
    Em,
    /// `**strong**`.
    Strong,
    /// `~~struck~~`.
    Del,
    /// A link with an allowed `href` (a link whose URL is refused is just its text).
    A,
    /// An image with an allowed `src` and its `alt` text; never has children.
    Img,
    /// A table.
    Table,
    /// A table's header row group.
    Thead,
    /// A table's body row group.
    Tbody,
    /// A table row.
    Tr,
    /// A header cell.
    Th,
    /// A body cell.
    Td,
    /// A `---` rule.
    Hr,
    /// A hard line break.
    Br,
}

impl Tag {
    /// The element's name, as `createElement` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::H3 => "h3",
            Tag::H4 => "h4",
            Tag::H5 => "h5",
            Tag::H6 => "h6",
            Tag::Blockquote => "blockquote",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Code => "code",
            Tag::Pre => "pre",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::Del => "del",
            Tag::A => "a",
            Tag::Img => "img",
            Tag::Table => "table",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tr => "tr",
            Tag::Th => "th",
            Tag::Td => "td",
            Tag::Hr => "hr",
            Tag::Br => "br",
        }
    }

    /// An element with no content and no end tag: `img`, `hr`, `br`.
    pub fn is_void(self) -> bool {
        matches!(self, Tag::Img | Tag::Hr | Tag::Br)
    }
}

/// One node of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element. Attribute names are one of `href`, `title`, `rel`, `src`, `alt`, `start`, `id`;
    /// values are plain text (escape them in HTML), and `href`/`src` passed [`crate::core::url::safe`].
    Element {
        /// Which element.
        tag: Tag,
        /// Its attributes, in a fixed order.
        attrs: Vec<(&'static str, String)>,
        /// Its content (always empty for [`Tag::is_void`] elements).
        children: Vec<Node>,
    },
    /// Text, exactly as it should read (entities already decoded).
    Text(String),
}

/// The deepest nesting of elements [`parse`] builds; Markdown nested deeper (a hundred `>` in a
/// row) goes on as the content of the element at that depth, so walking or dropping a tree
/// never needs a deep stack.
pub const MAX_DEPTH: usize = 32;

/// The most nodes [`parse`] builds; the rest of a larger body is left out. Real bodies have a
/// few hundred.
pub const MAX_NODES: usize = 20_000;

/// A body cut the way endoflife.date shows it: the first paragraph of the first block quote
/// is the product's short description (beside the icon, above the table); everything else but
/// that block quote goes below the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The description's inline content (empty when the body has no block quote).
    pub description: Vec<Node>,
    /// The other blocks, e.g. an "Upgrading" section.
    pub rest: Vec<Node>,
}

/// Where relative links in a body point. Product bodies are written for endoflife.date, so a
/// relative link (`/nodejs`) resolves against [`DEFAULT_LINK_BASE`] unless the embedding page
/// names another base; fragment links (`#upgrading`) stay within the card, pointing at the ids
/// its headings get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// An absolute http or https URL relative links resolve against.
    pub base: String,
    /// Put before every heading id and fragment, so that ids stay unique on a page.
    pub anchor_prefix: String,
}

/// endoflife.date, which product bodies are written for.
pub const DEFAULT_LINK_BASE: &str = "https://endoflife.date/";

impl Default for Links {
    fn default() -> Self {
        Links {
            base: DEFAULT_LINK_BASE.to_owned(),
            anchor_prefix: String::new(),
        }
    }
}

impl Links {
    /// Where `href`, as written in the body, points.
    #[cfg(feature = "markdown")]
    fn target(&self, href: &str) -> String {
        match href.trim().strip_prefix('#') {
            Some(fragment) => ["#", &self.anchor_prefix, &anchor(fragment)].concat(),
            None => url::resolve(&self.base, href),
        }
    }
}

/// A heading's id as endoflife.date's kramdown makes it: lower case, letters, digits and `-`
/// kept, spaces as `-`, everything else dropped (`Upgrading notes` → `upgrading-notes`).
pub fn anchor(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Cuts a parsed body into its description and the rest (see [`Body`]).
pub fn split(nodes: Vec<Node>) -> Body {
    let mut body = Body {
        description: Vec::new(),
        rest: Vec::with_capacity(nodes.len()),
    };
    let mut found = false;
    for node in nodes {
        match node {
            Node::Element {
                tag: Tag::Blockquote,
                children,
                ..
            } if !found => {
                found = true;
                body.description = children
                    .into_iter()
                    .find_map(|child| match child {
                        Node::Element {
                            tag: Tag::P,
                            children,
                            ..
                        } => Some(children),
                        _ => None,
                    })
                    .unwrap_or_default();
            }
            node => body.rest.push(node),
        }
    }
    body
}

/// All the text of some nodes, without markup.
pub fn text(nodes: &[Node]) -> String {
    let mut out = String::new();
    let mut stack = vec![nodes.iter()];
    while let Some(iter) = stack.last_mut() {
        match iter.next() {
            Some(Node::Text(text)) => out.push_str(text),
            Some(Node::Element { children, .. }) => stack.push(children.iter()),
            None => {
                stack.pop();
            }
        }
    }
    out
}

/// The body's Markdown as a safe tree (CommonMark with tables and strikethrough), relative links
/// resolved against endoflife.date.
///
/// Without the `markdown` feature this is always empty.
pub fn parse(markdown: &str) -> Vec<Node> {
    parse_with(markdown, &Links::default())
}

/// [`parse`], with relative links and fragments as `links` says.
#[cfg(feature = "markdown")]
pub fn parse_with(markdown: &str, links: &Links) -> Vec<Node> {
    use pulldown_cmark::{Options, Parser};

    let mut builder = Builder {
        links: links.clone(),
        ..Builder::default()
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        if builder.nodes >= MAX_NODES {
            break;
        }
        builder.event(event);
    }
    builder.finish()
}

/// The body's Markdown as a safe tree: always empty, as this build has no `markdown` feature.
#[cfg(not(feature = "markdown"))]
pub fn parse_with(_markdown: &str, _links: &Links) -> Vec<Node> {
    Vec::new()
}

/// An element being built.
#[cfg(feature = "markdown")]
#[derive(Default)]
struct Frame {
    /// `None` only for the root.
    tag: Option<Tag>,
    attrs: Vec<(&'static str, String)>,
    children: Vec<Node>,
    /// Markdown elements opened (and not yet closed) inside this one that build no element of
    /// their own: past [`MAX_DEPTH`], inside an image's alt text, or a link whose URL was
    /// refused. Their end events close nothing.
    skipped: usize,
    /// Closing this frame closes the one below it too (`pre` > `code`, `thead` > `tr`, and
    /// `table` > `tbody`, which one Markdown event each open or close).
    grouped: bool,
}

/// Builds the tree from pulldown-cmark's events with an explicit stack: no recursion.
#[cfg(feature = "markdown")]
#[derive(Default)]
struct Builder {
    root: Frame,
    stack: Vec<Frame>,
    nodes: usize,
    links: Links,
}

#[cfg(feature = "markdown")]
impl Builder {
    fn top(&mut self) -> &mut Frame {
        self.stack.last_mut().unwrap_or(&mut self.root)
    }

    fn event(&mut self, event: pulldown_cmark::Event) {
        use pulldown_cmark::Event;

        let in_image = self.top().tag == Some(Tag::Img);
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(_) => self.end(),
            Event::Code(code) if !in_image => {
                self.nodes += 2;
                let code = element(Tag::Code, Vec::new(), vec![Node::Text(code.into_string())]);
                self.top().children.push(code);
            }
            Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::FootnoteReference(text) => self.text(&text),
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak | Event::Rule if in_image => self.text(" "),
            Event::HardBreak => self.leaf(Tag::Br),
            Event::Rule => self.leaf(Tag::Hr),
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: pulldown_cmark::Tag) {
        use pulldown_cmark::{HeadingLevel, LinkType, Tag as Md};

        let top_tag = self.top().tag;
        if top_tag == Some(Tag::Img) || self.stack.len() >= MAX_DEPTH {
            self.top().skipped += 1;
            return;
        }
        match tag {
            Md::Paragraph | Md::HtmlBlock => self.open(Tag::P, Vec::new(), false),
            Md::Heading { level, .. } => {
                let tag = match level {
                    HeadingLevel::H1 => Tag::H3,
                    HeadingLevel::H2 => Tag::H4,
                    HeadingLevel::H3 => Tag::H5,
                    _ => Tag::H6,
                };
                self.open(tag, Vec::new(), false);
            }
            Md::BlockQuote(_) => self.open(Tag::Blockquote, Vec::new(), false),
            Md::CodeBlock(_) => {
                self.open(Tag::Pre, Vec::new(), false);
                self.open(Tag::Code, Vec::new(), true);
            }
            Md::List(None) => self.open(Tag::Ul, Vec::new(), false),
            Md::List(Some(start)) => {
                let mut attrs = Vec::new();
                if start != 1 {
                    attrs.push(("start", start.to_string()));
                }
                self.open(Tag::Ol, attrs, false);
            }
            Md::Item => self.open(Tag::Li, Vec::new(), false),
            Md::Table(_) => self.open(Tag::Table, Vec::new(), false),
            Md::TableHead => {
                self.open(Tag::Thead, Vec::new(), false);
                self.open(Tag::Tr, Vec::new(), true);
            }
            Md::TableRow => {
                if top_tag == Some(Tag::Table) {
                    self.open(Tag::Tbody, Vec::new(), true);
                }
                self.open(Tag::Tr, Vec::new(), false);
            }
            Md::TableCell => {
                let in_head =
                    self.stack.iter().rev().nth(1).map(|frame| frame.tag) == Some(Some(Tag::Thead));
                self.open(if in_head { Tag::Th } else { Tag::Td }, Vec::new(), false);
            }
            Md::Emphasis => self.open(Tag::Em, Vec::new(), false),
            Md::Strong => self.open(Tag::Strong, Vec::new(), false),
            Md::Strikethrough => self.open(Tag::Del, Vec::new(), false),
            Md::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let href = if link_type == LinkType::Email {
                    url::safe(&["mailto:", &dest_url].concat())
                } else {
                    url::safe(&dest_url).and_then(|href| url::safe(&self.links.target(&href)))
                };
                match href {
                    Some(href) => {
                        let external = url::is_external(&href);
                        let mut attrs = vec![("href", href)];
                        if !title.is_empty() {
                            attrs.push(("title", title.into_string()));
                        }
                        if external {
                            attrs.push(("rel", "noopener noreferrer".to_owned()));
                        }
                        self.open(Tag::A, attrs, false);
                    }
                    None => self.top().skipped += 1,
                }
            }
            Md::Image {
                dest_url, title, ..
            } => {
                // The alt text is gathered as children; `close` turns them into `alt`.
                let mut attrs = Vec::new();
                if let Some(src) = url::image(&dest_url) {
                    attrs.push(("src", src));
                    if !title.is_empty() {
                        attrs.push(("title", title.into_string()));
                    }
                }
                self.open(Tag::Img, attrs, false);
            }
            // Not enabled: shown as their content, if ever met.
            Md::FootnoteDefinition(_)
            | Md::DefinitionList
            | Md::DefinitionListTitle
            | Md::DefinitionListDefinition
            | Md::Superscript
            | Md::Subscript
            | Md::MetadataBlock(_) => self.top().skipped += 1,
        }
    }

    fn open(&mut self, tag: Tag, attrs: Vec<(&'static str, String)>, grouped: bool) {
        self.nodes += 1;
        self.stack.push(Frame {
            tag: Some(tag),
            attrs,
            grouped,
            ..Frame::default()
        });
    }

    fn end(&mut self) {
        let top = self.top();
        if top.skipped > 0 {
            top.skipped -= 1;
            return;
        }
        while let Some(frame) = self.stack.pop() {
            let grouped = frame.grouped;
            self.close(frame);
            if !grouped {
                break;
            }
        }
    }

    /// Adds a finished frame to its parent.
    fn close(&mut self, frame: Frame) {
        let Some(tag) = frame.tag else {
            return;
        };
        let mut children = frame.children;
        match tag {
            Tag::Img => {
                let alt = text(&children);
                let mut given = frame.attrs.into_iter();
                let Some(src) = given.next() else {
                    // A refused URL: the image is its alt text.
                    self.nodes = self.nodes.saturating_sub(1);
                    self.text(&alt);
                    return;
                };
                let mut attrs = vec![src, ("alt", alt)];
                attrs.extend(given);
                self.top()
                    .children
                    .push(element(Tag::Img, attrs, Vec::new()));
                return;
            }
            Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let id = anchor(&text(&children));
                if !id.is_empty() {
                    let mut attrs = frame.attrs;
                    attrs.push(("id", [self.links.anchor_prefix.as_str(), &id].concat()));
                    self.top().children.push(element(tag, attrs, children));
                    return;
                }
            }
            // A raw HTML block ends with its line break.
            Tag::P => {
                if let Some(Node::Text(text)) = children.last_mut() {
                    text.truncate(text.trim_end_matches('\n').len());
                }
            }
            _ => {}
        }
        self.top()
            .children
            .push(element(tag, frame.attrs, children));
    }

    fn text(&mut self, text: &str) {
        let top = self.top();
        if let Some(Node::Text(last)) = top.children.last_mut() {
            last.push_str(text);
        } else {
            top.children.push(Node::Text(text.to_owned()));
            self.nodes += 1;
        }
    }

    fn leaf(&mut self, tag: Tag) {
        self.nodes += 1;
        self.top()
            .children
            .push(element(tag, Vec::new(), Vec::new()));
    }

    fn finish(mut self) -> Vec<Node> {
        while let Some(frame) = self.stack.pop() {
            self.close(frame);
        }
        self.root.children
    }
}

#[cfg(feature = "markdown")]
fn element(tag: Tag, attrs: Vec<(&'static str, String)>, children: Vec<Node>) -> Node {
    Node::Element {
        tag,
        attrs,
        children,
    }
}

#[cfg(all(test, not(feature = "markdown")))]
mod tests_without_the_feature {
    use super::*;

    #[test]
    fn without_the_feature_the_body_is_not_shown() {
        assert_eq!(parse("> A *description*\n\n## Upgrading\n"), Vec::new());
        assert_eq!(split(parse("> A description")), Body::default());
    }
}

#[cfg(all(test, feature = "markdown"))]
mod tests {
    use super::*;
    use crate::core::{html, parse::parse as parse_product, products};

    #[track_caller]
    fn html_of(nodes: &[Node]) -> String {
        let mut out = String::new();
        html::markdown(&mut out, nodes);
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
                if let Node::Element { children, .. } = node {
                    stack.push((children, depth + 1));
                }
            }
        }
        deepest
    }

    const ISTIO_DESCRIPTION: &str = "<a href=\"https://istio.io\" rel=\"noopener noreferrer\">Istio</a> is an open source service mesh that layers transparently onto existing distributed applications. Istio’s powerful features provide a uniform and more efficient way to secure, connect, and monitor services. Istio is the path to load balancing, service-to-service authentication, and monitoring – with few or no service code changes";

    #[test]
    fn the_seed_body_renders_with_its_quote_links_and_demoted_heading() {
        let body = parse_product(products::ISTIO).unwrap().body;
        assert_eq!(
            html(&body),
            [
                "<blockquote><p>",
                ISTIO_DESCRIPTION,
                "</p></blockquote>",
                "<p>Istio produce new builds of Istio for each commit. Around once a quarter, Istio build a minor release and run through several additional tests as well as release qualification. Istio release patch versions for issues found in minor releases.</p>",
                "<p>You can find available releases on the <a href=\"https://github.com/istio/istio/releases\" rel=\"noopener noreferrer\">releases page</a>, and if you’re the adventurous type, you can learn about our development builds on the <a href=\"https://github.com/istio/istio/wiki/Dev%20Builds\" rel=\"noopener noreferrer\">development builds wiki</a>. You can find high-level releases notes for each minor and patch release <a href=\"https://istio.io/latest/news\" rel=\"noopener noreferrer\">here</a>.</p>",
                "<h4 id=\"upgrading\">Upgrading</h4>",
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
        assert!(rest.contains("<h4 id=\"upgrading\">Upgrading</h4>"));
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
            vec![Node::Element {
                tag: Tag::P,
                attrs: Vec::new(),
                children: vec![Node::Element {
                    tag: Tag::A,
                    attrs: vec![
                        ("href", "https://endoflife.date/b".to_owned()),
                        ("title", "x\" onclick=\"y".to_owned()),
                        ("rel", "noopener noreferrer".to_owned())
                    ],
                    children: vec![Node::Text("a".to_owned())],
                }],
            }]
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
                    if let Node::Element { children, .. } = node {
                        stack.push(children);
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
             <h4 id=\"eol-istio-upgrading-notes\">Upgrading notes</h4>"
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
}
