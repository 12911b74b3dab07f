//! Results, errors and call arguments: the vocabulary every builtin is written in.

use crate::value::Value;
use crate::vm::Vm;

/// A raised Python exception: the exception instance. It travels as the `Err` of a
/// `PyResult` up the Rust stack (conservatively rooted like any local).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

pub type PyResult<T = Value> = Result<T, PyErr>;

/// The signature of every function implemented in Rust and callable from Python.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

/// Arguments of a call: `vals` holds the positional arguments followed by the values
/// of the keyword arguments, whose names (str values) are `kwnames`.
#[derive(Copy, Clone)]
pub struct Args<'a> {
    pub vals: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(vals: &'a [Value]) -> Args<'a> {
        Args { vals, kwnames: &[] }
    }

    pub fn with_kw(vals: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        Args { vals, kwnames }
    }

    /// The positional arguments.
    pub fn pos(&self) -> &'a [Value] {
        &self.vals[..self.vals.len() - self.kwnames.len()]
    }

    /// The keyword arguments as (name, value) pairs.
    pub fn kw(&self) -> impl Iterator<Item = (Value, Value)> + 'a {
        let start = self.vals.len() - self.kwnames.len();
        self.kwnames.iter().copied().zip(self.vals[start..].iter().copied())
    }

    pub fn has_kw(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// The arguments without the first positional one (a method's self).
    pub fn shift(&self) -> Args<'a> {
        Args { vals: &self.vals[1..], kwnames: self.kwnames }
    }

    /// The value of keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<Value> {
        self.kw().find(|(k, _)| crate::str::as_str(*k) == Some(name)).map(|(_, v)| v)
    }

    /// Rejects keyword arguments: TypeError "f() takes no keyword arguments".
    pub fn no_kw(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if self.has_kw() {
            return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Positional-only arguments, between `min` and `max` of them, no keywords;
    /// CPython's messages for the wrong count.
    pub fn exact(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kw(vm, fname)?;
        let n = self.vals.len();
        if n < min || n > max {
            return Err(vm.type_error(count_message(fname, min, max, n)));
        }
        Ok(self.vals)
    }

    /// A method's arguments (`vals[0]` is self or the class): between `min` and `max`
    /// of them besides it, no keywords. `qualname` is `type.method`, which CPython's
    /// messages use for methods taking no or one argument (the others name only the
    /// method).
    pub fn method(&self, vm: &mut Vm, qualname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kw(vm, qualname)?;
        let n = self.vals.len() - 1;
        if n < min || n > max {
            let short = qualname.rsplit('.').next().unwrap_or(qualname);
            let fname = if min == max && min <= 1 { qualname } else { short };
            return Err(vm.type_error(count_message(fname, min, max, n)));
        }
        Ok(self.vals)
    }

    /// Binds arguments to `names` (positional or keyword; the first `posonly` are
    /// positional-only); `required` of them must be present. Missing ones are NULL.
    pub fn bind<const N: usize>(
        &self,
        vm: &mut Vm,
        fname: &str,
        names: [&str; N],
        required: usize,
        posonly: usize,
    ) -> PyResult<[Value; N]> {
        let mut out = [Value::NULL; N];
        let pos = self.pos();
        if pos.len() > N {
            return Err(vm.type_error(count_message(fname, required, N, pos.len())));
        }
        out[..pos.len()].copy_from_slice(pos);
        for (k, v) in self.kw() {
            let key = crate::str::as_str(k).unwrap_or("");
            match names.iter().position(|n| *n == key) {
                Some(i) if i >= posonly => {
                    if !out[i].is_null() {
                        return Err(vm.type_error(format!(
                            "argument for {fname}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = v;
                }
                Some(_) => {
                    return Err(vm.type_error(format!(
                        "{fname}() got some positional-only arguments passed as keyword arguments: '{key}'"
                    )))
                }
                None => {
                    return Err(invalid_keyword(vm, fname, key));
                }
            }
        }
        for (i, v) in out.iter().enumerate().take(required) {
            if v.is_null() {
                return Err(if i < pos.len().max(posonly) || self.kwnames.is_empty() && i >= pos.len() && required == N && posonly == N {
                    vm.type_error(count_message(fname, required, N, pos.len()))
                } else {
                    vm.type_error(format!(
                        "{fname}() missing required argument '{}' (pos {})",
                        names[i],
                        i + 1
                    ))
                });
            }
        }
        Ok(out)
    }
}

/// The TypeError of a builtin given a keyword argument it does not take.
pub fn invalid_keyword(vm: &mut Vm, fname: &str, key: &str) -> PyErr {
    vm.type_error(format!("'{key}' is an invalid keyword argument for {fname}()"))
}

/// CPython's message for a builtin called with the wrong number of arguments.
pub fn count_message(fname: &str, min: usize, max: usize, got: usize) -> String {
    if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({got} given)"),
            1 => format!("{fname}() takes exactly one argument ({got} given)"),
            _ => format!("{fname} expected {min} arguments, got {got}"),
        }
    } else if got < min {
        format!("{fname} expected at least {min} argument{}, got {got}", if min == 1 { "" } else { "s" })
    } else {
        format!("{fname} expected at most {max} argument{}, got {got}", if max == 1 { "" } else { "s" })
    }
}
