//! The `_json` module: the scanner and encoder that `json` uses instead of
//! its pure-Python fallbacks, following CPython 3.11's Modules/_json.c (same
//! results, same error messages and positions): `make_scanner` (the type
//! `Scanner`, called as `scan_once(string, idx)`), `make_encoder` (the type
//! `Encoder`, called as `_iterencode(obj, _current_indent_level)`, which
//! returns a list holding the whole text; json only
//! uses it without indentation), `scanstring`, `encode_basestring` and
//! `encode_basestring_ascii`. Positions are code-point indexes: the scanner
//! works on the string's bytes when it is ASCII, else on its chars.

use crate::gc::{Trace, Tracer};
use crate::object::{Args, PyErr, PyResult};
use crate::payload;
use crate::value::Value;
use crate::vm::Vm;

pub struct ScannerObj {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    /// Keys seen in this scan, so equal keys share one str (cleared after each call).
    memo: Value,
}
impl Trace for ScannerObj {
    fn trace(&self, t: &mut Tracer) {
        for v in [self.object_hook, self.object_pairs_hook, self.parse_float, self.parse_int, self.parse_constant, self.memo] {
            t.value(v);
        }
    }
}
payload!(ScannerObj, "_json.Scanner");

pub struct EncoderObj {
    markers: Value,
    default: Value,
    encoder: Value,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// The encoder is our encode_basestring_ascii (Some(true)) or encode_basestring (Some(false)).
    fast: Option<bool>,
}
impl Trace for EncoderObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.markers);
        t.value(self.default);
        t.value(self.encoder);
    }
}
payload!(EncoderObj, "_json.Encoder");

// ---- strings ----

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Raises `json.decoder.JSONDecodeError(msg, s, pos)`.
fn decode_error(vm: &mut Vm, msg: &str, s: Value, pos: usize) -> PyErr {
    let cls = match json_decode_error_class(vm) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = crate::str::alloc_str(vm, msg);
    let p = crate::int::from_usize(vm, pos);
    match crate::call::call(vm, cls, &[m, s, p]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn json_decode_error_class(vm: &mut Vm) -> PyResult {
    crate::import::import_simple(vm, "json.decoder")?;
    let modules = crate::sys::sys_attr(vm, "modules")?;
    let key = crate::str::alloc_str(vm, "json.decoder");
    let m = crate::ops::getitem(vm, modules, key)?;
    crate::attr::getattr_str(vm, m, "JSONDecodeError")
}

fn stop_iteration(vm: &mut Vm, idx: usize) -> PyErr {
    let v = crate::int::from_usize(vm, idx);
    let t = vm.e.stop_iteration;
    PyErr(crate::exceptions::new_exception(vm, t, &[v]))
}

/// The string being scanned, indexed by code point.
enum Text<'a> {
    Ascii(&'a [u8]),
    /// The chars (a lone surrogate read as U+FFFD) and the lone surrogates'
    /// (index, code point), which strings cut from the text keep.
    Chars(Vec<char>, Vec<(usize, u32)>),
}

impl Text<'_> {
    fn new(s: &crate::str::StrObj) -> Text<'_> {
        let text = s.as_str();
        if text.is_ascii() {
            return Text::Ascii(text.as_bytes());
        }
        let lone = if s.surrogates().is_some() {
            s.code_points().into_iter().enumerate().filter(|(_, cp)| (0xd800..0xe000).contains(cp)).collect()
        } else {
            Vec::new()
        };
        Text::Chars(text.chars().collect(), lone)
    }

    fn len(&self) -> usize {
        match self {
            Text::Ascii(b) => b.len(),
            Text::Chars(c, _) => c.len(),
        }
    }

    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        match self {
            Text::Ascii(b) => b.get(i).map(|b| *b as char),
            Text::Chars(c, _) => c.get(i).copied(),
        }
    }

    /// Appends the code points `a..b` to `out`, noting the lone surrogates
    /// among them as (byte offset in `out`, code point) in `surrogates`.
    fn push_range(&self, out: &mut String, surrogates: &mut Vec<(usize, u32)>, a: usize, b: usize) {
        match self {
            Text::Ascii(bytes) => out.push_str(std::str::from_utf8(&bytes[a..b]).unwrap_or("")),
            Text::Chars(c, lone) if lone.is_empty() => out.extend(&c[a..b]),
            Text::Chars(c, lone) => {
                let first = lone.partition_point(|(i, _)| *i < a);
                let mut marks = lone[first..].iter().take_while(|(i, _)| *i < b).peekable();
                for (i, ch) in c[a..b].iter().enumerate() {
                    if let Some((_, cp)) = marks.next_if(|(j, _)| *j == a + i) {
                        surrogates.push((out.len(), *cp));
                    }
                    out.push(*ch);
                }
            }
        }
    }
}

