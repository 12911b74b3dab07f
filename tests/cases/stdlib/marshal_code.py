# marshal round-trips code objects (nested code and constants included); the
# result runs. Functions themselves are unmarshallable.
import marshal


def f(a, b=2, *c, d, **e):
    "doc"
    x = [i * a for i in range(b)]

    def g():
        return x
    return g, c, d, e


co = f.__code__
data = marshal.dumps(co)
print(data[:1], type(data))
c2 = marshal.loads(data)
print(type(c2).__name__, c2.co_name, c2.co_varnames, c2.co_argcount, c2.co_kwonlyargcount)
print(c2.co_filename == co.co_filename, c2.co_firstlineno, c2.co_consts[0], c2.co_flags == co.co_flags)
ns = {}
src = "def k(a, *c, d, **e):\n    return [a * 2, c, d, e, [i for i in range(a)]]\n"
exec(marshal.loads(marshal.dumps(compile(src, "<y>", "exec"))), ns)
print(ns["k"](3, 2, d=1, z=5))
print(eval(marshal.loads(marshal.dumps(compile("6 * 7", "<z>", "eval")))))
l = marshal.loads(marshal.dumps([co, co, {"k": (co,)}]))
print(l[0] is l[1], l[2]["k"][0] is l[0])
print(marshal.loads(marshal.dumps(co, 2)).co_name)
try:
    marshal.dumps(f)
except ValueError as e:
    print("ValueError", e)
marshal.dumps(lambda: 0)
