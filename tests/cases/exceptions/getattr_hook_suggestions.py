# An AttributeError raised by __getattr__ without a name still gets a suggestion
# in the traceback (the attribute lookup fills in name and obj).
import sys, io, traceback

class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()

class B:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError("Error", 23)

class C:
    blech = None
    def __getattribute__(self, attr):
        raise AttributeError

for cls in (A, B, C):
    try:
        cls().bluch
    except AttributeError as e:
        print(cls.__name__, e.name, type(e.obj).__name__)
        print(traceback.format_exception_only(type(e), e))
        old = sys.stderr
        sys.stderr = io.StringIO()
        sys.__excepthook__(*sys.exc_info())
        out = sys.stderr.getvalue()
        sys.stderr = old
        print(out.splitlines()[-1])

# An explicit name is kept.
class D:
    def __getattr__(self, attr):
        raise AttributeError("nope", name="other", obj=None)
try:
    D().x
except AttributeError as e:
    print(e.name, e.obj)

A().bluch