fn hex4(chars: &Text, at: usize) -> Option<u32> {
    let mut v = 0;
    for i in at..at + 4 {
        v = (v << 4) | chars.at(i)?.to_digit(16)?;
    }
    Some(v)
}

/// The JSON string whose body starts at `chars[end]` (after the quote):
/// its text and the index after the closing quote. A lone surrogate escape
/// becomes U+FFFD (our str cannot hold it).
fn scan_string(vm: &mut Vm, s: Value, chars: &Text, end: usize, strict: bool) -> PyResult<(Value, usize)> {
    let len = chars.len();
    if end > len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let begin = end.saturating_sub(1);
    let mut out = String::new();
    // Lone surrogate escapes, written to `out` as U+FFFD: (byte offset, code point).
    let mut surrogates = Vec::new();
    let mut end = end;
    loop {
        let mut next = end;
        let mut c = '\0';
        while next < len {
            c = chars.at(next).unwrap_or('\0');
            if c == '"' || c == '\\' {
                break;
            }
            if c <= '\x1f' && strict {
                return Err(decode_error(vm, "Invalid control character at", s, next));
            }
            next += 1;
        }
        if next >= len {
            return Err(decode_error(vm, "Unterminated string starting at", s, begin));
        }
        chars.push_range(&mut out, &mut surrogates, end, next);
        next += 1;
        if c == '"' {
            return Ok((crate::str::from_marked(vm, out, &surrogates), next));
        }
        if next == len {
            return Err(decode_error(vm, "Unterminated string starting at", s, begin));
        }
        let e = chars.at(next).unwrap_or('\0');
        if e != 'u' {
            end = next + 1;
            let ch = match e {
                '"' | '\\' | '/' => e,
                'b' => '\x08',
                'f' => '\x0c',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(decode_error(vm, "Invalid \\escape", s, end - 2)),
            };
            out.push(ch);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= len {
            return Err(decode_error(vm, "Invalid \\uXXXX escape", s, next - 1));
        }
        let Some(mut cp) = hex4(chars, next) else { return Err(decode_error(vm, "Invalid \\uXXXX escape", s, end - 5)) };
        if (0xd800..0xdc00).contains(&cp) && end + 6 < len && chars.at(end) == Some('\\') && chars.at(end + 1) == Some('u') {
            let Some(lo) = hex4(chars, end + 2) else { return Err(decode_error(vm, "Invalid \\uXXXX escape", s, end + 1)) };
            if (0xdc00..0xe000).contains(&lo) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                end += 6;
            }
        }
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                surrogates.push((out.len(), cp));
                out.push('\u{fffd}');
            }
        }
    }
}

/// `scanstring(s, end, strict=True)` -> (str, end).
fn scanstring(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "scanstring", 2, 3)?;
    // The index is converted first, as CPython's argument parser does.
    let end = crate::number::as_ssize(vm, a[1], vm.e.overflow_error)?;
    let Some(text) = a[0].downcast::<crate::str::StrObj>() else {
        let m = format!("first argument must be a string, not {:.80}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let strict = match a.get(2) {
        Some(v) => crate::ops::truthy(vm, *v)?,
        None => true,
    };
    let chars = Text::new(text);
    if end < 0 {
        return Err(vm.value_error("end is out of bounds"));
    }
    let (s, next) = scan_string(vm, a[0], &chars, end as usize, strict)?;
    let n = crate::int::from_usize(vm, next);
    Ok(crate::tuple::new_tuple(vm, vec![s, n]))
}

