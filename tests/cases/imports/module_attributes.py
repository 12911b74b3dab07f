import sys; sys.path.insert(0, sys.path[0] + "/lib")
import sys
import attr_mod
print(attr_mod.__name__, attr_mod.__file__, attr_mod.__spec__.name, attr_mod.__package__, attr_mod.__doc__)
print(__file__, __spec__, __package__, __name__, sys.modules["__main__"].__name__)
print(type(attr_mod).__name__, attr_mod.__loader__ is not None, "attr_mod" in sys.modules, sys.modules["attr_mod"] is attr_mod)
