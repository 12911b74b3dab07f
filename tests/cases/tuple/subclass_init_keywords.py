# tuple() refuses keywords unless a subclass defines its own __init__ (or
# __new__) to take them.
class Plain(tuple):
    pass

class WithInit(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg

class WithNew(tuple):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self

u = WithInit([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)
u = WithNew([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)
print(Plain([1, 2]), type(Plain()).__name__)
for f in [lambda: Plain(sequence=()), lambda: tuple(sequence=()), lambda: tuple([1], x=2),
          lambda: tuple(1, 2), lambda: Plain(1, 2), lambda: WithInit([1], 2, 3)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
