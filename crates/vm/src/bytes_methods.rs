//! The methods `bytes` and `bytearray` share (searching, splitting, ASCII case
//! and padding, hex, translate, `%`-formatting). They work on a copy of the
//! receiver's bytes and return the receiver's kind.

use crate::bytes::{buffer_arg, buffer_bytes, data_of, new_bytes, new_like};
use crate::object::{Args, PyResult};
use crate::str_methods::{finds_args, kw_max, margs};
use crate::value::Value;
use crate::vm::Vm;

/// Python's `bytes.isspace` set.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// First index of `sub` in `hay[start..end]`.
pub fn find(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end - start < sub.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(sub.len()).position(|w| w == sub).map(|i| i + start)
}

fn rfind(hay: &[u8], sub: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end - start < sub.len() {
        return None;
    }
    if sub.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(sub.len()).rposition(|w| w == sub).map(|i| i + start)
}

/// Non-overlapping occurrences of `sub` in `hay[start..end]`.
fn count(hay: &[u8], sub: &[u8], start: usize, end: usize) -> usize {
    if start > end || end - start < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let (mut n, mut i) = (0, start);
    while let Some(j) = find(hay, sub, i, end) {
        n += 1;
        i = j + sub.len();
    }
    n
}

/// The needle of find/count/index...: bytes-like or an int in range(256).
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v) {
        return Ok(b);
    }
    if crate::number::has_index(vm, v) {
        return Ok(vec![crate::bytes::byte_value(vm, v)?]);
    }
    let m = format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v));
    Err(vm.type_error(m))
}

/// find/rfind/index/rindex: the position, if found.
fn search(vm: &mut Vm, args: &Args, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (sub, start, end) = finds_args(vm, args, name, crate::bytes::byte_len(args.vals[0]))?;
    let sub = needle(vm, sub)?;
    if start > end {
        return Ok(None);
    }
    // Searched in place (a copy per call made find-from-offset loops quadratic);
    // `__index__` code run above may have shrunk a bytearray.
    let (s, e) = (start as usize, end as usize);
    let found = in_place(args.vals[0], |d| {
        let e = e.min(d.len());
        if s > e {
            return None;
        }
        if rev { rfind(d, &sub, s, e) } else { find(d, &sub, s, e) }
    });
    Ok(found)
}

/// `f` on the receiver's bytes, borrowed (see `bytes::with_data`).
fn in_place<R: Default>(v: Value, f: impl FnOnce(&[u8]) -> R) -> R {
    crate::bytes::with_data(v, f).unwrap_or_default()
}

fn b_find(vm: &mut Vm, args: Args) -> PyResult {
    let r = search(vm, &args, "find", false)?;
    Ok(crate::int::from_i64(vm, r.map_or(-1, |i| i as i64)))
}
fn b_rfind(vm: &mut Vm, args: Args) -> PyResult {
    let r = search(vm, &args, "rfind", true)?;
    Ok(crate::int::from_i64(vm, r.map_or(-1, |i| i as i64)))
}
fn b_index(vm: &mut Vm, args: Args) -> PyResult {
    match search(vm, &args, "index", false)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &mut Vm, args: Args) -> PyResult {
    match search(vm, &args, "rindex", true)? {
        Some(i) => Ok(crate::int::from_usize(vm, i)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: Args) -> PyResult {
    let (sub, start, end) = finds_args(vm, &args, "count", crate::bytes::byte_len(args.vals[0]))?;
    let sub = needle(vm, sub)?;
    let n = if start > end {
        0
    } else {
        in_place(args.vals[0], |d| {
            let e = (end as usize).min(d.len());
            if start as usize > e { 0 } else { count(d, &sub, start as usize, e) }
        })
    };
    Ok(crate::int::from_usize(vm, n))
}

fn affix(vm: &mut Vm, args: Args, ends: bool) -> PyResult {
    let name = if ends { "endswith" } else { "startswith" };
    let (prefix, start, end) = finds_args(vm, &args, name, crate::bytes::byte_len(args.vals[0]))?;
    let receiver = args.vals[0];
    let test = |p: &[u8]| {
        if start > end || ((end - start) as usize) < p.len() {
            return false;
        }
        in_place(receiver, |d| match d.get(start as usize..end as usize) {
            Some(sub) => if ends { sub.ends_with(p) } else { sub.starts_with(p) },
            None => false,
        })
    };
    if crate::tuple::is_tuple(prefix) {
        for p in crate::tuple::items(prefix) {
            let Some(pb) = buffer_bytes(*p) else {
                let m = format!("a bytes-like object is required, not '{}'", vm.type_name(*p));
                return Err(vm.type_error(m));
            };
            if test(&pb) {
                return Ok(vm.true_);
            }
        }
        return Ok(vm.false_);
    }
    let Some(p) = buffer_bytes(prefix) else {
        let m = format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(prefix));
        return Err(vm.type_error(m));
    };
    Ok(vm.bool(test(&p)))
}
fn b_startswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, false)
}
fn b_endswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, true)
}