/// JSON's quoting of `text`: only `"`, `\`, and control characters escaped,
/// or (`ascii`) every non-ASCII character too (as `\uXXXX`, surrogate pairs
/// above the BMP). Runs of characters needing no escape are copied whole.
fn quote(text: &str, ascii: bool, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x20 && b != b'"' && b != b'\\' && (!ascii || b < 0x7f) {
            i += 1;
            continue;
        }
        // `i` is a char boundary: every byte passed over is ASCII or (not `ascii`) part of a whole char.
        out.push_str(&text[start..i]);
        let c = text[i..].chars().next().unwrap_or('\0');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
        i += c.len_utf8();
        start = i;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// `quote` for the str `v`: in ASCII mode its lone surrogates are escaped as CPython
/// does (`\\ud800`); otherwise they are written as U+FFFD (docs/compat.md).
fn quote_value(v: Value, ascii: bool, out: &mut String) {
    let so = v.downcast::<crate::str::StrObj>();
    let Some(cps) = so.filter(|s| ascii && s.surrogates().is_some()).map(|s| s.code_points()) else {
        quote(crate::str::as_str(v).unwrap_or(""), ascii, out);
        return;
    };
    out.push('"');
    let mut one = String::new();
    for cp in cps {
        match char::from_u32(cp) {
            Some(c) => {
                one.clear();
                quote(c.encode_utf8(&mut [0u8; 4]), true, &mut one);
                out.push_str(&one[1..one.len() - 1]);
            }
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out.push('"');
}

fn encode_basestring_impl(vm: &mut Vm, args: Args, fname: &str, ascii: bool) -> PyResult {
    let a = args.exact(vm, fname, 1, 1)?;
    let Some(text) = crate::str::as_str(a[0]) else {
        let m = format!("first argument must be a string, not {:.80}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    };
    let mut out = String::with_capacity(text.len() + 2);
    quote_value(a[0], ascii, &mut out);
    Ok(crate::str::new_str(vm, out))
}

fn encode_basestring_ascii(vm: &mut Vm, args: Args) -> PyResult {
    encode_basestring_impl(vm, args, "encode_basestring_ascii", true)
}

fn encode_basestring(vm: &mut Vm, args: Args) -> PyResult {
    encode_basestring_impl(vm, args, "encode_basestring", false)
}

// ---- the scanner ----

fn scanner_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let [ctx] = args.shift().bind(vm, "make_scanner", ["context"], 1, 0)?;
    let memo = crate::dict::new_dict(vm);
    let _pin = crate::gc::pin(memo);
    let strict_v = crate::attr::getattr_str(vm, ctx, "strict")?;
    let strict = crate::ops::truthy(vm, strict_v)?;
    let mut hooks = [Value::NULL; 5];
    for (i, name) in ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"].iter().enumerate() {
        hooks[i] = crate::attr::getattr_str(vm, ctx, name)?;
    }
    let obj = ScannerObj {
        strict,
        object_hook: hooks[0],
        object_pairs_hook: hooks[1],
        parse_float: hooks[2],
        parse_int: hooks[3],
        parse_constant: hooks[4],
        memo,
    };
    std::hint::black_box(&hooks);
    Ok(vm.alloc(cls, obj))
}

struct Scan<'a> {
    sc: &'static ScannerObj,
    s: Value,
    chars: &'a Text<'a>,
}

impl Scan<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while self.chars.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.at(i)
    }

    fn matches(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// One JSON value at `idx`: the value and the index after it;
    /// StopIteration(idx) when there is none.
    fn scan_once(&self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let Some(c) = self.at(idx) else { return Err(stop_iteration(vm, idx)) };
        match c {
            '"' => {
                return scan_string(vm, self.s, self.chars, idx + 1, self.sc.strict);
            }
            '{' | '[' => {
                let what = if c == '{' { " while decoding a JSON object from a unicode string" } else { " while decoding a JSON array from a unicode string" };
                vm.enter_recursion(what)?;
                let r = if c == '{' { self.parse_object(vm, idx + 1) } else { self.parse_array(vm, idx + 1) };
                vm.leave_recursion();
                return r;
            }
            'n' if self.matches(idx, "null") => return Ok((vm.none, idx + 4)),
            't' if self.matches(idx, "true") => return Ok((vm.true_, idx + 4)),
            'f' if self.matches(idx, "false") => return Ok((vm.false_, idx + 5)),
            'N' if self.matches(idx, "NaN") => return self.constant(vm, "NaN", idx),
            'I' if self.matches(idx, "Infinity") => return self.constant(vm, "Infinity", idx),
            '-' if self.matches(idx, "-Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn constant(&self, vm: &mut Vm, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let s = crate::str::alloc_str(vm, name);
        let v = crate::call::call(vm, self.sc.parse_constant, &[s])?;
        Ok((v, idx + name.len()))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(stop_iteration(vm, start)),
        }
        let mut is_float = false;
        if self.at(idx) == Some('.') && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some('e' | 'E')) && idx + 1 < self.chars.len() {
            let e_start = idx;
            idx += 1;
            if matches!(self.at(idx), Some('-' | '+')) && idx + 1 < self.chars.len() {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let mut text = String::new();
        self.chars.push_range(&mut text, &mut Vec::new(), start, idx);
        let custom = if is_float { self.sc.parse_float } else { self.sc.parse_int };
        let builtin = if is_float { vm.t.float } else { vm.t.int };
        if custom != builtin {
            let s = crate::str::new_str(vm, text);
            return Ok((crate::call::call(vm, custom, &[s])?, idx));
        }
        let v = if is_float {
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            crate::float::new_float(vm, f)
        } else if let Ok(i) = text.parse::<i64>() {
            crate::int::from_i64(vm, i)
        } else {
            let big = format::parse::parse_int_limited(&text, 10, vm.int_max_str_digits).map_err(|e| crate::number::fmt_err(vm, e))?;
            crate::int::from_bigint(vm, big)
        };
        Ok((v, idx))
    }

    /// After an item of an object or array ending at `next`: Ok(start of the
    /// next item) after a comma, Err(index of `close`) when the container ends.
    fn after_item(&self, vm: &mut Vm, next: usize, close: char) -> PyResult<Result<usize, usize>> {
        let idx = self.skip_ws(next);
        match self.at(idx) {
            Some(c) if c == close => Ok(Err(idx)),
            Some(',') => Ok(Ok(self.skip_ws(idx + 1))),
            _ => Err(decode_error(vm, "Expecting ',' delimiter", self.s, idx)),
        }
    }

    fn parse_object(&self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let pairs = self.sc.object_pairs_hook != vm.none;
        let rval = if pairs { crate::list::new_list(vm, vec![]) } else { crate::dict::new_dict(vm) };
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(decode_error(vm, "Expecting property name enclosed in double quotes", self.s, idx));
                }
                let (key, next) = scan_string(vm, self.s, self.chars, idx + 1, self.sc.strict)?;
                let key = match crate::dict::get_item(vm, self.sc.memo, key)? {
                    Some(k) => k,
                    None => {
                        crate::dict::set_item(vm, self.sc.memo, key, key)?;
                        key
                    }
                };
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.s, idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(vm, idx)?;
                if pairs {
                    let item = crate::tuple::new_tuple(vm, vec![key, val]);
                    crate::list::lobj(rval).items.borrow_mut().push(item);
                } else {
                    crate::dict::set_item(vm, rval, key, val)?;
                }
                match self.after_item(vm, next, '}')? {
                    Ok(i) => idx = i,
                    Err(close) => {
                        idx = close;
                        break;
                    }
                }
            }
        }
        let hook = if pairs { self.sc.object_pairs_hook } else { self.sc.object_hook };
        if hook != vm.none {
            return Ok((crate::call::call(vm, hook, &[rval])?, idx + 1));
        }
        Ok((rval, idx + 1))
    }

    fn parse_array(&self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let rval = crate::list::new_list(vm, vec![]);
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some(']') {
            loop {
                let (val, next) = self.scan_once(vm, idx)?;
                crate::list::lobj(rval).items.borrow_mut().push(val);
                match self.after_item(vm, next, ']')? {
                    Ok(i) => idx = i,
                    Err(close) => {
                        idx = close;
                        break;
                    }
                }
            }
        }
        Ok((rval, idx + 1))
    }
}

