//! The `_csv` module: `Dialect`, `reader`, `writer`, the dialect registry and
//! `field_size_limit`, with CPython 3.11's parsing state machine, quoting rules
//! and messages (`Modules/_csv.c`). Text is handled as code points, so NUL
//! characters and lone surrogates pass through as in CPython.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const QUOTE_MINIMAL: i32 = 0;
const QUOTE_ALL: i32 = 1;
const QUOTE_NONNUMERIC: i32 = 2;
const QUOTE_NONE: i32 = 3;

/// The module's state: its exception, the dialect registry (a dict), the field limit.
struct State {
    error: Value,
    dialects: Value,
    field_limit: i64,
    types: [Value; 3],
}

thread_local! {
    static STATE: RefCell<State> = const {
        RefCell::new(State { error: Value::NULL, dialects: Value::NULL, field_limit: 128 * 1024, types: [Value::NULL; 3] })
    };
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = STATE.with(|s| s.borrow().error);
    vm.new_exc(cls, msg)
}

fn dialects() -> Value {
    STATE.with(|s| s.borrow().dialects)
}

fn csv_type(i: usize) -> Value {
    STATE.with(|s| s.borrow().types[i])
}

// ---- Dialect ----

pub struct DialectObj {
    delimiter: u32,
    quotechar: Option<u32>,
    escapechar: Option<u32>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i32,
    /// A str.
    lineterminator: Value,
}

payload!(DialectObj, "_csv.Dialect");
impl Trace for DialectObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.lineterminator);
    }
}

fn is_str(vm: &Vm, v: Value) -> bool {
    crate::typeobj::is_instance(vm, v, vm.t.str)
}

fn code_points(v: Value) -> Vec<u32> {
    crate::str::as_wtf8(v).map(|b| crate::str::code_points(b).collect()).unwrap_or_default()
}

/// `_set_char`/`_set_char_or_none`: a 1-character string (or None where allowed).
fn char_option(vm: &mut Vm, name: &str, v: Value, default: Option<u32>, none_ok: bool) -> PyResult<Option<u32>> {
    if v.is_null() {
        return Ok(default);
    }
    if none_ok && v == vm.none {
        return Ok(None);
    }
    if !is_str(vm, v) {
        let t = vm.type_name(v);
        let m = if none_ok { format!("\"{name}\" must be string or None, not {t}") } else { format!("\"{name}\" must be string, not {t}") };
        return Err(vm.type_error(m));
    }
    let cps = code_points(v);
    if cps.len() != 1 {
        return Err(vm.type_error(format!("\"{name}\" must be a 1-character string")));
    }
    Ok(Some(cps[0]))
}

fn bool_option(vm: &mut Vm, v: Value, default: bool) -> PyResult<bool> {
    if v.is_null() {
        Ok(default)
    } else {
        crate::ops::truthy(vm, v)
    }
}

fn dialect_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let names = ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];
    let a = args.shift();
    for (k, _) in a.kw() {
        if !names.iter().any(|n| crate::str::as_str(k) == Some(n)) {
            let m = format!("'{}' is an invalid keyword argument for this function", crate::str::as_str(k).unwrap_or("?"));
            return Err(vm.type_error(m));
        }
    }
    if a.pos().len() > names.len() {
        let m = format!("function takes at most {} arguments ({} given)", names.len(), a.pos().len());
        return Err(vm.type_error(m));
    }
    let mut a = a.bind(vm, "Dialect", names, 0, 0)?;
    let mut dialect = a[0];
    if !dialect.is_null() {
        if is_str(vm, dialect) {
            dialect = registry_get(vm, dialect)?;
        }
        let dt = csv_type(0);
        if crate::typeobj::is_instance(vm, dialect, dt) && a[1..].iter().all(|v| v.is_null()) {
            return Ok(dialect);
        }
        for (i, name) in names.iter().enumerate().skip(1) {
            if a[i].is_null() {
                // Attributes the dialect object lacks keep their defaults.
                a[i] = { let n = vm.intern(name); crate::attr::getattr_opt(vm, dialect, n) }.ok().flatten().unwrap_or(Value::NULL);
            }
        }
    }
    let [_, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = a;
    let delimiter_c = char_option(vm, "delimiter", delimiter, Some(',' as u32), false)?;
    let doublequote = bool_option(vm, doublequote, true)?;
    let escapechar = char_option(vm, "escapechar", escapechar, None, true)?;
    let lineterm = if lineterminator.is_null() {
        crate::str::alloc_str(vm, "\r\n")
    } else if lineterminator == vm.none {
        Value::NULL
    } else if !is_str(vm, lineterminator) {
        return Err(vm.type_error("\"lineterminator\" must be a string"));
    } else {
        lineterminator
    };
    let quotechar_c = char_option(vm, "quotechar", quotechar, Some('"' as u32), true)?;
    let mut quoting_n = QUOTE_MINIMAL;
    if !quoting.is_null() {
        if vm.type_of(quoting) != vm.t.int {
            return Err(vm.type_error("\"quoting\" must be an integer"));
        }
        quoting_n = crate::number::index_c_int(vm, quoting)?;
    }
    let skipinitialspace = bool_option(vm, skipinitialspace, false)?;
    let strict = bool_option(vm, strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting_n) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter_c) = delimiter_c else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if quotechar == vm.none && quoting.is_null() {
        quoting_n = QUOTE_NONE;
    }
    if quoting_n != QUOTE_NONE && quotechar_c.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    if lineterm.is_null() {
        return Err(vm.type_error("lineterminator must be set"));
    }
    let d = DialectObj {
        delimiter: delimiter_c,
        quotechar: quotechar_c,
        escapechar,
        doublequote,
        skipinitialspace,
        strict,
        quoting: quoting_n,
        lineterminator: lineterm,
    };
    Ok(vm.alloc(cls, d))
}

