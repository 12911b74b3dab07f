//! The interactive interpreter: `>>> ` and `... ` prompts, line editing and
//! history on a terminal (rustyline), plain lines with prompts on stderr
//! otherwise, as CPython does.

use crate::cli::Options;
use vm::{Value, Vm};

/// Reads one statement: more lines while brackets, strings or a block are
/// open; a block (after `:`) ends only at a blank line. None at end of input.
fn read_statement(src: &mut dyn LineSource) -> Option<String> {
    let mut buf = String::new();
    let mut prompt = ">>> ";
    let mut in_block = false;
    loop {
        let l = match src.read(prompt) {
            // End of input also ends a pending statement, which still runs.
            Input::Eof => {
                eprintln!();
                return if buf.is_empty() { None } else { Some(buf) };
            }
            Input::Interrupt => {
                eprintln!("\nKeyboardInterrupt");
                buf.clear();
                prompt = ">>> ";
                in_block = false;
                continue;
            }
            Input::Line(l) => l,
        };
        buf.push_str(&l);
        buf.push('\n');
        if in_block {
            if l.trim().is_empty() {
                return Some(buf);
            }
            continue;
        }
        match compiler::compile(&buf, "<stdin>", compiler::Mode::Single, Default::default()) {
            Err(e) if incomplete(&e.msg) => {
                in_block = e.msg.starts_with("expected an indented block");
                prompt = "... ";
            }
            _ => return Some(buf),
        }
    }
}

/// Errors that mean "the statement is not finished yet".
fn incomplete(msg: &str) -> bool {
    msg.contains("was never closed")
        || msg.starts_with("expected an indented block")
        || msg.contains("unterminated triple-quoted string")
        || msg.contains("unexpected EOF")
}

enum Input {
    Line(String),
    Eof,
    Interrupt,
}

trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
}

struct Terminal(rustyline::DefaultEditor);

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> Input {
        match self.0.readline(prompt) {
            Ok(l) => {
                if !l.trim().is_empty() {
                    let _ = self.0.add_history_entry(l.as_str());
                }
                Input::Line(l)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => Input::Interrupt,
            Err(_) => Input::Eof,
        }
    }
}

struct Piped;

impl LineSource for Piped {
    fn read(&mut self, prompt: &str) -> Input {
        use std::io::{BufRead, Write};
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => Input::Line(line.trim_end_matches('\n').to_string()),
        }
    }
}

pub fn run(vm: &mut Vm, main: Value, opts: &Options) -> i32 {
    let tty = std::io::IsTerminal::is_terminal(&std::io::stdin());
    if tty && !opts.config.quiet {
        eprintln!("Python 3.11.7 (ferropy) on linux");
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let mut src: Box<dyn LineSource> = match (tty, rustyline::DefaultEditor::new()) {
        (true, Ok(ed)) => Box::new(Terminal(ed)),
        _ => Box::new(Piped),
    };
    let d = vm::module::module_dict(main);
    loop {
        let Some(stmt) = read_statement(src.as_mut()) else { return 0 };
        if stmt.trim().is_empty() {
            continue;
        }
        let opt = vm.config.optimize;
        let r = vm::import::compile_source(vm, &stmt, "<stdin>", compiler::Mode::Single, opt)
            .and_then(|code| vm::interp::run_code(vm, code, d, d));
        if let Err(e) = r {
            if vm::exceptions::is_instance_of(vm, e.0, vm.e.system_exit) {
                return crate::report(vm, e);
            }
            crate::report(vm, e);
        }
        vm::sys::flush_std(vm);
    }
}
