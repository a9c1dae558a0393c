//! Builds a body's tree from pulldown-cmark's events, with an explicit stack: no recursion, at
//! most [`MAX_DEPTH`] elements deep and [`MAX_NODES`] nodes, a closed set of elements, URLs
//! through the allowlist, headings moved below the card title.

use super::{anchor, Links, Node, MAX_DEPTH, MAX_NODES};
use crate::core::markup::{text, Element};
use crate::core::url;

/// The elements a body can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// A paragraph (and a raw HTML block, shown as its text).
    P,
    /// A heading of the given Markdown level (1 for `#`), until [`parse`](super::parse) moves it below the
    /// card title.
    Heading(usize),
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

/// The heading elements, by Markdown level.
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

impl Tag {
    /// The element's name, as `createElement` takes it.
    fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Heading(level) => HEADINGS
                .get(level.saturating_sub(1))
                .copied()
                .unwrap_or("h6"),
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
}

/// An element being built.
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
#[derive(Default)]
pub(super) struct Builder {
    root: Frame,
    stack: Vec<Frame>,
    nodes: usize,
    links: Links,
    /// The heading levels the body uses (`levels[0]`: `#`).
    levels: [bool; 6],
}

impl Builder {
    /// A builder resolving links as `links` says.
    pub(super) fn new(links: &Links) -> Builder {
        Builder {
            links: links.clone(),
            ..Builder::default()
        }
    }

    /// Whether the tree holds as many nodes as it may.
    pub(super) fn full(&self) -> bool {
        self.nodes >= MAX_NODES
    }

    fn top(&mut self) -> &mut Frame {
        self.stack.last_mut().unwrap_or(&mut self.root)
    }

    pub(super) fn event(&mut self, event: pulldown_cmark::Event) {
        use pulldown_cmark::Event;

        let in_image = self.top().tag == Some(Tag::Img);
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(_) => self.end(),
            Event::Code(code) if !in_image => {
                self.nodes += 2;
                let code = element(Tag::Code, Vec::new(), vec![Node::text(code.into_string())]);
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
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                if let Some(seen) = self.levels.get_mut(level - 1) {
                    *seen = true;
                }
                self.open(Tag::Heading(level), Vec::new(), false);
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
            Tag::Heading(_) => {
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
                    let text = text.to_mut();
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
            last.to_mut().push_str(text);
        } else {
            top.children.push(Node::text(text.to_owned()));
            self.nodes += 1;
        }
    }

    fn leaf(&mut self, tag: Tag) {
        self.nodes += 1;
        self.top()
            .children
            .push(element(tag, Vec::new(), Vec::new()));
    }

    pub(super) fn finish(mut self) -> Vec<Node> {
        while let Some(frame) = self.stack.pop() {
            self.close(frame);
        }
        let mut nodes = self.root.children;
        if self.levels.contains(&true) {
            follow_the_title(&mut nodes, &self.levels);
        }
        nodes
    }
}

/// Moves the headings below the card title, in order: the highest level used becomes `h3`, the
/// next one used `h4`, and so on, the fifth and deeper all `h6`. Walks the tree with its own
/// stack.
fn follow_the_title(nodes: &mut Vec<Node>, levels: &[bool; 6]) {
    let mut names = ["h6"; 6];
    let mut next = ["h3", "h4", "h5", "h6"].into_iter();
    for (name, _) in names.iter_mut().zip(levels).filter(|(_, used)| **used) {
        *name = next.next().unwrap_or("h6");
    }
    let mut stack = vec![nodes];
    while let Some(nodes) = stack.pop() {
        for node in nodes {
            if let Node::Element(element) = node {
                if let Some(level) = HEADINGS.iter().position(|h| *h == element.tag) {
                    element.tag = names.get(level).copied().unwrap_or("h6");
                }
                stack.push(&mut element.children);
            }
        }
    }
}

fn element(tag: Tag, attributes: Vec<(&'static str, String)>, children: Vec<Node>) -> Node {
    Node::Element(Element {
        svg: false,
        tag: tag.name(),
        attributes: attributes
            .into_iter()
            .map(|(name, value)| (name, value.into()))
            .collect(),
        children,
    })
}