fn dialect_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static DialectObj> {
    super::receiver(vm, v, name, "_csv.Dialect")
}

fn char_or_none(vm: &mut Vm, c: Option<u32>) -> Value {
    match c {
        Some(c) => crate::str::code_point_str(vm, c),
        None => vm.none,
    }
}

fn d_delimiter(vm: &mut Vm, v: Value) -> PyResult {
    let d = dialect_of(vm, v, "delimiter")?;
    Ok(char_or_none(vm, Some(d.delimiter)))
}
fn d_quotechar(vm: &mut Vm, v: Value) -> PyResult {
    let d = dialect_of(vm, v, "quotechar")?;
    Ok(char_or_none(vm, d.quotechar))
}
fn d_escapechar(vm: &mut Vm, v: Value) -> PyResult {
    let d = dialect_of(vm, v, "escapechar")?;
    Ok(char_or_none(vm, d.escapechar))
}
fn d_lineterminator(vm: &mut Vm, v: Value) -> PyResult {
    Ok(dialect_of(vm, v, "lineterminator")?.lineterminator)
}
fn d_quoting(vm: &mut Vm, v: Value) -> PyResult {
    Ok(Value::small(i64::from(dialect_of(vm, v, "quoting")?.quoting)))
}
fn d_doublequote(vm: &mut Vm, v: Value) -> PyResult {
    let b = dialect_of(vm, v, "doublequote")?.doublequote;
    Ok(vm.bool(b))
}
fn d_skipinitialspace(vm: &mut Vm, v: Value) -> PyResult {
    let b = dialect_of(vm, v, "skipinitialspace")?.skipinitialspace;
    Ok(vm.bool(b))
}
fn d_strict(vm: &mut Vm, v: Value) -> PyResult {
    let b = dialect_of(vm, v, "strict")?.strict;
    Ok(vm.bool(b))
}

/// The bool members (`T_BOOL`, READONLY in CPython) refuse assignment.
fn d_readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn d_reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "__reduce_ex__", 1, 1)?;
    let t = vm.type_of(a[0]);
    let m = format!("cannot pickle '{}' instances", crate::typeobj::tobj(t).qualname.borrow());
    Err(vm.type_error(m))
}

/// `_call_dialect`: `Dialect(dialect, **kwargs)`.
fn call_dialect(vm: &mut Vm, dialect: Value, args: &Args) -> PyResult {
    let dt = csv_type(0);
    let mut vals = vec![dt];
    if !dialect.is_null() {
        vals.push(dialect);
    }
    let kw: Vec<(Value, Value)> = args.kw().collect();
    let kwnames: Vec<Value> = kw.iter().map(|(k, _)| *k).collect();
    vals.extend(kw.iter().map(|(_, v)| *v));
    // Every value above is also held by the caller's argument array.
    dialect_new(vm, Args { vals: &vals, kwnames: &kwnames })
}

fn registry_get(vm: &mut Vm, name: Value) -> PyResult {
    let d = dialects();
    match crate::dict::get_item(vm, d, name)? {
        Some(v) => Ok(v),
        None => Err(error(vm, "unknown dialect")),
    }
}

