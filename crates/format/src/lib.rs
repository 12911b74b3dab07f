//! Python number and text formatting rules, independent of the object model.
//!
//! Every function here works on plain Rust data (`f64`, `BigInt`, `&str`,
//! `&[u8]`) and reproduces CPython 3.11's output and error messages, so the VM
//! can call them from `float.__repr__`, `format()`, `str.format`, `%`,
//! `int(s, base)`, `float(s)`, `str.__repr__` and the `str` methods.

pub mod float_repr;
pub mod parse;
pub mod printf;
pub mod repr;
pub mod spec;
pub mod text;
mod unicode_tables;

use std::fmt;

/// The Python exception class an [`Error`] maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    TypeError,
}

/// A formatting or parsing failure: the Python exception kind and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub msg: String,
}

impl Error {
    pub fn value(msg: impl Into<String>) -> Self {
        Error { kind: ErrorKind::ValueError, msg: msg.into() }
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Error { kind: ErrorKind::OverflowError, msg: msg.into() }
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Error { kind: ErrorKind::TypeError, msg: msg.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
