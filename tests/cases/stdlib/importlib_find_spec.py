# importlib.util.find_spec and importlib._bootstrap._find_spec: built-in
# modules, source modules, packages, missing modules, finders on sys.meta_path.
import sys
import importlib.util
from importlib._bootstrap import _find_spec

spec = importlib.util.find_spec("_imp")
print(spec.name, spec.origin, spec.loader.__name__)
spec = _find_spec("json", None)
print(spec.name, spec.submodule_search_locations is not None, spec.origin.endswith("json/__init__.py"))
spec = _find_spec("json.decoder", sys.modules.get("json", __import__("json")).__path__)
print(spec.name, spec.origin.endswith("decoder.py"))
print(_find_spec("no_such_module_here", None))
print(importlib.util.find_spec("no_such_module_here"))
print(importlib.util.find_spec("sys").origin)

class Finder:
    def find_spec(self, name, path, target=None):
        if name == "virtual_mod":
            return importlib.util.spec_from_loader(name, None, origin="virtual")
        return None

sys.meta_path.insert(0, Finder())
print(importlib.util.find_spec("virtual_mod").origin)
sys.meta_path.pop(0)
print(importlib.util.find_spec("virtual_mod"))
try:
    importlib.util.find_spec("no_such_pkg.sub")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