// ---- reader ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum ParseState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// A code point or the end of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Ch(u32),
    Eol,
}

pub struct ReaderObj {
    input_iter: Value,
    dialect: Value,
    /// The list of the record being parsed (NULL between records).
    fields: Cell<Value>,
    st: RefCell<ReaderState>,
}

struct ReaderState {
    state: ParseState,
    field: Vec<u32>,
    numeric_field: bool,
    line_num: u64,
}

payload!(ReaderObj, "_csv.reader");
impl Trace for ReaderObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.input_iter);
        t.value(self.dialect);
        t.value(self.fields.get());
    }
}

fn csv_reader(vm: &mut Vm, args: Args) -> PyResult {
    let pos = unpack_positional(vm, &args)?;
    let it = crate::ops::iter(vm, pos[0])?;
    let dialect = call_dialect(vm, pos.get(1).copied().unwrap_or(Value::NULL), &args)?;
    let st = ReaderState { state: ParseState::StartRecord, field: Vec::new(), numeric_field: false, line_num: 0 };
    let t = csv_type(1);
    Ok(vm.alloc(t, ReaderObj { input_iter: it, dialect, fields: Cell::new(Value::NULL), st: RefCell::new(st) }))
}

fn reader_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static ReaderObj> {
    super::receiver(vm, v, name, "_csv.reader")
}

/// `parse_save_field`: the field (a float under QUOTE_NONNUMERIC when unquoted)
/// appended to the record.
fn save_field(vm: &mut Vm, r: &ReaderObj) -> PyResult<()> {
    let (cps, numeric) = {
        let mut st = r.st.borrow_mut();
        let numeric = std::mem::replace(&mut st.numeric_field, false);
        (std::mem::take(&mut st.field), numeric)
    };
    let mut field = crate::str::from_code_points(vm, &cps);
    if numeric {
        let f = vm.t.float;
        field = crate::call::call(vm, f, &[field])?;
    }
    let list = r.fields.get();
    crate::list::lobj(list).items.borrow_mut().push(field);
    Ok(())
}

fn add_char(vm: &mut Vm, r: &ReaderObj, c: u32) -> PyResult<()> {
    let limit = STATE.with(|s| s.borrow().field_limit);
    let len = r.st.borrow().field.len() as i64;
    if len >= limit {
        return Err(error(vm, &format!("field larger than field limit ({limit})")));
    }
    r.st.borrow_mut().field.push(c);
    Ok(())
}

fn set_state(r: &ReaderObj, s: ParseState) {
    r.st.borrow_mut().state = s;
}

/// The state after a line end (`Eol`) or a newline character in a field.
fn after_line(c: Input) -> ParseState {
    if c == Input::Eol {
        ParseState::StartRecord
    } else {
        ParseState::EatCrnl
    }
}

fn is_newline(c: Input) -> bool {
    c == Input::Ch('\n' as u32) || c == Input::Ch('\r' as u32)
}

