//! str methods against CPython 3.11 results in data/text.tsv (tests/gen_text.py).

use format::text::*;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => out.push('\x1f'),
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
    }
    out
}

fn list(v: Vec<&str>) -> String {
    v.iter().map(|s| format!("{}\x1f", s)).collect()
}

fn run(op: &str, s: &str) -> String {
    let b = |v: bool| if v { "True" } else { "False" }.to_string();
    match op {
        "upper" => upper(s),
        "lower" => lower(s),
        "casefold" => casefold(s),
        "swapcase" => swapcase(s),
        "title" => title(s),
        "capitalize" => capitalize(s),
        "isidentifier" => b(is_identifier(s)),
        "islower" => b(str_islower(s)),
        "isupper" => b(str_isupper(s)),
        "istitle" => b(str_istitle(s)),
        "isspace" => b(str_all(s, is_space)),
        "isalpha" => b(str_all(s, is_alpha)),
        "isalnum" => b(str_all(s, is_alnum)),
        "isdecimal" => b(str_all(s, is_decimal)),
        "isdigit" => b(str_all(s, is_digit)),
        "isnumeric" => b(str_all(s, is_numeric)),
        "isprintable" => b(str_isprintable(s)),
        "expandtabs8" => expandtabs(s, 8),
        "expandtabs3" => expandtabs(s, 3),
        "expandtabs0" => expandtabs(s, 0),
        "splitlines" => list(splitlines(s, false)),
        "splitlines_keep" => list(splitlines(s, true)),
        "split" => list(split_whitespace(s, -1)),
        "split1" => list(split_whitespace(s, 1)),
        "rsplit" => list(rsplit_whitespace(s, -1)),
        "rsplit1" => list(rsplit_whitespace(s, 1)),
        "split_a" => list(split_sep(s, "a", -1).unwrap()),
        "rsplit_a1" => list(rsplit_sep(s, "a", 1).unwrap()),
        "strip" => strip(s, None, true, true).to_string(),
        "lstrip" => strip(s, None, true, false).to_string(),
        "rstrip" => strip(s, None, false, true).to_string(),
        "strip_ab" => strip(s, Some("ab"), true, true).to_string(),
        "center9" => center(s, 9, '*'),
        "center10" => center(s, 10, ' '),
        "zfill6" => zfill(s, 6),
        "ljust7" => ljust(s, 7, '-'),
        "rjust7" => rjust(s, 7, ' '),
        _ => panic!("unknown op {}", op),
    }
}

#[test]
fn cpython_text_table() {
    let data = include_str!("data/text.tsv");
    let ops: Vec<&str> = data.lines().find(|l| l.starts_with("#ops\t")).unwrap().split('\t').skip(1).collect();
    let mut failures = Vec::new();
    for line in data.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "#ops" {
            continue;
        }
        if cols[0] == "#chars" {
            let pred: fn(char) -> bool = match cols[1] {
                "isspace" => is_space,
                "isalpha" => is_alpha,
                "isdecimal" => is_decimal,
                "isdigit" => is_digit,
                "isnumeric" => is_numeric,
                "isprintable" => is_printable,
                "islower" => is_lower,
                "isupper" => is_upper,
                "isidentifier" => is_xid_start,
                _ => is_alnum,
            };
            for (cp, bit) in cols[2].chars().enumerate() {
                let c = char::from_u32(cp as u32).unwrap();
                if pred(c) != (bit == '1') {
                    failures.push(format!("{}({:?})", cols[1], c));
                }
            }
            continue;
        }
        let s = unescape(cols[0]);
        for (op, want) in ops.iter().zip(&cols[1..]) {
            let got = run(op, &s);
            if got != unescape(want) {
                failures.push(format!("{}({:?}): got {:?} want {:?}", op, s, got, unescape(want)));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}

#[test]
fn split_errors() {
    assert_eq!(split_sep("a", "", -1).unwrap_err().msg, "empty separator");
    assert_eq!(rsplit_sep("a", "", -1).unwrap_err().msg, "empty separator");
}
