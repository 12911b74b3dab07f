//! The report of an uncaught exception, written exactly as CPython 3.11's C
//! implementation (`PyErr_Display` in pythonrun.c) writes it: chained
//! exceptions, exception-group boxes, notes, tracebacks with repeated lines
//! folded, and SyntaxError locations.

use crate::exceptions::{is_instance_of, ExceptionObj, TracebackObj};
use crate::value::Value;
use crate::vm::Vm;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// More than this many identical traceback entries in a row are folded.
const TB_RECURSIVE_CUTOFF: usize = 3;
const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";

/// State of one report: exceptions already shown (chains may have cycles)
/// and the exception-group nesting that sets the indentation and margin.
struct Printer {
    out: String,
    seen: Vec<Value>,
    depth: usize,
    need_close: bool,
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }

    /// Indentation and margin, then `text` (which carries its own newline).
    fn write_margined(&mut self, text: &str) {
        let prefix = self.indent() + self.margin();
        self.out.push_str(&prefix);
        self.out.push_str(text);
    }
}

/// The full report of `e`, chained exceptions first.
pub fn format_exception(vm: &mut Vm, e: Value) -> String {
    let mut p = Printer { out: String::new(), seen: Vec::new(), depth: 0, need_close: false };
    print_recursive(vm, &mut p, e);
    p.out
}

fn print_recursive(vm: &mut Vm, p: &mut Printer, e: Value) {
    print_cause_and_context(vm, p, e);
    if is_instance_of(vm, e, vm.e.base_exception_group) {
        print_group(vm, p, e);
    } else {
        print_exception(vm, p, e);
    }
}

fn print_cause_and_context(vm: &mut Vm, p: &mut Printer, e: Value) {
    p.seen.push(e);
    let Some(x) = e.downcast::<ExceptionObj>() else { return };
    let cause = x.cause.get();
    if !cause.is_null() {
        if !p.seen.contains(&cause) {
            print_chained(vm, p, cause, CAUSE_MESSAGE);
        }
        return;
    }
    let context = x.context.get();
    if !x.suppress_context.get() && !context.is_null() && !p.seen.contains(&context) {
        print_chained(vm, p, context, CONTEXT_MESSAGE);
    }
}

fn print_chained(vm: &mut Vm, p: &mut Printer, e: Value, message: &str) {
    let need_close = p.need_close;
    print_recursive(vm, p, e);
    p.need_close = need_close;
    p.write_margined("\n");
    p.write_margined(message);
    p.write_margined("\n");
}