fn parts_to_list(vm: &mut Vm, like: Value, parts: Vec<Vec<u8>>) -> Value {
    let l = crate::list::new_list(vm, vec![]);
    for p in parts {
        let v = new_like(vm, like, p);
        crate::list::lobj(l).items.borrow_mut().push(v);
    }
    l
}

/// Splits on runs of ASCII whitespace (from the right when `rev`).
fn split_ws(d: &[u8], max: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut v: Vec<u8> = d.to_vec();
    if rev {
        v.reverse();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        while i < v.len() && is_space(v[i]) {
            i += 1;
        }
        if i == v.len() {
            break;
        }
        if max >= 0 && out.len() as i64 == max {
            out.push(v[i..].to_vec());
            break;
        }
        let start = i;
        while i < v.len() && !is_space(v[i]) {
            i += 1;
        }
        out.push(v[start..i].to_vec());
    }
    if rev {
        for p in out.iter_mut() {
            p.reverse();
        }
        out.reverse();
    }
    out
}

/// Splits on `sep` (non-empty), from the right when `rev`.
fn split_sep(d: &[u8], sep: &[u8], max: i64, rev: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut end = d.len();
    let mut start = 0;
    while max < 0 || (out.len() as i64) < max {
        let found = if rev { rfind(d, sep, 0, end) } else { find(d, sep, start, d.len()) };
        let Some(i) = found else { break };
        if rev {
            out.push(d[i + sep.len()..end].to_vec());
            end = i;
        } else {
            out.push(d[start..i].to_vec());
            start = i + sep.len();
        }
    }
    if rev {
        out.push(d[..end].to_vec());
        out.reverse();
    } else {
        out.push(d[start..].to_vec());
    }
    out
}

fn split_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult {
    let name = if rev { "rsplit" } else { "split" };
    kw_max(vm, &args, name, 2)?;
    let [this, sep, maxsplit] = args.bind(vm, name, ["self", "sep", "maxsplit"], 1, 1)?;
    let max = if maxsplit.is_null() { -1 } else { crate::number::index_i64(vm, maxsplit)? };
    let d = data_of(&args);
    let parts = if sep.is_null() || sep == vm.none {
        split_ws(&d, max, rev)
    } else {
        let sep = buffer_arg(vm, sep)?;
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        split_sep(&d, &sep, max, rev)
    };
    Ok(parts_to_list(vm, this, parts))
}
fn b_split(vm: &mut Vm, args: Args) -> PyResult {
    split_impl(vm, args, false)
}
fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult {
    split_impl(vm, args, true)
}

fn b_splitlines(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "splitlines", 1)?;
    let [this, keepends] = args.bind(vm, "splitlines", ["self", "keepends"], 1, 1)?;
    let keep = !keepends.is_null() && crate::ops::truthy(vm, keepends)?;
    let d = data_of(&args);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let start = i;
        while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < d.len() {
            eol = if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        }
        parts.push(d[start..if keep { eol } else { i }].to_vec());
        i = eol;
    }
    Ok(parts_to_list(vm, this, parts))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let a = margs(vm, &args, name, 0, 1)?;
    let chars = match a.get(1) {
        Some(c) if *c != vm.none => Some(buffer_arg(vm, *c)?),
        _ => None,
    };
    let strip = |b: &u8| match &chars {
        Some(c) => c.contains(b),
        None => is_space(*b),
    };
    let d = data_of(&args);
    let mut s = 0;
    let mut e = d.len();
    while left && s < e && strip(&d[s]) {
        s += 1;
    }
    while right && e > s && strip(&d[e - 1]) {
        e -= 1;
    }
    Ok(new_like(vm, a[0], d[s..e].to_vec()))
}
fn b_strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

