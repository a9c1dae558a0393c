//! The interactive widget: the reader's choices (sort, filter, search, date style, theme,
//! locale, old releases), the listeners that change them, and the DOM updates that follow.
//!
//! Listeners hold only a `Weak` reference to the widget, so dropping the widget (its
//! `destroy()`) drops the listeners, which remove themselves from the page.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::{Rc, Weak};

use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CustomEvent, CustomEventInit, Document, Element, Event, EventTarget, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};

use super::card::{self as card_dom, Copier, Downloads};
use super::intl::IntlWords;
use super::listener::{Frame, Listener};
use super::render::{self, Parts};
use super::{element, ROOT_CLASS};
use crate::core::arrange::{arrange, Direction, Filter, State};
use crate::core::card;
use crate::core::date::Day;
#[cfg(feature = "export")]
use crate::core::export;
use crate::core::lookup;
use crate::core::markdown::{self, Node};
use crate::core::model::Product;
use crate::core::table::{self, Table};
#[cfg(feature = "timeline")]
use crate::core::timeline;
use crate::core::view;
use crate::core::window::{self, Layout};
use crate::core::wording::{English, Words};
use crate::options::choice_error;

thread_local! {
    /// Widgets on the page. A widget lives until `destroy()` or until a new `render` replaces
    /// it, whether or not the page keeps the `EolTable` handle (whose garbage collection must
    /// not silently switch a visible table's controls off).
    static LIVE: RefCell<Vec<Rc<RefCell<Widget>>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `widget` alive until [`release`].
pub fn keep_alive(widget: &Rc<RefCell<Widget>>) {
    LIVE.with(|live| live.borrow_mut().push(widget.clone()));
}

/// Called once `widget` is in the page: scrolls the highlighted row into view, and fits a
/// windowed table's rows to the viewport on the next frame (once the page has laid the table
/// out anyway, rather than forcing a layout now).
pub fn attached(widget: &Rc<RefCell<Widget>>) {
    let Ok(mut this) = widget.try_borrow_mut() else {
        return;
    };
    this.reveal();
    if this.parts.spacers.is_some() {
        this.on_next_frame(Widget::follow_viewport);
    }
}

/// Destroys `widget` and lets it go.
pub fn release(widget: &Rc<RefCell<Widget>>) {
    if let Ok(mut this) = widget.try_borrow_mut() {
        this.destroy();
    }
    LIVE.with(|live| live.borrow_mut().retain(|w| !Rc::ptr_eq(w, widget)));
}

/// Destroys the live widgets rendered directly into `host`.
pub fn release_within(host: &Element) {
    let inside: Vec<Rc<RefCell<Widget>>> = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter(|w| {
                w.try_borrow()
                    .ok()
                    .and_then(|w| w.root.parent_element())
                    .is_some_and(|parent| &parent == host)
            })
            .cloned()
            .collect()
    });
    inside.iter().for_each(release);
}

/// How many widgets are alive (for tests of clean-up).
pub fn live_count() -> usize {
    LIVE.with(|live| live.borrow().len())
}

/// The name of the event dispatched on the root element after every change.
pub const CHANGE_EVENT: &str = "eol-table:change";

/// How dates read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// "Ends in 3 months (01 Oct 2024)".
    #[default]
    Relative,
    /// "01 Oct 2024".
    Absolute,
}

impl DateStyle {
    /// Reads `"relative"` or `"absolute"`.
    pub fn parse(text: &str) -> Result<DateStyle, String> {
        match text {
            "relative" => Ok(DateStyle::Relative),
            "absolute" => Ok(DateStyle::Absolute),
            _ => Err(choice_error(
                "dateStyle",
                "\"relative\" or \"absolute\"",
                text,
            )),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            DateStyle::Relative => "relative",
            DateStyle::Absolute => "absolute",
        }
    }
}

/// Light, dark, or following the reader's system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `"auto"`, `"light"` or `"dark"`.
    pub fn parse(text: &str) -> Result<Theme, String> {
        match text {
            "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(choice_error(
                "theme",
                "\"auto\", \"light\" or \"dark\"",
                text,
            )),
        }
    }

    /// The `data-theme` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The reader's choices and the counts: what `state` and the `eol-table:change` event's
