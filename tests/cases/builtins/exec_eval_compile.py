print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("  5"), eval(compile("7 * 6", "<s>", "eval")))
ns = {}
exec("a = 1\ndef f():\n    return a + 1\nb = f()", ns)
print(ns["a"], ns["b"], "__builtins__" in ns)
code = compile("print('compiled', v)", "<string>", "exec")
exec(code, {"v": 9})
print(type(code).__name__, code.co_filename, compile("1", "f", "single").co_name)
exec("print('single mode')", None, None)
g = {"__builtins__": {"len": len}}
try:
    exec("print(1)", g)
except NameError as e:
    print(type(e).__name__, e)
for bad in (lambda: eval("1 +"), lambda: eval("x = 1"), lambda: compile("1", "f", "bad"), lambda: eval(5), lambda: exec("raise KeyError('k')")):
    try:
        bad()
    except (SyntaxError, ValueError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