/// `scan_once(string, idx)` -> (value, end).
fn scanner_call(vm: &mut Vm, args: Args) -> PyResult {
    let [this, string, idx] = args.bind(vm, "scan_once", ["self", "string", "idx"], 3, 0)?;
    let Some(sc) = this.downcast::<ScannerObj>() else { return Err(vm.type_error("descriptor requires a '_json.Scanner' object")) };
    let Some(text) = string.downcast::<crate::str::StrObj>() else {
        let m = format!("first argument must be a string, not {:.80}", vm.type_name(string));
        return Err(vm.type_error(m));
    };
    let idx = crate::number::as_ssize(vm, idx, vm.e.overflow_error)?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let chars = Text::new(text);
    let scan = Scan { sc, s: string, chars: &chars };
    let r = scan.scan_once(vm, idx as usize);
    crate::dict::dobj(sc.memo).clear();
    let (v, next) = r?;
    let n = crate::int::from_usize(vm, next);
    Ok(crate::tuple::new_tuple(vm, vec![v, n]))
}

// ---- the encoder ----

fn encoder_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.vals[0];
    let names = ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];
    let a = args.shift().bind(vm, "make_encoder", names, 9, 0)?;
    if a[0] != vm.none && !a[0].is::<crate::dict::DictObj>() {
        let m = format!("make_encoder() argument 1 must be dict or None, not {:.200}", vm.type_name(a[0]));
        return Err(vm.type_error(m));
    }
    let key_separator = crate::modules::codecs_mod::str_param(vm, a[4], "make_encoder() argument 5")?.to_string();
    let item_separator = crate::modules::codecs_mod::str_param(vm, a[5], "make_encoder() argument 6")?.to_string();
    let mut flags = [false; 3];
    for (i, f) in flags.iter_mut().enumerate() {
        *f = crate::ops::truthy(vm, a[6 + i])?;
    }
    // Our own quoting functions are run inline (CPython's `fast_encode`).
    let fast = a[2].downcast::<crate::function::NativeFunction>().and_then(|f| match f.name {
        "encode_basestring_ascii" => Some(true),
        "encode_basestring" => Some(false),
        _ => None,
    });
    let obj = EncoderObj { markers: a[0], default: a[1], encoder: a[2], key_separator, item_separator, sort_keys: flags[0], skipkeys: flags[1], allow_nan: flags[2], fast };
    Ok(vm.alloc(cls, obj))
}

