//! Reads snippets separated by "\n----\n" on stdin; prints one line per snippet:
//! `kind|msg|lineno|offset|end_lineno|end_offset|has_text` or `ok`.
fn main() {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).ok();
    for snippet in s.split("\n----\n") {
        match compiler::compile(snippet, "<s>", compiler::Mode::Exec, Default::default()) {
            Ok(_) => println!("ok"),
            Err(e) => println!("{:?}|{}|{}|{}|{}|{}|{}", e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text.is_some()),
        }
    }
}
