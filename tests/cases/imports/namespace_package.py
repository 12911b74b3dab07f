import nspkg.part
from nspkg import other
print(nspkg.part.WHO, other.WHO, nspkg.__name__, nspkg.__file__ if hasattr(nspkg, "__file__") else "no __file__")
print(nspkg.__spec__.name, nspkg.__spec__.origin, hasattr(nspkg, "__path__"), nspkg.part.__package__)
