//! `bytes % args` (PEP 461). The format crate drives the operation on text:
//! the bytes are seen as Latin-1 characters (one char per byte) and the result
//! is turned back into bytes, so every rendered piece must stay below U+0100.

use crate::object::PyResult;
use crate::str_format::{printf_floating, printf_integer, printf_star, PrintfError};
use crate::value::Value;
use crate::vm::Vm;
use format::printf::ConvSpec;

fn latin1(b: &[u8]) -> String {
    b.iter().map(|x| *x as char).collect()
}

struct BytesPrintf<'v> {
    vm: &'v mut Vm,
    operand: Value,
    mapping: bool,
}

impl BytesPrintf<'_> {
    /// `%b`/`%s`: a bytes-like object or one with `__bytes__`.
    fn bytes_arg(&mut self, v: Value) -> Result<Vec<u8>, PrintfError> {
        if let Some(b) = crate::bytes::buffer_bytes(v) {
            return Ok(b);
        }
        if let Some(r) = crate::call::call_special(self.vm, v, "__bytes__", &[])? {
            if let Some(b) = crate::bytes::as_bytes(r) {
                return Ok(b);
            }
            let m = format!("__bytes__ returned non-bytes (type {})", self.vm.type_name(r));
            return Err(self.vm.type_error(m).into());
        }
        let m = format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            self.vm.type_name(v)
        );
        Err(self.vm.type_error(m).into())
    }

    /// `%c`: an int in range(256) or a single byte.
    fn byte_arg(&mut self, v: Value) -> Result<u8, PrintfError> {
        if let Some(b) = crate::bytes::as_bytes(v) {
            if b.len() == 1 {
                return Ok(b[0]);
            }
        } else if crate::int::is_int(self.vm, v) {
            let b = crate::int::to_bigint(self.vm, v).expect("int");
            return u8::try_from(&b).map_err(|_| self.vm.overflow_error("%c arg not in range(256)").into());
        }
        Err(self.vm.type_error("%c requires an integer in range(256) or a single byte").into())
    }
}

impl format::printf::PrintfArgs for BytesPrintf<'_> {
    type Value = Value;
    type Error = PrintfError;

    fn tuple_len(&self) -> Option<usize> {
        crate::str_format::printf_tuple_len(self.operand)
    }

    fn item(&mut self, i: usize) -> Value {
        crate::str_format::printf_item(self.operand, i)
    }

    fn is_mapping(&self) -> bool {
        self.mapping
    }

    fn lookup(&mut self, key: &str) -> Result<Value, PrintfError> {
        let k = crate::bytes::new_bytes(self.vm, key.chars().map(|c| c as u32 as u8).collect());
        Ok(crate::ops::getitem(self.vm, self.operand, k)?)
    }

    fn star(&mut self, v: Value) -> Result<i64, PrintfError> {
        printf_star(self.vm, v)
    }

    fn conversions(&self) -> &'static str {
        "diuoxXeEfFgGcrsab"
    }

    fn what(&self) -> &'static str {
        "bytes"
    }

    type Out = String;

    fn convert(&mut self, v: Value, spec: &ConvSpec, out: &mut String) -> Result<(), PrintfError> {
        out.push_str(&self.render(v, spec)?);
        Ok(())
    }
}

impl BytesPrintf<'_> {
    /// One conversion as Latin-1 text.
    fn render(&mut self, v: Value, spec: &ConvSpec) -> Result<String, PrintfError> {
        crate::memory::check_size(self.vm, spec.width.unwrap_or(0))?;
        let text = match spec.conv {
            's' | 'b' => latin1(&self.bytes_arg(v)?),
            'r' | 'a' => {
                let r = crate::ops::ascii(self.vm, v)?;
                crate::str::as_str(r).unwrap_or("").to_string()
            }
            'c' => (self.byte_arg(v)? as char).to_string(),
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => return printf_integer(self.vm, v, spec),
            _ => return printf_floating(self.vm, v, spec),
        };
        // Precision truncates %b like %s.
        let spec = ConvSpec { conv: if spec.conv == 'b' { 's' } else { spec.conv }, ..*spec };
        Ok(format::printf::printf_str(&text, &spec))
    }
}

/// `fmt % operand` for bytes and bytearray: the resulting bytes.
pub fn printf(vm: &mut Vm, fmt: &[u8], operand: Value) -> PyResult<Vec<u8>> {
    let t = vm.type_of(operand);
    let mapping = crate::typeobj::lookup_str(vm, t, "__getitem__").is_some()
        && !crate::tuple::is_tuple(operand)
        && !operand.is::<crate::bytes::BytesObj>()
        && !operand.is::<crate::bytes::ByteArrayObj>()
        && crate::str::as_str(operand).is_none();
    let text = latin1(fmt);
    let mut p = BytesPrintf { vm, operand, mapping };
    let mut out = String::with_capacity(text.len());
    match format::printf::format_printf(&text, &mut p, &mut out) {
        Ok(()) => Ok(out.chars().map(|c| c as u32 as u8).collect()),
        Err(e) => Err(e.into_py(vm)),
    }
}
