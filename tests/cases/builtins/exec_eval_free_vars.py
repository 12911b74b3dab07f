# eval()/exec() of a code object with free variables: eval refuses it; exec needs
# closure= (3.11) with exactly that many cells; argument errors.
def outer():
    x = 10
    y = 20
    def inner():
        return x + y
    return inner


inner = outer()
c = inner.__code__
print(c.co_freevars)

for fn in (eval, exec):
    for args in [(c,), (c, {}), (c, {}, {}), (c, None, None)]:
        try:
            fn(*args)
        except TypeError as e:
            print(fn.__name__, len(args), "TypeError:", e)

print(eval(outer.__code__.co_consts[-1].__code__ if False else compile("1 + 2", "<s>", "eval")))

# exec with a closure: the code runs with the given cells (a function body's return
# value is dropped by exec, so the code stores into globals).
def make():
    a = 1
    def body():
        global seen
        seen = a
    return body


b = make()
g = {}
print(exec(b.__code__, g, closure=b.__closure__), g["seen"])
print(exec(b.__code__, g, None, closure=b.__closure__), g["seen"])
cell_type = type(b.__closure__[0])
for closure in [None, (), (1,), [b.__closure__[0]], b.__closure__ * 2, "x"]:
    try:
        exec(b.__code__, {}, closure=closure)
        print("ran")
    except TypeError as e:
        print(type(closure).__name__, "TypeError:", e)

for src, closure in [("x = 1", ()), ("x = 1", None), (compile("x = 1", "<s>", "exec"), ()),
                     (compile("x = 1", "<s>", "exec"), b.__closure__)]:
    try:
        ns = {}
        exec(src, ns, closure=closure)
        print("ok", ns.get("x"))
    except TypeError as e:
        print("TypeError:", e)

for call in ['exec("x=1", globals={})', 'eval("1", globals={})', 'exec("x=1", {}, {}, 1)',
             'exec("x=1", foo=1)', 'eval("1", {}, {}, 1)', 'eval("1", closure=None)',
             'exec()', 'eval()', 'exec("x=1", [])', 'eval("1", {}, 5)', 'eval("1", [])',
             'eval("1", 5)', 'exec("x=1", {}, 5)', 'eval("1", None, 5)', 'eval("1", {}, [])',
             'exec("1", 5)', 'eval("1", [], 5)', 'eval("1", [], {})']:
    try:
        eval(call)
        print("ok", call)
    except TypeError as e:
        print(call, "TypeError:", e)