fn b_replace(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "replace", 2, 3)?;
    let old = buffer_arg(vm, a[1])?;
    let new = buffer_arg(vm, a[2])?;
    let max = match a.get(3) {
        Some(c) => crate::number::index_i64(vm, *c)?,
        None => -1,
    };
    let d = data_of(&args);
    let mut out = Vec::with_capacity(d.len());
    let (mut i, mut n) = (0, 0i64);
    while max < 0 || n < max {
        let Some(j) = find(&d, &old, i, d.len()) else { break };
        if old.is_empty() {
            out.extend_from_slice(&new);
            if j < d.len() {
                out.push(d[j]);
            }
            i = j + 1;
            n += 1;
            if j >= d.len() {
                break;
            }
            continue;
        }
        out.extend_from_slice(&d[i..j]);
        out.extend_from_slice(&new);
        i = j + old.len();
        n += 1;
    }
    if i < d.len() {
        out.extend_from_slice(&d[i..]);
    }
    Ok(new_like(vm, a[0], out))
}

fn b_join(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "join", 1, 1)?;
    let sep = data_of(&args);
    let l = crate::list::from_iterable(vm, a[1])?;
    let items = crate::list::lobj(l).items.borrow().clone();
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let Some(b) = buffer_bytes(*v) else {
            let m = format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_name(*v));
            return Err(vm.type_error(m));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    std::hint::black_box(l);
    Ok(new_like(vm, a[0], out))
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult {
    let a = margs(vm, &args, if rev { "rpartition" } else { "partition" }, 1, 1)?;
    let sep = buffer_arg(vm, a[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = data_of(&args);
    let found = if rev { rfind(&d, &sep, 0, d.len()) } else { find(&d, &sep, 0, d.len()) };
    let (x, y, z) = match found {
        Some(i) => (d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()),
        None if rev => (vec![], vec![], d.clone()),
        None => (d.clone(), vec![], vec![]),
    };
    let buf = crate::list::ValueBuf::new(vm);
    for p in [x, y, z] {
        let v = new_like(vm, a[0], p);
        buf.push(v);
    }
    Ok(buf.into_tuple(vm))
}
fn b_partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, false)
}
fn b_rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, true)
}

/// Applies an ASCII-only transformation to the whole buffer.
fn map_ascii(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let a = margs(vm, &args, name, 0, 0)?;
    let d = data_of(&args);
    Ok(new_like(vm, a[0], f(&d)))
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
}

fn swapcase_bytes(d: &[u8]) -> Vec<u8> {
    d.iter()
        .map(|b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() })
        .collect()
}

macro_rules! bytes_map {
    ($($fname:ident: $name:expr, $f:expr;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult { map_ascii(vm, args, $name, $f) } )*
    };
}
bytes_map! {
    b_upper: "upper", |d: &[u8]| d.to_ascii_uppercase();
    b_lower: "lower", |d: &[u8]| d.to_ascii_lowercase();
    b_swapcase: "swapcase", swapcase_bytes;
    b_title: "title", title_bytes;
    b_capitalize: "capitalize", capitalize_bytes;
}