/// `detail` give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableState {
    /// The sort column and direction, `null` for the file's order.
    pub sort: Option<SortState>,
    /// `all`, `maintained` or `ended`.
    pub filter: &'static str,
    /// The search text.
    pub search: String,
    /// `relative` or `absolute`.
    pub date_style: &'static str,
    /// The locale, `null` for the site's English.
    pub locale: Option<String>,
    /// `auto`, `light` or `dark`.
    pub theme: &'static str,
    /// Whether the old unmaintained releases show.
    pub show_all_releases: bool,
    /// The highlighted version.
    pub version: Option<String>,
    /// Rows showing.
    pub visible: usize,
    /// Rows in all.
    pub total: usize,
}

/// A sort column and direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SortState {
    /// The column id.
    pub column: String,
    /// `ascending` or `descending`.
    pub direction: &'static str,
}

/// Whether a long table keeps only the rows near the viewport in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Virtualize {
    /// Above [`window::AUTO_ABOVE`] rows.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never: every row is in the page.
    Never,
}

impl Virtualize {
    /// Whether a table of `rows` rows is windowed.
    pub fn applies(self, rows: usize) -> bool {
        match self {
            Virtualize::Auto => rows > window::AUTO_ABOVE,
            Virtualize::Always => true,
            Virtualize::Never => false,
        }
    }
}

/// Reads a `filter` option.
pub fn parse_filter(text: &str) -> Result<Filter, String> {
    Filter::parse(text)
        .ok_or_else(|| choice_error("filter", "\"all\", \"maintained\" or \"ended\"", text))
}

/// Reads a sort direction.
pub fn parse_direction(text: &str) -> Result<Direction, String> {
    Direction::parse(text)
        .ok_or_else(|| choice_error("sort.direction", "\"ascending\" or \"descending\"", text))
}

/// Everything the reader can choose.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Sort, filter, search, old releases.
    pub state: State,
    /// Relative or exact dates.
    pub date_style: DateStyle,
    /// Colour theme.
    pub theme: Theme,
    /// Language of the relative wording and dates; `None`: the site's English.
    pub locale: Option<String>,
    /// A version to highlight, with a verdict above the table.
    pub version: Option<String>,
    /// The card around the table.
    pub card: CardSettings,
    /// The width the timeline is laid out for (the host's; 0: the default).
    pub width: i32,
    /// Whether the timeline draws every cycle, not only the first
    /// [`timeline::DEFAULT_ROWS`](crate::core::timeline::DEFAULT_ROWS).
    pub whole_timeline: bool,
    /// Row windowing for long tables.
    pub virtualize: Virtualize,
}

/// Where the Markdown description goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Description {
    /// As endoflife.date lays it out: the first block quote (the summary) above the table, the
    /// rest of the body below it.
    #[default]
    Split,
    /// All of it above the table.
    Above,
    /// All of it below the table.
    Below,
    /// Not shown.
    Hidden,
}

impl Description {
    /// Reads the `description` option.
    pub fn parse(text: &str) -> Result<Description, String> {
        match text {
            "split" => Ok(Description::Split),
            "above" => Ok(Description::Above),
            "below" => Ok(Description::Below),
            "hidden" => Ok(Description::Hidden),
            other => Err(choice_error(
                "description",
                "\"split\", \"above\", \"below\" or \"hidden\"",
                other,
            )),
        }
    }
}

/// What the card shows around the table.
#[derive(Debug, Clone)]
pub struct CardSettings {
    /// The header: icon, title, labels.
    pub header: bool,
    /// Where the Markdown body goes.
    pub description: Description,
    /// The release policy link, hint and version command under the table.
    pub info: bool,
    /// The lifecycle timeline above the table.
    pub timeline: bool,
    /// Download controls.
    pub downloads: Downloads,
    /// Where icons come from (`{iconBase}{iconSlug}.svg`).
    pub icon_base: String,
    /// What relative links in the Markdown body resolve against.
    pub link_base: String,
}

impl Default for CardSettings {
    fn default() -> Self {
        CardSettings {
            header: true,
            description: Description::default(),
            info: true,
            timeline: false,
            downloads: Downloads::default(),
            icon_base: card::ICON_BASE.to_owned(),
            link_base: markdown::DEFAULT_LINK_BASE.to_owned(),
        }
    }
}

