//! Compiles every file named on stdin (one path a line); reports failures.
fn main() {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).ok();
    let (mut ok, mut bad) = (0, 0);
    for path in s.lines() {
        let Ok(src) = std::fs::read_to_string(path) else { continue };
        match compiler::compile(&src, path, compiler::Mode::Exec, Default::default()) {
            Ok(_) => ok += 1,
            Err(e) => {
                bad += 1;
                println!("{path}: {:?} {} line {}", e.kind, e.msg, e.lineno);
            }
        }
    }
    println!("ok={ok} failed={bad}");
}