fn is_title(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

macro_rules! bytes_pred {
    ($($fname:ident: $name:expr, $f:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: Args) -> PyResult {
                margs(vm, &args, $name, 0, 0)?;
                let d = data_of(&args);
                let r: bool = $f(d.as_slice());
                Ok(vm.bool(r))
            }
        )*
    };
}
bytes_pred! {
    b_isalnum: "isalnum", |d: &[u8]| !d.is_empty() && d.iter().all(|b| b.is_ascii_alphanumeric());
    b_isalpha: "isalpha", |d: &[u8]| !d.is_empty() && d.iter().all(|b| b.is_ascii_alphabetic());
    b_isascii: "isascii", |d: &[u8]| d.is_ascii();
    b_isdigit: "isdigit", |d: &[u8]| !d.is_empty() && d.iter().all(|b| b.is_ascii_digit());
    b_isspace: "isspace", |d: &[u8]| !d.is_empty() && d.iter().all(|b| is_space(*b));
    b_islower: "islower", |d: &[u8]| d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase());
    b_isupper: "isupper", |d: &[u8]| d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase());
    b_istitle: "istitle", is_title;
}

/// center/ljust/rjust: (width, fill byte).
fn pad_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, u8)> {
    let a = margs(vm, args, name, 1, 2)?;
    let w = crate::number::index_i64(vm, a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        None => b' ',
        Some(f) => match buffer_bytes(*f).filter(|_| !f.is::<crate::memoryview::MemoryViewObj>()) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let what = if f.is::<crate::bytes::ByteArrayObj>() || f.is::<crate::bytes::BytesObj>() {
                    format!("a byte string of length 1, not {}", vm.type_name(*f))
                } else {
                    format!("a byte string of length 1, not {}", vm.type_name(*f))
                };
                return Err(vm.type_error(format!("{name}() argument 2 must be {what}")));
            }
        },
    };
    Ok((w, fill))
}

fn pad(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let (w, fill) = pad_args(vm, &args, name)?;
    crate::memory::check_size(vm, w)?;
    let d = data_of(&args);
    let total = w.saturating_sub(d.len());
    let left = match name {
        "ljust" => 0,
        "rjust" => total,
        // CPython's centering puts the odd byte on the left when the width is odd.
        _ => total / 2 + (total & w & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&d);
    out.resize(out.len() + total - left, fill);
    Ok(new_like(vm, args.vals[0], out))
}
fn b_center(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "center")
}
fn b_ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "ljust")
}
fn b_rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "rjust")
}

fn b_zfill(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "zfill", 1, 1)?;
    let w = crate::number::index_i64(vm, a[1])?.max(0) as usize;
    crate::memory::check_size(vm, w)?;
    let d = data_of(&args);
    let text: String = d.iter().map(|b| *b as char).collect();
    let z: Vec<u8> = format::text::zfill(&text, w).chars().map(|c| c as u32 as u8).collect();
    Ok(new_like(vm, a[0], z))
}

fn b_expandtabs(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "expandtabs", 1)?;
    let [this, tabsize] = args.bind(vm, "expandtabs", ["self", "tabsize"], 1, 1)?;
    let t = if tabsize.is_null() { 8 } else { crate::number::index_c_int(vm, tabsize)? as i64 };
    let d = data_of(&args);
    let text: String = d.iter().map(|b| *b as char).collect();
    let r: Vec<u8> = format::text::expandtabs(&text, t).chars().map(|c| c as u32 as u8).collect();
    Ok(new_like(vm, this, r))
}

fn affix_remove(vm: &mut Vm, args: Args, suffix: bool) -> PyResult {
    let a = margs(vm, &args, if suffix { "removesuffix" } else { "removeprefix" }, 1, 1)?;
    let p = buffer_arg(vm, a[1])?;
    let d = data_of(&args);
    let r = if suffix { d.strip_suffix(p.as_slice()) } else { d.strip_prefix(p.as_slice()) };
    let r = r.map(|x| x.to_vec()).unwrap_or(d);
    Ok(new_like(vm, a[0], r))
}
fn b_removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    affix_remove(vm, args, false)
}
fn b_removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    affix_remove(vm, args, true)
}

