//! Memory: what reading keeps is paid for from a budget proportional to the file's size, so that
//! aliases (one anchored value repeated thousands of times) cannot multiply it.

use std::cell::Cell;
use std::collections::HashMap;

use serde::de::{self};

use crate::core::error::Error;
use crate::core::model::Value;
use crate::core::yaml;

/// How many bytes reading may keep for each byte of the file.
pub(super) const KEEP_PER_INPUT_BYTE: usize = 16;
/// What any file may keep, however small.
pub(super) const KEEP_FLOOR: usize = 1024 * 1024;
/// What one value costs besides its text: about what it takes on a 64-bit machine, as a fixed
/// figure, so that a file goes over its budget at the same place on every platform.
pub(super) const VALUE_COST: usize = 40;
/// What one release costs besides its texts: the release, its evaluation on a day and its row of
/// the table model.
pub(super) const RELEASE_COST: usize = 1024;

/// Fails when `count` releases are more than a file of `input_len` bytes may hold: each costs
/// [`RELEASE_COST`] of the file's [`Keep`] budget. (The YAML reader pays as it goes, with the
/// place of the release that goes over.)
pub(crate) fn check_release_count(count: usize, input_len: usize) -> Result<(), Error> {
    let keep = Keep::for_input(input_len);
    if count.saturating_mul(RELEASE_COST) <= keep.limit {
        return Ok(());
    }
    Err(Error::content(
        format!(
            "the file lists {count} releases, more than a file of its size may hold ({}): split the file",
            keep.limit / RELEASE_COST
        ),
        None,
    ))
}

/// The bytes reading one file may still keep.
pub(super) struct Keep {
    left: Cell<usize>,
    limit: usize,
}

impl Keep {
    pub(super) fn for_input(len: usize) -> Keep {
        let limit = len
            .saturating_mul(KEEP_PER_INPUT_BYTE)
            .saturating_add(KEEP_FLOOR);
        Keep {
            left: Cell::new(limit),
            limit,
        }
    }

    /// Pays `bytes`, or says why not (at the place of the value being read).
    pub(super) fn take<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        match self.left.get().checked_sub(bytes) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(yaml::invalid(format_args!(
                "the file's values take more than {} MiB to hold, counting what its aliases repeat (at most {KEEP_PER_INPUT_BYTE} times the file's size): repeat fewer aliases, or split the file",
                self.limit.div_ceil(1024 * 1024)
            ))),
        }
    }
}

/// Entries of a mapping in the order their keys first came, each key once with its last value (as
/// `JSON.parse` keeps them), found by hash so that a mapping of many keys reads in linear time.
#[derive(Default)]
pub(super) struct Entries {
    pub(super) list: Vec<(String, Value)>,
    pub(super) index: HashMap<String, usize>,
}

impl Entries {
    pub(super) fn set(&mut self, key: String, value: Value) {
        match self.index.get(&key) {
            Some(&at) => {
                if let Some(entry) = self.list.get_mut(at) {
                    entry.1 = value;
                }
            }
            None => {
                self.index.insert(key.clone(), self.list.len());
                self.list.push((key, value));
            }
        }
    }
}
