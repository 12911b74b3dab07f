//! The bytecode cache's file format: a compiled module (`CodeObject` tree) as bytes
//! and back. Pure data, no file system: the VM's import system decides where the
//! files live and when they are valid (`vm/src/import/pycache.rs`).
//!
//! A file is a fixed header followed by a payload:
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | `MAGIC` (`b"FerroPyC"`) |
//! | 8 | 8 | `fingerprint()`: hash of this crate's sources, its version and the parser's; any compiler change gives a new one |
//! | 16 | 4 | optimization level (`-O` count) the code was compiled with |
//! | 20 | 4 | reserved, 0 |
//! | 24 | 8 | source mtime in nanoseconds (i64) |
//! | 32 | 8 | source size in bytes |
//! | 40 | 8 | payload length |
//! | 48 | 8 | payload checksum (`checksum`) |
//!
//! All integers are little-endian. The payload is a string table (every name,
//! file name and str constant once) followed by the top code object; counts,
//! indexes and integers are LEB128 varints, signed ones zigzag-encoded, line
//! numbers delta-encoded. Decoding checks every length and index and never
//! panics: a file that is not exactly what `encode` wrote is rejected and the
//! caller recompiles. (Instruction arguments are trusted once the checksum
//! matches, as CPython trusts its marshal data.)

use crate::bytecode::{Instr, Op};
use crate::code::{CodeObject, Constant, ExceptionEntry, Location};
use num_bigint::{BigInt, Sign};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// Version of the layout described above. The fingerprint hashes this file too, so
/// bumping it is documentation more than necessity. 2: imported sources are decoded
/// by their encoding declaration (files cached from a lossy UTF-8 reading are stale).
pub const FORMAT_VERSION: u32 = 2;

pub const MAGIC: &[u8; 8] = b"FerroPyC";

pub const HEADER_LEN: usize = 56;

/// Deepest nesting of code objects and constant tuples a file may have (the
/// compiler's own recursion limit is far below; this only bounds the decoder's
/// recursion on a damaged file).
const MAX_DEPTH: u32 = 2000;

/// Identifies the compiler that wrote a file: a hash of `FORMAT_VERSION` and of
/// what `build.rs` hashed (every source file of this crate, its version, the
/// locked versions of the ruff parser crates and of the dependencies that shape
/// the output). A cache written by any other
/// compiler build has another fingerprint and is never used.
pub fn fingerprint() -> u64 {
    const BUILD: &str = env!("FERROPY_COMPILER_HASH");
    let build = u64::from_str_radix(BUILD, 16).unwrap_or(0);
    mix(build ^ FORMAT_VERSION as u64)
}

/// What a cache file is valid for: the source file's modification time and size
/// (CPython's default validation) and the optimization level.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub mtime_ns: i64,
    pub size: u64,
    pub optimize: u8,
}

/// The complete cache file for `code` compiled from a source with `stamp`.
pub fn encode(code: &CodeObject, stamp: Stamp) -> Vec<u8> {
    let payload = serialize(code);
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fingerprint().to_le_bytes());
    out.extend_from_slice(&(stamp.optimize as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&stamp.mtime_ns.to_le_bytes());
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Whether `data` starts with a header this compiler wrote for `stamp` (the
/// payload is not checked: see `decode`).
pub fn header_matches(data: &[u8], stamp: Stamp) -> bool {
    let Some(h) = data.get(..HEADER_LEN) else { return false };
    h[..8] == MAGIC[..]
        && word(h, 8) == fingerprint()
        && u32::from_le_bytes([h[16], h[17], h[18], h[19]]) == stamp.optimize as u32
        && word(h, 24) == stamp.mtime_ns as u64
        && word(h, 32) == stamp.size
}

/// The code in a cache file if the file is valid for `stamp` and intact; every
/// code object's file name becomes `filename` (the module may have been reached
/// through another path than when the file was written, as CPython's
/// `_fix_co_filename`). None means: recompile.
pub fn decode(data: &[u8], stamp: Stamp, filename: &str) -> Option<CodeObject> {
    if !header_matches(data, stamp) {
        return None;
    }
    let payload = &data[HEADER_LEN..];
    if word(data, 40) != payload.len() as u64 || word(data, 48) != checksum(payload) {
        return None;
    }
    deserialize(payload, Some(filename))
}

fn word(data: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(b)
}

/// A 64-bit hash of the payload, eight bytes a step, to catch truncated or
/// damaged files (not an adversary).
pub fn checksum(data: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ data.len() as u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x9fb2_1c65_1e98_df25).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0xc4ce_b9fe_1a85_ec53).rotate_left(17);
    }
    mix(h)
}

