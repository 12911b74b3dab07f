m = __import__("math")
print(m.__name__, m.sqrt(16))
s = __import__("sys")
print(s is __import__("sys"))
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
def body():
    x = 5
    def m(self): return self.x
C = __build_class__(body, "C")
print(C.__name__, C.__qualname__, type(C()).__name__)
try:
    __build_class__(5, "D")
except TypeError as e:
    print(type(e).__name__, e)
import builtins
print(builtins.len is len, type(builtins).__name__, builtins.__name__)
