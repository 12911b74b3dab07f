# weakref.ref: __new__ ignores keyword arguments (a subclass's __init__ may take
# them), ref.__init__ refuses them; the repr names the referent with the
# __name__ its type gives it, never through an instance's __getattr__.
import weakref


class Obj:
    pass


o = Obj()
try:
    weakref.ref(o, x=1)
except TypeError as e:
    print("TypeError:", e)

for args in [(), (o, None, 3)]:
    try:
        weakref.ref.__new__(weakref.ref, *args)
    except TypeError as e:
        print("TypeError:", e)


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)


r = MyRef(o, value=24)
print(r.value, r() is o, type(r).__name__)


class Config(dict):
    def __getattr__(self, name):
        return self[name]


c = Config(offset=5)
rc = weakref.ref(c)
print("Config" in repr(rc), "(" in repr(rc))
print(repr(weakref.ref(Obj)).endswith("(Obj)>"))
print(repr(weakref.ref(len)).endswith("(len)>"))


def f():
    pass


print(repr(weakref.ref(f)).endswith("(f)>"))