/// `bytes.hex([sep[, bytes_per_sep]])`, shared with memoryview.
pub fn hex_impl(vm: &mut Vm, d: &[u8], sep: Value, per: Value) -> PyResult {
    let sep_char = if sep.is_null() {
        None
    } else {
        let s: Vec<char> = match crate::str::as_str(sep) {
            Some(s) => s.chars().collect(),
            None => match buffer_bytes(sep) {
                Some(b) => b.iter().map(|x| *x as char).collect(),
                None => return Err(vm.type_error("sep must be str or bytes.")),
            },
        };
        if s.len() != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        if !s[0].is_ascii() {
            return Err(vm.value_error("sep must be ASCII."));
        }
        Some(s[0])
    };
    let per = if per.is_null() { 1 } else { crate::number::index_i64(vm, per)? };
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in d.iter().enumerate() {
        if let Some(c) = sep_char.filter(|_| i > 0 && group > 0) {
            // Positive counts group from the right, negative from the left.
            let boundary = if per > 0 { (d.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(crate::str::new_str(vm, out))
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult {
    let [_, sep, per] = args.bind(vm, "hex", ["self", "sep", "bytes_per_sep"], 1, 1)?;
    let d = data_of(&args);
    hex_impl(vm, &d, sep, per)
}

/// `bytes.fromhex(s)` (a classmethod: subclasses are called with the result).
fn b_fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let a = margs(vm, &args, "fromhex", 1, 1)?;
    let s = crate::str_methods::str_arg(vm, a[1], "fromhex() argument")?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: Option<&char>| c.and_then(|c| c.to_digit(16));
    while i < cs.len() {
        if cs[i].is_ascii() && is_space(cs[i] as u8) {
            i += 1;
            continue;
        }
        let err = |vm: &mut Vm, at: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}"));
        let Some(hi) = digit(cs.get(i)) else { return Err(err(vm, i)) };
        let Some(lo) = digit(cs.get(i + 1)) else { return Err(err(vm, i + 1)) };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = a[0];
    if cls == vm.t.bytes {
        return Ok(new_bytes(vm, out));
    }
    if cls == vm.t.bytearray {
        return Ok(crate::bytes::new_bytearray(vm, out));
    }
    let b = new_bytes(vm, out);
    crate::call::call(vm, cls, &[b])
}

/// `bytes.maketrans(frm, to)`: a 256-byte table.
fn b_maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "maketrans", 2, 2)?;
    let frm = buffer_arg(vm, a[0])?;
    let to = buffer_arg(vm, a[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(vm, table))
}

fn b_translate(vm: &mut Vm, args: Args) -> PyResult {
    let [this, table, delete] = args.bind(vm, "translate", ["self", "table", "delete"], 2, 2)?;
    let table = if table == vm.none {
        None
    } else {
        let t = buffer_arg(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = if delete.is_null() { vec![] } else { buffer_arg(vm, delete)? };
    let d = data_of(&args);
    let out: Vec<u8> = d
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|b| table.as_ref().map_or(*b, |t| t[*b as usize]))
        .collect();
    Ok(new_like(vm, this, out))
}

fn b_decode(vm: &mut Vm, args: Args) -> PyResult {
    kw_max(vm, &args, "decode", 2)?;
    let [b, encoding, errors] = args.bind(vm, "decode", ["self", "encoding", "errors"], 1, 1)?;
    crate::codecs::decode_value(vm, b, encoding, errors, "decode")
}

fn b_mod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__mod__", 2, 2)?;
    let d = data_of(&args);
    let r = crate::bytes_printf::printf(vm, &d, a[1])?;
    Ok(new_like(vm, a[0], r))
}

fn b_rmod(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "__rmod__", 2, 2)?;
    let Some(fmt) = crate::bytes::as_bytes(a[1]) else { return Ok(vm.not_implemented) };
    let r = crate::bytes_printf::printf(vm, &fmt, a[0])?;
    Ok(new_like(vm, a[1], r))
}

pub fn init(vm: &mut Vm) {
    use crate::typeobj::{add_classmethod, add_method, add_static};
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("replace", b_replace),
        ("join", b_join),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("capitalize", b_capitalize),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("isspace", b_isspace),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("hex", b_hex),
        ("translate", b_translate),
        ("decode", b_decode),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
    ];
    for t in [vm.t.bytes, vm.t.bytearray] {
        for (n, f) in methods {
            add_method(vm, t, n, *f);
        }
        add_classmethod(vm, t, "fromhex", b_fromhex);
        add_static(vm, t, "maketrans", b_maketrans);
    }
}
