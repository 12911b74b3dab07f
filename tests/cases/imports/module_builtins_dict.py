# __builtins__ is the builtins module in __main__, the builtins dict in an imported
# module, and exec() inserts the current builtins dict into globals lacking one.
import sys; sys.path.insert(0, sys.path[0] + "/lib")
import builtins
import builtins_probe
print(type(__builtins__).__name__, __builtins__ is builtins)
print(builtins_probe.KIND, builtins_probe.SAME, builtins_probe.FUNC_SAME)

def f():
    pass
print(f.__builtins__ is builtins.__dict__)
g = {}
exec("x = 1", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)
g2 = {}
eval("1", g2)
print(g2["__builtins__"] is builtins.__dict__)

mine = {"len": lambda s: -1, "exec": exec}
g3 = {"__builtins__": mine}
exec("inner = {}\nexec('r = len(\"abc\")', inner)\nres = inner['r']\nsame = inner['__builtins__'] is __builtins__", g3)
print(g3["res"], g3["same"])
exec("y = undefined_thing", {})