/// A rendered, interactive table.
pub struct Widget {
    document: Document,
    root: Element,
    /// Holds the toolbar, the table and the live region (rebuilt on a locale change).
    main: Element,
    product: Product,
    today: Day,
    settings: Settings,
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

/// The words of `locale` through `Intl` (`None`: the site's English).
pub(crate) fn words(locale: Option<&str>) -> Result<Box<dyn Words>, String> {
    Ok(match locale {
        None => Box::new(English),
        Some(locale) => Box::new(IntlWords::new(locale)?),
    })
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
        let root = element(
            document,
            "div",
            &[("class", ROOT_CLASS), ("data-product", &product.id)],
        )
        .map_err(js)?;
        let words = words(settings.locale.as_deref())?;
        let view = view::evaluate(&product, today);
        let table = table::build(&view, words.as_ref());
        let card = card::build(&view, &settings.card.icon_base);
        #[cfg(feature = "timeline")]
        let chart = settings
            .card
            .timeline
            .then(|| chart(&view, words.as_ref(), &settings));
        drop(view);
        let mut icon = None;
        if settings.card.header {
            let (header, img) = card_dom::header(document, &card).map_err(js)?;
            root.append_child(&header).map_err(js)?;
            icon = img;
        }
        if let Some(image) = card_dom::release_image(document, &card).map_err(js)? {
            root.append_child(&image).map_err(js)?;
        }
        let links = markdown::Links {
            base: settings.card.link_base.clone(),
            anchor_prefix: ["eol-", &product.id, "-"].concat(),
        };
        let (above, below) = description_parts(&product.body, settings.card.description, &links);
        if let Some(nodes) = above {
            let block = description_block(document, "eol-table__description", &nodes)?;
            root.append_child(&block).map_err(js)?;
        }
        let main = element(document, "div", &[("class", "eol-table__main")]).map_err(js)?;
        root.append_child(&main).map_err(js)?;
        if let Some(nodes) = below {
            let block = description_block(document, "eol-table__notes", &nodes)?;
            root.append_child(&block).map_err(js)?;
        }
        let windowed = settings.virtualize.applies(table.rows.len());
        let parts = render::build(
            document,
            &main,
            &table,
            today.date(),
            &words.date(today.date()),
            !settings.card.header,
            windowed,
        )
        .map_err(js)?;
        #[cfg(feature = "timeline")]
        if let Some(chart) = &chart {
            add_timeline(document, &main, chart).map_err(js)?;
        }
        let mut copier = None;
        if settings.card.info {
            if let Some(info) =
                card_dom::info(document, &card, settings.card.downloads).map_err(js)?
            {
                root.append_child(&info.root).map_err(js)?;
                copier = info
                    .copied
                    .zip(card.version_command.clone())
                    .map(|(status, text)| Copier::new(document, text, status));
            }
        }
        let rows = table.rows.len();
        let widget = Rc::new(RefCell::new(Widget {
            document: document.clone(),
            root: root.clone(),
            main,
            product,
            today,
            settings,
            table,
            parts,
            order: Vec::new(),
            shown: vec![true; rows],
            visible: rows,
            current: None,
            layout: Layout::default(),
            printing: false,
            frame: None,
            this: Weak::new(),
            copier,
            listeners: Vec::new(),
        }));
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
        self.update().map_err(js)
    }

    /// Light, dark or automatic colours.
    pub fn set_theme(&mut self, theme: Theme) -> Result<(), String> {
        self.settings.theme = theme;
        self.update().map_err(js)
    }

    /// Rewords the table in `locale` (`None`: the site's English).
    pub fn set_locale(&mut self, locale: Option<String>) -> Result<(), String> {
        let words = words(locale.as_deref())?;
        self.settings.locale = locale;
        let view = view::evaluate(&self.product, self.today);
        self.table = table::build(&view, words.as_ref());
        #[cfg(feature = "timeline")]
        let chart = self
            .settings
            .card
            .timeline
            .then(|| chart(&view, words.as_ref(), &self.settings));
        drop(view);
        let today = self.today.date();
        self.parts = render::build(
            &self.document,
            &self.main,
            &self.table,
            today,
            &words.date(today),
            !self.settings.card.header,
            // as the widget was made: its listeners are
            self.parts.spacers.is_some(),
        )
        .map_err(js)?;
        self.layout = Layout::default();
        #[cfg(feature = "timeline")]
        if let Some(chart) = &chart {
            add_timeline(&self.document, &self.main, chart).map_err(js)?;
        }
        self.order.clear();
        self.shown = vec![true; self.table.rows.len()];
        self.mark_version().map_err(js)?;
        self.update().map_err(js)
    }

