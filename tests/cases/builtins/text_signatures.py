# inspect.signature of builtin functions, methods and types reads their
# __text_signature__; rlcompleter uses it to close calls that take no arguments.
import inspect, math, itertools, functools
class C: pass
class D:
    def __init__(self, a, b=2): pass
for f in [len, print, sorted, C.mro, C, D, int.__add__, (1).__add__, [].append, list.append, dict.fromkeys, math.sqrt, itertools.chain, functools.reduce, str.join, object, object.__init__, divmod, getattr, iter, min, type, int, dict.get, {}.get, sum]:
    try:
        print(repr(getattr(f, '__text_signature__', 'none')), inspect.signature(f))
    except (ValueError, TypeError) as e:
        print(f, type(e).__name__, e)
import rlcompleter
class CompleteMe:
    spam = 1
    _ham = 2
c = rlcompleter.Completer(dict(CompleteMe=CompleteMe))
print(c.attr_matches('CompleteMe.sp'), c.attr_matches('CompleteMe.mro'), c.global_matches('CompleteM'))
