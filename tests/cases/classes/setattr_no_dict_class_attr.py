# Setting or deleting, on an instance without __dict__, a name its class has.
class B:
    __slots__ = ('x',)
    y = 1
    def m(self):
        pass
class P:
    __slots__ = ()
    @property
    def p(self):
        return 1
b = B()
for f in (lambda: setattr(b, 'y', 2), lambda: delattr(b, 'y'), lambda: setattr(b, 'm', 2),
          lambda: setattr(b, 'z', 2), lambda: delattr(b, 'z'), lambda: delattr(b, 'x'),
          lambda: setattr(b, '__doc__', 'd'), lambda: setattr(object(), 'foo', 1),
          lambda: setattr(object(), '__doc__', 1), lambda: setattr(P(), 'p', 3), lambda: delattr(P(), 'p'),
          lambda: setattr(3, 'real', 1), lambda: setattr(3, 'bit_length', 1)):
    try:
        f()
        print("set")
    except AttributeError as e:
        print(type(e).__name__, e)
b.x = 5
print(b.x, b.y)
b.y = 3