impl EncoderObj {
    fn string(&self, vm: &mut Vm, s: Value, out: &mut String) -> PyResult<()> {
        if let Some(ascii) = self.fast {
            quote_value(s, ascii, out);
            return Ok(());
        }
        let r = crate::call::call(vm, self.encoder, &[s])?;
        match crate::str::as_str(r) {
            Some(t) => {
                out.push_str(t);
                Ok(())
            }
            None => {
                let m = format!("encoder() must return a string, not {:.80}", vm.type_name(r));
                Err(vm.type_error(m))
            }
        }
    }

    fn float(&self, vm: &mut Vm, f: f64, out: &mut String) -> PyResult<()> {
        if f.is_finite() {
            out.push_str(&crate::float::repr_f64(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    /// Registers `obj` in the markers (ValueError on a cycle); its key, if markers are on.
    fn enter(&self, vm: &mut Vm, obj: Value) -> PyResult<Option<Value>> {
        if self.markers == vm.none {
            return Ok(None);
        }
        let n = obj.id_number();
        let id = match i64::try_from(n) {
            Ok(i) => crate::int::from_i64(vm, i),
            Err(_) => crate::int::from_bigint(vm, num_bigint::BigInt::from(n)),
        };
        if crate::dict::get_item(vm, self.markers, id)?.is_some() {
            return Err(vm.value_error("Circular reference detected"));
        }
        crate::dict::set_item(vm, self.markers, id, obj)?;
        Ok(Some(id))
    }

    fn leave(&self, vm: &mut Vm, id: Option<Value>) -> PyResult<()> {
        if let Some(id) = id {
            crate::dict::pop_item(vm, self.markers, id)?;
        }
        Ok(())
    }

    fn encode(&self, vm: &mut Vm, obj: Value, out: &mut String) -> PyResult<()> {
        if obj == vm.none {
            out.push_str("null");
        } else if obj == vm.true_ {
            out.push_str("true");
        } else if obj == vm.false_ {
            out.push_str("false");
        } else if crate::str::as_str(obj).is_some() {
            self.string(vm, obj, out)?;
        } else if crate::int::is_int(vm, obj) {
            out.push_str(&crate::int::to_decimal(vm, obj)?);
        } else if let Some(f) = crate::float::as_f64(obj) {
            self.float(vm, f, out)?;
        } else if obj.is::<crate::list::ListObj>() || crate::tuple::is_tuple(obj) {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.list(vm, obj, out);
            vm.leave_recursion();
            r?;
        } else if obj.is::<crate::dict::DictObj>() {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.dict(vm, obj, out);
            vm.leave_recursion();
            r?;
        } else {
            let id = self.enter(vm, obj)?;
            let new = crate::call::call(vm, self.default, &[obj])?;
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.encode(vm, new, out);
            vm.leave_recursion();
            r?;
            self.leave(vm, id)?;
        }
        Ok(())
    }

    fn item(seq: Value, i: usize) -> Option<Value> {
        match seq.downcast::<crate::list::ListObj>() {
            Some(l) => l.items.borrow().get(i).copied(),
            None => crate::tuple::items(seq).get(i).copied(),
        }
    }

    fn list(&self, vm: &mut Vm, seq: Value, out: &mut String) -> PyResult<()> {
        if Self::item(seq, 0).is_none() {
            out.push_str("[]");
            return Ok(());
        }
        let id = self.enter(vm, seq)?;
        out.push('[');
        let mut i = 0;
        while let Some(v) = Self::item(seq, i) {
            if i > 0 {
                out.push_str(&self.item_separator);
            }
            self.encode(vm, v, out)?;
            i += 1;
        }
        self.leave(vm, id)?;
        out.push(']');
        Ok(())
    }

    fn dict(&self, vm: &mut Vm, d: Value, out: &mut String) -> PyResult<()> {
        if crate::ops::len(vm, d)? == 0 {
            out.push_str("{}");
            return Ok(());
        }
        let id = self.enter(vm, d)?;
        out.push('{');
        let items = crate::call::call_method(vm, d, "items", &[])?;
        let items = crate::list::from_iterable(vm, items)?;
        let _pin = crate::gc::pin(items);
        if self.sort_keys {
            crate::call::call_method(vm, items, "sort", &[])?;
        }
        let mut first = true;
        let mut i = 0;
        loop {
            let pair = crate::list::lobj(items).items.borrow().get(i).copied();
            let Some(pair) = pair else { break };
            i += 1;
            let (key, value) = match crate::tuple::is_tuple(pair).then(|| crate::tuple::items(pair)) {
                Some([k, v]) => (*k, *v),
                _ => return Err(vm.value_error("items must return 2-tuples")),
            };
            let mut kstr = String::new();
            if crate::str::as_str(key).is_some() {
                self.string(vm, key, &mut kstr)?;
            } else {
                let text = if let Some(f) = crate::float::as_f64(key) {
                    let mut t = String::new();
                    self.float(vm, f, &mut t)?;
                    t
                } else if key == vm.true_ || key == vm.false_ || key == vm.none {
                    (if key == vm.true_ { "true" } else if key == vm.false_ { "false" } else { "null" }).to_string()
                } else if crate::int::is_int(vm, key) {
                    crate::int::to_decimal(vm, key)?
                } else if self.skipkeys {
                    continue;
                } else {
                    let m = format!("keys must be str, int, float, bool or None, not {:.100}", vm.type_name(key));
                    return Err(vm.type_error(m));
                };
                let t = crate::str::new_str(vm, text);
                self.string(vm, t, &mut kstr)?;
            }
            if !first {
                out.push_str(&self.item_separator);
            }
            first = false;
            out.push_str(&kstr);
            out.push_str(&self.key_separator);
            self.encode(vm, value, out)?;
        }
        self.leave(vm, id)?;
        out.push('}');
        Ok(())
    }
}

/// `_iterencode(obj, _current_indent_level)` -> a list holding the whole text.
fn encoder_call(vm: &mut Vm, args: Args) -> PyResult {
    let [this, obj, level] = args.bind(vm, "_iterencode", ["self", "obj", "_current_indent_level"], 3, 0)?;
    crate::number::as_ssize(vm, level, vm.e.overflow_error)?;
    let Some(enc) = this.downcast::<EncoderObj>() else { return Err(vm.type_error("descriptor requires a '_json.Encoder' object")) };
    let mut out = String::new();
    enc.encode(vm, obj, &mut out)?;
    let s = crate::str::new_str(vm, out);
    Ok(crate::list::new_list(vm, vec![s]))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[("scanstring", scanstring), ("encode_basestring", encode_basestring), ("encode_basestring_ascii", encode_basestring_ascii)],
    )?;
    let obj = vm.t.object;
    let module_name = vm.intern("_json");
    for (name, attr, new, call) in [("Scanner", "make_scanner", scanner_new as crate::object::NativeFn, scanner_call as crate::object::NativeFn), ("Encoder", "make_encoder", encoder_new, encoder_call)] {
        let t = crate::typeobj::new_static_type(vm, name, obj, 0);
        crate::typeobj::add_static(vm, t, "__new__", new);
        crate::typeobj::add_method(vm, t, "__call__", call);
        crate::typeobj::set_attr_raw(vm, t, "__module__", module_name)?;
        super::set_attr(vm, m, attr, t)?;
    }
    Ok(())
}
