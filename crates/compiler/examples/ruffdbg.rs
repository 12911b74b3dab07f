//! Prints ruff's raw parse errors for snippets separated by "\n----\n" (debugging aid).
fn main() {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).ok();
    for (i, snippet) in s.split("\n----\n").enumerate() {
        let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
            .with_target_version(ruff_python_ast::PythonVersion::PY311);
        let p = ruff_python_parser::parse_unchecked(snippet, opts);
        let e: Vec<String> = p.errors().iter().map(|e| format!("{:?}@{:?}", e.error, e.location)).collect();
        let u: Vec<String> = p.unsupported_syntax_errors().iter().map(|e| format!("{:?}", e.kind)).collect();
        println!("{}: {:?} {:?}", i + 1, e.first(), u.first());
    }
}