/// `parse_process_char`: one step of the state machine.
fn process_char(vm: &mut Vm, r: &ReaderObj, d: &DialectObj, c: Input) -> PyResult<()> {
    use ParseState::*;
    let is = |x: Option<u32>| matches!((c, x), (Input::Ch(a), Some(b)) if a == b);
    let quote = is(d.quotechar) && d.quoting != QUOTE_NONE;
    let escape = is(d.escapechar);
    let delim = is(Some(d.delimiter));
    let mut state = r.st.borrow().state;
    if state == StartRecord {
        if c == Input::Eol {
            return Ok(());
        }
        if is_newline(c) {
            set_state(r, EatCrnl);
            return Ok(());
        }
        state = StartField;
        set_state(r, StartField);
    }
    if state == AfterEscapedCrnl {
        if c == Input::Eol {
            return Ok(());
        }
        state = InField;
    }
    let ch = match c {
        Input::Ch(ch) => ch,
        Input::Eol => '\n' as u32,
    };
    match state {
        StartField => {
            if is_newline(c) || c == Input::Eol {
                save_field(vm, r)?;
                set_state(r, after_line(c));
            } else if quote {
                set_state(r, InQuotedField);
            } else if escape {
                set_state(r, EscapedChar);
            } else if c == Input::Ch(' ' as u32) && d.skipinitialspace {
            } else if delim {
                save_field(vm, r)?;
            } else {
                if d.quoting == QUOTE_NONNUMERIC {
                    r.st.borrow_mut().numeric_field = true;
                }
                add_char(vm, r, ch)?;
                set_state(r, InField);
            }
        }
        EscapedChar => {
            add_char(vm, r, ch)?;
            set_state(r, if is_newline(c) { AfterEscapedCrnl } else { InField });
        }
        InField => {
            if is_newline(c) || c == Input::Eol {
                save_field(vm, r)?;
                set_state(r, after_line(c));
            } else if escape {
                set_state(r, EscapedChar);
            } else if delim {
                save_field(vm, r)?;
                set_state(r, StartField);
            } else {
                add_char(vm, r, ch)?;
            }
        }
        InQuotedField => {
            if c == Input::Eol {
            } else if escape {
                set_state(r, EscapeInQuotedField);
            } else if quote {
                set_state(r, if d.doublequote { QuoteInQuotedField } else { InField });
            } else {
                add_char(vm, r, ch)?;
            }
        }
        EscapeInQuotedField => {
            add_char(vm, r, ch)?;
            set_state(r, InQuotedField);
        }
        QuoteInQuotedField => {
            if quote {
                add_char(vm, r, ch)?;
                set_state(r, InQuotedField);
            } else if delim {
                save_field(vm, r)?;
                set_state(r, StartField);
            } else if is_newline(c) || c == Input::Eol {
                save_field(vm, r)?;
                set_state(r, after_line(c));
            } else if !d.strict {
                add_char(vm, r, ch)?;
                set_state(r, InField);
            } else {
                let dl = char::from_u32(d.delimiter).unwrap_or('?');
                let q = d.quotechar.and_then(char::from_u32).unwrap_or('?');
                return Err(error(vm, &format!("'{dl}' expected after '{q}'")));
            }
        }
        EatCrnl => {
            if is_newline(c) {
            } else if c == Input::Eol {
                set_state(r, StartRecord);
            } else {
                return Err(error(
                    vm,
                    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                ));
            }
        }
        StartRecord | AfterEscapedCrnl => {}
    }
    Ok(())
}

fn reader_next(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "reader.__next__", 0, 0)?;
    let this = a[0];
    let r = reader_of(vm, this, "__next__")?;
    let d = dialect_of(vm, r.dialect, "dialect")?;
    let list = crate::list::new_list(vm, vec![]);
    r.fields.set(list);
    {
        let mut st = r.st.borrow_mut();
        st.field.clear();
        st.state = ParseState::StartRecord;
        st.numeric_field = false;
    }
    loop {
        let Some(line) = crate::ops::next(vm, r.input_iter)? else {
            let (pending, state) = {
                let st = r.st.borrow();
                (!st.field.is_empty(), st.state)
            };
            if pending || state == ParseState::InQuotedField {
                if d.strict {
                    return Err(error(vm, "unexpected end of data"));
                }
                save_field(vm, r)?;
                break;
            }
            return Err(vm.new_exc_noargs(vm.e.stop_iteration));
        };
        if !is_str(vm, line) {
            let m = format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                vm.type_name(line)
            );
            return Err(error(vm, &m));
        }
        r.st.borrow_mut().line_num += 1;
        for cp in code_points(line) {
            process_char(vm, r, d, Input::Ch(cp))?;
        }
        process_char(vm, r, d, Input::Eol)?;
        if r.st.borrow().state == ParseState::StartRecord {
            break;
        }
    }
    let fields = r.fields.replace(Value::NULL);
    Ok(fields)
}

fn reader_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.vals[0])
}

fn reader_dialect(vm: &mut Vm, v: Value) -> PyResult {
    Ok(reader_of(vm, v, "dialect")?.dialect)
}

fn reader_line_num(vm: &mut Vm, v: Value) -> PyResult {
    let n = reader_of(vm, v, "line_num")?.st.borrow().line_num;
    Ok(crate::int::from_i64(vm, n as i64))
}

// ---- writer ----

pub struct WriterObj {
    write: Value,
    dialect: Value,
}

payload!(WriterObj, "_csv.writer");
impl Trace for WriterObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.write);
        t.value(self.dialect);
    }
}

fn csv_writer(vm: &mut Vm, args: Args) -> PyResult {
    let pos = unpack_positional(vm, &args)?;
    let write = match { let n = vm.intern("write"); crate::attr::getattr_opt(vm, pos[0], n) }? {
        Some(w) => w,
        None => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = call_dialect(vm, pos.get(1).copied().unwrap_or(Value::NULL), &args)?;
    let t = csv_type(2);
    Ok(vm.alloc(t, WriterObj { write, dialect }))
}

fn writer_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<&'static WriterObj> {
    super::receiver(vm, v, name, "_csv.writer")
}

