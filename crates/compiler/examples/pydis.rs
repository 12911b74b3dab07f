//! `cargo run -p ferropy-compiler --example pydis -- file.py [exec|eval|single]`:
//! prints the disassembly or the SyntaxError.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).cloned().unwrap_or_else(|| "-".into());
    let src = if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).ok();
        s
    } else {
        std::fs::read_to_string(&path).unwrap_or_default()
    };
    let mode = match args.get(2).map(|s| s.as_str()) {
        Some("eval") => compiler::Mode::Eval,
        Some("single") => compiler::Mode::Single,
        _ => compiler::Mode::Exec,
    };
    match compiler::compile(&src, &path, mode, Default::default()) {
        Ok(code) => print!("{}", compiler::dis::disassemble(&code)),
        Err(e) => println!("{:?}: {} ({}:{}:{}-{}:{}) text={:?}", e.kind, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text),
    }
}