fn print_group(vm: &mut Vm, p: &mut Printer, e: Value) {
    if p.depth > MAX_GROUP_DEPTH {
        p.write_margined(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    let toplevel = p.depth == 0;
    if toplevel {
        p.depth += 1;
    }
    print_exception(vm, p, e);
    let excs = crate::exceptions::group_exceptions(vm, e).ok().flatten();
    let items = excs.map(|t| crate::tuple::items(t).to_vec()).unwrap_or_default();
    let n = items.len().min(MAX_GROUP_WIDTH + 1);
    p.need_close = false;
    for (i, x) in items.iter().take(n).enumerate() {
        let last = i + 1 == n;
        if last {
            // The closing line may already be written by a nested group.
            p.need_close = true;
        }
        let title = if i < MAX_GROUP_WIDTH { (i + 1).to_string() } else { "...".to_string() };
        let corner = if i == 0 { "+-" } else { "  " };
        let line = format!("{}{corner}+---------------- {title} ----------------\n", p.indent());
        p.out.push_str(&line);
        p.depth += 1;
        if i < MAX_GROUP_WIDTH {
            print_recursive(vm, p, *x);
        } else {
            let rest = items.len() - MAX_GROUP_WIDTH;
            p.write_margined(&format!("and {rest} more exception{}\n", if rest > 1 { "s" } else { "" }));
        }
        if last && p.need_close {
            let line = format!("{}+------------------------------------\n", p.indent());
            p.out.push_str(&line);
            p.need_close = false;
        }
        p.depth -= 1;
    }
    if toplevel {
        p.depth -= 1;
    }
}

/// One exception (not its chain or sub-exceptions): traceback, message, notes.
fn print_exception(vm: &mut Vm, p: &mut Printer, e: Value) {
    print_traceback(vm, p, e);
    let ty = vm.type_of(e);
    let message = match syntax_error_location(vm, e) {
        Some(loc) => {
            print_syntax_error_location(p, &loc);
            loc.msg
        }
        None => e,
    };
    print_message(vm, p, ty, message);
    if let Some(s) = crate::suggestions::offer(vm, e) {
        p.out.push_str(&format!(". Did you mean: '{s}'?"));
    }
    p.out.push('\n');
    print_notes(vm, p, e);
}

fn print_traceback(vm: &mut Vm, p: &mut Printer, e: Value) {
    let tb = crate::exceptions::traceback_of(vm, e);
    if !tb.is::<TracebackObj>() {
        return;
    }
    let limit = traceback_limit(vm);
    if limit == 0 {
        return;
    }
    let tb = last_entries(tb, limit);
    let group = is_instance_of(vm, e, vm.e.base_exception_group);
    let header = if group { "Exception Group Traceback (most recent call last):\n" } else { "Traceback (most recent call last):\n" };
    let header_margin = if group && p.depth == 1 { "+ " } else { p.margin() };
    p.out.push_str(&format!("{}{header_margin}{header}", p.indent()));
    print_tb_entries(vm, p, tb);
}

/// How many traceback entries to print, the most recent ones: `sys.tracebacklimit`
/// when it is an int (0 when not positive), else 1000 (CPython's
/// `PyTraceBack_LIMIT`).
fn traceback_limit(vm: &mut Vm) -> usize {
    let Ok(v) = crate::sys::sys_attr(vm, "tracebacklimit") else { return 1000 };
    if !crate::int::is_int(vm, v) {
        return 1000;
    }
    match crate::int::as_i64(v) {
        Some(n) => usize::try_from(n).unwrap_or(0),
        None if crate::int::to_bigint(vm, v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) => 0,
        None => usize::MAX,
    }
}

/// The entries of traceback `tb` from the one `limit` before its end.
fn last_entries(mut tb: Value, limit: usize) -> Value {
    let mut depth = 0;
    let mut t = tb;
    while let Some(o) = t.downcast::<TracebackObj>() {
        depth += 1;
        t = o.next.get();
    }
    while depth > limit {
        let Some(o) = tb.downcast::<TracebackObj>() else { break };
        tb = o.next.get();
        depth -= 1;
    }
    tb
}

/// "Traceback (most recent call last):" and the entries of traceback `tb`
/// (`PyTraceBack_Print`).
pub fn format_traceback(vm: &mut Vm, tb: Value) -> String {
    let mut p = Printer { out: String::new(), seen: Vec::new(), depth: 0, need_close: false };
    p.out.push_str("Traceback (most recent call last):\n");
    print_tb_entries(vm, &mut p, tb);
    p.out
}

fn print_tb_entries(vm: &mut Vm, p: &mut Printer, mut tb: Value) {
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0;
    while let Some(t) = tb.downcast::<TracebackObj>() {
        let (file, name) = tb_code_names(t);
        let key = (file, t.lineno, name);
        if last.as_ref() != Some(&key) {
            print_repeated(p, count);
            last = Some(key.clone());
            count = 0;
        }
        count += 1;
        if count <= TB_RECURSIVE_CUTOFF {
            let (file, lineno, name) = key;
            p.write_margined(&format!("  File \"{file}\", line {lineno}, in {name}\n"));
            if let Some(src) = u32::try_from(lineno).ok().and_then(|l| crate::sys::source_line(vm, &file, l)) {
                let src = src.trim_start_matches([' ', '\t', '\x0c']);
                p.write_margined(&format!("    {src}\n"));
            }
        }
        tb = t.next.get();
    }
    print_repeated(p, count);
}

fn tb_code_names(t: &TracebackObj) -> (String, String) {
    let code = t.frame.downcast::<crate::frame::FrameObj>().and_then(|f| f.code.downcast::<crate::function::CodeObj>());
    match code {
        Some(co) => (
            crate::str::as_str(co.filename).unwrap_or("?").to_string(),
            crate::str::as_str(co.name).unwrap_or("?").to_string(),
        ),
        None => ("?".to_string(), "?".to_string()),
    }
}

/// CPython writes this line without the group margin.
fn print_repeated(p: &mut Printer, count: usize) {
    if count > TB_RECURSIVE_CUTOFF {
        let n = count - TB_RECURSIVE_CUTOFF;
        p.out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
    }
}

/// `module.Qualname: str(value)`; builtins and `__main__` classes unqualified.
fn print_message(vm: &mut Vm, p: &mut Printer, ty: Value, value: Value) {
    let module = crate::attr::getattr_str(vm, ty, "__module__").ok();
    let prefix = match module.and_then(|m| crate::str::as_str(m).map(str::to_string)) {
        Some(m) if m == "builtins" || m == "__main__" => String::new(),
        Some(m) => format!("{m}."),
        None => "<unknown>.".to_string(),
    };
    let qualname = crate::typeobj::tobj(ty).qualname.borrow().clone();
    let mut line = format!("{prefix}{qualname}");
    if value != vm.none {
        match crate::ops::str(vm, value).map(crate::str::report_text) {
            Ok(s) if s.is_empty() => {}
            Ok(s) => line = format!("{line}: {s}"),
            Err(_) => line.push_str(": <exception str() failed>"),
        }
    }
    p.write_margined(&line);
}

/// `__notes__`: each note's lines under the message; a non-sequence is shown
/// by its repr.
fn print_notes(vm: &mut Vm, p: &mut Printer, e: Value) {
    let notes = match crate::attr::getattr_str(vm, e, "__notes__") {
        Ok(n) => n,
        Err(_) => return,
    };
    if !crate::ops::sequence_check(vm, notes) {
        let r = crate::ops::repr_string(vm, notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
        p.write_margined(&r);
        return;
    }
    let n = crate::ops::len(vm, notes).unwrap_or(0);
    for i in 0..n {
        let Ok(note) = crate::ops::getitem(vm, notes, Value::small(i as i64)) else { break };
        match crate::ops::str_string(vm, note) {
            Ok(s) => {
                for line in format::text::splitlines(&s, true) {
                    p.write_margined(line);
                }
            }
            Err(_) => p.out.push_str("<note str() failed>"),
        }
        p.out.push('\n');
    }
}

/// What CPython's `parse_syntax_error` extracts from a SyntaxError.
struct SyntaxLocation {
    msg: Value,
    filename: String,
    lineno: i64,
    offset: i64,
    end_lineno: i64,
    end_offset: i64,
    text: Option<String>,
}

/// The location of a SyntaxError (an exception with `print_file_and_line`),
/// or None when its attributes are unusable (then it prints like any other).
fn syntax_error_location(vm: &mut Vm, e: Value) -> Option<SyntaxLocation> {
    let mut get = |k: &str| crate::attr::getattr_str(vm, e, k).ok();
    get("print_file_and_line")?;
    let msg = get("msg")?;
    let filename = get("filename")?;
    let lineno = get("lineno")?.as_small()?;
    let int_or = |v: Value, d: i64| if v.is_null() { Some(d) } else { v.as_small() };
    let offset_v = get("offset")?;
    let end_lineno_v = get("end_lineno")?;
    let end_offset_v = get("end_offset")?;
    let text_v = get("text")?;
    let none = vm.none;
    let opt = |v: Value| if v == none { Value::NULL } else { v };
    let offset = int_or(opt(offset_v), 0)?;
    Some(SyntaxLocation {
        msg,
        filename: crate::str::as_str(filename).unwrap_or("<string>").to_string(),
        lineno,
        offset,
        end_lineno: int_or(opt(end_lineno_v), lineno)?,
        end_offset: int_or(opt(end_offset_v), offset)?,
        text: crate::str::as_str(text_v).map(str::to_string),
    })
}

fn print_syntax_error_location(p: &mut Printer, loc: &SyntaxLocation) {
    p.write_margined(&format!("  File \"{}\", line {}\n", loc.filename, loc.lineno));
    let Some(text) = &loc.text else { return };
    let size = text.chars().count() as i64;
    let mut end_offset = loc.end_offset;
    // Only the first line of a multi-line location is shown.
    if loc.end_lineno > loc.lineno {
        end_offset = size;
    }
    end_offset = end_offset.min(size + 1);
    p.out.push_str(&error_text(loc.offset, end_offset, text));
}

/// The source line of a SyntaxError and its caret line (`print_error_text`);
/// CPython writes both without the group margin.
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut offset = offset - 1;
    let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (text.chars().count() - stripped.chars().count()) as i64;
    let mut text = stripped;
    offset = offset.min(text.chars().count() as i64 - i64::from(text.ends_with('\n')));
    // Skip the lines before the one the offset points into.
    while let Some(nl) = text.find('\n') {
        let inl = text[..nl].chars().count() as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        offset -= inl + 1;
    }
    let mut out = format!("    {text}");
    if !text.ends_with('\n') {
        out.push('\n');
    }
    if offset >= 0 {
        out.push_str(&format!("    {}{}\n", " ".repeat(offset as usize), "^".repeat(carets)));
    }
    out
}