/// Final avalanche (splitmix64's).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

// ----- writing -----

/// The payload for `code`: string table, then the code tree.
pub fn serialize(code: &CodeObject) -> Vec<u8> {
    let mut w = Writer { body: Vec::new(), strings: FxHashMap::default(), table: Vec::new() };
    w.code(code);
    let mut out = Vec::with_capacity(w.body.len() + w.table.iter().map(|s| s.len() + 2).sum::<usize>() + 8);
    put_uint(&mut out, w.table.len() as u64);
    for s in &w.table {
        put_uint(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&w.body);
    out
}

struct Writer<'c> {
    body: Vec<u8>,
    strings: FxHashMap<&'c str, u32>,
    table: Vec<&'c str>,
}

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const SMALL_INT: u8 = 3;
    pub const BIG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const COMPLEX: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const TUPLE: u8 = 9;
    pub const FROZENSET: u8 = 10;
    pub const ELLIPSIS: u8 = 11;
    pub const CODE: u8 = 12;
    pub const SURROGATE_STR: u8 = 13;
}

impl<'c> Writer<'c> {
    fn uint(&mut self, v: u64) {
        put_uint(&mut self.body, v);
    }

    fn int(&mut self, v: i64) {
        put_uint(&mut self.body, ((v << 1) ^ (v >> 63)) as u64);
    }

    fn str(&mut self, s: &'c str) {
        let next = self.table.len() as u32;
        let i = *self.strings.entry(s).or_insert(next);
        if i == next {
            self.table.push(s);
        }
        self.uint(i as u64);
    }

    fn strs(&mut self, v: &'c [Rc<str>]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    fn code(&mut self, c: &'c CodeObject) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.str(&c.filename);
        for v in [c.firstlineno, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize] {
            self.uint(v as u64);
        }
        self.uint(c.instructions.len() as u64);
        for i in &c.instructions {
            self.body.push(i.op as u8);
            self.uint(i.arg as u64);
        }
        // Locations: one per instruction, lines as deltas from the previous start line.
        self.uint(c.locations.len() as u64);
        let mut line = c.firstlineno as i64;
        for l in &c.locations {
            self.int(l.line as i64 - line);
            self.int(l.end_line as i64 - l.line as i64);
            self.uint(l.col as u64);
            self.uint(l.end_col as u64);
            line = l.line as i64;
        }
        self.uint(c.exception_table.len() as u64);
        for e in &c.exception_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.uint(v as u64);
            }
            self.body.push(e.push_lasti as u8);
        }
        self.uint(c.consts.len() as u64);
        for k in &c.consts {
            self.constant(k);
        }
        self.strs(&c.names);
        self.strs(&c.varnames);
        self.strs(&c.cellvars);
        self.strs(&c.freevars);
        self.uint(c.cell2arg.len() as u64);
        for a in &c.cell2arg {
            self.uint(a.map_or(0, |i| i as u64 + 1));
        }
    }

    fn constant(&mut self, k: &'c Constant) {
        match k {
            Constant::None => self.body.push(tag::NONE),
            Constant::Bool(b) => self.body.push(if *b { tag::TRUE } else { tag::FALSE }),
            Constant::Int(i) => match i64::try_from(i) {
                Ok(v) => {
                    self.body.push(tag::SMALL_INT);
                    self.int(v);
                }
                Err(_) => {
                    self.body.push(tag::BIG_INT);
                    let (sign, mag) = i.to_bytes_le();
                    self.body.push((sign == Sign::Minus) as u8);
                    self.uint(mag.len() as u64);
                    self.body.extend_from_slice(&mag);
                }
            },
            Constant::Float(f) => {
                self.body.push(tag::FLOAT);
                self.body.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.body.push(tag::COMPLEX);
                self.body.extend_from_slice(&re.to_bits().to_le_bytes());
                self.body.extend_from_slice(&im.to_bits().to_le_bytes());
            }
            Constant::Str(s) => {
                self.body.push(tag::STR);
                self.str(s);
            }
            Constant::SurrogateStr(b) => {
                self.body.push(tag::SURROGATE_STR);
                self.uint(b.len() as u64);
                self.body.extend_from_slice(b);
            }
            Constant::Bytes(b) => {
                self.body.push(tag::BYTES);
                self.uint(b.len() as u64);
                self.body.extend_from_slice(b);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                self.body.push(if matches!(k, Constant::Tuple(_)) { tag::TUPLE } else { tag::FROZENSET });
                self.uint(items.len() as u64);
                for it in items.iter() {
                    self.constant(it);
                }
            }
            Constant::Ellipsis => self.body.push(tag::ELLIPSIS),
            Constant::Code(c) => {
                self.body.push(tag::CODE);
                self.code(c);
            }
        }
    }
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