/// `join_append`: one field (None for a missing one) added to `rec`.
fn join_append(vm: &mut Vm, d: &DialectObj, rec: &mut Vec<u32>, num_fields: usize, field: Option<&[u32]>, mut quoted: bool) -> PyResult<()> {
    let lineterm = code_points(d.lineterminator);
    let mut body = Vec::new();
    for &c in field.unwrap_or(&[]) {
        let mut want_escape = false;
        let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || lineterm.contains(&c);
        if special {
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = d.escapechar else {
                    return Err(error(vm, "need to escape, but no escapechar set"));
                };
                body.push(e);
            }
        }
        body.push(c);
    }
    if num_fields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or(0);
    if quoted {
        rec.push(q);
    }
    rec.extend_from_slice(&body);
    if quoted {
        rec.push(q);
    }
    Ok(())
}

fn writerow_impl(vm: &mut Vm, w: &WriterObj, row: Value) -> PyResult {
    let d = dialect_of(vm, w.dialect, "dialect")?;
    let it = match crate::ops::iter(vm, row) {
        Ok(it) => it,
        Err(e) if crate::exceptions::matches(vm, e, vm.e.type_error) => {
            let m = format!("iterable expected, not {}", vm.type_name(row));
            return Err(error(vm, &m));
        }
        Err(e) => return Err(e),
    };
    let mut rec: Vec<u32> = Vec::new();
    let mut num_fields = 0;
    while let Some(field) = crate::ops::next(vm, it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !super::itertools::is_number(vm, field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if field == vm.none {
            None
        } else if is_str(vm, field) {
            Some(code_points(field))
        } else {
            let s = crate::ops::str(vm, field)?;
            Some(code_points(s))
        };
        join_append(vm, d, &mut rec, num_fields, text.as_deref(), quoted)?;
        num_fields += 1;
    }
    if num_fields > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        join_append(vm, d, &mut rec, 0, None, true)?;
    }
    rec.extend(code_points(d.lineterminator));
    let line = crate::str::from_code_points(vm, &rec);
    crate::call::call(vm, w.write, &[line])
}

fn writer_writerow(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "writer.writerow", 1, 1)?;
    let w = writer_of(vm, a[0], "writerow")?;
    writerow_impl(vm, w, a[1])
}

fn writer_writerows(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.method(vm, "writer.writerows", 1, 1)?;
    let w = writer_of(vm, a[0], "writerows")?;
    let it = crate::ops::iter(vm, a[1])?;
    while let Some(row) = crate::ops::next(vm, it)? {
        writerow_impl(vm, w, row)?;
    }
    Ok(vm.none)
}

fn writer_dialect(vm: &mut Vm, v: Value) -> PyResult {
    Ok(writer_of(vm, v, "dialect")?.dialect)
}

// ---- module functions ----

/// `PyArg_UnpackTuple(args, "", 1, 2, ...)` (its messages name no function): the one or
/// two positional arguments of `reader`, `writer` and `register_dialect`.
fn unpack_positional<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    match pos.len() {
        1 | 2 => Ok(pos),
        0 => Err(vm.type_error(" expected at least 1 argument, got 0")),
        n => Err(vm.type_error(format!(" expected at most 2 arguments, got {n}"))),
    }
}

