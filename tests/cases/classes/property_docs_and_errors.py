# property docstrings (from the getter, kept by copies, on subclass instances),
# error messages with the class's qualified name, __set_name__'s arguments.
class PropertySub(property):
    """This is a subclass of property"""
class PropertySubSlots(property):
    """This is a subclass of property that defines __slots__"""
    __slots__ = ()
class Foo:
    @PropertySub
    def spam(self):
        """spam wrapped in property subclass"""
        return 1
    @spam.setter
    def spam(self, v):
        """ignored"""
    @property
    def ham(self):
        """ham doc"""
    @ham.getter
    def ham(self):
        """new ham doc"""
    eggs = property(lambda s: 1, doc="explicit")
    eggs = eggs.getter(lambda s: 2)
print(Foo.spam.__doc__, '|', Foo.ham.__doc__, '|', Foo.eggs.__doc__, '|', PropertySub.__doc__)
try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """doc"""
except AttributeError as e: print('AttributeError', e)
class A:
    class B:
        p = property()
        q = property(lambda s: 1)
for f in (lambda: A.B().p, lambda: setattr(A.B(), 'q', 1), lambda: delattr(A.B(), 'q')):
    try: f()
    except AttributeError as e: print(e)
p = property()
for args in [(), (1,), (1, 2, 3)]:
    try: p.__set_name__(*args)
    except TypeError as e: print(e)
