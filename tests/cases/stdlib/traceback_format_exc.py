import traceback
def f(x):
    return x["k"] + 1 / 0
try:
    f({"k": 1})
except ZeroDivisionError:
    print(traceback.format_exc())
try:
    "é".encode("ascii")
except UnicodeEncodeError:
    traceback.print_exc()
print(traceback.format_exception_only(LookupError, LookupError("unknown encoding: x")))
print(list(f.__code__.co_positions())[:1] != [], all(len(p) == 4 for p in f.__code__.co_positions()))
