# Objects in sys.modules that are not modules: from-imports, star imports and
# submodule lookups read their attributes.
import sys, types
class NS:
    __path__ = []
    __all__ = ['a']
    a = 1
    b = 2
sys.modules['fake'] = NS
from fake import a
print(a)
from fake import *
print(a)
class D:
    def __init__(self): self.__dict__.update(x=1, _y=2)
sys.modules['fake2'] = D()
from fake2 import *
print(x, '_y' in dir())
sys.modules['fake3'] = 3
try:
    from fake3 import *
except ImportError as e: print('ImportError', e)
class Bad:
    __all__ = [1]
    __name__ = 'badmod'
sys.modules['fake4'] = Bad
try:
    from fake4 import *
except TypeError as e: print('TypeError', e)
m = types.ModuleType('fake5'); m.__dict__[1] = 2
sys.modules['fake5'] = m
try:
    from fake5 import *
except TypeError as e: print('TypeError', e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    from typing.io import IO, __name__ as n
print(n, len(w))
