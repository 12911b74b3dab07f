# __module__ of builtin functions: the module's name; None for bound methods.
import math, sys, gc
print(len.__module__, math.sin.__module__, sys.getrecursionlimit.__module__, gc.collect.__module__)
print([].append.__module__, int.__new__.__module__, dict.fromkeys.__module__)
print(hasattr(list.append, "__module__"), hasattr(dict.__dict__["fromkeys"], "__module__"))
try:
    list.append.__module__
except AttributeError as e:
    print(type(e).__name__, e)
