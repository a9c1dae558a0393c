//! The interactive widget: the reader's choices (sort, filter, search, date style, theme,
//! locale, old releases), the listeners that change them, and the DOM updates that follow.
//!
//! Listeners hold only a `Weak` reference to the widget, so dropping the widget (its
//! `destroy()`) drops the listeners, which remove themselves from the page.

mod events;
mod registry;
mod stack;
mod update;
mod window;

pub use crate::core::settings::*;
pub use events::{dispatch_change, CHANGE_EVENT};
pub use registry::{attached, keep_alive, live_count, release, release_within};

use events::{listen, listen_with, Handler};
#[cfg(feature = "timeline")]
use update::chart;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::card::Copier;
use super::intl::IntlWords;
use super::listener::{Frame, Listener};
use super::render::{self, Parts};
use super::tree;
use crate::core::arrange::{Direction, Filter};
use crate::core::card;
use crate::core::date::Day;
use crate::core::i18n::Overrides;
use crate::core::model::Product;
use crate::core::table::{self, Table};
#[cfg(feature = "timeline")]
use crate::core::timeline;
use crate::core::view;
use crate::core::widget::{card as card_tree, table as table_tree};
use crate::core::window::Layout;
use crate::core::wording::Words;

/// A rendered, interactive table.
pub struct Widget {
    document: Document,
    root: Element,
    /// Holds the toolbar, the table and the live region (rebuilt on a locale change).
    main: Element,
    /// What the widget shows: a product's support table, or a stack.
    content: Content,
    today: Day,
    settings: Settings,
    /// The words of the locale, with the `messages` overrides.
    words: Box<dyn Words>,
    table: Table,
    parts: Parts,
    order: Vec<usize>,
    shown: Vec<bool>,
    visible: usize,
    current: Option<usize>,
    /// Where the rows of a windowed table are: which are in the page, the spacers' heights.
    layout: Layout,
    /// Every row is in the page while the page is printed.
    printing: bool,
    /// Work a windowed table does on the next frame.
    frame: Option<Frame>,
    /// The widget itself, for that work.
    this: Weak<RefCell<Widget>>,
    copier: Option<Copier>,
    listeners: Vec<Listener>,
}

/// What a widget shows.
#[allow(clippy::large_enum_variant)] // one per widget: boxing the product gains nothing
enum Content {
    /// A product's support table.
    Product(Product),
    /// A stack of products, with the support tables opened under its rows. (A stack holds
    /// more than a product: both are about the same size in place, boxed or not.)
    Stack(Box<stack::StackContent>),
}

/// The words of `locale` (`None`: the site's English): the catalogue with `overrides` on top,
/// dates and plural forms through `Intl`.
pub(crate) fn words(locale: Option<&str>, overrides: &Overrides) -> Result<Box<dyn Words>, String> {
    Ok(Box::new(IntlWords::new(locale, overrides.clone())?))
}

/// Sets `lang` and `dir` on `root` for a widget in `locale` (none without one: the page's
/// language and direction hold).
fn set_language(root: &Element, locale: Option<&str>, words: &dyn Words) -> Result<(), JsValue> {
    // The highlighted row's "your version" mark is CSS content: its words go in a custom
    // property (through the CSSOM, which a strict Content-Security-Policy allows).
    // The stylesheet has the English words.
    if let Some(root) = root.dyn_ref::<web_sys::HtmlElement>() {
        let mark = words.text("row.yourVersion");
        if mark == "your version" {
            root.style().remove_property("--eol-your-version")?;
        } else {
            root.style()
                .set_property("--eol-your-version", &css_string(mark))?;
        }
    }
    match locale {
        Some(locale) => {
            root.set_attribute("lang", locale)?;
            root.set_attribute("dir", words.text("dir"))
        }
        None => {
            root.remove_attribute("lang")?;
            root.remove_attribute("dir")
        }
    }
}

/// `text` as a CSS string: quoted, with quotes, backslashes and control characters escaped.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What a new widget is made of (see [`Widget::assemble`]).
struct Made {
    document: Document,
    root: Element,
    main: Element,
    content: Content,
    today: Day,
    settings: Settings,
    words: Box<dyn Words>,
    table: Table,
    parts: Parts,
    copier: Option<Copier>,
}

fn js(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the page refused a DOM change".to_owned())
}

