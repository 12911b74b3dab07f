//! No-panic fuzzing of every entry point with pseudo-random inputs.

use format::{float_repr, parse, printf, spec, text};
use num_bigint::BigInt;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
    fn string(&mut self, alphabet: &[char], max: u64) -> String {
        let n = self.next() % (max + 1);
        (0..n).map(|_| self.pick(alphabet)).collect()
    }
}

#[test]
fn no_panics() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let num: Vec<char> = "0123456789_+-. xXoObBeEpPjJ%aAfFinNtyzZ\t\n\u{663}\u{a0}\u{2003}é".chars().collect();
    let specs: Vec<char> = "<>=^+- z#0123456789,_.bcdeEfFgGnosxX%\u{665}é*".chars().collect();
    let pf: Vec<char> = "%()-+ #0123456789.*hlLdiuoxXeEfFgGcrsaky\u{e9}".chars().collect();
    for _ in 0..20000 {
        let s = rng.string(&num, 12);
        for base in [0, 2, 8, 10, 16, 36] {
            let _ = parse::parse_int(&s, base);
        }
        let _ = parse::parse_float(&s);
        let _ = float_repr::float_fromhex(&s);
        let x = f64::from_bits(rng.next());
        let r = float_repr::float_repr(x);
        if !x.is_nan() {
            assert_eq!(parse::parse_float(&r).unwrap().to_bits(), x.to_bits(), "{}", r);
            assert_eq!(float_repr::float_fromhex(&float_repr::float_hex(x)).unwrap().to_bits(), x.to_bits());
        }
        let sp = rng.string(&specs, 8);
        let _ = spec::format_float_spec(x, &sp, "float");
        let _ = spec::format_int_spec(&BigInt::from(rng.next() as i64), &sp, "int");
        let _ = spec::format_str_spec(&s, &sp, "str");
        let _ = spec::format_complex_spec(x, -x, &sp, "complex");
        let _ = printf::parse_printf(&rng.string(&pf, 10));
        let _ = text::title(&s);
        let _ = text::zfill(&s, (rng.next() % 20) as usize);
    }
}
