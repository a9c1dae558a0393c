//! The stack view: the widget's machinery (sort, filter, search, dates, theme, locale, the
//! `eol-table:change` event) over the stack's table, and under any row the product's own
//! support table, a widget of its own built as `render` builds it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::*;
use crate::core::stack::{self as stacks, messages, Checked};
use crate::core::widget::stack as stack_tree;

/// What a stack widget holds besides the table.
pub(crate) struct StackContent {
    /// The checked stack.
    checked: Checked,
    /// The summary's element.
    summary: Element,
    /// Per row: the support table opened under it.
    details: Vec<Option<Detail>>,
}

/// A product's support table opened under its stack row.
struct Detail {
    /// `tr.eol-stack__detail`, after the entry's row.
    row: Element,
    widget: Rc<RefCell<Widget>>,
}

impl Widget {
    /// Builds the stack widget for `checked` in a new root element (not yet in the page).
    pub fn create_stack(
        document: &Document,
        checked: Checked,
        mut settings: Settings,
    ) -> Result<Rc<RefCell<Widget>>, String> {
        // A stack lists a handful of entries: every row is in the page.
        settings.virtualize = Virtualize::Never;
        settings.version = None;
        let words = words(settings.locale.as_deref(), &settings.messages)?;
        let table = stacks::table::build(&checked, words.as_ref(), &settings.card.icon_base);
        let today = checked.today;
        let today_text = words.date(today.date());
        let summary_text = checked.summary.words(words.as_ref());
        let controls = table_tree::Controls {
            words: words.as_ref(),
            today: today.date(),
            today_text: &today_text,
            title: false,
            windowed: false,
            search: messages::SEARCH,
        };
        let main = table_tree::main(&table, &controls, None);
        let tree = stack_tree::root(checked.title.as_deref(), &summary_text, main);
        let root = tree::build(document, &tree).map_err(js)?;
        drop(tree);
        set_language(&root, settings.locale.as_deref(), words.as_ref()).map_err(js)?;
        let summary = render::find(&root, ":scope > .eol-stack__summary").map_err(js)?;
        let main = render::find(&root, ":scope > .eol-table__main").map_err(js)?;
        let parts = render::parts(document, &main, &table).map_err(js)?;
        let mut details = Vec::new();
        details.resize_with(table.rows.len(), || None);
        let widget = Widget::assemble(Made {
            document: document.clone(),
            root: root.clone(),
            main,
            content: Content::Stack(Box::new(StackContent {
                checked,
                summary,
                details,
            })),
            today,
            settings,
            words,
            table,
            parts,
            copier: None,
        });
        let listeners = vec![
            listen(&widget, &root, "click", Widget::on_click)?,
            listen(&widget, &root, "input", Widget::on_input)?,
            // An icon that does not load leaves no broken image (error events do not bubble).
            Listener::add(root.as_ref(), "error", true, |event: web_sys::Event| {
                let icon = event
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
                    .filter(|t| t.class_list().contains("eol-table__product-icon"));
                if let Some(icon) = icon {
                    icon.remove();
                }
            })
            .map_err(js)?,
        ];
        Widget::start(widget, listeners)
    }

    /// The checked stack, for a stack widget.
    pub fn checked(&self) -> Option<&Checked> {
        match &self.content {
            Content::Stack(stack) => Some(&stack.checked),
            Content::Product(_) => None,
        }
    }

    /// The opened support table's row under row `index`, if there is one.
    pub(super) fn detail_row(&self, index: usize) -> Option<&Element> {
        match &self.content {
            Content::Stack(stack) => stack
                .details
                .get(index)
                .and_then(Option::as_ref)
                .map(|d| &d.row),
            Content::Product(_) => None,
        }
    }

    /// Runs `change` on every opened support table.
    pub(super) fn each_detail(
        &mut self,
        change: impl Fn(&mut Widget) -> Result<(), String>,
    ) -> Result<(), String> {
        if let Content::Stack(stack) = &self.content {
            for detail in stack.details.iter().flatten() {
                let mut widget = detail
                    .widget
                    .try_borrow_mut()
                    .map_err(|_| "the table is busy".to_owned())?;
                change(&mut widget)?;
            }
        }
        Ok(())
    }

    /// Closes every opened support table.
    pub(super) fn close_details(&mut self) {
        if let Content::Stack(stack) = &mut self.content {
            for detail in stack.details.iter_mut().filter_map(Option::take) {
                detail.row.remove();
                if let Ok(mut widget) = detail.widget.try_borrow_mut() {
                    widget.destroy();
                }
            }
        }
    }

