import sys; sys.path.insert(0, sys.path[0] + "/lib")
import lazy_mod
print(lazy_mod.real, lazy_mod.dynamic_thing, dir(lazy_mod))
try:
    lazy_mod.forbidden
except AttributeError as e:
    print(type(e).__name__, e)
from lazy_mod import anything_goes
print(anything_goes)
