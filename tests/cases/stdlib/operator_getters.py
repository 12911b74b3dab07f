# _operator.itemgetter/attrgetter/methodcaller (operator uses them): results, reprs
# (recursive too), pickling, argument errors, and no subclassing.
import operator, _operator, pickle, copy
print(operator.itemgetter is _operator.itemgetter, operator.itemgetter.__module__, operator.itemgetter.__name__, operator.itemgetter.__qualname__)
ig = operator.itemgetter(1); ig2 = operator.itemgetter(2, 0, -1)
print(ig("abc"), ig2("abcd"), repr(ig), repr(ig2), ig.__reduce__()[1])
ag = operator.attrgetter("real", "imag.real"); print(ag(3+4j), repr(ag), repr(operator.attrgetter("x")))
mc = operator.methodcaller("split", ",", maxsplit=1); print(mc("a,b,c"), repr(mc), repr(operator.methodcaller("upper")))
for obj in (ig, ig2, ag, mc, operator.methodcaller("upper")):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        o2 = pickle.loads(pickle.dumps(obj, proto))
    print(repr(o2) == repr(obj), type(copy.copy(obj)).__name__)
for f in [lambda: operator.itemgetter(), lambda: operator.itemgetter(a=1), lambda: ig(), lambda: ig(1, 2), lambda: ig("a", b=1), lambda: ig("a"),
          lambda: operator.attrgetter(), lambda: operator.attrgetter(2), lambda: operator.attrgetter("x", b=1), lambda: operator.attrgetter("child.")(1), lambda: ag(),
          lambda: operator.methodcaller(), lambda: operator.methodcaller(12), lambda: mc(), lambda: mc(1, 2), lambda: mc("a", k=1), lambda: operator.methodcaller("nope")(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
try:
    class X(operator.itemgetter): pass
except TypeError as e: print("TypeError", e)
l = []; g = operator.itemgetter(l); l.append(g); print(repr(g))
print(sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)))
