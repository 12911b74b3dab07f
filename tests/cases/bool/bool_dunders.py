class Truthy:
    def __bool__(self):
        print("__bool__ called")
        return True
t = Truthy()
if t:
    print("truthy branch")
print(not t, t and "and-value", (t or "unused") is t, bool(t))
print(all([t, t]), any([Truthy()]), [x for x in [t] if x] == [t])
class BadBool:
    def __bool__(self): return "yes"
try:
    if BadBool(): pass
except TypeError as e:
    print(type(e).__name__, e)
