//! Evaluates parsed nodes: variables set by `assign` and `capture` over the initial ones,
//! conditions, filters, and the text shown. Every step is paid for from a [`Budget`].

use std::cmp::Ordering;
use std::collections::HashMap;

use super::arith::{to_i, Num};
use super::expr::{Comparison, Condition, Expr, Filtered, Logic, Operator, Root, Step};
use super::filters;
use super::parse::Node;
use super::value::{compare, contains, equals, Value};
use super::{fail, Budget, Data, TemplateError, MAX_TEXT, TOO_MUCH_TEXT};

/// Renders `nodes` with the variables `globals`.
pub(super) fn render(
    nodes: &[Node<'_>],
    globals: &[(&str, Data)],
    budget: &mut Budget,
) -> Result<String, TemplateError> {
    let mut renderer = Renderer {
        globals,
        locals: HashMap::new(),
        budget,
    };
    let mut out = String::new();
    renderer.nodes(nodes, &mut out)?;
    Ok(out)
}

struct Renderer<'g, 'b> {
    globals: &'g [(&'g str, Data)],
    locals: HashMap<String, Value>,
    budget: &'b mut Budget,
}

impl Renderer<'_, '_> {
    fn nodes(&mut self, nodes: &[Node<'_>], out: &mut String) -> Result<(), TemplateError> {
        for node in nodes {
            self.budget.spend(1)?;
            match node {
                Node::Text(text) | Node::Raw(text) => self.write(out, text)?,
                Node::Output(filtered) => {
                    let mut text = String::new();
                    self.filtered(filtered)?.write(&mut text);
                    self.write(out, &text)?;
                }
                Node::If {
                    unless, branches, ..
                } => {
                    for (i, branch) in branches.iter().enumerate() {
                        let shown = match &branch.condition {
                            None => true,
                            Some(condition) => self.condition(condition)? != (*unless && i == 0),
                        };
                        if shown {
                            self.nodes(&branch.body, out)?;
                            break;
                        }
                    }
                }
                Node::Case {
                    value,
                    whens,
                    bodies,
                    ..
                } => {
                    let value = self.eval(value)?;
                    let mut otherwise = true;
                    for (test, body) in whens {
                        let shown = match test {
                            None => otherwise,
                            Some(test) => {
                                let test = self.eval(test)?;
                                let equal = self.equals(&value, &test)?;
                                otherwise &= !equal;
                                equal
                            }
                        };
                        if shown {
                            self.nodes(bodies.get(*body).map_or(&[], Vec::as_slice), out)?;
                        }
                    }
                }
                Node::Assign { name, value } => {
                    let value = self.filtered(value)?;
                    self.locals.insert(name.clone(), value);
                }
                Node::Capture { name, body } => {
                    let mut captured = String::new();
                    self.nodes(body, &mut captured)?;
                    self.locals.insert(name.clone(), Value::Str(captured));
                }
            }
        }
        Ok(())
    }

    fn write(&mut self, out: &mut String, text: &str) -> Result<(), TemplateError> {
        self.budget.spend(text.len() as u64)?;
        if out.len() + text.len() > MAX_TEXT {
            return fail(TOO_MUCH_TEXT);
        }
        out.push_str(text);
        Ok(())
    }

    fn filtered(&mut self, filtered: &Filtered) -> Result<Value, TemplateError> {
        let mut value = self.eval(&filtered.value)?;
        for call in &filtered.filters {
            let args = call
                .args
                .iter()
                .map(|arg| self.eval(arg))
                .collect::<Result<Vec<_>, _>>()?;
            let named = call
                .named
                .iter()
                .map(|(key, arg)| Ok((key.clone(), self.eval(arg)?)))
                .collect::<Result<Vec<_>, TemplateError>>()?;
            value = filters::apply(call.filter, value, &args, &named, self.budget)?;
            self.budget.spend(1 + value.weight())?;
            if value.text_len() > MAX_TEXT {
                return fail(TOO_MUCH_TEXT);
            }
        }
        Ok(value)
    }

    fn eval(&mut self, expr: &Expr) -> Result<Value, TemplateError> {
        match expr {
            Expr::Literal(value) => Ok(value.clone()),
            Expr::Range(first, last) => {
                let first = range_end(&self.eval(first)?)?;
                let last = range_end(&self.eval(last)?)?;
                Ok(Value::Range(first, last))
            }
            Expr::Lookup(root, steps) => {
                let name = match root {
                    Root::Name(name) => name.clone(),
                    Root::Named(key) => self.eval(key)?.text(),
                };
                let mut value = self.variable(&name);
                for step in steps {
                    value = match step {
                        Step::Property(name) => value.property(name),
                        Step::Index(index) => {
                            let index = self.eval(index)?;
                            value.index(&index)
                        }
                    };
                }
                self.budget.spend(value.weight())?;
                Ok(value)
            }
        }
    }

    fn variable(&self, name: &str) -> Value {
        if let Some(value) = self.locals.get(name) {
            return value.clone();
        }
        self.globals
            .iter()
            .find(|(global, _)| *global == name)
            .map_or(Value::Nil, |(_, data)| data.value())
    }

    fn condition(&mut self, condition: &Condition) -> Result<bool, TemplateError> {
        // `a and b or c` is `a and (b or c)`: stop at the first comparison that settles it.
        let mut result = self.comparison(&condition.first)?;
        for (logic, comparison) in &condition.rest {
            match logic {
                Logic::And if !result => return Ok(false),
                Logic::Or if result => return Ok(true),
                _ => result = self.comparison(comparison)?,
            }
        }
        Ok(result)
    }

    fn comparison(&mut self, comparison: &Comparison) -> Result<bool, TemplateError> {
        let (left, op, right) = match comparison {
            Comparison::Truthy(value) => return Ok(self.eval(value)?.truthy()),
            Comparison::Compare(left, op, right) => (self.eval(left)?, *op, self.eval(right)?),
        };
        let ordering: &[Ordering] = match op {
            Operator::Equal => return self.equals(&left, &right),
            Operator::NotEqual => return self.equals(&left, &right).map(|equal| !equal),
            Operator::Contains => {
                self.budget.spend(left.weight())?;
                return Ok(contains(&left, &right));
            }
            Operator::Less => &[Ordering::Less],
            Operator::LessOrEqual => &[Ordering::Less, Ordering::Equal],
            Operator::Greater => &[Ordering::Greater],
            Operator::GreaterOrEqual => &[Ordering::Greater, Ordering::Equal],
        };
        compare(&left, &right, ordering)
    }

    fn equals(&mut self, left: &Value, right: &Value) -> Result<bool, TemplateError> {
        self.budget.spend(left.weight().min(right.weight()))?;
        Ok(equals(left, right))
    }
}

/// An end of a range: a whole number (a float is cut, text read as Ruby's `to_i`).
fn range_end(value: &Value) -> Result<i64, TemplateError> {
    match value {
        Value::Int(n) => Ok(*n),
        Value::Float(x) if x.is_finite() => Ok(x.trunc() as i64),
        Value::Nil => Ok(0),
        Value::Str(text) => match to_i(text) {
            Num::Int(n) => Ok(n),
            _ => fail("a range `(first..last)` needs whole numbers"),
        },
        _ => fail("a range `(first..last)` needs whole numbers"),
    }
}