    /// Opens or closes the support table under the row of `control` (its product button).
    pub(super) fn toggle_detail(&mut self, control: &Element) -> Result<(), JsValue> {
        let Some(row) = control.closest("tr")? else {
            return Ok(());
        };
        let Some(index) = self
            .parts
            .rows
            .iter()
            .position(|r| r.as_ref() == Some(&row))
        else {
            return Ok(());
        };
        let settings = self.detail_settings();
        let document = self.document.clone();
        let columns = self.table.columns.len().to_string();
        let Content::Stack(stack) = &mut self.content else {
            return Ok(());
        };
        let Some(slot) = stack.details.get_mut(index) else {
            return Ok(());
        };
        if let Some(detail) = slot.take() {
            detail.row.remove();
            if let Ok(mut widget) = detail.widget.try_borrow_mut() {
                widget.destroy();
            }
            control.set_attribute("aria-expanded", "false")?;
            return Ok(());
        }
        let Some(outcome) = stack.checked.outcomes.get(index) else {
            return Ok(());
        };
        let Some(product) = outcome.product.and_then(|i| stack.checked.products.get(i)) else {
            return Ok(());
        };
        let settings = Settings {
            version: Some(outcome.result.check.version.clone()),
            ..settings
        };
        let widget = Widget::create(&document, product.clone(), stack.checked.today, settings)
            .map_err(|m| JsValue::from_str(&m))?;
        let root = widget
            .try_borrow()
            .map(|w| w.root().clone())
            .map_err(|_| JsValue::from_str("the table is busy"))?;
        let holder = crate::dom::element(&document, "tr", &[("class", stack_tree::DETAIL_CLASS)])?;
        let cell = crate::dom::element(&document, "td", &[("colspan", &columns)])?;
        cell.append_child(&root)?;
        holder.append_child(&cell)?;
        row.after_with_node_1(&holder)?;
        control.set_attribute("aria-expanded", "true")?;
        *slot = Some(Detail {
            row: holder,
            widget,
        });
        Ok(())
    }

    /// The settings of a support table opened under a row: the stack's theme, locale and date
    /// style; the table without the description and notes around it (old releases hidden as
    /// `render` hides them, unless the entry's version is one of them).
    fn detail_settings(&self) -> Settings {
        let mut settings = Settings {
            date_style: self.settings.date_style,
            theme: self.settings.theme,
            locale: self.settings.locale.clone(),
            messages: self.settings.messages.clone(),
            virtualize: Virtualize::Never,
            ..Settings::default()
        };
        settings.card.description = Description::Hidden;
        settings.card.info = false;
        settings.card.icon_base = self.settings.card.icon_base.clone();
        settings.card.link_base = self.settings.card.link_base.clone();
        settings
    }

    /// Rewords a stack in the locale of `words`: the table again, its opened support tables
    /// kept open under their rows.
    pub(super) fn relocale_stack(&mut self) -> Result<(), String> {
        let locale = self.settings.locale.clone();
        self.each_detail(|detail| detail.set_locale(locale.clone()))?;
        let Content::Stack(stack) = &self.content else {
            return Ok(());
        };
        let words = self.words.as_ref();
        self.table = stacks::table::build(&stack.checked, words, &self.settings.card.icon_base);
        let today_text = words.date(self.today.date());
        let controls = table_tree::Controls {
            words,
            today: self.today.date(),
            today_text: &today_text,
            title: false,
            windowed: false,
            search: messages::SEARCH,
        };
        let main = table_tree::main(&self.table, &controls, None);
        // The opened tables leave the old rows, and come back under the new ones.
        for detail in stack.details.iter().flatten() {
            detail.row.remove();
        }
        render::fill(&self.document, &self.main, &main).map_err(js)?;
        self.parts = render::parts(&self.document, &self.main, &self.table).map_err(js)?;
        for (index, detail) in stack.details.iter().enumerate() {
            let (Some(detail), Some(Some(row))) = (detail, self.parts.rows.get(index)) else {
                continue;
            };
            row.after_with_node_1(&detail.row).map_err(js)?;
            if let Some(toggle) = row.query_selector("[data-action=detail]").map_err(js)? {
                toggle.set_attribute("aria-expanded", "true").map_err(js)?;
            }
        }
        stack
            .summary
            .set_text_content(Some(&stack.checked.summary.words(words)));
        set_language(&self.root, self.settings.locale.as_deref(), words).map_err(js)?;
        self.order.clear();
        self.shown = vec![true; self.table.rows.len()];
        self.update().map_err(js)
    }
}
