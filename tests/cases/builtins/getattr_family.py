class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2); print(o.b, vars(o))
delattr(o, "b"); print(hasattr(o, "b"))
setattr(o, "with space", 5); print(getattr(o, "with space"))
for f in (lambda: getattr(o, "zz"), lambda: getattr(o, 5), lambda: delattr(o, "zz"), lambda: setattr(5, "x", 1), lambda: hasattr(o), lambda: setattr(o, 1, 1)):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Boom:
    @property
    def p(self): raise ValueError("inside property")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print(type(e).__name__, e)