    /// Draws the timeline again in place (after "Show all").
    #[cfg(feature = "timeline")]
    fn redraw_timeline(&mut self) -> Result<(), JsValue> {
        let words = words(self.settings.locale.as_deref()).map_err(|m| JsValue::from_str(&m))?;
        let view = view::evaluate(&self.product, self.today);
        let chart = chart(&view, words.as_ref(), &self.settings);
        let fresh = super::timeline::build(&self.document, &chart)?;
        if let Some(old) = self.main.query_selector(".eol-timeline")? {
            old.replace_with_with_node_1(&fresh)?;
        }
        Ok(())
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
                let rows = window::reaching(self.order.len(), &self.layout.rows, position);
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

    /// Marks the version's row (`aria-current`) and writes the verdict.
    fn mark_version(&mut self) -> Result<(), JsValue> {
        if let Some(row) = self.current.take().and_then(|i| self.built(i)) {
            row.remove_attribute("aria-current")?;
        }
        let verdict = &self.parts.verdict;
        let Some(version) = self
            .settings
            .version
            .as_deref()
            .filter(|v| !v.trim().is_empty())
        else {
            verdict.set_attribute("hidden", "")?;
            return Ok(());
        };
        let view = view::evaluate(&self.product, self.today);
        let check = lookup::check(&view, version);
        verdict.remove_attribute("hidden")?;
        verdict.set_attribute("data-status", check.status.as_str())?;
        verdict.set_text_content(Some(&check.message));
        let index = check
            .cycle
            .as_ref()
            .and_then(|cycle| self.table.rows.iter().position(|r| &r.cycle == cycle));
        if let Some(index) = index {
            // A row a windowed table builds later is marked then.
            if let Some(row) = self.built(index) {
                row.set_attribute("aria-current", "true")?;
            }
            if self.table.rows.get(index).is_some_and(|r| r.can_hide) {
                self.settings.state.show_all = true;
            }
        }
        self.current = index;
        Ok(())
    }

    fn on_click(&mut self, event: &Event) -> bool {
        let Some(control) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            return false;
        };
        let attr = |name: &str| control.get_attribute(name).unwrap_or_default();
        let state = &mut self.settings.state;
        match attr("data-action").as_str() {
            "sort" => {
                let column = attr("data-column");
                let direction = match &state.sort {
                    Some((current, Direction::Ascending)) if *current == column => {
                        Direction::Descending
                    }
                    _ => Direction::Ascending,
                };
                state.sort = Some((column, direction));
            }
            "filter" => match Filter::parse(&attr("data-filter")) {
                Some(filter) => state.filter = filter,
                None => return false,
            },
            "more" => state.show_all = !state.show_all,
            #[cfg(feature = "export")]
            action @ ("download-csv" | "download-ics") => {
                let view = view::evaluate(&self.product, self.today);
                let (text, kind, extension) = if action == "download-csv" {
                    (export::to_csv(&view), "text/csv;charset=utf-8", ".csv")
                } else {
                    (
                        export::to_icalendar(&view),
                        "text/calendar;charset=utf-8",
                        ".ics",
                    )
                };
                let name = [self.product.id.as_str(), extension].concat();
                let _ = card_dom::download(&self.document, &text, kind, &name);
                return false;
            }
            "copy" => {
                if let Some(copier) = &self.copier {
                    copier.copy();
                }
                return false;
            }
            #[cfg(feature = "timeline")]
            "timeline-all" => {
                self.settings.whole_timeline = true;
                let _ = self.redraw_timeline();
                return false;
            }
            "dates" => {
                self.settings.date_style = match self.settings.date_style {
                    DateStyle::Relative => DateStyle::Absolute,
                    DateStyle::Absolute => DateStyle::Relative,
                }
            }
            _ => return false,
        }
        self.update().is_ok()
    }

