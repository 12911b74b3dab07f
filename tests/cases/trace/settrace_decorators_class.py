# Decorator calls run on their decorator's line; a class body's implicit return is
# on the line that leads to it.
import sys

def t(frame, event, arg):
    if frame.f_code.co_name in ('outer', 'A'):
        print(frame.f_code.co_name, event, frame.f_lineno - outer.__code__.co_firstlineno)
    return t

def outer():
    def decorator1(f):
        return f
    def decorator_fabric():
        def decorator2(f):
            return f
        return decorator2
    @decorator1
    @decorator_fabric()
    def decorated_fn():
        x = 1
    class A:
        if len('ab') < 9:
            a = 1
        else:
            a = 2
    return A.a

sys.settrace(t)
outer()
sys.settrace(None)

def bad(f):
    raise ValueError('bad decorator')

def fine(f):
    return f

@fine
@bad
def victim():
    pass
