# module.__annotations__ is a dict created in the module dict on first use; it can be set and deleted.
import types, sys
m = types.ModuleType("m")
print("__annotations__" in m.__dict__)
a = m.__annotations__
print(a, "__annotations__" in m.__dict__, m.__annotations__ is a)
m.__annotations__ = {"x": int}
print(m.__dict__["__annotations__"])
del m.__annotations__
print("__annotations__" in m.__dict__)
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(m.__annotations__)
x: int = 3
print(sys.modules[__name__].__annotations__)
import json
print(json.__annotations__)
print(hasattr(types, "__annotations__"), sorted(k for k in dir(m) if k.startswith("__a")))