// ----- reading -----

/// The code tree of a payload, None if the payload is malformed. With
/// `filename`, every code object gets that file name instead of the stored one.
pub fn deserialize(payload: &[u8], filename: Option<&str>) -> Option<CodeObject> {
    let mut r = Reader { data: payload, pos: 0, strings: Vec::new(), filename: filename.map(Rc::from), depth: 0 };
    let n = r.len()?;
    r.strings.reserve(n);
    for _ in 0..n {
        let len = r.len()?;
        let bytes = r.bytes(len)?;
        r.strings.push(Rc::from(std::str::from_utf8(bytes).ok()?));
    }
    let code = r.code()?;
    (r.pos == r.data.len()).then_some(code)
}

struct Reader<'d> {
    data: &'d [u8],
    pos: usize,
    strings: Vec<Rc<str>>,
    filename: Option<Rc<str>>,
    depth: u32,
}

impl<'d> Reader<'d> {
    #[inline]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'d [u8]> {
        let s = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    /// A LEB128 varint; most are one byte (opcode arguments, columns, line deltas).
    #[inline]
    fn uint(&mut self) -> Option<u64> {
        match self.data.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Some(b as u64)
            }
            _ => self.uint_long(),
        }
    }

    fn uint_long(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                return None;
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    fn int(&mut self) -> Option<i64> {
        let u = self.uint()?;
        Some((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    /// A count of items that each take at least one byte: bounded by what is left,
    /// so a damaged count cannot make a huge allocation.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.data.len() - self.pos).then_some(n)
    }

    fn f64(&mut self) -> Option<f64> {
        let b = self.bytes(8)?;
        Some(f64::from_bits(u64::from_le_bytes(b.try_into().ok()?)))
    }

    fn str(&mut self) -> Option<Rc<str>> {
        let i = usize::try_from(self.uint()?).ok()?;
        self.strings.get(i).cloned()
    }

    fn strs(&mut self) -> Option<Vec<Rc<str>>> {
        let n = self.len()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn line(&mut self, base: i64) -> Option<u32> {
        u32::try_from(base.checked_add(self.int()?)?).ok()
    }

    fn code(&mut self) -> Option<CodeObject> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let stored_filename = self.str()?;
        let filename = self.filename.clone().unwrap_or(stored_filename);
        let mut fields = [0u32; 6];
        for f in &mut fields {
            *f = self.u32()?;
        }
        let [firstlineno, argcount, posonlyargcount, kwonlyargcount, flags, stacksize] = fields;
        let n = self.len()?;
        let mut instructions = Vec::with_capacity(n);
        for _ in 0..n {
            let op = *Op::ALL.get(self.byte()? as usize)?;
            instructions.push(Instr { op, arg: self.u32()? });
        }
        let n = self.len()?;
        let mut locations = Vec::with_capacity(n);
        let mut line = firstlineno as i64;
        for _ in 0..n {
            let start = self.line(line)?;
            let end_line = self.line(start as i64)?;
            locations.push(Location { line: start, end_line, col: self.u32()?, end_col: self.u32()? });
            line = start as i64;
        }
        let n = self.len()?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let push_lasti = match self.byte()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            exception_table.push(ExceptionEntry { start, end, target, depth, push_lasti });
        }
        let n = self.len()?;
        let mut consts = Vec::with_capacity(n);
        for _ in 0..n {
            consts.push(self.constant()?);
        }
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n = self.len()?;
        let mut cell2arg = Vec::with_capacity(n);
        for _ in 0..n {
            cell2arg.push(self.u32()?.checked_sub(1));
        }
        // What the VM indexes without checking: one location per instruction,
        // handlers inside the code, argument cells among the locals.
        let n = instructions.len() as u32;
        let ok = locations.len() == instructions.len()
            && exception_table.iter().all(|e| e.start < e.end && e.end <= n && e.target < n)
            && cell2arg.iter().flatten().all(|&a| (a as usize) < varnames.len());
        if !ok {
            return None;
        }
        self.depth -= 1;
        Some(CodeObject {
            name,
            qualname,
            filename,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            stacksize,
            instructions,
            locations,
            exception_table,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
        })
    }

    fn constant(&mut self) -> Option<Constant> {
        Some(match self.byte()? {
            tag::NONE => Constant::None,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::SMALL_INT => Constant::Int(BigInt::from(self.int()?)),
            tag::BIG_INT => {
                let sign = match self.byte()? {
                    0 => Sign::Plus,
                    1 => Sign::Minus,
                    _ => return None,
                };
                let n = self.len()?;
                Constant::Int(BigInt::from_bytes_le(sign, self.bytes(n)?))
            }
            tag::FLOAT => Constant::Float(self.f64()?),
            tag::COMPLEX => Constant::Complex { re: self.f64()?, im: self.f64()? },
            tag::STR => Constant::Str(self.str()?),
            tag::BYTES => {
                let n = self.len()?;
                Constant::Bytes(Rc::from(self.bytes(n)?))
            }
            tag::SURROGATE_STR => {
                let n = self.len()?;
                Constant::SurrogateStr(Rc::from(self.bytes(n)?))
            }
            t @ (tag::TUPLE | tag::FROZENSET) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let n = self.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant()?);
                }
                self.depth -= 1;
                if t == tag::TUPLE {
                    Constant::Tuple(items.into())
                } else {
                    Constant::FrozenSet(items.into())
                }
            }
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::CODE => Constant::Code(Rc::new(self.code()?)),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compile, CompileOptions, Mode};
    use std::path::{Path, PathBuf};

    /// Structural equality; floats compare by bits (NaN, -0.0).
    fn same_const(a: &Constant, b: &Constant) -> bool {
        use Constant as C;
        match (a, b) {
            (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
            (C::Bool(x), C::Bool(y)) => x == y,
            (C::Int(x), C::Int(y)) => x == y,
            (C::Float(x), C::Float(y)) => x.to_bits() == y.to_bits(),
            (C::Complex { re: a, im: b }, C::Complex { re: c, im: d }) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
            (C::Str(x), C::Str(y)) => x == y,
            (C::Bytes(x), C::Bytes(y)) | (C::SurrogateStr(x), C::SurrogateStr(y)) => x == y,
            (C::Tuple(x), C::Tuple(y)) | (C::FrozenSet(x), C::FrozenSet(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_const(a, b))
            }
            (C::Code(x), C::Code(y)) => same_code(x, y),
            _ => false,
        }
    }

    fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
        a.name == b.name
            && a.qualname == b.qualname
            && a.filename == b.filename
            && (a.firstlineno, a.argcount, a.posonlyargcount, a.kwonlyargcount, a.flags, a.stacksize)
                == (b.firstlineno, b.argcount, b.posonlyargcount, b.kwonlyargcount, b.flags, b.stacksize)
            && a.instructions == b.instructions
            && a.locations == b.locations
            && a.exception_table == b.exception_table
            && a.consts.len() == b.consts.len()
            && a.consts.iter().zip(&b.consts).all(|(x, y)| same_const(x, y))
            && a.names == b.names
            && a.varnames == b.varnames
            && a.cellvars == b.cellvars
            && a.freevars == b.freevars
            && a.cell2arg == b.cell2arg
    }

    const STAMP: Stamp = Stamp { mtime_ns: 1_700_000_000_123_456_789, size: 4242, optimize: 0 };

    fn roundtrip(code: &CodeObject) {
        let file = encode(code, STAMP);
        let back = decode(&file, STAMP, &code.filename).expect("decodes");
        assert!(same_code(code, &back), "round trip differs for {}", code.filename);
        assert_eq!(encode(&back, STAMP), file);
    }

    fn stdlib_dir() -> Option<PathBuf> {
        let mut cands: Vec<PathBuf> = std::env::var("FERROPY_STDLIB").ok().map(PathBuf::from).into_iter().collect();
        // CPython 3.11.7's own Lib (with its tests) before a distribution's trimmed copy.
        cands.extend(["/root/.pyenv/versions/3.11.7/lib/python3.11", "/usr/lib/python3.11", "/usr/local/lib/python3.11"].map(PathBuf::from));
        cands.into_iter().find(|p| p.join("os.py").exists())
    }

    fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("site-packages") {
                    py_files(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }

    /// Every source of CPython's standard library (tests included) that compiles,
    /// at each optimization level for the non-test part, survives a round trip.
    #[test]
    fn stdlib_round_trip() {
        let Some(dir) = stdlib_dir() else {
            eprintln!("no CPython 3.11 standard library found: round trip skipped");
            return;
        };
        let mut files = Vec::new();
        py_files(&dir, &mut files);
        files.sort();
        let mut done = 0;
        for f in &files {
            let Ok(src) = std::fs::read_to_string(f) else { continue };
            let name = f.to_string_lossy();
            let levels: &[u8] = if name.contains("/test/") { &[0] } else { &[0, 2] };
            for &optimize in levels {
                if let Ok(code) = compile(&src, &name, Mode::Exec, CompileOptions { optimize, ..Default::default() }) {
                    roundtrip(&code);
                    done += 1;
                }
            }
        }
        assert!(done > 500, "only {done} modules compiled under {}", dir.display());
        eprintln!("{done} compilations of {} files under {} round-tripped", files.len(), dir.display());
    }

    #[test]
    fn constants_of_every_kind() {
        let src = "a = (None, True, False, ..., 0, -1, 2**62, 2**63, -2**64, 10**100, -(10**100), 1.5, -0.0, \
                   float('nan'), 1e308*10, 2j, -0.0-1j, 'x', 'é€😀', b'\\x00\\xff', frozenset({1, 'a', (2, 3)}))\n\
                   def f(a, /, b, *c, d, **e):\n    def g(): return a, d\n    return g\n\
                   x = {1, 2, 3}\nfor i in x: pass\nassert x in {frozenset()}\n";
        let code = compile(src, "k.py", Mode::Exec, CompileOptions::default()).unwrap();
        roundtrip(&code);
    }

    #[test]
    fn stale_or_damaged_files_are_rejected() {
        let src = "import os\ndef f(x):\n    try:\n        return x[0]\n    except IndexError:\n        return 'doc'\n";
        let code = compile(src, "m.py", Mode::Exec, CompileOptions::default()).unwrap();
        let file = encode(&code, STAMP);
        assert!(decode(&file, STAMP, "m.py").is_some());
        // The file name stored is replaced by the one the module is found under.
        assert_eq!(&*decode(&file, STAMP, "/new/m.py").unwrap().filename, "/new/m.py");
        for other in [
            Stamp { mtime_ns: STAMP.mtime_ns + 1, ..STAMP },
            Stamp { size: STAMP.size + 1, ..STAMP },
            Stamp { optimize: 1, ..STAMP },
        ] {
            assert!(decode(&file, other, "m.py").is_none());
        }
        let mut wrong = file.clone();
        wrong[8] ^= 1; // another compiler's fingerprint
        assert!(decode(&wrong, STAMP, "m.py").is_none());
        for n in 0..file.len() {
            assert!(decode(&file[..n], STAMP, "m.py").is_none(), "truncated at {n}");
        }
        for i in HEADER_LEN..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x5a;
            assert!(decode(&bad, STAMP, "m.py").is_none(), "damaged at {i}");
            // Without the checksum the decoder still never panics.
            let _ = deserialize(&bad[HEADER_LEN..], None);
        }
    }
}
