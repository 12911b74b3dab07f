def f():
    global late
    late = "set in f"
f()
print(late)
def g():
    x = 1
    def h():
        global x
        return x
    return h()
x = "module x"
print(g())
try:
    exec("def bad():\n    x = 1\n    global x\n")
except SyntaxError as e:
    print(type(e).__name__, e)
try:
    exec("def bad2():\n    nonlocal zz\n")
except SyntaxError as e:
    print(type(e).__name__, e)
