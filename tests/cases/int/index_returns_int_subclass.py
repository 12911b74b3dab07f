# __index__ or __int__ returning a strict subclass of int warns
# (DeprecationWarning); a non-int result is a TypeError.
import operator
import warnings

class BadIndex:
    def __index__(self):
        return True

class BadInt:
    def __int__(self):
        return True

class IntSub(int):
    def __index__(self):
        return True

class NonInt:
    def __index__(self):
        return 1.5

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(operator.index(BadIndex()), [1, 2, 3][BadIndex()])
    print(int(BadInt()))
    print(operator.index(IntSub()))
    for x in w:
        print(x.category.__name__, x.message)

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        operator.index(BadIndex())
    except DeprecationWarning as e:
        print('raised', type(e).__name__)
try:
    operator.index(NonInt())
except TypeError as e:
    print('TypeError', e)
