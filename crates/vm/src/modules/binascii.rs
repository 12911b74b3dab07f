//! The `binascii` module (the parts `base64`, the 'hex' and 'base64' codecs
//! and `zipfile`-style checksums use): hex and base64 conversions with
//! CPython 3.11's rules and messages (lenient and strict base64 decoding),
//! `crc32` and `crc_hqx`, and the `Error`/`Incomplete` exceptions.

use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static ERROR: Cell<Value> = const { Cell::new(Value::NULL) };
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = ERROR.with(|c| c.get());
    vm.new_exc(cls, msg)
}

/// An "ascii buffer" argument: bytes-like, or a str of ASCII characters only.
fn ascii_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = crate::str::as_str(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match crate::bytes::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let m = format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn hexlify(vm: &mut Vm, args: Args) -> PyResult {
    let [data, sep, per] = args.bind(vm, "hexlify", ["data", "sep", "bytes_per_sep"], 1, 0)?;
    let d = crate::bytes::buffer_arg(vm, data)?;
    let s = crate::bytes_methods::hex_impl(vm, &d, sep, per)?;
    let text = crate::str::as_str(s).unwrap_or("").as_bytes().to_vec();
    Ok(crate::bytes::new_bytes(vm, text))
}

fn unhexlify(vm: &mut Vm, args: Args) -> PyResult {
    let [hexstr] = args.bind(vm, "unhexlify", ["hexstr"], 1, 0)?;
    let d = ascii_data(vm, hexstr)?;
    if d.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(d.len() / 2);
    for pair in d.chunks(2) {
        let (Some(hi), Some(lo)) = ((pair[0] as char).to_digit(16), (pair[1] as char).to_digit(16)) else {
            return Err(error(vm, "Non-hexadecimal digit found"));
        };
        out.push((hi << 4 | lo) as u8);
    }
    Ok(crate::bytes::new_bytes(vm, out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult {
    let [data, newline] = args.bind(vm, "b2a_base64", ["data", "newline"], 1, 1)?;
    let d = crate::bytes::buffer_arg(vm, data)?;
    let newline = if newline.is_null() { true } else { crate::ops::truthy(vm, newline)? };
    let mut out = Vec::with_capacity(d.len().div_ceil(3) * 4 + 1);
    for chunk in d.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * k) & 0x3f) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(crate::bytes::new_bytes(vm, out))
}

/// CPython's `binascii_a2b_base64_impl`: other characters are skipped unless
/// `strict`, decoding stops at complete padding.
fn decode_base64(d: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(d.len() / 4 * 3);
    let (mut quad, mut left, mut pads, mut padding_started) = (0, 0u32, 0, false);
    if strict && d.first() == Some(&b'=') {
        return Err("Leading padding not allowed".to_string());
    }
    for (i, &ch) in d.iter().enumerate() {
        if ch == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < d.len() {
                        return Err("Excess data after padding".to_string());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|b| *b == ch) else {
            if strict {
                return Err("Only base64 data is allowed".to_string());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".to_string());
        }
        pads = 0;
        let v = v as u32;
        match quad {
            0 => left = v,
            1 => {
                out.push((left << 2 | v >> 4) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push((left << 4 | v >> 2) as u8);
                left = v & 0x03;
            }
            _ => out.push((left << 6 | v) as u8),
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!("Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4", out.len() / 3 * 4 + 1)),
        _ => Err("Incorrect padding".to_string()),
    }
}

fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult {
    let [data, strict] = args.bind(vm, "a2b_base64", ["data", "strict_mode"], 1, 1)?;
    let d = ascii_data(vm, data)?;
    let strict = !strict.is_null() && crate::ops::truthy(vm, strict)?;
    match decode_base64(&d, strict) {
        Ok(out) => Ok(crate::bytes::new_bytes(vm, out)),
        Err(m) => Err(error(vm, &m)),
    }
}

/// CRC-32 (zlib's polynomial), continuing from `crc`.
fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "crc32", 1, 2)?;
    let d = crate::bytes::buffer_arg(vm, a[0])?;
    let start = match a.get(1) {
        Some(v) => {
            let b = crate::number::index_bigint(vm, *v)?;
            (b & num_bigint::BigInt::from(0xffff_ffffu32)).try_into().unwrap_or(0u32)
        }
        None => 0,
    };
    Ok(crate::int::from_i64(vm, i64::from(crc32_update(start, &d))))
}

fn crc_hqx(vm: &mut Vm, args: Args) -> PyResult {
    let a = args.exact(vm, "crc_hqx", 2, 2)?;
    let d = crate::bytes::buffer_arg(vm, a[0])?;
    let b = crate::number::index_bigint(vm, a[1])?;
    let mut crc: u32 = (b & num_bigint::BigInt::from(0xffffu32)).try_into().unwrap_or(0u32);
    for &byte in &d {
        crc ^= u32::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
        crc &= 0xffff;
    }
    Ok(crate::int::from_i64(vm, i64::from(crc)))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    super::add_functions(
        vm,
        m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", hexlify),
            ("unhexlify", unhexlify),
            ("a2b_hex", unhexlify),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
        ],
    )?;
    let value_error = vm.e.value_error;
    let exception = vm.e.exception;
    let error = super::new_module_exception(vm, "binascii.Error", value_error)?;
    super::set_attr(vm, m, "Error", error)?;
    ERROR.with(|c| c.set(error));
    let incomplete = super::new_module_exception(vm, "binascii.Incomplete", exception)?;
    super::set_attr(vm, m, "Incomplete", incomplete)?;
    Ok(())
}
