# A dict subclass as globals: LOAD_GLOBAL reads it (and builtins) through __getitem__.
class Missing(dict):
    def __missing__(self, key):
        print("missing", key)
        if key.startswith("n_"):
            return int(key[2:])
        raise KeyError(key)

g = Missing()
f = eval("lambda: n_1 + n_20", g)
for _ in range(3):
    print(f())
print(eval("len('abc')", g))          # __missing__('len') first, then builtins
exec("def h():\n    return n_5 * 2\n", g)
print(g["h"]())
print(sorted(k for k in g if not k.startswith("__")))

class Upper(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return super().__getitem__(key)

u = Upper(x=1)
f = eval("lambda: y", u)
try:
    f()
except NameError as e:
    print(type(e).__name__, e, e.name)

class Bad(dict):
    def __missing__(self, key):
        raise ValueError("no " + key)

f = eval("lambda: undefined_name", Bad())
try:
    f()
except ValueError as e:
    print(type(e).__name__, e)

# A custom mapping as builtins.
class B(dict):
    def __missing__(self, key):
        return "from builtins " + key

f = eval("lambda: zzz", {"__builtins__": B()})
print(f())

f = eval("lambda: n_x", Missing())
f()
