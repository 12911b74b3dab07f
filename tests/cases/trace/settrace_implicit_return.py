# The line of an implicit `return None` is the line of whatever led to it, as in
# CPython, which gives each path its own copy: seen in 'return' events and in the
# f_lineno of a finished frame.
import sys

events = []
def t(frame, event, arg):
    if frame.f_code.co_name != '<module>':
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return t

def nested_ifs(a, b):
    if a == 1:
        if b == 1:
            x = 4
        else:
            y = 6
    else:
        z = 8

def loop_end(n):
    for i in range(n):
        if i > 5:
            break
    else:
        pass

def while_end(n):
    while n:
        n -= 1

def if_pass(c):
    if c:
        pass

for f, args in [(nested_ifs, (1, 1)), (nested_ifs, (1, 2)), (nested_ifs, (2, 0)),
                (loop_end, (2,)), (loop_end, (8,)), (while_end, (2,)),
                (if_pass, (0,)), (if_pass, (1,))]:
    events.clear()
    sys.settrace(t)
    f(*args)
    sys.settrace(None)
    print(f.__name__, args, events)

def frame_of(c):
    if c:
        x = 2
    else:
        y = 4
    return None if c is None else sys._getframe()
def plain(c):
    fr = sys._getframe()
    if c:
        x = 3
    return fr
print(plain(1).f_lineno - plain.__code__.co_firstlineno, plain(0).f_lineno - plain.__code__.co_firstlineno)
