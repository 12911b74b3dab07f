//! The codecs of `TextIOWrapper`: UTF-8 (and UTF-8 with a BOM), Latin-1 and ASCII
//! natively and incrementally; any other encoding through the `codecs` module's
//! incremental encoder and decoder objects. Error handlers other than 'strict' go
//! to `crate::codecs` (str.encode/bytes.decode's implementation); lone surrogates
//! cannot be represented by our str, so 'surrogateescape' decodes undecodable bytes
//! as U+FFFD (as 'replace' does) and encodes as 'strict' would.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Native {
    Utf8,
    Utf8Sig,
    Latin1,
    Ascii,
}

impl Native {
    /// The codec for an encoding name, if native (`encodings.normalize_encoding`
    /// plus the usual aliases).
    pub fn lookup(name: &str) -> Option<Native> {
        let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Native::Utf8,
            "utf_8_sig" | "utf8_sig" => Native::Utf8Sig,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Native::Latin1,
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367" => Native::Ascii,
            _ => return None,
        })
    }

    /// The name `crate::codecs` knows it by.
    fn base_name(self) -> &'static str {
        match self {
            Native::Utf8 | Native::Utf8Sig => "utf-8",
            Native::Latin1 => "latin-1",
            Native::Ascii => "ascii",
        }
    }

    /// The first code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Native::Latin1 => 0x100,
            Native::Ascii => 0x80,
            _ => 0x11_0000,
        }
    }
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// A native decoder's state: bytes of an incomplete UTF-8 sequence, and whether a
/// UTF-8 BOM may still come.
#[derive(Clone, Default)]
pub struct DecState {
    pub pending: Vec<u8>,
    pub bom_done: bool,
}

impl DecState {
    pub fn is_clean(&self) -> bool {
        self.pending.is_empty()
    }

    /// Joins pending bytes and `input`, strips a BOM, keeps an incomplete UTF-8 tail
    /// pending (unless `final_`): the bytes to decode now.
    fn split(&mut self, native: Native, input: &[u8], final_: bool) -> Vec<u8> {
        let mut data = std::mem::take(&mut self.pending);
        data.extend_from_slice(input);
        if native == Native::Utf8Sig && !self.bom_done {
            if data.len() < 3 && !final_ && BOM.starts_with(&data) {
                self.pending = data;
                return Vec::new();
            }
            if data.starts_with(BOM) {
                data.drain(..3);
            }
            self.bom_done = true;
        }
        if !final_ && matches!(native, Native::Utf8 | Native::Utf8Sig) {
            let cut = incomplete_tail(&data);
            self.pending = data.split_off(cut);
        }
        data
    }

    /// Decodes valid input without Python objects; `None` when the bytes need an
    /// error handler.
    pub fn decode_pure(&mut self, native: Native, input: &[u8], final_: bool) -> Option<String> {
        let data = self.split(native, input, final_);
        decode_complete(native, data).ok()
    }
}

/// Where an incomplete UTF-8 sequence at the end of `b` starts (`b.len()` if none).
fn incomplete_tail(b: &[u8]) -> usize {
    let n = b.len();
    for back in 1..=3.min(n) {
        let c = b[n - back];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = match c {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        return if need > back { n - back } else { n };
    }
    n
}

/// Decodes complete input of a native codec; `Err(data)` gives the bytes back when
/// they hold something undecodable.
fn decode_complete(native: Native, data: Vec<u8>) -> Result<String, Vec<u8>> {
    match native {
        Native::Latin1 => Ok(data.iter().map(|b| *b as char).collect()),
        Native::Ascii if !data.is_ascii() => Err(data),
        _ => String::from_utf8(data).map_err(|e| e.into_bytes()),
    }
}

/// The handler name to give `crate::codecs` for `errors` when decoding.
fn decode_handler(errors: &str) -> &str {
    match errors {
        "surrogateescape" => "replace",
        "surrogatepass" => "strict",
        e => e,
    }
}

/// Decodes `input` with a native codec, error handler `errors`.
pub fn decode_native(vm: &mut Vm, st: &mut DecState, native: Native, errors: &str, input: &[u8], final_: bool) -> PyResult<String> {
    let data = st.split(native, input, final_);
    match decode_complete(native, data) {
        Ok(s) => Ok(s),
        Err(data) => {
            let b = crate::bytes::new_bytes(vm, data);
            let _pin = crate::gc::pin(b);
            let enc = vm.intern(native.base_name());
            let errs = vm.intern(decode_handler(errors));
            let r = crate::codecs::decode_value(vm, b, enc, errs, "decode")?;
            Ok(crate::str::as_str(r).unwrap_or("").to_string())
        }
    }
}

/// Encodes `text` (the str `s` when it is exactly that text, else NULL) natively.
pub fn encode_native(vm: &mut Vm, native: Native, errors: &str, text: &str, s: Value) -> PyResult<Vec<u8>> {
    let limit = native.limit();
    let exact = !s.is_null() && crate::str::has_surrogates(s);
    if !exact && (limit > 0xffff || text.chars().all(|c| (c as u32) < limit)) {
        return Ok(if limit > 0xffff { text.as_bytes().to_vec() } else { text.chars().map(|c| c as u32 as u8).collect() });
    }
    let s = if s.is_null() { crate::str::alloc_str(vm, text) } else { s };
    let _pin = crate::gc::pin(s);
    let enc = vm.intern(native.base_name());
    let errs = vm.intern(errors);
    let r = crate::codecs::encode_str(vm, s, enc, errs, "encode")?;
    Ok(crate::bytes::as_bytes(r).unwrap_or_default())
}

/// `codecs.<factory>(encoding)(errors)`: an incremental encoder or decoder.
pub fn python_codec(vm: &mut Vm, factory: &str, encoding: Value, errors: Value) -> PyResult {
    let codecs = crate::import::import_simple(vm, "codecs")?;
    let f = crate::attr::getattr_str(vm, codecs, factory)?;
    let cls = crate::call::call(vm, f, &[encoding])?;
    crate::call::call(vm, cls, &[errors])
}

/// Checks that `encoding` names a codec (LookupError "unknown encoding: X").
pub fn check_encoding(vm: &mut Vm, encoding: &str, enc_value: Value) -> PyResult<Option<Native>> {
    if let Some(n) = Native::lookup(encoding) {
        return Ok(Some(n));
    }
    let found = match crate::import::import_simple(vm, "codecs") {
        Ok(codecs) => {
            let f = crate::attr::getattr_str(vm, codecs, "lookup")?;
            crate::call::call(vm, f, &[enc_value]).map(|_| ())
        }
        Err(_) => {
            let t = vm.e.lookup_error;
            Err(vm.new_exc(t, format!("unknown encoding: {encoding}")))
        }
    };
    found.map(|_| None)
}
