import sys; sys.path.insert(0, sys.path[0] + "/lib")
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from shapes import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import shapes.nothing_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import attr_mod.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
import sys
try:
    import raising_mod
except ValueError as e:
    print(type(e).__name__, e, "raising_mod" in sys.modules)
