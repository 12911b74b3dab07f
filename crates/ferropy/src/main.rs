//! `ferropy`: the command line, behaving like `python3` (options, exit codes,
//! uncaught-exception reports), plus the REPL.

mod cli;
mod repl;

use cli::{Action, Options};
use vm::{Value, Vm};

#[global_allocator]
static ALLOC: vm::gc::CountingAlloc = vm::gc::CountingAlloc;

/// The interpreter runs on its own thread with a large stack: deep (but legal)
/// recursion hits the recursion limit long before the native stack ends.
const STACK_SIZE: usize = 1 << 30;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("Fatal Python error: ferropy internal error: {info}");
        vm::modules::faulthandler::dump_fatal_traceback();
        // Developers ask for the Rust backtrace as Rust programs do.
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    // Options are read from the text; sys.argv keeps the bytes (surrogateescape).
    let raw: Vec<Vec<u8>> = std::env::args_os().map(std::os::unix::ffi::OsStringExt::into_vec).collect();
    let args: Vec<String> = raw.iter().map(|a| String::from_utf8_lossy(a).into_owned()).collect();
    let mut opts = match cli::parse(&args) {
        Ok(o) => o,
        Err(code) => std::process::exit(code),
    };
    opts.config.orig_argv_bytes = raw;
    let child = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || run(opts))
        .expect("spawn interpreter thread");
    vm::signals::block_in_this_thread();
    let code = child.join().unwrap_or(1);
    std::process::exit(code);
}

fn run(opts: Options) -> i32 {
    let marker = 0u8;
    let base = &marker as *const u8 as usize;
    let mut vm = Vm::new(opts.config.clone());
    vm.heap.set_stack_base(base + 256);
    vm.native_stack_limit = base.saturating_sub(STACK_SIZE - (64 << 20));
    vm::signals::install();
    let _ = vm::modules::faulthandler::startup(&mut vm);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_action(&mut vm, &opts)));
    let code = match result {
        Ok(c) => c,
        Err(_) => 1,
    };
    // As Py_FinalizeEx: atexit callbacks run after the main program (and its
    // traceback), before the standard streams are flushed.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm::modules::atexit::run_exitfuncs(&mut vm)));
    vm::sys::flush_std(&mut vm);
    vm::modules::faulthandler::finalize();
    if vm::modules::posix::forked_child() {
        // A child of os.fork() has no launcher thread waiting to exit for it.
        std::process::exit(code);
    }
    code
}

fn run_action(vm: &mut Vm, opts: &Options) -> i32 {
    if !opts.config.warnoptions.is_empty() {
        // As CPython's start-up: `warnings` applies -W options and PYTHONWARNINGS.
        if let Err(e) = vm::import::import_simple(vm, "warnings") {
            vm::sys::write_stderr(vm, "'import warnings' failed; traceback:\n");
            report(vm, e);
        }
    }
    if !opts.config.no_site {
        // `site` needs much of the library; importing it is best-effort for now.
        let _ = vm::import::import_simple(vm, "site").is_ok();
    }
    if let Err(e) = vm::import::insert_path0(vm) {
        return report(vm, e);
    }
    let main = match new_main_module(vm) {
        Ok(m) => m,
        Err(e) => return report(vm, e),
    };
    let r = match &opts.action {
        Action::Command(cmd) => run_source(vm, main, cmd, "<string>"),
        Action::Module(name) => run_module(vm, name),
        Action::Script(path) => run_script(vm, main, path, opts.skip_first_line),
        Action::Stdin => {
            let mut src = String::new();
            use std::io::Read;
            if opts.config.inspect && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                Ok(vm.none)
            } else if std::io::stdin().read_to_string(&mut src).is_ok() {
                run_source(vm, main, &src, "<stdin>")
            } else {
                Ok(vm.none)
            }
        }
        Action::Repl => return repl::run(vm, main, opts),
    };
    let code = match r {
        Ok(_) => 0,
        Err(e) => report(vm, e),
    };
    if opts.config.inspect && !matches!(opts.action, Action::Repl) {
        return repl::run(vm, main, opts).max(code);
    }
    code
}

fn new_main_module(vm: &mut Vm) -> vm::PyResult<Value> {
    let m = vm::module::new_module(vm, "__main__")?;
    let d = vm::module::module_dict(m);
    let b = vm.builtins;
    vm::dict::set_item_str(vm, d, "__builtins__", b)?;
    let mods = vm.modules;
    vm::dict::set_item_str(vm, mods, "__main__", m)?;
    Ok(m)
}

