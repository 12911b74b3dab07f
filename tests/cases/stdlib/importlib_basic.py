# importlib: import_module, relative names, machinery path finders, _imp.
import importlib
import importlib.machinery
import _imp

print(importlib.import_module("textwrap").__name__)
print(importlib.import_module(".errors", "email").__name__)
spec = importlib.machinery.PathFinder.find_spec("textwrap")
print(spec.name, spec.origin.endswith("textwrap.py"), type(spec.loader).__name__, spec.parent)
print(importlib.machinery.PathFinder.find_spec("nonexistent_zz"))
pkg = importlib.machinery.PathFinder.find_spec("email")
print(pkg.name, pkg.parent, pkg.submodule_search_locations[0].endswith("email"))
print(_imp.is_builtin("sys"), _imp.is_builtin("textwrap"), type(_imp.extension_suffixes()).__name__)
print(importlib.machinery.ModuleSpec("a", None))
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
for name, package in [("nonexistent_zz", None), ("..x", "a"), (".x", None), ("", None)]:
    try:
        importlib.import_module(name, package)
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
