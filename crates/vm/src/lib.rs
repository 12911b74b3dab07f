//! The Ferropy virtual machine: values and the garbage-collected heap, the object
//! model and builtin types, the bytecode interpreter, exceptions, imports and the
//! builtin modules. See docs/architecture.md for how the pieces fit.

pub mod asyncgen_hooks;
pub mod attr;
pub mod builtins;
pub mod bytes;
pub mod bytes_methods;
pub mod bytes_printf;
pub mod call;
pub mod codecs;
pub mod complex;
pub mod dict;
pub mod dict_methods;
pub mod exc_print;
pub mod exc_unicode;
pub mod exceptions;
pub mod float;
pub mod frame;
pub mod func_type;
pub mod function;
pub mod gc;
pub mod generator;
pub mod generic_alias;
pub mod globals;
pub mod hash;
pub mod import;
pub mod int;
pub mod interp;
pub mod icache;
pub mod iter;
pub mod list;
pub mod memory;
pub mod memoryview;
pub mod module;
pub mod modules;
pub mod names;
pub mod number;
pub mod object;
pub mod object_type;
pub mod ops;
pub mod pattern;
pub mod profile;
pub mod trace;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod signals;
pub mod signatures;
pub mod singletons;
pub mod slice;
pub mod stack;
pub mod str;
pub mod str_format;
pub mod suggestions;
pub mod str_methods;
pub mod super_type;
pub mod sys;
pub mod tuple;
pub mod typeobj;
pub mod typeobj_bases;
pub mod typeobj_methods;
pub mod type_layout;
pub mod unraisable;
pub mod types;
pub mod value;
pub mod vm;
pub mod weakref;

pub use object::{Args, PyErr, PyResult};
pub use value::Value;
pub use vm::{Config, Vm};

/// Allocation of heap memory failed: CPython aborts too ("Fatal Python error").
pub fn fatal_memory() -> ! {
    eprintln!("Fatal Python error: out of memory");
    std::process::exit(1)
}

/// An absolute, lexically normalised path (as `os.path.abspath`).
pub fn cli_path(p: &std::path::Path) -> String {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().map(|c| c.join(p)).unwrap_or_else(|_| p.to_path_buf()) };
    let mut out = std::path::PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out.to_string_lossy().into_owned()
}