fn run_source(vm: &mut Vm, main: Value, src: &str, filename: &str) -> vm::PyResult<Value> {
    let opt = vm.config.optimize;
    let code = vm::import::compile_source(vm, src, filename, compiler::Mode::Exec, opt)?;
    let d = vm::module::module_dict(main);
    vm::interp::run_code(vm, code, d, d)
}

fn run_script(vm: &mut Vm, main: Value, path: &str, skip_first_line: bool) -> vm::PyResult<Value> {
    let abs = cli::absolute(path);
    let d = vm::module::module_dict(main);
    let p = std::path::Path::new(&abs);
    if p.is_dir() {
        let mainpy = p.join("__main__.py");
        let f = vm::str::alloc_str(vm, &mainpy.to_string_lossy());
        vm::dict::set_item_str(vm, d, "__file__", f)?;
        // runpy runs a directory's `__main__` as a top-level module.
        let empty = vm.empty_str;
        vm::dict::set_item_str(vm, d, "__package__", empty)?;
        return exec_path(vm, d, &mainpy.to_string_lossy(), skip_first_line);
    }
    let f = vm::str::alloc_str(vm, &abs);
    vm::dict::set_item_str(vm, d, "__file__", f)?;
    exec_path(vm, d, &abs, skip_first_line)
}

fn exec_path(vm: &mut Vm, d: Value, path: &str, skip_first_line: bool) -> vm::PyResult<Value> {
    let mut bytes = std::fs::read(path).unwrap_or_default();
    if skip_first_line {
        // Keep line numbers right: the first line becomes empty.
        bytes = match bytes.iter().position(|b| *b == b'\n') {
            Some(i) => bytes[i..].to_vec(),
            None => Vec::new(),
        };
    }
    let src = vm::builtins::decode_source_file(vm, bytes, path)?;
    let opt = vm.config.optimize;
    let code = vm::import::compile_source(vm, &src, path, compiler::Mode::Exec, opt)?;
    vm::interp::run_code(vm, code, d, d)
}

/// `-m name`: runs the module's source as `__main__` (a package runs its
/// `__main__` submodule), with `sys.argv[0]` set to the file.
fn run_module(vm: &mut Vm, name: &str) -> vm::PyResult<Value> {
    let Some(file) = vm::import::find_module_file(vm, name)? else {
        vm::sys::flush_std(vm);
        eprintln!("{}: No module named {name}", std::env::args_os().next().unwrap_or_default().to_string_lossy());
        return Err(exit_error(vm, 1));
    };
    let main = new_main_module(vm)?;
    let d = vm::module::module_dict(main);
    let argv = vm::sys::sys_attr(vm, "argv")?;
    let f = vm::str::alloc_str(vm, &file);
    vm::ops::setitem(vm, argv, Value::small(0), f)?;
    vm::dict::set_item_str(vm, d, "__file__", f)?;
    // A package runs as `name.__main__`, so it is its own `__package__`.
    let modname = if file.ends_with("__main__.py") && !name.ends_with("__main__") { format!("{name}.__main__") } else { name.to_string() };
    let pkg = modname.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
    let pv = vm::str::alloc_str(vm, pkg);
    vm::dict::set_item_str(vm, d, "__package__", pv)?;
    exec_path(vm, d, &file, false)
}

/// A SystemExit carrying an exit code (for errors already reported).
fn exit_error(vm: &mut Vm, code: i64) -> vm::PyErr {
    let t = vm.e.system_exit;
    vm::PyErr(vm::exceptions::new_exception(vm, t, &[Value::small(code)]))
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit code.
pub fn report(vm: &mut Vm, e: vm::PyErr) -> i32 {
    let exc = e.0;
    if vm::exceptions::is_instance_of(vm, exc, vm.e.system_exit) {
        return system_exit_code(vm, exc);
    }
    vm::sys::flush_std(vm);
    vm::sys::print_exception(vm, exc);
    if vm::exceptions::is_instance_of(vm, exc, vm.e.keyboard_interrupt) {
        return 130;
    }
    1
}

fn system_exit_code(vm: &mut Vm, exc: Value) -> i32 {
    let code = vm::attr::getattr_str(vm, exc, "code").unwrap_or(vm.none);
    if code == vm.none {
        return 0;
    }
    if let Some(i) = vm::int::as_i64(code) {
        return i as i32;
    }
    vm::sys::flush_std(vm);
    let s = vm::ops::str_string(vm, code).unwrap_or_default();
    vm::sys::write_stderr(vm, &format!("{s}\n"));
    1
}