impl Widget {
    /// Builds the widget for `product` in a new root element (not yet in the page) and wires
    /// its controls.
    pub fn create(
        document: &Document,
        product: Product,
        today: Day,
        settings: Settings,
    ) -> Result<Rc<RefCell<Widget>>, String> {
        let words = words(settings.locale.as_deref(), &settings.messages)?;
        let view = view::evaluate(&product, today);
        let table = table::build(&view, words.as_ref());
        let card = card::build(&view, &settings.card.icon_base);
        #[cfg(feature = "timeline")]
        let layout = settings
            .card
            .timeline
            .then(|| chart(&view, words.as_ref(), &settings));
        #[cfg(feature = "timeline")]
        let chart = layout.as_ref().map(timeline::tree);
        #[cfg(not(feature = "timeline"))]
        let chart = None;
        drop(view);
        let today_text = words.date(today.date());
        let controls = table_tree::Controls {
            words: words.as_ref(),
            today: today.date(),
            today_text: &today_text,
            title: !settings.card.header,
            windowed: settings.virtualize.applies(table.rows.len()),
            search: table_tree::SEARCH_RELEASES,
        };
        let main = table_tree::main(&table, &controls, chart);
        let tree = card_tree::root(
            &product.id,
            &product.body,
            &card,
            &settings.card,
            words.as_ref(),
            main,
        );
        let root = tree::build(document, &tree).map_err(js)?;
        drop(tree);
        set_language(&root, settings.locale.as_deref(), words.as_ref()).map_err(js)?;
        // An image the browser refused leaves its figure empty: no figure then.
        if let Some(figure) = root
            .query_selector(":scope > .eol-table__schedule:empty")
            .map_err(js)?
        {
            figure.remove();
        }
        let icon = root
            .query_selector(":scope > header > .eol-table__logo")
            .map_err(js)?;
        let copier = root
            .query_selector(":scope > .eol-table__info .eol-table__copied")
            .map_err(js)?
            .zip(card.version_command.clone())
            .map(|(status, text)| Copier::new(document, text, status, words.as_ref()));
        // Last: it puts in the rows.
        let main = render::find(&root, ":scope > .eol-table__main").map_err(js)?;
        let parts = render::parts(document, &main, &table).map_err(js)?;
        let windowed = parts.spacers.is_some();
        let widget = Widget::assemble(Made {
            document: document.clone(),
            root: root.clone(),
            main,
            content: Content::Product(product),
            today,
            settings,
            words,
            table,
            parts,
            copier,
        });
        let mut listeners = vec![
            listen(&widget, &root, "click", Widget::on_click)?,
            listen(&widget, &root, "input", Widget::on_input)?,
        ];
        if let Some(icon) = icon {
            // A missing icon leaves no broken image behind.
            let gone = icon.clone();
            listeners.push(Listener::new(&icon, "error", move |_| gone.remove()).map_err(js)?);
        }
        if windowed {
            // Rows follow the viewport: the page's scrolling or any scrolling box around the
            // table (capture hears both), a resize, and printing (which gets every row).
            let page: &EventTarget = document.as_ref();
            listeners.push(listen_with(
                &widget,
                page,
                "scroll",
                true,
                Widget::on_scroll,
            )?);
            if let Some(view) = document.default_view() {
                let on_view: [(&'static str, Handler); 3] = [
                    ("resize", Widget::on_scroll),
                    ("beforeprint", Widget::on_print),
                    ("afterprint", Widget::on_print),
                ];
                for (kind, handler) in on_view {
                    listeners.push(listen_with(&widget, view.as_ref(), kind, false, handler)?);
                }
            }
        }
        Widget::start(widget, listeners)
    }

    /// The widget of `made`: every row shown, nothing sorted or marked yet.
    fn assemble(made: Made) -> Rc<RefCell<Widget>> {
        let rows = made.table.rows.len();
        Rc::new(RefCell::new(Widget {
            document: made.document,
            root: made.root,
            main: made.main,
            content: made.content,
            today: made.today,
            settings: made.settings,
            words: made.words,
            table: made.table,
            parts: made.parts,
            order: Vec::new(),
            shown: vec![true; rows],
            visible: rows,
            current: None,
            layout: Layout::default(),
            printing: false,
            frame: None,
            this: Weak::new(),
            copier: made.copier,
            listeners: Vec::new(),
        }))
    }

    /// Hands `widget` its `listeners` and a reference to itself, then shows its state: the
    /// version's row marked, the rows arranged.
    fn start(
        widget: Rc<RefCell<Widget>>,
        listeners: Vec<Listener>,
    ) -> Result<Rc<RefCell<Widget>>, String> {
        let mut this = widget
            .try_borrow_mut()
            .map_err(|_| "the table is busy".to_owned())?;
        this.listeners = listeners;
        this.this = Rc::downgrade(&widget);
        this.mark_version().map_err(js)?;
        this.update().map_err(js)?;
        drop(this);
        Ok(widget)
    }

    /// The root element.
    pub fn root(&self) -> &Element {
        &self.root
    }

    /// Removes the widget from the page and its listeners from the root.
    pub fn destroy(&mut self) {
        self.close_details();
        self.listeners.clear();
        self.frame = None;
        self.root.remove();
    }

    /// The reader's choices and the counts.
    pub fn state(&self) -> TableState {
        let state = &self.settings.state;
        TableState {
            sort: state.sort.as_ref().map(|(column, direction)| SortState {
                column: column.clone(),
                direction: direction.as_str(),
            }),
            filter: state.filter.as_str(),
            search: state.search.clone(),
            date_style: self.settings.date_style.as_str(),
            locale: self.settings.locale.clone(),
            theme: self.settings.theme.as_str(),
            show_all_releases: state.show_all,
            version: self.settings.version.clone(),
            visible: self.visible,
            total: self.table.rows.len(),
        }
    }

    /// Sorts by `column` (`None`: the file's order), ascending unless told otherwise.
    pub fn set_sort(
        &mut self,
        column: Option<String>,
        direction: Option<Direction>,
    ) -> Result<(), String> {
        self.settings.state.sort = match column {
            None => None,
            Some(column) => {
                if !self.table.columns.iter().any(|c| c.id == column) {
                    let ids: Vec<&str> = self.table.columns.iter().map(|c| c.id.as_str()).collect();
                    return Err(format!(
                        "there is no column `{column}` to sort by; the columns are {}",
                        ids.join(", ")
                    ));
                }
                Some((column, direction.unwrap_or(Direction::Ascending)))
            }
        };
        self.update().map_err(js)
    }

    /// Shows all, maintained or ended releases.
    pub fn set_filter(&mut self, filter: Filter) -> Result<(), String> {
        self.settings.state.filter = filter;
        self.update().map_err(js)
    }

    /// Shows the releases whose cycle, codename, label or latest version contains `search`.
    pub fn set_search(&mut self, search: String) -> Result<(), String> {
        self.settings.state.search = search;
        self.update().map_err(js)
    }

    /// Shows or hides the old releases the site's rule hides.
    pub fn set_show_all(&mut self, show: bool) -> Result<(), String> {
        self.settings.state.show_all = show;
        self.update().map_err(js)
    }

    /// Relative or exact dates.
    pub fn set_date_style(&mut self, style: DateStyle) -> Result<(), String> {
        self.settings.date_style = style;
        self.each_detail(|detail| detail.set_date_style(style))?;
        self.update().map_err(js)
    }

    /// Light, dark or automatic colours.
    pub fn set_theme(&mut self, theme: Theme) -> Result<(), String> {
        self.settings.theme = theme;
        self.each_detail(|detail| detail.set_theme(theme))?;
        self.update().map_err(js)
    }

    /// Rewords the widget in `locale` (`None`: the site's English): the card and the table
    /// part are built again in the same root, whose listeners stay.
    pub fn set_locale(&mut self, locale: Option<String>) -> Result<(), String> {
        let words = words(locale.as_deref(), &self.settings.messages)?;
        self.settings.locale = locale;
        self.words = words;
        let Content::Product(product) = &self.content else {
            return self.relocale_stack();
        };
        let words = self.words.as_ref();
        let view = view::evaluate(product, self.today);
        self.table = table::build(&view, words);
        let card = card::build(&view, &self.settings.card.icon_base);
        #[cfg(feature = "timeline")]
        let layout = self
            .settings
            .card
            .timeline
            .then(|| chart(&view, words, &self.settings));
        #[cfg(feature = "timeline")]
        let chart = layout.as_ref().map(timeline::tree);
        #[cfg(not(feature = "timeline"))]
        let chart = None;
        drop(view);
        let today_text = words.date(self.today.date());
        let controls = table_tree::Controls {
            words,
            today: self.today.date(),
            today_text: &today_text,
            title: !self.settings.card.header,
            // as the widget was made: its listeners are
            windowed: self.parts.spacers.is_some(),
            search: table_tree::SEARCH_RELEASES,
        };
        let main = table_tree::main(&self.table, &controls, chart);
        let tree = card_tree::root(
            &product.id,
            &product.body,
            &card,
            &self.settings.card,
            words,
            main,
        );
        render::fill(&self.document, &self.root, &tree).map_err(js)?;
        drop(tree);
        set_language(&self.root, self.settings.locale.as_deref(), words).map_err(js)?;
        if let Some(figure) = self
            .root
            .query_selector(":scope > .eol-table__schedule:empty")
            .map_err(js)?
        {
            figure.remove();
        }
        self.copier = self
            .root
            .query_selector(":scope > .eol-table__info .eol-table__copied")
            .map_err(js)?
            .zip(card.version_command.clone())
            .map(|(status, text)| Copier::new(&self.document, text, status, words));
        self.main = render::find(&self.root, ":scope > .eol-table__main").map_err(js)?;
        self.parts = render::parts(&self.document, &self.main, &self.table).map_err(js)?;
        self.layout = Layout::default();
        self.order.clear();
        self.shown = vec![true; self.table.rows.len()];
        self.mark_version().map_err(js)?;
        self.update().map_err(js)
    }

    /// Highlights the row of `version` (`None`: none) with a verdict above the table.
    pub fn set_version(&mut self, version: Option<String>) -> Result<(), String> {
        self.settings.version = version;
        self.mark_version().map_err(js)?;
        self.update().map_err(js)?;
        self.reveal();
        Ok(())
    }

    /// Scrolls the highlighted row into view (once the widget is in the page).
    pub fn reveal(&mut self) {
        if self.parts.spacers.is_some() {
            // A windowed table first puts the row in the page.
            let position = self
                .current
                .and_then(|i| self.order.iter().position(|&at| at == i));
            if let Some(position) = position {
                let rows =
                    crate::core::window::reaching(self.order.len(), &self.layout.rows, position);
                if rows != self.layout.rows && self.mount(self.layout.place(rows), false).is_err() {
                    return;
                }
            }
        }
        if let Some(row) = self.current.and_then(|i| self.built(i)) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            row.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}