    fn on_input(&mut self, event: &Event) -> bool {
        let Some(target) = event.target() else {
            return false;
        };
        if target
            .dyn_ref::<Element>()
            .and_then(|e| e.get_attribute("data-action"))
            .as_deref()
            != Some("search")
        {
            return false;
        }
        let value = Reflect::get(&target, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        self.settings.state.search = value;
        self.update().is_ok()
    }

    /// A scroll or resize: a windowed table puts in the rows the viewport now shows.
    fn on_scroll(&mut self, _event: &Event) -> bool {
        self.follow_viewport();
        false
    }

    /// Measures the rows in the page, then puts in the rows the viewport needs if those do not
    /// cover it.
    fn follow_viewport(&mut self) {
        self.measure();
        let _ = self.remount(false);
    }

    /// Printing shows every row of a windowed table; afterwards the window comes back.
    fn on_print(&mut self, event: &Event) -> bool {
        self.printing = event.type_() == "beforeprint";
        let _ = if self.printing {
            self.mount(self.layout.place(0..self.order.len()), false)
        } else {
            self.remount(true)
        };
        false
    }

    /// Where the table body is: its top relative to the viewport, and the viewport's height
    /// (`None` while the widget is not in the page).
    fn view(&self) -> Option<(f64, f64)> {
        if !self.root.is_connected() {
            return None;
        }
        let viewport = self
            .document
            .default_view()?
            .inner_height()
            .ok()?
            .as_f64()?;
        Some((self.parts.tbody.get_bounding_client_rect().top(), viewport))
    }

    /// Measures the rows in the page, which sets the bottom spacer's height per row.
    fn measure(&mut self) {
        let rows = self.layout.rows.clone();
        if rows.is_empty() || !self.root.is_connected() {
            return;
        }
        let (Some(first), Some(last)) = (
            self.row_at(rows.start),
            self.row_at(rows.end.saturating_sub(1)),
        ) else {
            return;
        };
        let span =
            last.get_bounding_client_rect().bottom() - first.get_bounding_client_rect().top();
        let before = self.layout.row_height;
        self.layout.measured(span);
        if (self.layout.row_height - before).abs() >= 0.5 {
            // Only the bottom spacer changes: it is below what is on screen.
            if let Some(spacers) = &self.parts.spacers {
                let _ = spacers.set(self.layout.above, self.layout.below(self.order.len()));
            }
        }
    }

    /// Puts the rows the viewport needs in the page, if the ones there do not cover it (or
    /// always, when `force`: the rows or their order changed). A change puts in the screen's
    /// rows at once and the overscan on the next frame, so the reader sees the result sooner.
    fn remount(&mut self, force: bool) -> Result<(), JsValue> {
        if self.parts.spacers.is_none() {
            return Ok(());
        }
        let count = self.order.len();
        let view = self.view();
        let next = if self.printing {
            force.then(|| self.layout.place(0..count))
        } else if force && view.is_some() {
            self.layout.next(count, view, true, window::NEAR)
        } else {
            self.layout.next(count, view, force, window::OVERSCAN)
        };
        let Some(layout) = next else {
            return Ok(());
        };
        self.mount(layout, !force)?;
        if force && view.is_some() && !self.printing {
            self.on_next_frame(|this| {
                this.measure();
                let count = this.order.len();
                if let Some(layout) = this.layout.fill(count, this.view()) {
                    let _ = this.mount(layout, true);
                }
            });
        }
        Ok(())
    }

    /// Runs `work` on the widget before the next paint (replacing work asked for before).
    fn on_next_frame(&mut self, work: fn(&mut Widget)) {
        let Some(view) = self.document.default_view() else {
            return;
        };
        let weak = self.this.clone();
        self.frame = Frame::request(&view, move || {
            let Some(widget) = weak.upgrade() else {
                return;
            };
            if let Ok(mut this) = widget.try_borrow_mut() {
                work(&mut this);
            };
        })
        .ok();
    }

    /// Makes `layout`'s rows the ones in the page, between spacers as tall as the rows they
    /// stand in for; builds rows on first use. With `keep` (a scroll), what is on screen holds
    /// its place: a row that stays, or else the table's end when it is in view. Rows that come
    /// or go above it measure what they measure, not what the spacer allowed them, and the top
    /// spacer takes up the difference.
    fn mount(&mut self, mut layout: Layout, keep: bool) -> Result<(), JsValue> {
        let anchor = if keep && self.root.is_connected() {
            self.anchor(&layout)
        } else {
            None
        };
        let old = self.layout.rows.clone();
        let new = layout.rows.clone();
        let overlap = old.start.max(new.start) < old.end.min(new.end);
        if keep && overlap {
            // A scroll: only the rows that leave or come change; the others stay as laid out.
            for position in
                (old.start..new.start.min(old.end)).chain(new.end.max(old.start)..old.end)
            {
                if let Some(row) = self.row_at(position) {
                    row.remove();
                }
            }
            let above = self.rows_for(new.start..old.start.min(new.end))?;
            let below = self.rows_for(old.end.max(new.start)..new.end)?;
            if let Some(spacers) = &self.parts.spacers {
                spacers.top.after_with_node(&above)?;
                spacers.bottom.before_with_node(&below)?;
            }
        } else {
            let nodes = self.rows_for(new)?;
            let parts = &self.parts;
            if let Some(spacers) = &parts.spacers {
                nodes.unshift(&spacers.top);
                nodes.push(&spacers.bottom);
                nodes.push(&parts.empty_row);
                // One call: the rows that stay are moved, the others leave the page.
                parts.tbody.replace_children_with_node(&nodes);
            }
        }
        let Parts { tbody, spacers, .. } = &self.parts;
        let Some(spacers) = spacers else {
            return Ok(());
        };
        let below = layout.below(self.order.len());
        spacers.set(layout.above, below)?;
        if let Some(anchor) = anchor {
            let moved = match anchor {
                Anchor::Row(row, was) => offset(&row, tbody) - was,
                Anchor::End(was) => tbody.get_bounding_client_rect().height() - was,
            };
            if moved.abs() >= 0.5 {
                // The top spacer can shrink or grow by what moved, except above the first row,
                // where there is no spacer: then the page scrolls by it instead.
                let above = if layout.rows.start == 0 {
                    0.0
                } else {
                    (layout.above - moved).max(0.0)
                };
                let unabsorbed = moved - (layout.above - above);
                layout.above = above;
                spacers.set(above, below)?;
                if unabsorbed.abs() >= 0.5 {
                    scroll_by(&self.document, tbody, unabsorbed);
                }
            }
        }
        self.layout = layout;
        Ok(())
    }

    /// The rows of the shown rows at `positions`, built on first use and numbered for
    /// assistive technology.
    fn rows_for(&mut self, positions: Range<usize>) -> Result<js_sys::Array, JsValue> {
        let nodes = js_sys::Array::new();
        for position in positions {
            let Some(&index) = self.order.get(position) else {
                continue;
            };
            let Some(slot) = self.parts.rows.get_mut(index) else {
                continue;
            };
            if slot.is_none() {
                let row = render::row(&self.document, &self.table, index)?;
                if let Some(row) = row.as_ref().filter(|_| self.current == Some(index)) {
                    row.set_attribute("aria-current", "true")?;
                }
                *slot = row;
            }
            if let Some(row) = slot {
                // Which row of the whole table this is.
                row.set_attribute("aria-rowindex", &(position + 2).to_string())?;
                nodes.push(row);
            }
        }
        Ok(nodes)
    }

    /// The row element at `position` among the shown rows, if it was built.
    fn row_at(&self, position: usize) -> Option<&Element> {
        self.order
            .get(position)
            .and_then(|&index| self.built(index))
    }

    /// The element of table row `index`, if it was built.
    fn built(&self, index: usize) -> Option<&Element> {
        self.parts.rows.get(index).and_then(Option::as_ref)
    }

    /// What must not move on screen when `next` replaces the rows in the page.
    fn anchor(&self, next: &Layout) -> Option<Anchor> {
        let old = &self.layout.rows;
        let stays = old.start.max(next.rows.start);
        let tbody = &self.parts.tbody;
        if stays < old.end.min(next.rows.end) {
            let row = self.row_at(stays)?;
            return Some(Anchor::Row(row.clone(), offset(row, tbody)));
        }
        // A jump to the end (the End key, the scroll bar dragged down) shows the end.
        let body = tbody.get_bounding_client_rect();
        let (_, viewport) = self.view()?;
        (next.rows.end == self.order.len() && body.bottom() <= viewport + 1.0)
            .then(|| Anchor::End(body.height()))
    }

    /// Every row in the page: the shown ones first, in order, the others hidden behind them.
    fn place_rows(&mut self, order: Vec<usize>) -> Result<(), JsValue> {
        let parts = &self.parts;
        let total = self.table.rows.len();
        let mut shown = vec![false; total];
        for &index in &order {
            if let Some(slot) = shown.get_mut(index) {
                *slot = true;
            }
        }
        // Only the visible rows need an order: they go first, and hidden ones stay behind them
        // in the order they had (at first the file's), with the "no match" row last. So a
        // filter or a search moves the rows it shows, not every row of a long table.
        if order != self.order {
            // One call moves those rows into place (prepending moves a node that is already in
            // the body), instead of a call into the page per row.
            let rows: js_sys::Array = order
                .iter()
                .filter_map(|&index| parts.rows.get(index).and_then(Option::as_ref))
                .collect();
            parts.tbody.prepend_with_node(&rows)?;
            self.order = order;
        }
        for (index, row) in parts.rows.iter().enumerate() {
            let Some(row) = row else { continue };
            let now = shown.get(index).copied().unwrap_or(false);
            if self.shown.get(index).copied() != Some(now) {
                row.toggle_attribute_with_force("hidden", !now)?;
            }
        }
        self.shown = shown;
        Ok(())
    }

    /// Brings the DOM in line with the settings: row order and visibility, headers, controls,
    /// the live region and the "Show more" button.
    fn update(&mut self) -> Result<(), JsValue> {
        let arrangement = arrange(&self.table, &self.settings.state);
        let total = self.table.rows.len();
        self.visible = arrangement.visible.len();
        if self.parts.spacers.is_some() {
            // Windowed: the rows near the viewport, in order, between the spacers.
            let changed = arrangement.visible != self.order;
            self.order = arrangement.visible;
            if changed {
                self.measure();
                self.remount(true)?;
            }
            let count = (self.visible + 1).to_string();
            self.parts.table.set_attribute("aria-rowcount", &count)?;
        } else {
            self.place_rows(arrangement.visible)?;
        }
        let parts = &self.parts;

        // The sort icon's shape follows aria-sort in the stylesheet.
        let sorted = self.settings.state.sort.as_ref();
        for (column, th) in self.table.columns.iter().zip(&parts.headers) {
            match sorted {
                Some((id, direction)) if *id == column.id => {
                    th.set_attribute("aria-sort", direction.as_str())?
                }
                _ => th.remove_attribute("aria-sort")?,
            }
        }

        let state = &self.settings.state;
        for button in &parts.filters {
            let pressed =
                button.get_attribute("data-filter").as_deref() == Some(state.filter.as_str());
            button.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        let current = Reflect::get(&parts.search, &"value".into())?
            .as_string()
            .unwrap_or_default();
        if current != state.search {
            Reflect::set(
                &parts.search,
                &"value".into(),
                &state.search.as_str().into(),
            )?;
        }
        let absolute = self.settings.date_style == DateStyle::Absolute;
        parts
            .dates
            .set_attribute("aria-pressed", if absolute { "true" } else { "false" })?;
        self.root
            .set_attribute("data-date-style", self.settings.date_style.as_str())?;
        self.root
            .set_attribute("data-theme", self.settings.theme.as_str())?;

        parts
            .empty_row
            .toggle_attribute_with_force("hidden", self.visible > 0)?;
        if self.visible == 0 {
            let search = state.search.trim();
            let message = if !search.is_empty() {
                format!("No releases match \u{201c}{search}\u{201d}.")
            } else {
                match state.filter {
                    Filter::Maintained => "No release is maintained any more.".to_owned(),
                    Filter::Ended => "No release has ended yet.".to_owned(),
                    Filter::All => "This product lists no releases.".to_owned(),
                }
            };
            parts.empty_text.set_text_content(Some(&message));
        }

        let noun = if total == 1 { "release" } else { "releases" };
        let status = format!("Showing {} of {total} {noun}", self.visible);
        if parts.status.text_content().as_deref() != Some(status.as_str()) {
            parts.status.set_text_content(Some(&status));
        }

        let more = &parts.more;
        more.toggle_attribute_with_force("hidden", arrangement.hideable == 0)?;
        if arrangement.hideable > 0 {
            let n = arrangement.hideable;
            let noun = if n == 1 { "release" } else { "releases" };
            let (text, expanded) = if state.show_all {
                (format!("Hide {n} unmaintained {noun}"), "true")
            } else {
                (format!("Show {n} more unmaintained {noun}"), "false")
            };
            more.set_text_content(Some(&text));
            more.set_attribute("aria-expanded", expanded)?;
        }
        Ok(())
    }
}

/// The timeline's layout for `view`, at `width` (0: the default width).
#[cfg(feature = "timeline")]
fn chart(
    view: &view::ProductView<'_>,
    words: &dyn Words,
    settings: &Settings,
) -> timeline::Timeline {
    let width = if settings.width > 0 {
        settings.width
    } else {
        timeline::DEFAULT_WIDTH
    };
    let rows = (!settings.whole_timeline).then_some(timeline::DEFAULT_ROWS);
    timeline::build_rows(view, words, width, rows)
}

/// What holds its place on screen while the rows in the page change.
enum Anchor {
    /// A row that stays in the page, and its offset in the body.
    Row(Element, f64),
    /// The body's end, and the body's height.
    End(f64),
}

/// How far `row` is below the top of `body`, in CSS pixels.
fn offset(row: &Element, body: &Element) -> f64 {
    row.get_bounding_client_rect().top() - body.get_bounding_client_rect().top()
}

/// Scrolls what scrolls `element` by `delta` CSS pixels: its nearest scrolling ancestor, or the
/// page.
fn scroll_by(document: &Document, element: &Element, delta: f64) {
    let Some(view) = document.default_view() else {
        return;
    };
    let mut node = element.parent_element();
    while let Some(ancestor) = node {
        if ancestor.scroll_height() > ancestor.client_height() {
            let overflow = view
                .get_computed_style(&ancestor)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("overflow-y").ok())
                .unwrap_or_default();
            if overflow == "auto" || overflow == "scroll" {
                ancestor.set_scroll_top(ancestor.scroll_top() + delta.round() as i32);
                return;
            }
        }
        node = ancestor.parent_element();
    }
    view.scroll_by_with_x_and_y(0.0, delta);
}

/// Puts the release timeline above the toolbar.
#[cfg(feature = "timeline")]
fn add_timeline(
    document: &Document,
    main: &Element,
    chart: &timeline::Timeline,
) -> Result<(), JsValue> {
    let chart = super::timeline::build(document, chart)?;
    // Above the controls, which act on the table only.
    let toolbar = main.query_selector(".eol-table__toolbar")?;
    main.insert_before(&chart, toolbar.as_ref().map(|t| t.as_ref()))?;
    Ok(())
}

/// What a listener runs on the widget; `true` when the reader's choices changed.
type Handler = fn(&mut Widget, &Event) -> bool;

/// A listener on `target` that runs `handler` on the widget, then announces a change.
fn listen(
    widget: &Rc<RefCell<Widget>>,
    target: &Element,
    kind: &'static str,
    handler: Handler,
) -> Result<Listener, String> {
    listen_with(widget, target.as_ref(), kind, false, handler)
}

/// [`listen`] on any target, in the capture phase if `capture`.
fn listen_with(
    widget: &Rc<RefCell<Widget>>,
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    handler: Handler,
) -> Result<Listener, String> {
    let weak: Weak<RefCell<Widget>> = Rc::downgrade(widget);
    let on_event = move |event: Event| {
        let Some(widget) = weak.upgrade() else {
            return;
        };
        // The borrow ends before the event goes out, so page listeners may call back in.
        let changed = match widget.try_borrow_mut() {
            Ok(mut this) => handler(&mut this, &event).then(|| (this.root.clone(), this.state())),
            Err(_) => None,
        };
        if let Some((root, state)) = changed {
            dispatch_change(&root, &state);
        }
    };
    Listener::add(target, kind, capture, on_event).map_err(js)
}

/// Dispatches `eol-table:change` (bubbling and composed, with the state as `detail`) on `root`.
pub fn dispatch_change(root: &Element, state: &TableState) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    // Out of a shadow root too, for the custom element's host page.
    init.set_composed(true);
    init.set_detail(&super::to_js(state).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init) {
        let _ = root.dispatch_event(&event);
    }
}

/// The Markdown body's blocks for above and below the table, as `place` says.
fn description_parts(
    body: &str,
    place: Description,
    links: &markdown::Links,
) -> (Option<Vec<Node>>, Option<Vec<Node>>) {
    let some = |nodes: Vec<Node>| (!nodes.is_empty()).then_some(nodes);
    match place {
        Description::Hidden => (None, None),
        Description::Split => {
            let nodes = markdown::parse_with(body, links);
            let body = markdown::split(nodes);
            let summary = some(body.description).map(|inline| {
                vec![Node::Element {
                    tag: markdown::Tag::P,
                    attrs: Vec::new(),
                    children: inline,
                }]
            });
            (summary, some(body.rest))
        }
        Description::Above => (some(markdown::parse_with(body, links)), None),
        Description::Below => (None, some(markdown::parse_with(body, links))),
    }
}

/// A `div` of the given class holding Markdown nodes.
fn description_block(document: &Document, class: &str, nodes: &[Node]) -> Result<Element, String> {
    let block = element(document, "div", &[("class", class)]).map_err(js)?;
    super::markdown::append(document, &block, nodes).map_err(js)?;
    Ok(block)
}