fn register_dialect(vm: &mut Vm, args: Args) -> PyResult {
    let pos = unpack_positional(vm, &args)?;
    let name = pos[0];
    if !is_str(vm, name) {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let given = pos.get(1).copied().unwrap_or(Value::NULL);
    let dialect = call_dialect(vm, given, &args)?;
    let d = dialects();
    crate::dict::set_item(vm, d, name, dialect)?;
    Ok(vm.none)
}

fn unregister_dialect(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.bind(vm, "unregister_dialect", ["name"], 1, 0)?;
    let d = dialects();
    match crate::dict::pop_item(vm, d, a[0])? {
        Some(_) => Ok(vm.none),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.bind(vm, "get_dialect", ["name"], 1, 0)?;
    registry_get(vm, a[0])
}

fn list_dialects(vm: &mut Vm, args: Args) -> PyResult {
    if !args.vals.is_empty() || args.has_kw() {
        let m = format!("_csv.list_dialects() takes no arguments ({} given)", args.vals.len());
        return Err(vm.type_error(m));
    }
    let d = dialects();
    let keys: Vec<Value> = crate::dict::dobj(d).items().into_iter().map(|(k, _)| k).collect();
    // The keys stay in the registry while the list is made.
    Ok(crate::list::new_list(vm, keys))
}

fn field_size_limit(vm: &mut Vm, args: Args) -> PyResult {
    let pos = args.pos();
    if pos.len() > 1 {
        let m = format!("field_size_limit() takes at most 1 argument ({} given)", pos.len());
        return Err(vm.type_error(m));
    }
    let mut new = pos.first().copied();
    for (k, v) in args.kw() {
        if crate::str::as_str(k) == Some("new_limit") && new.is_none() {
            new = Some(v);
        } else {
            let m = format!("'{}' is an invalid keyword argument for field_size_limit()", crate::str::as_str(k).unwrap_or("?"));
            return Err(vm.type_error(m));
        }
    }
    let old = STATE.with(|s| s.borrow().field_limit);
    if let Some(v) = new {
        if vm.type_of(v) != vm.t.int {
            return Err(vm.type_error("limit must be an integer"));
        }
        let n = match crate::number::index_bigint(vm, v)?.try_into() {
            Ok(n) => n,
            Err(_) => return Err(vm.overflow_error("Python int too large to convert to C long")),
        };
        STATE.with(|s| s.borrow_mut().field_limit = n);
    }
    Ok(crate::int::from_i64(vm, old))
}

fn no_new(vm: &mut Vm, args: Args) -> PyResult {
    let m = format!("cannot create '{}' instances", crate::typeobj::type_name(args.vals[0]));
    Err(vm.type_error(m))
}

fn new_type(vm: &mut Vm, name: &str, flags: u32) -> PyResult<Value> {
    let obj = vm.t.object;
    super::new_module_type(vm, &format!("_csv.{name}"), obj, flags)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    use crate::typeobj::{add_getset, add_getter, add_method, add_static, tflag};
    super::add_functions(
        vm,
        m,
        &[
            ("reader", csv_reader),
            ("writer", csv_writer),
            ("register_dialect", register_dialect),
            ("unregister_dialect", unregister_dialect),
            ("get_dialect", get_dialect),
            ("list_dialects", list_dialects),
            ("field_size_limit", field_size_limit),
        ],
    )?;
    let dialect = new_type(vm, "Dialect", tflag::BASETYPE)?;
    add_static(vm, dialect, "__new__", dialect_new);
    add_method(vm, dialect, "__reduce_ex__", d_reduce_ex);
    add_getter(vm, dialect, "delimiter", d_delimiter);
    add_getter(vm, dialect, "quotechar", d_quotechar);
    add_getter(vm, dialect, "escapechar", d_escapechar);
    add_getter(vm, dialect, "lineterminator", d_lineterminator);
    add_getter(vm, dialect, "quoting", d_quoting);
    add_getset(vm, dialect, "doublequote", d_doublequote, d_readonly);
    add_getset(vm, dialect, "skipinitialspace", d_skipinitialspace, d_readonly);
    add_getset(vm, dialect, "strict", d_strict, d_readonly);
    let reader = new_type(vm, "reader", 0)?;
    add_static(vm, reader, "__new__", no_new);
    add_method(vm, reader, "__iter__", reader_iter);
    add_method(vm, reader, "__next__", reader_next);
    add_getter(vm, reader, "dialect", reader_dialect);
    add_getter(vm, reader, "line_num", reader_line_num);
    let writer = new_type(vm, "writer", 0)?;
    add_static(vm, writer, "__new__", no_new);
    add_method(vm, writer, "writerow", writer_writerow);
    add_method(vm, writer, "writerows", writer_writerows);
    add_getter(vm, writer, "dialect", writer_dialect);

    let base = vm.e.exception;
    let err = super::new_module_exception(vm, "_csv.Error", base)?;
    let registry = crate::dict::new_dict(vm);
    vm.extra_roots.push(registry);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.error = err;
        s.dialects = registry;
        s.types = [dialect, reader, writer];
    });
    for (name, v) in [("Error", err), ("_dialects", registry), ("Dialect", dialect), ("Reader", reader), ("Writer", writer)] {
        super::set_attr(vm, m, name, v)?;
    }
    for (name, q) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        super::set_attr(vm, m, name, Value::small(i64::from(q)))?;
    }
    let version = crate::str::alloc_str(vm, "1.0");
    super::set_attr(vm, m, "__version__", version)?;
    Ok(())
}
