# importlib.abc imports; a SourceLoader subclass (get_filename/get_data) loads a
# module from memory; the machinery loaders are registered with the ABCs.
import importlib.abc
import importlib.machinery
import importlib.util
import sys


class MemLoader(importlib.abc.SourceLoader):
    sources = {"memmod": b"x = 40 + 2\ndef f():\n    return __name__\n", "badmod": b"1/0\n"}

    def get_filename(self, fullname):
        return "<mem " + fullname + ">"

    def get_data(self, path):
        return self.sources[path[5:-1]]


loader = MemLoader()
for name in ("memmod", "badmod"):
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    try:
        loader.exec_module(mod)
        print(name, mod.x, mod.f(), loader.is_package(name), loader.get_source(name).splitlines()[0])
    except ZeroDivisionError as e:
        print(name, "ZeroDivisionError", e)
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.SourceLoader),
      issubclass(importlib.machinery.SourceFileLoader, importlib.abc.FileLoader),
      issubclass(importlib.machinery.FileFinder, importlib.abc.PathEntryFinder))
try:
    loader.path_mtime("x")
except OSError as e:
    print("OSError", e)


class NoCode(importlib.abc.InspectLoader):
    def get_source(self, fullname):
        return None

    def get_code(self, fullname):
        return None


try:
    NoCode().exec_module(type(sys)("nocode"))
except ImportError as e:
    print("ImportError", e)
import importlib._bootstrap_external as ext
print(ext.path_sep, ext._unpack_uint16(b"\x01\x02"), ext._get_cached("a/b.py").startswith("a/__pycache__/b."))
