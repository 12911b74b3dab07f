//! `_frozen_importlib` and `_frozen_importlib_external`: the loader objects the
//! import system puts in `__loader__` and `__spec__.loader`, with the interface of
//! CPython's (importlib/_bootstrap.py, _bootstrap_external.py). Written in Python:
//! they are plain classes, run once when first needed.

use crate::object::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `BuiltinImporter` and `FrozenImporter`: used as classes, as CPython does.
const BOOTSTRAP: &str = r#"
import sys

class BuiltinImporter:
    """Meta path import for built-in modules."""
    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

class FrozenImporter:
    """Meta path import for frozen modules."""
    _ORIGIN = "frozen"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

for _c in (BuiltinImporter, FrozenImporter):
    _c.__module__ = "_frozen_importlib"
del _c
"#;

/// `SourceFileLoader` and `NamespaceLoader`.
const EXTERNAL: &str = r#"
class FileLoader:
    """Base file loader class which implements the loader protocol methods that
    require file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def is_package(self, fullname):
        filename = self.path.rpartition("/")[2]
        return filename.rsplit(".", 1)[0] == "__init__"

    def create_module(self, spec):
        return None

    def get_code(self, fullname):
        return compile(self.get_data(self.path), self.path, "exec", dont_inherit=True)

    def exec_module(self, module):
        exec(self.get_code(module.__name__), module.__dict__)

class SourceFileLoader(FileLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def get_source(self, fullname):
        return self.get_data(self.path).decode()

    def path_stats(self, path):
        import os
        st = os.stat(path)
        return {"mtime": st.st_mtime, "size": st.st_size}

class NamespaceLoader:
    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

for _c in (FileLoader, SourceFileLoader, NamespaceLoader):
    _c.__module__ = "_frozen_importlib_external"
del _c
"#;

fn run(vm: &mut Vm, m: Value, src: &str, name: &str) -> PyResult<()> {
    let code = crate::import::compile_source(vm, src, &format!("<frozen {name}>"), compiler::Mode::Exec, 0)?;
    let d = crate::module::module_dict(m);
    crate::interp::run_code(vm, code, d, d)?;
    Ok(())
}

pub fn init_bootstrap(vm: &mut Vm, m: Value) -> PyResult<()> {
    run(vm, m, BOOTSTRAP, "importlib._bootstrap")
}

pub fn init_external(vm: &mut Vm, m: Value) -> PyResult<()> {
    run(vm, m, EXTERNAL, "importlib._bootstrap_external")
}
