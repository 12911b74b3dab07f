# sys.setprofile: 'call'/'return' for Python frames (also when they raise and
# around generator resumptions), 'c_call'/'c_return'/'c_exception' for builtins
# called from bytecode (functions, methods loaded as methods, keyword and *args
# calls); none for types, slot wrappers or the hook's own calls.
import sys

events = []


def hook(frame, event, arg):
    name = getattr(arg, "__name__", None) if event.startswith("c_") else None
    events.append((event, frame.f_code.co_name, name))
    len([])  # not reported: the hook's own calls


def inner(x):
    if x < 0:
        raise ValueError("negative")
    return x * 2


def gen():
    yield 1
    yield 2


class C:
    def method(self):
        return inner(1)


def work():
    lst = []
    lst.append(inner(3))
    max([1, 2], key=abs)
    max(*([1, 2],))
    sorted([3, 1], **{"reverse": True})
    try:
        inner(-1)
    except ValueError:
        pass
    try:
        int("x")
    except ValueError:
        pass
    try:
        "abc".index("z")
    except ValueError:
        pass
    try:
        divmod(1, 0)
    except ZeroDivisionError:
        pass
    for v in gen():
        lst.append(v)
    C().method()
    object.__repr__(lst)
    return lst


sys.setprofile(hook)
work()
sys.setprofile(None)
for e in events:
    print(e)
print(sys.getprofile())
