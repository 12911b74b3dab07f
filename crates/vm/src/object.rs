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
    /// Errors as CPython's Argument Clinic parsers word them.
    pub fn bind<const N: usize>(
        &self,
        vm: &mut Vm,
        fname: &str,
        names: [&str; N],
        required: usize,
        posonly: usize,
    ) -> PyResult<[Value; N]> {
        let pos = self.pos();
        if posonly >= N {
            self.no_kw(vm, fname)?;
            if pos.len() < required || pos.len() > N {
                return Err(vm.type_error(count_message(fname, required, N, pos.len())));
            }
            let mut out = [Value::NULL; N];
            out[..pos.len()].copy_from_slice(pos);
            return Ok(out);
        }
        // A method's `self` is not counted in the messages.
        let skip = (names.first() == Some(&"self")) as usize;
        self.check_keyword_counts(vm, fname, skip, N, required.min(posonly))?;
        let mut out = [Value::NULL; N];
        out[..pos.len()].copy_from_slice(pos);
        for (i, name) in names.iter().enumerate().skip(pos.len().max(posonly)) {
            if let Some(v) = self.kwarg(name) {
                out[i] = v;
            } else if i < required {
                return Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1 - skip)));
            }
        }
        for (k, _) in self.kw() {
            let key = crate::str::as_str(k).unwrap_or("");
            match names.iter().position(|n| *n == key) {
                Some(i) if i >= posonly && i < pos.len() => {
                    let m = format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1 - skip);
                    return Err(vm.type_error(m));
                }
                Some(i) if i >= posonly => {}
                _ => return Err(invalid_keyword(vm, fname, key)),
            }
        }
        Ok(out)
    }

    /// `_PyArg_UnpackKeywords`' count checks for a parser of `max` parameters, the
    /// first `min_posonly` of them required positional-only, the first `skip` of
    /// them (self) not counted.
    fn check_keyword_counts(&self, vm: &mut Vm, fname: &str, skip: usize, max: usize, min_posonly: usize) -> PyResult<()> {
        let npos = self.pos().len().saturating_sub(skip);
        let (max, min_posonly) = (max - skip, min_posonly.saturating_sub(skip));
        let total = npos + self.kwnames.len();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if total > max {
            let kw = if npos == 0 { "keyword " } else { "" };
            return Err(vm.type_error(format!("{fname}() takes at most {max} {kw}argument{} ({total} given)", plural(max))));
        }
        if npos < min_posonly {
            let how = if min_posonly < max { "at least" } else { "exactly" };
            let m = format!("{fname}() takes {how} {min_posonly} positional argument{} ({npos} given)", plural(min_posonly));
            return Err(vm.type_error(m));
        }
        Ok(())
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
