# A submodule named in a from-import that itself imports a missing module: the
# ModuleNotFoundError for that module propagates (only the submodule itself
# being absent is ignored by the fromlist handling).
import sys; sys.path.insert(0, sys.path[0] + "/lib")
try:
    import brokenpkg
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from shapes import no_such_submodule
except ImportError as e:
    print(type(e).__name__, e, e.name)
import shapes
print(__import__('shapes', fromlist=['no_such_submodule']) is shapes)
